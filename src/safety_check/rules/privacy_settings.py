"""Privacy settings: private accounts, who can contact, tag and find you, and regular reviews.

Per-app questions are asked only for the apps a person chose in `profile.apps`, and the games
console question only for people who chose `games_console`. Menu names change
often, so steps say where to look and warn when a name may differ; facts marked unverified in
content-sources.md are worded as "may".
"""

from __future__ import annotations

from safety_check.authoring import not_sure, opt, single, source, steps
from safety_check.models import Rule

CHECKED = "2026-11-25"
RECHECKED = "2026-12-01"
SINCE = "2026.11.0"
SINCE_GAMES = "2026.12.0"

META_PRIVACY_TOOLS = source(
    "Meta: privacy tools, including Facebook Privacy Checkup",
    "https://about.meta.com/actions/safety/topics/safety-basics/tools/privacy",
)
FACEBOOK_AUDIENCE = source(
    "Stay Safe Online: Facebook privacy settings (Audience and visibility)",
    "https://staysafeonline.in/concept/security-privacy-for-facebook/privacy-settings",
    weak=True,
)
INSTAGRAM_TEENS = source(
    "Instagram Help Centre: teen privacy and safety defaults",
    "https://help.instagram.com/3237561506542117",
)
INSTAGRAM_MESSAGE_CONTROLS = source(
    "Televisor: restricting unwanted contact on Instagram (message controls)",
    "https://televisor.co.uk/global/entertainment/a-guide-to-restricting-creeps-from-your-instagram-profile/091416",
    weak=True,
)
SNAPCHAT_FIND_FRIENDS = source(
    "Snapchat Support: What happened to Quick Add?",
    "https://help.snapchat.com/hc/en-us/articles/34691800487316-What-happened-to-Quick-Add",
)
SNAPCHAT_FAMILY_FAQ = source(
    "Snapchat for Parents: family safety FAQ",
    "https://parents.snapchat.com/snapchat-family-safety-faq",
)
SNAP_MAP_GUIDE = source(
    "MESMAC: Snap Map, a guide to staying safe",
    "https://www.mesmac.co.uk/news/snap-map-a-guide-to-staying-safe",
)
SNAPCHAT_SETTINGS = source(
    "Snapchat Support: how to change your privacy settings (by default only "
    "friends can contact you; settings, then Contact Me; who can see you in Find Friends)",
    "https://help.snapchat.com/hc/en-gb/articles/7012343074580",
)
TIKTOK_TEENS = source(
    "TikTok Support: privacy and safety settings for users under 18",
    "https://support.tiktok.com/en/account-and-privacy/account-privacy-settings/privacy-and-safety-settings-for-users-under-age-18",
)
TIKTOK_SETTINGS = source(
    "TikTok Support: make your account public or private (Privacy, then Private account, and "
    "Suggest your account to others)",
    "https://support.tiktok.com/en/account-and-privacy/account-privacy-settings/making-your-account-public-or-private",
)
TIKTOK_DIRECT_MESSAGES = source(
    "TikTok Support: direct messages (Privacy, then who can send you direct messages: Everyone, "
    "Friends or No one)",
    "https://support.tiktok.com/en/using-tiktok/messaging-and-notifications/direct-message-settings",
)
X_TAGGING = source(
    "Business Insider: how to change your privacy settings on Twitter",
    "https://www.businessinsider.com/how-to-change-privacy-settings-on-twitter",
    weak=True,
)
WHATSAPP_PRIVACY = source(
    "WhatsApp Help Centre: how to manage your privacy settings",
    "https://faq.whatsapp.com/3307102709559968/",
)
WHATSAPP_DEFAULTS = source(
    "WhatsApp Help Centre: default privacy settings",
    "https://faq.whatsapp.com/883211905996150",
)
DISCORD_DM_FILTER = source(
    "Discord Support: safe direct messaging and the DM spam filter",
    "https://support.discord.com/hc/en-us/articles/115000068672",
)
DISCORD_TEENS = source(
    "Discord Safety Centre: helping your teen stay safe on Discord",
    "https://discord.com/safety/360044153831-helping-your-teen-stay-safe-on-discord",
)
TELEGRAM_PHONE_NUMBER = source(
    "Telegram FAQ: Who can see my phone number?",
    "https://telegram.org/faq#q-who-can-see-my-phone-number",
)
TELEGRAM_USERNAMES = source(
    "Telegram FAQ: usernames are public",
    "https://telegram.org/faq#q-what-are-usernames-how-do-i-get-one",
)

INSTAGRAM_HELP_PRIVATE = source(
    "Instagram Help Centre: make your posts private so only approved followers can see them",
    "https://help.instagram.com/448523408565555/",
)
INSTAGRAM_PARENTS = source(
    "Instagram: tools and resources for parents (teen messaging limits)",
    "https://about.instagram.com/community/parents",
)
SNAPCHAT_REAL_FRIENDS = source(
    "Snap Values: helping Snapchatters communicate safely with their real friends",
    "https://values.snap.com/news/helping-snapchatters-communicate-safely-with-their-real-friends-2024",
)
TIKTOK_TAKE_CONTROL = source(
    "TikTok Newsroom (UK): take control of your privacy on TikTok",
    "https://newsroom.tiktok.com/en-gb/take-control-of-your-tiktok-experience-2",
)
X_PROTECTED_POSTS_HELP = source(
    "X Help Centre: about public and protected posts",
    "https://help.x.com/en/safety-and-security/public-and-protected-posts",
)
YOUTUBE_PRIVACY = source(
    "YouTube Help: change video privacy settings (private by default for ages 13 to 17)",
    "https://support.google.com/youtube/answer/157177",
)

