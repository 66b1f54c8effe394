"""A progress bar for the site build: counts and rate, on a terminal only.

At 5,000 articles ``mkdocs build`` renders ~5,600 pages per edition and takes
a minute, with nothing on screen between MkDocs' first and last lines. MkDocs
renders in two passes (Markdown to HTML for every page, then every page
through the theme), so the bar counts each pass, then the search index. The
Traditional edition's build writes to a log file, so only this edition draws.
"""

from __future__ import annotations

import sys
from typing import TextIO


class PageProgress:
    def __init__(self, enabled: bool, stream: TextIO | None = None):
        self.enabled, self.stream = enabled, stream or sys.stderr
        self._bar = None

    @classmethod
    def for_command(cls, command: str | None) -> "PageProgress":
        """``mkdocs build`` on a terminal; ``serve`` rebuilds on every save and logs its own way."""
        return cls(command == "build" and sys.stderr.isatty())

    def start(self, label: str, total: int | None) -> None:
        """Begin a pass over ``total`` pages (None: unknown), ending the pass before it."""
        if not self.enabled:
            return
        from tqdm import tqdm

        self.close()
        shape = {} if total is not None else {"bar_format": "{desc}: {elapsed}"}  # nothing to count: the time
        self._bar = tqdm(total=total, desc=label, unit="page", file=self.stream, leave=False, mininterval=0.5,
                         **shape)

    def step(self) -> None:
        if self._bar is not None:
            self._bar.update()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
