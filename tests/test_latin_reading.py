import datetime as dt

import pytest

from zhcorpus.articles.latin import byline_names
from zhcorpus.articles.latindates import latin_date
from zhcorpus.corpus.writers import escape_markdown
from zhcorpus.reading.latin import find_dateline, join_wrapped_latin, latin_drafts, page_paragraphs


@pytest.mark.parametrize("left, right, joined", [
    ("the journey in less", "than a week", "the journey in less than a week"),
    ("since the co-", "operation agreement", "since the cooperation agreement"),
    ("and that long-", "term contracts", "and that long-term contracts"),
    ("across the China-", "Central Asia border", "across the China-Central Asia border"),
    ("the people-to-", "people exchanges", "the people-to-people exchanges"),
    ("итоги саммита откры-", "вают новые", "итоги саммита открывают новые"),
    ("коридоров Китай-", "Центральная Азия", "коридоров Китай-Центральная Азия"),
    ("он узнал из-", "за границы", "он узнал из-за границы"),
    ("see page 3 --", "then", "see page 3 -- then"),
])
def test_join_wrapped_latin(left, right, joined):
    assert join_wrapped_latin(left, right, f"{left}\n{right}") == joined


@pytest.mark.parametrize("text, place, credit", [
    ("ASTANA, June 17 (Xinhua) -- Chinese President Xi Jinping", "ASTANA", "Xinhua"),
    ("ALMATY (Reuters) - Central Asian governments", "ALMATY", "Reuters"),
    ("ASTANA – President Tokayev greeted", "ASTANA", None),
    ("Bishkek, Nov. 21, 2017. /Kabar/. President of Italy", "Bishkek", "Kabar"),
    ("АСТАНА, 17 июня. /Kazinform/ – Президент Казахстана", "АСТАНА", "Kazinform"),
    ("АСТАНА, 18 июня. /ТАСС/. Министр иностранных дел", "АСТАНА", "ТАСС"),
    ("Бишкек, 17 июня 2025 /Кабар/. Президент Кыргызстана", "Бишкек", "Кабар"),
])
def test_find_dateline(text, place, credit):
    match = find_dateline(text)
    assert match is not None and match.group("place") == place and match.group("credit") == credit


@pytest.mark.parametrize("text", ["The leaders are expected to discuss trade.", "Astana is proud - very proud.",
                                  "ASTANA is the capital of Kazakhstan."])
def test_no_dateline(text):
    assert find_dateline(text) is None


@pytest.mark.parametrize("text, year, date", [
    ("June 17", 2025, dt.date(2025, 6, 17)), ("Nov. 21, 2017", None, dt.date(2017, 11, 21)),
    ("17 июня", 2025, dt.date(2025, 6, 17)), ("17 июня 2025, 18:40", None, dt.date(2025, 6, 17)),
    ("Updated: 2025-06-16 07:23", None, dt.date(2025, 6, 16)), ("Updated 14:20, 17-Jun-2025", None, dt.date(2025, 6, 17)),
    ("17.06.2025", None, dt.date(2025, 6, 17)), ("June 17", None, None), ("June 31", 2025, None),
])
def test_latin_date(text, year, date):
    assert latin_date(text, year) == date


@pytest.mark.parametrize("bylines, names", [
    (["By Aigerim Sadykova"], ["Aigerim Sadykova"]),
    (["By ZHANG MEILIN in Xi'an and ARMAN SEITOV in Almaty | China Daily | Updated: 2025-06-16 07:23"],
     ["ZHANG MEILIN", "ARMAN SEITOV"]),
    (["Автор: Айпери Жумабаева"], ["Айпери Жумабаева"]),
])
def test_byline_names(bylines, names):
    assert byline_names(bylines) == names


def test_paragraphs_of_a_wrapped_page_keep_spaces_and_paragraphs():
    page = ("Freight trains running between the northwestern city of Xi'an\n"
            "and the Kazakh city of Almaty now complete the journey in less\n"
            "than a week, operators said on Monday, as customs procedures\n"
            "are simplified.\n\n"
            "Kazakh logistics expert Dana Omarova said the new terminal at\n"
            "the Khorgos gateway would change the map of trade in the\n"
            "region.\n")
    assert page_paragraphs(page) == [
        "Freight trains running between the northwestern city of Xi'an and the Kazakh city of Almaty now "
        "complete the journey in less than a week, operators said on Monday, as customs procedures are simplified.",
        "Kazakh logistics expert Dana Omarova said the new terminal at the Khorgos gateway would change the map "
        "of trade in the region."]


def test_two_articles_headlines_bylines_datelines_and_furniture():
    page = ("The Astana Times\n\nTokayev Welcomes Leaders\n\nBy Aigerim Sadykova\n17 June 2025\n\n"
            "ASTANA – President Tokayev greeted the heads of state.\n\nThe leaders will discuss trade.\n\n"
            "Students Build Solar Car\n\nBy Nurlan Abenov\n17 June 2025\n\n"
            "ASTANA – A team of students has built a car.\n\nShare: Facebook Twitter\n")
    drafts, _ = latin_drafts(page, frozenset({"the astana times"}))
    assert [(d.title, d.bylines, d.dateline, [t for _, t, _ in d.body]) for d in drafts] == [
        ("Tokayev Welcomes Leaders", ["By Aigerim Sadykova"], "ASTANA –",
         ["President Tokayev greeted the heads of state.", "The leaders will discuss trade."]),
        ("Students Build Solar Car", ["By Nurlan Abenov"], "ASTANA –", ["A team of students has built a car."])]


@pytest.mark.parametrize("text, escaped", [('"We should," Xi said.', '"We should," Xi said\\.'),
                                           ("«Мы», – заявил он.", "«Мы», – заявил он\\.")])
def test_quotation_marks_are_not_entities(text, escaped):
    assert escape_markdown(text) == escaped


@pytest.mark.parametrize("name, speaker_id", [("Ruslan Temirov", "ruslan-temirov"), ("Бакыт Осмонов", "bakyt-osmonov"),
                                              ("托卡耶夫", "tuo-ka-ye-fu"), ("24NewsHD", "24newshd")])
def test_ascii_id_of_latin_and_cyrillic_names(name, speaker_id):
    from zhcorpus.quotes.speakers import ascii_id
    assert ascii_id(name) == speaker_id


@pytest.mark.parametrize("text, latin", [("Токаев", "Tokaev"), ("Жапаров обсудил", "Zhaparov obsudil"),
                                         ("Xi Jinping", "Xi Jinping"), ("习近平", "习近平")])
def test_to_latin(text, latin):
    from zhcorpus.language.translit import to_latin
    assert to_latin(text) == latin


def test_a_site_header_is_not_the_headline():
    page = ("Kazinform International News Agency\nPolitics\n\nKazakhstan and China sign 20 documents\n\n"
            "17 June 2025, 20:15\n\nASTANA, June 17. KAZINFORM - Kazakhstan and China signed twenty documents.\n")
    drafts, _ = latin_drafts(page)
    assert [(d.title, d.dateline) for d in drafts] == [("Kazakhstan and China sign 20 documents", "ASTANA, June 17. KAZINFORM -")]
