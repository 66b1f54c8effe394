"""Quotes across the corpus: merged reports, speakers, and the corpus/quotes.jsonl contract."""

import hashlib
import json
import re

import pytest

from zhcorpus.quotes.quotebook import _group, collect, normalized, Reported
from zhcorpus.quotes.direct import Quote
from zhcorpus.corpus.writers import Article


def report(text, speaker_id=None, slug="a", name=None):
    quote = Quote(text=text, speaker_name=name, speaker_id=speaker_id, role=None, country=None,
                  anchor="p1", verb="说", start=0, end=len(text))
    return Reported(quote, slug, "标题", "新华社", "2025-06-17")


def grouped(*reports):
    return sorted(sorted(r.slug for r in group) for group in _group(list(reports)))


@pytest.mark.parametrize("reports, groups", [
    # the same words, punctuation aside, are one quote
    ([report("和平是地区各国人民的共同企盼。", slug="a"), report("和平是地区各国人民的共同企盼", slug="b")], [["a", "b"]]),
    # an excerpt of a longer report is the same quote
    ([report("唯有不移公平正义之心、不坠互利共赢之志，才能维护世界和平", slug="a"),
      report("唯有不移公平正义之心、不坠互利共赢之志，才能维护世界和平、实现共同发展", slug="b")], [["a", "b"]]),
    # one speaker, wording differing around a long shared run
    ([report("这些举措对每个参与国都至关重要，相信我们在未来能迅速取得重大进展。", "muhriddin", "a"),
      report("这是此次峰会重要成果，对每个参与国都至关重要。相信我们在未来能迅速取得重大进展。", "muhriddin", "b")],
     [["a", "b"]]),
    # left apart: different speakers, even for the same words
    ([report("我们要始终秉持，不断发扬光大。", "xi-jinping", "a"), report("我们要始终秉持，不断发扬光大。", "tokayev", "b")],
     [["a"], ["b"]]),
    # left apart: a short quote inside a long one may be a coincidence
    ([report("前景令人期待", slug="a"), report("这一合作的前景令人期待，我们充满信心。", slug="b")], [["a"], ["b"]]),
    # left apart: a shared run without a common speaker
    ([report("这些举措对每个参与国都至关重要，相信我们在未来能迅速取得重大进展。", None, "a"),
      report("这是此次峰会重要成果，对每个参与国都至关重要。相信我们在未来能迅速取得重大进展。", None, "b")],
     [["a"], ["b"]]),
])
def test_reports_of_one_utterance_are_merged(reports, groups):
    assert grouped(*reports) == groups


def test_the_same_words_from_two_speakers_are_two_quotes_with_two_ids():
    from zhcorpus.quotes.speakers import registry_from_data

    words = "我们要始终秉持，不断发扬光大。"
    found = [(_article("a"), [report(words, "xi-jinping", "a").quote]),
             (_article("b"), [report(words, "tokayev", "b").quote]),
             (_article("c"), [report("前景令人期待，我们充满信心。", "tokayev", "c").quote])]
    registry = registry_from_data({"speakers": [
        {"id": "xi-jinping", "zh_hans": "习近平"}, {"id": "tokayev", "zh_hans": "托卡耶夫"}]})
    entries, _, _ = collect(found, registry)
    ids = {e["speaker_id"] + ":" + e["text"][:4]: e["id"] for e in entries}
    assert len(set(ids.values())) == 3
    assert ids["xi-jinping:我们要始"] != ids["tokayev:我们要始"]
    # A quote no other speaker shares keeps the id of its words alone.
    assert ids["tokayev:前景令人"] == "q-" + hashlib.sha1(normalized("前景令人期待，我们充满信心。").encode()).hexdigest()[:10]


def _article(slug):
    return Article(front={"slug": slug, "title": "标题", "source": "新华社", "date": "2025-06-17"}, body=())


def test_normalized_ignores_punctuation_and_spaces():
    assert normalized("“中国—中亚精神”，我们 要秉持。") == "中国中亚精神我们要秉持"


@pytest.fixture(scope="module")
def quotes(built_corpus):
    return [json.loads(line) for line in (built_corpus / "quotes.jsonl").read_text(encoding="utf-8").splitlines()]


