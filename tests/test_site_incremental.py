"""`mkdocs build --dirty` after a corpus change writes exactly what a full build writes.

Generated pages are mirrored to files (site/sources.py), so a dirty build
renders only the pages whose Markdown changed, removes pages the corpus no
longer makes, and must leave a site byte-identical to a clean build.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from zhcorpus.site.buildrun import FIXTURES, build_site

EDITED = "2025-06-16-xinhua-huiju-gongjin-liliang"
REMOVED = "2025-06-20-xinhua-xiaji-liangshi-shougou"


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _mtimes(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): p.stat().st_mtime_ns for p in root.rglob("*.html")}


def _copied_fixture_corpus(tmp_path: Path) -> tuple[Path, dict]:
    """The fixture corpus in a folder of its own (the tests edit it), and build_site's inputs."""
    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURES / "corpus", corpus)
    return corpus, {"corpus": corpus, "taxonomy": FIXTURES / "seeds" / "taxonomy.yml",
                    "speakers": FIXTURES / "seeds" / "speakers.yml"}


def test_dirty_build_after_a_corpus_change_equals_a_clean_build(tmp_path):
    corpus, inputs = _copied_fixture_corpus(tmp_path)
    site = tmp_path / "site"
    first = build_site(site, **inputs)
    assert first.returncode == 0, first.log
    before = _mtimes(site)

    edited = corpus / "articles" / f"{EDITED}.md"
    text = edited.read_text(encoding="utf-8")
    assert "\n{: #p1 }" in text
    edited.write_text(text.replace("\n{: #p1 }", "又补一句。\n{: #p1 }", 1), encoding="utf-8")
    (corpus / "articles" / f"{REMOVED}.md").unlink()

    dirty = build_site(site, **inputs, strict=False, dirty=True)
    assert dirty.returncode == 0, dirty.log
    clean = build_site(tmp_path / "clean", **inputs)
    assert clean.returncode == 0, clean.log

    assert _tree(site) == _tree(tmp_path / "clean")
    after = _mtimes(site)
    rewritten = [page for page, mtime in after.items() if before.get(page) != mtime]
    assert f"articles/{EDITED}/index.html" in rewritten and f"zh-Hant/articles/{EDITED}/index.html" in rewritten
    assert f"articles/{REMOVED}/index.html" not in after
    assert len(rewritten) < len(after) / 2, f"{len(rewritten)} of {len(after)} pages rewritten"


def test_an_unreadable_listing_counts_every_mirrored_page_as_made_before(tmp_path):
    from zhcorpus.site.sources import LISTING, _previous

    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.md").write_text("# a\n", encoding="utf-8")
    (tmp_path / "index.md").write_text("# home\n", encoding="utf-8")
    (tmp_path / LISTING).write_text('{"articles/a.md": ["ab", 4, 1], "ind', encoding="utf-8")  # torn
    assert _previous(tmp_path / LISTING) == {"articles/a.md": [None], "index.md": [None]}
    (tmp_path / LISTING).write_text('{"index.md": ["ab", 4, 1]}', encoding="utf-8")
    assert _previous(tmp_path / LISTING) == {"index.md": ["ab", 4, 1]}


def _outside_search(tree: dict[str, bytes]) -> dict[str, bytes]:
    """An updated index keeps its ids, so its bytes differ from a full build's; the rest may not."""
    return {path: data for path, data in tree.items() if "search" not in Path(path).parts[:2]}


