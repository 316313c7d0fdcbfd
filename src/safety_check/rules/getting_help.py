"""Getting help: keeping evidence, reporting, the police, support services and trusted people.

The safety, evidence, reporting and support steps of the urgent lane are here, in an under-18
and an adult version wherever the services differ.
"""

from __future__ import annotations

from safety_check.authoring import PREFER_NOT_TO_SAY, not_sure, opt, single, source, steps
from safety_check.models import PlatformSteps, Rule, Source

CHECKED = "2026-11-25"
TODAY = "2026-12-01"
SINCE = "2026.11.0"
NEW = "2026.12.0"
HELPERS_SINCE = "2026.12.1"
HELPERS_CHECKED = "2026-12-06"
CONTENT_MENDS_SINCE = "2026.12.5"

URGENT = "(situation.threat_to_share = yes or situation.image_shared = yes)"
UNDER_18 = "profile.age_band in [under_13, 13_15, 16_17]"
ADULT = "profile.age_band = 18_plus"
NOT_UNDER_18 = f"not (answered profile.age_band and {UNDER_18})"
# Kleene logic: a skipped situation question must not hide the plan for a watched person, so
# "not urgent" is written as "not (answered and yes)".
NOT_URGENT = (
    "not (answered situation.threat_to_share and situation.threat_to_share = yes) and "
    "not (answered situation.image_shared and situation.image_shared = yes)"
)
NO_VOICE = "profile.contact_method in [text_or_chat, bsl]"
HELPER_LANE_OPENERS = (
    "getting_help_helper_keep_details_without_the_picture",
    "getting_help_helper_teacher_tell_the_safeguarding_lead",
)
HARM_DISCLOSED = (
    "intimate_images.taken_without_consent = yes or deepfakes.fake_image_of_you = yes or "
    "nearby_sharing.unwanted_sexual_image = yes or intimate_images.asked_for_nude = yes"
)
CLOSE_TO_HOME = "[partner_or_ex, lives_with_me]"
WHO_OPTIONS = (
    opt("only_online", "Someone I only know online"),
    opt("partner_or_ex", "My partner or ex-partner"),
    opt("lives_with_me", "Someone I live with, or a family member"),
    opt("someone_i_know", "Someone else I know in real life, like a classmate"),
    not_sure(None),
    opt(PREFER_NOT_TO_SAY, "I'd rather not say"),
)
"""Who is doing it: a partner, an ex or someone at home may also see the person's phone."""
SCOTLAND_HELPLINE_CHECK = (
    "We could not confirm its numbers on its own website, so please check them there first."
)
"""Said after a step names Scotland's domestic abuse helpline to someone whose support list may
not hold it: its numbers come from partner and news pages (resources.py, `unverified`)."""
WATCHED = (
    f"(getting_help.someone_checks_phone = yes or "
    f"sextortion.who_is_threatening in {CLOSE_TO_HOME} or "
    f"getting_help.who_did_it in {CLOSE_TO_HOME})"
)
KNOWN_NOT_CLOSE = (
    "(sextortion.who_is_threatening = someone_i_know or getting_help.who_did_it = someone_i_know)"
)

RPH_FAQ = source("Revenge Porn Helpline: FAQ", "https://revengepornhelpline.org.uk/faq/")
RPH_SEXTORTION = source(
    "Revenge Porn Helpline: sextortion and webcam blackmail",
    "https://revengepornhelpline.org.uk/information-and-advice/need-help-and-advice/sextortion-and-webcam-blackmail/",
)
NCA_ALERT = source(
    "UK Safer Internet Centre: the NCA's sextortion alert to UK schools",
    "https://saferinternet.org.uk/blog/national-crime-agency-issues-financially-motivated-sexual-extortion-alert-to-uk-schools",
)
CEOP_HELP = source(
    "Thinkuknow: CEOP, how to report", "https://www.thinkuknow.co.uk/11_13/help/CEOP/"
)
UKCIS_NUDES = source(
    "UKCIS: sharing nudes and semi-nudes, advice for education settings",
    "https://www.gov.uk/government/publications/sharing-nudes-and-semi-nudes-advice-for-education-settings-working-with-children-and-young-people",
)
RHC_REPORTING = source(
    "Report Harmful Content: what to remember when reporting",
    "https://reportharmfulcontent.com/advice/what-to-remember-when-reporting-to-us/",
)
# The platforms' own pages on their report buttons (also the routes in platform_reports.py).
INSTAGRAM_REPORT_INTIMATE = source(
    "Instagram: protecting intimate images",
    "https://about.instagram.com/blog/announcements/protecting-intimate-images-on-instagram/",
)
SNAPCHAT_REPORTING = source(
    "Snapchat: report a safety concern",
    "https://values.snap.com/safety/safety-reporting",
)
TIKTOK_REPORT_VIDEO = source(
    "TikTok Support: report a video",
    "https://support.tiktok.com/en/safety-hc/report-a-problem/report-a-video",
)
WHATSAPP_ABOUT_REPORTING = source(
    "WhatsApp Help Centre: about blocking and reporting",
    "https://faq.whatsapp.com/414631957536067",
)
META_NCII = source(
    "Meta: non-consensual intimate images",
    "https://about.meta.com/actions/safety/topics/bullying-harassment/ncii",
)
SBNI_HELP = source(
    "Safeguarding Board for NI: image sharing, what you can do",
    "https://onlinesafetyhub.safeguardingni.org/image-sharing-what-you-can-do/",
)
VICTIM_SUPPORT = source(
    "Victim Support: 24/7 support for victims of crime",
    "https://www.victimsupport.org.uk/247-support-still-available-victims-crime/",
)
ANDROID_SCREENSHOTS = source(
    "Android Central: how to take a screenshot on Android",
    "https://www.androidcentral.com/android-screenshots",
    weak=True,
)
REFUGE_TECH = source(
    "Refuge: secure your tech",
    "https://refuge.org.uk/i-need-help-now/how-we-can-help-you/secure-your-tech/",
)
COUNCIL_COVER_TRACKS = source(
    "Wokingham Borough Council: domestic abuse, covering your tracks",
    "https://wokingham.gov.uk/community-and-safety/domestic-abuse/how-get-help/tips-keeping-safe/covering-your-tracks",
)
DA_HELPLINE_SOURCE = source(
    "Refuge: the National Domestic Abuse Helpline, free and open 24 hours",
    "https://refuge.org.uk/news/refuge-responds-to-reports-of-potential-increase-in-domestic-abuse-during-covid-19",
)
NI_HELPLINE = source(
    "Domestic and Sexual Abuse Helpline (Northern Ireland)",
    "https://dsahelpline.org/2023/12/22/domestic-and-sexual-abuse-helpline-could-receive-50-calls-per-day-over-christmas-week/",
)
LIVE_FEAR_FREE = source(
    "Welsh Government: Live Fear Free, sexual violence",
    "https://www.gov.wales/live-fear-free/sexual-violence",
)
RPH_ASK_AN_OFFICER = source(
    "Revenge Porn Helpline: ask an officer",
    "https://revengepornhelpline.org.uk/information-and-advice/police-and-courts-advice/ask-an-officer",
)
VS_REPORTING = source(
    "Victim Support: what happens when I report a crime?",
    "https://www.victimsupport.org.uk/crime-info/reporting-crime/what-happens-when-i-report-crime/",
)
MET_IMAGE_ABUSE = source(
    "Metropolitan Police: intimate image abuse",
    "https://www.met.police.uk/advice/advice-and-information/online-safety/online-safety/intimate-image-abuse-revenge-porn/",
)
CA_SCOTLAND = source(
    "Citizens Advice Scotland: if your intimate photos or videos are shared without consent",
    "https://www.citizensadvice.org.uk/scotland/law-and-courts/society-s/privacy-and-media-s/if-your-intimate-photos-or-videos-are-shared-without-your-consent/",
)
NI_VICTIM_CHARTER = source(
    "nidirect: the Victim Charter", "https://www.nidirect.gov.uk/articles/victim-charter"
)
VS_SCOTLAND = source(
    "Victim Support Scotland: support without reporting",
    "https://victimsupport.scot/victims-awareness-week-2021",
)
RAPE_CRISIS_FAQ = source(
    "Rape Crisis 24/7 Support Line: FAQs", "https://247sexualabusesupport.org.uk/faqs/"
)
OFCOM_BSL_RELAY = source(
    "Ofcom: emergency video relay for British Sign Language users",
    "https://www.ofcom.org.uk/phones-and-broadband/accessibility/ex-post-evaluation-of-our-emergency-video-relay-regulation",
)
RELAY_UK = source(
    "BT Relay UK: contacting the emergency services",
    "https://www.relayuk.bt.com/news/providing-a-vital-lifeline.html",
)
EMERGENCY_SMS = source(
    "Buckinghamshire Fire and Rescue: emergencySMS",
    "https://bucksfire.gov.uk/safety-hub/emergency-sms/",
)
RAPE_CRISIS_SCOTLAND = source(
    "Rape Crisis Scotland: helpline confidentiality and ways to contact",
    "https://rapecrisisscotland.org.uk/helpline-confidentiality",
)

