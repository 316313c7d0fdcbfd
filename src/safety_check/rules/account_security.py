"""Work in progress: questions and rules for this area are being written."""

from __future__ import annotations

from safety_check.models import Question, Rule

QUESTIONS: tuple[Question, ...] = ()
RULES: tuple[Rule, ...] = ()
