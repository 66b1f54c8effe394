"""``articles/<slug>.md``: one article, its metadata, its quotes and a citation.

Every string from the front-matter goes through ``markup.escape``; only the
body, already escaped by the corpus build, is used as it is. The citation box
is raw HTML (Markdown leaves it alone): there ``html.escape`` does that work.
"""

from __future__ import annotations

import html
import json
import re

from . import citations, edition, markup
from .corpus import Article
from .pages import Catalogue, entry_path
from .quotepages import QUOTES_PATH, quote_href, speaker_label
from .settings import ARTICLES_URL, INDEX_KINDS, KIND_LABELS, NO_DATE, IndexKind

QUOTE_EXCERPT = 24  # characters of a quote shown in the article's quote list
# After a paragraph the paper itself cut (front-matter ``truncated_in_print``),
# e.g. before "scan the QR code for the full text": said where the text stops,
# so a reader does not take the missing rest for our omission. Written in
# Simplified; the Traditional edition converts it like the rest of the page.
CUT_NOTE = "（原文此处截断）报纸刊印时此段即未完，并非本站删节。"
_BODY_ANCHOR = re.compile(r"^\{: #(p[0-9]+) \}$", re.M)  # the corpus writer's paragraph anchors


def _meta_links(cat: Catalogue, article: Article, kind: IndexKind) -> str:
    parts = []
    for ident in article.ids(kind.key):
        part = markup.link(cat.display(kind, ident), "../" + entry_path(kind, ident))
        # English beside the Chinese name: readers who know Tokayev, not 托卡耶夫.
        en = cat.names.en(kind.key, ident) if kind.key in ("events", "speakers", "themes") else None
        if en:
            part += f' <span class="zh-en-inline" lang="en">{markup.escape(en)}</span>'
        why = article.matched_terms(kind.key, ident)
        if why:
            part += f"（匹配：{markup.escape('、'.join(why))}）"
        parts.append(part)
    return "；".join(parts) or "—"


