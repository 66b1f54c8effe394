"""In-place index updates: the answers of a full build, from a few rewritten files."""

from __future__ import annotations

import json
import random

import pytest

from zhcorpus.search import build_index
from zhcorpus.search import state as index_state
from zhcorpus.search.query import Searcher
from zhcorpus.search.update import SLACK, Declined, rising_run, update_index

WORDS = ["合作", "发展", "中亚", "峰会", "阿斯塔纳", "宣言", "丝绸之路", "能源", "人文交流", "托卡耶夫", "贸易", "港口"]


def article(n: int, paragraphs: int = 4, date: str | None = None, words=WORDS) -> list[dict]:
    rng = random.Random(n)
    date = date or f"2025-06-{1 + n % 28:02d}"
    filters = {"speaker": [], "event": ["summit"] if n % 3 == 0 else [], "theme": [], "outlet": ["xinhua"],
               "date": date}
    title = "".join(rng.sample(words, 3))
    docs = [{"id": f"articles/a{n}/", "url": f"articles/a{n}/", "title": title, "text": title, "kind": "page",
             "filters": filters, "boost": 1.0}]
    for p in range(1, paragraphs + 1):
        text = "，".join("".join(rng.sample(words, 2)) for _ in range(6)) + "。"
        docs.append({"id": f"articles/a{n}/#p{p}", "url": f"articles/a{n}/#p{p}", "title": title, "text": text,
                     "kind": "section", "filters": filters, "boost": 0.5})
    return docs


def quote(n: int, page: int) -> dict:
    return {"id": f"quotes/#q{n}", "url": f"quotes/page-{page}/#q{n}", "title": "托卡耶夫",
            "text": f"托卡耶夫：合作{n}越走越宽。", "kind": "quote", "filters": {"date": "2025-06-17"}, "boost": 0.8}