PLAYSTATION_PRIVACY = source(
    "PlayStation Support: privacy settings on PlayStation Network (who can message you)",
    "https://www.playstation.com/en-sg/support/account/privacy-settings-psn/",
)
PLAYSTATION_GUIDE_PRIVACY = source(
    "PlayStation user's guide (UK): privacy settings, including who can see your online status",
    "https://manuals.playstation.net/document/gb/ps4/settings/privacy.html",
)
PLAYSTATION_SAFETY_HUB = source(
    "PlayStation: online safety, account security and privacy (ready-made privacy choices on PS5)",
    "https://www.playstation.com/en-sg/privacy-security-safety/",
)
PLAYSTATION_FAMILY = source(
    "PlayStation Support: PS5 parental controls and Family Management",
    "https://www.playstation.com/en-us/support/account/ps5-parental-controls-spending-limits/",
)
PLAYSTATION_REPORT = source(
    "PlayStation Support: how to report messages, profiles and voice chat on PSN",
    "https://www.playstation.com/en-au/support/account/ps5-report-behaviour/",
)
PLAYSTATION_SAFETY = source(
    "PlayStation: staying safe on PlayStation Network (blocking and reporting)",
    "https://playstation.com/en-ph/support/account/psn-safety-players-guide",
)
XBOX_FAMILY = source(
    "Xbox: family settings (privacy settings and social interactions for child accounts)",
    "https://www.xbox.com/en-US/family-hub",
)
XBOX_SAFETY_TOOLS = source(
    "Xbox Support (UK): safety tools, including muting, blocking and reporting players",
    "https://support.xbox.com/en-GB/browse/xbox-one/security/Safety%20tools",
)
NINTENDO_ONLINE_GUIDELINES = source(
    "Nintendo UK: online interaction guidelines for parents",
    "https://www.nintendo.com/en-gb/Support/Parents/Online/Online-Interaction-Guidelines-for-Parents-2462474.html",
)
NINTENDO_PARENTAL_CONTROLS = source(
    "Nintendo: Nintendo Switch Parental Controls (limit messages and pictures from other players)",
    "https://www.nintendo-nordics.com/nintendo-switch-family/parental-controls",
)
ROBLOX_REPORT = source(
    "Roblox Support: how to report rule violations and block a user",
    "https://en.help.roblox.com/hc/en-us/articles/203312410-How-to-Report-Rule-Violations-and-Block-a-User",
)
ROBLOX_IN_GAME = source(
    "Roblox Support: reporting abuse and blocking chat in game (who can chat with me)",
    "https://en.help.roblox.com/hc/en-us/articles/203314270-Reporting-Abuse-and-Blocking-Chat-In-Game",
)

OLDER_THAN_15 = "profile.age_band in [16_17, 18_plus]"

LAST_REVIEW = single(
    "privacy_settings.last_review",
    "When did you last check the privacy settings on the apps you use?",
    role="habit",
    options=(
        opt("within_3_months", "In the last 3 months", 1.0),
        opt("longer_ago", "Longer ago", 0.4),
        opt("never", "Never", 0.0),
        not_sure(),
    ),
    hint="Privacy settings decide who can see your posts and who can contact you.",
    weight=2,
)

INSTAGRAM_ACCOUNT = single(
    "privacy_settings.instagram_account",
    "Is your Instagram account private?",
    role="habit",
    options=(
        opt("private", "Yes, it's private", 1.0),
        opt("public", "No, it's public", 0.0),
        not_sure(),
    ),
    hint="On a private account, only followers you approve can see your posts.",
    when="profile.apps has instagram",
    weight=2,
)

INSTAGRAM_MESSAGES = single(
    "privacy_settings.instagram_messages",
    "Can people you don't follow send you message requests on Instagram?",
    role="habit",
    options=(
        opt("yes", "Yes", 0.0),
        opt("no", "No, I've limited them or turned them off", 1.0),
        not_sure(),
    ),
    when="profile.apps has instagram",
    weight=3,
)

SNAPCHAT_LOCATION = single(
    "privacy_settings.snapchat_location",
    "Who can see your location on Snap Map?",
    role="habit",
    options=(
        opt("ghost_mode", "Nobody: Ghost Mode is on", 1.0),
        opt("some_friends", "Only some friends I picked", 0.7),
        opt("all_friends", "All my friends", 0.0),
        not_sure(),
    ),
    when="profile.apps has snapchat",
    weight=3,
)

SNAPCHAT_CONTACT_ME = single(
    "privacy_settings.snapchat_contact_me",
    "Who can send you Snaps and chats on Snapchat?",
    role="habit",
    options=(
        opt("my_friends", "Only my friends", 1.0),
        opt("everyone", "Everyone", 0.0),
        not_sure(),
    ),
    hint="You can find this in Snapchat's settings, under Contact Me.",
    when="profile.apps has snapchat",
    weight=3,
)

