"""Where articles begin and end, decided per headline: pages as block sequences
(one line a block) -> the articles they hold, with the cases that must be left
alone (a pull-quote, sub-headings, a short line that is no headline, a deck)."""

import pytest

from zhcorpus.reading.columns import Reference, link_continuations, reading_chains
from zhcorpus.reading.layout import page_blocks
from zhcorpus.reading.placement import (ABOVE, BELOW, CLOSE, CLOSED, HEADER, IN_BODY, IN_HEADER, NONE, OPEN, SECTION,
                                Around, place)
from zhcorpus.reading.segment import assemble


def drafts_of(lines: list[str]):
    text = "\n\n".join(lines) + "\n"
    blocks = page_blocks(text)
    links = link_continuations(blocks, Reference(text))
    return assemble(blocks, reading_chains(blocks, links), links)


def outline(lines: list[str]) -> list[tuple[str, str]]:
    """(title, first words of the body) per article."""
    return [(d.title, next((t for _, t, _ in d.body), "")[:7]) for d in drafts_of(lines)]


A1 = "当地时间周二上午，两国代表在首都签署了一份新的农业合作协议，涉及小麦和棉花贸易。"
A2 = "按照协议，双方将在未来三年内扩大农产品检疫互认范围，并建立联合实验室。"
A3 = "有分析人士认为，这份协议将让边境口岸的通关时间缩短一半以上。"
B1 = "一列满载光伏组件的货运班列日前从西部陆港出发，预计十二天后抵达目的地。"
B2 = "物流企业负责人介绍，回程班列将运回棉纱和葵花籽，空箱率明显下降。"
B3 = "铁路部门表示，今年还将增开六条国际货运线路，覆盖更多内陆城市。"

