"""What a page tells the web about itself: description, dates, type, alternates.

Feed readers, link previews and search engines read a page's head, not its text.
Each page gets its own description (an article: its lead; an index: its own
sentence), the date of what it lists (sitemap ``lastmod``: the article's date,
never the build's), and its address in the other edition (``hreflang``). All of
it comes from the catalogue, so the same corpus gives the same head bytes.
Pure functions: the hook hands :func:`page_facts` to the templates
(``overrides/partials/social-meta.html``, ``overrides/sitemap.xml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import edition
from .corpus import Article
from .pages import Catalogue
from .settings import ARTICLES_URL, INDEX_KINDS, QUOTES_URL

DESCRIPTION_MAX = 120  # characters: what link previews show before cutting themselves
# A sentence ends at one of these, and a closing quote or bracket may follow it.
_SENTENCE_END = re.compile(r"[。！？!?；…]+[”’」』）)]*")
_ANCHOR_LINE = re.compile(r"^\{:[^}]*\}\s*$")
_ATTR_TAIL = re.compile(r"\s*\{:[^}]*\}\s*$")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&#124;": "|", "&#126;": "~",
             "&#94;": "^", "&#61;": "=", "&#58;": ":", "&quot;": '"'}
_ENTITY = re.compile("|".join(map(re.escape, _ENTITIES)))
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_STRONG = re.compile(r"\*\*|__")
FEEDS_DIR = "feeds"
_PAGED = re.compile(r"^(?P<stem>.+?)-p(?P<n>[0-9]+)$")


@dataclass(frozen=True)
class PageFacts:
    """What one page's head and the sitemap say about it."""

    description: str
    lastmod: str | None = None  # ISO date: the article's, or the newest one an index lists
    published: str | None = None  # article pages only
    og_type: str = "website"
    feed: str | None = None  # site-relative path of the page's own Atom feed
    # What a further page of the listing says (x-p2.md): its name without counts or
    # newest titles, which the further page does not show. A head must depend only on
    # its page's Markdown, or `mkdocs build --dirty` leaves it stale.
    name: str | None = None


def plain_text(markdown: str) -> str:
    """One paragraph of our Markdown -> the text a reader sees (escapes undone,
    links reduced to their labels, the attr_list anchor dropped)."""
    text = _ATTR_TAIL.sub("", markdown)
    text = _MD_LINK.sub(r"\1", text)
    text = _STRONG.sub("", text)
    text = _MD_ESCAPE.sub(r"\1", text)
    text = _ENTITY.sub(lambda m: _ENTITIES[m.group(0)], text)
    return " ".join(text.split())


def first_paragraph(markdown: str) -> str:
    """The first body paragraph of a page: not a heading, anchor line, list or HTML."""
    for block in re.split(r"\n\s*\n", markdown):
        lines = [ln for ln in block.strip().splitlines() if not _ANCHOR_LINE.match(ln.strip())]
        text = "\n".join(lines).strip()
        if text and not text.startswith(("#", "<", "!!!", "===", "- ", "* ", "|", "```", "---")):
            return plain_text(text)
    return ""


def trim(text: str, limit: int = DESCRIPTION_MAX) -> str:
    """``text`` whole if it fits; else up to its last sentence end within ``limit``;
    a first sentence longer than that is cut and ends in …."""
    if len(text) <= limit:
        return text
    ends = [m.end() for m in _SENTENCE_END.finditer(text) if m.end() <= limit]
    return text[:ends[-1]] if ends else text[:limit - 1] + "…"


def lead(article: Article, ed: str) -> str:
    """An article's first paragraph, trimmed; in Traditional as the paper printed
    it when it did (Hong Kong pages), never round-tripped through Simplified."""
    if ed == edition.HANT and edition.printed_in_traditional(article):
        for para in article.original.get("paragraphs") or []:
            if isinstance(para, dict) and str(para.get("anchor", "")).startswith("p") and para.get("text"):
                return trim(" ".join(str(para["text"]).split()))
    text = first_paragraph(article.body)
    return trim(edition.text(text, ed)) if text else ""


def _newest(articles) -> str | None:
    dates = [a.date for a in articles if a.date]
    return max(dates) if dates else None


def _shown(text: str, ed: str) -> str:
    """A catalogue string in the edition's script (titles may be kept as printed)."""
    return edition.finish_markdown(text, ed)


def article_facts(cat: Catalogue, article: Article) -> PageFacts:
    title = _shown(article.title, cat.edition)
    text = lead(article, cat.edition) or title
    return PageFacts(text, article.date or None, article.date or None, "article")