TIKTOK_ACCOUNT = single(
    "privacy_settings.tiktok_account",
    "Is your TikTok account private?",
    role="habit",
    options=(
        opt("private", "Yes, it's private", 1.0),
        opt("public", "No, it's public", 0.0),
        not_sure(),
    ),
    when="profile.apps has tiktok",
    weight=2,
)

TIKTOK_MESSAGES = single(
    "privacy_settings.tiktok_messages",
    "Who can send you direct messages on TikTok?",
    role="habit",
    options=(
        opt("everyone", "Everyone", 0.0),
        opt("friends", "Only friends", 1.0),
        opt("no_one", "No one", 1.0),
        not_sure(),
    ),
    # TikTok doesn't offer direct messages to under-16s, so the question is only for 16+.
    when=f"profile.apps has tiktok and {OLDER_THAN_15}",
    weight=3,
)

FACEBOOK_FUTURE_POSTS = single(
    "privacy_settings.facebook_future_posts",
    "Who can see your future Facebook posts?",
    role="habit",
    options=(
        opt("friends", "Friends, or fewer people", 1.0),
        opt("friends_of_friends", "Friends of friends", 0.4),
        opt("public", "Public (anyone)", 0.0),
        not_sure(),
    ),
    when="profile.apps has facebook",
    weight=2,
)

X_PROTECTED_POSTS = single(
    "privacy_settings.x_protected_posts",
    "Are your posts on X protected, so only followers you approve can see them?",
    role="habit",
    options=(
        opt("protected", "Yes, they're protected", 1.0),
        opt("public", "No, they're public", 0.0),
        opt("dont_post", "I don't post on X"),
        not_sure(),
    ),
    when="profile.apps has x",
    weight=1,
)

WHATSAPP_GROUPS = single(
    "privacy_settings.whatsapp_groups",
    "Who can add you to WhatsApp groups?",
    role="habit",
    options=(
        opt("everyone", "Everyone", 0.0),
        opt("my_contacts", "My contacts, or some of them", 1.0),
        not_sure(),
    ),
    when="profile.apps has whatsapp",
    weight=2,
)

WHATSAPP_PROFILE_PHOTO = single(
    "privacy_settings.whatsapp_profile_photo",
    "Who can see your WhatsApp profile photo?",
    role="habit",
    options=(
        opt("everyone", "Everyone", 0.0),
        opt("my_contacts", "My contacts, or some of them", 1.0),
        opt("nobody", "Nobody", 1.0),
        opt("no_photo", "I don't have a profile photo"),
        not_sure(),
    ),
    when="profile.apps has whatsapp",
    weight=1,
)

DISCORD_SERVER_DMS = single(
    "privacy_settings.discord_server_dms",
    "On Discord, can people in your servers send you direct messages even if they aren't "
    "your friends?",
    role="habit",
    options=(
        opt("yes", "Yes", 0.0),
        opt("no", "No, I've turned that off", 1.0),
        not_sure(),
    ),
    when="profile.apps has discord",
    weight=3,
)

YOUTUBE_UPLOADS = single(
    "privacy_settings.youtube_uploads",
    "When you post videos on YouTube, who can usually see them?",
    role="habit",
    options=(
        opt("public", "Anyone (Public)", 0.0),
        opt("unlisted_or_private", "Only people I choose (Unlisted or Private)", 1.0),
        opt("dont_upload", "I don't post videos"),
        not_sure(),
    ),
    when="profile.apps has youtube",
    weight=1,
)

TELEGRAM_PHONE_NUMBER_SETTING = single(
    "privacy_settings.telegram_phone_number",
    "On Telegram, who can see your phone number?",
    role="habit",
    options=(
        opt("nobody", "Nobody", 1.0),
        opt("my_contacts", "My contacts", 0.7),
        opt("everybody", "Everybody", 0.0),
        not_sure(),
    ),
    when="profile.apps has telegram",
    weight=2,
)

GAMES_CONSOLE_CONTACT = single(
    "privacy_settings.games_console_contact",
    "On your games console or in online games, who can message you or see when you're online?",
    role="habit",
    options=(
        opt("friends_only", "Only my friends, or no one", 1.0),
        opt("depends", "It depends on the game", 0.4),
        opt("anyone", "Anyone, including people I don't know", 0.0),
        not_sure(),
        opt("dont_play_online", "I don't play online"),
    ),
    hint="This means PlayStation, Xbox, Nintendo Switch, and games with chat like Roblox.",
    when="profile.devices has games_console",
    weight=3,
)

QUESTIONS = (
    LAST_REVIEW,
    INSTAGRAM_ACCOUNT,
    INSTAGRAM_MESSAGES,
    SNAPCHAT_LOCATION,
    SNAPCHAT_CONTACT_ME,
    TIKTOK_ACCOUNT,
    TIKTOK_MESSAGES,
    FACEBOOK_FUTURE_POSTS,
    X_PROTECTED_POSTS,
    WHATSAPP_GROUPS,
    WHATSAPP_PROFILE_PHOTO,
    DISCORD_SERVER_DMS,
    YOUTUBE_UPLOADS,
    TELEGRAM_PHONE_NUMBER_SETTING,
    GAMES_CONSOLE_CONTACT,
)

