"""The site's search index: our engine (``zhcorpus.search``) over this edition.

Documents are made from the catalogue the pages were made from (not from
``corpus/articles.jsonl``), so search and pages always agree, fixtures
included. Each edition gets its own index in ``<edition>/search/``: results
link relative to the index, so the Traditional index links into the
Traditional edition, and its snippets are in Traditional: converted with the
same ``s2hk`` as the pages, except the Hong Kong articles, which show the
text as printed, like their pages. The engine folds scripts, so a query in
either script finds both.
"""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

from zhcorpus.search import build_index, corpus_documents, name_aliases, state, update_index
from zhcorpus.language.convert import opencc_version
from zhcorpus.files import KeptMemo
from zhcorpus.search.update import Declined

from . import edition
from .pages import Catalogue
from .quotepages import directory_url, layout as quote_layout

log = logging.getLogger("mkdocs.plugins.zhcorpus")
# Files the engine writes that are not for the site (a stand-alone test page).
NOT_PUBLISHED = ("demo.html",)
FACET_FAMILIES = {"speaker": "speakers", "said": "speakers", "event": "events", "theme": "themes",
                  "outlet": "outlets"}


def _record(item) -> dict:
    """An Article or Quote as the articles.jsonl or quotes.jsonl record corpus_documents()
    reads (which only reads it: no deep copy, which took two seconds at 5,000 articles)."""
    return {f.name: getattr(item, f.name) for f in dataclasses.fields(item)}


def _printed(doc: dict, article) -> dict:
    """A Hong Kong article's document with its text as printed."""
    original = article.original
    title = str(original.get("title") or doc["title"])
    if doc["kind"] == "page":
        text = " ".join(str(t) for t in (original.get("title"), original.get("subtitle")) if t) or doc["text"]
        return doc | {"title": title, "text": text}
    anchor = doc["url"].partition("#")[2]
    printed = {str(p.get("anchor")): str(p.get("text", "")) for p in original.get("paragraphs") or []}
    if anchor in printed:
        return doc | {"title": title, "text": printed[anchor]}
    return doc | {"title": title, "text": edition.text(doc["text"], edition.HANT)}


def _quote_url(cat: Catalogue, quote_id: str) -> str:
    """A quote's entry on the quotes page that holds it (quotes/page-N/#q-…)."""
    return f"{directory_url(quote_layout(cat).page_of[quote_id])}#{quote_id}"


class _Converted(KeptMemo):
    """``s2hk`` of the Traditional index's texts, kept between builds by source text:
    converting 35,000 documents took a second of every dirty build at 5,000 articles.
    The file is named by the OpenCC version and keeps only what this build used."""

    def __init__(self, cache_dir: Path | None):
        super().__init__(Path(cache_dir) / f"s2hk-search-{opencc_version()}.kept" if cache_dir else None)

    def __call__(self, text: str) -> str:
        out = self.get(text)
        if out is None:
            out = self[text] = edition.text(text, edition.HANT)
        return out


def _converted_meta(meta: dict, convert) -> dict:
    """A quote result's names and titles in the edition's script (links and dates as they are)."""
    return {"speaker": convert(meta["speaker"]) if meta["speaker"] else "", "said": meta["said"],
            "role": convert(meta["role"]) if meta["role"] else "",
            "outlet": convert(meta["outlet"]) if meta["outlet"] else "", "date": meta["date"],
            "others": [[convert(o) if o else "", d, convert(t) if t else "", u] for o, d, t, u in meta["others"]]} \
        | {k: meta[k] for k in ("more", "entry") if k in meta}


def documents(cat: Catalogue, articles: list, ed: str, cache_dir: Path | None = None) -> list[dict]:
    """``articles``: as read from the corpus (the catalogue's may carry markers)."""
    quotes = [_record(q) for q in cat.quotes]
    docs = corpus_documents([_record(a) for a in articles], quotes, lambda quote_id: _quote_url(cat, quote_id))
    if ed != edition.HANT:
        return docs
    by_page = {f"articles/{a.slug}/": a for a in articles if edition.printed_in_traditional(a)}
    convert, out = _Converted(cache_dir), []
    for doc in docs:
        # A quote is its own words, not the paragraph that prints them.
        article = by_page.get(doc["url"].partition("#")[0]) if doc["kind"] != "quote" else None
        if article is not None:
            out.append(_printed(doc, article))
        else:
            out.append(doc | {"title": convert(doc["title"]), "text": convert(doc["text"])}
                       | ({"meta": _converted_meta(doc["meta"], convert)} if doc.get("meta") else {}))
    convert.save()
    return out


def labels(cat: Catalogue, ed: str) -> dict[str, dict[str, str]]:
    """Filter labels: the Chinese name in the edition's script, then the English."""
    out: dict[str, dict[str, str]] = {}
    for facet, family in FACET_FAMILIES.items():
        out[facet] = {}
        for ident in cat.names.entries.get(family, {}):
            zh = edition.text(str(cat.names.entry(family, ident).get("zh_hans") or ident), ed)
            en = cat.names.en(family, ident)
            out[facet][ident] = f"{zh} {en}" if en and family != "outlets" else zh
    out["kind"] = {"quote": edition.text("引语", ed)}
    return out


def build(cat: Catalogue, articles: list, ed: str, out_dir: Path, cache_dir: Path | None,
          in_place: bool = False) -> dict:
    """The edition's index. With a ``cache_dir`` it keeps what a later update needs there,
    and ``in_place`` (a dirty build) first tries such an update, which rewrites only what
    changed (search/update.py); otherwise, or when the update declines, a full build."""
    docs, aliases, names = documents(cat, articles, ed, cache_dir), name_aliases(cat.names.entries), labels(cat, ed)
    state_file = state.file_for(cache_dir, out_dir) if cache_dir is not None else None
    if in_place and state_file is not None:
        try:
            return _published(update_index(docs, out_dir, state_file, aliases=aliases, labels=names), out_dir)
        except Declined as why:
            log.info(f"zhcorpus: search index rebuilt in full: {why}")
    return _published(build_index(docs, out_dir, aliases=aliases, labels=names, state_file=state_file), out_dir)


def _published(manifest: dict, out_dir: Path) -> dict:
    for name in NOT_PUBLISHED:
        (out_dir / name).unlink(missing_ok=True)
    return manifest