SOMEONE_CHECKS_PHONE = single(
    "getting_help.someone_checks_phone",
    "Does someone check your phone or accounts in a way that makes you feel unsafe or controlled?",
    role="disclosure",
    options=(
        opt("yes", "Yes", harm=True),
        opt("no", "No"),
        opt(PREFER_NOT_TO_SAY, "I'd rather not say"),
    ),
)

WHO_DID_IT = single(
    "getting_help.who_did_it",
    "Who did this?",
    role="disclosure",
    hint="You don't have to say. It helps us show you steps that are safe for you.",
    options=tuple(
        opt("dont_know", "I don't know who it was") if option.id == "not_sure" else option
        for option in WHO_OPTIONS
    ),
    # Asked after any harm told of in the areas (a picture taken without consent, a fake, an
    # unwanted picture, being asked for nudes), when the safety page did not already ask it.
    when=f"({HARM_DISCLOSED}) and {NOT_URGENT}",
)

KNOWS_HOW_TO_REPORT = single(
    "getting_help.knows_how_to_report",
    "Do you know how to report a post or an account on the apps you use?",
    role="habit",
    options=(opt("yes", "Yes", 1.0), opt("no", "No", 0.0), not_sure()),
    weight=2,
)

KNOWS_HOW_TO_SAVE_EVIDENCE = single(
    "getting_help.knows_how_to_save_evidence",
    "Would you know how to save evidence, like screenshots showing the username, date and web "
    "address, if something went wrong?",
    role="habit",
    options=(opt("yes", "Yes", 1.0), opt("no", "No", 0.0), not_sure()),
    weight=2,
)

TRUSTED_ADULT = single(
    "getting_help.trusted_adult",
    "Is there an adult you trust who you could talk to if something went wrong online?",
    role="habit",
    hint="For example a parent, carer, relative, teacher or youth worker.",
    options=(opt("yes", "Yes", 1.0), opt("no", "No", 0.0), not_sure()),
    when=UNDER_18,
    weight=3,
)

TRUSTED_PERSON = single(
    "getting_help.trusted_person",
    "Is there someone you trust who you could talk to if something went wrong online?",
    role="habit",
    options=(opt("yes", "Yes", 1.0), opt("no", "No", 0.0), not_sure()),
    when=ADULT,
    weight=2,
)

HELP_A_FRIEND = single(
    "getting_help.knows_how_to_help_a_friend",
    "If a friend told you someone shared, or threatened to share, a nude picture of them, would "
    "you know how to help?",
    role="habit",
    options=(opt("yes", "Yes", 1.0), opt("no", "No", 0.0), not_sure()),
    weight=1,
)

QUESTIONS = (
    WHO_DID_IT,
    SOMEONE_CHECKS_PHONE,
    KNOWS_HOW_TO_REPORT,
    KNOWS_HOW_TO_SAVE_EVIDENCE,
    TRUSTED_ADULT,
    TRUSTED_PERSON,
    HELP_A_FRIEND,
)

STAY_SAFE_NOW = Rule(
    id="getting_help_stay_safe_now",
    area="getting_help",
    purpose="response",
    title="If you are in danger or feel you can't cope, get help right now",
    summary="If you are in danger or feel you can't cope, people are ready to help you now, day or"
    " night.",
    why="What is happening can feel overwhelming. You don't have to handle it on your own, "
    "and people are ready to help at any time of day or night.",
    fires=URGENT,
    # Someone who can't phone gets the same help without a call, first in the lane.
    applies=f"not (answered profile.contact_method and {NO_VOICE})",
    steps=(
        steps(
            "general",
            "If you are in danger, or thinking about hurting yourself, call "
            "{police_emergency} now.",
            "If you need someone to talk to straight away: {samaritans}, or {shout}.",
            "You matter more than any picture. This will pass, and help is there.",
            checked=CHECKED,
        ),
    ),
    severity="critical",
    effort_minutes=1,
    sources=(SBNI_HELP, NCA_ALERT),
    since=SINCE,
    urgent_step="safety",
)

EVIDENCE_UNDER_18 = Rule(
    id="getting_help_keep_evidence_under_18",
    area="getting_help",
    purpose="response",
    title="Keep the messages as evidence, but not the nude picture itself",
    summary="Save the messages and usernames so people can stop this, but never save a nude "
    "picture itself.",
    why="Evidence helps the police, the app and CEOP stop the person. Save the messages, but "
    "never a nude picture of anyone under 18, even of yourself. You are not in trouble.",
    fires=URGENT,
    applies=UNDER_18,
    steps=(
        steps(
            "general",
            "Don't delete the chat, the account or your messages.",
            "Take screenshots of their profile, their username and their messages, with the "
            "date and time showing. If a nude picture is in the chat, don't screenshot that "
            "part: write down the date and time of it instead.",
            "Write down where the picture was posted or sent, and any payment details they gave.",
            "A trusted adult can help you with this, so you don't have to look at it all alone.",
            checked=CHECKED,
        ),
    ),
    severity="critical",
    effort_minutes=10,
    sources=(NCA_ALERT, UKCIS_NUDES, CEOP_HELP),
    since=SINCE,
    urgent_step="keep_evidence",
)

EVIDENCE_ADULT = Rule(
    id="getting_help_keep_evidence_adult",
    area="getting_help",
    purpose="response",
    title="Keep evidence before anything is deleted",
    summary="Save messages, usernames and links before anything is deleted, so the police and "
    "sites can act.",
    why="Evidence helps the police and the sites act. Sites may remove posts when you report "
    "them, so save what you need first.",
    fires=URGENT,
    applies=ADULT,
    steps=(
        steps(
            "general",
            "Don't delete messages, accounts or payment details.",
            "Take screenshots of messages and profiles that show the username, the web address "
            "(URL), the date and the time.",
            "If you might go to the police, think about reporting to them before you ask a site "
            "to remove a post, so the evidence is not lost.",
            "If the picture was taken when you were under 18, don't screenshot or save it. "
            "Write down where it is instead.",
            checked=CHECKED,
        ),
    ),
    severity="critical",
    effort_minutes=15,
    sources=(RPH_FAQ, RPH_SEXTORTION),
    since=SINCE,
    urgent_step="keep_evidence",
)

REPORT_UNDER_18 = Rule(
    id="getting_help_report_under_18",
    area="getting_help",
    purpose="response",
    title="Report it to CEOP and to the app",
    summary="Report it to CEOP and the app, so trained people can help keep you safe. You won't be"
    " in trouble.",
    why="Reporting gets trained people working to keep you safe and can stop the person doing "
    "this to others. You will not be in trouble for reporting.",
    fires=URGENT,
    applies=UNDER_18,
    steps=(
        steps(
            "general",
            "Report what is happening to {ceop}. A child protection adviser will read it and "
            "contact you.",
            "Report the account and the messages in the app, using its report button.",
            "If you're in danger right now, call {police_emergency}.",
            checked=CHECKED,
        ),
    ),
    severity="critical",
    effort_minutes=15,
    sources=(CEOP_HELP, NCA_ALERT),
    since=SINCE,
    urgent_step="report",
)

REPORT_ADULT = Rule(
    id="getting_help_report_adult",
    area="getting_help",
    purpose="response",
    title="Report it to the police and to the site or app",
    summary="Report it to the police and the site, so they can act. The police should listen "
    "without judging you.",
    why="Sharing an intimate image without consent, or threatening to, is a crime in England "
    "and Wales. Scotland and Northern Ireland have their own laws. The police should listen "
    "to you without judging you.",
    fires=URGENT,
    applies=ADULT,
    steps=(
        steps(
            "general",
            "Report it to the police: {police_non_emergency}, or {police_emergency} if you're in "
            "danger.",
            "Report the account and the post or messages to the site or app.",
            "If the site doesn't act on your report, {report_harmful_content} can help you take "
            "it further.",
            checked=CHECKED,
        ),
    ),
    severity="critical",
    effort_minutes=20,
    sources=(RPH_FAQ, RHC_REPORTING, META_NCII),
    since=SINCE,
    urgent_step="report",
)

TALK_UNDER_18 = Rule(
    id="getting_help_talk_to_a_trusted_adult",
    area="getting_help",
    purpose="response",
    title="Tell an adult you trust, or talk to Childline",
    summary="You don't have to deal with this alone: tell an adult you trust, or talk to "
    "Childline.",
    why="You don't have to sort this out alone. Adults who care about you will want to help, and "
    "Childline counsellors help young people with this every day.",
    fires=URGENT,
    applies=UNDER_18,
    steps=(
        steps(
            "general",
            "Tell a parent, carer, teacher or another adult you trust. Your school has a "
            "teacher whose job is to keep pupils safe, and they are trained to help.",
            "If you can't tell anyone you know, talk to {childline}. It's free and private.",
            checked=CHECKED,
        ),
    ),
    severity="critical",
    effort_minutes=10,
    sources=(NCA_ALERT, CEOP_HELP),
    since=SINCE,
    urgent_step="talk",
)

