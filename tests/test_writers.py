"""Writers: escaping that keeps source text inert."""

import pytest

from zhcorpus.corpus.writers import escape_markdown


@pytest.mark.parametrize("text, escaped", [
    ("<script>alert(1)</script>", "&lt;script&gt;alert\\(1\\)&lt;/script&gt;"),
    ("[链接](http://x)", "\\[链接\\]\\(http&#58;//x\\)"),
    ("a & b; 1 < 2", "a &amp; b; 1 &lt; 2"),
    ("*强调* _下划线_ `代码`", "\\*强调\\* \\_下划线\\_ \\`代码\\`"),
    ("# 井号 | 表格 ~删除~ ^上^ ==标记==", "\\# 井号 &#124; 表格 &#126;删除&#126; &#94;上&#94; &#61;&#61;标记&#61;&#61;"),
    ("{: #p1 }", "\\{&#58; \\#p1 \\}"),
    # left alone: Chinese text and full-width punctuation
    ("中国—中亚合作，“一带一路”。（上接第1版）", "中国—中亚合作，“一带一路”。（上接第1版）"),
])
def test_escape_markdown(text, escaped):
    assert escape_markdown(text) == escaped


SOURCE_TEXTS = [
    "<script>alert(1)</script> & <b>粗体</b>",
    "[链接](http://evil.example) ![图](x.png) <http://x>",
    "*星号* **双星** _下_ __双下__ `码` ``双码``",
    "# 井号 ## 二 | 表 | 格 | ~~删~~ ^^插^^ ==标== :smile: {: #p1 } \\ 反斜杠",
    "1. 列表 - 列表 + 列表 > 引用 --- *** ___",
    "&amp; &#58; &lt; 已是实体的文字",
    "中国—中亚合作，“一带一路”。（上接第1版）2100多年前……",
]


@pytest.mark.parametrize("text", SOURCE_TEXTS)
def test_escaped_text_renders_as_exactly_the_source(text):
    """What a reader sees is what the source printed: no markup, nothing lost."""
    import html
    import re

    import markdown

    rendered = markdown.markdown(escape_markdown(text), extensions=[
        "attr_list", "tables", "md_in_html", "admonition", "pymdownx.tilde", "pymdownx.caret", "pymdownx.mark",
        "pymdownx.emoji", "pymdownx.superfences", "pymdownx.tabbed"])
    assert rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<") == 2, rendered
    assert html.unescape(re.sub(r"^<p>|</p>$", "", rendered)) == text
