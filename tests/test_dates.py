"""Dates we can trust: the forms pages print their own date in, the dateline's date in
the page's year, and never a date the text mentions (将于7月1日) or a guessed year.

Tables of printed forms -> dates, with the lines that must be left alone, then the
order an article's date is taken in, then whole pages through the build."""

import datetime as dt
from pathlib import Path

import pytest

from zhcorpus.articles import dates
from zhcorpus.cli import main
from zhcorpus.articles.enrich import load_taxonomy
from zhcorpus.articles.metadata import PageDates, article_date, dateline_date
from zhcorpus.editorial.sidecars import ArticleNote, Sidecar

ROOT = Path(__file__).resolve().parents[1]

REGISTRY = load_taxonomy(ROOT / "seeds" / "taxonomy.yml").registry
D = dt.date


@pytest.mark.parametrize("text, number", [
    ("6", 6), ("06", 6), ("６", 6), ("１７", 17), ("六", 6), ("十", 10), ("十七", 17), ("二十", 20), ("三十一", 31),
    ("二〇二五", 2025), ("", None), ("十七日", None), ("三十三十", None),
])
def test_numbers_in_three_scripts(text, number):
    assert dates.number(text) == number


@pytest.mark.parametrize("line, date", [
    ("2025年6月18日 星期三                                   A01  要闻", D(2025, 6, 18)),
    ("2025-06-17 21:34:07 来源：央视网", D(2025, 6, 17)),
    ("2025/6/16 18:05", D(2025, 6, 16)),
    ("2025/06/18 05:30", D(2025, 6, 18)),
    ("2025年06月16日08:25 | 来源：人民网－国际频道", D(2025, 6, 16)),
    ("２０２５年６月１７日  星期二                星島日報", D(2025, 6, 17)),
    ("澳門日報                    二〇二五年六月十八日  星期三", D(2025, 6, 18)),
    ("发布/2023年5月19日 18:40", D(2023, 5, 19)),
    ("出版：2025-06-17 15:22", D(2025, 6, 17)),
    ("http://www.CRNTT.com   2024-12-28 09:40:12", D(2024, 12, 28)),
    # day first, as European and Russian outlets' Chinese services print it; a date and its time
    ("19.06.2025, 16:48 (更新: 19.06.2025, 17:05)", D(2025, 6, 19)),
    ("發表時間：18/06/2025 - 11:25", D(2025, 6, 18)),
    # Left alone: a sentence, a range, a future mention, no year, not a real date, a longer number.
    ("第二届中国—中亚峰会将于2025年6月16日至18日在阿斯塔纳举行。", None),
    ("2025年6月16日至18日", None),
    ("检疫新规也将于7月1日起实施", None),
    ("6月16日 星期一", None),
    ("2025-02-30 10:00", None),
    ("编号 202506161234567", None),
    ("电话 12.34.5678", None),
    ("2025年6月16日—18日", None),
])
def test_the_date_a_furniture_line_prints(line, date):
    assert dates.printed_date(line) == date


@pytest.mark.parametrize("dateline, year, reference, date", [
    ("新华社阿斯塔纳6月17日电", 2025, None, D(2025, 6, 17)),
    ("新华社西安5月18日电", 2023, D(2023, 5, 19), D(2023, 5, 18)),          # the page's year, not another
    ("（新华社杜尚别6月14日电）", 2025, D(2025, 6, 16), D(2025, 6, 14)),
    ("（中央社記者林怡君台北16日電）", 2025, D(2025, 6, 16), D(2025, 6, 16)),   # the day only: the page's month
    ("【本報駐北京記者王思源阿斯塔納十七日電】", 2025, D(2025, 6, 18), D(2025, 6, 17)),
    ("（中央社台北30日綜合外電報導）", 2025, D(2025, 7, 1), D(2025, 6, 30)),   # the day before the 1st
    ("新华社北京12月31日电", 2025, D(2025, 1, 2), D(2024, 12, 31)),          # a page of 2 January
    ("塔什干，2025年6月18日（UzA）", None, None, D(2025, 6, 18)),               # as printed
    # Left alone: no year anywhere, the day only and no page date, no date in the dateline.
    ("新华社阿斯塔纳6月17日电", None, None, None),
    ("（中央社記者鄭雅文台北17日電）", None, None, None),
    ("香港文匯報訊", 2025, D(2025, 6, 18), None),
])
def test_a_dateline_s_date(dateline, year, reference, date):
    mark = REGISTRY.read("datelines", dateline)
    assert mark is not None
    assert dateline_date(mark, dateline, year, reference) == date


PAGE = PageDates(year=2025, printed=D(2025, 6, 18), datelines=D(2025, 6, 17))


@pytest.mark.parametrize("from_dateline, note, own, sidecar, page, expected", [
    (D(2025, 6, 17), None, D(2025, 6, 18), Sidecar(), PAGE, (D(2025, 6, 17), "dateline")),
    (None, ArticleNote("x", date=D(2025, 6, 1)), D(2025, 6, 18), Sidecar(), PAGE, (D(2025, 6, 1), "sidecar")),
    (None, None, D(2025, 6, 19), Sidecar(date=D(2025, 6, 2)), PAGE, (D(2025, 6, 19), "printed")),
    (None, None, None, Sidecar(date=D(2025, 6, 2)), PAGE, (D(2025, 6, 2), "sidecar")),
    (None, None, None, Sidecar(), PAGE, (D(2025, 6, 18), "printed")),
    (None, None, None, Sidecar(), PageDates(year=2025, datelines=D(2025, 6, 17)), (D(2025, 6, 17), "page")),
    (None, None, None, Sidecar(year=2025), PageDates(year=2025), (None, "unknown")),   # a year is no date
])
def test_the_order_an_article_s_date_is_taken_in(from_dateline, note, own, sidecar, page, expected):
    assert article_date(from_dateline, note, own, sidecar, page) == expected


