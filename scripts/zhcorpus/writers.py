"""Articles -> files: Markdown with YAML front-matter, JSONL, the ledger.

Source text is data. It is escaped so that it can never become Markdown,
HTML or front-matter structure: ``yaml.safe_dump`` quotes what YAML would
misread, and the body escapes every ASCII character Markdown or its
extensions give meaning to. Chinese punctuation needs no escaping and is
never touched. Output is deterministic: same corpus, same bytes.
"""

from __future__ import annotations

import json
import re
from functools import partial
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import yaml


@dataclass(frozen=True)
class Paragraph:
    role: str      # "p", "h" (section heading) or "item" (roundup item with an outlet lead)
    anchor: str    # p1.. for paragraphs and items, s1.. for headings
    text: str
    lead: str = ""


@dataclass(frozen=True)
class Article:
    front: dict
    body: tuple[Paragraph, ...]

    @property
    def slug(self) -> str:
        return self.front["slug"]


_BACKSLASH = re.compile(r"([\\`*_{}\[\]()#+\-.!])")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;", "~": "&#126;",
             "^": "&#94;", "=": "&#61;", ":": "&#58;", '"': "&quot;"}
_ENTITY_CHARS = re.compile("[" + re.escape("".join(_ENTITIES)) + "]")


def escape_markdown(text: str) -> str:
    """Make source text inert in Python-Markdown with Material's extensions."""
    # Backslashes first: the entities written next contain '#', which must stay unescaped.
    text = _BACKSLASH.sub(r"\\\1", text)
    return _ENTITY_CHARS.sub(lambda m: _ENTITIES[m.group(0)], text)


def render_body(body: tuple[Paragraph, ...]) -> str:
    chunks = []
    for para in body:
        if para.role == "h":
            chunks.append(f"## {escape_markdown(para.text)} {{: #{para.anchor} }}")
        elif para.role == "item":
            chunks.append(f"**{escape_markdown(para.lead)}**：{escape_markdown(para.text)}\n{{: #{para.anchor} }}")
        else:
            chunks.append(f"{escape_markdown(para.text)}\n{{: #{para.anchor} }}")
    return "\n\n".join(chunks) + "\n"


# libyaml's dumper writes the same bytes (tests/test_writers.py holds it to that)
# four to five times faster; the pure-Python one is the fallback.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_YAML_OPTIONS = dict(allow_unicode=True, sort_keys=False, width=10**9, default_flow_style=False)


def dump_front_matter(front: dict, dumper: type = _DUMPER) -> str:
    return yaml.dump(front, Dumper=dumper, **_YAML_OPTIONS)


def render_article(article: Article, body: str | None = None) -> str:
    body = render_body(article.body) if body is None else body
    return f"---\n{dump_front_matter(article.front)}---\n\n{body}"


def write_article(folder: Path, article: Article) -> tuple[bool, str]:
    """Write ``<slug>.md`` if it changed; return whether it did and the rendered
    body (articles.jsonl repeats it), so the body is rendered once."""
    body = render_body(article.body)
    return write_if_changed(folder / f"{article.slug}.md", render_article(article, body)), body


def write_if_changed(path: Path, content: str) -> bool:
    """Unchanged files keep their mtime, so MkDocs' dirty reload and rsync stay quiet."""
    data = content.encode("utf-8")
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def write_corpus(corpus: Path, articles: list[Article], ledgers: list[dict], quotes: list[dict] = (),
                 registry=None, mapper: Callable = map) -> dict[str, int]:
    """``mapper`` runs ``write_article`` over the articles: ``map``, or a pool's."""
    articles_dir = corpus / "articles"
    articles_dir.mkdir(parents=True, exist_ok=True)
    wanted = {f"{a.slug}.md" for a in articles}
    removed = 0
    for stale in sorted(articles_dir.glob("*.md")):
        if stale.name not in wanted:
            stale.unlink()
            removed += 1
    results = dict(zip((a.slug for a in articles), mapper(partial(write_article, articles_dir), articles)))
    written = sum(changed for changed, _ in results.values())
    lines = [json.dumps({**a.front, "body": results[a.slug][1]}, ensure_ascii=False, sort_keys=True)
             for a in sorted(articles, key=lambda a: a.slug)]
    write_if_changed(corpus / "articles.jsonl", "\n".join(lines) + "\n")
    write_if_changed(corpus / "ledger.json", json.dumps(ledgers, ensure_ascii=False, indent=2) + "\n")
    quote_lines = [json.dumps(q, ensure_ascii=False, sort_keys=True) for q in sorted(quotes, key=lambda q: q["id"])]
    write_if_changed(corpus / "quotes.jsonl", "".join(line + "\n" for line in quote_lines))
    if registry is not None:
        from .speakers import registry_to_data

        write_if_changed(corpus / "speakers.yml", "# The speaker registry of seeds/speakers.yml, extended with the "
                         "speakers this build found.\n# Generated: correct names in seeds/speakers.yml.\n"
                         + dump_front_matter(registry_to_data(registry)))
    return {"articles": len(articles), "written": written, "removed": removed}
