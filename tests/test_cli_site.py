"""`zhcorpus site`: the site's sources as files, which MkDocs builds as the hooks did."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from zhcorpus.cli import main
from zhcorpus.site import settings
from zhcorpus.site.buildrun import FIXTURES, REPO, build_site, build_staged

FIXTURE_INPUTS = {
    "corpus": FIXTURES / "corpus",
    "taxonomy": FIXTURES / "seeds" / "taxonomy.yml",
    "speakers": FIXTURES / "seeds" / "speakers.yml",
}


@pytest.fixture
def fixture_corpus(monkeypatch, tmp_path) -> Path:
    """A copy of the fixture corpus the site reads (so a test may change it)."""
    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURE_INPUTS["corpus"], corpus)
    monkeypatch.setenv(settings.ENV_CORPUS, str(corpus))
    monkeypatch.setenv(settings.ENV_TAXONOMY, str(FIXTURE_INPUTS["taxonomy"]))
    monkeypatch.setenv(settings.ENV_SPEAKERS, str(FIXTURE_INPUTS["speakers"]))
    monkeypatch.chdir(REPO)
    return corpus


def _site(out: Path, *options: str) -> int:
    return main(["site", "--out", str(out), *options])


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_each_edition_gets_its_pages_config_and_search_index(fixture_corpus, tmp_path, capsys):
    assert _site(tmp_path / "out") == 0
    printed = capsys.readouterr().out
    for edition, name, about in (("zh-Hans", "mkdocs.yml", "关于语料"), ("zh-Hant", "mkdocs-hant.yml", "關於語料")):
        config_file = tmp_path / "out" / name
        config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
        assert config["docs_dir"] == f"{edition}/docs"
        assert config["extra"]["zhcorpus"]["edition"] == edition
        assert {about: "about.md"} in config["nav"]  # explicit, in the edition's script
        assert config["plugins"] == [{"search": {"enabled": False}}]
        docs = tmp_path / "out" / edition / "docs"
        assert (docs / "index.md").is_file() and (docs / "quotes" / "index.md").is_file()
        assert len(list((docs / "articles").glob("*.md"))) == len(list(fixture_corpus.glob("articles/*.md")))
        assert (docs / "search" / "manifest.json").is_file()
        assert not (docs / "overrides").exists()  # exclude_docs: templates are not pages
        assert f"build with: mkdocs build -f {config_file}" in printed
    hant_home = (tmp_path / "out" / "zh-Hant" / "docs" / "about.md").read_text(encoding="utf-8")
    assert "關於" in hant_home and "\ue000" not in hant_home  # converted, keep-markers gone


def test_a_second_run_writes_nothing_and_a_second_folder_is_byte_identical(fixture_corpus, tmp_path, capsys):
    assert _site(tmp_path / "a" / "out") == 0
    first = _tree(tmp_path / "a" / "out")
    stamps = {p: p.stat().st_mtime_ns for p in (tmp_path / "a" / "out").rglob("*.md")}
    capsys.readouterr()
    assert _site(tmp_path / "a" / "out") == 0
    assert re.findall(r"(\d+) files written", capsys.readouterr().out) == ["0", "0"]
    assert stamps == {p: p.stat().st_mtime_ns for p in (tmp_path / "a" / "out").rglob("*.md")}
    assert _site(tmp_path / "b" / "out") == 0
    assert _tree(tmp_path / "b" / "out") == first


def test_an_article_gone_from_the_corpus_is_gone_from_the_folder(fixture_corpus, tmp_path, capsys):
    assert _site(tmp_path / "out", "--edition", "zh-Hans") == 0
    article = sorted(fixture_corpus.glob("articles/*.md"))[0]
    page = tmp_path / "out" / "zh-Hans" / "docs" / "articles" / article.name
    assert page.is_file()
    article.unlink()
    assert _site(tmp_path / "out", "--edition", "zh-Hans") == 0
    assert not page.exists()
    assert not (tmp_path / "out" / "zh-Hant").exists() and not (tmp_path / "out" / "mkdocs-hant.yml").exists()


def test_a_missing_config_is_one_line(fixture_corpus, tmp_path, capsys):
    assert _site(tmp_path / "out", "--config", str(tmp_path / "nowhere.yml")) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: ") and "nowhere.yml" in err and "\n" not in err


def _sitemap_urls(site: Path) -> set[str]:
    return set(re.findall(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8")))


def test_mkdocs_builds_the_folder_into_the_same_site_as_the_hooks(tmp_path):
    """Both editions, every file byte for byte; the sitemap lists the same pages
    (in another order: MkDocs lists files as found on disk)."""
    staged = build_staged(tmp_path / "src" / "site", *FIXTURE_INPUTS.values(), out_dir=tmp_path / "src")
    assert staged.returncode == 0, staged.log
    assert staged.warnings == []
    hooked = build_site(tmp_path / "hooked", **FIXTURE_INPUTS)
    assert hooked.returncode == 0, hooked.log
    staged_files, hooked_files = _tree(staged.site_dir), _tree(hooked.site_dir)
    assert staged_files.keys() == hooked_files.keys()
    for name in staged_files:
        if Path(name).name.startswith("sitemap.xml"):
            continue
        assert staged_files[name] == hooked_files[name], name
    for sub in ("", "zh-Hant"):
        assert _sitemap_urls(staged.site_dir / sub) == _sitemap_urls(hooked.site_dir / sub)


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(url: str) -> str:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, OSError):
        return ""


def _wait_for(predicate, seconds: float = 60) -> bool:
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.5)
    return False


def test_mkdocs_serve_on_the_folder_writes_it_again_when_the_corpus_changes(fixture_corpus, tmp_path):
    import os
    import subprocess
    import sys

    assert _site(tmp_path / "out", "--edition", "zh-Hans") == 0
    article = sorted(fixture_corpus.glob("articles/*.md"))[0]
    port = _free_port()
    url = f"http://127.0.0.1:{port}/zhcorpus/articles/{article.stem}/"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(tmp_path / "out" / "mkdocs.yml"),
         "-a", f"127.0.0.1:{port}"], cwd=REPO, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert _wait_for(lambda: "<title>" in _fetch(url)), "mkdocs serve never served the article"
        text = article.read_text(encoding="utf-8")
        article.write_text(re.sub(r"^title: .*$", "title: 改过的标题", text, count=1, flags=re.M), encoding="utf-8")
        assert _wait_for(lambda: "<title>改过的标题" in _fetch(url)), "the change never showed"
    finally:
        server.kill()
        server.wait()
