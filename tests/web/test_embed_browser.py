"""The check inside a partner's page, in real Chromium (issue 22 §2): a host page on an origin
the operator listed can frame the check, and the quick exit inside the frame leaves the whole
page (link with or without JavaScript, and Shift three times); a host page on another origin,
and the teachers' pages on any origin, cannot be framed."""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.web.conftest import free_port, serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]
FRAME = "check"


class HostSite(ThreadingHTTPServer):
    """A partner's site on its own origin: /host?src=<url> frames that url; /weather is the
    stand-in neutral site the exit goes to."""

    app_base: str


class HostHandler(BaseHTTPRequestHandler):
    server: HostSite

    def do_GET(self) -> None:
        path, _, target = self.path.partition("?src=")
        if path == "/host":
            src = self.server.app_base + target
            body = (
                "<!doctype html><html lang='en'><title>Partner app</title><h1>Partner app</h1>"
                f"<iframe name='{FRAME}' title='Safety Check' src='{src}' "
                "style='width:320px;height:560px;border:0'></iframe></html>"
            ).encode()
        else:
            body = b"<!doctype html><html lang='en'><title>Weather</title><h1>Weather</h1></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


def _host(app_base: str) -> Iterator[str]:
    server = HostSite(("127.0.0.1", free_port()), HostHandler)
    server.app_base = app_base
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        # "localhost" is another origin than the app's 127.0.0.1.
        yield f"http://localhost:{server.server_address[1]}"
    finally:
        server.shutdown()


@pytest.fixture(scope="module")
def app_port() -> int:
    return free_port()


@pytest.fixture(scope="module")
def partner(app_port: int) -> Iterator[str]:
    yield from _host(f"http://127.0.0.1:{app_port}")


@pytest.fixture(scope="module")
def stranger(app_port: int) -> Iterator[str]:
    yield from _host(f"http://127.0.0.1:{app_port}")


@pytest.fixture(scope="module")
def embedded_app(
    tmp_path_factory: pytest.TempPathFactory, app_port: int, partner: str
) -> Iterator[str]:
    env = {
        **os.environ,
        "SAFETY_CHECK_DATABASE": str(tmp_path_factory.mktemp("embed") / "embed.db"),
        "SAFETY_CHECK_EXIT_URL": f"{partner}/weather",
        "SAFETY_CHECK_FRAME_ANCESTORS": partner,
        "SAFETY_CHECK_RATE_LIMIT": "100000",
        "SAFETY_CHECK_LOG_LEVEL": "WARNING",
    }
    yield from serve(app_port, env)


def _open(context: Any, host: str, path: str) -> tuple[Any, Any]:
    page = context.new_page()
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{host}/host?src={path}")
    page.wait_for_load_state("load")
    [frame] = page.main_frame.child_frames
    return page, frame


def _shows_the_check(frame: Any) -> bool:
    try:
        frame.wait_for_selector("#quick-exit", timeout=5000)
    except Exception:
        return False
    return True


def _left_to_the_weather(page: Any, partner: str) -> None:
    page.wait_for_url(f"{partner}/weather", timeout=10000)
    assert page.title() == "Weather"
    assert not page.main_frame.child_frames


@pytest.mark.parametrize("javascript", [True, False], ids=["script", "no-script"])
def test_the_exit_inside_a_partner_frame_leaves_the_whole_page(
    browser: Any, embedded_app: str, partner: str, javascript: bool, tmp_path: Path
) -> None:
    context = browser.new_context(java_script_enabled=javascript)
    try:
        page, frame = _open(context, partner, "/")
        assert _shows_the_check(frame)
        (tmp_path / f"embedded-{javascript}.png").write_bytes(page.screenshot())
        frame.click("#quick-exit")
        _left_to_the_weather(page, partner)
    finally:
        context.close()


def test_shift_three_times_inside_the_frame_leaves_the_check(
    browser: Any, embedded_app: str, partner: str
) -> None:
    context = browser.new_context()
    try:
        page, frame = _open(context, partner, "/check")
        assert _shows_the_check(frame)
        frame.click("h1")
        for _ in range(3):
            page.keyboard.press("Shift")
        # Leaving the top window needs the browser to count the keys as the person's own
        # action; where it does not, the frame leaves (site.js), so the check is gone either way.
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if page.url == f"{partner}/weather":
                break
            child = page.main_frame.child_frames
            if child and child[0].url == f"{partner}/weather":
                break
            page.wait_for_timeout(100)
        else:
            raise AssertionError(f"still on {page.url}: {[f.url for f in page.frames]}")
    finally:
        context.close()


def test_an_origin_not_on_the_list_cannot_frame_the_check(
    browser: Any, embedded_app: str, stranger: str
) -> None:
    context = browser.new_context()
    try:
        page, frame = _open(context, stranger, "/")
        assert not _shows_the_check(frame)
        assert frame.url.startswith("chrome-error://"), frame.url
        assert page.title() == "Partner app"
    finally:
        context.close()


@pytest.mark.parametrize("path", ["/schools", "/api/v1/reference"])
def test_teachers_pages_and_the_api_are_never_framed(
    browser: Any, embedded_app: str, partner: str, path: str
) -> None:
    context = browser.new_context()
    try:
        _, frame = _open(context, partner, path)
        assert not _shows_the_check(frame)
        assert frame.url.startswith("chrome-error://"), frame.url
    finally:
        context.close()


def _framed_page(page: Any) -> Any:
    [frame] = page.main_frame.child_frames
    return frame


def _go_on(page: Any, selector: str) -> Any:
    """Follow a link or button inside the frame; the frame, showing the next page of the check
    (or, if that page refused the partner's origin, Chromium's error page)."""
    frame = _framed_page(page)
    with contextlib.suppress(PlaywrightError), frame.expect_navigation(timeout=15000):
        frame.click(selector)  # a refused page fails the navigation: checked by the caller
    frame = _framed_page(page)
    frame.wait_for_load_state("load")
    return frame


def _still_the_check(frame: Any) -> None:
    assert not frame.url.startswith("chrome-error://"), "a page of the journey refused the frame"
    assert _shows_the_check(frame), frame.url


@pytest.mark.parametrize("javascript", [True, False], ids=["script", "no-script"])
def test_every_page_of_a_journey_stays_inside_the_partners_frame(
    browser: Any, embedded_app: str, partner: str, javascript: bool
) -> None:
    """One list for the whole server means every page of the check carries it, so a journey
    never leaves the frame: start, the questions, "Check your answers", the plan, the way back
    with saved answers, help and covering your tracks."""
    context = browser.new_context(java_script_enabled=javascript)
    try:
        page, _ = _open(context, partner, "/")
        _still_the_check(_go_on(page, "main a:has-text('Come back with saved answers')"))
        _still_the_check(_go_on(page, "main button:has-text('Bring my answers back')"))
        _still_the_check(_go_on(page, "footer a:has-text('Cover your tracks')"))
        _still_the_check(_go_on(page, "footer a:has-text('Get help now')"))
        frame = _go_on(page, "main a:has-text('Do the check')")
        for _ in range(25):
            _still_the_check(frame)
            if frame.locator("h1").inner_text() == "Check your answers":
                break
            frame = _go_on(page, "main button:has-text('Continue')")
        else:
            raise AssertionError("never reached Check your answers")
        frame = _go_on(page, "text=See my plan")
        _still_the_check(frame)
        assert frame.locator("h1").inner_text() != "Check your answers"
    finally:
        context.close()