def page_facts(cat: Catalogue, site_description: str) -> dict[str, PageFacts]:
    """src_uri -> facts for every generated page and the home page. Hand-written
    pages other than home are not here: they get :func:`hand_written_facts`."""
    ed = cat.edition
    newest = _newest(cat.articles)
    facts = {f"{ARTICLES_URL}/{a.slug}.md": article_facts(cat, a) for a in cat.articles}
    facts["index.md"] = PageFacts(site_description, newest)
    quote_dates = _newest_quote_dates(cat)
    for kind in INDEX_KINDS:
        groups = cat.groups(kind)
        if not groups:
            continue
        facts[f"{kind.url}/index.md"] = PageFacts(
            edition.text(f"{kind.title}：{kind.lead}共 {len(groups)} 项。", ed), _newest(a for g in groups.values() for a in g))
        for ident, articles in groups.items():
            name = _shown(cat.display(kind, ident), ed)
            said = len(cat.quotes_by(ident)) if kind.key == "speakers" else 0
            what = f"共 {len(articles)} 篇报道" + (f"、{said} 条引语" if said else "")
            sentence = edition.text(f"{kind.title}·{name}：{what}。", ed)
            if articles:  # a speaker quoted only in quotes.jsonl has a page and no article
                newest_article = max(articles, key=lambda a: (a.date, a.slug))
                sentence = sentence[:-1] + edition.text("，最新一篇：", ed) + _shown(newest_article.title, ed) + "。"
            day = _newest(articles) or max((quote_dates[q.id] for q in cat.quotes_by(ident) if q.id in quote_dates),
                                           default=None)
            feed = f"{FEEDS_DIR}/{kind.url}/{ident}.xml" if has_feed(kind.key, articles) else None
            facts[f"{kind.url}/{ident}.md"] = PageFacts(trim(sentence), day, feed=feed,
                                                        name=edition.text(f"{kind.title}·", ed) + name)
    facts[f"{QUOTES_URL}/index.md"] = PageFacts(
        edition.text(f"语料中的 {len(cat.quotes)} 条直接引语，按人物排列，每条链接到报道它的段落。", ed),
        max(quote_dates.values(), default=None), name=edition.text("语料中的直接引语", ed))
    for quote in cat.quotes:
        speaker = _shown(quote.speaker or "", ed)
        said = trim(edition.text(f"{speaker}：“{quote.text}”", ed))
        facts[f"{QUOTES_URL}/{quote.id}.md"] = PageFacts(
            edition.text(f"{len(quote.sources)} 篇报道引用", ed) + f"：{said}", quote_dates.get(quote.id))
    return facts


def _newest_quote_dates(cat: Catalogue) -> dict[str, str]:
    out = {}
    for quote in cat.quotes:
        dates = [s.date for s in quote.sources if s.date]
        if dates:
            out[quote.id] = max(dates)
    return out


def has_feed(key: str, articles) -> bool:
    """Events and speakers with a dated article have a feed (an undated one is in none)."""
    return key in ("events", "speakers") and any(a.date for a in articles)


def facts_for(facts: dict[str, PageFacts], src_uri: str) -> PageFacts | None:
    """A page's facts; a further page of a listing (``x-p2.md``, ``quotes/page-2.md``)
    shares its first page's dates and says which page it is."""
    if src_uri in facts:
        return facts[src_uri]
    stem = src_uri.removesuffix(".md")
    paged = _PAGED.match(stem)
    first, number = (paged.group("stem") + ".md", paged.group("n")) if paged else (None, None)
    if first is None and stem.startswith(f"{QUOTES_URL}/page-"):
        first, number = f"{QUOTES_URL}/index.md", stem.rsplit("-", 1)[1]
    base = facts.get(first) if first else None
    if base is None:
        return None
    return PageFacts(f"{base.name or base.description}（第 {number} 页）", base.lastmod, base.published, base.og_type,
                     base.feed)


def hand_written_facts(markdown: str, site_description: str) -> PageFacts:
    """A hand-written page: its own first paragraph, else the site's description."""
    return PageFacts(trim(first_paragraph(markdown)) or site_description)


def alternates(site_url: str, ed: str, page_url: str) -> list[tuple[str, str]]:
    """``hreflang`` -> absolute URL of the same page in each edition (both editions
    have every page at the same path); x-default is the Simplified one."""
    root = root_url(site_url, ed)
    hans = root + page_url
    hant = root + f"{edition.HANT_DIR}/" + page_url
    return [("zh-Hans", hans), ("zh-Hant", hant), ("x-default", hans)]


def root_url(site_url: str, ed: str) -> str:
    """The Simplified edition's address (the Traditional one's site_url ends in zh-Hant/)."""
    url = site_url.rstrip("/") + "/"
    if ed == edition.HANT and url.endswith(f"/{edition.HANT_DIR}/"):
        url = url[: -len(edition.HANT_DIR) - 1]
    return url


def og_locale(ed: str) -> str:
    return "zh_HK" if ed == edition.HANT else "zh_CN"


def head(facts: PageFacts | None, site_url: str, ed: str, page_url: str) -> dict:
    """Everything overrides/partials/social-meta.html writes, as plain strings."""
    root = root_url(site_url, ed)
    edition_root = site_url.rstrip("/") + "/"
    return {
        "og_type": facts.og_type if facts else "website",
        "published": facts.published if facts else None,
        "locale": og_locale(ed),
        "alternate_locale": og_locale(edition.HANS if ed == edition.HANT else edition.HANT),
        "alternates": alternates(root, edition.HANS, page_url or ""),
        "feeds": [edition_root + f"{FEEDS_DIR}/all.xml"] + ([edition_root + facts.feed] if facts and facts.feed else []),
    }


def meta_for(facts: dict[str, PageFacts], src_uri: str, markdown: str, meta: dict, site_url: str,
             ed: str, page_url: str, site_description: str) -> dict:
    """The front-matter keys the hook adds to one page: ``description`` (a hand-written
    one is kept) and ``zh_web`` (what social-meta.html writes)."""
    own = facts_for(facts, src_uri) or hand_written_facts(edition.text(markdown, ed), site_description)
    return {"description": meta.get("description") or own.description,
            "zh_web": head(own, site_url, ed, page_url)}


def lastmod(facts: dict[str, PageFacts], src_uri: str) -> str | None:
    """The sitemap's date of a page: its article's, or the newest its listing holds;
    None (no <lastmod>) for a hand-written page, whose date nothing in the corpus tells."""
    own = facts_for(facts, src_uri)
    return own.lastmod if own else None
