"""Two journeys through the web form in Chromium, measured: a frightened 14-year-old on a phone
who is being threatened, and an adult with every device and app on a desktop.

Run it to print the figures (it starts its own server on a free port):

    .venv/bin/python -m tests.web.journey

The browser tests use the same journeys, so the figures printed are the figures tested.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

PHONE = {"width": 320, "height": 640}
SCREEN = PHONE["height"]
CHROMIUM = os.environ.get("SAFETY_CHECK_CHROMIUM", "/usr/bin/chromium")
TEL = "a[href^='tel:']"


@dataclass
class PageFigures:
    name: str
    screens: float
    first_number: float | None


@dataclass
class Journey:
    """What one person met: each page, the taps it took, and the bytes sent and received."""

    pages: list[PageFigures] = field(default_factory=list)
    taps: int = 0
    received: int = 0
    sent: int = 0
    printed_pages: int = 0


def screens(page: Any) -> float:
    return float(page.evaluate("document.documentElement.scrollHeight")) / SCREEN


def first_number(page: Any) -> float | None:
    """How far down (in screens) the first tappable phone number starts, if there is one."""
    top = page.evaluate(
        """(selector) => {
        const link = [...document.querySelectorAll(selector)].find((a) => a.offsetParent);
        return link ? link.getBoundingClientRect().top + window.scrollY : null;
    }""",
        TEL,
    )
    return None if top is None else float(top) / SCREEN


class Walker:
    """Drives one person's journey and records each page as a 320 px phone would show it."""

    def __init__(self, page: Any, journey: Journey, measure_at_phone_width: bool) -> None:
        self.page = page
        self.journey = journey
        self.phone = measure_at_phone_width

    def tap(self, selector: str) -> None:
        self.page.click(selector)
        self.journey.taps += 1

    def tick(self, selector: str) -> None:
        self.page.check(selector)
        self.journey.taps += 1

    def next_page(self, button: str) -> None:
        heading = self.page.locator("h1").inner_text()
        self.tap(button)
        self.page.wait_for_function(
            "(old) => { const h = document.querySelector('h1'); return h && (h.innerText !== old"
            " || document.title !== window.__lastTitle); }",
            arg=heading,
        )
        self.page.wait_for_load_state("load")
        self.record()

    def record(self) -> None:
        self.page.evaluate("window.__lastTitle = document.title")
        name = self.page.title().split(" – ")[0]
        if not self.phone:
            self.page.set_viewport_size(PHONE)
        figures = PageFigures(name, screens(self.page), first_number(self.page))
        if not self.phone:
            self.page.set_viewport_size({"width": 1280, "height": 800})
        self.journey.pages.append(figures)

    def answer_area_pages(self, choose: Callable[[Any], Any]) -> None:
        """Answer every area page the same plausible way, until "Check your answers"."""
        for _ in range(20):
            if self.page.locator("h1").inner_text() == "Check your answers":
                return
            for group in self.page.locator("main fieldset").all():
                self.tick_locator(choose(group))
            self.next_page("main button:has-text('Continue')")
        raise AssertionError("never reached Check your answers")

    def tick_locator(self, locator: Any) -> None:
        locator.check()
        self.journey.taps += 1


def second_option(group: Any) -> Any:
    """A plausible answer: the second choice, or the only one ("No", "Sometimes", ...)."""
    inputs = group.locator("input:not([type=hidden])")
    return inputs.nth(1 if inputs.count() > 1 else 0)


def teen_journey(page: Any, base_url: str) -> Journey:
    """14, threatened, iPhone, Snapchat, Instagram and TikTok, on a 320 px phone."""
    journey = Journey()
    walker = Walker(page, journey, measure_at_phone_width=True)
    page.goto(base_url + "/")
    walker.record()
    walker.next_page("text=Start the check")
    walker.next_page("main button:has-text('Continue')")  # who it is for: skipped
    for selector in (
        "#q-profile-age_band-13_15",
        "#q-situation-threat_to_share-yes",
        "#q-situation-image_shared-no",
    ):
        walker.tick(selector)
    walker.next_page("main button:has-text('Continue')")
    if page.locator("h1").inner_text() == "Before your next steps":
        for group in page.locator("main fieldset").all():
            walker.tick_locator(second_option(group))
        # He is threatened by a stranger online and can talk on the phone.
        for selector in (
            "#q-sextortion-who_is_threatening-only_online",
            "#q-profile-contact_method-phone",
        ):
            if page.locator(selector).count():
                walker.tick(selector)
        walker.next_page("main button:has-text('Continue')")
    walker.next_page("text=Continue the full check")
    for selector in (
        "#q-profile-devices-iphone_ipad",
        "#q-profile-apps-snapchat",
        "#q-profile-apps-instagram",
        "#q-profile-apps-tiktok",
    ):
        walker.tick(selector)
    walker.next_page("main button:has-text('Continue')")
    walker.answer_area_pages(second_option)
    walker.next_page("text=See my plan")
    return journey


