"""Reading chains -> article drafts: which headline, byline and dateline go with
which body.

Pages follow one of two conventions, and the page's first block tells which:
a page that opens with a headline prints each headline *above* its body;
a page that opens with body text prints each headline *after* its body (the
headline between two reports belongs to the one above it).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from .columns import Links, is_cut, is_heading_like
from .repairs import join_wrapped
from .layout import (BYLINE, CAPTION, CONTINUED, CREDIT, DATELINE, DATEPLACE, HEADING, ITEM,
                     KICKER, QR, TEXT, Block)

_LONG_HEADLINE = 24
_KICKER_MAX = 6
_TITLE_MAX = 30
_INLINE_DATELINE = re.compile(
    r"^((?:新华社|新華社|中新社)\S{0,10}?\d{1,2}月\d{1,2}日[电電]|香港文[汇匯][报報]訊|香港文汇报讯)\s*")


@dataclass
class Draft:
    """An article as found on the page, in the script it was printed in."""

    start_line: int
    title: str = ""
    subtitle: str = ""
    kicker: str = ""
    bylines: list[str] = field(default_factory=list)
    dateline: str = ""
    dateplace: str = ""
    continued_from: str = ""
    captions: list[str] = field(default_factory=list)
    pull_quotes: list[str] = field(default_factory=list)
    body: list[tuple[str, str, str]] = field(default_factory=list)  # (role, text, lead)
    dropped: list[tuple[str, str]] = field(default_factory=list)     # (text, why)
    truncated: list[int] = field(default_factory=list)               # body positions cut in print
    ended: bool = False
    in_header: bool = True

    @property
    def has_body(self) -> bool:
        return bool(self.body)


def assemble(blocks: list[Block], chains: list[list[int]], links: Links) -> list[Draft]:
    first = next((b for b in blocks if b.kind not in (CAPTION,)), None)
    second = blocks[blocks.index(first) + 1] if first is not None and blocks.index(first) + 1 < len(blocks) else None
    headline_first = first is not None and (
        first.kind in (HEADING, KICKER) or is_heading_like(first)
        or (_headline_shaped(first) and second is not None and second.kind == BYLINE))
    assembler = _HeadlineFirst(blocks, links) if headline_first else _HeadlineAfter(blocks, links)
    for chain in chains:
        assembler.read_chain(chain)
    drafts = _fold_furniture_only(assembler.drafts)
    for draft in drafts:
        _lift_inline_dateline(draft)
        if not draft.title and draft.pull_quotes:
            # A continued article's jump headline sits in its text like a pull-quote.
            draft.title = draft.pull_quotes.pop(0)
    return drafts


class _Assembler:
    def __init__(self, blocks: list[Block], links: Links):
        self.blocks = blocks
        self.links = links
        self.drafts: list[Draft] = []
        self.current: Draft | None = None
        self.previous: int | None = None
        # Lifted blocks by the cut they follow, in page order: looked up per block read,
        # where going through all of them made a long page cost blocks times lifted.
        self.lifted_after: dict[int, list[int]] = defaultdict(list)
        for lifted, cut in sorted(links.lifted.items()):
            self.lifted_after[cut].append(lifted)

    def start(self, line: int) -> Draft:
        self.current = Draft(start_line=line)
        self.drafts.append(self.current)
        return self.current

    def read_chain(self, chain: list[int]) -> None:
        self.current = None
        for position, index in enumerate(chain):
            following = self.blocks[chain[position + 1]] if position + 1 < len(chain) else None
            self.read(index, following, chain)
            self.previous = index
            for lifted in self.lifted_after.get(index, ()):
                if self.current is not None:
                    self.attach_lifted(self.blocks[lifted])

    def attach_lifted(self, block: Block) -> None:
        assert self.current is not None
        if block.kind == CAPTION:
            self.current.captions.append(block.text)
        elif block.kind == QR:
            self.current.dropped.append((block.text, "QR-code notice"))
        else:
            self.current.pull_quotes.append(block.text)

    def add_body(self, index: int, block: Block) -> None:
        draft = self.current
        assert draft is not None
        draft.in_header = False
        if block.kind == ITEM:
            draft.body.append(("item", block.text, block.lead))
        elif is_heading_like(block):
            draft.body.append(("h", block.text, ""))
        elif self.continues_previous(index) and draft.body and draft.body[-1][0] == "p":
            role, text, lead = draft.body[-1]
            draft.body[-1] = (role, join_wrapped(text, block.text), lead)
        else:
            draft.body.append(("p", block.text, ""))
        if index in self.links.offpage:
            draft.truncated.append(len(draft.body) - 1)

    def continues_previous(self, index: int) -> bool:
        return self.previous is not None and self.links.continuation.get(self.previous) == index

    def add_furniture(self, block: Block) -> bool:
        """Blocks that are the same wherever they stand; True if handled."""
        draft = self.current
        assert draft is not None
        if block.kind == CAPTION:
            draft.captions.append(block.text)
        elif block.kind == QR:
            draft.dropped.append((block.text, "QR-code notice"))
        elif block.kind == DATEPLACE:
            draft.dateplace = block.text
        elif block.kind == KICKER:
            draft.kicker = draft.kicker or block.text
        else:
            return False
        return True


class _HeadlineFirst(_Assembler):
    def read(self, index: int, following: Block | None, chain: list[int]) -> None:
        block = self.blocks[index]
        if self.starts_article(block, index, following):
            draft = self.start(block.line)
            if block.kind == CONTINUED:
                draft.continued_from = block.text
            elif block.kind in (TEXT, HEADING) and (is_heading_like(block) or (
                    _headline_shaped(block) and following is not None and following.kind == BYLINE)):
                draft.title = block.text
            else:
                self.add_body(index, block)
            return
        if self.current is None:
            self.current = self.open_article_before(min(self.blocks[i].line for i in chain))
        draft = self.current
        if self.add_furniture(block):
            return
        if block.kind in (DATELINE,):
            draft.dateline, draft.ended = block.text, True
        elif block.kind in (BYLINE, CREDIT):
            draft.bylines.append(block.text)
            draft.ended = draft.ended or draft.has_body
        elif draft.in_header and (is_heading_like(block) or block.kind == HEADING):
            self.add_header_line(block)
        else:
            self.add_body(index, block)

    def starts_article(self, block: Block, index: int, following: Block | None) -> bool:
        current = self.current
        if block.kind == CONTINUED:
            return True
        if block.kind == HEADING:
            return block.level <= 2 or (current is not None and current.ended)
        if block.kind != TEXT:
            return False
        if current is None:
            return index == 0 or (is_heading_like(block) and index == self._first_text_index())
        if current.ended:
            return True
        if not current.in_header and following is not None and following.kind == BYLINE and _headline_shaped(block):
            return True  # a headline is what a byline follows
        if is_heading_like(block) and not current.in_header:
            return len(block.text) > _LONG_HEADLINE or "——" in block.text[1:]
        return False

    def _first_text_index(self) -> int:
        return next(i for i, b in enumerate(self.blocks) if b.kind in (TEXT, HEADING))

    def add_header_line(self, block: Block) -> None:
        draft = self.current
        assert draft is not None
        if not draft.title:
            draft.title = block.text
        elif block.text.startswith("——") and not draft.subtitle:
            draft.subtitle = block.text
        elif len(block.text) <= _KICKER_MAX and not draft.kicker:
            draft.kicker = block.text
        else:
            draft.subtitle = f"{draft.subtitle} {block.text}".strip()

    def open_article_before(self, line: int) -> Draft:
        """A chain with no headline continues the latest article still open
        (not closed by a dateline or byline) that began above it."""
        for draft in reversed(self.drafts):
            if draft.start_line < line and not draft.ended:
                return draft
        return self.start(line)


class _HeadlineAfter(_Assembler):
    def read(self, index: int, following: Block | None, chain: list[int]) -> None:
        block = self.blocks[index]
        draft = self.current
        finished = draft is not None and bool(draft.title)
        if draft is None or block.kind == CONTINUED or (
                finished and block.kind in (TEXT, ITEM) and not self.is_title(block, following, draft)):
            draft = self.start(block.line)
            if block.kind == CONTINUED:
                draft.continued_from = block.text
                return
        elif block.indented and draft.has_body and block.kind in (TEXT, DATELINE) and not is_cut(self.blocks[index - 1]):
            draft = self.start(block.line)  # an indented first line opens the next article
        if self.add_furniture(block):
            return
        if block.kind == DATELINE and draft.dateline:
            draft = self.start(block.line)
        if block.kind == DATELINE:
            draft.dateline = block.text
        elif block.kind in (BYLINE, CREDIT):
            draft.bylines.append(block.text)
        elif self.is_title(block, following, draft):
            if draft.title:
                draft.subtitle = f"{draft.subtitle} {block.text}".strip()
            else:
                draft.title = block.text
        else:
            self.add_body(index, block)

    @staticmethod
    def is_title(block: Block, following: Block | None, draft: Draft) -> bool:
        """Here a headline closes its article: it is followed by the byline, the
        next article's indented first line, a continuation mark or the page end."""
        closes = following is None or following.kind in (BYLINE, CONTINUED, DATELINE) or following.indented
        if not is_heading_like(block):
            return _headline_shaped(block) and closes
        return bool(draft.dateline or draft.title) or closes


