"""Issue 17: plans for the people around the victim, and for the harder cases.

Each test reads a plan as the person it is for would: a parent, a teacher, a friend, a deaf
woman, a gay teenager threatened with being outed, a girl whose boyfriend checks her phone.
"""

from __future__ import annotations

import re

import pytest

from safety_check.answers import prune, validate
from safety_check.helper_wording import HELPER_ACTIONS
from safety_check.models import Action, Plan
from safety_check.plan import build_plan
from safety_check.questionnaire import QUESTIONNAIRE, QUESTIONS_BY_ID
from safety_check.rules import RULES_BY_ID
from safety_check.textplan import action_summary, action_title, render_plan
from tests.rules._helpers import ALL_APPS, ALL_DEVICES, fired, make_answers

Raw = dict[str, str | list[str]]
ADULT_ONLY = {"stopncii", "revenge_porn_helpline"}
SECOND_PERSON = re.compile(r"\b(you|your|yours|you're|you've|yourself)\b", re.IGNORECASE)
VIEWING_VERBS = re.compile(r"\b(screenshot|save|copy|forward|view|look at)\b", re.IGNORECASE)


def plan_of(raw: Raw) -> Plan:
    return build_plan(validate(raw))


def lane(plan: Plan) -> tuple[Action, ...]:
    return plan.urgent.actions if plan.urgent else ()


def everything(plan: Plan) -> tuple[Action, ...]:
    later = plan.when_ready.actions if plan.when_ready else ()
    return (*lane(plan), *plan.do_first, *plan.next, *later)


def all_text(plan: Plan) -> str:
    parts = [plan.urgent.message] if plan.urgent else []
    for action in everything(plan):
        parts += [action.title, action.summary, action.why, action.caution or ""]
        parts += [line for group in action.steps for line in group.steps]
    parts += [item.reason for item in plan.support]
    return "\n".join(parts)


def services(plan: Plan) -> set[str]:
    mentioned = {ref.id for action in everything(plan) for ref in action.resources}
    return mentioned | {item.resource.id for item in plan.support}


PARENT_OF_11 = {
    "profile.for_whom": "my_child",
    "profile.age_band": "under_13",
    "profile.apps": ["snapchat", "youtube"],
    "situation.threat_to_share": "yes",
    "situation.image_shared": "no",
    "sextortion.who_is_threatening": "only_online",
}
TEACHER = {
    "profile.for_whom": "a_student",
    "profile.age_band": "13_15",
    "situation.threat_to_share": "no",
    "situation.image_shared": "yes",
}
FRIEND_OF_15 = {
    "profile.for_whom": "a_friend",
    "profile.age_band": "13_15",
    "situation.threat_to_share": "yes",
}
SISTER_OF_ADULT = {
    "profile.for_whom": "partner_or_family",
    "profile.age_band": "18_plus",
    "profile.nation": "wales",
    "situation.image_shared": "yes",
    "sextortion.who_is_threatening": "partner_or_ex",
}
HELPERS = {
    "parent_of_11": PARENT_OF_11,
    "teacher": TEACHER,
    "friend_of_15": FRIEND_OF_15,
    "sister_of_adult_in_wales": SISTER_OF_ADULT,
}


def test_the_first_question_asks_who_the_check_is_for_and_can_be_skipped() -> None:
    first = QUESTIONNAIRE.questions[0]
    assert first.id == "profile.for_whom" and not first.required
    assert [o.id for o in first.options] == [
        "me",
        "my_child",
        "a_friend",
        "a_student",
        "partner_or_family",
    ]
    validate({"profile.age_band": "13_15"})  # skipping it is fine


def test_every_question_speaks_about_them_for_a_helper() -> None:
    for question in QUESTIONNAIRE.questions:
        assert question.helper_text, question.id
        if question.id != "profile.for_whom":
            # "you" only as the helper ("apart from you"), never about the person's own life.
            assert not SECOND_PERSON.search(question.helper_text.replace("Apart from you", "")), (
                question.id
            )
        for option in question.options:
            label = option.helper_label or option.label
            mine = re.search(r"\b(my|me)\b", label) and question.id != "profile.for_whom"
            assert not mine, (question.id, option.id, label)


@pytest.mark.parametrize("raw", HELPERS.values(), ids=HELPERS.keys())
def test_a_helpers_plan_is_written_to_the_helper(raw: Raw) -> None:
    plan = plan_of(raw)
    assert plan.written_for == raw["profile.for_whom"]
    assert plan.urgent is not None
    assert all(RULES_BY_ID[a.rule_id].for_helper for a in lane(plan))
    assert "their fault" in plan.urgent.message
    others = (*plan.do_first, *plan.next)
    assert all(a.done_by == "them" for a in others if not RULES_BY_ID[a.rule_id].for_helper)
    text = render_plan(plan)
    assert "to help them" in text


def test_a_young_friend_is_told_not_to_pass_it_on_and_to_tell_an_adult() -> None:
    plan = plan_of(FRIEND_OF_15)
    ids = [a.rule_id for a in lane(plan)]
    assert ids[:2] == [
        "getting_help_helper_friend_listen_and_dont_share",
        "getting_help_helper_friend_know_when_to_tell_an_adult",
    ]
    text = all_text(plan)
    assert "tell an adult you trust. You're not in trouble" in text
    assert "police or CEOP what you have" not in text