TALK_ADULT = Rule(
    id="getting_help_talk_to_someone_adult",
    area="getting_help",
    purpose="response",
    title="Talk to a specialist helpline or someone you trust",
    summary="Talk to a specialist helpline or someone you trust, so you have support whatever you "
    "decide.",
    why="Support helps, whether or not you go to the police. Specialists know how to get images "
    "removed and what your options are.",
    fires=URGENT,
    applies=ADULT,
    steps=(
        steps(
            "general",
            "Call or contact {revenge_porn_helpline}.",
            "Tell a friend or family member you trust, if it feels right for you.",
            checked=CHECKED,
        ),
        steps(
            "england",
            "For support after any crime, day or night: {victim_support}.",
            checked=HELPERS_CHECKED,
        ),
        steps(
            "wales",
            "For support after any crime, day or night: {victim_support}.",
            checked=HELPERS_CHECKED,
        ),
        steps(
            "scotland",
            "For support after any crime: {victim_support_scotland}.",
            checked=HELPERS_CHECKED,
        ),
        steps(
            "northern_ireland",
            "For support after any crime: {victim_support_ni}.",
            checked=HELPERS_CHECKED,
        ),
    ),
    severity="critical",
    effort_minutes=15,
    sources=(RPH_FAQ, VICTIM_SUPPORT),
    since=SINCE,
    urgent_step="talk",
)


def _plan_safely_steps() -> tuple[PlatformSteps, ...]:
    return (
        steps(
            "general",
            "It's not your fault that someone checks up on you like this.",
            "Use a device the other person can't see or check, like a trusted friend's phone "
            "or a library computer, to get help.",
            "Contact a domestic abuse service for where you live. They are in this plan, and "
            "they can help you plan what is safe to do.",
            "Until you have a plan, don't change settings or passwords, block anyone or report "
            "from the phone they check. Sudden changes can be noticed.",
            "Screenshots you take may copy to a shared photo backup or family account. Check "
            "before you save evidence on this phone.",
            "Steps in your plan that someone might notice are marked. Think about them before "
            "you act.",
            "If you are 18 or over, there is help for men: {mens_advice_line}, and for LGBT+ "
            "people: {galop}.",
            "If you are under 18, you can also talk to an adult you trust outside your home, "
            "like a teacher.",
            "If you are in danger, call {police_emergency}.",
            checked=TODAY,
        ),
        steps(
            "england",
            "If you live in England and you are a woman, you can get help from "
            "{national_domestic_abuse_helpline}.",
            checked=TODAY,
        ),
        steps(
            "wales", "If you live in Wales, you can get help from {live_fear_free}.", checked=TODAY
        ),
        steps(
            "scotland",
            "If you live in Scotland, you can get help from {scotland_domestic_abuse_helpline}, "
            "at any age.",
            SCOTLAND_HELPLINE_CHECK,
            checked=TODAY,
        ),
        steps(
            "northern_ireland",
            "If you live in Northern Ireland, you can get help from "
            "{ni_domestic_sexual_abuse_helpline}, at any age.",
            checked=TODAY,
        ),
    )


PLAN_SAFELY_SOURCES = (
    REFUGE_TECH,
    COUNCIL_COVER_TRACKS,
    DA_HELPLINE_SOURCE,
    LIVE_FEAR_FREE,
    NI_HELPLINE,
)

PLAN_SAFELY = Rule(
    id="getting_help_plan_safely_if_watched",
    area="getting_help",
    purpose="response",
    title="Get help from a device they can't check, before you change anything",
    summary="Contact a domestic abuse service from a safe device first, so nothing you do "
    "puts you at more risk.",
    why="Someone checks your phone, and something is happening with your pictures. Sudden "
    "changes could be noticed and make things harder. A support service can help you plan "
    "what is safe.",
    fires=f"{WATCHED} and {URGENT}",
    applies=NOT_UNDER_18,
    steps=_plan_safely_steps(),
    severity="critical",
    effort_minutes=10,
    sources=PLAN_SAFELY_SOURCES,
    since=SINCE,
    # Before blocking, reporting or saving anything they might see: first in the urgent lane.
    urgent_step="safety",
)

PLAN_SAFELY_UNDER_18 = Rule(
    id="getting_help_plan_safely_if_watched_under_18",
    area="getting_help",
    purpose="response",
    title="Get help from a phone they can't see",
    summary="Use a phone or computer they can't see or check, and talk to Childline or CEOP "
    "from it.",
    why="Someone checks your phone, or knows you well. Sudden changes could be noticed, so get "
    "help first from a device they can't see. You won't be in trouble.",
    fires=f"{WATCHED} and {URGENT}",
    applies=UNDER_18,
    steps=(
        steps(
            "general",
            "It's not your fault, whoever they are.",
            "Use a phone or computer they can't see, like a friend's phone or a school "
            "computer. From there, talk to {childline} or report to {ceop}.",
            "Tell an adult you trust, like a teacher. If the person is someone at home, choose "
            "an adult outside your home.",
            "Until you have help, don't block, report or change settings on the phone they "
            "check: they could notice.",
            checked=HELPERS_CHECKED,
        ),
        steps(
            "scotland",
            "If you live in Scotland, {scotland_domestic_abuse_helpline} helps people of any "
            "age too.",
            checked=HELPERS_CHECKED,
        ),
        steps(
            "northern_ireland",
            "If you live in Northern Ireland, {ni_domestic_sexual_abuse_helpline} helps people "
            "of any age too.",
            checked=HELPERS_CHECKED,
        ),
    ),
    severity="critical",
    effort_minutes=10,
    sources=(CEOP_HELP, REFUGE_TECH),
    since=HELPERS_SINCE,
    urgent_step="safety",
)

SCHOOL_LEAD_NOW = Rule(
    id="getting_help_tell_school_safeguarding_lead_now",
    area="getting_help",
    purpose="response",
    title="Tell your school's safeguarding lead today",
    summary="If people you know are doing this, tell your school's safeguarding lead today. You "
    "are not in trouble.",
    why="When the person is someone you know, like a classmate, your school can act to stop "
    "it spreading and keep you safe. Every school has a teacher whose job this is.",
    fires=f"{KNOWN_NOT_CLOSE} and {URGENT}",
    applies=UNDER_18,
    steps=(
        steps(
            "general",
            "Tell your school's designated safeguarding lead today, or any teacher you trust, "
            "who will pass it on. You don't need to show them the picture.",
            "Use {report_remove} now to get the picture taken down. You can give them a link.",
            "Don't reply to the people sharing it, and don't forward it yourself.",
            "A parent or carer can help you too. It's not your fault.",
            checked=HELPERS_CHECKED,
        ),
    ),
    severity="critical",
    effort_minutes=10,
    sources=(UKCIS_NUDES, CEOP_HELP),
    since=HELPERS_SINCE,
    urgent_step="safety",
)

SCHOOL_LEAD = Rule(
    id="getting_help_tell_school_safeguarding_lead",
    area="getting_help",
    purpose="response",
    title="Tell your school's safeguarding lead",
    summary="If someone you know did this, your school's safeguarding lead can help stop it. You "
    "are not in trouble.",
    why="When the person is someone you know, like a classmate, your school can act to keep you "
    "safe. Every school has a teacher whose job this is.",
    fires=f"{KNOWN_NOT_CLOSE} and {NOT_URGENT}",
    applies=UNDER_18,
    steps=(
        steps(
            "general",
            "Tell your school's designated safeguarding lead, or any teacher you trust, who will "
            "pass it on. You don't need to show them any picture.",
            "If a picture of you is online, {report_remove} can get it taken down.",
            "A parent or carer, or {childline}, can help you too. It's not your fault.",
            checked=HELPERS_CHECKED,
        ),
    ),
    severity="critical",
    effort_minutes=10,
    sources=(UKCIS_NUDES, CEOP_HELP),
    since=HELPERS_SINCE,
)

WITHOUT_A_CALL = Rule(
    id="getting_help_reach_help_without_a_call",
    area="getting_help",
    purpose="response",
    title="Reach help without a phone call",
    summary="You can reach the police and support by text, chat or sign language: here is how.",
    why="You told us a phone call is not the way for you. Every service in your plan can be "
    "reached another way.",
    fires=f"{NO_VOICE} and {URGENT}",
    steps=(
        steps(
            "general",
            "If you are in danger: {emergency_bsl} in sign language, or {emergency_sms}.",
            "Register for emergencySMS now, before you need it: it only works once you have.",
            "To call any number in your plan by typing and reading: {relay_uk}.",
            "If you feel you can't cope, you can reach someone any time: {shout}, or "
            "{samaritans} by email.",
            "To report to the police when it's not an emergency: {police_non_emergency:access}.",
            "Many services in your plan have online chat or email too: the list of services "
            "says how to reach each one.",
            checked=HELPERS_CHECKED,
        ),
        steps(
            "wales",
            "If you live in Wales: {live_fear_free} answers texts and online chat, day or night.",
            checked=HELPERS_CHECKED,
        ),
        steps(
            "scotland",
            "If you live in Scotland: {scotland_domestic_abuse_helpline} has web chat and email "
            "too.",
            SCOTLAND_HELPLINE_CHECK,
            checked=HELPERS_CHECKED,
        ),
    ),
    severity="critical",
    effort_minutes=2,
    sources=(OFCOM_BSL_RELAY, EMERGENCY_SMS, RELAY_UK, LIVE_FEAR_FREE),
    since=HELPERS_SINCE,
    urgent_step="safety",
)