PAGES = {
    "headlines above, each lead opening with its dateline": (
        ["两国签署农业合作协议", "新华社北京6月3日电 " + A1, A2, A3,
         "西部陆港班列开行量创新高", "新华社西安6月3日电（记者 张三）" + B1, B2, B3],
        [("两国签署农业合作协议", "当地时间周二上"), ("西部陆港班列开行量创新高", "（记者 张三）")]),
    "headlines above, a second headline followed only by its text (a photo item)": (
        ["两国签署农业合作协议", "本报北京6月3日电（记者 李四）" + A1, A2, A3,
         "麦收时节 农机忙碌", "日前，南方一处麦田里，联合收割机正在抢收小麦，今年夏粮长势良好。"],
        [("两国签署农业合作协议", "本报北京6月3"), ("麦收时节 农机忙碌", "日前，南方一处")]),
    "a headline with a comma under a breadcrumb and a time line": (
        ["首页 > 国际 > 正文", "两国签署农业合作协议，三年内扩大检疫互认", "2025-06-03 10:20  来源：某某网",
         A1, A2, "【责任编辑：王五】"],
        [("两国签署农业合作协议，三年内扩大检疫互认", "当地时间周二上")]),
    "headlines below their bodies": (
        [" 新华社北京6月3日电 " + A1, A2, A3, "两国签署农业合作协议",
         " 新华社西安6月3日电 " + B1, B2, B3, "西部陆港班列开行量创新高"],
        [("两国签署农业合作协议", "当地时间周二上"), ("西部陆港班列开行量创新高", "一列满载光伏组")]),
    "a headline below: body, dateline, headline, byline": (
        [A1, A2, A3, "新华社北京6月3日电", "两国签署农业合作协议", "新华社记者 赵六"],
        [("两国签署农业合作协议", "当地时间周二上")]),
    "mixed: a headline above, then one below with the reporter in brackets": (
        ["2025年6月4日 星期三                         国际", "国际经济", "两国签署农业合作协议", "本报记者 钱七",
         A1, A2, A3, B1, B2, B3, "西部陆港货运班列开行量创新高", "（本报记者 钱七）"],
        [("两国签署农业合作协议", "当地时间周二上"), ("西部陆港货运班列开行量创新高", "一列满载光伏组")]),
    "articles closed by bracketed datelines, a kicker above the first headline": (
        ["记者手记", "边境口岸的一天", "新华社记者 孙八", A1, A2, "（新华社乌鲁木齐6月2日电）",
         "西部陆港班列开行量创新高", "新华社记者 周九", B1, B2, "（新华社西安6月2日电）"],
        [("边境口岸的一天", "当地时间周二上"), ("西部陆港班列开行量创新高", "一列满载光伏组")]),
    "a dateline after the last sub-heading of a feature opens the next article": (
        ["草原上的新学堂", "本报记者 林一帆", A1, A2, "从帐篷到教室", A3, B2, "从课本到网络", B3, A2,
         "西部陆港班列开行量创新高", "新华社西安6月3日电（记者 张三）" + B1, B2],
        [("草原上的新学堂", "当地时间周二上"), ("西部陆港班列开行量创新高", "（记者 张三）")]),
    "a page that opens with the end of an article continued from elsewhere": (
        ["2025年7月4日 星期五                    国际                 5", A2, A3,
         "西部陆港班列开行量创新高", "新华社西安6月3日电（记者 张三）" + B1, B2,
         "两国签署农业合作协议", "本报记者 钱七", A1, B3],
        [("", "按照协议，双方"), ("西部陆港班列开行量创新高", "（记者 张三）"), ("两国签署农业合作协议", "当地时间周二上")]),
    "headlines below bodies that have no datelines": (
        [" " + A1, A2, A3, "两国签署农业合作协议", " " + B1, B2, "西部陆港班列开行量创新高"],
        [("两国签署农业合作协议", "当地时间周二上"), ("西部陆港班列开行量创新高", "一列满载光伏组")]),
    "a shoulder, the headline and its deck": (
        ["聚焦边境口岸新变化", "两国签署农业合作协议", "——三年内扩大检疫互认范围", "本报记者 钱七", A1, A2, A3, B3],
        [("两国签署农业合作协议", "当地时间周二上")]),
    "a headline that is a question under a label": (
        ["专家解读：跨境铁路为何加速推进？", "本报记者 王芳", A1, "为何加速推进？", A2, "面临哪些挑战？", A3, B3],
        [("专家解读：跨境铁路为何加速推进？", "当地时间周二上")]),
    "a short page of briefs is not a narrow column to unwrap": (
        ["两国签署农业合作协议", "新华社北京6月3日电 " + A1, "西部陆港班列开行量创新高", "新华社西安6月3日电 " + B1,
         "边境口岸迎来通关高峰", "新华社乌鲁木齐6月3日电 " + A3],
        [("两国签署农业合作协议", "当地时间周二上"), ("西部陆港班列开行量创新高", "一列满载光伏组"),
         ("边境口岸迎来通关高峰", "有分析人士认为")]),
    "a web page's unknown links and labels after the article are not articles": (
        ["首页 > 财经 > 正文", "两国签署农业合作协议", "2025-06-03 10:20  来源：某某网  作者：陈晓", A1, A2, A3,
         "责任编辑：李明", "热门推荐", "西部陆港班列开行量创新高", "边境口岸迎来通关高峰", "网友留言"],
        [("两国签署农业合作协议", "当地时间周二上")]),
    "a photo caption between the headline and the byline": (
        ["两国签署农业合作协议", "图为签字仪式现场。本报记者 钱七摄", "本报记者 钱七", A1, A2, A3, B3],
        [("两国签署农业合作协议", "图为签字仪式现")]),
    # left alone
    "a pull-quote inside one article": (
        ["两国签署农业合作协议", "新华社北京6月3日电 " + A1, "“协议将让通关时间缩短一半”", A2, A3],
        [("两国签署农业合作协议", "当地时间周二上")]),
    "sub-headings alike inside one article": (
        ["两国签署农业合作协议", "新华社北京6月3日电 " + A1, "检疫互认 范围更大", A2, B2, "通关提速 口岸更忙", A3, B3],
        [("两国签署农业合作协议", "当地时间周二上")]),
    "a numbered sub-heading": (
        ["两国签署农业合作协议", "新华社北京6月3日电 " + A1, "二、检疫互认范围扩大", A2, A3],
        [("两国签署农业合作协议", "当地时间周二上")]),
    "a short line with no sentence end, then a paragraph that carries on": (
        ["两国签署农业合作协议", "新华社北京6月3日电 " + A1, "双方代表均出席签字仪式", "他们表示，" + A2, A3],
        [("两国签署农业合作协议", "当地时间周二上")]),
    "a deck and a kicker are not headlines": (
        ["专题报道", "两国签署农业合作协议", "——记边境口岸的新变化", "本报记者 钱七", A1, A2, A3, B2, B3],
        [("两国签署农业合作协议", "当地时间周二上")]),
    "a second headline line is the deck of the first": (
        ["两国签署农业合作协议", "三年内扩大检疫互认范围", "【本报北京6月3日电】" + A1, A2, A3],
        [("两国签署农业合作协议", "【本报北京6月")]),
    "questions and answers of an interview are text": (
        ["专访：边境口岸的新变化", "本报记者 钱七", A1, "问：口岸今年有哪些新变化？", "答：" + A2,
         "记者：通关时间缩短了多少？", "答：" + A3],
        [("专访：边境口岸的新变化", "当地时间周二上")]),
    "related links and widgets are not articles": (
        ["两国签署农业合作协议", "2025-06-03 10:20  来源：某某网", "分享到：", A1, A2, "（责编：王五）",
         "相关新闻", "西部陆港班列开行量创新高", "边境口岸迎来通关高峰", "版权声明：本网所有作品未经授权不得转载。"],
        [("两国签署农业合作协议", "当地时间周二上")]),
}