@pytest.mark.parametrize("raw", [PARENT_OF_11, TEACHER])
def test_a_helper_of_a_child_is_told_never_to_view_or_save_the_picture(raw: Raw) -> None:
    plan = plan_of(raw)
    first = lane(plan)[0] if raw["profile.for_whom"] != "a_student" else lane(plan)[1]
    ids = [a.rule_id for a in lane(plan)]
    assert "getting_help_helper_never_view_or_save_the_image" in ids[:2]
    never = RULES_BY_ID["getting_help_helper_never_view_or_save_the_image"]
    assert "even to report it" in never.summary
    assert first.urgent_step == "safety"
    assert not services(plan) & ADULT_ONLY
    # No step tells the helper to view, save or screenshot anything except to say "don't".
    for action in lane(plan):
        for line in (s for g in action.steps for s in g.steps):
            if VIEWING_VERBS.search(line) and "picture" in line:
                assert re.search(r"\b(don't|never|without|not|no nude)\b", line, re.I), line


def test_a_parent_is_sent_to_ceop_and_the_nspcc_and_report_remove_with_the_child() -> None:
    plan = plan_of(PARENT_OF_11)
    ids = [a.rule_id for a in lane(plan)]
    assert "getting_help_helper_report_to_ceop" in ids
    assert "getting_help_helper_use_report_remove_together" in ids
    assert "talk about hurting themselves" in all_text(plan)
    assert {"ceop", "nspcc_helpline", "report_remove"} <= services(plan)
    text = all_text(plan)
    assert "They make the report" in text
    assert "can't be anonymous" in text


def test_a_teacher_goes_to_the_safeguarding_lead_first() -> None:
    plan = plan_of(TEACHER)
    assert lane(plan)[0].rule_id == "getting_help_helper_teacher_tell_the_safeguarding_lead"
    assert "never ask the young person to show it" in all_text(plan)


def test_a_friend_hears_how_to_listen_and_when_to_tell_an_adult() -> None:
    plan = plan_of(FRIEND_OF_15)
    ids = [a.rule_id for a in lane(plan)]
    assert "getting_help_helper_friend_listen_and_dont_share" in ids
    assert "getting_help_helper_friend_know_when_to_tell_an_adult" in ids
    assert "nspcc_helpline" not in services(plan)  # an adults' line, not for a teenage friend


def test_family_of_an_adult_gets_adult_routes_and_the_domestic_abuse_caution() -> None:
    plan = plan_of(SISTER_OF_ADULT)
    ids = [a.rule_id for a in lane(plan)]
    assert ids[0] == "getting_help_helper_keep_an_adult_safe_from_someone_close"
    assert "getting_help_helper_adult_know_where_to_get_advice" in ids
    assert {"revenge_porn_helpline", "live_fear_free"} <= services(plan)
    assert not {"ceop", "childline", "report_remove"} & services(plan)


YOU = re.compile(r"\byou(r|rs|rself|'re|'ll|'ve|'d)?\b", re.I)
QUOTED = re.compile(r'"[^"]*"')
HARMS = (
    {"situation.threat_to_share": "yes", "sextortion.who_is_threatening": "only_online"},
    {"situation.threat_to_share": "yes", "sextortion.who_is_threatening": "not_sure"},
    {"situation.threat_to_share": "yes", "sextortion.who_is_threatening": "partner_or_ex"},
    {"situation.threat_to_share": "yes", "sextortion.paid_money": "yes"},
    {"situation.image_shared": "yes"},
    {"situation.image_shared": "not_sure"},
    {"situation.threat_to_share": "prefer_not_to_say"},
    {"deepfakes.fake_image_of_you": "yes"},
)


def _person_steps_spoken_to_them(raw: Raw) -> list[tuple[str, str]]:
    """Each title or summary of a step only the person can take that still says "you" to
    them, as a helper reads it in the text plan and on the web."""
    plan = plan_of(raw)
    return [
        (action.rule_id, text)
        for action in everything(plan)
        if action.done_by == "them"
        for text in (action_title(action), action_summary(action))
        # Android's own name for a setting, and the words of a scam email, are not to the person
        if YOU.search(QUOTED.sub("", text.replace("Your devices", "")))
    ]


@pytest.mark.parametrize("for_whom", ["my_child", "a_friend", "a_student", "partner_or_family"])
@pytest.mark.parametrize("age", [None, "under_13", "13_15", "16_17", "18_plus"])
def test_a_helpers_plan_speaks_about_the_person_not_to_them(for_whom: str, age: str | None) -> None:
    """ "Help them with this: Know that ... you are not alone" spoke to the person: a step only
    they can take reads about them, in the helper's plan after any harm."""
    spoken = []
    for harm in HARMS:
        raw: Raw = {"profile.for_whom": for_whom, **harm}
        if age is not None:
            raw["profile.age_band"] = age
        spoken += _person_steps_spoken_to_them(prune(raw))
    assert spoken == []


def test_helper_wording_is_for_real_rules_and_summaries_stay_short() -> None:
    for rule_id, (title, summary) in HELPER_ACTIONS.items():
        assert rule_id in RULES_BY_ID and not RULES_BY_ID[rule_id].for_helper
        assert title.startswith("Help them ") and len(summary.split()) <= 20, rule_id


