"""Articles -> files: Markdown with YAML front-matter, JSONL, the ledger.

Source text is data. It is escaped so that it can never become Markdown,
HTML or front-matter structure: front matter is what PyYAML's safe dumper
writes (corpus/frontmatter.py), which quotes what YAML would misread, and the body
escapes every ASCII character Markdown or its extensions give meaning to.
Chinese punctuation needs no escaping and is never touched. Output is
deterministic: same corpus, same bytes.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import marshal
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Callable, Iterator

import yaml

from zhcorpus.files import code_fingerprint, keep, read_kept, stamp, write_atomically
from zhcorpus.corpus.frontmatter import DUMPER, dump_front_matter


@dataclass(frozen=True)
class Paragraph:
    role: str      # "p", "h" (section heading) or "item" (roundup item with an outlet lead)
    anchor: str    # p1.. for paragraphs and items, s1.. for headings
    text: str
    lead: str = ""


@dataclass(frozen=True)
class Article:
    front: dict
    body: tuple[Paragraph, ...]

    @property
    def slug(self) -> str:
        return self.front["slug"]


_BACKSLASH = re.compile(r"([\\`*_{}\[\]()#+\-.!])")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;", "~": "&#126;",
             "^": "&#94;", "=": "&#61;", ":": "&#58;"}
# A quotation mark means nothing to Markdown outside a link or an HTML tag, which the
# escapes above already make impossible: it stays a quotation mark ("…," Xi said).
_ENTITY_CHARS = re.compile("[" + re.escape("".join(_ENTITIES)) + "]")


def escape_markdown(text: str) -> str:
    """Make source text inert in Python-Markdown with Material's extensions."""
    # Backslashes first: the entities written next contain '#', which must stay unescaped.
    text = _BACKSLASH.sub(r"\\\1", text)
    return _ENTITY_CHARS.sub(lambda m: _ENTITIES[m.group(0)], text)


def render_body(body: tuple[Paragraph, ...]) -> str:
    chunks = []
    for para in body:
        if para.role == "h":
            chunks.append(f"## {escape_markdown(para.text)} {{: #{para.anchor} }}")
        elif para.role == "item":
            chunks.append(f"**{escape_markdown(para.lead)}**：{escape_markdown(para.text)}\n{{: #{para.anchor} }}")
        else:
            chunks.append(f"{escape_markdown(para.text)}\n{{: #{para.anchor} }}")
    return "\n\n".join(chunks) + "\n"


def render_article(article: Article, body: str | None = None) -> str:
    body = render_body(article.body) if body is None else body
    return f"---\n{dump_front_matter(article.front)}---\n\n{body}"


def _write(path: Path, content: str) -> bool:
    """Write ``path`` if its bytes change (an unchanged file keeps its mtime, for MkDocs'
    --dirty), whole or not at all: a full disk or a kill mid-write leaves the last
    build's file, never half of this one's for the site to publish. The error names
    the file (a failed write() names none, a failed rename the temporary one)."""
    data = content.encode("utf-8")
    try:
        if path.exists() and path.read_bytes() == data:
            return False
        write_atomically(path, data)
        return True
    except OSError as error:
        raise OSError(error.errno, error.strerror, str(path)) from error


def write_article(folder: Path, article: Article) -> tuple[bool, str]:
    """Write ``<slug>.md`` if it changed; return whether it did and the article's
    articles.jsonl line, made here, in the worker, with the body rendered once."""
    body = render_body(article.body)
    changed = _write(folder / f"{article.slug}.md", render_article(article, body))
    return changed, json.dumps({**article.front, "body": body}, ensure_ascii=False, sort_keys=True)


def _render_code() -> str:
    """What renders an article besides its content: this code, and PyYAML (libyaml or not)."""
    return f"{code_fingerprint()} {yaml.__version__} {DUMPER.__name__}"


class _WriteMemo:
    """Per article: a digest of its content, its articles.jsonl line, and the size and
    mtime its file had once written. Plain data in one kept file; unreadable, changed or
    from another corpus folder, it is empty, so the worst case is rendering again."""

    def __init__(self, path: Path | None, articles_dir: Path):
        self.path, self.folder = path, str(articles_dir.resolve())
        self.entries: dict[str, tuple] = {}
        kept = read_kept(path)
        if isinstance(kept, tuple) and len(kept) == 3 and kept[:2] == (self.folder, _render_code()):
            self.entries = kept[2] if isinstance(kept[2], dict) else {}
        self._changed = not self.entries  # nothing kept yet: the first save writes

    def digest(self, article: Article) -> bytes | None:
        if self.path is None:
            return None
        try:
            # Version 2: no back-references, whose use depends on reference counts, not on values.
            body = [(p.role, p.anchor, p.text, p.lead) for p in article.body]  # astuple() deep-copies: slow
            return hashlib.sha256(marshal.dumps((article.front, body), 2)).digest()
        except ValueError:  # a value marshal cannot keep: render this one every time
            return None

    def get(self, slug: str, digest: bytes | None) -> str | None:
        """The article's articles.jsonl line if its file is as written for ``digest``."""
        entry = self.entries.get(slug)
        if digest is None or entry is None or entry[0] != digest:
            return None
        return entry[1] if stamp(Path(self.folder) / f"{slug}.md") == entry[2] else None

    def put(self, slug: str, digest: bytes | None, line: str) -> None:
        if digest is not None:
            self.entries[slug] = (digest, line, stamp(Path(self.folder) / f"{slug}.md"))
            self._changed = True

    def save(self, slugs: set[str]) -> None:
        """Write the memo when it changed: it holds every articles.jsonl line (tens of MB
        at 5,000 articles), and most rebuilds change a few of them or none."""
        kept = {slug: entry for slug, entry in self.entries.items() if slug in slugs}
        if self.path is None or not (self._changed or len(kept) < len(self.entries)):
            return
        keep(self.path, (self.folder, _render_code(), kept))