PLAN_CHANGES = Rule(
    id="getting_help_plan_changes_if_watched",
    area="getting_help",
    purpose="response",
    title="Plan changes with a support service if someone checks your phone",
    summary="A domestic abuse service can help you decide what is safe to change, using a "
    "device they can't check.",
    why="If someone watches your phone or accounts, sudden changes could be noticed and make "
    "things harder for you. A support service can help you decide what is safe to change.",
    fires=f"{WATCHED} and ({NOT_URGENT})",
    applies=NOT_UNDER_18,
    steps=_plan_safely_steps(),
    severity="critical",
    effort_minutes=10,
    sources=PLAN_SAFELY_SOURCES,
    since=NEW,
)

PLAN_CHANGES_UNDER_18 = Rule(
    id="getting_help_plan_changes_if_watched_under_18",
    area="getting_help",
    purpose="response",
    title="Get help from a phone they can't see before you change anything",
    summary="Talk to Childline or CEOP from a phone or computer they can't see, before you "
    "change anything.",
    why="Someone checks your phone, or knows you well. Sudden changes could be noticed, so get "
    "help first from a device they can't see. You won't be in trouble.",
    fires=f"{WATCHED} and ({NOT_URGENT})",
    applies=UNDER_18,
    steps=PLAN_SAFELY_UNDER_18.steps,
    severity="critical",
    effort_minutes=10,
    sources=PLAN_SAFELY_UNDER_18.sources,
    since=HELPERS_SINCE,
)

AFTER_REPORTING = Rule(
    id="getting_help_know_what_happens_if_you_report",
    area="getting_help",
    purpose="response",
    title="Know what happens if you report to the police",
    summary="Reporting is your choice, you can report any time, and support services can help "
    "either way.",
    why="It can help to know what to expect before you decide. Support is there for you either "
    "way, and you can take your time.",
    fires=URGENT,
    steps=(
        steps(
            "general",
            "It's your choice whether to report. Support services can help you whether or not "
            "you go to the police.",
            "You can report at any time. Sooner can help, as some offences have time limits "
            "for charging someone.",
            "You don't need to know which law was broken. The police should record what "
            "you report.",
            "If you are under 18, an adult you trust can help you report.",
            checked=TODAY,
        ),
        steps(
            "england",
            "In England, you should get a crime reference number and the contact details of "
            "the officer dealing with it. {victim_support} can help you through it.",
            checked=TODAY,
        ),
        steps(
            "wales",
            "In Wales, you should get a crime reference number and the contact details of the "
            "officer dealing with it. {victim_support} can help you through it.",
            checked=TODAY,
        ),
        steps(
            "scotland",
            "In Scotland, the police look into it and may need to check devices. The "
            "Procurator Fiscal decides whether to charge someone. {victim_support_scotland} "
            "can help you, and you don't need to report first.",
            checked=TODAY,
        ),
        steps(
            "northern_ireland",
            "In Northern Ireland, the Victim Charter says you should be told what to expect "
            "and be given your crime reference details. {victim_support_ni} can help.",
            checked=TODAY,
        ),
    ),
    severity="high",
    effort_minutes=5,
    sources=(
        MET_IMAGE_ABUSE,
        VS_REPORTING,
        RPH_ASK_AN_OFFICER,
        VS_SCOTLAND,
        CA_SCOTLAND,
        NI_VICTIM_CHARTER,
    ),
    since=NEW,
    # In a helper's plan these speak to the person about their own choices; the helper's own
    # steps say what the helper needs instead.
    covered_by=HELPER_LANE_OPENERS,
)

RESPONDING_OR_UNSURE = (
    "(situation.threat_to_share in [yes, prefer_not_to_say] or "
    "situation.image_shared in [yes, not_sure])"
)

ACCESS = Rule(
    id="getting_help_contact_if_deaf_or_need_interpreter",
    area="getting_help",
    purpose="response",
    title="Contact services by text, relay or sign language if you need to",
    summary="If you are deaf, find phone calls hard or need an interpreter, there are other "
    "ways to reach help.",
    why="Every service in your plan should be open to you. If a phone call is hard, there is "
    "another way to reach most of them.",
    fires=RESPONDING_OR_UNSURE,
    steps=(
        steps(
            "general",
            "If you need help now and you can't talk on the phone, you can still reach the police: "
            "{police_emergency:access}.",
            "To call any number in your plan by typing and reading: {relay_uk}.",
            "If it is not an emergency, you can reach the police in these ways too: "
            "{police_non_emergency:access}.",
            "Many services also have web chat, email or text. Look on their websites.",
            "If you need an interpreter, ask the service if they can arrange one.",
            checked=TODAY,
        ),
        steps(
            "scotland",
            "If you live in Scotland, you can use sign language to talk to "
            "{rape_crisis_scotland:access}.",
            "If you live in Scotland and need someone to help you talk, you can ask for it here: "
            "{scotland_domestic_abuse_helpline:access}.",
            SCOTLAND_HELPLINE_CHECK,
            checked=TODAY,
        ),
    ),
    severity="high",
    effort_minutes=2,
    sources=(OFCOM_BSL_RELAY, RELAY_UK, EMERGENCY_SMS, RAPE_CRISIS_SCOTLAND),
    since=NEW,
    # In a helper's plan these speak to the person about their own choices; the helper's own
    # steps say what the helper needs instead.
    covered_by=HELPER_LANE_OPENERS,
)

LEARN_TO_REPORT = Rule(
    id="getting_help_learn_to_report",
    area="getting_help",
    purpose="prevention",
    title="Find the report button in the apps you use",
    summary="Find the report button in your apps now, so you can act fast if something goes wrong.",
    why="Knowing where the report button is means you can act in seconds if someone sends you "
    "something harmful or pressures you.",
    fires="getting_help.knows_how_to_report in [no, not_sure]",
    how_to_check=(
        steps(
            "general",
            "Open one of your apps and go to any post or profile.",
            "Tap the three dots (⋯ or ⋮) or press and hold the message: you should see Report.",
            checked=CHECKED,
        ),
    ),
    steps=(
        steps(
            "general",
            "In most apps, tap the three dots (⋯ or ⋮) on a post, profile or message, or press "
            "and hold a message, then choose Report.",
            "On most apps, the person you report is not told who reported them.",
            "If the app doesn't act on your report, the support services at the end of your "
            "plan can help you take it further.",
            checked=CHECKED,
        ),
    ),
    severity="medium",
    effort_minutes=5,
    sources=(
        RHC_REPORTING,
        INSTAGRAM_REPORT_INTIMATE,
        SNAPCHAT_REPORTING,
        TIKTOK_REPORT_VIDEO,
        WHATSAPP_ABOUT_REPORTING,
    ),
    since=SINCE,
)

LEARN_EVIDENCE = Rule(
    id="getting_help_learn_to_save_evidence",
    area="getting_help",
    purpose="prevention",
    title="Learn how to take screenshots that count as evidence",
    summary="Learn to take screenshots that show who, where and when, so you can keep evidence if "
    "needed.",
    why="If something goes wrong, screenshots showing who, where and when help the app, the "
    "police and support services act quickly.",
    fires="getting_help.knows_how_to_save_evidence in [no, not_sure]",
    how_to_check=(
        steps(
            "general",
            "Try taking a screenshot of an everyday app, like the weather, and find it in "
            "your photos. You can delete it after.",
            checked=CHECKED,
        ),
    ),
    steps=(
        steps(
            "general",
            "Make sure the screenshot shows the username, the date and time, and the web "
            "address if there is one.",
            "If a picture is of someone under 18, including you, don't screenshot or save the "
            "picture itself: write down where it is instead.",
            checked=CHECKED,
        ),
        steps(
            "iphone_ipad",
            "Press the side button and the volume up button together (on models with a Home "
            "button, press the side or top button and Home).",
            checked=CHECKED,
        ),
        steps(
            "android",
            "On most Android phones, press the power and volume down buttons together.",
            checked=CHECKED,
        ),
        steps(
            "mac",
            "Press Shift, Command and 3 together to capture the whole screen.",
            checked=CHECKED,
        ),
        steps(
            "windows",
            "Press the Windows key, Shift and S together, then choose the area to capture.",
            checked=CHECKED,
        ),
    ),
    severity="low",
    effort_minutes=5,
    sources=(RPH_FAQ, ANDROID_SCREENSHOTS),
    since=SINCE,
)

FIND_TRUSTED_ADULT = Rule(
    id="getting_help_find_a_trusted_adult",
    area="getting_help",
    purpose="prevention",
    title="Think now about which adult you would go to",
    summary="Choose now which adult you would go to, so it's easier to ask for help if you need "
    "it.",
    why="Telling an adult you trust helps you get help faster. Deciding now, before anything "
    "happens, makes it much easier to ask.",
    fires="getting_help.trusted_adult in [no, not_sure]",
    applies=UNDER_18,
    how_to_check=(
        steps(
            "general",
            "Ask yourself: who would listen without getting angry? It could be a parent, carer, "
            "relative, teacher, school nurse or youth worker.",
            checked=CHECKED,
        ),
    ),
    steps=(
        steps(
            "general",
            "Every school has a teacher whose job is to keep pupils safe (the safeguarding "
            "lead). They help with things like this.",
            "If there is no adult you can talk to, {childline} is there any time.",
            checked=CHECKED,
        ),
    ),
    severity="medium",
    effort_minutes=5,
    sources=(CEOP_HELP, NCA_ALERT),
    since=SINCE,
)

