"""Cơ quan: create a profile from a base or a similar one, edit it; every mistake beside its control, in the words of
the profile loader, and the file a person wrote keeps its comments."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from kehoach.errors import InputError
from kehoach.inputs.profiles import load_profile

from .conftest import Form, errors_of, summary_of

FROM_BASE = "/co-quan/moi?tu=co-so/dang&nguon=san&cach=ke_thua"
GOOD = {"_ten_tep": "gia-lai/dang-uy-xa-ia-grai", "ten_co_quan": "Đảng ủy xã Ia Grai", "ten_goi": "Đảng ủy xã",
        "ky_hieu": "ĐU", "dia_danh": "Ia Grai", "nguoi_ky.0.ma": "bi-thu", "nguoi_ky.0.tham_quyen": "T/M BAN THƯỜNG VỤ",
        "nguoi_ky.0.chuc_vu": "BÍ THƯ", "noi_nhan": "Ban Thường vụ Tỉnh ủy\nCác chi bộ trực thuộc", "luu": "VPĐU"}


def _post(client: FlaskClient, url: str, changes: dict[str, str], base: str | None = None):
    fields = Form(client.get(base or url).text).fields
    fields.update(changes)
    return client.post(url, data=fields)


def test_the_list_is_searchable_by_province_and_system(client: FlaskClient) -> None:
    page = client.get("/co-quan/?tinh=gia-lai&he_thong=nha_nuoc").text
    assert "gia-lai/ubnd-tinh-gia-lai" in page and "gia-lai/ubnd-xa-vi-du" in page
    assert "gia-lai/tinh-uy-gia-lai" not in page and "binh-dinh/" not in page
    page = client.get("/co-quan/?q=ph%C3%B2ng+th%E1%BB%95").text  # "phòng thổ"
    assert "lai-chau/huyen-uy-phong-tho" in page and "ldld-lai-chau" not in page


def _provinces(html: str) -> list[tuple[str, str]]:
    select = re.search(r'<select id="tinh" name="tinh">(.*?)</select>', html, re.S)
    assert select is not None
    return re.findall(r'<option value="([^"]+)"[^>]*>([^<]*)</option>', select[1])


def test_the_province_filter_names_each_folder_as_its_profiles_write_it(client: FlaskClient) -> None:
    """Trial 1, defect 18: the filter listed "Bình Định, Cao Bằng, Ví Dụ, Lai Châu": gia-lai/ was named after the
    place of its last profile, a commune's placeholder "Ví Dụ" (and lai-chau/ could be "Phong Thổ", a district)."""
    assert _provinces(client.get("/co-quan/").text) == [
        ("binh-dinh", "Bình Định"), ("cao-bang", "Cao Bằng"), ("gia-lai", "Gia Lai"), ("lai-chau", "Lai Châu")]


def test_a_workspace_folder_is_named_from_its_profiles_never_title_cased(client: FlaskClient, workspace: Path) -> None:
    """The whole kind: the name is the profiles' own words (marks and đ included), in the case they are written in
    running text; a folder its profiles do not name keeps its own name."""
    own = workspace / "profiles"
    for folder, name, lines, place in (("dak-lak", "dak-lak/ubnd-xa-ea-tieu", "[Ủy ban nhân dân, xã Ea Tiêu]", "Ea Tiêu"),
                                       ("ha-noi", "ha-noi/ubnd-thanh-pho", "[Ủy ban nhân dân, thành phố Hà Nội]", "Hà Nội"),
                                       ("cua-toi", "cua-toi/ubnd-xa-a", "[Ủy ban nhân dân, xã A Lưới]", "A Lưới")):
        (own / folder).mkdir(parents=True, exist_ok=True)
        (own / f"{name}.yaml").write_text(f"ke_thua: co-so/nha-nuoc\nten_co_quan: {lines}\nten_goi: UBND\n"
                                          f"ky_hieu: UBND\ndia_danh: {place}\n", encoding="utf-8")
    (own / "dak-lak" / "ubnd-tinh.yaml").write_text(
        "ke_thua: co-so/nha-nuoc\nten_co_quan: [Ủy ban nhân dân, tỉnh Đắk Lắk]\nten_goi: UBND tỉnh\nky_hieu: UBND\n"
        "dia_danh: Đắk Lắk\n", encoding="utf-8")
    found = dict(_provinces(client.get("/co-quan/").text))
    assert (found["dak-lak"], found["ha-noi"], found["cua-toi"]) == ("Đắk Lắk", "Hà Nội", "cua-toi")
    page = client.get("/co-quan/?tinh=dak-lak").text
    assert "dak-lak/ubnd-xa-ea-tieu" in page and "ha-noi/" not in page