@pytest.mark.parametrize("name", PAGES)
def test_page_structure(name):
    lines, expected = PAGES[name]
    assert outline(lines) == expected


def test_a_narrow_column_headline_above_a_lead_set_flush_stands_alone():
    """Hard-wrapped at 14 characters, no blank line, the lead not indented: the lead's
    dateline starts its paragraph, so the headline above it is a line of its own."""
    def wrapped(text):
        return [text[i:i + 14] for i in range(0, len(text), 14)]
    text = "\n".join(["两国签署农业合作协议", *wrapped("新华社北京6月3日电 " + A1 + A2),
                      "西部陆港班列开行量创新高", *wrapped("新华社西安6月3日电 " + B1 + B2)]) + "\n"
    blocks = page_blocks(text)
    links = link_continuations(blocks, Reference(text))
    drafts = assemble(blocks, reading_chains(blocks, links), links)
    assert [(d.title, d.dateline) for d in drafts] == [
        ("两国签署农业合作协议", "新华社北京6月3日电"), ("西部陆港班列开行量创新高", "新华社西安6月3日电")]


def test_sub_headings_and_pull_quotes_stay_in_their_article():
    (draft,) = drafts_of(PAGES["sub-headings alike inside one article"][0])
    assert [text for role, text, _ in draft.body if role == "h"] == ["检疫互认 范围更大", "通关提速 口岸更忙"]
    (draft,) = drafts_of(PAGES["a deck and a kicker are not headlines"][0])
    assert (draft.kicker, draft.subtitle) == ("专题报道", "——记边境口岸的新变化")


def test_furniture_is_dropped_with_its_reason():
    (draft,) = drafts_of(PAGES["related links and widgets are not articles"][0])
    assert [why for _, why in draft.dropped] == [
        "page furniture: web time and source line", "page furniture: share, print or font-size widget",
        "page furniture: editor line", "page furniture: related-links label", "page furniture: related link",
        "page furniture: related link", "page furniture: copyright notice"]
    assert not any("相关新闻" in text or "分享" in text for _, text, _ in draft.body)


def test_a_shoulder_above_the_headline_is_its_kicker():
    (draft,) = drafts_of(PAGES["a shoulder, the headline and its deck"][0])
    assert (draft.kicker, draft.title, draft.subtitle) == (
        "聚焦边境口岸新变化", "两国签署农业合作协议", "——三年内扩大检疫互认范围")


