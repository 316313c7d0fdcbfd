"""Deepfakes and fake images: fewer public photos, reverse image search, what to do, the law.

Help for someone who knows of, or fears, a fake sexual picture of themselves comes in an under-18
and an adult version, because the removal services differ by age. The law differs by nation and
is given in nation step groups: sharing a fake is covered in England, Wales and Scotland but is
reported not to be in Northern Ireland for adults, and the England and Wales offence of creating
a sexual deepfake of an adult has been passed but its start date is unverified, so it is not
described as in force.
"""

from __future__ import annotations

from safety_check.authoring import PREFER_NOT_TO_SAY, not_sure, opt, single, source, steps
from safety_check.models import Nation, Rule
from safety_check.rules.intimate_images import (
    ABSHA_S2,
    CHILD_IMAGE_LAW,
    CHILD_IMAGE_LAW_SOURCES,
    COLLEGE_OF_POLICING,
    JANI_S51,
    POC_NI_1978,
    RECHECKED,
    SCOTLAND_ALTERED_IMAGES,
    SOA_66B,
    by_nation,
)

CHECKED = "2026-11-25"
SINCE = "2026.11.0"

UNDER_18 = "profile.age_band in [under_13, 13_15, 16_17]"
ADULT = "profile.age_band = 18_plus"

TINEYE_FAQ = source("TinEye: FAQ (find where an image appears online)", "https://tineye.com/faq")
META_PRIVACY = source(
    "Meta: privacy tools (Privacy Checkup, who sees your posts, Instagram follower approval)",
    "https://about.meta.com/actions/safety/topics/safety-basics/tools/privacy",
)
INSTAGRAM_TEENS = source(
    "Instagram Help: teen accounts are private by default",
    "https://help.instagram.com/3237561506542117",
)
INSTAGRAM_PRIVACY = source(
    "Instagram Help Centre: set your account to private so only approved followers see what "
    "you share (your profile, Settings, Privacy, Private account)",
    "https://help.instagram.com/448523408565555/",
)
FACEBOOK_PAST_POSTS = source(
    "BeWebSmart: five-minute Facebook privacy checkup (Limit past posts)",
    "https://www.bewebsmart.com/social-media/facebook/5-minute-facebook-privacy-checkup/",
    weak=True,
)
TIKTOK_UNDER_18 = source(
    "TikTok Support: privacy and safety settings for users under 18 (private account)",
    "https://support.tiktok.com/en/account-and-privacy/account-privacy-settings/privacy-and-safety-settings-for-users-under-age-18",
)
TIKTOK_PRIVACY = source(
    "TikTok Support: make your account public or private (Privacy, then Private account)",
    "https://support.tiktok.com/en/account-and-privacy/account-privacy-settings/making-your-account-public-or-private",
)
X_PROTECT_POSTS = source(
    "How to change your privacy and safety settings on X (Protect your posts)",
    "https://neveropen.tech/how-to-change-your-privacy-and-safety-settings-on-x",
    weak=True,
)
SNAPCHAT_FAMILY_FAQ = source(
    "Snapchat: family safety FAQ (who can see and contact you)",
    "https://parents.snapchat.com/snapchat-family-safety-faq",
)
SNAPCHAT_PRIVACY = source(
    "Snapchat Support: who can see My Story (settings in My Profile, Privacy "
    "Controls, View My Story, then My Friends or Custom)",
    "https://help.snapchat.com/hc/en-gb/articles/7012279488532",
)
GRINDR_SAFETY = source(
    "Grindr: safety tips", "https://help.grindr.com/hc/en-us/articles/200302014-Grindr-Safety-Tips"
)
RPH_FAQ = source("Revenge Porn Helpline: FAQ", "https://revengepornhelpline.org.uk/faq/")
RHC_REPORTING = source(
    "Report Harmful Content: what to remember when reporting",
    "https://reportharmfulcontent.com/advice/what-to-remember-when-reporting-to-us/",
)
STOPNCII_FAQ = source(
    "StopNCII.org: FAQ (covers manipulated images and deepfakes)", "https://stopncii.org/faq/"
)
IWF_REPORT_REMOVE = source(
    "Internet Watch Foundation: Report Remove",
    "https://www.iwf.org.uk/what-we-do/why-we-exist/report-remove",
)
TAKE_IT_DOWN_FAQ = source("Take It Down (NCMEC): FAQ", "https://takeitdown.ncmec.org/faq/")
UKCIS_WALES = source(
    "Welsh Government (UKCIS): sharing nudes and semi-nudes, including digitally changed images",
    "https://hwb.gov.wales/keeping-safe-online/welsh-government-guidance/sharing-nudes-and-semi-nudes-responding-to-incidents-and-safeguarding-children-and-young-people",
)
CEOP_HELP = source(
    "Thinkuknow: CEOP, how to report", "https://www.thinkuknow.co.uk/11_13/help/CEOP/"
)
DUAA_138 = source(
    "legislation.gov.uk: Data (Use and Access) Act 2025, section 138, creating a purported "
    "intimate image of an adult, England and Wales (start date to be confirmed)",
    "https://www.legislation.gov.uk/id/ukpga/2025/18/section/138",
)
SCOTLAND_CREATING_DEEPFAKES = source(
    "Scottish Parliament written answer S6W-00472: making such images is probably not in "
    "itself an offence",
    "https://parliament.scot/chamber-and-committees/questions-and-answers/question?ref=S6W-00472",
)
SCOTLAND_CONSULTATION = source(
    "Scottish Government: consultation on new laws on creating artificial intimate images",
    "https://www.gov.scot/publications/improving-protections-justice-system-women-girls/pages/7/",
)
NI_DEEPFAKE_CONSULTATION = source(
    "Department of Justice (NI): consultation on criminalising sexually explicit deepfakes "
    "of adults",
    "https://www.justice-ni.gov.uk/news/minister-launches-consultation-sexually-explicit-deepfake-images",
)
FAKE_LAW_SOURCES = (
    SOA_66B,
    COLLEGE_OF_POLICING,
    ABSHA_S2,
    SCOTLAND_ALTERED_IMAGES,
    NI_DEEPFAKE_CONSULTATION,
    JANI_S51,
    POC_NI_1978,
)

