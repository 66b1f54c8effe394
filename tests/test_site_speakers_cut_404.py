"""The real `mkdocs build --strict` of a small corpus (issue 16, item 7): the speaker
index in Chinese order with people apart from groups, sayings and media; paragraphs
the paper cut marked in both editions; a 404 page in each edition's script that
searches that edition."""

from __future__ import annotations

import html as htmllib
import re
import shutil
from pathlib import Path

import pytest

from zhcorpus.site.buildrun import FIXTURES, build_site

HANT = "zh-Hant"
XINHUA = "2025-06-15-xinhua-qianqiu-silu-xin-pianzhang"  # cut after p2 below
WENWEIPO = "2025-06-18-wenweipo-wang-yi-tan-xi-zhuxi-zhongya-xing"  # printed in Traditional; cut after p2
CUT = {"zh-Hans": "（原文此处截断）", HANT: "（原文此處截斷）"}

# The fixtures' speakers (plus a saying and a paper, below) in the order of a Chinese
# index: by pinyin, not by id or English name. wang-yi has no registry entry: its id
# is its name, and it is a person (the registry's default kind).
PEOPLE = ["berdimuhamedov",  # 别尔德穆哈梅多夫 bie2
          "rahmon",          # 拉赫蒙 la1
          "mirziyoyev",      # 米尔济约耶夫 mi3
          "tokayev",         # 托卡耶夫 tuo1
          "wang-yi",         # wang-yi
          "muhriddin",       # 西罗吉丁·穆赫里丁 xi1
          "xi-jinping",      # 习近平 xi2
          "japarov"]         # 扎帕罗夫 zha1
GROUPS = ["central-asian-leaders",  # 中亚五国领导人 zhong1 ya4 wu3
          "central-asian-proverb"]  # 中亚谚语 zhong1 ya4 yan4
MEDIA = ["reuters"]
EXTRA_SPEAKERS = """\
- {id: central-asian-proverb, zh_hans: 中亚谚语, zh_hant: 中亞諺語, en: a Central Asian proverb, aliases: [], role: null, country: null, kind: group}
- {id: reuters, zh_hans: 路透社, zh_hant: 路透社, en: Reuters, aliases: [], role: null, country: GB, kind: media}
"""


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("order-cut-404")
    corpus = root / "corpus"
    shutil.copytree(FIXTURES / "corpus", corpus)
    with (corpus / "speakers.yml").open("a", encoding="utf-8") as registry:
        registry.write(EXTRA_SPEAKERS)
    articles = corpus / "articles"
    _edit(articles / f"{XINHUA}.md", "speakers: [tokayev, xi-jinping]",
          "speakers: [tokayev, xi-jinping, central-asian-proverb, reuters]\ntruncated_in_print: [p2]")
    _edit(articles / f"{WENWEIPO}.md", "speakers: [", "truncated_in_print: [p2]\nspeakers: [")
    result = build_site(root / "site", corpus, FIXTURES / "seeds" / "taxonomy.yml", FIXTURES / "seeds" / "speakers.yml")
    assert result.returncode == 0, result.log
    assert result.warnings == []
    return result.site_dir


def _page(site: Path, ed: str, path: str) -> str:
    root = site / HANT if ed == HANT else site
    return (root / path / "index.html").read_text(encoding="utf-8") if path else (root / "404.html").read_text(
        encoding="utf-8")


def _sections(html: str) -> dict[str, list[str]]:
    """Section anchor -> the speaker ids listed under it, in order."""
    article = html.split("<article", 1)[1].split("</article>", 1)[0]
    out = {}
    for part in re.split(r'(?=<h2 id=")', article)[1:]:
        anchor = re.match(r'<h2 id="([a-z]+)"', part).group(1)
        out[anchor] = re.findall(r'<li><a href="([a-z0-9-]+)/"', part)
    return out


@pytest.mark.parametrize("ed", ["zh-Hans", HANT])
def test_speaker_index_lists_people_apart_in_chinese_order(site, ed):
    html = _page(site, ed, "speakers")
    assert _sections(html) == {"people": PEOPLE, "groups": GROUPS, "media": MEDIA}
    headings = re.findall(r'<h2 id="[a-z]+">([^<]+)<', html)
    assert headings == (["人物", "群体、先贤与谚语", "媒体"] if ed == "zh-Hans" else ["人物", "羣體、先賢與諺語", "媒體"])


