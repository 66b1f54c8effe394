"""Case tables for each repair: (original, fixed), including text that must be left alone."""

import pytest

from zhcorpus.reading import repairs

CASES = {
    repairs.remove_spaces_between_han_and_digits: [
        ("2100 多年前", "2100多年前"),
        ("将于 6月\n16日至 18日", "将于6月\n16日至18日"),
        ("杜尚别 2号热电厂", "杜尚别2号热电厂"),
        ("新华社阿斯塔纳 6月 17日", "新华社阿斯塔纳6月17日"),
        ("2100\u00a0多年前", "2100多年前"),  # the other spaces a column pads with
        ("6月\u300016日", "6月16日"),
        # left alone: spaces between Han characters are headline decks and bylines
        ("汇聚共进力量 托举共同繁荣", "汇聚共进力量 托举共同繁荣"),
        ("新华社记者 韩梁 赵嫣", "新华社记者 韩梁 赵嫣"),
        ("G7 summit 2025", "G7 summit 2025"),
    ],
    repairs.fullwidth_punctuation_in_chinese: [
        ("今天,我们应该怎样和荒漠相处?", "今天，我们应该怎样和荒漠相处？"),
        ("1959年,为建设", "1959年，为建设"),
        ("注意:安全;发展!", "注意：安全；发展！"),
        # left alone: numbers, times, Latin text, URLs
        ("1,000 tons", "1,000 tons"),
        ("10:30", "10:30"),
        ("http://example.org", "http://example.org"),
        ("Hello, world!", "Hello, world!"),
        ("99.5%的降水", "99.5%的降水"),
        ("今天，我们应该怎样和荒漠相处？", "今天，我们应该怎样和荒漠相处？"),
    ],
    repairs.fullwidth_parentheses_in_chinese: [
        ("(新华社北京6月17日电)", "（新华社北京6月17日电）"),
        ("(6月3日摄,无人机照片)", "（6月3日摄，无人机照片）"),
        ("流动沙丘(坑)零星出现", "流动沙丘（坑）零星出现"),
        # left alone: Latin text in parentheses between Latin words
        ("the SCO (Shanghai) forum", "the SCO (Shanghai) forum"),
        ("（已是全角）", "（已是全角）"),
    ],
    repairs.unify_china_central_asia_dash: [
        ("中国－中亚峰会", "中国—中亚峰会"),
        ("中国—中亚峰会", "中国—中亚峰会"),
        ("中國－中亞機制", "中國—中亞機制"),
        ("中亚－中国框架", "中亚—中国框架"),
        ("中国-中亚", "中国—中亚"),
        # left alone: other dashes keep their meaning
        ("西安—阿拉木图段", "西安—阿拉木图段"),
        ("——在第二届峰会上的主旨发言", "——在第二届峰会上的主旨发言"),
    ],
    repairs.remove_zero_width: [
        ("中\u200b国", "中国"),
        ("\ufeff中国", "中国"),
        ("中国", "中国"),
    ],
    repairs.normalize_nfc: [
        ("e\u0301", "\u00e9"),
        ("中国", "中国"),
    ],
    repairs.strip_edge_whitespace: [
        (" 应哈萨克斯坦", "应哈萨克斯坦"),
        ("\u3000中国\u3000", "中国"),
        ("中 国", "中 国"),
    ],
}


@pytest.mark.parametrize(
    "fix, original, fixed",
    [(fix, original, fixed) for fix, cases in CASES.items() for original, fixed in cases],
    ids=lambda value: getattr(value, "__name__", None) or str(value)[:16],
)
def test_repair(fix, original, fixed):
    assert fix(original) == fixed


def test_every_repair_has_a_case_table():
    assert set(repairs.REPAIRS) <= set(CASES)


@pytest.mark.parametrize("first, second, joined", [
    ("展现大国领袖的", "深邃思考和战略眼光。", "展现大国领袖的深邃思考和战略眼光。"),
    ("在这里，2017", "年，中哈", "在这里，2017年，中哈"),
    ("使用大数据分析 with", "prediction", "使用大数据分析 with prediction"),
    ("2025", "2026", "20252026"),
])
def test_join_wrapped(first, second, joined):
    assert repairs.join_wrapped(first, second) == joined


def test_source_errors_stay_as_printed():
    # Typos and odd wording are the source's; repairs never touch them.
    for text in ("为孩子们们鼓掌。", "使用大数据分析 with 预测技术", "新业态新业态惠及", "拉赫蒙亿及习近平主席"):
        assert repairs.repair(text) == text
