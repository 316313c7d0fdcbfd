"""Nearby sharing: AirDrop, NameDrop, Quick Share, Bluetooth, device names, and cyberflashing.

Cyberflashing is asked about whatever the channel (messages, social media, dating apps, nearby
sharing, video calls); its response steps come per device or app, and its law per nation.
"""

from __future__ import annotations

from safety_check.authoring import not_sure, opt, single, source, steps
from safety_check.models import Rule

CHECKED = "2026-11-25"
RECHECKED = "2026-12-01"
SINCE = "2026.11.0"
SINCE_CYBERFLASHING = "2026.12.0"

AIRDROP_LIMIT = source(
    "TechRepublic: how to limit AirDrop spam with iOS 16.2",
    "https://www.techrepublic.com/article/how-to-limit-airdrop-spam-ios-16-2/",
    weak=True,
)
MAC_AIRDROP = source(
    "AppleMagazine: Mac AirDrop visibility settings",
    "https://applemagazine.com/mac-airdrop-visibility/amp/",
    weak=True,
)
CCM_CYBERFLASHING = source(
    "CCM: protect yourself from unsolicited images on AirDrop and Quick Share",
    "https://ccm.net/mobile/12375-protect-yourself-from-receiving-unsolicited-images-on-your-mobile",
    weak=True,
)
SAFER_INTERNET_CYBERFLASHING = source(
    "UK Safer Internet Centre: cyberflashing, most often by AirDrop (set AirDrop to Contacts Only "
    "or Receiving Off in Settings, General, AirDrop)",
    "https://saferinternet.org.uk/online-issue/cyberflashing",
)
NAMEDROP_TOGGLE = source(
    "The Indiana Lawyer: NameDrop and the Bringing Devices Together setting",
    "https://www.theindianalawyer.com/articles/marquez-namedropping-may-get-you-the-connection-youre-seeking",
    weak=True,
)
NAMEDROP_SLASHGEAR = source(
    "SlashGear: Apple NameDrop explained",
    "https://www.slashgear.com/1306870/apple-namedrop-explained/",
    weak=True,
)
GOOGLE_QUICK_SHARE = source(
    "Google Android Help: share content with nearby devices (Quick Share)",
    "https://support.google.com/android/answer/9286773",
)
ESAFETY_PHONES = source(
    "eSafety Commissioner (Australia): phones and tablets (turn off Bluetooth when you are not "
    "using it)",
    "https://www.esafety.gov.au/women/using-your-device-safely/phones-tablets",
)
DEVICE_NAME = source(
    "EverydayTech: how to change the device name on your iPhone",
    "https://everydaytech.org/devices-hardware/device-settings-management/how-do-you-change-device-name-on-iphone",
    weak=True,
)
CYBERFLASHING_LAW = source(
    "legislation.gov.uk: Online Safety Act 2023, offences inserted into the Sexual Offences "
    "Act 2003 (cyberflashing, section 66A)",
    "https://legislation.gov.uk/cy/ukpga/2023/50/part/10/crossheading/offences-to-be-inserted-into-sexual-offences-act-2003?view=interweave",
)
VICTIM_SUPPORT = source(
    "Victim Support: 24/7 support for victims of crime",
    "https://www.victimsupport.org.uk/247-support-still-available-victims-crime/",
)
UKCIS_SHARING_NUDES = source(
    "Welsh Government (UKCIS): sharing nudes and semi-nudes, including by AirDrop",
    "https://hwb.gov.wales/keeping-safe-online/welsh-government-guidance/sharing-nudes-and-semi-nudes-responding-to-incidents-and-safeguarding-children-and-young-people",
)
SEXUAL_OFFENCES_ACT_66A = source(
    "legislation.gov.uk: Sexual Offences Act 2003, section 66A, sending a photograph or film of "
    "genitals (England and Wales)",
    "https://legislation.gov.uk/ukpga/2003/42/part/1/crossheading/other-offences",
)
SCOTLAND_SECTION_6 = source(
    "legislation.gov.uk: Sexual Offences (Scotland) Act 2009, section 6, coercing a person into "
    "looking at a sexual image (explanatory notes)",
    "https://www.legislation.gov.uk/asp/2009/9/notes/division/3/1/6/data.xht?view=snippet&wrap=true",
)
NORTHERN_IRELAND_72A = source(
    "legislation.gov.uk: Justice (Sexual Offences and Trafficking Victims) Act (Northern Ireland) "
    "2022, inserting Article 72A, sending an unwanted sexual image",
    "https://www.legislation.gov.uk/nia/2022/19/schedules/enacted",
)
NORTHERN_IRELAND_72A_NOTES = source(
    "legislation.gov.uk: explanatory notes to the 2022 Act (Northern Ireland): sending an "
    "unwanted sexual image",
    "https://legislation.gov.uk/cy/nia/2022/19/notes/division/3/1?view=plain",
)
COLLEGE_OF_POLICING = source(
    "College of Policing: sending images of genitals, often by AirDrop and social media apps",
    "https://production.copweb.aws.college.police.uk/guidance/sharing-photographs-of-people-intimate-state",
)
MET_POLICE = source(
    "Metropolitan Police: you don't need to work out which offence applies when you report",
    "https://www.met.police.uk/advice/advice-and-information/online-safety/online-safety/intimate-image-abuse-revenge-porn/",
)
PSNI = source(
    "Police Service of Northern Ireland: phoning the police in an emergency or not",
    "https://www.psni.police.uk/inside-psni/our-departments/district-policing-command/call-management/",
)
RPH_FAQ = source(
    "Revenge Porn Helpline: FAQ (keeping evidence with screenshots)",
    "https://revengepornhelpline.org.uk/faq/",
)
TINDER_BASICS = source(
    "Tinder Safety Centre (UK): the basics (report sexual requests and behaviour)",
    "https://policies.tinder.com/safety-center/guide/basics/intl/en-GB",
)
CHILDLINE = source("NSPCC Learning: Childline", "https://learning.nspcc.org.uk/services/childline")
CEOP = source("Thinkuknow: CEOP Safety Centre", "https://www.thinkuknow.co.uk/11_13/help/CEOP/")

