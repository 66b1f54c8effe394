import pytest

from zhcorpus.quotes.latin import latin_quotes
from zhcorpus.quotes.speakers import registry_from_data

REGISTRY = registry_from_data({"speakers": [
    {"id": "xi-jinping", "zh_hans": "习近平", "names": {"en": ["Xi Jinping", "Xi"], "ru": ["Си Цзиньпин"]}},
    {"id": "tokayev", "zh_hans": "托卡耶夫", "names": {"en": ["Kassym-Jomart Tokayev", "Tokayev"],
                                                    "ru": ["Касым-Жомарт Токаев", "Токаев"]}},
    {"id": "wang-yi", "zh_hans": "王毅", "names": {"en": ["Wang Yi"], "ru": ["Ван И"]}},
]})


@pytest.mark.parametrize("lang, text, expected", [
    ("en", '"We should remain committed to mutual respect," Xi said.', [("We should remain committed to mutual respect,", "xi-jinping")]),
    ("en", '"Our railways now carry more goods," said President Tokayev.', [("Our railways now carry more goods,", "tokayev")]),
    ("en", 'Tokayev said: "Astana is proud to host its friends."', [("Astana is proud to host its friends.", "tokayev")]),
    ("en", '"The region needs roads and power plants," according to Wang Yi.', [("The region needs roads and power plants,", "wang-yi")]),
    ("en", '"We want clean energy to cross borders," said Ruslan Temirov, the captain. "The car has driven far."',
     [("We want clean energy to cross borders,", None), ("The car has driven far.", None)]),
    ("ru", "«Мы высоко ценим поддержку китайской стороны», – заявил Токаев.", [("Мы высоко ценим поддержку китайской стороны", "tokayev")]),
    ("ru", "Си Цзиньпин отметил: «Китай готов расширять торговлю и инвестиции».", [("Китай готов расширять торговлю и инвестиции", "xi-jinping")]),
    ("ru", "«Шесть стран подписали договор о добрососедстве», – сказал Ван И журналистам.", [("Шесть стран подписали договор о добрососедстве", "wang-yi")]),
    ("en", 'Tokayev stressed the deals. "Every document signed today means new jobs," the Kazakh President said.',
     [("Every document signed today means new jobs,", "tokayev")]),
    ("en", '"The checkpoint will cut waiting times by half," Deputy Minister Bolot Asanov said.',
     [("The checkpoint will cut waiting times by half,", None)]),
    ("ru", "По словам Токаева, «товарооборот между странами вырос на треть за год».",
     [("товарооборот между странами вырос на треть за год", "tokayev")]),
    # slogans and titles: no attribution, no quote
    ("en", 'The "Silk Road spirit" was praised at the "China-Central Asia" summit.', []),
    ("ru", "Участники второго саммита «Центральная Азия – Китай» приняли декларацию.", []),
    # an apostrophe is not a quotation mark
    ("en", "The team's captain said the car's battery was new.", []),
])
def test_latin_quotes(lang, text, expected):
    found = latin_quotes([("p1", text)], lang, REGISTRY)
    assert [(q.text, q.speaker_id) for q in found] == expected


def test_pronoun_is_the_person_named_before():
    found = latin_quotes([("p1", "Tokayev chaired the summit."),
                          ("p2", '"Our region is open to the world and to trade," he said.')], "en", REGISTRY)
    assert [(q.anchor, q.speaker_id) for q in found] == [("p2", "tokayev")]


def test_speaker_names_per_language_are_validated():
    from zhcorpus.reading.readers import SeedError
    with pytest.raises(SeedError, match="names.en"):
        registry_from_data({"speakers": [{"id": "a", "zh_hans": "甲", "names": {"en": "Tokayev"}}]})
    with pytest.raises(SeedError, match="names both"):
        registry_from_data({"speakers": [{"id": "a", "zh_hans": "甲", "names": {"en": ["Tokayev"]}},
                                         {"id": "b", "zh_hans": "乙", "names": {"en": ["tokayev"]}}]})


def test_a_title_before_a_name_is_not_the_name():
    found = latin_quotes([("p1", '"The checkpoint will cut waiting times by half," Deputy Minister Bolot Asanov said.')],
                         "en", REGISTRY)
    assert found[0].speaker_name == "Bolot Asanov"