def test_dirty_build_updates_the_search_index_in_place(tmp_path):
    from zhcorpus.search.query import Searcher

    corpus, inputs = _copied_fixture_corpus(tmp_path)
    site = tmp_path / "site"
    assert build_site(site, **inputs).returncode == 0

    edited = corpus / "articles" / f"{EDITED}.md"
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("\n{: #p1 }", "又补一句新话。\n{: #p1 }", 1), encoding="utf-8")
    dirty = build_site(site, **inputs, strict=False, dirty=True)
    assert dirty.returncode == 0, dirty.log
    clean = build_site(tmp_path / "clean", **inputs)
    assert clean.returncode == 0, clean.log

    assert _outside_search(_tree(site)) == _outside_search(_tree(tmp_path / "clean"))
    for folder in ("search", "zh-Hant/search"):
        # Updated, not rebuilt: the manifest's version chains from the old one. A text edit
        # keeps every id, so every other file is the clean build's.
        updated, fresh = site / folder, tmp_path / "clean" / folder
        manifests = [json.loads((f / "manifest.json").read_text(encoding="utf-8")) for f in (updated, fresh)]
        assert manifests[0].pop("version") != manifests[1].pop("version") and manifests[0] == manifests[1]
        assert {p: d for p, d in _tree(updated).items() if p != "manifest.json"} == \
            {p: d for p, d in _tree(fresh).items() if p != "manifest.json"}
        got, want = Searcher.from_dir(updated), Searcher.from_dir(fresh)
        for query in ("又补一句新话", "合作", "峰会", "托卡耶夫", "習近平", "中国—中亚"):
            urls = [got.doc(h["id"])["url"] for h in got.search(query, limit=None)]
            assert urls == [want.doc(h["id"])["url"] for h in want.search(query, limit=None)], (folder, query)
            assert urls or query != "又补一句新话"


def test_a_mirrored_page_changed_behind_our_back_is_written_again(tmp_path):
    from types import SimpleNamespace

    from zhcorpus.site.sources import materialize

    config = SimpleNamespace(site_dir=str(tmp_path / "site"), use_directory_urls=True)
    pages = {"index.md": "# 首页\n", "articles/a.md": "# 甲\n"}
    materialize(pages, tmp_path / "mirror", config, dirty=False)
    (tmp_path / "mirror" / "articles" / "a.md").write_text("# 被改过的\n", encoding="utf-8")
    mtime = (tmp_path / "mirror" / "index.md").stat().st_mtime_ns
    materialize(pages, tmp_path / "mirror", config, dirty=True)
    assert (tmp_path / "mirror" / "articles" / "a.md").read_text(encoding="utf-8") == "# 甲\n"
    assert (tmp_path / "mirror" / "index.md").stat().st_mtime_ns == mtime  # unchanged: not rewritten


def _mirrors(site: Path) -> list[Path]:
    """The mirror folders of both editions (buildrun puts them beside the site)."""
    return [p for p in (site.parent / f".{site.name}-sources").iterdir() if p.is_dir()]


def test_a_dirty_build_after_one_cut_short_starts_clean(tmp_path):
    """Cut short, a build may leave a page half written yet newer than its Markdown, which
    MkDocs' --dirty would then never render again, and a search index half rebuilt."""
    corpus, inputs = _copied_fixture_corpus(tmp_path)
    site = tmp_path / "site"
    assert build_site(site, **inputs).returncode == 0
    torn = site / "articles" / EDITED / "index.html"
    torn.write_bytes(torn.read_bytes()[:500])  # as if the build had died writing it
    (site / "search" / "manifest.json").unlink()
    for mirror in _mirrors(site):
        (mirror / ".building").write_bytes(b"")  # what a build leaves until it finishes
    dirty = build_site(site, **inputs, strict=False, dirty=True)
    assert dirty.returncode == 0, dirty.log
    assert "built from scratch: the last build into this site folder was cut short" in dirty.log
    clean = build_site(tmp_path / "clean", **inputs)
    assert _outside_search(_tree(site)) == _outside_search(_tree(tmp_path / "clean"))
    assert all(not (mirror / ".building").exists() for mirror in _mirrors(site))


