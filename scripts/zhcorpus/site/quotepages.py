"""The quotes page (``quotes/``) and the quote blocks other pages reuse.

Material's search cuts a page into one entry per heading, so every quote gets
its own short heading whose anchor is the quote id: a search for words of a
quote then lands on ``quotes/#q-…``, not on a long page. Elsewhere (speaker
and article pages) quotes are shown with ``data-search-exclude`` so the same
words do not compete with that entry in the results.

Quote text, speaker names and titles are source text: all of it goes through
``markup.escape``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from . import markup
from .pages import Catalogue, article_path, date_label, pager
from .quotedata import Quote, Source
from .settings import QUOTES_TITLE, QUOTES_URL, UNATTRIBUTED

QUOTES_PATH = f"{QUOTES_URL}/index.md"
HEADING_CHARS = 12  # how much of a quote its heading shows
UNATTRIBUTED_ANCHOR = "unattributed"
SEARCH_BOOST = 2
# Entries per quotes page. An entry (heading, text, up to SOURCES_SHOWN reports)
# is 2-3 KB of HTML, so a page stays near 100 KB however many quotes there are.
QUOTES_PER_PAGE = 40


def speaker_label(cat: Catalogue, quote: Quote) -> str:
    return cat.names.zh("speakers", quote.speaker_id) if quote.speaker_id else UNATTRIBUTED


def heading_text(cat: Catalogue, quote: Quote) -> str:
    """speaker：the first words…: short, so the result list stays readable."""
    text = " ".join(quote.text.split())
    excerpt = text if len(text) <= HEADING_CHARS else text[:HEADING_CHARS] + "…"
    return f"{speaker_label(cat, quote)}：{excerpt}"


def sort_key(cat: Catalogue, quote: Quote) -> tuple:
    """Reading order: by date of the main report, then article, then paragraph."""
    article = cat.article(quote.slug)
    return (article.date if article else "", quote.slug, int(quote.anchor[1:]), quote.id)


def _differs(quote: Quote, source: Source) -> bool:
    return quote.wording_differs and " ".join(source.text.split()) != " ".join(quote.text.split())


def source_line(cat: Catalogue, quote: Quote, source: Source, prefix: str) -> str:
    """One list line: verb · a link to the exact paragraph with outlet and date.

    ``prefix`` leads from the page's own folder to the docs root ("../" from
    quotes/index.md and speakers/<id>.md).
    """
    number = source.anchor[1:]
    where = f"{source.outlet} · {date_label(source.date)} · 《{source.title}》第 {number} 段"
    target = cat.article(source.slug)
    label = markup.link(where, f"{prefix}{article_path(target)}#{source.anchor}") if target else markup.escape(where)
    line = f"- {markup.escape(source.verb)} · {label}" if source.verb else f"- {label}"
    if source.speaker and source.speaker != quote.speaker:
        line += f" · 说话人作：{markup.escape(source.speaker)}"
    if _differs(quote, source):
        line += f" · **措辞不同**：“{markup.escape(source.text)}”"
    return line


# A quote reported by many articles lists the first few reports and links to a
# page of its own with all of them, so no page grows with the number of reports.
SOURCES_SHOWN = 5


def quote_sources_path(quote: Quote) -> str:
    return f"{QUOTES_URL}/{quote.id}.md"


def sources_list(cat: Catalogue, quote: Quote, prefix: str, limit: int | None = SOURCES_SHOWN) -> str:
    shown = quote.sources if limit is None else quote.sources[:limit]
    lines = [source_line(cat, quote, s, prefix) for s in shown]
    if len(shown) < len(quote.sources):
        more = markup.link(f"全部 {len(quote.sources)} 篇报道", f"{prefix}{quote_sources_path(quote)}")
        lines.append(f"- 另有 {len(quote.sources) - len(shown)} 篇报道转述：{more}")
    return "\n".join(lines)


# Reports per page of a much-reported quote's own page: a quote every article
# repeats would otherwise make one page that grows with the corpus.
SOURCES_PER_PAGE = 100


def _sources_page_path(quote: Quote, number: int) -> str:
    return quote_sources_path(quote) if number == 1 else f"{QUOTES_URL}/{quote.id}-p{number}.md"


def quote_sources_pages(cat: Catalogue, quote: Quote) -> dict[str, str]:
    """``quotes/<id>.md`` (and ``<id>-pN.md``): every report of one much-reported quote."""
    runs = [quote.sources[i:i + SOURCES_PER_PAGE] for i in range(0, len(quote.sources), SOURCES_PER_PAGE)]
    pages = {}
    for number, run in enumerate(runs, start=1):
        lines = [f"# {markup.escape(heading_text(cat, quote))}", "",
                 markup.paragraph(f"“{quote.text}”", css="zh-quote-text"), "",
                 f"{len(quote.sources)} 篇报道转述了这句话（按日期）：", ""]
        if len(runs) > 1:
            lines += [pager([_sources_page_path(quote, n) for n in range(1, len(runs) + 1)], number), ""]
        part = replace(quote, sources=run)  # this page's share of the reports
        lines += [sources_list(cat, part, "../", limit=None), "",
                  f"- {markup.link('返回引语页', quote_href(cat, quote, '../'))}"]
        pages[_sources_page_path(quote, number)] = "\n".join(lines) + "\n"
    return pages


def much_reported(cat: Catalogue) -> list[Quote]:
    return [q for q in cat.quotes if len(q.sources) > SOURCES_SHOWN]


def quote_href(cat: Catalogue, quote: Quote, prefix: str) -> str:
    """The quote's entry on the quotes pages, from a page ``prefix`` below the docs root."""
    return f"{prefix}{layout(cat).page_of[quote.id]}#{quote.id}"


