"""Personal details: phone number, school and home, live location, real-name usernames, strangers.

Details like these let someone find a person offline, or find their other accounts, friends and
school. The advice limits what strangers can see; it never suggests that someone who was found,
tricked or threatened caused it.

Turning off location sharing with a partner can be noticed by a controlling person, so those
rules carry `may_alert`. Android camera apps differ by maker, so their steps stay general.
"""

from __future__ import annotations

from safety_check.authoring import not_sure, opt, single, source, steps
from safety_check.models import Rule

CHECKED = "2026-11-25"
RECHECKED = "2026-12-01"
SINCE = "2026.11.0"

LINCS_STAYING_SAFE = source(
    "Lincolnshire County Council: staying safe online (advice for young people)",
    "https://www.lincolnshire.gov.uk/wellbeing-advice/staying-safe",
)
MET_POLICE_PRIVATE_INFO = source(
    "Metropolitan Police: internet safety for young people (don't give out your school, address, "
    "phone number, age or location)",
    "https://safe.met.police.uk/internet_safety/been_a_victim_and_need_some_help.html",
)
WHATSAPP_PRIVACY = source(
    "WhatsApp Help Centre: privacy settings", "https://faq.whatsapp.com/3307102709559968/"
)
FACEBOOK_PHONE_NUMBER = source(
    "Facebook Help Centre: how Facebook uses your mobile phone number (you control who can see "
    "it and who can look you up by it)",
    "https://www.facebook.com/help/251747795694485",
)
FACEBOOK_AUDIENCE = source(
    "Facebook privacy settings: audience and visibility (who can look you up by phone)",
    "https://staysafeonline.in/concept/security-privacy-for-facebook/privacy-settings",
    weak=True,
)
FACEBOOK_PAST_POSTS = source(
    "BeWebSmart: five-minute Facebook privacy checkup (Limit past posts)",
    "https://www.bewebsmart.com/social-media/facebook/5-minute-facebook-privacy-checkup/",
    weak=True,
)
BUMBLE_FRIENDS_SAFETY = source(
    "Bumble For Friends: safety on the app (photos of places you visit often)",
    "https://support.bumbleforfriends.com/hc/en-us/articles/12278009547677-Safety-on-the-app",
)
APPLE_LOCATION = source(
    "Apple Personal Safety User Guide: manage location sharing",
    "https://support.apple.com/en-gb/guide/personal-safety/ips3dbc70436/web",
)
APPLE_SAFETY_CHECK = source(
    "Apple Personal Safety User Guide: Safety Check on iPhone",
    "https://support.apple.com/en-gb/guide/personal-safety/ips2aad835e1/web",
)
APPLE_PHOTO_LOCATION = source(
    "Apple Personal Safety User Guide: additional safety steps (photos can reveal location)",
    "https://support.apple.com/en-gb/guide/personal-safety/ipsce4cb8352/web",
)
GOOGLE_MAPS_SHARING = source(
    "Google Maps Help: share your real-time location with others",
    "https://support.google.com/maps/answer/7326816",
)
SNAP_MAP_GUIDE = source(
    "MESMAC: Snap Map, a guide to staying safe",
    "https://www.mesmac.co.uk/news/snap-map-a-guide-to-staying-safe",
)
SNAPCHAT_FAMILY_FAQ = source(
    "Snapchat: family safety FAQ (location sharing for teens)",
    "https://parents.snapchat.com/snapchat-family-safety-faq",
)
SNAPCHAT_FIND_FRIENDS = source(
    "Snapchat Support: what happened to Quick Add (now Find Friends)",
    "https://help.snapchat.com/hc/en-us/articles/34691800487316-What-happened-to-Quick-Add",
)
RPH_SEXTORTION = source(
    "Revenge Porn Helpline: sextortion and webcam blackmail",
    "https://revengepornhelpline.org.uk/information-and-advice/need-help-and-advice/sextortion-and-webcam-blackmail/",
)
IPHONE_CAMERA_LOCATION = source(
    "iGeeksBlog: turn off location for photos on iPhone",
    "https://www.igeeksblog.com/disable-geotagging-for-photos-on-iphone-ipad/",
    weak=True,
)
IPHONE_SHARE_WITHOUT_LOCATION = source(
    "Cleanor: share iPhone photos without sharing your location",
    "https://cleanor.app/blog/how-to-share-photos-without-sharing-your-location",
    weak=True,
)

