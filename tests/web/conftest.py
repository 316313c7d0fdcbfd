"""Browser tests: the real server in a subprocess, a stand-in "neutral site" for the quick exit,
and Debian's Chromium driven by Playwright (never a downloaded browser).

Without Chromium these tests skip, with the reason; in CI `SAFETY_CHECK_REQUIRE_BROWSER=1` makes
a missing browser an error instead.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import axe_playwright_python
import pytest

CHROMIUM = os.environ.get("SAFETY_CHECK_CHROMIUM", "/usr/bin/chromium")
REQUIRE = os.environ.get("SAFETY_CHECK_REQUIRE_BROWSER") == "1"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class NeutralSite(ThreadingHTTPServer):
    """Stands in for the weather site; records the headers it was sent."""

    requests: list[dict[str, str]]


class NeutralHandler(BaseHTTPRequestHandler):
    server: NeutralSite

    def do_GET(self) -> None:
        # ":path" cannot clash with a header name; the page's own favicon request comes here too.
        self.server.requests.append(
            {":path": self.path, **{k.lower(): v for k, v in self.headers.items()}}
        )
        body = b"<!doctype html><html lang='en'><title>Weather</title><h1>Weather</h1></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def neutral_site() -> Iterator[NeutralSite]:
    server = NeutralSite(("127.0.0.1", free_port()), NeutralHandler)
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()


@pytest.fixture(scope="session")
def exit_url(neutral_site: NeutralSite) -> str:
    # "localhost" is a different origin from the app's 127.0.0.1, as the real exit would be.
    return f"http://localhost:{neutral_site.server_address[1]}/weather"


def serve(port: int, env: dict[str, str], log: Path | None = None) -> Iterator[str]:
    """Run the service on `port` with `env` until the generator is closed; yields its address
    once it answers its health check. With `log`, its output (the access log too) goes there."""
    command = [sys.executable, "-m", "safety_check.cli", "serve", "--port", str(port)]
    output = log.open("ab") if log else None
    server = subprocess.Popen(command, env=env, stdout=output, stderr=output)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(url + "/api/v1/healthz", timeout=1)  # noqa: S310 (loopback)
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise RuntimeError("the server did not start") from None
            time.sleep(0.1)
    yield url
    server.terminate()
    server.wait(timeout=10)
    if output:
        output.close()


@pytest.fixture(scope="session")
def base_url(tmp_path_factory: pytest.TempPathFactory, exit_url: str) -> Iterator[str]:
    port = free_port()
    env = {
        **os.environ,
        "SAFETY_CHECK_DATABASE": str(tmp_path_factory.mktemp("web") / "web.db"),
        "SAFETY_CHECK_EXIT_URL": exit_url,
        "SAFETY_CHECK_RATE_LIMIT": "100000",
        "SAFETY_CHECK_LOG_LEVEL": "WARNING",
    }
    yield from serve(port, env)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is None:
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if REQUIRE:
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    yield context
    context.close()


@pytest.fixture
def page(context: Any) -> Any:
    return context.new_page()


AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")


def axe_violations(page: Any, tags: Sequence[str] = WCAG_TAGS) -> list[dict[str, Any]]:
    """axe-core's violations on the page, for the given rule tags (WCAG 2.2 AA by default)."""
    # Evaluated through the DevTools protocol, so the page's CSP (rightly) doesn't block it.
    page.evaluate(AXE_SOURCE + "\n;undefined")
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        list(tags),
    )
    return [
        {"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


def axe_violations_without_javascript(
    page: Any, tags: Sequence[str] = WCAG_TAGS
) -> list[dict[str, Any]]:
    """axe-core on a page shown with JavaScript off.

    axe runs on timers, which never fire in a page whose scripts are off. No script has touched
    such a page, so its DOM is the server's HTML: that HTML is shown again, at the same address
    and width, in a page where scripts run but the site's own scripts are refused, and checked
    there with the same stylesheet.
    """
    html, address = page.content(), page.url
    context = page.context.browser.new_context(viewport=page.viewport_size)
    try:
        copy = context.new_page()
        copy.route(lambda url: "/static/" in url and url.endswith(".js"), lambda r: r.abort())
        copy.route(
            lambda url: url == address,
            lambda r: r.fulfill(body=html, content_type="text/html; charset=utf-8"),
        )
        copy.goto(address)
        assert copy.evaluate("document.documentElement.classList.contains('js')") is False
        return axe_violations(copy, tags)
    finally:
        context.close()


def axe_as_shown(page: Any, javascript: bool) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.2 AA violations on the page, with its scripts on or off."""
    return axe_violations(page) if javascript else axe_violations_without_javascript(page)


SCREENSHOTS = os.environ.get("SAFETY_CHECK_SCREENSHOTS")
"""A folder to keep pages' pictures in, for a person to look at."""


def keep_picture(page: Any, name: str) -> None:
    """The whole page as a PNG in SAFETY_CHECK_SCREENSHOTS, when that is set."""
    if SCREENSHOTS:
        # Written here, not by Playwright, whose file writes leave an executor thread behind.
        (Path(SCREENSHOTS) / f"{name}.png").write_bytes(page.screenshot(full_page=True))
