"""Traditional -> Simplified, on purpose and with the original kept.

One OpenCC converter per configuration, each chosen for a reason: ``hk2s`` reads
Hong Kong text (its phrase tables know HK usage), ``s2hk`` goes back for a
Traditional edition. Converting back is lossy, so articles keep the text as
printed next to the Simplified one.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

import opencc

from zhcorpus.files import kept_table, table_key
from zhcorpus.language.han import HAN


@lru_cache(maxsize=None)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def detect_script(text: str) -> str:
    """'zh-Hant' when the text has more Traditional-only than Simplified-only
    characters. Comparing the two counts, rather than using a threshold, keeps
    a Traditional name quoted in mainland copy (香港文匯報) from flipping it."""
    traditional, simplified = _script_only_patterns()
    return "zh-Hant" if len(traditional.findall(text)) > len(simplified.findall(text)) else "zh-Hans"


@lru_cache(maxsize=1)
def _script_only_patterns() -> tuple[re.Pattern, re.Pattern]:
    """The characters OpenCC changes on their own, as one character class per script:
    hk2s changes the Traditional-only ones, s2hk the Simplified-only ones. Judged once
    per character (newlines keep OpenCC from reading phrases across them) rather than
    per article, because s2hk over every article cost more than the rest of script
    handling together; a class scans in C and makes a string only per match. Judging
    them takes 0.1 s, in every process that builds a page: kept between builds."""
    key = table_key(opencc_version(), HAN.pattern, _script_only_chars)
    traditional, simplified = kept_table("script-only-chars", key, _script_only_chars)
    return re.compile(f"[{traditional}]"), re.compile(f"[{simplified}]")


def _script_only_chars() -> tuple[str, str]:
    """(Traditional-only, Simplified-only) characters of the Basic Multilingual Plane."""
    chars = [c for c in map(chr, range(0x3400, 0xA000)) if HAN.match(c)]
    joined = "\n".join(chars)
    to_simple = _converter("hk2s").convert(joined).split("\n")
    to_hk = _converter("s2hk").convert(joined).split("\n")
    assert len(to_simple) == len(to_hk) == len(chars), "OpenCC changed the line count"
    traditional = "".join(c for c, s in zip(chars, to_simple) if s != c)
    simplified = "".join(c for c, t in zip(chars, to_hk) if t != c)
    return traditional, simplified


# OpenCC leaves 著 alone because 著 is also a Simplified character (著名, 显著).
# As the aspect particle after a verb, Simplified writes 着. Only verbs seen in
# print are listed, so 著作/著名/显著 stay untouched.
_ZHE_AFTER = (
    "意味 面臨 面临 標誌 标志 看 隨 随 有 帶 带 朝 向 沿 接 為 为 本 憑 凭 順 顺 靠 "
    "等 跟 試 试 想 說 说 笑 坐 站 躺 拿 穿 戴 寫 写 唱 聽 听 忙 記 记 藏 跑 走 "
    "盯 守 抱 掛 挂 存 留 載 载 承 懷 怀 伴 繼續 继续 保持 充滿 充满 代表 體現 体现 "
    "顯示 显示 影響 影响 推動 推动 發揮 发挥 肩負 肩负 扮演 見證 见证 連 连"
).split()
_ZHE_PATTERN = re.compile("(" + "|".join(sorted(map(re.escape, _ZHE_AFTER), key=len, reverse=True)) + ")著")


def fix_particle_zhe(text: str) -> str:
    """意味著 -> 意味着: the particle OpenCC cannot tell from 著 (to write)."""
    # The verbs' alternation is tried at every position; few texts hold 著 at all.
    return _ZHE_PATTERN.sub(r"\1着", text) if "著" in text else text


_CORNER_TO_CURLY = (("「", "“"), ("」", "”"), ("『", "‘"), ("』", "’"))


def corner_to_curly_quotes(text: str) -> str:
    """「」『』 are Traditional typography; Simplified text uses “” and ‘’.
    (Four replaces, not str.translate: translate looks up every character of
    the corpus in a dict, replace only finds the few marks.)"""
    for corner, curly in _CORNER_TO_CURLY:
        text = text.replace(corner, curly)
    return text


def to_simplified(text: str) -> str:
    return corner_to_curly_quotes(fix_particle_zhe(_converter("hk2s").convert(text)))


def opencc_version() -> str:
    """What a kept conversion is valid for: another OpenCC may convert differently."""
    return str(getattr(opencc, "__version__", "unknown"))


def to_hong_kong(text: str) -> str:
    return _converter("s2hk").convert(text)


def to_traditional_chars(chars: Iterable[str]) -> set[str]:
    joined = "".join(sorted(chars))
    return set(_converter("s2hk").convert(joined))
