"""Line classification and column unwrapping, as case tables."""

import pytest

from zhcorpus.reading import layout
from zhcorpus.reading.headlines import opens_report
from zhcorpus.reading.layout import FURNITURE, TEXT, classify_line, ends_sentence, page_blocks


@pytest.mark.parametrize("line, kind", [
    ("新华社北京6月15日电", layout.DATELINE),
    ("(新华社阿斯塔纳6月17日电)", layout.DATELINE),
    ("(2025年6月17日,阿斯塔纳)", layout.DATEPLACE),
    ("■ 新华社记者 韩梁 赵嫣", layout.BYLINE),
    ("新华社记者 徐昱 摄", layout.BYLINE),
    ("●香港文匯報記者 馬靜 北京報道", layout.BYLINE),
    ("中华人民共和国主席 习近平", layout.BYLINE),
    ("●中新社", layout.CREDIT),
    ("●當地時間6月18日上午，國家主席習近平結束出席第二屆中國—中亞峰會返回北京。新華社", layout.CAPTION),
    ("掃碼閱讀全文", layout.QR),
    ("# 王毅談習主席中亞行", layout.HEADING),
    ("### 專家解讀", layout.HEADING),
    ("**習主席 中亞行**", layout.KICKER),
    ("▶**路透社**：中國與中亞國家承諾進一步提升公路。", layout.ITEM),
    # left alone as text
    ("记者手记", layout.TEXT),
    ("蔡奇、王毅等参加上述活动。", layout.TEXT),
    ("新华社记者在现场看到，这里很热闹。", layout.TEXT),
    ("#不是标题", layout.TEXT),
    ("他说新华社北京6月15日电是个电头。", layout.TEXT),
])
def test_classify_line(line, kind):
    assert classify_line(line, 1, False)[0].kind == kind


def test_continued_mark_splits_from_its_text():
    blocks = classify_line("（上接第1版）各方一致反对，关税战没有赢家。", 7, False)
    assert [(b.kind, b.text) for b in blocks] == [
        (layout.CONTINUED, "（上接第1版）"), (layout.TEXT, "各方一致反对，关税战没有赢家。")]


def test_roundup_item_keeps_outlet_with_deng():
    block = classify_line("▶**法新社、彭博社**等：此次峰會讓關係得到鞏固。", 1, False)[0]
    assert (block.lead, block.text) == ("法新社、彭博社等", "此次峰會讓關係得到鞏固。")


@pytest.mark.parametrize("text, ends", [
    ("符合人民期盼。”", True),
    ("共同繁荣！", True),
    ("各位同事，朋友们：", True),
    ("像走亲戚一样常来常往……", True),
    ("展现大国领袖的", False),
    ("仲夏时节，", False),
    ("“中亚国家同中国合作的强大动力”", False),
])
def test_ends_sentence(text, ends):
    assert ends_sentence(text) is ends


COLUMN_PAGE = """ 应哈萨克斯坦共和国总统托卡
耶夫邀请，国家主席习近平将于 6月
16日至 18日赴哈萨克斯坦阿斯塔纳

出席第二届中国—中亚峰会。

千年丝路，串起文明交融璀璨

星河；百年变局，呼唤命运与共时代
强音。从古丝绸之路友好交往合作
的悠久历史中走来，中国同中亚国家
关系有着深厚的历史渊源、广泛的现
实需求、坚实的民意基础，在新时代
焕发出勃勃生机和旺盛活力。两年
前，首届中国—中亚峰会在中国西安
成功举行，开启中国—中亚关系新时
代。如今，第二届中国—中亚峰会如
约而至，必将擘画中国—中亚关系发
展新蓝图。

新华社北京6月15日电

携手构建更加紧密的
中国—中亚命运共同体

新华社记者 董越
"""


def test_narrow_columns_are_unwrapped_into_paragraphs():
    blocks = page_blocks(COLUMN_PAGE)
    assert [(b.kind, b.text[:8]) for b in blocks] == [
        (layout.TEXT, "应哈萨克斯坦共和"),
        (layout.TEXT, "千年丝路，串起文"),
        (layout.DATELINE, "新华社北京6月1"),
        (layout.TEXT, "携手构建更加紧密"),
        (layout.BYLINE, "新华社记者 董越"),
    ]
    assert blocks[0].text == "应哈萨克斯坦共和国总统托卡耶夫邀请，国家主席习近平将于6月16日至18日赴哈萨克斯坦阿斯塔纳出席第二届中国—中亚峰会。"
    assert blocks[3].text == "携手构建更加紧密的中国—中亚命运共同体"