META_PRIVACY_TOOLS = source(
    "Meta: privacy tools, including Facebook Privacy Checkup (how people can find you)",
    "https://about.meta.com/actions/safety/topics/safety-basics/tools/privacy",
)
INSTAGRAM_HELP_PRIVATE = source(
    "Instagram Help Centre: make your posts private so only approved followers can see them",
    "https://help.instagram.com/448523408565555/",
)
PLAYSTATION_SAFETY = source(
    "PlayStation: staying safe on PlayStation Network (keep personal details private)",
    "https://playstation.com/en-ph/support/account/psn-safety-players-guide",
)
NINTENDO_ONLINE_GUIDELINES = source(
    "Nintendo UK: online interaction guidelines for parents (keep personal information private)",
    "https://www.nintendo.com/en-gb/Support/Parents/Online/Online-Interaction-Guidelines-for-Parents-2462474.html",
)

PHONE_NUMBER_VISIBLE = single(
    "personal_details.phone_number_visible",
    "Can people who don't know you see your phone number on any of your profiles or bios?",
    role="habit",
    options=(
        opt("no", "No", 1.0),
        opt("yes", "Yes", 0.0),
        not_sure(),
    ),
    weight=2,
)

SCHOOL_OR_HOME_VISIBLE = single(
    "personal_details.school_or_home_visible",
    "Do your public posts or bio show your school name, your uniform, your street or your house?",
    role="habit",
    options=(
        opt("never", "Never", 1.0),
        opt("sometimes", "Sometimes", 0.4),
        opt("often", "Often", 0.0),
        not_sure(),
    ),
    weight=2,
)

LIVE_LOCATION = single(
    "personal_details.live_location",
    "Who can see your live location, for example on Snap Map, Find My or Google Maps?",
    role="habit",
    options=(
        opt("no_one", "No one, it's turned off", 1.0),
        opt("few_trusted", "Only a few people I trust", 0.8),
        opt("lots", "Lots of people", 0.0),
        not_sure(),
    ),
    weight=2,
)

REAL_NAME_USERNAME = single(
    "personal_details.real_name_username",
    "Do any of your usernames show your full real name, like your first name and surname?",
    role="habit",
    options=(
        opt("no", "No", 1.0),
        opt("yes", "Yes", 0.0),
    ),
    weight=1,
)

ACCEPT_STRANGERS = single(
    "personal_details.accept_strangers",
    "Do you accept friend or follow requests from people you don't know in real life?",
    role="habit",
    options=(
        opt("never", "Never", 1.0),
        opt("sometimes", "Sometimes", 0.4),
        opt("often", "Often", 0.0),
    ),
    weight=3,
)

PHOTO_LOCATION = single(
    "personal_details.photo_location",
    "Do your photos or posts show where they were taken, like a location tag or a location "
    "saved in the photo?",
    role="habit",
    hint="Phones can save the place a photo was taken inside the photo file.",
    options=(
        opt("no", "No", 1.0),
        opt("sometimes", "Sometimes", 0.4),
        opt("usually", "Usually", 0.0),
        not_sure(),
    ),
    weight=2,
)

QUESTIONS = (
    PHONE_NUMBER_VISIBLE,
    SCHOOL_OR_HOME_VISIBLE,
    LIVE_LOCATION,
    REAL_NAME_USERNAME,
    ACCEPT_STRANGERS,
    PHOTO_LOCATION,
)

