"""Page furniture by its own form, as a case table: what is dropped (and why), and
lines that look alike and must be left alone as text."""

import pytest

from zhcorpus.reading import furniture
from zhcorpus.reading.furniture import furniture_reason


@pytest.mark.parametrize("line, why", [
    # print page headers and footers
    ("2025年6月18日 星期三                                   A01  要闻", furniture.PAGE_HEADER),
    ("光明日报 2025年6月16日 星期一                                     12", furniture.PAGE_HEADER),
    ("2025年6月18日（星期三）                香港文匯報                A5", furniture.PAGE_HEADER),
    ("２０２５年６月１７日  星期二                星島日報", furniture.PAGE_HEADER),
    ("澳門日報                    二〇二五年六月十八日  星期三", furniture.PAGE_HEADER),
    ("A14  中國                                         明報", furniture.PAGE_HEADER),
    ("人民日报 2025年6月17日 第3版", furniture.PAGE_HEADER),
    # web pages
    ("新闻频道 > 时政 > 正文", furniture.BREADCRUMB),
    ("人民网 >> 国际 >> 国际要闻", furniture.BREADCRUMB),
    ("自由時報  首頁 > 國際", furniture.BREADCRUMB),
    ("联合早报 | 中国 | 即时", furniture.BREADCRUMB),
    ("2025-06-17 21:34:07 来源：央视网", furniture.PUBLICATION),
    ("2025年06月16日08:25 | 来源：人民网－国际频道", furniture.PUBLICATION),
    ("2025/6/16 18:05", furniture.PUBLICATION),
    ("来源：环球网  2025-06-19 07:05", furniture.PUBLICATION),
    ("发布/2023年5月19日 18:40", furniture.PUBLICATION),
    ("出版：2025-06-17 15:22", furniture.PUBLICATION),
    ("http://www.CRNTT.com   2025-06-19 10:11:35", furniture.PUBLICATION),
    ("【责任编辑：陈晓雯  编辑：马一鸣】", furniture.EDITORS),
    ("（责编：王晓、李可）", furniture.EDITORS),
    ("本版责编：徐 蕾   版式设计：沈亦伶", furniture.EDITORS),
    ("编辑 张倩 校对 柳宝庆", furniture.EDITORS),
    ("监制丨张一凡", furniture.EDITORS),
    ("【纠错】 【责任编辑：黄文静】", furniture.EDITORS),
    ("分享到：", furniture.WIDGET),
    ("【字号 大 中 小】 打印", furniture.WIDGET),
    ("】 【打 印】", furniture.WIDGET),
    ("【 第1頁 第2頁 】", furniture.WIDGET),
    ("分享让更多人看到", furniture.WIDGET),
    ("扫码下载中国日报客户端", furniture.APP_NOTICE),
    ("长按识别二维码关注公众号", furniture.APP_NOTICE),
    ("版权声明：本网注明“来源：中国青年报客户端”的所有作品，未经授权不得转载。", furniture.COPYRIGHT),
    ("相关新闻", furniture.RELATED_LABEL),
    ("相關閱讀：", furniture.RELATED_LABEL),
    # left alone: headlines, bylines, datelines, labels and text
    ("六国元首齐聚独立宫 共绘合作新图景", None),
    ("专访 | 刘畅：中国—中亚机制进入“提质增效”新阶段", None),
    ("记者手记", None),
    ("国际", None),
    ("中", None),
    ("记者丨王若曦 陈思远", None),
    ("作者：林若溪 来源：中国青年报客户端 2025年06月13日", None),
    ("2025-06-17 14:22  聯合報／ 記者廖文彬／即時報導", None),
    ("中华人民共和国外交部 2025年6月18日", None),
    ("2025年6月16日至18日，第二届中国—中亚峰会在阿斯塔纳举行。", None),
    # a narrow column's lines are runs of text, whatever words they hold
    ("2025年6月17日（星期二）举行", None),
    ("2025年6月16日至18日在阿斯塔", None),
    ("掃碼閱讀全文匯聚的是共進力量托", None),
    ("他说（编辑：许）", None),
    # the newsroom's name run into the date of a header or a time line
    ("联合报2025/06/19\u3000A10版\u3000两岸", furniture.PAGE_HEADER),
    ("中国日报网2025-06-17责任编辑：胡一帆", furniture.PUBLICATION),
    ("中国日报网 2025-06-17 10:21", furniture.PUBLICATION),
    ("人民日报2025年6月18日报道了峰会", None),
    ("首页 / 政治", furniture.BREADCRUMB),
    ("中国 / 中亚", furniture.BREADCRUMB),
    ("日期 2025年6月18日", furniture.PUBLICATION),
    ("南方都市报\u30006月20日\u300010:45", furniture.PUBLICATION),
    ("欢迎订阅早报电子报，随时掌握最新动态", furniture.APP_NOTICE),
    ("分享：Facebook\u3000WhatsApp\u3000Telegram", furniture.WIDGET),
    ("【版权声明】本文为南方都市报原创作品，未经授权不得转载。", furniture.COPYRIGHT),
    # left alone: a headline that starts with the same words, a lone letter, a lone label
    ("订阅制度改革成效显著，专家：还需完善", None),
    ("X", None),
    ("日期", None),
    ("中亚班列6月20日 10时发车", None),
])
def test_furniture_reason(line, why):
    assert furniture_reason(line) == why


@pytest.mark.parametrize("line, masthead", [
    ("央视新闻客户端", True),
    ("德國之聲中文網", True),
    ("RFI 法國國際廣播電台 - 華語", True),
    ("哈萨克国际通讯社 Kazinform", True),
    ("卡巴尔国家通讯社（吉尔吉斯斯坦）中文版", True),
    ("联合早报网", True),
    # headlines and credits are left alone: a headline names what happened
    ("走进新华社", False),
    ("新华社", False),
    ("（新华社）", False),
    ("习近平签中亚睦邻条约", False),
    ("中国—中亚峰会在西安举行", False),
    ("记者走进人民日报，看中亚报道", False),
    ("UzA 新闻中心", False),
])
def test_is_masthead(line, masthead):
    assert furniture.is_masthead(line) is masthead


