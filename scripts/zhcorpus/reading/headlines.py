"""What a line of a page says about where articles begin and end, by its own text.

Pure text functions, the evidence ``segment`` weighs for each headline it
meets: whether a paragraph opens a report (a dateline, 本报讯, a bracketed
byline), whether a line is a byline or a turn of a Q&A rather than a
headline, whether a heading is numbered or quoted like the sub-headings of one
article, whether a paragraph carries on the one before it (他说, 此外), and how
much a lead paragraph echoes a headline. They follow the conventions of
Chinese print and web news, not any one outlet.
"""

from __future__ import annotations

import re

from zhcorpus.language.han import HAN

_DIGITS = r"(?:\d{1,2}|[０-９]{1,2}|[一二三四五六七八九十]{1,3})"
_OUTLET_END = "社|报|報|网|網|台|端|刊"
_LEAD_OPENERS = [
    # （中央社記者林怡君台北16日電） 【本報消息】 〔編譯蘇子晴／綜合報導〕 （北京讯）
    re.compile(r"^[（(【〔\[][^（）()【】〔〕\[\]]{0,40}?"
               r"(?:电|電|讯|訊|报道|報道|报导|報導|专讯|專訊|消息|记者|記者|编译|編譯)"
               r"[^（）()【】〔〕\[\]]{0,30}[）)】〕\]]"),
    # 新华社阿斯塔纳6月17日电 / 中評社北京6月19日電／ / 大公网6月18日讯
    # (what follows 电 is a bracket, a stop or the lead's first words: 国家电网6月17日电力 is not one)
    re.compile(rf"^\S{{2,20}}?(?:{_DIGITS}\s*月\s*)?{_DIGITS}\s*日\s*[电電讯訊]"
               r"(?=[\s（(：:／/【]|$|当地|當地|记者|記者|据|據|\d)"),
    # 新京报讯（记者…） 香港文匯報訊 據…
    re.compile(rf"^\S{{1,12}}?(?:{_OUTLET_END})[讯訊](?=[\s（(：:【]|$)"),
    # 央视网消息（新闻联播）：
    re.compile(rf"^\S{{1,10}}?(?:{_OUTLET_END})消息[（(：:\s]"),
    # 塔什干，2025年6月18日（UzA）
    re.compile(r"^[^\s，。]{2,8}[，,]\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[（(][A-Za-z]{2,12}[）)]"),
]

_LEAD_OPENER = re.compile("|".join(f"(?:{pattern.pattern})" for pattern in _LEAD_OPENERS))

_ROLE = ("特约记者|特約記者|记者|記者|特派员|特派員|通讯员|通訊員|实习生|實習生|编译|編譯|撰文|撰稿|作者|"
         "摄影|攝影")
_NAME = r"[\u4e00-\u9fff·]{2,10}"
# 记者手记, 记者观察: column labels, and 记者团: a group, where a name would follow the role.
_COLUMN = "手记|手記|札记|札記|观察|觀察|调查|調查|述评|述評|走访|走訪|再探|团|團|会|會|节|節|站"
_CREDIT = re.compile(
    rf"^(?:[■●◆]\s*)?(?:(?P<prefix>.{{0,40}}?)(?P<role>{_ROLE})(?!{_COLUMN})(?P<separator>\s*[：:／/丨|｜]\s*|\s+)?|文\s*[/／]\s*)"
    rf"{_NAME}")