def _fold_furniture_only(drafts: list[Draft]) -> list[Draft]:
    """A draft with no text and no headline (a stray dateline or byline) is not
    an article. Its pieces go to the article before it when that one lacks
    them; otherwise they are dropped *and recorded*, never lost silently."""
    kept: list[Draft] = []
    for draft in drafts:
        if draft.body or draft.title:
            kept.append(draft)
            continue
        host = kept[-1] if kept else None
        for text in filter(None, [draft.dateline, *draft.bylines, draft.dateplace, draft.kicker,
                                  draft.continued_from, *draft.pull_quotes]):
            if host is not None and text == draft.dateline and not host.dateline:
                host.dateline = text
            elif host is not None:
                host.dropped.append((text, "page furniture with no article text next to it"))
        if host is not None:
            host.captions += draft.captions
            host.dropped += draft.dropped
        elif draft.captions or draft.dateline or draft.bylines or draft.dropped:
            kept.append(draft)  # nothing to attach to: keep it visible rather than lose it
    return kept


def _headline_shaped(block: Block) -> bool:
    """Heading-like, or a short question or exclamation (今天，我们应该怎样和荒漠相处？)."""
    return is_heading_like(block) or (
        block.kind == TEXT and len(block.text) <= _TITLE_MAX and block.text[-1] in "？！?!")


def _lift_inline_dateline(draft: Draft) -> None:
    """新华社阿斯塔纳6月17日电 heading the first paragraph is a dateline; on the
    Hong Kong page a lead box comes first, so the second paragraph is looked at too."""
    paragraphs = [position for position, (role, _, _) in enumerate(draft.body) if role == "p"][:2]
    for position in paragraphs:
        role, text, lead = draft.body[position]
        match = _INLINE_DATELINE.match(text)
        if match and not draft.dateline:
            draft.dateline = match.group(1)
            draft.body[position] = (role, text[match.end():], lead)
            return
