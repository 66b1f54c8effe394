"""Pages stay small as the corpus grows: long lists are split, much-reported quotes get a page."""

from dataclasses import replace

from zhcorpus.site import pages as site_pages
from zhcorpus.site.assemble import all_pages
from zhcorpus.site.corpus import load_articles
from zhcorpus.site.names import load_names
from zhcorpus.site.quotedata import load_quotes
from zhcorpus.site.quotepages import SOURCES_SHOWN


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
