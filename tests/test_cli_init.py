"""A first run: a seeds folder without editorial files builds (corpus and site), and
`zhcorpus init` writes starter ones that fit the schema and are never written over."""

import json
import subprocess
import sys

import pytest

from zhcorpus.build.pipeline import build
from zhcorpus.cli import main
from zhcorpus.articles.enrich import load_taxonomy
from zhcorpus.site.assemble import nav_without
from zhcorpus.site.buildrun import build_site
from zhcorpus.quotes.speakers import load_registry

# Mentions Xi Jinping, speaking, and Xinhua: the starter files' examples. Its header
# dates the page (the dateline gives no year).
PAGE = """2025年6月18日  星期三                                   A03  要闻

习近平会见塔吉克斯坦总统拉赫蒙

新华社阿斯塔纳6月17日电 当地时间6月17日上午，国家主席习近平在阿斯塔纳出席第二届中国—中亚峰会期间会见塔吉克斯坦总统拉赫蒙。

习近平指出，去年我对塔吉克斯坦进行国事访问，我们共同宣布建立中塔新时代全面战略合作伙伴关系。
"""


@pytest.fixture
def seeds(tmp_path):
    """A new user's folder: one page, no taxonomy.yml, no speakers.yml."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "page.txt").write_text(PAGE, encoding="utf-8")
    return folder


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err.strip().splitlines()


def run_build(seeds, tmp_path, capsys):
    return run(capsys, "build", "--seeds", str(seeds), "--corpus", str(tmp_path / "corpus"),
               "--cache", str(tmp_path / "cache"))


def corpus_articles(tmp_path):
    lines = (tmp_path / "corpus" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_help_has_an_example():
    out = subprocess.run([sys.executable, "-m", "zhcorpus.cli", "init", "--help"],
                         capture_output=True, text=True, check=True).stdout
    assert "example: zhcorpus init --seeds" in out


def test_a_folder_without_editorial_files_builds_with_one_warning_each(seeds, tmp_path, capsys):
    status, out, err = run_build(seeds, tmp_path, capsys)
    assert status == 0, err
    assert err == [
        f"warning: {seeds / 'taxonomy.yml'}: not found, so the corpus has no events or themes, "
        "its outlets are named only by sidecars (zhcorpus init writes a starter file)",
        f"warning: {seeds / 'speakers.yml'}: not found, so no speaker is known by name, "
        "only those the quotes' attribution finds (zhcorpus init writes a starter file)",
    ]
    (article,) = corpus_articles(tmp_path)
    assert article["title"] == "习近平会见塔吉克斯坦总统拉赫蒙" and "1 articles written" in out
    assert (article["events"], article["themes"]) == ([], [])
    assert article["on_topic"] is True  # no topic terms: nothing to be off topic from


def test_the_site_builds_strict_from_a_corpus_without_events_or_themes(seeds, tmp_path, capsys):
    assert run_build(seeds, tmp_path, capsys)[0] == 0
    site = build_site(tmp_path / "site", corpus=tmp_path / "corpus", taxonomy=seeds / "taxonomy.yml",
                      speakers=seeds / "speakers.yml")
    assert site.returncode == 0 and site.warnings == [], site.log
    for edition in (site.site_dir, site.site_dir / "zh-Hant"):
        assert (edition / "dates" / "index.html").is_file()
        # No page that says there is nothing (with no registry, no outlet is identified;
        # this page quotes nobody the build knows: no speakers either), and no link to
        # one from the home page or the nav.
        missing = [family for family in ("events", "themes", "outlets", "speakers") if not (edition / family).exists()]
        assert missing[:3] == ["events", "themes", "outlets"]
        for page in edition.rglob("*.html"):
            html = page.read_text(encoding="utf-8")
            assert not [family for family in missing if f'{family}/"' in html], page


def test_init_then_build_uses_the_starter_files(seeds, tmp_path, capsys):
    status, out, err = run(capsys, "init", "--seeds", str(seeds))
    assert status == 0 and err == [] and "taxonomy.yml" in out and "speakers.yml" in out
    status, _, err = run_build(seeds, tmp_path, capsys)
    assert status == 0 and err == []
    (article,) = corpus_articles(tmp_path)
    assert article["source_id"] == "xinhua" and article["speakers"] == ["xi-jinping"]


def test_init_makes_the_seeds_folder(tmp_path, capsys):
    assert run(capsys, "init", "--seeds", str(tmp_path / "new" / "seeds"))[0] == 0
    assert sorted(p.name for p in (tmp_path / "new" / "seeds").iterdir()) == ["speakers.yml", "taxonomy.yml"]


@pytest.mark.parametrize("existing", ["taxonomy.yml", "speakers.yml"])
def test_init_never_writes_over_an_editors_file(seeds, capsys, existing):
    (seeds / existing).write_text("# mine\n", encoding="utf-8")
    status, _, err = run(capsys, "init", "--seeds", str(seeds))
    assert status == 1
    assert err == [f"error: {seeds / existing}: already there, nothing written (--force overwrites)"]
    assert (seeds / existing).read_text(encoding="utf-8") == "# mine\n"
    assert sorted(p.name for p in seeds.iterdir()) == ["page.txt", existing]  # not half a pair either


def test_init_into_a_file_is_one_line(tmp_path, capsys):
    (tmp_path / "seeds").write_text("a file where the seeds folder should be", encoding="utf-8")
    for force in ([], ["--force"]):
        status, _, err = run(capsys, "init", "--seeds", str(tmp_path / "seeds"), *force)
        assert status == 1 and err == [f"error: {tmp_path / 'seeds'}: not a folder, nothing written"]


def test_init_twice_is_refused_and_force_writes_over(seeds, capsys):
    assert run(capsys, "init", "--seeds", str(seeds))[0] == 0
    status, _, err = run(capsys, "init", "--seeds", str(seeds))
    assert status == 1 and len(err) == 1 and "nothing written" in err[0]
    (seeds / "taxonomy.yml").write_text("# mine\n", encoding="utf-8")
    assert run(capsys, "init", "--seeds", str(seeds), "--force")[0] == 0
    assert "events:" in (seeds / "taxonomy.yml").read_text(encoding="utf-8")


def test_the_starter_files_fit_the_schema_and_show_each_section(seeds, capsys):
    assert run(capsys, "init", "--seeds", str(seeds))[0] == 0
    taxonomy = load_taxonomy(seeds / "taxonomy.yml")  # a SeedError if they did not fit
    registry = load_registry(seeds / "speakers.yml")
    assert list(taxonomy.outlets) == ["xinhua"] and len(taxonomy.events) == 1 and len(taxonomy.themes) == 1
    assert [speaker.id for speaker in registry.speakers] == ["xi-jinping"]
    text = (seeds / "taxonomy.yml").read_text(encoding="utf-8")
    assert "topic:" in text and "# match: [" in text  # an example of topic terms, left for the editor
    # and the build reads them as they are: no warning, no error
    result = build(seeds, seeds.parent / "corpus", write=False)
    assert (result.errors, result.warnings) == ([], [])


NAV = [{"首页": "index.md"},
       {"索引": [{"按事件": "events/index.md"}, {"按人物": "speakers/index.md"}]},
       {"事件": [{"按事件": "events/index.md"}]},
       "about.md"]


@pytest.mark.parametrize("dropped, kept", [
    (set(), NAV),
    ({"events/index.md"}, [{"首页": "index.md"}, {"索引": [{"按人物": "speakers/index.md"}]}, "about.md"]),
    ({"events/index.md", "speakers/index.md"}, [{"首页": "index.md"}, "about.md"]),  # no empty section
    ({"about.md"}, NAV[:3]),
])
def test_nav_without_the_pages_not_made(dropped, kept):
    assert nav_without(NAV, dropped) == kept