def test_the_default_signer_and_drafting_department_are_chosen_from_the_profile_and_its_base(
        client: FlaskClient) -> None:
    """Trial 1, defect 18 (signers chosen from a list): a profile that inherits its signers and departments offers
    them by what the document prints, not only the ones typed in the form."""
    page = client.get("/co-quan/moi?tu=gia-lai/ubnd-xa-vi-du&nguon=san&cach=ke_thua").text
    signers = [v for v, _label in re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', re.search(
        r'name="nguoi_ky_mac_dinh"[^>]*>(.*?)</select>', page, re.S)[1])]
    assert signers == ["", "chu-tich", "pho-chu-tich"]
    assert '<option value="pho-chu-tich">PHÓ CHỦ TỊCH (TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH)</option>' in page
    assert '<option value="VHXH">Phòng Văn hóa - Xã hội (VHXH)</option>' in re.search(
        r'name="phong_soan_thao"[^>]*>(.*?)</select>', page, re.S)[1]


def test_a_profile_made_from_a_base_is_saved_and_loads(client: FlaskClient, workspace: Path) -> None:
    form = Form(client.get(FROM_BASE).text).fields
    assert form["ke_thua"] == "co-so/dang"
    page = _post(client, "/co-quan/moi", GOOD, FROM_BASE)
    assert page.status_code == 302, summary_of(page.text)
    file = workspace / "profiles" / "gia-lai" / "dang-uy-xa-ia-grai.yaml"
    profile = load_profile(file)
    assert profile.system == "dang" and profile.issuer_lines == ("ĐẢNG ỦY XÃ IA GRAI",)
    assert profile.recipients == ("Ban Thường vụ Tỉnh ủy", "Các chi bộ trực thuộc")
    assert "Đã tạo hồ sơ profiles/gia-lai/dang-uy-xa-ia-grai.yaml" in client.get(page.headers["Location"]).text


def test_a_copy_of_a_similar_profile_keeps_a_base_it_can_find(client: FlaskClient, workspace: Path) -> None:
    url = "/co-quan/moi?tu=gia-lai/cong-doan-xa-vi-du&nguon=san&cach=chep"
    form = Form(client.get(url).text).fields
    assert form["_ten_tep"] == "gia-lai/cong-doan-xa-vi-du-rieng"
    page = _post(client, "/co-quan/moi", {"ten_co_quan": "Công đoàn xã Ia Hrung"}, url)
    assert page.status_code == 302, summary_of(page.text)
    copied = load_profile(workspace / "profiles" / "gia-lai" / "cong-doan-xa-vi-du-rieng.yaml")
    assert copied.issuer_lines == ("CÔNG ĐOÀN XÃ IA HRUNG",)
    assert copied.sources[0].name == "cong-doan.yaml"  # the base found from the workspace


def test_a_copy_names_its_base_as_a_person_would(client: FlaskClient) -> None:
    """Trial 1, defect 16: the copy's ke_thua is the base's name, never 'gia-lai/../co-so/nha-nuoc'."""
    form = Form(client.get("/co-quan/moi?tu=gia-lai/ubnd-xa-vi-du&nguon=san&cach=chep").text).fields
    assert form["ke_thua"] == "co-so/nha-nuoc"


