"""Editorial files (sidecars, taxonomy.yml, speakers.yml) are checked before anything
is built: a value that does not fit is one line naming the file, the key and the
value, never a traceback, and no value can put a file outside corpus/articles."""

import json
import shutil
import subprocess
import sys

import pytest

from zhcorpus.articles.finish import outlet_id
from zhcorpus.cli import main
from zhcorpus.articles.enrich import load_taxonomy
from zhcorpus.editorial.schema import ID

SIDECAR = "004_f622eef72ccd261e.yml"  # the page of three Xinhua articles
OTHER_SEEDS = {"000_0a565606c369db33.txt", "001_62ae10bd87667f17.txt", "002_74678af65d43f56c.txt",
               "003_af06c3f378044c3f.txt"}

TAXONOMY = """topic: {match: [中亚, 峰会]}
outlets:
  xinhua: {zh_hans: 新华社, zh_hant: 新華社, en: Xinhua News Agency, match: [新华社]}
  wenweipo: {zh_hans: 香港文汇报, zh_hant: 香港文匯報, en: Wen Wei Po, match: [香港文汇报]}
events:
  summit: {zh_hans: 峰会, zh_hant: 峰會, en: Summit, match: [中国—中亚峰会], min_hits: 1}
"""
SPEAKERS = """speakers:
- {id: xi-jinping, zh_hans: 习近平, zh_hant: 習近平, en: Xi Jinping, aliases: [习近平主席], country: CN}
"""
ID_IS = "is not an ASCII id (a-z, 0-9 and '-', at most 64 characters, not starting with '-')"
OUTLET_IS = ("is not an outlet's id (a-z, 0-9 and '-', at most 64 characters, not starting with '-') "
             "or its name in Han characters")