APPLE_DEVICES = "profile.devices in [iphone_ipad, mac]"
PHONES_AND_COMPUTERS = "profile.devices in [iphone_ipad, android, mac, windows, chromebook]"
UNDER_18 = "profile.age_band in [under_13, 13_15, 16_17]"

AIRDROP_SETTING = single(
    "nearby_sharing.airdrop_setting",
    "Who can send you things by AirDrop?",
    role="habit",
    options=(
        opt("receiving_off", "Receiving Off", 1.0),
        opt("contacts_only", "Contacts Only", 1.0),
        opt("everyone", "Everyone, or Everyone for 10 Minutes", 0.0),
        not_sure(),
    ),
    hint="AirDrop sends photos and files between nearby iPhones, iPads and Macs.",
    when=APPLE_DEVICES,
    weight=3,
)

NAMEDROP_KNOWLEDGE = single(
    "nearby_sharing.namedrop_knowledge",
    "Can someone copy your contact details just by holding their iPhone near yours?",
    role="habit",
    options=(opt("yes", "Yes"), opt("no", "No"), not_sure(None)),
    hint="This is about NameDrop, the iPhone feature for swapping contact details.",
    when="profile.devices has iphone_ipad",
)

QUICK_SHARE_VISIBILITY_QUESTION = single(
    "nearby_sharing.quick_share_visibility",
    "On your Android phone, who can send you things with Quick Share?",
    role="habit",
    options=(
        opt("off", "Off", 1.0),
        opt("your_devices", "Your devices", 1.0),
        opt("contacts", "Contacts", 1.0),
        opt("everyone", "Everyone, or Everyone for 10 minutes", 0.0),
        not_sure(),
    ),
    hint="Quick Share (once called Nearby Share) sends files between nearby devices.",
    when="profile.devices has android",
    weight=3,
)

BLUETOOTH_WHEN_UNUSED = single(
    "nearby_sharing.bluetooth_when_unused",
    "When you're not using Bluetooth, do you turn it off?",
    role="habit",
    options=(
        opt("turn_off", "Yes, I turn it off", 1.0),
        opt("sometimes", "Sometimes", 0.5),
        opt("leave_on", "No, I leave it on", 0.0),
        opt("always_in_use", "I use it all day, for example for headphones or a watch"),
        not_sure(),
    ),
    when=PHONES_AND_COMPUTERS,
    weight=1,
)

DEVICE_NAME_QUESTION = single(
    "nearby_sharing.device_name",
    'Does the name of your phone or computer include your full name, like "Alex Smith\'s iPhone"?',
    role="habit",
    options=(
        opt("full_name", "Yes, my full name", 0.0),
        opt("first_name", "Only my first name", 0.7),
        opt("no_name", "No, it doesn't show my name", 1.0),
        not_sure(),
    ),
    hint="People nearby may see this name when you use AirDrop, Quick Share or Bluetooth.",
    when=PHONES_AND_COMPUTERS,
    weight=1,
)

