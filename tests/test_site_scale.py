"""Pages stay small as the corpus grows: long lists are split, much-reported quotes get a page."""

import re

from dataclasses import replace

from zhcorpus.site import pages as site_pages
from zhcorpus.site.assemble import all_pages
from zhcorpus.site.corpus import load_articles
from zhcorpus.site.names import load_names
from zhcorpus.site.quotedata import load_quotes
from zhcorpus.site.quotepages import QUOTES_PER_PAGE, SOURCES_PER_PAGE, SOURCES_SHOWN, layout


def big_catalogue(root, copies: int) -> site_pages.Catalogue:
    """The real corpus, each article repeated under new slugs, each quote reported by every copy."""
    articles = load_articles(root / "corpus" / "articles")
    many = [replace(a, slug=f"{a.slug}-{n}") for n in range(copies) for a in articles]
    quotes = load_quotes(root / "corpus" / "quotes.jsonl")
    quotes = [replace(q, sources=[replace(s, slug=f"{s.slug}-{n}") for n in range(copies) for s in q.sources])
              for q in quotes]
    names = load_names(root / "seeds" / "taxonomy.yml", root / "seeds" / "speakers.yml",
                       root / "corpus" / "speakers.yml")
    return site_pages.Catalogue(many, names, quotes)


def test_no_generated_page_grows_with_the_corpus(root):
    small = all_pages(big_catalogue(root, 1), None)
    large = all_pages(big_catalogue(root, 40), None)   # 560 articles
    biggest_small = max(len(md.encode()) for md in small.values())
    biggest_large = max(len(md.encode()) for md in large.values())
    assert biggest_large < 2 * biggest_small + 30_000, (biggest_small, biggest_large)
    assert "events/summit-p2.md" in large and "events/summit-p2.md" not in small


def test_pages_of_an_index_link_to_each_other(root):
    large = all_pages(big_catalogue(root, 40), None)
    first, second = large["events/summit.md"], large["events/summit-p2.md"]
    assert "(summit-p2.md)" in first and "(summit.md)" in second
    assert first.count("](../articles/") <= site_pages.PER_PAGE + 5


def test_a_much_reported_quote_lists_a_few_reports_and_links_to_all(root):
    cat = big_catalogue(root, 10)
    pages = all_pages(cat, None)
    quote = next(q for q in cat.quotes if len(q.sources) > SOURCES_SHOWN)
    own = pages[f"quotes/{quote.id}.md"]
    assert own.count("](../articles/") == len(quote.sources)
    assert f"全部 {len(quote.sources)} 篇报道" in pages["quotes/index.md"]


def test_quotes_are_split_into_pages_that_link_to_each_other(root):
    cat = big_catalogue(root, 3)
    many = [replace(q, id=f"{q.id}{n}") for n in range(4) for q in cat.quotes]  # 4x the quotes
    cat = site_pages.Catalogue(cat.articles, cat.names, many)
    pages = all_pages(cat, None)
    quote_pages = sorted(p for p in pages if p == "quotes/index.md" or p.startswith("quotes/page-"))
    assert len(quote_pages) == -(-len(many) // QUOTES_PER_PAGE)
    entries = [re.findall(r"^### .* \{: #(q-[0-9a-z]+) \}$", pages[p], re.M) for p in quote_pages]
    assert sorted(e for found in entries for e in found) == sorted(q.id for q in many)  # each once
    assert all(len(found) <= QUOTES_PER_PAGE for found in entries)
    assert "[第 2 页](page-2.md)" in pages["quotes/index.md"] and "[第 1 页](index.md)" in pages["quotes/page-2.md"]
    plan = layout(cat)
    for quote in many:  # a quote's links elsewhere point at the page that holds it
        holder = plan.page_of[quote.id]
        assert f"{{: #{quote.id} }}" in pages[holder]


def test_a_quote_reported_everywhere_gets_pages_of_reports(root):
    cat = big_catalogue(root, 120)  # every copy reports every quote
    quote = max(cat.quotes, key=lambda q: len(q.sources))
    assert len(quote.sources) > 2 * SOURCES_PER_PAGE
    pages = all_pages(cat, None)
    own = [p for p in pages if p == f"quotes/{quote.id}.md" or p.startswith(f"quotes/{quote.id}-p")]
    assert len(own) == -(-len(quote.sources) // SOURCES_PER_PAGE)
    links = [pages[p].count("](../articles/") for p in own]
    assert sum(links) == len(quote.sources) and max(links) <= SOURCES_PER_PAGE
    assert f"[第 2 页]({quote.id}-p2.md)" in pages[f"quotes/{quote.id}.md"]


def test_a_speaker_page_shows_some_quotes_and_links_to_all(root):
    from zhcorpus.site.speakerpage import QUOTES_SHOWN

    cat = big_catalogue(root, 1)
    speaker = max({q.speaker_id for q in cat.quotes if q.speaker_id}, key=lambda s: len(cat.quotes_by(s)))
    mine = [q for q in cat.quotes if q.speaker_id == speaker]
    many = [replace(q, id=f"{q.id}{n}") for n in range(-(-(QUOTES_SHOWN + 5) // len(mine))) for q in mine]
    cat = site_pages.Catalogue(cat.articles, cat.names, many)
    page = all_pages(cat, None)[f"speakers/{speaker}.md"]
    assert page.count('class="zh-quote"') == QUOTES_SHOWN < len(many)
    assert f"[{len(many)} 条引语](../quotes/" in page.split("## 引语")[1]
