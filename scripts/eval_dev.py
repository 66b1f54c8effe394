"""Score the engine on the development set (dev/pages, dev/truth): issue 15's measures.

    python scripts/eval_dev.py [--json] [--show-errors] [--corpus DIR] [--check]

Without --corpus the dev pages are built afresh with the current engine, as a new
user would: `zhcorpus build --seeds <tmp> --corpus <tmp> --no-cache`, where <tmp>
holds a copy of dev/pages/*.txt and the editorial files seeds/taxonomy.yml and
seeds/speakers.yml (--editorial picks another folder). dev/speakers.yml is never
given to the build: it only names, for the truth, the people the registry does
not know. With --corpus an already built corpus is scored instead.
--check only validates the truth files against the pages and exits.

Measures, each printed per outlet, per kind of page (the `kinds:` of a truth
file) and in total:
- articles: a truth article is found when one built article of its page has the
  truth's first_words at the start of its body; it is separate when that body
  holds no other truth article's first words; titled when the titles agree; whole
  when all three hold. A page's count is right when it built as many articles as
  the truth lists.
- outlet, byline (the set of names), date (the ISO date, or none where the truth
  says undated; `warned` counts undated pages the build warned about), events
  (`not_events:` / `events:` of a truth article), on_topic: over truth articles;
  an article not found is wrong on each.
- quotes: a built quotation matches a truth quote of its page when its text
  starts with the truth's first characters. Recall: truth quotes with a speaker
  given that speaker. Precision: built quotes with a speaker whose speaker is
  right. Slogans: built quotes that are a truth `not_quotes` entry (must be 0).
  A quote is given to the right person when its speaker id is the truth's id, or,
  for a person only dev/speakers.yml knows, when the engine made its own id and
  printed one of the person's bare names as the speaker; if the engine used more
  than one id for one such person, only the id it used most counts.
Texts are compared on their Han characters, letters and digits only.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "dev"

FAILURE_KINDS = {
    # the failure kinds of issue 15: each is covered by at least two pages
    "multi-above": "headlines above bodies, two or more articles on the page",
    "headline-comma": "a headline containing a comma",
    "web-furniture": "web page furniture lines (breadcrumbs, 来源, share and font widgets, related links)",
    "other-dateline": "datelines of outlets other than Xinhua and Wen Wei Po",
    "byline-forms": "bylines such as （记者 甲 乙 丙）, （中青报·中青网记者 甲）, 作者：, 特约记者",
    "captions-credits": "captions without ● and photo credits naming another outlet",
    "midline-jump": "a jump line such as （下转A02版） inside a line",
    "editor-line": "责任编辑 / 责编 / 编辑 lines",
    "iso-date": "the date printed only as 2025-06-16 (or 2025/6/16)",
    "future-date": "future-tense date mentions (将于7月1日) that are not the article's date",
    "other-year": "a page about another year than 2025",
    "yearless": "datelines without a year and nothing on the page giving it",
    "first-summit": "a story about the FIRST summit (Xi'an, 2023), not the second",
    "attr-after-clause": "the speaker named after time and place clauses",
    "speech-verbs": "speech verbs outside the short list (分析道, 感叹道, 坦言, 直言, 透露, 呼吁, 回忆说)",
    "subject-earlier": "the speaker is the subject earlier in the sentence (X……，说“…”)",
    "qa-format": "Q&A and interview formats (王毅：…, 问：…答：…, 记者：…, — …)",
    "title-glued": "titles and affiliations glued to names",
    "clause-tail": "clause tails before a speech verb that are not people",
    "slogan-indirect": "slogans in quotation marks inside indirect speech",
    "translit-dot": "transliterated names with ·",
    "alias-two-ways": "one person named two ways (full and short name, or another script's usage)",
}
LAYOUT_KINDS = {
    # how the page is laid out, for the per-kind table
    "traditional": "Traditional script (Hong Kong, Macau or Taiwan usage)",
    "hard-wrap": "a narrow column hard-wrapped every few characters",
    "headlines-below": "a headline printed below its body",
    "mixed-headlines": "headlines above and below on one page",
    "unrelated-item": "an item unrelated to Central Asia on the page",
    "fullwidth-digits": "dates in full-width digits or Chinese numerals",
    "single-article": "one article on the page",
}
KINDS = {**FAILURE_KINDS, **LAYOUT_KINDS}
ARTICLE_KEYS = {"title", "first_words", "outlet", "date", "undated", "byline", "quotes", "not_quotes",
                "events", "not_events", "on_topic"}
PAGE_KEYS = {"page", "script", "layout", "kinds", "articles"}
MIN_CHARS, MAX_CHARS = 570, 4000  # a page is ~600 to ~4,000 characters
LEAD = 40  # how far into a built body the first words may start (a leftover dateline, a kicker)

_KEEP = re.compile(r"[\u3400-\u9fff\uf900-\ufaffA-Za-z0-9]")
_ANCHOR = re.compile(r"\{: #[a-z]+\d+ \}")
_QUOTE_SPAN = re.compile(r"[“「]([^”」]*)[”」]")


def norm(text: str) -> str:
    """Han characters, letters and digits only, letters lower-cased: what two
    printings of the same words have in common whatever the punctuation."""
    return "".join(_KEEP.findall(unicodedata.normalize("NFKC", _ANCHOR.sub("", text)))).lower()


# ---------------------------------------------------------------- truth files

def load_truths(truth_dir: Path) -> list[dict]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(truth_dir.glob("*.yml"))]


def load_people(path: Path) -> dict[str, set[str]]:
    """dev/speakers.yml: id -> the person's bare names, normalised."""
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {s["id"]: {norm(n) for n in [s["zh_hans"], *s.get("aliases", [])]} for s in data.get("speakers", [])}


