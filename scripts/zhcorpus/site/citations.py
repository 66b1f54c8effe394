"""Citations of an article, a paragraph or a quote: GB/T 7714-2015, APA 7, BibTeX, RIS, CSL-JSON.

Who is the author: the speaker of a speech, the byline of a report, else the
outlet as corporate author (新华社), else nobody (an outlet not identified is not
an author). The address is the article's page with the paragraph's anchor;
a build without a real site address says so instead of citing a placeholder host.

The site is static, so two things are only known in the reader's browser: the
access date (the day the citation is copied) and which paragraph is cited. Each
format is therefore a list of parts: text, and :class:`Accessed` and
:class:`Anchor` slots that ``as_text`` fills (tests, and any caller with a date)
and ``as_html`` leaves to ``assets/zhcorpus-cite.js``.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

# mkdocs.yml's default site_url, used when ZHCORPUS_SITE_URL is unset: not an address to cite.
PLACEHOLDER_HOST = "example.github.io"
NO_SITE_URL = "本站未设置网址（构建时未设 ZHCORPUS_SITE_URL），本文在站内的路径："
NO_DATE_GBT = "出版日期不详"
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
FORMATS = ("gbt", "apa", "bibtex", "ris", "csl")
FORMAT_LABELS = {"gbt": "GB/T 7714-2015", "apa": "APA 7", "bibtex": "BibTeX", "ris": "RIS", "csl": "CSL-JSON"}


@dataclass(frozen=True)
class Work:
    """What is cited: an article, or one of its paragraphs (``anchor``) where a quote is."""

    title: str
    authors: tuple[str, ...]   # people, in byline order; empty: ``corporate`` or nobody
    corporate: str | None      # the outlet as author, when no person is named
    outlet: str | None         # None: the outlet was not identified
    date: str | None           # ISO; None: unknown
    path: str                  # articles/<slug>/, from the edition's root
    site_url: str | None       # the edition's address; None: the build has none
    key: str                   # ASCII, stable: the slug
    language: str = "zh-Hans"
    kind: str = "report"
    page: str | None = None    # 版次 as printed (第3版), where known
    anchor: str = ""           # "p17"; "" for the whole article


@dataclass(frozen=True)
class Accessed:
    """The access date, in a format's own style: iso, apa, ris or parts (CSL date-parts)."""

    style: str


@dataclass(frozen=True)
class Anchor:
    """``#p17`` when a paragraph is cited, else nothing; ``sign``: how the
    format writes ``#`` there (``\\#`` in a BibTeX note, which LaTeX reads)."""

    sign: str = "#"


Part = str | Accessed | Anchor


def site_address(site_url: str | None) -> str | None:
    """The site's address to cite, or None when the build has only the placeholder."""
    if not site_url or urlsplit(site_url).hostname in (None, PLACEHOLDER_HOST):
        return None
    return site_url if site_url.endswith("/") else site_url + "/"


def authors_of(kind: str, byline: list[str], outlet: str | None) -> tuple[tuple[str, ...], str | None]:
    """(people, corporate author): a speech's speaker or a report's byline, else the outlet."""
    people = tuple(name for name in byline if name)
    if people:
        return people, None
    return (), outlet


def _url_parts(work: Work) -> list[Part]:
    if work.site_url:
        return [urljoin(work.site_url, work.path), Anchor()]
    return [NO_SITE_URL + work.path, Anchor()]


def _accessed(date: dt.date, style: str) -> str:
    if style == "apa":
        return f"{_MONTHS[date.month - 1]} {date.day}, {date.year}"
    if style == "ris":
        return date.strftime("%Y/%m/%d")
    if style == "parts":
        return f"{date.year}, {date.month}, {date.day}"
    return date.isoformat()


def as_text(parts: list[Part], accessed: dt.date, anchor: str = "") -> str:
    out = []
    for part in parts:
        if isinstance(part, Accessed):
            out.append(_accessed(accessed, part.style))
        elif isinstance(part, Anchor):
            out.append(f"{part.sign}{anchor}" if anchor else "")
        else:
            out.append(part)
    return "".join(out)


def as_html(parts: list[Part], anchor: str = "") -> str:
    """Escaped text with the slots as spans the script fills; until it runs, a
    slot says what belongs there."""
    out = []
    for part in parts:
        if isinstance(part, Accessed):
            out.append(f'<span data-cite-accessed="{part.style}">访问日期</span>')
        elif isinstance(part, Anchor):
            sign = html.escape(part.sign)
            out.append(f'<span data-cite-anchor="{sign}">{f"{sign}{anchor}" if anchor else ""}</span>')
        else:
            out.append(html.escape(part, quote=False))
    return "".join(out)


def _one_line(text: str) -> str:
    """Tags of RIS and fields of BibTeX are one line each; so is a citation."""
    return " ".join(text.split())


# GB/T 7714-2015: up to three authors, then "等"; a newspaper item online is [N/OL].
def gbt(work: Work) -> list[Part]:
    names = list(work.authors[:3]) + (["等"] if len(work.authors) > 3 else [])
    author = ", ".join(names) or work.corporate
    lead = f"{_one_line(author)}. " if author else ""
    where = _one_line(work.outlet) if work.outlet else "[出版者不详]"
    date = work.date or f"[{NO_DATE_GBT}]"
    page = f"({_one_line(work.page)})" if work.page else ""
    return [f"{lead}{_one_line(work.title)}[N/OL]. {where}, {date}{page}[", Accessed("iso"), "]. ",
            *_url_parts(work), "."]


