"""Hostile text from every source the site shows, through the real builds.

The payloads below go into every place text reaches a page from: a seed's
headline, body and section heading (a Simplified and a Hong Kong page), a
sidecar title, taxonomy names and match terms, speakers.yml names and roles, a
speaker the build detects itself, and mkdocs.yml's own text (site name,
description, author, nav titles). ``zhcorpus build`` and the real ``mkdocs
build --strict`` (both editions) run on them; then every HTML file is parsed
and must hold no element or attribute a payload would make, and every
<title> shows its text literally. tests/browser/test_site_security_browser.py
opens every kind of page of the same site in Chromium.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from zhcorpus.build.pipeline import build
from zhcorpus.site.buildrun import REPO, build_site

TITLE_BREAK = "</title><img src=x onerror=alert(1)>"
SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE_BREAK = '"><svg onload=alert(1)>'
JINJA = "{{ 7*7 }}"
ESCAPED = "&lt;b&gt;"  # already-escaped text must show as these eight characters
PAYLOADS = (TITLE_BREAK, SCRIPT, ATTRIBUTE_BREAK, JINJA, ESCAPED)
ALL = "".join(PAYLOADS)
# A name the build finds before 说 must pass the name check (quotes/personnames.py): no
# payload does, so the hostile "speaker" makes no speaker, and the speaker the build
# does detect is a checked name.
HOSTILE_SPEAKER = "<svg onload=alert()>"
DETECTED = "张建国"

HEADLINE = f"峰会标题{TITLE_BREAK}结束"
SIDECAR_TITLE = f"标题{ATTRIBUTE_BREAK}{JINJA}{ESCAPED}{SCRIPT}"
HK_HEADLINE = f"港報標題{TITLE_BREAK}完"
SITE_NAME = f"语料{TITLE_BREAK}{ESCAPED}"

SEEDS = {
    "000_hostile.txt": f"""{HEADLINE}

新华社阿斯塔纳6月17日电 第二届中国—中亚峰会在阿斯塔纳举行。正文{ALL}都只是文字，中亚各国共同推进贸易投资。

“我们的合作根植于两千多年的友好往来，巩固于建交三十多年的团结互信。”{HOSTILE_SPEAKER}说。

“中亚各国共同推进贸易投资，合作前景广阔。”研究员{DETECTED}说。

托卡耶夫总统说：“第二届中国—中亚峰会取得圆满成功，中亚贸易投资合作前景广阔。”
""",
    "000_hostile.yml": "source: xinhua\nyear: 2025\n",
    "001_sidecar.txt": """中亚合作迈上新台阶

新华社阿斯塔纳6月18日电 中国同中亚五国在阿斯塔纳签署永久睦邻友好合作条约，第二届中国—中亚峰会取得丰硕成果，贸易投资稳步增长。

“中亚国家愿同中国深化互联互通合作。”哈萨克斯坦总统托卡耶夫表示。
""",
    "001_sidecar.yml": yaml.safe_dump({"source": "xinhua", "year": 2025, "articles": [
        {"match": "中国同中亚五国在阿斯塔纳签署", "title": SIDECAR_TITLE}]}, allow_unicode=True),
    "002_hk.txt": f"""# {HK_HEADLINE}

香港文匯報訊 第二屆中國—中亞峰會在阿斯塔納舉行，原文{ALL}都只是文字，中亞貿易投資合作深化。

### 小標題{SCRIPT}{ATTRIBUTE_BREAK}

