"""Sextortion: spotting fake identities and fast pressure, and what to do if someone threatens you.

The urgent response steps here (don't pay, stop contact) open the plan for anyone who reports a
threat; the evidence, reporting and support steps live in `getting_help`. Whether the person
doing this is known in real life is asked for a shared image too: if so, the lane opens with
planning safely. Under-18s who paid are sent to CEOP and a trusted adult before any bank step.
"""

from __future__ import annotations

from safety_check.authoring import (
    PREFER_NOT_TO_SAY,
    REPORT_MONEY_LOST_SOURCES,
    not_sure,
    opt,
    report_money_lost,
    single,
    source,
    steps,
)
from safety_check.models import Rule
from safety_check.rules.getting_help import CLOSE_TO_HOME, WHO_OPTIONS

CHECKED = "2026-11-25"
SINCE = "2026.11.0"

THREATENED = "situation.threat_to_share = yes"
HELPERS_CHECKED = "2026-12-06"
HELPERS_SINCE = "2026.12.1"
THREATENED_OR_SHARED = "(situation.threat_to_share = yes or situation.image_shared = yes)"
UNDER_18 = "profile.age_band in [under_13, 13_15, 16_17]"
ADULT = "profile.age_band = 18_plus"
RECHECKED = "2026-12-01"

RPH_SEXTORTION = source(
    "Revenge Porn Helpline: sextortion and webcam blackmail",
    "https://revengepornhelpline.org.uk/information-and-advice/need-help-and-advice/sextortion-and-webcam-blackmail/",
)
NCA_ALERT = source(
    "UK Safer Internet Centre: the NCA's sextortion alert to UK schools (report it, block the "
    "contact, stop replying, don't pay)",
    "https://saferinternet.org.uk/blog/national-crime-agency-issues-financially-motivated-sexual-extortion-alert-to-uk-schools",
)
NCA_FMSE_ALERT_WALES = source(
    "Hwb (Welsh Government): the NCA's financially motivated sexual extortion alert (organised "
    "crime groups overseas; first contact from an account that seems to be another young person)",
    "https://hwb.gov.wales/keeping-safe-online/financially-motivated-sexual-extortion",
)
NCA_PRESS = source(
    "NCA issues urgent warning about sextortion, 29 April 2024",
    "https://www.wired-gov.net/wg/news.nsf/articles/NCA+issues+urgent+warning+about+sextortion+29042024152500?open",
    weak=True,
)
SBNI_COERCION = source(
    "Safeguarding Board for NI: online sexual coercion and extortion",
    "https://onlinesafetyhub.safeguardingni.org/image-sharing-online-sexual-coercion-and-extortion/",
)
WARWICKSHIRE_POLICE_EVIDENCE = source(
    "Warwickshire Police: cyber crime and fraud (keep messages and records of any payment; "
    "contact your bank)",
    "https://www.warwickshire.police.uk/article/44060/Cyber-Crime-and-Fraud",
)
CEOP_GROOMING = source(
    "CEOP Education (11-18): online grooming",
    "https://ceopeducation.co.uk/11_18/lets-talk-about/sexual-abuse/online-grooming",
)
NORFOLK_POLICE = source(
    "Norfolk Police: sextortion",
    "https://www.norfolk.police.uk/advice/assault-abuse-threats/sextortion",
)
CEOP_HELP = source(
    "Thinkuknow: CEOP, how to report", "https://www.thinkuknow.co.uk/11_13/help/CEOP/"
)
REFUGE_SAFE_CALLBACK = source(
    "Refuge: the National Domestic Abuse Helpline, including asking for a safe time to be "
    "called back",
    "https://refuge.org.uk/news/refuge-responds-to-reports-of-potential-increase-in-domestic-abuse-during-covid-19",
)
CEOP_BLACKMAIL = source(
    "CEOP Education (11-18): online blackmail",
    "https://ceopeducation.co.uk/11_18/lets-talk-about/sexual-abuse/online-blackmail",
)
ACTION_FRAUD_ROMANCE = source(
    "Action Fraud: top tips to avoid romance scams",
    "https://www.actionfraud.police.uk/news/top-tips-to-avoid-romance-scams-this-valentines-day",
)
GALOP_OUTING = source(
    "Galop: racism, homophobia and transphobia (threats to out you)",
    "https://www.galop.org.uk/racism-homophobia-and-transphobia/",
)
RPH_ABOUT_ABUSE = source(
    "Revenge Porn Helpline: about intimate image abuse",
    "https://revengepornhelpline.org.uk/information-and-advice/about-intimate-image-abuse/",
)
MERMAIDS_HOURS = source(
    "Mermaids: our helpline hours are changing",
    "https://mermaidsuk.org.uk/news/our-helpline-hours-are-changing",
)

