"""Issue 16 item 2: an unattributed quote whose exact words are in a speech of the corpus
is the speech's speaker's, with the basis recorded (attributed_by: speech)."""

import json

import pytest

from zhcorpus.corpus.writers import Article, Paragraph
from zhcorpus.quotes.direct import Quote
from zhcorpus.quotes.quotebook import collect
from zhcorpus.quotes.speakers import registry_from_data

REGISTRY = registry_from_data({"speakers": [
    {"id": "xi-jinping", "zh_hans": "习近平", "role": "中华人民共和国主席", "country": "CN"},
    {"id": "central-asian-proverb", "zh_hans": "中亚谚语", "kind": "group"}]})
SPEECH = (
    "我一贯主张，历史不能倒退，应当向前；世界不能分裂，应当团结。",
    "中亚有句谚语：“和睦与团结就是幸福与财富。”我们要携手同行。",
)


def _speech(date="2025-06-17", kind="speech", byline=("习近平",)):
    body = tuple(Paragraph("p", f"p{n}", text) for n, text in enumerate(SPEECH, 1))
    front = {"slug": "s", "title": "主旨发言", "source": "新华社", "date": date, "kind": kind,
             "byline": list(byline)}
    proverb = Quote("和睦与团结就是幸福与财富。", "中亚谚语", "central-asian-proverb", None, None, "p2", None, 0, 0)
    return Article(front=front, body=body), [proverb]


def _report(text, speaker_name=None, speaker_id=None, date="2025-06-18"):
    front = {"slug": "r", "title": "报道", "source": "新华社", "date": date, "kind": "report", "byline": []}
    quote = Quote(text, speaker_name, speaker_id, None, None, "p3", None, 0, 0)
    return Article(front=front, body=(Paragraph("p", "p3", text),)), [quote]


def _entry(report, speech=None):
    entries, _, _ = collect([speech or _speech(), report], REGISTRY)
    [entry] = [e for e in entries if any(source["slug"] == "r" for source in e["sources"])]
    return entry


def test_words_of_a_speech_become_its_speakers_with_the_basis():
    entry = _entry(_report("世界不能分裂，应当团结"))
    assert (entry["speaker_id"], entry["speaker"], entry["role"], entry["country"]) == (
        "xi-jinping", "习近平", "中华人民共和国主席", "CN")
    assert entry["attributed_by"] == "speech"
    assert entry["basis"] == {"slug": "s", "anchor": "p1"}
    # the report itself printed no speaker: its source keeps that
    assert entry["sources"][0]["speaker"] is None


@pytest.mark.parametrize("report, speech", [
    (_report("世界不能分裂，应当团结"), _speech(kind="report")),            # not a speech
    (_report("世界不能分裂，应当团结"), _speech(byline=("习近平", "王毅"))),  # not one speaker
    (_report("世界不能分裂，应当团结"), _speech(byline=("张三",))),          # speaker unknown
    (_report("世界不能分裂、必须团结"), None),                                # not the exact words
    (_report("应当团结"), None),                                              # too short: a stock phrase
    (_report("和睦与团结就是幸福与财富"), None),                              # the proverb the speech quotes
    (_report("世界不能分裂，应当团结", speaker_name="一名观察家"), None),     # a printed speaker
    (_report("世界不能分裂，应当团结", date="2025-06-16"), None),             # reported before the speech
])
def test_left_alone(report, speech):
    entry = _entry(report, speech)
    assert entry["speaker_id"] != "xi-jinping"
    assert "attributed_by" not in entry and "basis" not in entry


def test_words_in_the_speeches_of_two_speakers_stay_unattributed():
    registry = registry_from_data({"speakers": [
        {"id": "xi-jinping", "zh_hans": "习近平"}, {"id": "tokayev", "zh_hans": "托卡耶夫"}]})
    other = Article(front={"slug": "t", "title": "讲话", "source": "新华社", "date": "2025-06-17",
                           "kind": "speech", "byline": ["托卡耶夫"]},
                    body=(Paragraph("p", "p1", "世界不能分裂，应当团结。"),))
    entries, _, _ = collect([_speech(), (other, []), _report("世界不能分裂，应当团结")], registry)
    [entry] = [e for e in entries if e["slug"] == "r"]
    assert entry["speaker_id"] is None and "attributed_by" not in entry


def test_a_printed_speaker_wins_over_the_speech():
    unnamed = Article(front={**_report("")[0].front, "slug": "t"}, body=())
    entries, _, _ = collect([_speech(), _report("世界不能分裂，应当团结", "习近平主席", "xi-jinping"),
                             (unnamed, [Quote("世界不能分裂，应当团结", None, None, None, None, "p1", None, 0, 0)])],
                            REGISTRY)
    [entry] = [e for e in entries if e["text"].startswith("世界")]
    assert entry["speaker"] == "习近平主席" and "attributed_by" not in entry
    assert len(entry["sources"]) == 2


def test_the_seed_corpus_quote_of_xis_keynote_is_xis(built_corpus):
    quotes = [json.loads(line) for line in (built_corpus / "quotes.jsonl").read_text(encoding="utf-8").splitlines()]
    [quote] = [q for q in quotes if q["text"].startswith("我们要以‘中国—中亚精神’为引领")]
    assert quote["speaker_id"] == "xi-jinping" and quote["attributed_by"] == "speech"
    assert quote["basis"] == {"slug": "2025-06-17-xinhua-hongyang-zhongguo-zhongya-jingshen-tuidong-diqu",
                              "anchor": "p17"}
    by_speech = [q for q in quotes if q.get("attributed_by")]
    assert {q["speaker_id"] for q in by_speech} == {"xi-jinping"}
