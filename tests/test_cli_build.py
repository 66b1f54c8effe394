"""`zhcorpus build`: exit status, one-line errors, and text that must stay text."""

import json
import shutil
import subprocess
import sys

import pytest
import yaml

from zhcorpus.cli import main

GOOD_PAGE = """习近平会见塔吉克斯坦总统拉赫蒙

新华社阿斯塔纳6月17日电 当地时间6月17日上午，国家主席习近平在阿斯塔纳出席第二届中国—中亚峰会期间会见塔吉克斯坦总统拉赫蒙。

习近平指出，去年我对塔吉克斯坦进行国事访问，我们共同宣布建立中塔新时代全面战略合作伙伴关系。
"""


@pytest.fixture
def seeds(tmp_path, root):
    folder = tmp_path / "seeds"
    folder.mkdir()
    for editorial in ("taxonomy.yml", "speakers.yml"):  # without them, a warning each
        shutil.copy(root / "seeds" / editorial, folder)
    (folder / "good.txt").write_text(GOOD_PAGE, encoding="utf-8")
    (folder / "good.yml").write_text("year: 2025\n", encoding="utf-8")  # its dateline prints none
    return folder


def run_build(seeds, tmp_path, capsys):
    status = main(["build", "--seeds", str(seeds), "--corpus", str(tmp_path / "corpus"),
                   "--cache", str(tmp_path / "cache")])
    out, err = capsys.readouterr()
    return status, out, err


