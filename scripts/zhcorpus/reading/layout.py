"""Lines -> blocks: what each piece of a page is, before we know which article.

A PDF extraction gives lines. Some are furniture of the page (bylines,
datelines, captions, a QR-code notice, Markdown-like marks on the Hong Kong
page), the rest is text hard-wrapped at the column width. This module names
the furniture and rejoins wrapped lines into paragraph blocks; it never decides
which article a block belongs to (that is ``segment``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from statistics import median

from zhcorpus.reading.furniture import (EDITORS, MASTHEAD, PUBLICATION, RELATED_LINK, furniture_reason, is_link_bullet,
                                        is_masthead, is_related_label)
from zhcorpus.reading.headlines import is_bracketed, is_credit_line, is_exchange_line, is_photo_line, opens_report
from zhcorpus.reading.repairs import join_wrapped, repair

# Block kinds
TEXT = "text"            # body text: a paragraph, a heading or a fragment of one
HEADING = "heading"      # marked heading (# / ## / ### on the Hong Kong page)
KICKER = "kicker"        # column label: **習主席 中亞行**
ITEM = "item"            # roundup item: ▶**outlet**：text
CAPTION = "caption"      # ●photo caption
BYLINE = "byline"        # 新华社记者 韩梁 赵嫣 / ●香港文匯報記者 馬靜 北京報道 / 中华人民共和国主席 习近平
CREDIT = "credit"        # ●中新社: source credit of a box
DATELINE = "dateline"    # 新华社北京6月18日电 / (新华社阿斯塔纳6月17日电)
DATEPLACE = "dateplace"  # (2025年6月17日,阿斯塔纳) under a speech title
QR = "qr"                # 掃碼閱讀全文
CONTINUED = "continued"  # （上接第1版）
FURNITURE = "furniture"  # 首页 > 国际, 【责任编辑：…】, a page header: dropped, with the reason in ``why``

TERMINAL = "。！？!?…"
CLOSERS = "”’」』）)】》"
OPENERS = "“‘「『"
QUOTE_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』"}


@dataclass
class Block:
    kind: str
    text: str
    line: int                      # first source line, 1-based
    indented: bool = False         # first line began with a space: a column start
    level: int = 0                 # heading level for HEADING
    lead: str = ""                 # outlet name for ITEM
    raw: list[str] = field(default_factory=list)
    why: str = ""                  # why a FURNITURE block is dropped
    headline: bool = False         # placed as a headline is: a byline, dateline or lead follows

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"<{self.kind}@{self.line} {self.text[:24]!r}>"


def ends_sentence(text: str) -> bool:
    """True when text ends a sentence: 。！？… possibly inside closing quotes,
    or a colon that ends a salutation (朋友们：)."""
    stripped = text.rstrip().rstrip(CLOSERS)
    return bool(stripped) and (stripped[-1] in TERMINAL or text.rstrip()[-1] == "：")


def display_width(text: str) -> float:
    """Column width as set: a Han character is one em, Latin and digits half."""
    stripped = text.strip()
    return len(stripped) - 0.5 * len(_NARROW.findall(stripped))


_NARROW = re.compile("[\x00-\u2e7f]")


_LINE_RULES: list[tuple[str, re.Pattern[str]]] = [
    (QR, re.compile(r"^(?:扫码|掃碼|扫描二维码|掃描二維碼)(?:阅读|閱讀|查看)(?:全文)?$")),
    (DATELINE, re.compile(r"^[（(]?(?:新华社|新華社|中新社)\S{0,10}?\d{1,2}\s*月\s*\d{1,2}\s*日\s*[电電][）)]?$")),
    (DATEPLACE, re.compile(r"^[（(]\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[,，]\s*[^()（）]{1,12}[）)]$")),
    (BYLINE, re.compile(
        r"^(?:[■●]\s*)?\S{0,8}?(?:记者|記者)(?:\s+[\u4e00-\u9fff·]{2,5}){1,4}\s*"
        r"(?:\S{0,4}(?:报道|報道)|摄|攝)?$")),
    (BYLINE, re.compile(r"^\S{2,20}(?:主席|总统|總統|总理|總理|部长|部長|外长|外長)\s+[\u4e00-\u9fff·]{2,5}$")),
]
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*$")
_MD_BOLD_LINE = re.compile(r"^\*\*(.+?)\*\*$")
_ROUNDUP_ITEM = re.compile(r"^▶\s*\*\*(.+?)\*\*\s*(等?)\s*[：:]\s*(.+)$")
_BULLET = re.compile(r"^[●■◆]\s*(.+)$")
_CONTINUED = re.compile(r"^[（(]\s*(上接|下转|下轉|接上)\s*(第?\s*[\d一二三四五六七八九十]+\s*版)\s*[）)]\s*")


def classify_line(text: str, number: int, indented: bool) -> list[Block]:
    """One source line -> one block (two when a continuation mark leads a line)."""
    continued = _CONTINUED.match(text)
    if continued:
        blocks = [Block(CONTINUED, repair(continued.group(0)), number, raw=[continued.group(0)])]
        rest = text[continued.end():]
        if rest.strip():
            blocks += classify_line(rest, number, True)
        return blocks
    for kind, pattern in _LINE_RULES:
        if pattern.match(text):
            return [Block(kind, repair(text), number, indented, raw=[text])]
    if why := furniture_reason(text):
        return [Block(FURNITURE, repair(text), number, raw=[text], why=why)]
    if match := _MD_HEADING.match(text):
        return [Block(HEADING, repair(match.group(2)), number, level=len(match.group(1)), raw=[text])]
    if match := _MD_BOLD_LINE.match(text):
        return [Block(KICKER, repair(match.group(1)), number, raw=[text])]
    if match := _ROUNDUP_ITEM.match(text):
        lead = repair(match.group(1).replace("**", "") + match.group(2))
        return [Block(ITEM, repair(match.group(3)), number, lead=lead, raw=[text])]
    if match := _BULLET.match(text):
        body = match.group(1).strip()
        if any(p.match(body) for k, p in _LINE_RULES if k == BYLINE):
            return [Block(BYLINE, repair(body), number, raw=[text])]
        if len(body) <= 8 and not any(c in body for c in "，。"):
            return [Block(CREDIT, repair(body), number, raw=[text])]
        return [Block(CAPTION, repair(body), number, raw=[text])]
    if text[-1:] in "）)】]0123456789" and (note := _TRAILING_EDITORS.search(text)):
        # …將提供必要協助。（編輯：許喬茵）: the editor line, run into the last paragraph.
        body = text[:note.start()]
        return [Block(TEXT, body, number, indented, raw=[body]),
                Block(FURNITURE, repair(note.group(1)), number, raw=[note.group(1)], why=EDITORS)]
    return [Block(TEXT, text, number, indented, raw=[text])]


_TRAILING_EDITORS = re.compile(
    r"(?<=[。！？”」])\s*([（(【\[]\s*(?:责任编辑|責任編輯|责编|責編|编辑|編輯|校对|校對)\s*[：:]"
    r"[^（）()【】\[\]。]{1,30}[）)】\]]\s*(?:\d{7})?)\s*$")  # （編輯：陳政宏）1140616: CNA adds the ROC date


def page_blocks(text: str) -> list[Block]:
    """Classify every line, then rejoin hard-wrapped text lines."""
    lines: list[Block] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue  # blank lines are unreliable on these pages: wraps and breaks alike
        indented = line[:1] in (" ", "\u3000", "\t")
        lines.extend(classify_line(line.strip(), number, indented))
    _mark_masthead(lines)
    _mark_related_links(lines)
    widths = sorted(display_width(b.text) for b in lines if b.kind == TEXT)
    if widths and median(widths) < 24 and _hard_wrapped(widths, _column_width(widths)):
        blocks = _unwrap_columns(lines, _column_width(widths))
    else:
        blocks = lines
    for block in blocks:
        if block.kind == TEXT:
            block.text = repair(block.text)
    blocks = [b for b in blocks if b.text]
    _mark_headlines_by_place(blocks)
    return blocks


def _mark_masthead(lines: list[Block]) -> None:
    """A page opens with the paper's or site's name above its first headline (央视新闻客户端,
    德國之聲中文網): the masthead, furniture. Only the opening lines are asked: further down,
    a line that is a newsroom's name is a credit or a signature, which the readers keep."""
    for block in lines[:_MASTHEAD_LINES]:
        if block.kind == TEXT and is_masthead(block.text):
            block.kind, block.why, block.text = FURNITURE, MASTHEAD, repair(block.text)
            return
        if block.kind != FURNITURE:
            return