def _loader_messages(workspace: Path, text: str) -> dict[str, list[str]]:
    """What `kehoach ho-so` says about the same content, by key."""
    try:
        load_profile(workspace / "profiles" / "x.yaml", text=text)
    except InputError as exc:
        out: dict[str, list[str]] = {}
        for p in exc.problems:
            out.setdefault(p.key or "", []).append(p.message)
        return out
    return {}


@pytest.mark.parametrize(("changes", "where"), [
    ({"ten_goi": "", "ky_hieu": ""}, ["ten_goi", "ky_hieu"]),  # required, also in the base
    ({"nguoi_ky.0.chuc_vu": ""}, ["nguoi_ky.0.chuc_vu"]),  # required in an item
    ({"nguoi_ky_mac_dinh": "pho-bi-thu"}, ["nguoi_ky_mac_dinh"]),  # no such signer
    ({"ke_thua": "khong-co-ho-so-nay"}, ["ke_thua"]),  # base not found
    ({"trinh_bay.kieu_muc": "1."}, ["trinh_bay.kieu_muc"]),  # a choice the declaration does not allow
    ({"trinh_bay.dau_phay_truoc_ngay": "co", "he_thong": "dang-xa"}, ["he_thong"]),
])
def test_each_mistake_is_shown_beside_its_control_in_the_loaders_words(client: FlaskClient, workspace: Path,
                                                                      changes: dict[str, str], where: list[str]) -> None:
    page = _post(client, "/co-quan/moi", {**GOOD, **changes}, FROM_BASE)
    assert page.status_code == 200
    shown = errors_of(page.text)
    assert sorted(shown) == sorted(where)
    import yaml
    from werkzeug.datastructures import MultiDict

    from kehoach.inputs.profiles import PROFILE
    from kehoach.web import answers
    from kehoach.web.roundtrip import updated

    text = updated(None, answers.read(PROFILE, MultiDict({**GOOD, **changes, "ke_thua": changes.get("ke_thua", "co-so/dang")})))
    assert yaml.safe_load(text)
    expected = _loader_messages(workspace, text)
    for key in where:
        assert shown[key] == expected[key]
    assert summary_of(page.text)  # and listed on top, with links
    assert not (workspace / "profiles" / "gia-lai").exists()  # nothing written
    kept = Form(page.text).fields
    assert kept["ten_co_quan"] == GOOD["ten_co_quan"] and kept["_ten_tep"] == GOOD["_ten_tep"]  # what was typed stays


@pytest.mark.parametrize(("name", "message"), [("Đảng ủy xã", "tên tệp chỉ gồm chữ thường"), ("../ra-ngoai", "tên tệp chỉ gồm"),
                                               ("a/b/c", "tên tệp chỉ gồm"), ("", "tên tệp chỉ gồm")])
def test_a_file_name_must_be_plain_and_inside_profiles(client: FlaskClient, name: str, message: str) -> None:
    page = _post(client, "/co-quan/moi", {**GOOD, "_ten_tep": name}, FROM_BASE)
    assert message in errors_of(page.text)["_ten_tep"][0]


def test_an_existing_profile_is_never_overwritten_by_a_new_one(client: FlaskClient, workspace: Path) -> None:
    (workspace / "profiles" / "gia-lai").mkdir()
    existing = workspace / "profiles" / "gia-lai" / "dang-uy-xa-ia-grai.yaml"
    existing.write_text("# của văn phòng\nke_thua: co-so/dang\n", encoding="utf-8")
    page = _post(client, "/co-quan/moi", GOOD, FROM_BASE)
    assert "đã có tệp profiles/gia-lai/dang-uy-xa-ia-grai.yaml" in errors_of(page.text)["_ten_tep"][0]
    assert existing.read_text(encoding="utf-8") == "# của văn phòng\nke_thua: co-so/dang\n"


HAND_WRITTEN = """\
# Hồ sơ do văn phòng viết tay.
ke_thua: co-so/cong-doan
ten_co_quan: Công đoàn xã Ví Dụ   # tên in ở tiêu đề
ten_goi: Công đoàn xã
# Ký hiệu theo văn bản số 12/CĐ ngày 3/3/2025.
ky_hieu: CĐ
dia_danh: Ví Dụ
nguoi_ky:
  - ma: chu-tich
    tham_quyen: TM. BAN CHẤP HÀNH
    chuc_vu: CHỦ TỊCH
# Nơi nhận thường dùng.
noi_nhan:
  - LĐLĐ tỉnh
luu: VT
"""


