"""Nudes and intimate images: disappearing messages, being asked, consent, the law, and removal.

The two removal rules are the "remove" step of the urgent lane, in an under-18 and an adult
version, because the removal services differ by age. Prevention habits are kept apart from the
help for people who have been harmed, and never suggest that harm was their fault.
"""

from __future__ import annotations

from safety_check.authoring import PREFER_NOT_TO_SAY, not_sure, opt, single, source, steps
from safety_check.models import Rule

CHECKED = "2026-11-25"
SINCE = "2026.11.0"

URGENT = "(situation.image_shared = yes or situation.threat_to_share = yes)"
UNDER_18 = "profile.age_band in [under_13, 13_15, 16_17]"
ADULT = "profile.age_band = 18_plus"

IWF_REPORT_REMOVE = source(
    "Internet Watch Foundation: Report Remove",
    "https://www.iwf.org.uk/what-we-do/why-we-exist/report-remove",
)
NSPCC_REPORT_REMOVE = source(
    "NSPCC Learning: Report Remove",
    "https://learning.nspcc.org.uk/research-resources/report-remove",
)
TAKE_IT_DOWN_FAQ = source("Take It Down (NCMEC): FAQ", "https://takeitdown.ncmec.org/faq/")
STOPNCII_FAQ = source("StopNCII.org: FAQ", "https://stopncii.org/faq/")
STOPNCII_HOW = source("StopNCII.org: how it works", "https://stopncii.org/how-it-works/")
RPH_FAQ = source("Revenge Porn Helpline: FAQ", "https://revengepornhelpline.org.uk/faq/")
RPH_SEXTORTION = source(
    "Revenge Porn Helpline: sextortion and webcam blackmail",
    "https://revengepornhelpline.org.uk/information-and-advice/need-help-and-advice/sextortion-and-webcam-blackmail/",
)
SBNI_COERCION = source(
    "Safeguarding Board for NI: image sharing, online sexual coercion and extortion",
    "https://onlinesafetyhub.safeguardingni.org/image-sharing-online-sexual-coercion-and-extortion/",
)
CEOP_HELP = source(
    "Thinkuknow: CEOP, how to report", "https://www.thinkuknow.co.uk/11_13/help/CEOP/"
)
THINKUKNOW_NUDES = source(
    "Thinkuknow (CEOP Education): questions about nude images and getting them taken down",
    "https://www.thinkuknow.co.uk/11_13/got-a-question2/?&p=3",
)
UKCIS_NUDES = source(
    "UKCIS: sharing nudes and semi-nudes, advice for education settings",
    "https://www.gov.uk/government/publications/sharing-nudes-and-semi-nudes-advice-for-education-settings-working-with-children-and-young-people",
)
DISAPPEARING_RECORDED = source(
    "Childnet and CEOP advice: video calls and 'disappearing' apps can be recorded (reported)",
    "https://dyenamicsolutions.com/warning-over-hacked-webcams/2013/?amp=1",
)
SOA_66B = source(
    "legislation.gov.uk: Sexual Offences Act 2003, section 66B, sharing or threatening to "
    "share an intimate photograph or film (in force 31 January 2024)",
    "https://www.legislation.gov.uk/ukpga/2003/42/section/66B",
)
COLLEGE_OF_POLICING = source(
    "College of Policing: sharing photographs or film of people in an intimate state",
    "https://www.college.police.uk/guidance/sharing-photographs-of-people-intimate-state",
)
MISHCON_OSA = source(
    "Mishcon de Reya: Online Safety Act reforms on intimate image abuse come into force",
    "https://www.mishcon.com/news/online-safety-act-reforms-tackling-intimate-image-abuse-and-revenge-porn-come-into-force",
)

DISAPPEARING_MESSAGES = single(
    "intimate_images.disappearing_messages",
    "Do you think disappearing messages keep pictures safe from being saved?",
    role="habit",
    hint="For example, Snapchat snaps or view-once photos.",
    options=(
        opt("yes", "Yes"),
        opt("no", "No"),
        not_sure(None),
    ),
)

ASKED_FOR_NUDE = single(
    "intimate_images.asked_for_nude",
    "Has anyone ever asked you to send a nude or sexual picture?",
    role="disclosure",
    options=(
        opt("yes", "Yes", harm=True),
        opt("no", "No"),
        opt(PREFER_NOT_TO_SAY, "I'd rather not say"),
    ),
)

SENT_NUDE_OF_SOMEONE = single(
    "intimate_images.sent_nude_of_someone_else",
    "Has anyone ever sent or shown you a nude or sexual picture of someone else?",
    role="disclosure",
    options=(
        opt("yes", "Yes"),
        opt("no", "No"),
        opt(PREFER_NOT_TO_SAY, "I'd rather not say"),
    ),
)

KNOWS_THE_LAW = single(
    "intimate_images.knows_the_law",
    "Is it a crime to share someone's nude or sexual picture without them agreeing, or to "
    "threaten to?",
    role="habit",
    options=(
        opt("yes", "Yes, it's a crime"),
        opt("no", "No, it isn't"),
        not_sure(None),
    ),
)

