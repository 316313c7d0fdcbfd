"""What a school's data protection impact assessment needs from us: every stored field, what is
never collected, how long each thing is kept, and the privacy guarantee.

`STORED` names every column of every table a class check or a school writes; a test compares it
with the database itself, so a new column cannot be added without saying here what it holds.
"""

from __future__ import annotations

from safety_check.schools.words import N_

STORED: dict[str, dict[str, str]] = {
    "responses": {
        "id": N_("schools:dpia", "A row number."),
        "cohort_id": N_("schools:dpia", "Which class check the response belongs to."),
        "day": N_("schools:dpia", "The day it was sent (no time of day)."),
        "content_version": N_("schools:dpia", "Which version of the questions was answered."),
        "record": N_(
            "schools:dpia",
            "The area scores and the actions in the student's plan, worked out without "
            "any answer about something that happened to them.",
        ),
        "answers": N_("schools:dpia", "The answers about habits and settings only (compressed)."),
    },
    "cohorts": {
        "id": N_("schools:dpia", "A row number."),
        "public_id": N_("schools:dpia", "A random id for the class's pages."),
        "join_code": N_("schools:dpia", "The code students type to join."),
        "name": N_("schools:dpia", "The class name the teacher chose (never a student's name)."),
        "age_band": N_("schools:dpia", "The age group chosen for the class, if any."),
        "teacher_key_hash": N_(
            "schools:dpia", "A one-way hash of the class's teacher key (never the key)."
        ),
        "created_day": N_("schools:dpia", "The day it was made."),
        "closes_day": N_("schools:dpia", "The last day students can take part."),
        "closed_early_day": N_("schools:dpia", "The day the teacher closed it, if early."),
        "delete_day": N_("schools:dpia", "The day everything about the class is deleted."),
        "school_id": N_("schools:dpia", "The school it belongs to, if any."),
        "teacher_id": N_("schools:dpia", "The school teacher who made it, if any."),
        "year_group": N_("schools:dpia", "The year group it is for, if given."),
        "language": N_(
            "schools:dpia", "The language the teacher chose for the class (English or Welsh)."
        ),
    },
    "spent_tokens": {
        "token_hash": N_(
            "schools:dpia", "A hash of a one-time form token, so one student is counted once."
        ),
        "cohort_id": N_("schools:dpia", "The class it was spent in."),
    },
    "teacher_sessions": {
        "session_hash": N_("schools:dpia", "A hash of a teacher's signed-in session."),
        "cohort_id": N_("schools:dpia", "The class the session is for."),
        "expires_at": N_("schools:dpia", "When the session ends (to the hour)."),
    },
    "idempotency_keys": {
        "key_hash": N_(
            "schools:dpia", "A hash of a retry key sent by an app, so a retry is not counted twice."
        ),
        "fingerprint": N_(
            "schools:dpia", "A keyed hash of the request, to tell a retry from a different request."
        ),
        "cohort_id": N_("schools:dpia", "The class it belongs to."),
        "created_hour": N_("schools:dpia", "The hour it was first used."),
    },
    "schools": {
        "id": N_("schools:dpia", "A row number."),
        "public_id": N_("schools:dpia", "A random id."),
        "name": N_("schools:dpia", "The school's name."),
        "created_day": N_("schools:dpia", "The day it was made."),
    },
    "teachers": {
        "id": N_("schools:dpia", "A row number."),
        "school_id": N_("schools:dpia", "The teacher's school."),
        "public_id": N_("schools:dpia", "A random id."),
        "label": N_(
            "schools:dpia", "What the school lead calls this teacher (such as a title or a role)."
        ),
        "key_hash": N_("schools:dpia", "A one-way hash of the teacher's key (never the key)."),
        "is_lead": N_("schools:dpia", "Whether they are a lead of the school."),
        "created_day": N_("schools:dpia", "The day they were added."),
        "revoked_day": N_("schools:dpia", "The day their key was removed, if it was."),
    },
    "school_invitations": {
        "key_hash": N_("schools:dpia", "A hash of an invitation key from the operator."),
        "created_day": N_("schools:dpia", "The day it was made."),
        "used_day": N_("schools:dpia", "The day it made a school."),
        "school_id": N_("schools:dpia", "The school it made (deleted with the school)."),
    },
    "school_views": {
        "school_id": N_("schools:dpia", "The school."),
        "term_id": N_("schools:dpia", "The term."),
        "year_group": N_("schools:dpia", "The year group."),
        "body": N_(
            "schools:dpia",
            "The school's figures for that term and year group, as first published: "
            "noisy totals only.",
        ),
    },
    "school_sessions": {
        "session_hash": N_("schools:dpia", "A hash of a school teacher's signed-in session."),
        "teacher_id": N_("schools:dpia", "Whose session it is."),
        "expires_at": N_("schools:dpia", "When it ends (to the hour)."),
    },
}

NEVER = (
    N_("schools:dpia", "Students' names, emails, accounts or any other identity."),
    N_(
        "schools:dpia",
        "Pictures or videos of any kind, and any free text about what happened to someone.",
    ),
    N_(
        "schools:dpia",
        "Answers about threats, shared pictures or anything that happened to a student, questions "
        "asked only because of them, and the actions they lead to.",
    ),
    N_(
        "schools:dpia",
        "Students' age and device answers (which questions were asked reflects them).",
    ),
    N_(
        "schools:dpia",
        "IP addresses, browser details, cookies for students, and the time of day of a response.",
    ),
)

RETENTION = (
    (
        N_("schools:dpia", "Responses and everything else about a class"),
        N_(
            "schools:dpia",
            "Deleted on the class's delete day, "
            "chosen by the teacher (30 to 365 days after it closes), or at once when the teacher "
            "deletes the class or the school lead deletes the school; deleted rows are "
            "overwritten on disk.",
        ),
    ),
    (N_("schools:dpia", "Retry keys from apps"), N_("schools:dpia", "24 hours.")),
    (
        N_("schools:dpia", "Teacher sign-in sessions"),
        N_("schools:dpia", "Until they end: 8 hours at most, or sign-out."),
    ),
    (
        N_("schools:dpia", "School figures by term, teachers' keys"),
        N_(
            "schools:dpia",
            "Kept with the school (figures as first published, noisy totals only) until the "
            "school lead or the operator deletes the school, with everything it holds.",
        ),
    ),
)

GUARANTEE = N_(
    "schools:dpia",
    "Class figures appear only once the check has closed with at least 10 students. Every "
    "count has random noise added, fixed per class (two-sided geometric noise, epsilon = ln 1.5 "
    "per count), so a guess about one student from one figure is right at most 6 times in 10, "
    "where a coin toss is right 5 times in 10; a guess from an action's figure and its place in "
    "the order together, at most 3 in 4. A student counted in a class report and in the "
    "school's figures for the term is protected for both together: at most 0.69 from the two "
    "figures their answer moves.",
)
