"""An article's datelines, bylines and its page's masthead, read with the outlet
registry once the page is cut into articles.

The dateline and byline that open an article's first paragraph are lifted into
its fields (新华社阿斯塔纳6月17日电（记者 甲 乙）当地时间…, 【大公報訊】記者甲北京
報道：…, 〔編譯甲／綜合報導〕…): only printed text moves, from the body to the
article's dateline and bylines, where the ledger counts it. The page's masthead
(人民网 >> 国际, 2025年6月17日 星期二 人民日报 3) and the date it prints as its
own are read from every line of the page, the page furniture that is no
article's text included (see furniture).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from zhcorpus.articles import dates
from zhcorpus.reading.layout import CAPTION, DATEPLACE, Block
from zhcorpus.articles.outlets import Mark, Registry
from zhcorpus.reading.segment import Draft


@dataclass(frozen=True)
class PageFacts:
    """What the page says about all its articles."""

    masthead: str | None = None       # the outlet a masthead line names
    printed: dt.date | None = None    # the date the page prints as its own


def lift_lead(draft: Draft, registry: Registry) -> None:
    """The dateline and byline opening the article's first paragraph (on a page with a
    lead box, its second) go to the draft's dateline and bylines. A dateline already
    lifted stays; the byline after it (（记者 甲 乙）) is lifted still. A dateline set
    as a line of its own under the headline (塔什干，2025年6月18日（UzA）) was read as
    the deck: it is the dateline."""
    if not draft.dateline and draft.subtitle and registry.read("datelines", draft.subtitle):
        draft.dateline, draft.subtitle = draft.subtitle, ""
    paragraphs = [position for position, (role, _, _) in enumerate(draft.body) if role == "p"][:2]
    for position in paragraphs:
        role, text, lead = draft.body[position]
        marks, start = registry.lead(text)
        if not marks or (draft.dateline and marks[0].role == "datelines"):
            continue
        for mark in marks:
            if mark.role == "datelines":
                draft.dateline = mark.text
            else:
                draft.bylines.insert(0, mark.text)
        rest = text[start:]
        if rest:
            draft.body[position] = (role, rest, lead)
        else:  # the whole paragraph was the lead's furniture
            del draft.body[position]
            draft.truncated = [p - (p > position) for p in draft.truncated if p != position]
        return


def page_facts(blocks: list[Block], registry: Registry) -> PageFacts:
    """The first masthead and the first printed date of the page, in page order."""
    masthead = printed = None
    for block in blocks:
        if block.kind in (CAPTION, DATEPLACE):
            continue
        if masthead is None:
            masthead = registry.masthead(block.text)
        if printed is None:
            printed = dates.printed_date(block.text)
        if masthead is not None and printed is not None:
            break
    return PageFacts(masthead, printed)


def draft_printed_date(draft: Draft) -> dt.date | None:
    """The date an article prints as its own: in its furniture (a web page's
    2025-06-19 07:05 来源：环球网, dropped as no text), header lines or bylines."""
    texts = [text for text, why in draft.dropped if why.startswith("page furniture")]
    texts += [draft.title, draft.subtitle, draft.kicker, *draft.bylines]
    return next((found for text in texts if text and (found := dates.printed_date(text))), None)


def draft_marks(draft: Draft, registry: Registry) -> tuple[Mark | None, dict[str, Mark]]:
    """The draft's dateline, read, and each byline a registered form reads, by its text."""
    dateline = registry.read("datelines", draft.dateline) if draft.dateline else None
    bylines = {}
    for text in draft.bylines:
        if mark := registry.read("bylines", text) or registry.read("datelines", text) or registry.read_line(text):
            bylines[text] = mark
    return dateline, bylines
