"""Enrichment: what an article is filed under does not depend on the process."""

import os
import subprocess
import sys

SCRIPT = """
from zhcorpus.enrich import Taxonomy, enrich
from zhcorpus.speakers import registry_from_data

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
