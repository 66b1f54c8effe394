"""Precision and recall of quote extraction against the hand-labelled gold set.

    python scripts/eval_quotes.py [--gold tests/data/quotes_gold.yml]
                                  [--speakers seeds/speakers.yml] [--show-errors]
                                  [--corpus corpus]

With --corpus the same gold labels are checked against the built corpus
(corpus/articles.jsonl): paragraphs there are cut and joined by the build, so
quotes are matched by seed and (punctuation-normalised) text instead.

Spans: a predicted quote is right when the same paragraph has a gold quote with
the same text. Attribution: among predicted quotes that name a speaker id, how
many name the gold speaker (precision); among gold quotes with a speaker, how
many were given that speaker (recall). Unattributed predictions cost recall,
never precision: that is the trade the extractor is built to make.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from zhcorpus.quotes.direct import extract_quotes  # noqa: E402
from zhcorpus.quotes.speakers import load_registry  # noqa: E402


@dataclass
class Scores:
    span_tp: int = 0
    span_pred: int = 0
    span_gold: int = 0
    attr_right: int = 0
    attr_pred: int = 0
    attr_gold: int = 0
    errors: list = field(default_factory=list)

    @staticmethod
    def ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    @property
    def span_precision(self) -> float:
        return self.ratio(self.span_tp, self.span_pred)

    @property
    def span_recall(self) -> float:
        return self.ratio(self.span_tp, self.span_gold)

    @property
    def attribution_precision(self) -> float:
        return self.ratio(self.attr_right, self.attr_pred)

    @property
    def attribution_recall(self) -> float:
        return self.ratio(self.attr_right, self.attr_gold)


def score_article(article: dict, registry, scores: Scores) -> None:
    paragraphs = [(p["anchor"], p["text"]) for p in article["paragraphs"]]
    predicted = extract_quotes(paragraphs, article_kind=article["kind"],
                               speaker_of_speech=article.get("speaker_of_speech"), registry=registry)
    for p in article["paragraphs"]:
        gold = {q["text"]: q["speaker"] for q in p["quotes"]}
        mine = {q.text: q for q in predicted if q.anchor == p["anchor"]}
        where = f"{article['article']} {p['anchor']} ({p['source']})"
        scores.span_gold += len(gold)
        scores.span_pred += len(mine)
        scores.attr_gold += sum(1 for s in gold.values() if s)
        for text, q in mine.items():
            if text in gold:
                scores.span_tp += 1
            else:
                scores.errors.append(f"extra span   {where}: “{text[:30]}” -> {q.speaker_id}")
            if q.speaker_id:
                scores.attr_pred += 1
                if text in gold and gold[text] == q.speaker_id:
                    scores.attr_right += 1
                else:
                    scores.errors.append(f"WRONG SPEAKER {where}: “{text[:30]}” -> {q.speaker_id} "
                                         f"(gold {gold.get(text, 'not a quote')}, {q.pattern})")
        for text, speaker in gold.items():
            if text not in mine:
                scores.errors.append(f"missed span  {where}: “{text[:30]}” ({speaker})")
            elif speaker and not mine[text].speaker_id:
                scores.errors.append(f"unattributed {where}: “{text[:30]}” (gold {speaker})")


_HALF_TO_FULL = str.maketrans(",;:!?()", "，；：！？（）")
_ANCHORED = re.compile(r"^(?P<text>.*)\n\{: #(?P<anchor>p\d+) \}$", re.S)


def normalise(text: str) -> str:
    return text.translate(_HALF_TO_FULL).replace(" ", "")


def corpus_paragraphs(body: str) -> list[tuple[str, str]]:
    """(anchor, text) of body paragraphs, Markdown escapes undone, headings skipped."""
    paragraphs = []
    for chunk in body.split("\n\n"):
        m = _ANCHORED.match(chunk.strip())
        if m:
            text = re.sub(r"\\(.)", r"\1", m.group("text"))
            text = re.sub(r"&(amp|lt|gt|quot|#\d+);", lambda e: {"amp": "&", "lt": "<", "gt": ">", "quot": '"'}.get(
                e.group(1)) or chr(int(e.group(1)[1:])), text)
            paragraphs.append((m.group("anchor"), text))
    return paragraphs


def evaluate_corpus(gold_path: Path, speakers_path: Path, corpus: Path) -> Scores:
    """Gold labels against the built corpus, matched by (seed, quote text)."""
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    registry = load_registry(speakers_path)
    wanted = {}
    for article in gold["articles"]:
        seed = article["article"][:3]
        for p in article["paragraphs"]:
            for q in p["quotes"]:
                wanted[(seed, normalise(q["text"]))] = (q["speaker"], article["article"])
    scores, seen = Scores(), {}
    for line in (corpus / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        art = json.loads(line)
        speech = art["speakers"][0] if art["kind"] == "speech" and art["speakers"] else None
        for q in extract_quotes(corpus_paragraphs(art["body"]), article_kind=art["kind"],
                                speaker_of_speech=speech, registry=registry):
            seen.setdefault((art["seed"][:3], normalise(q.text)), (q, art["slug"]))
    scores.span_gold = len(wanted)
    scores.attr_gold = sum(1 for s, _ in wanted.values() if s)
    scores.span_pred = len(seen)
    for key, (q, slug) in seen.items():
        gold_speaker = wanted.get(key, ("not a quote",))[0]
        where = f"{slug} {q.anchor}"
        if key in wanted:
            scores.span_tp += 1
        else:
            scores.errors.append(f"extra span   {where}: “{q.text[:30]}” -> {q.speaker_id}")
        if q.speaker_id:
            scores.attr_pred += 1
            if key in wanted and gold_speaker == q.speaker_id:
                scores.attr_right += 1
            else:
                scores.errors.append(f"WRONG SPEAKER {where}: “{q.text[:30]}” -> {q.speaker_id} "
                                     f"(gold {gold_speaker}, {q.pattern})")
    for key, (speaker, article) in wanted.items():
        if key not in seen:
            scores.errors.append(f"missed span  {article}: “{key[1][:30]}” ({speaker})")
        elif speaker and not seen[key][0].speaker_id:
            scores.errors.append(f"unattributed {seen[key][1]} {seen[key][0].anchor}: “{key[1][:30]}” (gold {speaker})")
    return scores


def evaluate(gold_path: Path, speakers_path: Path) -> Scores:
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    registry = load_registry(speakers_path)
    scores = Scores()
    for article in gold["articles"]:
        score_article(article, registry, scores)
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "tests/data/quotes_gold.yml")
    parser.add_argument("--speakers", type=Path, default=ROOT / "seeds/speakers.yml")
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--corpus", type=Path, help="check the labels against a built corpus directory")
    args = parser.parse_args(argv)
    s = (evaluate_corpus(args.gold, args.speakers, args.corpus) if args.corpus
         else evaluate(args.gold, args.speakers))
    print(f"spans        precision {s.span_precision:.3f} ({s.span_tp}/{s.span_pred})  "
          f"recall {s.span_recall:.3f} ({s.span_tp}/{s.span_gold})")
    print(f"attribution  precision {s.attribution_precision:.3f} ({s.attr_right}/{s.attr_pred})  "
          f"recall {s.attribution_recall:.3f} ({s.attr_right}/{s.attr_gold})")
    if args.show_errors:
        print("\n".join(s.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
