"""The build cache keeps data, not code, and a changed byte is a miss, never a page.

What the cache folder holds is read back by the next build: a file planted
there must not run, and a file changed by one byte (a disk, a hand, a tool)
must not reach the corpus. Each kind of file is changed here and the next
build compared with a clean one.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime
import hashlib
import json
import math
import os
import pickle
import re
import shutil
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from zhcorpus.build import cache as cache_module
from zhcorpus import files
from zhcorpus.build.pipeline import WRITTEN, build
from zhcorpus.cachecodec import Codec, CodecError
from zhcorpus.cli import main


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def page_folder(cache: Path) -> Path:
    (folder,) = [p for p in cache.iterdir() if p.is_dir()]  # one per seeds folder
    return folder


@pytest.fixture(scope="module")
def generated(root, tmp_path_factory):
    seeds = tmp_path_factory.mktemp("generated")
    main(["generate", "--seeds", str(root / "seeds"), "--out", str(seeds), "--pages", "12", "--random-seed", "7"])
    return seeds


@pytest.fixture(scope="module")
def clean(generated, tmp_path_factory):
    """The generated seeds built without a cache: what every build below must write."""
    corpus = tmp_path_factory.mktemp("clean") / "corpus"
    assert not build(generated, corpus, jobs=1).errors
    return tree(corpus)


# --- the codec ----------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class Point:
    x: int
    label: str = ""


@dataclasses.dataclass
class Box:
    points: tuple
    notes: dict = dataclasses.field(default_factory=dict)


CODEC = Codec(Point, Box)


@pytest.mark.parametrize("value", [
    None, True, 0, -7, 2**80, 1.5, -0.0, "", "合作", "\ud800 a lone surrogate", "$",
    [], (), [()], ((1, "a"), [2, (3,)]), {"a": (1, 2)}, {},
    {1: "int key"}, {(1, 2): "tuple key"}, {"$": "a key that is the tag"}, {"$": 1, "b": {"$": None}},
    {None: 1, True: 2}, set(), {"合", "作"}, frozenset({1, 2}), {frozenset({"甲"}): 1},
    b"", b"\x00\xffbytes", datetime.date(2025, 6, 17), Counter("合作合"), Counter(),
    Point(1), Point(2, "乙"), Box((Point(3),), {"k": [Point(4, "丙")], 5: {6}}),
    {"tag": "tuple", "items": [1]},  # looks like a tagged object, but has no tag
])
def test_a_value_comes_back_as_it_was(value):
    back = CODEC.decode(CODEC.encode(value))
    assert back == value
    assert same_types(back, value)


def same_types(a, b) -> bool:
    """Equal is not enough: (1,) != [1] but True == 1 and {1: 0} != {"1": 0} only by luck."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return all(same_types(x, y) for x, y in zip(sorted(a, key=repr), sorted(b, key=repr))) and \
            all(same_types(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return all(same_types(x, y) for x, y in zip(a, b))
    if dataclasses.is_dataclass(a):
        return all(same_types(getattr(a, f.name), getattr(b, f.name)) for f in dataclasses.fields(a))
    return True


def test_nan_comes_back():
    assert math.isnan(CODEC.decode(CODEC.encode(float("nan"))))


def test_equal_sets_are_written_as_equal_bytes():
    """String hashing differs between processes; the bytes kept for a set do not."""
    made = "\n".join(subprocess.run([sys.executable, "-c", "from zhcorpus.cachecodec import Codec; import sys; "
                                     "sys.stdout.buffer.write(Codec().encode({'合', '作', '之', '路', 'a', 'b'}))"],
                                    capture_output=True, check=True).stdout.decode() for _ in range(3))
    assert len(set(made.splitlines())) == 1


class Stranger:
    pass


@dataclasses.dataclass
class Unlisted:
    x: int


@pytest.mark.parametrize("value", [
    Stranger(), Unlisted(1), datetime.datetime(2025, 6, 17, 8), print, (lambda: 1).__code__,
    {"k": [object()]}, [1, {2: bytearray(b"x")}],
])
def test_what_the_codec_does_not_know_it_does_not_keep(value):
    with pytest.raises(CodecError, match="cannot keep"):
        CODEC.encode(value)


