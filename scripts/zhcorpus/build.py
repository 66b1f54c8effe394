"""The corpus pipeline: seeds -> read -> repair -> segment -> convert -> enrich -> write.

Like Pelican, everything is read and checked before anything is written: a
bad seed is reported in one line and left out, the others still build, and
the ledger must balance for every seed that is written.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from contextlib import contextmanager
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .columns import Reference, link_continuations, reading_chains
from .convert import detect_script, to_simplified
from .enrich import Taxonomy, enrich, load_taxonomy
from .layout import TEXT, Block, page_blocks
from .ledger import SeedLedger, account
from .metadata import mentioned_dates, article_date, article_kind, byline_names, dateline_date, page_year, slug_for
from .readers import EmptySeed, Seed, SeedError, read_seed
from .segment import Draft, assemble
from .quotebook import collect as collect_quotes
from .segmenter import Segmenter
from .speakers import Registry, load_registry, registry_from_data
from .sidecars import Sidecar, read_sidecar
from .writers import Article, Paragraph, write_corpus

RESERVED_YAML = {"taxonomy.yml", "speakers.yml"}
_REFERENCE_LIMIT = 2_000_000  # characters of corpus text used to judge column joins


@dataclass
class Page:
    seed: Seed
    sidecar: Sidecar
    blocks: list[Block]


@dataclass
class BuildResult:
    articles: list[Article] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)
    registry: Registry | None = None
    ledgers: list[SeedLedger] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: Counter[str] = field(default_factory=Counter)   # time per stage, for benchmarks

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] += time.perf_counter() - started


def seed_paths(seeds: Path) -> list[Path]:
    """Every file in the seeds folder except YAML (sidecars and editorial data)."""
    return sorted(p for p in seeds.iterdir() if p.is_file() and p.suffix not in (".yml", ".yaml")
                  and not p.name.startswith("."))


def read_pages(seeds: Path, result: BuildResult) -> list[Page]:
    pages = []
    for path in seed_paths(seeds):
        try:
            with result.stage("read"):
                seed = read_seed(path)
                sidecar = read_sidecar(path)
            with result.stage("layout"):
                pages.append(Page(seed, sidecar, page_blocks(seed.text)))
        except EmptySeed as warning:
            result.warnings.append(str(warning))
        except SeedError as error:
            result.errors.append(str(error))
    return pages


def build_articles(pages: list[Page], taxonomy: Taxonomy, speakers: Registry, result: BuildResult) -> None:
    with result.stage("reference"):
        reference = Reference(_reference_text(pages))
    # Slugs are URLs: they must not change when an editor adds a speaker, so
    # they are cut with jieba's own dictionary only.
    segmenter = Segmenter()
    for page in pages:
        with result.stage("columns"):
            links = link_continuations(page.blocks, reference)
            chains = reading_chains(page.blocks, links)
        with result.stage("segment"):
            drafts = assemble(page.blocks, chains, links)
        with result.stage("convert+enrich"):
            year = page_year((b.text for b in page.blocks), page.sidecar)
            page_dates = [d for d in (dateline_date(dr.dateline, year) for dr in drafts) if d]
            if year and not page_dates:  # no dated dateline: the latest date the page reports
                page_dates = mentioned_dates(page.seed.text, year)
            articles = [_article(page, draft, taxonomy, speakers, segmenter, year, page_dates) for draft in drafts]
        with result.stage("ledger"):
            ledger = account(page.seed.name, page.seed.text,
                             (t for d in drafts for t in _body_texts(d)),
                             (t for d in drafts for t in _front_texts(d)),
                             (item for d in drafts for item in d.dropped))
        result.ledgers.append(ledger)
        if not ledger.balanced:
            result.errors.append(f"{page.seed.name}: {sum(ledger.unaccounted.values())} Han characters unaccounted, "
                                 f"{sum(ledger.duplicated.values())} duplicated (see corpus ledger)")
            continue
        result.articles.extend(articles)
    _make_slugs_unique(result.articles)


def _reference_text(pages: list[Page]) -> str:
    texts, size = [], 0
    for page in pages:
        for block in page.blocks:
            if block.kind == TEXT and size < _REFERENCE_LIMIT:
                texts.append(to_simplified(block.text))
                size += len(block.text)
    return "\x00".join(texts)


def _body_texts(draft: Draft) -> list[str]:
    return [text for _, text, _ in draft.body] + [lead for _, _, lead in draft.body if lead]


def _front_texts(draft: Draft) -> list[str]:
    return [draft.title, draft.subtitle, draft.kicker, draft.dateline, draft.dateplace, draft.continued_from,
            *draft.bylines, *draft.captions, *draft.pull_quotes]


def _article(page: Page, draft: Draft, taxonomy: Taxonomy, speakers: Registry, segmenter: Segmenter,
             year: int | None, page_dates: list[dt.date]) -> Article:
    first_text = next((text for _, text, _ in draft.body), draft.title)
    note = page.sidecar.note_for(first_text)
    script = detect_script(" ".join([draft.title, *(_body_texts(draft))]))
    convert = to_simplified if script == "zh-Hant" else (lambda text: text)
    title_basis = "text"
    title = convert(draft.title)
    if not title:
        title, title_basis = _first_phrase(draft, convert), "first-words"
    if note and note.title:
        title, title_basis = note.title, "sidecar"
    date, date_basis = article_date(draft, note, page.sidecar, page_dates, year)
    source_id = page.sidecar.source or _outlet_from_text(page, taxonomy)
    outlet = taxonomy.outlets.get(source_id)
    body = _paragraphs(draft, convert)
    body_text = "\n".join(p.text for p in body)
    names = [convert(n) for n in byline_names(draft.bylines)]
    kind = article_kind(draft, note)
    found = enrich(title, body_text, taxonomy, speakers, speech_speaker=names[0] if kind == "speech" and names else "")
    front: dict = {
        "title": title,
        "subtitle": convert(draft.subtitle) or None,
        "slug": slug_for(date, source_id, segmenter.cut(title)),
        "source": outlet.zh_hans if outlet else source_id,
        "source_id": source_id,
        "seed": page.seed.name,
        "seed_sha256": page.seed.sha256,
        "date": date.isoformat() if date else None,
        "date_basis": date_basis,
        "dateline": convert(draft.dateline) or None,
        "byline": names,
        "byline_text": convert(" / ".join(draft.bylines)) or None,
        "kind": kind,
        "script_original": script,
        "on_topic": note.on_topic if note and note.on_topic is not None else found.on_topic,
        "events": found.events,
        "speakers": found.speakers,
        "themes": found.themes,
        "matched": found.matched,
        "kicker": convert(draft.kicker) or None,
        "pull_quotes": [convert(q) for q in draft.pull_quotes],
        "captions": [convert(c) for c in draft.captions],
        "continued_from": convert(draft.continued_from) or None,
        "truncated_in_print": [body_anchor for body_anchor in _truncated_anchors(draft, body)],
        "title_basis": title_basis,
        "title_en": note.title_en if note and note.title_en else None,
        "delivered": convert(draft.dateplace) or None,
        "paragraphs": sum(1 for p in body if p.role != "h"),
    }
    if script == "zh-Hant":
        front["original"] = {
            "title": draft.title,
            "subtitle": draft.subtitle or None,
            "paragraphs": [{"anchor": p.anchor, "text": original}
                           for p, original in zip(body, _original_texts(draft))],
        }
    return Article(front=front, body=tuple(body))


def _first_phrase(draft: Draft, convert) -> str:
    """A headless item (a photo caption) is titled by its first words, as printed."""
    first = next((text for _, text, _ in draft.body), "")
    return convert(re.split(r"[，。！？；：（(]", first, maxsplit=1)[0][:30])


def _paragraphs(draft: Draft, convert) -> list[Paragraph]:
    paragraphs, counts = [], Counter()
    for role, text, lead in draft.body:
        prefix = "s" if role == "h" else "p"
        counts[prefix] += 1
        paragraphs.append(Paragraph(role, f"{prefix}{counts[prefix]}", convert(text), convert(lead)))
    return paragraphs


def _original_texts(draft: Draft) -> list[str]:
    return [f"{lead}：{text}" if lead else text for _, text, lead in draft.body]


def _truncated_anchors(draft: Draft, body: list[Paragraph]) -> list[str]:
    return [body[position].anchor for position in draft.truncated]


def _outlet_from_text(page: Page, taxonomy: Taxonomy) -> str:
    simplified = to_simplified(page.seed.text)
    counts = {oid: sum(simplified.count(m) for m in outlet.match) for oid, outlet in taxonomy.outlets.items()}
    best = max(sorted(counts), key=lambda oid: counts[oid]) if counts else "unknown"
    return best if counts.get(best) else "unknown"


def _make_slugs_unique(articles: list[Article]) -> None:
    seen: Counter[str] = Counter()
    for article in sorted(articles, key=lambda a: (a.front["seed"], a.front["slug"])):
        base = article.front["slug"]
        seen[base] += 1
        if seen[base] > 1:
            article.front["slug"] = f"{base}-{seen[base]}"


def _load_speakers(path: Path) -> Registry:
    if not path.exists():
        return registry_from_data({"speakers": []})
    try:
        return load_registry(path)
    except (ValueError, KeyError, TypeError) as err:
        raise SeedError(path, f"not a valid speaker registry: {err}") from None
    except Exception as err:  # yaml.YAMLError and friends: still one line for the user
        raise SeedError(path, f"not valid YAML: {str(err).splitlines()[0]}") from None


def build(seeds: Path, corpus: Path, *, write: bool = True) -> BuildResult:
    result = BuildResult()
    try:
        taxonomy = load_taxonomy(seeds / "taxonomy.yml")
        speakers = _load_speakers(seeds / "speakers.yml")
    except SeedError as error:
        result.errors.append(str(error))
        return result
    pages = read_pages(seeds, result)
    build_articles(pages, taxonomy, speakers, result)
    with result.stage("quotes"):
        result.quotes, result.registry, quoted = collect_quotes(result.articles, speakers)
        for article in result.articles:
            found = set(article.front["speakers"]) | set(quoted.get(article.slug, ()))
            article.front["speakers"] = sorted(found)
            article.front["quotes"] = sum(1 for q in result.quotes for s in q["sources"] if s["slug"] == article.slug)
    if write:
        with result.stage("write"):
            write_corpus(corpus, result.articles, [ledger.as_dict() for ledger in result.ledgers],
                         result.quotes, result.registry)
    return result
