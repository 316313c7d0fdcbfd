"""Dating apps: verification, staying on the app, meeting safely, nudes, scams and under-18s."""

from __future__ import annotations

from safety_check.authoring import (
    REPORT_MONEY_LOST_SOURCES,
    not_sure,
    opt,
    report_money_lost,
    single,
    source,
    steps,
)
from safety_check.models import Rule
from safety_check.rules.intimate_images import SHARING_LAW, SHARING_LAW_SOURCES, by_nation

CHECKED = "2026-11-25"
SINCE = "2026.11.0"

TINDER_BASICS = source(
    "Tinder Safety Centre: the basics (UK)",
    "https://policies.tinder.com/safety-center/guide/basics/intl/en-GB",
)
TINDER_PHOTO_VERIFICATION = source(
    "Tinder Help: what is Photo Verification",
    "https://www.help.tinder.com/hc/en-us/articles/360034941812-What-is-Photo-Verification-",
)
TINDER_PHOTO_VERIFIED = source(
    "Tinder Help: Request Photo Verification (Photo Verified Chat in Message Settings lets only "
    "Photo Verified profiles message you; Filipino edition)",
    "https://www.help.tinder.com/hc/fil/articles/4408385774989-Request-Photo-Verification",
)
BUMBLE_DATE_SAFELY = source(
    "Bumble: how to date safely and respectfully", "https://bumble.com/zh-Hant/help/IRL"
)
BUMBLE_VERIFY = source(
    "Bumble: how to help verify your match's profile",
    "https://bumble.com/en/the-buzz/verify-bumble-match-profile",
)
BUMBLE_FRIENDS_SAFETY = source(
    "Bumble For Friends: safety on the app",
    "https://support.bumbleforfriends.com/hc/en-us/articles/12278009547677-Safety-on-the-app",
)
HINGE_SAFER_DATING = source(
    "Hinge Help: 6 tips for safer dating (romance scams; Norwegian edition)",
    "https://help.hinge.co/hc/nb-no/articles/20195594969491",
)
GRINDR_SAFETY_TIPS = source(
    "Grindr Help: safety tips",
    "https://help.grindr.com/hc/en-us/articles/200302014-Grindr-Safety-Tips",
)
GRINDR_ESTABLISHING_TRUST = source(
    "Grindr Help: establishing trust",
    "https://help.grindr.com/hc/en-us/articles/25490339792147-Establishing-trust",
)
ACTION_FRAUD_ROMANCE = source(
    "Action Fraud: top tips to avoid romance scams",
    "https://www.actionfraud.police.uk/news/top-tips-to-avoid-romance-scams-this-valentines-day",
)
ROMANCE_FRAUD_ADVICE = source(
    "Fraud Management Resource Centre: Action Fraud's romance fraud rules (republished)",
    "https://fraudmanagementresourcecentre.co.uk/make-sure-its-only-your-heart-that-gets-stolen-this-valentine/",
    weak=True,
)
ROMANCE_FRAUD_SIGNS = source(
    "West Yorkshire Police: romance fraud (asked for money, told to keep it secret, never met; "
    "tell your bank if you gave out bank or card details)",
    "https://www.westyorkshire.police.uk/advice/fraud-and-financial-crime/fraud-and-financial-crime/romance-fraud",
)
RPH_SEXTORTION = source(
    "Revenge Porn Helpline: sextortion and webcam blackmail",
    "https://revengepornhelpline.org.uk/information-and-advice/need-help-and-advice/sextortion-and-webcam-blackmail/",
)
STOPNCII_FAQ = source("StopNCII.org: frequently asked questions", "https://stopncii.org/faq/")
CEOP_MEETING_UP = source(
    "CEOP Education (11-18): meeting up with someone you met online",
    "https://ceopeducation.co.uk/11_18/lets-talk-about/relationships/meeting-up",
)
CEOP = source("Thinkuknow: CEOP Safety Centre", "https://www.thinkuknow.co.uk/11_13/help/CEOP/")
CHILDLINE = source("NSPCC Learning: Childline", "https://learning.nspcc.org.uk/services/childline")