CONSENT_BEFORE_SHARING = single(
    "intimate_images.consent_before_sharing",
    "Before a nude or sexual picture of anyone is shared, do you make sure everyone in it has "
    "said yes?",
    role="disclosure",
    options=(
        opt("always", "Yes, always", 1.0),
        opt("not_always", "Not always", 0.0),
        opt("never_share", "I don't share pictures like this"),
    ),
    when=ADULT,
    weight=2,
)

QUESTIONS = (
    DISAPPEARING_MESSAGES,
    ASKED_FOR_NUDE,
    SENT_NUDE_OF_SOMEONE,
    KNOWS_THE_LAW,
    CONSENT_BEFORE_SHARING,
)

REMOVE_UNDER_18 = Rule(
    id="intimate_images_get_images_removed_under_18",
    area="intimate_images",
    purpose="response",
    title="Get the picture taken down with Report Remove and Take It Down",
    why="It's not your fault, and pictures can often be removed. These free tools help stop a nude "
    "picture of you being shared, even if it has only been threatened. You don't need an "
    "adult to use them.",
    fires=f"{URGENT} and {UNDER_18}",
    steps=(
        steps(
            "general",
            "Use {report_remove}. You don't need an adult, and Childline won't ask for your "
            "real name. You might be asked to prove your age: the Report Remove page explains "
            "how.",
            "If you don't have the picture any more, you can give Report Remove a link to where "
            "it is posted instead.",
            "If the picture is still on your phone, you can also use {take_it_down}. The "
            "picture stays on your phone. It works on the sites and apps that take part.",
            "Don't send the picture to anyone, not even to prove what happened. Don't forward "
            "it or post it.",
            "A trusted adult can help you with this. They don't need to see the picture to "
            "help you, and they should never ask to.",
            checked=CHECKED,
        ),
    ),
    severity="critical",
    effort_minutes=15,
    sources=(IWF_REPORT_REMOVE, NSPCC_REPORT_REMOVE, TAKE_IT_DOWN_FAQ, UKCIS_NUDES),
    since=SINCE,
    urgent_step="remove",
)

REMOVE_ADULT = Rule(
    id="intimate_images_get_images_removed_adult",
    area="intimate_images",
    purpose="response",
    title="Ask for the image to be removed, and stop it spreading with StopNCII",
    why="It's not your fault, and images can often be taken down. There are free tools to remove "
    "intimate images and stop them being shared again, even if someone has only threatened "
    "to share them.",
    fires=f"{URGENT} and {ADULT}",
    steps=(
        steps(
            "general",
            "If it has been posted, report it to the site or app and ask them to remove it. "
            "Save your evidence first.",
            "Use {stopncii}. It works for threats too, before anything is shared.",
            "StopNCII makes a digital fingerprint of the image on your own device. The image "
            "itself is not uploaded. Sites that take part use it to find and remove copies.",
            "Write down your StopNCII case number and PIN and keep them safe. They can't be "
            "recovered if you lose them.",
            "If the image was taken when you were under 18, use {take_it_down} instead.",
            "For advice on getting images removed: {revenge_porn_helpline}.",
            checked=CHECKED,
        ),
    ),
    severity="critical",
    effort_minutes=20,
    sources=(STOPNCII_FAQ, STOPNCII_HOW, TAKE_IT_DOWN_FAQ, RPH_FAQ),
    since=SINCE,
    urgent_step="remove",
)

DISAPPEARING_NOT_SAFE = Rule(
    id="intimate_images_disappearing_messages_can_be_saved",
    area="intimate_images",
    purpose="prevention",
    title="Know that disappearing pictures can still be saved",
    why="A picture that vanishes from the chat can still be kept by the person who gets it. "
    "Knowing this helps you decide what to send, and spot anyone who says a picture is "
    "'safe' because it disappears.",
    fires="intimate_images.disappearing_messages in [yes, not_sure]",
    steps=(
        steps(
            "general",
            "The other person can take a screenshot or a screen recording.",
            "They can also film their screen with another phone. No app can spot that.",
            "Some apps tell you about screenshots, but there are ways around it.",
            "If someone saved a picture you sent without asking, it's not your fault. They are "
            "the one in the wrong. The support services at the end of your plan can help get "
            "it removed.",
            checked=CHECKED,
        ),
    ),
    severity="medium",
    effort_minutes=1,
    sources=(DISAPPEARING_RECORDED, SBNI_COERCION),
    since=SINCE,
)

