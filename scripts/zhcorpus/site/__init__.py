"""The MkDocs side of zhcorpus: pages generated from ``corpus/`` at build time.

Modules, in the order a build uses them:

    settings   where things are (read from ``extra.zhcorpus`` in mkdocs.yml)
    corpus     ``corpus/articles/*.md`` -> Article objects
    names      display names for event/theme/speaker ids (taxonomy files,
               corpus/speakers.yml over seeds/speakers.yml)
    quotedata  ``corpus/quotes.jsonl`` -> Quote objects
    markup     escaping plain text so it never becomes Markdown/HTML
    pages      the Catalogue (articles, names, quotes) and the index pages
    articlepage, speakerpage, quotepages   the article, speaker and quotes pages
    assemble   every generated page, for the hook
    home       the generated parts of the home page
    edition    the Simplified and Traditional editions: script conversion
    searchindex  our search engine's index for an edition (zhcorpus.search)
    hantbuild  the Traditional edition's build, run by the main build
    themetext  text handed to Material's templates, marked as HTML once
    hooks      the MkDocs event handlers wiring it all together
    buildrun   run ``mkdocs build`` (used by tests and scripts/bench_site.py)
"""
