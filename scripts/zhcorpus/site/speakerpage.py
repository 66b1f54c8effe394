"""``speakers/<id>.md``: who the speaker is, what they said, where they appear.

Names, roles and countries come from the speaker registry (corpus/speakers.yml
over seeds/speakers.yml). Only quotes attributed to this id are listed:
``Catalogue.quotes_by`` never returns an unattributed quote.
"""

from __future__ import annotations

import re

from pypinyin import Style, lazy_pinyin

from . import markup
from .corpus import Article
from .pages import Catalogue, entry_path, listing_item, paged_articles
from .quotepages import quote_block, sort_key, speaker_quotes_href
from .settings import COUNTRY_NAMES, INDEX_KINDS, SPEAKER_KIND_LABELS, SPEAKER_SECTIONS

SPEAKERS = next(k for k in INDEX_KINDS if k.key == "speakers")
# Quotes shown on a speaker's own page; the rest are on the quotes pages, which are
# split into pages, so a leader quoted thousands of times does not grow this one.
QUOTES_SHOWN = 20
OTHER_SECTION = ("other", "其他")  # a kind the site has no heading for is still listed
_NOT_IN_PINYIN = re.compile(r"[^a-z0-9]")


def chinese_order(name: str) -> tuple[tuple[str, ...], str]:
    """Sort key in the order of a Chinese index: pinyin syllable by syllable, tone
    numbers included (xi2 jin4 ping2), then the name itself, so equal readings
    keep one order. Computed from the Simplified name in both editions, which
    therefore list the same order. Punctuation (·, quotation marks) is skipped;
    letters and digits in a name sort as themselves."""
    syllables = (_NOT_IN_PINYIN.sub("", s.lower())
                 for s in lazy_pinyin(name, style=Style.TONE3, neutral_tone_with_five=True))
    return tuple(s for s in syllables if s), name


def speaker_kind(cat: Catalogue, ident: str) -> str:
    """person, group or media (speakers.yml); without one, a person, as in the registry."""
    return str(cat.names.entry("speakers", ident).get("kind") or "person")


def speaker_section(cat: Catalogue, ident: str) -> tuple[str, str]:
    """(anchor, heading) of the index section a speaker is listed under."""
    return SPEAKER_SECTIONS.get(speaker_kind(cat, ident), OTHER_SECTION)


def speaker_index(cat: Catalogue) -> str:
    """``speakers/index.md``: people, then groups and sayings, then media, each
    under its own heading and in Chinese order."""
    lines = [f"# {SPEAKERS.title}", "", markup.escape(SPEAKERS.lead), ""]
    idents = sorted(cat.groups(SPEAKERS), key=lambda i: (chinese_order(cat.display(SPEAKERS, i)), i))
    if not idents:
        lines.append("暂无文章。")
    for anchor, heading in [*SPEAKER_SECTIONS.values(), OTHER_SECTION]:
        listed = [i for i in idents if speaker_section(cat, i) == (anchor, heading)]
        if listed:
            lines += [f"## {heading} {{: #{anchor} }}", "", *(listing_item(cat, SPEAKERS, i) for i in listed), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def identity_line(cat: Catalogue, ident: str) -> str | None:
    """English name · role · country, as far as the registry knows them."""
    entry = cat.names.entry("speakers", ident)
    country = entry.get("country")
    bits = [
        str(entry["en"]) if entry.get("en") else None,
        str(entry["role"]) if entry.get("role") else None,
        COUNTRY_NAMES.get(str(country), str(country)) if country else None,
    ]
    bits = [b for b in bits if b]
    return " · ".join(bits) if bits else None


def speaker_page(cat: Catalogue, ident: str, articles: list[Article]) -> dict[str, str]:
    entry = cat.names.entry("speakers", ident)
    quotes = sorted(cat.quotes_by(ident), key=lambda q: sort_key(cat, q))
    lines = [f"# {markup.escape(cat.names.zh('speakers', ident))}", ""]
    identity = identity_line(cat, ident)
    if identity:
        lines += [markup.paragraph(identity, css="zh-en"), ""]
    kind = SPEAKER_KIND_LABELS.get(str(entry.get("kind")))
    if kind:
        # Not one person: say so, so "他说" is not read into a group or a paper.
        lines += [f"类别：**{kind}**（非个人）" + "\n{: .zh-speaker-kind }", ""]
    summary = f"{markup.link(SPEAKERS.title, 'index.md')} · 共 {len(articles)} 篇"
    all_quotes = markup.link(f"{len(quotes)} 条引语", speaker_quotes_href(cat, ident, "../")) if quotes else ""
    if quotes:
        summary += f" · {all_quotes}"
    lines += [summary, ""]
    if quotes:
        lines += ["## 引语 {: #quotes }", ""]
        for quote in quotes[:QUOTES_SHOWN]:
            lines += [quote_block(cat, quote, "../"), ""]
        if len(quotes) > QUOTES_SHOWN:
            lines += [f"以上 {QUOTES_SHOWN} 条；全部：{all_quotes}（引语页）", ""]
    lines += ["## 文章 {: #articles }", ""]
    if not articles:
        lines.append("暂无文章将此人物列为相关人物。")
    first, extra = paged_articles(cat, SPEAKERS, ident, articles)
    return {entry_path(SPEAKERS, ident): "\n".join(lines + first) + "\n", **extra}
