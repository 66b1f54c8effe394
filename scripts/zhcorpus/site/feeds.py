"""Atom feeds (RFC 4287): the whole corpus, each event, each speaker.

Pure: catalogue in, bytes out. Every date is an article's date (an entry's
``updated`` and ``published``; a feed's ``updated`` is its newest entry's), never
the clock, so the same corpus gives the same bytes. An undated article
(``date: null``) is in no feed: Atom requires a date and we never invent one.

Links are absolute, made from ``site_url``: feed readers fetch a feed apart from
the site and many do not resolve relative links. An entry's ``id`` is its page's
address in the Simplified edition's terms (``tag``-free, the URL itself, RFC 4287
§4.2.6 allows any IRI); with the placeholder site_url of mkdocs.yml the feeds
still build, pointing at that placeholder, as MkDocs' own canonical links and
sitemap do: the Pages workflow sets ZHCORPUS_SITE_URL (README, "The site").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from . import edition
from .corpus import Article
from .pages import Catalogue
from .settings import INDEX_KINDS, KIND_LABELS
from .webmeta import FEEDS_DIR, has_feed, lead

FEED_ENTRIES = 100  # newest entries per feed: a feed says what is new, the site holds the rest
ATOM_NS = "http://www.w3.org/2005/Atom"
# Characters XML 1.0 cannot carry at all (C0 controls but tab and newlines).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class Entry:
    url: str
    title: str
    date: str  # ISO date
    summary: str
    authors: tuple[str, ...]
    categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class Feed:
    path: str  # site-relative, e.g. feeds/events/summit.xml
    title: str
    page_url: str  # the HTML page the feed follows
    entries: tuple[Entry, ...]


def atom_time(iso_date: str) -> str:
    """A corpus date (a calendar day, no time printed) as an Atom date-time: that
    day at 00:00 UTC, the same for every reader."""
    return f"{iso_date}T00:00:00Z"


def _text(value: str) -> str:
    return escape(_NOT_XML.sub("", str(value)))  # str(): a Markup would escape twice


def render(feed: Feed, site_url: str, lang: str, generator: str) -> bytes:
    """One feed as UTF-8 Atom bytes."""
    base = site_url.rstrip("/") + "/"
    updated = max((e.date for e in feed.entries), default=None)
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             f'<feed xmlns="{ATOM_NS}" xml:lang={quoteattr(lang)}>',
             f"  <id>{_text(base + feed.path)}</id>",
             f"  <title>{_text(feed.title)}</title>",
             f"  <link rel=\"self\" type=\"application/atom+xml\" href={quoteattr(base + feed.path)}/>",
             f"  <link rel=\"alternate\" type=\"text/html\" href={quoteattr(base + feed.page_url)}/>",
             # Atom requires <updated>; a feed of only undated articles is empty, dated by nothing.
             f"  <updated>{atom_time(updated) if updated else '1970-01-01T00:00:00Z'}</updated>",
             f"  <author><name>{_text(generator)}</name></author>",
             f"  <generator>{_text('zhcorpus')}</generator>"]
    for entry in feed.entries:
        lines += ["  <entry>",
                  f"    <id>{_text(base + entry.url)}</id>",
                  f"    <title>{_text(entry.title)}</title>",
                  f"    <link rel=\"alternate\" type=\"text/html\" href={quoteattr(base + entry.url)}/>",
                  f"    <published>{atom_time(entry.date)}</published>",
                  f"    <updated>{atom_time(entry.date)}</updated>"]
        lines += [f"    <author><name>{_text(name)}</name></author>" for name in entry.authors]
        lines += [f"    <category term={quoteattr(_NOT_XML.sub('', term))}/>" for term in entry.categories]
        lines += [f"    <summary>{_text(entry.summary)}</summary>", "  </entry>"]
    lines.append("</feed>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _entry(cat: Catalogue, article: Article) -> Entry:
    ed = cat.edition
    title = edition.finish_markdown(article.title, ed)
    authors = tuple(article.byline) or (edition.text(article.source, ed),)
    kinds = {k.key: k for k in INDEX_KINDS}
    terms = [edition.finish_markdown(cat.display(kinds[key], ident), ed)
             for key in ("events", "themes") for ident in article.ids(key)]
    terms.append(edition.text(KIND_LABELS.get(article.kind, article.kind), ed))
    return Entry(f"articles/{article.slug}/", title, article.date, lead(article, ed) or title,
                 tuple(edition.text(a, ed) for a in authors), tuple(terms))


def newest_first(articles) -> list[Article]:
    """Dated articles, newest first, then by slug (a stable order)."""
    dated = sorted((a for a in articles if a.date), key=lambda a: a.slug)
    return sorted(dated, key=lambda a: a.date, reverse=True)[:FEED_ENTRIES]


def feeds(cat: Catalogue, site_name: str) -> list[Feed]:
    """The whole corpus, then each event and each speaker with a page."""
    ed = cat.edition
    made: dict[str, Entry] = {}  # an article is in many feeds: its entry is made once

    def entries(articles) -> tuple[Entry, ...]:
        return tuple(made.get(a.slug) or made.setdefault(a.slug, _entry(cat, a)) for a in newest_first(articles))

    out = [Feed(f"{FEEDS_DIR}/all.xml", site_name, "", entries(cat.articles))]
    for kind in INDEX_KINDS:
        if kind.key not in ("events", "speakers"):
            continue
        for ident, articles in sorted(cat.groups(kind).items()):
            if not has_feed(kind.key, articles):
                continue
            name = edition.finish_markdown(cat.display(kind, ident), ed)
            out.append(Feed(f"{FEEDS_DIR}/{kind.url}/{ident}.xml", f"{name} - {site_name}",
                            f"{kind.url}/{ident}/", entries(articles)))
    return out


def feed_files(cat: Catalogue, site_url: str, site_name: str) -> dict[str, bytes]:
    """Site-relative path -> Atom bytes, for every feed of one edition."""
    return {feed.path: render(feed, site_url, cat.edition, site_name) for feed in feeds(cat, site_name)}