ASKED_UNDER_18 = Rule(
    id="intimate_images_asked_for_nudes_under_18",
    area="intimate_images",
    purpose="response",
    title="Know you can always say no to sending nudes, and who can help",
    why="Nobody has the right to ask you for a nude picture or to pressure you. If it happens, "
    "it's never your fault, and there are people who can help.",
    fires="intimate_images.asked_for_nude in [yes, prefer_not_to_say]",
    applies=UNDER_18,
    steps=(
        steps(
            "general",
            "You can always say no. You don't have to give a reason.",
            "You can stop replying, block the person and report them in the app.",
            "If someone keeps asking, pressures you or threatens you, tell a trusted adult.",
            "You can also report it to {ceop}. A child protection adviser will read it.",
            "If you have already sent something, it's not your fault. You are not in trouble "
            "for asking for help.",
            checked=CHECKED,
        ),
    ),
    severity="high",
    effort_minutes=5,
    sources=(CEOP_HELP, SBNI_COERCION, UKCIS_NUDES),
    since=SINCE,
)

ASKED_ADULT = Rule(
    id="intimate_images_asked_for_nudes_adult",
    area="intimate_images",
    purpose="response",
    title="Know you can say no to sending nudes, and where to get help",
    why="You never owe anyone a nude or sexual picture. Pressure to send one is a warning sign, "
    "especially from someone you have only met online.",
    fires="intimate_images.asked_for_nude in [yes, prefer_not_to_say]",
    applies=ADULT,
    steps=(
        steps(
            "general",
            "You can say no, or change your mind, at any time.",
            "Be wary of anyone who rushes you, or sends a picture first so you feel you should "
            "send one back.",
            "If anyone threatens to share a picture of you, it's not your fault. Don't pay and "
            "don't send more. Get help from {revenge_porn_helpline}.",
            checked=CHECKED,
        ),
    ),
    severity="medium",
    effort_minutes=2,
    sources=(RPH_SEXTORTION, SBNI_COERCION),
    since=SINCE,
)

DONT_FORWARD = Rule(
    id="intimate_images_dont_forward_nudes_of_others",
    area="intimate_images",
    purpose="prevention",
    title="Don't forward or save nude pictures of other people",
    why="Passing on someone's nude picture can hurt them badly, and sharing it without them "
    "agreeing is a crime in England and Wales. Not passing it on helps protect them.",
    fires="intimate_images.sent_nude_of_someone_else in [yes, prefer_not_to_say]",
    steps=(
        steps(
            "general",
            "Don't forward it, save it or show it to anyone.",
            "In England and Wales it's against the law to share a nude picture of anyone under "
            "18, even if the person in it agreed.",
            "If it was posted on an app or site, report it there so it can be taken down.",
            "If you're under 18, tell a trusted adult. It's not your fault that someone sent it "
            "to you.",
            "If you're an adult and the person in it might be under 18, don't send it on, even "
            "to report it. Tell the police: {police_non_emergency}.",
            checked=CHECKED,
        ),
    ),
    severity="high",
    effort_minutes=5,
    sources=(SOA_66B, THINKUKNOW_NUDES, UKCIS_NUDES),
    since=SINCE,
)

KNOW_THE_LAW = Rule(
    id="intimate_images_know_the_law",
    area="intimate_images",
    purpose="prevention",
    title="Know that sharing or threatening to share intimate pictures is a crime",
    why="In England and Wales it is a crime to share someone's nude or sexual picture without "
    "their consent, or to threaten to. Knowing this can help you, or a friend, get help.",
    fires="intimate_images.knows_the_law in [no, not_sure]",
    steps=(
        steps(
            "general",
            "In England and Wales, the law is section 66B of the Sexual Offences Act.",
            "It covers real pictures and fakes made or changed by a computer or AI.",
            "The person who shares or threatens is the one breaking the law, not the person in "
            "the picture.",
            "Scotland and Northern Ireland have their own laws against this too.",
            "In England and Wales it's against the law to share a nude picture of anyone under "
            "18. If this has "
            "happened to you, you are not in trouble for asking for help.",
            checked=CHECKED,
        ),
    ),
    severity="low",
    effort_minutes=2,
    sources=(SOA_66B, COLLEGE_OF_POLICING, MISHCON_OSA, THINKUKNOW_NUDES),
    since=SINCE,
)

CONSENT = Rule(
    id="intimate_images_consent_before_sharing",
    area="intimate_images",
    purpose="prevention",
    title="Only share an intimate picture if everyone in it has said yes",
    why="Sharing someone's nude or sexual picture without their consent is a crime in England "
    "and Wales, and it can cause deep harm. Asking first protects them, and you.",
    fires="intimate_images.consent_before_sharing = not_always",
    applies=ADULT,
    steps=(
        steps(
            "general",
            "Ask first, every time. Only share if everyone in the picture clearly says yes.",
            "A yes to sending a picture to you is not a yes to showing it to anyone else.",
            "People can change their mind. If someone asks you to delete a picture of them, "
            "delete it.",
            "If you're not sure they agreed, don't share it.",
            checked=CHECKED,
        ),
    ),
    severity="high",
    effort_minutes=1,
    sources=(SOA_66B, COLLEGE_OF_POLICING),
    since=SINCE,
)

RULES = (
    REMOVE_UNDER_18,
    REMOVE_ADULT,
    DISAPPEARING_NOT_SAFE,
    ASKED_UNDER_18,
    ASKED_ADULT,
    DONT_FORWARD,
    KNOW_THE_LAW,
    CONSENT,
)
