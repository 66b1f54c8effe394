"""Markdown sources of the generated pages: one per article, the index pages.

Every string that comes from the corpus or the taxonomy goes through
``markup.escape``; only the article body, already escaped by the corpus build,
is used as it is. Links are written as relative ``.md`` paths so MkDocs checks
them (a broken one fails ``mkdocs build --strict``).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import urljoin

from . import markup
from .corpus import Article
from .names import Names
from .settings import ARTICLES_URL, INDEX_KINDS, KIND_LABELS, IndexKind

WEEKDAYS = "一二三四五六日"


def article_path(article: Article) -> str:
    return f"{ARTICLES_URL}/{article.slug}.md"


def entry_path(kind: IndexKind, ident: str) -> str:
    return f"{kind.url}/{ident}.md"


def date_label(iso: str) -> str:
    """2025-06-17 -> 2025年6月17日（周二）; anything unparsable is shown as is."""
    try:
        d = _dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{d.year}年{d.month}月{d.day}日（周{WEEKDAYS[d.weekday()]}）"


@dataclass
class Catalogue:
    """The articles plus everything needed to name and group them."""

    articles: list[Article]
    names: Names

    def display(self, kind: IndexKind, ident: str) -> str:
        if kind.key == "source_id":
            printed = next((a.source for a in self.articles if a.source_id == ident), ident)
            return str(self.names.entry("outlets", ident).get("zh_hans") or printed)
        if kind.key == "date":
            return date_label(ident)
        return self.names.zh(kind.key, ident)

    def groups(self, kind: IndexKind) -> dict[str, list[Article]]:
        grouped: dict[str, list[Article]] = defaultdict(list)
        for article in self.articles:
            for ident in article.ids(kind.key):
                grouped[ident].append(article)
        return dict(sorted(grouped.items()))


# --- shared pieces -----------------------------------------------------------


def article_item(article: Article, prefix: str, why: list[str] | None = None) -> str:
    """One list line linking to an article, with outlet, date, kind and why."""
    bits = [article.source, article.date, KIND_LABELS.get(article.kind, article.kind)]
    line = f"- {markup.link(article.title, prefix + article_path(article))}"
    line += " · " + markup.escape(" · ".join(bits))
    if not article.on_topic:
        line += " · 非峰会主题"
    if why:
        line += f" · 匹配：{markup.escape('、'.join(why))}"
    return line


# --- article pages -------------------------------------------------------------


def _meta_links(cat: Catalogue, article: Article, kind: IndexKind) -> str:
    parts = []
    for ident in article.ids(kind.key):
        part = markup.link(cat.display(kind, ident), "../" + entry_path(kind, ident))
        why = article.matched_terms(kind.key, ident)
        if why:
            part += f"（匹配：{markup.escape('、'.join(why))}）"
        parts.append(part)
    return "；".join(parts) or "—"


def _meta_block(cat: Catalogue, article: Article) -> str:
    kinds = {k.key: k for k in INDEX_KINDS}
    rows = [
        ("媒体", _meta_links(cat, article, kinds["source_id"])),
        ("日期", _meta_links(cat, article, kinds["date"])),
        ("作者", markup.escape(article.byline_text or "、".join(article.byline) or "—")),
        ("电头", markup.escape(article.dateline or "—")),
        ("体裁", markup.escape(KIND_LABELS.get(article.kind, article.kind))),
    ]
    if article.kicker:
        rows.append(("栏目", markup.escape(article.kicker)))
    rows += [
        ("事件", _meta_links(cat, article, kinds["events"])),
        ("人物", _meta_links(cat, article, kinds["speakers"])),
        ("主题", _meta_links(cat, article, kinds["themes"])),
    ]
    items = "\n".join(f"- **{label}**：{value}" for label, value in rows)
    # Kept out of the search index: the body already holds these names, and
    # metadata would crowd the result snippets.
    return f'<div class="zh-meta" markdown data-search-exclude>\n\n{items}\n\n</div>'


def _original_block(original: dict) -> str:
    """The zh-Hant text as printed, paragraph by paragraph, escaped like the body."""
    out = []
    if original.get("title"):
        out.append(markup.paragraph(f"原标题：{original['title']}", css="zh-orig-title"))
    if original.get("subtitle"):
        out.append(markup.paragraph(str(original["subtitle"]), css="zh-subtitle"))
    for para in original.get("paragraphs") or []:
        anchor = str(para.get("anchor") or "")
        # s1, s2... are section headings in the body; shown bold, not as <h2>,
        # so the table of contents is not listed twice.
        css = "zh-orig-heading" if anchor.startswith("s") else None
        out.append(markup.paragraph(str(para.get("text", "")), anchor=anchor and f"orig-{anchor}", css=css))
    return "\n\n".join(out)


def _cite_block(article: Article, site_url: str | None) -> str:
    url = urljoin(site_url, f"{ARTICLES_URL}/{article.slug}/") if site_url else f"{ARTICLES_URL}/{article.slug}/"
    citation = f"{article.source}：《{article.title}》，{article.date}。{url}"
    # A fence longer than any backtick run in the text, so a title cannot end it.
    fence = "`" * max([3] + [len(run) + 1 for run in re.findall(r"`+", citation)])
    lines = [
        f"- **媒体**：{markup.escape(article.source)}",
        f"- **日期**：{markup.escape(article.date)}",
        f"- **标题**：{markup.escape(article.title)}",
        f"- **网址**：<{url}>" if site_url else f"- **网址**：{markup.escape(url)}",
        f"- **段落**：在网址后加段落号，如 `{url}#p1`；点击段末的 ¶ 可得该段链接。",
        "",
        f"{fence}text",
        citation,
        fence,
    ]
    cite = '!!! quote "引用本文"\n\n' + markup.indent("\n".join(lines))
    return f"<div class=\"zh-cite\" markdown data-search-exclude>\n\n{cite}\n\n</div>"


def article_page(cat: Catalogue, article: Article, site_url: str | None) -> str:
    parts = [f"# {markup.escape(article.title)} {{: #title }}"]
    if article.subtitle:
        parts.append(markup.paragraph(article.subtitle, css="zh-subtitle"))
    parts.append(_meta_block(cat, article))
    if not article.on_topic:
        parts.append('!!! note "说明"\n\n    本文与峰会主题无关，为保持来源完整而保留。')
    body = article.body.strip("\n")
    if article.original and article.script_original == "zh-Hant":
        parts.append('=== "简体"\n\n' + markup.indent(body))
        parts.append('=== "原文"\n\n' + markup.indent(_original_block(article.original)))
    else:
        parts.append(body)
    if article.captions:
        captions = "\n".join(f"- {markup.escape(c)}" for c in article.captions)
        parts.append(f'<div class="zh-captions" markdown>\n\n**图片说明**\n\n{captions}\n\n</div>')
    parts.append(_cite_block(article, site_url))
    return "\n\n".join(parts) + "\n"


# --- index pages -----------------------------------------------------------------


def _family(kind: IndexKind) -> str:
    """The taxonomy family naming this index's ids (dates have none)."""
    return "outlets" if kind.key == "source_id" else kind.key


