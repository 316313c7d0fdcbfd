"""Nudes and intimate images: disappearing messages, being asked, consent, the law, and removal.

The two removal rules are the "remove" step of the urgent lane, in an under-18 and an adult
version, because the removal services differ by age; so is the help after a picture was taken
without consent (upskirting, downblousing, secret recording). The law differs by nation, so it
is given in nation step groups, each citing legislation.gov.uk, and states only offences checked
there: a threat is an offence, but whether it is one when no picture exists was not confirmed. Prevention habits are kept apart from the
help for people who have been harmed, and never suggest that harm was their fault.
"""

from __future__ import annotations

from safety_check.authoring import PREFER_NOT_TO_SAY, not_sure, opt, single, source, steps
from safety_check.models import NATIONS, Nation, PlatformSteps, Rule

CHECKED = "2026-11-25"
RECHECKED = "2026-12-01"
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
CEOP_BLACKMAIL = source(
    "CEOP Education (11-18): online blackmail",
    "https://ceopeducation.co.uk/11_18/lets-talk-about/sexual-abuse/online-blackmail",
)
THINKUKNOW_NUDES = source(
    "Thinkuknow (CEOP Education): questions about nude images and getting them taken down",
    "https://www.thinkuknow.co.uk/11_13/got-a-question2/?&p=3",
)
UKCIS_NUDES = source(
    "UKCIS: sharing nudes and semi-nudes, advice for education settings",
    "https://www.gov.uk/government/publications/sharing-nudes-and-semi-nudes-advice-for-education-settings-working-with-children-and-young-people",
)

# The law, by nation. Each nation's lines are shown to people there (and all of them to anyone
# who did not say), and each rule that states a law cites that nation's legislation.gov.uk page.
SOA_66B = source(
    "legislation.gov.uk: Sexual Offences Act 2003, section 66B, sharing or threatening to "
    "share an intimate photograph or film (England and Wales, in force 31 January 2024)",
    "https://www.legislation.gov.uk/ukpga/2003/42/section/66B",
)
COLLEGE_OF_POLICING = source(
    "College of Policing: sharing photographs or film of people in an intimate state "
    "(covers deepfakes, and sharing upskirt and downblouse images)",
    "https://www.college.police.uk/guidance/sharing-photographs-of-people-intimate-state",
)
ABSHA_S2 = source(
    "legislation.gov.uk: Abusive Behaviour and Sexual Harm (Scotland) Act 2016, section 2, "
    "disclosing or threatening to disclose an intimate photograph or film",
    "https://www.legislation.gov.uk/asp/2016/22/part/1/crossheading/disclosure-of-an-intimate-photograph-or-film/enacted",
)
SCOTLAND_ALTERED_IMAGES = source(
    "Scottish Parliament written answer S6W-26994: the section 2 offence covers altered images",
    "https://www.scottish.parliament.uk/chamber-and-committees/questions-and-answers/question?ref=S6W-26994",
)
JANI_S51 = source(
    "legislation.gov.uk: Justice Act (Northern Ireland) 2016, section 51, disclosing or "
    "threatening to disclose private sexual photographs and films (threats since November 2023)",
    "https://www.legislation.gov.uk/nia/2016/21/section/51",
)
PCA_1978 = source(
    "legislation.gov.uk: Protection of Children Act 1978, section 1, indecent photographs and "
    "pseudo-photographs of children (England and Wales)",
    "https://www.legislation.gov.uk/ukpga/1978/37/section/1",
)
CGSA_S52 = source(
    "legislation.gov.uk: Civic Government (Scotland) Act 1982, section 52, indecent "
    "photographs and pseudo-photographs of children",
    "https://www.legislation.gov.uk/ukpga/1982/45/section/52",
)
POC_NI_1978 = source(
    "legislation.gov.uk: Protection of Children (Northern Ireland) Order 1978, indecent "
    "photographs and pseudo-photographs of children",
    "https://www.legislation.gov.uk/nisi/1978/1047/body/2008-04-01/data.html",
)
VOYEURISM_ACT_2019 = source(
    "legislation.gov.uk: Voyeurism (Offences) Act 2019, inserting section 67A of the Sexual "
    "Offences Act 2003 (England and Wales)",
    "https://www.legislation.gov.uk/ukpga/2019/2",
)
VOYEURISM_ACT_GOV_UK = source(
    "GOV.UK: implementation of the Voyeurism (Offences) Act 2019 (in force 12 April 2019, "
    "England and Wales)",
    "https://www.gov.uk/government/publications/implementation-of-the-voyeurism-offences-act-2019",
)
SOSA_2009_NOTES = source(
    "legislation.gov.uk: Sexual Offences (Scotland) Act 2009, explanatory notes (the offence "
    "of voyeurism)",
    "https://www.legislation.gov.uk/asp/2009/9/notes",
)
SOSA_2009_SECTION_9 = source(
    "legislation.gov.uk: Sexual Offences (Scotland) Act 2009 as revised, section 9 voyeurism "
    "(observing or recording a private act without consent; pictures beneath clothing, "
    "subsections 4A and 4B, added in 2010)",
    "https://legislation.gov.uk/asp/2009/9/body?view=extent",
)
NI_VOYEURISM_2022 = source(
    "legislation.gov.uk: Justice (Sexual Offences and Trafficking Victims) Act (NI) 2022, "
    "explanatory notes on section 1 (Articles 71A and 71B, up-skirting and down-blousing)",
    "https://www.legislation.gov.uk/nia/2022/19/notes/division/4/1/1",
)
MET_INTIMATE_IMAGE_ABUSE = source(
    "Metropolitan Police: intimate image abuse (you don't need to know which offence applies)",
    "https://www.met.police.uk/advice/advice-and-information/online-safety/online-safety/intimate-image-abuse-revenge-porn/",
)
SHARING_LAW_SOURCES = (SOA_66B, COLLEGE_OF_POLICING, ABSHA_S2, JANI_S51)
TAKING_LAW_SOURCES = (
    VOYEURISM_ACT_2019,
    VOYEURISM_ACT_GOV_UK,
    COLLEGE_OF_POLICING,
    SOSA_2009_NOTES,
    NI_VOYEURISM_2022,
    SOSA_2009_SECTION_9,
)
CHILD_IMAGE_LAW_SOURCES = (PCA_1978, CGSA_S52, POC_NI_1978)