# (file, its whole YAML text, the error after "error: <file>: ", or None: accepted;
# an error ending in … is the line's beginning)
CASES = [
    # sidecar: values that reach a path or URL
    (SIDECAR, 'source: "../../../../docs/pwned"\n', f"not a valid sidecar: source: '../../../../docs/pwned' {OUTLET_IS}"),
    (SIDECAR, 'source: "a/b"\n', f"not a valid sidecar: source: 'a/b' {OUTLET_IS}"),
    (SIDECAR, 'source: "<b>x</b>"\n', f"not a valid sidecar: source: '<b>x</b>' {OUTLET_IS}"),
    (SIDECAR, "source: Xinhua\n", f"not a valid sidecar: source: 'Xinhua' {OUTLET_IS}"),
    (SIDECAR, "source: -xinhua\n", f"not a valid sidecar: source: '-xinhua' {OUTLET_IS}"),
    (SIDECAR, 'source: ".."\n', f"not a valid sidecar: source: '..' {OUTLET_IS}"),
    (SIDECAR, 'source: "新华社/../x"\n', f"not a valid sidecar: source: '新华社/../x' {OUTLET_IS}"),
    (SIDECAR, "source: [a]\n", "not a valid sidecar: source: ['a'] is a list, not text"),
    (SIDECAR, 'source: ""\n', "not a valid sidecar: source: is blank"),
    # sidecar: types and ranges
    (SIDECAR, 'year: "abc"\n', "not a valid sidecar: year: 'abc' is not a whole number from 1800 to 2200"),
    (SIDECAR, 'year: "2025"\n', "not a valid sidecar: year: '2025' is not a whole number from 1800 to 2200"),
    (SIDECAR, "year: 20250\n", "not a valid sidecar: year: 20250 is not a whole number from 1800 to 2200"),
    (SIDECAR, "year: true\n", "not a valid sidecar: year: True is not a whole number from 1800 to 2200"),
    (SIDECAR, "year: 2025.5\n", "not a valid sidecar: year: 2025.5 is not a whole number from 1800 to 2200"),
    (SIDECAR, "date: 2025-13-45\n", "not a valid sidecar: date: '2025-13-45' is not a real date (YYYY-MM-DD)"),
    (SIDECAR, "date: 2025-02-30\n", "not a valid sidecar: date: '2025-02-30' is not a real date (YYYY-MM-DD)"),
    (SIDECAR, "date: 17 June 2025\n", "not a valid sidecar: date: '17 June 2025' is not a real date (YYYY-MM-DD)"),
    (SIDECAR, "date: 2025-6-7\n", "not a valid sidecar: date: '2025-6-7' is not a real date (YYYY-MM-DD)"),
    (SIDECAR, "date: 1066-10-14\n", "not a valid sidecar: date: '1066-10-14' is not a date from 1800 to 2200"),
    (SIDECAR, "articles: {match: 各方}\n",
     "not a valid sidecar: articles: {'match': '各方'} is a mapping, not a list"),
    (SIDECAR, "articles:\n- title: 无题\n", "not a valid sidecar: articles[0].match: is missing, and it is required"),
    (SIDECAR, "articles:\n- match: 5\n",
     "not a valid sidecar: articles[0].match: 5 is a number, not text (to mean it as text, put it in quotes)"),
    (SIDECAR, "articles:\n- match: 各方\n  title: 123\n",
     "not a valid sidecar: articles[0].title: 123 is a number, not text (to mean it as text, put it in quotes)"),
    (SIDECAR, 'articles:\n- match: 各方\n  on_topic: "no"\n',
     "not a valid sidecar: articles[0].on_topic: 'no' is not true or false (write them bare, not in quotes)"),
    (SIDECAR, "articles:\n- match: 各方\n  on_topic: 0\n",
     "not a valid sidecar: articles[0].on_topic: 0 is not true or false (write them bare, not in quotes)"),
    (SIDECAR, "articles:\n- match: 各方\n  kind: essay\n",
     "not a valid sidecar: articles[0].kind: 'essay' is not one of speech, report, commentary, reporters-notes, "
     "interview, roundup, feature, photo, briefing"),
    (SIDECAR, "articles:\n- match: 各方\n  titel: 题\n",
     "not a valid sidecar: articles[0].titel: unknown key (known: match, title, title_en, kind, date, on_topic, lang)"),
    (SIDECAR, 'articles:\n- match: 各方\n  title: "一\\n二"\n',
     "not a valid sidecar: articles[0].title: '一\\n二' holds a control character (a line break?)"),
    (SIDECAR, "articles:\n- match: 各方\n  date: 2025-06-31\n",
     "not a valid sidecar: articles[0].date: '2025-06-31' is not a real date (YYYY-MM-DD)"),
    (SIDECAR, "source: !!binary eGluaHVh\n", "not a valid sidecar: source: b'xinhua' is binary data, not text"),
    (SIDECAR, "source: !!python/name:os.system\n", "not valid YAML: …"),
    (SIDECAR, "sourse: xinhua\n", "not a valid sidecar: sourse: unknown key (known: source, year, date, articles, lang)"),
    (SIDECAR, "- source\n- xinhua\n",
     "not a valid sidecar: the file: ['source', 'xinhua'] is a list, not a mapping with keys source, year, date, "
     "articles, lang"),
    (SIDECAR, "year: 2025\nyear: 2026\n", "not valid YAML: key 'year' is given twice (line 2, column 1)"),
    (SIDECAR, "year: [2025\n", "not valid YAML: …"),  # the rest is libyaml's or PyYAML's wording
    (SIDECAR, 'year: "abc"\ndate: 2025-13-45\nsource: a/b\n',
     "not a valid sidecar: year: 'abc' is not a whole number from 1800 to 2200; "
     f"date: '2025-13-45' is not a real date (YYYY-MM-DD); source: 'a/b' {OUTLET_IS}"),
    (SIDECAR, "source: xinhua\nyear: 2025\ndate: 2025-06-17\narticles:\n- match: 各方\n  on_topic: false\n", None),
    (SIDECAR, "# nothing to say\n", None),
    # taxonomy.yml
    ("taxonomy.yml", TAXONOMY + "  talks: {zh_hans: 会谈, zh_hant: 會談, en: Talks, min_hits: abc}\n",
     "not a valid taxonomy: events.talks.min_hits: 'abc' is not a whole number from 1 to 10000"),
    ("taxonomy.yml", TAXONOMY + "  talks: {zh_hans: 会谈, zh_hant: 會談, en: Talks, min_hits: 0}\n",
     "not a valid taxonomy: events.talks.min_hits: 0 is not a whole number from 1 to 10000"),
    ("taxonomy.yml", TAXONOMY.replace("zh_hans: 新华社", "zh_hans: 5"),
     "not a valid taxonomy: outlets.xinhua.zh_hans: 5 is a number, not text (to mean it as text, put it in quotes)"),
    ("taxonomy.yml", TAXONOMY.replace("  xinhua:", '  "../x":'),
     f"not a valid taxonomy: outlets.../x: the id '../x' {ID_IS}"),
    ("taxonomy.yml", TAXONOMY.replace("  summit:", "  Summit:"), f"not a valid taxonomy: events.Summit: the id 'Summit' {ID_IS}"),
    ("taxonomy.yml", TAXONOMY.replace("  summit:", "  2025:"), f"not a valid taxonomy: events.2025: the id 2025 {ID_IS}"),
    ("taxonomy.yml", TAXONOMY.replace("match: [中国—中亚峰会]", "match: 峰会"),
     "not a valid taxonomy: events.summit.match: '峰会' is text, not a list"),
    ("taxonomy.yml", TAXONOMY.replace("match: [中国—中亚峰会]", 'match: [""]'),
     "not a valid taxonomy: events.summit.match[0]: is blank"),
    ("taxonomy.yml", TAXONOMY.replace("match: [中国—中亚峰会]", "match: [5]"),
     "not a valid taxonomy: events.summit.match[0]: 5 is a number, not text (to mean it as text, put it in quotes)"),
    ("taxonomy.yml", TAXONOMY + "  talks: {zh_hans: 会谈, zh_hant: 會談, en: Talks, parent: sumit}\n",
     "not a valid taxonomy: events.talks.parent: 'sumit' is not another id of events"),
    ("taxonomy.yml", TAXONOMY + "  talks: {zh_hans: 会谈, zh_hant: 會談, en: Talks, parent: ../summit}\n",
     f"not a valid taxonomy: events.talks.parent: '../summit' {ID_IS}"),
    ("taxonomy.yml", TAXONOMY + "  talks: {zh_hans: 会谈, zh_hant: 會談, en: Talks, colour: red}\n",
     "not a valid taxonomy: events.talks.colour: unknown key (known: zh_hans, zh_hant, en, match, terms, min_hits, "
     "parent, dates, evidence)"),
    ("taxonomy.yml", TAXONOMY + "  talks: {zh_hans: 会谈, en: Talks}\n",
     "not a valid taxonomy: events.talks.zh_hant: is missing, and it is required"),
    ("taxonomy.yml", TAXONOMY + "  summit: {zh_hans: 会谈, zh_hant: 會談, en: Talks}\n",
     "not valid YAML: key 'summit' is given twice (line 7, column 3)"),
    ("taxonomy.yml", TAXONOMY.replace("topic: {match: [中亚, 峰会]}", "topic: [中亚]"),
     "not a valid taxonomy: topic: ['中亚'] is a list, not a mapping with keys match, terms"),
    ("taxonomy.yml", TAXONOMY + "speakers: []\n",
     "not a valid taxonomy: speakers: unknown key (known: topic, forms, outlets, events, themes)"),
    ("taxonomy.yml", TAXONOMY, None),
    # taxonomy.yml: the outlet registry and the forms every outlet prints
    ("taxonomy.yml", TAXONOMY.replace("match: [新华社]}", "match: [新华社], datelines: [5]}"),
     "not a valid taxonomy: outlets.xinhua.datelines[0]: 5 is a number, not text or a mapping with keys form, seen"),
    ("taxonomy.yml", TAXONOMY.replace("match: [新华社]}", 'datelines: ["{outlet}{city}{day}日电"]}'),
     "not a valid taxonomy: outlets.xinhua.datelines[0]: '{outlet}{city}{day}日电' is not a form: text with the "
     "placeholders {outlet}, {source}, {own}, {place}, {month}, {day}, {date}, {time}, {weekday}, {name}, "
     "{names}, {page}, {roc}, {any}"),
    ("taxonomy.yml", TAXONOMY.replace("match: [新华社]}", 'bylines: [{form: "{outlet}记者 {names}", sen: x}]}'),
     "not a valid taxonomy: outlets.xinhua.bylines[0].sen: unknown key (known: form, seen)"),
    ("taxonomy.yml", TAXONOMY.replace("match: [新华社]}", 'mastheads: ["新华网 > {any}"]}'),
     "not a valid taxonomy: outlets.xinhua.mastheads[0]: '新华网 > {any}' does not hold {outlet}: a masthead "
     "names the outlet whose page it is"),
    ("taxonomy.yml", TAXONOMY.replace("match: [香港文汇报]}", "match: [香港文汇报], names: [新華社]}"),
     "not a valid taxonomy: outlets.wenweipo: the name '新華社' is also xinhua's"),
    ("taxonomy.yml", TAXONOMY.replace("match: [新华社]}", "match: [新华社], region: China}"),
     "not a valid taxonomy: outlets.xinhua.region: 'China' is not a region code, ISO 3166-1 alpha-2 (HK)"),
    ("taxonomy.yml", TAXONOMY + "forms:\n  datelines: [\"{outlet}{place}{month}月{day}日电\", {form: \"{source}讯\"}]\n"
     "  lines: []\n", "not a valid taxonomy: forms.lines: unknown key (known: datelines, bylines, credits, mastheads, "
     "furniture)"),
    ("taxonomy.yml", TAXONOMY.replace("min_hits: 1}", "min_hits: 1, dates: {from: 2025-01-01, to: 2025-02-30}}"),
     "not a valid taxonomy: events.summit.dates.to: '2025-02-30' is not a real date (YYYY-MM-DD)"),
    ("taxonomy.yml", TAXONOMY.replace("min_hits: 1}", "min_hits: 1, dates: {from: 2025-01-01}, evidence: [阿斯塔纳]}"),
     None),
    # speakers.yml
    ("speakers.yml", SPEAKERS + "- {id: ../../x, zh_hans: 某}\n",
     f"not a valid speaker registry: speakers[1].id: '../../x' {ID_IS}"),
    ("speakers.yml", SPEAKERS + "- {id: Zhang San, zh_hans: 张三}\n",
     f"not a valid speaker registry: speakers[1].id: 'Zhang San' {ID_IS}"),
    ("speakers.yml", SPEAKERS + "- {id: zhang, zh_hans: 5}\n",
     "not a valid speaker registry: speakers[1].zh_hans: 5 is a number, not text (to mean it as text, put it in quotes)"),
    ("speakers.yml", SPEAKERS + "- {id: zhang, zh_hans: 张三, kind: robot}\n",
     "not a valid speaker registry: speakers[1].kind: 'robot' is not one of person, group, media"),
    ("speakers.yml", SPEAKERS + "- {id: zhang, zh_hans: 张三, country: China}\n",
     "not a valid speaker registry: speakers[1].country: 'China' is not a country code, ISO 3166-1 alpha-2 (KZ)"),
    ("speakers.yml", SPEAKERS + "- {id: zhang, zh_hans: 张三, aliases: 张三}\n",
     "not a valid speaker registry: speakers[1].aliases: '张三' is text, not a list"),
    ("speakers.yml", SPEAKERS + "- {id: zhang, zh_hans: 张三, aliases: ['']}\n",
     "not a valid speaker registry: speakers[1].aliases[0]: is blank"),
    ("speakers.yml", SPEAKERS + "- {id: zhang, name: 张三}\n",
     "not a valid speaker registry: speakers[1].name: unknown key (known: id, zh_hans, zh_hant, en, aliases, role, "
     "country, kind, organization, names); speakers[1].zh_hans: is missing, and it is required"),
    ("speakers.yml", SPEAKERS + "- {id: xi-jinping, zh_hans: 张三}\n",
     "not a valid speaker registry: speakers[1].id: duplicate speaker id 'xi-jinping'"),
    ("speakers.yml", SPEAKERS + "- {id: zhang, zh_hans: 张三, aliases: [习近平主席]}\n",
     "not a valid speaker registry: speakers[1]: alias '习近平主席' names both xi-jinping and zhang"),
    ("speakers.yml", "speakers: {xi-jinping: {zh_hans: 习近平}}\n",
     "not a valid speaker registry: speakers: {'xi-jinping': {'zh_hans': '习近平'}} is a mapping, not a list"),
    ("speakers.yml", SPEAKERS + "- {id: zhang, zh_hans: 张三, en: null, role: null, country: null}\n", None),
]


