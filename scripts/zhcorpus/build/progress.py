"""Progress bars for long builds: counts and rate, on standard error.

The corpus build counts pages through its stages (``counted``); the site build
counts MkDocs' two passes (Markdown to HTML for every page, then every page
through the theme) and then times the search index (``PageProgress``). At
5,000 articles each is a minute or more with nothing else on screen. The
Traditional edition's build writes to a log file, so only the main one draws.
"""

from __future__ import annotations

import sys
from typing import Iterable


def _bar(label: str, total: int | None, items: Iterable | None = None):
    from tqdm import tqdm

    shape = {} if total is not None else {"bar_format": "{desc}: {elapsed}"}  # nothing to count: the time
    return tqdm(items, total=total, desc=label, unit="page", file=sys.stderr, leave=False, mininterval=0.5,
                **shape)


def counted(items: Iterable, total: int, label: str, enabled: bool) -> Iterable:
    """``items``, with a bar while they are consumed."""
    return _bar(label, total, items) if enabled else items


class PageProgress:
    def __init__(self, enabled: bool):
        self.enabled = enabled
        self._bar = None

    @classmethod
    def for_command(cls, command: str | None) -> "PageProgress":
        """``mkdocs build`` on a terminal; ``serve`` rebuilds on every save and logs its own way."""
        return cls(command == "build" and sys.stderr.isatty())

    def start(self, label: str, total: int | None) -> None:
        """Begin a pass over ``total`` pages (None: unknown), ending the pass before it."""
        if self.enabled:
            self.close()
            self._bar = _bar(label, total)

    def step(self) -> None:
        if self._bar is not None:
            self._bar.update()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