HIDE_PHONE_NUMBER = Rule(
    id="personal_details_hide_phone_number",
    area="personal_details",
    purpose="prevention",
    title="Take your phone number off your public profiles",
    summary="Take your phone number off your public profiles, so strangers can't message you on "
    "other apps.",
    why="With your number, a stranger can message you on apps like WhatsApp, away from the "
    "safety tools of the app where you met. It can also help them find your other accounts.",
    fires="personal_details.phone_number_visible in [yes, not_sure]",
    how_to_check=(
        steps(
            "general",
            "Look at each of your profiles and bios the way a stranger would.",
            "Check your bio, your contact details and any old posts or comments with your "
            "number in them.",
            checked=CHECKED,
        ),
    ),
    steps=(
        steps(
            "general",
            "Delete your number from every bio, profile and public post.",
            "Only give your number to people you know in real life.",
            checked=CHECKED,
        ),
        steps(
            "facebook",
            "Open Settings and privacy, then Privacy Checkup, and look at how people can find "
            "you. Menu names may differ.",
            "Find who can look you up by your phone number, and choose the most private option.",
            checked=CHECKED,
        ),
        steps(
            "whatsapp",
            "People you message on WhatsApp can always see your number. It can't be hidden, "
            "so only message people you know.",
            checked=CHECKED,
        ),
        steps(
            "games_console",
            "Keep your phone number, address, school and full name out of your gamer name, "
            "your profile and game chats.",
            checked=RECHECKED,
        ),
    ),
    severity="medium",
    effort_minutes=5,
    sources=(
        LINCS_STAYING_SAFE,
        WHATSAPP_PRIVACY,
        META_PRIVACY_TOOLS,
        PLAYSTATION_SAFETY,
        NINTENDO_ONLINE_GUIDELINES,
        FACEBOOK_PHONE_NUMBER,
    ),
    since=SINCE,
)

HIDE_SCHOOL_AND_HOME = Rule(
    id="personal_details_hide_school_and_home",
    area="personal_details",
    purpose="prevention",
    title="Keep your school, uniform and home out of public posts",
    summary="Keep your school, uniform and home out of public posts, so strangers can't work out "
    "where to find you.",
    why="A school badge, a street sign or your front door can tell a stranger where to find "
    "you. Keeping them out of public posts means only people you choose know where you are.",
    fires="personal_details.school_or_home_visible in [sometimes, often, not_sure]",
    how_to_check=(
        steps(
            "general",
            "Look through your bio and your last few public posts.",
            "Look for a school name or badge, a uniform, a street sign, a house number or a "
            "car number plate.",
            checked=CHECKED,
        ),
    ),
    steps=(
        steps(
            "general",
            "Take your school name and your town or street out of your bio.",
            "Before you post, check the background. Crop or cover badges, signs and house numbers.",
            "Think about photos of places you go to a lot, like your school gate or your club.",
            "Delete or hide old public posts that show these things.",
            checked=CHECKED,
        ),
        steps(
            "facebook",
            "Open Settings and privacy, then look for Limit past posts.",
            "This changes your old public posts so only your friends can see them.",
            checked=CHECKED,
        ),
    ),
    severity="medium",
    effort_minutes=15,
    sources=(
        LINCS_STAYING_SAFE,
        MET_POLICE_PRIVATE_INFO,
        BUMBLE_FRIENDS_SAFETY,
        META_PRIVACY_TOOLS,
        FACEBOOK_PAST_POSTS,
    ),
    since=SINCE,
)

