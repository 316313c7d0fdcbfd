"""Passwords and account security: how private photos get stolen, and how to lock them away.

Covers 2-step verification, reused passwords, screen locks, Find My for lost or stolen phones,
who can get into cloud photo backups and shared albums, passwords someone else knows, and
automatic updates. Changing a password, a phone code or photo sharing can be noticed by someone
who checks the person's phone or accounts, so those rules carry `may_alert`.

Setting paths come from content-sources.md or from Apple, Google and NCSC pages checked with the
search tool; Android paths differ by phone maker, so they are worded as "look for".
"""

from __future__ import annotations

from safety_check.authoring import PREFER_NOT_TO_SAY, not_sure, opt, single, source, steps
from safety_check.models import Rule

CHECKED = "2026-11-25"
SINCE = "2026.11.0"

PHONES = "profile.devices in [iphone_ipad, android]"

STOP_THINK_FRAUD_2SV = source(
    "Stop! Think Fraud (UK government): turn on 2-step verification",
    "https://stopthinkfraud.campaign.gov.uk/protect-yourself-from-fraud/protecting-against-online-fraud/turn-on-2-step-verification-2sv/",
)
NCSC_TOP_TIPS = source(
    "NCSC: top tips for staying secure online",
    "https://www.ncsc.gov.uk/collection/top-tips-for-staying-secure-online",
)
NCSC_THREE_RANDOM_WORDS = source(
    "NCSC: three random words",
    "https://www.ncsc.gov.uk/collection/top-tips-for-staying-secure-online/three-random-words",
)
NCSC_HACKED_ACCOUNT = source(
    "NCSC: recovering a hacked account",
    "https://www.ncsc.gov.uk/guidance/recovering-a-hacked-account",
)
WEST_YORKSHIRE_POLICE = source(
    "West Yorkshire Police: general online safety advice (screen locks, updates, 2FA)",
    "https://www.westyorkshire.police.uk/advice/online-crime-safety/online-safety/cyber-crime/general-online-safety-advice",
)
AVON_SOMERSET_POLICE = source(
    "Avon and Somerset Police: keeping yourself safe online (reused passwords, data breaches)",
    "https://www.avonandsomerset.police.uk/crime-prevention-advice/protect-yourself-and-others/keeping-yourself-safe-online",
)
NIDIRECT_SEXTORTION = source(
    "nidirect: Scam alert - sextortion (change reused passwords, check for leaks)",
    "https://www.nidirect.gov.uk/articles/scam-alert-sextortion",
)
INSTAGRAM_2FA = source(
    "Privacy International: guide on Instagram settings (Settings, Accounts Centre, Password "
    "and security, Two-factor authentication)",
    "https://www.privacyinternational.org/guide-step/5613/guide-instagram-settings-and-good-practises",
)
X_2FA = source(
    "How to change your privacy and safety settings on X (two-factor authentication)",
    "https://neveropen.tech/how-to-change-your-privacy-and-safety-settings-on-x",
    weak=True,
)
WHATSAPP_2SV_HELP = source(
    "WhatsApp Help Centre: about registration and two-step verification (an optional PIN that "
    "only you know; never share it)",
    "https://faq.whatsapp.com/506595211487528/",
)
APPLE_TWO_FACTOR = source(
    "Apple Support: two-factor authentication for Apple Account",
    "https://support.apple.com/en-gb/102660",
)
REFUGE_TECH = source(
    "Refuge: secure your tech",
    "https://refuge.org.uk/i-need-help-now/how-we-can-help-you/secure-your-tech/",
)
APPLE_SAFETY_CHECK = source(
    "Apple Personal Safety User Guide: Safety Check on iPhone (devices, passcode, password)",
    "https://support.apple.com/en-gb/guide/personal-safety/ips2aad835e1/web",
)
APPLE_SHARED_ALBUMS = source(
    "Apple Personal Safety User Guide: manage Photos sharing settings",
    "https://support.apple.com/en-gb/guide/personal-safety/ips129f51353/web",
)
APPLE_FIND_MY = source(
    "Apple Support: Find My and privacy (lock or erase a lost device)",
    "https://support.apple.com/en-al/HT212037",
)
GOOGLE_FIND_DEVICE = source(
    "Google Android Help: find, secure or erase a lost Android device",
    "https://support.google.com/android/answer/6160491",
)
ESAFETY_PHONES = source(
    "eSafety Commissioner (Australia): phones and tablets (set a passcode or biometric login, "
    "and never share the code)",
    "https://www.esafety.gov.au/women/using-your-device-safely/phones-tablets",
)
IPHONE_PASSCODE = source(
    "eSafety Commissioner (Australia): setting strong passcodes to protect iPhones and iPads "
    "(Settings, then Touch ID & Passcode, then Turn Passcode On or Change Passcode)",
    "https://www.esafety.gov.au/media/setting-strong-passcodes-protect-iphones-and-ipads",
)
GOOGLE_PHOTOS_SHARED_ALBUMS = source(
    "Google Photos Help: how shared album controls give your photos more privacy",
    "https://support.google.com/photos/answer/9789702",
)
GOOGLE_PHOTOS_STOP_SHARING = source(
    "Google Photos Help: stop sharing an album and manage settings",
    "https://support.google.com/photos/answer/6280921",
)
GOOGLE_PHOTOS_PARTNER = source(
    "Google Photos Help: share your photos with a partner",
    "https://support.google.com/photos/answer/7378858",
)

