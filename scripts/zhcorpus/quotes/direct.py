"""Direct quotations in Simplified Chinese news text, each with who said it.

Pure functions, no I/O. A quotation is the text between “ and ” (nested ‘’
kept) that reads as an utterance: a clause with sentence punctuation, a long
span, or a shorter clause the text attributes to a speaker. Names, slogans and
titles in quotes (“一带一路”, “西安愿景”, 《…》) are not quotations.

Attribution tries an ordered list of patterns and stops at the first that
answers; a wrong speaker is worse than none, so every pattern refuses when the
sentence is ambiguous and the quote is then unattributed (speaker None). A
reporting clause is one that ends with a verb of the lexicon (quotes/speechverbs.py);
its speaker is its subject (quotes/clauses.py: a person named at its start, after
time and place clauses, or carried from earlier in the sentence), and a subject
that is a thing or an unnamed person (一位网友, 评论文章) is a refusal no later
pattern overrides. The people an article names that the registry does not know
are found before its quotes (quotes/cast.py, with quotes/personnames.py's checks), and an
interview's answers are quotations of the answerer (quotes/interviews.py).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Callable, Iterable, Sequence

from zhcorpus.quotes import speechverbs
from zhcorpus.quotes.cast import article_registry, is_local
from zhcorpus.quotes.clauses import (
    CARRY, REFUSALS, REFUSED, SENTENCE_END, TOPIC_MARKERS, ArticleState, Attribution, Context, attribution,
    carried_subject, clause_subject, is_adverbial, last_clause, refused, subject_before, unnamed,
)
from zhcorpus.quotes.interviews import answers
from zhcorpus.quotes.personnames import Words
from zhcorpus.quotes.speakers import Registry, find_mentions, resolve

SENTENCE_PUNCT = "，。！？；：…,!?;:"  # inside a span: it is a clause, not a name
MIN_PARTIAL = 6  # a quoted fragment without punctuation needs this many chars
LONG_SPAN = 16  # …or this many to stand as a quotation without a speaker
_SPEECH_STOP = re.compile(f"[{re.escape(SENTENCE_END)}“]")

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
    end: int  # offset of the closing ” (of an interview's answer: the paragraph's end)
    pattern: str = ""  # which rule attributed it, for review and evaluation
    organization: str | None = None  # where the speaker's role is held, when printed apart
    speaker_aliases: tuple[str, ...] = ()  # a new person's other printed names (阿依古丽)


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


def fragment_is_bounded(text: str, start: int, end: int, strict: bool = False, words: Words | None = None) -> bool:
    """A fragment quote stands as a clause of its own: after a comma, colon or
    verb, or before a sentence end — not wedged inside a phrase (“一步一个脚印”扎实).
    ``strict`` (a fragment in someone's indirect speech): before a sentence end only
    as a predicate (两国“要齐心协力…”), not as the object of a verb of the reporter's
    sentence (坚持“互尊、互信”, 转向“建机制、出成果”, 而是“怎么干得更快”)."""
    before, after = text[start - 2:start - 1], text[end + 1:end + 2]
    left = start == 1 or before in "，：,:" or bool(speechverbs.verb_at_end(text, start - 1))
    right = after == "" or after in SENTENCE_END or text[end + 1:end + 3] == "——"
    if strict and right and not left:
        word = words.word_ending(start - 1) if words is not None else None
        right = word is not None and not (word[1][:1] in ("v", "p", "c", "u", "d") or word[0] in ("是", "为", "成"))
    return end - start >= MIN_PARTIAL and (left or right)


def cue_in_clause(clause: str, offset: int, colon: bool, ctx: Context) -> Attribution | None:
    """A clause that introduces speech: 'X说', 'X在…时表示', 'X感慨良多：', a zero
    subject carried from the sentence ('…，随后举杯说'). REFUSED when the speaker
    is not a person the text names; None when the clause is no cue."""
    citation = speechverbs.CITATION.search(clause)
    if citation:
        sid = resolve(citation.group(1), ctx.registry)
        return attribution(citation.group(1), sid, ctx, "citation", offset + citation.start(1), "说")
    proverb = speechverbs.PROVERB.search(clause)
    if proverb:
        name = proverb.group(1) + proverb.group(2)
        return attribution(name, resolve(name, ctx.registry), ctx, "proverb", offset, proverb.group(2))
    found = speechverbs.cue_verb(clause)
    verb = found[1] if found else None
    if not (verb or colon):
        return None
    cited = speechverbs.CITED_WORDS.search(clause)
    if cited:  # 援引X的话说: X speaks, if X is named
        m = ctx.first_mention(offset + cited.start(1), offset + cited.end(1))
        return attribution(m.printed, m.speaker_id, ctx, "before", m.start, verb) if m else REFUSED
    subject = clause_subject(clause, offset, ctx)
    if subject is None and verb:
        subject = carried_subject(offset, ctx)
        subject = subject and (subject if refused(subject) else
                               Attribution(subject.name, subject.speaker_id, None, "carried", subject.pos))
    if subject is None:
        return REFUSED if colon and clause.strip() else None
    if refused(subject):
        return unnamed(clause[:found[0]] if found else clause, verb, offset)
    return Attribution(subject.name, subject.speaker_id, verb, subject.pattern or "before", subject.pos)


def speaker_before(start: int, ctx: Context) -> Attribution | None:
    """X说：“…”, X表示，“…”, 正如X所说，“…”, 中国先贤讲：“…”, …，并说“…”."""
    end = start - 1  # the cue ends before “ (and before a comma or colon there)
    mark = ctx.text[end - 1:end] if end else ""
    colon = mark in ("：", ":")
    if mark in ("，", ",", "：", ":"):
        end -= 1
    elif not speechverbs.verb_at_end(ctx.text, end):
        return None
    offset = ctx.last_clause_end(end) + 1
    clause = ctx.text[offset:end]
    cue = cue_in_clause(clause, offset, colon, ctx) if clause else None
    if (cue is None or refused(cue)) and clause and ctx.text[start:start + 1] == "我":
        first = clause_subject(clause, offset, ctx)  # X感谢…，“我坚信…”: first person is X
        if first is not None and not refused(first):
            return Attribution(first.name, first.speaker_id, None, "first-person", first.pos)
    return cue


def speaker_after(end: int, ctx: Context) -> Attribution | None:
    """“…”X说, “…”X告诉记者, “…”——X这样总结, “…，”X说，“…” (split quote),
    “…”当地时间17日下午，在…上，X这样开始他的发言 (after time and place clauses)."""
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
    if segment.startswith(TOPIC_MARKERS):
        return None
    if (not anaphoric and stop < len(text) and text[stop] == "“" and segment.endswith(("，", ",", "：", ":"))):
        clause, offset = last_clause(segment[:-1])
        split = cue_in_clause(clause, i + offset, segment.endswith(("：", ":")), ctx)
        if refused(split):
            return split
        if split and split.pattern != "citation":
            return Attribution(split.name, split.speaker_id, split.verb, "split", split.pos)
    offset = i
    for clause in re.split(r"[，,；;：:]", segment)[:CARRY]:
        subject = clause_subject(clause, offset, ctx)
        if refused(subject):
            said = speechverbs.anaphoric_verb_in(clause) if anaphoric else speechverbs.verb_in(clause)
            return unnamed(clause[:clause.find(said)], said, offset) if said else None
        if subject is not None:
            rest = clause[subject.pos - offset:] if subject.pos >= offset else clause
            verb = (speechverbs.anaphoric_verb_in(rest) if anaphoric
                    else speechverbs.verb_in(rest) or speechverbs.anaphoric_verb_in(rest))
            return Attribution(subject.name, subject.speaker_id, verb, "after", subject.pos) if verb else None
        if not is_adverbial(clause):
            return None
        offset += len(clause) + 1
    return None


_CUE_END = re.compile(r"[，：,:]")


def cues(ctx: Context) -> list[Attribution]:
    """Clauses outside quotes that open reported speech (X说，… / 在X看来，…),
    with the position just after them: the speaker of what follows. A cue that
    names nobody (有人说，…) is a voice too: what follows is nobody's."""
    text, found = ctx.text, []
    for m in _CUE_END.finditer(text):
        end = m.start()
        if ctx.in_span(end):
            continue
        offset = ctx.last_clause_end(end) + 1
        clause = text[offset:end]
        cue = cue_in_clause(clause, offset, m.group() in "：:", ctx) if clause else None
        if refused(cue):
            found.append(Attribution(cue.name, None, cue.verb, "refused", m.end()))
        elif cue:
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
    if last.pattern == "refused":
        return Attribution(last.name, None, last.verb, "refused-continuation", last.pos)
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
    """Ordered patterns: the first one that answers wins. A refusal (REFUSED, or the
    continuation of a voice that named nobody) ends the search: the quote is a
    quotation of someone the text leaves unnamed."""
    for pattern in (lambda: speaker_before(start, ctx), lambda: speaker_after(end, ctx),
                    lambda: speaker_continued(start, ctx, earlier), lambda: speaker_by_topic(ctx),
                    lambda: speaker_from_previous(start, ctx)):
        found = pattern()
        if found is not None and (found.speaker_id or found.name or found.pattern in REFUSALS):
            return found
    return None


# Patterns that give a quote to the paragraph's or article's current speaker
# rather than to a clause printed against it.
_INHERITED = ("continuation", "topic", "previous-paragraph", "refused-continuation")


def paragraph_quotes(anchor: str, text: str, registry: Registry, state: ArticleState,
                     kind: str, speech_speaker: str | None, words: Words) -> list[Quote]:
    """``words``: the paragraph with its quotes blanked (outside_quotes), cut and tagged."""
    spans = tuple(quote_spans(text))
    mentions = tuple(find_mentions(words.text, registry))
    ctx = Context(text, spans, mentions, registry, state, kind, speech_speaker, words)
    earlier, quotes = Voices(cues(ctx) if spans else []), []  # cues only serve quotes in this paragraph
    for start, end in spans:
        if is_name_or_term(text, start, end):
            continue
        found = None if is_cited_expression(text, end) else attribute(start, end, ctx, earlier)
        # A fragment in indirect speech (就是要坚持“互尊、互信”, 转向“建机制、出成果”) is a
        # phrase of the reporter's sentence, not the speaker's words: only a fragment
        # standing as a clause of its own takes the current speaker.
        inherited = found is not None and found.pattern in _INHERITED
        if not is_clause(text[start:end]) and not (found and fragment_is_bounded(text, start, end, inherited, words)):
            continue
        quotes.append(make_quote(text, anchor, start, end, found, registry))
        if found:
            voice = "citation" if found.pattern == "citation" else "refused" if found.pattern in REFUSALS else "quote"
            earlier.add(Attribution(found.name, found.speaker_id, found.verb, voice, end))
    update_state(state, text, quotes, ctx)
    return quotes


def make_quote(text: str, anchor: str, start: int, end: int, found: Attribution | None,
               registry: Registry) -> Quote:
    found = found or Attribution(None, None, None, "")
    speaker = registry.get(found.speaker_id)
    return Quote(text[start:end], found.name, found.speaker_id, speaker and speaker.role,
                 speaker and speaker.country, anchor, found.verb, start, end, found.pattern,
                 speaker and speaker.organization)


def as_printed(quote: Quote, registry: Registry) -> Quote:
    """A quote of an article-local person (quotes/cast.py) as the build takes it: no id, the
    name in full, the other forms the article printed, the role printed before it."""
    if not is_local(quote.speaker_id):
        return quote
    speaker = registry.get(quote.speaker_id)
    return replace(quote, speaker_name=speaker.zh_hans, speaker_id=None, role=speaker.role, country=None,
                   organization=speaker.organization, speaker_aliases=speaker.aliases[1:])


def update_state(state: ArticleState, text: str, quotes: list[Quote], ctx: Context | None) -> None:
    """``ctx``: the paragraph's, None for an interview's answer (it names nobody new)."""
    if ctx is not None and ctx.people:  # 他 in the next paragraph: its last subject, or the last person named
        subject = subject_before(len(text), ctx)
        state.last_person = subject.speaker_id if subject else ctx.people[-1].speaker_id
    state.quoted |= {q.speaker_id for q in quotes if q.speaker_id and q.pattern != "citation"}
    last = quotes[-1] if quotes else None
    ends_on_quote = last is not None and text[last.end + 1:].strip("。！？!? ") == ""
    state.tail = (Attribution(last.speaker_name, last.speaker_id, last.verb, "tail")
                  if ends_on_quote and last.speaker_id and last.pattern != "citation" else None)


@lru_cache(maxsize=1)
def _tagger() -> Callable[[str], list[tuple[str, str]]]:
    """The tagger of a build that passes none (tests, scripts): one Segmenter."""
    from zhcorpus.language.segmenter import Segmenter

    return Segmenter().tag


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    from zhcorpus.language.segmenter import common_words

    return common_words()


def extract_quotes(paragraphs: Iterable[tuple[str, str]], *, article_kind: str,
                   speaker_of_speech: str | None = None, registry: Registry,
                   tag: Callable[[str], Sequence[tuple[str, str]]] | None = None) -> list[Quote]:
    """All direct quotations of one article, in reading order.

    ``paragraphs`` are (anchor, Simplified text). In a speech (article_kind
    'speech') the quotes are the speaker citing others: they are attributed
    only when the text names the source (中国先贤讲：“…”), and 我 is the speaker.
    The people the article names that the registry does not know are found
    first (quotes/cast.py); answers of an interview (王毅：…, 答：…, — …) are the
    answerer's quotations (quotes/interviews.py). ``tag``: Segmenter.tag, the project's
    one tokenizer (one is made when not given).
    """
    tag = tag or _tagger()
    paragraphs = list(paragraphs)
    blanked = [outside_quotes(text, quote_spans(text)) for _, text in paragraphs]
    words = [Words(text, tag(text)) for text in blanked]
    cast = article_registry(words, registry, _common_words())
    replies = answers([text for _, text in paragraphs], words, cast)
    state = ArticleState()
    quotes: list[Quote] = []
    for (anchor, text), paragraph_words, n in zip(paragraphs, words, range(len(paragraphs))):
        if n in replies:
            start, end, speaker_id = replies[n]
            speaker = cast.get(speaker_id)
            found = Attribution(speaker.zh_hans, speaker_id, None, "qa") if speaker else None
            quotes.append(make_quote(text, anchor, start, end, found, cast))
            update_state(state, text, quotes[-1:], None)
            continue
        quotes.extend(paragraph_quotes(anchor, text, cast, state, article_kind, speaker_of_speech, paragraph_words))
    return [as_printed(q, cast) for q in quotes]
