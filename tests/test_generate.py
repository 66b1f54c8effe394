"""`zhcorpus generate`: synthetic pages in every layout, rebuilt into what was planted."""

import json

from zhcorpus.build.pipeline import build
from zhcorpus.cli import main


def test_generated_pages_rebuild_into_the_planted_articles(root, tmp_path, capsys):
    seeds = tmp_path / "generated"
    assert main(["generate", "--seeds", str(root / "seeds"), "--out", str(seeds), "--pages", "30"]) == 0
    assert "30 pages written" in capsys.readouterr().out
    manifest = [json.loads(line) for line in (seeds / ".manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {m["layout"] for m in manifest} == {"headline_first", "headline_after", "hong_kong"}
    result = build(seeds, tmp_path / "corpus")
    assert result.errors == []
    assert all(ledger.balanced for ledger in result.ledgers)
    titles: dict[str, list[str]] = {}
    for article in result.articles:
        titles.setdefault(article.front["seed"], []).append(article.front["title"])
    for planted in manifest:
        assert sorted(titles[planted["seed"]]) == sorted(planted["titles"]), planted


def test_generation_is_reproducible(root, tmp_path):
    for name in ("a", "b"):
        main(["generate", "--seeds", str(root / "seeds"), "--out", str(tmp_path / name), "--pages", "6"])
    for page in sorted((tmp_path / "a").glob("*.txt")):
        assert page.read_bytes() == (tmp_path / "b" / page.name).read_bytes()


def test_hong_kong_pages_are_traditional(root, tmp_path):
    main(["generate", "--seeds", str(root / "seeds"), "--out", str(tmp_path), "--pages", "3"])
    text = (tmp_path / "gen00002.txt").read_text(encoding="utf-8")
    assert text.startswith("# ") and "國" in text and "「" in text


def test_generate_where_there_are_no_seeds_is_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)  # the default --seeds is ./seeds
    assert main(["generate", "--out", "out", "--pages", "3"]) == 1
    out, err = capsys.readouterr()
    assert (out, err) == ("", "error: seeds: no such folder\n")
    assert not (tmp_path / "out").exists()


def test_seeds_with_too_little_to_recombine_are_one_line(root, tmp_path, capsys):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "taxonomy.yml").write_bytes((root / "seeds" / "taxonomy.yml").read_bytes())
    (seeds / "short.txt").write_text("习近平会见拉赫蒙\n\n新华社阿斯塔纳6月17日电 国家主席习近平会见拉赫蒙。\n", encoding="utf-8")
    assert main(["generate", "--seeds", str(seeds), "--out", str(tmp_path / "out"), "--pages", "3"]) == 1
    assert capsys.readouterr().err == (f"error: {seeds}: 0 on-topic articles of 3 paragraphs or more, "
                                       "2 are needed to recombine\n")