# APA 7: a news item online. With no author the title takes the author's place;
# when the author is the outlet itself, the outlet is not repeated.
def apa(work: Work) -> list[Part]:
    if work.date:
        year, month, day = (int(x) for x in work.date.split("-"))
        when = f"({year}, {_MONTHS[month - 1]} {day})"
    else:
        when = "(n.d.)"
    names = [_one_line(n) for n in work.authors]
    if len(names) > 2:
        author = ", ".join(names[:-1]) + ", & " + names[-1]
    else:
        author = " & ".join(names) or (_one_line(work.corporate) if work.corporate else "")
    title = _one_line(work.title) + (" [讲话]" if work.kind == "speech" else "")
    outlet = _one_line(work.outlet) if work.outlet and work.outlet != work.corporate else ""
    source = ", ".join(x for x in (outlet, _one_line(work.page) if work.page else "") if x)
    head = f"{author}. {when}. {title}." if author else f"{title}. {when}."
    return [head + (f" {source}." if source else "") + " Retrieved ", Accessed("apa"), ", from ",
            *_url_parts(work)]


_LATEX = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "#": r"\#",
          "$": r"\$", "_": r"\_", "^": r"\textasciicircum{}", "~": r"\textasciitilde{}"}


def bibtex_value(text: str) -> str:
    """Text for a braced BibTeX field: LaTeX's special characters escaped, so
    a title with { } % # cannot end the field or the entry."""
    return "".join(_LATEX.get(char, char) for char in _one_line(text))


def bibtex(work: Work) -> list[Part]:
    # Each name braced: BibTeX would otherwise split 新华社 or "A B" into first and last names.
    names = [f"{{{bibtex_value(n)}}}" for n in work.authors] or (
        [f"{{{bibtex_value(work.corporate)}}}"] if work.corporate else [])
    fields: list[tuple[str, list[Part]]] = []
    if names:
        fields.append(("author", [" and ".join(names)]))
    fields.append(("title", [bibtex_value(work.title)]))
    if work.outlet:
        fields += [("journal", [bibtex_value(work.outlet)]), ("publisher", [bibtex_value(work.outlet)])]
    fields.append(("entrysubtype", ["newspaper"]))
    if work.date:
        fields += [("date", [work.date]), ("year", [work.date[:4]]), ("month", [str(int(work.date[5:7]))])]
    if work.page:
        fields.append(("pages", [bibtex_value(work.page)]))
    if work.site_url:
        fields.append(("url", [urljoin(work.site_url, work.path), Anchor()]))
    else:
        fields.append(("note", [bibtex_value(NO_SITE_URL + work.path), Anchor(sign=r"\#")]))
    fields += [("urldate", [Accessed("iso")]), ("language", [work.language])]
    out: list[Part] = [f"@article{{{work.key},\n"]
    for n, (name, value) in enumerate(fields):
        out += [f"  {name} = {{", *value, "}" + (",\n" if n < len(fields) - 1 else "\n")]
    return out + ["}"]


def ris(work: Work) -> list[Part]:
    lines: list[list[Part]] = [["TY  - NEWS"]]
    lines += [[f"AU  - {_one_line(n)}"] for n in work.authors]
    if not work.authors and work.corporate:
        lines.append([f"AU  - {_one_line(work.corporate)}"])
    lines.append([f"TI  - {_one_line(work.title)}"])
    if work.outlet:
        lines += [[f"T2  - {_one_line(work.outlet)}"], [f"PB  - {_one_line(work.outlet)}"]]
    if work.date:
        lines += [[f"PY  - {work.date[:4]}"], [f"DA  - {work.date.replace('-', '/')}"]]
    if work.page:
        lines.append([f"SP  - {_one_line(work.page)}"])
    if work.site_url:
        lines.append(["UR  - ", urljoin(work.site_url, work.path), Anchor()])
    else:
        lines.append(["N1  - ", NO_SITE_URL + work.path, Anchor()])
    lines += [["Y2  - ", Accessed("ris")], [f"LA  - {work.language}"], ["ER  - "]]
    out: list[Part] = []
    for line in lines:
        out += [*line, "\n"]
    return out[:-1]


def csl(work: Work) -> list[Part]:
    """A CSL-JSON array of one item. The address and the access date are written
    last, by hand, because they hold the slots; every value goes through json."""
    item: dict = {"id": work.key, "type": "speech" if work.kind == "speech" else "article-newspaper",
                  "title": work.title}
    names = list(work.authors) or ([work.corporate] if work.corporate else [])
    if names:
        item["author"] = [{"literal": n} for n in names]
    if work.outlet:
        item["container-title"] = work.outlet
        item["publisher"] = work.outlet
    if work.date:
        item["issued"] = {"date-parts": [[int(x) for x in work.date.split("-")]]}
    if work.page:
        item["page"] = work.page
    item["language"] = work.language
    body = json.dumps([item], ensure_ascii=False, indent=2)
    head = body[: body.rindex("\n  }")]  # the item without its closing brace
    if work.site_url:
        where = ['"URL": ', json.dumps(urljoin(work.site_url, work.path))[:-1], Anchor(), '"']
    else:
        where = ['"note": ', json.dumps(NO_SITE_URL + work.path, ensure_ascii=False)[:-1], Anchor(), '"']
    return [head, ",\n    ", *where, ',\n    "accessed": {"date-parts": [[', Accessed("parts"), "]]}\n  }\n]"]


RENDER = {"gbt": gbt, "apa": apa, "bibtex": bibtex, "ris": ris, "csl": csl}
