"""Interviews and Q&A: an answer printed under its answerer is that person's quotation.

Chinese papers print interviews in three ways, and the answers carry no
quotation marks:

- a label before each turn: 记者：…？ / 澎湃新闻：…？ then 王毅：… or 刘畅：…;
- 问：… / 答：…, the answerer named (if at all) before the questions;
- a dash before each turn: — …？ then — …, the answerer named in the lead.

An answer is a paragraph whose label is a person the article names (the
registry's, or one quotes/cast.py found: 阿斯卡尔·别克穆拉托夫：…, then 别克穆拉托夫：…),
or 答： or a dash turn after a question. Its speaker is that person, or for 答
and dash turns the one person the paragraphs before the first question name as
interviewed (…接受哈通社记者专访); when nobody is, the answer is a quotation of
nobody (a spokesperson the page does not name). Questions are not quotations.
An answer must end a sentence: 托卡耶夫：与中国合作不针对第三方 is a headline.
"""

from __future__ import annotations

import re
from typing import Sequence

from zhcorpus.quotes.personnames import TITLES, Words
from zhcorpus.quotes.speakers import Registry, find_mentions

_LABEL = re.compile(r"^\s*([^：:，。？！“”\s]{1,24})[：:]\s*")
_DASH = re.compile(r"^\s*(?:——|—|－－|--|–)\s*")
_ANSWER_LABELS = ("答", "回答", "答复")
_QUESTION_LABELS = ("问", "提问", "记者", "本报记者", "主持人", "本报", "本台", "Q")
_INTERVIEWED = re.compile(r"专访|采访|访谈|对话|问答|答记者问|接受.{0,16}访问|连线")
_ENDS = "。！？…!?"
MIN_ANSWER = 8


def _ends_a_sentence(body: str) -> bool:
    return len(body) >= MIN_ANSWER and body.rstrip("”’）)」』 ").endswith(tuple(_ENDS))


def _is_question(body: str) -> bool:
    """A turn whose first sentence asks."""
    first = re.match(r"[^。！？!?]*[。！？!?]?", body).group()
    return first.endswith(("？", "?"))


# A numbered question run into the end of the answer before it (…抓手。二、如何看待…？):
# the next turn, not the answer's words.
_GLUED_QUESTION = re.compile(r"(?<=[。！…])\s*(?:[一二三四五六七八九十]+、|\d+[.、]|问[：:]).*[？?]\s*$")


def _person_label(label: str, registry: Registry) -> str | None:
    """The id of the person a label names: the whole label, or a title and the name
    (外交部发言人毛宁)."""
    mentions = [m for m in find_mentions(label, registry) if registry.is_person(m.speaker_id)]
    if len(mentions) != 1 or mentions[0].end != len(label):
        return None
    prefix = label[:mentions[0].start]
    return mentions[0].speaker_id if not prefix or prefix.endswith(tuple(TITLES)) else None


def _interviewee(words: Sequence[Words], before: int, registry: Registry) -> str | None:
    """The one person the paragraphs before the first question name as interviewed."""
    people = {m.speaker_id for w in words[:before] if _INTERVIEWED.search(w.text)
              for m in find_mentions(w.text, registry) if registry.is_person(m.speaker_id)}
    return people.pop() if len(people) == 1 else None


def answers(texts: Sequence[str], words: Sequence[Words], registry: Registry
            ) -> dict[int, tuple[int, int, str | None]]:
    """Paragraph number -> (start, end, speaker id or None) of each answer's words."""
    turns: dict[int, tuple[str, int]] = {}  # n -> (kind, where the words start)
    for n, text in enumerate(texts):
        label, dash = _LABEL.match(text), _DASH.match(text)
        body = text[label.end():] if label else text[dash.end():] if dash else ""
        if label:
            name = label.group(1)
            if name in _ANSWER_LABELS and _ends_a_sentence(body):
                turns[n] = ("answer", label.end())
            elif _person_label(name, registry) and _ends_a_sentence(body) and not _is_question(body):
                turns[n] = ("named", label.end())
            elif _is_question(body) and (name in _QUESTION_LABELS or not _person_label(name, registry)):
                turns[n] = ("question", label.end())
        elif dash and body:
            if _is_question(body):
                turns[n] = ("question", dash.end())
            elif _previous_is(turns, n, "question"):
                turns[n] = ("answer", dash.end())
    questions = [n for n, (kind, _) in turns.items() if kind == "question"]
    if not questions and not any(kind == "named" for kind, _ in turns.values()):
        return {}
    interviewee = _interviewee(words, questions[0], registry) if questions else None
    found = {}
    for n, (kind, start) in turns.items():
        if kind == "question":
            continue
        if kind == "answer" and not (questions and questions[0] < n):
            continue  # 答： or a dash turn with no question before it: not an interview
        glued = _GLUED_QUESTION.search(texts[n], start)
        end = glued.start() if glued else len(texts[n].rstrip())
        speaker = _person_label(_LABEL.match(texts[n]).group(1), registry) if kind == "named" else interviewee
        found[n] = (start, end, speaker)
    return found


def _previous_is(turns: dict[int, tuple[str, int]], n: int, kind: str) -> bool:
    return n - 1 in turns and turns[n - 1][0] == kind
