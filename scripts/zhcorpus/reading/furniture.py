"""Page furniture: the lines of a print or web page that belong to no article.

A print page has a header (date, weekday, paper, page number, section) and a
footer (the page's editors); a web page has breadcrumbs, a line of time and
source, share and font-size widgets, editor lines, related links, app and
QR-code notices and a copyright notice. None of it is article text, and read
as text it becomes headlines and first paragraphs. Each line is recognised by
its own form, the forms Chinese-language outlets print in common, and named
with the reason it is dropped: the ledger records it, so no character of the
page is lost unseen.

Pure text functions: ``layout`` makes the blocks.
"""

from __future__ import annotations

import re

PAGE_HEADER = "page header or footer"
BREADCRUMB = "web breadcrumb"
PUBLICATION = "web time and source line"
EDITORS = "editor line"
WIDGET = "share, print or font-size widget"
APP_NOTICE = "app or QR-code notice"
COPYRIGHT = "copyright notice"
RELATED_LABEL = "related-links label"
RELATED_LINK = "related link"
MASTHEAD = "masthead: the name of the paper or site"

_SPACES = re.compile(r"\s+")
# What every remaining kind of furniture line holds: a space, a colon, a bracket, a
# separator or an ASCII character (a date's digits, a page's letter). A line of a
# narrow column holds none of them, most of the time.
_MARKED = re.compile(r"[\s\x21-\x7e【】（）：／丨｜＞›»·０-９]")
_BYLINE_WORD = re.compile("记者|記者|作者|撰文|编译|編譯|翻译|翻譯|通讯员|通訊員")
# Sentence punctuation: furniture is labels and fields, never sentences.
_SENTENCE = re.compile("[。！？；，]")

_NUMBER = r"(?:\d{1,4}|[０-９]{1,4}|[〇零一二三四五六七八九十]{1,4})"
_DATE = re.compile(rf"{_NUMBER}\s*年\s*{_NUMBER}\s*月\s*{_NUMBER}\s*日")
_WEEKDAY = re.compile("(?:星期|週|礼拜|禮拜)[一二三四五六日天]")
_WIDE_FIELDS = re.compile(r"\S\s{3,}\S.*?\S\s{3,}\S")  # fields set across the page
_PAGE_NUMBER = re.compile(r"第\s*\d{1,3}\s*版|(?:^|\s)[A-Z]?\d{1,2}\s*版(?:\s|$)|^[A-Z]\d{1,2}\s{2,}\S|\s{2,}[A-Z]\d{1,2}(?:\s|$)")

_CRUMB_SEPARATOR = re.compile(r"\s*(?:>>|>|＞|›|»)\s*|\s+[|/／]\s+")
_CRUMB_LABEL = re.compile(r"[^\s：:“”「」\"《》]{1,12}(?:\s+[^\s：:“”「」\"《》]{1,12})?")

_ISO_TIME = r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
_PRINTED_DATE = re.compile(
    rf"^(?:\d{{4}}\s*[-/.]\s*\d{{1,2}}\s*[-/.]\s*\d{{1,2}}|{_DATE.pattern}){_ISO_TIME}"
    r"(?=\s|\||$|来源|來源|责任编辑|責任編輯|编辑|編輯)")  # 2025-06-17责任编辑：…, the fields run together
_FIELD_LABEL = re.compile(r"^(?:来源|來源|发布时间|發佈時間|发布|發布|發佈|更新时间|更新時間|更新|出版|时间|時間)\s*[：:/／]")
# 日期 2025年6月18日: the label a web page prints before its date, set apart by a space.
_DATE_LABEL = re.compile(r"^(?:日期|時間|时间|发布时间|發佈時間|更新时间|更新時間)\s+")
# 南方都市报　6月20日　10:45: a newsroom's name, the month and day, the time: a web page's time line.
_YEARLESS_TIME_LINE = re.compile(
    r"^[\u4e00-\u9fff]{2,12}?(?:报|報|网|網|社|台|新闻|新聞|客户端|客戶端)\s+\d{1,2}月\d{1,2}日\s+\d{1,2}:\d{2}\s*$")
_WEB_ADDRESS = re.compile(r"^(?:https?://|www\.)\S+")