REVIEW_REGULARLY = Rule(
    id="privacy_settings_review_regularly",
    area="privacy_settings",
    purpose="prevention",
    title="Check your privacy settings every few months",
    summary="Check who can see and contact you on each app every few months, because apps change "
    "their settings.",
    why="Apps add new features and change their settings often, sometimes making more of your "
    "profile public. A quick check every few months keeps you in control of who sees you.",
    fires="privacy_settings.last_review in [longer_ago, never, not_sure]",
    how_to_check=(
        steps(
            "general",
            "If you can't remember, pick the app you use most and open its privacy settings now.",
            "If anything there surprises you, go through the steps below for all your apps.",
            checked=CHECKED,
        ),
    ),
    steps=(
        steps(
            "general",
            "Set a reminder on your phone to check your apps every three months.",
            "For each app, check who can see your posts, who can message you, who can tag you "
            "and who can see where you are.",
            "Remove followers and friends you don't know in real life.",
            checked=CHECKED,
        ),
        steps(
            "facebook",
            "Open the menu, then Settings and privacy, then Privacy Checkup.",
            "It takes you through who can see your posts and how people can find you.",
            checked=CHECKED,
        ),
        steps(
            "whatsapp",
            "Open Settings, then Privacy. If you see Privacy checkup, tap it.",
            "It walks you through who can contact you and who can see your details.",
            checked=CHECKED,
        ),
        steps(
            "instagram",
            "Go to your profile, then the menu, then Settings and privacy.",
            "Look at Account privacy, Messages and story replies, and Tags and mentions.",
            checked=CHECKED,
        ),
        steps(
            "tiktok",
            "Go to your profile, then the menu, then Settings and privacy, then Privacy.",
            checked=CHECKED,
        ),
        steps(
            "snapchat",
            "Tap your profile, then the settings button, then look at Privacy Controls.",
            checked=CHECKED,
        ),
    ),
    severity="low",
    effort_minutes=15,
    sources=(META_PRIVACY_TOOLS, WHATSAPP_PRIVACY, TIKTOK_TAKE_CONTROL, TIKTOK_SETTINGS),
    since=SINCE,
)

INSTAGRAM_PRIVATE_ACCOUNT = Rule(
    id="privacy_settings_instagram_private_account",
    area="privacy_settings",
    purpose="prevention",
    title="Make your Instagram account private",
    summary="Make your Instagram account private, so only followers you approve can see your "
    "photos and videos.",
    why="On a public account, anyone can see your photos and who you follow, and save or copy "
    "them. A private account means only followers you approve can see your posts.",
    fires="privacy_settings.instagram_account in [public, not_sure]",
    how_to_check=(
        steps(
            "instagram",
            "Go to your profile, then the menu, then Settings and privacy, then Account privacy.",
            "If Private account is switched on, your account is private.",
            checked=CHECKED,
        ),
    ),
    steps=(
        steps(
            "instagram",
            "Go to your profile, then the menu, then Settings and privacy, then Account privacy.",
            "Turn on Private account. Menu names may differ on your phone.",
            "Then look at your followers and remove anyone you don't know.",
            "Business accounts can't be private. If yours is one, you may need to switch back to "
            "a personal account first.",
            "Instagram makes new accounts for under-16s private at the start, but this can be "
            "changed later, so it's worth checking.",
            checked=CHECKED,
        ),
    ),
    severity="medium",
    effort_minutes=3,
    sources=(INSTAGRAM_HELP_PRIVATE, INSTAGRAM_TEENS),
    since=SINCE,
)

INSTAGRAM_LIMIT_MESSAGES = Rule(
    id="privacy_settings_instagram_limit_message_requests",
    area="privacy_settings",
    purpose="prevention",
    title="Stop strangers sending you message requests on Instagram",
    summary="Turn off message requests from people you don't follow on Instagram, so strangers "
    "can't easily reach you.",
    why="Scams and pressure for nudes can start with a friendly message from someone you don't "
    "know. Limiting message requests means far fewer strangers can reach you.",
    fires="privacy_settings.instagram_messages in [yes, not_sure]",
    how_to_check=(
        steps(
            "instagram",
            "Go to Settings and privacy, then Messages and story replies, then Message controls.",
            "It shows who can send you message requests. Menu names may differ on your phone.",
            checked=CHECKED,
        ),
    ),
    steps=(
        steps(
            "instagram",
            "Go to your profile, then the menu, then Settings and privacy, then Messages and "
            "story replies, then Message controls. Menu names may differ on your phone.",
            "For people you don't follow, choose not to get requests.",
            "You may also find Hidden Words in Settings and privacy. It can filter rude or pushy "
            "requests.",
            "If you're under 18, Instagram limits messages from adults you aren't connected to. "
            "It's still worth checking your own settings.",
            "If a stranger pressures you, you can block and report them. You don't have to reply.",
            checked=CHECKED,
        ),
    ),
    severity="high",
    effort_minutes=3,
    sources=(INSTAGRAM_TEENS, INSTAGRAM_PARENTS, INSTAGRAM_MESSAGE_CONTROLS),
    since=SINCE,
)