def index_listing(cat: Catalogue, kind: IndexKind) -> str:
    """``<kind>/index.md``: every id of one family with its article count."""
    lines = [f"# {kind.title}", "", markup.escape(kind.lead), ""]
    groups = cat.groups(kind)
    if not groups:
        lines.append("暂无文章。")
    for ident, articles in groups.items():
        label = markup.link(cat.display(kind, ident), f"{ident}.md")
        en = cat.names.en(_family(kind), ident)
        extra = f" · {markup.escape(en)}" if en else ""
        lines.append(f"- {label}{extra} · {len(articles)} 篇")
    return "\n".join(lines) + "\n"


def index_entry(cat: Catalogue, kind: IndexKind, ident: str, articles: list[Article]) -> str:
    """``<kind>/<id>.md``: the articles filed under one id, with why."""
    title = cat.display(kind, ident)
    lines = [f"# {markup.escape(title)}", ""]
    en = cat.names.en(_family(kind), ident)
    if en:
        lines += [markup.paragraph(en, css="zh-en"), ""]
    lines += [f"{markup.link(kind.title, 'index.md')} · 共 {len(articles)} 篇", ""]
    for article in articles:
        lines.append(article_item(article, "../", article.matched_terms(kind.key, ident)))
    return "\n".join(lines) + "\n"


def all_pages(cat: Catalogue, site_url: str | None) -> dict[str, str]:
    """src_uri -> Markdown for every generated page."""
    pages = {article_path(a): article_page(cat, a, site_url) for a in cat.articles}
    for kind in INDEX_KINDS:
        pages[f"{kind.url}/index.md"] = index_listing(cat, kind)
        for ident, articles in cat.groups(kind).items():
            pages[entry_path(kind, ident)] = index_entry(cat, kind, ident, articles)
    return pages