def test_the_home_page_counts_people_only(site):
    home = htmllib.unescape(_page(site, "zh-Hans", "."))
    # 8 speakers of articles in the fixtures (muhriddin and the leaders are only quoted),
    # of which the saying and the paper are no people.
    assert f"涉及 <strong>{len(PEOPLE) - 1}</strong> 位人物" in home


@pytest.mark.parametrize("name, before, after", [
    ("习近平", "托卡耶夫", "扎帕罗夫"),         # x between t and z, whatever the English name
    ("西罗吉丁·穆赫里丁", "王毅", "习近平"),     # xi1 before xi2; the dot is no letter
    ("丁穆罕默德·科纳克巴耶夫", "崔桂鹏", "丁岩"),  # ding1 mu4 before ding1 yan2
    ("“24NewsHD”新闻网", "", "阿尔特奈"),        # digits first, quotation marks skipped
    ("绿", "路", "马"),                         # lv after lu
])
def test_chinese_order_follows_pinyin_syllable_by_syllable(name, before, after):
    from zhcorpus.site.speakerpage import chinese_order

    assert chinese_order(before) < chinese_order(name) < chinese_order(after)


def test_equal_readings_are_ordered_by_the_name_itself():
    from zhcorpus.site.speakerpage import chinese_order

    assert chinese_order("期") != chinese_order("七")  # same qi1: the name breaks the tie
    assert sorted(["期", "七"], key=chinese_order) == sorted(["七", "期"], key=chinese_order)


def _cut_after(html: str, anchor: str) -> list[str]:
    """The notes that follow paragraph ``anchor`` directly."""
    return re.findall(rf'<p id="{anchor}">(?:(?!</p>).)*</p>\s*<p class="zh-cut">([^<]*)</p>', html, re.S)


@pytest.mark.parametrize("ed", ["zh-Hans", HANT])
@pytest.mark.parametrize("slug, anchors", [
    (XINHUA, ["p2"]),
    # The Simplified edition shows a Hong Kong article twice (简体 and 原文 tabs).
    (WENWEIPO, {"zh-Hans": ["p2", "orig-p2"], HANT: ["p2"]}),
])
def test_a_paragraph_the_paper_cut_is_marked_in_both_editions(site, ed, slug, anchors):
    anchors = anchors[ed] if isinstance(anchors, dict) else anchors
    html = _page(site, ed, f"articles/{slug}")
    for anchor in anchors:
        (note,) = _cut_after(html, anchor)
        assert note.startswith(CUT[ed])
        assert ("并非本站删节" if ed == "zh-Hans" else "並非本站刪節") in note
    assert html.count('class="zh-cut"') == len(anchors)  # no other paragraph is marked


def test_the_printed_text_of_a_cut_paragraph_stays_as_printed(site):
    from zhcorpus.site.corpus import load_articles

    (hk,) = [a for a in load_articles(FIXTURES / "corpus" / "articles") if a.slug == WENWEIPO]
    printed = next(p["text"] for p in hk.original["paragraphs"] if p["anchor"] == "p2")
    html = htmllib.unescape(_page(site, HANT, f"articles/{WENWEIPO}"))
    assert printed in html


def test_each_edition_has_a_404_in_its_script_that_searches_it(site):
    for ed, root, words, other in [("zh-Hans", "/zhcorpus/", "页面不存在", "頁面"),
                                   (HANT, "/zhcorpus/zh-Hant/", "頁面不存在", "页面")]:
        html = _page(site, ed, "")
        assert f'<html lang="{ed}"' in html[:300]
        body = html.split("<article", 1)[1].split("</article>", 1)[0]
        assert words in body and other not in body
        form = re.search(r'<form class="zh-404-search"[^>]*action="([^"]+)"[^>]*>(.*?)</form>', body, re.S)
        assert form and form.group(1) == root + "search/", ed
        assert re.search(r'<label for="zh-404-q">[^<]+</label>', form.group(2))
        assert re.search(r'<input type="search" id="zh-404-q" name="q"', form.group(2))
        assert f'href="{root}" class="zh-home-link"' in body
    # GitHub Pages serves the root 404.html for every missing address: under zh-Hant/
    # it hands over to the Traditional one.
    assert '"/zhcorpus/zh-Hant/"' in _page(site, "zh-Hans", "")