「中亞國家願同中國深化合作。」托卡耶夫說。
""",
    "002_hk.yml": "source: wenweipo\nyear: 2025\ndate: 2025-06-18\n",
}

TAXONOMY = {
    "topic": {"match": ["中亚", "峰会"]},
    "outlets": {
        "xinhua": {"zh_hans": f"新华社{TITLE_BREAK}", "zh_hant": f"新華社{ATTRIBUTE_BREAK}",
                   "en": f"Xinhua {SCRIPT}", "match": ["新华社"]},
        "wenweipo": {"zh_hans": f"香港文汇报{JINJA}{ESCAPED}", "zh_hant": "香港文匯報", "en": "Wen Wei Po",
                     "match": ["香港文汇报"]},
    },
    "events": {
        "summit": {"zh_hans": f"峰会{TITLE_BREAK}", "zh_hant": f"峰會{ATTRIBUTE_BREAK}", "en": f"{SCRIPT}{JINJA}",
                   "match": ["第二届中国—中亚峰会"], "min_hits": 1},
    },
    "themes": {
        # A match term that the body prints: article pages list it as why.
        "trade": {"zh_hans": f"{SCRIPT}贸易", "zh_hant": f"{TITLE_BREAK}貿易", "en": f"{ATTRIBUTE_BREAK}{ESCAPED}",
                  "match": ["贸易", SCRIPT]},
    },
}

SPEAKERS = {"speakers": [
    {"id": "tokayev", "zh_hans": f"托卡耶夫{TITLE_BREAK}", "zh_hant": f"托卡耶夫{ATTRIBUTE_BREAK}",
     "en": f"{SCRIPT}{JINJA}{ESCAPED}", "aliases": ["托卡耶夫", "托卡耶夫总统", "哈萨克斯坦总统托卡耶夫"],
     "role": f"哈萨克斯坦总统{SCRIPT}", "country": "KZ", "kind": "person"},
]}


class _IgnoreTags(yaml.SafeLoader):
    """mkdocs.yml has !ENV; only its nav is read here."""


_IgnoreTags.add_multi_constructor("!", lambda loader, suffix, node: None)


def hostile_config(folder: Path) -> Path:
    """An mkdocs.yml that INHERITs the checkout's, with hostile text of its own.
    Paths in an inherited file are relative to the file given to mkdocs, so
    they are given again, absolute."""
    nav = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags)["nav"]
    nav = [{f"{title}{PAYLOADS[n % len(PAYLOADS)]}": target for title, target in item.items()}
           for n, item in enumerate(nav)]
    config = {
        "INHERIT": str(REPO / "mkdocs.yml"),
        "site_name": SITE_NAME,
        "site_description": ATTRIBUTE_BREAK,
        "site_author": SCRIPT,
        "docs_dir": str(REPO / "docs"),
        "theme": {"custom_dir": str(REPO / "docs" / "overrides")},
        "hooks": [str(REPO / "scripts" / "zhcorpus" / "site" / "hooks.py")],
        "watch": [],
        "extra": {"zhcorpus": {"cache": str(REPO / "build" / "zhcorpus-cache")}},
        "nav": nav,
    }
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    hant = {"INHERIT": "mkdocs.yml", "theme": {"language": "zh-Hant"}, "extra": {"zhcorpus": {"edition": "zh-Hant"}}}
    (folder / "mkdocs-hant.yml").write_text(yaml.safe_dump(hant, allow_unicode=True), encoding="utf-8")
    return folder / "mkdocs.yml"


def build_hostile_site(folder: Path) -> Path:
    """Seeds -> corpus -> both editions, every input hostile; returns the site folder."""
    seeds = folder / "seeds"
    seeds.mkdir()
    for name, text in SEEDS.items():
        (seeds / name).write_text(text, encoding="utf-8")
    (seeds / "taxonomy.yml").write_text(yaml.safe_dump(TAXONOMY, allow_unicode=True), encoding="utf-8")
    (seeds / "speakers.yml").write_text(yaml.safe_dump(SPEAKERS, allow_unicode=True), encoding="utf-8")
    result = build(seeds, folder / "corpus", jobs=1)
    assert not result.errors, result.errors
    site = build_site(folder / "site", corpus=folder / "corpus", taxonomy=seeds / "taxonomy.yml",
                      speakers=seeds / "speakers.yml", config=hostile_config(folder))
    assert site.returncode == 0, site.log
    assert site.warnings == [], site.warnings
    return site.site_dir


def expected_titles(site: Path) -> dict[str, str]:
    """Page (relative to an edition's root) -> what its <title> starts with."""
    articles = sorted(p.parent.name for p in site.glob("articles/*/index.html"))
    by_word = {word: next(a for a in articles if word in a) for word in ("fenghui", "biaoti-svg", "gang-bao")}
    return {
        f"articles/{by_word['fenghui']}/index.html": HEADLINE,
        f"articles/{by_word['biaoti-svg']}/index.html": SIDECAR_TITLE,
        "events/summit/index.html": TAXONOMY["events"]["summit"]["zh_hans"],
        "themes/trade/index.html": TAXONOMY["themes"]["trade"]["zh_hans"],
        "outlets/xinhua/index.html": TAXONOMY["outlets"]["xinhua"]["zh_hans"],
        "outlets/wenweipo/index.html": TAXONOMY["outlets"]["wenweipo"]["zh_hans"],
        "speakers/tokayev/index.html": SPEAKERS["speakers"][0]["zh_hans"],
        "speakers/zhang-jian-guo/index.html": DETECTED,
    }


class Injected(HTMLParser):
    """What a browser would make of the page that a payload could have added:
    event-handler attributes, img src=x, svg, scripts calling alert.
    <title> is read as a browser reads it: text up to </title>."""

    CDATA_CONTENT_ELEMENTS = ("script", "style", "title", "textarea")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.title: str | None = None
        self.meta: dict[str, str] = {}
        self.text: list[str] = []
        self._open: str | None = None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag == "svg" and not any(name in ("viewbox", "xmlns") for name, _ in attrs):
            self.found.append(f"<svg {attrs}>")  # Material's icons all have a viewBox
        if tag == "img" and dict(attrs).get("src") == "x":
            self.found.append("<img src=x>")
        if tag == "meta" and dict(attrs).get("name"):
            self.meta[dict(attrs)["name"]] = dict(attrs).get("content")
        self._open = tag

    def handle_data(self, data):
        if self._open == "title" and self.title is None:
            self.title = html.unescape(data)
        elif self._open == "script" and "alert(" in data:
            self.found.append(f"<script>{data[:60]}")
        elif self._open not in ("script", "style", "title"):
            self.text.append(data)

    def handle_endtag(self, tag):
        self._open = None


def parse(page: Path) -> Injected:
    parser = Injected()
    parser.feed(page.read_text(encoding="utf-8"))
    parser.close()
    return parser


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    return build_hostile_site(tmp_path_factory.mktemp("hostile"))


def test_no_page_holds_an_element_or_attribute_from_a_payload(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 40
    found = {str(p.relative_to(hostile_site)): parse(p).found for p in pages}
    assert {page: bad for page, bad in found.items() if bad} == {}


def test_every_title_shows_its_text_literally(hostile_site):
    for page in sorted(hostile_site.rglob("*.html")):
        title = parse(page).title
        hant = page.relative_to(hostile_site).parts[0] == "zh-Hant"
        # The Traditional edition converts Han characters only: 语料 -> 語料.
        name = SITE_NAME.replace("语", "語") if hant else SITE_NAME
        assert title == name or title.endswith(f" - {name}"), (page, title)
    for page, text in expected_titles(hostile_site).items():
        assert parse(hostile_site / page).title == f"{text} - {SITE_NAME}", page
    assert not (hostile_site / "speakers" / "svgonloadalert").exists()  # markup is no name


def test_meta_tags_header_and_nav_show_their_text(hostile_site):
    home = parse(hostile_site / "index.html")
    assert home.meta["description"] == ATTRIBUTE_BREAK
    assert home.meta["author"] == SCRIPT
    text = "".join(home.text)
    assert SITE_NAME in text  # header and nav drawer
    for payload in PAYLOADS:
        assert payload in text, payload  # the nav titles


def test_the_search_worker_reads_the_format_the_index_writes():
    """The worker refuses a manifest of any other format (tests/browser/test_search_tampered.py)."""
    import re

    from zhcorpus.search import index

    worker = (Path(index.__file__).parent / "static" / "search-worker.js").read_text(encoding="utf-8")
    declared = int(re.search(r"^const FORMAT = (\d+);", worker, re.M).group(1))
    manifest = index.manifest_for(docs=0, shards=1, width=1, starts=[], chars=set(), aliases=None)
    assert manifest["format"] == declared


@pytest.mark.parametrize("anchor", ["'p1 onclick=alert(1)'", "'p1 } <b'", "x1"])
def test_an_original_anchor_that_could_add_an_attribute_is_an_error(tmp_path, anchor):
    """Anchors of the printed text go into attribute lists ({: #orig-p1 })."""
    import shutil

    from zhcorpus.site.buildrun import FIXTURES
    from zhcorpus.site.corpus import CorpusError, load_articles

    corpus = tmp_path / "articles"
    shutil.copytree(FIXTURES / "corpus" / "articles", corpus)
    edited = next(corpus.glob("*wenweipo*.md"))
    text = edited.read_text(encoding="utf-8")
    assert "    - anchor: p1\n" in text
    edited.write_text(text.replace("    - anchor: p1\n", f"    - anchor: {anchor}\n", 1), encoding="utf-8")
    with pytest.raises(CorpusError, match=f"{edited.name}: original paragraph anchor .* is not p<N> or s<N>"):
        load_articles(corpus)
