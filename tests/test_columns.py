"""Putting interleaved columns back in order: the scoring rules and a small page."""

from pathlib import Path

import pytest

from zhcorpus.reading.columns import (Reference, has_unmatched_closer, is_heading_like, join_evidence,
                              link_continuations, open_quote_depth, quote_fit, reading_chains)
from zhcorpus.reading.layout import TEXT, Block, page_blocks
from zhcorpus.reading.segment import assemble


def text_block(text):
    return Block(TEXT, text, 1)


@pytest.mark.parametrize("text, heading", [
    ("“中亚国家同中国合作的强大动力”", True),
    ("三、相知相亲，坚持永久睦邻友好", True),
    ("合作之路越走越宽广 友谊之花越开越灿烂——习近平主席重要讲话为中国中亚携手前行擘画蓝图", True),
    ("记者手记", True),
    # not headings: pieces of paragraphs
    ("“习近平主席在西安峰会上提出的主张举措正逐步转", False),
    ("现代化生产生活为人类带来繁荣物质的同时，也加剧了只占地球总面", False),
    ("此次峰会成果丰硕，达成多项合作协议。谈及", False),
    ("王毅说，仲夏时节，", False),
    ("一种精神，指引携手前行的方向。", False),
])
def test_is_heading_like(text, heading):
    assert is_heading_like(text_block(text)) is heading


@pytest.mark.parametrize("text, depth, closes", [
    ("“我欢迎建立合作中心。”他说，“乌兹别克斯坦愿积极参与这些机制活动的组", 1, False),
    ("织与开展。”", 0, True),
    ("以「互尊、互信、互利、互助，以", 1, False),
    ("高質量發展推進共同現代化」為基本內容", 0, True),
    ("“‘一带一路’”", 0, False),
])
def test_quote_state(text, depth, closes):
    assert (open_quote_depth(text), has_unmatched_closer(text)) == (depth, closes)


def test_quote_fit_prefers_closing_an_open_quote():
    cut = "他说，“乌兹别克斯坦愿积极参与这些机制活动的组"
    assert quote_fit(cut, "织与开展。”", False) > quote_fit(cut, "“在充满不确定的世界中，", False)
    assert quote_fit("推动中国和周边国家携手走上发展", "讲话中面向中亚国家宣布。”", False) < 0


def test_join_evidence_uses_words_and_corpus_text():
    reference = Reference("中国和中亚国家务实合作破解的是发展难题，汇聚的是共进力量")
    assert join_evidence("参与这些机制活动的组", "织与开展。”", reference) >= 2          # 组织: a jieba word
    assert join_evidence("破解的是发展难题，", "汇聚的是共进力量", reference) >= 5     # printed elsewhere
    assert join_evidence("破解的是发展难题，", "关系，保证不发生战争", reference) == 0
    # a bare comma on one side is no evidence
    assert join_evidence("难题，", "中国", Reference("，中国")) == 0


# The shape of seed 000: article A (headline first), then B's headline; B is
# cut mid-word (组) and A's next column follows; A is cut (发展) and B resumes
# (织与开展); A resumes after B's dateline (振兴之路).
INTERLEAVED = """甲文标题 汇聚共进力量

甲文第一段讲的是中国同中亚国家的合作，内容很长很长很长很长。

乙文标题 合作之路越走越宽广——习近平主席重要讲话为中国中亚携手前行擘画蓝图

乙文第一段：当地时间6月17日下午，第二届中国—中亚峰会在阿斯塔纳独立宫举行。

“我欢迎建立减贫合作中心。”他说，“乌兹别克斯坦愿积极参与这些机制活动的组

甲文第二段讲的是另一件事，跟乙文无关，推动中国和周边国家携手走上发展

织与开展。”

乙文最后一段讲的是峰会的成果，内容也很长很长很长很长很长很长。

新华社北京6月18日电

振兴之路、和合共生之路，树立相互尊重、公平正义、合作共赢的新型国际关系典范。

新华社阿斯塔纳6月18日电
"""