SHARING_LAW: dict[Nation, str] = {
    "england": "In England, sharing someone's nude or sexual picture without their consent, "
    "or threatening to, is a crime. This includes fakes. The law is section 66B of the Sexual "
    "Offences Act.",
    "wales": "In Wales, sharing someone's nude or sexual picture without their consent, or "
    "threatening to, is a crime. This includes fakes. The law is section 66B of the Sexual "
    "Offences Act.",
    "scotland": "In Scotland, sharing someone's intimate picture, or threatening to, is a crime "
    "if it is meant to scare or upset them, or the person doesn't care if it does. Showing "
    "someone a printed copy counts as sharing. The law is section 2 of the Abusive Behaviour "
    "and Sexual Harm (Scotland) Act.",
    "northern_ireland": "In Northern Ireland, sharing a private sexual picture of someone, or "
    "threatening to, to upset them is a crime. The law is section 51 of the Justice Act "
    "(Northern Ireland).",
}
CHILD_IMAGE_LAW: dict[Nation, str] = {
    "england": "In England, it's against the law to take, make, share or show a nude picture "
    "of anyone under 18, even a fake one. The law is the Protection of Children Act. If it's a picture of you, "
    "you are not in trouble: this law is there to protect you.",
    "wales": "In Wales, it's against the law to take, make, share or show a nude picture of "
    "anyone under 18, even a fake one. The law is the Protection of Children Act. If it's a picture of you, "
    "you are not in trouble: this law is there to protect you.",
    "scotland": "In Scotland, it's against the law to take, make, share or show a nude picture "
    "of anyone under 18, even a fake one. The law is section 52 of the Civic Government "
    "(Scotland) Act. If it's a picture of you, you are not in trouble: this law is there to "
    "protect you.",
    "northern_ireland": "In Northern Ireland, it's against the law to take, make, share or show "
    "a nude picture of anyone under 18, even a fake one. The law is the Protection of Children "
    "(Northern Ireland) Order. If it's a picture of you, you are not in trouble: this law is "
    "there to protect you.",
}

