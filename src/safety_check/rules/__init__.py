"""The rule registry: every advice area, listed by hand so the order is fixed and reviewable.

Adding an area is one import and one line below; nothing registers itself on import.
"""

from __future__ import annotations

from types import ModuleType

from safety_check.models import Question, Rule
from safety_check.rules import (
    account_security,
    dating_apps,
    deepfakes,
    getting_help,
    intimate_images,
    nearby_sharing,
    personal_details,
    privacy_settings,
    sextortion,
    webcam,
)

AREA_MODULES: tuple[ModuleType, ...] = (
    privacy_settings,
    personal_details,
    nearby_sharing,
    webcam,
    account_security,
    dating_apps,
    intimate_images,
    sextortion,
    deepfakes,
    getting_help,
)

ALL_RULES: tuple[Rule, ...] = tuple(rule for module in AREA_MODULES for rule in module.RULES)
AREA_QUESTIONS: tuple[Question, ...] = tuple(
    question for module in AREA_MODULES for question in module.QUESTIONS
)
RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in ALL_RULES}
