"""Names of people in Chinese news text, told apart from their titles and employers.

A speaker the registry does not know is made only from a string that passes a
name check here; what fails stays unattributed (a clause tail such as
一句中国网络热词 is not a person). Three kinds of name are recognized:

- transliterated names with a separating dot (努尔别克·托克托古洛夫), anywhere;
- a Chinese surname with a one- or two-character given name, or a
  transliteration without a dot (叶尔兰, 托卡叶夫), right after a title word
  (助理研究员刘畅, 出租车司机叶尔兰, 总统托卡叶夫) or opening a reporting clause
  (高建华说, 刘畅：);
- jieba's word boundaries and part-of-speech tags decide where a name ends and
  whether what precedes it is a title (a word of the TITLES list, or a noun
  ending in a title character), so 中国社会科学院…研究所助理研究员刘畅 gives the
  name 刘畅, the role 助理研究员 and the organization 中国社会科学院…研究所.

Pure functions over text and a tagger (``Segmenter.tag``: words with jieba's
tags, the project's one tokenizer).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Sequence

Tagger = Callable[[str], Sequence[tuple[str, str]]]

DOTS = "·・‧•･．"
# Characters of standard transliterations of foreign names (Xinhua's tables), and of
# Central Asian given names as Chinese papers print them.
TRANSLIT = frozenset(
    "阿埃艾爱安昂奥澳巴拔芭白拜班邦保鲍贝本比彼毕别宾滨波玻伯勃博卜布步查察柴昌车彻楚茨达代戴丹旦道德登"
    "迪狄底蒂帝丁东杜敦顿多朵俄厄额恩尔耳法凡梵菲斐费芬佛夫弗伏福甫富盖甘冈戈哥格葛根古谷瓜圭贵哈海汉杭豪"
    "赫黑亨洪胡华怀霍基吉季济加佳迦贾简江捷杰金津京久居君喀卡凯坎康考柯科克肯孔库夸奎昆拉腊莱赖兰朗劳勒雷"
    "蕾冷黎里理丽利莉连廉良列烈林琳灵留柳隆娄卢鲁陆路露伦罗洛络吕律马玛迈麦曼芒毛梅美门蒙孟米密绵缅苗明摩"
    "莫默姆木穆纳娜奈南楠瑙内尼妮涅宁纽农努诺欧帕潘庞佩彭皮珀普奇齐契恰乔切钦琴青丘秋让热仁日荣茹儒瑞若萨"
    "塞赛桑瑟森沙莎山珊尚绍舍申圣什施史舒斯丝思松苏素索塔泰坦汤唐陶特提廷通图托陀瓦万旺威韦维温文翁沃乌伍"
    "武西希锡席夏仙香肖谢辛欣兴休修雅亚延扬耶叶伊依宜因英尤由友宇玉裕元约云扎泽詹哲珍朱卓孜兹宗佐祖赞拜"
    "汗罕依娃薇琪娅历大芙萝黛茜绮菈翠斐曼蓓伽"
)
# Ends of Slavic and Turkic family names: an undotted transliteration that ends
# so is a person even without a title before it (托克托古洛夫, 萨雷巴耶夫).
FAMILY_ENDINGS = ("夫", "娃", "耶娃", "诺娃", "科娃", "维奇", "耶维奇", "乌勒", "乌雷", "佐达", "别科娃", "斯基", "姆")

_COMPOUND_SURNAMES = (
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 令狐 端木 轩辕 呼延 独孤 南宫 西门 "
    "申屠 百里 东郭 闻人 太史 钟离 宗政 濮阳 淳于 单于 澹台 公冶 赫连 万俟 司空 拓跋"
).split()
# Common single-character surnames. Left out: characters that far more often are
# function words at the start of a predicate (向 对 于 和 从 在 将 把 被 让 给 以 由 据 及 也 还 就 都 才 再).
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤庞樊兰"
    "殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍韦申尤毕聂丛焦柴游柳甘关祝左包宁尚符舒阮柯纪梅童凌毕单靳祁景詹"
    "欧路桂滕岳蓝简胥粟伏屈晏柏饶米臧麦栾喻阎戚骆钮封储强甄巫宫蒲沙谷车侯霍涂苗乔项闵盛卜冉解时全娄农"
    "查戈辛巩苟鞠邬秋仲幸郎宗乐宿敖相冷费艾明晁仇冀简卓廉魏佟茅郁晋荣易缪谈邢平汝荀胡伊仝吉"
)
# Titles and roles printed before a name (助理研究员刘畅). Longest first when matched.
TITLES = frozenset("""
总统 副总统 总理 副总理 首相 主席 副主席 国家主席 委员长 委员 常委 部长 副部长 外长 外交部长 大使 公使 参赞 领事 总领事
发言人 新闻发言人 司长 副司长 局长 副局长 处长 副处长 厅长 副厅长 市长 副市长 州长 省长 县长 区长 镇长 乡长 村长 主任 副主任
书记 副书记 秘书长 副秘书长 理事长 会长 副会长 董事长 副董事长 总裁 副总裁 总经理 副总经理 经理 项目经理 总监 主管 负责人
创始人 合伙人 首席执行官 首席经济学家 经济学家 总工程师 工程师 技术员 技师 院长 副院长 所长 副所长 校长 副校长 系主任 主编 副主编
总编辑 编辑 记者 特约记者 主持人 教授 副教授 讲师 助教 研究员 副研究员 助理研究员 首席研究员 高级研究员 学者 专家 博士 博士生
博士后 硕士生 研究生 本科生 大学生 学生 留学生 交流生 实习生 教师 老师 医生 护士 司机 厨师 店长 店主 老板 农民 牧民 工人 商人 进口商
出口商 经销商 代表 议员 官员 军官 团长 队长 班长 组长 站长 船长 机长 列车长 指挥长 运营官 翻译 导游 游客 志愿者 运动员 教练 演员
歌手 画家 作家 诗人 导演 艺术家 摄影师 设计师 律师 法官 检察官 警官 民警 市民 居民 村民 网友 青年 姑娘 小伙 老人 母亲 父亲
员工 职员 主任医师 医师 村支书 驻华大使 特使 特别代表 执行主任 副主席 秘书 干事 调研员 分析师 评论员 观察员 顾问 高级顾问
""".split())
# Characters that end role nouns not in TITLES (调度员, 驾驶员, 营业员, 理事, 种植户).
_TITLE_ENDS = tuple("员长师家生官商手者授任监理事户")
# Determiners that make a subject unnamed: 一位网友, 该负责人, 这位人士, 多位学者.
GENERIC_OPENINGS = (
    "一位", "一名", "一个", "一家", "一些", "一群", "一对", "一条", "一则", "有的", "有人", "有位", "有名", "某", "多位", "多名",
    "不少", "许多", "很多", "部分", "其中", "另一", "另有", "该", "这位", "那位", "这名", "那名", "这些", "那些", "此", "其",
    "各", "每", "众多", "大批", "一批", "数名", "数位", "几位", "几名", "两位", "两名", "三位", "三名", "业内", "有关",
)
# A given name never holds these (they start the predicate: 王明说, 马上, 记者来自).
_NOT_IN_GIVEN = frozenset("的了着过在对向和与同跟及把被让给从到说称是为也还又都就则而并已曾将会要能可不没很更最这那其此该每各某等们"
                          "时后前上下里内外年月日号表指认告谈提坦直呼透介分回感笑问答写道讲")
# A name that jieba's dictionary holds as one word of these classes is that word (简短, 文章).
_WORD_TAGS = frozenset("a ad an v vn vd d n ng t m q r p c f s l i b z u uj ul".split())
_HONORIFICS = ("师傅", "先生", "女士", "小姐", "老师", "同志", "大爷", "大妈", "阿姨", "大叔", "大姐", "老人", "夫妇")
# Places spelled with transliteration characters: never a person.
PLACE_ENDS = ("斯坦", "共和国", "市", "州", "省", "区", "县", "城", "港", "站", "湖", "河", "山", "岛", "湾", "国", "纳", "图")
_NAME_TAGS_DENY = frozenset("v vn p c u uj ul uz ud ug uv d r m q t f".split())


@dataclass(frozen=True)
class Person:
    """A name found in text: [start, end) of the name, and what was printed before it."""

    name: str
    start: int
    end: int
    role: str | None = None
    organization: str | None = None


def dotted(name: str) -> bool:
    return any(d in name for d in DOTS)


def normal_dots(name: str) -> str:
    """One dot for every variant (・‧•), so one person is one string."""
    return re.sub(f"[{DOTS}]", "·", name)


def parts(name: str) -> list[str]:
    """The parts of a dotted transliteration (阿依古丽·萨肯 -> 阿依古丽, 萨肯)."""
    return [p for p in re.split(f"[{DOTS}]", name) if p]


_T = "".join(sorted(TRANSLIT))
# A French or Russian double given name keeps its hyphen: 让-皮埃尔·勒梅尔.
_DOTTED = re.compile(f"[{_T}]{{1,10}}(?:[-‐][{_T}]{{1,10}})?(?:[{DOTS}][{_T}]{{1,12}})+")


def is_transliteration(word: str) -> bool:
    return len(word) >= 2 and all(c in TRANSLIT for c in word)


def is_place(word: str) -> bool:
    return word.endswith(PLACE_ENDS)


def looks_like_family_name(word: str) -> bool:
    """An undotted transliteration with a family-name ending (努尔别科夫, 卡里莫娃)."""
    return len(word) >= 3 and is_transliteration(word) and word.endswith(FAMILY_ENDINGS) and not is_place(word)


_TRANSLIT_TITLES = tuple(sorted((t for t in TITLES if t[-1] in TRANSLIT), key=len, reverse=True))  # 参赞


def dotted_names(text: str) -> list[tuple[int, int]]:
    """[start, end) of every dotted transliterated name in ``text``, without a place
    or a title glued in front (哈萨克斯坦…, 参赞阿卜杜拉·拉希莫夫)."""
    found = []
    for m in _DOTTED.finditer(text):
        start = m.start()
        first = parts(m.group())[0]
        for cut in range(1, len(first) - 1):
            if is_place(first[:cut]) or text[:m.start() + cut].endswith(_TRANSLIT_TITLES):
                start = m.start() + cut
        found.append((start, m.end()))
    return found


@dataclass
class Words:
    """A text cut into tagged words, with where each word starts: name checks ask
    what word starts or ends at an offset, once per name, never scanning the text."""

    text: str
    tokens: Sequence[tuple[str, str]]

    def __post_init__(self) -> None:
        self.starts: list[int] = []
        at = 0
        for word, _ in self.tokens:
            self.starts.append(at)
            at += len(word)
        self.index = {start: n for n, start in enumerate(self.starts)}  # word start -> word number
        self.ends = {start + len(word): n for n, (start, (word, _)) in enumerate(zip(self.starts, self.tokens))}

    def boundary(self, offset: int) -> bool:
        return offset in self.index or offset in self.ends or offset == 0

    def word_at(self, offset: int) -> tuple[str, str] | None:
        n = self.index.get(offset)
        return self.tokens[n] if n is not None else None

    def word_ending(self, offset: int) -> tuple[str, str] | None:
        n = self.ends.get(offset)
        return self.tokens[n] if n is not None else None


def _surname_length(text: str, i: int) -> int:
    if text[i:i + 2] in _COMPOUND_SURNAMES:
        return 2
    return 1 if text[i:i + 1] in SURNAMES else 0


def chinese_name_at(words: Words, i: int, common: frozenset[str] = frozenset()) -> int:
    """End of a Chinese name (surname + one or two given characters) starting at ``i``,
    0 if none: it must start and end on word boundaries, and its given name must hold
    no character that starts a predicate (王明说 is 王明, 马上 is no name)."""
    text = words.text
    surname = _surname_length(text, i)
    if not surname or not words.boundary(i):
        return 0
    for given in (2, 1):
        end = i + surname + given
        name = text[i:end]
        if end > len(text) or not words.boundary(end) or any(c in _NOT_IN_GIVEN for c in name[surname:]):
            continue
        if not all("\u4e00" <= c <= "\u9fff" for c in name) or name[surname:].startswith(_HONORIFICS):
            continue
        if name in common or name in TITLES:  # 高度, 文章: words, not names
            continue
        word = words.word_at(i)
        if word is not None and word[0] == name and word[1] in _WORD_TAGS:  # 简短 is one word, an adjective
            continue
        return end
    return 0


def transliteration_at(words: Words, i: int, shortest: int = 3) -> int:
    """End of an undotted transliteration (托卡叶夫, 叶尔兰) starting at word ``i``, 0 if none:
    whole words of transliteration characters, not verbs or function words, three to eight
    characters, not a place."""
    end = i
    while (word := words.word_at(end)) is not None:
        text, tag = word
        # jieba tags the single characters of a transliteration at random (莫 d, 扎 v): only
        # a whole word of a class names never are (通过 v, 加强 v) ends the name.
        if (not all(c in TRANSLIT for c in text) or (len(text) > 1 and tag in _NAME_TAGS_DENY)
                or end - i + len(text) > 8):
            break
        end += len(text)
    name = words.text[i:end]
    if not shortest <= len(name) <= 8 or is_place(name):
        return 0
    return end


def is_title(word: str, tag: str) -> bool:
    """A role printed before a name: a word of TITLES, or a common noun ending like one (调度员)."""
    return word in TITLES or (tag == "n" and len(word) >= 2 and word.endswith(_TITLE_ENDS))


_ROLE_MODIFIERS = frozenset("副 助理 首席 高级 常务 执行 名誉 前 原 资深 特约 驻华 代理 荣誉 终身 特聘 客座 项目".split())


def role_start(words: Words, end: int) -> int:
    """Where the role ending at ``end`` starts: its title word and the titles and
    modifiers glued before it (助理 研究员, 首席 研究员, 项目 经理)."""
    start = end
    while (word := words.word_ending(start)) is not None:
        text, tag = word
        if start == end or is_title(text, tag) or text in _ROLE_MODIFIERS:
            start -= len(text)
            continue
        break
    return start


# How an organization's name ends: nouns before a title that end otherwise qualify the
# role itself (针灸医生, 出租车司机, 货车司机).
_ORGANIZATION_ENDS = tuple("""
大学 学院 研究所 研究院 研究中心 中心 公司 集团 企业 银行 医院 学校 中学 小学 基金会 协会 学会 联合会 商会 委员会 理事会
政府 使馆 大使馆 领事馆 部 局 署 厅 办 处 科 系 所 院 会 团 队 站 馆 厂 店 行 社 台 报 网 刊 社区 村 组织 机构 智库 工坊
项目部 项目 办公室 代表处 分公司 工作室 实验室 俱乐部 乐团 剧院 博物馆 图书馆 电视台 电台 通讯社 新闻网 杂志
""".split())


def organization_before(words: Words, i: int) -> str | None:
    """The nouns printed before a role starting at ``i``, back to a verb, 的, a comma or
    the clause start: the person's organization (中国社会科学院俄罗斯东欧中亚研究所)."""
    n = words.ends.get(i)
    kept: list[str] = []
    while n is not None and n >= 0 and len(kept) < 16:
        word, tag = words.tokens[n]
        joins = word in ("与", "和", "及") and kept and n > 0 and words.tokens[n - 1][1][:1] in ("n", "j")
        if not (tag[:1] in ("n", "j", "s", "b") or tag in ("eng", "vn") or word in "（）()《》" or joins):
            break
        kept.append(word)
        n -= 1
    org = "".join(reversed(kept))
    return org if len(org) >= 2 else None