PAID_MONEY = single(
    "sextortion.paid_money",
    "Have you paid them money, or sent gift cards or anything else of value?",
    role="situation",
    options=(
        opt("yes", "Yes"),
        opt("no", "No"),
        opt(PREFER_NOT_TO_SAY, "I'd rather not say"),
    ),
    when=THREATENED,
)

WHO_IS_THREATENING = single(
    "sextortion.who_is_threatening",
    "Who is doing this?",
    role="situation",
    hint="You don't have to say. It helps us show you steps that are safe for you.",
    options=WHO_OPTIONS,
    # Asked when an image was shared too: an ex or partner who shares a picture may also see
    # the person's phone, so the plan has to open with planning safely.
    when=THREATENED_OR_SHARED,
)

OUTING_THREAT = single(
    "sextortion.outing_threat",
    "Are they threatening to tell people about your sexuality or gender identity?",
    role="situation",
    options=(
        opt("yes", "Yes"),
        opt("no", "No"),
        opt(PREFER_NOT_TO_SAY, "I'd rather not say"),
    ),
    when=THREATENED,
)

CHECKS_NEW_CONTACTS = single(
    "sextortion.checks_new_contacts",
    "When someone new contacts you online, do you check they are who they say they are?",
    role="habit",
    hint="For example: is the account new, does it have mutual friends, do the photos look real?",
    options=(
        opt("always", "Always", 1.0),
        opt("sometimes", "Sometimes", 0.5),
        opt("never", "Never", 0.0),
        opt("not_sure", "I'm not sure how to tell", 0.5),
    ),
    weight=2,
)

FAST_PRESSURE_SEEN = single(
    "sextortion.fast_pressure_seen",
    "Has someone you only know online quickly got flirty, asked you to move to another app, or "
    "asked for pictures?",
    role="disclosure",
    options=(
        opt("yes", "Yes", harm=True, own_image=True),
        opt("no", "No"),
        opt(PREFER_NOT_TO_SAY, "I'd rather not say"),
    ),
)

KNOWS_WHAT_TO_DO = single(
    "sextortion.knows_what_to_do",
    "If someone threatened to share a picture of you unless you paid or sent more, would you "
    "know what to do?",
    role="habit",
    options=(opt("yes", "Yes"), opt("no", "No"), not_sure(None)),
)

QUESTIONS = (
    PAID_MONEY,
    WHO_IS_THREATENING,
    OUTING_THREAT,
    CHECKS_NEW_CONTACTS,
    FAST_PRESSURE_SEEN,
    KNOWS_WHAT_TO_DO,
)

DONT_PAY = Rule(
    id="sextortion_dont_pay",
    area="sextortion",
    purpose="response",
    title="Don't pay them, and don't send anything more",
    summary="Don't pay or send anything more: paying is no guarantee they'll stop, and they "
    "often ask for more.",
    why="Paying doesn't mean the threats will stop. People who pay are often asked for more. "
    "Sending more pictures gives them more to threaten you with.",
    # Someone who told us they paid reads a title written for them (`DONT_PAY_MORE*`);
    # "I'd rather not say" and a skipped answer keep this one, which covers both cases.
    fires=f"{THREATENED} and (not answered sextortion.paid_money or "
    "sextortion.paid_money in [no, prefer_not_to_say])",
    steps=(
        steps(
            "general",
            "Don't pay, and don't send money, gift cards or more pictures, even if they set a "
            "deadline.",
            "If you have already paid, don't panic. It's not your fault. Don't pay anything more.",
            "If you're not sure they really have a picture, you don't need to find out. You can "
            "still report the threat.",
            "You don't have to deal with this alone: the support services at the end of your "
            "plan help people with this every day.",
            checked=RECHECKED,
        ),
    ),
    severity="critical",
    effort_minutes=1,
    sources=(NORFOLK_POLICE, CEOP_BLACKMAIL, RPH_SEXTORTION, SBNI_COERCION, NCA_ALERT),
    since=SINCE,
    urgent_step="dont_pay",
)

