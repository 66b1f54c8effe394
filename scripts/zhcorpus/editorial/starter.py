"""Starter editorial files for a new corpus (``zhcorpus init``).

A seeds folder builds without ``taxonomy.yml`` and ``speakers.yml`` (the build
warns, and the corpus has no events or themes), but an editor starts faster from
a commented example than from the README. The starters live in ``data/`` as the
YAML an editor will read; a test checks them against the shapes the build uses.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from zhcorpus.files import write_atomically

EDITORIAL = ("taxonomy.yml", "speakers.yml")  # the files, as the build looks for them in the seeds folder


class AlreadyThere(Exception):
    """An editorial file that init would overwrite (an editor's work, kept), or a file
    where the seeds folder should be."""


def starter_bytes(name: str) -> bytes:
    return (files("zhcorpus") / "data" / f"starter-{name}").read_bytes()


def write_starters(seeds: Path, force: bool = False) -> list[Path]:
    """Write both starters into ``seeds`` (made if need be); the paths written. Without
    ``force`` nothing is written when either file is there: half a pair from init next
    to an editor's other half would not fit it."""
    if seeds.exists() and not seeds.is_dir():
        raise AlreadyThere(f"{seeds}: not a folder, nothing written")
    targets = [seeds / name for name in EDITORIAL]
    there = [str(path) for path in targets if path.exists() or path.is_symlink()]
    if there and not force:
        raise AlreadyThere(f"{', '.join(there)}: already there, nothing written (--force overwrites)")
    for path in targets:
        write_atomically(path, starter_bytes(path.name))  # replaces a link, never writes through it
    return targets