_MASTHEAD_LINES = 3


def _mark_related_links(lines: list[Block]) -> None:
    """The lines under 相关新闻 are other articles' headlines, links of a web page: a
    line marked · is one; an unmarked short line is one while what follows it is
    not the text of an article (a headline with its own body under it ends the list)."""
    for index, block in enumerate(lines):
        if block.kind != FURNITURE or not is_related_label(block.text):
            continue
        for position in range(index + 1, len(lines)):
            line = lines[position]
            if line.kind != TEXT:
                break
            following = lines[position + 1] if position + 1 < len(lines) else None
            plain_after = following is not None and following.kind in (TEXT, BYLINE, DATELINE) and not (
                following.kind == TEXT and (is_link_bullet(following.text) or _link_shaped(following.text)))
            if not is_link_bullet(line.text) and (not _link_shaped(line.text) or plain_after):
                break
            line.kind, line.why, line.text = FURNITURE, RELATED_LINK, repair(line.text)


def _link_shaped(text: str) -> bool:
    return len(text) <= 40 and not ends_sentence(text) and not any(mark in text for mark in "。；")


_HEADLINE_MAX = 40


def _mark_headlines_by_place(blocks: list[Block]) -> None:
    """A line shaped like a headline (a phrase or two, one comma at most, no sentence
    end) is one when what follows it is what follows a headline: a byline, a
    dateline, a deck, a line of time and source, or a lead that opens a report.
    Such a line is never a paragraph cut by a column, however long it is
    (外交部介绍第二届中国—中亚峰会安排，六国将签署一系列合作文件)."""
    for index, block in enumerate(blocks):
        if block.kind == TEXT and _headline_shaped(block.text) and _headed(blocks, index + 1):
            block.headline = True


