"""Read ``corpus/articles/<slug>.md`` (YAML front-matter + Markdown body).

The format is defined in the README (front-matter schema); this module only parses it
and never rewrites the body, which the corpus build has already escaped.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from zhcorpus.files import KeptMemo
from zhcorpus.reading.readers import load_yaml

from .settings import NO_OUTLET

_OPENING = re.compile(r"---[ \t]*\r?\n")
_CLOSING = re.compile(r"---[ \t]*(?:\r?\n|\Z)")
_SLUG = re.compile(r"^[a-z0-9-]+$")
_ANCHOR = re.compile(r"^[ps][0-9]+$")  # what the corpus writer numbers paragraphs and headings
MEMOS_KEPT = 16  # one per corpus folder (tests build many): the newest are kept


class CorpusError(ValueError):
    """An article file that does not follow the corpus format (README)."""


@dataclass
class Article:
    slug: str
    title: str
    source: str
    source_id: str
    date: str
    body: str
    subtitle: str | None = None
    dateline: str | None = None
    byline: list[str] = field(default_factory=list)
    byline_text: str | None = None
    kind: str = "report"
    script_original: str = "zh-Hans"
    on_topic: bool = True
    events: list[str] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    matched: dict = field(default_factory=dict)
    kicker: str | None = None
    captions: list[str] = field(default_factory=list)
    pull_quotes: list[str] = field(default_factory=list)
    continued_from: str | None = None
    truncated_in_print: list[str] = field(default_factory=list)  # anchors of paragraphs the paper cut
    paragraphs: int = 0
    original: dict | None = None

    def ids(self, key: str) -> list[str]:
        """The index ids this article belongs to for one index family: none for an
        outlet or date the build could not tell ("")."""
        value = getattr(self, key)
        return [str(v) for v in value] if isinstance(value, list) else [str(value)] if value else []

    def matched_terms(self, key: str, ident: str) -> list[str]:
        """Why the article is filed under ``key``/``ident`` (the ``matched`` field)."""
        terms = (self.matched or {}).get(key, {}) or {}
        return [str(t) for t in terms.get(ident, []) or []]


def _str_or_none(value) -> str | None:
    return None if value is None else str(value)


def split_front_matter(text: str) -> tuple[str, str] | None:
    """``---`` line, YAML, ``---`` line, body -> (YAML, body); None without front-matter.

    The YAML, one line at least (it may be empty), ends before the first line that
    is ``---`` (blanks may follow the dashes; lines may end in CRLF). Found with str.find: a regex with a lazy group
    for the YAML tried every character of it, a tenth of a second in each
    edition's build at 5,000 articles."""
    opening = _OPENING.match(text)
    if opening is None:
        return None
    start = opening.end()
    at = text.find("\n---", start)
    while at != -1:
        closing = _CLOSING.match(text, at + 1)
        if closing is not None:
            end = at - 1 if at > start and text[at - 1] == "\r" else at
            return text[start:end], text[closing.end():]
        at = text.find("\n---", at + 1)
    return None


def parse_article(path: Path, known: KeptMemo | None = None) -> Article:
    """``known``: front-matter already read, by digest of its text (see load_articles)."""
    parts = split_front_matter(path.read_text(encoding="utf-8"))
    if parts is None:
        raise CorpusError(f"{path}: no YAML front-matter")
    front, body = parts
    digest = hashlib.sha1(front.encode("utf-8")).hexdigest()
    meta = known.get(digest) if known is not None else None
    if meta is None:
        meta = _fields(path, load_yaml(front) or {})
        _check_ids(path, meta)  # a memo keeps checked front-matter only
        if known is not None:
            known[digest] = meta
    return Article(body=body, **meta)


