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

import heapq
from array import array
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass

from zhcorpus.language.convert import to_simplified
from zhcorpus.reading.headlines import is_photo_line
from zhcorpus.reading.layout import (CAPTION, DATELINE, FURNITURE, HEADING, ITEM, OPENERS, QR, QUOTE_PAIRS, TEXT, BYLINE,
                     Block, ends_sentence)
from zhcorpus.language.han import HAN
from zhcorpus.language.segmenter import common_words


_SOFT_ENDINGS = "，、：；（(—-"
_MAX_JOIN = 8
_WORD_ACROSS_JOIN = 4
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
    if block.kind == HEADING or block.headline:
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
    """A paragraph stopped short of a sentence end. A photo's caption ending in its
    credit (…新华社记者 严振宇 摄) stops there, not short."""
    return block.kind in (TEXT, ITEM) and not ends_sentence(block.text) and not is_heading_like(block) \
        and not (block.kind == TEXT and is_photo_line(block.text))


_SCANS_BEFORE_INDEX = 1000  # scans of the whole reference cost as much as indexing it


class Reference:
    """Text the corpus prints elsewhere, for judging whether a join reads right.

    ``fragment in reference`` must not cost a scan of the whole corpus when a
    build asks it for thousands of fragments, or the build grows quadratically:
    ``index()`` makes a bigram index that finds the few places where the
    fragment's rarest bigram occurs, and only those are compared. A build that
    asks a few dozen (one seed changed) scans instead: a scan of 2 M characters
    takes ~0.6 ms, the index ~1 s. A reference that was not indexed indexes itself
    once it has scanned _SCANS_BEFORE_INDEX times: one long page asks as many
    fragments as many short ones, and each scan cost the page the whole reference.
    """

    def __init__(self, text: str = ""):
        self.text = text
        self._positions: dict[str, array] | None = None
        self._cache: dict[str, bool] = {}
        self._scans = 0

    def index(self) -> "Reference":
        """Make the bigram index, once: a build may ask for it twice (no snapshot
        to check cached pages against, and many pages to process)."""
        if self._positions is not None:
            return self
        positions: dict[str, array] = defaultdict(lambda: array("i"))
        text = self.text
        for position in range(len(text) - 1):
            positions[text[position:position + 2]].append(position)
        positions.default_factory = None
        self._positions = positions
        return self

    def __contains__(self, fragment: str) -> bool:
        if fragment not in self._cache:
            self._cache[fragment] = self._find(fragment)
        return self._cache[fragment]

    def _find(self, fragment: str) -> bool:
        if self._positions is None and self._scans >= _SCANS_BEFORE_INDEX:
            self.index()
        if len(fragment) < 2 or self._positions is None:
            self._scans += 1
            return fragment in self.text
        bigrams = [fragment[i:i + 2] for i in range(len(fragment) - 1)]
        if any(b not in self._positions for b in bigrams):
            return False
        offset = min(range(len(bigrams)), key=lambda i: len(self._positions[bigrams[i]]))
        return any(self.text.startswith(fragment, start - offset)
                   for start in self._positions[bigrams[offset]] if start >= offset)


def join_evidence(left: str, right: str, reference: Reference) -> int:
    """How well a join reads: 4 for a common jieba word across it, else one less than
    the longest string across it that the corpus prints elsewhere (0 if none).

    Each side must hold a Han character: a bare comma says nothing. A string
    that contains an unseen string is unseen too, so the search grows outward
    from the shortest join and stops at the first miss.
    """
    return _evidence(to_simplified(left[-_MAX_JOIN:]), to_simplified(right[:_MAX_JOIN]), reference)


def _evidence(left: str, right: str, reference: Reference) -> int:
    """join_evidence of the join's two ends, already cut to _MAX_JOIN and Simplified."""
    words = common_words()
    first_left = next((i for i in range(1, len(left) + 1) if HAN.match(left[-i])), None)
    first_right = next((j for j in range(1, len(right) + 1) if HAN.match(right[j - 1])), None)
    if first_left is None or first_right is None:
        return 0
    best = 0
    for i in range(first_left, min(len(left), 3) + 1):  # jieba words up to four characters
        for j in range(first_right, min(len(right), 4 - i) + 1):
            if left[-i:] + right[:j] in words:
                best = _WORD_ACROSS_JOIN  # a word cut in two is the strongest sign
    frontier, seen = [(first_left, first_right)], set()
    while frontier:
        i, j = frontier.pop()
        if (i, j) in seen or i > len(left) or j > len(right) or i + j > _MAX_JOIN:
            continue
        seen.add((i, j))
        if left[-i:] + right[:j] in reference:
            best = max(best, i + j - 1)  # a bigram seen elsewhere is weak evidence; longer strings stronger
            frontier += [(i + 1, j), (i, j + 1)]
    return best