def write_corpus(corpus: Path, articles: list[Article], ledgers: list[dict], quotes: list[dict] = (),
                 speakers: dict | None = None, mapper: Callable = map, memo_file: Path | None = None) -> dict[str, int]:
    """``mapper`` runs ``write_article`` over the articles: ``map``, or a pool's.

    With ``memo_file``, an article whose content and file are as the last build
    left them is not rendered again: rendering 5,000 front-matters with YAML
    and comparing 5,000 files took seconds when one seed had changed.
    """
    articles_dir = corpus / "articles"
    articles_dir.mkdir(parents=True, exist_ok=True)
    wanted = {f"{a.slug}.md" for a in articles}
    removed = 0
    # Temporaries of _write (<name>.<pid>.tmp) left by a build killed mid-write: this
    # build holds the corpus lock, so no other is writing them.
    for leftover in [*corpus.glob("*.[0-9]*.tmp"), *articles_dir.glob("*.[0-9]*.tmp")]:
        leftover.unlink()
    for stale in sorted(articles_dir.glob("*.md")):
        if stale.name not in wanted:
            stale.unlink()
            removed += 1
    memo = _WriteMemo(memo_file, articles_dir)
    digests = {a.slug: memo.digest(a) for a in articles}
    known = {a.slug: memo.get(a.slug, digests[a.slug]) for a in articles}
    todo = [a for a in articles if known[a.slug] is None]
    results = dict(zip((a.slug for a in todo), mapper(partial(write_article, articles_dir), todo)))
    written = sum(changed for changed, _ in results.values())
    lines = {}
    for a in articles:
        if known[a.slug] is not None:
            lines[a.slug] = known[a.slug]
        else:
            lines[a.slug] = results[a.slug][1]
            memo.put(a.slug, digests[a.slug], lines[a.slug])
    memo.save(set(lines))
    _write(corpus / "articles.jsonl", "\n".join(lines[slug] for slug in sorted(lines)) + "\n")
    _write(corpus / "ledger.json", json.dumps(ledgers, ensure_ascii=False, indent=2) + "\n")
    quote_lines = [json.dumps(q, ensure_ascii=False, sort_keys=True) for q in sorted(quotes, key=lambda q: q["id"])]
    _write(corpus / "quotes.jsonl", "".join(line + "\n" for line in quote_lines))
    if speakers is not None:
        _write(corpus / "speakers.yml", "# The speaker registry of seeds/speakers.yml, extended with the "
               "speakers this build found.\n# Generated: correct names in seeds/speakers.yml.\n"
               + dump_front_matter(speakers))
    return {"articles": len(articles), "written": written, "removed": removed}


class CorpusBusy(Exception):
    """Another build is writing the corpus folder."""


@dataclass(frozen=True)
class CorpusLock:
    descriptor: int        # the open folder: a process forked while it is held must close it
    problem: str | None    # why the build goes on unlocked, if it does


@contextmanager
def corpus_lock(corpus: Path) -> Iterator[CorpusLock]:
    """Hold ``corpus`` (made if need be) for one build. A second build at once is
    refused, naming the first's process, rather than made to wait: it would build the
    same thing again once the first is done, and a refusal says at once what is going
    on. The lock is ``flock`` on the folder itself, so no lock file is ever written
    into the corpus or left behind: the kernel drops the lock with the process, even
    after ``kill -9``, provided no process forked from the build keeps the folder
    open (the lock belongs to the open folder, not to one process). ``problem``: a
    warning when the file system has no such locks (some network file systems):
    the build then goes on unlocked."""
    if corpus.exists() and not corpus.is_dir():  # else mkdir's "File exists" would say little
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(corpus))
    corpus.mkdir(parents=True, exist_ok=True)
    folder = os.open(corpus, os.O_RDONLY | os.O_DIRECTORY)
    try:
        problem = None
        try:
            fcntl.flock(folder, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            if error.errno not in (errno.EWOULDBLOCK, errno.EAGAIN):
                problem = f"{corpus}: cannot be locked ({error.strerror}), building without a lock"
            else:
                holder = lock_holder(folder)
                raise CorpusBusy(f"{corpus}: another build{f' (pid {holder})' if holder else ''} is writing "
                                 "this corpus; run this one again when it has finished") from None
        yield CorpusLock(folder, problem)
    finally:
        os.close(folder)


def lock_holder(folder: int) -> int | None:
    """The process holding the flock on the open folder ``folder``, from /proc/locks
    (Linux); None where that cannot be told."""
    info = os.fstat(folder)
    where = f"{os.major(info.st_dev):02x}:{os.minor(info.st_dev):02x}:{info.st_ino}"
    try:
        lines = Path("/proc/locks").read_text(encoding="ascii", errors="replace").splitlines()
    except OSError:
        return None
    for line in lines:
        fields = line.split()
        # "1: FLOCK  ADVISORY  WRITE 4242 fe:00:2211858 0 EOF"; a waiter's line has "->" after the number
        if len(fields) >= 6 and fields[1] == "FLOCK" and fields[5] == where and fields[4].isdigit():
            return int(fields[4])
    return None