@pytest.mark.parametrize("data", [
    b"", b"\x80\x81 not UTF-8", b"{\"a\": ", b"[1, 2,]", b"[" * 100_000 + b"]" * 100_000,  # undecodable
    b'{"$": "os.system", "items": ["touch /tmp/pwned"]}',   # a tag not on the list
    b'{"$": "Stranger"}', b'{"$": "Unlisted", "x": 1}',    # classes the codec was not given
    b'{"$": 5, "items": []}', b'{"$": null}', b'{"$": ["tuple"], "items": []}',
    b'{"$": "Point", "x": 1}',                               # a field missing
    b'{"$": "Point", "x": 1, "label": "", "y": 2}',          # a field too many
    b'{"$": "Point", "x": 1, "label": "", "__class__": 2}',
    b'{"$": "tuple"}', b'{"$": "tuple", "items": 5}', b'{"$": "tuple", "items": [], "more": 1}',
    b'{"$": "set", "items": [[1]]}',                         # an unhashable member
    b'{"$": "dict", "items": [[1]]}', b'{"$": "dict", "items": [[[1], 2]]}',
    b'{"$": "bytes", "items": ["zz"]}', b'{"$": "bytes", "items": []}',
    b'{"$": "date", "items": ["2025-13-45"]}', b'{"$": "date", "items": [20250617]}',
])
def test_bytes_the_codec_did_not_write_are_refused(data):
    with pytest.raises(CodecError):
        CODEC.decode(data)


def test_every_changed_byte_of_a_sealed_file_is_seen():
    sealed = files.seal(CODEC.encode({"合作": [Point(1, "之路")]}))
    assert CODEC.decode(files.unseal(sealed)) == {"合作": [Point(1, "之路")]}
    for at in range(len(sealed)):
        for bit in (0x01, 0x80):
            changed = bytearray(sealed)
            changed[at] ^= bit
            assert files.unseal(bytes(changed)) is None, at
    assert files.unseal(sealed[:-1]) is None and files.unseal(sealed + b" ") is None
    assert files.unseal(sealed.split(b"\n", 1)[1]) is None  # the payload without its seal


def test_a_new_field_needs_no_codec_change():
    @dataclasses.dataclass
    class Grown:
        a: int
        title_printed: str | None = None

    codec = Codec(Grown)
    assert codec.decode(codec.encode(Grown(1, "印的标题"))) == Grown(1, "印的标题")
    with pytest.raises(CodecError):  # an entry written before the field was added is a miss
        codec.decode(b'{"$": "Grown", "a": 1}')


# --- real pages through the codec -----------------------------------------------

def stored_entries(seeds: Path, tmp_path: Path, monkeypatch) -> list[tuple[str, str, object]]:
    """Every entry a real build stores: (seed name, key, entry), as store() was given them
    (copied: the build goes on to change the articles' slugs, speakers and quotes)."""
    stored = []
    store = cache_module.PageCache.store

    def recording(self, seed_name, key, entry):
        stored.append((seed_name, key, copy.deepcopy(entry)))
        return store(self, seed_name, key, entry)

    monkeypatch.setattr(cache_module.PageCache, "store", recording)
    result = build(seeds, tmp_path / "corpus", cache=tmp_path / "cache", jobs=1)
    monkeypatch.undo()
    assert not result.errors and stored
    return stored


@pytest.mark.parametrize("which", ["five seeds", "generated"])
def test_a_real_page_result_comes_back_as_it_was(root, generated, tmp_path, monkeypatch, which):
    from zhcorpus.build.pagework import PageResult

    seeds = root / "seeds" if which == "five seeds" else generated
    stored = stored_entries(seeds, tmp_path, monkeypatch)
    codec = cache_module._entry_codec()
    page_cache = cache_module.PageCache(page_folder(tmp_path / "cache"))
    for name, key, entry in stored:
        assert isinstance(entry.value, PageResult) and entry.value.articles
        back = codec.decode(codec.encode(entry))
        assert back == entry and same_types(back, entry), name
        assert page_cache.load(name, key) == entry  # and from its file
        assert page_cache.load(name, "another key") is None
    assert build(seeds, tmp_path / "corpus", cache=tmp_path / "cache", jobs=1).cached_pages == len(stored)


# --- files planted or changed in the cache folder ---------------------------------

