"""Sextortion: spotting fake identities and fast pressure, and what to do if someone threatens you.

The urgent response steps here (don't pay, stop contact) open the plan for anyone who reports a
threat; the evidence, reporting and support steps live in `getting_help`.
"""

from __future__ import annotations

from safety_check.authoring import PREFER_NOT_TO_SAY, not_sure, opt, single, source, steps
from safety_check.models import Rule

CHECKED = "2026-11-25"
SINCE = "2026.11.0"

THREATENED = "situation.threat_to_share = yes"

RPH_SEXTORTION = source(
    "Revenge Porn Helpline: sextortion and webcam blackmail",
    "https://revengepornhelpline.org.uk/information-and-advice/need-help-and-advice/sextortion-and-webcam-blackmail/",
)
NCA_ALERT = source(
    "NCA warning about sextortion and what to do (republished)",
    "https://youthworkunit.com/news/nca-issues-urgent-warning-about-sextortion-and-what-to-do/",
)
NCA_PRESS = source(
    "NCA issues urgent warning about sextortion, 29 April 2024",
    "https://www.wired-gov.net/wg/news.nsf/articles/NCA+issues+urgent+warning+about+sextortion+29042024152500?open",
)
SBNI_COERCION = source(
    "Safeguarding Board for NI: online sexual coercion and extortion",
    "https://onlinesafetyhub.safeguardingni.org/image-sharing-online-sexual-coercion-and-extortion/",
)
CYBERSAFE_WARWICKSHIRE = source(
    "Cyber Safe Warwickshire: sextortion", "https://www.cybersafewarwickshire.com/sextortion"
)
CEOP_GROOMING = source(
    "CEOP Education (11-18): online grooming",
    "https://ceopeducation.co.uk/11_18/lets-talk-about/sexual-abuse/online-grooming",
)
NORFOLK_POLICE = source(
    "Norfolk Police: sextortion",
    "https://www.norfolk.police.uk/advice/assault-abuse-threats/sextortion",
)
ROMANCE_FRAUD = source(
    "Romance fraud warning signs (police advice, reported)",
    "https://washingtonnewsday.com/news/people-should-be-aware-of-the-dangers-of-romance-frauds-according-to-action-fraud/",
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
    "Do you know the person threatening you in real life?",
    role="situation",
    options=(
        opt("only_online", "No, I only know them online"),
        opt("someone_i_know", "Yes, I know them in real life"),
        not_sure(None),
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
        opt("yes", "Yes", harm=True),
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
    CHECKS_NEW_CONTACTS,
    FAST_PRESSURE_SEEN,
    KNOWS_WHAT_TO_DO,
)

DONT_PAY = Rule(
    id="sextortion_dont_pay",
    area="sextortion",
    purpose="response",
    title="Don't pay them, and don't send anything more",
    why="Paying doesn't mean the threats will stop. People who pay are often asked for more. "
    "Sending more pictures gives them more to threaten you with.",
    fires=THREATENED,
    steps=(
        steps(
            "general",
            "Don't pay, and don't send money, gift cards or more pictures, even if they set a "
            "deadline. Deadlines are there to scare you into acting fast.",
            "If you have already paid, don't panic. It's not your fault. Don't pay anything more.",
            "You don't have to deal with this alone: the support services at the end of your "
            "plan help people with this every day.",
            checked=CHECKED,
        ),
    ),
    severity="critical",
    effort_minutes=1,
    sources=(NCA_ALERT, RPH_SEXTORTION, SBNI_COERCION),
    since=SINCE,
    urgent_step="dont_pay",
)

ALREADY_PAID = Rule(
    id="sextortion_already_paid_tell_bank",
    area="sextortion",
    purpose="response",
    title="Tell your bank about the payment and report it",
    why="If a payment has not been collected yet, your bank may be able to stop it. Reporting "
    "what you paid also helps the police find the people doing this.",
    applies=THREATENED,
    fires="sextortion.paid_money = yes",
    steps=(
        steps(
            "general",
            "Contact your bank or card provider as soon as you can. If the payment hasn't been "
            "collected yet, ask them to cancel it.",
            "Keep the payment details (amount, date, account or card number they gave you) as "
            "evidence.",
            "Report it: {report_fraud}. In Scotland, report it to the police instead: "
            "{police_non_emergency}.",
            "If you're under 18, a trusted adult can help you talk to the bank.",
            checked=CHECKED,
        ),
    ),
    severity="critical",
    effort_minutes=15,
    sources=(CYBERSAFE_WARWICKSHIRE, NCA_ALERT),
    since=SINCE,
    urgent_step="report",
)

STOP_CONTACT = Rule(
    id="sextortion_stop_contact_and_block",
    area="sextortion",
    purpose="response",
    title="Stop replying, then block them everywhere they contacted you",
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
    sources=(NCA_ALERT, RPH_SEXTORTION),
    since=SINCE,
    urgent_step="stop_contact",
)

STRANGER_SCAM = Rule(
    id="sextortion_know_it_is_an_organised_scam",
    area="sextortion",
    purpose="response",
    title="Know that this is a common crime and you are not alone",
    why="People who threaten strangers online are often criminal gangs, many based abroad, doing "
    "the same thing to many people at once for money. The picture may even be fake.",
    applies=THREATENED,
    fires="sextortion.who_is_threatening in [only_online, not_sure]",
    steps=(
        steps(
            "general",
            "They may have pretended to be someone your age, or used stolen photos. Being "
            "tricked by a criminal is not your fault.",
            "Some go from first message to threats in under an hour. Taking your time to get "
            "help is the right thing to do.",
            "Police and support services deal with this every day and will not judge you.",
            checked=CHECKED,
        ),
    ),
    severity="high",
    effort_minutes=2,
    sources=(NCA_PRESS, NORFOLK_POLICE),
    since=SINCE,
)

KNOWN_PERSON = Rule(
    id="sextortion_known_person_plan_safely",
    area="sextortion",
    purpose="response",
    title="Make a safety plan with a support service before you act",
    why="When the person threatening you is someone you know, they may also see your phone or "
    "accounts, or know where you are. A plan made with help keeps you safer.",
    applies=THREATENED,
    fires="sextortion.who_is_threatening = someone_i_know",
    steps=(
        steps(
            "general",
            "It's not your fault, whoever they are and whatever happened between you.",
            "Talk to one of the support services at the end of your plan before you change "
            "settings or passwords they might notice.",
            "If you feel in danger, call {police_emergency}.",
            checked=CHECKED,
        ),
    ),
    severity="critical",
    effort_minutes=15,
    sources=(RPH_SEXTORTION, NORFOLK_POLICE),
    since=SINCE,
    # Before blocking or changing anything they might notice: first in the urgent lane.
    urgent_step="safety",
)

CHECK_CONTACTS = Rule(
    id="sextortion_check_new_contacts",
    area="sextortion",
    purpose="prevention",
    title="Check that new contacts are who they say they are",
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
    sources=(NCA_PRESS, SBNI_COERCION, ROMANCE_FRAUD),
    since=SINCE,
)

FAST_PRESSURE = Rule(
    id="sextortion_spot_fast_pressure",
    area="sextortion",
    purpose="response",
    title="Stop and block anyone who rushes you to flirt, switch apps or send pictures",
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
    sources=(SBNI_COERCION, CEOP_GROOMING),
    since=SINCE,
)

KNOW_THE_STEPS = Rule(
    id="sextortion_know_the_steps",
    area="sextortion",
    purpose="prevention",
    title="Learn the five steps to take if anyone ever threatens you",
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
    sources=(NCA_ALERT, RPH_SEXTORTION),
    since=SINCE,
    # Someone being threatened already has these steps at the top of their plan, and "if
    # anyone ever threatens you" would read as if we had not heard them.
    covered_by=("sextortion_dont_pay", "sextortion_stop_contact_and_block"),
)

RULES = (
    DONT_PAY,
    ALREADY_PAID,
    STOP_CONTACT,
    STRANGER_SCAM,
    KNOWN_PERSON,
    CHECK_CONTACTS,
    FAST_PRESSURE,
    KNOW_THE_STEPS,
)