def test_quotes_jsonl_points_at_real_paragraphs(built_corpus, quotes):
    articles = {json.loads(l)["slug"]: json.loads(l) for l in
                (built_corpus / "articles.jsonl").read_text(encoding="utf-8").splitlines()}
    assert len(quotes) >= 60
    for quote in quotes:
        assert re.fullmatch(r"q-[0-9a-f]{10}", quote["id"])
        for source in quote["sources"]:
            body = articles[source["slug"]]["body"]
            paragraph = re.search(r"(?m)^(.*)\n\{: #" + source["anchor"] + r" \}$", body).group(1)
            assert normalized(source["text"])[:20] in normalized(paragraph.replace("\\", ""))


def test_scare_quotes_are_never_listed(quotes):
    texts = {q["text"] for q in quotes}
    for term in ("一带一路", "三股势力", "西安愿景", "中国—中亚精神", "心联通", "丝绸之路经济带"):
        assert term not in texts


@pytest.mark.parametrize("start, speaker_id", [
    ("深化中国—中亚合作，是我们这代领导人", "xi-jinping"),
    ("我欢迎建立关于减贫、教育交流、荒漠化防治的合作中心", "mirziyoyev"),
    ("文物是无声的外交官。", "ding-yan"),
    ("‘中国—中亚精神’深刻体现中亚国家同中国关系的本质", "jekshenkulov"),
])
def test_known_quotes_have_their_speaker(quotes, start, speaker_id):
    [quote] = [q for q in quotes if q["text"].startswith(start)]
    assert quote["speaker_id"] == speaker_id


def test_a_quote_reported_twice_lists_both_reports(quotes):
    [quote] = [q for q in quotes if q["speaker_id"] == "muhriddin" and "对每个参与国都至关重要" in q["text"]]
    assert len(quote["sources"]) == 2 and quote["wording_differs"]


def test_extended_registry_is_written_to_the_corpus(built_corpus, root):
    import yaml

    registry = yaml.safe_load((built_corpus / "speakers.yml").read_text(encoding="utf-8"))
    seeds = yaml.safe_load((root / "seeds" / "speakers.yml").read_text(encoding="utf-8"))
    ids = [s["id"] for s in registry["speakers"]]
    assert ids[: len(seeds["speakers"])] == [s["id"] for s in seeds["speakers"]]
    assert len(ids) == len(set(ids))


def test_new_people_become_one_speaker_each_and_nobody_becomes_one(root):
    """Issue 15: a person the registry does not know, printed in full in one article and by
    family name in another, is one speaker with role and organization; an unnamed speaker
    (一位网友) is shown with the quote and never made a speaker."""
    from zhcorpus.quotes.direct import extract_quotes
    from zhcorpus.quotes.speakers import load_registry

    registry = load_registry(root / "seeds" / "speakers.yml")
    texts = {
        "a": ["北京外国语大学俄语学院副教授孙晓梅说：“中亚国家的年轻人学中文的热情很高。”",
              "物流公司司机努尔兰·卡斯莫夫告诉记者：“现在一趟车跑下来比以前快了一天。”"],
        "b": ["“口岸的效率提高了很多。”卡斯莫夫说。", "一位网友留言说：“希望航班再多一些，票价再便宜一些。”"],
    }
    found = [(_article(slug), extract_quotes([(f"p{i}", t) for i, t in enumerate(paragraphs, 1)],
                                             article_kind="report", registry=registry))
             for slug, paragraphs in texts.items()]
    entries, bigger, quoted = collect(found, registry)
    new = {s.zh_hans: s for s in bigger.speakers[len(registry.speakers):]}
    assert set(new) == {"孙晓梅", "努尔兰·卡斯莫夫"}
    assert (new["孙晓梅"].role, new["孙晓梅"].organization) == ("副教授", "北京外国语大学俄语学院")
    assert new["努尔兰·卡斯莫夫"].aliases == ("努尔兰·卡斯莫夫", "卡斯莫夫")
    by_text = {e["text"][:4]: e for e in entries}
    assert by_text["口岸的效"]["speaker_id"] == by_text["现在一趟"]["speaker_id"] == new["努尔兰·卡斯莫夫"].id
    assert by_text["中亚国家"]["organization"] == "北京外国语大学俄语学院"
    assert (by_text["希望航班"]["speaker"], by_text["希望航班"]["speaker_id"]) == ("一位网友", None)
    assert "organization" not in by_text["希望航班"]
