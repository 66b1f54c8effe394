"""Who a clause is about: the subject analysis quotes/direct.py asks of reporting clauses.

A reporting clause names its speaker at its start (托卡耶夫在会上说), after time
and place clauses (当地时间17日，在独立宫，习近平主席指出), or not at all: a zero
subject, carried from an earlier clause of the same sentence (托卡耶夫回顾了…，
感谢…，随后举杯说). A subject may be a person (a registry or article name, or
他/她 for the last person named), a thing or an unnamed person (评论文章, 一位网友,
西安市民, 中方): then nobody may be given the words (REFUSED). jieba's tag of a
clause's first word tells a zero subject (a verb, an adverb) from a nominal one.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from zhcorpus.quotes.personnames import Words, generic_opening
from zhcorpus.quotes.speakers import Mention, Registry, is_generic_name, printed_name

SENTENCE_END = "。！？!?"
CLAUSE_DELIMS = "，。！？；：,!?;:”“"
CARRY = 8  # how many clauses back a zero subject is looked for

_PRONOUN = re.compile(r"^(?:随后|接着|然后|最后|同时|此外|另外|但|而|不过|后来)?(他|她|我)(?!们)")
TOPIC_MARKERS = ("对于", "关于", "对")  # “…”对于X…: the quote is the topic, not X's words
_OBJECT_MARKERS = ("对于", "关于", "聆听", "感谢", "应", "同", "与", "和", "对", "向", "随")
# …and right before a name only (从事 and 为了 open a clause; 从X处 does not make X the subject).
_OBJECT_BEFORE = _OBJECT_MARKERS + ("接受", "从", "跟", "给", "被", "把", "让", "请", "邀请", "陪同", "会见", "会晤",
                                    "专访", "采访", "援引", "引述", "引用")
_CONJUNCTIONS = ("和", "与", "及", "、", "以及")
# Subjects that are several people or a side, never one person (中方表示, 双方一致认为).
_GROUPS = ("各方", "双方", "多方", "中方", "外方", "我方", "对方", "两国", "各国", "六国", "五国", "大家", "人们", "外界",
           "他们", "她们", "我们", "专家们", "学者们")
# Tags of the first word of a clause whose subject is a thing or an unnamed person (评论文章说, 西安市民说).
_NOMINAL_TAGS = ("n", "nr", "nrt", "ns", "nt", "nz", "nrfg", "j", "s", "r", "rz", "rr", "vn", "eng", "q")
_TIME_OPENING = re.compile(r"^(?:[0-9０-９一二三四五六七八九十两]+(?:年|月|日|号|时|点|天|周|分)|当天|当晚|当日|次日)")
_ADVERBIAL_START = re.compile(
    r"^(?:在|于|当|据|根据|随着|作为|面对|趁|借|自|经过|通过|截至|直到|每当|早在|就在|正如|当地时间|北京时间|当天|当晚|"
    r"当日|次日|随后|之后|此后|此前|目前|如今|近日|日前|今天|昨天|昨日|今日|今年|去年|明年|当时|同时|此时|会后|会上|席间|"
    r"课间|期间|[0-9０-９一二三四五六七八九十两]+(?:年|月|日|号|时|点|天|周|分))")
_ADVERBIAL_END = re.compile(r"(?:时|时候|上|中|里|内|后|前|期间|之际|间隙|之时|当天|以来|之后|之前|现场|会上|会后|下午|上午|"
                            r"晚上|中午|早上|清晨|傍晚|深夜|凌晨|晚间|午间|当晚)$")

_CLAUSE_ENDS = CLAUSE_DELIMS + "—"  # a dash ends a clause too
_CLAUSE_END = re.compile(f"[{re.escape(_CLAUSE_ENDS)}]")
_SENTENCE_END = re.compile(f"[{re.escape(SENTENCE_END)}]")


@dataclass(frozen=True)
class Attribution:
    name: str | None
    speaker_id: str | None
    verb: str | None
    pattern: str
    pos: int = 0  # where the speaker is named, for continuation


# A cue whose speaker the text leaves unnamed (一位网友感叹道, 有人说, 评论文章说):
# the quote is nobody's, and no later pattern may give it to someone else.
REFUSED = Attribution(None, None, None, "refused")
REFUSALS = ("refused", "refused-continuation")


def refused(found: Attribution | None) -> bool:
    return found is not None and found.pattern in REFUSALS


def unnamed(head: str, verb: str | None, pos: int) -> Attribution:
    """A refusal that keeps how the text describes the speaker when it describes a
    person (一名地区观察家, 各方): shown with the quote, never made a speaker."""
    name = printed_name(head)
    return Attribution(name if name and is_generic_name(name) else None, None, verb, "refused", pos)


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
    words: Words  # the paragraph with quotes blanked, cut and tagged

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

    def sentence_start(self, position: int) -> int:
        i = bisect_left(self.sentence_ends, position)
        return self.sentence_ends[i - 1] + 1 if i else 0

    def first_tag(self, offset: int, clause: str) -> str:
        """jieba's tag of the clause's first word ('' when the clause is empty)."""
        word = self.words.word_at(offset)
        return word[1] if word else ("x" if clause else "")


def last_clause(text: str) -> tuple[str, int]:
    """The clause ending at the end of ``text`` and where it starts."""
    i = max(text.rfind(d) for d in _CLAUSE_ENDS)
    return text[i + 1:], i + 1


def clause_subject(clause: str, offset: int, ctx: Context) -> Attribution | None:
    """Who the clause is about: the first person it names that is not an object
    (聆听习近平主席讲话后 is about someone else), or a pronoun; REFUSED when its
    subject is a thing or a person left unnamed (评论文章, 一位网友, 西安市民);
    None when it has no subject of its own (随后举杯说, 感谢中方…, 在会上): a zero
    subject, carried from an earlier clause."""
    m = ctx.first_mention(offset, offset + len(clause))
    if m is not None:
        lead = clause[:m.start - offset]
        if not (lead.endswith(_OBJECT_BEFORE) or lead.startswith(_OBJECT_MARKERS)):
            end = offset + len(clause)
            if ctx.text.startswith(_CONJUNCTIONS, m.end) and ctx.names_other_than(m.speaker_id, m.end, end):
                return REFUSED  # X和Y共同表示: two speakers, no one's words alone
            if ctx.text.startswith("的", m.end):
                return REFUSED  # X的发言人说, X的阐述引发…: X's, not X
            return attribution(m.printed, m.speaker_id, ctx, "", m.start)
    pronoun = _PRONOUN.match(clause)
    if pronoun:
        return resolve_pronoun(pronoun.group(1), offset + pronoun.start(1), ctx) or REFUSED
    if is_adverbial(clause):
        return None
    if generic_opening(clause) or clause.startswith(_GROUPS):
        return REFUSED
    tag = ctx.first_tag(offset, clause)
    if tag == "m":
        return None if _TIME_OPENING.match(clause) else REFUSED
    return REFUSED if tag in _NOMINAL_TAGS or tag == "x" else None


def resolve_pronoun(pronoun: str, pos: int, ctx: Context) -> Attribution | None:
    """他/她: the person who is the subject of the nearest clause before it (努尔别科夫还
    提到了诗人阿拜的作品。他说 is 努尔别科夫, not the poet), else the last person named
    before it; 我 in a speech: its speaker."""
    if pronoun == "我":
        if ctx.kind == "speech" and ctx.speech_speaker:
            return attribution(None, ctx.speech_speaker, ctx, "pronoun", pos)
        return None
    subject = subject_before(pos, ctx)
    if subject is not None:
        return attribution(None, subject.speaker_id, ctx, "pronoun", pos)
    before = bisect_right(ctx.people_ends, pos)
    target = ctx.people[before - 1].speaker_id if before else ctx.state.last_person
    return attribution(None, target, ctx, "pronoun", pos) if target else None


def subject_before(pos: int, ctx: Context) -> Attribution | None:
    """The nearest clause before ``pos`` in the paragraph, outside quotes, whose subject
    is a person (clauses about things, or with no subject of their own, are passed)."""
    end = ctx.last_clause_end(pos)
    for _ in range(2 * CARRY):
        if end < 0:
            return None
        begin = ctx.last_clause_end(end) + 1
        if not ctx.in_span(begin):
            subject = clause_subject(ctx.text[begin:end], begin, ctx)
            if subject is not None and subject.speaker_id and ctx.registry.is_person(subject.speaker_id):
                return subject
        end = begin - 1
    return None


def attribution(name: str | None, speaker_id: str | None, ctx: Context, pattern: str, pos: int,
                verb: str | None = None) -> Attribution:
    speaker = ctx.registry.get(speaker_id)
    shown = name or (speaker.zh_hans if speaker else None)
    return Attribution(shown, speaker_id, verb, pattern, pos)


def carried_subject(offset: int, ctx: Context) -> Attribution | None:
    """The subject of a clause that has none (…，随后举杯说：), from the clauses
    before it in the same sentence, nearest first (托卡耶夫在致辞中先回顾了…，感谢…，):
    the first with a subject of its own decides; a quote in between, the sentence
    start, or CARRY clauses without one leave it unknown."""
    start, end = ctx.sentence_start(offset), offset - 1
    for _ in range(CARRY):
        if end <= start or ctx.text[end] in "“”":
            return None
        begin = max(ctx.last_clause_end(end) + 1, start)
        subject = clause_subject(ctx.text[begin:end], begin, ctx)
        if subject is not None:
            return subject
        end = begin - 1
    return None


def is_adverbial(clause: str) -> bool:
    """A clause of time or place (当地时间17日下午, 在独立宫举行的峰会上): the
    speaker may come after it. Not a topic (对于X…): then the quote is the topic."""
    if clause.startswith(TOPIC_MARKERS):
        return False
    return bool(_ADVERBIAL_START.match(clause) or _ADVERBIAL_END.search(clause))


