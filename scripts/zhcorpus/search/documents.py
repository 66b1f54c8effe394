"""Corpus -> search documents, and English names -> Chinese search terms.

A document is the unit a result links to: an article title (kind "page"),
one paragraph or heading (kind "section", URL with #pN/#sN) or a quote
(kind "quote"). Paragraph-sized documents make a result point at the exact
paragraph and keep the text the client must fetch to verify a hit small.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Callable

_ATTR = re.compile(r"\{: #([A-Za-z0-9_-]+) \}\s*$")  # a block's anchor, at its end
_BOLD = re.compile(r"(?<!\\)\*\*")
_ESCAPE = re.compile(r"\\(.)")


def unescape(text: str) -> str:
    """Undo writers.escape_markdown: backslash escapes, then HTML entities."""
    # Most paragraphs hold neither; html.unescape looks for & itself.
    return html.unescape(_ESCAPE.sub(r"\1", text) if "\\" in text else text)


def split_body(body: str) -> list[tuple[str, str, str]]:
    """Markdown body -> [(role, anchor, plain text)], role "h" or "p"."""
    blocks = []
    for block in body.strip().split("\n\n"):
        block = block.strip()
        role = "h" if block.startswith("## ") else "p"
        if role == "h":
            block = block[3:]
        # Only the last "{: #" can start an anchor that ends the block (an id holds no
        # "{"), so it is looked for there rather than searched for from the start.
        at = block.rfind("{: #")
        match = _ATTR.match(block, at) if at != -1 else None
        anchor = match.group(1) if match else ""
        if match:
            block = block[:at].rstrip()
        # Roundup items are "**lead**：text"; the bold markers are markup, not text.
        if "**" in block:
            block = _BOLD.sub("", block)
        text = unescape(block).replace("\n", " ").strip()
        if text:
            blocks.append((role, anchor, text))
    return blocks


def _filters(front: dict) -> dict:
    # "speaker": the people an article names (mentions); "said": a quote's attributed
    # speaker, so a "said by" filter lists only their words; "kind": quote mode.
    return {"speaker": list(front.get("speakers") or []), "event": list(front.get("events") or []),
            "theme": list(front.get("themes") or []),
            "outlet": [front["source_id"]] if front.get("source_id") else [],
            "said": [], "kind": [], "date": str(front.get("date") or "")}


def _report(source: dict) -> list[str]:
    """One report of a quote's words: [outlet, date, article title, link to its paragraph]."""
    url = f"articles/{source.get('slug')}/" + (f"#{source['anchor']}" if source.get("anchor") else "")
    return [str(source.get("outlet") or ""), str(source.get("date") or ""), str(source.get("title") or ""), url]


# Other reports a quote result lists; past them it says how many more and links to the quote's
# entry, which lists them all. A saying reported a hundred times would otherwise put a hundred
# reports into the chunk every search for it fetches.
OTHER_REPORTS = 5


def quote_meta(quote: dict, article: dict, entry: str = "") -> dict:
    """What a quote result shows besides its words: speaker and role ("" when
    unattributed), outlet, date, the first other reports of the same words and,
    when there are more, their number and the quote's ``entry`` (URL) that lists them."""
    own = (quote.get("slug"), quote.get("anchor"))
    # quotes.jsonl records hold dicts; the site's Quote objects hold Source dataclasses.
    sources = [s if isinstance(s, dict) else vars(s) for s in quote.get("sources") or []]
    here = next((s for s in sources if (s.get("slug"), s.get("anchor")) == own), {})
    others = [_report(s) for s in sources if (s.get("slug"), s.get("anchor")) != own]
    meta = {"speaker": str(quote.get("speaker") or ""), "said": str(quote.get("speaker_id") or ""),
            "role": str(quote.get("role") or ""),
            "outlet": str(here.get("outlet") or article.get("source") or ""),
            "date": str(here.get("date") or article.get("date") or ""),
            "others": others[:OTHER_REPORTS]}
    if len(others) > OTHER_REPORTS:
        meta |= {"more": len(others) - OTHER_REPORTS, "entry": entry}
    return meta


def corpus_documents(articles: list[dict], quotes: list[dict] = (),
                     quote_url: Callable[[str], str] = lambda quote_id: f"quotes/#{quote_id}") -> list[dict]:
    """Articles (articles.jsonl records) and quotes (quotes.jsonl) -> documents.

    A quote links to the paragraph that prints it (articles/<slug>/#pN) and
    carries ``meta`` (quote_meta) for its result; ``quote_url`` says where its
    entry on the quotes pages is (the site splits them into pages)."""
    docs = []
    for art in articles:
        slug, filters = art["slug"], _filters(art)
        page = f"articles/{slug}/"
        title = " ".join(t for t in (art.get("title"), art.get("subtitle")) if t)
        docs.append({"id": page, "url": page, "title": art.get("title") or slug, "text": title,
                     "kind": "page", "filters": filters, "boost": 1.0})
        for role, anchor, text in split_body(art.get("body", "")):
            docs.append({"id": f"{page}#{anchor}", "url": f"{page}#{anchor}" if anchor else page,
                         "title": art.get("title") or slug, "text": text, "kind": "section",
                         "filters": filters, "boost": 0.5 if role == "p" else 0.7})
    by_slug = {a["slug"]: a for a in articles}
    for q in quotes:
        art = by_slug.get(q.get("slug"), {})
        filters = _filters(art)
        filters["said"] = [q["speaker_id"]] if q.get("speaker_id") else []
        filters["kind"] = ["quote"]
        # The speaker's name is part of the text, so searching a name finds their quotes.
        text = f"{q['speaker']}：{q.get('text') or ''}" if q.get("speaker") else q.get("text") or ""
        page = f"articles/{q.get('slug')}/"
        docs.append({"id": f"quotes/#{q['id']}", "url": page + (f"#{q['anchor']}" if q.get("anchor") else ""),
                     "title": art.get("title") or str(q.get("slug") or ""), "text": text, "kind": "quote",
                     "filters": filters, "boost": 0.8, "meta": quote_meta(q, art, quote_url(q["id"]))})
    return docs