TWO_STEP_VERIFICATION = single(
    "account_security.two_step_verification",
    "Is 2-step verification turned on for your main accounts, like your email and social media?",
    role="habit",
    hint="This is when an app asks for a code, or a tap on your phone, as well as your password.",
    options=(
        opt("all", "Yes, on all of them", 1.0),
        opt("some", "On some of them", 0.5),
        opt("none", "No", 0.0),
        not_sure(),
    ),
    weight=3,
)

PASSWORD_REUSE = single(
    "account_security.password_reuse",
    "Do you use the same password for more than one account?",
    role="habit",
    options=(
        opt("no", "No, each one is different", 1.0),
        opt("some", "For a few accounts", 0.4),
        opt("most", "Yes, for most accounts", 0.0),
    ),
    weight=3,
)

SCREEN_LOCK = single(
    "account_security.screen_lock",
    "Does your phone have a screen lock, like a PIN, a fingerprint or face unlock?",
    role="habit",
    options=(
        opt("yes", "Yes", 1.0),
        opt("easy_to_guess", "Yes, but the code is easy to guess, like my birthday", 0.3),
        opt("no", "No", 0.0),
    ),
    when=PHONES,
    weight=3,
)

FIND_MY_DEVICE = single(
    "account_security.find_my_device",
    "Is Find My (on iPhone) or Find Hub, also called Find My Device (on Android), turned on "
    "for your phone?",
    role="habit",
    options=(
        opt("yes", "Yes", 1.0),
        opt("no", "No", 0.0),
        not_sure(),
    ),
    when=PHONES,
    weight=1,
)

PHOTO_BACKUP_ACCESS = single(
    "account_security.photo_backup_access",
    "Could anyone else sign in to where your photos back up, like a shared family account or "
    "someone who knows your password?",
    role="habit",
    hint="Photos are often backed up to iCloud or Google Photos without you noticing.",
    options=(
        opt("no", "No, only me", 1.0),
        opt("yes", "Yes", 0.0),
        not_sure(),
        opt("no_backup", "My photos aren't backed up online"),
    ),
    weight=3,
)

SOMEONE_KNOWS_PASSWORDS = single(
    "account_security.someone_knows_passwords",
    "Does anyone else, like a friend or a partner, know your passwords or your phone code?",
    role="disclosure",
    options=(
        opt("yes", "Yes"),
        opt("no", "No"),
        opt(PREFER_NOT_TO_SAY, "I'd rather not say"),
    ),
)

AUTOMATIC_UPDATES = single(
    "account_security.automatic_updates",
    "Do your phone and computer install software updates by themselves?",
    role="habit",
    options=(
        opt("yes", "Yes", 1.0),
        opt("no", "No, I put them off", 0.0),
        not_sure(),
    ),
    weight=1,
)

QUESTIONS = (
    TWO_STEP_VERIFICATION,
    PASSWORD_REUSE,
    SCREEN_LOCK,
    FIND_MY_DEVICE,
    PHOTO_BACKUP_ACCESS,
    SOMEONE_KNOWS_PASSWORDS,
    AUTOMATIC_UPDATES,
)