FIND_TRUSTED_PERSON = Rule(
    id="getting_help_find_someone_to_talk_to",
    area="getting_help",
    purpose="prevention",
    title="Know who you would turn to if something went wrong",
    summary="Think now about who you would turn to, so getting support is easier if you ever need "
    "it.",
    why="Having someone in mind, like a friend, relative or helpline, makes it easier to get "
    "support fast if you ever need it.",
    fires="getting_help.trusted_person in [no, not_sure]",
    how_to_check=(
        steps(
            "general",
            "Think about who would listen without judging you: a friend, relative, colleague or "
            "a helpline.",
            checked=CHECKED,
        ),
    ),
    steps=(
        steps(
            "general",
            "Keep the support services at the end of your plan somewhere you can find them.",
            "For support after any crime, whether or not you tell the police: {victim_support}.",
            checked=CHECKED,
        ),
    ),
    severity="low",
    effort_minutes=5,
    sources=(VICTIM_SUPPORT,),
    since=SINCE,
)

# --- Lanes for someone who skipped their age, or who is not sure ---------------------------
# Someone may tell us they are threatened without saying how old they are: they still get
# every urgent step, with the services for both ages and who each is for. Someone who answered
# "I'm not sure" or "I'd rather not say" gets a calm "if something like this is happening"
# lane instead of nothing.

AGE_UNKNOWN = "not answered profile.age_band"
UNSURE = "(situation.threat_to_share = prefer_not_to_say or situation.image_shared = not_sure)"
LANES_SINCE = "2026.12.0"
LANES_CHECKED = "2026-12-01"

LANE_IWF_REPORT_REMOVE = source(
    "Internet Watch Foundation: Report Remove",
    "https://www.iwf.org.uk/what-we-do/why-we-exist/report-remove",
)
LANE_STOPNCII = source("StopNCII.org: how it works", "https://stopncii.org/how-it-works/")
LANE_TAKE_IT_DOWN = source("Take It Down (NCMEC): FAQ", "https://takeitdown.ncmec.org/faq/")

EVIDENCE_ANY_AGE = Rule(
    id="getting_help_keep_evidence_any_age",
    area="getting_help",
    purpose="response",
    title="Keep the messages as evidence, but not any nude picture",
    summary="Screenshot their profile, username and messages with the date, but never save a "
    "nude picture itself.",
    why="Evidence helps the police and the apps stop the person. A nude picture of someone "
    "under 18 must never be saved or sent, even a picture of yourself, so keep the messages "
    "instead.",
    fires=f"{URGENT} and {AGE_UNKNOWN}",
    steps=(
        steps(
            "general",
            "Don't delete the chat, the account or your messages.",
            "Take screenshots of their profile, their username and their messages, with the "
            "date and time showing. Leave out any part that shows a nude picture: write down "
            "the date and time of it instead.",
            "Write down where the picture was posted or sent, and any payment details they gave.",
            checked=LANES_CHECKED,
        ),
    ),
    severity="critical",
    effort_minutes=10,
    sources=(UKCIS_NUDES, RPH_FAQ),
    since=LANES_SINCE,
    urgent_step="keep_evidence",
)

REPORT_ANY_AGE = Rule(
    id="getting_help_report_any_age",
    area="getting_help",
    purpose="response",
    title="Report it to CEOP if you are under 18, or to the police if you are an adult",
    summary="Under 18: report to CEOP. 18 or over: report to the police. Report the account in "
    "the app too.",
    why="Reporting gets trained people working to keep you safe, and can stop the person doing "
    "this to others. You will not be in trouble for reporting.",
    fires=f"{URGENT} and {AGE_UNKNOWN}",
    steps=(
        steps(
            "general",
            "If you are under 18, report what is happening to {ceop}. A child protection "
            "adviser will read it.",
            "If you are 18 or over, report it to the police on {police_non_emergency}.",
            "Whatever your age, call {police_emergency} if you are in danger right now.",
            "Report the account and the messages in the app, using its report button.",
            checked=LANES_CHECKED,
        ),
    ),
    severity="critical",
    effort_minutes=15,
    sources=(CEOP_HELP, RPH_FAQ),
    since=LANES_SINCE,
    urgent_step="report",
)

REMOVE_ANY_AGE = Rule(
    id="getting_help_get_images_removed_any_age",
    area="getting_help",
    purpose="response",
    title="Get the picture taken down: the tool depends on your age",
    summary="Free tools can stop a nude picture being shared, even if it was only threatened: "
    "pick yours by age.",
    why="It's not your fault, and pictures can often be removed. The services are different "
    "for under-18s and adults, so each step says who it is for.",
    fires=f"{URGENT} and {AGE_UNKNOWN}",
    steps=(
        steps(
            "general",
            "If you are under 18, or the picture was taken when you were: use {report_remove} "
            "or {take_it_down}. You don't need an adult.",
            "If you are 18 or over: use {stopncii}, and get advice from {revenge_porn_helpline}.",
            "Take It Down and StopNCII make a digital fingerprint of the picture on your own "
            "device, so the picture itself is not uploaded. Report Remove is different: "
            "trained analysts look at what you report so they can get it removed.",
            checked=LANES_CHECKED,
        ),
    ),
    severity="critical",
    effort_minutes=20,
    sources=(LANE_IWF_REPORT_REMOVE, LANE_TAKE_IT_DOWN, LANE_STOPNCII),
    since=LANES_SINCE,
    urgent_step="remove",
)

TALK_ANY_AGE = Rule(
    id="getting_help_talk_to_someone_any_age",
    area="getting_help",
    purpose="response",
    title="Talk to someone you trust, or to a helpline",
    summary="You don't have to deal with this alone: tell someone you trust, or talk to a "
    "free helpline.",
    why="Talking helps, whether or not you go to the police. The people at these services help "
    "with this every day.",
    fires=f"{URGENT} and {AGE_UNKNOWN}",
    steps=(
        steps(
            "general",
            "If you are under 19, you can talk to {childline}, any time. It's free and private.",
            "If you are 18 or over, {revenge_porn_helpline} gives specialist advice.",
            "Tell someone you trust, like a parent, carer, teacher, friend or family member, "
            "if it feels right for you.",
            checked=LANES_CHECKED,
        ),
    ),
    severity="critical",
    effort_minutes=10,
    sources=(CEOP_HELP, RPH_FAQ),
    since=LANES_SINCE,
    urgent_step="talk",
)

IF_HAPPENING_DONT_PAY = Rule(
    id="getting_help_if_happening_dont_pay",
    area="getting_help",
    purpose="response",
    title="If anyone asks you for money or more pictures, don't pay or send more",
    summary="Paying or sending more rarely makes it stop, and help is there whatever has happened.",
    why="People who threaten to share pictures often ask for more after the first payment. "
    "You are not in trouble, and you don't have to deal with it on your own.",
    # Only when a threat may be happening: someone unsure about a shared picture is not told
    # about money first.
    fires="situation.threat_to_share = prefer_not_to_say",
    steps=(
        steps(
            "general",
            "Don't pay, and don't send money, gift cards or more pictures, even if there is "
            "a deadline.",
            "If you have already paid, it's not your fault. Don't pay anything more, and tell "
            "someone who can help.",
            checked=LANES_CHECKED,
        ),
    ),
    severity="high",
    effort_minutes=1,
    sources=(CEOP_HELP, RPH_FAQ),
    since=LANES_SINCE,
    urgent_step="dont_pay",
    lane="if_happening",
)

IF_HAPPENING_EVIDENCE = Rule(
    id="getting_help_if_happening_keep_evidence",
    area="getting_help",
    purpose="response",
    title="Keep messages and usernames, in case you need them later",
    summary="Screenshots of messages and profiles can help later; never save or send a nude "
    "picture itself.",
    why="If you ever want to report something, evidence helps. Keeping it doesn't mean you "
    "have to do anything with it.",
    fires=UNSURE,
    steps=(
        steps(
            "general",
            "Don't delete chats or accounts yet.",
            "Take screenshots of profiles, usernames and messages with the date showing. Leave "
            "out any part that shows a nude picture.",
            checked=LANES_CHECKED,
        ),
    ),
    severity="high",
    effort_minutes=10,
    sources=(UKCIS_NUDES, RPH_FAQ),
    since=LANES_SINCE,
    urgent_step="keep_evidence",
    lane="if_happening",
)

_CHECK_WHY = (
    "Not knowing is hard. You don't have to search for the picture on your own: people whose "
    "job is to help can do it with you."
)
_FINGERPRINT = (
    "Take It Down and StopNCII make a digital fingerprint of the picture on your own device, "
    "so the picture itself is not uploaded or seen by anyone. With Report Remove, trained "
    "analysts look at what you report so they can get it removed, and Childline supports you."
)
_FINGERPRINT_UNDER_18 = (
    "Take It Down makes a digital fingerprint of the picture on your own device, so the picture "
    "itself is not uploaded or seen by anyone. With Report Remove, trained analysts look at what "
    "you report so they can get it removed, and Childline supports you."
)
"""An under-18 is never pointed to StopNCII, an adults' service, even in passing."""