SNAPCHAT_GHOST_MODE = Rule(
    id="privacy_settings_snapchat_ghost_mode",
    area="privacy_settings",
    purpose="prevention",
    title="Turn on Ghost Mode on Snap Map, or share only with a few people you trust",
    summary="Turn on Ghost Mode, or pick a few trusted friends, so Snap Map doesn't show everyone "
    "where you are.",
    why="Snap Map can show where you are to lots of people at once. That can show where you "
    "live, go to school or spend time. Keeping it to a few trusted people, or nobody, is safer.",
    fires="privacy_settings.snapchat_location in [all_friends, not_sure]",
    how_to_check=(
        steps(
            "snapchat",
            "Open the Snap Map and tap the settings button at the top.",
            "It shows if Ghost Mode is on, and who can see your location.",
            checked=CHECKED,
        ),
    ),
    steps=(
        steps(
            "snapchat",
            "Open the Snap Map and tap the settings button at the top.",
            "Turn on Ghost Mode. You can choose how long it stays on.",
            "Or choose to share only with some friends you pick.",
            "You can also change this in Settings, under See My Location.",
            "For teen accounts, location sharing starts off and can only ever be shared with "
            "friends. Still, it's worth checking who is on that list.",
            checked=CHECKED,
        ),
    ),
    severity="high",
    effort_minutes=2,
    sources=(SNAP_MAP_GUIDE, SNAPCHAT_FAMILY_FAQ),
    since=SINCE,
    may_alert=True,
)

SNAPCHAT_CONTACT_FRIENDS_ONLY = Rule(
    id="privacy_settings_snapchat_contact_friends_only",
    area="privacy_settings",
    purpose="prevention",
    title="Let only your friends contact you on Snapchat",
    summary="Set Contact Me on Snapchat to My Friends, so strangers can't send you Snaps or chats.",
    why="If everyone can contact you, strangers can send you Snaps and chats. Some of them may "
    "be scammers or people after nudes. Keeping it to friends stops most of this.",
    fires="privacy_settings.snapchat_contact_me in [everyone, not_sure]",
    how_to_check=(
        steps(
            "snapchat",
            "Tap your profile, then the settings button. Under Privacy Controls, tap Contact Me.",
            "It shows who can contact you.",
            checked=CHECKED,
        ),
    ),
    steps=(
        steps(
            "snapchat",
            "Tap your profile, then the settings button. Under Privacy Controls, tap Contact Me "
            "and choose My Friends.",
            "Check View My Story as well, and choose My Friends or a custom list.",
            "Find Friends (it used to be called Quick Add) suggests you to people who may know "
            "you. Look in Settings for the option to stop showing you there. The name may "
            "differ on your phone.",
            "Only add people you know in real life.",
            "For teen accounts, Snapchat only lets friends and phone contacts get in touch, and "
            "this can't be widened.",
            checked=CHECKED,
        ),
    ),
    severity="high",
    effort_minutes=3,
    sources=(
        SNAPCHAT_FIND_FRIENDS,
        SNAPCHAT_FAMILY_FAQ,
        SNAPCHAT_REAL_FRIENDS,
        SNAPCHAT_SETTINGS,
    ),
    since=SINCE,
)

TIKTOK_PRIVATE_ACCOUNT = Rule(
    id="privacy_settings_tiktok_private_account",
    area="privacy_settings",
    purpose="prevention",
    title="Make your TikTok account private",
    summary="Make your TikTok account private, so only people you approve can watch your videos.",
    why="On a public account, anyone can watch your videos, and some settings let them copy or "
    "remix them. A private account means only people you approve can see them.",
    fires="privacy_settings.tiktok_account in [public, not_sure]",
    how_to_check=(
        steps(
            "tiktok",
            "Go to your profile, then the menu, then Settings and privacy, then Privacy.",
            "If Private account is switched on, your account is private.",
            checked=CHECKED,
        ),
    ),
    steps=(
        steps(
            "tiktok",
            "Go to your profile, then the menu, then Settings and privacy, then Privacy.",
            "Turn on Private account.",
            "Turn off Suggest your account to others.",
            "Set Duet, Stitch and downloads to Friends or No one, if you can.",
            "When you post, you can also pick who can watch each video.",
            "Accounts for ages 13 to 15 start as private. At 16 or 17 you choose when you sign "
            "up. It's worth checking, as it can be changed.",
            checked=CHECKED,
        ),
    ),
    severity="medium",
    effort_minutes=3,
    sources=(TIKTOK_TEENS, TIKTOK_TAKE_CONTROL, TIKTOK_SETTINGS),
    since=SINCE,
)

TIKTOK_LIMIT_MESSAGES = Rule(
    id="privacy_settings_tiktok_limit_messages",
    area="privacy_settings",
    purpose="prevention",
    title="Limit who can send you direct messages on TikTok",
    summary="Set TikTok direct messages to Friends or No one, so strangers can't start chats with "
    "you.",
    why="If everyone can message you, strangers can start a chat straight away. Some of them "
    "may be scammers or people after nudes. Friends only, or no one, stops this.",
    fires="privacy_settings.tiktok_messages in [everyone, not_sure]",
    applies=OLDER_THAN_15,
    how_to_check=(
        steps(
            "tiktok",
            "Go to your profile, then the menu, then Settings and privacy, then Privacy, then "
            "Direct messages.",
            "It shows who can message you. Names may differ on your phone.",
            checked=CHECKED,
        ),
    ),
    steps=(
        steps(
            "tiktok",
            "Go to your profile, then the menu, then Settings and privacy, then Privacy, then "
            "Direct messages.",
            "Choose Friends or No one. Names may differ on your phone.",
            "If someone you don't know messages you and pressures you, block and report them.",
            checked=CHECKED,
        ),
    ),
    severity="high",
    effort_minutes=2,
    sources=(TIKTOK_TEENS, TIKTOK_DIRECT_MESSAGES),
    since=SINCE,
)

