"""Bad input: every encoding a seed may come in, and files that are not seeds."""

import pytest

from zhcorpus.language.han import han_counts
from zhcorpus.reading.readers import (EmptySeed, SeedError, decode_seed_bytes, input_bytes, link_problem,
                                      name_problem, read_seed, shown)

SIMPLIFIED = "习近平会见塔吉克斯坦总统拉赫蒙。中国同中亚国家关系不断迈上新台阶。\n"
TRADITIONAL = "王毅談習主席中亞行，十餘場多雙邊活動，達成百餘項合作成果。\n"


@pytest.mark.parametrize("data, text, encoding", [
    (SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8"),
    (b"\xef\xbb\xbf" + SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8-sig"),
    (SIMPLIFIED.encode("utf-16"), SIMPLIFIED, "utf-16"),
    (b"\xfe\xff" + SIMPLIFIED.encode("utf-16-be"), SIMPLIFIED, "utf-16"),
    (SIMPLIFIED.encode("gb18030"), SIMPLIFIED, "gb18030"),
    (TRADITIONAL.encode("big5"), TRADITIONAL, "big5"),
    (TRADITIONAL.encode("gb18030"), TRADITIONAL, "gb18030"),
])
def test_decodes_every_supported_encoding(data, text, encoding):
    assert decode_seed_bytes(data, "seed.txt") == (text, encoding)


def test_crlf_and_cr_become_lf(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes("第一行\r\n第二行\r第三行".encode("utf-8"))
    assert read_seed(path).text == "第一行\n第二行\n第三行"


@pytest.mark.parametrize("data", [b"", b"  \n\n", "\ufeff\n".encode("utf-8")])
def test_empty_file_is_a_warning(data):
    with pytest.raises(EmptySeed, match=r"^seed\.txt: empty file"):
        decode_seed_bytes(data, "seed.txt")


@pytest.mark.parametrize("data, binary", [
    (b"\x01\x02\x03\x04" + b"a" * 60, True),       # 6% control bytes: not text
    (b"\x01\x02\x03" + b"a" * 60, False),           # under 5%: a stray byte in text
    (b"\t\n\r\x0c" * 20 + b"a", False),             # tab, newline, CR, form feed are text
])
def test_control_bytes_mean_binary(data, binary):
    if binary:
        with pytest.raises(SeedError, match="binary file, not text$"):
            decode_seed_bytes(data, "seed.txt")
    else:
        decode_seed_bytes(data, "seed.txt")


@pytest.mark.parametrize("texts, counts", [
    (["中国中亚"], {"中": 2, "国": 1, "亚": 1}),
    (["“峰会”，2025年6月！ABC"], {"峰": 1, "会": 1, "年": 1, "月": 1}),      # punctuation, digits, Latin: not Han
    (["㐀\U00020000\U0002fa1d"], {"㐀": 1, "\U00020000": 1, "\U0002fa1d": 1}),  # Extension A and the supplementary planes
    (["〇々〆ㄅ"], {}),                                                    # CJK symbols and bopomofo are not Han
    (["中", "中国", ""], {"中": 2, "国": 1}),                              # summed over texts
])
def test_han_counts(texts, counts):
    assert han_counts(texts) == counts


def test_binary_file_is_rejected_with_offset():
    with pytest.raises(SeedError, match=r"^seed\.bin: binary file, not text \(NUL byte at offset 4\)$"):
        decode_seed_bytes(b"\x89PNG\x00\x01\x02", "seed.bin")


def test_undecodable_bytes_are_rejected_with_offset():
    data = "中国".encode("utf-8") + b"\xff\xfe\xff"  # not UTF-8, GB18030 or Big5
    with pytest.raises(SeedError, match=r"^bad\.txt: .*offset 6"):
        decode_seed_bytes(data, "bad.txt")


def test_invalid_utf16_after_bom_names_the_offset():
    with pytest.raises(SeedError, match=r"byte \d+"):
        decode_seed_bytes(b"\xff\xfe" + b"\x00\xd8\x00", "bad16.txt")


def test_input_bytes_names_what_cannot_be_read(tmp_path):
    (tmp_path / "page.txt").write_bytes(b"text")
    (tmp_path / "folder.yml").mkdir()
    assert input_bytes(tmp_path / "page.txt") == b"text"
    assert input_bytes(tmp_path / "absent.yml", missing=b"") == b""  # a sidecar is optional
    with pytest.raises(SeedError, match=r"absent.txt: not found$"):
        input_bytes(tmp_path / "absent.txt")
    with pytest.raises(SeedError, match=r"folder.yml: cannot be read \(Is a directory\)$"):
        input_bytes(tmp_path / "folder.yml", missing=b"")


@pytest.mark.parametrize("error", [SeedError("seeds/a.txt", "binary file, not text"),
                                   EmptySeed("seeds/b.txt", "empty file, skipped")])
def test_seed_errors_cross_process_boundaries_intact(error):
    """Seeds are read in worker processes: their errors come back pickled."""
    import pickle

    back = pickle.loads(pickle.dumps(error))
    assert (type(back), str(back), back.path, back.message) == (type(error), str(error), error.path, error.message)


@pytest.mark.parametrize("name, problem", [
    ("a\nb.txt", "(\\n)"),
    ("a\tb.txt", "(\\t)"),
    ("\x1b[31mred.txt", "(\\x1b)"),
    ("a\x7fb\x85c.txt", "(\\x7f, \\x85)"),
    ("a\u2028b\u2029.txt", "(\\u2028, \\u2029)"),
    ("\udcff\udcfe.txt", "(\\xff, \\xfe)"),          # bytes that are not UTF-8, as os.fsdecode keeps them
    ("a\nb\nc.txt", "(\\n)"),                         # each character named once
    # left alone
    ("新华社 第1版.txt", None),
    ("a'b\"c (1) #2.txt", None),
    ("页面\u200b—（一）.txt", None),                    # a zero-width space is not a line break
])
def test_file_names_no_line_can_show_are_refused(name, problem):
    found = name_problem(name)
    if problem is None:
        assert found is None and shown(name) == name
    else:
        assert found == f"a character no line can show in the file name {problem}: rename the file"
        assert "\n" not in shown(name) and shown(name).isprintable()


def _link(folder, name, target):
    (folder / name).symlink_to(target)
    return folder / name


@pytest.mark.parametrize("name, target, problem", [
    ("up.txt", "../outside.txt", "a symbolic link to {outside}, outside {seeds}"),
    ("abs.txt", "{outside}", "a symbolic link to {outside}, outside {seeds}"),
    ("passwd.txt", "/etc/passwd", "a symbolic link to /etc/passwd, outside {seeds}"),
    ("dangling.txt", "absent.txt", "a symbolic link to a missing file"),
    ("loop.txt", "loop.txt", "a symbolic link that cannot be followed"),
    # followed: the target is in the seeds folder, or below it
    ("same.txt", "page.txt", None),
    ("below.txt", "archive/old.txt", None),
    ("round.txt", "../seeds/page.txt", None),
    ("page.txt", None, None),                     # no link at all
])
def test_links_out_of_the_seeds_folder_are_not_read(tmp_path, name, target, problem):
    seeds = tmp_path / "seeds"
    (seeds / "archive").mkdir(parents=True)
    (seeds / "page.txt").write_bytes(b"text")
    (seeds / "archive" / "old.txt").write_bytes(b"text")
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"secret")
    path = _link(seeds, name, target.format(outside=outside)) if target else seeds / name
    if problem is None:
        assert link_problem(path) is None and input_bytes(path) == b"text"
        return
    expected = problem.format(outside=outside, seeds=seeds)
    assert link_problem(path) == expected
    with pytest.raises(SeedError) as caught:
        input_bytes(path, missing=b"")  # a sidecar that is such a link is not taken for an absent one
    assert str(caught.value) == f"{path}: {expected}: not read"


def test_a_seeds_folder_that_is_itself_a_link_is_read(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "page.txt").write_bytes(b"text")
    (tmp_path / "seeds").symlink_to(tmp_path / "real")
    assert link_problem(tmp_path / "seeds" / "page.txt") is None
    assert input_bytes(tmp_path / "seeds" / "page.txt") == b"text"