PAID = "sextortion.paid_money = yes"
DONT_PAY_MORE_TITLE = "Don't pay any more, and don't send anything more"
NOT_YOUR_FAULT_YOU_PAID = (
    "Paying them was not your fault. They set out to scare people into paying, and many people do."
)
PAY_NO_MORE = (
    "Don't pay anything more or send anything more, even if they set a new deadline. People who "
    "pay are often asked for more."
)
KEEP_PAYMENT_EVIDENCE = (
    "Keep the evidence of every payment: receipts, statements, gift card codes, and the "
    "account or card details they gave you. Don't delete their messages."
)
REPORT_THE_ACCOUNT = "Report their account to the app or site where they contacted you."


def _dont_pay_more(suffix: str, applies: str, fires: str, report: tuple[str, ...]) -> Rule:
    """The "don't pay" step for someone who has already paid, with where to report by age."""
    return Rule(
        id=f"sextortion_dont_pay_more{suffix}",
        area="sextortion",
        purpose="response",
        title=DONT_PAY_MORE_TITLE,
        summary="Paying was not your fault. Don't pay more, keep proof of what you paid, and "
        "report it.",
        why="Paying doesn't make the threats stop, and people who pay are often asked for more. "
        "What you paid is evidence that helps the police.",
        applies=applies,
        fires=fires,
        steps=(
            steps(
                "general",
                NOT_YOUR_FAULT_YOU_PAID,
                PAY_NO_MORE,
                # Where to report comes before the payment details, so a child reads "tell
                # CEOP and a trusted adult" before anything about banks.
                *report,
                KEEP_PAYMENT_EVIDENCE,
                REPORT_THE_ACCOUNT,
                checked=HELPERS_CHECKED,
            ),
        ),
        severity="critical",
        effort_minutes=5,
        sources=(NORFOLK_POLICE, CEOP_BLACKMAIL, WARWICKSHIRE_POLICE_EVIDENCE, NCA_ALERT),
        since="2026.12.3",
        urgent_step="dont_pay",
    )


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


TELL_CEOP_YOU_PAID = (
    "tell {ceop} what happened and that you paid, with a trusted adult if you can. You won't "
    "be in trouble."
)
TELL_POLICE_YOU_PAID = (
    "report what happened, and what you paid, to the police: {police_non_emergency}."
)

DONT_PAY_MORE_UNDER_18 = _dont_pay_more(
    "_under_18",
    f"{THREATENED} and {UNDER_18}",
    PAID,
    (_upper_first(TELL_CEOP_YOU_PAID),),
)
DONT_PAY_MORE = _dont_pay_more(
    "", f"{THREATENED} and {ADULT}", PAID, (_upper_first(TELL_POLICE_YOU_PAID),)
)
# With no age given, both routes are shown, each saying whom it is for.
DONT_PAY_MORE_AGE_UNKNOWN = _dont_pay_more(
    "_age_unknown",
    THREATENED,
    f"{PAID} and not answered profile.age_band",
    (f"If you're under 18, {TELL_CEOP_YOU_PAID}", f"If you're 18 or over, {TELL_POLICE_YOU_PAID}"),
)

ALREADY_PAID = Rule(
    id="sextortion_already_paid_tell_bank",
    area="sextortion",
    purpose="response",
    title="Tell your bank about the payment and report it",
    summary="Tell your bank quickly, because it may be able to stop the payment, then report "
    "what happened.",
    why="If a payment has not been collected yet, your bank may be able to stop it. Reporting "
    "what you paid also helps the police find the people doing this.",
    applies=f"{THREATENED} and {ADULT}",
    fires="sextortion.paid_money = yes",
    steps=(
        steps(
            "general",
            "Contact your bank or card provider as soon as you can. If the payment hasn't been "
            "collected yet, ask them to cancel it.",
            "Keep the payment details (amount, date, account or card number they gave you) as "
            "evidence.",
            "Don't pay anything more, even if they ask again.",
            checked=RECHECKED,
        ),
        *report_money_lost(HELPERS_CHECKED),
    ),
    severity="critical",
    effort_minutes=15,
    sources=(
        NORFOLK_POLICE,
        WARWICKSHIRE_POLICE_EVIDENCE,
        NCA_ALERT,
        *REPORT_MONEY_LOST_SOURCES,
    ),
    since=SINCE,
    urgent_step="report",
)

