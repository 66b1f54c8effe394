"""The speech-verb lexicon: words and constructions that report what someone said.

Data, and the few patterns made from it. Simplified Chinese only (Traditional
text is converted before quotes are read). The lexicon is built from news
syntax in general, not from any page: a reporting clause in Chinese news ends
with a verb of saying, writing, asking, answering, judging or feeling aloud,
often with a resultative 道/说 (分析道, 回忆说), often after a manner adverbial
(笑着说, 一字一句地问) or an addressee (告诉记者, 对本报记者表示), and
sometimes as a fixed construction (开场白是, 援引X的话说, 这样开始他的发言).

quotes/direct.py asks three questions of it: does a cue clause end with a reporting
verb (``verb_at_end``), is there a reporting verb in a clause after a quote
(``verb_in``), and does a clause after a quote that closed a sentence refer
back to it (``anaphoric_verb_in``: “…”。X这样评价).
"""

from __future__ import annotations

import re
from functools import lru_cache

# Verbs that report speech. Grouped for review; order does not matter.
_SAYING = """
说 讲 称 道 言 云 表示 指出 强调 认为 提到 谈到 谈及 说到 讲到 提及 提出 表明 声明 申明 重申
介绍 解释 说明 阐述 阐释 阐明 解读 讲述 叙述 描述 描绘 形容 比喻 概括 总结 归纳 补充 举例
回答 答 答道 回应 答复 应答 问 问道 反问 追问 发问 询问 设问
告诉 转告 透露 披露 爆料 吐露 坦露 交底 证实 确认 承认 否认 澄清 辟谣
坦言 直言 坦承 直陈 直指 点明 点出 道出 说出 说破 笑言 笑称 笑说 笑谈 戏称 自嘲 打趣 调侃 开玩笑
声称 宣称 宣布 宣告 宣示 表态 发言 致辞 讲话 演讲 发表讲话 发表演讲
呼吁 倡议 建议 提议 提醒 警告 警示 告诫 敦促 要求 劝告 叮嘱 嘱咐 嘱托 勉励 鼓励 寄语 祝愿 祝福
感叹 感慨 慨叹 赞叹 惊叹 叹 叹息 感言 感怀 唏嘘 动情
回忆 回顾 忆及 追忆 回想 忆起 回忆起
分析 判断 预测 预计 估计 推测 断言 评价 评论 点评 评述 评估 研判 展望
相信 坚信 深信 确信 认定 主张 指称 抱怨 埋怨 担心 担忧 感谢 赞扬 称赞 赞赏 夸赞 称道 肯定 表扬
批评 抨击 指责 谴责 反驳 驳斥 质疑 反对 赞同 附和 同意 认同 坚称 强称 辩称 辩解 解说
写 写道 留言 发文 撰文 发帖 致信 来信 致函 复信 回信 批示 留下 记下 写下
喊 喊道 高喊 大喊 叫道 嚷道 嘟囔 念叨 嘀咕 低语 耳语 哽咽 脱口而出
对记者说 向记者表示 向记者介绍 告诉记者
分享 畅谈 侃侃而谈 娓娓道来 细数 历数 盘点 坦陈 直说 明说 直截了当 开门见山
指 看来 眼中 心中 
"""

# Words that report speech only as the last word before a colon or a quote, or
# with a 道/说 after them: inside a clause they are mostly something else
# (知道, 语言, 云南, 访问, 手指, 肯定会, 要求高).
_WITH_SUFFIX = frozenset("""
写 喊 叹 问 答 指 言 道 云 讲 留下 记下 写下 担心 担忧 感谢 反对 同意 肯定 要求 展望 动情 主张 判断 相信 表扬
""".split())

VERBS: frozenset[str] = frozenset(_SAYING.split())
# Words that end with a reporting verb and report nothing (访问, 小说, 对他来说, 知道):
# a verb found at the end of one of them is not a verb.
NOT_SPEECH = frozenset("""
访问 学问 顾问 疑问 慰问 过问 请问 审问 拷问 质问过 小说 传说 听说 据说 虽说 来说 再说 比如说 就是说 换句话说 总的来说 一般来说
不用说 可以说 众说 学说 游说 邪说 语言 宣言 预言 誓言 格言 名言 谣言 代言 方言 寓言 谎言 箴言 序言 前言 感言录 留言板
知道 报道 渠道 轨道 难道 味道 霸道 通道 频道 街道 管道 人道 车道 赛道 隧道 公道 厚道 地道 一道 门道 古道 王道 跑道 航道
手指 意指 所指 是指 特指 仅指 泛指 系指 染指 指指 戒指 回答卷 答卷 报答 答谢 书写 描写 编写 改写 填写 缩写 速写 大写 小写
讲台 讲座 讲究 讲义 讲解员 演讲台 称号 名称 称为 称作 简称 号称 俗称 统称 声称号 宣称号 称赞声
""".split())