TURN_ON_2SV = Rule(
    id="account_security_turn_on_two_step_verification",
    area="account_security",
    purpose="prevention",
    title="Turn on 2-step verification for your email and social media",
    summary="Turn on 2-step verification for your email and social media, so a stolen password "
    "alone can't open them.",
    why="Passwords can be stolen, even if you look after them well. With 2-step verification, "
    "a password alone isn't enough to get in, so your private photos and messages stay yours.",
    fires="account_security.two_step_verification in [some, none, not_sure]",
    how_to_check=(
        steps(
            "general",
            "In each app, open Settings and look for Security, or search the settings for "
            "2-step or two-factor.",
            "If it offers to turn it on, it's off.",
            checked=CHECKED,
        ),
    ),
    steps=(
        steps(
            "general",
            "Start with your email. Anyone who gets into your email can reset your other "
            "passwords.",
            "You can get the code by text or from an authenticator app.",
            "Save the backup codes somewhere safe, in case you lose your phone.",
            checked=CHECKED,
        ),
        steps(
            "iphone_ipad",
            "For your Apple Account: open Settings and tap your name. Tap Sign-In & Security "
            "(Password & Security on older iPhones).",
            "Check that Two-Factor Authentication is on.",
            checked=CHECKED,
        ),
        steps(
            "android",
            "For your Google Account: open Settings, then Google, then Manage your Google Account.",
            "Tap Security and look for 2-Step Verification. Turn it on.",
            checked=CHECKED,
        ),
        steps(
            "instagram",
            "Open Settings and privacy, then Accounts Centre. Then tap Password and security.",
            "Tap Two-factor authentication, then follow the steps on the screen to turn it on. "
            "Menu names may differ on your phone.",
            checked=CHECKED,
        ),
        steps(
            "x",
            "Open Settings and privacy. Then tap Security and account access.",
            "Tap Security. Then tap Two-factor authentication and follow the steps to turn it on. "
            "Menu names may differ.",
            checked=CHECKED,
        ),
        steps(
            "whatsapp",
            "Open Settings, then Account, then Two-step verification. Set a PIN that only you "
            "know. Menu names may differ.",
            checked=CHECKED,
        ),
    ),
    severity="high",
    effort_minutes=10,
    sources=(
        STOP_THINK_FRAUD_2SV,
        NCSC_TOP_TIPS,
        APPLE_TWO_FACTOR,
        INSTAGRAM_2FA,
        X_2FA,
        WHATSAPP_2SV_HELP,
    ),
    since=SINCE,
    may_alert=True,
)

DIFFERENT_PASSWORDS = Rule(
    id="account_security_use_different_passwords",
    area="account_security",
    purpose="prevention",
    title="Use a different password for each important account",
    summary="Use a different password for each important account, so one leak can't open all the "
    "others.",
    why="When one website leaks passwords, criminals try the same email and password on other "
    "apps. A different password for each account means one leak can't open the rest.",
    fires="account_security.password_reuse in [some, most]",
    steps=(
        steps(
            "general",
            "Start with your email and the account where your photos are backed up.",
            "Make each password from three random words, like a silly picture in your head. "
            "Avoid names, birthdays and pets.",
            "Let your phone or browser save your passwords for you, so you don't have to "
            "remember them all.",
            "You can check if your email address was in a known leak with a free checker "
            "such as Have I Been Pwned. If it was, change that password first.",
            checked=CHECKED,
        ),
    ),
    severity="high",
    effort_minutes=20,
    sources=(NCSC_THREE_RANDOM_WORDS, AVON_SOMERSET_POLICE, NIDIRECT_SEXTORTION),
    since=SINCE,
    may_alert=True,
)

LOCK_YOUR_PHONE = Rule(
    id="account_security_lock_your_phone",
    area="account_security",
    purpose="prevention",
    title="Lock your phone with a code that's hard to guess",
    summary="Lock your phone with a code that's hard to guess, so nobody else can open your "
    "photos.",
    why="Your phone holds your photos and is signed in to your apps. A screen lock that only "
    "you can open keeps them private if your phone is lost, taken or picked up by someone "
    "else.",
    fires="account_security.screen_lock in [easy_to_guess, no]",
    steps=(
        steps(
            "general",
            "Choose a code of six numbers or more. Don't use your birthday or the same number "
            "over and over.",
            "Fingerprint or face unlock makes a strong code quick to use.",
            "Keep your code to yourself, and cover the screen when you type it.",
            checked=CHECKED,
        ),
        steps(
            "iphone_ipad",
            "Open Settings, then Face ID & Passcode (or Touch ID & Passcode).",
            "Tap Turn Passcode On, or Change Passcode if you already have one.",
            checked=CHECKED,
        ),
        steps(
            "android",
            "Open Settings and search for Screen lock. Choose a PIN or password.",
            "Then add fingerprint or face unlock if your phone has it. Names differ between "
            "phone makers.",
            checked=CHECKED,
        ),
    ),
    severity="high",
    effort_minutes=3,
    sources=(WEST_YORKSHIRE_POLICE, ESAFETY_PHONES, IPHONE_PASSCODE),
    since=SINCE,
    may_alert=True,
)