def _headline_shaped(text: str) -> bool:
    """A phrase or two with no sentence in it, no byline, Q&A turn, note, caption or lead."""
    if len(text) > _HEADLINE_MAX or ends_sentence(text) and text[-1] not in "？！?!":
        return False
    if text[-1] in "，、：；—" or any(mark in text[:-1] for mark in "。！？；!?"):
        return False
    bare = _outside_quotes(text)
    if bare.count("，") > 1 or "、" in bare:
        return False  # a list or a run of clauses is a paragraph; 看得见、摸得着 in quotes is not
    return not (is_credit_line(text) or is_exchange_line(text) or is_bracketed(text) or is_photo_line(text)
                or opens_report(text))


def _outside_quotes(text: str) -> str:
    depth, kept = 0, []
    for char in text:
        if char in OPENERS:
            depth += 1
        elif char in CLOSERS and depth:
            depth -= 1
        elif not depth:
            kept.append(char)
    return "".join(kept)


def _headed(blocks: list[Block], start: int) -> bool:
    """What follows blocks[start - 1] is the head of a report."""
    timed = False
    for position in range(start, len(blocks)):
        block = blocks[position]
        if block.kind == FURNITURE:
            timed = timed or block.why == PUBLICATION
            continue
        if block.kind in (BYLINE, DATELINE, DATEPLACE):
            return True
        if block.kind != TEXT:
            return False
        text = block.text
        return (timed or opens_report(text) or is_credit_line(text) or text.startswith("——")
                and len(text) <= 50 and not ends_sentence(text))
    return False


def _hard_wrapped(widths: list[float], column: float) -> bool:
    """Most lines of a hard-wrapped column fill it (all but a paragraph's last); a
    page of short one-line items (briefs' headlines, a web page's links) has short
    lines of every length and is not a column to unwrap. ``widths`` are sorted."""
    return len(widths) - bisect_left(widths, column - 1.5) >= 0.5 * len(widths)


