"""Run Material's search, Pagefind and ours in headless Chromium on one site.

Bytes are what the local server sent (every engine's fetches, worker and
WebAssembly included, counted the same way); each engine starts in a fresh
browser context, so its first query pays for everything it needs.
Latency: ours from the input event (the last key) to results on screen;
Material and Pagefind from handing the query to their API to its answer,
which leaves out their UI and debounce, so theirs is a lower bound.
"""

from __future__ import annotations

import asyncio
import functools
import mimetypes
import threading
import urllib.parse
import time
from contextlib import contextmanager
from pathlib import Path

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--no-first-run", "--disable-component-update", "--disable-sync"]

# Material: its own search worker, driven with its own messages (SETUP 0 -> READY 1,
# QUERY 2 -> RESULT 3), as its UI does; the query goes in verbatim, as typed.
# Pagefind: its JS API; it loads the fragments of as many results as ours shows at once.
HARNESS = """<!doctype html><meta charset="utf-8"><title>bench</title><script type="module">
window.engines = {
  async material(workerUrl) {
    const w = new Worker(workerUrl);
    const send = msg => new Promise(res => { w.onmessage = e => res(e.data); w.postMessage(msg); });
    const index = await (await fetch("search/search_index.json")).json();
    await send({ type: 0, data: { config: index.config, docs: index.docs, options: { suggest: false } } });
    window.ask = async q => {
      const r = await send({ type: 2, data: q });
      return [...new Set((r.data.items || []).flat().map(i => i.location.split("#")[0]))];
    };
  },
  async pagefind() {
    const pf = await import("./pagefind/pagefind.js");
    await pf.options({ excerptLength: 30 });
    await pf.init();
    window.ask = async q => {
      const r = await pf.search(q);
      await Promise.all(r.results.slice(0, 10).map(x => x.data()));  // query.py RESULTS_PER_PAGE
      return r.results.map(x => x.id);
    };
  },
};
</script>"""


class _Counter:
    sent = 0  # bytes of response bodies since the last reset


_TYPES = {".wasm": "application/wasm", ".js": "text/javascript", ".mjs": "text/javascript",
          ".json": "application/json", ".html": "text/html; charset=utf-8", ".css": "text/css"}


async def _serve_connection(root: Path, counter: _Counter, cache: dict, reader, writer) -> None:
    """HTTP/1.1 with keep-alive, files from memory: the static host every engine
    is served by. Python's http.server took ~5 ms a file and queued parallel
    fetches behind each other, so it timed itself, not the engines."""
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            target = head.split(b" ", 2)[1].decode("latin-1")
            path = urllib.parse.unquote(urllib.parse.urlsplit(target).path).lstrip("/")
            if path not in cache:
                file = (root / path).resolve()
                if file.is_dir():
                    file = file / "index.html"
                inside = file.is_relative_to(root) and file.is_file()
                cache[path] = (file.read_bytes(), _TYPES.get(file.suffix) or mimetypes.guess_type(file.name)[0]
                               or "application/octet-stream") if inside else None
            found = cache[path]
            body, ctype = found if found else (b"not found", "text/plain")
            status = "200 OK" if found else "404 Not Found"
            writer.write(f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n"
                         f"Cache-Control: no-store\r\n\r\n".encode("latin-1") + body)
            counter.sent += len(body) if found else 0
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


@contextmanager
def serve(site: Path):
    (site / "bench.html").write_text(HARNESS, encoding="utf-8")
    counter, loop, started = _Counter(), asyncio.new_event_loop(), threading.Event()
    root, cache, box = site.resolve(), {}, {}

    async def main():
        box["server"] = await asyncio.start_server(
            functools.partial(_serve_connection, root, counter, cache), "127.0.0.1", 0)
        started.set()

    thread = threading.Thread(target=lambda: (loop.run_until_complete(main()), loop.run_forever()), daemon=True)
    thread.start()
    started.wait()
    port = box["server"].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}/", counter
    finally:
        loop.call_soon_threadsafe(box["server"].close)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=5)


@contextmanager
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def run_api_engine(browser, base: str, counter, engine: str, queries: list[str], arg: str | None = None) -> dict:
    """-> {"results": [[page or id, ...] per query], "ms": [...], "bytes": [...], "setup_ms", "setup_bytes"}."""
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto(base + "bench.html")
    page.wait_for_function("window.engines !== undefined")
    counter.sent = 0
    t0 = time.perf_counter()
    page.evaluate(f"a => window.engines.{engine}(a)", arg)
    out = {"setup_ms": (time.perf_counter() - t0) * 1000, "setup_bytes": counter.sent,
           "results": [], "ms": [], "bytes": []}
    for q in queries:
        counter.sent = 0
        ms, got = page.evaluate("""async q => { const t0 = performance.now(); const r = await window.ask(q);
                                   return [performance.now() - t0, r]; }""", q)
        out["results"].append(got)
        out["ms"].append(ms)
        out["bytes"].append(counter.sent)
    ctx.close()
    return out


def run_ours(browser, base: str, counter, queries: list[str], index_dir: str = "zsearch") -> dict:
    """Typed into our UI (demo.html): time to results on screen and bytes, per query."""
    ctx = browser.new_context()
    page = ctx.new_page()
    counter.sent = 0
    page.goto(f"{base}{index_dir}/demo.html")
    page.wait_for_function("document.querySelector('.zs').dataset.state === 'ready'")
    out = {"setup_bytes": counter.sent, "ms": [], "bytes": []}
    for q in queries:
        counter.sent = 0
        ms = page.evaluate("""q => new Promise(res => {
            const root = document.querySelector('.zs'), input = root.querySelector('input');
            const t0 = performance.now();
            root.addEventListener('zs-results', () => requestAnimationFrame(() => res(performance.now() - t0)), {once: true});
            input.value = q; input.dispatchEvent(new Event('input'));
        })""", q)
        out["ms"].append(ms)
        out["bytes"].append(counter.sent)
    ctx.close()
    return out