UNWANTED_SEXUAL_IMAGE = single(
    "nearby_sharing.unwanted_sexual_image",
    "Has anyone sent you a sexual picture or video you didn't want? It might be by message, on "
    "social media, on a dating app, by AirDrop or on a video call?",
    role="disclosure",
    options=(
        opt("yes", "Yes", harm=True),
        opt("no", "No"),
        opt("prefer_not_to_say", "I'd rather not say"),
    ),
    hint="This includes Quick Share and Bluetooth, and being shown something sexual on a video "
    "call. You only need to answer yes or no.",
)

QUESTIONS = (
    AIRDROP_SETTING,
    NAMEDROP_KNOWLEDGE,
    QUICK_SHARE_VISIBILITY_QUESTION,
    BLUETOOTH_WHEN_UNUSED,
    DEVICE_NAME_QUESTION,
    UNWANTED_SEXUAL_IMAGE,
)

AIRDROP_CONTACTS_ONLY = Rule(
    id="nearby_sharing_airdrop_contacts_only",
    area="nearby_sharing",
    purpose="prevention",
    title="Set AirDrop to Contacts Only, or turn receiving off",
    summary="Set AirDrop to Contacts Only or Receiving Off, so strangers nearby can't send you "
    "pictures.",
    why="With Everyone, anyone nearby can send you an AirDrop, and the preview can show a "
    "picture before you choose to accept it. Contacts Only or Receiving Off stops strangers' "
    "requests reaching your screen.",
    fires="nearby_sharing.airdrop_setting in [everyone, not_sure]",
    how_to_check=(
        steps(
            "iphone_ipad",
            "Swipe down from the top-right corner to open Control Centre.",
            "Press and hold the box with the Wi-Fi and Bluetooth buttons. The AirDrop button "
            "shows Receiving Off, Contacts Only or Everyone.",
            "You can also look in Settings, then General, then AirDrop.",
            checked=CHECKED,
        ),
        steps(
            "mac",
            "Click Control Centre in the menu bar and look at AirDrop.",
            "Or open a Finder window and click AirDrop in the sidebar to see who can find "
            "your Mac. Names can differ between macOS versions.",
            checked=CHECKED,
        ),
    ),
    steps=(
        steps(
            "iphone_ipad",
            "Swipe down from the top-right corner to open Control Centre.",
            "Press and hold the box with the Wi-Fi and Bluetooth buttons, then tap AirDrop.",
            "Choose Contacts Only, or Receiving Off if you don't use AirDrop. You can also do "
            "this in Settings, then General, then AirDrop.",
            "If you need a file from someone who isn't in your contacts, choose Everyone for "
            "10 Minutes. On recent versions of iOS it should switch back to Contacts Only by "
            "itself after 10 minutes. Check on your phone, as menus can change.",
            "Contacts Only works when the sender's Apple Account email or phone number is "
            "saved in your contacts.",
            checked=CHECKED,
        ),
        steps(
            "mac",
            "Click Control Centre in the menu bar, then AirDrop, and choose Contacts Only, or "
            "turn AirDrop off.",
            "Or open a Finder window, click AirDrop in the sidebar, and change who can find "
            "your Mac. Names can differ between macOS versions.",
            checked=CHECKED,
        ),
        steps(
            "general",
            "If an AirDrop arrives that you weren't expecting, tap Decline. You don't need to "
            "open it.",
            checked=CHECKED,
        ),
    ),
    severity="high",
    effort_minutes=2,
    sources=(
        UKCIS_SHARING_NUDES,
        AIRDROP_LIMIT,
        MAC_AIRDROP,
        SAFER_INTERNET_CYBERFLASHING,
    ),
    since=SINCE,
)

NAMEDROP_FACTS = Rule(
    id="nearby_sharing_namedrop_know_the_facts",
    area="nearby_sharing",
    purpose="prevention",
    title="Know the facts about NameDrop on iPhone",
    summary="NameDrop only swaps contact details when both people unlock their iPhones and choose "
    "to, so nobody can take yours.",
    why="NameDrop lets two iPhones swap contact details, but only when both people choose to. "
    "Knowing how it works means you stay in control, without needing to worry about it.",
    fires="nearby_sharing.namedrop_knowledge in [yes, not_sure]",
    steps=(
        steps(
            "iphone_ipad",
            "NameDrop is made to work only when both iPhones are unlocked and held very close "
            "together.",
            "It asks you to tap Share or Receive Only before anything is swapped. Receive Only "
            "gets the other person's details without sending yours.",
            "If you'd rather not use it, go to Settings, then General, then AirDrop, and turn "
            "off Bringing Devices Together. AirDrop still works.",
            checked=CHECKED,
        ),
    ),
    severity="low",
    effort_minutes=2,
    sources=(NAMEDROP_TOGGLE, NAMEDROP_SLASHGEAR),
    since=SINCE,
)

