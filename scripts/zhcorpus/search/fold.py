"""Script folding: one character in, one character out.

Index and query are folded with the same table, so a Traditional query finds
Simplified text and vice versa. Folding is per character (not OpenCC's phrase
mode) so it is length-preserving: a match offset in folded text is the same
offset in the original, which is what the client highlights. Per-character
folding can only merge characters (干/乾/幹 become one), never split them, so
it costs a little precision and no recall; the benchmark reports the cost.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path

import opencc

from zhcorpus import files
from zhcorpus.language.convert import opencc_version
from zhcorpus.language.segmenter import jieba_dictionary_path, jieba_version

# Every OpenCC direction between the scripts: a character is in the same class
# as anything any of them turns it into, so s2hk(text) folds like text does.
_CONFIGS = ("t2s", "hk2s", "tw2s", "s2t", "s2hk", "s2tw")
_RANGES = ((0x3400, 0xA000), (0xF900, 0xFB00))


def _find(parent: dict[str, str], c: str) -> str:
    while parent.get(c, c) != c:
        parent[c] = parent.get(parent[c], parent[c])
        c = parent[c]
    return c


def _jieba_words() -> list[str]:
    """jieba's dictionary: a ready list of 350k words to convert."""
    path = jieba_dictionary_path()
    return [line.split(" ", 1)[0] for line in path.read_text(encoding="utf-8").splitlines()]


_TABLE_CACHE: list[Path] = []  # set by cache_table_in()


def cache_table_in(folder: Path) -> None:
    """Keep the fold table in ``folder`` between builds: making it takes seconds
    (six OpenCC conversions of jieba's 350k words), reading it milliseconds.
    The file is named by the OpenCC and jieba versions and this code, so an
    upgrade makes a new one."""
    _TABLE_CACHE[:] = [Path(folder)]


@lru_cache(maxsize=1)
def table_key() -> str:
    """What the fold table depends on: the OpenCC and jieba versions and the code that makes it."""
    return files.table_key(opencc_version(), jieba_version(), repr((_CONFIGS, _RANGES)),
                           _make_han_table, _jieba_words, _find)


def _table_file() -> Path | None:
    if not _TABLE_CACHE:
        return None
    return _TABLE_CACHE[0] / f"fold-table-{table_key()}.kept"


@lru_cache(maxsize=1)
def han_table() -> dict[str, str]:
    """Non-identity Han mappings: character -> class representative (cached, see cache_table_in)."""
    # The cache only saves time: a file that cannot be read or written, or that was
    # changed, is made again or skipped, never an error.
    path = _table_file()
    table = files.read_kept(path)
    if isinstance(table, dict):
        return table
    table = dict(sorted(_make_han_table().items()))  # the same order as read back
    files.keep(path, table)
    return table


def _make_han_table() -> dict[str, str]:
    """Non-identity Han mappings: character -> class representative.

    Single characters give most pairs; converting whole words adds the
    phrase-only ones (了解 -> 瞭解, 仿佛 -> 彷彿) that a per-character fold
    would otherwise miss, so fold(s2hk(text)) == fold(text).
    """
    units = [chr(c) for lo, hi in _RANGES for c in range(lo, hi)] + _jieba_words()
    joined = "\n".join(units)  # one unit per line: OpenCC never joins across lines
    pairs: set[tuple[str, str]] = set()
    for name in _CONFIGS:
        out = opencc.OpenCC(name).convert(joined).split("\n")
        for src, dst in zip(units, out):
            if dst != src and len(dst) == len(src):
                pairs.update(zip(src, dst))
    # Union the distinct pairs (~10k of the ~1M a word list yields); the classes
    # do not depend on the order of the unions.
    parent: dict[str, str] = {}
    for a, b in sorted(pairs):
        if a != b:
            a, b = _find(parent, a), _find(parent, b)
            if a != b:
                parent[max(a, b)] = min(a, b)
    classes: dict[str, list[str]] = {}
    for c in list(parent):
        classes.setdefault(_find(parent, c), []).append(c)
    t2s = opencc.OpenCC("t2s")
    # Representative: the Simplified member most used in the word list (尽, not 侭).
    freq = Counter(joined)
    table = {}
    for root, members in classes.items():
        members = sorted(set(members) | {root})
        simple = [m for m in members if t2s.convert(m) == m]
        rep = max(simple or members, key=lambda m: (freq[m], -ord(m)))
        table.update({m: rep for m in members if m != rep})
    return table


@lru_cache(maxsize=1)
def _translate() -> dict[int, str]:
    # The client (static/fold.js) applies exactly these rules, in this order.
    table = {ord(c): r for c, r in han_table().items()}
    for c in range(0xFF01, 0xFF5F):  # full-width ASCII, e.g. ２０２５ -> 2025
        table[c] = chr(c - 0xFEE0).lower()
    for c in range(ord("A"), ord("Z") + 1):
        table[c] = chr(c).lower()
    for c in "\u3000\t\n\r\xa0":
        table[ord(c)] = " "
    return table


def fold(text: str) -> str:
    """Length-preserving fold: Simplified, lower-case ASCII, half-width, spaces."""
    return text.translate(_translate())


def client_table(corpus_chars: set[str]) -> str:
    """Pairs "xyxy..." the client needs: only classes present in the corpus.

    A query character whose class is absent from the corpus cannot match, so
    leaving it unfolded on the client gives the same (empty) result.
    """
    pairs = sorted((c, r) for c, r in han_table().items() if r in corpus_chars)
    return "".join(c + r for c, r in pairs)


# Dashes a query may type for the one the paper printed (中国-中亚, 中国－中亚, 中国–中亚 for
# 中国—中亚), and that 中国中亚精神 leaves out: matching ignores them on both sides. Not
# part of fold() (which must keep offsets for the highlight), but of what is indexed and
# compared; the manifest tells the client this set ("ignore"). U+FF0D folds to "-" first.
IGNORED = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2e3a\u2e3b\ufe58\ufe63"
_DROP = {ord(c): None for c in IGNORED}


def squeeze(folded: str) -> str:
    """Folded text without the dashes matching ignores (IGNORED)."""
    return folded.translate(_DROP)
