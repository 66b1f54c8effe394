"""The search index: exact substring results in either script, deterministic files."""

from __future__ import annotations

import hashlib

import opencc
import pytest

from zhcorpus.search import build_index, read_corpus
from zhcorpus.search.documents import split_body
from zhcorpus.search.fold import fold
from zhcorpus.search.query import MAX_ROUND, MIN_ROUND, Searcher, round_size

DOCS = [
    {"id": "t", "url": "articles/a/", "title": "国家统计局发布数据", "text": "国家统计局发布数据", "kind": "page"},
    {"id": "p1", "url": "articles/a/#p1", "title": "国家统计局发布数据", "kind": "section",
     "text": "国家统计局今天发布了五月的经济数据，GDP同比增长5.2%。"},
    {"id": "p2", "url": "articles/b/#p2", "title": "峰会", "kind": "section",
     "text": "托卡耶夫总统在阿斯塔纳会见习近平，双方了解彼此关切。"},
    {"id": "p3", "url": "articles/c/#p1", "title": "头发", "kind": "section", "text": "统计数据显示，局面稳定。"},
    {"id": "q", "url": "quotes/#q-1", "title": "托卡耶夫", "kind": "quote", "text": "托卡耶夫：中国是可靠的朋友。"},
]
ALIASES = {"kassym-jomart tokayev": ["托卡耶夫"], "tokayev": ["托卡耶夫"]}


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    out = tmp_path_factory.mktemp("index")
    build_index(DOCS, out, aliases=ALIASES)
    return Searcher.from_dir(out)


def urls(searcher, query):
    return sorted(h["url"] for h in searcher.search(query, limit=None) if "url" in h) or \
        sorted(searcher.doc(h["id"])["url"] for h in searcher.search(query, limit=None))


@pytest.mark.parametrize("query, expected", [
    ("统计局", ["articles/a/", "articles/a/#p1"]),                # sub-word inside 国家统计局
    ("計", ["articles/a/", "articles/a/#p1", "articles/c/#p1"]),  # single character, Traditional
    ("统", ["articles/a/", "articles/a/#p1", "articles/b/#p2", "articles/c/#p1"]),  # 总统 too
    ("国家统计局今天发布", ["articles/a/#p1"]),                    # phrase
    ("國家統計局今天發佈", []),                                      # 發佈 folds to 发布? only if OpenCC says so
    ("統計局", ["articles/a/", "articles/a/#p1"]),                # Traditional query
    ("瞭解彼此", ["articles/b/#p2"]),                               # phrase-level conversion 了解 -> 瞭解
    ("Tokayev", ["articles/b/#p2", "quotes/#q-1"]),               # English name via alias
    ("kassym-jomart TOKAYEV", ["articles/b/#p2", "quotes/#q-1"]),
    ("gdp", ["articles/a/#p1"]),                                  # Latin, case-folded
    ("5.2%", ["articles/a/#p1"]),
    ('"统计 数据"', []),                                           # quoted: the space is part of the phrase
    ("统计 数据", ["articles/a/", "articles/a/#p1", "articles/c/#p1"]),           # unquoted words: all must occur
    ("统计局面", []),                                               # 统计 + 局面 both occur in p3, not as one string
    ("可靠的朋友", ["quotes/#q-1"]),
    ("不存在", []),
])
def test_substring_results(searcher, query, expected):
    if query == "國家統計局今天發佈":  # computed truth instead of guessing OpenCC's tables
        expected = ["articles/a/#p1"] if fold("发佈") == fold("发布") else []
    assert urls(searcher, query) == expected


def test_scripts_give_identical_results(searcher):
    s2hk, s2tw = opencc.OpenCC("s2hk"), opencc.OpenCC("s2tw")
    for doc in DOCS:
        text = doc["text"]
        for n in (1, 2, 3, 5):
            for i in range(0, max(1, len(text) - n)):
                q = text[i:i + n].strip()
                if not q or '"' in q:
                    continue
                simplified = searcher.search(q, limit=None)
                assert searcher.search(s2hk.convert(q), limit=None) == simplified, q
                assert searcher.search(s2tw.convert(q), limit=None) == simplified, q


def test_every_substring_is_found_and_nothing_else(searcher):
    for doc in DOCS:
        text = fold(doc["text"])
        for n in (1, 2, 3, 4, 7):
            for i in range(len(text) - n + 1):
                q = text[i:i + n]
                if " " in q or '"' in q:
                    continue
                truth = [d["url"] for d in DOCS if q in fold(d["text"])]
                assert sorted(truth) == urls(searcher, q), q


def test_rank_titles_then_quotes_then_paragraphs(searcher):
    hits = searcher.search("托卡耶夫", limit=None)
    assert [searcher.doc(h["id"])["kind"] for h in hits] == ["quote", "section"]