FACEBOOK_FRIENDS_ONLY = Rule(
    id="privacy_settings_facebook_future_posts_friends",
    area="privacy_settings",
    purpose="prevention",
    title="Share your Facebook posts with friends only",
    summary="Set your Facebook posts to Friends, so people you don't know can't see your photos "
    "and news.",
    why="Public posts can be seen by anyone, even people without a Facebook account. Setting "
    "posts to Friends keeps your photos and news with people you chose.",
    fires="privacy_settings.facebook_future_posts in [friends_of_friends, public, not_sure]",
    how_to_check=(
        steps(
            "facebook",
            "Open the menu, then Settings and privacy, then Settings. Look under Audience and "
            "visibility, then Posts.",
            "It shows who can see your future posts. Menu names may differ.",
            checked=CHECKED,
        ),
    ),
    steps=(
        steps(
            "facebook",
            "Open the menu, then Settings and privacy, then Privacy Checkup.",
            "Under who can see what you share, set future posts to Friends.",
            "Use Limit past posts to change old public posts to Friends in one go.",
            "Under how people can find you, choose who can send you friend requests and who can "
            "look you up by phone number or email.",
            checked=CHECKED,
        ),
    ),
    severity="medium",
    effort_minutes=10,
    sources=(META_PRIVACY_TOOLS, FACEBOOK_AUDIENCE),
    since=SINCE,
)

X_PROTECT_POSTS = Rule(
    id="privacy_settings_x_protect_posts",
    area="privacy_settings",
    purpose="prevention",
    title="Protect your posts on X if you don't need them to be public",
    summary="Protect your posts on X, so only followers you approve can see them.",
    why="Public posts on X can be seen by anyone and can show up in search engines. Protected "
    "posts are seen only by followers you approve.",
    fires="privacy_settings.x_protected_posts in [public, not_sure]",
    how_to_check=(
        steps(
            "x",
            "Open More, then Settings and privacy, then Privacy and safety, then Audience, media "
            "and tagging.",
            "If Protect your posts is ticked, your posts are protected.",
            checked=CHECKED,
        ),
    ),
    steps=(
        steps(
            "x",
            "Open More, then Settings and privacy, then Privacy and safety, then Audience, media "
            "and tagging. Older apps call it Audience and tagging.",
            "Turn on Protect your posts.",
            "In the same place, let only people you follow tag you in photos, or turn tagging off.",
            "You may also be able to limit message requests from strangers under Direct Messages.",
            checked=CHECKED,
        ),
    ),
    severity="medium",
    effort_minutes=3,
    sources=(X_PROTECTED_POSTS_HELP, X_TAGGING),
    since=SINCE,
)

WHATSAPP_GROUPS_CONTACTS = Rule(
    id="privacy_settings_whatsapp_groups_contacts",
    area="privacy_settings",
    purpose="prevention",
    title="Choose who can add you to WhatsApp groups",
    summary="Let only your contacts add you to WhatsApp groups, so strangers can't pull you into "
    "their chats.",
    why="Unless you change it, anyone with your number can add you to a group. That can put you in chats "
    "with strangers who send things you didn't ask for. Limiting it to your contacts stops that.",
    fires="privacy_settings.whatsapp_groups in [everyone, not_sure]",
    how_to_check=(
        steps(
            "whatsapp",
            "Open Settings, then Privacy, then Groups. On Android, tap the three dots first, then "
            "Settings.",
            "It shows who can add you to groups.",
            checked=CHECKED,
        ),
    ),
    steps=(
        steps(
            "whatsapp",
            "Open Settings, then Privacy, then Groups. On Android, tap the three dots first, then "
            "Settings.",
            "Choose My contacts. Or choose My contacts except, to leave some people out.",
            "You may also find Silence unknown callers under Privacy, then Calls.",
            checked=CHECKED,
        ),
    ),
    severity="medium",
    effort_minutes=2,
    sources=(WHATSAPP_PRIVACY, WHATSAPP_DEFAULTS),
    since=SINCE,
)

WHATSAPP_PROFILE_PHOTO_CONTACTS = Rule(
    id="privacy_settings_whatsapp_profile_photo_contacts",
    area="privacy_settings",
    purpose="prevention",
    title="Show your WhatsApp profile photo to your contacts only",
    summary="Show your WhatsApp profile photo to your contacts only, so strangers can't save it "
    "and misuse it.",
    why="Unless you change it, anyone who has your number can see your WhatsApp photo. A photo of you can "
    "be saved and misused, for example to make fake images. Your contacts only is safer.",
    fires="privacy_settings.whatsapp_profile_photo in [everyone, not_sure]",
    how_to_check=(
        steps(
            "whatsapp",
            "Open Settings, then Privacy, then Profile photo.",
            "It shows who can see your photo.",
            checked=CHECKED,
        ),
    ),
    steps=(
        steps(
            "whatsapp",
            "Open Settings, then Privacy, then Profile photo. On Android, tap the three dots "
            "first, then Settings.",
            "Choose My contacts or Nobody.",
            "Do the same for About, and for Last seen and online.",
            "Your phone number can't be hidden from people you message. So only share your "
            "number with people you know.",
            checked=CHECKED,
        ),
    ),
    severity="medium",
    effort_minutes=2,
    sources=(WHATSAPP_PRIVACY, WHATSAPP_DEFAULTS),
    since=SINCE,
)

