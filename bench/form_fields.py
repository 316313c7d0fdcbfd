"""Answers as the check's web form sends them, for benchmarks that walk the pages over HTTP."""

from __future__ import annotations

FormAnswers = dict[str, str | list[str]]


def answer_fields(answers: FormAnswers) -> list[tuple[str, str]]:
    """One field per single answer; a multiple-choice question also sends `_shown`, so the page
    can tell "none of these" from "not asked"."""
    fields: list[tuple[str, str]] = []
    for question, value in answers.items():
        if isinstance(value, str):
            fields.append((question, value))
        else:
            fields.append(("_shown", question))
            fields.extend((question, option) for option in value)
    return fields