# Sharing a fake: covered in England, Wales and Scotland; in Northern Ireland the sharing offence
# is not known to cover fakes of adults (a reported gap; the law is being consulted on).
FAKE_SHARING_LAW: dict[Nation, str] = {
    "england": "In England, sharing a sexual deepfake of someone without their consent, or "
    "threatening to, is a crime, just as it is for a real picture. The law is section 66B of "
    "the Sexual Offences Act.",
    "wales": "In Wales, sharing a sexual deepfake of someone without their consent, or "
    "threatening to, is a crime, just as it is for a real picture. The law is section 66B of "
    "the Sexual Offences Act.",
    "scotland": "In Scotland, sharing an intimate picture that has been changed or faked, or "
    "threatening to, is a crime if it is meant to scare or upset the person, or the person "
    "doing it doesn't care if it does. The law is section 2 of the Abusive Behaviour and Sexual "
    "Harm (Scotland) Act.",
    # Issue 17 §3: what the law there does cover, next to what it may not.
    "northern_ireland": "In Northern Ireland, the law on sharing intimate pictures may not cover "
    "fakes of adults yet. The government has asked for views on a new law. It does cover "
    "sharing a real private sexual picture of someone, or threatening to, to upset them, and "
    "any nude picture of someone under 18, real or fake. You can still report a fake to the "
    "site or app, and to the police.",
}
FAKE_MAKING_LAW: dict[Nation, str] = {
    "england": "In England, Parliament has also passed a law against making a sexual deepfake "
    "of an adult without their consent. We could not confirm that it has started yet.",
    "wales": "In Wales, Parliament has also passed a law against making a sexual deepfake of "
    "an adult without their consent. We could not confirm that it has started yet.",
    "scotland": "In Scotland, making a sexual deepfake of an adult is not a crime in itself, as "
    "far as we could check. The government has asked for views on a new law.",
    "northern_ireland": "In Northern Ireland, making a sexual deepfake of an adult is not yet a "
    "crime in itself. The government has asked for views on a new law.",
}


