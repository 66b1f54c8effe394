"""What a Han character is, and counting them: the unit the ledger accounts for."""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable


# CJK Unified Ideographs, Extension A, and the supplementary planes (Ext. B-F and
# compatibility ideographs). One compiled class: matching it runs in C.
HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0002fa1f"
HAN = re.compile(f"[{HAN_RANGES}]")
_NOT_HAN = re.compile(f"[^{HAN_RANGES}]+")


def is_han(char: str) -> bool:
    return HAN.match(char) is not None


def han_chars(text: str) -> list[str]:
    return HAN.findall(text)


def count_han(text: str) -> int:
    return len(HAN.findall(text))


def han_counts(texts: Iterable[str]) -> Counter[str]:
    """How often each Han character occurs in ``texts``. The other characters are
    cut out first, in C: counting them too (to drop them after) cost a quarter more,
    and the ledger counts the corpus twice."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(_NOT_HAN.sub("", text))
    return counts