def speaker_quotes_href(cat: Catalogue, ident: str | None, prefix: str) -> str:
    """Where a speaker's quotes start on the quotes pages."""
    return f"{prefix}{layout(cat).group_page[ident]}#{_group_anchor(ident)}"


def quote_block(cat: Catalogue, quote: Quote, prefix: str) -> str:
    """A quote with its sources, kept out of search (see the module docstring)."""
    text = markup.paragraph(f"“{quote.text}”", anchor=quote.id, css="zh-quote-text")
    link = markup.link("在引语页查看", quote_href(cat, quote, prefix))
    return (
        f'<div class="zh-quote" markdown data-search-exclude>\n\n{text}\n\n'
        f"{sources_list(cat, quote, prefix)}\n- {link}\n\n</div>"
    )


# --- the quotes pages -----------------------------------------------------------


def quotes_page_path(number: int) -> str:
    return QUOTES_PATH if number == 1 else f"{QUOTES_URL}/page-{number}.md"


def directory_url(path: str) -> str:
    """quotes/index.md -> quotes/, quotes/page-2.md -> quotes/page-2/ (use_directory_urls)."""
    return path.removesuffix("index.md") if path.endswith("/index.md") else path.removesuffix(".md") + "/"


@dataclass
class QuoteLayout:
    """Which quotes go on which quotes page: speakers in registry order, a
    speaker's quotes in reading order, QUOTES_PER_PAGE to a page."""

    pages: list[list[tuple[str | None, list[Quote]]]]   # per page: (speaker id, quotes) runs
    totals: dict[str | None, int]                                     # speaker id -> quotes, in order
    page_of: dict[str, str] = field(default_factory=dict)             # quote id -> page path
    group_page: dict[str | None, str] = field(default_factory=dict)   # speaker id -> first page


def layout(cat: Catalogue) -> QuoteLayout:
    return cat.derived("quote layout", lambda: _layout(cat))  # every quote link asks


def _layout(cat: Catalogue) -> QuoteLayout:
    pages: list[list[tuple[str | None, list[Quote]]]] = [[]]
    count = 0
    groups = _groups(cat)
    for ident, quotes in groups:
        for quote in quotes:
            if count == QUOTES_PER_PAGE:
                pages.append([])
                count = 0
            page = pages[-1]
            if not page or page[-1][0] != ident:
                page.append((ident, []))
            page[-1][1].append(quote)
            count += 1
    result = QuoteLayout(pages, {ident: len(quotes) for ident, quotes in groups})
    for number, page in enumerate(pages, start=1):
        for ident, quotes in page:
            result.group_page.setdefault(ident, quotes_page_path(number))
            result.page_of.update((q.id, quotes_page_path(number)) for q in quotes)
    return result


def _groups(cat: Catalogue) -> list[tuple[str | None, list[Quote]]]:
    """(speaker id, quotes) in registry order; unattributed quotes last."""
    order = {ident: n for n, ident in enumerate(cat.names.entries.get("speakers", {}))}
    by_speaker: dict[str | None, list[Quote]] = {}
    for quote in sorted(cat.quotes, key=lambda q: sort_key(cat, q)):
        by_speaker.setdefault(quote.speaker_id, []).append(quote)
    named = sorted((i for i in by_speaker if i), key=lambda i: (order.get(i, len(order)), i))
    return [(i, by_speaker[i]) for i in named] + ([(None, by_speaker[None])] if None in by_speaker else [])


def _group_anchor(ident: str | None) -> str:
    return f"speaker-{ident}" if ident else UNATTRIBUTED_ANCHOR