# Taking pictures without consent. Only offences checked on legislation.gov.uk or GOV.UK are
# named; no England, Wales or Scotland offence of *taking* a picture down someone's top was
# found (nations.md 3.24, 3.26), so those lines speak of sharing such pictures instead.
TAKING_LAW: dict[Nation, str] = {
    "england": "In England, taking a picture or video up someone's skirt or under their "
    "clothes without their agreement is a crime. The law is the Voyeurism (Offences) Act. "
    "Sharing a picture taken up a skirt or down a top is a crime too.",
    "wales": "In Wales, taking a picture or video up someone's skirt or under their clothes "
    "without their agreement is a crime. The law is the Voyeurism (Offences) Act. Sharing a "
    "picture taken up a skirt or down a top is a crime too.",
    "scotland": "In Scotland, taking pictures under someone's clothes, or secretly recording "
    "them in a private moment, without their agreement can be the crime of voyeurism. The law "
    "is section 9 of the Sexual Offences (Scotland) Act.",
    "northern_ireland": "In Northern Ireland, taking or recording a picture up someone's skirt "
    "or down their top without their agreement is a crime. The law is in Articles 71A and 71B "
    "of the Sexual Offences (Northern Ireland) Order.",
}


def by_nation(*texts: dict[Nation, str]) -> tuple[PlatformSteps, ...]:
    """One step group per nation, each with that nation's line from every table given."""
    return tuple(
        steps(nation, *(table[nation] for table in texts), checked=RECHECKED) for nation in NATIONS
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
        opt("yes", "Yes", harm=True, own_image=True),
        opt("no", "No"),
        opt(PREFER_NOT_TO_SAY, "I'd rather not say"),
    ),
)

TAKEN_WITHOUT_CONSENT = single(
    "intimate_images.taken_without_consent",
    "Has anyone taken or recorded a sexual picture or video of you, or a picture up your skirt "
    "or down your top, without your say-so?",
    role="disclosure",
    options=(
        opt("yes", "Yes", harm=True, own_image=True),
        opt("no", "No"),
        opt(PREFER_NOT_TO_SAY, "I'd rather not say"),
    ),
)