def _digest(path):
    return {p.relative_to(path).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(path.rglob("*")) if p.is_file()}


def test_index_files_are_deterministic(tmp_path):
    build_index(DOCS, tmp_path / "a", aliases=ALIASES)
    build_index(list(reversed(DOCS)), tmp_path / "b", aliases=ALIASES)
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")


def test_corpus_documents(built_corpus, tmp_path):
    docs = read_corpus(built_corpus)
    kinds = {d["kind"] for d in docs}
    assert kinds == {"page", "section", "quote"}
    assert all("\\" not in d["text"] and "{:" not in d["text"] for d in docs)
    build_index(docs, tmp_path)
    searcher = Searcher.from_dir(tmp_path)
    hits = searcher.search("千岛湖", limit=3)
    assert hits and all("千岛湖" in h["text"] for h in hits)


def test_split_body_unescapes_markdown():
    body = "## 一、标题 {: #s1 }\n\n**卡塔尔半岛电视台**：增长99\\.5%，&quot;好&quot;\n{: #p1 }\n"
    assert split_body(body) == [("h", "s1", "一、标题"), ("p", "p1", '卡塔尔半岛电视台：增长99.5%，"好"')]


def _split_body_as_specified(body: str) -> list[tuple[str, str, str]]:
    """split_body as first written, searching each block for its anchor: the spec."""
    import html
    import re

    blocks = []
    for block in body.strip().split("\n\n"):
        block = block.strip()
        role = "h" if block.startswith("## ") else "p"
        if role == "h":
            block = block[3:]
        match = re.search(r"\s*\{: #([A-Za-z0-9_-]+) \}\s*$", block)
        anchor = match.group(1) if match else ""
        if match:
            block = block[:match.start()]
        text = html.unescape(re.sub(r"\\(.)", r"\1", re.sub(r"(?<!\\)\*\*", "", block))).replace("\n", " ").strip()
        if text:
            blocks.append((role, anchor, text))
    return blocks


@pytest.mark.parametrize("body", [
    "正文\n{: #p1 }",
    "正文 {: #p1 }\u3000{: #p2 }\n",           # only the last anchor, ideographic space before it
    "正文 {: #p1 } 后文\n{: #",                 # the last {: # is no anchor, nor the one before
    "{: #p1 }",                                  # an anchor and nothing else
    "## 标题 {: #s1 }\n\n\\*\\*星号\\*\\* &amp; {: #p_2-x }  \n",
    "**导语**：正文\\\n续 {: #p3 }",                # bold lead; a backslash before a newline stays
    "正文\xa0\n{: #p1 }\t",
])
def test_split_body_finds_the_anchor_the_format_puts_at_the_end(body):
    assert split_body(body) == _split_body_as_specified(body)


def test_split_body_agrees_with_its_spec_on_every_fixture_and_on_random_text():
    import random

    from zhcorpus.site.buildrun import FIXTURES
    from zhcorpus.site.corpus import load_articles

    bodies = [a.body for a in load_articles(FIXTURES / "corpus" / "articles")]
    rng = random.Random(11)
    pieces = ["甲", "a", " ", "\u3000", "\n", "\n\n", "{: #", "p1", " }", "{: #p2 }", "**", "\\", "\\*", "&amp;", "## "]
    bodies += ["".join(rng.choices(pieces, k=rng.randrange(25))) for _ in range(20_000)]
    anchored = 0
    for body in bodies:
        assert split_body(body) == _split_body_as_specified(body), repr(body)
        anchored += any(anchor for _, anchor, _ in split_body(body))
    assert anchored > 2_000


def test_alternatives_that_contain_another_are_dropped():
    from zhcorpus.search.query import drop_implied
    assert drop_implied(["阿斯塔纳宣言", "条约与阿斯塔纳宣言", "declaration"]) == ["阿斯塔纳宣言", "declaration"]
    assert drop_implied(["统计"]) == ["统计"]


MANY = [{"id": f"d{i}", "url": f"articles/a{i}/#p1", "title": f"标题{i}", "kind": "section",
         "text": f"第{i}段：双方合作深化，" + "各领域交流持续推进。" * 8} for i in range(60)]


def test_budget_caps_verification_and_limit_none_verifies_all(tmp_path):
    build_index(MANY, tmp_path)
    capped = Searcher.from_dir(tmp_path)
    hits = capped.search("合作深化", limit=50, budget=1)  # one round of 50 candidates, then stop
    assert len(hits) == 50 and not capped.complete
    full = Searcher.from_dir(tmp_path)
    assert len(full.search("合作深化", limit=None, budget=1)) == 60 and full.complete
    assert capped.bytes < full.bytes
    assert len(Searcher.from_dir(tmp_path).search("合作深化", limit=20)) == 20