LIMIT_LIVE_LOCATION = Rule(
    id="personal_details_limit_live_location",
    area="personal_details",
    purpose="prevention",
    title="Share your live location with only a few people you trust",
    summary="Share your live location with only a few people you trust, so others can't see where "
    "you are.",
    why="Your live location shows where you are right now, and over time where you live and "
    "go to school. The fewer people who can see it, the harder it is for anyone to find you.",
    fires="personal_details.live_location in [lots, not_sure]",
    how_to_check=(
        steps(
            "iphone_ipad",
            "Open the Find My app and tap People. It lists the people who can see your location.",
            "You can also use Safety Check. Open the Settings app and tap Privacy & Security.",
            "Tap Safety Check, then Manage Sharing & Access.",
            checked=CHECKED,
        ),
        steps(
            "android",
            "Open Google Maps, tap your profile picture, then tap Location sharing. It lists "
            "the people who can see your location.",
            checked=CHECKED,
        ),
        steps(
            "snapchat",
            "Open the Map and tap the settings cog. It shows who can see your location.",
            checked=CHECKED,
        ),
    ),
    steps=(
        steps(
            "general",
            "Keep sharing on only for people you know well and trust, like family.",
            "Stop sharing with anyone you don't know in real life.",
            checked=CHECKED,
        ),
        steps(
            "iphone_ipad",
            "Open the Find My app and tap People. Tap a name, then Stop Sharing My Location.",
            checked=CHECKED,
        ),
        steps(
            "android",
            "Open Google Maps, tap your profile picture, then Location sharing. Tap a "
            "person's name and stop sharing with them.",
            checked=CHECKED,
        ),
        steps(
            "snapchat",
            "Open the Map and tap the settings cog. Turn on Ghost Mode, or choose only the "
            "friends you want.",
            checked=CHECKED,
        ),
    ),
    severity="high",
    effort_minutes=5,
    sources=(APPLE_LOCATION, APPLE_SAFETY_CHECK, GOOGLE_MAPS_SHARING, SNAP_MAP_GUIDE),
    since=SINCE,
    may_alert=True,
    watcher_can_use=True,
)

REVIEW_LIVE_LOCATION = Rule(
    id="personal_details_review_live_location",
    area="personal_details",
    purpose="prevention",
    title="Check now and then who can still see your live location",
    summary="Check every few months who can see your live location, and stop sharing with anyone "
    "you no longer trust.",
    why="People and friendships change. Someone you shared your location with a while ago may "
    "still see it. A quick check keeps it to people you trust today.",
    fires="personal_details.live_location = few_trusted",
    steps=(
        steps(
            "general",
            "Every few months, or after a friendship or relationship ends, check who can see "
            "your location.",
            "Stop sharing with anyone you no longer want to see where you are.",
            checked=CHECKED,
        ),
        steps(
            "iphone_ipad",
            "Open the Find My app and tap People. Tap a name, then Stop Sharing My Location.",
            checked=CHECKED,
        ),
        steps(
            "android",
            "Open Google Maps, tap your profile picture, then Location sharing.",
            checked=CHECKED,
        ),
        steps(
            "snapchat",
            "Open the Map and tap the settings cog to see who can see your location.",
            checked=CHECKED,
        ),
    ),
    severity="low",
    effort_minutes=3,
    sources=(APPLE_LOCATION, GOOGLE_MAPS_SHARING, SNAPCHAT_FAMILY_FAQ),
    since=SINCE,
    may_alert=True,
)

NICKNAME_USERNAME = Rule(
    id="personal_details_use_a_nickname_username",
    area="personal_details",
    purpose="prevention",
    title="Use a username that doesn't show your full name",
    summary="Use a nickname instead of your full name, so strangers can't easily search for you.",
    why="A full name makes it easy for a stranger to search for you and find your other "
    "accounts, your school or your family. A nickname keeps that harder to do.",
    fires="personal_details.real_name_username = yes",
    steps=(
        steps(
            "general",
            "Pick a username without your surname, your birthday or your school.",
            "In each app, open your profile and look for Edit profile to change your username "
            "and the name people see.",
            "Friends who know you will still find you. You can tell them your new username.",
            checked=CHECKED,
        ),
    ),
    severity="low",
    effort_minutes=5,
    sources=(LINCS_STAYING_SAFE, NINTENDO_ONLINE_GUIDELINES, MET_POLICE_PRIVATE_INFO),
    since=SINCE,
)

