"""The development-set scorer (scripts/eval_dev.py): its truth files agree with the
pages, it gives known numbers on a hand-made corpus, and it runs on real builds.

No threshold on the engine here: these tests check the ruler, not what it measures.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import shutil
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "dev"


def _load_eval_dev():
    spec = importlib.util.spec_from_file_location("eval_dev", ROOT / "scripts" / "eval_dev.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_dev"] = module
    spec.loader.exec_module(module)
    return module


ev = _load_eval_dev()
PEOPLE = ev.load_people(DEV / "speakers.yml")
KNOWN = ev.registry_ids(ROOT / "seeds" / "speakers.yml")


def truth(page: str) -> dict:
    return yaml.safe_load((DEV / "truth" / f"{page}.yml").read_text(encoding="utf-8"))


def test_every_truth_file_agrees_with_its_page():
    outlets = ev.outlet_ids(ROOT / "seeds" / "taxonomy.yml")
    truths = ev.load_truths(DEV / "truth")
    assert len(truths) >= 40
    assert sorted(t["page"] for t in truths) == sorted(p.name for p in (DEV / "pages").glob("*.txt"))
    problems = [p for t in truths
                for p in ev.check_truth(t, (DEV / "pages" / t["page"]).read_text(encoding="utf-8"), outlets,
                                        KNOWN | set(PEOPLE))]
    assert problems == []


def test_the_check_names_what_a_truth_file_gets_wrong():
    t = truth("01_xinhua_astana_day")
    page = (DEV / "pages" / t["page"]).read_text(encoding="utf-8")
    broken = copy.deepcopy(t)
    broken["articles"][1]["first_words"] = "清晨七点，吉尔吉斯斯坦贾拉"
    broken["articles"][1]["quotes"].pop()  # “这里海拔高…” is then listed nowhere
    broken["articles"][0]["outlet"] = "no-such-outlet"
    problems = ev.check_truth(broken, page, {"xinhua"}, KNOWN | set(PEOPLE))
    assert any("first_words '清晨七点" in p for p in problems)
    assert any("“这里海拔高冬季长" in p for p in problems)
    assert any("no-such-outlet" in p for p in problems)


def test_required_kinds_are_each_covered_by_two_pages():
    counts: dict[str, int] = {}
    for t in ev.load_truths(DEV / "truth"):
        for kind in t["kinds"]:
            counts[kind] = counts.get(kind, 0) + 1
    assert len(ev.FAILURE_KINDS) == 22
    assert {k: counts.get(k, 0) for k in ev.FAILURE_KINDS if counts.get(k, 0) < 2} == {}


def perfect_corpus(truths: list[dict]) -> ev.Corpus:
    """What a right engine would write for these truth files."""
    articles, quotes = [], []
    for t in truths:
        for i, art in enumerate(t["articles"]):
            slug = f"{t['page']}-{i}"
            articles.append({"seed": t["page"], "slug": slug, "title": art["title"],
                             "body": art["first_words"] + "……{: #p1 }", "source_id": art["outlet"],
                             "date": None if art.get("undated") else str(art["date"]), "byline": art["byline"],
                             "events": [], "on_topic": art.get("on_topic", True)})
            for q in art.get("quotes") or []:
                quotes.append({"speaker_id": q["speaker"], "text": q["text"] + "。",
                               "sources": [{"slug": slug, "text": q["text"] + "。", "speaker": "x"}]})
    return ev.Corpus(articles, quotes)


def ratios(report) -> dict[str, tuple[int, int]]:
    return {m: (t.right, t.total) for m, t in report.total.items() if t.total}


def test_a_right_corpus_scores_one_everywhere():
    truths = [truth("10_globaltimes_print_interview"), truth("26_cna_two_items_yearless")]
    report = ev.score(truths, perfect_corpus(truths), KNOWN, PEOPLE)
    assert {m for m, (right, total) in ratios(report).items() if right != total} == {"undated_warned"}
    assert ratios(report)["articles_whole"] == (4, 4)
    assert ratios(report)["quote_recall"] == (6, 6)
    assert report.pages == {"globaltimes": 1, "cna": 1}


def test_known_mistakes_give_known_numbers():
    p10, p26 = truth("10_globaltimes_print_interview"), truth("26_cna_two_items_yearless")
    corpus = perfect_corpus([p10, p26])
    arts = {a["slug"]: a for a in corpus.articles}
    # page 26: both items built as one article, under the first headline and byline
    first, second = arts[f"{p26['page']}-0"], arts[f"{p26['page']}-1"]
    first["body"] = first["body"] + "。" + "本" * 50 + second["body"]
    corpus.articles.remove(second)
    # page 10: the first article's outlet not known
    arts[f"{p10['page']}-0"]["source_id"] = "unknown"
    by_text = {q["text"][:6]: q for q in corpus.quotes}
    # a registered speaker under another script's usage (托卡葉夫): a new id, wrong
    tokayev = by_text["我们的外交政"]
    tokayev.update(speaker_id="tuo-ka-ye-fu")
    tokayev["sources"][0].update(slug=first["slug"], speaker="托卡叶夫")
    # a title glued to a new person's name: wrong
    ma = by_text["有些西方媒体"]
    ma.update(speaker_id="lan-zhou-da-xue-ma-wen-bo")
    ma["sources"][0]["speaker"] = "兰州大学中亚研究所副教授马文博"
    # one new person under two ids: the id used more often counts, the other does not
    for prefix, sid, printed in (("十年前，我作为", "bie-ke-mu-la-tuo-fu", "阿斯卡尔·别克穆拉托夫"),
                                 ("年轻人最需要的", "bie-ke-mu-la-tuo-fu", "阿斯卡尔·别克穆拉托夫"),
                                 ("我在研究中亚国", "bie-ke-mu-la-tuo-fu-2", "别克穆拉托夫")):
        q = by_text[prefix[:6]]
        q["speaker_id"] = sid
        q["sources"][0]["speaker"] = printed
    corpus.names = {"bie-ke-mu-la-tuo-fu": ev.norm("阿斯卡尔·别克穆拉托夫"),
                    "bie-ke-mu-la-tuo-fu-2": ev.norm("别克穆拉托夫"),
                    "lan-zhou-da-xue-ma-wen-bo": ev.norm("兰州大学中亚研究所副教授马文博")}
    # a phrase in scare quotes listed as a quote, and attributed
    corpus.quotes.append({"speaker_id": "ping-lun", "text": "怎么干得更快",
                          "sources": [{"slug": f"{p10['page']}-0", "text": "怎么干得更快", "speaker": "评论"}]})
    report = ev.score([p10, p26], corpus, KNOWN, PEOPLE)
    got = ratios(report)
    assert got["pages_count"] == (1, 2)
    assert got["articles_found"] == (4, 4)
    assert got["articles_start"] == (3, 4)
    assert got["articles_separate"] == (2, 4)
    assert got["articles_titled"] == (3, 4)
    assert got["articles_whole"] == (2, 4)
    assert got["outlet"] == (3, 4)
    assert got["byline"] == (3, 4)  # the merged article carries the first item's byline
    assert got["date"] == (4, 4)
    assert got["quote_precision"] == (3, 7)  # rakhimova, bekmuratov twice
    assert got["quote_recall"] == (3, 6)
    assert got["slogans"] == (6, 7)
    assert report.by_outlet["cna"]["articles_separate"].right == 0
    qa = report.by_kind["qa-format"]["quote_recall"]  # all of page 10: rakhimova and bekmuratov twice
    assert (qa.right, qa.total) == (3, 5)
    assert any("slogan" in e and "怎么干得更快" in e for e in report.errors)


def test_undated_articles_count_as_warned_only_when_the_build_warned_about_their_page():
    p26 = truth("26_cna_two_items_yearless")
    quiet = ev.score([p26], perfect_corpus([p26]), KNOWN, PEOPLE)
    warned_corpus = perfect_corpus([p26])
    warned_corpus.warnings = [f"warning: {p26['page']}: no year for 台北17日電; the article is undated"]
    warned = ev.score([p26], warned_corpus, KNOWN, PEOPLE)
    assert ratios(quiet)["undated_warned"] == (0, 2)
    assert ratios(warned)["undated_warned"] == (2, 2)


def test_the_scorer_runs_on_dev_pages_built_by_the_engine(tmp_path, capsys):
    pages, truths = tmp_path / "pages", tmp_path / "truth"
    pages.mkdir()
    truths.mkdir()
    chosen = ("26_cna_two_items_yearless", "35_xinhua_bilaterals_narrow", "43_cns_three_briefs")
    for name in chosen:
        shutil.copy(DEV / "pages" / f"{name}.txt", pages)
        shutil.copy(DEV / "truth" / f"{name}.yml", truths)
    assert ev.main(["--pages", str(pages), "--truth", str(truths), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["pages_per_outlet"] == {"cna": 1, "xinhua": 1, "cns": 1}
    assert result["total"]["articles_found"]["total"] == 7
    assert result["total"]["quote_recall"]["total"] == 5
    assert not [e for e in result["errors"] if e.startswith("error:")]