def _answers(not_sure: bool) -> Raw:
    """The riskiest answer to every habit question, or "I'm not sure" where it is offered."""
    answers: Raw = {}
    for question in QUESTIONNAIRE.questions:
        if question.id.startswith(("profile.", "situation.")):
            continue
        scored = [option for option in question.options if option.safety is not None]
        unsure = [option for option in question.options if option.id == "not_sure"]
        if not_sure and unsure:
            scored = unsure
        if scored:
            option = min(scored, key=lambda option: option.safety or 0.0)
            answers[question.id] = [option.id] if question.kind == "multi" else option.id
    return answers


@pytest.mark.parametrize("not_sure", [False, True])
def test_everyday_steps_in_a_helpers_plan_speak_about_the_person_too(not_sure: bool) -> None:
    """Settings and habits a helper's plan lists, on every device and app: each step only the
    person can take has its helper wording ("Help them make their Instagram account private")."""
    spoken: set[str] = set()
    for for_whom in ("my_child", "a_friend", "a_student", "partner_or_family"):
        for age in ("under_13", "13_15", "16_17", "18_plus", None):
            raw: Raw = {
                "profile.for_whom": for_whom,
                "profile.devices": ALL_DEVICES,
                "profile.apps": ALL_APPS,
                "situation.threat_to_share": "no",
                "situation.image_shared": "no",
                **_answers(not_sure),
            }
            if age is not None:
                raw["profile.age_band"] = age
            spoken |= {rule_id for rule_id, _ in _person_steps_spoken_to_them(prune(raw))}
    assert spoken == set()


AGE_HEDGES = re.compile(r"\b(if|unless) they are (18 or over|under 18)", re.I)


@pytest.mark.parametrize("for_whom", ["my_child", "a_friend", "a_student", "partner_or_family"])
@pytest.mark.parametrize("age", ["13_15", "16_17", "18_plus"])
def test_a_helper_who_gave_the_age_reads_no_step_that_hedges_on_it(for_whom: str, age: str) -> None:
    """The sister of an adult is not told "if they are 18 or over": the plan knows."""
    plan = plan_of({**SISTER_OF_ADULT, "profile.for_whom": for_whom, "profile.age_band": age})
    hedges = [
        (action.rule_id, step)
        for action in everything(plan)
        if RULES_BY_ID[action.rule_id].for_helper
        for group in action.steps
        for step in group.steps
        if AGE_HEDGES.search(step)
    ]
    assert hedges == []
    unknown = {k: v for k, v in SISTER_OF_ADULT.items() if k != "profile.age_band"}
    assert any(AGE_HEDGES.search(step) for step in all_text(plan_of(unknown)).split("\n"))


@pytest.mark.parametrize("raw", HELPERS.values(), ids=HELPERS.keys())
def test_helper_rules_never_fire_in_the_persons_own_plan(raw: Raw) -> None:
    own = {**raw, "profile.for_whom": "me"}
    assert not any(RULES_BY_ID[a.rule_id].for_helper for a in everything(plan_of(own)))
    skipped = {k: v for k, v in raw.items() if k != "profile.for_whom"}
    plan = plan_of(skipped)
    assert plan.written_for == "me"
    assert not any(r.startswith("getting_help_helper_") for r in plan.not_answered)


# §2 who did it, §3 cautions that fit


def test_who_did_it_is_asked_after_any_harm_not_only_a_threat() -> None:
    question = QUESTIONS_BY_ID["getting_help.who_did_it"]
    for harm in (
        {"intimate_images.taken_without_consent": "yes"},
        {"deepfakes.fake_image_of_you": "yes"},
        {"nearby_sharing.unwanted_sexual_image": "yes"},
    ):
        validate({"profile.age_band": "18_plus", **harm, question.id: "partner_or_ex"})


def test_a_partner_who_took_a_picture_brings_planning_safely_and_domestic_abuse_services() -> None:
    plan = plan_of(
        {
            "profile.age_band": "18_plus",
            "profile.nation": "england",
            "situation.threat_to_share": "no",
            "situation.image_shared": "no",
            "intimate_images.taken_without_consent": "yes",
            "getting_help.who_did_it": "partner_or_ex",
        }
    )
    assert plan.do_first[0].rule_id == "getting_help_plan_changes_if_watched"
    assert "national_domestic_abuse_helpline" in services(plan)


CLASSMATES_DEEPFAKE_WALES = {
    "profile.age_band": "13_15",
    "profile.nation": "wales",
    "situation.threat_to_share": "no",
    "situation.image_shared": "yes",
    "sextortion.who_is_threatening": "someone_i_know",
    "getting_help.someone_checks_phone": "no",
    "deepfakes.fake_image_of_you": "yes",
}


def test_classmates_fake_gets_the_school_lead_and_report_remove_not_a_watched_caution() -> None:
    plan = plan_of(CLASSMATES_DEEPFAKE_WALES)
    ids = [a.rule_id for a in lane(plan)]
    assert ids.index("getting_help_tell_school_safeguarding_lead_now") <= 1
    assert "sextortion_known_person_plan_safely" not in ids
    assert all(a.caution is None for a in lane(plan))
    assert "wait until you have" not in all_text(plan)
    assert {"meic", "report_remove"} <= services(plan)


def test_skipping_the_phone_question_brings_no_watched_caution() -> None:
    plan = plan_of({"profile.age_band": "18_plus", "situation.threat_to_share": "yes"})
    assert all(a.caution is None for a in lane(plan))


