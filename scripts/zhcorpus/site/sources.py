"""Generated pages as files, so ``mkdocs build --dirty`` rebuilds only what changed.

MkDocs' ``--dirty`` skips a page whose source file is older than its built
HTML. A page made in memory (``File.generated``) counts as changed on every
build, so each generated page is written to a mirror folder instead, and only
when its Markdown changed: an unchanged page keeps its old mtime and is
skipped. After one seed changes, that is its articles and the index, quote and
speaker pages that list them. Pages the corpus no longer makes leave the
mirror and, in a dirty build, the site folder.

What a page shows must therefore depend on its Markdown alone; the home page,
which the corpus fills in, is generated like the rest (see hooks.on_files).
Theme, config and code changes need a full build (plain ``mkdocs build``).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from mkdocs.structure.files import File

from zhcorpus.writers import write_if_changed

LISTING = ".generated.json"  # what the previous build generated
# MkDocs warns on every dirty build that it may be inaccurate; with the pages
# mirrored it is not, so that one warning is not ours to repeat or count.
MKDOCS_DIRTY_WARNING = "A 'dirty' build is being performed"


def folder_for(sources_dir: Path, site_dir: str) -> Path:
    """One mirror per site folder: two sites built from one checkout never share pages."""
    site = str(Path(site_dir).resolve())
    return sources_dir / hashlib.sha1(site.encode("utf-8")).hexdigest()[:12]


def materialize(pages: dict[str, str], folder: Path, config, dirty: bool) -> list[File]:
    """Write ``pages`` (src_uri -> Markdown) to ``folder``; return MkDocs files for them."""
    listing = folder / LISTING
    before = _previous(listing)
    for src_uri, markdown in pages.items():
        write_if_changed(folder / src_uri, markdown)
    for gone in sorted(before - set(pages)):
        (folder / gone).unlink(missing_ok=True)
        if dirty:  # a clean build emptied the site folder already
            _remove_output(_file(gone, folder, config))
    partial = listing.with_suffix(".tmp")  # written whole or not at all
    partial.write_text(json.dumps(sorted(pages), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    partial.replace(listing)
    return [_file(src_uri, folder, config) for src_uri in pages]


def _previous(listing: Path) -> set[str]:
    """What the last build generated: every Markdown file in the mirror if the
    listing is missing or unreadable, so no page the corpus dropped survives."""
    try:
        return set(json.loads(listing.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        folder = listing.parent
        return {p.relative_to(folder).as_posix() for p in folder.rglob("*.md")}


def _file(src_uri: str, folder: Path, config) -> File:
    return File(src_uri, str(folder), config.site_dir, config.use_directory_urls)


def _remove_output(file: File) -> None:
    output = Path(file.abs_dest_path)
    output.unlink(missing_ok=True)
    if output.name == "index.html" and output.parent.is_dir() and not any(output.parent.iterdir()):
        output.parent.rmdir()