class Payload:
    """Unpickled, it makes the folder ``marker``: proof that reading the cache ran code."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return os.mkdir, (str(self.marker),)


def test_a_planted_pickle_does_not_run(generated, clean, tmp_path):
    cache, corpus, marker = tmp_path / "cache", tmp_path / "corpus", tmp_path / "pwned"
    build(generated, corpus, cache=cache, jobs=1)
    folder = page_folder(cache)
    planted = pickle.dumps(Payload(marker))
    page_cache = cache_module.PageCache(folder)
    for seed in sorted(generated.glob("*.txt"))[:3]:
        page_cache._path(seed.name).write_bytes(planted)               # where the entry is
        (folder / f"{seed.name}.pickle").write_bytes(planted)            # where entries once were
    for kept in [folder / WRITTEN, folder / cache_module.REFERENCE, *cache.glob("common-words-*")]:
        kept.write_bytes(planted)
    page_cache._path(sorted(generated.glob("*.txt"))[4].name).write_bytes(files.seal(planted))  # digest and all
    result = build(generated, corpus, cache=cache, jobs=1)
    assert not marker.exists(), "reading the cache ran code"
    assert not result.errors and not result.warnings and result.cached_pages == 12 - 4
    assert tree(corpus) == clean
    assert not list(folder.glob("*.pickle"))  # files of the former format are removed


def flip_one_byte(path: Path, within: str | None = None) -> None:
    """Change one byte of ``path`` so that it still reads as text: the low bit of the last
    byte of a Han character (合 -> 吉), the first one in ``within``'s bytes if given."""
    data = bytearray(path.read_bytes())
    start = data.find(within.encode("utf-8")) if within else 0
    assert start >= 0, f"{within!r} is not in {path}"
    han = re.compile(rb"[\xe4-\xe9][\x80-\xbf][\x80-\xbf]").search(data, start)
    assert han is not None, f"no Han character in {path}"
    data[han.end() - 1] ^= 0x01
    path.write_bytes(bytes(data))


def test_one_changed_byte_in_a_page_entry_is_a_miss(generated, clean, tmp_path):
    cache, corpus = tmp_path / "cache", tmp_path / "corpus"
    first = build(generated, corpus, cache=cache, jobs=1)
    article = next(a for a in first.articles if len(a.body[0].text) > 20 and a.front["script_original"] == "zh-Hans"
                   and not set('"\\') & set(a.body[0].text))  # JSON writes the text as it is
    entry = cache_module.PageCache(page_folder(cache))._path(article.front["seed"])
    flip_one_byte(entry, within=article.body[0].text)  # as a disk might: 合作 -> 吉作
    again = build(generated, corpus, cache=cache, jobs=1)
    assert not again.errors and again.cached_pages == 11  # that page was built again
    assert tree(corpus) == clean


@pytest.fixture
def forget_tables():
    """The tables are read once a process: forget them, so the next build reads them from the cache."""
    from zhcorpus.language.convert import _script_only_patterns
    from zhcorpus.language.segmenter import common_words

    def forget():
        _script_only_patterns.cache_clear()
        common_words.cache_clear()
    yield forget
    forget()


@pytest.mark.parametrize("kind", ["write memo", "reference", "common words", "script-only characters"])
def test_one_changed_byte_in_a_kept_file_is_a_miss(generated, clean, tmp_path, forget_tables, kind):
    cache, corpus = tmp_path / "cache", tmp_path / "corpus"
    build(generated, corpus, cache=cache, jobs=1)
    kept = {"write memo": lambda: page_folder(cache) / WRITTEN,
            "reference": lambda: page_folder(cache) / cache_module.REFERENCE,
            "common words": lambda: next(cache.glob("common-words-*")),
            "script-only characters": lambda: next(cache.glob("script-only-chars-*"))}[kind]()
    assert files.read_kept(kept) is not None
    flip_one_byte(kept)
    assert files.read_kept(kept) is None  # changed: not read back
    for seed in generated.glob("*.txt"):  # pages to build, so that the tables are used
        cache_module.PageCache(page_folder(cache))._path(seed.name).unlink()
    forget_tables()
    again = build(generated, corpus, cache=cache, jobs=1)
    assert not again.errors and not again.warnings
    assert tree(corpus) == clean
    assert files.read_kept(kept) is not None  # made again


# --- the cache folder itself ---------------------------------------------------------

