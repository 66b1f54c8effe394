"""Direct quotations in Simplified Chinese news text, each with who said it.

Pure functions, no I/O. A quotation is the text between “ and ” (nested ‘’
kept) that reads as an utterance: a clause with sentence punctuation, a long
span, or a shorter clause the text attributes to a speaker. Names, slogans and
titles in quotes (“一带一路”, “西安愿景”, 《…》) are not quotations.

Attribution tries an ordered list of patterns and stops at the first that
answers; a wrong speaker is worse than none, so every pattern refuses when the
sentence is ambiguous and the quote is then unattributed (speaker None).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterable

from .speakers import Mention, Registry, find_mentions, printed_name, resolve

SENTENCE_PUNCT = "，。！？；：…,!?;:"  # inside a span: it is a clause, not a name
SENTENCE_END = "。！？!?"
CLAUSE_DELIMS = "，。！？；：,!?;:”“"
MIN_PARTIAL = 6  # a quoted fragment without punctuation needs this many chars
LONG_SPAN = 16  # …or this many to stand as a quotation without a speaker

# Reporting verbs, longest first; a cue clause ends with one of them.
REPORT_VERBS = tuple(sorted(
    "告诉记者 对记者说 向记者表示 向记者介绍 说道 表示 指出 强调 认为 说 称 讲 介绍 坦言 谈到 提到 写道 "
    "感慨 总结 评价 补充 透露 分享 赞同 看来 回顾 寄语 致辞 宣布 道出 重申 形容".split(), key=len, reverse=True))
_VERB_AT_END = re.compile("(?:" + "|".join(REPORT_VERBS) + ")(?:道|说)?$")
_VERB_ANYWHERE = re.compile("(?<!的)(?:" + "|".join(REPORT_VERBS) + ")|的话语")
_ANAPHORIC_VERB = re.compile("(?:这样|如此|这般)(?:" + "|".join(REPORT_VERBS) + "|阐释)")
_CITATION = re.compile(r"正如(.+?)(?:在.{0,20}?中)?(?:所说|所言|说的那样|所指出的|指出的那样|强调的那样)$")
_PROVERB = re.compile(r"([^，。！？：\s]{2,8}?)也?有(?:句|一句)(谚语|俗话|古话|老话|名言)$")
_PRONOUN = re.compile(r"^(他|她|我)(?!们)")
_TOPIC_MARKERS = ("对于", "关于", "对")  # “…”对于X…: the quote is the topic, not X's words
_OBJECT_MARKERS = ("对于", "关于", "聆听", "感谢", "应", "同", "与", "和", "对", "向", "随")

# Spans that name a thing, not quote a person: suffixes of programmes, slogans, titles.
TERM_SUFFIXES = tuple("精神 愿景 倡议 计划 年 势力 条约 格局 之路 之都 经济带 机制 革命 热 论 宣言 平台 中心 班列 日".split())


@dataclass(frozen=True)
class Quote:
    text: str
    speaker_name: str | None
    speaker_id: str | None
    role: str | None
    country: str | None
    anchor: str
    verb: str | None
    start: int  # offset of the first quoted character (after “)
    end: int  # offset of the closing ”
    pattern: str = ""  # which rule attributed it, for review and evaluation


@dataclass(frozen=True)
class Attribution:
    name: str | None
    speaker_id: str | None
    verb: str | None
    pattern: str
    pos: int = 0  # where the speaker is named, for continuation


@dataclass
class ArticleState:
    """What earlier paragraphs tell later ones: who was named, who has spoken."""

    last_person: str | None = None
    quoted: set = field(default_factory=set)
    tail: Attribution | None = None  # speaker of a quote that ended the previous paragraph


@dataclass(frozen=True)
class Context:
    text: str
    spans: tuple[tuple[int, int], ...]
    mentions: tuple[Mention, ...]  # outside quotes only
    registry: Registry
    state: ArticleState
    kind: str
    speech_speaker: str | None

    # Positions found once per paragraph and bisected per quote or comma: scanning
    # the paragraph, its spans or its mentions each time made a long paragraph
    # cost the square of its length (issue 20: a 1 MB one-line page took 7 s).
    @cached_property
    def span_starts(self) -> list[int]:
        return [start for start, _ in self.spans]

    @cached_property
    def mention_starts(self) -> list[int]:
        return [m.start for m in self.mentions]

    @cached_property
    def next_other_speaker(self) -> list[int]:
        """Per mention, the index of the first mention from it on that names someone else."""
        mentions, following = self.mentions, [len(self.mentions)] * len(self.mentions)
        for i in range(len(mentions) - 2, -1, -1):
            same = mentions[i + 1].speaker_id == mentions[i].speaker_id
            following[i] = following[i + 1] if same else i + 1
        return following

    @cached_property
    def people(self) -> list[Mention]:
        """Mentions of persons, in order (they never overlap, so their ends are in order too)."""
        return [m for m in self.mentions if self.registry.is_person(m.speaker_id)]

    @cached_property
    def people_ends(self) -> list[int]:
        return [m.end for m in self.people]

    @cached_property
    def person_ids(self) -> set[str]:
        return {m.speaker_id for m in self.people}

    @cached_property
    def speaker_ids(self) -> set[str]:
        return {m.speaker_id for m in self.mentions}

    @cached_property
    def clause_ends(self) -> list[int]:
        return [m.start() for m in _CLAUSE_END.finditer(self.text)]

    @cached_property
    def sentence_ends(self) -> list[int]:
        return [m.start() for m in _SENTENCE_END.finditer(self.text)]

    def in_span(self, position: int) -> bool:
        """Inside a quote: spans are in order and never overlap."""
        i = bisect_right(self.span_starts, position) - 1
        return i >= 0 and position < self.spans[i][1]

    def first_mention(self, start: int, end: int) -> Mention | None:
        """The first mention that starts in [start, end)."""
        i = bisect_left(self.mention_starts, start)
        return self.mentions[i] if i < len(self.mentions) and self.mentions[i].start < end else None

    def names_other_than(self, speaker_id: str | None, after: int, before: int) -> bool:
        """A mention starting strictly between ``after`` and ``before`` names someone else."""
        i = bisect_right(self.mention_starts, after)
        if i < len(self.mentions) and self.mentions[i].speaker_id == speaker_id:
            i = self.next_other_speaker[i]
        return i < len(self.mentions) and self.mentions[i].start < before

    def last_clause_end(self, end: int) -> int:
        """Where the last clause delimiter before ``end`` is, -1 if none."""
        i = bisect_left(self.clause_ends, end)
        return self.clause_ends[i - 1] if i else -1


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each “…” content, skipping those inside 《…》 titles."""
    titles = [(m.start(), m.end()) for m in re.finditer(r"《[^《》]*》", text)]
    starts = [start for start, _ in titles]

    def in_title(position: int) -> bool:  # titles are in order and never overlap
        i = bisect_right(starts, position) - 1
        return i >= 0 and position < titles[i][1]

    return [(m.start() + 1, m.end() - 1) for m in re.finditer(r"“[^“”]*”", text) if not in_title(m.start())]