def name_after(words: Words, at: int, common: frozenset[str] = frozenset()) -> int:
    """End of the name printed at ``at`` right after a title, 0 if none. After a title a
    two-character transliteration is a name too (总统普京, 总统拜登)."""
    end = transliteration_at(words, at, shortest=2)
    chinese = chinese_name_at(words, at, common)
    if end - at < 4 and chinese:  # 叶尔兰 reads as either; a longer run is a transliteration
        end = chinese
    return end


def modifies_a_noun(words: Words, end: int) -> bool:
    """纳扎尔巴耶夫大学, 习近平思想: a name that qualifies the noun after it is not a person
    of the sentence (a title after it is: 王毅外长)."""
    from zhcorpus.quotes.speechverbs import VERBS  # jieba tags 坦言 and 直言 as nouns

    word = words.word_at(end)
    return (word is not None and word[1][:1] == "n" and word[1] not in ("nr", "nrt") and not is_title(*word)
            and word[0] not in VERBS)


def people_after_titles(words: Words, common: frozenset[str] = frozenset()) -> list[Person]:
    """Names printed right after a title word (助理研究员刘畅, 司机叶尔兰, 总统托卡叶夫)."""
    found = []
    for (word, tag), start in zip(words.tokens, words.starts):
        at = start + len(word)
        if not is_title(word, tag):
            continue
        end = name_after(words, at, common)
        if end and not modifies_a_noun(words, end):
            role, organization = role_before(words, at)
            found.append(Person(words.text[at:end], at, end, role, organization))
    return found