# Under-18s who paid go to CEOP and a trusted adult before any bank step: a child alone on
# the phone to a bank, or sent to an adults' fraud service, is not the help they need first.
ALREADY_PAID_UNDER_18 = Rule(
    id="sextortion_already_paid_under_18",
    area="sextortion",
    purpose="response",
    title="Tell CEOP and a trusted adult that you paid, so they can help",
    summary="It's not your fault: report it to CEOP and tell a trusted adult, who can help with "
    "the bank.",
    why="You are not in trouble for paying, and it's not your fault. CEOP and an adult you "
    "trust can help stop this and sort out the payment with you.",
    applies=f"{THREATENED} and {UNDER_18}",
    fires="sextortion.paid_money = yes",
    steps=(
        steps(
            "general",
            "Report what happened to {ceop}, and say that you paid. A child protection adviser "
            "will read it. You won't be in trouble.",
            "Tell a trusted adult, like a parent, carer or teacher. They can help you with the "
            "next steps.",
            "Keep the payment details, like the amount, the date and any account or card "
            "details they gave you.",
            "With your trusted adult, contact the bank or card company as soon as you can. If "
            "the payment hasn't gone through yet, they may be able to stop it.",
            "Don't pay anything more, even if they ask again.",
            checked=RECHECKED,
        ),
    ),
    severity="critical",
    effort_minutes=15,
    sources=(CEOP_BLACKMAIL, CEOP_HELP, NORFOLK_POLICE, NCA_ALERT, WARWICKSHIRE_POLICE_EVIDENCE),
    since="2026.12.0",
    urgent_step="report",
)

STOP_CONTACT = Rule(
    id="sextortion_stop_contact_and_block",
    area="sextortion",
    purpose="response",
    title="Stop replying, then block them everywhere they contacted you",
    summary="Stop replying and save evidence, then block them everywhere; if you know them, "
    "plan safely first.",
    why="Every reply gives them another chance to pressure you. You don't need to argue, explain "
    "or bargain with them.",
    fires=THREATENED,
    steps=(
        steps(
            "general",
            "Stop replying. Don't argue or bargain.",
            "Before you block, save evidence of their profile and messages (the next step says "
            "how).",
            "Block them on every app and account they used, and report their account to the app.",
            "If you know this person in real life, talk to a support service before you block "
            "them, so you can plan how to stay safe.",
            "If you want to step away from an account, turn it off for a while (deactivate it) "
            "rather than deleting it, so the evidence is kept.",
            checked=CHECKED,
        ),
    ),
    severity="critical",
    effort_minutes=10,
    sources=(
        CEOP_BLACKMAIL,
        RPH_SEXTORTION,
        NORFOLK_POLICE,
        NCA_ALERT,
        WARWICKSHIRE_POLICE_EVIDENCE,
    ),
    since=SINCE,
    urgent_step="stop_contact",
)

STRANGER_SCAM = Rule(
    id="sextortion_know_it_is_an_organised_scam",
    area="sextortion",
    purpose="response",
    title="Know that this is a common crime and you are not alone",
    summary="People who do this try to scare you into acting fast; it's a common crime and "
    "never your fault.",
    why="Police say most people who threaten strangers like this are criminals doing the same "
    "thing to many people at once, for money. Some are gangs based abroad, and the picture may "
    "even be fake.",
    applies=THREATENED,
    fires="sextortion.who_is_threatening in [only_online, not_sure]",
    steps=(
        steps(
            "general",
            "They try to scare you into acting fast, for example with a deadline.",
            "They may have pretended to be someone your age, or used stolen photos. Being "
            "tricked by a criminal is not your fault.",
            "Some move from a first message to threats very fast, sometimes in under an hour. "
            "Taking your time to get help is the right thing to do.",
            "Police and support services deal with this every day and will not judge you.",
            checked=RECHECKED,
        ),
    ),
    severity="high",
    effort_minutes=2,
    sources=(NORFOLK_POLICE, CEOP_BLACKMAIL, NCA_PRESS),
    since=SINCE,
)

