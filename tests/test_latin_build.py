"""An English and a Russian page through the real CLI: front matter, quotes, lang."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def test_english_and_russian_pages_build(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("01_xinhua_en_summit.txt", "05_kazinform_ru.txt"):
        shutil.copy(ROOT / "dev" / "latin" / "pages" / name, seeds / name)
    for name in ("taxonomy.yml", "speakers.yml"):
        shutil.copy(ROOT / "seeds" / name, seeds / name)
    cli = Path(sys.executable).parent / "zhcorpus"
    subprocess.run([str(cli), "build", "--seeds", str(seeds), "--corpus", str(tmp_path / "corpus"),
                    "--no-cache", "--jobs", "1"], check=True, capture_output=True)
    fronts = {}
    for path in sorted((tmp_path / "corpus" / "articles").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        front = yaml.safe_load(text.split("---\n")[1])
        fronts[front["lang"]] = (front, text)
        assert "&quot;" not in text
    en, en_text = fronts["en"]
    assert (en["title"], en["source_id"], en["date"], en["dateline"], en["on_topic"]) == (
        "Xi says China, Central Asia to deepen cooperation in new era", "xinhua", "2025-06-17",
        "ASTANA, June 17 (Xinhua) --", True)
    assert "summit" in en["events"] and {"xi-jinping", "tokayev"} <= set(en["speakers"])
    assert '"We should remain committed' in en_text and "Kazakhstan.\"We" not in en_text
    ru, _ = fronts["ru"]
    assert (ru["source_id"], ru["date"], ru["on_topic"]) == ("kazinform", "2025-06-17", True)
    assert "tokayev" in ru["speakers"]
    quotes = [json.loads(line) for line in (tmp_path / "corpus" / "quotes.jsonl").read_text().splitlines()]
    assert {(q["lang"], q["speaker_id"]) for q in quotes} >= {("en", "xi-jinping"), ("en", "tokayev"),
                                                              ("ru", "tokayev"), ("ru", "xi-jinping")}


def test_sidecar_lang_overrides_and_is_checked(tmp_path):
    from zhcorpus.editorial.sidecars import read_sidecar
    from zhcorpus.reading.readers import SeedError
    import pytest

    seed = tmp_path / "p.txt"
    seed.write_text("x", encoding="utf-8")
    assert read_sidecar(seed, b"lang: ru\narticles:\n  - {match: abc, lang: en}\n").lang == "ru"
    with pytest.raises(SeedError, match="lang"):
        read_sidecar(seed, b"lang: fr\n")


def test_taxonomy_terms_per_language_are_checked(tmp_path):
    from zhcorpus.articles.enrich import load_taxonomy
    from zhcorpus.reading.readers import SeedError
    import pytest

    path = tmp_path / "taxonomy.yml"
    with pytest.raises(SeedError, match="terms.de"):
        load_taxonomy(path, b"topic: {match: [a], terms: {de: [Gipfel]}}\n")
    taxonomy = load_taxonomy(path, "topic: {match: [中亚], terms: {en: [Central Asia]}}\n".encode())
    assert taxonomy.topic_in("en") == ("Central Asia",) and taxonomy.topic_in("zh-Hans") == ("中亚",)