def test_rather_not_say_about_phone_checks_brings_the_conditional_caution() -> None:
    plan = plan_of(
        {
            "profile.age_band": "18_plus",
            "situation.threat_to_share": "yes",
            "getting_help.someone_checks_phone": "prefer_not_to_say",
        }
    )
    assert any(a.caution and "If someone checks your phone" in a.caution for a in lane(plan))


GIRL_15_BOYFRIEND = {
    "profile.age_band": "13_15",
    "profile.nation": "england",
    "situation.threat_to_share": "yes",
    "sextortion.who_is_threatening": "partner_or_ex",
    "getting_help.someone_checks_phone": "yes",
}


def test_a_girl_whose_boyfriend_checks_her_phone_gets_a_safe_phone_and_childline_first() -> None:
    plan = plan_of(GIRL_15_BOYFRIEND)
    first_two = " ".join(
        line for a in lane(plan)[:2] for g in a.steps for line in (*g.steps, a.title)
    )
    assert "can't see" in first_two
    assert "Childline" in first_two and "CEOP" in first_two
    adult_lines = {"national_domestic_abuse_helpline", "mens_advice_line", "galop"}
    assert not services(plan) & adult_lines


def test_find_my_is_never_praised_for_someone_watched() -> None:
    raw: Raw = {
        "profile.age_band": "18_plus",
        "profile.devices": ["iphone_ipad"],
        "getting_help.someone_checks_phone": "yes",
        "account_security.find_my_device": "yes",
        "account_security.photo_backup_access": "no",
    }
    plan = plan_of(raw)
    praised = {item.rule_id for item in plan.doing_well}
    assert "account_security_turn_on_find_my" not in praised
    assert "account_security_secure_your_photo_backup" not in praised
    cautions = [
        a for a in everything(plan) if a.rule_id == "account_security_check_who_can_find_you"
    ]
    assert cautions and cautions[0].caution
    plain = plan_of({**raw, "getting_help.someone_checks_phone": "no"})
    assert "account_security_turn_on_find_my" in {item.rule_id for item in plain.doing_well}


@pytest.mark.parametrize("phone_checked", ["no", "prefer_not_to_say", None])
def test_find_my_and_location_are_never_praised_when_someone_knows_the_passwords(
    phone_checked: str | None,
) -> None:
    """Issue 17 §3: someone who knows the passwords can use Find My and shared locations too,
    whatever the person said about phone checks."""
    raw: Raw = {
        "profile.age_band": "18_plus",
        "profile.devices": ["iphone_ipad"],
        "account_security.find_my_device": "yes",
        "account_security.photo_backup_access": "no",
        "account_security.someone_knows_passwords": "yes",
        "personal_details.live_location": "few_trusted",
    }
    if phone_checked:
        raw["getting_help.someone_checks_phone"] = phone_checked
    plan = plan_of(raw)
    praised = {item.rule_id for item in plan.doing_well}
    assert not praised & {
        "account_security_turn_on_find_my",
        "account_security_secure_your_photo_backup",
        "personal_details_review_live_location",
    }
    cautioned = {a.rule_id for a in everything(plan) if a.caution}
    assert "account_security_check_who_can_find_you" in cautioned


def test_report_remove_is_described_truthfully() -> None:
    for rule in RULES_BY_ID.values():
        for line in (s for g in rule.steps for s in g.steps):
            if "fingerprint" in line and "{report_remove}" in line:
                raise AssertionError(f"{rule.id}: Report Remove is not a fingerprint tool")
            if line.startswith("These tools make a digital fingerprint"):
                raise AssertionError(f"{rule.id}: say which tools")


def test_northern_ireland_adult_is_not_told_it_is_a_crime_before_the_law_caveat() -> None:
    plan = plan_of(
        {
            "profile.age_band": "18_plus",
            "profile.nation": "northern_ireland",
            "situation.image_shared": "yes",
            "deepfakes.fake_image_of_you": "yes",
            "situation.threat_to_share": "yes",
            "sextortion.paid_money": "yes",
        }
    )
    assert plan.urgent is not None
    assert "crime" not in plan.urgent.message
    assert "you can report it" in plan.urgent.message


def test_northern_ireland_adult_with_a_fake_learns_what_the_law_does_cover() -> None:
    plan = plan_of(
        {
            "profile.age_band": "18_plus",
            "profile.nation": "northern_ireland",
            "situation.image_shared": "yes",
            "deepfakes.fake_image_of_you": "yes",
        }
    )
    fake = next(a for a in everything(plan) if a.rule_id == "deepfakes_fake_image_help_adult")
    said = " ".join(line for group in fake.steps for line in group.steps)
    assert "may not cover fakes of adults yet" in said
    assert "It does cover sharing a real private sexual picture" in said
    assert "section/51" in " ".join(source.url for source in fake.sources)


OVERSTATED_DUTIES = re.compile(
    r"no time limit|must record|will (?:be )?(?:prosecuted|charged|investigat)|always (?:be )?"
    r"(?:prosecuted|charged)",
    re.IGNORECASE,
)


def test_no_law_line_promises_a_time_limit_or_a_duty_the_sources_do_not_give() -> None:
    """Issue 17 §3: reporting has no deadline, but charging can (some offences are time
    limited), and the police "should", not "must", record what is reported."""
    said = [
        (rule.id, text)
        for rule in RULES_BY_ID.values()
        for text in (rule.title, rule.summary, rule.why, *(s for g in rule.steps for s in g.steps))
        if OVERSTATED_DUTIES.search(text)
    ]
    assert not said


