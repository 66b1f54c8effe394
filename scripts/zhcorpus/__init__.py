"""zhcorpus: faithful, searchable static sites from Chinese newspaper text.

The modules read in the order the data flows:

    readers   seed bytes -> text (encodings, BOMs, bad input)
    repairs   small str -> str fixes for what extraction broke (ftfy style)
    layout    lines -> classified blocks (headlines, bylines, datelines, paragraphs)
    segment   blocks -> articles (columns put back in order, headlines attached)
    convert   Traditional -> Simplified (OpenCC hk2s and a few tested rules)
    enrich    events, speakers and themes from the taxonomy
    ledger    every Han character accounted for
    writers   articles -> Markdown with YAML front-matter, JSONL
    build     the pipeline, reading and checking everything before writing anything
"""

__version__ = "0.1.0"