def _check_ids(path: Path, meta: dict) -> None:
    # Slugs and ids become URLs; the format promises ASCII, so hold it to that.
    outlet = [meta["source_id"]] if meta["source_id"] else []  # "": no outlet was identified
    for ident in [meta["slug"], *outlet, *meta["events"], *meta["speakers"], *meta["themes"]]:
        if not _SLUG.match(ident.replace("_", "-")):
            raise CorpusError(f"{path}: id {ident!r} is not ASCII [a-z0-9-_]")
    # The printed paragraphs' anchors go into attribute lists ({: #orig-p3 }), where
    # anything else could add an attribute.
    original = meta["original"] if isinstance(meta["original"], dict) else {}
    for para in original.get("paragraphs") or []:
        anchor = str(para.get("anchor") or "") if isinstance(para, dict) else repr(para)
        if anchor and not _ANCHOR.match(anchor):
            raise CorpusError(f"{path}: original paragraph anchor {anchor!r} is not p<N> or s<N>")


def _fields(path: Path, meta: dict) -> dict:
    """Front-matter -> Article fields: plain str, list, dict, int and bool."""
    try:
        return dict(
            slug=str(meta["slug"]),
            title=str(meta["title"]),
            # No outlet (null): shown as not identified, filed under none (Article.ids).
            source=NO_OUTLET if meta["source"] is None else str(meta["source"]),
            source_id="" if meta["source_id"] is None else str(meta["source_id"]),
            # YAML reads an unquoted 2025-06-17 as a date object; an undated article's is null.
            date="" if meta["date"] is None else str(meta["date"]),
            subtitle=_str_or_none(meta.get("subtitle")),
            dateline=_str_or_none(meta.get("dateline")),
            byline=[str(b) for b in meta.get("byline") or []],
            byline_text=_str_or_none(meta.get("byline_text")),
            kind=str(meta.get("kind") or "report"),
            script_original=str(meta.get("script_original") or "zh-Hans"),
            on_topic=bool(meta.get("on_topic", True)),
            events=[str(x) for x in meta.get("events") or []],
            speakers=[str(x) for x in meta.get("speakers") or []],
            themes=[str(x) for x in meta.get("themes") or []],
            matched=meta.get("matched") or {},
            kicker=_str_or_none(meta.get("kicker")),
            captions=[str(c) for c in meta.get("captions") or []],
            pull_quotes=[str(q) for q in meta.get("pull_quotes") or []],
            continued_from=_str_or_none(meta.get("continued_from")),
            truncated_in_print=[str(a) for a in meta.get("truncated_in_print") or []],
            paragraphs=int(meta.get("paragraphs") or 0),
            original=meta.get("original"),
        )
    except KeyError as exc:
        raise CorpusError(f"{path}: missing front-matter field {exc}") from None


def load_articles(articles_dir: Path, cache_dir: Path | None = None) -> list[Article]:
    """All articles in date order, then by slug (a stable page order).

    Reading 5,000 front-matters with YAML takes seconds, and every build of
    each edition reads them all. With ``cache_dir``, what was read is kept
    there by digest of the front-matter text, so a build reads with YAML only
    the articles that changed (an unreadable cache is read anew, never an error).
    """
    if not articles_dir.is_dir():
        return []
    memo = None
    if cache_dir is not None:
        memo = KeptMemo(_memo_file(cache_dir, articles_dir), newest=("front-matter-*.kept", MEMOS_KEPT))
    articles = [parse_article(p, memo) for p in sorted(articles_dir.glob("*.md"))]
    if memo is not None:
        memo.save()
    articles.sort(key=lambda a: a.slug)
    articles.sort(key=lambda a: a.date)
    return articles


def _memo_file(cache_dir: Path, articles_dir: Path) -> Path:
    # What reads front-matter: this module, readers.load_yaml and PyYAML.
    import yaml

    from zhcorpus.reading import readers

    code = hashlib.sha1(Path(__file__).read_bytes() + Path(readers.__file__).read_bytes()
                        + yaml.__version__.encode()).hexdigest()[:8]
    where = hashlib.sha1(str(articles_dir.resolve()).encode()).hexdigest()[:12]
    return Path(cache_dir) / f"front-matter-{where}-{code}.kept"
