"""The `schools` catalogue's own cases: its area titles and Welsh plurals (templates, completeness,
placeholders and the glossary are checked for every domain in tests/test_catalogue.py)."""

from __future__ import annotations

from safety_check import i18n, models
from safety_check.schools import localised
from tests.test_welsh_glossary import Glossary, Message, glossary, glossary_misses

__all__ = ["glossary"]  # the glossary's fixture, shared


def test_a_glossary_miss_in_this_catalogue_would_be_found(glossary: Glossary) -> None:
    wrong = Message("Speak to your Designated Safeguarding Lead.", "Siaradwch â’ch arweinydd.")
    assert glossary_misses(glossary.term, [wrong]) != []


def test_the_area_titles_marked_here_are_the_models_own() -> None:
    assert localised.AREA_TITLES == models.AREA_TITLES


def test_welsh_counts_take_the_welsh_plural_form() -> None:
    """Each number picks its own Welsh form (0, 1, 2, 3, 6 and the rest), mutations and all."""
    singular = (
        "%(count)s other action had figures under 3; it is marked %(suppressed)s in the download."
    )
    plural = "%(count)s other actions had figures under 3; they are marked %(suppressed)s in the download."

    def said(count: int) -> str:
        return i18n.npgettext("cy", "schools:report", singular, plural, count)

    assert "%(count)s gam arall" in said(2)
    assert "%(count)s cham arall" in said(3) and "%(count)s cham arall" in said(6)
    assert "mae wedi’i farcio" in said(1) and "maen nhw" in said(0) and "cam arall" in said(7)
