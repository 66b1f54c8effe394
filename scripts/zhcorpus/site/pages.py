"""The catalogue every generated page draws on, and the index pages.

Article pages are in ``articlepage``, speaker pages and the quotes page in
``speakerpage``/``quotepages``; ``assemble`` lists them all.

Every string that comes from the corpus or the taxonomy goes through
``markup.escape``; only the article body, already escaped by the corpus build,
is used as it is. Links are written as relative ``.md`` paths so MkDocs checks
them (a broken one fails ``mkdocs build --strict``).
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable, TypeVar

from . import markup
from .corpus import Article
from .names import Names
from .quotedata import Quote
from .settings import ARTICLES_URL, KIND_LABELS, NO_DATE, SPEAKER_KIND_LABELS, IndexKind

T = TypeVar("T")

WEEKDAYS = "一二三四五六日"


def article_path(article: Article) -> str:
    return f"{ARTICLES_URL}/{article.slug}.md"


def entry_path(kind: IndexKind, ident: str) -> str:
    return f"{kind.url}/{ident}.md"


def date_label(iso: str) -> str:
    """2025-06-17 -> 2025年6月17日（周二）; no date -> 日期不详; anything unparsable is shown as is."""
    if not iso:
        return NO_DATE
    try:
        d = _dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{d.year}年{d.month}月{d.day}日（周{WEEKDAYS[d.weekday()]}）"


@dataclass
class Catalogue:
    """The articles and quotes plus everything needed to name and group them.
    Not changed once made, so what is derived from it is derived once (``derived``)."""

    articles: list[Article]
    names: Names
    quotes: list[Quote] = field(default_factory=list)
    edition: str = "zh-Hans"  # which edition the pages are for (see edition.py)
    _derived: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def derived(self, key: str, make: Callable[[], T]) -> T:
        """``make()`` once per catalogue: lookups asked once per page, article or quote
        would otherwise rescan the corpus each time and make the build quadratic."""
        if key not in self._derived:
            self._derived[key] = make()
        return self._derived[key]

    def article(self, slug: str) -> Article | None:
        return self.derived("article by slug", lambda: {a.slug: a for a in self.articles}).get(slug)

    def quotes_by(self, speaker_id: str) -> list[Quote]:
        # Unattributed quotes (speaker_id None) can never match a person's id.
        return self._quote_index("speaker_id").get(speaker_id, []) if speaker_id is not None else []

    def quotes_in(self, slug: str) -> list[Quote]:
        """Quotes whose main report is this article."""
        return self._quote_index("slug").get(slug, [])

    def _quote_index(self, key: str) -> dict[str, list[Quote]]:
        def make() -> dict[str, list[Quote]]:
            index: dict[str, list[Quote]] = defaultdict(list)
            for quote in self.quotes:
                index[getattr(quote, key)].append(quote)
            return dict(index)
        return self.derived(f"quotes by {key}", make)

    def display(self, kind: IndexKind, ident: str) -> str:
        if kind.key == "source_id":
            printed = self.derived("outlet as printed", self._outlets_as_printed).get(ident, ident)
            return str(self.names.entry("outlets", ident).get("zh_hans") or printed)
        if kind.key == "date":
            return date_label(ident)
        return self.names.zh(kind.key, ident)

    def _outlets_as_printed(self) -> dict[str, str]:
        """Each outlet id -> the name its first article prints."""
        printed: dict[str, str] = {}
        for article in self.articles:
            printed.setdefault(article.source_id, article.source)
        return printed

    def groups(self, kind: IndexKind) -> dict[str, list[Article]]:
        """Id -> its articles, ids in order. Shared: callers read it, never change it."""
        return self.derived(f"groups of {kind.key}", lambda: self._group(kind))

    def _group(self, kind: IndexKind) -> dict[str, list[Article]]:
        grouped: dict[str, list[Article]] = defaultdict(list)
        for article in self.articles:
            for ident in article.ids(kind.key):
                grouped[ident].append(article)
        if kind.key == "speakers":
            # Someone quoted but filed under no article still gets a page.
            for quote in self.quotes:
                if quote.speaker_id:
                    grouped.setdefault(quote.speaker_id, [])
        return dict(sorted(grouped.items()))


# --- shared pieces -----------------------------------------------------------


def article_item(article: Article, prefix: str, why: list[str] | None = None) -> str:
    """One list line linking to an article, with outlet, date, kind and why."""
    bits = [article.source, article.date or NO_DATE, KIND_LABELS.get(article.kind, article.kind)]
    line = f"- {markup.link(article.title, prefix + article_path(article))}"
    line += " · " + markup.escape(" · ".join(bits))
    if not article.on_topic:
        line += " · 非峰会主题"
    if why:
        line += f" · 匹配：{markup.escape('、'.join(why))}"
    return line


# --- index pages -----------------------------------------------------------------


def _family(kind: IndexKind) -> str:
    """The taxonomy family naming this index's ids (dates have none)."""
    return "outlets" if kind.key == "source_id" else kind.key


def _parent(cat: Catalogue, kind: IndexKind, ident: str) -> str | None:
    """An event's ``parent`` in the taxonomy (only events nest)."""
    if kind.key != "events":
        return None
    parent = cat.names.entry("events", ident).get("parent")
    return str(parent) if parent and str(parent) != ident else None