def role_before(words: Words, start: int) -> tuple[str | None, str | None]:
    """The role and organization printed right before a name starting at ``start``:
    助理研究员 and 中国社会科学院…研究所; 针灸医生 and none."""
    word = words.word_ending(start)
    if word is None or not is_title(*word):
        return None, None
    begin = role_start(words, start)
    organization = organization_before(words, begin)
    if organization and not organization.endswith(_ORGANIZATION_ENDS):
        return organization + words.text[begin:start], None
    return words.text[begin:start], organization


def name_opening(words: Words, common: frozenset[str] = frozenset(),
                 known: Callable[[str], bool] = lambda name: False) -> Person | None:
    """A bare name opening a clause before its predicate (高建华说, 孔令宇坦言, 刘畅：).
    Stricter than after a title: a three-character Chinese name, a two-character one
    jieba tags as a name or the article has named, or a transliteration with a
    family-name ending."""
    text = words.text
    end = chinese_name_at(words, 0, common)
    if end and not modifies_a_noun(words, end):
        name = text[:end]
        first_tag = words.tokens[0][1] if words.tokens else ""
        if len(name) >= 3 or first_tag.startswith("nr") or known(name):
            return Person(name, 0, end)
    end = transliteration_at(words, 0)
    if end and not modifies_a_noun(words, end) and (looks_like_family_name(text[:end]) or known(text[:end])):
        return Person(text[:end], 0, end)
    return None


def generic_opening(text: str) -> bool:
    """一位网友…, 该负责人…, 多位学者…: the subject is a person left unnamed."""
    return text.startswith(GENERIC_OPENINGS)


def title_only(text: str) -> bool:
    """学者, 当地工程师, 西安市民: a role without a name."""
    return text in TITLES or text.endswith(tuple(TITLES))