SUFFIXES = ("道", "说", "称")  # 分析道, 介绍说, 笑称

# Reporting clauses that end with something other than a verb of the lexicon.
_ADDRESSEE = r"(?:记者|本报记者|本报|笔者|媒体|本台|总台记者|新华社记者|中新社记者|他|她|大家|我们|在场的?[^，。：；]{0,6})"
_CONSTRUCTIONS = (
    rf"告诉{_ADDRESSEE}",
    r"(?:援引|引用|引述|借用|套用|用)[^，。：；“”]{1,24}?的话(?:说|称|表示|指出)?",
    r"(?:的)?(?:开场白|回答|答案|结论|原话|说法|理由)(?:是|为)",
)
# 援引X的话说: the speaker is X, not the subject of the clause.
CITED_WORDS = re.compile(r"(?:援引|引用|引述|借用|套用|用)(.{1,24}?)的话(?:说|称|表示|指出)?$")
# After a quote and a sentence end, only a verb that refers back to the quote
# makes the next subject its speaker: “…”。习近平主席这样开始他的发言。
_ANAPHORS = ("这样", "如此", "这般", "这么", "如是")
_SPEECH_NOUNS = "(?:发言|讲话|致辞|演讲|报告|谈话|采访|介绍|回答)"


def _alternation(words) -> str:
    return "|".join(map(re.escape, sorted(words, key=lambda w: (-len(w), w))))


_VERB = _alternation(VERBS)
_PLAIN_VERB = _alternation(VERBS - _WITH_SUFFIX)
_VERB_WITH_SUFFIX = rf"(?:{_VERB})(?:{'|'.join(SUFFIXES)})?"
_CONSTRUCTION = "|".join(_CONSTRUCTIONS)

# The end of a cue clause: a verb (with its 道/说) or a construction.
CUE_END = re.compile(rf"(?:{_CONSTRUCTION}|{_VERB_WITH_SUFFIX})(?:了)?$")
# Somewhere in a clause after a quote (“…”X在会上这样说): a verb that is a word of its own.
IN_CLAUSE = re.compile(rf"(?<!的)(?:{_CONSTRUCTION}|(?:{_PLAIN_VERB})(?:{'|'.join(SUFFIXES)})?)|的话语")
ANAPHORIC = re.compile(
    rf"(?:{'|'.join(_ANAPHORS)})(?:地)?(?:{_VERB}|(?:开始|开启|结束|收尾|作结|回答|回应)了?(?:他|她)?的?{_SPEECH_NOUNS}?)"
)
CITATION = re.compile(r"正如(.+?)(?:在.{0,20}?中)?(?:所说|所言|说的那样|所指出的|指出的那样|强调的那样|所强调的)$")
PROVERB = re.compile(r"([^，。！？：\s]{2,8}?)也?有(?:句|一句)(谚语|俗话|古话|老话|名言)$")
# How far back from a quote a cue clause's ending can start.
REACH = 48


def speech(text: str, start: int, end: int) -> bool:
    """The verb at [start, end) is not the end of a word that reports nothing (访问, 来说)."""
    return not any(text[start - k:end] in NOT_SPEECH for k in (1, 2, 3, 4) if start - k >= 0)


@lru_cache(maxsize=65536)
def _cue_end(tail: str) -> tuple[int, str] | None:
    found = CUE_END.search(tail)
    return (found.start(), found.group()) if found and speech(tail, found.start(), found.end()) else None


def cue_verb(clause: str) -> tuple[int, str] | None:
    """Where the reporting verb or construction that ends ``clause`` starts, and what it is."""
    cut = max(0, len(clause) - REACH)
    found = _cue_end(clause[cut:])
    return (found[0] + cut, found[1]) if found else None


def verb_at_end(text: str, end: int) -> str | None:
    """The reporting verb or construction that ends ``text[:end]``, or None.
    Only the last REACH characters are read: a paragraph's cost stays its length."""
    found = _cue_end(text[max(0, end - REACH):end])
    return found[1] if found else None


def verb_in(clause: str) -> str | None:
    """The first reporting verb in ``clause`` that is a verb there."""
    for found in IN_CLAUSE.finditer(clause):
        if speech(clause, found.start(), found.end()):
            return found.group()
    return None


def anaphoric_verb_in(clause: str) -> str | None:
    """这样评价, 如此阐释, 这样开始他的发言: the construction as printed."""
    found = ANAPHORIC.search(clause)
    return found.group() if found else None