def registry_ids(path: Path) -> set[str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {s["id"] for s in data.get("speakers", [])}


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s.json")


def simplified(text: str) -> str:
    """Traditional to Simplified, to check truth (written in Simplified) against a zh-Hant page."""
    return _t2s().convert(text)


def outlet_ids(taxonomy: Path) -> set[str]:
    """The ids of the outlet registry, the ``outlets:`` of taxonomy.yml: truth files use them."""
    return set(yaml.safe_load(taxonomy.read_text(encoding="utf-8")).get("outlets") or {})


def check_truth(truth: dict, page_text: str, outlets: set[str], speakers: set[str]) -> list[str]:
    """What is wrong with one truth file against its page, as readable lines."""
    name = truth.get("page", "?")
    problems = [f"{name}: unknown key {k}" for k in set(truth) - PAGE_KEYS]
    simple = norm(simplified(page_text) if truth.get("script") == "zh-Hant" else page_text)
    if not MIN_CHARS <= len(page_text) <= MAX_CHARS:
        problems.append(f"{name}: {len(page_text)} characters, outside ~600-4000")
    problems += [f"{name}: unknown kind {k}" for k in truth.get("kinds", []) if k not in KINDS]
    listed: list[str] = []
    for i, art in enumerate(truth.get("articles", []), 1):
        where = f"{name} article {i}"
        problems += [f"{where}: unknown key {k}" for k in set(art) - ARTICLE_KEYS]
        for key in ("title", "first_words", "outlet", "byline"):
            if key not in art:
                problems.append(f"{where}: no {key}")
        if art.get("outlet") is not None and art.get("outlet") not in outlets:
            problems.append(f"{where}: outlet {art.get('outlet')} not in the outlet registry (seeds/taxonomy.yml)")
        if art.get("date") is None and not art.get("undated"):
            problems.append(f"{where}: date null without undated: true")
        for key in ("title", "first_words"):
            if key in art and norm(art[key]) not in simple:
                problems.append(f"{where}: {key} {art[key]!r} not on the page")
        for q in art.get("quotes") or []:
            listed.append(norm(q["text"]))
            if q["speaker"] is not None and q["speaker"] not in speakers:
                problems.append(f"{where}: speaker {q['speaker']} in neither speakers file")
        listed += [norm(t) for t in art.get("not_quotes") or []]
    spans = [norm(simplified(m.group(1))) for m in _QUOTE_SPAN.finditer(page_text)]
    titles = [norm(a.get("title", "")) for a in truth.get("articles", [])]
    for span in spans:
        if span and not any(span.startswith(t) or t.startswith(span) for t in listed if t) \
                and not any(span in t for t in titles):
            problems.append(f"{name}: quotation “{span[:12]}…” neither in quotes nor in not_quotes")
    for text in listed:
        if not any(s.startswith(text) or text.startswith(s) for s in spans if s) and text not in simple:
            problems.append(f"{name}: listed text {text[:12]!r} not on the page")
    return problems


# ------------------------------------------------------------- built corpus

@dataclass
class Corpus:
    articles: list[dict]  # articles.jsonl rows
    quotes: list[dict]  # quotes.jsonl rows
    names: dict[str, str] = field(default_factory=dict)  # speakers.yml: id -> zh_hans, normalised
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def read_corpus(corpus: Path, warnings: list[str] = (), errors: list[str] = ()) -> Corpus:
    def rows(name: str) -> list[dict]:
        path = corpus / name
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []

    registry = corpus / "speakers.yml"
    speakers = (yaml.safe_load(registry.read_text(encoding="utf-8")) or {}).get("speakers", []) \
        if registry.exists() else []
    return Corpus(rows("articles.jsonl"), rows("quotes.jsonl"), {s["id"]: norm(s["zh_hans"]) for s in speakers},
                  list(warnings), list(errors))


def build(pages: Path, editorial: Path, workdir: Path) -> Corpus:
    """The dev pages built by the current engine, afresh, in a folder of their own."""
    seeds, corpus = workdir / "seeds", workdir / "corpus"
    seeds.mkdir()
    for page in sorted(pages.glob("*.txt")):
        shutil.copy(page, seeds / page.name)
    for name in ("taxonomy.yml", "speakers.yml"):
        shutil.copy(editorial / name, seeds / name)
    run = subprocess.run([sys.executable, "-m", "zhcorpus.cli", "build", "--seeds", str(seeds), "--corpus", str(corpus),
                          "--no-cache", "--quiet", "--no-progress", "--jobs", "1"],
                         capture_output=True, text=True, cwd=workdir)
    lines = run.stderr.splitlines()
    warnings = [l for l in lines if l.startswith("warning:")]
    errors = [l for l in lines if l.startswith("error:")] + ([] if run.returncode in (0, 1) else lines[-5:])
    return read_corpus(corpus, warnings, errors)


# ------------------------------------------------------------------ scoring

@dataclass
class Tally:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += bool(ok)
        self.total += 1

    def ratio(self) -> float | None:
        return self.right / self.total if self.total else None


MEASURES = ("pages_count", "articles_found", "articles_start", "articles_separate", "articles_titled", "articles_whole",
            "outlet", "byline", "byline_named", "date", "events", "on_topic",
            "quote_precision", "quote_recall", "slogans", "extra_spans", "undated_warned")


def new_group() -> dict[str, Tally]:
    return {m: Tally() for m in MEASURES}


UNREGISTERED = "(unregistered)"  # truth `outlet: null`: an outlet the registry lacks, so no source_id is right


def outlet_label(outlet: str | None) -> str:
    return UNREGISTERED if outlet is None else outlet


@dataclass
class Report:
    total: dict[str, Tally] = field(default_factory=new_group)
    by_outlet: dict[str, dict[str, Tally]] = field(default_factory=lambda: defaultdict(new_group))
    by_kind: dict[str, dict[str, Tally]] = field(default_factory=lambda: defaultdict(new_group))
    pages: dict[str, int] = field(default_factory=Counter)  # pages per outlet
    errors: list[str] = field(default_factory=list)

    def add(self, measure: str, ok: bool, outlet: str | None, kinds: list[str]) -> None:
        for group in (self.total, self.by_outlet[outlet_label(outlet)], *(self.by_kind[k] for k in kinds)):
            group[measure].add(ok)


def match_articles(truth_articles: list[dict], built: list[dict]) -> list[tuple[dict | None, int]]:
    """For each truth article, the built article whose body holds its first words
    earliest, and where in that body they start (-1: none holds them). Two truth
    articles may find the same built article: the engine merged them."""
    bodies = [norm(a["body"]) for a in built]
    found: list[tuple[dict | None, int]] = []
    for art in truth_articles:
        words = norm(art["first_words"])
        hits = sorted((body.find(words), i) for i, body in enumerate(bodies) if words in body)
        found.append((built[hits[0][1]], hits[0][0]) if hits else (None, -1))
    return found


def date_right(art: dict, built: dict | None) -> bool:
    if built is None:
        return False
    if art.get("undated"):
        return built.get("date") is None
    return str(built.get("date")) == str(art["date"])


def events_right(art: dict, built: dict | None) -> bool:
    events = set((built or {}).get("events") or [])
    return built is not None and not events & set(art.get("not_events") or []) \
        and set(art.get("events") or []) <= events


def article_checks(art: dict, got: dict | None, at: int, other_words: list[str], warned: bool) -> dict[str, bool]:
    """Every article measure for one truth article and the built article found for it."""
    body = norm(got["body"]) if got is not None else ""
    found = got is not None
    checks = {
        "articles_found": found,
        "articles_start": found and at <= LEAD,
        "articles_separate": found and not any(w in body for w in other_words),
        "articles_titled": found and norm(got["title"]) == norm(art["title"]),
        "outlet": found and got.get("source_id") == art["outlet"],
        "byline": found and {norm(n) for n in got.get("byline") or []} == {norm(n) for n in art["byline"]},
        "date": date_right(art, got),
        "on_topic": found and bool(got.get("on_topic", True)) == bool(art.get("on_topic", True)),
    }
    checks["articles_whole"] = (checks["articles_start"] and checks["articles_separate"]
                                and checks["articles_titled"])
    if art["byline"]:
        checks["byline_named"] = checks["byline"]
    if "events" in art or "not_events" in art:
        checks["events"] = events_right(art, got)
    if art.get("undated"):
        checks["undated_warned"] = checks["date"] and warned
    return checks


DESCRIBED = ("articles_start", "articles_separate", "articles_titled", "outlet", "byline", "date", "events",
             "on_topic")


def describe(measure: str, art: dict, got: dict) -> str:
    """One wrong measure of a found article, as `got ≠ truth`."""
    return {
        "articles_start": "body does not start with its first words",
        "articles_separate": "merged with another article",
        "articles_titled": f"title {got['title'][:24]!r}",
        "outlet": f"outlet {got.get('source_id')} ≠ {art['outlet']}",
        "byline": f"byline {got.get('byline')} ≠ {art['byline']}",
        "date": f"date {got.get('date')} ≠ {'undated' if art.get('undated') else art['date']}",
        "events": f"events {got.get('events')} (not {art.get('not_events')})",
        "on_topic": f"on_topic {got.get('on_topic')}",
    }[measure]


@dataclass
class Attribution:
    """A built quote of a page, with the truth quote it matches (if any)."""
    page: str
    outlet: str
    kinds: list[str]
    text: str
    truth: dict | None  # the truth quote, or None
    slogan: bool  # it is one of the page's not_quotes
    speaker_id: str | None
    printed: str | None  # the speaker as the article printed it
    named: str | None = None  # the name the engine's registry gives speaker_id


@dataclass
class Expected:
    """A truth quote, and the built quote that matched it (if any)."""
    page: str
    outlet: str
    kinds: list[str]
    truth: dict
    found: Attribution | None


def score(truths: list[dict], corpus: Corpus, known_ids: set[str], people: dict[str, set[str]]) -> Report:
    report = Report(errors=[*corpus.errors])
    built: dict[str, list[dict]] = defaultdict(list)
    for art in corpus.articles:
        built[art["seed"]].append(art)
    quotes = quotes_by_page(corpus)
    attributions: list[Attribution] = []
    expected: list[Expected] = []
    for truth in truths:
        outlet_of_slug = score_articles(truth, built.get(truth["page"], []), corpus.warnings, report)
        found = match_quotes(truth, quotes.get(truth["page"], []), outlet_of_slug, corpus.names)
        attributions += found
        by_truth = {id(a.truth): a for a in found if a.truth is not None}
        expected += [Expected(truth["page"], art["outlet"], truth.get("kinds", []), q, by_truth.get(id(q)))
                     for art in truth["articles"] for q in art.get("quotes") or []]
    score_quotes(attributions, expected, known_ids, people, report)
    return report


def quotes_by_page(corpus: Corpus) -> dict[str, list[tuple[dict, dict]]]:
    """Every reported utterance of quotes.jsonl, as (quote, source), by the seed page of its article."""
    seed_of = {a["slug"]: a["seed"] for a in corpus.articles}
    pages: dict[str, list[tuple[dict, dict]]] = defaultdict(list)
    for q in corpus.quotes:
        for src in q.get("sources") or [q]:
            if src.get("slug") in seed_of:
                pages[seed_of[src["slug"]]].append((q, src))
    return pages


def score_articles(truth: dict, built: list[dict], warnings: list[str], report: Report) -> dict[str, str]:
    """Add one page's article measures to the report; return built slug -> truth outlet."""
    page, kinds, arts = truth["page"], truth.get("kinds", []), truth["articles"]
    report.pages[outlet_label(arts[0]["outlet"])] += 1
    report.add("pages_count", len(built) == len(arts), arts[0]["outlet"], kinds)
    if len(built) != len(arts):
        report.errors.append(f"{page}: {len(built)} articles built, {len(arts)} in the truth")
    warned = any(page in w for w in warnings)
    all_words = [norm(a["first_words"]) for a in arts]
    outlet_of_slug: dict[str, str] = {}
    for art, (got, at) in zip(arts, match_articles(arts, built)):
        words = norm(art["first_words"])
        checks = article_checks(art, got, at, [w for w in all_words if w != words], warned)
        for measure, ok in checks.items():
            report.add(measure, ok, art["outlet"], kinds)
        if got is None:
            report.errors.append(f"{page}: {art['title'][:24]}: not found")
            continue
        outlet_of_slug.setdefault(got["slug"], art["outlet"])
        wrong = [describe(m, art, got) for m in DESCRIBED if checks.get(m) is False]
        if wrong:
            report.errors.append(f"{page}: {art['title'][:24]}: " + "; ".join(wrong))
    return outlet_of_slug


def match_quotes(truth: dict, built: list[tuple[dict, dict]], outlet_of_slug: dict[str, str],
                 names: dict[str, str]) -> list[Attribution]:
    """Each built quote of the page with the first unmatched truth quote its text starts with."""
    arts = truth["articles"]
    truth_quotes = [(q, a["outlet"]) for a in arts for q in a.get("quotes") or []]
    not_quotes = [norm(t) for a in arts for t in a.get("not_quotes") or []]
    used: set[int] = set()
    found = []
    for q, src in built:
        text = src.get("text") or q.get("text", "")
        key = norm(text)
        hit = next((i for i, (t, _) in enumerate(truth_quotes) if i not in used and key.startswith(norm(t["text"]))),
                   None)
        if hit is not None:
            used.add(hit)
        slogan = hit is None and any(key.startswith(n) for n in not_quotes)
        outlet = truth_quotes[hit][1] if hit is not None else outlet_of_slug.get(src.get("slug"), arts[0]["outlet"])
        found.append(Attribution(truth["page"], outlet, truth.get("kinds", []), text,
                                 truth_quotes[hit][0] if hit is not None else None, slogan,
                                 q.get("speaker_id"), src.get("speaker") or q.get("speaker"),
                                 names.get(q.get("speaker_id"))))
    return found


def score_quotes(attributions: list[Attribution], expected: list[Expected], known_ids: set[str],
                 people: dict[str, set[str]], report: Report) -> None:
    canonical = canonical_ids(attributions, known_ids, people)
    for a in attributions:
        report.add("slogans", not a.slogan, a.outlet, a.kinds)
        report.add("extra_spans", a.truth is not None or a.slogan, a.outlet, a.kinds)
        if a.slogan:
            report.errors.append(f"{a.page}: slogan or title listed as a quote: “{a.text[:20]}”")
        if a.speaker_id:
            ok = speaker_right(a, canonical, known_ids, people)
            report.add("quote_precision", ok, a.outlet, a.kinds)
            if not ok:
                truth = a.truth["speaker"] if a.truth else "not a quote"
                report.errors.append(f"{a.page}: “{a.text[:14]}” given to {a.speaker_id} ({a.printed}), truth {truth}")
    for e in expected:
        if e.truth["speaker"] is None:
            continue
        a = e.found
        ok = a is not None and a.speaker_id is not None and speaker_right(a, canonical, known_ids, people)
        report.add("quote_recall", ok, e.outlet, e.kinds)
        if a is None or a.speaker_id is None:
            missing = "not found as a quote" if a is None else "unattributed"
            report.errors.append(f"{e.page}: “{e.truth['text']}” ({e.truth['speaker']}) {missing}")


def provisional(a: Attribution, known_ids: set[str], people: dict[str, set[str]]) -> bool:
    """The engine's own id for a person the registry does not know, under a bare name of theirs:
    the name its registry gives the id, or the speaker as the quote printed it."""
    truth = a.truth["speaker"] if a.truth else None
    if truth not in people or a.speaker_id is None or a.speaker_id in known_ids:
        return False
    return a.named in people[truth] or (a.printed is not None and norm(a.printed) in people[truth])


def canonical_ids(attributions: list[Attribution], known_ids: set[str], people: dict[str, set[str]]) -> dict[str, str]:
    """Per person the registry does not know: the engine id used most for them (ties: the first by name)."""
    used: dict[str, Counter] = defaultdict(Counter)
    for a in attributions:
        if provisional(a, known_ids, people):
            used[a.truth["speaker"]][a.speaker_id] += 1
    return {person: sorted(ids.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for person, ids in used.items()}


def speaker_right(a: Attribution, canonical: dict[str, str], known_ids: set[str], people: dict[str, set[str]]) -> bool:
    if a.truth is None or a.truth["speaker"] is None:
        return False
    if a.speaker_id == a.truth["speaker"]:
        return True
    return provisional(a, known_ids, people) and canonical.get(a.truth["speaker"]) == a.speaker_id


# ------------------------------------------------------------------- output

COLUMNS = (("pages", None), ("count", "pages_count"), ("whole", "articles_whole"), ("start", "articles_start"),
           ("separate", "articles_separate"), ("titled", "articles_titled"), ("outlet", "outlet"),
           ("byline", "byline"), ("date", "date"), ("quote P", "quote_precision"), ("quote R", "quote_recall"),
           ("slogans", "slogans"))


def cell(t: Tally) -> str:
    return "—" if not t.total else f"{t.right}/{t.total}"


def table(title: str, groups: dict[str, dict[str, Tally]], pages: dict[str, int] | None) -> list[str]:
    lines = [title, "  " + f"{'':22}" + "".join(f"{name:>10}" for name, _ in COLUMNS)]
    for key in sorted(groups):
        g = groups[key]
        count = pages.get(key, 0) if pages is not None else g["pages_count"].total
        row = [f"{count:>10}"] + [f"{cell(g[m]):>10}" for _, m in COLUMNS[1:]]
        lines.append(f"  {key:22}" + "".join(row))
    return lines


def summary(report: Report) -> list[str]:
    t = report.total
    pct = lambda x: f"{x.ratio():.3f}" if x.total else "—"  # noqa: E731
    out = ["totals"]
    for label, m in (("pages with the right article count", "pages_count"),
                     ("articles whole (clean start, separate, titled)", "articles_whole"),
                     ("  found (a body holds its first words)", "articles_found"),
                     ("  body starts with its first words", "articles_start"), ("  separate", "articles_separate"),
                     ("  rightly titled", "articles_titled"), ("outlet right", "outlet"),
                     ("byline right (all articles)", "byline"), ("byline right (articles with a byline)", "byline_named"),
                     ("date right or undated", "date"), ("  undated and warned", "undated_warned"),
                     ("events right (where the truth says)", "events"), ("on_topic right", "on_topic"),
                     ("quotes: attribution precision", "quote_precision"), ("quotes: attribution recall", "quote_recall"),
                     ("quotes: not a slogan or title", "slogans"), ("quotes: in the truth or a slogan", "extra_spans")):
        out.append(f"  {label:48} {pct(t[m]):>6}  ({cell(t[m])})")
    slogans = t["slogans"].total - t["slogans"].right
    out.append(f"  {'slogans or titles listed as quotes':48} {slogans:>6}")
    return out


def as_json(report: Report) -> dict:
    def group(g: dict[str, Tally]) -> dict:
        return {m: {"right": t.right, "total": t.total, "ratio": t.ratio()} for m, t in g.items()}

    return {"total": group(report.total), "pages_per_outlet": dict(report.pages),
            "by_outlet": {k: group(v) for k, v in sorted(report.by_outlet.items())},
            "by_kind": {k: group(v) for k, v in sorted(report.by_kind.items())}, "errors": report.errors}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=DEV / "pages")
    parser.add_argument("--truth", type=Path, default=DEV / "truth")
    parser.add_argument("--editorial", type=Path, default=ROOT / "seeds",
                        help="folder with taxonomy.yml and speakers.yml for the build (default: seeds)")
    parser.add_argument("--corpus", type=Path, help="score this built corpus instead of building the pages")
    parser.add_argument("--people", type=Path, default=DEV / "speakers.yml")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--show-errors", action="store_true", help="list every miss")
    parser.add_argument("--check", action="store_true", help="only validate the truth files against the pages")
    args = parser.parse_args(argv)
    truths = load_truths(args.truth)
    people = load_people(args.people)
    known = registry_ids(args.editorial / "speakers.yml")
    if args.check:
        outlets = outlet_ids(args.editorial / "taxonomy.yml")
        problems = [p for t in truths
                    for p in check_truth(t, (args.pages / t["page"]).read_text(encoding="utf-8"), outlets,
                                         known | set(people))]
        print("\n".join(problems) or f"{len(truths)} truth files agree with their pages")
        return 1 if problems else 0
    if args.corpus:
        corpus = read_corpus(args.corpus)
    else:
        with tempfile.TemporaryDirectory(prefix="eval-dev-") as tmp:
            corpus = build(args.pages, args.editorial, Path(tmp))
    report = score(truths, corpus, known, people)
    if args.json:
        print(json.dumps(as_json(report), ensure_ascii=False, indent=1))
        return 0
    print("\n".join(table("by outlet", report.by_outlet, report.pages) + [""]
                    + table("by kind", report.by_kind, None) + [""] + summary(report)))
    if args.show_errors:
        print("\n" + "\n".join(report.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