def test_a_full_line_ending_in_a_full_stop_is_a_wrap_not_a_paragraph_end():
    # 约而至，必将… ends 。 at full width in the middle of the column: one paragraph.
    text = page_blocks(COLUMN_PAGE)[1].text
    assert "时代。如今，第二届" in text and text.endswith("展新蓝图。")


# Issue 20: _unwrap_columns joined each line to the whole paragraph so far, and
# join_wrapped searched all of it: a long paragraph cost its length squared. The
# code before is kept here as the spec.

def _stands_alone_as_first_written(line, current, following):
    if not ends_sentence(current.text) or ends_sentence(line.text) and line.text[-1] not in "？！":
        return False
    return following is None or following.kind != layout.TEXT or following.indented


def _unwrap_columns_as_first_written(lines, width):
    from zhcorpus.reading.layout import CLOSERS, TERMINAL, TEXT, Block, display_width
    from zhcorpus.reading.repairs import join_wrapped

    out, current = [], None
    for index, line in enumerate(lines):
        if line.kind != TEXT:
            current = None
            out.append(line)
            continue
        if current is None and out and out[-1].kind == TEXT and not line.text.strip(CLOSERS + TERMINAL):
            out[-1].text += line.text
            out[-1].raw.extend(line.raw)
            continue
        following = lines[index + 1] if index + 1 < len(lines) else None
        if current is not None and (_stands_alone_as_first_written(line, current, following)
                                    or opens_report(line.text)):  # (issue 15: a lead's dateline starts it)
            current = None
        if current is None or line.indented:
            current = Block(TEXT, line.text, line.line, line.indented, raw=list(line.raw))
            out.append(current)
        else:
            current.text = join_wrapped(current.text, line.text)
            current.raw.extend(line.raw)
        if ends_sentence(line.text) and display_width(line.text) < width - 0.75:
            current = None
    return out


def _shown(blocks):
    return [(b.kind, b.text, b.line, b.indented, b.raw) for b in blocks]


def test_unwrapping_agrees_with_its_spec_on_random_columns():
    import random

    from zhcorpus.reading.layout import Block

    pieces = ["合作之路越走越宽", "广。", "“我们充满信心。”", "”", "」。", "2025", "年6月", "abc", "de 12", "。",
              "？", "！", "：", "——", "“", "中国—中亚峰会", "…", " ", "字", "”。 ", "a ", "新华社北京6月18日电"]
    rng = random.Random(20)
    for _ in range(2000):
        lines = []
        for number in range(1, rng.randint(1, 30)):
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
            kind = layout.DATELINE if rng.random() < 0.05 else layout.TEXT
            lines.append(Block(kind, text, number, rng.random() < 0.2, raw=[text]))
        width = rng.choice([8, 12, 15])
        copy = [Block(b.kind, b.text, b.line, b.indented, raw=list(b.raw)) for b in lines]
        assert _shown(layout._unwrap_columns(lines, width)) == _shown(
            _unwrap_columns_as_first_written(copy, width)), [b.text for b in lines]


def test_a_long_hard_wrapped_paragraph_is_joined_as_before():
    text = "习近平主席同中亚五国元首共同擘画中国中亚合作新蓝图奏响千年丝路的新时代乐章" * 200
    lines = "\n".join(text[i:i + 15] for i in range(0, len(text), 15))
    assert [b.text for b in page_blocks(lines)] == [text]


@pytest.mark.parametrize("page, dropped", [
    ("央视新闻客户端\n王毅：合作正迎来新阶段\n2025-06-18 22:47:15　来源：央视新闻\n正文第一段。", "央视新闻客户端"),
    ("德國之聲中文網\n中國與中亞關係的新階段\n日期 2025年6月18日\n正文。", "德國之聲中文網"),
])
def test_a_page_s_masthead_is_furniture(page, dropped):
    blocks = page_blocks(page)
    assert [(b.kind, b.text) for b in blocks if b.kind == FURNITURE][0] == (FURNITURE, dropped)
    assert blocks[1].kind == TEXT and blocks[1].text != dropped


def test_a_newsroom_name_further_down_is_not_a_masthead():
    page = "峰会闭幕\n正文第一段。\n新华网\n正文第二段。"
    assert all(b.kind != FURNITURE for b in page_blocks(page))