def _check_and_remove(
    suffix: str,
    fires: str,
    applies: str | None,
    lines: tuple[str, ...],
    fingerprint: str = _FINGERPRINT,
) -> Rule:
    return Rule(
        id=f"getting_help_if_happening_check_and_remove{suffix}",
        area="getting_help",
        purpose="response",
        title="How to check if a picture is online, and how removal tools work",
        summary="You don't have to search alone: a helpline can help you check, and free tools "
        "can stop sharing.",
        why=_CHECK_WHY,
        fires=fires,
        applies=applies,
        steps=(
            steps(
                "general",
                "You don't have to look for the picture yourself. A trusted person or a "
                "helpline can help you check.",
                *lines,
                fingerprint,
                checked=LANES_CHECKED,
            ),
        ),
        severity="high",
        effort_minutes=15,
        sources=(LANE_IWF_REPORT_REMOVE, LANE_TAKE_IT_DOWN, LANE_STOPNCII, RPH_FAQ),
        since=LANES_SINCE,
        urgent_step="remove",
        lane="if_happening",
    )


IF_HAPPENING_CHECK_UNDER_18 = _check_and_remove(
    "_under_18",
    UNSURE,
    UNDER_18,
    (
        "{report_remove} can help get a nude picture of you taken down, and {take_it_down} "
        "can stop it being shared. You don't need an adult to use them.",
    ),
    _FINGERPRINT_UNDER_18,
)
IF_HAPPENING_CHECK_ADULT = _check_and_remove(
    "_adult",
    UNSURE,
    ADULT,
    (
        "{stopncii} can stop an intimate picture being shared on sites that take part, and "
        "{revenge_porn_helpline} can help you find and remove it.",
        "If the picture was taken when you were under 18, use {take_it_down} instead.",
    ),
)
IF_HAPPENING_CHECK_ANY_AGE = _check_and_remove(
    "",
    f"{UNSURE} and {AGE_UNKNOWN}",
    None,
    (
        "If you are under 18, or the picture was taken when you were: {report_remove} and "
        "{take_it_down} can help.",
        "If you are 18 or over: {stopncii} and {revenge_porn_helpline} can help.",
    ),
)

FRIEND_FIRES = "getting_help.knows_how_to_help_a_friend in [no, not_sure]"
FRIEND_CHECK = (
    steps(
        "general",
        "Ask yourself: would you know what to say to them, what to do with the picture, "
        "and which service to suggest? If not, the steps below cover all three.",
        checked=TODAY,
    ),
)
FRIEND_FIRST_STEPS = (
    "Listen, and tell them it's not their fault.",
    "Never send the picture on or save it, even to report it or to show someone.",
    "Help them save the messages and usernames, but not a nude picture of anyone under 18.",
)
FRIEND_SOURCES = (RAPE_CRISIS_FAQ, LIVE_FEAR_FREE, UKCIS_NUDES, CEOP_HELP)

HELP_A_FRIEND_RULE = Rule(
    id="getting_help_help_a_friend",
    area="getting_help",
    purpose="prevention",
    title="Know how to help a friend if their pictures are shared",
    summary="Listen, tell them it's not their fault, never pass the picture on, and help them "
    "find the right service.",
    why="Friends are often the first people someone tells. Knowing what to say and where to go "
    "helps them get support quickly.",
    fires=FRIEND_FIRES,
    applies=UNDER_18,
    how_to_check=FRIEND_CHECK,
    steps=(
        steps(
            "general",
            *FRIEND_FIRST_STEPS,
            "Tell them about {report_remove}, to get a picture taken down without an adult.",
            "They can talk to {childline}, or report it to {ceop}.",
            "Tell an adult you trust too. You don't have to carry this alone.",
            checked=TODAY,
        ),
        steps(
            "england",
            "If you live in England and are 16 or over, {rape_crisis_england_wales} can help you "
            "as a friend too.",
            checked=TODAY,
        ),
        steps(
            "wales",
            "If you live in Wales and are 16 or over, {rape_crisis_england_wales} can help you "
            "as a friend too.",
            checked=TODAY,
        ),
    ),
    severity="low",
    effort_minutes=5,
    sources=FRIEND_SOURCES,
    since=NEW,
)

HELP_A_FRIEND_ADULT = Rule(
    id="getting_help_help_a_friend_adult",
    area="getting_help",
    purpose="prevention",
    title="Know how to help a friend or family member if their pictures are shared",
    summary="Listen, tell them it's not their fault, never pass the picture on, and help them "
    "find specialist support.",
    why="Friends and family are often the first people someone tells. Knowing what to say and "
    "where to go helps them get support quickly.",
    fires=FRIEND_FIRES,
    applies=ADULT,
    how_to_check=FRIEND_CHECK,
    steps=(
        steps(
            "general",
            *FRIEND_FIRST_STEPS,
            "If they are 18 or over: {revenge_porn_helpline}, and {stopncii} to stop the "
            "picture being shared on sites that take part.",
            "If they are under 18, help them tell the police or a trusted adult, and use "
            "{take_it_down}.",
            checked=TODAY,
        ),
        steps(
            "england",
            "In England, {rape_crisis_england_wales} supports friends and family too.",
            checked=TODAY,
        ),
        steps(
            "wales",
            "In Wales, {live_fear_free} and {rape_crisis_england_wales} support the people close "
            "to someone too.",
            checked=TODAY,
        ),
    ),
    severity="low",
    effort_minutes=5,
    sources=(RPH_FAQ, *FRIEND_SOURCES),
    since=NEW,
)

# Steps for someone helping the person: a parent, carer, teacher, friend or family member.
# In a helper's plan these make up the urgent lane (see `Rule.for_helper`); a step such as
# "keep evidence" means something different, and can be a crime, for a parent: nobody is ever
# told to view, save, screenshot or forward a picture of someone under 18.


H_HELPER = "profile.for_whom in [my_child, a_friend, a_student, partner_or_family]"
H_HELPER_SAID = f"answered profile.for_whom and {H_HELPER}"
"""Rules for helpers are "not applicable", not "not answered", for people who skip the question."""
H_ADULT_HELPER = "profile.for_whom in [my_child, a_student, partner_or_family]"
H_HAPPENING = (
    "(situation.threat_to_share in [yes, prefer_not_to_say] or "
    f"situation.image_shared in [yes, not_sure] or {HARM_DISCLOSED})"
)
"""A threat, a shared picture, or any other harm told of: a helper needs their steps for all."""
H_THREATENED = "situation.threat_to_share in [yes, prefer_not_to_say]"
# Someone's child or student is taken to be under 18 unless the helper says otherwise; a friend
# or family member is taken to be an adult. Either way a stated age decides.
H_SUBJECT_CHILD = (
    "(profile.age_band in [under_13, 13_15, 16_17] or "
    "(not answered profile.age_band and profile.for_whom in [my_child, a_student]))"
)
H_SUBJECT_ADULT = (
    "(profile.age_band = 18_plus or "
    "(not answered profile.age_band and profile.for_whom in [a_friend, partner_or_family]))"
)

CEOP_PARENTS = source(
    "CEOP Education: reporting an incident (for parents and carers)",
    "https://www.ceopeducation.co.uk/parents/get-help/reporting-an-incident/",
)
CEOP_CONCERNED_ADULT = source(
    "CEOP: how can CEOP help me? (concerned adult)",
    "https://ceop.police.uk/Safety-Centre/How-can-CEOP-help-me-YP/How-can-CEOP-help-me-concerned-adult",
)
UKCIS_OVERVIEW = source(
    "UKCIS: sharing nudes and semi-nudes, how to respond to an incident (overview)",
    "https://gov.uk/government/publications/sharing-nudes-and-semi-nudes-advice-for-education-settings-working-with-children-and-young-people/sharing-nudes-and-semi-nudes-how-to-respond-to-an-incident-overview",
)
NSPCC_REPORT_REMOVE = source(
    "NSPCC Learning: Report Remove",
    "https://learning.nspcc.org.uk/research-resources/report-remove",
)
IWF_REPORT_REMOVE = source(
    "Internet Watch Foundation: Report Remove",
    "https://www.iwf.org.uk/what-we-do/why-we-exist/report-remove",
)
RPH_SUPPORTING = source(
    "Revenge Porn Helpline: supporting those affected by intimate image abuse",
    "https://revengepornhelpline.org.uk/news/supporting-those-affected-by-intimate-image-abuse",
)
RPH_FRIEND_SEXTORTION = source(
    "Revenge Porn Helpline: how to support a friend affected by sextortion",
    "https://revengepornhelpline.org.uk/news/how-to-support-a-friend-affected-by-sextortion/",
)
POLICE_VICTIM_SUPPORT_FAMILY = source(
    "Ask the Police: can Victim Support help friends and family?",
    "https://www.askthe.police.uk/Content/Q828.htm",
)