SENT_NUDE_OF_SOMEONE = single(
    "intimate_images.sent_nude_of_someone_else",
    "Has anyone ever sent or shown you a nude or sexual picture of someone else?",
    role="disclosure",
    options=(
        # Being sent it is a harm done to them (issue 17 §4): no score, prevention waits. It is
        # not a picture of them, so no take-down service is offered for it.
        opt("yes", "Yes", harm=True),
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
    TAKEN_WITHOUT_CONSENT,
    SENT_NUDE_OF_SOMEONE,
    KNOWS_THE_LAW,
    CONSENT_BEFORE_SHARING,
)

REMOVE_UNDER_18 = Rule(
    id="intimate_images_get_images_removed_under_18",
    area="intimate_images",
    purpose="response",
    title="Get the picture taken down with Report Remove and Take It Down",
    summary="Report Remove and Take It Down can help get the picture taken down, and you "
    "don't need an adult.",
    why="It's not your fault, and pictures can often be removed. These free tools help stop a nude "
    "picture of you being shared, even if it has only been threatened. You don't need an "
    "adult to use them.",
    fires=f"{URGENT} and {UNDER_18}",
    steps=(
        steps(
            "general",
            "Use {report_remove}. You don't need an adult or your real name. Analysts at the "
            "Internet Watch Foundation look at what you report to get it taken down, and "
            "Childline supports you.",
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
    summary="StopNCII and the site's own report button can help get the image removed and "
    "stop it spreading.",
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
    summary="Disappearing pictures can still be saved with a screenshot or another phone, so "
    "they are not truly private.",
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
    sources=(SBNI_COERCION,),
    since=SINCE,
)

ASKED_UNDER_18 = Rule(
    id="intimate_images_asked_for_nudes_under_18",
    area="intimate_images",
    purpose="response",
    title="Report anyone who asks you for nudes",
    summary="It's not your fault. An adult asking you for nudes is a crime: block them and "
    "report it to CEOP.",
    why="Nobody has the right to ask you for a nude picture or to pressure you. If it happens, "
    "it's never your fault, and there are people who can help.",
    fires="intimate_images.asked_for_nude in [yes, prefer_not_to_say]",
    applies=UNDER_18,
    steps=(
        steps(
            "general",
            "You can always say no. You don't have to give a reason.",
            "You can stop replying, block the person and report them in the app.",
            "Whoever is asking, even someone who says they are your age, it is wrong. If they "
            "are an adult, that is a crime, even if they only asked once. Report it to {ceop}. "
            "A child protection adviser will read it and act. An adult you trust can help.",
            "If someone keeps asking, pressures you or threatens you, tell a trusted adult.",
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
    purpose="prevention",
    title="Know you can say no to sending nudes, and where to get help",
    summary="You never owe anyone a nude: you can say no, and get help if anyone pressures or "
    "threatens you.",
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

TAKEN = "intimate_images.taken_without_consent in [yes, prefer_not_to_say]"

TAKEN_UNDER_18 = Rule(
    id="intimate_images_taken_without_consent_under_18",
    area="intimate_images",
    purpose="response",
    title="Get help if someone took a sexual picture of you without your say-so",
    summary="It's not your fault: tell a trusted adult or Childline, and Report Remove can help "
    "get it taken down.",
    why="It's not your fault. Taking a picture like this without your agreement, or sharing "
    "it, is a crime, and there are people who can help you get it taken down.",
    fires=TAKEN,
    applies=UNDER_18,
    steps=(
        steps(
            "general",
            "If this has happened to you, it's not your fault, and you won't be in trouble for "
            "asking for help. The person who took it is the one in the wrong.",
            "Tell a trusted adult, like a parent, carer or teacher, or talk to {childline}. "
            "They don't need to see the picture to help you.",
            "Don't save, screenshot or forward the picture, even to prove what happened. Write "
            "down what happened, when and where, who took it and who has seen it.",
            "If it was posted online, report it to the site or app. {report_remove} can get it "
            "taken down from a link, so you don't need a copy.",
            "If a copy is already on your phone, {take_it_down} can also help stop it "
            "spreading. It works without the picture leaving your phone.",
            "Report it to the police: {police_non_emergency}. If you're in danger, or it is "
            "happening now, call {police_emergency}. A trusted adult can help you.",
            "If someone printed it, or showed it to other people, tell the police about that "
            "too. You don't need to know which law it breaks.",
            checked=RECHECKED,
        ),
        *by_nation(TAKING_LAW, CHILD_IMAGE_LAW),
    ),
    severity="critical",
    effort_minutes=20,
    sources=(
        IWF_REPORT_REMOVE,
        TAKE_IT_DOWN_FAQ,
        UKCIS_NUDES,
        CEOP_HELP,
        MET_INTIMATE_IMAGE_ABUSE,
        *TAKING_LAW_SOURCES,
        *CHILD_IMAGE_LAW_SOURCES,
    ),
    since="2026.12.0",
)

TAKEN_ADULT = Rule(
    id="intimate_images_taken_without_consent_adult",
    area="intimate_images",
    purpose="response",
    title="Get help if someone took an intimate picture of you without your consent",
    summary="It's not your fault: the police and the site can help, StopNCII too if you have "
    "a copy.",
    why="It's not your fault. Taking an intimate picture of someone without their consent, or "
    "sharing it, can be a crime, and there is help to get it removed.",
    fires=TAKEN,
    applies=ADULT,
    steps=(
        steps(
            "general",
            "If this has happened to you, it's not your fault. The person who took it is the "
            "one in the wrong.",
            "Keep evidence without keeping the picture itself: write down what happened, when "
            "and where, who took it and who has seen it, and save any messages about it.",
            "If it was posted online, note the web address, the date and the account that "
            "posted it. Don't forward the picture to anyone, even to prove what happened.",
            "Report it to the police: {police_non_emergency}, or {police_emergency} if you're "
            "in danger or it is happening now. You don't need to know which law it breaks.",
            "If someone printed it, or showed it to other people, tell the police about that too.",
            "Report it to the site or app and ask them to remove it. If you have a copy, "
            "{stopncii} can help stop it being shared on sites that take part.",
            "If it was taken when you were under 18, use {take_it_down} instead of StopNCII.",
            "For advice and support: {revenge_porn_helpline}.",
            checked=RECHECKED,
        ),
        *by_nation(TAKING_LAW, SHARING_LAW),
    ),
    severity="critical",
    effort_minutes=20,
    sources=(
        RPH_FAQ,
        STOPNCII_FAQ,
        TAKE_IT_DOWN_FAQ,
        MET_INTIMATE_IMAGE_ABUSE,
        *TAKING_LAW_SOURCES,
        *SHARING_LAW_SOURCES,
    ),
    since="2026.12.0",
)

DONT_FORWARD = Rule(
    id="intimate_images_dont_forward_nudes_of_others",
    area="intimate_images",
    purpose="response",
    title="If you were sent someone else's nude: don't pass it on, and tell someone",
    summary="It's not your fault you were sent it. Don't pass it on or show it; tell someone "
    "who can help.",
    why="You didn't choose to be sent it, and you're not in trouble for telling someone. Not "
    "passing it on protects the person in it from more hurt.",
    fires="intimate_images.sent_nude_of_someone_else in [yes, prefer_not_to_say]",
    # One answer for what to do with it: deleting it and telling the police are never both
    # said of the same picture. For a picture of someone under 18 no source we read says
    # whether to delete it (helpers-and-edges.md), so the police say what to do with it.
    steps=(
        steps(
            "general",
            "Don't forward it, save it or show it to anyone, not even to show what happened.",
            "If you're under 18, tell an adult you trust, like a parent, carer or your school's "
            "safeguarding lead. You won't be in trouble for telling them, and they don't need "
            "to see it.",
            "If you're an adult and the person in it might be under 18, don't look at it again "
            "or send it on, even to report it. Tell the police you have it, on "
            "{police_non_emergency}, and do what they tell you.",
            "If the person in it is an adult and you want to report it, tell the police you have "
            "it and do what they tell you. If you don't want to report it, delete it from your "
            "chats and photos, and from any 'recently deleted' folder.",
            "If it was posted on an app or site, report it there so it can be taken down.",
            "If the person in it is under 18, they can ask Childline's Report Remove tool to take "
            "it down.",
            checked=CHECKED,
        ),
        *by_nation(SHARING_LAW, CHILD_IMAGE_LAW),
    ),
    severity="high",
    effort_minutes=5,
    sources=(THINKUKNOW_NUDES, UKCIS_NUDES, *SHARING_LAW_SOURCES, *CHILD_IMAGE_LAW_SOURCES),
    since=SINCE,
)

KNOW_THE_LAW = Rule(
    id="intimate_images_know_the_law",
    area="intimate_images",
    purpose="prevention",
    title="Know that sharing or threatening to share intimate pictures is a crime",
    summary="Sharing someone's nude picture without their agreement, or threatening to, can be "
    "a crime in every part of the UK.",
    why="In every part of the UK it can be a crime to share someone's nude or sexual picture "
    "without their consent, or to threaten to. Knowing this can help you, or a friend, get help.",
    fires="intimate_images.knows_the_law in [no, not_sure]",
    steps=(
        steps(
            "general",
            "Threatening to share is a crime in itself, even if nothing is ever shared.",
            "If you're not sure whether they really have a picture, you can still report the "
            "threat.",
            "The person who shares or threatens is the one breaking the law, not the person in "
            "the picture.",
            "If this has happened to you, you are not in trouble for asking for help.",
            checked=RECHECKED,
        ),
        *by_nation(SHARING_LAW, CHILD_IMAGE_LAW),
    ),
    severity="low",
    effort_minutes=2,
    sources=(
        *SHARING_LAW_SOURCES,
        SCOTLAND_ALTERED_IMAGES,
        *CHILD_IMAGE_LAW_SOURCES,
        CEOP_BLACKMAIL,
        THINKUKNOW_NUDES,
    ),
    since=SINCE,
)

CONSENT = Rule(
    id="intimate_images_consent_before_sharing",
    area="intimate_images",
    purpose="prevention",
    title="Only share an intimate picture if everyone in it has said yes",
    summary="Only share an intimate picture if everyone in it has clearly said yes to that "
    "sharing.",
    why="Sharing someone's nude or sexual picture without their consent can be a crime in "
    "every part of the UK, and it can cause deep harm. Asking first protects them, and you.",
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
        *by_nation(SHARING_LAW),
    ),
    severity="high",
    effort_minutes=1,
    sources=SHARING_LAW_SOURCES,
    since=SINCE,
)

RULES = (
    REMOVE_UNDER_18,
    REMOVE_ADULT,
    DISAPPEARING_NOT_SAFE,
    ASKED_UNDER_18,
    ASKED_ADULT,
    TAKEN_UNDER_18,
    TAKEN_ADULT,
    DONT_FORWARD,
    KNOW_THE_LAW,
    CONSENT,
)