TURN_ON_FIND_MY = Rule(
    id="account_security_turn_on_find_my",
    area="account_security",
    purpose="prevention",
    title="Turn on Find My or Find Hub so you can lock a lost phone",
    summary="Turn on Find My or Find Hub, so you can lock or erase your phone if it's lost.",
    why="If your phone is lost or stolen, you can lock or erase it from another device. Then "
    "no one can look through your photos and messages.",
    fires="account_security.find_my_device in [no, not_sure]",
    how_to_check=(
        steps(
            "iphone_ipad",
            "Open Settings, tap your name, then tap Find My. Check that Find My iPhone says On.",
            checked=CHECKED,
        ),
        steps(
            "android",
            "Open Settings and search for Find Hub. On older phones it's called Find My "
            "Device. Check that it's turned on.",
            checked=CHECKED,
        ),
    ),
    steps=(
        steps(
            "iphone_ipad",
            "Open Settings, tap your name, then Find My. Tap Find My iPhone and turn it on.",
            "If your phone goes missing, sign in to Find My on another device and choose Mark "
            "As Lost, or erase it.",
            checked=CHECKED,
        ),
        steps(
            "android",
            "Open Settings and search for Find Hub (or Find My Device). Turn it on.",
            "If your phone goes missing, sign in to your Google Account on another device to "
            "lock or erase it.",
            checked=CHECKED,
        ),
        steps(
            "general",
            "Find My works best when only you know your account password. If someone else "
            "might know it, change the password first.",
            checked=CHECKED,
        ),
    ),
    severity="medium",
    effort_minutes=3,
    sources=(APPLE_FIND_MY, GOOGLE_FIND_DEVICE),
    since=SINCE,
    may_alert=True,
    watcher_can_use=True,
)

SECURE_PHOTO_BACKUP = Rule(
    id="account_security_secure_your_photo_backup",
    area="account_security",
    purpose="prevention",
    title="Make sure only you can get into your photo backup",
    summary="Make sure only you can sign in to where your photos back up, so nobody else can see "
    "them.",
    why="Your phone may copy every photo to iCloud or Google Photos. Anyone who can sign in "
    "there, or who is in a shared album, can see and save those photos.",
    fires="account_security.photo_backup_access in [yes, not_sure]",
    how_to_check=(
        steps(
            "iphone_ipad",
            "Open Settings, then Privacy & Security, then Safety Check. Tap Manage Sharing & "
            "Access to see who you share with and which devices use your Apple Account.",
            "In the Photos app, check your shared albums and who is in them.",
            checked=CHECKED,
        ),
        steps(
            "android",
            "Open Google Photos, tap your profile picture, then Photos settings, then "
            "Sharing. Check Partner sharing and your shared albums.",
            "In your Google Account, open Security and look at the list of your devices.",
            checked=CHECKED,
        ),
    ),
    steps=(
        steps(
            "general",
            "Change the password of the account your photos back up to, and turn on 2-step "
            "verification.",
            "Then sign out any devices you don't recognise.",
            "If you share one account with family, you could ask for your own account for "
            "your photos.",
            checked=CHECKED,
        ),
        steps(
            "iphone_ipad",
            "Use Safety Check to stop sharing with people and remove devices you don't know.",
            "It can also help you change your Apple Account password.",
            "To remove someone from a shared album, open it in Photos and tap the people "
            "button. Tap their name, then Remove Subscriber.",
            checked=CHECKED,
        ),
        steps(
            "android",
            "In Google Photos, open Photos settings, then Sharing, then Partner sharing, and "
            "stop sharing if you need to.",
            "For a shared album, open it, tap More, then Options. Remove people you don't want, "
            "and turn off Link sharing.",
            checked=CHECKED,
        ),
    ),
    severity="high",
    effort_minutes=15,
    sources=(
        APPLE_SAFETY_CHECK,
        APPLE_SHARED_ALBUMS,
        GOOGLE_PHOTOS_PARTNER,
        GOOGLE_PHOTOS_SHARED_ALBUMS,
        GOOGLE_PHOTOS_STOP_SHARING,
    ),
    since=SINCE,
    may_alert=True,
    watcher_can_use=True,
)