KNOWN_PERSON = Rule(
    id="sextortion_known_person_plan_safely",
    area="sextortion",
    purpose="response",
    title="Plan how to stay safe first, using a device they can't check",
    summary="Plan safely first: contact support from a device they can't see, before you "
    "block, report or change settings.",
    why="When the person doing this knows you, they may see your phone or accounts, or know "
    "where you are. Blocking, reporting or changing settings could be noticed, so make a plan "
    "with help first.",
    applies=THREATENED_OR_SHARED,
    fires=f"sextortion.who_is_threatening in {CLOSE_TO_HOME}",
    steps=(
        steps(
            "general",
            "It's not your fault, whoever they are and whatever happened between you.",
            "If you are in danger now, call {police_emergency}.",
            "Get help from a device they can't see or check, such as a friend's phone or a "
            "library or school computer.",
            "Before you block them, report from your own phone, or change passwords and "
            "settings, talk it through with someone who can help you plan: a support service, "
            "such as a domestic abuse service, or a trusted adult if you're under 18. The "
            "services listed with your plan are the right ones for your age.",
            "If you're under 18, you won't be in trouble for asking for help.",
            "You can also talk to the police: {police_non_emergency}.",
            "Sharing or threatening to share someone's intimate picture can be a crime, even "
            "when it's a partner or an ex.",
            checked=RECHECKED,
        ),
    ),
    severity="critical",
    effort_minutes=15,
    sources=(RPH_SEXTORTION, REFUGE_SAFE_CALLBACK, NORFOLK_POLICE, CEOP_HELP),
    since=SINCE,
    # Before blocking or changing anything they might notice: first in the urgent lane.
    urgent_step="safety",
    covered_by=(
        "getting_help_plan_safely_if_watched",
        "getting_help_plan_safely_if_watched_under_18",
    ),
)

CHECK_CONTACTS = Rule(
    id="sextortion_check_new_contacts",
    area="sextortion",
    purpose="prevention",
    title="Check that new contacts are who they say they are",
    summary="Checking that new contacts are real helps you spot fake profiles, which are often "
    "used for sextortion.",
    why="Sextortion (threats to share a nude picture of you unless you pay or send more) "
    "often starts with a fake profile. It may be someone pretending to be your "
    "age, using stolen photos, who gets friendly fast.",
    fires="sextortion.checks_new_contacts in [sometimes, never, not_sure]",
    how_to_check=(
        steps(
            "general",
            "Look at when the account was made and how many posts it has. Brand-new accounts "
            "with few posts are a warning sign.",
            "Check whether you have real friends in common, not just a number.",
            "Search their photos with a reverse image search (for example Google Lens) to see "
            "if they were taken from someone else.",
            checked=CHECKED,
        ),
    ),
    steps=(
        steps(
            "general",
            "Only accept requests from people you know in real life, or have checked.",
            "Be wary of anyone who won't video call, says their camera is broken, or asks you to "
            "keep things secret.",
            "If someone moves fast from friendly to flirty, or asks to switch to another app, "
            "stop and block them.",
            checked=CHECKED,
        ),
    ),
    severity="high",
    effort_minutes=5,
    sources=(CEOP_BLACKMAIL, SBNI_COERCION, ACTION_FRAUD_ROMANCE, NCA_FMSE_ALERT_WALES),
    since=SINCE,
)

FAST_PRESSURE = Rule(
    id="sextortion_spot_fast_pressure",
    area="sextortion",
    purpose="prevention",
    title="Stop and block anyone who rushes you to flirt, switch apps or send pictures",
    summary="Block anyone who rushes you for pictures; if you've sent some, it's not your "
    "fault and help is there.",
    why="Fast flirting, moving you to another app and asking for pictures are the usual first "
    "steps of sextortion. Stopping early protects you.",
    fires="sextortion.fast_pressure_seen = yes",
    steps=(
        steps(
            "general",
            "You can stop replying at any time. You don't owe anyone a picture or an explanation.",
            "Block and report the account in the app.",
            "If you have already sent something, it's not your fault. Talk to someone you trust "
            "(a trusted adult, if you're under 18) and see the support services at the end of "
            "your plan.",
            checked=CHECKED,
        ),
    ),
    severity="high",
    effort_minutes=5,
    sources=(CEOP_BLACKMAIL, SBNI_COERCION, CEOP_GROOMING),
    since=SINCE,
)

