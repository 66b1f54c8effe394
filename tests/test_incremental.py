"""Incremental and parallel builds give exactly the bytes of a fresh serial build."""

import shutil

import pytest

from zhcorpus.build.pipeline import build
from zhcorpus.cli import main


def tree(folder):
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def generated(root, tmp_path_factory):
    seeds = tmp_path_factory.mktemp("generated")
    main(["generate", "--seeds", str(root / "seeds"), "--out", str(seeds), "--pages", "30", "--random-seed", "4"])
    return seeds


def test_parallel_build_equals_serial_build(generated, tmp_path):
    serial = build(generated, tmp_path / "serial", jobs=1)
    parallel = build(generated, tmp_path / "parallel", jobs=2)
    assert not serial.errors and not parallel.errors
    assert tree(tmp_path / "serial") == tree(tmp_path / "parallel")


def test_changing_one_seed_rebuilds_only_that_seed(generated, tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(generated, seeds)
    cache = tmp_path / "cache"
    first = build(seeds, tmp_path / "corpus", cache=cache)
    assert first.cached_pages == 0
    again = build(seeds, tmp_path / "corpus", cache=cache)
    assert again.cached_pages == len(again.ledgers) == 30

    page = seeds / "gen00004.txt"
    page.write_text(page.read_text(encoding="utf-8").replace("。", "。\n\n", 1), encoding="utf-8")
    page.write_text(page.read_text(encoding="utf-8") + "\n新增一段：合作之路越走越宽广。\n", encoding="utf-8")
    mtimes = {p.name: p.stat().st_mtime_ns for p in (tmp_path / "corpus" / "articles").glob("*.md")}
    changed = build(seeds, tmp_path / "corpus", cache=cache)
    assert changed.cached_pages == 29 and changed.laid_out_pages == 1  # the others are not even read again
    build(seeds, tmp_path / "fresh")
    assert tree(tmp_path / "corpus") == tree(tmp_path / "fresh")
    rewritten = [p.name for p in (tmp_path / "corpus" / "articles").glob("*.md") if mtimes.get(p.name) != p.stat().st_mtime_ns]
    assert 0 < len(rewritten) <= 4, rewritten


def test_a_corpus_file_edited_by_hand_is_written_again(generated, tmp_path):
    cache = tmp_path / "cache"
    build(generated, tmp_path / "corpus", cache=cache)
    expected = tree(tmp_path / "corpus")
    article = sorted((tmp_path / "corpus" / "articles").glob("*.md"))[3]
    article.write_text(article.read_text(encoding="utf-8") + "手改的一段。\n", encoding="utf-8")
    (tmp_path / "corpus" / "articles.jsonl").write_text("", encoding="utf-8")
    again = build(generated, tmp_path / "corpus", cache=cache)
    assert again.cached_pages == 30 and tree(tmp_path / "corpus") == expected


def test_editing_the_taxonomy_invalidates_every_page(root, tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(root / "seeds", seeds)
    cache = tmp_path / "cache"
    build(seeds, tmp_path / "corpus", cache=cache)
    (seeds / "taxonomy.yml").write_text((seeds / "taxonomy.yml").read_text(encoding="utf-8") + "\n# edited\n",
                                        encoding="utf-8")
    assert build(seeds, tmp_path / "corpus", cache=cache).cached_pages == 0


@pytest.mark.parametrize("name", ["taxonomy.yml", "speakers.yml"])
def test_an_editorial_file_saved_during_a_build_keys_no_entry_with_its_old_text(root, tmp_path, monkeypatch, name):
    """Parsed from one read and the cache keyed by another, a file saved in between stored
    pages made with the old text under the new text's key: every later build reused them."""
    from pathlib import Path

    seeds = tmp_path / "seeds"
    shutil.copytree(root / "seeds", seeds)
    edited = seeds / name
    original = edited.read_bytes()
    reads = []

    def saved_after_the_first_read(read):
        def reading(self, *args, **kwargs):
            data = read(self, *args, **kwargs)
            if self == edited:
                reads.append(data)
                if len(reads) == 1:  # someone saves the file just after the build has read it
                    edited.write_bytes(original.replace(b"\n", b"\n# saved meanwhile\n", 1))
            return data
        return reading

    for method in ("read_bytes", "read_text"):
        monkeypatch.setattr(Path, method, saved_after_the_first_read(getattr(Path, method)))
    cache = tmp_path / "cache"
    build(seeds, tmp_path / "corpus", cache=cache, jobs=1)
    monkeypatch.undo()
    assert len(reads) == 1  # read once: parsed and keyed from the same bytes
    # The next build sees the saved text for the first time: nothing it made is reused.
    assert build(seeds, tmp_path / "corpus", cache=cache, jobs=1).cached_pages == 0


def test_a_corrupt_cache_entry_is_a_miss(root, tmp_path):
    cache = tmp_path / "cache"
    build(root / "seeds", tmp_path / "corpus", cache=cache)
    for entry in cache.rglob("*.page"):
        entry.write_bytes(b"not an entry")
    result = build(root / "seeds", tmp_path / "corpus", cache=cache)
    assert result.cached_pages == 0 and not result.errors


NEW = "中国和中亚国家务实合作\x00合作之路越走越宽"  # today's reference: the changed page's text last


@pytest.mark.parametrize("lookups, before, after, still", [
    ({"越走越宽": True}, "", "", True),                       # nothing changed: old answers stand
    ({"越走越宽": False}, "", "合作之路越走越宽", False),       # the changed page now prints it
    ({"宽广": True}, "越走越宽广", "合作之路越走越宽", False),   # only the changed page printed it
    ({"务实合作": True}, "务实合作", "合作之路越走越宽", True),  # the changed page printed it, others still do
    ({"务实合作": True}, None, "", True),                      # no record of the last build: checked in full
    ({"不在语料中": True}, None, "", False),
])
def test_join_evidence_is_rechecked_only_where_the_corpus_changed(lookups, before, after, still):
    from zhcorpus.build.pipeline import _still_true
    from zhcorpus.reading.columns import Reference

    assert _still_true(lookups, Reference(NEW), before, after) is still


def test_a_build_cut_short_leaves_no_reference_snapshot(generated, tmp_path, monkeypatch):
    import zhcorpus.build.pipeline as build_module
    from zhcorpus.build.cache import REFERENCE

    seeds, cache = tmp_path / "seeds", tmp_path / "cache"
    shutil.copytree(generated, seeds)
    build(seeds, tmp_path / "corpus", cache=cache, jobs=1)
    assert list(cache.rglob(REFERENCE))
    page = seeds / "gen00004.txt"
    page.write_text(page.read_text(encoding="utf-8") + "\n新增一段：合作之路越走越宽广。\n", encoding="utf-8")

    def interrupted(index):
        raise KeyboardInterrupt
    monkeypatch.setattr(build_module, "_process_index", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build(seeds, tmp_path / "corpus", cache=cache, jobs=1)
    # Entries stored by that build were not checked against the snapshot: without one,
    # the next build checks every lookup against the whole reference.
    assert not list(cache.rglob(REFERENCE))


def test_the_write_memo_belongs_to_the_code_that_wrote_it(generated, tmp_path, monkeypatch):
    from zhcorpus.corpus import writers
    from zhcorpus.build.pipeline import WRITTEN

    cache = tmp_path / "cache"
    build(generated, tmp_path / "corpus", cache=cache, jobs=1)
    (memo,) = cache.rglob(WRITTEN)
    assert writers._WriteMemo(memo, tmp_path / "corpus" / "articles").entries
    monkeypatch.setattr(writers, "_render_code", lambda: "other code or another PyYAML")
    assert not writers._WriteMemo(memo, tmp_path / "corpus" / "articles").entries


def test_the_write_memo_is_written_only_when_it_changes(generated, tmp_path):
    from zhcorpus.build.pipeline import WRITTEN

    seeds, cache = tmp_path / "seeds", tmp_path / "cache"
    shutil.copytree(generated, seeds)
    build(seeds, tmp_path / "corpus", cache=cache, jobs=1)
    (memo,) = cache.rglob(WRITTEN)
    written = memo.stat().st_mtime_ns
    build(seeds, tmp_path / "corpus", cache=cache, jobs=1)
    assert memo.stat().st_mtime_ns == written  # nothing changed: tens of MB not written again
    (seeds / "gen00004.txt").unlink()  # its articles leave the memo
    build(seeds, tmp_path / "corpus", cache=cache, jobs=1)
    assert memo.stat().st_mtime_ns != written
    build(seeds, tmp_path / "fresh")
    assert tree(tmp_path / "corpus") == tree(tmp_path / "fresh")


def test_broken_kept_files_cost_time_not_output(generated, tmp_path):
    from zhcorpus.build.pipeline import WRITTEN
    from zhcorpus.build.cache import REFERENCE

    cache = tmp_path / "cache"
    build(generated, tmp_path / "corpus", cache=cache, jobs=1)
    expected = tree(tmp_path / "corpus")
    for name in (WRITTEN, REFERENCE):
        (kept,) = cache.rglob(name)
        kept.write_bytes(b"\x00 torn")
    again = build(generated, tmp_path / "corpus", cache=cache, jobs=1)
    assert not again.errors and again.cached_pages == 30 and tree(tmp_path / "corpus") == expected


def test_a_cache_that_cannot_be_written_is_given_up_not_raised(tmp_path):
    from zhcorpus.build.cache import Entry, PageCache

    folder = tmp_path / "cache"
    cache = PageCache(folder)
    folder.rmdir()
    folder.write_text("the folder became a file", encoding="utf-8")  # e.g. a disk gone read-only
    cache.store("page.txt", "key", Entry({}, None, []))
    assert cache.folder is None and cache.problem.startswith(f"{folder}: cache not usable")
    assert cache.load("page.txt", "key") is None


@pytest.mark.parametrize("enabled", [True, False])
def test_a_build_leaves_the_cycle_collector_as_it_found_it(generated, tmp_path, enabled):
    import gc

    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        build(generated, tmp_path / "corpus", jobs=1)
        build(tmp_path / "missing", tmp_path / "other", jobs=1)  # no seeds folder: an error, not a raise
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