_STAFF = ("责任编辑|責任編輯|本版责编|本版責編|责编|責編|编辑|編輯|校对|校對|监制|監製|摄像|攝像|美编|美編|"
          "版式设计|版式設計|图片编辑|圖片編輯|视频编辑|視頻編輯|审核|審核|统筹|統籌|主编|主編|值班编辑|"
          "制作|製作|策划|策劃|剪辑|剪輯|后期|後期")
_EDITOR = re.compile(rf"(?:^|[【\[（(\s])(?:{_STAFF})\s*(?:[：:丨|｜]|\s+\S)")

_WIDGET_WORDS = ("分享让更多人看到|分享到|分享|打\\s*印|小字号|中字号|大字号|字号|字體大小|字体大小|字體|字体|"
                 "纠错|糾錯|网友评论|網友評論|我要评论|我要評論|发表评论|發表評論|收藏|关闭窗口|關閉窗口|关闭|關閉|返回顶部|返回頂部|点赞|點讚|转发|轉發|"
                 "第\\s*\\d+\\s*[页頁]|上一[页頁]|下一[页頁]|微信|微博|QQ空间|A\\+|A-|[大中小]|"
                 # the networks a share bar names, in their own spelling
                 "Facebook|Twitter|WhatsApp|Telegram|LINE|Line|Weibo|WeChat|LinkedIn|Threads|Email|E-mail|X")
_WIDGET = re.compile(rf"(?:(?:{_WIDGET_WORDS})|[\s【】\[\]：:|/·])+")
_APP = re.compile("^(?:扫码|掃碼|扫描二维码|掃描二維碼|扫描|掃描|长按|長按|下载|下載)"
                  ".{0,10}(?:二维码|二維碼|客户端|客戶端|移动版|移動版|APP|App|app|小程序|公众号|公眾號)")
_COPYRIGHT = re.compile(r"^[【\[]?(?:版权声明|版權聲明|版权所有|版權所有|免责声明|免責聲明|Copyright|©|\(c\)|（版权)", re.I)
# 欢迎订阅早报电子报，随时掌握最新动态: a subscription notice, one clause or two.
_SUBSCRIBE = re.compile("^(?:欢迎订阅|歡迎訂閱|立即订阅|立即訂閱|点击订阅|點擊訂閱|欢迎关注|歡迎關注|关注我们|關注我們)")
_RELATED = re.compile("^(?:相关新闻|相關新聞|相关阅读|相關閱讀|相关文章|相關文章|相关报道|相關報道|相關報導|"
                      "延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|更多新闻|更多新聞|更多报道|更多報道|热点推荐|熱點推薦|热门推荐|熱門推薦|"
                      "热门新闻|熱門新聞|精彩推荐|精彩推薦|往期回顾|往期回顧|猜你喜欢|猜你喜歡)[：:]?$")
_LINK_BULLET = re.compile(r"^[·・•]\s*\S")


def furniture_reason(line: str) -> str | None:
    """Why a whole line is page furniture, or None when it may be text."""
    text = line.strip()
    if not text:
        return None
    if _COPYRIGHT.match(text):
        return COPYRIGHT if len(_SPACES.sub(" ", text)) <= 90 else None
    if _SUBSCRIBE.match(text) and len(text) <= 40 and not _SPACES.sub("", text).endswith("。"):
        return APP_NOTICE
    size = len(text) if len(text) <= 60 else len(_SPACES.sub(" ", text))  # fields are padded with spaces
    if _SENTENCE.search(text) or size > 60:
        return None
    if _RELATED.match(text):
        return RELATED_LABEL
    if _WIDGET.fullmatch(text) and not _is_single_han_word(text):
        return WIDGET
    if _APP.match(text):
        return APP_NOTICE
    if not _MARKED.search(text):
        return None  # the rest are fields set apart by spaces, colons, brackets or separators
    if (editors := _EDITOR.search(text)) and (not editors.start() or _WIDGET.fullmatch(text[:editors.start()])):
        return EDITORS  # at the start, or after a widget: 【纠错】 【责任编辑：黄文静】
    if _is_page_header(text) or _is_page_header(text[masthead_prefix(text):].strip()):
        return PAGE_HEADER
    if _is_breadcrumb(text):
        return BREADCRUMB
    dated = (_is_dated_line(text) or _is_dated_line(text[masthead_prefix(text):].strip())
             or _is_dated_line(_DATE_LABEL.sub("", text)) or bool(_YEARLESS_TIME_LINE.match(text)))
    if (_FIELD_LABEL.match(text) or _WEB_ADDRESS.match(text) or dated) and not _BYLINE_WORD.search(text):
        return PUBLICATION  # one that names a reporter is a byline: left to the byline readers
    return None