KNOW_THE_STEPS = Rule(
    id="sextortion_know_the_steps",
    area="sextortion",
    purpose="prevention",
    title="Learn the five steps to take if anyone ever threatens you",
    summary="If anyone threatens you: don't pay, stop replying, keep evidence, report it and "
    "tell someone you trust.",
    why="Sextortion works by panic. Knowing the steps now means you can act calmly and quickly "
    "if it ever happens to you or a friend.",
    fires="sextortion.knows_what_to_do in [no, not_sure]",
    steps=(
        steps(
            "general",
            "Don't pay and don't send anything more.",
            "Stop replying and block them, after saving screenshots of their profile and "
            "messages. If you're under 18, don't screenshot or save any nude picture, or any "
            "part of a chat that shows one.",
            "Don't delete the messages or your account: they are evidence.",
            "Report the account to the app, and tell the police.",
            "Talk to someone you trust, like a trusted adult if you're under 18. It is never "
            "the fault of the person being threatened.",
            checked=CHECKED,
        ),
    ),
    severity="medium",
    effort_minutes=3,
    sources=(
        CEOP_BLACKMAIL,
        RPH_SEXTORTION,
        NORFOLK_POLICE,
        NCA_ALERT,
        WARWICKSHIRE_POLICE_EVIDENCE,
    ),
    since=SINCE,
    # Someone being threatened already has these steps at the top of their plan, and "if
    # anyone ever threatens you" would read as if we had not heard them.
    covered_by=("sextortion_dont_pay", "sextortion_stop_contact_and_block"),
)


def _outed(suffix: str, applies: str, services: tuple[str, ...]) -> Rule:
    return Rule(
        id=f"sextortion_threat_to_out_you{suffix}",
        area="sextortion",
        purpose="response",
        title="A threat to out you is part of this abuse",
        summary="A threat to out you is abuse. You don't have to come out to anyone to get help.",
        why="Some people use a threat to out someone to control or blackmail them. It is not "
        "your fault, and there are services run by and for LGBT+ people.",
        fires="sextortion.outing_threat = yes",
        applies=applies,
        steps=(
            steps(
                "general",
                "Who you are is nothing to be ashamed of, and it's not your fault that someone "
                "is using it against you.",
                "You don't have to come out to anyone to get help. You can tell a service only "
                "what you want to.",
                *services,
                "The other steps in your plan still apply: don't pay, keep the messages and "
                "report it.",
                checked=HELPERS_CHECKED,
            ),
        ),
        severity="critical",
        effort_minutes=5,
        sources=(GALOP_OUTING, RPH_ABOUT_ABUSE, MERMAIDS_HOURS),
        since=HELPERS_SINCE,
        urgent_step="safety",
    )


MERMAIDS_LINE = "If you are trans, non-binary or questioning your gender and under 20: {mermaids}."
OUTED_UNDER_18 = _outed(
    "_under_18",
    f"{THREATENED} and {UNDER_18}",
    (
        "You won't be in trouble. {childline} talks with young people about sexuality and "
        "gender identity, any time.",
        MERMAIDS_LINE,
    ),
)
OUTED_ADULT = _outed(
    "_adult",
    f"{THREATENED} and {ADULT}",
    ("{galop} is run by LGBT+ people and helps with threats and abuse.", MERMAIDS_LINE),
)

RULES = (
    DONT_PAY,
    DONT_PAY_MORE_UNDER_18,
    DONT_PAY_MORE,
    DONT_PAY_MORE_AGE_UNKNOWN,
    ALREADY_PAID,
    ALREADY_PAID_UNDER_18,
    STOP_CONTACT,
    STRANGER_SCAM,
    KNOWN_PERSON,
    OUTED_UNDER_18,
    OUTED_ADULT,
    CHECK_CONTACTS,
    FAST_PRESSURE,
    KNOW_THE_STEPS,
)