H_NEVER_VIEW = Rule(
    id="getting_help_helper_never_view_or_save_the_image",
    area="getting_help",
    purpose="response",
    title="Don't look at, save or send on the picture",
    summary="Never view, screenshot, save, copy or forward a nude picture of someone under 18, "
    "even to report it.",
    why="Making or sharing a copy of a nude picture of someone under 18 can be a crime, even "
    "for a parent or teacher, and even when you mean to help. The services that can get it "
    "removed don't need you to have it.",
    fires=f"{H_ADULT_HELPER} and {H_HAPPENING} and {H_SUBJECT_CHILD}",
    applies=H_HELPER_SAID,
    steps=(
        steps(
            "general",
            "If you have already seen it, that's OK. Don't look again, and don't keep it.",
            "Don't screenshot, save, copy, print or forward it. Don't ask them to send it to "
            "you or to show you.",
            "You don't need a copy to get help. CEOP, the police and Report Remove don't need "
            "you to send it.",
            "Write down what you know instead: the app, the usernames, links, dates and times.",
            "If a picture was sent to your own phone, don't forward it. Tell the police or CEOP "
            "what you have, and they will tell you what to do with it.",
            "Don't take their phone away as a punishment: they might stop telling you things.",
            checked=HELPERS_CHECKED,
        ),
    ),
    severity="critical",
    effort_minutes=2,
    sources=(UKCIS_OVERVIEW, NSPCC_REPORT_REMOVE),
    since=HELPERS_SINCE,
    urgent_step="safety",
    for_helper=True,
)

H_SAFEGUARDING_LEAD = Rule(
    id="getting_help_helper_teacher_tell_the_safeguarding_lead",
    area="getting_help",
    purpose="response",
    title="Tell your designated safeguarding lead now",
    summary="Report it to your designated safeguarding lead straight away and follow your child "
    "protection policy.",
    why="Staff guidance says any incident of nude-sharing goes to the designated safeguarding "
    "lead straight away. They decide the next steps, including the police and the young "
    "person's parents.",
    fires=f"profile.for_whom = a_student and {H_HAPPENING}",
    applies=H_HELPER_SAID,
    steps=(
        steps(
            "general",
            "Tell your designated safeguarding lead (DSL) today, and follow your school's "
            "child protection policy.",
            "Never view, copy, print, share, store or save the picture, and never ask the young "
            "person to show it, send it or download it. Only the DSL decides, in rare cases, "
            "whether anyone looks at it.",
            "Don't promise to keep it secret. Tell the young person who you will tell and why.",
            "Write down what you were told, in their words, with the date and time, and give "
            "it to the DSL. Leave collecting evidence and reports, such as Report Remove, to "
            "the DSL.",
            "If an adult has asked for or shared a nude picture of a child, that is child "
            "sexual abuse: the DSL will involve the police straight away.",
            "If the young person is in danger now, call {police_emergency}.",
            checked=HELPERS_CHECKED,
        ),
    ),
    severity="critical",
    effort_minutes=5,
    sources=(UKCIS_OVERVIEW, UKCIS_NUDES),
    since=HELPERS_SINCE,
    urgent_step="safety",
    for_helper=True,
)

CLOSE_TO_HOME_TITLE = "Think about their safety before you act"
CLOSE_TO_HOME_SUMMARY = (
    "If someone close to them is doing this, don't confront that person, and be careful what "
    "you send."
)
CLOSE_TO_HOME_WHY = (
    "Someone who is close to them, or checks their phone, could notice what you do and make "
    "things worse for them. A support service can help you both plan what is safe."
)
CLOSE_TO_HOME_FIRST_STEPS = (
    "Don't confront the person doing this, and don't post about it.",
    "Their phone may be checked: be careful what you text or email them about this. Ask them "
    "how and when it is safe to talk.",
)
CLOSE_TO_HOME_WALES = steps(
    "wales",
    "In Wales, {live_fear_free} also helps people who know someone who needs help.",
    checked=HELPERS_CHECKED,
)
CLOSE_TO_HOME_FIRES = f"{H_HELPER} and {H_HAPPENING} and {WATCHED}"


def _close_to_home(
    rule_id: str,
    age: str,
    age_steps: tuple[str, ...],
    sources: tuple[Source, ...],
    since: str,
) -> Rule:
    """One rule for each thing the helper may know of the person's age: a known age reads only
    the steps for that age; an age not given keeps both."""
    return Rule(
        id=rule_id,
        area="getting_help",
        purpose="response",
        title=CLOSE_TO_HOME_TITLE,
        summary=CLOSE_TO_HOME_SUMMARY,
        why=CLOSE_TO_HOME_WHY,
        fires=f"{CLOSE_TO_HOME_FIRES} and {age}",
        applies=H_HELPER_SAID,
        steps=(
            steps("general", *CLOSE_TO_HOME_FIRST_STEPS, *age_steps, checked=HELPERS_CHECKED),
            CLOSE_TO_HOME_WALES,
        ),
        severity="critical",
        effort_minutes=5,
        sources=sources,
        since=since,
        urgent_step="safety",
        for_helper=True,
    )


H_CLOSE_TO_HOME = _close_to_home(
    "getting_help_helper_keep_them_safe_from_someone_close",
    AGE_UNKNOWN,
    (
        "Let them decide what happens next, unless they are under 18 or in danger.",
        "If they are in danger now, call {police_emergency}.",
        "If they are 18 or over, a domestic abuse service can help you both plan: ask them "
        "which one they would like to contact.",
    ),
    (LIVE_FEAR_FREE, RPH_SUPPORTING, CEOP_PARENTS),
    HELPERS_SINCE,
)
H_CLOSE_TO_HOME_ADULT = _close_to_home(
    "getting_help_helper_keep_an_adult_safe_from_someone_close",
    ADULT,
    (
        "Let them decide what happens next, unless they are in danger.",
        "If they are in danger now, call {police_emergency}.",
        "A domestic abuse service can help you both plan: ask them which one they would "
        "like to contact.",
    ),
    (LIVE_FEAR_FREE, RPH_SUPPORTING),
    CONTENT_MENDS_SINCE,
)
H_CLOSE_TO_HOME_CHILD = _close_to_home(
    "getting_help_helper_keep_a_child_safe_from_someone_close",
    UNDER_18,
    (
        "They are under 18, so keeping them safe comes first, even if they ask you to keep "
        "it secret. Tell them who you will tell and why.",
        "If they are in danger now, call {police_emergency}.",
    ),
    (CEOP_PARENTS, UKCIS_OVERVIEW),
    CONTENT_MENDS_SINCE,
)

H_REASSURE = Rule(
    id="getting_help_helper_tell_them_it_is_not_their_fault",
    area="getting_help",
    purpose="response",
    title="Tell them it's not their fault, and stay calm",
    summary="Stay calm, thank them for telling you, and tell them it's not their fault. Don't "
    "ask why they sent it.",
    why="How you react first matters a lot. Blame makes people less likely to ask for help "
    "again. It is never their fault.",
    fires=f"{H_ADULT_HELPER} and {H_HAPPENING}",
    applies=H_HELPER_SAID,
    steps=(
        steps(
            "general",
            "Stay calm, even if you feel shocked or angry. Thank them for telling you.",
            "Tell them it's not their fault, and that they are not in trouble.",
            "Don't ask why they sent a picture, and don't say they should have known better.",
            "Ask what they want to happen, and tell them what you will do next.",
            "Watch for signs they are very upset. If they talk about hurting themselves, call "
            "{police_emergency} or {samaritans}.",
            checked=HELPERS_CHECKED,
        ),
    ),
    severity="critical",
    effort_minutes=5,
    sources=(CEOP_CONCERNED_ADULT, RPH_SUPPORTING),
    since=HELPERS_SINCE,
    urgent_step="talk",
    for_helper=True,
)

H_LISTEN_AS_A_FRIEND = Rule(
    id="getting_help_helper_friend_listen_and_dont_share",
    area="getting_help",
    purpose="response",
    title="Listen, believe them, and don't share it further",
    summary="Listen without judging, never pass the picture on, and help them get support.",
    why="They told you because they trust you. Being listened to and believed helps, and "
    "not passing anything on stops it hurting them more.",
    fires=f"profile.for_whom = a_friend and {H_HAPPENING}",
    applies=H_HELPER_SAID,
    steps=(
        steps(
            "general",
            "Listen, and tell them it's not their fault. Don't blame them for sending anything.",
            "Never forward, show or save the picture. If someone sent it to you, don't pass it "
            "on: tell an adult you trust. You're not in trouble.",
            "Don't confront the person doing it or post about it: it can make things worse.",
            "Help them keep the messages, usernames and links, without saving the picture.",
            checked=HELPERS_CHECKED,
        ),
    ),
    severity="critical",
    effort_minutes=5,
    sources=(RPH_FRIEND_SEXTORTION, RPH_SUPPORTING),
    since=HELPERS_SINCE,
    urgent_step="talk",
    for_helper=True,
)

H_DONT_PAY = Rule(
    id="getting_help_helper_dont_pay_and_stop_replying",
    area="getting_help",
    purpose="response",
    title="Help them stop replying, and don't pay",
    summary="Paying or sending more rarely stops it. Help them stop replying, but don't delete "
    "anything yet.",
    why="People who threaten to share pictures often ask for more after the first payment. "
    "Stopping contact and keeping the messages gives the police and the app what they need.",
    fires=f"{H_HELPER} and {H_THREATENED}",
    applies=H_HELPER_SAID,
    steps=(
        steps(
            "general",
            "Don't pay, and don't send money, gift cards or more pictures, even if there is a "
            "deadline. If something was paid already, it's not their fault.",
            "Help them stop replying. Don't reply yourself, and don't pretend to be them.",
            "Don't delete the chat or the account yet: the messages are evidence.",
            "Block and report the account once the details are saved.",
            checked=HELPERS_CHECKED,
        ),
    ),
    severity="critical",
    effort_minutes=5,
    sources=(CEOP_HELP, RPH_FAQ),
    since=HELPERS_SINCE,
    urgent_step="dont_pay",
    for_helper=True,
)