def test_interleaved_columns_are_rejoined_in_their_own_articles():
    blocks = page_blocks(INTERLEAVED)
    reference = Reference("亲仁善邻，推动走上发展振兴之路")
    links = link_continuations(blocks, reference)
    drafts = assemble(blocks, reading_chains(blocks, links), links)
    assert [d.title for d in drafts] == [
        "甲文标题 汇聚共进力量", "乙文标题 合作之路越走越宽广——习近平主席重要讲话为中国中亚携手前行擘画蓝图"]
    bodies = [[text for _, text, _ in d.body] for d in drafts]
    assert bodies[0] == [
        "甲文第一段讲的是中国同中亚国家的合作，内容很长很长很长很长。",
        "甲文第二段讲的是另一件事，跟乙文无关，推动中国和周边国家携手走上发展振兴之路、和合共生之路，"
        "树立相互尊重、公平正义、合作共赢的新型国际关系典范。",
    ]
    assert bodies[1] == [
        "乙文第一段：当地时间6月17日下午，第二届中国—中亚峰会在阿斯塔纳独立宫举行。",
        "“我欢迎建立减贫合作中心。”他说，“乌兹别克斯坦愿积极参与这些机制活动的组织与开展。”",
        "乙文最后一段讲的是峰会的成果，内容也很长很长很长很长很长很长。",
    ]
    assert [d.dateline for d in drafts] == ["新华社阿斯塔纳6月18日电", "新华社北京6月18日电"]


@pytest.mark.parametrize("fragment", ["合作", "作破", "共进力量", "，汇聚", "中亚国家务实", "不在", "量", "甲", "难题，汇聚的是共进"])
def test_reference_scan_and_index_agree(fragment):
    text = "中国和中亚国家务实合作破解的是发展难题\x00汇聚的是共进力量，汇聚"
    assert (fragment in Reference(text)) == (fragment in Reference(text).index()) == (fragment in text)


def test_reference_is_indexed_once():
    reference = Reference("中国和中亚国家务实合作").index()
    positions = reference._positions
    assert reference.index()._positions is positions  # a second call keeps the first index


# Issue 20: link_continuations scored every cut against every candidate (481k
# join checks on a 2 MB page). It now scores groups of them and asks each group
# for its nearest free candidate; this is the code before, kept as the spec.

def _link_continuations_as_first_written(blocks, reference):
    from zhcorpus.reading.columns import (_ADJACENT_BONUS, _MIN_LINK_SCORE, _MIN_REMOTE_SCORE, _follows_a_jump,
                                  _is_skippable, _next_body_index, _pair_the_last_orphan, is_cut)
    from zhcorpus.reading.layout import ITEM, QR
    from zhcorpus.reading.columns import Links

    cuts = [i for i, b in enumerate(blocks) if is_cut(b)]
    offpage = {i for i in cuts if i + 1 < len(blocks) and blocks[i + 1].kind == QR}
    candidates = [i for i, b in enumerate(blocks) if b.kind in (TEXT, ITEM) and not is_heading_like(b)
                  and _follows_a_jump(blocks, i)]
    scored = []
    for cut in cuts:
        if cut in offpage:
            continue
        adjacent = _next_body_index(blocks, cut)
        for candidate in candidates:
            if candidate == cut:
                continue
            left, right = blocks[cut].text, blocks[candidate].text
            score = join_evidence(left, right, reference) + quote_fit(left, right, left[-1] in "：，")
            if candidate == adjacent:
                score += _ADJACENT_BONUS
            elif score < _MIN_REMOTE_SCORE:
                continue
            if score >= _MIN_LINK_SCORE:
                scored.append((-score, abs(candidate - cut), cut, candidate))
    continuation: dict[int, int] = {}
    taken: set[int] = set()
    for _, _, cut, candidate in sorted(scored):
        if cut not in continuation and candidate not in taken:
            continuation[cut] = candidate
            taken.add(candidate)
    _pair_the_last_orphan(blocks, cuts, candidates, offpage, continuation)
    lifted = {}
    for cut, candidate in continuation.items():
        if candidate > cut:
            for between in range(cut + 1, candidate):
                if _is_skippable(blocks[between]):
                    lifted[between] = cut
    return Links(continuation, lifted, offpage)