def test_a_dirty_build_without_its_mirror_removes_what_the_corpus_no_longer_makes(tmp_path):
    corpus, inputs = _copied_fixture_corpus(tmp_path)
    site = tmp_path / "site"
    assert build_site(site, **inputs).returncode == 0
    shutil.rmtree(site.parent / f".{site.name}-sources")  # e.g. rm -rf build/
    (corpus / "articles" / f"{REMOVED}.md").unlink()
    dirty = build_site(site, **inputs, strict=False, dirty=True)
    assert dirty.returncode == 0, dirty.log
    assert "no record of what the last build made" in dirty.log
    assert not (site / "articles" / REMOVED).exists() and not (site / "zh-Hant" / "articles" / REMOVED).exists()
    assert build_site(tmp_path / "clean", **inputs).returncode == 0
    assert _outside_search(_tree(site)) == _outside_search(_tree(tmp_path / "clean"))


def _flip_one_byte(path: Path) -> None:
    """One byte changed, as a disk or a hand might, so that it still reads as text:
    the low bit of the last byte of the file's first Han character (合 -> 吉)."""
    import re

    data = bytearray(path.read_bytes())
    han = re.compile(rb"[\xe4-\xe9][\x80-\xbf][\x80-\xbf]").search(data)
    assert han is not None, f"no Han character in {path}"
    data[han.end() - 1] ^= 0x01
    path.write_bytes(bytes(data))


def test_a_changed_byte_in_what_the_site_keeps_costs_time_not_pages(tmp_path):
    """The front-matter memo, each edition's search state and the converted search texts,
    each changed by one byte: none is read back, and the site is a clean build's."""
    from zhcorpus.files import read_kept
    from zhcorpus.search import state
    from zhcorpus.site.buildrun import REPO
    from zhcorpus.site.corpus import _memo_file
    from zhcorpus.site.searchindex import _Converted

    corpus, inputs = _copied_fixture_corpus(tmp_path)
    site = tmp_path / "site"
    assert build_site(site, **inputs).returncode == 0
    clean = build_site(tmp_path / "clean", **inputs)  # before any change: it shares the memos
    assert clean.returncode == 0, clean.log
    cache = REPO / "build" / "zhcorpus-cache"  # the site's (settings.cache_dir)
    kept = [_memo_file(cache, corpus / "articles"), _Converted(cache).path,
            state.file_for(cache, site / "search"), state.file_for(cache, site / "zh-Hant" / "search")]
    for path in kept:
        assert read_kept(path) is not None, path
        _flip_one_byte(path)
        assert read_kept(path) is None, path  # changed: not read back
    dirty = build_site(site, **inputs, strict=False, dirty=True)
    assert dirty.returncode == 0, dirty.log
    assert "search index rebuilt in full: no saved state" in dirty.log
    assert _tree(site) == _tree(tmp_path / "clean")
    assert all(read_kept(path) is not None for path in kept)  # kept anew


def test_a_dirty_build_after_a_first_taxonomy_equals_a_clean_build(tmp_path, root):
    """Events and themes come with a first taxonomy: their indexes join the nav, which
    every page shows, so every page is rendered again, not only those that changed."""
    from zhcorpus.build.pipeline import build

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(root / "seeds" / "002_74678af65d43f56c.txt", seeds)  # on the summit, and a photo
    inputs = {"corpus": tmp_path / "corpus", "taxonomy": seeds / "taxonomy.yml", "speakers": seeds / "speakers.yml"}
    assert not build(seeds, tmp_path / "corpus").errors  # no taxonomy yet: no events or themes
    site = tmp_path / "site"
    first = build_site(site, **inputs)
    assert first.returncode == 0, first.log
    assert not (site / "events").exists()

    shutil.copy(root / "seeds" / "taxonomy.yml", seeds)
    assert not build(seeds, tmp_path / "corpus").errors
    dirty = build_site(site, **inputs, strict=False, dirty=True)
    assert dirty.returncode == 0, dirty.log
    clean = build_site(tmp_path / "clean", **inputs)
    assert clean.returncode == 0, clean.log
    assert (site / "events" / "index.html").is_file()
    assert _tree(site) == _tree(tmp_path / "clean")