def corpus(articles: range) -> list[dict]:
    return [d for n in articles for d in article(n)] + [quote(n, 1 + n // 3) for n in range(6)]


QUERIES = ["合作", "阿斯塔纳宣言", "港", "丝绸之路能源", "越走越宽", "托卡耶夫", "新增", "宣言 贸易", "改写后", "a3"]


def answers(folder) -> list[list[str]]:
    s = Searcher.from_dir(folder)
    out = []
    for q in QUERIES:
        hits = s.search(q, limit=None)
        out.append([s.doc(h["id"])["url"] for h in hits])
    return out


def build_then_update(tmp_path, before: list[dict], after: list[dict]):
    out, state_file = tmp_path / "site", tmp_path / "state"
    build_index(before, out, state_file=state_file)
    manifest = update_index(after, out, state_file, slack=1.0)  # a small corpus: every edit is large
    build_index(after, tmp_path / "fresh")
    return out, manifest


def edited(docs: list[dict]) -> list[dict]:
    """A paragraph rewritten, one added, an article removed, one added, quotes re-paged."""
    out = []
    for doc in docs:
        if doc["id"].startswith("articles/a5/"):
            continue
        if doc["id"] == "articles/a7/#p2":
            doc = doc | {"text": "改写后的段落：港口合作新增航线。"}
        if doc["kind"] == "quote":
            doc = doc | {"url": doc["url"].replace("page-", "page-x")}
        out.append(doc)
        if doc["id"] == "articles/a2/#p4":
            out.append(doc | {"id": "articles/a2/#p5", "url": "articles/a2/#p5", "text": "新增一段：合作之路越走越宽广。"})
    return out + article(40, date="2025-06-30") + article(41, date="2025-05-01")


def test_update_gives_the_answers_of_a_full_build(tmp_path):
    before = corpus(range(30))
    out, manifest = build_then_update(tmp_path, before, edited(before))
    assert manifest.get("placed")
    assert answers(out) == answers(tmp_path / "fresh")


def test_update_rewrites_only_what_the_edit_touches(tmp_path):
    before = corpus(range(30))
    out, state_file = tmp_path / "site", tmp_path / "state"
    build_index(before, out, state_file=state_file)
    files = {p: p.stat().st_mtime_ns for p in out.rglob("*.bin")} | {p: p.stat().st_mtime_ns for p in out.rglob("*.json")}
    after = [d | {"text": "新增一段：合作之路越走越宽广。"} if d["id"] == "articles/a7/#p2" else d for d in before]
    update_index(after, out, state_file)
    changed = [p for p, t in files.items() if p.exists() and p.stat().st_mtime_ns != t]
    assert 0 < len(changed) < len(files) / 3
    build_index(after, tmp_path / "fresh")
    assert answers(out) == answers(tmp_path / "fresh")


def test_removed_text_is_not_published(tmp_path):
    before = corpus(range(10))
    out, _ = build_then_update(tmp_path, before, [d for d in before if not d["id"].startswith("articles/a4/")])
    published = "".join(p.read_text(encoding="utf-8") for p in (out / "chunks").glob("*.json"))
    assert "articles/a4/" not in published
    assert all(d["text"] not in published for d in article(4) if d["text"] not in
               "".join(x["text"] for x in before if not x["id"].startswith("articles/a4/")))


def test_updates_in_a_row_stay_exact(tmp_path):
    out, state_file = tmp_path / "site", tmp_path / "state"
    docs = corpus(range(60))
    build_index(docs, out, state_file=state_file)
    for step in range(3):
        docs = [d | {"text": d["text"] + f"改写后{step}"} if d["id"] == f"articles/a{step * 7}/#p1" else d for d in docs]
        docs = docs + article(100 + step, date=f"2025-06-{10 + step}")
        update_index(docs, out, state_file, slack=1.0)
        build_index(docs, tmp_path / f"fresh{step}")
        assert answers(out) == answers(tmp_path / f"fresh{step}"), step


def test_update_declines_when_it_would_not_help(tmp_path):
    out, state_file = tmp_path / "site", tmp_path / "state"
    docs = corpus(range(20))
    with pytest.raises(Declined):  # nothing built yet
        update_index(docs, out, state_file)
    build_index(docs, out, state_file=state_file)
    many = docs + [d for n in range(50, 50 + int(SLACK * 200)) for d in article(n)]
    with pytest.raises(Declined, match="out of place"):  # too much new: a full build compacts
        update_index(many, out, state_file)
    with pytest.raises(Declined, match="one id"):
        update_index(docs + [docs[0]], out, state_file)
    manifest = json.loads((out / "manifest.json").read_text())
    (out / "manifest.json").write_text(json.dumps(manifest | {"version": "other"}))
    with pytest.raises(Declined, match="no saved state"):  # the index is not the one the state describes
        update_index(docs, out, state_file)


def test_state_from_other_code_is_not_used(tmp_path, monkeypatch):
    out, state_file = tmp_path / "site", tmp_path / "state"
    build_index(corpus(range(5)), out, state_file=state_file)
    assert index_state.load(state_file, out) is not None
    monkeypatch.setattr(index_state, "_code_digest", lambda: "other code")
    assert index_state.load(state_file, out) is None
    monkeypatch.undo()
    from zhcorpus.search import fold
    monkeypatch.setattr(fold, "table_key", lambda: "another OpenCC or jieba")  # folds differently
    assert index_state.load(state_file, out) is None
    state_file.write_bytes(b"not marshal")
    monkeypatch.undo()
    assert index_state.load(state_file, out) is None


@pytest.mark.parametrize("ids, run", [
    ([], set()),
    ([0, 1, 2, 3], {0, 1, 2, 3}),
    ([0, 1, 9, 2, 3], {0, 1, 2, 3}),
    ([5, 0, 1, 2], {0, 1, 2}),
    ([3, 2, 1], {1}),
])
def test_rising_run(ids, run):
    got = rising_run(ids)
    assert len(got) == len(run) and sorted(got) == [i for i in ids if i in got]
    if len(run) > 1:
        assert got == run


def test_an_update_cut_short_leaves_no_state_to_continue_from(tmp_path, monkeypatch):
    from zhcorpus.search import update

    out, state_file = tmp_path / "site", tmp_path / "state"
    docs = corpus(range(20))
    build_index(docs, out, state_file=state_file)

    def fail(*args, **kwargs):
        raise OSError("disk full")
    monkeypatch.setattr(update, "chunk_blob", fail)  # after the shards were written
    with pytest.raises(OSError):
        update_index(docs + article(50), out, state_file, slack=1.0)
    monkeypatch.undo()
    with pytest.raises(Declined, match="no saved state"):
        update_index(docs, out, state_file, slack=1.0)


def test_a_full_rebuild_cut_short_leaves_no_state_to_continue_from(tmp_path, monkeypatch):
    """The earlier index's state and manifest both survived a full rebuild in place that
    died before its manifest, and still agreed: the next update, applied to the new
    files with the old ids, broke searches for good (IndexError, missing results)."""
    from zhcorpus.search import index

    out, state_file = tmp_path / "site", tmp_path / "state"
    build_index(corpus(range(20)), out, state_file=state_file)

    def fail(*args, **kwargs):
        raise OSError("killed")
    monkeypatch.setattr(index, "chunk_blob", fail)  # shards rewritten, chunks not, no manifest
    with pytest.raises(OSError):
        build_index(corpus(range(5, 30)), out, state_file=state_file)
    monkeypatch.undo()
    with pytest.raises(Declined, match="no saved state"):
        update_index(corpus(range(20)), out, state_file, slack=1.0)


def test_an_update_with_nothing_to_change_keeps_the_version(tmp_path):
    out, state_file = tmp_path / "site", tmp_path / "state"
    docs = corpus(range(10))
    built = build_index(docs, out, state_file=state_file)
    files = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    assert update_index(docs, out, state_file)["version"] == built["version"]
    assert files == {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}


def test_a_removed_document_in_a_posting_is_skipped_not_fatal(tmp_path):
    out, state_file = tmp_path / "site", tmp_path / "state"
    docs = corpus(range(10))
    build_index(docs, out, state_file=state_file)
    update_index([d for d in docs if d["id"] != "articles/a3/#p1"], out, state_file, slack=1.0)
    chunk = next(p for p in (out / "chunks").glob("*.json") if "null" in p.read_text(encoding="utf-8"))
    searcher = Searcher.from_dir(out)
    removed = next(i for i in range(searcher.manifest["docs"]) if searcher.chunk_of(i) == int(chunk.stem)
                   and searcher.doc(i) is None)
    assert searcher.doc(removed) is None  # a client meeting its id (an index out of step) skips it