# Whole pages through `zhcorpus build`.

YEARLESS = """外交部：持续关注中亚区域情势

（中央社記者鄭雅文台北17日電）中國與中亞5國今天在哈薩克首都阿斯塔納簽署永久睦鄰友好合作條約，外交部今天表示將持續關注。

發言人並指出，台灣企業在中亞的投資規模仍小，但已有部分業者在哈薩克佈局物流與電商業務。
"""
FUTURE = """新疆口岸将试行农产品绿色通道

乌鲁木齐海关有关负责人介绍，海关将于6月20日起在霍尔果斯口岸试行农产品“绿色通道”，7月1日起全面推行新模式。

据统计，今年1至5月，新疆对中亚五国进出口总值同比增长超过15%，占全区外贸总值的七成以上。
"""
DATED = """2025年6月16日  星期一                                        A4

新疆举办中亚美食节 吸引数万市民品尝

中新社乌鲁木齐6月15日电（记者 孙亭亭）第三届中国新疆—中亚美食节15日在乌鲁木齐开幕，来自中亚五国的八十余家餐饮企业参展。

乌兹别克斯坦厨师现场制作的抓饭，摊位前排起了长队。美食节将于6月22日闭幕。
"""


def test_a_year_less_page_is_undated_with_a_warning(page_seeds, tmp_path, build_pages):
    (page_seeds / "cna.txt").write_text(YEARLESS, encoding="utf-8")
    status, warnings, [article] = build_pages(page_seeds, tmp_path / "corpus")
    assert status == 0 and (article["date"], article["source_id"]) == (None, "cna")
    assert article["slug"].startswith("undated-cna-")
    assert warnings == ["warning: cna.txt: article “外交部：持续关注中亚区域情势”: undated: its dateline "
                        "（中央社記者鄭雅文台北17日電） gives the day only, and the page prints no date "
                        "(a sidecar's date: can give it)"]


def test_a_future_mention_is_never_the_date(page_seeds, tmp_path, build_pages):
    """The page's year is known (its sidecar) but it prints no date: 6月20日 and 7月1日
    are what the text announces, not when it was printed."""
    (page_seeds / "future.txt").write_text(FUTURE, encoding="utf-8")
    (page_seeds / "future.yml").write_text("year: 2025\n", encoding="utf-8")
    status, warnings, [article] = build_pages(page_seeds, tmp_path / "corpus")
    assert status == 0 and article["date"] is None and article["date_basis"] == "unknown"
    assert len(warnings) == 2 and "undated: neither it nor its page prints a date" in warnings[1]
    assert "outlet not identified" in warnings[0] and "future.txt: article “新疆口岸将试行农产品绿色通道”" in warnings[0]


@pytest.mark.parametrize("options, sidecar, date", [
    ((), "", None),
    (("--year", "2025"), "", "2025-06-17"),
    ((), "year: 2024\n", "2024-06-17"),
    (("--year", "2025"), "year: 2024\n", "2024-06-17"),   # the page's own sidecar wins
])
def test_the_year_of_a_page_that_prints_none(page_seeds, tmp_path, build_pages, options, sidecar, date):
    page = "习近平会见塔吉克斯坦总统拉赫蒙\n\n新华社阿斯塔纳6月17日电 当地时间6月17日上午，国家主席习近平在阿斯塔纳会见塔吉克斯坦总统拉赫蒙。\n"
    (page_seeds / "good.txt").write_text(page, encoding="utf-8")
    if sidecar:
        (page_seeds / "good.yml").write_text(sidecar, encoding="utf-8")
    status, warnings, [article] = build_pages(page_seeds, tmp_path / "corpus", *options)
    assert status == 0 and article["date"] == date and bool(warnings) == (date is None)


def test_a_year_that_is_no_year_is_refused_in_one_line(page_seeds, tmp_path, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["build", "--seeds", str(page_seeds), "--corpus", str(tmp_path / "corpus"), "--year", "20250"])
    assert stop.value.code == 2
    assert "argument --year: '20250' is not a year from 1800 to 2200" in capsys.readouterr().err


def test_a_page_header_dates_the_page_and_the_dateline_its_report(page_seeds, tmp_path, build_pages):
    (page_seeds / "cns.txt").write_text(DATED, encoding="utf-8")
    status, warnings, [article] = build_pages(page_seeds, tmp_path / "corpus")
    assert (status, warnings) == (0, [])
    assert (article["date"], article["date_basis"], article["source_id"]) == ("2025-06-15", "dateline", "cns")
    assert (article["dateline"], article["byline"]) == ("中新社乌鲁木齐6月15日电", ["孙亭亭"])
    assert article["title"] == "新疆举办中亚美食节 吸引数万市民品尝"
    assert article["body"].startswith("第三届中国新疆—中亚美食节15日")