PUBLIC_FACE_PHOTOS = single(
    "deepfakes.public_face_photos",
    "How many photos of your face can anyone online see, even people who don't follow you?",
    role="habit",
    hint="Think of public profiles, profile pictures and posts that anyone can see.",
    options=(
        opt("none", "None", 1.0),
        opt("a_few", "A few", 0.7),
        opt("lots", "Lots", 0.0),
        not_sure(),
    ),
    weight=2,
)

CHECKED_WHERE_PHOTOS_APPEAR = single(
    "deepfakes.checked_where_photos_appear",
    "Have you ever checked where your photos appear online, for example with a reverse image "
    "search?",
    role="habit",
    hint="A reverse image search looks for a photo across the web. Google Lens and TinEye do this.",
    options=(opt("yes", "Yes", 1.0), opt("no", "No", 0.0)),
    weight=1,
)

FAKE_IMAGE_OF_YOU = single(
    "deepfakes.fake_image_of_you",
    "Do you know of, or are you worried about, a fake nude or sexual picture of you?",
    role="disclosure",
    options=(
        opt("yes", "Yes, I know of one", harm=True, own_image=True),
        opt("worried", "I'm worried one might exist", own_image=True),
        opt("no", "No"),
        opt(PREFER_NOT_TO_SAY, "I'd rather not say"),
    ),
)

NUDIFY_SEEN = single(
    "deepfakes.nudify_seen",
    "Have you seen 'undress' or 'nudify' apps, or fake nudes of people you know being shared?",
    role="disclosure",
    options=(
        opt("yes", "Yes"),
        opt("no", "No"),
        opt(PREFER_NOT_TO_SAY, "I'd rather not say"),
    ),
)

QUESTIONS = (PUBLIC_FACE_PHOTOS, CHECKED_WHERE_PHOTOS_APPEAR, FAKE_IMAGE_OF_YOU, NUDIFY_SEEN)

LIMIT_PUBLIC_PHOTOS = Rule(
    id="deepfakes_limit_public_photos",
    area="deepfakes",
    purpose="prevention",
    title="Limit who can see photos of your face",
    summary="Make your accounts private, so fewer strangers can copy or misuse photos of your "
    "face.",
    why="Fewer public photos means fewer pictures a stranger can copy or misuse. If anyone "
    "does misuse a photo of you, that is their fault, not yours. This just puts you more in "
    "control.",
    fires="deepfakes.public_face_photos in [lots, not_sure]",
    how_to_check=(
        steps(
            "general",
            "Ask a friend who doesn't follow you to look at your profiles and tell you what "
            "they can see.",
            "Search your name and usernames, and look at the image results.",
            checked=CHECKED,
        ),
        steps(
            "instagram",
            "If Private account is off, anyone can see your posts. Check it in Settings and "
            "privacy, then Account privacy.",
            checked=CHECKED,
        ),
        steps(
            "facebook",
            "Open Settings and privacy, then Privacy Checkup, to see who can see your posts.",
            checked=CHECKED,
        ),
        steps(
            "tiktok",
            "If Private account is off, anyone can see your videos. Check it in Settings and "
            "privacy, then Privacy.",
            checked=CHECKED,
        ),
        steps(
            "x",
            "If Protect your posts is off, anyone can see your posts. Check it in Settings and "
            "privacy, then Privacy and safety.",
            checked=CHECKED,
        ),
    ),
    steps=(
        steps(
            "general",
            "Look through your public posts. Archive or delete any photos of your face you'd "
            "rather keep to friends.",
            "Remove location tags from your posts.",
            "Choose a profile picture you're happy for anyone to see.",
            "App menus change often, so the names below may be a little different on your phone.",
            checked=CHECKED,
        ),
        steps(
            "instagram",
            "Go to your profile, tap the menu, then Settings and privacy, then Account privacy.",
            "Turn on Private account.",
            checked=CHECKED,
        ),
        steps(
            "facebook",
            "Open Settings and privacy, then Privacy Checkup, and set who can see your future "
            "posts to Friends.",
            "Use Limit past posts to change your old public posts to Friends.",
            checked=CHECKED,
        ),
        steps(
            "tiktok",
            "Go to your profile, tap the menu, then Settings and privacy, then Privacy.",
            "Turn on Private account.",
            checked=CHECKED,
        ),
        steps(
            "x",
            "Go to Settings and privacy, then Privacy and safety.",
            "Open Audience, media and tagging. Older apps call it Audience and tagging.",
            "Turn on Protect your posts.",
            checked=CHECKED,
        ),
        steps(
            "snapchat",
            "Go to your profile, then Settings, then Privacy Controls, then View My Story, and "
            "choose My Friends.",
            checked=CHECKED,
        ),
        steps(
            "dating_apps",
            "Face photos on dating apps can be searched to find your other accounts. Think "
            "about using photos that aren't on your other profiles.",
            checked=CHECKED,
        ),
    ),
    severity="medium",
    effort_minutes=15,
    sources=(
        META_PRIVACY,
        INSTAGRAM_TEENS,
        TIKTOK_UNDER_18,
        SNAPCHAT_FAMILY_FAQ,
        GRINDR_SAFETY,
        INSTAGRAM_PRIVACY,
        FACEBOOK_PAST_POSTS,
        TIKTOK_PRIVACY,
        X_PROTECT_POSTS,
        SNAPCHAT_PRIVACY,
    ),
    since=SINCE,
)

