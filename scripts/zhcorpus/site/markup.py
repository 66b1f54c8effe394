"""Turning plain source text into Markdown that renders as exactly that text.

Front-matter values (titles, bylines, captions) and ``original`` paragraphs are
plain text; the article body is already escaped by the corpus build. Anything
we put into a generated page goes through :func:`escape` so that a headline
containing ``<script>``, ``*`` or ``|`` shows those characters and never
becomes markup. The rule is the corpus writer's own (zhcorpus.corpus.writers), so
generated text and the body are escaped identically.
"""

from __future__ import annotations

from functools import lru_cache

from zhcorpus.corpus.writers import escape_markdown


# Pure, and called ~330,000 times at 5,000 articles, mostly on the same names and titles.
@lru_cache(maxsize=1 << 16)
def escape(text: str) -> str:
    """Plain text -> one line of Markdown that displays the same characters."""
    text = escape_markdown(text)
    # A paragraph must stay one block: newlines and leading blanks would start
    # new blocks or code blocks.
    return " ".join(part.strip() for part in text.splitlines() if part.strip())


def paragraph(text: str, anchor: str | None = None, css: str | None = None) -> str:
    """A Markdown paragraph with an attr_list line (anchor and/or class)."""
    attrs = " ".join(x for x in (anchor and f"#{anchor}", css and f".{css}") if x)
    return escape(text) + (f"\n{{: {attrs} }}" if attrs else "")


def link(label: str, url: str) -> str:
    """A Markdown link with an escaped label; ``url`` is ours (ASCII, relative)."""
    return f"[{escape(label)}]({url})"


def indent(markdown: str, spaces: int = 4) -> str:
    """Indent a block for content tabs / admonitions (blank lines stay blank)."""
    pad = " " * spaces
    return "\n".join(pad + line if line.strip() else "" for line in markdown.split("\n"))