def outside_quotes(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Blank out quoted text (same length) so names inside quotes are not speakers.
    ``spans`` in order, not overlapping, as quote_spans gives them."""
    pieces, done = [], 0
    for start, end in spans:
        pieces += (text[done:start], "＿" * (end - start))
        done = end
    return "".join(pieces) + text[done:] if pieces else text


def is_name_or_term(text: str, start: int, end: int) -> bool:
    """“西安愿景”的…, 以“…”为…, “…精神”: the span names something."""
    inner, before, after = text[start:end], text[start - 2:start - 1], text[end + 1:end + 2]
    if after == "的" or (before == "以" and after == "为"):
        return True
    has_punct = any(c in SENTENCE_PUNCT for c in inner)
    return not has_punct and (inner.endswith(TERM_SUFFIXES) or len(inner) < 3)


def is_cited_expression(text: str, end: int) -> bool:
    """王毅说，“使者相望于道，商旅不绝于途”是…: a saying used as a noun in the
    sentence; the speaker around it cites it, so it has no speaker."""
    return text[end + 1:end + 2] in ("是", "为") and text[end + 1:end + 3] != "为此"


def is_clause(inner: str) -> bool:
    """Sentence punctuation or length: an utterance even when nobody is named."""
    return any(c in SENTENCE_PUNCT for c in inner) or len(inner) >= LONG_SPAN


def fragment_is_bounded(text: str, start: int, end: int) -> bool:
    """A fragment quote stands as a clause of its own: after a comma, colon or
    verb, or before a sentence end — not wedged inside a phrase (“一步一个脚印”扎实)."""
    before, after = text[start - 2:start - 1], text[end + 1:end + 2]
    left = start == 1 or before in "，：,:" or verb_at_end(text, start - 1)
    right = after == "" or after in SENTENCE_END or text[end + 1:end + 3] == "——"
    return end - start >= MIN_PARTIAL and (left or right)


_CLAUSE_ENDS = CLAUSE_DELIMS + "—"  # a dash ends a clause too
_CLAUSE_END = re.compile(f"[{re.escape(_CLAUSE_ENDS)}]")
_SENTENCE_END = re.compile(f"[{re.escape(SENTENCE_END)}]")
_SPEECH_STOP = re.compile(f"[{re.escape(SENTENCE_END)}“]")
# A verb at the end is at most the longest verb, 道/说 and the newline $ allows before the end.
_VERB_REACH = max(map(len, REPORT_VERBS)) + 2


def verb_at_end(text: str, end: int) -> bool:
    """_VERB_AT_END.search(text[:end]), looking only where a match can start: the
    slice of everything before each quote made a paragraph cost its length squared."""
    return bool(_VERB_AT_END.search(text[max(0, end - _VERB_REACH):end]))


def last_clause(text: str) -> tuple[str, int]:
    """The clause ending at the end of ``text`` and where it starts."""
    i = max(text.rfind(d) for d in _CLAUSE_ENDS)
    return text[i + 1:], i + 1


def clause_subject(clause: str, offset: int, ctx: Context) -> Attribution | None:
    """Who the clause is about: the first registry name that is not an object
    (聆听习近平主席讲话后 is about someone else), or a pronoun, else None."""
    m = ctx.first_mention(offset, offset + len(clause))
    if m is not None:
        lead = clause[:m.start - offset]
        if lead.endswith(_OBJECT_MARKERS) or lead.startswith(_OBJECT_MARKERS):
            return None
        return attribution(m.printed, m.speaker_id, ctx, "", m.start)
    pronoun = _PRONOUN.match(clause)
    if pronoun:
        return resolve_pronoun(pronoun.group(1), offset + pronoun.start(1), ctx)
    return None


def resolve_pronoun(pronoun: str, pos: int, ctx: Context) -> Attribution | None:
    """他/她: the last named person before it; 我 in a speech: its speaker."""
    if pronoun == "我":
        if ctx.kind == "speech" and ctx.speech_speaker:
            return attribution(None, ctx.speech_speaker, ctx, "pronoun", pos)
        return None
    before = bisect_right(ctx.people_ends, pos)
    target = ctx.people[before - 1].speaker_id if before else ctx.state.last_person
    return attribution(None, target, ctx, "pronoun", pos) if target else None


def attribution(name: str | None, speaker_id: str | None, ctx: Context, pattern: str, pos: int,
                verb: str | None = None) -> Attribution:
    speaker = ctx.registry.get(speaker_id)
    shown = name or (speaker.zh_hans if speaker else None)
    return Attribution(shown, speaker_id, verb, pattern, pos)


def cue_in_clause(clause: str, offset: int, colon: bool, ctx: Context) -> Attribution | None:
    """A clause that introduces speech: 'X说', 'X在…时表示', 'X感慨良多：'."""
    citation = _CITATION.search(clause)
    if citation:
        sid = resolve(citation.group(1), ctx.registry)
        return attribution(citation.group(1), sid, ctx, "citation", offset + citation.start(1), "说")
    proverb = _PROVERB.search(clause)
    if proverb:
        name = proverb.group(1) + proverb.group(2)
        return attribution(name, resolve(name, ctx.registry), ctx, "proverb", offset, proverb.group(2))
    verb = _VERB_AT_END.search(clause)
    if not (verb or colon):
        return None
    subject = clause_subject(clause, offset, ctx)
    if subject is None and ctx.first_mention(offset, offset + len(clause)) is None:
        name = printed_name(_VERB_ANYWHERE.split(clause, 1)[0])
        subject = attribution(name, None, ctx, "", offset) if name else None
    if subject is None:
        return None
    return Attribution(subject.name, subject.speaker_id, verb.group() if verb else None,
                       subject.pattern or "before", subject.pos)


def speaker_before(start: int, ctx: Context) -> Attribution | None:
    """X说：“…”, X表示，“…”, 正如X所说，“…”, 中国先贤讲：“…”."""
    end = start - 1  # the cue ends before “ (and before a comma or colon there)
    mark = ctx.text[end - 1:end] if end else ""
    colon = mark in ("：", ":")
    if mark in ("，", ",", "：", ":"):
        end -= 1
    elif not verb_at_end(ctx.text, end):
        return None
    offset = ctx.last_clause_end(end) + 1
    clause = ctx.text[offset:end]
    cue = cue_in_clause(clause, offset, colon, ctx) if clause else None
    if cue is None and clause and ctx.text[start:start + 1] == "我":
        cue = clause_subject(clause, offset, ctx)  # X感谢…，“我坚信…”: first person is X
        cue = cue and Attribution(cue.name, cue.speaker_id, None, "first-person", cue.pos)
    return cue


def speaker_after(end: int, ctx: Context) -> Attribution | None:
    """“…”X说, “…”X告诉记者, “…”——X这样总结, “…，”X说，“…” (split quote)."""
    text, i = ctx.text, end + 1
    while text[i:i + 1] == "…":
        i += 1
    anaphoric = text[i:i + 1] in SENTENCE_END
    if anaphoric or text[i:i + 1] in "，,":
        i += 1
    if text.startswith("——", i):
        i += 2
    found = _SPEECH_STOP.search(text, i)
    stop = found.start() if found else len(text)
    segment = text[i:stop]
    if (not anaphoric and stop < len(text) and text[stop] == "“" and segment.endswith(("，", ",", "：", ":"))
            and not segment.startswith(_TOPIC_MARKERS)):
        clause, offset = last_clause(segment[:-1])
        split = cue_in_clause(clause, i + offset, segment.endswith(("：", ":")), ctx)
        if split and split.pattern != "citation":
            return Attribution(split.name, split.speaker_id, split.verb, "split", split.pos)
    offset = i
    for clause in re.split(r"[，,；;：:]", segment)[:2]:
        subject = clause_subject(clause, offset, ctx)
        named = ctx.first_mention(offset, offset + len(clause)) is not None
        if subject or named:
            if subject is None:
                return None
            rest = clause[subject.pos - offset:] if subject.pos >= offset else clause
            verb = (_ANAPHORIC_VERB if anaphoric else _VERB_ANYWHERE).search(rest)
            if not verb:
                return None
            return Attribution(subject.name, subject.speaker_id, verb.group(), "after", subject.pos)
        if not anaphoric and _VERB_AT_END.search(clause):
            name = printed_name(_VERB_ANYWHERE.split(clause, 1)[0])
            return attribution(name, None, ctx, "after", offset, _VERB_AT_END.search(clause).group()) if name else None
        offset += len(clause) + 1
    return None


_CUE_END = re.compile(r"[，：,:]")


def cues(ctx: Context) -> list[Attribution]:
    """Clauses outside quotes that open reported speech (X说，… / 在X看来，…),
    with the position just after them: the speaker of what follows."""
    text, found = ctx.text, []
    for m in _CUE_END.finditer(text):
        end = m.start()
        if ctx.in_span(end):
            continue
        offset = ctx.last_clause_end(end) + 1
        clause = text[offset:end]
        cue = cue_in_clause(clause, offset, m.group() in "：:", ctx) if clause else None
        if cue:
            kind = "citation" if cue.pattern == "citation" else "continuation"
            found.append(Attribution(cue.name, cue.speaker_id, cue.verb, kind, m.end()))
    return found


@dataclass
class Voices:
    """Who has spoken so far in a paragraph: its cues, then its attributed quotes
    as they are found, each list in order of position."""

    cues: list[Attribution]
    quotes: list[Attribution] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._cue_positions = [cue.pos for cue in self.cues]
        self._quote_positions: list[int] = []

    def add(self, quote: Attribution) -> None:
        self.quotes.append(quote)
        self._quote_positions.append(quote.pos)

    def latest_before(self, position: int) -> Attribution | None:
        """The voice with the greatest position before ``position``; of a cue and a
        quote at the same place, the quote (it was found later)."""
        c = bisect_left(self._cue_positions, position)
        q = bisect_left(self._quote_positions, position)
        cue, quote = (self.cues[c - 1] if c else None), (self.quotes[q - 1] if q else None)
        return quote if quote is not None and (cue is None or quote.pos >= cue.pos) else cue


def speaker_continued(start: int, ctx: Context, earlier: Voices) -> Attribution | None:
    """The paragraph's current speaker: the latest cue or attributed quote before
    this one, unless a later sentence names someone else, or the latest voice
    was a citation (正如X所说), after which nobody can tell who speaks."""
    last = earlier.latest_before(start)
    if last is None or last.pattern == "citation":
        return None
    # Names count after the first sentence end between the voice and this quote.
    ends = ctx.sentence_ends
    first = bisect_left(ends, last.pos)
    after = ends[first] if first < len(ends) and ends[first] < start - 1 else start - 1
    if ctx.names_other_than(last.speaker_id, after, start):
        return None
    return Attribution(last.name, last.speaker_id, last.verb, "continuation", last.pos)


def speaker_by_topic(ctx: Context) -> Attribution | None:
    """A paragraph about one person who has already been quoted in the article:
    a bare quote in it is theirs (阿比尔加齐耶夫…班长。“我在这个岗位上…”)."""
    people = ctx.person_ids
    if ctx.kind == "speech" or len(people) != 1 or len(ctx.speaker_ids) != 1:
        return None
    (person,) = people
    return attribution(None, person, ctx, "topic", 0) if person in ctx.state.quoted else None


def speaker_from_previous(start: int, ctx: Context) -> Attribution | None:
    """A paragraph that opens with a bare quote right after one that ended on a
    quote continues the same speaker's remarks."""
    tail = ctx.state.tail
    if start != 1 or tail is None or ctx.kind == "speech" or ctx.mentions:
        return None
    return Attribution(tail.name, tail.speaker_id, tail.verb, "previous-paragraph", 0)


def attribute(start: int, end: int, ctx: Context, earlier: Voices) -> Attribution | None:
    """Ordered patterns: the first one that answers wins."""
    for found in (speaker_before(start, ctx), speaker_after(end, ctx),
                  speaker_continued(start, ctx, earlier), speaker_by_topic(ctx),
                  speaker_from_previous(start, ctx)):
        if found is not None and (found.speaker_id or found.name):
            return found
    return None


def paragraph_quotes(anchor: str, text: str, registry: Registry, state: ArticleState,
                     kind: str, speech_speaker: str | None) -> list[Quote]:
    spans = tuple(quote_spans(text))
    mentions = tuple(find_mentions(outside_quotes(text, spans), registry))
    ctx = Context(text, spans, mentions, registry, state, kind, speech_speaker)
    earlier, quotes = Voices(cues(ctx) if spans else []), []  # cues only serve quotes in this paragraph
    for start, end in spans:
        if is_name_or_term(text, start, end):
            continue
        found = None if is_cited_expression(text, end) else attribute(start, end, ctx, earlier)
        if not is_clause(text[start:end]) and not (found and fragment_is_bounded(text, start, end)):
            continue
        quotes.append(make_quote(text, anchor, start, end, found, registry))
        if found:
            earlier.add(Attribution(found.name, found.speaker_id, found.verb,
                                    "citation" if found.pattern == "citation" else "quote", end))
    update_state(state, text, quotes, ctx)
    return quotes


def make_quote(text: str, anchor: str, start: int, end: int, found: Attribution | None,
               registry: Registry) -> Quote:
    found = found or Attribution(None, None, None, "")
    speaker = registry.get(found.speaker_id)
    return Quote(text[start:end], found.name, found.speaker_id, speaker and speaker.role,
                 speaker and speaker.country, anchor, found.verb, start, end, found.pattern)


def update_state(state: ArticleState, text: str, quotes: list[Quote], ctx: Context) -> None:
    if ctx.people:
        state.last_person = ctx.people[-1].speaker_id
    state.quoted |= {q.speaker_id for q in quotes if q.speaker_id and q.pattern != "citation"}
    last = quotes[-1] if quotes else None
    ends_on_quote = last is not None and text[last.end + 1:].strip("。！？!? ") == ""
    state.tail = (Attribution(last.speaker_name, last.speaker_id, last.verb, "tail")
                  if ends_on_quote and last.speaker_id and last.pattern != "citation" else None)


def extract_quotes(paragraphs: Iterable[tuple[str, str]], *, article_kind: str,
                   speaker_of_speech: str | None = None, registry: Registry) -> list[Quote]:
    """All direct quotations of one article, in reading order.

    ``paragraphs`` are (anchor, Simplified text). In a speech (article_kind
    'speech') the quotes are the speaker citing others: they are attributed
    only when the text names the source (中国先贤讲：“…”), and 我 is the speaker.
    """
    state = ArticleState()
    quotes: list[Quote] = []
    for anchor, text in paragraphs:
        quotes.extend(paragraph_quotes(anchor, text, registry, state, article_kind, speaker_of_speech))
    return quotes

