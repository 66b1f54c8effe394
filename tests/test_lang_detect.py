import pytest

from zhcorpus.language.detect import detect_lang


@pytest.mark.parametrize("text, lang", [
    ("国家主席习近平17日在阿斯塔纳出席峰会。", "zh-Hans"),
    ("國家主席習近平17日在阿斯塔納出席峰會。", "zh-Hant"),
    ("ASTANA, June 17 (Xinhua) -- Chinese President Xi Jinping said on Tuesday.", "en"),
    ("АСТАНА, 17 июня. /Kazinform/ – Президент Казахстана провел переговоры.", "ru"),
    # a Chinese page with an English headline line stays Chinese
    ("China, Central Asia pledge closer ties\n新华社阿斯塔纳6月17日电 国家主席习近平17日在阿斯塔纳同中亚五国元首共同签署条约。", "zh-Hans"),
    # an English page naming one Chinese outlet is English
    ("The report, first carried by 新华社, said trade between the countries grew by a fifth.", "en"),
    ("", "zh-Hans"),
    ("2025-06-17 12:00", "zh-Hans"),
])
def test_detect_lang(text, lang):
    assert detect_lang(text) == lang
