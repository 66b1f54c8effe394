"""Put interleaved columns back in reading order.

On a newspaper page the columns of several articles sit side by side, and the
extraction reads them in the wrong order: a paragraph stops mid-word (组) and
resumes (织与开展。”) after another article's paragraphs, sometimes even
*before* the place where it was cut. We repair that with what the text itself
shows:

1. a **cut** is a body block that does not end a sentence and is not a heading;
2. a **candidate** continuation is a body block that follows a cut, a dateline
   or a QR-code notice (the places where the extraction jumped columns);
3. each cut is linked to the candidate whose join reads best: closing a quote
   the cut left open, forming a word across the join (jieba's dictionary) or a
   string that the corpus itself prints elsewhere (the same wire copy run by
   two outlets), with a small bonus for the block right after the cut.

Links are chosen best-first, one continuation per cut. The result is a set of
reading chains: sequences of block indices in reading order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .convert import to_simplified
from .layout import (CAPTION, DATELINE, HEADING, ITEM, OPENERS, QR, QUOTE_PAIRS, TEXT, BYLINE,
                     Block, ends_sentence)
from .repairs import HAN
from .segmenter import dictionary_words

_HAN = re.compile(f"[{HAN}]")

_SOFT_ENDINGS = "，、：；（(—-"
_MAX_JOIN = 8
_SHORT_HEADING = 24
_ADJACENT_BONUS = 2
_MIN_LINK_SCORE = 2
_MIN_REMOTE_SCORE = 3


def quotes_balanced(text: str) -> bool:
    return open_quote_depth(text) == 0 and not has_unmatched_closer(text)


def open_quote_depth(text: str) -> int:
    """How many quotes the text opens and does not close."""
    stack: list[str] = []
    for char in text:
        if char in QUOTE_PAIRS:
            stack.append(QUOTE_PAIRS[char])
        elif stack and char == stack[-1]:
            stack.pop()
    return len(stack)


def has_unmatched_closer(text: str) -> bool:
    """True when the text closes a quote it never opened: it continues one."""
    closers = {v: k for k, v in QUOTE_PAIRS.items()}
    depth = 0
    for char in text:
        if char in QUOTE_PAIRS:
            depth += 1
        elif char in closers:
            if depth == 0:
                return True
            depth -= 1
    return False


def is_heading_like(block: Block) -> bool:
    """A short line with no sentence inside and nothing left open: a headline,
    deck, section heading or pull-quote rather than a piece of a paragraph."""
    if block.kind == HEADING:
        return True
    if block.kind != TEXT:
        return False
    text = block.text
    if ends_sentence(text) or len(text) > 50 or text[-1] in _SOFT_ENDINGS:
        return False
    if len(text) > _SHORT_HEADING and ("，" in text or not (" " in text or "——" in text[1:])):
        return False  # long headlines are decks split by spaces or dashes, not clauses
    if any(mark in text for mark in "。！？；"):
        return False
    return quotes_balanced(text)


def is_cut(block: Block) -> bool:
    return block.kind in (TEXT, ITEM) and not ends_sentence(block.text) and not is_heading_like(block)


@dataclass
class Reference:
    """Text the corpus prints elsewhere, for judging whether a join reads right."""

    text: str = ""
    _cache: dict[str, bool] = field(default_factory=dict)

    def __contains__(self, fragment: str) -> bool:
        if fragment not in self._cache:
            self._cache[fragment] = fragment in self.text
        return self._cache[fragment]


def join_evidence(left: str, right: str, reference: Reference) -> int:
    """Length of the longest string across the join that the corpus prints
    elsewhere or jieba knows as a word (0 if none)."""
    left, right = to_simplified(left[-_MAX_JOIN:]), to_simplified(right[:_MAX_JOIN])
    words = dictionary_words()
    for length in range(_MAX_JOIN, 1, -1):
        for from_left in range(1, length):
            from_right = length - from_left
            if from_left > len(left) or from_right > len(right):
                continue
            left_part, right_part = left[-from_left:], right[:from_right]
            if not (_HAN.search(left_part) and _HAN.search(right_part)):
                continue  # a bare comma on one side says nothing about the join
            joined = left_part + right_part
            if joined in reference or (length <= 4 and joined in words):
                return length
    return 0


def quote_fit(cut: str, candidate: str, cut_ends_softly: bool) -> int:
    """Quotes must pair up across the join."""
    opened = open_quote_depth(cut) > 0
    closes = has_unmatched_closer(candidate)
    if closes and not opened:
        return -6
    if opened and closes:
        return 3
    score = -1 if opened else 0
    if candidate[:1] in OPENERS and not cut_ends_softly:
        score -= 3
    return score


@dataclass
class Links:
    continuation: dict[int, int]      # cut index -> continuation index
    lifted: dict[int, int]            # block between a cut and its continuation -> cut index
    offpage: set[int]                 # cuts continued elsewhere (QR code, another page)


def link_continuations(blocks: list[Block], reference: Reference) -> Links:
    cuts = [i for i, b in enumerate(blocks) if is_cut(b)]
    offpage = {i for i in cuts if i + 1 < len(blocks) and blocks[i + 1].kind == QR}
    candidates = [i for i, b in enumerate(blocks) if b.kind in (TEXT, ITEM) and not is_heading_like(b)
                  and _follows_a_jump(blocks, i)]
    scored = []
    for cut in cuts:
        if cut in offpage:
            continue
        adjacent = _next_body_index(blocks, cut)
        for candidate in candidates:
            if candidate == cut:
                continue
            left, right = blocks[cut].text, blocks[candidate].text
            score = join_evidence(left, right, reference) + quote_fit(left, right, left[-1] in "：，")
            if candidate == adjacent:
                score += _ADJACENT_BONUS
            elif score < _MIN_REMOTE_SCORE:
                continue
            if score >= _MIN_LINK_SCORE:
                scored.append((-score, abs(candidate - cut), cut, candidate))
    continuation: dict[int, int] = {}
    taken: set[int] = set()
    for _, _, cut, candidate in sorted(scored):
        if cut not in continuation and candidate not in taken:
            continuation[cut] = candidate
            taken.add(candidate)
    lifted = {}
    for cut, candidate in continuation.items():
        if candidate > cut:
            for between in range(cut + 1, candidate):
                if _is_skippable(blocks[between]):
                    lifted[between] = cut
    return Links(continuation, lifted, offpage)


def _is_skippable(block: Block) -> bool:
    """What may stand between a cut and its continuation in one column:
    a pull-quote heading, a photo caption, a QR notice."""
    return block.kind in (CAPTION, QR) or (block.kind == TEXT and is_heading_like(block))


def _next_body_index(blocks: list[Block], index: int) -> int | None:
    for later in range(index + 1, len(blocks)):
        if not _is_skippable(blocks[later]):
            return later if blocks[later].kind in (TEXT, ITEM) else None
    return None


def _follows_a_jump(blocks: list[Block], index: int) -> bool:
    for earlier in range(index - 1, -1, -1):
        block = blocks[earlier]
        if _is_skippable(block) and block.kind != QR:
            continue
        return block.kind in (DATELINE, QR, BYLINE) or is_cut(block)
    return False


def reading_chains(blocks: list[Block], links: Links) -> list[list[int]]:
    """Follow the links: each chain is a run of blocks in reading order."""
    targets = set(links.continuation.values())
    successor: dict[int, int] = {}
    for index in range(len(blocks)):
        if index in links.lifted:
            continue
        if index in links.continuation:
            successor[index] = links.continuation[index]
            continue
        following = index + 1
        while following in links.lifted:
            following += 1
        if following < len(blocks) and following not in targets:
            successor[index] = following
    has_predecessor = set(successor.values())
    chains: list[list[int]] = []
    seen: set[int] = set(links.lifted)
    for head in range(len(blocks)):
        if head in seen or head in has_predecessor:
            continue
        chains.append(_walk(head, successor, seen))
    for start in range(len(blocks)):  # what is left is a cycle
        if start not in seen:
            chains.append(_walk(_cycle_entry(blocks, start, successor), successor, seen))
    return sorted(chains, key=lambda chain: chain[0])


def _walk(head: int, successor: dict[int, int], seen: set[int]) -> list[int]:
    chain = []
    index: int | None = head
    while index is not None and index not in seen:
        seen.add(index)
        chain.append(index)
        index = successor.get(index)
    return chain


def _cycle_entry(blocks: list[Block], start: int, successor: dict[int, int]) -> int:
    """A cycle is a fragment whose end continues at its own start: two column
    groups read in the wrong order. Enter it after a photo caption (captions
    stand between column groups), else at the first section heading."""
    cycle = [start]
    while successor[cycle[-1]] != start:
        cycle.append(successor[cycle[-1]])
    for position in range(1, len(cycle)):
        if blocks[cycle[position - 1]].kind == CAPTION and blocks[cycle[position]].kind != CAPTION:
            return cycle[position]
    for index in cycle:
        if blocks[index].kind == HEADING:
            return index
    return start