def _column_width(widths: list[float]) -> float:
    """The width most lines are wrapped at, of the text lines' sorted widths."""
    return widths[int(len(widths) * 0.9) - 1] if len(widths) > 1 else widths[0]


def _stands_alone(line: Block, current: _Joining, following: Block | None) -> bool:
    """A headline after a paragraph that happened to fill its last line: the
    paragraph ended a sentence, this line does not, and the next article (or
    the page end, a byline, a continuation mark) follows it."""
    if not current.ends_sentence() or ends_sentence(line.text) and line.text[-1] not in "？！":
        return False
    return following is None or following.kind != TEXT or following.indented


class _Joining:
    """A paragraph's text as its lines are joined, made one string at the end:
    joining each line to the whole paragraph so far cost a long paragraph the
    square of its length (issue 20). What ends_sentence looks at, the last
    characters, is kept up to date as lines come."""

    def __init__(self, block: Block):
        self.block, self.pieces = block, [block.text]
        self._last = self._last_closed = self._last_open = None
        self._follow(block.text)

    def join_wrapped(self, line: str) -> None:
        """repairs.join_wrapped(text, line): it looks only at the text's last character
        when the text has no trailing space (a line never has, so the rare other case
        joins the whole text)."""
        last = self.pieces[-1]
        if last and not last[-1].isspace():
            self._append(join_wrapped(last, line)[len(last):])
        else:
            self.pieces = [join_wrapped("".join(self.pieces), line)]
            self._last = self._last_closed = self._last_open = None
            self._follow(self.pieces[0])

    def append(self, line: str) -> None:
        self._append(line)

    def _append(self, piece: str) -> None:
        self.pieces.append(piece)
        self._follow(piece)

    def _follow(self, piece: str) -> None:
        """_last: text.rstrip()[-1]; _last_open: text.rstrip().rstrip(CLOSERS)[-1];
        _last_closed: text.rstrip(CLOSERS)[-1] (where the second goes on when a piece
        is only closing marks); None where the stripped text is empty."""
        solid = piece.rstrip()
        if solid:
            opened = solid.rstrip(CLOSERS)
            self._last, self._last_open = solid[-1], opened[-1] if opened else self._last_closed
        unclosed = piece.rstrip(CLOSERS)
        if unclosed:
            self._last_closed = unclosed[-1]

    def ends_sentence(self) -> bool:
        """layout.ends_sentence(text)."""
        return self._last_open is not None and (self._last_open in TERMINAL or self._last == "：")

    def done(self) -> None:
        self.block.text = "".join(self.pieces)
        self.pieces = [self.block.text]


def _unwrap_columns(lines: list[Block], width: float) -> list[Block]:
    """Narrow columns: a line ends its paragraph only if it ends a sentence
    and stops short of the column width (or the next line is indented or not
    text). A full line ending in 。 is a wrap that happened to fall there."""
    out: list[Block] = []
    joining: list[_Joining] = []  # each text block of out that lines were joined to
    current: _Joining | None = None
    for index, line in enumerate(lines):
        if line.kind != TEXT:
            current = None
            out.append(line)
            continue
        if current is None and out and out[-1].kind == TEXT and not line.text.strip(CLOSERS + TERMINAL):
            joining[-1].append(line.text)  # a wrap left a paragraph's closing ” alone on a line
            out[-1].raw.extend(line.raw)
            continue
        if current is not None and (_stands_alone(line, current, lines[index + 1] if index + 1 < len(lines) else None)
                                    or opens_report(line.text)):
            current = None  # a headline above a lead that opens with its dateline (新华社北京7月3日电…)
        if current is None or line.indented:
            current = _Joining(Block(TEXT, line.text, line.line, line.indented, raw=list(line.raw)))
            joining.append(current)
            out.append(current.block)
        else:
            current.join_wrapped(line.text)
            current.block.raw.extend(line.raw)
        short = display_width(line.text) < width - 0.75
        if ends_sentence(line.text) and short:
            current = None
    for paragraph in joining:
        paragraph.done()
    return out
