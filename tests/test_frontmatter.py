"""Front matter: the direct writer writes PyYAML's bytes or leaves the value to PyYAML."""

import random

import pytest
import yaml

from zhcorpus.corpus.frontmatter import direct_front_matter, dump_front_matter, yaml_front_matter

# The build uses libyaml's dumper when PyYAML has it. The two differ on characters
# beyond the Basic Multilingual Plane (libyaml escapes them), which are left to it.
DUMPERS = [yaml.SafeDumper] + ([yaml.CSafeDumper] if hasattr(yaml, "CSafeDumper") else [])


def corpus_fronts(corpus):
    return [yaml.safe_load(path.read_text(encoding="utf-8")[4:].split("\n---\n", 1)[0])
            for path in sorted((corpus / "articles").glob("*.md"))]


def test_every_article_is_written_directly_as_pyyaml_writes_it(built_corpus):
    fronts = corpus_fronts(built_corpus)
    assert len(fronts) >= 14
    for front in fronts:
        direct = direct_front_matter(front)
        assert direct is not None, front  # the seeds' front matter is all simple
        for dumper in DUMPERS:
            assert direct == yaml_front_matter(front, dumper)


# (value, written directly?) in {"k": value}: either way, the bytes are PyYAML's.
VALUES = [
    ("第二届中国—中亚峰会", True),
    ("“把坏天气变成好天气”——哈萨克斯坦青年", True),
    ("●香港文汇报记者 马静 北京报道", True),
    ("全球多达40%的土地", True),
    ("2025-06-15-xinhua-ba-huaitianqi", True),
    ("gen01311.txt", True),
    ("1e5", True),
    ("2025-06-17", True),         # a date to YAML: written single-quoted
    ("123", True), ("yes", True), ("Off", True), ("null", True), ("1_000", True), ("12:30", False),
    (None, True), (True, True), (False, True), (0, True), (-7, True), ([], True), ({}, True),
    (["summit", "security"], True),
    ({"events": {"summit": ["中国—中亚峰会"]}}, True),
    ([{"anchor": "p1", "text": "「這裏顯示」"}], True),
    # left to PyYAML
    ("", False), (" 前导空格", False), ("尾随空格 ", False), ("两个  空格", False),
    ("-开头", False), (".开头", False), ("%开头", False), ("a: b", False), ("标题 #注释", False),
    ("#x", False), ("*y", False), ("&z", False), ("!w", False), ("|v", False), (">u", False), ("'引号'", False),
    ('"引号"', False), ("tab\there", False), ("换\n行", False), ("\u2028", False), ("\ufeff字", False),
    ("𠀀扩展B", False), ("~", False), ("<script>", False), ("[1]", False), ("{a}", False), ("a,b", False),
    (1.5, False), (("元", "组"), False), ([["嵌套"]], False), ([{"a": ["深"]}], False), ([{}], False),
]


@pytest.mark.parametrize("value, direct", VALUES)
def test_a_value_is_written_as_pyyaml_writes_it(value, direct):
    front = {"k": value}
    assert (direct_front_matter(front) is not None) is direct
    assert dump_front_matter(front) == yaml_front_matter(front)
    if direct:  # and the same bytes whether PyYAML has libyaml or not
        assert all(direct_front_matter(front) == yaml_front_matter(front, dumper) for dumper in DUMPERS)


@pytest.mark.parametrize("key", ["title", "中文键", "on", "123", "a b", "-k", "", 1, None, True])
def test_a_key_is_written_as_pyyaml_writes_it(key):
    front = {key: "值"}
    assert dump_front_matter(front) == yaml_front_matter(front)


def test_a_container_met_twice_is_left_to_pyyaml():
    """PyYAML writes it once with an anchor, then an alias: the direct writer does not try."""
    shared = ["summit"]
    front = {"events": shared, "also": shared, "empty": [], "none": None}
    assert direct_front_matter(front) is None
    assert "&id001" in dump_front_matter(front) and dump_front_matter(front) == yaml_front_matter(front)


def test_strings_made_of_risky_characters_are_written_as_pyyaml_writes_them():
    """Short strings over the characters YAML's syntax uses, next to safe ones."""
    alphabet = list("-.:#%'\" \t\n,[]{}&*!|>?@`~0123aeynoTF_+=<") + ["中", "，", "“", "\u2028", "\x85", "\ufeff"]
    rng = random.Random(20250617)
    directly = 0
    for _ in range(4000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 6)))
        front = {"k": text, "list": [text, "中文"], "nested": {"x": text}}
        direct = direct_front_matter(front)
        assert dump_front_matter(front) == yaml_front_matter(front), repr(text)
        if direct is not None:
            directly += 1
            assert all(direct == yaml_front_matter(front, dumper) for dumper in DUMPERS), repr(text)
    assert directly > 100  # the direct writer was tried, not only the fallback


def test_generated_articles_are_written_directly_as_pyyaml_writes_them(root, tmp_path):
    """Generated pages add Traditional originals (a list of mappings) and every layout."""
    from zhcorpus.build.pipeline import build
    from zhcorpus.build.generate import generate_pages

    generate_pages(root / "seeds", tmp_path / "seeds", 30, seed=3)
    fronts = [article.front for article in build(tmp_path / "seeds", tmp_path / "corpus", write=False).articles]
    assert len(fronts) > 40 and any("original" in front for front in fronts)
    for front in fronts:
        assert all(direct_front_matter(front) == yaml_front_matter(front, dumper) for dumper in DUMPERS)
