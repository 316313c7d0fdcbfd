"""Nearby sharing: AirDrop, NameDrop, Quick Share, Bluetooth, device names, and cyberflashing."""

from __future__ import annotations

from safety_check.authoring import not_sure, opt, single, source, steps
from safety_check.models import Rule

CHECKED = "2026-11-25"
SINCE = "2026.11.0"

AIRDROP_LIMIT = source(
    "TechRepublic: how to limit AirDrop spam with iOS 16.2",
    "https://www.techrepublic.com/article/how-to-limit-airdrop-spam-ios-16-2/",
)
AIRDROP_TEN_MINUTES = source(
    "iLounge: AirDrop's 10-minute limit applies worldwide",
    "https://www.ilounge.com/news/airdrop-10-minute-time-limit-to-apply-globally",
)
MAC_AIRDROP = source(
    "AppleMagazine: Mac AirDrop visibility settings",
    "https://applemagazine.com/mac-airdrop-visibility/amp/",
)
CCM_CYBERFLASHING = source(
    "CCM: protect yourself from unsolicited images on AirDrop and Quick Share",
    "https://ccm.net/mobile/12375-protect-yourself-from-receiving-unsolicited-images-on-your-mobile",
)
NAMEDROP_EXPLAINED = source(
    "Knowligent: how NameDrop works on iPhone and how to turn it off",
    "https://knowligent.com/how-namedrop-works-on-iphone-and-how-to-turn-it-off",
)
NAMEDROP_TOGGLE = source(
    "The Indiana Lawyer: NameDrop and the Bringing Devices Together setting",
    "https://www.theindianalawyer.com/articles/marquez-namedropping-may-get-you-the-connection-youre-seeking",
)
NAMEDROP_SLASHGEAR = source(
    "SlashGear: Apple NameDrop explained",
    "https://www.slashgear.com/1306870/apple-namedrop-explained/",
)
GOOGLE_QUICK_SHARE = source(
    "Google Android Help: share content with nearby devices (Quick Share)",
    "https://support.google.com/android/answer/9286773",
)
QUICK_SHARE_VISIBILITY = source(
    "SeeMyPhone: Quick Share visibility options",
    "https://seemyphone.com/news/135567.html",
)
BLUETOOTH_IPHONE = source(
    "Total Defense: turn off automatic Bluetooth connections on your iPhone",
    "https://www.totaldefense.com/security-blog/disable-automatic-bluetooth-connectivity-on-your-iphone/",
)
BLUETOOTH_RISKS = source(
    "Unanswered.io: is it safe to leave Bluetooth on?",
    "https://unanswered.io/guide/is-it-safe-to-leave-bluetooth-on-security-risks",
)
DEVICE_NAME = source(
    "EverydayTech: how to change the device name on your iPhone",
    "https://everydaytech.org/devices-hardware/device-settings-management/how-do-you-change-device-name-on-iphone",
)
CYBERFLASHING_LAW = source(
    "legislation.gov.uk: Online Safety Act 2023, offences inserted into the Sexual Offences "
    "Act 2003 (cyberflashing, section 66A)",
    "https://legislation.gov.uk/cy/ukpga/2023/50/part/10/crossheading/offences-to-be-inserted-into-sexual-offences-act-2003?view=interweave",
)
CYBERFLASHING_EXPLAINED = source(
    "Hickman & Rose: the new offences under the Online Safety Act 2023",
    "https://www.hickmanandrose.co.uk/what-are-the-new-offences-under-the-online-safety-act-2023/",
)
VICTIM_SUPPORT = source(
    "Victim Support: 24/7 support for victims of crime",
    "https://www.victimsupport.org.uk/247-support-still-available-victims-crime/",
)
UKCIS_SHARING_NUDES = source(
    "Welsh Government (UKCIS): sharing nudes and semi-nudes, including by AirDrop",
    "https://hwb.gov.wales/keeping-safe-online/welsh-government-guidance/sharing-nudes-and-semi-nudes-responding-to-incidents-and-safeguarding-children-and-young-people",
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
    "Has anyone ever sent you a sexual picture you didn't want, using AirDrop, Quick Share or "
    "Bluetooth?",
    role="disclosure",
    options=(
        opt("yes", "Yes", harm=True),
        opt("no", "No"),
        opt("prefer_not_to_say", "I'd rather not say"),
    ),
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
            "10 Minutes. On iOS 16.2 and later it switches back to Contacts Only by itself.",
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
    sources=(AIRDROP_LIMIT, AIRDROP_TEN_MINUTES, CCM_CYBERFLASHING, MAC_AIRDROP),
    since=SINCE,
)