H_EVIDENCE = Rule(
    id="getting_help_helper_keep_details_without_the_picture",
    area="getting_help",
    purpose="response",
    title="Keep the details, not the picture",
    summary="Note the usernames, links, dates and payment details, so the police and the app "
    "can act.",
    why="Details help the police and the apps stop the person. They can be kept without "
    "anyone having a copy of the picture.",
    fires=f"{H_HELPER} and {H_HAPPENING} and not profile.for_whom = a_student",
    applies=H_HELPER_SAID,
    steps=(
        steps(
            "general",
            "Write down the app, the usernames and profile links, what was said and when, and "
            "any payment details.",
            "Screenshots of messages and profiles are fine where no nude picture shows. If one "
            "is in view, write down the date and time instead.",
            checked=HELPERS_CHECKED,
        ),
    ),
    severity="critical",
    effort_minutes=10,
    sources=(UKCIS_OVERVIEW, RPH_FAQ),
    since=HELPERS_SINCE,
    urgent_step="keep_evidence",
    for_helper=True,
)

H_REPORT_FOR_A_CHILD = Rule(
    id="getting_help_helper_report_to_ceop",
    area="getting_help",
    purpose="response",
    title="Report it to CEOP, or talk it through with the NSPCC first",
    summary="CEOP takes reports from adults worried about a child. The NSPCC Helpline can talk "
    "it through with you first.",
    why="A child protection adviser reads every CEOP report and contacts you. If you're not "
    "sure what to do, the NSPCC Helpline can help you decide.",
    fires=f"profile.for_whom in [my_child, partner_or_family] and {H_HAPPENING} and {H_SUBJECT_CHILD}",
    applies=H_HELPER_SAID,
    steps=(
        steps(
            "general",
            "Report it to {ceop}. A child protection adviser reads each report and will contact "
            "you by the phone number or email you give. Reports can't be anonymous.",
            "If you want to talk it through first, call {nspcc_helpline}. You can stay "
            "anonymous there.",
            "You can also tell the police: {police_non_emergency}. If they are in danger now, "
            "call {police_emergency}.",
            "Report the account in the app too, once you have noted the details.",
            checked=HELPERS_CHECKED,
        ),
    ),
    severity="critical",
    effort_minutes=15,
    sources=(CEOP_PARENTS, CEOP_CONCERNED_ADULT),
    since=HELPERS_SINCE,
    urgent_step="report",
    for_helper=True,
)

H_FRIEND_TELLS_AN_ADULT = Rule(
    id="getting_help_helper_friend_know_when_to_tell_an_adult",
    area="getting_help",
    purpose="response",
    title="Help them tell an adult, and know when to tell one yourself",
    summary="Help them tell an adult they trust, and tell one yourself if they are in danger.",
    why="Someone threatening them, asking for pictures or money, or sharing a picture of them "
    "is serious. Adults can stop it in ways friends can't.",
    fires=f"profile.for_whom = a_friend and {H_HAPPENING} and {H_SUBJECT_CHILD}",
    applies=H_HELPER_SAID,
    steps=(
        steps(
            "general",
            "Help them tell a parent, carer or teacher they trust. Offer to go with them.",
            "They can talk to {childline} or report to {ceop} themselves. You can call "
            "{childline} about a friend too.",
            "If they are in danger, or talk about hurting themselves, tell an adult straight "
            "away, even if they asked you not to. In an emergency, call {police_emergency}.",
            "Neither of you is in trouble for asking for help.",
            checked=HELPERS_CHECKED,
        ),
    ),
    severity="critical",
    effort_minutes=10,
    sources=(CEOP_HELP, RPH_FRIEND_SEXTORTION),
    since=HELPERS_SINCE,
    urgent_step="talk",
    for_helper=True,
)

H_REMOVE_FOR_A_CHILD = Rule(
    id="getting_help_helper_use_report_remove_together",
    area="getting_help",
    purpose="response",
    title="Help them use Report Remove",
    summary="Report Remove gets nude pictures of under-18s taken down. They make the report; "
    "you can sit with them.",
    why="Young people can get a nude picture of themselves taken down without it being "
    "shared again. The report is theirs to make, with your support.",
    fires=(
        f"{H_HELPER} and {H_HAPPENING} and {H_SUBJECT_CHILD} and not profile.for_whom = a_student"
    ),
    applies=H_HELPER_SAID,
    steps=(
        steps(
            "general",
            "They make the report on {report_remove}, with a Childline account. You can be "
            "with them, but don't look at the picture.",
            "They may be asked to prove their age; it's optional.",
            "Trained analysts at the Internet Watch Foundation look at what is reported so they "
            "can get it removed. Childline tells them the outcome and supports them.",
            "If the picture is on their device, they can also use {take_it_down}: they choose "
            "the picture on their own device, and it makes a digital fingerprint there, so "
            "nobody sees the picture and you don't need to.",
            checked=HELPERS_CHECKED,
        ),
    ),
    severity="critical",
    effort_minutes=15,
    sources=(IWF_REPORT_REMOVE, NSPCC_REPORT_REMOVE),
    since=HELPERS_SINCE,
    urgent_step="remove",
    for_helper=True,
)

H_ADULT_ROUTES = Rule(
    id="getting_help_helper_adult_know_where_to_get_advice",
    area="getting_help",
    purpose="response",
    title="Get advice for them, and let them decide",
    summary="Specialist helplines advise friends and family too. The choices, like going to the "
    "police, are theirs.",
    why="Adults decide for themselves what happens next. You can get advice on their behalf "
    "and help them act when they are ready.",
    fires=f"{H_HELPER} and {H_HAPPENING} and {H_SUBJECT_ADULT}",
    applies=H_HELPER_SAID,
    steps=(
        steps(
            "general",
            "{revenge_porn_helpline} gives advice to friends and family on someone's behalf.",
            "{stopncii} can stop an intimate image being shared on sites that take part, if they "
            "have a copy. They make the case themselves, from their own device.",
            "Any evidence is theirs, and so is the choice: ask before you keep anything.",
            "Going to the police is their choice: {police_non_emergency}, or "
            "{police_emergency} in danger.",
            "Don't share or forward the picture, even to show someone what happened.",
            checked=HELPERS_CHECKED,
        ),
        steps(
            "england",
            "{victim_support} supports friends and family too, whether or not anyone tells the "
            "police. So does {rape_crisis_england_wales}.",
            checked=HELPERS_CHECKED,
        ),
        steps(
            "wales",
            "{victim_support} supports friends and family too, whether or not anyone tells the "
            "police. So does {rape_crisis_england_wales}.",
            checked=HELPERS_CHECKED,
        ),
    ),
    severity="critical",
    effort_minutes=10,
    sources=(RPH_SUPPORTING, RPH_FAQ, POLICE_VICTIM_SUPPORT_FAMILY, RAPE_CRISIS_FAQ),
    since=HELPERS_SINCE,
    urgent_step="report",
    for_helper=True,
)

HELPER_RULES = (
    H_SAFEGUARDING_LEAD,
    H_NEVER_VIEW,
    H_CLOSE_TO_HOME,
    H_CLOSE_TO_HOME_ADULT,
    H_CLOSE_TO_HOME_CHILD,
    H_REASSURE,
    H_LISTEN_AS_A_FRIEND,
    H_DONT_PAY,
    H_EVIDENCE,
    H_REPORT_FOR_A_CHILD,
    H_FRIEND_TELLS_AN_ADULT,
    H_REMOVE_FOR_A_CHILD,
    H_ADULT_ROUTES,
)

RULES = (
    WITHOUT_A_CALL,
    PLAN_SAFELY,
    PLAN_SAFELY_UNDER_18,
    STAY_SAFE_NOW,
    SCHOOL_LEAD_NOW,
    SCHOOL_LEAD,
    EVIDENCE_UNDER_18,
    EVIDENCE_ADULT,
    REPORT_UNDER_18,
    REPORT_ADULT,
    TALK_UNDER_18,
    TALK_ADULT,
    PLAN_CHANGES,
    PLAN_CHANGES_UNDER_18,
    AFTER_REPORTING,
    ACCESS,
    LEARN_TO_REPORT,
    LEARN_EVIDENCE,
    FIND_TRUSTED_ADULT,
    FIND_TRUSTED_PERSON,
    HELP_A_FRIEND_RULE,
    HELP_A_FRIEND_ADULT,
    EVIDENCE_ANY_AGE,
    REPORT_ANY_AGE,
    REMOVE_ANY_AGE,
    TALK_ANY_AGE,
    IF_HAPPENING_DONT_PAY,
    IF_HAPPENING_EVIDENCE,
    IF_HAPPENING_CHECK_UNDER_18,
    IF_HAPPENING_CHECK_ADULT,
    IF_HAPPENING_CHECK_ANY_AGE,
    *HELPER_RULES,
)
