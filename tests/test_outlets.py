"""The outlet registry reads printed furniture: datelines, bylines and mastheads of
every form it lists, in either script, and nothing of running text.

Tables: what the registry's forms read (outlet, place, date, names), and the
lines that must be left alone (a credit, a report citing an outlet, a kicker)."""

import json
from pathlib import Path

import pytest

from zhcorpus.articles.enrich import load_taxonomy
from zhcorpus.articles.outlets import byline_names, split_name_place, split_names

ROOT = Path(__file__).resolve().parents[1]

REGISTRY = load_taxonomy(ROOT / "seeds" / "taxonomy.yml").registry
PLACES = {"北京", "台北", "阿斯塔纳", "西安"}


def is_word(text: str) -> bool:
    return text in PLACES


def writers(marks) -> list[str]:
    return byline_names(marks, is_word)


def test_the_registry_lists_outlets_of_every_region():
    regions = {outlet.region for outlet in REGISTRY.outlets.values()}
    assert len(REGISTRY.outlets) >= 25 and {"CN", "HK", "MO", "TW", "SG", "KZ", "UZ"} <= regions
    for outlet in REGISTRY.outlets.values():
        assert outlet.zh_hans and outlet.zh_hant and outlet.en, outlet.id


@pytest.mark.parametrize("text, outlet, place, month, day, names", [
    ("新华社阿斯塔纳6月17日电", "xinhua", "阿斯塔纳", 6, 17, []),
    ("新華社阿斯塔納6月17日電", "xinhua", "阿斯塔納", 6, 17, []),                    # Traditional
    ("（新华社杜尚别6月14日电）", "xinhua", "杜尚别", 6, 14, []),                     # closing a report
    ("新华社阿斯塔纳 6月 17日电", "xinhua", "阿斯塔纳", 6, 17, []),                   # spaced as a PDF gives it
    ("中国青年报客户端北京6月13日电（中青报·中青网记者 林若溪）", "cyol", "北京", 6, 13, ["林若溪"]),
    ("人民网北京6月16日电", "people-cn", "北京", 6, 16, []),
    ("中评社北京11月23日电", "crntt", "北京", 11, 23, []),
    ("香港中通社北京6月18日電：", "hkcna", "北京", 6, 18, []),
    ("中新网 新疆霍尔果斯9月7日电 (李明非 储旭)", "chinanews", "新疆霍尔果斯", 9, 7, ["李明非", "储旭"]),
    ("（中央社記者林怡君台北16日電）", "cna", "", None, 16, ["林怡君"]),   # the day only; 台北 against the name
    ("（中央社阿斯塔納17日綜合外電報導）", "cna", "阿斯塔納", None, 17, []),
    ("塔什干，2025年6月18日（UzA）", "uza", "塔什干", 6, 18, []),
    ("【大公報訊】", "takungpao", "", None, None, []),
    ("大公网6月18日讯", "takungpao", "", 6, 18, []),
    ("【明報專訊】", "mingpao", "", None, None, []),
    ("（星島日報報道）", "singtao", "", None, None, []),
    ("【on.cc東網專訊】", "oncc", "", None, None, []),
    ("香港文匯報訊", "wenweipo", "", None, None, []),
    ("央视网消息（新闻联播）：", "cctv", "", None, None, []),
])
def test_a_dateline_says_outlet_place_and_date(text, outlet, place, month, day, names):
    mark = REGISTRY.read("datelines", text)
    assert mark is not None, text
    assert (mark.outlet, mark.place, mark.month, mark.day) == (outlet, place, month, day)
    assert writers([mark]) == names


@pytest.mark.parametrize("text, day, name", [
    ("【本報駐北京記者王思源阿斯塔納十七日電】", 17, "王思源"),   # Chinese numerals, a name against a place
    ("本报阿斯塔纳6月16日电", 16, None),
    ("本报讯", None, None),
    ("【本報消息】", None, None),
])
def test_a_dateline_of_the_page_s_own_outlet_names_none(text, day, name):
    """本报: the paper whose page it is, as its masthead (or sidecar) says."""
    mark = REGISTRY.read("datelines", text)
    assert mark is not None and mark.own and mark.outlet is None and mark.day == day
    assert writers([mark]) == ([name] if name else [])


def test_an_outlet_the_registry_does_not_know_is_named_not_guessed():
    mark = REGISTRY.read("datelines", "南方日报讯")
    assert mark is not None and mark.outlet is None and mark.unregistered == "南方日报"


@pytest.mark.parametrize("text", [
    "据新华社报道",              # a report citing an outlet
    "图源：新华社",              # a photo credit
    "新华社记者在现场看到",
    "记者从国家移民管理局获悉",
    "今年6月16日电力公司检修线路",
])
def test_running_text_is_no_dateline(text):
    assert REGISTRY.read("datelines", text) is None
    assert REGISTRY.lead(text + "，各方表示欢迎。") == ([], 0)