# A paper's, agency's or site's name ends with what it is; around it a site prints its brand in
# Latin letters, its region in brackets and its edition (德國之聲中文網, 哈萨克国际通讯社 Kazinform,
# 乌兹别克斯坦国家通讯社（UzA）, RFI 法國國際廣播電台 - 華語).
_MEDIA_NAME = re.compile(
    "[\u4e00-\u9fff]{1,12}?(?:通讯社|通訊社|新闻社|新聞社|日报|日報|晚报|晚報|时报|時報|早报|早報|商报|商報|"
    "周刊|週刊|杂志|雜誌|新闻网|新聞網|中文网|中文網|电视台|電視台|广播电台|廣播電台|电台|電台|客户端|客戶端|"
    "报|報|网|網)")
_EDITION = re.compile("(?:中文版|中文网|中文網|华语|華語|中文|繁体版|繁體版|简体版|簡體版)$")
_BRAND = re.compile(r"[A-Za-z][A-Za-z0-9.&' ]*|[（(][^（）()]{1,14}[）)]|\s+[-–—|｜]\s+|\s+")


_MEDIA_NAME_THEN_DATE = re.compile(f"(?:{_MEDIA_NAME.pattern})\\s*(?={_PRINTED_DATE.pattern.removeprefix('^')})")


def is_masthead(text: str) -> bool:
    """A line that is only a paper's, agency's or site's name, as a page's first line
    prints it. A headline names what happened, so it never ends with a newsroom's name
    alone; still, the caller asks this of a page's opening lines only."""
    core = _BRAND.sub("", text.strip())
    return (2 <= len(core) <= 16 and not _SENTENCE.search(text)
            and any(_MEDIA_NAME.fullmatch(name) for name in (core, _EDITION.sub("", core))))


def masthead_names(text: str) -> list[str]:
    """The names a masthead line prints, for looking the outlet up: the name without its
    brand, region and edition, the name with its edition, and each brand or bracket."""
    core = _BRAND.sub("", text.strip())
    extras = [m.group(0).strip(" （）()-–—|｜") for m in _BRAND.finditer(text.strip())]
    return [name for name in dict.fromkeys([_EDITION.sub("", core), core, *extras]) if name]


def masthead_prefix(text: str) -> int:
    """Where a newsroom's name ends at the head of a furniture line (中国日报网2025-06-17…,
    联合报2025/06/19　A10版): 0 when the line does not open with one."""
    match = _MEDIA_NAME_THEN_DATE.match(text)
    return match.end() if match else 0


def is_related_label(line: str) -> bool:
    return bool(_RELATED.match(line.strip()))


def is_link_bullet(line: str) -> bool:
    """· 中亚五国林业官员来华研修: a related link as web pages list them."""
    return bool(_LINK_BULLET.match(line.strip()))


def _is_single_han_word(text: str) -> bool:
    """大, 中 or 小 alone is a word of text before it is a font-size button."""
    return len(text) == 1


def _is_page_header(text: str) -> bool:
    """2025年6月18日 星期三  A01  要闻, 光明日报 2025年6月16日 星期一 12, A14  中國:
    short fields set apart by spaces, among them the date, the weekday or the page.
    (A line of a narrow column is one run of text: 2025年6月17日（星期二）举行; a
    statement signed 外交部 2025年6月18日 is text too.)"""
    if _WIDE_FIELDS.search(text):
        return True
    fields = text.split()
    if len(fields) < 2 or any(len(field) > 14 for field in fields):
        return False
    return bool(_WEEKDAY.search(text) or _PAGE_NUMBER.search(text))  # a dated signature is text


def _is_breadcrumb(text: str) -> bool:
    """首页 > 国际新闻, 联合早报 | 中国 | 即时: short navigation labels between separators."""
    parts = _CRUMB_SEPARATOR.split(text)
    return len(parts) >= 2 and all(_CRUMB_LABEL.fullmatch(part) for part in parts if part) and bool(parts[-1])


def _is_dated_line(text: str) -> bool:
    """2025-06-17 21:34:07 来源：央视网, 2025/6/16 18:05: a date, a time, a few words of source."""
    match = _PRINTED_DATE.match(text)
    return bool(match) and len(_SPACES.sub(" ", text[match.end():])) <= 30