def test_nobody_in_scotland_is_sent_to_report_fraud() -> None:
    for raw in (
        {"situation.threat_to_share": "yes", "sextortion.paid_money": "yes"},
        {"profile.apps": ["dating_apps"], "dating_apps.asked_for_money": "yes"},
        {"webcam.recorded_you_message": "yes"},
    ):
        plan = plan_of({"profile.age_band": "18_plus", "profile.nation": "scotland", **raw})
        assert "report_fraud" not in services(plan)
        assert "Report Fraud" not in all_text(plan) and "Action Fraud" not in all_text(plan)


# §4 scores, praise and blame after harm


@pytest.mark.parametrize(
    "harm",
    [
        {"nearby_sharing.unwanted_sexual_image": "yes"},
        {"intimate_images.asked_for_nude": "yes"},
        {"deepfakes.fake_image_of_you": "yes"},
        {"webcam.recorded_you_message": "yes"},
        {"intimate_images.sent_nude_of_someone_else": "yes"},
    ],
)
def test_no_scores_after_any_harm(harm: Raw) -> None:
    plan = plan_of(
        {"profile.age_band": "18_plus", "account_security.password_reuse": "most", **harm}
    )
    assert plan.scores is None and plan.scores_withheld


def test_a_victim_gets_no_prevention_before_when_ready() -> None:
    plan = plan_of(
        {
            "profile.age_band": "13_15",
            "situation.threat_to_share": "yes",
            "intimate_images.asked_for_nude": "yes",
            "intimate_images.disappearing_messages": "yes",
            "sextortion.fast_pressure_seen": "yes",
            "deepfakes.nudify_seen": "yes",
        }
    )
    assert all(a.purpose == "response" for a in (*plan.do_first, *plan.next))
    assert "After that" in render_plan(plan)


def test_a_classmates_nude_means_pass_it_on_to_no_one_and_tell_someone_without_blame() -> None:
    rule = RULES_BY_ID["intimate_images_dont_forward_nudes_of_others"]
    text = " ".join([rule.summary, rule.why, *rule.steps[0].steps])
    assert "Don't forward it" in text and "tell an adult you trust" in text
    assert "not your fault" in text and "won't be in trouble" in text
    assert "crime" not in rule.why
    plan = plan_of(
        {"profile.age_band": "13_15", "intimate_images.sent_nude_of_someone_else": "yes"}
    )
    assert plan.do_first[0].rule_id == rule.id


# §5 people at the edges

DEAF_WOMAN = {
    "profile.age_band": "18_plus",
    "profile.contact_method": "bsl",
    "situation.image_shared": "yes",
}


def test_someone_who_cannot_phone_gets_text_and_sign_language_routes_first() -> None:
    plan = plan_of(DEAF_WOMAN)
    assert lane(plan)[0].rule_id == "getting_help_reach_help_without_a_call"
    assert plan.contact_first[0].id == "emergency_bsl"
    assert all(not (c.href or "").startswith("tel:") for c in plan.contact_first)
    text = plan_of({**DEAF_WOMAN, "profile.contact_method": "text_or_chat"})
    assert text.contact_first[0].id == "emergency_sms"


def test_the_call_strip_fits_the_person() -> None:
    adult = plan_of({"profile.age_band": "18_plus", "situation.image_shared": "yes"})
    assert [c.id for c in adult.contact_first][:2] == ["police_emergency", "revenge_porn_helpline"]
    watched = plan_of(
        {
            "profile.age_band": "18_plus",
            "situation.threat_to_share": "yes",
            "getting_help.someone_checks_phone": "yes",
        }
    )
    ids = {c.id for c in watched.contact_first}
    assert not ids & {"national_domestic_abuse_helpline", "mens_advice_line"}
    assert not ids & {"live_fear_free", "scotland_domestic_abuse_helpline"}  # nation not said


@pytest.mark.parametrize(
    ("for_whom", "lead"),
    [("me", "ni_domestic_sexual_abuse_helpline"), ("partner_or_family", "police_non_emergency")],
)
@pytest.mark.parametrize("situation", ["situation.image_shared", "situation.threat_to_share"])
def test_in_northern_ireland_a_verified_service_leads_the_strip(
    for_whom: str, lead: str, situation: str
) -> None:
    """The Revenge Porn Helpline's help in Northern Ireland is unconfirmed (nations.md 2.16,
    2.17): the NI helpline (or, for a helper, the PSNI on 101) comes before it, and it keeps its
    "please check" note."""
    plan = plan_of(
        {
            "profile.for_whom": for_whom,
            "profile.age_band": "18_plus",
            "profile.nation": "northern_ireland",
            situation: "yes",
        }
    )
    ids = [c.id for c in plan.contact_first]
    assert ids == ["police_emergency", lead, "revenge_porn_helpline"]
    helpline = next(i for i in plan.support if i.resource.id == "revenge_porn_helpline")
    assert any("Northern Ireland" in note for note in helpline.resource.unverified)


@pytest.mark.parametrize("age", ["16_17", "18_plus"])
def test_a_threat_to_out_someone_routes_to_lgbt_services_for_their_age(age: str) -> None:
    plan = plan_of(
        {
            "profile.age_band": age,
            "situation.threat_to_share": "yes",
            "sextortion.outing_threat": "yes",
        }
    )
    ids = [a.rule_id for a in lane(plan)]
    assert any(i.startswith("sextortion_threat_to_out_you") for i in ids)
    assert ("galop" in services(plan)) == (age == "18_plus")
    assert ("childline" in services(plan)) == (age != "18_plus")
    assert "mermaids" in services(plan)