@pytest.mark.parametrize("paragraph, dateline, rest, names", [
    ("新华社阿斯塔纳6月17日电（记者 吴振宁 秦晓岚 郭立群）当地时间6月17日下午，峰会举行。",
     "新华社阿斯塔纳6月17日电", "当地时间6月17日下午", ["吴振宁", "秦晓岚", "郭立群"]),
    ("本报阿斯塔纳6月16日电（记者 张清扬 李慕白）16日，对接会举行。",
     "本报阿斯塔纳6月16日电", "16日，对接会", ["张清扬", "李慕白"]),
    ("本报讯（记者 孟书涵）海关总署发布的数据显示。", "本报讯", "海关总署", ["孟书涵"]),
    ("新京报讯（记者 吕佳琪）峰会临近。", "新京报讯", "峰会临近", ["吕佳琪"]),
    ("【大公報訊】記者趙一凡北京報道：國鐵集團最新數據顯示。", "【大公報訊】", "國鐵集團", ["趙一凡"]),
    ("【香港商報訊】記者何嘉敏報道：第二屆峰會剛剛落幕。", "【香港商報訊】", "第二屆峰會", ["何嘉敏"]),
    ("香港文匯報訊（記者 葉晴 北京報道）中國與中亞五國元首。", "香港文匯報訊", "中國與中亞", ["葉晴"]),
    ("大公网6月18日讯 综合报道：第二届峰会闭幕。", "大公网6月18日讯", "第二届峰会", []),
    ("中評社北京6月19日電／據外交部網站消息，峰會結束。", "中評社北京6月19日電", "據外交部網站消息", []),
    ("（中央社記者林怡君台北16日電）第2屆峰會將於17日舉行。", "（中央社記者林怡君台北16日電）", "第2屆峰會",
     ["林怡君"]),
    ("【环球时报驻哈萨克斯坦特约记者 阿丽娅  环球时报记者 郑光明】第二届峰会落幕。", "", "第二届峰会",
     ["阿丽娅", "郑光明"]),
    ("【环球时报-环球网报道 记者 邵一鸣】峰会闭幕后。", "", "峰会闭幕后", ["邵一鸣"]),
    ("〔編譯蘇子晴／綜合報導〕中國與中亞5國元首17日簽署條約。", "", "中國與中亞", ["蘇子晴"]),
    ("（西安综合讯）为期两天的首届峰会闭幕。", "（西安综合讯）", "为期两天", []),
    # the Chinese services of CIS agencies: place and date first, the agency after a dash
    ("莫斯科，6月19日 - 俄罗斯卫星通讯社。俄罗斯学者表示，合作不会冲突。", "莫斯科，6月19日 - 俄罗斯卫星通讯社。",
     "俄罗斯学者", []),
    ("比什凯克，6月22日 – 卡巴尔通讯社。吉尔吉斯斯坦总统表示，铁路将开工。", "比什凯克，6月22日 – 卡巴尔通讯社。",
     "吉尔吉斯斯坦", []),
])
def test_the_dateline_and_byline_opening_a_report_are_lifted(paragraph, dateline, rest, names):
    marks, start = REGISTRY.lead(paragraph)
    assert [m.text for m in marks if m.role == "datelines"] == ([dateline] if dateline else [])
    assert paragraph[start:].startswith(rest)
    assert writers(marks) == names


@pytest.mark.parametrize("paragraph", [
    "记者从国家移民管理局获悉，中哈人员往来增多。",    # 记者 opening a sentence is not a byline
    "据新华社报道，6月16日至18日，峰会举行。",
    "（记者手记）走进阿拉木图一所中学。",
    "16日，中国—哈萨克斯坦新能源合作对接会举行。",
])
def test_a_report_opening_without_furniture_is_left_alone(paragraph):
    assert REGISTRY.lead(paragraph) == ([], 0)