QUICK_SHARE_LIMIT = Rule(
    id="nearby_sharing_quick_share_limit_visibility",
    area="nearby_sharing",
    purpose="prevention",
    title="Set Quick Share to Your devices or Contacts",
    summary="Set Quick Share to Your devices or Contacts, so strangers nearby can't send you "
    "files or pictures.",
    why="With Everyone, anyone nearby can try to send you files, including pictures you don't "
    "want. Your devices or Contacts keeps strangers out, and you can still open it up for a "
    "few minutes when you need to.",
    fires="nearby_sharing.quick_share_visibility in [everyone, not_sure]",
    how_to_check=(
        steps(
            "android",
            "Swipe down from the top of the screen to open Quick Settings.",
            "Find the Quick Share tile. If it isn't there, tap the pencil (edit) icon to add it.",
            "Tap the tile to see who can share with you.",
            checked=CHECKED,
        ),
    ),
    steps=(
        steps(
            "android",
            "Open Quick Settings and tap the Quick Share tile. Add it with the pencil icon if "
            "it's missing.",
            "Choose Your devices or Contacts. If you don't use Quick Share, you can switch it "
            "off there too.",
            "Use Everyone for 10 minutes only while you're getting a file from someone new.",
            "Menus differ between phone makers. On some phones you may find Quick Share in "
            "Settings, under Connected devices and then Connection preferences.",
            "If a file arrives that you weren't expecting, decline it. You don't need to open it.",
            checked=CHECKED,
        ),
    ),
    severity="high",
    effort_minutes=2,
    sources=(GOOGLE_QUICK_SHARE, CCM_CYBERFLASHING),
    since=SINCE,
)

BLUETOOTH_OFF = Rule(
    id="nearby_sharing_bluetooth_off_when_unused",
    area="nearby_sharing",
    purpose="prevention",
    title="Turn Bluetooth off when you're not using it",
    summary="Turn Bluetooth off when you don't need it, so devices nearby can't send you requests.",
    why="While Bluetooth is on, devices nearby may be able to send you requests to connect or "
    "share files. It isn't the main way unwanted pictures are sent, but turning it off when "
    "you don't need it is a quick extra step.",
    fires="nearby_sharing.bluetooth_when_unused in [sometimes, leave_on, not_sure]",
    how_to_check=(
        steps(
            "iphone_ipad",
            "Go to Settings, then Bluetooth, to see if it's on.",
            checked=CHECKED,
        ),
        steps(
            "android",
            "Swipe down to open Quick Settings. A highlighted Bluetooth tile means it's on.",
            checked=CHECKED,
        ),
        steps(
            "mac",
            "Click Control Centre in the menu bar and look at Bluetooth.",
            checked=CHECKED,
        ),
        steps(
            "windows",
            "Open Settings and look for Bluetooth & devices.",
            checked=CHECKED,
        ),
    ),
    steps=(
        steps(
            "general",
            "When you're not using headphones, a watch or a speaker, turn Bluetooth off.",
            "Don't accept requests to connect, or files, from devices you don't recognise.",
            "Keep your device's software up to date.",
            checked=CHECKED,
        ),
        steps(
            "iphone_ipad",
            "Go to Settings, then Bluetooth, and turn it off.",
            checked=CHECKED,
        ),
        steps(
            "android",
            "Open Quick Settings and tap the Bluetooth tile to turn it off.",
            checked=CHECKED,
        ),
        steps(
            "mac",
            "Click Control Centre in the menu bar, then Bluetooth, and turn it off.",
            checked=CHECKED,
        ),
        steps(
            "windows",
            "Open Settings, then Bluetooth & devices, and turn Bluetooth off.",
            checked=CHECKED,
        ),
    ),
    severity="low",
    effort_minutes=1,
    sources=(ESAFETY_PHONES,),
    since=SINCE,
)