def test_wales_young_people_get_meic() -> None:
    plan = plan_of({"profile.age_band": "13_15", "profile.nation": "wales"})
    assert "meic" in services(plan)
    assert "meic" not in services(
        plan_of({"profile.age_band": "13_15", "profile.nation": "england"})
    )


def test_a_12_year_old_asked_for_nudes_is_told_it_is_a_crime_ceop_acts_on() -> None:
    plan = plan_of({"profile.age_band": "under_13", "intimate_images.asked_for_nude": "yes"})
    text = all_text(plan)
    assert "that is a crime, even if they only asked once" in text
    assert "CEOP" in text


def test_an_unsure_picture_plan_opens_with_the_picture_not_money() -> None:
    plan = plan_of({"profile.age_band": "16_17", "situation.image_shared": "not_sure"})
    steps = [a.urgent_step for a in lane(plan)]
    assert "dont_pay" not in steps
    assert steps[0] in ("safety", "remove")
    assert "remove" in steps


# §6 privacy of what was disclosed


def test_printed_and_text_plans_never_quote_a_disclosure() -> None:
    plan = plan_of(
        {
            "profile.age_band": "18_plus",
            "situation.threat_to_share": "yes",
            "getting_help.someone_checks_phone": "yes",
        }
    )
    text = render_plan(plan)
    assert "Does someone check your phone" not in text
    assert "Is someone threatening" not in text
    assert "Because of what you told us" in text


def test_cautions_show_in_the_text_plans_when_ready_section() -> None:
    plan = plan_of(
        {
            "profile.age_band": "18_plus",
            "situation.threat_to_share": "yes",
            "getting_help.someone_checks_phone": "yes",
            "account_security.screen_lock": "no",
            "profile.devices": ["android"],
        }
    )
    assert plan.when_ready is not None
    cautioned = [a for a in plan.when_ready.actions if a.caution]
    assert cautioned
    assert cautioned[0].caution in " ".join(render_plan(plan).split())


UNDER_18_SITUATIONS: dict[str, Raw] = {
    "threatened": {"situation.threat_to_share": "yes"},
    "shared": {"situation.image_shared": "yes"},
    "unsure": {"situation.image_shared": "not_sure"},
    "rather_not_say": {"situation.threat_to_share": "prefer_not_to_say"},
    "fake": {"deepfakes.fake_image_of_you": "yes", "situation.image_shared": "no"},
    "taken": {"intimate_images.taken_without_consent": "yes"},
}


@pytest.mark.parametrize("for_whom", ["me", "my_child", "a_friend", "a_student"])
@pytest.mark.parametrize("age", ["under_13", "13_15", "16_17"])
@pytest.mark.parametrize("situation", sorted(UNDER_18_SITUATIONS))
def test_an_under_18s_plan_never_names_the_adult_take_down_services(
    for_whom: str, age: str, situation: str
) -> None:
    """Not in the support list, and not in passing in a step either ("Take It Down and
    StopNCII make a fingerprint...")."""
    raw: Raw = {"profile.for_whom": for_whom, "profile.age_band": age}
    plan = plan_of({**raw, **UNDER_18_SITUATIONS[situation]})
    assert not services(plan) & ADULT_ONLY
    shown = all_text(plan) + render_plan(plan)
    assert "StopNCII" not in shown and "Revenge Porn" not in shown


# Facts we could not confirm are never printed as certain


def test_the_text_plan_says_which_details_to_check_as_the_web_does() -> None:
    """A number read only in news reports (Scotland's helpline's text line) must carry the
    web's "please check" in a printed or text plan too; a confirmed one carries none."""
    plan = plan_of(
        {
            "profile.age_band": "18_plus",
            "profile.nation": "scotland",
            "situation.threat_to_share": "yes",
            "getting_help.someone_checks_phone": "yes",
        }
    )
    text = " ".join(render_plan(plan).split())
    item = next(i for i in plan.support if i.resource.id == "scotland_domestic_abuse_helpline")
    assert "07401 288595" in text
    assert f"Please check {' and '.join(item.resource.unverified)} on their site." in text
    samaritans = text.split("- Samaritans", 1)[1].split("- ", 1)[0]
    assert "Please check" not in samaritans


SCOTLAND = {"profile.age_band": "18_plus", "profile.nation": "scotland"}


@pytest.mark.parametrize(
    "raw",
    [
        {**SCOTLAND, "situation.threat_to_share": "yes", "sextortion.paid_money": "yes"},
        {**SCOTLAND, "situation.image_shared": "yes", "profile.contact_method": "bsl"},
        {
            **SCOTLAND,
            "situation.threat_to_share": "yes",
            "getting_help.someone_checks_phone": "yes",
        },
    ],
    ids=["paid", "deaf", "watched"],
)
def test_scotlands_helpline_numbers_never_stand_without_a_check(raw: Raw) -> None:
    """Its text number was seen only in a news report: wherever a plan gives it, in a step or
    in the support list, the same plan says to check it, even when the list doesn't hold it."""
    plan = plan_of(raw)
    for action in everything(plan):
        for group in action.steps:
            for number, line in enumerate(group.steps):
                if "07401 288595" in line:
                    rest = " ".join(group.steps[number:])
                    assert "could not confirm its numbers" in rest, (action.rule_id, line)