_SENTENCE_MARKS = re.compile("[。！？；，]")
_BRACKETED = re.compile(r"^[（(【〔\[].*[）)】〕\]]$")
_EXCHANGE = re.compile(r"^(?:问|問|答|记者|記者|主持人|Q|A)\s*[：:]|^[—–\-]\s+\S")
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}(?:[、．]|\.\s)(?!\d))")
_QUOTED = {"“": "”", "「": "」", "『": "』", "‘": "’"}
_PHOTO = re.compile(r"^(?:图为|圖為|图片|圖片|资料图|資料圖)|(?:摄|攝)$")
_CARRIES_ON = re.compile(
    "^(?:他|她|它|他们|她们|他們|她們|这|這|该|該|此外|同时|同時|另外|但|而|并且|並且|而且|"
    "因此|所以|对此|對此|其中|其|与此同时|與此同時|不过|不過|然而|此前|随后|隨後|接着|接著|为此|為此|"
    "一是|首先|其一|第一[，、,]|总之|總之|可见|可見|例如|比如|也就是说|也就是說|换言之|換言之|由此|据此|據此|"
    "除此之外|不仅如此|不僅如此|另一方面)")


def opens_report(text: str) -> bool:
    """The paragraph opens with what opens a news report: a dateline
    (新华社阿斯塔纳6月17日电), an outlet's 讯 or 消息 (新京报讯, 央视网消息), or a
    bracketed dateline and byline (（中央社記者林怡君台北16日電）, 【本報消息】)."""
    return bool(_LEAD_OPENER.match(text))


def is_credit_line(text: str) -> bool:
    """A byline set as a line of its own (作者：许嘉宁, 本报驻京特派员 韩立诚,
    聯合報／ 本報記者韓立宇, 文/沈嘉仪, （本报记者 宁远航）): never a headline."""
    line = text.strip()
    if len(line) > 52:
        return False
    if _BRACKETED.match(line):
        line = line[1:-1].strip()
    if len(line) > 50 or _SENTENCE_MARKS.search(line):
        return False
    match = _CREDIT.match(line)
    if not match:
        return False
    prefix = match.group("prefix") or ""
    # 中亚五国记者团走进义乌 is a headline: a role word inside a phrase, not before a name.
    return bool(match.group("separator")) or not prefix or prefix[-1].isspace() or prefix[-1] in "／/" or \
        bool(re.search(rf"(?:{_OUTLET_END}|本报|本報|驻\S{{0,6}}|駐\S{{0,6}})$", prefix))


def is_exchange_line(text: str) -> bool:
    """A turn of an interview (问：…, 记者：…, — 您如何评价…？): text, not a headline.
    (专家解读：…为何加速推进？ is a headline: a label and a question are no Q&A.)"""
    return bool(_EXCHANGE.match(text))


def is_bracketed(text: str) -> bool:
    """（本报记者 宁远航）, （资料图片）, 【纠错】: a note in brackets is never a headline."""
    return bool(_BRACKETED.match(text.strip()))


def is_photo_line(text: str) -> bool:
    """图为…, …摄: a caption or a photo credit."""
    return bool(_PHOTO.search(text.strip()))


def is_numbered_head(text: str) -> bool:
    """一、… （二）… 3. …: a numbered heading is a part of its article, never a new one."""
    return bool(_NUMBERED.match(text))


def is_quoted_whole(text: str) -> bool:
    """“为地区伙伴关系开启新篇章”: a heading that is one quotation is a sub-heading or a
    pull-quote (the words of someone in the article), not an article's headline."""
    text = text.strip()
    closer = _QUOTED.get(text[:1])
    return closer is not None and text.endswith(closer) and text.count(text[0]) == 1


def carries_on(text: str) -> bool:
    """The paragraph begins by pointing back (他说, 此外, 这…): it continues what
    came before, so the line above it did not open a new article."""
    return bool(_CARRIES_ON.match(text))


def echo(headline: str, paragraph: str) -> tuple[int, float]:
    """How much a paragraph repeats a headline (a lead restates its headline): the
    number of the headline's Han bigrams the paragraph's first 80 characters hold,
    and their share of the headline's bigrams."""
    def bigrams(text: str) -> set[str]:
        han = "".join(c for c in text if HAN.match(c))
        return {han[i:i + 2] for i in range(len(han) - 1)}
    own = bigrams(headline)
    if not own:
        return 0, 0.0
    shared = len(own & bigrams(paragraph[:80]))
    return shared, shared / len(own)
