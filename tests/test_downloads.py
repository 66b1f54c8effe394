"""The data page's downloads read back with json and csv, and equal to corpus/."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from zhcorpus.site import downloads
from zhcorpus.site.buildrun import REPO, build_site

CORPUS = REPO / "corpus"
pytestmark = pytest.mark.skipif(not (CORPUS / "articles.jsonl").is_file(), reason="needs `zhcorpus build`")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    result = build_site(tmp_path_factory.mktemp("data") / "site", corpus=CORPUS)
    assert result.returncode == 0, result.log
    assert result.warnings == []
    return result


def _jsonl(data: bytes) -> list[dict]:
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


def _csv(data: bytes) -> list[dict]:
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    return json.dumps(value, ensure_ascii=False, sort_keys=True) if isinstance(value, (list, dict)) else str(value)


@pytest.mark.parametrize("name", ["articles", "quotes"])
def test_downloads_match_the_corpus(site, name):
    corpus_bytes = (CORPUS / f"{name}.jsonl").read_bytes()
    served = (site.site_dir / "data" / f"{name}.jsonl").read_bytes()
    assert served == corpus_bytes
    records = _jsonl(served)
    rows = _csv((site.site_dir / "data" / f"{name}.csv").read_bytes())
    assert len(rows) == len(records) > 0
    for record, row in zip(records, rows):
        assert set(row) == {k for r in records for k in r}  # every field of the data is a column
        assert {k: v for k, v in row.items()} == {k: _cell(record.get(k)) for k in row}
        # Lists and maps come back whole from their JSON cell.
        for key, value in record.items():
            if isinstance(value, (list, dict)):
                assert json.loads(row[key]) == value


def test_the_data_page_lists_the_files_schema_and_licence(site):
    for edition_dir, prefix in (("", ""), ("zh-Hant/", "../../data/")):
        page = (site.site_dir / edition_dir / "data" / "index.html").read_text(encoding="utf-8")
        for name in ("articles.jsonl", "articles.csv", "quotes.jsonl", "quotes.csv"):
            assert f'href="{prefix}{name}"' in page
            # the link resolves in the built site
            assert (site.site_dir / "data" / name).is_file()
        assert "MIT" in page
    page = (site.site_dir / "data" / "index.html").read_text(encoding="utf-8")
    assert "版权属于刊发它的媒体" in page
    articles = _jsonl((CORPUS / "articles.jsonl").read_bytes())
    quotes = _jsonl((CORPUS / "quotes.jsonl").read_bytes())
    assert f"{len(articles)} 篇文章、{len(quotes)} 条直接引语" in page
    documented = set(re.findall(r"<td><code>([a-z0-9_]+)</code></td>", page))
    # Every field the data has is explained on the page.
    assert {k for r in articles + quotes for k in r} <= documented
    # The data page is in the navigation of both editions.
    assert 'href="data/"' in (site.site_dir / "index.html").read_text(encoding="utf-8")


def test_the_article_schema_comes_from_the_readme_table():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    rows = downloads.schema_rows(readme)
    fields = [f for f, _, _ in rows]
    assert fields[:3] == ["title", "subtitle", "slug"]
    assert ("seed_sha256", "str") == next((f, t) for f, t, _ in rows if f == "seed_sha256")
    assert ("subtitle", "str/null") == next((f, t) for f, t, _ in rows if f == "subtitle")
    front_matter = {k for r in _jsonl((CORPUS / "articles.jsonl").read_bytes()) for k in r} - {"body", "quotes"}
    assert front_matter <= set(fields)
    assert downloads.schema_rows("# no table here\n") == []


CELLS = [
    (None, ""), (True, "true"), (False, "false"), (3, "3"), ("文本,\"引号\"\n换行", "文本,\"引号\"\n换行"),
    (["甲", "乙"], '["甲", "乙"]'), ({"b": 1, "a": [2]}, '{"a": [2], "b": 1}'),
]


@pytest.mark.parametrize("value, cell", CELLS)
def test_a_csv_cell_reads_back(value, cell):
    data = downloads.csv_bytes([{"x": value}], ["x"])
    assert data.endswith(b"\r\n")
    assert _csv(data) == [{"x": cell}]

