"""Atom feeds read back by a feed parser: entries, dates, links, both editions,
under a sub-path with the site_url ZHCORPUS_SITE_URL sets; same corpus, same bytes."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest

from zhcorpus.site import edition, feeds
from zhcorpus.site.buildrun import build_site, inputs_for_tests
from zhcorpus.site.corpus import load_articles

SITE_URL = "https://pages.example.test/zhcorpus/"
HANT = "zh-Hant"


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """The site built twice from the same corpus (determinism), with a real-looking site_url."""
    out = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ZHCORPUS_SITE_URL", SITE_URL)
        for name in ("one", "two"):
            result = build_site(tmp_path_factory.mktemp(name) / "site", **inputs_for_tests())
            assert result.returncode == 0, result.log
            out.append(result)
    return out


@pytest.fixture(scope="module")
def site(sites):
    return sites[0]


@pytest.fixture(scope="module")
def articles():
    return load_articles(inputs_for_tests()["corpus"] / "articles")


def _parse(path: Path):
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, (path, parsed.get("bozo_exception"))
    assert parsed.version == "atom10"
    return parsed


def _page(site, url: str) -> Path:
    assert url.startswith(SITE_URL), url
    return site.site_dir / urlsplit(url).path.removeprefix(urlsplit(SITE_URL).path) / "index.html"


def _day(struct) -> str:
    return "%04d-%02d-%02d" % struct[:3]


@pytest.mark.parametrize("edition_dir", ["", HANT])
def test_the_corpus_feed_holds_every_dated_article_newest_first(site, articles, edition_dir):
    base = SITE_URL + (f"{edition_dir}/" if edition_dir else "")
    parsed = _parse(site.site_dir / edition_dir / "feeds" / "all.xml")
    dated = feeds.newest_first(articles)
    assert [e.link for e in parsed.entries] == [f"{base}articles/{a.slug}/" for a in dated]
    assert len(dated) == sum(1 for a in articles if a.date)  # undated articles are in no feed
    for entry, article in zip(parsed.entries, dated):
        assert _day(entry.updated_parsed) == _day(entry.published_parsed) == article.date
        assert _page(site, entry.link).is_file()
        assert entry.id == entry.link
        assert entry.summary  # the lead
    assert _day(parsed.feed.updated_parsed) == max(a.date for a in articles if a.date)
    assert parsed.feed.language == (edition_dir or "zh-Hans")
    links = {link.rel: link.href for link in parsed.feed.links}
    assert links == {"self": f"{base}feeds/all.xml", "alternate": base}


def test_the_traditional_feed_is_in_traditional(site, articles):
    hans = _parse(site.site_dir / "feeds" / "all.xml")
    hant = _parse(site.site_dir / HANT / "feeds" / "all.xml")
    by_slug = {a.slug: a for a in articles}
    for s_entry, t_entry in zip(hans.entries, hant.entries):
        article = by_slug[s_entry.link.rstrip("/").rsplit("/", 1)[1]]
        assert s_entry.title == article.title
        if not edition.printed_in_traditional(article):
            assert t_entry.title == edition.text(article.title, edition.HANT)


@pytest.mark.parametrize("kind", ["events", "speakers"])
def test_each_event_and_speaker_has_a_feed_of_its_articles(site, articles, kind):
    folder = site.site_dir / "feeds" / kind
    ids = {i for a in articles if a.date for i in getattr(a, kind)}  # the undated are in no feed
    assert {p.stem for p in folder.glob("*.xml")} == ids and ids
    for ident in sorted(ids):
        parsed = _parse(folder / f"{ident}.xml")
        mine = feeds.newest_first([a for a in articles if ident in getattr(a, kind)])
        assert [e.link for e in parsed.entries] == [f"{SITE_URL}articles/{a.slug}/" for a in mine]
        alternate = next(link.href for link in parsed.feed.links if link.rel == "alternate")
        assert alternate == f"{SITE_URL}{kind}/{ident}/" and _page(site, alternate).is_file()
        # The page advertises its own feed.
        assert 'type="application/atom+xml" title=' in _page(site, alternate).read_text(encoding="utf-8")
        assert f"{SITE_URL}feeds/{kind}/{ident}.xml" in _page(site, alternate).read_text(encoding="utf-8")


def test_same_corpus_same_feed_and_download_bytes(sites):
    one, two = (sorted([*s.site_dir.rglob("feeds/**/*.xml"), *s.site_dir.glob("data/*.*")]) for s in sites)
    assert len(one) > 4
    assert [p.relative_to(sites[0].site_dir) for p in one] == [p.relative_to(sites[1].site_dir) for p in two]
    for a, b in zip(one, two):
        assert a.read_bytes() == b.read_bytes(), a


def test_feeds_name_no_other_host(site):
    for path in site.site_dir.rglob("feeds/**/*.xml"):
        text = path.read_text(encoding="utf-8")
        hosts = {urlsplit(u).hostname for u in re.findall(r"https?://[^\"<\s]+", text)}
        assert hosts <= {"pages.example.test", "www.w3.org"}, (path, hosts)


UNDATED_OR_HOSTILE = [
    # (title, date) -> in the feed?
    ("<script>alert(1)</script> & \x01控制符", "2025-06-17"),
    ("无日期", ""),
]


def test_render_escapes_text_and_leaves_out_undated_articles(articles):
    from dataclasses import replace

    from zhcorpus.site.names import Names
    from zhcorpus.site.pages import Catalogue

    sample = [replace(articles[0], slug=f"a{i}", title=t, date=d, events=[], speakers=[], themes=[])
              for i, (t, d) in enumerate(UNDATED_OR_HOSTILE)]
    cat = Catalogue(sample, Names())
    data = feeds.feed_files(cat, SITE_URL, "站 <名>")["feeds/all.xml"]
    parsed = feedparser.parse(data)
    assert not parsed.bozo
    assert [e.title for e in parsed.entries] == ["<script>alert(1)</script> & 控制符"]
    assert parsed.feed.title == "站 <名>"
    assert b"<script>" not in data