DISCORD_LIMIT_SERVER_DMS = Rule(
    id="privacy_settings_discord_limit_server_dms",
    area="privacy_settings",
    purpose="prevention",
    title="Stop people in your Discord servers messaging you unless they're friends",
    summary="Turn off direct messages from server members on Discord, so only friends can message "
    "you privately.",
    why="Anyone in a server you join may be able to message you privately. Scammers and people "
    "after nudes can use this to reach you. Turning it off means only friends can message you.",
    fires="privacy_settings.discord_server_dms in [yes, not_sure]",
    how_to_check=(
        steps(
            "discord",
            "Open User Settings, then Privacy & Safety. Menu names may differ on your device.",
            "Look for the setting that allows direct messages from server members.",
            checked=CHECKED,
        ),
    ),
    steps=(
        steps(
            "discord",
            "Open User Settings, then Privacy & Safety. Menu names may differ on your device.",
            "Turn off direct messages from server members. On some versions you can also change "
            "this for one server at a time.",
            "In Content & Social, set the DM spam filter to filter all direct messages, or "
            "those from people who aren't friends.",
            "Set the sensitive content filters to blur or block.",
            "Limit who can send you friend requests, for example to friends of friends.",
            "Leave servers you don't trust. For teens, Discord already blocks possibly sensitive "
            "images in messages from people who aren't friends.",
            checked=CHECKED,
        ),
    ),
    severity="high",
    effort_minutes=5,
    sources=(DISCORD_DM_FILTER, DISCORD_TEENS),
    since=SINCE,
)

YOUTUBE_PRIVATE_UPLOADS = Rule(
    id="privacy_settings_youtube_uploads_unlisted",
    area="privacy_settings",
    purpose="prevention",
    title="Keep personal YouTube videos Unlisted or Private",
    summary="Post personal YouTube videos as Unlisted or Private, so only people you choose can "
    "watch them.",
    why="Public videos can be found and watched by anyone, and saved or copied. Unlisted and "
    "Private videos are only seen by people you share them with.",
    fires="privacy_settings.youtube_uploads in [public, not_sure]",
    how_to_check=(
        steps(
            "youtube",
            "Open YouTube Studio, then Content.",
            "Each video shows if it's Public, Unlisted or Private. Menu names may differ.",
            checked=RECHECKED,
        ),
    ),
    steps=(
        steps(
            "youtube",
            "When you upload, look for Visibility and choose Private or Unlisted.",
            "Private means only you and people you invite. Unlisted means only people with the "
            "link, and anyone who has the link can pass it on.",
            "To change videos you have already posted, open YouTube Studio, then Content, then "
            "Visibility. Menu names may differ.",
            "For personal videos, you may be able to turn comments off or hold them for review.",
            "YouTube says videos by 13 to 17 year olds start as private, but this can be changed, "
            "so it's worth checking.",
            checked=RECHECKED,
        ),
    ),
    severity="medium",
    effort_minutes=5,
    sources=(YOUTUBE_PRIVACY,),
    since=SINCE,
)

TELEGRAM_HIDE_PHONE_NUMBER = Rule(
    id="privacy_settings_telegram_hide_phone_number",
    area="privacy_settings",
    purpose="prevention",
    title="Hide your phone number on Telegram",
    summary="Set who can see your Telegram number to Nobody or My Contacts, so strangers can't "
    "use it to find you.",
    why="If everybody can see your number, anyone you meet in a group can text or call you, or "
    "find you on other apps. On Telegram you can chat without showing your number.",
    fires="privacy_settings.telegram_phone_number in [everybody, not_sure]",
    how_to_check=(
        steps(
            "telegram",
            "Open Settings, then Privacy and Security, then Phone Number.",
            "It shows who can see your number.",
            checked=CHECKED,
        ),
    ),
    steps=(
        steps(
            "telegram",
            "Open Settings, then Privacy and Security, then Phone Number.",
            "Set who can see your number to Nobody, or My Contacts.",
            "If you choose Nobody, you may also see who can find you by your number. Set it to "
            "My Contacts.",
            "People who already have your number saved will still see it.",
            "In Privacy and Security, look for Groups & Channels (called Invites in some "
            "versions). Choose My Contacts, so strangers can't add you to groups.",
            "A public username lets anyone find you and message you, even without your number. "
            "If you don't need one, you can remove it in Settings.",
            checked=CHECKED,
        ),
    ),
    severity="medium",
    effort_minutes=3,
    sources=(TELEGRAM_PHONE_NUMBER, TELEGRAM_USERNAMES),
    since=SINCE,
)