ADULT_DATING = "profile.apps has dating_apps and profile.age_band = 18_plus"
ADULT = "profile.age_band = 18_plus"

CHECKS_VERIFICATION = single(
    "dating_apps.checks_verification",
    "Before you meet a match or share personal things with them, do you check that their "
    "profile is verified in the app?",
    role="habit",
    options=(
        opt("always", "Always", 1.0),
        opt("sometimes", "Sometimes", 0.5),
        opt("never", "Never", 0.0),
        not_sure(),
    ),
    hint="Many apps show a tick or badge on profiles whose photos have been checked.",
    when=ADULT_DATING,
    weight=2,
)

MOVES_CHAT_OFF_APP = single(
    "dating_apps.moves_chat_off_app",
    "How soon do you move chats with a new match off the dating app, for example to WhatsApp, "
    "Snapchat or texts?",
    role="habit",
    options=(
        opt("take_my_time", "I take my time and wait until I feel sure about them", 1.0),
        opt("within_days", "Within a few days", 0.5),
        opt("straight_away", "Straight away, or on the first day", 0.0),
    ),
    when=ADULT_DATING,
    weight=2,
)

VIDEO_CALL_BEFORE_MEETING = single(
    "dating_apps.video_call_before_meeting",
    "Before you meet a match in person, do you have a video call with them first?",
    role="habit",
    options=(
        opt("always", "Always", 1.0),
        opt("sometimes", "Sometimes", 0.5),
        opt("never", "Never", 0.0),
        opt("dont_meet", "I don't meet people from dating apps"),
    ),
    when=ADULT_DATING,
    weight=2,
)

FIRST_MEETING = single(
    "dating_apps.first_meeting_safety",
    "When you first meet a match, do you meet in a public place and tell a friend where you'll be?",
    role="habit",
    options=(
        opt("both", "Yes, both", 1.0),
        opt("one_of_them", "Only one of these", 0.5),
        opt("neither", "Neither", 0.0),
        opt("dont_meet", "I don't meet people from dating apps"),
    ),
    when=ADULT_DATING,
    weight=3,
)

SENDS_NUDES = single(
    "dating_apps.sends_nudes_to_matches",
    "Do you send nude or sexual pictures to people you've matched with on dating apps?",
    role="disclosure",
    options=(
        opt("no", "No", 1.0),
        opt("met_and_trust", "Only to people I've met in person and trust", 0.6),
        opt("not_met", "Yes, including people I haven't met in person", 0.0),
        opt("prefer_not_to_say", "I'd rather not say"),
    ),
    when=ADULT_DATING,
    weight=3,
)

PROFILE_DETAILS = single(
    "dating_apps.profile_shows_where_to_find_you",
    "Could your dating profile help a stranger find you, for example by naming your workplace "
    "or showing your street or places you often go?",
    role="habit",
    options=(
        opt("no", "No, I keep it general", 1.0),
        opt("yes", "Yes, some of it could", 0.0),
        not_sure(),
    ),
    when=ADULT_DATING,
    weight=1,
)

ASKED_FOR_MONEY = single(
    "dating_apps.asked_for_money",
    "Has someone you met on a dating app ever asked you for money, gift cards or crypto, or "
    "told you where to invest?",
    role="disclosure",
    options=(
        opt("yes", "Yes", harm=True),
        opt("no", "No"),
        not_sure(None),
        opt("prefer_not_to_say", "I'd rather not say"),
    ),
    when=ADULT_DATING,
)

QUESTIONS = (
    CHECKS_VERIFICATION,
    MOVES_CHAT_OFF_APP,
    VIDEO_CALL_BEFORE_MEETING,
    FIRST_MEETING,
    SENDS_NUDES,
    PROFILE_DETAILS,
    ASKED_FOR_MONEY,
)