ONLY_PEOPLE_YOU_KNOW = Rule(
    id="personal_details_only_accept_people_you_know",
    area="personal_details",
    purpose="prevention",
    title="Only accept friend requests from people you know in real life",
    summary="Only accept friend requests from people you've met in real life, because fake "
    "profiles are easy to make.",
    why="Fake profiles are often how sextortion starts (threats to share a nude picture of "
    "you unless you pay or send more). Someone acts friendly, builds trust, "
    "then asks for pictures. People you know offline are much harder to fake.",
    fires="personal_details.accept_strangers in [sometimes, often]",
    steps=(
        steps(
            "general",
            "Before you accept, ask yourself: have I met this person in real life?",
            "Mutual friends and nice photos can be faked. If you're not sure, you can say no.",
            "Remove followers and friends you don't know.",
            "If someone you added lies about who they are, or tricks or threatens you, it's "
            "not your fault. Get help straight away from the support services in your plan.",
            checked=CHECKED,
        ),
        steps(
            "instagram",
            "A private account lets you choose who follows you. Open Settings and privacy, "
            "then Account privacy, and turn on Private account.",
            checked=CHECKED,
        ),
        steps(
            "snapchat",
            "Quick Add is now called Find Friends. In Settings, look for the option that shows "
            "you in Find Friends, and turn it off.",
            checked=CHECKED,
        ),
        steps(
            "facebook",
            "Open Settings and privacy, then look for Audience and visibility. Limit who can "
            "send you friend requests to Friends of friends.",
            checked=CHECKED,
        ),
    ),
    severity="high",
    effort_minutes=5,
    sources=(
        RPH_SEXTORTION,
        SNAP_MAP_GUIDE,
        SNAPCHAT_FIND_FRIENDS,
        INSTAGRAM_HELP_PRIVATE,
        META_PRIVACY_TOOLS,
        FACEBOOK_AUDIENCE,
    ),
    since=SINCE,
)

REMOVE_PHOTO_LOCATION = Rule(
    id="personal_details_remove_location_from_photos",
    area="personal_details",
    purpose="prevention",
    title="Keep location tags and saved locations out of your photos",
    summary="Leave location tags and saved locations out of your photos, so your posts don't show "
    "where you live.",
    why="A location tag, or a location saved inside a photo, can show where you live, study or "
    "hang out. Leaving it out means your photos don't show people where to find you.",
    fires="personal_details.photo_location in [sometimes, usually, not_sure]",
    how_to_check=(
        steps(
            "general",
            "Look at your last few public posts. Check for a place name or location tag.",
            checked=CHECKED,
        ),
        steps(
            "iphone_ipad",
            "Open the Settings app and tap Privacy & Security.",
            "Tap Location Services, then Camera.",
            "If it says While Using the App, new photos save where they were taken.",
            checked=CHECKED,
        ),
        steps(
            "android",
            "Open your camera app and look in its settings for a location option. Names "
            "differ between phone makers.",
            checked=CHECKED,
        ),
    ),
    steps=(
        steps(
            "general",
            "Don't add location tags to posts, especially at home or at school.",
            "Turning off location for your camera only changes new photos. Photos you already "
            "took may still have a location saved in them.",
            checked=CHECKED,
        ),
        steps(
            "iphone_ipad",
            "Open the Settings app and tap Privacy & Security.",
            "Tap Location Services, then Camera, and choose Never. Names may differ on your phone.",
            "When you share a photo, you may see Options at the top of the share screen. If you "
            "do, tap it and turn off Location.",
            checked=CHECKED,
        ),
        steps(
            "android",
            "Open your camera app's settings and turn off the option that saves location. It "
            "may be called location tags or save location, depending on your phone.",
            checked=CHECKED,
        ),
    ),
    severity="medium",
    effort_minutes=5,
    sources=(APPLE_PHOTO_LOCATION, IPHONE_CAMERA_LOCATION, IPHONE_SHARE_WITHOUT_LOCATION),
    since=SINCE,
)

RULES = (
    HIDE_PHONE_NUMBER,
    HIDE_SCHOOL_AND_HOME,
    LIMIT_LIVE_LOCATION,
    REVIEW_LIVE_LOCATION,
    NICKNAME_USERNAME,
    ONLY_PEOPLE_YOU_KNOW,
    REMOVE_PHOTO_LOCATION,
)
