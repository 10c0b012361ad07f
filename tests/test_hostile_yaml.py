"""Issue 16, kinds 7, 11, 12 and 13: what the one YAML loader does with what a secretary pastes or an attacker sends.

Every scalar is text as typed; tags are refused, on values and on collections; aliases and nesting are bounded;
control characters pasted from Word are spaces or a message with their line; a lone surrogate never reaches a draft.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from kehoach.errors import InputError
from kehoach.inputs.yamlfile import MAX_DEPTH, read_yaml

from .hostile import GOOD, deadline, files, invoke, refused, whole_outputs, workspace


def tao(tmp_path: Path, text: str, *extra: str):
    root = workspace(tmp_path / "ws", {"p.yaml": text})
    before = files(tmp_path)
    result = invoke("tao", root / "ke-hoach" / "p.yaml", "--thu-muc", root / "ban-thao", *extra)
    return result, root, before


def number_line(draft: Path) -> str:
    left = Document(str(draft)).tables[0].columns[0].cells  # names, then the number (level with the date)
    return next(p.text for cell in left for p in cell.paragraphs if p.text.startswith("Số"))


def refused_plan(tmp_path: Path, text: str, message: str) -> None:
    """`tao` exits 2 with exactly `message` for the plan, and writes nothing at all."""
    result, root, before = tao(tmp_path, text)
    plan = root / "ke-hoach" / "p.yaml"
    assert refused(result).strip() == f"Lỗi: {plan}{message}"
    assert files(tmp_path) == before


# -- 7: control characters, nesting, lone surrogates ----------------------------------------------------------------

def test_word_line_break_pasted_into_a_value_is_a_space(tmp_path):
    result, root, _ = tao(tmp_path, GOOD + "ket_thuc: Trên đây là\x0bKế hoạch\x0c của LĐLĐ tỉnh\n")
    assert result.exit_code == 0, result.output
    assert Document(str(root / "ban-thao" / "p.docx")).paragraphs[-1].text == "Trên đây là Kế hoạch của LĐLĐ tỉnh./."


def test_other_control_character_is_named_with_its_line_and_column(tmp_path):
    refused_plan(tmp_path, GOOD + "ket_thuc: Trên đây\x07 là\n",
                 ", dòng 6: có ký tự vô hình U+0007 ở cột 19 (thường do dán từ chỗ khác); hãy xóa ký tự đó")


@pytest.mark.parametrize("style", ["flow", "block"])
def test_nesting_500_deep_is_refused_without_recursion(tmp_path, style):
    depth = 500
    if style == "flow":
        deep = "muc: " + "[" * depth + "]" * depth + "\n"
    else:
        deep = "".join(" " * i + f"k{i}:\n" for i in range(depth)) + " " * depth + "k: v\n"
    with deadline(20):
        result, root, before = tao(tmp_path, GOOD + deep)
    line = 6 if style == "flow" else 6 + MAX_DEPTH
    assert refused(result).strip() == (f"Lỗi: {root / 'ke-hoach' / 'p.yaml'}, dòng {line}: lồng nhau quá sâu "
                                       f"(hơn {MAX_DEPTH} cấp danh sách, nhóm khóa)")
    assert files(tmp_path) == before


def test_lone_surrogate_is_refused_before_anything_is_written(tmp_path):
    refused_plan(tmp_path, GOOD + 'ket_thuc: "Trên đây \\uD800"\n',
                 ", dòng 6, khóa 'ket_thuc': giá trị có ký tự không dùng được trong văn bản U+D800")


def test_surrogate_pair_written_as_two_escapes_is_one_character(tmp_path):
    result, root, _ = tao(tmp_path, GOOD + 'ket_thuc: "Xong \\uD83D\\uDE00"\n')
    assert result.exit_code == 0, result.output
    assert Document(str(root / "ban-thao" / "p.docx")).paragraphs[-1].text == "Xong \U0001F600./."
    whole_outputs(root / "ban-thao")


def test_not_utf8_names_the_line(tmp_path):
    root = workspace(tmp_path / "ws")
    plan = root / "ke-hoach" / "p.yaml"
    plan.write_bytes(GOOD.encode().replace(b"so: 470", b"so: 470 # s\xf4 c\xfb"))  # Windows-1258: "sô cû"
    result = invoke("tao", plan, "--thu-muc", root / "ban-thao")
    assert refused(result).strip() == (f"Lỗi: {plan}, dòng 3: tệp không phải văn bản UTF-8 (byte 0xF4 không đọc "
                                       "được); hãy mở tệp và lưu lại với mã hóa UTF-8")


def test_bom_crlf_and_utf16_are_read(tmp_path):
    root = workspace(tmp_path / "ws")
    for name, data in {"bom.yaml": b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode(),
                       "u16.yaml": GOOD.encode("utf-16")}.items():
        plan = root / "ke-hoach" / name
        plan.write_bytes(data)
        result = invoke("tao", plan, "--thu-muc", root / "ban-thao")
        assert result.exit_code == 0, result.output
        assert number_line(root / "ban-thao" / plan.with_suffix(".docx").name) == "Số: 470/KH-LĐLĐ"


# -- 11: numbers exactly as typed -----------------------------------------------------------------------------------

@pytest.mark.parametrize("typed", ["010", "0x1F", "1_5", "1:30", "08"])
def test_a_number_is_text_exactly_as_typed(tmp_path, typed):
    result, root, _ = tao(tmp_path, GOOD.replace("so: 470", f"so: {typed}"))
    assert result.exit_code == 0, result.output
    assert number_line(root / "ban-thao" / "p.docx") == f"Số: {typed}/KH-LĐLĐ"


def test_ban_hanh_writes_the_number_quoted_and_the_next_draft_keeps_it(tmp_path):
    result, root, _ = tao(tmp_path, GOOD.replace("so: 470\n", ""))
    plan = root / "ke-hoach" / "p.yaml"
    issued = invoke("ban-hanh", plan, "--so", "010", "--ngay", "20/11/2026")
    assert issued.exit_code == 0, issued.output
    assert "so: '010'\n" in plan.read_text(encoding="utf-8")
    import yaml  # any YAML reader, not only kehoach's, reads it as the text 010

    assert yaml.safe_load(plan.read_text(encoding="utf-8"))["so"] == "010"
    invoke("tao", plan, "--thu-muc", root / "ban-thao")
    assert number_line(root / "ban-thao" / "p.docx") == "Số: 010/KH-LĐLĐ"


def test_ban_hanh_keeps_a_bom_and_says_when_it_cannot_edit_in_place(tmp_path):
    root = workspace(tmp_path / "ws")
    plan = root / "ke-hoach" / "p.yaml"
    plan.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    assert invoke("ban-hanh", plan, "--so", "010", "--ngay", "1/1/2024").exit_code == 0
    assert plan.read_bytes().startswith(b"\xef\xbb\xbfco_quan:") and b"so: '010'\n" in plan.read_bytes()
    flow = root / "ke-hoach" / "dong.yaml"
    flow.write_text("{co_quan: lai-chau/ldld-lai-chau, loai: ke_hoach, thuc_hien: [349-kh-tld]}\n", encoding="utf-8")
    before = flow.read_bytes()
    result = invoke("ban-hanh", flow, "--so", "010", "--ngay", "1/1/2024")
    assert refused(result).strip() == (f"Lỗi: {flow}: không tự ghi được số, ngày vào tệp này (tệp không viết mỗi khóa "
                                       "một dòng): hãy tự thêm so: '010', ngay: 01/01/2024")
    assert flow.read_bytes() == before


def test_unquoted_impossible_iso_date_is_a_message_not_a_timestamp(tmp_path):
    refused_plan(tmp_path, GOOD.replace("23/8/2023", "2024-02-30"),
                 ", dòng 4, khóa 'ngay': ngày không hợp lệ: '2024-02-30': tháng 2 năm 2024 không có ngày 30")


def test_declared_booleans_are_still_booleans(tmp_path):
    base = Path(__file__).resolve().parents[1] / "profiles" / "lai-chau" / "ldld-lai-chau.yaml"
    profile = tmp_path / "ho-so.yaml"
    profile.write_text(f"ke_thua: {base}\ntrinh_bay: {{dau_phay_truoc_ngay: yes}}\n", encoding="utf-8")
    from kehoach.inputs.profiles import load_profile

    assert load_profile(profile).layout.comma_before_date is True
    profile.write_text(f"ke_thua: {base}\ntrinh_bay: {{dau_phay_truoc_ngay: '1'}}\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_profile(profile)
    assert str(err.value.problems[0]).endswith(
        "dòng 2, khóa 'dau_phay_truoc_ngay' trong 'trinh_bay': cần true hoặc false (có/không)")


# -- 12: tags, on values and on collections -------------------------------------------------------------------------

@pytest.mark.parametrize("tagged, shown", [
    ("muc: !!python/object/apply:os.system [echo pwned]", "!!python/object/apply:os.system"),
    ("muc: !!python/object/apply:os.system {a: b}", "!!python/object/apply:os.system"),
    ("ket_thuc: !!python/name:os.system ''", "!!python/name:os.system"),
    ("ket_thuc: !!str 010", "!!str"),
    ("ket_thuc: !rieng x", "!rieng"),
])
def test_every_tag_is_refused_with_its_line(tmp_path, tagged, shown):
    result, root, before = tao(tmp_path, GOOD + tagged + "\n")
    key = tagged.split(":")[0]
    stderr = refused(result, f"p.yaml, dòng 6, khóa '{key}': thẻ YAML '{shown}' không được dùng")
    assert "pwned" not in result.output
    assert stderr.count("thẻ YAML") == 1
    assert files(tmp_path) == before


def test_tag_is_reported_with_the_other_problems_of_the_file(tmp_path):
    # (a bare string in muc is an unnumbered paragraph since issue 17, so [ls] itself is not a fourth problem)
    result, _, _ = tao(tmp_path, GOOD + "muc: !!python/object/apply:os.system [ls]\ntep_ra: ../../x\nngay_ky: 1/1/2024\n")
    refused(result, "Có 3 lỗi:", "thẻ YAML '!!python/object/apply:os.system'", "khóa 'tep_ra': chỉ ghi tên tệp",
                     "khóa 'ngay_ky': khóa không được hỗ trợ")


# -- 13: aliases -----------------------------------------------------------------------------------------------------

BOMB = "".join(f"{c}: &{c} [{', '.join([f'*{p}'] * 9) if p else ', '.join(['lol'] * 9)}]\n"
               for p, c in zip([None, *"abcdefgh"], "abcdefghi", strict=True))


def test_alias_bomb_is_refused_at_once(tmp_path):
    assert len(BOMB) < 500
    with deadline(5):
        result, root, before = tao(tmp_path, GOOD + BOMB)
    assert refused(result).strip() == (f"Lỗi: {root / 'ke-hoach' / 'p.yaml'}, dòng 11: tệp quá lớn: hơn 200.000 giá trị "
                                       "(kể cả các bí danh '*' được mở rộng)")
    assert files(tmp_path) == before


def test_a_modest_alias_is_still_allowed(tmp_path):
    loc = read_yaml(tmp_path / "x.yaml", "a: &x [Ban Tuyên giáo, Ban Dân vận]\nb: *x\n")
    assert loc.data == {"a": ["Ban Tuyên giáo", "Ban Dân vận"], "b": ["Ban Tuyên giáo", "Ban Dân vận"]}


@pytest.mark.parametrize("text, message", [
    ("a: &a [*a]\n", "dòng 1, mục thứ 1 của 'a': bí danh '*a' chưa được định nghĩa (hoặc trỏ vào chính nó)"),
    ("a: 1\n---\nb: 2\n", "dòng 2: tệp chỉ được chứa một tài liệu YAML (bỏ dòng '---' thứ hai)"),
    ("? [a]\n: b\n", "dòng 1: tên khóa phải là chữ, không phải danh sách, nhóm khóa hay bí danh"),
    ("a: 1\na: 2\n", "dòng 2, khóa 'a': được khai báo hai lần (lần đầu ở dòng 1)"),
    ("- a\n", "dòng 1: cấp ngoài cùng phải là các cặp 'khóa: giá trị'"),
    ("# chỉ có chú thích\n", "tệp rỗng"),
])
def test_loader_refusals_name_file_and_line(tmp_path, text, message):
    with pytest.raises(InputError) as err:
        read_yaml(tmp_path / "x.yaml", text)
    assert str(err.value) == f"{tmp_path / 'x.yaml'}{', ' if message.startswith('dòng') else ': '}{message}"


def test_special_files_are_not_read_as_yaml(tmp_path):
    import os

    fifo = tmp_path / "ong.yaml"
    os.mkfifo(fifo)
    with deadline(5):
        for path, message in ((fifo, "không phải tệp thường (thiết bị, ống dẫn hay socket): không đọc được tệp YAML"),
                              (Path("/dev/zero"), "không phải tệp thường (thiết bị, ống dẫn hay socket): không đọc được "
                                                  "tệp YAML"),
                              (tmp_path, "đây là một thư mục, không phải tệp YAML")):
            with pytest.raises(InputError) as err:
                read_yaml(path)
            assert str(err.value) == f"{path}: {message}"
