import pytest

from zhcorpus.language.convert import corner_to_curly_quotes, detect_script, fix_particle_zhe, to_simplified


@pytest.mark.parametrize("original, fixed", [
    ("意味著", "意味着"),
    ("面臨著「三股勢力」威脅", "面臨着「三股勢力」威脅"),
    ("標誌著雙方互信", "標誌着雙方互信"),
    ("看著孩子", "看着孩子"),
    # left alone: 著 meaning "to write" or "notable"
    ("著名學者", "著名學者"),
    ("顯著成果", "顯著成果"),
    ("著作等身", "著作等身"),
])
def test_fix_particle_zhe(original, fixed):
    assert fix_particle_zhe(original) == fixed


@pytest.mark.parametrize("original, fixed", [
    ("「中國—中亞精神」", "“中國—中亞精神”"),
    ("「他說『好』」", "“他說‘好’”"),
    ("“已是弯引号”", "“已是弯引号”"),
])
def test_corner_to_curly_quotes(original, fixed):
    assert corner_to_curly_quotes(original) == fixed


@pytest.mark.parametrize("original, simplified", [
    ("面臨著「三股勢力」威脅", "面临着“三股势力”威胁"),
    ("哈薩克斯坦騰格裡新聞網", "哈萨克斯坦腾格里新闻网"),
    ("中國—中亞機制成區域合作標杆", "中国—中亚机制成区域合作标杆"),
    ("著名", "著名"),
])
def test_to_simplified(original, simplified):
    assert to_simplified(original) == simplified


@pytest.mark.parametrize("text, script", [
    ("王毅談習主席中亞行 十餘場多雙邊活動 達成百餘項合作成果", "zh-Hant"),
    ("习近平会见塔吉克斯坦总统拉赫蒙", "zh-Hans"),
    # one Traditional name quoted in mainland text does not flip the article
    ("新华社报道，香港文匯報指出，中国同中亚国家关系不断迈上新台阶，合作成果丰硕。", "zh-Hans"),
    ("2025", "zh-Hans"),
])
def test_detect_script(text, script):
    assert detect_script(text) == script