def test_every_unverified_detail_reads_inside_please_check_on_their_site() -> None:
    from safety_check.resources import RESOURCES

    awkward = [
        (resource.id, detail)
        for resource in RESOURCES.values()
        for detail in resource.unverified
        if re.search(r"\b(website|site)\b|[:;]|\.$|^[A-Z]", detail)
    ]
    assert not awkward


@pytest.mark.parametrize(
    ("nation", "asked"),
    [("england", False), ("scotland", False), ("northern_ireland", True), (None, True)],
)
def test_a_note_about_northern_ireland_is_for_people_who_may_live_there(
    nation: str | None, asked: bool
) -> None:
    raw: Raw = {"profile.age_band": "18_plus", "situation.image_shared": "yes"}
    if nation:
        raw["profile.nation"] = nation
    plan = plan_of(raw)
    notes = {item.resource.id: item.resource.unverified for item in plan.support}
    text = " ".join(render_plan(plan).split())
    for service in ("revenge_porn_helpline", "police_non_emergency"):
        assert any("Northern Ireland" in note for note in notes[service]) == asked, service
    assert ("Please check how much they can help people in Northern Ireland" in text) == asked


def test_each_note_kept_for_one_nation_names_that_nation() -> None:
    from safety_check.models import NATION_NAMES
    from safety_check.resources import NOTE_FOR_NATION, RESOURCES

    for (service, number), nation in NOTE_FOR_NATION.items():
        assert NATION_NAMES[nation] in RESOURCES[service].unverified[number], service


@pytest.mark.parametrize("for_whom", [None, "my_child", "a_friend"])
def test_a_young_person_in_wales_hears_childline_can_be_asked_for_welsh(
    for_whom: str | None,
) -> None:
    def childline(nation: str) -> str:
        raw: Raw = {"profile.age_band": "13_15", "profile.nation": nation}
        if for_whom:
            raw["profile.for_whom"] = for_whom
        plan = plan_of({**raw, "situation.image_shared": "yes"})
        return next(i.reason for i in plan.support if i.resource.id == "childline")

    assert "counsellor who speaks Welsh" in childline("wales")
    assert "may not always be available" in childline("wales")
    assert "Welsh" not in childline("england")


# Every new rule: fires and does not fire


NEW_RULES = [
    (
        "getting_help_plan_changes_if_watched_under_18",
        {
            "profile.age_band": "13_15",
            "intimate_images.taken_without_consent": "yes",
            "getting_help.who_did_it": "lives_with_me",
        },
        {
            "profile.age_band": "18_plus",
            "intimate_images.taken_without_consent": "yes",
            "getting_help.who_did_it": "lives_with_me",
        },
    ),
    (
        "getting_help_reach_help_without_a_call",
        DEAF_WOMAN,
        {**DEAF_WOMAN, "profile.contact_method": "phone"},
    ),
    (
        "getting_help_plan_safely_if_watched_under_18",
        GIRL_15_BOYFRIEND,
        {**GIRL_15_BOYFRIEND, "profile.age_band": "18_plus"},
    ),
    (
        "getting_help_tell_school_safeguarding_lead_now",
        CLASSMATES_DEEPFAKE_WALES,
        {**CLASSMATES_DEEPFAKE_WALES, "sextortion.who_is_threatening": "only_online"},
    ),
    (
        "getting_help_tell_school_safeguarding_lead",
        {
            "profile.age_band": "13_15",
            "deepfakes.fake_image_of_you": "yes",
            "getting_help.who_did_it": "someone_i_know",
        },
        {
            "profile.age_band": "13_15",
            "deepfakes.fake_image_of_you": "yes",
            "getting_help.who_did_it": "only_online",
        },
    ),
    (
        "sextortion_threat_to_out_you_under_18",
        {
            "profile.age_band": "16_17",
            "situation.threat_to_share": "yes",
            "sextortion.outing_threat": "yes",
        },
        {
            "profile.age_band": "16_17",
            "situation.threat_to_share": "yes",
            "sextortion.outing_threat": "no",
        },
    ),
    (
        "sextortion_threat_to_out_you_adult",
        {
            "profile.age_band": "18_plus",
            "situation.threat_to_share": "yes",
            "sextortion.outing_threat": "yes",
        },
        {
            "profile.age_band": "16_17",
            "situation.threat_to_share": "yes",
            "sextortion.outing_threat": "yes",
        },
    ),
    (
        "account_security_check_who_can_find_you",
        {
            "profile.age_band": "18_plus",
            "profile.devices": ["android"],
            "account_security.someone_knows_passwords": "yes",
            "account_security.find_my_device": "yes",
        },
        {
            "profile.age_band": "18_plus",
            "profile.devices": ["android"],
            "account_security.someone_knows_passwords": "no",
            "account_security.find_my_device": "yes",
        },
    ),
    ("getting_help_helper_never_view_or_save_the_image", PARENT_OF_11, SISTER_OF_ADULT),
    ("getting_help_helper_teacher_tell_the_safeguarding_lead", TEACHER, PARENT_OF_11),
    (
        "getting_help_helper_keep_them_safe_from_someone_close",
        # profile.devices given: the answers are used as they are, with no age
        {
            **{k: v for k, v in SISTER_OF_ADULT.items() if k != "profile.age_band"},
            "profile.devices": ["android"],
        },
        SISTER_OF_ADULT,
    ),
    ("getting_help_helper_keep_an_adult_safe_from_someone_close", SISTER_OF_ADULT, PARENT_OF_11),
    (
        "getting_help_helper_keep_a_child_safe_from_someone_close",
        {**SISTER_OF_ADULT, "profile.age_band": "16_17"},
        SISTER_OF_ADULT,
    ),
    ("getting_help_helper_tell_them_it_is_not_their_fault", PARENT_OF_11, FRIEND_OF_15),
    ("getting_help_helper_friend_listen_and_dont_share", FRIEND_OF_15, PARENT_OF_11),
    ("getting_help_helper_dont_pay_and_stop_replying", PARENT_OF_11, TEACHER),
    ("getting_help_helper_keep_details_without_the_picture", PARENT_OF_11, TEACHER),
    ("getting_help_helper_report_to_ceop", PARENT_OF_11, TEACHER),
    (
        "getting_help_helper_friend_know_when_to_tell_an_adult",
        FRIEND_OF_15,
        {**FRIEND_OF_15, "profile.age_band": "18_plus"},
    ),
    ("getting_help_helper_use_report_remove_together", PARENT_OF_11, TEACHER),
    ("getting_help_helper_adult_know_where_to_get_advice", SISTER_OF_ADULT, TEACHER),
]