def corpus_articles(tmp_path):
    lines = (tmp_path / "corpus" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_help_has_an_example_for_every_command():
    for command in ("build", "generate"):
        out = subprocess.run([sys.executable, "-m", "zhcorpus.cli", command, "--help"],
                             capture_output=True, text=True, check=True).stdout
        assert "example: zhcorpus " + command in out


def test_binary_seed_fails_alone(seeds, tmp_path, capsys):
    (seeds / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    status, out, err = run_build(seeds, tmp_path, capsys)
    assert status == 1
    assert err.strip().splitlines() == [f"error: {seeds / 'photo.jpg'}: binary file, not text (NUL byte at offset 4)"]
    assert [a["title"] for a in corpus_articles(tmp_path)] == ["习近平会见塔吉克斯坦总统拉赫蒙"]
    assert "Traceback" not in err


def test_undecodable_seed_names_file_and_offset(seeds, tmp_path, capsys):
    (seeds / "bad.txt").write_bytes("中国".encode("utf-8") + b"\xff\xfe\xff")
    status, _, err = run_build(seeds, tmp_path, capsys)
    assert status == 1 and "bad.txt" in err and "offset 6" in err and len(err.strip().splitlines()) == 1


def test_empty_seed_is_skipped_with_a_warning(seeds, tmp_path, capsys):
    (seeds / "empty.txt").write_bytes(b"")
    status, _, err = run_build(seeds, tmp_path, capsys)
    assert status == 0
    assert err.strip() == f"warning: {seeds / 'empty.txt'}: empty file, skipped"


def test_unusable_cache_folder_is_a_warning_not_a_failure(seeds, tmp_path, capsys):
    (tmp_path / "cache").write_text("a file where the cache folder should be", encoding="utf-8")
    status, _, err = run_build(seeds, tmp_path, capsys)
    assert status == 0 and len(corpus_articles(tmp_path)) == 1
    assert err.startswith(f"warning: {tmp_path / 'cache'}") and "building without it" in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("flag, shown", [("--progress", True), ("--no-progress", False)])
def test_progress_bar_counts_pages_with_rate(seeds, tmp_path, capsys, flag, shown):
    status = main(["build", "--seeds", str(seeds), "--corpus", str(tmp_path / "corpus"), "--no-cache", "--quiet", flag])
    err = capsys.readouterr().err
    assert status == 0
    for label in ("reading", "building", "writing"):
        assert (f"{label}:" in err and "/1 " in err and "page/s" in err) is shown, err


@pytest.mark.parametrize("sidecar, problem", [("source: [unclosed\n".encode("utf-8"), "not valid YAML"),
                                              ("source: 新华社\n".encode("gbk"), "not UTF-8 (byte 8)")])
def test_broken_sidecar_is_one_line(seeds, tmp_path, capsys, sidecar, problem):
    (seeds / "good.yml").write_bytes(sidecar)
    status, _, err = run_build(seeds, tmp_path, capsys)
    assert status == 1 and err.startswith("error: ") and f"good.yml: {problem}" in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("name, data, problem", [
    ("taxonomy.yml", "话题".encode("gb18030"), "not UTF-8 (byte 0)"),
    ("taxonomy.yml", b"topic: [", "not valid YAML"),
    ("speakers.yml", b"speakers:\n  - id: \xff", "not UTF-8 (byte 18)"),
    ("speakers.yml", b"speakers: [", "not valid YAML"),
    ("speakers.yml", b"speakers: [{id: X}]", "not a valid speaker registry"),
])
def test_a_broken_editorial_file_is_one_line(seeds, tmp_path, capsys, name, data, problem):
    (seeds / name).write_bytes(data)
    status, _, err = run_build(seeds, tmp_path, capsys)
    assert status == 1 and "Traceback" not in err
    (line,) = err.strip().splitlines()
    assert line.startswith(f"error: {seeds / name}: {problem}")


def test_unreadable_sidecar_is_one_line_and_fails_alone(seeds, tmp_path, capsys):
    """A sidecar that cannot be read (here a folder of that name) names the file;
    the other seeds still build."""
    (seeds / "other.txt").write_text(GOOD_PAGE, encoding="utf-8")
    (seeds / "other.yml").mkdir()
    status, _, err = run_build(seeds, tmp_path, capsys)
    assert status == 1 and "Traceback" not in err
    assert err.strip().splitlines() == [f"error: {seeds / 'other.yml'}: cannot be read (Is a directory)"]
    assert [a["seed"] for a in corpus_articles(tmp_path)] == ["good.txt"]


def test_gb18030_big5_utf16_and_crlf_seeds_build(seeds, tmp_path, capsys):
    (seeds / "good.txt").unlink()
    (seeds / "gb.txt").write_bytes(GOOD_PAGE.replace("\n", "\r\n").encode("gb18030"))
    (seeds / "u16.txt").write_bytes(GOOD_PAGE.replace("塔吉克斯坦总统拉赫蒙", "吉尔吉斯斯坦总统扎帕罗夫").encode("utf-16"))
    hant = "習近平會見塔吉克斯坦總統拉赫蒙\n\n新華社阿斯塔納6月17日電 當地時間6月17日上午，國家主席習近平會見總統。\n"
    (seeds / "big5.txt").write_bytes(hant.encode("big5"))
    status, _, err = run_build(seeds, tmp_path, capsys)
    assert status == 0, err
    titles = sorted(a["title"] for a in corpus_articles(tmp_path))
    assert titles == ["习近平会见吉尔吉斯斯坦总统扎帕罗夫", "习近平会见塔吉克斯坦总统拉赫蒙", "习近平会见塔吉克斯坦总统拉赫蒙"]


INJECTION_PAGE = """标题: "引号" --- <script>alert(1)</script>

当地时间6月17日，<script>alert("x")</script>出现在正文里，还有[链接](http://evil.example)和`代码`以及|表格|。

* 星号开头的句子，# 井号在句中，<img src=x onerror=alert(1)>，&amp;实体。

# 井号开头的一行正文也是正文，因为它以句号结束。
"""


def test_source_text_never_becomes_markup_or_front_matter(seeds, tmp_path, capsys):
    (seeds / "inject.txt").write_text(INJECTION_PAGE, encoding="utf-8")
    status, _, err = run_build(seeds, tmp_path, capsys)
    assert status == 0, err
    [path] = [p for p in (tmp_path / "corpus" / "articles").glob("*.md") if "alert" in p.read_text(encoding="utf-8")]
    text = path.read_text(encoding="utf-8")
    front_text, body = text[4:].split("\n---\n", 1)
    front = yaml.safe_load(front_text)
    assert front["title"] == '标题： "引号" --- <script>alert(1)</script>'
    for raw in ("<script>", "<img", "](http", "`代码`", "|表格|", "\n* ", "\n# "):
        assert raw not in body, raw
    import markdown

    html = markdown.markdown(body, extensions=["attr_list", "tables", "pymdownx.tilde", "pymdownx.caret", "pymdownx.mark"])
    assert "<script" not in html and "<img" not in html and "<a " not in html and "<code>" not in html
    assert "<li>" not in html and "<h1" not in html and "<table" not in html
    assert "&lt;script&gt;alert" in html


def test_same_title_twice_gets_distinct_slugs(seeds, tmp_path, capsys):
    import hashlib

    (seeds / "twin.txt").write_text(GOOD_PAGE, encoding="utf-8")
    (seeds / "twin.yml").write_text("year: 2025\n", encoding="utf-8")
    status, _, _ = run_build(seeds, tmp_path, capsys)
    slugs = {a["seed"]: a["slug"] for a in corpus_articles(tmp_path)}
    assert status == 0 and len(set(slugs.values())) == 2
    # good.txt comes first and keeps the slug; the twin is told apart by its seed's name.
    assert slugs["twin.txt"] == slugs["good.txt"] + "-" + hashlib.sha1(b"twin.txt").hexdigest()[:6]
    assert sorted(p.stem for p in (tmp_path / "corpus" / "articles").glob("*.md")) == sorted(slugs.values())


def test_a_seed_that_loses_an_article_renames_none_of_another_seeds(seeds, tmp_path, capsys):
    for name in ("twin-1", "twin-2", "twin-3"):
        (seeds / f"{name}.txt").write_text(GOOD_PAGE, encoding="utf-8")
        (seeds / f"{name}.yml").write_text("year: 2025\n", encoding="utf-8")
    assert run_build(seeds, tmp_path, capsys)[0] == 0
    before = {a["seed"]: a["slug"] for a in corpus_articles(tmp_path)}
    (seeds / "twin-1.txt").unlink()
    assert run_build(seeds, tmp_path, capsys)[0] == 0
    after = {a["seed"]: a["slug"] for a in corpus_articles(tmp_path)}
    assert after == {seed: slug for seed, slug in before.items() if seed != "twin-1.txt"}


@pytest.mark.parametrize("name, target, line", [
    ("passwd.txt", "/etc/passwd", "warning: {seeds}/passwd.txt: a symbolic link to /etc/passwd, outside {seeds}, skipped"),
    ("up.txt", "../outside.txt", "warning: {seeds}/up.txt: a symbolic link to {tmp}/outside.txt, outside {seeds}, skipped"),
    ("dangling.txt", "absent.txt", "warning: {seeds}/dangling.txt: a symbolic link to a missing file, skipped"),
    ("good.yml", "../outside.yml",
     "error: {seeds}/good.yml: a symbolic link to {tmp}/outside.yml, outside {seeds}: not read"),
    ("good.yml", "absent.yml", "error: {seeds}/good.yml: a symbolic link to a missing file: not read"),
    ("speakers.yml", "../outside.yml",
     "error: {seeds}/speakers.yml: a symbolic link to {tmp}/outside.yml, outside {seeds}: not read"),
    ("speakers.yml", "absent.yml", "error: {seeds}/speakers.yml: a symbolic link to a missing file: not read"),
    ("taxonomy.yml", "../outside.yml",
     "error: {seeds}/taxonomy.yml: a symbolic link to {tmp}/outside.yml, outside {seeds}: not read"),
    # followed: a link to a file in the seeds folder
    ("alias.txt", "archive/page.txt", None),
])
def test_links_out_of_the_seeds_folder_are_refused(seeds, tmp_path, capsys, name, target, line):
    """A seed that is such a link is skipped with a warning (it is no seed of this
    folder); a sidecar or editorial file is an error (building without it would
    quietly build something else)."""
    (tmp_path / "outside.txt").write_text(GOOD_PAGE.replace("拉赫蒙", "泄露"), encoding="utf-8")
    (tmp_path / "outside.yml").write_text("source: xinhua\n", encoding="utf-8")
    (seeds / "archive").mkdir()
    (seeds / "archive" / "page.txt").write_text(GOOD_PAGE.replace("塔吉克斯坦总统拉赫蒙", "吉尔吉斯斯坦总统扎帕罗夫"),
                                                encoding="utf-8")
    (seeds / "other.txt").write_text(GOOD_PAGE, encoding="utf-8")
    for page in ("other", "alias"):
        (seeds / f"{page}.yml").write_text("year: 2025\n", encoding="utf-8")  # their datelines print none
    (seeds / name).unlink(missing_ok=True)
    (seeds / name).symlink_to(target)
    status, _, err = run_build(seeds, tmp_path, capsys)
    built = {a["seed"] for a in corpus_articles(tmp_path)} if (tmp_path / "corpus" / "articles.jsonl").exists() else set()
    assert "泄露" not in "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "corpus").rglob("*.md"))
    if line is None:
        assert (status, err, name in built) == (0, "", True)
        return
    assert err.strip().splitlines() == [line.format(seeds=seeds, tmp=tmp_path)]
    assert status == (1 if line.startswith("error") else 0)
    assert name not in built
    if name == "good.yml":
        assert built == {"other.txt"}


def test_links_to_files_of_the_seeds_folder_are_followed(seeds, tmp_path, capsys):
    (seeds / "archive").mkdir()
    (seeds / "archive" / "page.txt").write_text(GOOD_PAGE.replace("塔吉克斯坦总统拉赫蒙", "吉尔吉斯斯坦总统扎帕罗夫"),
                                                encoding="utf-8")
    (seeds / "alias.txt").symlink_to("archive/page.txt")
    (seeds / "shared.yml").write_text("source: xinhua\nyear: 2025\n", encoding="utf-8")
    (seeds / "alias.yml").symlink_to("shared.yml")
    status, _, err = run_build(seeds, tmp_path, capsys)
    assert (status, err) == (0, "")
    by_seed = {a["seed"]: a for a in corpus_articles(tmp_path)}
    assert by_seed["alias.txt"]["title"] == "习近平会见吉尔吉斯斯坦总统扎帕罗夫"
    assert by_seed["alias.txt"]["source"] == "新华社"  # from the linked sidecar


@pytest.mark.parametrize("name, shown_as", [
    (b"a\nb.txt", "a\\nb.txt: a character no line can show in the file name (\\n)"),
    (b"\x1b[2Jclear.txt", "\\x1b[2Jclear.txt: a character no line can show in the file name (\\x1b)"),
    ("a\u2028b.txt".encode(), "a\\u2028b.txt: a character no line can show in the file name (\\u2028)"),
    (b"gb-\xd0\xc2.txt", "gb-\\xd0\\xc2.txt: a character no line can show in the file name (\\xd0, \\xc2)"),
])
def test_a_seed_name_no_line_can_show_is_one_line(seeds, tmp_path, capsys, name, shown_as):
    """A newline in a name broke the ledger table and every message naming the seed;
    a name that is not UTF-8 could not be written into the corpus at all."""
    import os

    with open(os.fsencode(seeds) + b"/" + name, "wb") as page:
        page.write(GOOD_PAGE.replace("拉赫蒙", "扎帕罗夫").encode("utf-8"))
    status, out, err = run_build(seeds, tmp_path, capsys)
    assert status == 1
    assert err.strip().splitlines() == [f"error: {seeds}/{shown_as}: rename the file"]
    assert [a["seed"] for a in corpus_articles(tmp_path)] == ["good.txt"]
    table = out.splitlines()
    assert len(table) == 3 and table[1].startswith("good.txt ") and table[2].startswith("1 articles written")


def test_seeds_that_is_no_folder_is_one_line(tmp_path, capsys):
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    for seeds, problem in ((tmp_path / "absent", "no such folder"), (tmp_path / "a-file", "not a folder")):
        status, out, err = run_build(seeds, tmp_path, capsys)
        assert (status, out, err) == (1, "", f"error: {seeds}: {problem}\n")
        assert not (tmp_path / "corpus").exists()


@pytest.mark.parametrize("value, problem", [("0", "0 is less than 1"), ("-2", "-2 is less than 1"),
                                            ("two", "'two' is not a whole number")])
def test_jobs_must_be_a_positive_number(seeds, tmp_path, value, problem):
    run = subprocess.run([sys.executable, "-m", "zhcorpus.cli", "build", "--seeds", str(seeds),
                          "--corpus", str(tmp_path / "corpus"), "--jobs", value], capture_output=True, text=True)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert run.stderr.splitlines()[-1] == f"zhcorpus build: error: argument --jobs: {problem}"
    assert not (tmp_path / "corpus").exists()


@pytest.mark.parametrize("corpus, problem", [
    ("a-file/corpus", "{tmp}/a-file/corpus: cannot be written (Not a directory)"),
    ("a-file", "{tmp}/a-file: cannot be written (Not a directory)"),
])
def test_a_corpus_that_cannot_be_written_is_one_line(seeds, tmp_path, capsys, corpus, problem):
    """Also as root, which writes through permissions: a file stands where a folder should."""
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    status = main(["build", "--seeds", str(seeds), "--corpus", str(tmp_path / corpus), "--no-cache"])
    out, err = capsys.readouterr()
    assert (status, out) == (1, "")
    assert err.splitlines() == [f"error: {problem.format(tmp=tmp_path)}"]


def test_temporaries_of_a_build_killed_mid_write_are_removed(seeds, tmp_path, capsys):
    """Corpus files are written whole (temporary file, then rename); a build killed
    in between leaves the temporary, which the next build, holding the corpus, removes."""
    (tmp_path / "corpus" / "articles").mkdir(parents=True)
    for leftover in ("corpus/articles/x.md.4242.tmp", "corpus/articles.jsonl.4242.tmp"):
        (tmp_path / leftover).write_text("half", encoding="utf-8")
    assert run_build(seeds, tmp_path, capsys)[0] == 0
    assert sorted(p.name for p in (tmp_path / "corpus").rglob("*.tmp")) == []