def _tree(cat: Catalogue, kind: IndexKind, idents: list[str]) -> list[tuple[int, str]]:
    """(depth, id) in listing order: children under their parent.

    A child whose parent has no page stays at the top level, and a cycle in
    the taxonomy cannot hide an entry: whatever the walk misses is appended.
    """
    children: dict[str, list[str]] = defaultdict(list)
    roots = []
    for ident in idents:
        parent = _parent(cat, kind, ident)
        (children[parent] if parent in idents else roots).append(ident)
    out: list[tuple[int, str]] = []
    seen: set[str] = set()

    def walk(ident: str, depth: int) -> None:
        if ident in seen:
            return
        seen.add(ident)
        out.append((depth, ident))
        for child in children[ident]:
            walk(child, depth + 1)

    for ident in roots + idents:
        walk(ident, 0)
    return out


def _listing_extra(cat: Catalogue, kind: IndexKind, ident: str) -> str:
    extra = ""
    en = cat.names.en(_family(kind), ident)
    if en:
        extra += f" · {markup.escape(en)}"
    if kind.key == "speakers":
        label = SPEAKER_KIND_LABELS.get(str(cat.names.entry("speakers", ident).get("kind")))
        if label:
            extra += f" · {label}"
        quotes = len(cat.quotes_by(ident))
        if quotes:
            extra += f" · {quotes} 条引语"
    return extra


def index_listing(cat: Catalogue, kind: IndexKind) -> str:
    """``<kind>/index.md``: every id of one family with its article count."""
    lines = [f"# {kind.title}", "", markup.escape(kind.lead), ""]
    groups = cat.groups(kind)
    for depth, ident in _tree(cat, kind, list(groups)):
        lines.append("    " * depth + listing_item(cat, kind, ident))
    return "\n".join(lines) + "\n"


def listing_item(cat: Catalogue, kind: IndexKind, ident: str) -> str:
    """One entry of an index listing: its link, names and article count."""
    label = markup.link(cat.display(kind, ident), f"{ident}.md")
    return f"- {label}{_listing_extra(cat, kind, ident)} · {len(cat.groups(kind)[ident])} 篇"


def _relatives(cat: Catalogue, kind: IndexKind, ident: str) -> list[str]:
    """Links to an event's parent and sub-events, where they have pages."""
    groups = cat.groups(kind)
    parent = _parent(cat, kind, ident)
    subs = [c for c in groups if _parent(cat, kind, c) == ident]
    lines = []
    if parent in groups:
        lines += [f"上级事件：{markup.link(cat.display(kind, parent), f'{parent}.md')}", ""]
    if subs:
        links = "、".join(markup.link(cat.display(kind, c), f"{c}.md") for c in subs)
        lines += [f"下级事件：{links}", ""]
    return lines


# Index entries list at most this many articles per page: a page that listed a
# whole year's coverage of one event would grow with the corpus.
PER_PAGE = 100


def pager(paths: list[str], number: int, search: bool = True) -> str:
    """第 1 页 · **第 2 页** · …: links between the pages of one list, all in one
    folder; ``search=False`` keeps the line out of the search index."""
    here = paths[number - 1].rsplit("/", 1)[1]
    links = [markup.link(f"第 {n} 页", path.rsplit("/", 1)[1]) if n != number else f"**第 {n} 页**"
             for n, path in enumerate(paths, start=1)]
    exclude = "" if search else ' data-search-exclude=""'
    return " · ".join(links) + f'\n{{: .zh-pages data-page="{here}"{exclude} }}'


def page_path(kind: IndexKind, ident: str, number: int) -> str:
    return entry_path(kind, ident) if number == 1 else f"{kind.url}/{ident}-p{number}.md"


def paged_articles(cat: Catalogue, kind: IndexKind, ident: str, articles: list[Article]
                   ) -> tuple[list[str], dict[str, str]]:
    """The first page's article lines, and the further pages (path -> Markdown)."""
    chunks = [articles[i:i + PER_PAGE] for i in range(0, len(articles), PER_PAGE)] or [[]]

    def nav(number: int) -> str:
        return pager([page_path(kind, ident, n) for n in range(1, len(chunks) + 1)], number)

    def listing(number: int) -> list[str]:
        items = [article_item(a, "../", a.matched_terms(kind.key, ident)) for a in chunks[number - 1]]
        return ([nav(number), ""] if len(chunks) > 1 else []) + items

    extra = {}
    for number in range(2, len(chunks) + 1):
        title = f"{cat.display(kind, ident)}（第 {number} 页）"
        extra[page_path(kind, ident, number)] = "\n".join([f"# {markup.escape(title)}", "", *listing(number)]) + "\n"
    return listing(1), extra


def index_entry(cat: Catalogue, kind: IndexKind, ident: str, articles: list[Article]) -> dict[str, str]:
    """``<kind>/<id>.md`` (and further pages): the articles filed under one id, with why."""
    title = cat.display(kind, ident)
    lines = [f"# {markup.escape(title)}", ""]
    en = cat.names.en(_family(kind), ident)
    if en:
        lines += [markup.paragraph(en, css="zh-en"), ""]
    lines += [f"{markup.link(kind.title, 'index.md')} · 共 {len(articles)} 篇", ""]
    lines += _relatives(cat, kind, ident)
    first, extra = paged_articles(cat, kind, ident, articles)
    return {entry_path(kind, ident): "\n".join(lines + first) + "\n", **extra}