def _agree(blocks, reference_text):
    now = link_continuations(blocks, Reference(reference_text))
    then = _link_continuations_as_first_written(blocks, Reference(reference_text))
    # the same links, made in the same order
    assert list(now.continuation.items()) == list(then.continuation.items())
    assert (now.lifted, now.offpage) == (then.lifted, then.offpage)
    return now


def _seed_pages():
    from zhcorpus.reading.readers import read_seed

    root = Path(__file__).resolve().parents[1]
    return [page_blocks(read_seed(path).text) for path in sorted((root / "seeds").glob("*.txt"))]


def _reference(pages):
    from zhcorpus.language.convert import to_simplified

    return "\x00".join(to_simplified(b.text) for blocks in pages for b in blocks if b.kind == TEXT)


def test_links_agree_with_their_spec_on_the_seeds_and_on_many_copies_of_them():
    pages = _seed_pages()
    reference = _reference(pages)
    linked = [_agree(blocks, reference) for blocks in pages]
    assert sum(len(links.continuation) for links in linked) >= 5  # the seeds' interleaved columns
    _agree(page_blocks(INTERLEAVED), "亲仁善邻，推动走上发展振兴之路")
    # a long page reprinting the same copy: groups of many cuts and candidates
    many = [block for _ in range(6) for blocks in pages for block in blocks]
    assert len(_agree(many, reference).continuation) > 6 * 5


def test_links_agree_with_their_spec_on_random_pages():
    import random

    from zhcorpus.reading.layout import CAPTION, DATELINE, QR, BYLINE

    pages = _seed_pages()
    paragraphs = [b.text for blocks in pages for b in blocks if b.kind == TEXT and len(b.text) > 30]
    rng = random.Random(20)
    furniture = [(DATELINE, "新华社北京6月18日电"), (QR, "掃碼閱讀全文"), (CAPTION, "图为峰会现场"),
                 (BYLINE, "新华社记者 韩梁"), (TEXT, "合作之路越走越宽广")]
    for _ in range(300):
        # pieces of a few paragraphs, cut anywhere, each several times: cuts, continuations,
        # open quotes, and groups of cuts and candidates that score alike
        pieces = []
        for text in rng.sample(paragraphs, 6):
            cut = rng.randint(1, len(text) - 1)
            pieces += [text, text[:cut], text[cut:]]
        blocks = []
        for _ in range(rng.randint(2, 60)):
            kind, text = rng.choice(furniture) if rng.random() < 0.25 else (TEXT, rng.choice(pieces))
            blocks.append(Block(kind, text, len(blocks) + 1))
        texts = [b.text for b in blocks if b.kind == TEXT]
        reference = rng.choice([_reference(pages), "\x00".join(texts), ""])
        _agree(blocks, reference)


def test_a_reference_asked_many_fragments_indexes_itself():
    from zhcorpus.reading.columns import _SCANS_BEFORE_INDEX

    text = "中国和中亚国家务实合作破解的是发展难题\x00汇聚的是共进力量，汇聚" * 50
    reference = Reference(text)
    chars = sorted(set(text))
    fragments = [a + b + c for a in chars for b in chars for c in ("", "汇", "甲")]
    assert len(set(fragments)) > _SCANS_BEFORE_INDEX
    assert [f in reference for f in fragments] == [f in text for f in fragments]
    assert reference._positions is not None  # indexed on the way, with the same answers
