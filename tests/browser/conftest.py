"""Build the site once, serve it under /zhcorpus/ on 127.0.0.1, drive Chromium.

Debian's /usr/bin/chromium is used as is (nothing is downloaded); each session
gets a fresh profile in a temp dir.
"""

from __future__ import annotations

import functools
import http.server
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

from benchmarks.browser import CHROMIUM_ARGS  # the flags the benchmark uses too
from zhcorpus.site.buildrun import build_site, inputs_for_tests

CHROMIUM = Path("/usr/bin/chromium")
PREFIX = "/zhcorpus/"  # GitHub Pages serves a project site under /<repo>/


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serve a folder only under ``prefix``; anything else is a 404 (with its 404.html if any)."""

    prefix = PREFIX

    def translate_path(self, path):
        path = path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_prefix__")
        return super().translate_path("/" + path[len(self.prefix):])

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args):  # keep pytest output readable
        pass


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    result = build_site(tmp_path_factory.mktemp("browser-site") / "site", **inputs_for_tests())
    assert result.returncode == 0, result.log
    return result.site_dir


@contextmanager
def serve_under(folder: Path, prefix: str) -> Iterator[str]:
    """Serve ``folder`` at http://127.0.0.1:<port><prefix>, as GitHub Pages serves a project site."""
    handler_class = type("Handler", (_SubPathHandler,), {"prefix": prefix})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler_class, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def serve_folder():
    """``serve_under`` for test modules that serve a folder of their own."""
    return serve_under


@pytest.fixture(scope="session")
def base_url(built_site):
    with serve_under(built_site, PREFIX) as url:
        yield url


@pytest.fixture(scope="session")
def browser_context(tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed (/usr/bin/chromium); apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 900},
            locale="zh-CN",
        )
        yield context
        context.close()


@pytest.fixture
def page(browser_context):
    page = browser_context.new_page()
    yield page
    page.close()
