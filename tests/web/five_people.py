"""The five people of issue 18, walked in Chromium at 320x640: pages, taps, and how far down
(in screens) the first tappable number is on the start page and on their urgent page or plan.

    .venv/bin/python -m tests.web.five_people            # JavaScript on
    .venv/bin/python -m tests.web.five_people --no-js    # JavaScript off
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from tests.web.journey import CHROMIUM, PHONE, Journey, Walker, second_option, server

CONTINUE = "main button:has-text('Continue')"


def _ticks(walker: Walker, *selectors: str) -> None:
    for selector in selectors:
        walker.tick(selector)


def boy_who_paid(walker: Walker) -> None:
    """14, threatened by a stranger online, has already paid: the crisis way in."""
    walker.next_page("main button:has-text('Something is happening to me now')")
    _ticks(walker, "#q-situation-threat_to_share-yes", "#q-profile-age_band-13_15")
    walker.next_page(CONTINUE)
    _ticks(walker, "#q-sextortion-who_is_threatening-only_online", "#q-sextortion-paid_money-yes")
    walker.next_page(CONTINUE)


def girl_whose_ex_shared(walker: Walker) -> None:
    """15, her ex shared her picture."""
    walker.next_page("main a:has-text('Start the check')")
    _ticks(walker, "#q-profile-for_whom-me")
    walker.next_page(CONTINUE)
    _ticks(walker, "#q-profile-age_band-13_15", "#q-situation-image_shared-yes")
    walker.next_page(CONTINUE)
    _ticks(walker, "#q-sextortion-who_is_threatening-partner_or_ex")
    walker.next_page(CONTINUE)


def woman_whose_partner_checks(walker: Walker) -> None:
    """An adult whose partner checks her phone and threatens to share."""
    walker.next_page("main button:has-text('Something is happening to me now')")
    _ticks(walker, "#q-situation-threat_to_share-yes", "#q-profile-age_band-18_plus")
    walker.next_page(CONTINUE)
    _ticks(
        walker,
        "#q-sextortion-who_is_threatening-partner_or_ex",
        "#q-getting_help-someone_checks_phone-yes",
    )
    walker.next_page(CONTINUE)


def adult_checking_settings(walker: Walker) -> None:
    """An adult with an iPhone, Instagram and WhatsApp, nothing happening: the whole check."""
    walker.next_page("main a:has-text('Start the check')")
    walker.next_page(CONTINUE)
    _ticks(
        walker,
        "#q-profile-age_band-18_plus",
        "#q-situation-threat_to_share-no",
        "#q-situation-image_shared-no",
    )
    walker.next_page(CONTINUE)
    _ticks(
        walker,
        "#q-profile-devices-iphone_ipad",
        "#q-profile-apps-instagram",
        "#q-profile-apps-whatsapp",
    )
    walker.next_page(CONTINUE)
    walker.answer_area_pages(second_option)
    walker.next_page("text=See my plan")


def not_sure_and_skips(walker: Walker) -> None:
    """Answers "not sure" and "rather not say", skips everything else."""
    walker.next_page("main a:has-text('Start the check')")
    walker.next_page(CONTINUE)
    _ticks(
        walker,
        "#q-situation-threat_to_share-prefer_not_to_say",
        "#q-situation-image_shared-not_sure",
    )
    walker.next_page(CONTINUE)
    while walker.page.locator("h1").inner_text() != "Check your answers":
        walker.next_page(CONTINUE)  # devices, apps and every area: skipped
    walker.next_page("text=See my plan")


PEOPLE: dict[str, Callable[[Walker], None]] = {
    "14-year-old boy who paid": boy_who_paid,
    "15-year-old girl whose ex shared her picture": girl_whose_ex_shared,
    "adult woman whose partner checks her phone": woman_whose_partner_checks,
    "adult checking settings": adult_checking_settings,
    "someone who answers not sure and skips": not_sure_and_skips,
}


def walk(browser: Any, base_url: str, person: Callable[[Walker], None], js: bool) -> Journey:
    context = browser.new_context(viewport=PHONE, java_script_enabled=js)
    page = context.new_page()
    journey = Journey()
    walker = Walker(page, journey, measure_at_phone_width=True)
    page.goto(base_url + "/")
    walker.record()
    person(walker)
    context.close()
    return journey


def report(name: str, journey: Journey) -> str:
    first, last = journey.pages[0], journey.pages[-1]

    def where(number: float | None) -> str:
        return "none" if number is None else f"{number:.2f}"

    return (
        f"{name}: {len(journey.pages)} pages, {journey.taps} taps; first number on the start "
        f"page at {where(first.first_number)} screens; last page '{last.name}' "
        f"{last.screens:.1f} screens, first number at {where(last.first_number)} screens"
    )


def main() -> None:
    from playwright.sync_api import sync_playwright

    js = "--no-js" not in sys.argv
    with server() as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        print(f"JavaScript {'on' if js else 'off'}, 320x640")
        for name, person in PEOPLE.items():
            print(report(name, walk(browser, base_url, person, js)))
        browser.close()


if __name__ == "__main__":
    main()