@pytest.fixture
def seeds(tmp_path, root):
    """A copy of the five seeds, their sidecars and editorial files."""
    folder = tmp_path / "seeds"
    shutil.copytree(root / "seeds", folder)
    return folder


def build_cli(seeds, corpus, capsys):
    """(exit status, what the build said besides warnings): the seeds' own warnings (an
    article of 003 prints no date) are not what these tests are about."""
    status = main(["build", "--seeds", str(seeds), "--corpus", str(corpus), "--no-cache", "--quiet"])
    _, err = capsys.readouterr()
    return status, without_warnings(err)


def without_warnings(err: str) -> str:
    return "".join(line for line in err.splitlines(keepends=True) if not line.startswith("warning: "))


def built_seeds(corpus):
    lines = (corpus / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return {json.loads(line)["seed"] for line in lines}


@pytest.mark.parametrize("name, text, error", CASES, ids=[f"{n}:{t[-40:]!r}" for n, t, _ in CASES])
def test_editorial_values_are_checked(seeds, tmp_path, capsys, name, text, error):
    (seeds / name).write_text(text, encoding="utf-8")
    corpus = tmp_path / "corpus"
    status, err = build_cli(seeds, corpus, capsys)
    assert "Traceback" not in err
    if error is None:
        assert (status, err) == (0, "")
        return
    assert status == 1
    (line,) = err.splitlines()
    if error.endswith("…"):
        assert line.startswith(f"error: {seeds / name}: {error[:-1]}")
    else:
        assert line == f"error: {seeds / name}: {error}"
    if name == SIDECAR:  # a sidecar is its seed's alone: the other seeds still build
        assert built_seeds(corpus) == OTHER_SEEDS
    else:  # taxonomy and speakers are every seed's: nothing is built on a bad one
        assert not corpus.exists()


def test_the_table_covers_every_kind_of_file():
    kinds = {name if name in ("taxonomy.yml", "speakers.yml") else "sidecar" for name, _, _ in CASES}
    assert kinds == {"sidecar", "taxonomy.yml", "speakers.yml"} and len(CASES) >= 25


def test_the_console_script_gives_one_line_too(seeds, tmp_path):
    """The same through the installed command, in a process of its own."""
    (seeds / SIDECAR).write_text("date: 2025-13-45\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "zhcorpus.cli", "build", "--seeds", str(seeds),
                          "--corpus", str(tmp_path / "corpus"), "--no-cache", "--quiet", "--jobs", "1"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 1
    assert without_warnings(run.stderr).splitlines() == [
        f"error: {seeds / SIDECAR}: not a valid sidecar: date: '2025-13-45' is not a real date (YYYY-MM-DD)"]


@pytest.mark.parametrize("source", ["../../x", "../../../../docs/pwned", "a/b", "/tmp/x"])
def test_a_sidecar_source_writes_nothing_outside_the_corpus(seeds, tmp_path, capsys, source):
    (seeds / SIDECAR).write_text(f"source: {source!r}\nyear: 2025\n", encoding="utf-8")
    work = tmp_path / "work"
    corpus = work / "deep" / "corpus"
    before = set(tmp_path.rglob("*"))
    status, _ = build_cli(seeds, corpus, capsys)
    assert status == 1
    made = {p for p in set(tmp_path.rglob("*")) - before if p.is_file()}
    assert made and all(p.is_relative_to(corpus) for p in made), sorted(map(str, made))
    assert all(p.parent == corpus / "articles" for p in made if p.suffix == ".md")
    assert not [p for p in (corpus / "articles").iterdir() if p.is_dir()]  # no subfolder either


@pytest.mark.parametrize("name, expected", [
    ("xinhua", "xinhua"),          # the taxonomy's id
    ("新华社", "xinhua"),           # the taxonomy's name for it
    ("新華社", "xinhua"),           # in Traditional
    ("reuters", "reuters"),        # an id the taxonomy does not know: kept
    ("人民日报", "peoples-daily"),   # a name of the registry's
    ("南方日报", "nanfangribao"),    # a name it does not know: in pinyin
    ("··", None),                  # a name pinyin cannot spell: an id of its own
    ("../../x", None), ("Xinhua", None), ("<b>x</b>", None), ("a/b", None), ("", None),
])
def test_an_outlet_id_is_always_ascii(root, name, expected):
    taxonomy = load_taxonomy(root / "seeds" / "taxonomy.yml")
    found = outlet_id(name, taxonomy)
    assert ID.fullmatch(found), found
    if expected is not None:
        assert found == expected


@pytest.mark.parametrize("source, source_id, shown", [
    ("新华社", "xinhua", "新华社"),
    ("人民日报", "peoples-daily", "人民日报"),
    ("南方日报", "nanfangribao", "南方日报"),
    ("reuters", "reuters", "路透社"),   # registered (issue 17): its Chinese name is shown
    ("bbc", "bbc", "bbc"),              # an id the taxonomy does not know passes as given
])
def test_an_outlet_named_in_a_sidecar_reaches_slug_and_front_matter(seeds, tmp_path, capsys, source, source_id,
                                                                     shown):
    (seeds / SIDECAR).write_text(f"source: {source}\nyear: 2025\n", encoding="utf-8")
    corpus = tmp_path / "corpus"
    assert build_cli(seeds, corpus, capsys) == (0, "")
    lines = (corpus / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    page = [json.loads(line) for line in lines if json.loads(line)["seed"] == SIDECAR.replace(".yml", ".txt")]
    assert len(page) == 3
    for article in page:
        # The sidecar names the page's outlet; an article whose dateline names its own keeps that.
        if article["dateline"] is None:
            assert (article["source_id"], article["source"]) == (source_id, shown)
        else:
            assert (article["dateline"], article["source_id"]) == ("新华社阿斯塔纳6月17日电", "xinhua")
        assert article["slug"].startswith(f"{article['date']}-{article['source_id']}-")
        assert (corpus / "articles" / f"{article['slug']}.md").is_file()
    assert [a["dateline"] for a in page].count(None) == 2


def test_a_yaml_alias_bomb_is_one_short_line(seeds, tmp_path):
    """A few lines of YAML aliases make a value of 9^10 items: the message shows a
    little of it, at once, instead of writing all of it out."""
    anchors = ["&a0 [x, x, x, x, x, x, x, x, x]"]
    anchors += [f"&a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    (seeds / SIDECAR).write_text("defs:\n" + "".join(f"- {a}\n" for a in anchors) + "source: *a9\n",
                                 encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "zhcorpus.cli", "build", "--seeds", str(seeds),
                          "--corpus", str(tmp_path / "corpus"), "--no-cache", "--quiet", "--jobs", "1"],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 1
    assert without_warnings(run.stderr).splitlines() == [
        f"error: {seeds / SIDECAR}: not a valid sidecar: defs: unknown key (known: source, year, date, articles, lang); "
        "source: [[[...], [...], [...], [...], ...], [[...], [...], [...],... is a list, not text"]