CHECK_VERIFIED = Rule(
    id="dating_apps_check_matches_are_verified",
    area="dating_apps",
    purpose="prevention",
    title="Check that a match is verified before you meet or share personal things",
    summary="Look for the verified badge before you meet or share personal things: it helps "
    "you spot fake profiles.",
    why="Verification checks that a person looks like their photos. It helps you spot fake "
    "profiles, which are often used for scams and sextortion. It doesn't prove someone is kind "
    "or honest, so keep trusting your instincts too.",
    fires="dating_apps.checks_verification in [sometimes, never, not_sure]",
    how_to_check=(
        steps(
            "dating_apps",
            "Open your match's profile and look for a verified badge next to their name, such "
            "as a tick or a shield.",
            "If you can't see one, search your app's help pages for photo verification or "
            "Verified selfie.",
            checked=CHECKED,
        ),
    ),
    steps=(
        steps(
            "dating_apps",
            "Look for the verified badge on a match's profile. Tinder and Bumble call it photo "
            "verification; Hinge calls it a Verified selfie.",
            "On some apps, such as Bumble, you can ask a match to verify from your chat.",
            "Some apps let you choose to get messages only from verified profiles. Look in "
            "your message settings.",
            "Verify your own profile too, so your matches can trust you.",
            "You can also do a reverse image search on their photos, for example with Google "
            "Lens, to see if they appear under another name.",
            "If someone won't verify or keeps avoiding it, you can unmatch. You don't need a "
            "reason.",
            checked=CHECKED,
        ),
    ),
    severity="medium",
    effort_minutes=5,
    sources=(
        TINDER_PHOTO_VERIFICATION,
        BUMBLE_VERIFY,
        BUMBLE_DATE_SAFELY,
        HINGE_SAFER_DATING,
        TINDER_PHOTO_VERIFIED,
    ),
    since=SINCE,
)

STAY_ON_APP = Rule(
    id="dating_apps_take_time_before_moving_off_app",
    area="dating_apps",
    purpose="prevention",
    title="Keep chats on the dating app until you feel sure about a match",
    summary="Keep chatting in the dating app for now: it can filter harmful messages and act "
    "on your reports.",
    why="Dating apps can filter harmful messages and act on reports, but only inside the app. "
    "People who plan to scam or pressure someone often try to move the chat somewhere else "
    "quickly, where the app can't help.",
    fires="dating_apps.moves_chat_off_app in [within_days, straight_away]",
    steps=(
        steps(
            "general",
            "Take your time before moving to another app or giving out your phone number.",
            "If a match pushes to move somewhere else quickly, treat it as a warning sign.",
            "Some people use a second phone number, for example from an app, for dating calls "
            "and texts.",
            "If anything goes wrong after you've moved, you can still report them to the "
            "dating app.",
            checked=CHECKED,
        ),
    ),
    severity="medium",
    effort_minutes=1,
    sources=(TINDER_BASICS, HINGE_SAFER_DATING, GRINDR_SAFETY_TIPS, ACTION_FRAUD_ROMANCE),
    since=SINCE,
)

VIDEO_CALL = Rule(
    id="dating_apps_video_call_before_meeting",
    area="dating_apps",
    purpose="prevention",
    title="Have a video call with a match before you meet them",
    summary="A short video call before you meet shows the person is real and looks like their "
    "photos.",
    why="A short video call shows that the person is real and looks like their photos. "
    "Someone who keeps finding reasons not to call, or only wants to text, may not be who "
    "they say they are.",
    fires="dating_apps.video_call_before_meeting in [sometimes, never]",
    steps=(
        steps(
            "general",
            "Use the app's own video or voice call if it has one, so you don't need to share "
            "your phone number.",
            "Keep the call to chatting. Calls can be recorded, so if someone asks you to "
            "undress or do something sexual on camera, you can say no and end the call.",
            "If they keep avoiding a call, you don't have to meet them.",
            checked=CHECKED,
        ),
    ),
    severity="medium",
    effort_minutes=15,
    sources=(BUMBLE_DATE_SAFELY, HINGE_SAFER_DATING),
    since=SINCE,
)