def quote_fit(cut: str, candidate: str, cut_ends_softly: bool) -> int:
    """Quotes must pair up across the join."""
    return _fit(open_quote_depth(cut) > 0, has_unmatched_closer(candidate), candidate[:1] in OPENERS,
                cut_ends_softly)


def _fit(opened: bool, closes: bool, opens: bool, cut_ends_softly: bool) -> int:
    """quote_fit of what it looks at: the cut leaves a quote open, the candidate
    closes one it never opened, the candidate opens with a quote mark."""
    if closes and not opened:
        return -6
    if opened and closes:
        return 3
    score = -1 if opened else 0
    if opens and not cut_ends_softly:
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
    continuation = _best_first(blocks, [c for c in cuts if c not in offpage], candidates, reference)
    _pair_the_last_orphan(blocks, cuts, candidates, offpage, continuation)
    return Links(continuation, _lifted(blocks, continuation), offpage)


def _best_first(blocks: list[Block], cuts: list[int], candidates: list[int], reference: Reference) -> dict[int, int]:
    """Each cut linked to a candidate, best first: every pair scored, the pairs taken in
    the order (score, distance, cut, candidate) when neither is taken yet. A remote pair
    counts only from _MIN_REMOTE_SCORE; the block right after the cut has a bonus.

    Listing every pair made a page of n cuts and m candidates cost n times m (481k
    join checks on a 2 MB page). A score depends only on the ends of the two texts
    and their quotes, so cuts and candidates are grouped by those (a long page
    reprints the same copy again and again) and each pair of groups is scored once;
    its pairs are not listed: each cut asks a group for its nearest candidate still
    free. What is left to grow as a product is the number of groups: cuts that all
    end differently, against candidates that all begin differently."""
    cut_groups: dict[tuple, list[int]] = defaultdict(list)
    for cut in cuts:
        text = blocks[cut].text
        cut_groups[(to_simplified(text[-_MAX_JOIN:]), open_quote_depth(text) > 0, text[-1] in "：，")].append(cut)
    keys: dict[int, tuple] = {}
    groups: list[_FreeNearest] = []
    by_key: dict[tuple, list[int]] = defaultdict(list)
    for candidate in candidates:
        text = blocks[candidate].text
        keys[candidate] = (to_simplified(text[:_MAX_JOIN]), has_unmatched_closer(text), text[:1] in OPENERS)
        by_key[keys[candidate]].append(candidate)
    group_of: dict[int, int] = {}
    for members in by_key.values():
        for member in members:
            group_of[member] = len(groups)
        groups.append(_FreeNearest(members))

    scores: dict[tuple[tuple, tuple], int] = {}

    def score(cut_key: tuple, candidate_key: tuple) -> int:
        if (cut_key, candidate_key) not in scores:
            (left, opened, soft), (right, closes, opens) = cut_key, candidate_key
            scores[cut_key, candidate_key] = _evidence(left, right, reference) + _fit(opened, closes, opens, soft)
        return scores[cut_key, candidate_key]

    # A group's pair with the block right after the cut needs no care: that pair's
    # entry with the bonus comes first.
    heap: list[tuple[int, int, int, int, int]] = []  # (-score, distance, cut, candidate, group or -1)
    for cut_key, members in cut_groups.items():
        for cut in members:
            following = _next_body_index(blocks, cut)
            if following in keys:
                bonus = score(cut_key, keys[following]) + _ADJACENT_BONUS
                if bonus >= _MIN_LINK_SCORE:
                    heap.append((-bonus, following - cut, cut, following, -1))
        for group, (candidate_key, _) in enumerate(by_key.items()):
            (_, closes, _) = candidate_key
            if closes and not cut_key[1]:
                continue  # _fit gives -6: no evidence lifts a remote pair to _MIN_REMOTE_SCORE
            remote = score(cut_key, candidate_key)
            if remote < _MIN_REMOTE_SCORE:
                continue
            for cut in members:
                nearest = groups[group].nearest(cut)
                if nearest is not None:
                    heap.append((-remote, abs(nearest - cut), cut, nearest, group))
    heapq.heapify(heap)
    continuation: dict[int, int] = {}
    taken: set[int] = set()
    while heap:
        negative, _, cut, candidate, group = heapq.heappop(heap)
        if cut in continuation:
            continue
        if candidate in taken:
            if group >= 0:  # the group's next nearest free candidate, at the same score
                nearest = groups[group].nearest(cut)
                if nearest is not None:
                    heapq.heappush(heap, (negative, abs(nearest - cut), cut, nearest, group))
            continue
        continuation[cut] = candidate
        taken.add(candidate)
        groups[group_of[candidate]].take(candidate)
    return continuation