GAMES_CONSOLE_LIMIT_CONTACT = Rule(
    id="privacy_settings_games_console_limit_contact",
    area="privacy_settings",
    purpose="prevention",
    title="Let only friends message you and see when you're online in games",
    summary="Set your console and games so only friends can message you or see you online, so "
    "strangers can't reach you.",
    why="Game chat is one of the ways strangers get in touch with young people. With "
    "friends-only settings, people you don't know can't message you or see when you're playing.",
    fires="privacy_settings.games_console_contact in [depends, anyone, not_sure]",
    how_to_check=(
        steps(
            "games_console",
            "PlayStation: go to Settings, then Account Management, then Privacy Settings. "
            "Personal Info | Messaging shows who can message you.",
            "Xbox: open Settings and look for Privacy & online safety. Names can differ on "
            "your console.",
            "Nintendo Switch: look in System Settings, then Parental Controls, to see if "
            "talking to other players is limited.",
            "Roblox: open Settings, then Privacy, and look at who can chat with you.",
            "If a parent or carer set up your account, you can ask them to check it with you.",
            checked=RECHECKED,
        ),
    ),
    steps=(
        steps(
            "games_console",
            "PlayStation: go to Settings, then Account Management, then Privacy Settings.",
            "Under Personal Info | Messaging, choose who can message you. Under Gaming | Media, "
            "choose who can see when you're online. Pick friends only, or no one.",
            "On PS5 there are also ready-made privacy choices, from open to very private. Pick "
            "one where only friends, or no one, can message you.",
            "If a parent manages your PlayStation account, they choose these settings in "
            "Family Management.",
            "Xbox: look in Settings for Privacy & online safety, and choose friends only for "
            "messages and for who can see you online. Names can differ on your console.",
            "On a child account on Xbox, a parent sets this for you. They can use the Xbox "
            "Family Settings app.",
            "Nintendo Switch: Parental Controls can stop messages and pictures from other "
            "players. If you're under 18, a parent or carer can set this, for example with "
            "the Nintendo Switch Parental Controls app.",
            "Roblox and games like it: open Settings, then Privacy, and set who can chat with "
            "you to friends, or no one. Names may differ.",
            "In other games with chat, look for privacy or chat settings and choose friends only.",
            "Only accept friend requests from people you know in real life.",
            "Keep your full name, age, school and phone number out of your gamer name and chats.",
            checked=RECHECKED,
        ),
    ),
    severity="high",
    effort_minutes=10,
    sources=(
        PLAYSTATION_PRIVACY,
        PLAYSTATION_GUIDE_PRIVACY,
        PLAYSTATION_SAFETY_HUB,
        PLAYSTATION_FAMILY,
        XBOX_FAMILY,
        NINTENDO_ONLINE_GUIDELINES,
        NINTENDO_PARENTAL_CONTROLS,
        ROBLOX_IN_GAME,
    ),
    since=SINCE_GAMES,
)

GAMES_CONSOLE_BLOCK_AND_REPORT = Rule(
    id="privacy_settings_games_console_block_and_report",
    area="privacy_settings",
    purpose="prevention",
    title="Know how to block and report someone in your games",
    summary="Find the block and report buttons in your games now, so you can stop someone "
    "quickly if needed.",
    why="If someone in a game upsets you, asks for pictures or pressures you, blocking stops "
    "them contacting you, and a report lets the moderators act. Knowing where to look makes it "
    "quicker.",
    # Not for people who don't play online; and, like the question, only with a console.
    applies="profile.devices has games_console and privacy_settings.games_console_contact in "
    "[friends_only, depends, anyone, not_sure]",
    fires="privacy_settings.games_console_contact in [friends_only, depends, anyone, not_sure]",
    steps=(
        steps(
            "games_console",
            "PlayStation (PS5): press the PS button and choose Game Base, then Messages. "
            "Highlight the message, press the Options button and choose Report.",
            "On PlayStation, report the message itself, not just the player's name. You can "
            "block the player at the end of the report. On PS5 you can also report voice chat.",
            "Xbox: you can mute, block and report players. Open the player's profile and look "
            "for Report or block. Names can differ on your console.",
            "Nintendo Switch: look in the game's menu for a way to report a player. If you "
            "can't find one, tell a trusted adult.",
            "Roblox: in a game, open the menu and click the flag next to the player's name to "
            "report them. Report the chat message itself, not just their profile.",
            "To block someone on Roblox, open their profile, tap the three dots, then Block. "
            "Names may differ.",
            "In other games, look for Report or Block on the player's name, their profile or "
            "the game's menu.",
            "If someone asks you for pictures, wants you to move to another app, or offers "
            "gifts or game money, stop replying. Block and report them, and tell someone you "
            "trust. It's not your fault if this happens.",
            checked=RECHECKED,
        ),
    ),
    severity="medium",
    effort_minutes=5,
    sources=(
        PLAYSTATION_REPORT,
        PLAYSTATION_SAFETY,
        XBOX_SAFETY_TOOLS,
        ROBLOX_REPORT,
        ROBLOX_IN_GAME,
    ),
    since=SINCE_GAMES,
)

RULES = (
    REVIEW_REGULARLY,
    INSTAGRAM_PRIVATE_ACCOUNT,
    INSTAGRAM_LIMIT_MESSAGES,
    SNAPCHAT_GHOST_MODE,
    SNAPCHAT_CONTACT_FRIENDS_ONLY,
    TIKTOK_PRIVATE_ACCOUNT,
    TIKTOK_LIMIT_MESSAGES,
    FACEBOOK_FRIENDS_ONLY,
    X_PROTECT_POSTS,
    WHATSAPP_GROUPS_CONTACTS,
    WHATSAPP_PROFILE_PHOTO_CONTACTS,
    DISCORD_LIMIT_SERVER_DMS,
    YOUTUBE_PRIVATE_UPLOADS,
    TELEGRAM_HIDE_PHONE_NUMBER,
    GAMES_CONSOLE_LIMIT_CONTACT,
    GAMES_CONSOLE_BLOCK_AND_REPORT,
)