def read_corpus(corpus: Path) -> list[dict]:
    """Documents for corpus/articles.jsonl + corpus/quotes.jsonl."""
    def load(name: str) -> list[dict]:
        path = corpus / name
        if not path.is_file():
            return []
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return corpus_documents(load("articles.jsonl"), load("quotes.jsonl"))


# Places the corpus reports from, by their English names. The taxonomy has no
# places of its own (its events name them only inside longer names: "the Astana
# Declaration"), and a word of an event's name would stand for the whole event
# (Astana -> 永久睦邻友好合作条约…) rather than the city, so they are listed here
# and win over any such word.
PLACES = {
    "Astana": "阿斯塔纳", "Almaty": "阿拉木图", "Bishkek": "比什凯克", "Dushanbe": "杜尚别",
    "Ashgabat": "阿什哈巴德", "Tashkent": "塔什干", "Samarkand": "撒马尔罕", "Xi'an": "西安",
    "Beijing": "北京", "Kazakhstan": "哈萨克斯坦", "Kyrgyzstan": "吉尔吉斯斯坦", "Tajikistan": "塔吉克斯坦",
    "Turkmenistan": "土库曼斯坦", "Uzbekistan": "乌兹别克斯坦", "Central Asia": "中亚", "China": "中国",
}
# Where a person's family name comes first (Xi Jinping, Wang Yi): the word a reader types alone.
_FAMILY_NAME_FIRST = {"CN", "HK", "MO", "TW", "KR", "JP", "VN"}
_LATIN = re.compile(r"[A-Za-z][A-Za-z .'’-]*")


def _surname(entry: dict) -> str:
    """A person's family name in English: Xi (Xi Jinping), Tokayev (Kassym-Jomart Tokayev)."""
    words = str(entry["en"]).split()
    if entry.get("kind", "person") != "person" or len(words) < 2:
        return ""
    return (words[0] if entry.get("country") in _FAMILY_NAME_FIRST else words[-1]).lower()


def name_aliases(names: dict[str, dict[str, dict]]) -> dict[str, list[str]]:
    """English name (lower case) -> Chinese terms, any of which is a hit.

    ``names`` is family -> id -> entry with ``en``, ``zh_hans`` and, for
    speakers, ``aliases`` / for events and themes, ``match`` terms. The full
    name, a speaker's Latin aliases (Tokaev) and family name alone (Xi), and
    each distinctive word of a name (Jinping) are keys; a word two entries
    share (China, Summit) is dropped as ambiguous. Places (PLACES) win over
    words of other names.
    """
    full: dict[str, set[str]] = {}
    words: dict[str, set[str]] = {}
    for family, entries in sorted(names.items()):
        for ident, entry in sorted(entries.items()):
            if not isinstance(entry, dict) or not entry.get("en") or not entry.get("zh_hans"):
                continue
            terms = {str(entry["zh_hans"])}
            if family != "speakers":  # taxonomy entries are found by their match terms
                terms |= {str(t) for t in entry.get("match") or []}
            en = str(entry["en"]).lower().strip()
            full.setdefault(en, set()).update(terms)
            if family == "speakers":
                for alias in entry.get("aliases") or []:
                    if _LATIN.fullmatch(str(alias)):
                        full.setdefault(str(alias).lower().strip(), set()).update(terms)
                if _surname(entry):
                    words.setdefault(_surname(entry), set()).add((family, ident))
            for word in re.split(r"[^a-z0-9'’]+", en):
                if len(word) >= 4:
                    words.setdefault(word, set()).add((family, ident))
    for place, zh in PLACES.items():
        full.setdefault(place.lower(), set()).add(zh)
    out = {k: sorted(v) for k, v in full.items()}
    for word, owners in words.items():
        if len(owners) == 1 and word not in out:
            family, ident = next(iter(owners))
            en = str(names[family][ident]["en"]).lower().strip()
            out[word] = out[en]
    return dict(sorted(out.items()))


def load_names(taxonomy_file: Path, speakers_file: Path) -> dict[str, dict[str, dict]]:
    """seeds/taxonomy.yml + speakers.yml -> family -> id -> entry, for name_aliases()."""
    import yaml

    def read(path: Path) -> dict:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None
        return data if isinstance(data, dict) else {}

    def by_id(value) -> dict:
        if isinstance(value, list):
            return {str(e["id"]): e for e in value if isinstance(e, dict) and e.get("id")}
        return value if isinstance(value, dict) else {}
    taxonomy, speakers = read(taxonomy_file), read(speakers_file)
    return {"events": by_id(taxonomy.get("events")), "themes": by_id(taxonomy.get("themes")),
            "outlets": by_id(taxonomy.get("outlets")), "speakers": by_id(speakers.get("speakers"))}


def facet_labels(names: dict[str, dict[str, dict]]) -> dict[str, dict[str, str]]:
    """Filter labels shown in the search UI: the Simplified name of each id."""
    families = {"speaker": "speakers", "said": "speakers", "event": "events", "theme": "themes",
                "outlet": "outlets"}
    labels = {facet: {i: str(e.get("zh_hans") or i) for i, e in names.get(family, {}).items() if isinstance(e, dict)}
              for facet, family in families.items()}
    return labels | {"kind": {"quote": "引语"}}
