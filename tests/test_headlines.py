"""The evidence a line gives about where articles begin and end, as case tables."""

import pytest

from zhcorpus.reading.headlines import (carries_on, echo, is_credit_line, is_exchange_line, is_numbered_head,
                                is_quoted_whole, opens_report)


@pytest.mark.parametrize("text, opens", [
    ("新华社阿斯塔纳6月17日电（记者 吴振宁）当地时间17日下午", True),
    ("新华社阿斯塔纳6月17日电当地时间17日下午", True),
    ("中評社北京6月19日電／據外交部網站消息", True),
    ("大公网6月18日讯 综合报道：第二届峰会", True),
    ("新京报讯（记者 吕佳琪）峰会临近", True),
    ("香港文匯報訊 據新華社報道", True),
    ("央视网消息（新闻联播）：当地时间", True),
    ("（中央社記者林怡君台北16日電）第2屆", True),
    ("【本報消息】澳門大學昨日起舉辦", True),
    ("〔編譯蘇子晴／綜合報導〕中國與中亞", True),
    ("（北京讯）中国国家主席", True),
    ("塔什干，2025年6月18日（UzA）", True),
    # left alone
    ("据新华社报道，6月16日至18日", False),
    ("国家电网6月17日电力供应平稳。", False),
    ("当地时间6月17日，第二届峰会举行。", False),
    ("（资料图片）", False),
])
def test_opens_report(text, opens):
    assert opens_report(text) is opens


@pytest.mark.parametrize("text, credit", [
    ("作者：许嘉宁", True),
    ("文/沈嘉仪", True),
    ("本报驻京特派员 韩立诚", True),
    ("聯合報／ 本報記者韓立宇", True),
    ("（本报记者 宁远航）", True),
    ("记者丨王若曦 陈思远", True),
    ("作者：林若溪 来源：中国青年报客户端 2025年06月13日", True),
    # headlines and labels with a role word in them
    ("记者手记", False),
    ("中亚五国记者团走进义乌", False),
    ("新华社记者在现场看到，这里很热闹。", False),
    ("麦收时节 农机忙", False),
])
def test_is_credit_line(text, credit):
    assert is_credit_line(text) is credit


@pytest.mark.parametrize("text, turn", [
    ("问：此次峰会将有哪些主要活动？", True),
    ("记者：您第一次来中国是什么时候？", True),
    ("— 您如何评价近年来两国的合作？", True),
    ("专家解读：跨境铁路为何加速推进？", False),
    ("——走进哈萨克斯坦鲁班工坊", False),   # a deck
    ("专家：中国—中亚峰会为过境运输带来新机遇", False),
])
def test_is_exchange_line(text, turn):
    assert is_exchange_line(text) is turn


@pytest.mark.parametrize("text, numbered, quoted", [
    ("三、相知相亲，坚持永久睦邻友好", True, False),
    ("（二）交通走廊", True, False),
    ("2. 绿色矿产", True, False),
    ("“中亚国家同中国合作的强大动力”", False, True),
    ("「文物是無聲的外交官」", False, True),
    ("“中国—中亚精神”走红中亚社交媒体", False, False),
    ("2025年的新变化", False, False),
])
def test_sub_heading_shapes(text, numbered, quoted):
    assert (is_numbered_head(text), is_quoted_whole(text)) == (numbered, quoted)


@pytest.mark.parametrize("text, continues", [
    ("他表示，这次合作只是开始。", True),
    ("此外，双方还签署了协议。", True),
    ("这所学校三年前开设中文课。", True),
    ("“我们愿把两国关系推向新高度。”", False),
    ("日前，河南省一处麦田里，收割机正在抢收小麦。", False),
])
def test_carries_on(text, continues):
    assert carries_on(text) is continues


def test_a_lead_echoes_its_headline():
    headline = "中国企业承建的乌兹别克斯坦光伏电站全容量并网"
    lead = "乌兹别克斯坦纳沃伊州的一座光伏电站日前实现全容量并网，年发电量可满足数万户家庭用电。"
    other = "据介绍，中亚国家正在修订矿业法规，鼓励外资企业参与勘探。"
    assert echo(headline, lead)[0] >= 10 and echo(headline, lead)[1] > 0.5
    assert echo(headline, other)[0] <= 1  # 企业: a word, not a restated headline