def _group_head(cat: Catalogue, ident: str | None, quotes: list[Quote], total: int, continued: bool) -> list[str]:
    name = cat.names.zh("speakers", ident) if ident else UNATTRIBUTED
    if continued:  # the run started on the page before; the anchor stays there
        return [f"## {markup.escape(name)}（续）", ""]
    lines = [f"## {markup.escape(name)} {{: #{_group_anchor(ident)} }}", ""]
    if ident:
        bits = [markup.link("人物页", f"../speakers/{ident}.md")]
        en = cat.names.en("speakers", ident)
        if en:
            bits.append(markup.escape(en))
        bits.append(f"{total} 条")
    else:
        bits = [f"{total} 条，报道未写明说话人或无法确定是谁，不归入任何人物"]
    lines += [" · ".join(bits) + '\n{: .zh-quote-group data-search-exclude="" }', ""]
    return lines


def _entry(cat: Catalogue, quote: Quote) -> list[str]:
    lines = [f"### {markup.escape(heading_text(cat, quote))} {{: #{quote.id} }}", ""]
    # The full text is the searchable body of this section.
    lines += [markup.paragraph(f"“{quote.text}”", css="zh-quote-text"), ""]
    if quote.speaker_id is None and quote.speaker:
        lines += [markup.paragraph(f"报道中的说话人：{quote.speaker}", css="zh-quote-printed"), ""]
    if quote.speech_basis:
        # Reports printed no speaker; the words are a speech's in this corpus: say so, with the paragraph.
        slug, anchor = quote.speech_basis
        speech = cat.article(slug)
        label = markup.link("据讲话全文", f"../{article_path(speech)}#{anchor}") if speech else "据讲话全文"
        lines += [f'{label}（第 {anchor[1:]} 段）：报道未写明说话人，原话见本站所收讲话\n'
                  '{: .zh-quote-basis data-search-exclude="" }', ""]
    lines += [
        '<div class="zh-quote-sources" markdown data-search-exclude>',
        "",
        sources_list(cat, quote, "../"),
        "",
        "</div>",
        "",
    ]
    return lines


def quotes_pages(cat: Catalogue) -> dict[str, str]:
    """``quotes/index.md`` and, past QUOTES_PER_PAGE quotes, ``quotes/page-N.md``.

    The table of contents is hidden: with one heading per quote it would
    repeat the whole page in its own sidebar. The search boost makes a phrase
    typed from a quote land on that quote's short entry before the long
    articles that merely share its words.
    """
    front = ["---", "hide:", "  - toc", "search:", f"  boost: {SEARCH_BOOST}", "---", ""]
    if not cat.quotes:
        return {QUOTES_PATH: "\n".join(front + [f"# {QUOTES_TITLE}", "", "暂无引语。"]) + "\n"}
    plan = layout(cat)
    totals = plan.totals
    slugs = {s.slug for q in cat.quotes for s in q.sources}
    intro = [
        f"共 {len(cat.quotes)} 条引语，出自 {len(slugs)} 篇文章，按说话人排列。每条的标题是说话人和引语开头，"
        "下面是全文和报道它的每篇文章（链接到原段落）；同一句话被不同报道转述时合为一条，措辞不同处注明。",
        "",
    ]

    def speaker_link(ident: str | None, number: int) -> str:
        name = cat.names.zh("speakers", ident) if ident else UNATTRIBUTED
        page = plan.group_page[ident]
        target = "" if page == quotes_page_path(number) else page.rsplit("/", 1)[1]
        return f"{markup.link(name, f'{target}#{_group_anchor(ident)}')}（{totals[ident]}）"

    pages = {}
    for number, runs in enumerate(plan.pages, start=1):
        title = QUOTES_TITLE if number == 1 else f"{QUOTES_TITLE}（第 {number} 页）"
        lines = front + [f"# {title}", ""]
        if number == 1:
            lines += intro
        index = "、".join(speaker_link(ident, number) for ident in totals)
        lines += [f"说话人：{index}" + '\n{: .zh-quote-index data-search-exclude="" }', ""]
        if len(plan.pages) > 1:
            lines += [pager([quotes_page_path(n) for n in range(1, len(plan.pages) + 1)], number, search=False), ""]
        for ident, quotes in runs:
            continued = plan.group_page[ident] != quotes_page_path(number)
            lines += _group_head(cat, ident, quotes, totals[ident], continued)
            for quote in quotes:
                lines += _entry(cat, quote)
        pages[quotes_page_path(number)] = "\n".join(lines).rstrip("\n") + "\n"
    return pages