CHANGE_SHARED_PASSWORDS = Rule(
    id="account_security_change_passwords_someone_knows",
    area="account_security",
    purpose="response",
    title="Change passwords someone else knows and sign out other devices",
    summary="Change passwords someone else knows and sign out other devices, so your photos and "
    "messages stay yours.",
    why="Lots of friends and couples share passwords. But anyone who knows yours can open your "
    "photos and messages. Changing them doesn't mean you don't trust someone: it keeps your "
    "things yours.",
    fires="account_security.someone_knows_passwords = yes",
    steps=(
        steps(
            "general",
            "Start with your email, then the account your photos back up to, then your social "
            "media.",
            "After each change, look in the app's security settings. If there's an option to "
            "log out of all other devices, use it.",
            "Change your phone's screen lock code too.",
            "Turn on 2-step verification, so a password alone isn't enough.",
            "If you're under 18 and a parent or carer knows your codes to help keep you safe, "
            "you can talk to them before you change anything.",
            checked=CHECKED,
        ),
        steps(
            "iphone_ipad",
            "Open Settings, then Privacy & Security, then Safety Check. It can help you change "
            "your passcode and Apple Account password, and remove other devices.",
            checked=CHECKED,
        ),
    ),
    severity="high",
    effort_minutes=20,
    sources=(NCSC_HACKED_ACCOUNT, APPLE_SAFETY_CHECK, STOP_THINK_FRAUD_2SV),
    since=SINCE,
    may_alert=True,
)

AUTOMATIC_UPDATES_ON = Rule(
    id="account_security_turn_on_automatic_updates",
    area="account_security",
    purpose="prevention",
    title="Let your phone and computer install updates by themselves",
    summary="Turn on automatic updates, so your phone and computer get safety fixes without you "
    "having to remember.",
    why="Updates fix weak spots that criminals use to break into devices. Automatic updates "
    "mean you get the fixes without having to remember.",
    fires="account_security.automatic_updates in [no, not_sure]",
    how_to_check=(
        steps(
            "iphone_ipad",
            "Open Settings, then General, then Software Update. Tap Automatic Updates to see "
            "if they're on.",
            checked=CHECKED,
        ),
        steps(
            "android",
            "Open Settings and search for Software update or System update. Names differ "
            "between phone makers.",
            checked=CHECKED,
        ),
        steps(
            "general",
            "On a computer, open its settings and look for Software Update or Windows Update.",
            checked=CHECKED,
        ),
    ),
    steps=(
        steps(
            "general",
            "Turn on automatic updates for your phone, computer and apps.",
            "If you see an update message, don't put it off. Install it that day, for example "
            "overnight while your phone charges.",
            checked=CHECKED,
        ),
        steps(
            "iphone_ipad",
            "Open Settings, then General, then Software Update, then Automatic Updates. Turn "
            "them on.",
            checked=CHECKED,
        ),
        steps(
            "android",
            "Open Settings and search for Software update or System update. Turn on automatic "
            "updates if your phone offers it.",
            checked=CHECKED,
        ),
    ),
    severity="medium",
    effort_minutes=5,
    sources=(WEST_YORKSHIRE_POLICE, NCSC_TOP_TIPS),
    since=SINCE,
)

WHO_CAN_FIND_YOU = Rule(
    id="account_security_check_who_can_find_you",
    area="account_security",
    purpose="response",
    title="Check who can see where your phone is",
    summary="Find My, location sharing and shared backups can show where you are. Check safely "
    "who can see them.",
    why="Someone who checks your phone or knows your passwords could use these features to "
    "see where you are or what you save. Changing them could be noticed, so plan it first.",
    fires=(
        "(getting_help.someone_checks_phone in [yes, prefer_not_to_say] or "
        "account_security.someone_knows_passwords = yes) and "
        "(account_security.find_my_device = yes or personal_details.live_location in "
        "[few_trusted, lots] or account_security.photo_backup_access in [yes, not_sure])"
    ),
    steps=(
        steps(
            "iphone_ipad",
            "On iPhone, go to Settings > Privacy & Security > Safety Check. It shows who can "
            "see your location and other things, and lets you stop it.",
            checked="2026-12-06",
        ),
        steps(
            "general",
            "Check who else can sign in to your Apple, Google or Samsung account: they could "
            "see your phone's location and your photo backup.",
            "Check which people can see your live location in Find My, Google Maps or Snap Map.",
            "If changing this could make things worse for you, talk to a support service "
            "first, from a phone or computer the other person can't see.",
            checked="2026-12-06",
        ),
    ),
    severity="high",
    effort_minutes=10,
    sources=(APPLE_SAFETY_CHECK, GOOGLE_FIND_DEVICE, REFUGE_TECH),
    since="2026.12.1",
    may_alert=True,
)

RULES = (
    TURN_ON_2SV,
    DIFFERENT_PASSWORDS,
    LOCK_YOUR_PHONE,
    TURN_ON_FIND_MY,
    SECURE_PHOTO_BACKUP,
    CHANGE_SHARED_PASSWORDS,
    WHO_CAN_FIND_YOU,
    AUTOMATIC_UPDATES_ON,
)
