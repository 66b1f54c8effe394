"""Enrichment: what an article is filed under does not depend on the process, and an
event of one time and place takes no article of another."""

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from zhcorpus.articles.enrich import enrich, load_taxonomy
from zhcorpus.quotes.speakers import registry_from_data

SCRIPT = """
from zhcorpus.articles.enrich import Taxonomy, enrich
from zhcorpus.quotes.speakers import registry_from_data

registry = registry_from_data({"speakers": [
    {"id": "tokayev", "zh_hans": "托卡耶夫", "aliases": ["托总统甲", "托总统乙", "托总统丙"]}]})
taxonomy = Taxonomy(topic=(), outlets={}, events={}, themes={})
text = "托总统丙表示，合作前景广阔。托总统甲指出，双方要加强合作。托总统乙说，欢迎各方。"
print(enrich("", text, taxonomy, registry).matched["speakers"])
"""


def test_the_name_a_speaker_is_filed_by_does_not_depend_on_hash_order():
    """Three names of one length, each followed by a speech verb: the same one is
    recorded in every process, whatever order a set of names iterates in."""
    found = set()
    for seed in range(8):
        env = {**os.environ, "PYTHONHASHSEED": str(seed)}
        out = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, check=True)
        found.add(out.stdout.strip())
    assert found == {"{'tokayev': ['托总统丙']}"}


# Events of one time and place: a bare term (中国—中亚峰会) files nothing under the
# second summit that is dated elsewhere, or that is undated and names neither its
# place nor its ordinal. The taxonomy says so (dates, evidence), not the code.

ROOT = Path(__file__).resolve().parents[1]

TAXONOMY = load_taxonomy(ROOT / "seeds" / "taxonomy.yml")
NOBODY = registry_from_data({"speakers": []})
XIAN = "首届中国—中亚峰会18日晚在西安开幕。国家主席习近平会见中亚五国元首，双方会谈后签署文件。"
ASTANA = "第二届中国—中亚峰会17日在阿斯塔纳举行。国家主席习近平会见吉尔吉斯斯坦总统，两国元首会谈。"
SCO = "上海合作组织阿斯塔纳峰会4日闭幕。明年在阿斯塔纳举行的第二届中国—中亚峰会，将是下一个节点。"
BARE = "中国—中亚峰会期间，习近平会见各国元首，双方会谈。"


@pytest.mark.parametrize("text, date, events", [
    (XIAN, dt.date(2023, 5, 19), []),                          # the first summit, dated 2023
    (XIAN, None, []),                                          # undated, and naming neither Astana nor 第二届
    (SCO, dt.date(2024, 7, 5), []),                            # the SCO's Astana summit, the year before
    (ASTANA, dt.date(2025, 6, 17), ["bilateral-meetings", "summit"]),
    (ASTANA, None, ["bilateral-meetings", "summit"]),          # undated, and its place is printed
    (BARE, dt.date(2025, 6, 17), ["bilateral-meetings", "summit"]),   # dated within the summit's year
    (BARE, None, []),
])
def test_an_event_of_one_time_and_place(text, date, events):
    assert enrich("", text, TAXONOMY, NOBODY, date=date).events == events