MEET_SAFELY = Rule(
    id="dating_apps_meet_in_public_tell_a_friend",
    area="dating_apps",
    purpose="prevention",
    title="Meet matches in a public place and tell a friend where you'll be",
    summary="Meet somewhere busy, get yourself there and back, and tell a friend where you'll be.",
    why="On a first date you're meeting someone you don't know well yet. A busy public place "
    "and a friend who knows your plans mean help is close if anything feels wrong.",
    fires="dating_apps.first_meeting_safety in [one_of_them, neither]",
    steps=(
        steps(
            "general",
            "Meet somewhere busy and public, and stay in public on a first date.",
            "Tell a friend or someone you trust your date's name, where you're going and when. "
            "Message them when you're home.",
            "Arrange your own way there and back, so you can leave whenever you want.",
            "Keep your home and work address to yourself at first.",
            "If you feel uncomfortable, it's fine to leave. Staff at the bar or café can help you.",
            "If you're in danger, get help: {police_emergency}.",
            checked=CHECKED,
        ),
    ),
    severity="high",
    effort_minutes=5,
    sources=(TINDER_BASICS, BUMBLE_DATE_SAFELY, GRINDR_SAFETY_TIPS),
    since=SINCE,
)

NUDES_TO_MATCHES = Rule(
    id="dating_apps_hold_back_nudes_until_you_have_met",
    area="dating_apps",
    purpose="prevention",
    title="Hold back on sending nudes to matches you haven't met",
    summary="You never owe a match a picture: fake profiles sometimes ask for one, then "
    "demand money.",
    why="Fake matches are a common way sextortion starts. They build trust fast, ask for a "
    "picture, then threaten to share it unless you pay. If anyone misuses a "
    "picture you shared, that's their fault, not yours, and it can be a crime in every part "
    "of the UK.",
    fires="dating_apps.sends_nudes_to_matches = not_met",
    applies=ADULT,
    steps=(
        steps(
            "general",
            "You never owe anyone a picture. It's fine to say no, or to change your mind.",
            "Be wary if a match you haven't met asks for pictures early, or sends one first so "
            "you feel you should send one back.",
            "Pictures and video calls can be saved or recorded, even in apps that say they "
            "disappear.",
            "If you do share, leaving out your face and anything that shows where you are "
            "makes it harder to link a picture to you.",
            "If anyone threatens to share a picture, don't pay and don't send more. Stop "
            "replying, keep the messages, and get help from {revenge_porn_helpline}.",
            "{stopncii} can help stop your pictures being shared on the sites that take part.",
            checked=CHECKED,
        ),
        *by_nation(SHARING_LAW),
    ),
    severity="high",
    effort_minutes=2,
    sources=(RPH_SEXTORTION, STOPNCII_FAQ, *SHARING_LAW_SOURCES),
    since=SINCE,
)

PROFILE_GENERAL = Rule(
    id="dating_apps_keep_profile_details_general",
    area="dating_apps",
    purpose="prevention",
    title="Keep details that could help someone find you off your dating profile",
    summary="Leave your workplace, street and usual places off your profile, so only people "
    "you choose can find you.",
    why="Strangers can see your profile before you've decided to trust them. Leaving out your "
    "workplace, street and usual places means only the people you choose to tell can find "
    "you.",
    fires="dating_apps.profile_shows_where_to_find_you in [yes, not_sure]",
    how_to_check=(
        steps(
            "general",
            "Look through your profile as a stranger would: your job, your bio and every photo.",
            "Check photos for street signs, house numbers, work uniforms and places you go often.",
            checked=CHECKED,
        ),
    ),
    steps=(
        steps(
            "general",
            'Describe your job in general terms, like "nurse" or "works in tech", without '
            "the name of the place.",
            "Swap photos that show your street, home, workplace or places you go often.",
            "Some apps let you hide how far away you are. On Grindr, you can turn off Show "
            "Distance in settings.",
            "Photos can be searched online to find your other accounts, so you may want to use "
            "photos that aren't on your other profiles.",
            checked=CHECKED,
        ),
    ),
    severity="medium",
    effort_minutes=10,
    sources=(BUMBLE_FRIENDS_SAFETY, GRINDR_SAFETY_TIPS, BUMBLE_DATE_SAFELY),
    since=SINCE,
)