DEVICE_NAME_RULE = Rule(
    id="nearby_sharing_device_name_without_full_name",
    area="nearby_sharing",
    purpose="prevention",
    title="Give your devices a name that doesn't show your full name",
    summary="Give your phone and computer a name without your full name, so strangers nearby "
    "can't see who you are.",
    why="Your device's name may show on other people's screens when you use AirDrop, Quick "
    "Share or Bluetooth. A name without your full name means strangers nearby can't learn who "
    "you are from it.",
    fires="nearby_sharing.device_name in [full_name, not_sure]",
    how_to_check=(
        steps(
            "iphone_ipad",
            "On most iPhones and iPads, the name is in Settings, then General, then About, "
            "then Name.",
            checked=CHECKED,
        ),
        steps(
            "android",
            "On many Android phones, look in Settings, then About phone, for Device name. The "
            "path varies by phone maker.",
            checked=CHECKED,
        ),
        steps(
            "mac",
            "On a Mac, look in System Settings, then General, then About or Sharing.",
            checked=CHECKED,
        ),
        steps(
            "windows",
            "In Windows, look in Settings, then System, then About.",
            checked=CHECKED,
        ),
    ),
    steps=(
        steps(
            "general",
            'Choose a name without your surname, such as a nickname or "My phone".',
            checked=CHECKED,
        ),
        steps(
            "iphone_ipad",
            "On most iPhones and iPads, go to Settings, then General, then About, then Name, "
            "and type a new name. Check on your device, as menus can change.",
            checked=CHECKED,
        ),
        steps(
            "android",
            "On many Android phones, go to Settings, then About phone, then Device name. The "
            "path varies by phone maker.",
            checked=CHECKED,
        ),
        steps(
            "mac",
            "On a Mac, look for the name in System Settings, then General, then About or "
            "Sharing, and change it there.",
            checked=CHECKED,
        ),
        steps(
            "windows",
            "In Windows, look in Settings, then System, then About, for the option to rename "
            "your PC.",
            checked=CHECKED,
        ),
    ),
    severity="low",
    effort_minutes=2,
    sources=(DEVICE_NAME, CCM_CYBERFLASHING),
    since=SINCE,
)

UNWANTED_IMAGE_REPORT = Rule(
    id="nearby_sharing_unwanted_image_report_it",
    area="nearby_sharing",
    purpose="response",
    title="Block and report whoever sent you an unwanted sexual picture",
    summary="It's not your fault: don't reply, screenshot who sent it but not the picture, then "
    "block and report them.",
    why="It's not your fault, whatever you were doing. Reporting the sender can get their "
    "account stopped, and a screenshot of who sent it helps if you tell the police.",
    fires="nearby_sharing.unwanted_sexual_image = yes",
    steps=(
        steps(
            "general",
            "It's not your fault, whatever you were doing and wherever you were.",
            "You don't have to reply. Don't send anything back.",
            "Keep evidence: screenshot the sender's name or profile and their message, with the "
            "date and time showing. Keep the picture itself out of the screenshot.",
            "If the sender, or the person in the picture, might be under 18, don't save, "
            "screenshot or send on the picture, not even to show someone. Write down the date "
            "and time instead.",
            "Then block them. Report them in the app or on the site where it happened. Most "
            "apps let you report from the message or from the person's profile.",
            "If it happened on a video call, end the call. Then screenshot their profile or "
            "username, not the call.",
            checked=RECHECKED,
        ),
        steps(
            "iphone_ipad",
            "If it came by AirDrop and you haven't opened it, tap Decline.",
            "Write down the name of the device that sent it, and the time and place.",
            "Then set AirDrop to Contacts Only or Receiving Off.",
            checked=RECHECKED,
        ),
        steps(
            "mac",
            "If it came by AirDrop, decline it. Then set AirDrop to Contacts Only, or turn it off.",
            checked=RECHECKED,
        ),
        steps(
            "android",
            "If it came by Quick Share or Bluetooth, decline it.",
            "Write down the name of the device that sent it, and the time and place.",
            "Then set Quick Share to Your devices or Contacts.",
            checked=RECHECKED,
        ),
        steps(
            "dating_apps",
            "On a dating app, report the profile from inside the app, then unmatch or block "
            "them. Dating apps ask you to report sexual behaviour like this, so they can act.",
            checked=RECHECKED,
        ),
    ),
    severity="high",
    effort_minutes=10,
    sources=(
        COLLEGE_OF_POLICING,
        UKCIS_SHARING_NUDES,
        RPH_FAQ,
        TINDER_BASICS,
        GOOGLE_QUICK_SHARE,
        SAFER_INTERNET_CYBERFLASHING,
    ),
    since=SINCE,
)

