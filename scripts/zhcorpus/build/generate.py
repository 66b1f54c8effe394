"""Synthetic seed pages for benchmarks and robustness tests.

Each page recombines real articles of the corpus (their headlines, bylines,
datelines and paragraphs) and lays them out the way the real pages are laid
out, layout problems included: headlines above or below bodies, columns of two
articles interleaved with a sentence cut mid-word, narrow hard-wrapped
columns with irregular blank lines, spaced-out numbers, and the Hong Kong
page's Traditional script and heading marks. ``.manifest.jsonl`` (a dotfile, so builds skip it) records what
was planted, so a build can be checked against it.
"""

from __future__ import annotations

import json
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

from zhcorpus.language.convert import to_hong_kong
from zhcorpus.language.han import is_han


class CannotGenerate(Exception):
    """The real seeds give nothing to recombine: one line for the user."""


@dataclass(frozen=True)
class Planted:
    title: str
    byline: str
    dateline: str
    paragraphs: tuple[str, ...]


def generate_pages(seeds: Path, out: Path, count: int, *, seed: int = 0) -> int:
    """Raises CannotGenerate (one line) when ``seeds`` cannot give two articles to recombine."""
    from zhcorpus.build.pipeline import build

    result = build(seeds, Path("/nonexistent"), write=False)
    if result.errors:
        more = len(result.errors) - 1
        raise CannotGenerate(result.errors[0] + (f" (and {more} more errors)" if more else ""))
    pool = [p for p in (_planted(a) for a in result.articles if a.front["on_topic"]) if len(p.paragraphs) >= 3]
    if len(pool) < 2:
        raise CannotGenerate(f"{seeds}: {len(pool)} on-topic articles of 3 paragraphs or more, "
                             "2 are needed to recombine")
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    for name in ("taxonomy.yml", "speakers.yml"):
        if (seeds / name).exists():
            shutil.copy(seeds / name, out / name)
    manifest = []
    for number in range(count):
        layout = _LAYOUTS[number % len(_LAYOUTS)]
        articles = [_recombine(rng, pool) for _ in range(rng.randint(2, 3))]
        text, source = layout(rng, articles)
        name = f"gen{number:05d}"
        (out / f"{name}.txt").write_text(text, encoding="utf-8")
        # A made-up page prints no date of its own: its sidecar gives one, as an editor's would.
        (out / f"{name}.yml").write_text(f"source: {source}\nyear: 2025\ndate: 2025-06-18\n", encoding="utf-8")
        manifest.append({"seed": f"{name}.txt", "layout": layout.__name__,
                         "titles": [a.title for a in articles]})
    (out / ".manifest.jsonl").write_text(
        "".join(json.dumps(m, ensure_ascii=False) + "\n" for m in manifest), encoding="utf-8")
    return count


def _planted(article) -> Planted:
    truncated = set(article.front["truncated_in_print"])
    paragraphs = tuple(p.text for p in article.body if p.role == "p" and p.anchor not in truncated)
    front = article.front
    return Planted(front["title"], front.get("byline_text") or "", front.get("dateline") or "", paragraphs)


def _recombine(rng: random.Random, pool: list[Planted]) -> Planted:
    base, other = rng.sample(pool, 2)
    paragraphs = list(base.paragraphs[: rng.randint(3, 8)])
    paragraphs.insert(rng.randint(1, len(paragraphs)), rng.choice(other.paragraphs))
    day = rng.randint(15, 19)
    dateline = f"新华社{rng.choice(['北京', '阿斯塔纳'])}6月{day}日电"
    byline = base.byline if "记者" in base.byline else f"新华社记者 {rng.choice(['韩梁', '赵嫣', '董越', '黄晔'])}"
    return Planted(base.title, byline.split(" / ")[0], dateline, tuple(dict.fromkeys(paragraphs)))


def _cut_point(rng: random.Random, text: str) -> int:
    """A place inside a word, between two Han characters, at least 26 characters
    in: a shorter piece with no punctuation reads as a heading, on real pages too."""
    places = [i for i in range(26, len(text) - 6) if is_han(text[i - 1]) and is_han(text[i])]
    return rng.choice(places) if places else len(text) // 2


def headline_first(rng: random.Random, articles: list[Planted]) -> tuple[str, str]:
    """Like the Xinhua pages 000 and 002: headline, byline, paragraphs, dateline
    last; the first two articles' columns interleaved with a sentence cut."""
    lines: list[str] = []
    first, second, *rest = articles
    k = rng.randint(1, len(first.paragraphs) - 1)
    long_enough = [n for n, p in enumerate(second.paragraphs) if len(p) >= 40] or [0]
    j = rng.choice(long_enough)
    cut_text = second.paragraphs[j]
    cut = _cut_point(rng, cut_text)
    lines += [first.title, first.byline, *first.paragraphs[:k]]
    lines += [second.title, second.byline, *second.paragraphs[:j], cut_text[:cut]]
    lines += [*first.paragraphs[k:], first.dateline]
    lines += [cut_text[cut:], *second.paragraphs[j + 1:], second.dateline]
    for article in rest:
        lines += [article.title, article.byline, *article.paragraphs, article.dateline]
    return "\n\n".join(lines) + "\n", "xinhua"


def headline_after(rng: random.Random, articles: list[Planted]) -> tuple[str, str]:
    """Like page 004: narrow columns, the dateline leading the first paragraph,
    headlines after their bodies, blank lines that mean nothing."""
    width = rng.randint(13, 16)
    lines: list[str] = []
    for article in articles:
        dateline = article.dateline.replace("6月", "6月 ") if rng.random() < 0.5 else article.dateline
        paragraphs = [f"{dateline} {article.paragraphs[0]}", *article.paragraphs[1:]]
        for number, paragraph in enumerate(paragraphs):
            # The first line is indented two em, which extraction drops: it is short.
            wrapped = [paragraph[: width - 2]]
            wrapped += [paragraph[i:i + width] for i in range(width - 2, len(paragraph), width)]
            for index, piece in enumerate(wrapped):
                prefix = " " if number == 0 and index == 0 else ""
                lines.append(prefix + piece)
                if rng.random() < 0.6:
                    lines.append("")
        lines += [article.title, ""]
    return "\n".join(lines) + "\n", "xinhua"


def hong_kong(rng: random.Random, articles: list[Planted]) -> tuple[str, str]:
    """Like page 003: Traditional script, # / ## headlines, ●byline at the end."""
    lines: list[str] = []
    for number, article in enumerate(articles):
        lines.append(("# " if number == 0 else "## ") + to_hong_kong(article.title))
        lines += [to_hong_kong(p).replace("“", "「").replace("”", "」") for p in article.paragraphs]
        lines.append("●香港文匯報記者 " + rng.choice(["馬靜", "張帆", "李明"]) + " 北京報道")
    return "\n\n".join(lines) + "\n", "wenweipo"


_LAYOUTS = (headline_first, headline_after, hong_kong)
