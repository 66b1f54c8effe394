"""Where a headline goes: the decision for one headline, from what stands around it.

Pages print headlines above their bodies, below them, or both; so the decision
is made at each headline, not once for the page. A headline *opens* the
article after it when a byline, deck, time line or another headline line
follows it and then text, when a dateline or a lead that opens a report
(新华社…电, 本报讯, 【本報消息】) follows it, or when the article before it is
closed (a dateline or byline ended it) or has its headline already and the
line is no sub-heading. It *closes* the article before it when that article
has no headline yet and nothing after the line says it heads the next one, as
on pages that print each headline after its body, and when it ends a page
whose last article has a headline already (``segment`` then gives the second
headline the paragraphs that echo it). A line is a sub-heading of the article
it stands in when it is numbered (三、…), one quotation, marked as a
sub-heading, one of several alike in the article, a pull-quote repeating the
article's words, or followed by a paragraph that carries on (他说…, 此外…).
How the page began (with a headline or with text) breaks the one tie left: a
headline between an article without one and a lead.

``place`` is the decision, over an ``Around``; ``Surroundings`` gathers the
evidence from the blocks of a reading chain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from zhcorpus.reading.columns import is_heading_like
from zhcorpus.reading.furniture import EDITORS, PUBLICATION
from zhcorpus.reading.headlines import (carries_on, is_bracketed, is_credit_line, is_exchange_line, is_numbered_head,
                        is_photo_line, is_quoted_whole, opens_report)
from zhcorpus.reading.layout import (BYLINE, CAPTION, CONTINUED, CREDIT, DATELINE, DATEPLACE, FURNITURE, HEADING, ITEM,
                     KICKER, QR, TEXT, Block)

if TYPE_CHECKING:
    from zhcorpus.reading.segment import Draft

_LONG_HEADLINE = 24
_TITLE_MAX = 30

# What a headline does (place()).
OPEN, CLOSE, HEADER, SECTION = "open", "close", "header", "section"
# What the article being read is when a headline comes (Around.state).
NONE, IN_HEADER, IN_BODY, CLOSED = "none", "header", "body", "closed"
ABOVE, BELOW = "above", "below"


@dataclass(frozen=True)
class Around:
    """What a headline has around it, the evidence place() weighs."""

    state: str            # NONE, IN_HEADER, IN_BODY or CLOSED: the article being read
    titled: bool = False  # that article has its headline
    closed_by: str = ""   # what closed it (DATELINE, BYLINE, the editors' line, its headline)
    heads_next: bool = False  # a byline, deck, time line or headline follows, then text
    lead_next: bool = False   # a dateline follows, or a paragraph that opens a report (新华社…电, 本报讯)
    ends: bool = False        # only credits and furniture follow it, or a credit and a new headline
    part_of: bool = False     # sub-heading evidence (numbered, quoted, marked, siblings, carries on)
    prior: str = ABOVE        # how the page began: with a headline (ABOVE) or with text (BELOW)


def place(around: Around) -> str:
    """OPEN the article after the headline, CLOSE the one before it (its headline
    printed below it), HEADER of the article just opened (deck, kicker), or
    SECTION: a sub-heading or pull-quote inside the article being read."""
    if around.state == NONE:
        return OPEN
    if around.state == IN_HEADER:
        return HEADER
    if around.state == CLOSED:
        # Body, dateline, then the headline (and byline) of that body: headlines below.
        below = (not around.titled and around.closed_by == DATELINE and not around.heads_next
                 and not (around.lead_next and around.prior == ABOVE))
        return CLOSE if below else OPEN
    if around.heads_next:
        return OPEN
    if around.lead_next:  # a sub-heading is never followed by a dateline or a report's lead
        return OPEN if around.titled or around.prior == ABOVE else CLOSE
    if around.part_of:
        return SECTION
    if not around.titled:
        return CLOSE
    return CLOSE if around.ends else OPEN


def page_prior(blocks: list[Block]) -> str:
    """How the page sets its headlines, for the one tie it breaks. A page that opens
    with a headline sets them above. One that opens with text (the end of an article
    continued from another page, or headlines below) sets them below if it ends with
    a headline (past credits and datelines), above if a headline of it has a byline,
    deck or time line under it."""
    shown = [b for b in blocks if b.kind not in (CAPTION, FURNITURE)]
    if not shown:
        return ABOVE
    first, second = shown[0], shown[1] if len(shown) > 1 else None
    if (first.kind in (HEADING, KICKER, BYLINE) or is_heading_like(first)
            or (question_shaped(first) and second is not None and second.kind == BYLINE)):
        return ABOVE
    last = next((b for b in reversed(shown) if b.kind not in (BYLINE, CREDIT, DATELINE)), first)
    if is_heading_like(last) or question_shaped(last):
        return BELOW
    headed = any(is_heading_like(block) and _heads(following) for block, following in zip(shown, shown[1:]))
    return ABOVE if headed else BELOW


def _heads(block: Block) -> bool:
    """What stands under a headline and nowhere else: a byline, a deck, a speech's date and place."""
    return block.kind in (BYLINE, DATEPLACE) or block.kind == TEXT and (
        is_credit_line(block.text) or block.text.startswith("——") and is_heading_like(block))


def question_shaped(block: Block) -> bool:
    """A short question or exclamation (今天，我们应该怎样和荒漠相处？)."""
    return block.kind == TEXT and len(block.text) <= _TITLE_MAX and block.text[-1] in "？！?!" \
        and not is_exchange_line(block.text)