def test_a_seed_name_too_long_for_a_file_name_with_a_suffix_still_is_cached(generated, clean, tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(generated, seeds)
    long_name = "峰会合作之路" * 13 + "合作.txt"  # 244 bytes of UTF-8: a suffix and a pid took it past 255
    assert len(long_name.encode("utf-8")) == 244
    (seeds / "gen00003.txt").rename(seeds / long_name)
    if (seeds / "gen00003.yml").exists():
        (seeds / "gen00003.yml").rename(seeds / long_name.replace(".txt", ".yml"))
    cache = tmp_path / "cache"
    first = build(seeds, tmp_path / "corpus", cache=cache, jobs=1)
    assert not first.errors and not first.warnings
    again = build(seeds, tmp_path / "corpus", cache=cache, jobs=1)
    assert not again.warnings and again.cached_pages == 12
    assert all(len(p.name.encode()) < 100 for p in page_folder(cache).iterdir())
    # The entry names its seed inside: another name with the same file is not it.
    page_cache = cache_module.PageCache(page_folder(cache))
    shutil.copy(page_cache._path(long_name), page_cache._path("gen00004.txt"))
    assert build(seeds, tmp_path / "corpus", cache=cache, jobs=1).cached_pages == 11


def test_a_build_killed_while_writing_leaves_temporaries_the_next_build_removes(generated, clean, tmp_path):
    cache, corpus = tmp_path / "cache", tmp_path / "corpus"
    build(generated, corpus, cache=cache, jobs=1)
    folder = page_folder(cache)
    # A real kill -9, in the middle of writing an entry: after its temporary, before the rename.
    killed = subprocess.run([sys.executable, "-c", f"""
import os, signal
from pathlib import Path
from zhcorpus import files
files.os.replace = lambda *args: os.kill(os.getpid(), signal.SIGKILL)
files.write_atomically(Path({str(folder / "x.page")!r}), b"half")
"""])
    assert killed.returncode == -signal.SIGKILL
    (dead,) = folder.glob("*.tmp")
    old = folder / f"y.page.{os.getpid()}.tmp"  # a live pid, but older than any write takes
    old.write_bytes(b"old")
    os.utime(old, (1, 1))
    live = folder / f"z.page.{os.getpid()}.tmp"  # a write in progress right now: left alone
    live.write_bytes(b"being written")
    (cache / f"common-words-x.kept.{killed_pid(dead)}.tmp").write_bytes(b"")
    assert not build(generated, corpus, cache=cache, jobs=1).errors
    assert not dead.exists() and not old.exists() and live.exists()
    assert not list(cache.glob("*.tmp"))
    assert tree(corpus) == clean


def killed_pid(temporary: Path) -> int:
    return int(temporary.name.removesuffix(".tmp").rsplit(".", 1)[1])


@pytest.mark.parametrize("name, leftover", [
    ("a.page.1234567.tmp", None),        # decided by whether 1234567 runs
    ("a.kept.1234567.tmp", None),
    (f"a.page.{os.getpid()}.tmp", False),
    ("a.page.99999999999999999999.tmp", True),
    ("front-matter-x.marshal", True), ("front-matter-x.marshal.1234567.tmp", None),  # an earlier version's
    ("a.page", False), ("a.kept", False), ("a.page.tmp", False), ("a.page.x1.tmp", False), (".tmp", False),
    # Not ours: the cache folder is the user's choice, and may hold anything.
    ("notes.txt", False), ("notes.txt.1234567.tmp", False), ("a.pickle", False), ("a.marshal", False),
    ("a.json", False), ("fold-table-x.json.1234567.tmp", None), ("x.fold-table-y.json", False),
])
def test_what_counts_as_left_over(tmp_path, name, leftover):
    path = tmp_path / name
    path.write_bytes(b"")
    if leftover is None:
        leftover = not Path("/proc/1234567").exists()
    assert files._is_leftover(path, files.FORMER_KEPT) is leftover


def test_an_old_temporary_of_a_live_pid_is_left_over(tmp_path):
    path = tmp_path / f"a.kept.{os.getpid()}.tmp"
    path.write_bytes(b"")
    assert not files._is_leftover(path, ())
    os.utime(path, (1, 1))  # older than any write takes: the pid is another process's now
    assert files._is_leftover(path, ())


def test_the_entry_digest_covers_the_seed_and_key(generated, tmp_path):
    """Sealed bytes moved to another seed's file, or read under another key: a miss."""
    cache = tmp_path / "cache"
    build(generated, tmp_path / "corpus", cache=cache, jobs=1)
    page_cache = cache_module.PageCache(page_folder(cache))
    record = files.read_kept(page_cache._path("gen00001.txt"), cache_module._entry_codec())
    assert record["seed"] == "gen00001.txt" and len(record["key"]) == 64
    assert page_cache.load("gen00001.txt", record["key"]) == record["entry"]
    assert page_cache.load("gen00001.txt", hashlib.sha256(b"other").hexdigest()) is None
    shutil.copy(page_cache._path("gen00001.txt"), page_cache._path("gen00002.txt"))
    assert page_cache.load("gen00002.txt", record["key"]) is None
    # A well-sealed entry of another shape is a miss too, not an error.
    for shape in ({"seed": "gen00001.txt", "key": record["key"], "entry": [1]},
                  {"seed": "gen00001.txt", "key": record["key"]}, [1]):
        page_cache._path("gen00001.txt").write_bytes(files.seal(json.dumps(shape).encode()))
        assert page_cache.load("gen00001.txt", record["key"]) is None