def adult_journey(page: Any, base_url: str) -> Journey:
    """An adult with every device and app, calm, on a desktop."""
    journey = Journey()
    walker = Walker(page, journey, measure_at_phone_width=False)
    page.goto(base_url + "/")
    walker.record()
    walker.next_page("text=Start the check")
    walker.next_page("main button:has-text('Continue')")  # who it is for: skipped
    walker.tick("#q-profile-age_band-18_plus")
    walker.tick("#q-situation-threat_to_share-no")
    walker.tick("#q-situation-image_shared-no")
    walker.next_page("main button:has-text('Continue')")
    for box in page.locator("input[name='profile.devices'], input[name='profile.apps']").all():
        walker.tick_locator(box)
    walker.next_page("main button:has-text('Continue')")
    walker.answer_area_pages(second_option)
    walker.next_page("text=See my plan")
    return journey


def count_pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


@contextmanager
def byte_counter(page: Any, journey: Journey) -> Iterator[None]:
    """Counts every byte received over the network (headers and compressed bodies), and the
    bytes of every form sent."""
    session = page.context.new_cdp_session(page)
    session.send("Network.enable")

    def finished(event: dict[str, Any]) -> None:
        journey.received += int(event["encodedDataLength"])

    def sent(request: Any) -> None:
        journey.sent += len(request.post_data_buffer or b"")

    session.on("Network.loadingFinished", finished)
    page.on("request", sent)
    yield
    page.remove_listener("request", sent)
    session.detach()


def measured(browser: Any, base_url: str, who: str) -> tuple[Journey, Journey]:
    """The journey on a fresh browser profile, then again with its cache (a second visit)."""
    viewport = PHONE if who == "teen" else {"width": 1280, "height": 800}
    walk = teen_journey if who == "teen" else adult_journey
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    first = Journey()
    with byte_counter(page, first):
        result = walk(page, base_url)
    result.received, result.sent = first.received, first.sent
    result.printed_pages = count_pdf_pages(page.pdf(format="A4"))
    again = Journey()
    with byte_counter(page, again):
        walk(page, base_url)
    context.close()
    return result, again


def report(who: str, journey: Journey, again: Journey) -> str:
    lines = [f"{who}:"]
    lines.append(f"  pages: {len(journey.pages)}, taps: {journey.taps}")
    for figures in journey.pages:
        number = (
            "" if figures.first_number is None else f", first number at {figures.first_number:.2f}"
        )
        lines.append(f"    {figures.name:<28} {figures.screens:5.1f} screens{number}")
    lines.append(f"  printed plan: {journey.printed_pages} A4 pages")
    lines.append(
        f"  bytes received: first visit {journey.received}, second visit {again.received};"
        f" form bytes sent {journey.sent}"
    )
    return "\n".join(lines)


@contextmanager
def server() -> Iterator[str]:
    port = _free_port()
    with tempfile.TemporaryDirectory() as directory:
        env = {
            **os.environ,
            "SAFETY_CHECK_DATABASE": os.path.join(directory, "journey.db"),
            "SAFETY_CHECK_RATE_LIMIT": "100000",
            "SAFETY_CHECK_LOG_LEVEL": "WARNING",
        }
        command = [sys.executable, "-m", "safety_check.cli", "serve", "--port", str(port)]
        process = subprocess.Popen(command, env=env)
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    urllib.request.urlopen(url + "/api/v1/healthz", timeout=1)  # noqa: S310
                    break
                except OSError:
                    time.sleep(0.1)
            yield url
        finally:
            process.terminate()
            process.wait(timeout=10)


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def main() -> None:
    from playwright.sync_api import sync_playwright

    with server() as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        for who in ("teen", "adult"):
            journey, again = measured(browser, base_url, who)
            print(report(who, journey, again))
        browser.close()


if __name__ == "__main__":
    main()