ROMANCE_SCAM = Rule(
    id="dating_apps_romance_scam_stop_and_report",
    area="dating_apps",
    purpose="response",
    title="Don't send money to a match, and report anyone who asks for it",
    summary="If a match asks for money, don't send any, report them, and call your bank if "
    "you already paid.",
    why="Asking for money, gift cards or crypto, or giving investment tips, are signs of a "
    "romance scam. Scammers are skilled, patient and organised. If you've already sent money, "
    "it's not your fault, and acting quickly can help.",
    fires="dating_apps.asked_for_money in [yes, not_sure]",
    applies=ADULT,
    steps=(
        steps(
            "general",
            "Don't send money, gift cards, crypto or bank details, and don't invest on their "
            "advice, however real their story sounds.",
            "Don't receive or pass on money or parcels for them.",
            "Other warning signs: they avoid video calls or meeting, ask you to keep things "
            "secret, or want to move off the app quickly.",
            "Talk it over with a friend or family member you trust.",
            "Stop replying, and report the profile to the dating app.",
            "If you've sent money or bank details, tell your bank straight away, then report "
            "it (see below for where you live).",
            "If they threaten to share pictures of you, don't pay. Keep the messages and get "
            "help from {revenge_porn_helpline}.",
            checked=CHECKED,
        ),
        *report_money_lost("2026-12-06"),
    ),
    severity="high",
    effort_minutes=10,
    sources=(
        ACTION_FRAUD_ROMANCE,
        HINGE_SAFER_DATING,
        TINDER_BASICS,
        ROMANCE_FRAUD_ADVICE,
        ROMANCE_FRAUD_SIGNS,
        *REPORT_MONEY_LOST_SOURCES,
    ),
    since=SINCE,
)

UNDER_18 = Rule(
    id="dating_apps_under_18_know_the_risks_get_help",
    area="dating_apps",
    purpose="prevention",
    title="Know why dating apps are risky for under-18s, and where to get help",
    summary="Dating apps are for adults: if anyone there asks you for pictures or to meet, "
    "tell a trusted adult.",
    why="Dating apps are made for adults aged 18 and over. Some adults on them are not who "
    "they say they are, and some look for young people to trick or pressure. Whatever has "
    "happened, you can get help.",
    fires="profile.age_band in [under_13, 13_15, 16_17]",
    applies="profile.apps has dating_apps",
    steps=(
        steps(
            "general",
            "Someone there might ask you for pictures, ask to meet, or ask you to keep a "
            "secret. If that happens, stop replying and tell a trusted adult.",
            "You can report it to {ceop}.",
            "You can talk to {childline} about anything, at any time.",
            "If you're thinking of meeting someone you met online, talk to a parent, carer or "
            "another trusted adult first.",
            "If someone has pressured you, it's not your fault. Keep the messages so you can "
            "show them when you report, but don't save any nude pictures, or screenshot any "
            "part of a chat that shows one.",
            "If you're in danger right now, get help: {police_emergency}.",
            checked=CHECKED,
        ),
    ),
    severity="high",
    effort_minutes=5,
    sources=(CEOP_MEETING_UP, CEOP, CHILDLINE),
    since=SINCE,
)

RULES = (
    CHECK_VERIFIED,
    STAY_ON_APP,
    VIDEO_CALL,
    MEET_SAFELY,
    NUDES_TO_MATCHES,
    PROFILE_GENERAL,
    ROMANCE_SCAM,
    UNDER_18,
)