@pytest.mark.parametrize("line, role, names, outlet", [
    ("光明日报记者 高远 王佳宁", "bylines", ["高远", "王佳宁"], "gmw"),
    ("澎湃新闻记者 何思远 实习生 王欣然", "bylines", ["何思远", "王欣然"], "thepaper"),
    ("作者：许嘉宁", "bylines", ["许嘉宁"], None),
    ("撰文：葉嘉欣", "bylines", ["葉嘉欣"], None),
    ("文/沈嘉仪", "bylines", ["沈嘉仪"], None),
    ("作者：阿依达娜·索尔坦", "bylines", ["阿依达娜·索尔坦"], None),
    ("记者丨王若曦 陈思远", "bylines", ["王若曦", "陈思远"], None),
    ("聯合報／ 本報記者韓立宇", "bylines", ["韓立宇"], "udn"),
    ("2025-06-17 14:22  聯合報／ 記者廖文彬／即時報導", "bylines", ["廖文彬"], "udn"),
    ("作者：林若溪 来源：中国青年报客户端 2025年06月13日", "bylines", ["林若溪"], None),
    ("●香港文匯報記者 黃雅文 阿斯塔納報道", "bylines", ["黃雅文"], "wenweipo"),
    ("本报驻京特派员 韩立诚", "bylines", ["韩立诚"], None),
    ("（本报记者 宁远航）", "bylines", ["宁远航"], None),
    ("■ 新华社记者 马俊豪 古丽巴哈尔", "bylines", ["马俊豪", "古丽巴哈尔"], "xinhua"),
    ("塔什干，2025年6月18日（UzA）", "datelines", [], "uza"),
    # translators, Taiwan brackets, a web source line naming its writer, a correspondent beside a reporter
    ("塔斯社中文网 编译：卢卡", "bylines", ["卢卡"], None),
    ("本文編譯：王珂", "bylines", ["王珂"], None),
    ("【記者林孟潔／綜合報導】", "bylines", ["林孟潔"], None),
    ("【編譯陳思妤／綜合外電報導】", "bylines", ["陳思妤"], None),
    ("来源：中国台湾网\u3000作者：韦晓彤\u30002025-06-21 09:18", "bylines", ["韦晓彤"], None),
    ("【本報記者歐陽晉西安報道】", "bylines", ["歐陽晉"], None),
    ("（通讯员\u3000蔡琳\u3000记者\u3000吴越）", "bylines", ["蔡琳", "吴越"], None),
    ("作者：冯嘉琳（柏林）", "bylines", ["冯嘉琳"], None),
])
def test_a_byline_line_is_read_as_one(line, role, names, outlet):
    mark = REGISTRY.read_line(line)
    assert mark.role == role and writers([mark]) == names and mark.outlet == outlet


@pytest.mark.parametrize("line", [
    "记者手记",                                   # a kicker
    "新华社记者 严振宇 摄",                         # a photo's credit
    "▲中亞國家與中國的貿易往來日益密切。圖源：新華社",   # a caption with a credit
    "六国元首齐聚独立宫 共绘合作新图景",               # a headline
    "专访｜刘畅：中国—中亚机制进入“提质增效”新阶段",
    "人民网 >> 国际 >> 国际要闻",                    # a masthead
    "2025年6月18日 星期三                     A01  要闻",
])
def test_a_line_that_is_no_byline_or_dateline(line):
    assert REGISTRY.read_line(line) is None


@pytest.mark.parametrize("line, outlet", [
    ("人民网 >> 国际 >> 国际要闻", "people-cn"),
    ("2025年6月17日  星期二                    人民日报                        3", "peoples-daily"),
    ("A14  中國                                                   明報", "mingpao"),
    ("联合早报 | 中国 | 即时", "zaobao"),
    ("2025-06-18 11:02  来源：大公网", "takungpao"),
    ("澳門日報                    二〇二五年六月十八日  星期三                    A7  中國新聞", "macaodaily"),
    ("on.cc東網 > 兩岸 > 中國", "oncc"),
    ("作者：林若溪 来源：中国青年报客户端 2025年06月13日", "cyol"),
    # a web page's first line: the name alone, with brand, region or edition around it
    ("俄罗斯卫星通讯社", "sputnik-cn"),
    ("乌兹别克斯坦国家通讯社（UzA）", "uza"),
    ("哈萨克国际通讯社 Kazinform", "kazinform"),
    ("央视新闻客户端", "cctv"),
    ("德國之聲中文網", None),                          # a masthead, of an outlet not registered
    ("文汇报", None),                                  # Shanghai's 文汇报 as much as Hong Kong's 文匯報
    # Left alone: credits, reports citing an outlet, an outlet the registry does not know.
    ("▲中亞國家與中國的貿易往來日益密切。圖源：新華社", None),
    ("图源：新华社", None),
    ("（新华社）", None),
    ("据新华社报道，峰会通过了成果清单", None),
    ("新华社记者 严振宇 摄", None),
    ("2025年6月16日  星期一              华人日报 · 中国新闻                     A4", None),
])
def test_a_masthead_names_the_page_s_outlet(line, outlet):
    assert REGISTRY.masthead(line) == outlet


@pytest.mark.parametrize("value, names", [
    ("吴振宁 秦晓岚 郭立群", ["吴振宁", "秦晓岚", "郭立群"]),
    ("何思远 实习生 王欣然", ["何思远", "王欣然"]),
    ("阿丽娅  环球时报记者 郑光明", ["阿丽娅", "郑光明"]),
    ("甲某 摄像 乙某", ["甲某"]),          # a cameraman is no writer
    ("郑雅文", ["郑雅文"]),               # ends with 文, and is a name, not the role 文
    ("葉晴 北京報道", ["葉晴"]),
    ("李慕白摄", []),                    # a photographer
])
def test_names_in_a_byline(value, names):
    assert split_names(value) == names


