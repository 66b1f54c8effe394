"""Score the English and Russian development pages (dev/latin) against their truth, per language.

Builds dev/latin/pages with the real CLI (as eval_dev.py does) and reports, per language:
articles found (title or first words), outlet, date, byline, lang, and quotes recall (truth
quotes found and given to the right person) and precision (built attributed quotes right).
A person only dev/latin/speakers.yml knows is right when the built speaker name is theirs.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "dev" / "latin"


def build(pages: Path, out: Path) -> None:
    seeds = out / "seeds"
    seeds.mkdir()
    for page in pages.glob("*.txt"):
        shutil.copy(page, seeds / page.name)
    for name in ("taxonomy.yml", "speakers.yml"):
        shutil.copy(ROOT / "seeds" / name, seeds / name)
    subprocess.run([str(Path(sys.executable).parent / "zhcorpus"), "build", "--seeds", str(seeds), "--corpus",
                    str(out / "corpus"), "--no-cache", "--jobs", "1"], check=False, capture_output=True)


def main() -> None:
    people = {s["id"]: {s["zh_hans"], *s.get("aliases", [])}
              for s in yaml.safe_load((DEV / "speakers.yml").read_text(encoding="utf-8"))["speakers"]}
    with tempfile.TemporaryDirectory() as tmp:
        build(DEV / "pages", Path(tmp))
        corpus = Path(tmp) / "corpus"
        articles = [json.loads(line) for line in (corpus / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
        quotes = [json.loads(line) for line in (corpus / "quotes.jsonl").read_text(encoding="utf-8").splitlines()]
    score: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    errors = []
    for truth_file in sorted((DEV / "truth").glob("*.yml")):
        truth = yaml.safe_load(truth_file.read_text(encoding="utf-8"))
        lang = truth["lang"]
        built = [a for a in articles if a["seed"] == truth["page"]]
        page_quotes = [(q, s) for q in quotes for s in q["sources"] if any(s["slug"] == a["slug"] for a in built)]
        for art in truth["articles"]:
            found = next((a for a in built if a["title"] == art["title"] or
                          a["body"].startswith(art["first_words"])), None)
            checks = {"articles": found is not None}
            if found:
                checks.update(outlet=found["source_id"] == art["outlet"],
                              date=found["date"] == (str(art["date"]) if art["date"] else None),
                              byline=found["byline"] == art["byline"], lang=found["lang"] == lang)
            for key, ok in checks.items():
                score[lang][key][0] += ok
                score[lang][key][1] += 1
                if not ok:
                    errors.append(f"{truth['page']}: {key} wrong: {found and found.get({'outlet': 'source_id'}.get(key, key))}")
            for tq in art.get("quotes") or []:
                hit = next((q for q, _ in page_quotes if q["text"].startswith(tq["text"])), None)
                ok = hit is not None and right(hit, tq["speaker"], people)
                score[lang]["quote_recall"][0] += ok
                score[lang]["quote_recall"][1] += 1
                if not ok:
                    errors.append(f"{truth['page']}: quote missed or misattributed: {tq['text']} -> {hit and hit['speaker']}")
        expected = [tq for art in truth["articles"] for tq in art.get("quotes") or []]
        for q, _ in page_quotes:
            if not (q["speaker_id"] or q["speaker"]):
                continue
            tq = next((t for t in expected if q["text"].startswith(t["text"])), None)
            ok = tq is not None and right(q, tq["speaker"], people)
            score[lang]["quote_precision"][0] += ok
            score[lang]["quote_precision"][1] += 1
            if not ok:
                errors.append(f"{truth['page']}: wrong quote: {q['text'][:30]} -> {q['speaker']}")
    for lang, measures in sorted(score.items()):
        print(lang, "  ".join(f"{k} {v[0]}/{v[1]}" for k, v in measures.items()))
    if "--show-errors" in sys.argv:
        print("\n".join(errors))


def right(quote: dict, speaker: str, people: dict[str, set[str]]) -> bool:
    return quote["speaker_id"] == speaker or speaker in people and quote["speaker"] in people[speaker]


if __name__ == "__main__":
    main()