def test_an_editor_line_run_into_the_last_paragraph_is_dropped():
    (draft,) = drafts_of(["两国签署农业合作协议", "（中央社記者林怡君台北3日電）" + A1, B3, A2 + "（編輯：陳政宏）1140603"])
    assert draft.body[-1][1] == A2
    assert ("（編輯：陳政宏）1140603", "page furniture: editor line") in draft.dropped


def test_a_bracketed_credit_goes_with_the_headline_above_it():
    drafts = drafts_of(PAGES["mixed: a headline above, then one below with the reporter in brackets"][0])
    assert [d.bylines for d in drafts] == [["本报记者 钱七"], ["（本报记者 钱七）"]]
    assert drafts[0].dropped[0][1] == "page furniture: page header or footer"


@pytest.mark.parametrize("around, action", [
    (Around(NONE), OPEN),
    (Around(IN_HEADER, titled=True), HEADER),
    # after an article a dateline or byline closed
    (Around(CLOSED, titled=True, closed_by="byline"), OPEN),
    (Around(CLOSED, titled=False, closed_by="dateline", ends=True), CLOSE),
    (Around(CLOSED, titled=False, closed_by="byline", heads_next=True), OPEN),
    # inside an article's text
    (Around(IN_BODY, titled=True, heads_next=True), OPEN),
    (Around(IN_BODY, titled=True, lead_next=True), OPEN),
    (Around(IN_BODY, titled=True), OPEN),
    (Around(IN_BODY, titled=True, part_of=True), SECTION),
    (Around(IN_BODY, titled=True, ends=True), CLOSE),
    (Around(IN_BODY, titled=False), CLOSE),
    (Around(IN_BODY, titled=False, part_of=True), SECTION),
    # the one tie the page's convention breaks: an article without a headline, then a lead
    (Around(IN_BODY, titled=False, lead_next=True, prior=ABOVE), OPEN),
    (Around(IN_BODY, titled=False, lead_next=True, prior=BELOW), CLOSE),
])
def test_place(around, action):
    assert place(around) == action


@pytest.mark.parametrize("lines", [
    # a web page: headline, date, standfirst, the writer, then the text (德国之声)
    ["中国与中亚关系的新阶段", "日期 2025年6月18日", "六国在阿斯塔纳签署条约。学者如何看待？", "作者：冯嘉琳（柏林）",
     "研究员霍夫曼对本台表示，中国的角色已经改变。", "霍夫曼认为，各国态度并不一致。"],
    # the writer's line in the middle of the text (哈通社)
    ["托卡耶夫：两国关系处于最好水平", "2025年6月16日 18:40", "哈萨克斯坦总统16日会见中国国家主席。",
     "双方讨论了农业等领域的合作。", "作者：阿谢莉·努尔兰", "外交部发言人在随后的发布会上指出，双方签署了三十多份文件。"],
])
def test_text_after_a_byline_stays_in_the_article_under_a_headline_above(lines):
    assert len(drafts_of(lines)) == 1


@pytest.mark.parametrize("shoulder", ["专访中国驻哈萨克斯坦大使", "記者手記·阿斯塔納的早晨"])
def test_a_shoulder_naming_the_genre_is_the_kicker_however_long(shoulder):
    lines = ["大公报　2025年6月19日　星期四　A12　中国新闻", shoulder, "“中亚是共建‘一带一路’的首倡之地”",
             "本报讯 第二届中国—中亚峰会闭幕后，中国驻哈萨克斯坦大使接受本报专访，谈及峰会成果与两国合作的前景。",
             "问：这次峰会最值得关注的成果是什么？大使认为哪一项最能体现六国合作的新变化？",
             "答：最重要的是六国把合作的框架固定了下来，秘书处和部长级会晤都有了清晰的时间表。"]
    (draft,) = assemble_page("\n".join(lines) + "\n")
    assert (draft.kicker, draft.title) == (shoulder, lines[2])


def assemble_page(text: str):
    blocks = page_blocks(text)
    links = link_continuations(blocks, Reference(text))
    return assemble(blocks, reading_chains(blocks, links), links)