@pytest.mark.parametrize("glued, name", [
    ("趙一凡北京", "趙一凡"), ("何东北京", "何东"), ("王思源阿斯塔纳", "王思源"), ("林怡君台北", "林怡君"),
    ("黎小雅", "黎小雅"), ("欧阳小明", "欧阳小明"),
])
def test_a_place_printed_against_a_name_is_cut_off(glued, name):
    assert split_name_place(glued, is_word) == name


# Whole pages through `zhcorpus build`: the outlet comes from dateline, byline or masthead.

TAIWAN = """自由時報  首頁 > 國際

中亞峰會落幕 中國與中亞5國簽睦鄰條約

2025/06/18 05:30

〔編譯蘇子晴／綜合報導〕中國與中亞5國元首17日在哈薩克首都阿斯塔納簽署永久睦鄰友好合作條約。綜合外媒報導，分析人士認為，北京正加速在中亞擴大影響力。

▲中國國家主席習近平與中亞5國領導人17日在阿斯塔納出席峰會。圖源：新華社

據新華社報導，峰會期間，各國還簽署了涵蓋交通、能源和農業的多項合作文件。新華社並指出，各方同意下屆峰會在中國舉行。
"""
PEOPLES_DAILY = """2025年6月17日  星期二                    人民日报                        3

中哈企业签署一批新能源合作协议

本报阿斯塔纳6月16日电（记者 张清扬 李慕白）16日，中国—哈萨克斯坦新能源合作对接会在阿斯塔纳举行。两国30余家企业签署合作协议。

据介绍，双方还将在人才培训、标准对接等方面加强合作，推动更多项目在数字经济、绿色能源等领域落地见效。

习近平抵达阿斯塔纳

新华社阿斯塔纳6月16日电  6月16日中午，国家主席习近平乘专机抵达阿斯塔纳，应邀出席第二届中国—中亚峰会。

习近平发表书面讲话，向哈萨克斯坦人民致以诚挚问候和良好祝愿，表示愿同中亚国家一道推动合作取得更大发展。
"""
UNKNOWN = """广州举办中亚商品展 吸引数百家企业参展

2025-06-17 10:00

广州6月17日，一场以中亚商品为主题的展销会在广州开幕，来自中亚五国的两百余家企业参展，展品涵盖农产品、手工艺品和建材。

主办方表示，展会将持续五天，并将举办多场贸易对接活动。
"""


def test_a_credit_in_the_text_does_not_make_the_page_its_outlet_s(page_seeds, tmp_path, build_pages):
    """圖源：新華社 and 據新華社報導 on a Liberty Times page: the page is the Liberty Times'."""
    (page_seeds / "ltn.txt").write_text(TAIWAN, encoding="utf-8")
    status, warnings, [article] = build_pages(page_seeds, tmp_path / "corpus")
    assert (status, warnings) == (0, [])
    assert (article["source_id"], article["source"]) == ("ltn", "自由时报")
    assert (article["date"], article["byline"]) == ("2025-06-18", ["苏子晴"])
    assert article["title"] == "中亚峰会落幕 中国与中亚5国签睦邻条约"


def test_agency_copy_on_a_paper_s_page_is_the_agency_s(page_seeds, tmp_path, build_pages):
    (page_seeds / "rmrb.txt").write_text(PEOPLES_DAILY, encoding="utf-8")
    status, warnings, articles = build_pages(page_seeds, tmp_path / "corpus")
    assert (status, warnings) == (0, [])
    assert [(a["title"], a["source_id"], a["date"], a["byline"]) for a in articles] == [
        ("中哈企业签署一批新能源合作协议", "peoples-daily", "2025-06-16", ["张清扬", "李慕白"]),
        ("习近平抵达阿斯塔纳", "xinhua", "2025-06-16", []),
    ]
    ledger = json.loads((tmp_path / "corpus" / "ledger.json").read_text(encoding="utf-8"))
    assert [item["why"] for item in ledger[0]["dropped"]] == ["page furniture: page header or footer"]


def test_an_outlet_not_identified_is_none_and_a_warning(page_seeds, tmp_path, build_pages):
    (page_seeds / "unknown.txt").write_text(UNKNOWN, encoding="utf-8")
    status, warnings, [article] = build_pages(page_seeds, tmp_path / "corpus")
    assert status == 0 and (article["source"], article["source_id"]) == (None, None)
    assert article["slug"].startswith("2025-06-17-unknown-")
    assert warnings == ["warning: unknown.txt: article “广州举办中亚商品展 吸引数百家企业参展”: outlet not identified: "
                        "no dateline, byline or masthead names an outlet of taxonomy.yml (a sidecar's source: can)"]