def _meta_block(cat: Catalogue, article: Article) -> str:
    kinds = {k.key: k for k in INDEX_KINDS}
    rows = [
        ("媒体", _meta_links(cat, article, kinds["source_id"]) if article.source_id else markup.escape(article.source)),
        ("日期", _meta_links(cat, article, kinds["date"]) if article.date else NO_DATE),
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
    quotes = len(cat.quotes_in(article.slug))
    if quotes:
        rows.append(("引语", f"[{quotes} 条](#quotes)"))
    items = "\n".join(f"- **{label}**：{value}" for label, value in rows)
    # Kept out of the search index: the body already holds these names, and
    # metadata would crowd the result snippets.
    return f'<div class="zh-meta" markdown data-search-exclude>\n\n{items}\n\n</div>'


def _pull_quotes_block(article: Article) -> str:
    """Lines the paper set large beside the text; they repeat the body, so
    they stay out of search."""
    items = "\n".join(f"- {markup.escape(q)}" for q in article.pull_quotes)
    return f'<div class="zh-pullquotes" markdown data-search-exclude>\n\n**版面摘句**\n\n{items}\n\n</div>'


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_EXCERPT else text[:QUOTE_EXCERPT] + "…"


def _quotes_block(cat: Catalogue, article: Article) -> str:
    """本文引语: each quote whose main report is this article, linking to its
    entry on the quotes page and to the paragraph here."""
    quotes = sorted(cat.quotes_in(article.slug), key=lambda q: (int(q.anchor[1:]), q.id))
    lines = []
    for quote in quotes:
        who = markup.escape(speaker_label(cat, quote))
        entry = markup.link(f"“{_excerpt(quote.text)}”", quote_href(cat, quote, "../"))
        lines.append(f"- {who}：{entry} · [第 {quote.anchor[1:]} 段](#{quote.anchor})")
    items = "\n".join(lines)
    # A bold label, not a heading: a heading would add an empty search entry
    # "本文引语" to every article.
    return (
        f'<div class="zh-article-quotes" id="quotes" markdown data-search-exclude>\n\n'
        f"**本文引语**（{len(quotes)} 条，{markup.link('全部引语', f'../{QUOTES_PATH}')}）\n\n{items}\n\n</div>"
    )


def _cut_note() -> str:
    return markup.paragraph(CUT_NOTE, css="zh-cut")


def _with_cut_notes(body: str, cut: list[str]) -> str:
    """The body with the cut note after each paragraph the paper cut."""
    if not cut:
        return body
    return _BODY_ANCHOR.sub(lambda m: m.group(0) + ("\n\n" + _cut_note() if m.group(1) in cut else ""), body)


def _original_block(original: dict, cut: list[str]) -> str:
    """The zh-Hant text as printed, paragraph by paragraph, escaped like the body.
    Kept whole (see _body): it is only shown in the Simplified edition."""
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
        if anchor in cut:
            out.append(_cut_note())
    return "\n\n".join(out)


def _printed_body(original: dict, cut: list[str]) -> str:
    """The Traditional edition's body of a Hong Kong article: the text as
    printed, with the body's anchors (#pN, #sN) so every link still lands.
    Only the printed text is kept; the cut note is ours, converted with the page."""
    out = []
    for para in original.get("paragraphs") or []:
        anchor, text = str(para.get("anchor") or ""), str(para.get("text", ""))
        if anchor.startswith("s"):
            out.append(edition.keep(f"## {markup.escape(text)} {{: #{anchor} }}"))
        else:
            out.append(edition.keep(markup.paragraph(text, anchor=anchor or None)))
        if anchor in cut:
            out.append(_cut_note())
    return "\n\n".join(out)


def _body(cat: Catalogue, article: Article) -> list[str]:
    cut = article.truncated_in_print
    body = _with_cut_notes(article.body.strip("\n"), cut)
    if not edition.printed_in_traditional(article):
        return [body]
    if cat.edition == edition.HANT:
        note = markup.paragraph("本文为香港文汇报原文，照原刊繁体文字排印。", css="zh-printed-note")
        return [note, _printed_body(article.original, cut)]
    # Kept: the printed text must never be converted (see edition.py).
    return ['=== "简体"\n\n' + markup.indent(body),
            '=== "原文"\n\n' + markup.indent(edition.keep(_original_block(article.original, cut)))]


def citation_work(cat: Catalogue, article: Article, site_url: str | None) -> citations.Work:
    """What the article's citations say: the author (speaker, byline or outlet), in the
    edition's script, at the edition's address (none when the build has no real one)."""
    outlet = article.source if article.source_id else None
    people, corporate = citations.authors_of(article.kind, article.byline, outlet)
    return citations.Work(
        title=article.title, authors=people, corporate=corporate, outlet=outlet, date=article.date or None,
        path=f"{ARTICLES_URL}/{article.slug}/", site_url=citations.site_address(site_url), key=article.slug,
        language=cat.edition, kind=article.kind)


def _plain(text: str, ed: str) -> str:
    """Front-matter text in the edition's script: the hook converts the page after
    MkDocs has read its front-matter, so the meta tags are converted here."""
    return edition.finish_markdown(text, ed)


def citation_meta(cat: Catalogue, work: citations.Work) -> str:
    """Front-matter ``zh_citation``, read by overrides/partials/citation-meta.html into
    ``citation_*`` meta tags (Zotero, Google Scholar). JSON is YAML: every value is
    a quoted string, so no title can change the front-matter's structure."""
    ed = cat.edition
    meta = {
        "title": _plain(work.title, ed),
        "authors": [_plain(name, ed) for name in (work.authors or ((work.corporate,) if work.corporate else ()))],
        "date": work.date.replace("-", "/") if work.date else None,
        "outlet": _plain(work.outlet, ed) if work.outlet else None,
        "url": (work.site_url + work.path) if work.site_url else None,
        "language": work.language,
    }
    return "---\nzh_citation: " + json.dumps(meta, ensure_ascii=False) + "\n---\n\n"


def _scope_options(cat: Catalogue, article: Article) -> str:
    """全文, the article's quotes (by paragraph), then every paragraph."""
    quotes = sorted(cat.quotes_in(article.slug), key=lambda q: (int(q.anchor[1:]), q.id))
    out = ['<option value="">全文</option>']
    if quotes:
        out.append('<optgroup label="本文引语">')
        for quote in quotes:
            label = f"{speaker_label(cat, quote)}：“{_excerpt(quote.text)}”（第 {quote.anchor[1:]} 段）"
            out.append(f'<option value="{quote.anchor}">{html.escape(label)}</option>')
        out.append("</optgroup>")
    anchors = _BODY_ANCHOR.findall(article.body)
    if anchors:
        out.append('<optgroup label="段落">')
        out += [f'<option value="{a}">第 {a[1:]} 段</option>' for a in anchors]
        out.append("</optgroup>")
    return "".join(out)


def _cite_block(cat: Catalogue, article: Article, work: citations.Work) -> str:
    """Five formats, each with a copy button; the scope picks the whole article, a
    quote's paragraph or any paragraph (assets/zhcorpus-cite.js fills the anchor
    and the access date). Raw HTML with no blank line: Markdown leaves it as it is."""
    lines = [
        '<div class="zh-cite" id="cite" data-search-exclude>',
        '<p class="zh-cite-title"><strong>引用本文</strong></p>',
        f'<p class="zh-cite-scope"><label for="zh-cite-scope">引用范围</label> '
        f'<select id="zh-cite-scope" data-cite-scope>{_scope_options(cat, article)}</select></p>',
    ]
    if not work.site_url:
        lines.append('<p class="zh-cite-warning">本站未设置网址：构建时未设 ZHCORPUS_SITE_URL，'
                     "引用中只写站内路径，请换成本站的实际网址。</p>")
    for fmt in citations.FORMATS:
        label = citations.FORMAT_LABELS[fmt]
        lines += [
            f'<div class="zh-cite-format" data-cite-format="{fmt}">',
            f'<p class="zh-cite-label"><span id="zh-cite-{fmt}">{label}</span> '
            f'<button type="button" class="md-button zh-cite-copy" data-cite-copy="{fmt}" '
            f'aria-describedby="zh-cite-{fmt}">复制</button></p>',
            f'<pre class="zh-cite-text" tabindex="0" aria-labelledby="zh-cite-{fmt}">'
            f"{citations.as_html(citations.RENDER[fmt](work))}</pre>",
            "</div>",
        ]
    lines += [
        '<p class="zh-cite-note">访问日期为复制当天，由浏览器填入；段落和引语的网址带段落号（如 #p3），'
        "段号在语料重新生成时保持不变。</p>",
        '<p class="zh-cite-status" role="status" aria-live="polite"></p>',
        "</div>",
    ]
    return "\n".join(lines)


def article_page(cat: Catalogue, article: Article, site_url: str | None) -> str:
    work = citation_work(cat, article, site_url)
    parts = [f"# {markup.escape(article.title)} {{: #title }}"]
    if article.continued_from:
        # As printed (（上接第1版）): this text continues a jump from another page.
        parts.append(markup.paragraph(article.continued_from, css="zh-continued"))
    if article.subtitle:
        parts.append(markup.paragraph(article.subtitle, css="zh-subtitle"))
    parts.append(_meta_block(cat, article))
    if article.pull_quotes:
        parts.append(_pull_quotes_block(article))
    if not article.on_topic:
        parts.append('!!! note "说明"\n\n    本文与峰会主题无关，为保持来源完整而保留。')
    parts += _body(cat, article)
    if article.captions:
        captions = "\n".join(f"- {markup.escape(c)}" for c in article.captions)
        parts.append(f'<div class="zh-captions" markdown>\n\n**图片说明**\n\n{captions}\n\n</div>')
    if cat.quotes_in(article.slug):
        parts.append(_quotes_block(cat, article))
    parts.append(_cite_block(cat, article, work))
    return citation_meta(cat, work) + "\n\n".join(parts) + "\n"


