"""Speech verbs (quotes/speechverbs.py) and names apart from titles (quotes/personnames.py): tables of
clauses and what must be found in them, including what must be left alone. The
sentences are ours, written from general news syntax."""

import pytest

from zhcorpus.quotes.personnames import Words, dotted_names, name_opening, people_after_titles
from zhcorpus.language.segmenter import Segmenter, common_words
from zhcorpus.quotes.speechverbs import VERBS, cue_verb, verb_in


@pytest.fixture(scope="module")
def words():
    segmenter = Segmenter()
    return lambda text: Words(text, segmenter.tag(text))


def test_the_lexicon_is_not_a_short_list():
    assert len(VERBS) >= 200
    assert {"说", "表示", "指出", "强调", "认为", "分析", "感叹", "坦言", "直言", "透露", "呼吁", "回忆"} <= VERBS


CUE_ENDS = [  # a reporting clause before a quote ends with…
    ("刘强分析道", "分析道"), ("她感叹道", "感叹道"), ("他回忆说", "回忆说"), ("李明介绍说", "介绍说"),
    ("王芳坦言", "坦言"), ("专家直言", "直言"), ("张华透露", "透露"), ("他呼吁", "呼吁"),
    ("她笑着说", "说"), ("司机一字一句地问", "问"), ("陈刚告诉记者", "告诉记者"), ("他对记者说", "对记者说"),
    ("她的开场白是", "的开场白是"), ("文章援引一位议员的话说", "援引一位议员的话说"), ("有分析指", "指"),
    ("赵伟在接受采访时表示", "表示"), ("他在社交媒体上写道", "写道"),
    # …and these end with no reporting verb
    ("对中亚国家来说", None), ("他接受法新社访问", None), ("她喜欢读小说", None), ("大家都知道", None),
    ("双方签署了协议", None),
]


@pytest.mark.parametrize("clause, verb", CUE_ENDS)
def test_cue_verbs(clause, verb):
    found = cue_verb(clause)
    assert (found[1] if found else None) == verb


@pytest.mark.parametrize("clause, verb", [
    ("王毅在会上这样说", "说"), ("托卡耶夫补充道", "补充道"), ("米尔济约耶夫在接受访问时说", "说"),
    ("他知道这件事", None), ("访问团抵达阿拉木图", None), ("他的发言引起共鸣", None),
])
def test_verbs_inside_a_clause(clause, verb):
    assert verb_in(clause) == verb


AFTER_TITLES = [  # sentence -> (name, role, organization) of each name printed right after a title
    ("中国社会科学院世界经济与政治研究所助理研究员王丽华指出，", [("王丽华", "助理研究员", "中国社会科学院世界经济与政治研究所")]),
    ("出租车司机马建国开了二十年车", [("马建国", "出租车司机", None)]),
    ("进口商林志强在机场说", [("林志强", "进口商", None)]),
    ("哈萨克总统托卡叶夫在会上说", [("托卡叶夫", "哈萨克总统", None)]),  # a country, not an organization
    ("考察团团长、香港一家贸易公司总经理陈国华表示", [("陈国华", "总经理", "贸易公司")]),
    # left alone: no name after the title, a word, an institution named after someone
    ("一位吉尔吉斯斯坦网友则借用一句中国网络热词感叹道", []),
    ("记者来自中国", []),
    ("记者简短采访了他", []),
    ("司机马师傅说", []),
    ("纳扎尔巴耶夫大学教授表示", []),
]


@pytest.mark.parametrize("text, expected", AFTER_TITLES)
def test_names_after_titles(words, text, expected):
    found = people_after_titles(words(text), common_words())
    assert [(p.name, p.role, p.organization) for p in found] == expected


OPENINGS = [  # a bare name opening a reporting clause
    ("高立新说", "高立新"), ("孔令华坦言", "孔令华"), ("王毅表示", "王毅"), ("萨雷巴耶夫直言", "萨雷巴耶夫"),
    ("卡比多夫笑着说", "卡比多夫"),
    ("高度评价", None), ("随后举杯说", None), ("评论文章说", None), ("纳扎尔巴耶夫大学发表声明", None),
    ("阿斯塔纳宣布", None), ("刘畅说", None),  # two characters jieba does not tag as a name: not on its own
]


@pytest.mark.parametrize("clause, name", OPENINGS)
def test_names_opening_a_clause(words, clause, name):
    found = name_opening(words(clause), common_words())
    assert (found.name if found else None) == name


def test_a_name_the_article_gave_opens_a_clause(words):
    found = name_opening(words("刘畅说"), common_words(), known=lambda name: name == "刘畅")
    assert found.name == "刘畅"


@pytest.mark.parametrize("text, names", [
    ("来自阿斯塔纳的游客阿依古丽·萨肯第三次来到中国", ["阿依古丽·萨肯"]),
    ("乌兹别克斯坦驻华使馆参赞阿卜杜拉·拉希莫夫表示", ["阿卜杜拉·拉希莫夫"]),  # 赞 is no part of the name
    ("英国智库研究员亚历山大·库珀接受采访", ["亚历山大·库珀"]),
    ("哈萨克斯坦阿斯卡尔·别克穆拉托夫说", ["阿斯卡尔·别克穆拉托夫"]),  # nor is the country
    ("“一带一路”·共建", []),
    ("巴黎一所大学的中亚史教授让-皮埃尔·勒梅尔则认为", ["让-皮埃尔·勒梅尔"]),  # a double given name
    ("中国—中亚峰会", []),
])
def test_dotted_names(text, names):
    assert [text[start:end] for start, end in dotted_names(text)] == names
