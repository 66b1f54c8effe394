"""The two editions of the site: Simplified (the source) and Traditional (繁體).

The Traditional edition is the same build run again with ``mkdocs-hant.yml``
(``extra.zhcorpus.edition: zh-Hant``): every page's Markdown goes through
OpenCC ``s2hk`` in the hook. s2hk only changes Han characters, so Markdown,
attribute lists, anchors and URLs pass through untouched, and both editions
have the same ASCII paths: the switcher just swaps the edition prefix.

Text that is already as printed in Traditional (the Hong Kong articles'
``original``) must not be converted again: a round trip through Simplified is
lossy. Page generators wrap such text in :func:`keep`; :func:`finish_markdown`
converts everything outside the kept spans and removes the markers.
"""

from __future__ import annotations

import re
from dataclasses import replace

from zhcorpus.language.convert import to_hong_kong

HANS = "zh-Hans"
HANT = "zh-Hant"
HANT_DIR = "zh-Hant"  # the Traditional edition lives at <site>/zh-Hant/, same paths below it

# Private-use code points: never in corpus text, untouched by OpenCC and by
# Markdown escaping, and gone before Markdown is parsed.
_KEEP_OPEN, _KEEP_CLOSE = "\ue000", "\ue001"
_KEPT = re.compile(f"({_KEEP_OPEN}.*?{_KEEP_CLOSE})", re.S)


def of(config) -> str:
    """The edition a MkDocs config builds (``extra.zhcorpus.edition``)."""
    raw = ((config.extra or {}).get("zhcorpus") or {}).get("edition") or HANS
    if raw not in (HANS, HANT):
        raise ValueError(f"zhcorpus: extra.zhcorpus.edition must be {HANS} or {HANT}, not {raw!r}")
    return raw


def keep(text: str) -> str:
    """Mark text that is already in its final script (never converted)."""
    return f"{_KEEP_OPEN}{text}{_KEEP_CLOSE}"


def finish_markdown(markdown: str, edition: str) -> str:
    """Convert a page to the edition's script outside kept spans; drop the markers."""
    parts = _KEPT.split(markdown)
    out = []
    for part in parts:
        if part.startswith(_KEEP_OPEN) and part.endswith(_KEEP_CLOSE):
            out.append(part[1:-1])
        else:
            out.append(to_hong_kong(part) if edition == HANT else part)
    return "".join(out)


def text(value: str, edition: str) -> str:
    """Plain text (titles, labels) in the edition's script."""
    return to_hong_kong(value) if edition == HANT else value


def printed_in_traditional(article) -> bool:
    """A Hong Kong article whose front-matter keeps the text as printed."""
    return article.script_original == HANT and bool(article.original)


def as_printed(articles: list, edition: str) -> list:
    """In the Traditional edition, HK articles carry their printed title and
    subtitle, so every listing shows them as printed, not round-tripped."""
    if edition != HANT:
        return articles
    out = []
    for article in articles:
        if printed_in_traditional(article) and article.original.get("title"):
            subtitle = article.original.get("subtitle")
            article = replace(article, title=keep(str(article.original["title"])),
                              subtitle=keep(str(subtitle)) if subtitle else article.subtitle)
        out.append(article)
    return out


def convert_nav(items, edition: str) -> None:
    """Nav titles come from mkdocs.yml, not from Markdown: convert them too."""
    if edition != HANT:
        return
    for item in items:
        if getattr(item, "title", None):
            item.title = to_hong_kong(item.title)
        convert_nav(getattr(item, "children", None) or [], edition)
