"""Seed files -> text.

Seeds come from many tools: UTF-8 with or without a BOM, UTF-16, GB18030 from
mainland systems, Big5 from Hong Kong and Taiwan. We decode what can be decoded
unambiguously and reject the rest with one line naming the file and the byte
offset, so that one bad file never stops the other seeds from building.
"""

from __future__ import annotations

import codecs
import hashlib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from zhcorpus.language.han import han_chars


class SeedError(Exception):
    """A user's input problem: reported as one line, never as a traceback."""

    def __init__(self, path: Path | str, message: str):
        super().__init__(f"{path}: {message}")
        self.path = str(path)
        self.message = message

    def __reduce__(self):
        # Errors of seeds read in worker processes come back pickled, and Exception
        # pickles only ``args`` (the one joined line): without this, unpickling called
        # __init__ with one argument, the pool's result thread died and the build hung.
        return type(self), (self.path, self.message)


class EmptySeed(SeedError):
    """An empty seed is skipped with a warning, not an error."""


@dataclass(frozen=True)
class Seed:
    name: str
    sha256: str
    text: str
    encoding: str


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def link_problem(path: Path) -> str | None:
    """Why ``path``, a symbolic link, is not read: it leads nowhere, or out of its own
    folder (the seeds folder). None when it is no link, or one to a file in that folder
    or below it: a seeds folder may share a file under two names, but a link must not
    publish what lies outside (/etc/passwd, a key in the home folder)."""
    if not path.is_symlink():
        return None
    try:
        target = path.resolve(strict=True)
    except FileNotFoundError:
        return "a symbolic link to a missing file"
    except (OSError, RuntimeError):  # a loop of links (RuntimeError before Python 3.13)
        return "a symbolic link that cannot be followed"
    if not target.is_relative_to(path.parent.resolve()):
        return f"a symbolic link to {target}, outside {path.parent}"
    return None


def input_bytes(path: Path, missing: bytes | None = None) -> bytes:
    """A seed's or sidecar's bytes; ``missing`` is what an absent file reads as (None:
    it is an error). A file that cannot be read, or a link that link_problem refuses,
    is a SeedError naming it."""
    problem = link_problem(path)
    if problem:
        raise SeedError(path, f"{problem}: not read")
    try:
        return path.read_bytes()
    except FileNotFoundError:
        if missing is not None:
            return missing
        raise SeedError(path, "not found") from None
    except OSError as error:
        raise SeedError(path, f"cannot be read ({error.strerror or error})") from None


# Control characters (a newline would break the ledger's table and every one-line
# message), line and paragraph separators, and bytes that are not UTF-8 (which
# Python keeps as lone surrogates, and no file we write can hold).
_UNSHOWABLE = frozenset(("Cc", "Cs", "Zl", "Zp"))


def name_problem(name: str) -> str | None:
    """Why a seed's file name is refused, None if it is not."""
    bad = [c for c in name if unicodedata.category(c) in _UNSHOWABLE]
    if not bad:
        return None
    return f"a character no line can show in the file name ({', '.join(dict.fromkeys(map(_escaped, bad)))}): " \
           "rename the file"


def shown(text: str) -> str:
    """``text`` with what name_problem refuses written as escapes (\\n, \\x1b, \\xff
    for a byte that is not UTF-8), so a message about it stays one line."""
    return "".join(_escaped(c) if unicodedata.category(c) in _UNSHOWABLE else c for c in text)


def _escaped(char: str) -> str:
    if 0xDC80 <= ord(char) <= 0xDCFF:  # a byte that was not UTF-8, as os.fsdecode keeps it
        return f"\\x{ord(char) - 0xDC00:02x}"
    return char.encode("unicode_escape").decode("ascii")


def read_seed(path: Path, data: bytes | None = None) -> Seed:
    """``data``: the file's bytes, when the caller has read them already."""
    data = input_bytes(path) if data is None else data
    text, encoding = decode_seed_bytes(data, path)
    return Seed(
        name=path.name,
        sha256=hashlib.sha256(data).hexdigest(),
        text=normalize_newlines(text),
        encoding=encoding,
    )


def decode_seed_bytes(data: bytes, path: Path | str = "<bytes>") -> tuple[str, str]:
    """Return (text, encoding name) or raise SeedError / EmptySeed."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as err:
                raise SeedError(path, f"invalid {encoding} at byte {err.start}") from None
            return _reject_empty(text, path), encoding
    if _looks_binary(data):
        offset = data.find(b"\x00")
        where = f" (NUL byte at offset {offset})" if offset >= 0 else ""
        raise SeedError(path, f"binary file, not text{where}")
    try:
        return _reject_empty(data.decode("utf-8"), path), "utf-8"
    except UnicodeDecodeError as utf8_error:
        candidates = []
        for encoding in ("gb18030", "big5"):
            try:
                candidates.append((_chinese_text_score(data.decode(encoding)), encoding))
            except UnicodeDecodeError:
                continue
        if not candidates:
            raise SeedError(
                path,
                f"not UTF-8, GB18030 or Big5: undecodable byte at offset {utf8_error.start}",
            ) from None
        _, encoding = max(candidates)
        return _reject_empty(data.decode(encoding), path), encoding


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF so that line logic sees one kind of line end."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _reject_empty(text: str, path: Path | str) -> str:
    if not text.strip():
        raise EmptySeed(path, "empty file, skipped")
    return text


_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in (0x09, 0x0A, 0x0D, 0x0C))


def _looks_binary(data: bytes) -> bool:
    """NUL bytes or many C0 control bytes do not occur in text seeds."""
    if b"\x00" in data:
        return True
    sample = data[:4096]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return bool(sample) and controls / len(sample) > 0.05


def _chinese_text_score(text: str) -> float:
    """How much a decoding looks like Chinese prose.

    GB18030 decodes almost any byte string, so "it decoded" says little; Big5
    bytes read as GB18030 give rare characters. Scoring by the share of common
    Han characters (from jieba's dictionary, in either script) tells them apart.
    """
    common = _common_han()
    han = han_chars(text)
    if not han:
        return 0.0
    unusual = sum(1 for c in text if unicodedata.category(c) in ("Co", "Cn"))
    return sum(1 for c in han if c in common) / len(han) - unusual / max(len(text), 1)


@lru_cache(maxsize=1)
def _common_han() -> frozenset[str]:
    from zhcorpus.language.convert import to_traditional_chars
    from zhcorpus.language.segmenter import dictionary_char_frequencies

    frequencies = dictionary_char_frequencies()
    simplified = {c for c, _ in sorted(frequencies.items(), key=lambda kv: -kv[1])[:3500]}
    return frozenset(simplified | to_traditional_chars(simplified))


def load_yaml(text: str):
    """Safe YAML, with libyaml's loader when present (the same data, several times
    faster: a generated corpus has a sidecar per page, the site reads every article)."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
