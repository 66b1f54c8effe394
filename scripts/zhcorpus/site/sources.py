"""Generated pages as files, so ``mkdocs build --dirty`` rebuilds only what changed.

MkDocs' ``--dirty`` skips a page whose source file is older than its built
HTML. A page made in memory (``File.generated``) counts as changed on every
build, so each generated page is written to a mirror folder instead, and only
when its Markdown changed: an unchanged page keeps its old mtime and is
skipped. After one seed changes, that is its articles and the index, quote and
speaker pages that list them. Pages the corpus no longer makes leave the
mirror and, in a dirty build, the site folder.

A dirty build first asks whether the site folder is what the last build left
(``doubt``): after a build cut short, or with the mirror gone, it starts clean.

What a page shows must therefore depend on its Markdown alone; the home page,
which the corpus fills in, is generated like the rest (see hooks.on_files).
Theme, config and code changes need a full build (plain ``mkdocs build``).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from mkdocs.structure.files import File

from zhcorpus.files import stamp, write_atomically, write_if_changed

LISTING = ".generated.json"  # what the previous build generated
# MkDocs warns on every dirty build that it may be inaccurate; with the pages
# mirrored it is not, so that one warning is not ours to repeat or count.
MKDOCS_DIRTY_WARNING = "A 'dirty' build is being performed"


BUILDING = ".building"  # in the mirror while a build into its site folder runs


def doubt(folder: Path) -> str | None:
    """Why a dirty build may not trust the site folder of this mirror, or None.

    A dirty build renders only pages whose Markdown is newer than their HTML, and
    removes only pages the listing says the last build made. After a build cut short,
    a page may be half written yet newer than its Markdown, and the search index half
    rebuilt; without the listing, pages the corpus no longer makes would stay."""
    if (folder / BUILDING).exists():
        return "the last build into this site folder was cut short"
    if not (folder / LISTING).is_file():
        return "no record of what the last build made"
    return None


def mark_building(folder: Path) -> None:
    write_atomically(folder / BUILDING, b"")


def mark_built(folder: Path) -> None:
    (folder / BUILDING).unlink(missing_ok=True)


def folder_for(sources_dir: Path, site_dir: str) -> Path:
    """One mirror per site folder: two sites built from one checkout never share pages."""
    site = str(Path(site_dir).resolve())
    return sources_dir / hashlib.sha1(site.encode("utf-8")).hexdigest()[:12]


def materialize(pages: dict[str, str], folder: Path, config, dirty: bool) -> list[File]:
    """Write ``pages`` (src_uri -> Markdown) to ``folder``; return MkDocs files for them."""
    listing = folder / LISTING
    before = _previous(listing)
    written = {}
    for src_uri, markdown in pages.items():
        data = markdown.encode("utf-8")
        digest = hashlib.sha1(data).hexdigest()
        path = folder / src_uri
        # The listing says what each file held when written, and its size and mtime
        # then: a file still so is not read back to compare (5,600 reads a build).
        now = stamp(path)
        if before.get(src_uri, [None])[0] != digest or now != before[src_uri][1:]:
            write_if_changed(path, markdown)
            now = stamp(path)
        written[src_uri] = [digest, *now]
    for gone in sorted(before.keys() - pages.keys()):
        (folder / gone).unlink(missing_ok=True)
        if dirty:  # a clean build emptied the site folder already
            _remove_output(_file(gone, folder, config))
    listing_json = json.dumps(written, ensure_ascii=False, sort_keys=True, indent=0) + "\n"
    write_atomically(listing, listing_json.encode("utf-8"))  # whole or not at all
    return [_file(src_uri, folder, config) for src_uri in pages]


def _previous(listing: Path) -> dict[str, list]:
    """What the last build generated, with [digest, size, mtime] of each file: every
    Markdown file in the mirror, unknown, if the listing is missing or unreadable,
    so no page the corpus dropped survives and every page is compared anew."""
    try:
        known = json.loads(listing.read_text(encoding="utf-8"))
        if isinstance(known, dict) and all(isinstance(v, list) and v for v in known.values()):
            return known
    except (OSError, ValueError, TypeError):
        pass
    folder = listing.parent
    return {p.relative_to(folder).as_posix(): [None] for p in folder.rglob("*.md")}


NAV_RECORD = ".nav-left-out.json"  # the index listings the last build left out of the nav


def nav_changed(folder: Path, left_out: set[str]) -> bool:
    """Whether the nav leaves out other index listings than the last build into this
    mirror's site folder did (assemble.empty_indexes); today's are recorded. The nav is
    on every page, so when an index family comes or goes (a first taxonomy's events)
    a dirty build must render every page, not only those whose Markdown changed.
    No record: a build before the nav depended on the corpus, which left out none."""
    record, now = folder / NAV_RECORD, json.dumps(sorted(left_out))
    try:
        before = record.read_text(encoding="utf-8")
    except OSError:
        before = "[]"
    if not record.is_file() or before != now:
        write_atomically(record, now.encode("utf-8"))
    return before != now


def render_again(files: list[File]) -> None:
    """Remove the pages' output: a dirty build renders a page whose HTML is missing."""
    for file in files:
        _remove_output(file)


def _file(src_uri: str, folder: Path, config) -> File:
    return File(src_uri, str(folder), config.site_dir, config.use_directory_urls)


def _remove_output(file: File) -> None:
    output = Path(file.abs_dest_path)
    output.unlink(missing_ok=True)
    if output.name == "index.html" and output.parent.is_dir() and not any(output.parent.iterdir()):
        output.parent.rmdir()
