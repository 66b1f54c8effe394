"""The data page (数据下载) and its files: the corpus as data users take it.

``articles.jsonl`` and ``quotes.jsonl`` are the corpus' own files, byte for byte;
the CSV files hold the same records, one row each, in the same order. Pure:
file bytes in, file bytes and Markdown out, so the same corpus gives the same bytes.

CSV is written UTF-8 **with a byte-order mark**: Excel, the program most people
open a CSV with, reads a CSV without one in the system's legacy code page (GBK on
a Chinese Windows) and shows every Han character garbled; with the mark it reads
UTF-8. Python (``encoding="utf-8-sig"``), pandas and R skip the mark. Rows end in
CRLF (RFC 4180). A list or map field is one cell holding its JSON; null is empty.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re

from . import markup

DATA_URL = "data"
FILES = ("articles", "quotes")
BOM = "\ufeff"
# Rows of the README's front-matter schema table: | `a`, `b` | type, type | meaning |
_SCHEMA_HEADING = "### Front-matter schema"
_ROW = re.compile(r"^\|(?P<fields>[^|]*)\|(?P<type>[^|]*)\|(?P<meaning>.*)\|\s*$")
_FIELD = re.compile(r"`([a-z0-9_]+)`")

# Fields of articles.jsonl that are not front-matter (the README table's subject).
ARTICLE_EXTRA = (
    ("body", "str", "the article's Markdown body: paragraphs, each followed by its anchor line {: #pN }"),
    ("quotes", "int", "number of direct quotations found in the article (quotes.jsonl)"),
)
# quotes.jsonl: the README describes it in prose (Outputs); its fields with their types.
QUOTE_FIELDS = (
    ("id", "str", "a hash of the words (and of the speaker when two speakers are given the same words)"),
    ("text", "str", "the words quoted"),
    ("speaker", "str/null", "the speaker as printed, or a description (一位网友) when the text names nobody"),
    ("speaker_id", "str/null", "registry id of the speaker (speakers.yml); null: unattributed"),
    ("role", "str/null", "the speaker's role as printed before the name"),
    ("country", "str/null", "country code of the speaker (speakers.yml)"),
    ("organization", "str/null", "only where the text prints it apart from the role"),
    ("slug", "str", "the article of the main report"),
    ("anchor", "str", "the paragraph of the main report (p<N>)"),
    ("verb", "str/null", "the reporting verb (说, 表示, 告诉记者 …)"),
    ("wording_differs", "bool", "whether the reports word it differently"),
    ("sources", "list[map]", "every article reporting the words: slug, anchor, date, outlet, speaker, text"),
    ("attributed_by", "str", "only when no report names the speaker: speech, the words are a paragraph of the "
                             "speaker's speech in the corpus"),
    ("basis", "map", "with attributed_by: the speech paragraph (slug, anchor) the speaker was found from"),
)


def schema_rows(readme: str) -> list[tuple[str, str, str]]:
    """(field, type, meaning) from the README's front-matter schema table; a row
    naming two fields with two types (``str, str/null``) gives each its own."""
    at = readme.find(_SCHEMA_HEADING)
    if at == -1:
        return []  # a site built away from the checkout: the CSV columns follow the data
    rows = []
    for line in readme[at:].splitlines()[1:]:
        if rows and not line.startswith("|"):
            break
        match = _ROW.match(line)
        if not match or "---" in match["type"]:
            continue
        fields = _FIELD.findall(match["fields"])
        if not fields:
            continue  # the header row
        types = [t.strip() for t in match["type"].split(",")]
        meaning = match["meaning"].strip()
        for i, name in enumerate(fields):
            rows.append((name, types[i] if len(types) == len(fields) else match["type"].strip(), meaning))
    return rows


def records(jsonl: bytes) -> list[dict]:
    return [json.loads(line) for line in jsonl.decode("utf-8").splitlines() if line.strip()]


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def columns(rows: list[dict], schema: list[str]) -> list[str]:
    """The schema's fields in its order, then any other field the data has (sorted):
    a field the corpus adds later is never dropped from the CSV."""
    present = {key for row in rows for key in row}
    return [f for f in schema if f in present] + sorted(present - set(schema))


def csv_bytes(rows: list[dict], cols: list[str]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(cols)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in cols])
    return (BOM + out.getvalue()).encode("utf-8")


def article_schema(readme: str) -> list[tuple[str, str, str]]:
    return schema_rows(readme) + list(ARTICLE_EXTRA)


def data_files(articles_jsonl: bytes, quotes_jsonl: bytes, readme: str) -> dict[str, bytes]:
    """Site-relative path -> bytes of the four downloads."""
    schemas = {"articles": article_schema(readme), "quotes": list(QUOTE_FIELDS)}
    out = {}
    for name, raw in (("articles", articles_jsonl), ("quotes", quotes_jsonl)):
        rows = records(raw)
        out[f"{DATA_URL}/{name}.jsonl"] = raw
        out[f"{DATA_URL}/{name}.csv"] = csv_bytes(rows, columns(rows, [f for f, _, _ in schemas[name]]))
    return out


LICENCE = (
    "文章正文（标题、正文、图片说明等报道文字）的版权属于刊发它的媒体（见每篇的 source 字段），"
    "本站转录仅供研究、检索与引用，转载或再发布须取得原媒体许可。"
    "本项目加上的结构与元数据（分段与锚点、字段、事件、主题与人物标注、引语及其归属、索引）"
    "以及生成它们的代码，按本项目的 MIT 许可证提供。"
)


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{max(1, round(n / 1024))} KB"


def data_page(files: dict[str, bytes], readme: str, link_prefix: str = "") -> str:
    """``data/index.md``. ``link_prefix``: where the files are from this page
    (the Traditional edition links to the one copy in the Simplified edition)."""
    schemas = {"articles": article_schema(readme), "quotes": list(QUOTE_FIELDS)}
    counts = {name: len(records(files[f"{DATA_URL}/{name}.jsonl"])) for name in FILES}
    lines = ["# 数据下载", "",
             f"语料的全部数据：{counts['articles']} 篇文章、{counts['quotes']} 条直接引语。"
             "JSON Lines 每行一条记录；CSV 内容相同，每条一行。", "",
             "| 文件 | 内容 | 大小 | SHA-256 |", "|---|---|---|---|"]
    for path, data in files.items():
        name = path.rsplit("/", 1)[1]
        what = "文章" if name.startswith("articles") else "引语"
        href = link_prefix + name
        link = f"[{name}]({href})" if not link_prefix else f'<a href="{href}">{name}</a>'
        lines.append(f"| {link} | {what}，{counts[name.split('.')[0]]} 条 | {_size(len(data))} | "
                     f"`{hashlib.sha256(data).hexdigest()[:16]}…` |")
    lines += ["", "CSV 为带 BOM 的 UTF-8（Excel 据此识别编码，否则中文显示为乱码），行尾 CRLF；"
              "列表与映射字段在单元格中写作 JSON，空值为空单元格。", "",
              "## 许可", "", LICENCE, ""]
    for name, title in (("articles", "文章字段"), ("quotes", "引语字段")):
        lines += [f"## {title}（{name}）", "", "| 字段 | 类型 | 含义 |", "|---|---|---|"]
        lines += [f"| `{f}` | {markup.escape(t)} | {markup.escape(m)} |" for f, t, m in schemas[name]]
        lines.append("")
    return "\n".join(lines)