@pytest.mark.parametrize(("rule_id", "fires", "quiet"), NEW_RULES, ids=[r[0] for r in NEW_RULES])
def test_new_rule_fires_and_does_not_fire(rule_id: str, fires: Raw, quiet: Raw) -> None:
    area = RULES_BY_ID[rule_id].area
    assert rule_id in fired(
        area, {**make_answers(), **fires} if "profile.devices" not in fires else fires
    )
    assert rule_id not in fired(area, quiet)


def test_a_parent_gets_their_steps_after_a_fake_nude_even_with_no_threat() -> None:
    plan = plan_of(
        {
            "profile.for_whom": "my_child",
            "profile.age_band": "13_15",
            "situation.threat_to_share": "no",
            "situation.image_shared": "no",
            "deepfakes.fake_image_of_you": "yes",
        }
    )
    ids = [a.rule_id for a in lane(plan)]
    assert ids[0] == "getting_help_helper_never_view_or_save_the_image"
    assert "getting_help_helper_report_to_ceop" in ids


def test_a_teacher_leaves_evidence_and_report_remove_to_the_safeguarding_lead() -> None:
    ids = [a.rule_id for a in lane(plan_of(TEACHER))]
    assert "getting_help_helper_keep_details_without_the_picture" not in ids
    assert "getting_help_helper_use_report_remove_together" not in ids
    assert "getting_help_know_what_happens_if_you_report" not in [
        a.rule_id for a in plan_of(TEACHER).do_first
    ]


def test_a_child_harmed_by_someone_at_home_gets_childline_not_adult_lines() -> None:
    plan = plan_of(
        {
            "profile.age_band": "13_15",
            "profile.nation": "england",
            "intimate_images.taken_without_consent": "yes",
            "getting_help.who_did_it": "lives_with_me",
        }
    )
    assert plan.do_first[0].rule_id == "getting_help_plan_changes_if_watched_under_18"
    assert not services(plan) & {"national_domestic_abuse_helpline", "mens_advice_line", "galop"}


def test_someone_who_cannot_phone_is_not_told_to_call_first() -> None:
    ids = [a.rule_id for a in lane(plan_of(DEAF_WOMAN))]
    assert "getting_help_stay_safe_now" not in ids
    assert ids[0] == "getting_help_reach_help_without_a_call"


def test_victim_support_follows_the_nation() -> None:
    plan = plan_of(
        {
            "profile.age_band": "18_plus",
            "profile.nation": "scotland",
            "situation.threat_to_share": "yes",
        }
    )
    assert "victim_support" not in services(plan)


TAKE_DOWN = {"report_remove", "take_it_down", "stopncii", "revenge_porn_helpline"}
CYBERFLASHED = {
    "profile.nation": "england",
    "situation.threat_to_share": "no",
    "situation.image_shared": "no",
    "nearby_sharing.unwanted_sexual_image": "yes",
    "getting_help.someone_checks_phone": "no",
}


@pytest.mark.parametrize("age", ["16_17", "18_plus"])
def test_someone_sent_a_picture_is_not_offered_take_down_services(age: str) -> None:
    plan = plan_of({**CYBERFLASHED, "profile.age_band": age})
    assert not services(plan) & TAKE_DOWN


@pytest.mark.parametrize(
    ("age", "expected"),
    [("16_17", {"report_remove", "take_it_down"}), ("18_plus", {"stopncii"})],
)
def test_take_down_services_stay_when_a_picture_of_them_may_exist(
    age: str, expected: set[str]
) -> None:
    for told in (
        {"deepfakes.fake_image_of_you": "worried"},
        {"intimate_images.taken_without_consent": "yes"},
        {"intimate_images.asked_for_nude": "yes"},
        {"getting_help.someone_checks_phone": "yes"},
    ):
        plan = plan_of({**CYBERFLASHED, "profile.age_band": age, **told})
        assert expected <= services(plan), told


def test_someone_who_told_of_no_harm_still_learns_take_down_services_exist() -> None:
    plan = plan_of({"profile.age_band": "13_15", "situation.threat_to_share": "no"})
    assert {"report_remove", "take_it_down"} <= services(plan)
