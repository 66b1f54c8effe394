"""The same documents as three searchable sites: Material (lunr), Pagefind, ours.

Only the benchmark uses this. One MkDocs + Material build gives both
Material's ``search/search_index.json`` (``lang: zh``, segmented by jieba)
and the HTML pages Pagefind indexes, so all three engines see one text: the
articles' titles, headings and paragraphs, one page per article. Quotes are
left out: on the real site they are one long page, a unit only ours splits.
"""

from __future__ import annotations

import gzip
import html
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import zhcorpus.search as search_package
from zhcorpus.search.index import build_index

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")
MKDOCS_YML = """site_name: bench
docs_dir: docs
site_dir: site
use_directory_urls: true
theme:
  name: material
  language: zh
  font: false
plugins:
  - search:
      lang: zh
nav:
  - index.md
"""


def _md(text: str) -> str:
    """Plain text -> Markdown that renders back to the same text."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def article_docs(docs: list[dict]) -> list[dict]:
    return [d for d in docs if d["kind"] in ("page", "section")]


def page_of(url: str) -> str:
    return url.split("#", 1)[0]


def write_markdown(docs: list[dict], out: Path) -> None:
    """One page per article: title doc as h1, then its headings and paragraphs in order."""
    pages: dict[str, list[str]] = {}
    for d in article_docs(docs):
        lines = pages.setdefault(page_of(d["url"]), [])
        anchor = d["url"].partition("#")[2]
        if d["kind"] == "page":
            lines.insert(0, f"# {_md(d['text'])}")
        elif anchor.startswith("s"):  # headings are s<N>, paragraphs p<N> (documents.split_body)
            lines.append(f"## {_md(d['text'])} {{: #{anchor} }}")
        else:
            lines.append(f"{_md(d['text'])}\n{{: #{anchor} }}" if anchor else _md(d["text"]))
    shutil.rmtree(out, ignore_errors=True)
    (out / "docs").mkdir(parents=True)
    (out / "docs" / "index.md").write_text("# bench\n", encoding="utf-8")
    for url, lines in pages.items():
        path = out / "docs" / (url.rstrip("/") + ".md")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    (out / "mkdocs.yml").write_text(MKDOCS_YML + "markdown_extensions:\n  - attr_list\n", encoding="utf-8")


def build_sites(docs: list[dict], work: Path, aliases: dict) -> Path:
    """-> site dir holding Material's pages and index, pagefind/ and ours in zsearch/."""
    stamp = work / "built.json"
    # Rebuild when the text, the aliases or our index code change (the stamp is cheap to compare).
    code = sorted((p.name, p.stat().st_mtime_ns) for p in Path(search_package.__file__).parent.rglob("*")
                  if p.suffix in (".py", ".js", ".html", ".css"))
    key = json.dumps([len(docs), sum(len(d["text"]) for d in docs), aliases, code], ensure_ascii=False)
    site = work / "site"
    if not (stamp.is_file() and stamp.read_text() == key):
        write_markdown(docs, work)
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(work / "mkdocs.yml")],
                       check=True, capture_output=True)
        # The article body only, as Material's own index has it (no navigation, header or footer).
        subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--root-selector", "article",
                        "--force-language", "zh", "--quiet"], check=True)
        build_index(article_docs(docs), site / "zsearch", aliases=aliases)
        stamp.write_text(key)
    return site


def pagefind_urls(site: Path) -> dict[str, str]:
    """Pagefind result id -> page URL, read from its fragments offline, so the
    browser need not fetch a fragment per result just to score recall."""
    out = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        raw = gzip.decompress(path.read_bytes())
        data = json.loads(raw[raw.index(b"{"):])
        out[path.stem] = data["url"].lstrip("/")
    return out


def material_worker(site: Path) -> str:
    return next((site / "assets/javascripts/workers").glob("search.*.min.js")).relative_to(site).as_posix()
