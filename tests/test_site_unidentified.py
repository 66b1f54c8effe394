"""An article with no outlet or no date is shown as such on the site, and filed under
no outlet or date page: no `dates/None` headed "None", no outlet page "unknown"."""

from pathlib import Path

from zhcorpus.site.assemble import all_pages
from zhcorpus.site.corpus import load_articles
from zhcorpus.site.home import counts, timeline
from zhcorpus.site.names import load_names
from zhcorpus.site.pages import Catalogue

ROOT = Path(__file__).resolve().parents[1]

UNKNOWN_UNDATED = """广州举办中亚商品展 吸引数百家企业参展

广州一场以中亚商品为主题的展销会昨日开幕，来自中亚五国的两百余家企业参展，展品涵盖农产品、手工艺品和建材。

主办方表示，展会将持续五天，并将于6月20日举办多场贸易对接活动，吸引更多采购商到场洽谈。
"""
DATED = """习近平会见塔吉克斯坦总统拉赫蒙

新华社阿斯塔纳6月17日电 当地时间6月17日上午，国家主席习近平在阿斯塔纳出席第二届中国—中亚峰会期间会见塔吉克斯坦总统拉赫蒙。
"""


def test_no_outlet_and_no_date_make_no_index_page(page_seeds, tmp_path, build_pages):
    seeds = page_seeds
    (seeds / "gz.txt").write_text(UNKNOWN_UNDATED, encoding="utf-8")
    (seeds / "xh.txt").write_text(DATED, encoding="utf-8")
    (seeds / "xh.yml").write_text("year: 2025\n", encoding="utf-8")
    status, warnings, _ = build_pages(seeds, tmp_path / "corpus")
    assert status == 0 and len(warnings) == 2  # gz.txt: no outlet, no date

    articles = load_articles(tmp_path / "corpus" / "articles")
    cat = Catalogue(articles, load_names(seeds / "taxonomy.yml", ROOT / "seeds" / "speakers.yml"))
    pages = all_pages(cat, None)
    assert sorted(p for p in pages if p.startswith(("dates/", "outlets/"))) == [
        "dates/2025-06-17.md", "dates/index.md", "outlets/index.md", "outlets/xinhua.md"]
    [page] = [text for path, text in pages.items() if path.startswith("articles/undated-unknown-")]
    assert "- **媒体**：媒体未识别" in page and "- **日期**：日期不详" in page
    assert "None" not in page
    assert "None" not in pages["dates/index.md"] and "None" not in pages["outlets/index.md"]
    assert "**2** 篇文章，来自 **1** 家媒体" in counts(cat) and "覆盖 **1** 个日期" in counts(cat)
    assert "None" not in timeline(cat, ("2025-06-17",))