class Surroundings:
    """What stands around a block of a reading chain, for the article being read
    (``draft``, None before the chain's first article)."""

    def __init__(self, blocks: list[Block], prior: str):
        self.blocks = blocks
        self.prior = prior
        self.last_chain = True  # the chain being read ends the page (others end a column)

    def around(self, block: Block, chain: list[int], position: int, draft: Draft) -> Around:
        state = CLOSED if draft.closed_by else IN_HEADER if draft.in_header else IN_BODY
        heads, lead, ends = self.what_follows(chain, position, draft)
        return Around(state, bool(draft.title), draft.closed_by, heads, lead, ends,
                      self.sub_heading(block, chain, position, draft), self.prior)

    def is_candidate(self, block: Block, chain: list[int], position: int, draft: Draft | None) -> bool:
        """Shaped like a headline: a marked heading, or a short line with no sentence
        in it that is no byline, Q&A turn, bracketed note or caption. A short question
        (今天，我们应该怎样和荒漠相处？) only where an article could begin or end."""
        if block.kind == HEADING:
            return True
        if block.kind != TEXT:
            return False
        heading = is_heading_like(block)
        if not heading and not question_shaped(block):
            return False  # most blocks: paragraphs
        text = block.text
        if is_credit_line(text) or is_exchange_line(text) or is_bracketed(text) or is_photo_line(text):
            return False
        if heading:
            return True
        if draft is None or draft.in_header or draft.closed_by:
            return True
        heads, lead, ends = self.what_follows(chain, position, draft)
        following = self.blocks[chain[position + 1]] if position + 1 < len(chain) else None
        starts_next = following is not None and (following.kind == CONTINUED or (
            self.prior == BELOW and following.indented and following.kind in (TEXT, DATELINE)))
        return heads or lead or ends or starts_next

    def what_follows(self, chain: list[int], position: int, draft: Draft | None) -> tuple[bool, bool, bool]:
        """(heads_next, lead_next, ends) for the block at chain[position]."""
        header = timed = credited = False
        for offset in range(position + 1, len(chain)):
            block = self.blocks[chain[offset]]
            if block.kind in (CAPTION, QR, KICKER) or block.kind == FURNITURE and block.why != EDITORS:
                timed = timed or block.why == PUBLICATION
                continue
            if block.kind == FURNITURE:  # an editor line: the article has ended
                return False, False, True
            if block.kind == DATELINE and not header:
                # A dateline opens a report's text: after a headline it is as much the
                # next report's (headlines above) as the one after an unheaded report.
                return False, True, False
            if block.kind in (BYLINE, CREDIT, DATELINE, DATEPLACE) or (block.kind == TEXT and is_credit_line(block.text)):
                header = credited = True
                continue
            if block.kind == TEXT and self.is_candidate(block, chain, offset, draft):
                if credited:
                    return False, False, True  # a credit, then the next article's headline
                header = True
                continue
            if block.kind in (TEXT, ITEM):
                lead = not header and block.kind == TEXT and opens_report(block.text)
                return header or timed, lead, False
            return False, False, False
        if not self.last_chain:  # a column ends here, not the page: what was read heads the next
            return header, False, False
        return False, False, True

    def sub_heading(self, block: Block, chain: list[int], position: int, draft: Draft | None) -> bool:
        """Evidence that a heading belongs inside the article it stands in."""
        if block.kind == HEADING:
            return block.level >= 3
        text = block.text
        if is_numbered_head(text) or is_quoted_whole(text):
            return True
        following = self.next_text(chain, position)
        if following is not None and carries_on(following.text):
            return True
        if draft is not None and draft.title and len(_han(text)) >= 6 and \
                _han(text) in _han("".join(t for _, t, _ in draft.body)):
            return True  # a pull-quote: the headed article's own words again (below a body, its headline)
        if len(text) > _LONG_HEADLINE or "——" in text[1:]:
            return False  # a long headline or one with a deck is an article's
        shape = _shape(text)
        if draft is not None and any(role == "h" and _shape(t) == shape for role, t, _ in draft.body):
            return True
        return self.sibling_ahead(chain, position, shape)

    def sibling_ahead(self, chain: list[int], position: int, shape: str) -> bool:
        """Another heading of the same shape further on in the same run of text:
        an article's sub-headings come several to an article."""
        for offset in range(position + 1, len(chain)):
            block = self.blocks[chain[offset]]
            if block.kind in (DATELINE, BYLINE, CREDIT, CONTINUED, FURNITURE) or (
                    block.kind == TEXT and (opens_report(block.text) or is_credit_line(block.text))):
                return False
            if block.kind == HEADING and block.level <= 2:
                return False
            if (block.kind == TEXT and is_heading_like(block) and _shape(block.text) == shape
                    and len(block.text) <= _LONG_HEADLINE and self.next_text(chain, offset) is not None):
                return True
        return False

    def next_text(self, chain: list[int], position: int) -> Block | None:
        """The paragraph right after chain[position] (past captions), if text comes next."""
        for offset in range(position + 1, len(chain)):
            block = self.blocks[chain[offset]]
            if block.kind in (CAPTION, QR):
                continue
            return block if block.kind in (TEXT, ITEM) and not is_heading_like(block) else None
        return None

    def next_is_headline(self, chain: list[int], position: int, draft: Draft | None) -> bool:
        """A headline comes next (past furniture and captions), not a deck (——…)."""
        for offset in range(position + 1, len(chain)):
            block = self.blocks[chain[offset]]
            if block.kind in (FURNITURE, CAPTION, QR):
                continue
            return self.is_candidate(block, chain, offset, draft) and not block.text.startswith("——")
        return False


_NOT_HAN = re.compile("[^\u4e00-\u9fff]+")


def _han(text: str) -> str:
    return _NOT_HAN.sub("", text)


def _shape(text: str) -> str:
    """Sub-headings of one article are set alike: all numbered, all quotations, or all plain."""
    return "numbered" if is_numbered_head(text) else "quoted" if is_quoted_whole(text) else "plain"
