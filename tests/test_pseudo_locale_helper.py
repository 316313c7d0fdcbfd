"""The pseudo-language keeps placeholders and tags, and finds words that skipped the catalogue."""

from __future__ import annotations

from tests.pseudo_locale import CLOSE, OPEN, pseudo, untranslated


def test_placeholders_and_tags_survive_and_text_grows() -> None:
    text = "Call {childline} on <b>%(phone)s</b> now"
    made = pseudo(text)
    assert made.startswith(OPEN) and made.endswith(CLOSE)
    for kept in ("{childline}", "<b>", "%(phone)s", "</b>"):
        assert kept in made
    assert "Call" not in made and "Çáll" in made
    assert len(made) >= len(text) * 1.35


def test_only_text_outside_the_brackets_is_reported() -> None:
    page = (
        f"<html><head><title>x</title><script>var a = 'left alone';</script></head><body>"
        f"<h1>{pseudo('Your plan')}</h1><p>Hard coded words</p><p>0800 1111</p>"
        f"<button aria-label='Leave this site'>{pseudo('Exit')}</button>"
        f"<p>{pseudo('One')} and {pseudo('two')}</p></body></html>"
    )
    assert untranslated(page) == ["Hard coded words", "Leave this site", "and"]
    assert untranslated(page, allowed=frozenset({"and"})) == ["Hard coded words", "Leave this site"]
