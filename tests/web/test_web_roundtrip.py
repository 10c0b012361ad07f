"""A file a person wrote keeps its comments and key order when a form changes it (web/roundtrip.py)."""

from __future__ import annotations

from kehoach.web.roundtrip import load, plain, updated

WRITTEN = """\
# Hồ sơ của Đảng ủy xã (ghi chú của văn phòng).
ke_thua: co-so/dang   # cơ sở của Đảng
ten_co_quan: Đảng ủy xã Ví Dụ
# Tên gọi trong lời văn.
ten_goi: Đảng ủy xã
ky_hieu: ĐU
so: 470
ngay: 2023-05-04
nguoi_ky:
  - ma: bi-thu
    chuc_vu: BÍ THƯ   # [XN]
  - ma: pho-bi-thu
    chuc_vu: PHÓ BÍ THƯ
# Nơi lưu: xem văn bản gần nhất.
luu: "VPĐU"
# Trình bày theo mặc định của Đảng.
tap_the: null
thuc_hien: [21-ct-tw]
"""


def test_nothing_changed_writes_the_same_text() -> None:
    assert updated(WRITTEN, plain(load(WRITTEN))) == WRITTEN


def test_a_changed_value_keeps_every_comment_and_the_key_order() -> None:
    data = plain(load(WRITTEN))
    data["ten_goi"] = "Đảng ủy xã Ví Dụ"
    data["nguoi_ky"][1]["chuc_vu"] = "PHÓ BÍ THƯ THƯỜNG TRỰC"
    text = updated(WRITTEN, data)
    assert text == WRITTEN.replace("ten_goi: Đảng ủy xã\n", "ten_goi: Đảng ủy xã Ví Dụ\n").replace(
        "chuc_vu: PHÓ BÍ THƯ\n", "chuc_vu: PHÓ BÍ THƯ THƯỜNG TRỰC\n")


def test_values_read_back_as_text_are_unchanged() -> None:
    """A form answers "470" and "2023-05-04": the file keeps 470 and 2023-05-04 as written, not quoted."""
    data = plain(load(WRITTEN))
    data["so"], data["ngay"] = "470", "2023-05-04"
    assert updated(WRITTEN, data) == WRITTEN


def test_a_new_key_goes_after_its_neighbour_in_the_declaration() -> None:
    data = plain(load(WRITTEN))
    new = {}
    for key, value in data.items():
        new[key] = value
        if key == "ten_goi":
            new["ten_day_du"] = "Đảng ủy xã Ví Dụ"
    text = updated(WRITTEN, new)
    assert "ten_goi: Đảng ủy xã\nten_day_du: Đảng ủy xã Ví Dụ\nky_hieu: ĐU\n" in text
    assert text.count("#") == WRITTEN.count("#")


def test_a_removed_key_leaves_the_comments_about_the_next_one() -> None:
    data = plain(load(WRITTEN))
    del data["luu"]
    text = updated(WRITTEN, data)
    assert "luu:" not in text
    assert "# Nơi lưu: xem văn bản gần nhất.\n" in text  # above the removed key: about it, kept all the same
    assert "# Trình bày theo mặc định của Đảng.\ntap_the: null\n" in text


def test_null_stays_null_when_the_form_says_nothing() -> None:
    """`tap_the: null` removes an inherited value; an empty control cannot say that, so it is kept."""
    data = plain(load(WRITTEN))
    del data["tap_the"]
    assert "tap_the: null" in updated(WRITTEN, data)


def test_an_item_added_to_a_list_goes_before_the_comment_that_followed_the_list() -> None:
    data = plain(load(WRITTEN))
    data["nguoi_ky"].append({"ma": "uy-vien", "chuc_vu": "ỦY VIÊN"})
    text = updated(WRITTEN, data)
    assert "    chuc_vu: PHÓ BÍ THƯ\n  - ma: uy-vien\n    chuc_vu: ỦY VIÊN\n# Nơi lưu" in text


def test_a_removed_list_item_keeps_the_comment_below_it() -> None:
    data = plain(load(WRITTEN))
    data["nguoi_ky"].pop()
    text = updated(WRITTEN, data)
    assert "pho-bi-thu" not in text
    assert "    chuc_vu: BÍ THƯ   # [XN]\n# Nơi lưu: xem văn bản gần nhất.\nluu:" in text


def test_a_short_list_keeps_its_flow_style() -> None:
    data = plain(load(WRITTEN))
    data["thuc_hien"] = ["21-ct-tw", "349-kh-tld"]
    assert "thuc_hien: [21-ct-tw, 349-kh-tld]\n" in updated(WRITTEN, data)


def test_text_that_yaml_would_misread_is_quoted() -> None:
    text = updated(None, {"so": "05", "noi_nhan": ["VP UBND tỉnh: CVP, các PCVP"], "ket_thuc": "./.", "co": "yes"},
                   header="Tạo bằng trang web.")
    assert text.startswith("# Tạo bằng trang web.\n")
    from pathlib import Path

    from kehoach.inputs.yamlfile import read_yaml

    assert read_yaml(Path("x.yaml"), text).data == {"so": "05", "noi_nhan": ["VP UBND tỉnh: CVP, các PCVP"],
                                                    "ket_thuc": "./.", "co": "yes"}