CHECK_WHERE_PHOTOS_APPEAR = Rule(
    id="deepfakes_check_where_your_photos_appear",
    area="deepfakes",
    purpose="prevention",
    title="Check where your photos appear online with a reverse image search",
    summary="A reverse image search shows where your photos appear, so you can spot and "
    "report fake profiles early.",
    why="A reverse image search shows where else a photo of you appears. It can spot a fake "
    "profile using your pictures, so you can report it early.",
    fires="deepfakes.checked_where_photos_appear = no",
    steps=(
        steps(
            "general",
            "Open Google Lens (the camera icon in the Google app or search bar) and choose a "
            "photo of you. It shows pages with the same or similar pictures.",
            "You can also upload a photo to TinEye, which looks for copies of that exact "
            "picture, even cropped or edited ones.",
            "Start with your profile pictures. These are the ones most often copied.",
            "Only use everyday photos. Never put a nude or sexual picture into a search tool.",
            "If you find your photo somewhere you didn't put it, note the web address and the "
            "date, and report it to the site.",
            checked=CHECKED,
        ),
    ),
    severity="low",
    effort_minutes=10,
    sources=(TINEYE_FAQ,),
    since=SINCE,
)

FAKE_UNDER_18 = Rule(
    id="deepfakes_fake_image_help_under_18",
    area="deepfakes",
    purpose="response",
    title="Get help to remove a fake nude picture of you",
    summary="A trusted adult, Childline and Report Remove can help get a fake nude of you "
    "taken down.",
    why="It's not your fault. A fake nude of you is taken seriously, and it can often be "
    "removed. A trusted adult and the services here can help.",
    fires="deepfakes.fake_image_of_you in [yes, worried, prefer_not_to_say]",
    applies=UNDER_18,
    steps=(
        steps(
            "general",
            "If you're only worried one might exist, you don't have to go looking for it. "
            "Talk to a trusted adult or {childline}.",
            "Tell a trusted adult, like a parent, carer or teacher. They can help you report "
            "it, and they don't need to see the picture.",
            "Don't screenshot, save or forward the picture itself. Write down where it is "
            "instead: the web address or app, the account name, and the date and time.",
            "Report the post and the account to the site or app.",
            "Use {report_remove} to get it taken down. You can give them a link, so you don't "
            "need a copy.",
            "If someone sent the picture to you and it's already on your device, {take_it_down} "
            "may also help stop it spreading.",
            "If someone is threatening you with it, or asking you for something, report it to "
            "{ceop}.",
            "A trusted adult can help you tell the police: {police_non_emergency}. If you're in "
            "danger, call {police_emergency}.",
            checked=CHECKED,
        ),
    ),
    severity="critical",
    effort_minutes=20,
    sources=(IWF_REPORT_REMOVE, UKCIS_WALES, CEOP_HELP, TAKE_IT_DOWN_FAQ),
    since=SINCE,
)

