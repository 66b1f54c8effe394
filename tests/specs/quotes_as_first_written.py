"""quotes/direct.py as it was before issue 20 made it linear in a paragraph's length: the spec.

Kept verbatim but for this docstring and an absolute import. tests/test_quotes.py
checks that today's quotes/direct.py finds the same quotes, speakers and patterns as
this one on the corpus and on random paragraphs. Do not change it to follow
quotes/direct.py: a change of behaviour belongs in the case tables there.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Iterable

from zhcorpus.quotes.speakers import Mention, Registry, find_mentions, printed_name, resolve

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


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each “…” content, skipping those inside 《…》 titles."""
    titles = [(m.start(), m.end()) for m in re.finditer(r"《[^《》]*》", text)]
    return [(m.start() + 1, m.end() - 1) for m in re.finditer(r"“[^“”]*”", text)
            if not any(a <= m.start() < b for a, b in titles)]


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
    left = start == 1 or before in "，：,:" or bool(_VERB_AT_END.search(text[:start - 1]))
    right = after == "" or after in SENTENCE_END or text[end + 1:end + 3] == "——"
    return end - start >= MIN_PARTIAL and (left or right)


_CLAUSE_ENDS = CLAUSE_DELIMS + "—"  # a dash ends a clause too
_CLAUSE_END = re.compile(f"[{re.escape(_CLAUSE_ENDS)}]")


def last_clause(text: str) -> tuple[str, int]:
    """The clause ending at the end of ``text`` and where it starts."""
    i = max(text.rfind(d) for d in _CLAUSE_ENDS)
    return text[i + 1:], i + 1


def clause_subject(clause: str, offset: int, ctx: Context) -> Attribution | None:
    """Who the clause is about: the first registry name that is not an object
    (聆听习近平主席讲话后 is about someone else), or a pronoun, else None."""
    here = [m for m in ctx.mentions if offset <= m.start < offset + len(clause)]
    for m in here:
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
    people = [m for m in ctx.mentions if m.end <= pos and ctx.registry.is_person(m.speaker_id)]
    target = people[-1].speaker_id if people else ctx.state.last_person
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
    if subject is None and not any(offset <= m.start < offset + len(clause) for m in ctx.mentions):
        name = printed_name(_VERB_ANYWHERE.split(clause, 1)[0])
        subject = attribution(name, None, ctx, "", offset) if name else None
    if subject is None:
        return None
    return Attribution(subject.name, subject.speaker_id, verb.group() if verb else None,
                       subject.pattern or "before", subject.pos)


def speaker_before(start: int, ctx: Context) -> Attribution | None:
    """X说：“…”, X表示，“…”, 正如X所说，“…”, 中国先贤讲：“…”."""
    pre = ctx.text[:start - 1]
    colon = pre.endswith(("：", ":"))
    if pre.endswith(("，", ",", "：", ":")):
        pre = pre[:-1]
    elif not _VERB_AT_END.search(pre):
        return None
    clause, offset = last_clause(pre)
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
    stop = min([j for j in (text.find(c, i) for c in SENTENCE_END + "“") if j >= 0] + [len(text)])
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
        named = any(offset <= m.start < offset + len(clause) for m in ctx.mentions)
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
    # last_clause(text[:end]) for every comma, found in one pass: per comma, it
    # sliced and searched the paragraph again, quadratic in its length.
    delims = [m.start() for m in _CLAUSE_END.finditer(text)]
    for m in _CUE_END.finditer(text):
        end = m.start()
        if any(a <= end < b for a, b in ctx.spans):
            continue
        before = bisect_left(delims, end)
        offset = delims[before - 1] + 1 if before else 0
        clause = text[offset:end]
        cue = cue_in_clause(clause, offset, m.group() in "：:", ctx) if clause else None
        if cue:
            kind = "citation" if cue.pattern == "citation" else "continuation"
            found.append(Attribution(cue.name, cue.speaker_id, cue.verb, kind, m.end()))
    return found


def speaker_continued(start: int, ctx: Context, earlier: list[Attribution]) -> Attribution | None:
    """The paragraph's current speaker: the latest cue or attributed quote before
    this one, unless a later sentence names someone else, or the latest voice
    was a citation (正如X所说), after which nobody can tell who speaks."""
    events = sorted([e for e in earlier if e.pos < start], key=lambda e: e.pos)
    if not events:
        return None
    last = events[-1]
    if last.pattern == "citation":
        return None
    between = ctx.text[last.pos:start - 1]
    first_end = min([between.find(c) for c in SENTENCE_END if c in between] + [len(between)])
    for m in ctx.mentions:
        if last.pos + first_end < m.start < start and m.speaker_id != last.speaker_id:
            return None
    return Attribution(last.name, last.speaker_id, last.verb, "continuation", last.pos)


def speaker_by_topic(ctx: Context) -> Attribution | None:
    """A paragraph about one person who has already been quoted in the article:
    a bare quote in it is theirs (阿比尔加齐耶夫…班长。“我在这个岗位上…”)."""
    people = {m.speaker_id for m in ctx.mentions if ctx.registry.is_person(m.speaker_id)}
    if ctx.kind == "speech" or len(people) != 1 or len({m.speaker_id for m in ctx.mentions}) != 1:
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


def attribute(start: int, end: int, ctx: Context, earlier: list[Attribution]) -> Attribution | None:
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
    earlier, quotes = (cues(ctx) if spans else []), []  # cues only serve quotes in this paragraph
    for start, end in spans:
        if is_name_or_term(text, start, end):
            continue
        found = None if is_cited_expression(text, end) else attribute(start, end, ctx, earlier)
        if not is_clause(text[start:end]) and not (found and fragment_is_bounded(text, start, end)):
            continue
        quotes.append(make_quote(text, anchor, start, end, found, registry))
        if found:
            earlier.append(Attribution(found.name, found.speaker_id, found.verb,
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
    people = [m.speaker_id for m in ctx.mentions if ctx.registry.is_person(m.speaker_id)]
    if people:
        state.last_person = people[-1]
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