class _FreeNearest:
    """Candidates of one group, in page order: which is nearest a cut (the nearer, then
    the earlier) among those not taken yet. Taken ones are jumped over by pointers
    that skip whole runs of them, so each question costs next to nothing."""

    def __init__(self, members: list[int]):
        self.members = members  # ascending: candidates are listed in page order
        self._right = list(range(len(members) + 1))  # slot p: p while free; len: none left
        self._left = list(range(len(members) + 1))   # slot p + 1 stands for p; slot 0: none left

    def take(self, candidate: int) -> None:
        position = bisect_left(self.members, candidate)
        self._right[position] = position + 1
        self._left[position + 1] = position

    def nearest(self, cut: int) -> int | None:
        """The nearest free candidate other than the cut itself (a block can be both)."""
        members = self.members
        position = bisect_left(members, cut)
        right = _find(self._right, position)
        if right < len(members) and members[right] == cut:
            right = _find(self._right, right + 1)
        left = _find(self._left, position) - 1
        found = [(abs(members[p] - cut), members[p]) for p in (left, right) if 0 <= p < len(members)]
        return min(found)[1] if found else None


def _find(links: list[int], slot: int) -> int:
    """Follow the pointers to the slot that points at itself, shortening the way."""
    root = slot
    while links[root] != root:
        root = links[root]
    while links[slot] != root:
        links[slot], slot = root, links[slot]
    return root


def _lifted(blocks: list[Block], continuation: dict[int, int]) -> dict[int, int]:
    """What stands between a cut and its later continuation (a pull-quote, a caption, a
    QR notice) and is lifted into the cut's article: a block between several links
    goes to the last link made. Each block is looked at once, not once per link over it."""
    skippable = [i for i, block in enumerate(blocks) if _is_skippable(block)]
    unassigned = list(range(len(skippable) + 1))  # slot p: p until the block is lifted
    lifted: dict[int, int] = {}
    for cut, candidate in reversed(list(continuation.items())):
        if candidate > cut:
            position = _find(unassigned, bisect_left(skippable, cut + 1))
            while position < len(skippable) and skippable[position] < candidate:
                lifted[skippable[position]] = cut
                unassigned[position] = position + 1
                position = _find(unassigned, position + 1)
    return lifted


def _pair_the_last_orphan(blocks: list[Block], cuts: list[int], candidates: list[int], offpage: set[int],
                          continuation: dict[int, int]) -> None:
    """When exactly one cut and one orphaned fragment are left on a page, and
    the fragment reads as a continuation (it does not open a sentence with a
    quote or close one never opened), they belong together: the extraction
    broke the page in one more place than the evidence could show."""
    open_cuts = [c for c in cuts if c not in continuation and c not in offpage]
    taken = set(continuation.values())
    orphans = [c for c in candidates if c not in taken and not ends_sentence(_previous_body(blocks, c))
               and c - 1 not in offpage]
    if len(open_cuts) == 1 and len(orphans) == 1 and open_cuts[0] != orphans[0]:
        cut, orphan = open_cuts[0], orphans[0]
        if quote_fit(blocks[cut].text, blocks[orphan].text, blocks[cut].text[-1] in "：，") >= 0:
            continuation[cut] = orphan


def _previous_body(blocks: list[Block], index: int) -> str:
    """Text of the nearest body block before index, or '。' if a dateline,
    byline or QR notice comes first (a fragment after those follows a jump)."""
    for earlier in range(index - 1, -1, -1):
        block = blocks[earlier]
        if block.kind in (TEXT, ITEM) and not is_heading_like(block):
            return block.text
        if block.kind in (DATELINE, BYLINE, QR):
            return ""
    return "。"


def _is_skippable(block: Block) -> bool:
    """What may stand between a cut and its continuation in one column:
    a pull-quote heading, a photo caption, a QR notice, page furniture. Not a
    headline placed as one (a byline or lead follows it): the next article begins there."""
    return block.kind in (CAPTION, QR, FURNITURE) or (block.kind == TEXT and is_heading_like(block)
                                                      and not block.headline)


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