def test_editing_a_hand_written_profile_keeps_its_comments_and_order(client: FlaskClient, workspace: Path) -> None:
    file = workspace / "profiles" / "cong-doan-xa.yaml"
    file.write_text(HAND_WRITTEN, encoding="utf-8")
    page = _post(client, "/co-quan/sua/cong-doan-xa", {"ten_goi": "Công đoàn xã Ví Dụ",
                                                       "noi_nhan": "LĐLĐ tỉnh\nĐảng ủy xã"})
    assert page.status_code == 302, summary_of(page.text)
    assert file.read_text(encoding="utf-8") == HAND_WRITTEN.replace("ten_goi: Công đoàn xã\n", "ten_goi: Công đoàn xã Ví Dụ\n") \
        .replace("  - LĐLĐ tỉnh\n", "  - LĐLĐ tỉnh\n  - Đảng ủy xã\n")


def test_a_profile_changed_elsewhere_since_the_form_opened_is_not_overwritten(client: FlaskClient, workspace: Path) -> None:
    file = workspace / "profiles" / "cong-doan-xa.yaml"
    file.write_text(HAND_WRITTEN, encoding="utf-8")
    fields = Form(client.get("/co-quan/sua/cong-doan-xa").text).fields
    file.write_text(HAND_WRITTEN.replace("luu: VT", "luu: VT, VP"), encoding="utf-8")  # someone else, in a text editor
    fields["ten_goi"] = "Công đoàn"
    page = client.post("/co-quan/sua/cong-doan-xa", data=fields)
    assert "tệp đã được sửa ở nơi khác" in " ".join(summary_of(page.text))
    assert "luu: VT, VP" in file.read_text(encoding="utf-8")


def test_a_profile_that_cannot_be_read_is_not_offered_for_editing(client: FlaskClient, workspace: Path) -> None:
    (workspace / "profiles" / "hong.yaml").write_text("ten_goi: [không đóng\n", encoding="utf-8")
    page = client.get("/co-quan/sua/hong")
    assert page.status_code == 200
    assert "Tệp không đọc được" in page.text and "YAML sai cú pháp" in page.text
    assert 'name="csrf_token"' not in page.text  # no form that could overwrite it


def test_a_workspace_profile_with_a_mistake_shows_it_on_opening(client: FlaskClient, workspace: Path) -> None:
    (workspace / "profiles" / "sai.yaml").write_text(HAND_WRITTEN.replace("luu: VT", "luu: VT\nnguoi_ky_mac_dinh: ai"),
                                                     encoding="utf-8")
    page = client.get("/co-quan/sua/sai")
    assert errors_of(page.text)["nguoi_ky_mac_dinh"] == ["không có người ký mã 'ai' trong 'nguoi_ky'"]
    assert "Lỗi: không có người ký mã &#39;ai&#39; trong &#39;nguoi_ky&#39;" in client.get("/co-quan/").text


def test_the_list_follows_a_profile_changed_on_disk(client: FlaskClient, workspace: Path) -> None:
    """Profiles are remembered between pages (a province has thousands), and read again when their file changes."""
    file = workspace / "profiles" / "cong-doan-xa.yaml"
    file.write_text(HAND_WRITTEN.replace("Công đoàn xã Ví Dụ ", "Công đoàn xã Thử "), encoding="utf-8")
    assert "CÔNG ĐOÀN XÃ THỬ" in client.get("/co-quan/").text
    file.write_text(HAND_WRITTEN.replace("Công đoàn xã Ví Dụ ", "Công đoàn phường Mẫu "), encoding="utf-8")
    page = client.get("/co-quan/").text
    assert "CÔNG ĐOÀN PHƯỜNG MẪU" in page and "CÔNG ĐOÀN XÃ THỬ" not in page