NAMEDROP_FACTS = Rule(
    id="nearby_sharing_namedrop_know_the_facts",
    area="nearby_sharing",
    purpose="prevention",
    title="Know the facts about NameDrop on iPhone",
    why="NameDrop lets two iPhones swap contact details, but only when both people choose to. "
    "Knowing how it works means you stay in control, without needing to worry about it.",
    fires="nearby_sharing.namedrop_knowledge in [yes, not_sure]",
    steps=(
        steps(
            "iphone_ipad",
            "NameDrop only works when both iPhones are unlocked and held very close together.",
            "Nothing is shared until you tap Share or Receive Only. Receive Only gets the other "
            "person's details without sending yours.",
            "If you'd rather not use it, go to Settings, then General, then AirDrop, and turn "
            "off Bringing Devices Together. AirDrop still works.",
            checked=CHECKED,
        ),
    ),
    severity="low",
    effort_minutes=2,
    sources=(NAMEDROP_EXPLAINED, NAMEDROP_TOGGLE, NAMEDROP_SLASHGEAR),
    since=SINCE,
)

QUICK_SHARE_LIMIT = Rule(
    id="nearby_sharing_quick_share_limit_visibility",
    area="nearby_sharing",
    purpose="prevention",
    title="Set Quick Share to Your devices or Contacts",
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
    sources=(CCM_CYBERFLASHING, GOOGLE_QUICK_SHARE, QUICK_SHARE_VISIBILITY),
    since=SINCE,
)

BLUETOOTH_OFF = Rule(
    id="nearby_sharing_bluetooth_off_when_unused",
    area="nearby_sharing",
    purpose="prevention",
    title="Turn Bluetooth off when you're not using it",
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
    sources=(BLUETOOTH_IPHONE, BLUETOOTH_RISKS),
    since=SINCE,
)

DEVICE_NAME_RULE = Rule(
    id="nearby_sharing_device_name_without_full_name",
    area="nearby_sharing",
    purpose="prevention",
    title="Give your devices a name that doesn't show your full name",
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
    title="Know that unwanted sexual pictures are a crime, and how to report them",
    why="It's not your fault. Sending someone a picture of genitals they didn't ask for is "
    "called cyberflashing, and it's a crime in England and Wales. Scotland and Northern "
    "Ireland have their own laws. You can report it, and you can get support either way.",
    fires="nearby_sharing.unwanted_sexual_image = yes",
    steps=(
        steps(
            "general",
            "Nothing you did caused this, whatever you were doing and wherever you were.",
            "If you can, write down the time, the place and the name of the device that sent it.",
            "You can report it to the police: {police_non_emergency}, or {police_emergency} if "
            "you're in danger.",
            "{victim_support} can help you whether or not you tell the police.",
            "Tell someone you trust. If you're under 18, tell a trusted adult.",
            checked=CHECKED,
        ),
    ),
    severity="high",
    effort_minutes=10,
    sources=(CYBERFLASHING_LAW, CYBERFLASHING_EXPLAINED, VICTIM_SUPPORT, CCM_CYBERFLASHING),
    since=SINCE,
)

UNWANTED_IMAGE_UNDER_18 = Rule(
    id="nearby_sharing_unwanted_image_under_18_support",
    area="nearby_sharing",
    purpose="response",
    title="Tell a trusted adult or Childline about the picture you were sent",
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
            "If someone is pressuring you or asking you for pictures, you can report it to {ceop}.",
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
    UNWANTED_IMAGE_UNDER_18,
)
