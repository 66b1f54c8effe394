"""The generated parts of docs/index.md.

The home page is hand-written; it marks where corpus-derived content goes with
HTML comments such as ``<!-- zhcorpus:timeline -->`` which this module fills.
A comment left unfilled just stays an invisible comment.
"""

from __future__ import annotations

from . import markup
from .pages import Catalogue, article_item, date_label
from .quotepages import QUOTES_PATH
from .settings import INDEX_KINDS, QUOTES_TITLE
from .speakerpage import speaker_kind


def counts(cat: Catalogue) -> str:
    outlets = {a.source_id for a in cat.articles if a.source_id}
    # People only: a group or a saying (中亚谚语) is no 人物.
    speakers = {s for a in cat.articles for s in a.speakers if speaker_kind(cat, s) == "person"}
    days = {a.date for a in cat.articles if a.date}
    return (
        f"语料共收录 **{len(cat.articles)}** 篇文章，来自 **{len(outlets)}** 家媒体，"
        f"涉及 **{len(speakers)}** 位人物，覆盖 **{len(days)}** 个日期。"
    )


# The home page shows a day's first articles and links to the day's index:
# listing them all would grow the home page with the corpus.
PER_DAY = 12


def timeline(cat: Catalogue, days: tuple[str, ...]) -> str:
    """Coverage by day for the summit week, then a pointer to other dates."""
    out = []
    for day in days:
        articles = [a for a in cat.articles if a.date == day]
        out.append(f"### {markup.escape(date_label(day))} {{: #day-{day} }}")
        out.append("")
        if articles:
            out.extend(article_item(a, "") for a in articles[:PER_DAY])
            if len(articles) > PER_DAY:
                out.append(f"- {markup.link(f'当日全部 {len(articles)} 篇', f'dates/{day}.md')}")
        else:
            out.append("当日暂无收录文章。")
        out.append("")
    others = sorted({a.date for a in cat.articles if a.date} - set(days))
    if others:
        links = "、".join(markup.link(date_label(d), f"dates/{d}.md") for d in others)
        out.append(f"其他日期：{links}")
    return "\n".join(out)


def index_links(cat: Catalogue) -> str:
    lines = []
    for kind in INDEX_KINDS:
        n = len(cat.groups(kind))
        if not n:  # no page to link to (assemble.empty_indexes)
            continue
        lines.append(f"- {markup.link(kind.title, f'{kind.url}/index.md')}（{n} 项）：{markup.escape(kind.lead)}")
    lines.append(f"- {markup.link(QUOTES_TITLE, QUOTES_PATH)}（{len(cat.quotes)} 条）：报道中引述的原话，每条链接到原段落。")
    return "\n".join(lines)


def fill(markdown: str, cat: Catalogue, days: tuple[str, ...]) -> str:
    parts = {
        "counts": lambda: counts(cat),
        "timeline": lambda: timeline(cat, days),
        "indexes": lambda: index_links(cat),
    }
    for name, render in parts.items():
        marker = f"<!-- zhcorpus:{name} -->"
        if marker in markdown:
            markdown = markdown.replace(marker, render())
    return markdown