def test_later_query_fetches_only_its_own_pieces(tmp_path):
    build_index(MANY, tmp_path)
    s = Searcher.from_dir(tmp_path)
    s.search("合作", limit=20)
    before = s.bytes
    s.search("交流持续", limit=5)
    total = sum(p.stat().st_size for p in tmp_path.rglob("*") if p.is_file() and p.suffix in (".bin", ".json"))
    assert 0 < s.bytes - before < total / 4


def test_benchmark_markdown_renders_the_same_text():
    import html

    import markdown

    from benchmarks.sites import _md
    for text in ["1. 第一条", "# 不是标题", "a*b*c_d_ [链接](x) <b>粗</b> 5.2%", "- 列表？", "＃全角"]:
        out = markdown.markdown(_md(text))
        assert out == f"<p>{html.escape(text, quote=False)}</p>", (text, out)


def test_fold_table_read_from_its_cache_is_the_table_made(tmp_path):
    from zhcorpus.search import fold

    made = dict(sorted(fold._make_han_table().items()))
    fold.han_table.cache_clear()
    try:
        fold.cache_table_in(tmp_path)
        assert fold.han_table() == made                      # made, then written
        (written,) = tmp_path.glob("fold-table-*.kept")
        fold.han_table.cache_clear()
        assert fold.han_table() == made and list(fold.han_table()) == list(made)   # read back
        data = bytearray(written.read_bytes())
        data[data.index("乾".encode()) + 2] ^= 0x01                              # one byte changed
        written.write_bytes(bytes(data))
        fold.han_table.cache_clear()
        assert fold.han_table() == made                      # is made again
        written.write_text("{torn", encoding="utf-8")
        fold.han_table.cache_clear()
        assert fold.han_table() == made                      # a damaged file is made again
        (tmp_path / "not-a-folder").write_text("", encoding="utf-8")
        fold.cache_table_in(tmp_path / "not-a-folder" / "cache")
        fold.han_table.cache_clear()
        assert fold.han_table() == made                      # an unwritable cache is skipped
    finally:
        fold._TABLE_CACHE.clear()
        fold.han_table.cache_clear()


def _rounds(real: list[bool], limit: int, size) -> int:
    """Round trips to find ``limit`` hits among candidates in order, verifying
    size(missing, verified, found) candidates a round."""
    hits = i = rounds = 0
    while i < len(real) and hits < limit:
        batch = real[i:i + size(limit - hits, i, hits)]
        hits, i, rounds = hits + sum(batch), i + len(batch), rounds + 1
    return rounds


@pytest.mark.parametrize("missing, verified, found, size", [
    (10, 0, 0, 10),      # first round: as many as are missing
    (3, 0, 0, MIN_ROUND),  # never fewer than MIN_ROUND
    (6, 10, 10, MIN_ROUND),  # every candidate held the text: as many as missing, at least MIN_ROUND
    (6, 10, 4, 15),      # 4 in 10 held it: 6 more results need about 15 candidates
    (9, 10, 1, MAX_ROUND),  # 1 in 10: capped, one round cannot fetch far past the budget
    (10, 10, 0, MAX_ROUND),  # none yet: as large as a round may be
    (50, 0, 0, 50),      # "more" asks for more than MAX_ROUND: still as many as are missing
    (30, 10, 5, 30),
])
def test_round_size_grows_with_the_share_of_candidates_that_failed(missing, verified, found, size):
    assert round_size(missing, verified, found) == size


def test_rounds_grow_when_candidates_fail_and_never_trickle(tmp_path):
    # 合作深 is a candidate wherever 合作 and 作深 both occur, a hit only where
    # the three characters stand together: one candidate in three fails.
    docs = [{"id": f"d{i}", "url": f"articles/a{i}/#p1", "title": f"标题{i}", "kind": "section",
             "text": f"第{i}段，合作深化交流。" if i % 3 else f"第{i}段，合作交流，工作深入。"} for i in range(60)]
    build_index(docs, tmp_path)
    s = Searcher.from_dir(tmp_path)
    ids, exact = s.candidates(s.parse("合作深"))
    real = ["合作深" in s.doc(i)["text"] for i in ids]
    assert not exact and not all(real)
    hits = s.search("合作深", limit=20)
    assert len(hits) == 20
    as_missing = _rounds(real, 20, lambda missing, verified, found: max(missing, MIN_ROUND))
    one_by_one = _rounds(real, 20, lambda missing, verified, found: 1)
    assert s.rounds == _rounds(real, 20, round_size) <= as_missing < one_by_one
    # One candidate in two fails: 10 then 8 (as many as missing) finds 9, a third round
    # is needed; 10 then 10 (grown by the failures) finds all 10 in two.
    alternate = [True, False] * 50
    assert _rounds(alternate, 10, round_size) == 2 < _rounds(alternate, 10, lambda m, v, f: max(m, MIN_ROUND)) == 3