UNWANTED_IMAGE_POLICE = Rule(
    id="nearby_sharing_unwanted_image_tell_the_police",
    area="nearby_sharing",
    purpose="response",
    title="Know that cyberflashing is a crime, and that you can tell the police",
    summary="It's not your fault, and you can report an unwanted sexual picture to the police: "
    "it can be a crime.",
    why="Sending someone a sexual picture they didn't agree to see is called cyberflashing. "
    "In England and Wales it is a crime, and other parts of the UK have laws that can cover it. "
    "You can report it, and get support, whether or not you go to the police.",
    fires="nearby_sharing.unwanted_sexual_image = yes",
    steps=(
        steps(
            "general",
            "It's not your fault. The person who sent it is the one who did wrong.",
            "You don't need to know which law applies. The police can work that out.",
            "You can report it to the police: {police_non_emergency}, or {police_emergency} if "
            "you're in danger.",
            "If you can, tell them the time and place, and the sender's name, username or "
            "device name.",
            checked=RECHECKED,
        ),
        steps(
            "england",
            "In England, cyberflashing is a crime under the Sexual Offences Act (section 66A). "
            "It covers sending a picture or video of genitals to scare, upset or shame someone, "
            "or for sexual pleasure.",
            "In England, {victim_support} can help you, whether or not you tell the police.",
            checked=RECHECKED,
        ),
        steps(
            "wales",
            "In Wales, cyberflashing is a crime under the Sexual Offences Act (section 66A). "
            "It covers sending a picture or video of genitals to scare, upset or shame someone, "
            "or for sexual pleasure.",
            "In Wales, {victim_support} can help you, whether or not you tell the police.",
            checked=RECHECKED,
        ),
        steps(
            "scotland",
            "In Scotland, it's a crime to make someone look at a sexual picture to scare, upset "
            "or shame them, or for sexual pleasure. The law is the Sexual Offences (Scotland) "
            "Act (section 6).",
            "In Scotland, you report it to Police Scotland.",
            checked=RECHECKED,
        ),
        steps(
            "northern_ireland",
            "In Northern Ireland, sending someone a sexual picture they didn't agree to is a "
            "crime. The law is the Sexual Offences (Northern Ireland) Order (Article 72A).",
            "In Northern Ireland, you report it to the PSNI, the police service there.",
            checked=RECHECKED,
        ),
    ),
    severity="high",
    effort_minutes=10,
    sources=(
        SEXUAL_OFFENCES_ACT_66A,
        CYBERFLASHING_LAW,
        SCOTLAND_SECTION_6,
        NORTHERN_IRELAND_72A,
        NORTHERN_IRELAND_72A_NOTES,
        COLLEGE_OF_POLICING,
        MET_POLICE,
        PSNI,
        VICTIM_SUPPORT,
    ),
    since=SINCE_CYBERFLASHING,
)

UNWANTED_IMAGE_UNDER_18 = Rule(
    id="nearby_sharing_unwanted_image_under_18_support",
    area="nearby_sharing",
    purpose="response",
    title="Tell a trusted adult or Childline about the picture you were sent",
    summary="A trusted adult or Childline can help you with the picture you were sent, and it's "
    "not your fault.",
    why="It's not your fault that someone sent it. Talking to a trusted adult or "
    "Childline means you don't have to deal with it on your own, and they can help you report "
    "it.",
    fires="nearby_sharing.unwanted_sexual_image = yes",
    applies=UNDER_18,
    steps=(
        steps(
            "general",
            "Tell a parent, carer, teacher or another adult you trust what happened.",
            "You don't need to show anyone the picture. Just tell them about it.",
            "Don't save it or send it on to anyone, even to show a friend what happened.",
            "You can talk to {childline} at any time, about anything.",
            "If an adult sent it, or someone is pressuring you for pictures, you can report it "
            "to {ceop}.",
            checked=CHECKED,
        ),
    ),
    severity="high",
    effort_minutes=5,
    sources=(CHILDLINE, CEOP, UKCIS_SHARING_NUDES),
    since=SINCE,
)

RULES = (
    AIRDROP_CONTACTS_ONLY,
    NAMEDROP_FACTS,
    QUICK_SHARE_LIMIT,
    BLUETOOTH_OFF,
    DEVICE_NAME_RULE,
    UNWANTED_IMAGE_REPORT,
    UNWANTED_IMAGE_POLICE,
    UNWANTED_IMAGE_UNDER_18,
)