FAKE_ADULT = Rule(
    id="deepfakes_fake_image_help_adult",
    area="deepfakes",
    purpose="response",
    title="Keep evidence, report and get a fake intimate image removed",
    summary="Keep evidence, report the fake to the site, and use StopNCII to help stop it "
    "spreading.",
    why="It's not your fault. Fakes can often be taken down, and in most of the UK sharing a "
    "fake sexual image of someone, or threatening to, is a crime, just as it is for a real one.",
    fires="deepfakes.fake_image_of_you in [yes, worried, prefer_not_to_say]",
    applies=ADULT,
    steps=(
        steps(
            "general",
            "Keep evidence first: screenshots that show the web address, the date and time, "
            "and the account that posted it.",
            "If you might go to the police, think about contacting them before you ask for "
            "removal, so the evidence isn't lost. Call {police_non_emergency}, or "
            "{police_emergency} if you're in danger.",
            "Report it to the site or app and ask them to remove it.",
            "Use {stopncii}. It covers fake and AI-made images, and the image never leaves "
            "your device.",
            "If the site doesn't act, {report_harmful_content} can help you take it further.",
            "For advice and support: {revenge_porn_helpline}. If you're only worried one "
            "might exist, they can talk through your options.",
            checked=CHECKED,
        ),
        *by_nation(FAKE_SHARING_LAW),
    ),
    severity="critical",
    effort_minutes=30,
    sources=(RPH_FAQ, STOPNCII_FAQ, RHC_REPORTING, *FAKE_LAW_SOURCES),
    since=SINCE,
)

DONT_SHARE_FAKES_UNDER_18 = Rule(
    id="deepfakes_dont_share_fakes_under_18",
    area="deepfakes",
    purpose="prevention",
    title="Don't share fake nudes, and tell a trusted adult about them",
    summary="Don't share fake nudes or use apps that make them; report them and tell a "
    "trusted adult.",
    why="Fake nudes hurt real people. In every part of the UK, fake nude pictures of anyone "
    "under 18 are against the law, even if they were made as a joke.",
    fires="deepfakes.nudify_seen in [yes, prefer_not_to_say]",
    applies=UNDER_18,
    steps=(
        steps(
            "general",
            "Don't forward, save or comment on fake nudes, and don't use apps that make them.",
            "Report the picture and the account to the site or app.",
            "Tell a trusted adult, like a parent, carer or teacher. Telling is the right thing "
            "to do.",
            "If a fake is of you, it's not your fault. You can get help to have it removed.",
            checked=CHECKED,
        ),
        *by_nation(CHILD_IMAGE_LAW),
    ),
    severity="high",
    effort_minutes=5,
    sources=(UKCIS_WALES, *CHILD_IMAGE_LAW_SOURCES),
    since=SINCE,
)

DONT_SHARE_FAKES_ADULT = Rule(
    id="deepfakes_dont_share_fakes_adult",
    area="deepfakes",
    purpose="prevention",
    title="Don't share fake nudes, and report them when you see them",
    summary="Don't share fake nudes or use apps that make them, and report any you see.",
    why="Fake nudes hurt real people. In most of the UK, sharing a sexual deepfake of someone "
    "without consent, or threatening to, is a crime.",
    fires="deepfakes.nudify_seen in [yes, prefer_not_to_say]",
    applies=ADULT,
    steps=(
        steps(
            "general",
            "Don't forward, save or comment on fake nudes, and don't use apps that make them.",
            "Report the picture and the account to the site or app.",
            "Fake sexual pictures of anyone under 18 are against the law in every part of the "
            "UK. If you see one, report it to the police: {police_non_emergency}. Don't send it "
            "on, even to report it.",
            checked=RECHECKED,
        ),
        *by_nation(FAKE_SHARING_LAW, FAKE_MAKING_LAW),
    ),
    severity="medium",
    effort_minutes=5,
    sources=(
        *FAKE_LAW_SOURCES,
        DUAA_138,
        SCOTLAND_CREATING_DEEPFAKES,
        SCOTLAND_CONSULTATION,
        *CHILD_IMAGE_LAW_SOURCES,
    ),
    since=SINCE,
)

RULES = (
    LIMIT_PUBLIC_PHOTOS,
    CHECK_WHERE_PHOTOS_APPEAR,
    FAKE_UNDER_18,
    FAKE_ADULT,
    DONT_SHARE_FAKES_UNDER_18,
    DONT_SHARE_FAKES_ADULT,
)
