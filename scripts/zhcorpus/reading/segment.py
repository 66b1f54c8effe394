"""Reading chains -> article drafts: which headline, byline and dateline go with
which body.

Blocks are read in reading order. A dateline in an article's head is its
dateline, one after its text ends it; a byline after its text ends it; a
paragraph that opens a report (新华社…电, 本报讯) while the article being read
has its own opening begins the next article; page furniture goes to the
article it stands by, dropped with its reason, so the ledger shows every
character. At each headline, ``placement`` decides whether it opens the next
article, closes the one before it (printed below its body), belongs to the
head of the article just opened (deck, kicker) or is a sub-heading inside it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from zhcorpus.reading.columns import Links, is_cut, is_heading_like
from zhcorpus.reading.furniture import EDITORS
from zhcorpus.reading.headlines import echo, is_bracketed, is_credit_line, is_photo_line, opens_report
from zhcorpus.reading.layout import (BYLINE, CAPTION, CONTINUED, CREDIT, DATELINE, DATEPLACE, FURNITURE, ITEM, KICKER, QR, TEXT,
                     Block, ends_sentence)
from zhcorpus.reading.placement import BELOW, CLOSE, HEADER, OPEN, Surroundings, page_prior, place
from zhcorpus.reading.repairs import join_wrapped

_KICKER_MAX = 6
# A shoulder that names the genre or the column is above its headline, however long:
# 专访中国驻哈萨克斯坦大使, 记者手记·阿斯塔纳的早晨.
_RUBRIC = re.compile("^(?:(?:独家)?专访|(?:獨家)?專訪|对话|對話|访谈|訪談|特写|特寫|记者手记|記者手記|"
                     "新闻分析|新聞分析|观察|觀察|直击|直擊|综述|綜述|述评|述評|社评|社評|时评|時評|短评|短評)")
_OPENING_LINE_MAX = 60
_ECHO_SHARED = 3
_ECHO_SHARE = 0.25
HEADLINE = "headline"  # what closes an article whose headline is printed below it
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
    closed_by: str = ""          # what ended it: a dateline, byline, editor line or its headline below
    opened: bool = False         # it has its dateline (a line of its own or the lead's first words)
    in_header: bool = True       # nothing of its text read yet (an opening line alone does not count)

    @property
    def has_body(self) -> bool:
        return bool(self.body)


def assemble(blocks: list[Block], chains: list[list[int]], links: Links) -> list[Draft]:
    reader = _Reader(blocks, links, page_prior(blocks))
    for number, chain in enumerate(chains):
        reader.surroundings.last_chain = number == len(chains) - 1
        reader.read_chain(chain)
    drafts = _fold_furniture_only(reader.finish())
    for draft in drafts:
        _lift_inline_dateline(draft)
        if not draft.title and draft.pull_quotes:
            # A continued article's jump headline sits in its text like a pull-quote.
            draft.title = draft.pull_quotes.pop(0)
    return drafts


class _Reader:
    def __init__(self, blocks: list[Block], links: Links, prior: str):
        self.blocks = blocks
        self.links = links
        self.prior = prior
        self.drafts: list[Draft] = []
        self.current: Draft | None = None
        self.previous: int | None = None
        self.pending: list[tuple[str, str]] = []  # furniture read before any article
        self.surroundings = Surroundings(blocks, prior)
        # Lifted blocks by the cut they follow, in page order: looked up per block read,
        # where going through all of them made a long page cost blocks times lifted.
        self.lifted_after: dict[int, list[int]] = defaultdict(list)
        for lifted, cut in sorted(links.lifted.items()):
            self.lifted_after[cut].append(lifted)

    def finish(self) -> list[Draft]:
        if self.pending:  # a page of furniture only: kept visible rather than lost
            self.start(0)
        return self.drafts

    def start(self, line: int) -> Draft:
        self.current = Draft(start_line=line)
        if self.pending and not self.drafts:
            self.current.dropped += self.pending
            self.pending = []
        self.drafts.append(self.current)
        return self.current

    def read_chain(self, chain: list[int]) -> None:
        self.current = None
        for position, index in enumerate(chain):
            self.read(index, chain, position)
            self.previous = index
            for lifted in self.lifted_after.get(index, ()):
                if self.current is not None:
                    self.attach_lifted(self.blocks[lifted])

    # --- what each block does ---------------------------------------------------

    def read(self, index: int, chain: list[int], position: int) -> None:
        block = self.blocks[index]
        if block.kind == FURNITURE:
            self.drop_furniture(block)
            return
        if block.kind == CONTINUED:
            self.start(block.line).continued_from = block.text
            return
        candidate = self.surroundings.is_candidate(block, chain, position, self.current)
        if self.current is None:
            self.enter_chain(block, chain, position, candidate)
        draft = self.current
        assert draft is not None
        if self.add_furniture(block):
            return
        if block.kind == DATELINE:
            self.read_dateline(block)
        elif block.kind in (BYLINE, CREDIT) or (block.kind == TEXT and is_credit_line(block.text)):
            self.read_byline(block)
        elif candidate:
            self.read_headline(block, chain, position)
        else:
            self.read_text(index, block)

    def enter_chain(self, block: Block, chain: list[int], position: int, candidate: bool) -> None:
        """The first block of a chain: a chain that does not open with a headline
        continues the latest article still open that began above it (a column of
        an article interleaved with another), on a page of headlines above."""
        if self.prior == BELOW:
            self.start(block.line)
        elif candidate and not self.surroundings.sub_heading(block, chain, position, None):
            self.start(block.line)
        else:
            self.current = self.open_article_before(min(self.blocks[i].line for i in chain))

    def open_article_before(self, line: int) -> Draft:
        for draft in reversed(self.drafts):
            if draft.start_line < line and not draft.closed_by:
                return draft
        return self.start(line)

    def drop_furniture(self, block: Block) -> None:
        draft = self.current or (self.drafts[-1] if self.drafts else None)
        if draft is None:
            self.pending.append((block.text, f"page furniture: {block.why}"))
            return
        draft.dropped.append((block.text, f"page furniture: {block.why}"))
        if block.why == EDITORS and draft.has_body and not draft.closed_by:
            draft.closed_by = EDITORS  # the web page's editor line ends the article

    def attach_lifted(self, block: Block) -> None:
        assert self.current is not None
        if block.kind == CAPTION:
            self.current.captions.append(block.text)
        elif block.kind == QR:
            self.current.dropped.append((block.text, "QR-code notice"))
        elif block.kind == FURNITURE:
            self.current.dropped.append((block.text, f"page furniture: {block.why}"))
        else:
            self.current.pull_quotes.append(block.text)

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

    def read_dateline(self, block: Block) -> None:
        """In an article's head, its dateline. After its text, the dateline that
        ends it ((新华社阿斯塔纳6月17日电)), unless the article has one already or
        its headline below closed it: then it opens the next article."""
        draft = self.current
        assert draft is not None
        if draft.in_header and not draft.closed_by and not draft.opened:
            draft.dateline, draft.opened = block.text, True
        elif draft.closed_by or (draft.opened and not is_bracketed(block.text)):
            new = self.start(block.line)
            new.dateline, new.opened = block.text, True
        else:
            draft.dateline = block.text
            draft.closed_by = DATELINE

    def read_byline(self, block: Block) -> None:
        """A byline after an article's text ends it, unless it credits a photo."""
        draft = self.current
        assert draft is not None
        draft.bylines.append(block.text)
        if not draft.in_header and not draft.closed_by and not is_photo_line(block.text):
            draft.closed_by = BYLINE

    def read_text(self, index: int, block: Block) -> None:
        draft = self.current
        assert draft is not None
        lead = block.kind == TEXT and opens_report(block.text)
        indented_start = (self.prior == BELOW and block.indented and draft.has_body
                          and not is_cut(self.blocks[index - 1]))
        if draft.closed_by == BYLINE and self.prior != BELOW and draft.title and not lead:
            # Headlines above: an article begins at its headline, so plain text after a
            # byline is still this one's (a web page's standfirst, 作者：…, then the text).
            draft.closed_by = ""
        if draft.closed_by or indented_start or (lead and draft.opened and draft.has_body):
            draft = self.start(block.line)
        self.add_body(index, block)
        if lead and not draft.opened:
            draft.opened = True
            # 中新社阿斯塔纳6月15日电 题：… alone on its line is the head of the report.
            draft.in_header = (len(block.text) <= _OPENING_LINE_MAX and not ends_sentence(block.text)
                               and len(draft.body) == 1)
        elif len(draft.body) == 1 and block.kind == TEXT and is_photo_line(block.text):
            draft.in_header = True  # a photo's caption under the headline: the byline may follow it

    def read_headline(self, block: Block, chain: list[int], position: int) -> None:
        draft = self.current
        assert draft is not None
        action = place(self.surroundings.around(block, chain, position, draft))
        if action == OPEN:
            self.start(block.line)
            self.add_header_line(block, chain, position)
        elif action == HEADER:
            self.add_header_line(block, chain, position)
        elif action == CLOSE and not draft.title:
            draft.title, draft.closed_by = block.text, HEADLINE
        elif action == CLOSE and self.split_below(block):
            pass
        else:
            self.add_body(chain[position], block)

    # --- building the article ---------------------------------------------------

    def add_header_line(self, block: Block, chain: list[int], position: int) -> None:
        """Headline lines in print order: a column label or shoulder (引题), the
        headline, its deck (——…). Of two plain lines the first is the headline
        and the second its deck; two plain lines and a deck are shoulder, headline, deck."""
        draft = self.current
        assert draft is not None
        text = block.text
        if text.startswith("——") and draft.title and draft.subtitle and not draft.kicker \
                and not draft.subtitle.startswith("——"):
            draft.kicker, draft.title, draft.subtitle = draft.title, draft.subtitle, text
        elif not draft.title:
            if (len(text) <= _KICKER_MAX or _RUBRIC.match(text)) and not draft.kicker and \
                    self.surroundings.next_is_headline(chain, position, draft):
                draft.kicker = text  # 记者手记, 国际: a column label above the headline
            else:
                draft.title = text
        elif text.startswith("——") and not draft.subtitle:
            draft.subtitle = text
        elif len(text) <= _KICKER_MAX and not draft.kicker:
            draft.kicker = text
        else:
            draft.subtitle = f"{draft.subtitle} {text}".strip()

    def split_below(self, block: Block) -> bool:
        """An article that has its headline, ending in a second headline: the
        second is printed below its own article, which begins at the paragraph
        that echoes it most (a lead restates its headline). False when none does."""
        draft = self.current
        assert draft is not None
        scored = [(echo(block.text, text), position) for position, (role, text, _) in enumerate(draft.body)
                  if position > 0 and role == "p"]
        if not scored:
            return False
        (shared, share), position = max(scored, key=lambda item: (item[0][0], -item[1]))
        if shared < _ECHO_SHARED or share < _ECHO_SHARE:
            return False
        tail = self.start(block.line)
        tail.title, tail.closed_by = block.text, HEADLINE
        tail.body, draft.body = draft.body[position:], draft.body[:position]
        tail.truncated = [p - position for p in draft.truncated if p >= position]
        draft.truncated = [p for p in draft.truncated if p < position]
        return True

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


def _fold_furniture_only(drafts: list[Draft]) -> list[Draft]:
    """A draft with no text (a stray dateline or byline, a headline with nothing
    under it: a link or label of a web page the furniture rules do not know) is
    not an article. Its pieces go to the article before it when that one lacks
    them; otherwise they are dropped *and recorded*, never lost silently. A
    headline alone on a page is kept: there is nothing else to show it."""
    kept: list[Draft] = []
    for draft in drafts:
        host = kept[-1] if kept else None
        if draft.body or (draft.title and host is None):
            kept.append(draft)
            continue
        for text in filter(None, [draft.title, draft.subtitle] if host is not None else []):
            host.dropped.append((text, "a headline with no article text under it"))
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
