"""Every real implementing document can be written (issue 17): each case is the smallest input quoted in the issue,
with invented bodies, and the exact printed line it must give."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx.oxml.ns import qn

from kehoach.errors import InputError
from kehoach.generate import prepare

DOCS = {
    "40-ct-tw": "loai: Chỉ thị\nso_ky_hieu: 40-CT/TW\nngay: 12/3/2019\nco_quan: Ban Bí thư Trung ương Đảng\nkhoa: XII\n"
                "trich_yeu: về nâng cao hiệu quả công tác tuyên truyền\n",
    "40-ct-bbt": "loai: Chỉ thị\nso_ky_hieu: 40-CT/TW\nngay: 12/3/2019\nco_quan: Ban Bí thư\n"
                 "trich_yeu: về nâng cao hiệu quả công tác tuyên truyền\n",
    "120-kh-tu": "loai: Kế hoạch\nso_ky_hieu: 120-KH/TU\nngay: 05/02/2021\nco_quan: Ban Thường vụ Tỉnh ủy\n"
                 "thuc_hien: [40-ct-bbt]\ncum_tu: thực hiện\n",
    "99-kl-tw": "loai: Kết luận\nso_ky_hieu: 99-KL/TW\nngay: 15 tháng 01 năm 2024\nco_quan: Bộ Chính trị\n"
                "trich_yeu: về tiếp tục thực hiện Nghị quyết số 01\n",
    "12-qd-ubnd": "loai: Quyết định\nso_ky_hieu: 12/QĐ-UBND\nngay: 02/3/2023\nco_quan: Ủy ban nhân dân tỉnh Ví Dụ\n"
                  "trich_yeu: Ban hành Quy chế làm việc\n",
    "ctr-hoi": "loai: Chương trình\ntrich_yeu: công tác năm 2023\nco_quan: Ban Chấp hành Hội Cựu chiến binh tỉnh Ví Dụ\n",
    "nq-dai-hoi": "loai: Nghị quyết\nten: Nghị quyết Đại hội đại biểu Phụ nữ tỉnh Ví Dụ lần thứ XVI\n",
    "15-qd-ttg": "loai: Quyết định\nso_ky_hieu: 15/QĐ-TTg\nngay: 10/01/2024\nco_quan: Thủ tướng Chính phủ\n"
                 "trich_yeu: Ban hành Kế hoạch thực hiện Chiến lược phát triển thanh niên\n",
    "16-qd-ttg": "loai: Quyết định\nso_ky_hieu: 16/QĐ-TTg\nngay: 11/01/2024\nco_quan: Thủ tướng Chính phủ\n"
                 "trich_yeu: Phê duyệt Đề án hỗ trợ thanh niên khởi nghiệp\nthem_ve: false\n",
    "07-ct-tu": "loai: Chỉ thị\nso_ky_hieu: 07-CT/TU\nngay: 01/6/2023\nco_quan: Ban Thường vụ Tỉnh ủy\n"
                "trich_yeu: “Tuyên truyền, giáo dục truyền thống cách mạng”\n",
    "08-cv-tu": "loai: Công văn\nso_ky_hieu: 08-CV/TU\nngay: 02/6/2023\nco_quan: Văn phòng Tỉnh ủy\n"
                "trich_yeu: V/v triển khai Tháng hành động vì môi trường\n",
    "09-nq-tu": "loai: Nghị quyết\nso_ky_hieu: 09-NQ/TU\nngay: 20/10/2022\nco_quan: Ban Chấp hành Đảng bộ tỉnh\n"
                "khoa: khóa XV\ntrich_yeu: về phát triển du lịch\n",
}
STATE = "ke_thua: co-so/nha-nuoc\nten_co_quan: Ủy ban nhân dân tỉnh Ví Dụ\nten_goi: Ủy ban nhân dân tỉnh\n" \
        "ten_day_du: Ủy ban nhân dân tỉnh Ví Dụ\nky_hieu: UBND\ndia_danh: Ví Dụ\n"
PARTY = "ke_thua: co-so/dang\nten_co_quan: Ban Tuyên giáo Tỉnh ủy\nten_goi: Ban Tuyên giáo Tỉnh ủy\n" \
        "ky_hieu: BTGTU\ndia_danh: Ví Dụ\ntap_the: null\nco_quan_chu_quan: Tỉnh ủy Ví Dụ\n"


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    (tmp_path / "van-ban").mkdir()
    for key, text in DOCS.items():
        (tmp_path / "van-ban" / f"{key}.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "ubnd-vi-du.yaml").write_text(STATE, encoding="utf-8")
    (tmp_path / "profiles" / "btg-vi-du.yaml").write_text(PARTY, encoding="utf-8")
    (tmp_path / "ke-hoach").mkdir()
    return tmp_path


def draft(ws: Path, body: str, profile: str = "ubnd-vi-du", kind: str = "ke_hoach"):
    plan = ws / "ke-hoach" / "kh.yaml"
    plan.write_text(f"co_quan: {profile}\nloai: {kind}\n{body}", encoding="utf-8")
    return prepare(plan).draft


def body(ws: Path, plan: str, **kw) -> list[str]:
    return [b.text for b in draft(ws, plan, **kw).blocks]


def refused(ws: Path, plan: str, **kw) -> InputError:
    with pytest.raises(InputError) as caught:
        draft(ws, plan, **kw)
    return caught.value


# -- 1. a lead word per parent, mixed joins --------------------------------------------------------------

def test_lead_word_per_parent_and_mixed_separators(ws):
    text = body(ws, "thuc_hien: [40-ct-bbt]\nmo_dau:\n  ngan_cach: phay\n  van_ban:\n    - {ma: 40-ct-bbt, dang: ngan}\n"
                    "    - {ma: 99-kl-tw, dang: ngan}\n    - {ma: 12-qd-ubnd, dang: ngan, tu: căn cứ, ngan_cach: cham_phay}\n")
    assert text[0] == "Thực hiện Chỉ thị số 40-CT/TW, Kết luận số 99-KL/TW; căn cứ Quyết định số 12/QĐ-UBND;"


def test_lead_word_joined_by_a_comma(ws):
    text = body(ws, "thuc_hien: [40-ct-bbt]\nmo_dau:\n  van_ban:\n    - {ma: 40-ct-bbt, dang: ngay}\n"
                    "    - {ma: 12-qd-ubnd, dang: ngay, tu: Trên cơ sở, ngan_cach: phay}\n  noi: phay\n"
                    "  cau_ban_hanh: 'Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:'\n")
    assert text[0] == ("Thực hiện Chỉ thị số 40-CT/TW ngày 12/3/2019 của Ban Bí thư, trên cơ sở Quyết định số "
                       "12/QĐ-UBND ngày 02/3/2023 của Ủy ban nhân dân tỉnh Ví Dụ, Ủy ban nhân dân tỉnh ban hành Kế "
                       "hoạch như sau:")


def test_the_first_citation_may_have_its_own_lead_word(ws):
    text = body(ws, "thuc_hien: [40-ct-bbt]\nmo_dau:\n  van_ban: [{ma: 40-ct-bbt, dang: ngan, tu: Căn cứ}]\n")
    assert text[0] == "Căn cứ Chỉ thị số 40-CT/TW;"


# -- 2. more list endings -----------------------------------------------------------------------------------

def test_citations_end_with_a_full_stop_and_a_new_paragraph(ws):
    text = body(ws, "thuc_hien: [99-kl-tw]\nmo_dau:\n  van_ban: [{ma: 99-kl-tw, dang: ngay}]\n  noi: cham_doan_moi\n"
                    "  cau_ban_hanh: 'Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:'\n")
    assert text[:2] == ["Thực hiện Kết luận số 99-KL/TW ngày 15/01/2024 của Bộ Chính trị.",
                        "Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:"]


def test_citations_end_with_a_semicolon_in_the_same_paragraph(ws):
    text = body(ws, "thuc_hien: [99-kl-tw]\nmo_dau:\n  van_ban: [{ma: 99-kl-tw, dang: ngan}]\n  noi: cham_phay\n"
                    "  cau_ban_hanh: 'Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:'\n")
    assert text[0] == "Thực hiện Kết luận số 99-KL/TW; Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:"


# -- 3. a narrative opening -----------------------------------------------------------------------------------

def test_narrative_opening(ws):
    text = body(ws, "thuc_hien: [40-ct-tw]\nmo_dau:\n  kieu: tuong_thuat\n  cau_ban_hanh: 'Để triển khai thực hiện "
                    "có hiệu quả {viet_tat}, Ban Tuyên giáo Tỉnh ủy đề nghị các cấp ủy thực hiện một số nội dung sau:'\n",
                profile="btg-vi-du", kind="cong_van")
    assert text[0] == ("Ngày 12/3/2019, Ban Bí thư Trung ương Đảng (khóa XII) đã ban hành Chỉ thị số 40-CT/TW về nâng "
                       "cao hiệu quả công tác tuyên truyền (sau đây viết tắt là Chỉ thị số 40-CT/TW). Để triển khai "
                       "thực hiện có hiệu quả Chỉ thị số 40-CT/TW, Ban Tuyên giáo Tỉnh ủy đề nghị các cấp ủy thực hiện "
                       "một số nội dung sau:")


def test_narrative_opening_default_sentence_in_its_own_paragraph(ws):
    text = body(ws, "thuc_hien: [99-kl-tw]\nmo_dau: {kieu: tuong_thuat, noi: cham_doan_moi}\n")
    assert text[:2] == ["Ngày 15/01/2024, Bộ Chính trị đã ban hành Kết luận số 99-KL/TW về tiếp tục thực hiện Nghị "
                        "quyết số 01 (sau đây viết tắt là Kết luận số 99-KL/TW).",
                        "Để triển khai thực hiện có hiệu quả Kết luận số 99-KL/TW, Ủy ban nhân dân tỉnh ban hành Kế "
                        "hoạch thực hiện như sau:"]


def test_narrative_opening_refuses_a_comma_join(ws):
    error = refused(ws, "thuc_hien: [99-kl-tw]\nmo_dau: {kieu: tuong_thuat, noi: phay}\n")
    assert (error.problems[0].line, error.problems[0].key) == (4, "mo_dau.noi")


# -- 4. long dates ----------------------------------------------------------------------------------------------

def test_long_dates_in_citations(ws):
    text = body(ws, "thuc_hien: [99-kl-tw]\nngay_trich_dan: day_du\nmo_dau:\n  van_ban: [{ma: 99-kl-tw, dang: ngay}]\n")
    assert text[0] == "Thực hiện Kết luận số 99-KL/TW ngày 15 tháng 01 năm 2024 của Bộ Chính trị;"


def test_long_dates_chosen_by_the_profile(ws):
    (ws / "profiles" / "ubnd-vi-du.yaml").write_text(STATE + "trinh_bay: {ngay_trich_dan: day_du}\n", encoding="utf-8")
    made = draft(ws, "thuc_hien: [99-kl-tw]\n")
    assert made.subject == ("Thực hiện Kết luận số 99-KL/TW ngày 15 tháng 01 năm 2024 của Bộ Chính trị về tiếp tục "
                            "thực hiện Nghị quyết số 01")


# -- 5. a parent without a number ---------------------------------------------------------------------------

def test_parent_without_a_number(ws):
    made = draft(ws, "thuc_hien: [ctr-hoi]\n")
    assert made.subject == "Thực hiện Chương trình công tác năm 2023 của Ban Chấp hành Hội Cựu chiến binh tỉnh Ví Dụ"
    assert made.blocks[0].text == ("Thực hiện Chương trình công tác năm 2023 của Ban Chấp hành Hội Cựu chiến binh "
                                   "tỉnh Ví Dụ;")


def test_parent_named_without_number_or_issuer(ws):
    made = draft(ws, "thuc_hien: [nq-dai-hoi]\nmo_dau: {tu: Căn cứ}\n")
    assert made.blocks[0].text == "Căn cứ Nghị quyết Đại hội đại biểu Phụ nữ tỉnh Ví Dụ lần thứ XVI;"


def test_extra_words_starting_with_a_comma_have_no_space_before_it(ws):
    text = body(ws, "thuc_hien: [99-kl-tw]\nmo_dau:\n  van_ban: [{ma: 99-kl-tw, dang: ngay}]\n"
                    "  bo_sung: \", Chương trình công tác năm 2023 của Ban Chấp hành Hội\"\n")
    assert text[0] == ("Thực hiện Kết luận số 99-KL/TW ngày 15/01/2024 của Bộ Chính trị, Chương trình công tác năm "
                       "2023 của Ban Chấp hành Hội;")


def test_a_document_needs_a_number_or_a_name(ws):
    (ws / "van-ban" / "trong.yaml").write_text("loai: Chương trình\nco_quan: Hội\n", encoding="utf-8")
    error = refused(ws, "thuc_hien: [trong]\n")
    assert error.problems[0].file.name == "trong.yaml" and "ten" in error.problems[0].message


# -- 6. the chain form -------------------------------------------------------------------------------------------

def test_chain_form_in_the_opening(ws):
    text = body(ws, "thuc_hien: [120-kh-tu]\nmo_dau:\n  van_ban: [{ma: 120-kh-tu, dang: chuoi}]\n")
    assert text[0] == ("Thực hiện Kế hoạch số 120-KH/TU ngày 05/02/2021 của Ban Thường vụ Tỉnh ủy thực hiện Chỉ thị "
                       "số 40-CT/TW ngày 12/3/2019 của Ban Bí thư;")


def test_chain_form_as_a_placeholder(ws):
    text = body(ws, "thuc_hien: [120-kh-tu]\nmo_dau: {nguyen_van: 'Căn cứ {trich_dan_chuoi:120-kh-tu}, …'}\n")
    assert text[0] == ("Căn cứ Kế hoạch số 120-KH/TU ngày 05/02/2021 của Ban Thường vụ Tỉnh ủy thực hiện Chỉ thị số "
                       "40-CT/TW ngày 12/3/2019 của Ban Bí thư, …")


# -- 7. the "về" rule ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("doc", "cited"), [
    ("15-qd-ttg", "Quyết định số 15/QĐ-TTg ngày 10/01/2024 của Thủ tướng Chính phủ về ban hành Kế hoạch thực hiện "
                  "Chiến lược phát triển thanh niên"),
    ("07-ct-tu", "Chỉ thị số 07-CT/TU ngày 01/6/2023 của Ban Thường vụ Tỉnh ủy về “Tuyên truyền, giáo dục truyền "
                 "thống cách mạng”"),
    ("08-cv-tu", "Công văn số 08-CV/TU ngày 02/6/2023 của Văn phòng Tỉnh ủy về triển khai Tháng hành động vì môi "
                 "trường"),
    ("16-qd-ttg", "Quyết định số 16/QĐ-TTg ngày 11/01/2024 của Thủ tướng Chính phủ phê duyệt Đề án hỗ trợ thanh niên "
                  "khởi nghiệp"),
    ("120-kh-tu", "Kế hoạch số 120-KH/TU ngày 05/02/2021 của Ban Thường vụ Tỉnh ủy thực hiện Chỉ thị số 40-CT/TW ngày "
                  "12/3/2019 của Ban Bí thư về nâng cao hiệu quả công tác tuyên truyền"),
])
def test_ve_joins_issuer_and_subject_once(ws, doc, cited):
    made = draft(ws, f"thuc_hien: [{doc}]\n")
    assert made.subject == f"Thực hiện {cited}"


def test_a_plan_subject_starting_with_a_verb_of_implementation_is_not_doubled(ws):
    (ws / "ke-hoach" / "cha.yaml").write_text("co_quan: ubnd-vi-du\nloai: ke_hoach\nso: 5\nngay: 01/3/2024\n"
                                              "thuc_hien: [99-kl-tw]\ntrich_yeu: {cum_tu: Triển khai thực hiện}\n",
                                              encoding="utf-8")
    made = draft(ws, "thuc_hien: [cha]\ntrich_yeu: {dang: chuoi}\n")
    assert made.subject == ("Thực hiện Kế hoạch số 05/KH-UBND ngày 01/3/2024 của Ủy ban nhân dân tỉnh Ví Dụ triển khai "
                            "thực hiện Kết luận số 99-KL/TW ngày 15/01/2024 của Bộ Chính trị")


# -- 8. placeholders everywhere ---------------------------------------------------------------------------------

def test_placeholders_expand_in_extra_words_and_trich_yeu(ws):
    made = draft(ws, "thuc_hien: [99-kl-tw]\ntrich_yeu: Tuyên truyền {viet_tat:99-kl-tw} năm 2024\n"
                     "mo_dau:\n  van_ban: [{ma: 99-kl-tw, dang: ngan}]\n  bo_sung: và {trich_dan_ngay:12-qd-ubnd}\n"
                     "kinh_gui: ['Sở {ten_goi}']\nnoi_nhan_them: ['{viet_tat}']\n")
    assert made.subject == "Tuyên truyền Kết luận số 99-KL/TW năm 2024"
    assert made.blocks[0].text == ("Thực hiện Kết luận số 99-KL/TW và Quyết định số 12/QĐ-UBND ngày 02/3/2023 của Ủy "
                                   "ban nhân dân tỉnh Ví Dụ;")
    assert "- Kết luận số 99-KL/TW;" in made.recipients


@pytest.mark.parametrize(("plan", "line", "key"), [
    ("mo_dau: {bo_sung: 'và {chi_dao}'}\n", 4, "mo_dau.bo_sung"),
    ("trich_yeu: 'Tuyên truyền {viet_tat:99-kl-tw'\n", 4, "trich_yeu"),
    ("noi_nhan_them: [a, '{ Viet_tat:99-kl-tw }']\n", 4, "noi_nhan_them.1"),
    ("muc:\n  - tieu_de: Nhiệm vụ\n    muc_con: [{noi_dung: ['{doi_tuon}']}]\n", 6, "muc.0.muc_con.0.noi_dung.0"),
    ("giao_nhiem_vu: [{phong_ban: VP, nhiem_vu: '{trich_dan}'}]\n", 4, "giao_nhiem_vu.0.nhiem_vu"),
    ("so: '{so}'\n", 4, "so"),
])
def test_an_unknown_placeholder_anywhere_is_an_error_with_line(ws, plan, line, key):
    error = refused(ws, "thuc_hien: [99-kl-tw]\n" + plan)
    problem = error.problems[0]
    assert (problem.file.name, problem.line, problem.key) == ("kh.yaml", line, key)


def test_a_placeholder_naming_a_document_not_cited_is_an_error_with_line(ws):
    error = refused(ws, "thuc_hien: [99-kl-tw]\nmo_dau: {bo_sung: 'và {viet_tat:khong-co}'}\n")
    assert (error.problems[0].line, error.problems[0].key) == (4, "mo_dau.bo_sung")


def test_placeholders_in_a_profile_are_checked_where_typed(ws):
    (ws / "profiles" / "ubnd-vi-du.yaml").write_text(
        STATE + "phong_ban:\n  - ten: Văn phòng\n    nhiem_vu: tham mưu {viet_tatt}\n", encoding="utf-8")
    error = refused(ws, "thuc_hien: [99-kl-tw]\n")
    assert (error.problems[0].file.name, error.problems[0].line) == ("ubnd-vi-du.yaml", 9)


def test_a_profile_duty_expands_its_placeholders(ws):
    (ws / "profiles" / "ubnd-vi-du.yaml").write_text(
        STATE + "phong_ban:\n  - ten: Văn phòng\n    nhiem_vu: tham mưu thực hiện {viet_tat}.\n", encoding="utf-8")
    text = body(ws, "thuc_hien: [99-kl-tw]\n")
    # Tổ chức thực hiện gives the department its own khoản (issue 13); its duty is written out.
    assert text[text.index("1. Văn phòng") + 1] == "- Tham mưu thực hiện Kết luận số 99-KL/TW."


def test_a_document_trich_yeu_does_not_take_placeholders(ws):
    (ws / "van-ban" / "x.yaml").write_text("loai: Chỉ thị\nso_ky_hieu: 01-CT/TW\nco_quan: Ban Bí thư\n"
                                           "trich_yeu: về {dia_ban}\n", encoding="utf-8")
    error = refused(ws, "thuc_hien: [x]\n")
    assert (error.problems[0].file.name, error.problems[0].line, error.problems[0].key) == ("x.yaml", 4, "trich_yeu")


# -- 9. a trích yếu left out, its case ------------------------------------------------------------------------

@pytest.mark.parametrize("value", ['""', "null", "{nguyen_van: ''}"])
def test_trich_yeu_can_be_left_out(ws, value):
    made = draft(ws, f"ten_loai: Định hướng tuyên truyền tháng 9\nky_hieu_loai: ĐHTT\nthuc_hien: [99-kl-tw]\n"
                     f"trich_yeu: {value}\n")
    assert (made.type_title, made.subject) == ("ĐỊNH HƯỚNG TUYÊN TRUYỀN THÁNG 9", "")
    assert made.blocks[1].text == "Ủy ban nhân dân tỉnh ban hành Định hướng tuyên truyền tháng 9, như sau:"
    # A State body "yêu cầu" the bodies it commands (issue 13).
    assert made.blocks[-1].text == ("Trên đây là Định hướng tuyên truyền tháng 9, yêu cầu các cơ quan, đơn vị liên "
                                    "quan nghiêm túc triển khai thực hiện./.")


def test_no_sections_at_all(ws):
    text = body(ws, "thuc_hien: [99-kl-tw]\nmuc: []\n")
    assert len(text) == 3 and text[2].startswith("Trên đây là Kế hoạch")


@pytest.mark.parametrize(("profile", "kind", "case", "expected"), [
    ("btg-vi-du", "ke_hoach", "hoa", "Thực hiện Kết luận số 99-KL/TW"),
    ("ubnd-vi-du", "ke_hoach", "thuong", "thực hiện Kết luận số 99-KL/TW"),
    ("btg-vi-du", "ke_hoach", None, "thực hiện Kết luận số 99-KL/TW"),
    ("ubnd-vi-du", "cong_van", "hoa", "V/v Triển khai thực hiện Kết luận số 99-KL/TW"),
    ("ubnd-vi-du", "cong_van", None, "V/v triển khai thực hiện Kết luận số 99-KL/TW"),
])
def test_case_of_the_trich_yeu_can_be_chosen(ws, profile, kind, case, expected):
    chosen = f", chu_dau: {case}" if case else ""
    made = draft(ws, f"thuc_hien: [99-kl-tw]\ntrich_yeu: {{dang: ngan{chosen}}}\n", profile=profile, kind=kind)
    assert (made.cv_subject[0] if kind == "cong_van" else made.subject) == expected


def test_short_trich_yeu_first_level_with_own_words(ws):
    made = draft(ws, "thuc_hien: [120-kh-tu]\ntrich_yeu: {cum_tu: Triển khai thực hiện, dang: ngay, them: trên địa "
                     "bàn tỉnh}\n")
    assert made.subject == ("Triển khai thực hiện Kế hoạch số 120-KH/TU ngày 05/02/2021 của Ban Thường vụ Tỉnh ủy "
                            "trên địa bàn tỉnh")
    assert made.blocks[-1].text.startswith("Trên đây là Kế hoạch triển khai thực hiện Kế hoạch số 120-KH/TU trên địa "
                                           "bàn tỉnh, yêu cầu")


# -- 10. a type name the program does not know -------------------------------------------------------------------

def test_unknown_type_name_needs_its_code(ws):
    error = refused(ws, "ten_loai: Định hướng tuyên truyền\nthuc_hien: [99-kl-tw]\n", profile="btg-vi-du")
    problem = error.problems[0]
    assert (problem.line, problem.key) == (3, "ten_loai") and "ky_hieu_loai" in problem.message


def test_unknown_type_name_with_its_code(ws):
    made = draft(ws, "ten_loai: Định hướng tuyên truyền\nky_hieu_loai: ĐHTT\nso: 12\nthuc_hien: [99-kl-tw]\n",
                 profile="btg-vi-du")
    assert made.number_line == "Số 12-ĐHTT/BTGTU"


# -- 11. a Công văn without numbered groups; numbering from 1.1; two paragraphs; a committee's term -------------

def test_cong_van_without_groups(ws):
    text = body(ws, "thuc_hien: [99-kl-tw]\nmuc: [Đoạn thứ nhất., Đoạn thứ hai.]\nket_thuc: ''\n", kind="cong_van")
    assert text[1:] == ["Đoạn thứ nhất.", "Đoạn thứ hai./."]


def test_cong_van_numbering_from_1_1(ws):
    text = body(ws, "thuc_hien: [99-kl-tw]\ndanh_so: ['1.1.', 'a)']\nmuc:\n  - tieu_de: Tuyên truyền\n"
                    "    muc_con: [{noi_dung: [Việc một.]}, {noi_dung: [Việc hai.]}]\n  - {noi_dung: [Báo cáo.]}\n"
                    "ket_thuc: ''\n", kind="cong_van")
    assert text[1:] == ["1.1. Tuyên truyền", "a) Việc một.", "b) Việc hai.", "1.2. Báo cáo./."]


def test_plan_numbering_without_roman_sections(ws):
    text = body(ws, "thuc_hien: [99-kl-tw]\ndanh_so: ['1.', '1.1.', '-']\nmuc:\n  - tieu_de: Mục đích\n"
                    "    muc_con: [{tieu_de: Mục tiêu, muc_con: [Một việc.]}]\n  - {tieu_de: Nhiệm vụ, danh_so: false}\n"
                    "  - tieu_de: Tổ chức\nket_thuc: ''\n")
    assert text[2:] == ["1. MỤC ĐÍCH", "1.1. Mục tiêu", "Một việc.", "NHIỆM VỤ", "2. TỔ CHỨC./."]


def test_verbatim_opening_of_two_paragraphs(ws):
    text = body(ws, "thuc_hien: [99-kl-tw]\nmo_dau:\n  nguyen_van: |\n    Đoạn một {viet_tat}.\n    Đoạn hai.\n")
    assert text[:2] == ["Đoạn một Kết luận số 99-KL/TW.", "Đoạn hai."]


def test_term_of_a_committee(ws):
    made = draft(ws, "thuc_hien: [09-nq-tu]\n", profile="btg-vi-du")
    assert made.subject == ("thực hiện Nghị quyết số 09-NQ/TU, ngày 20/10/2022 của Ban Chấp hành Đảng bộ tỉnh (khóa XV) "
                            "về phát triển du lịch")


# -- 12. the looks of the mass organisations -------------------------------------------------------------------

def _profile(ws: Path, name: str, text: str) -> str:
    (ws / "profiles" / f"{name}.yaml").write_text(text, encoding="utf-8")
    return name


def test_doan_look(ws):
    name = _profile(ws, "twd", "ke_thua: co-so/doan-thanh-nien\nten_co_quan: Ban Chấp hành Trung ương\n"
                               "ten_goi: Ban Bí thư Trung ương Đoàn\ntap_the: null\nky_hieu: TWĐTN\ndia_danh: Hà Nội\n"
                               "phong_ban: [{ten: Văn phòng, viet_tat: VP}]\nphong_soan_thao: VP\n")
    made = draft(ws, "so: 12\nngay: 20/3/2024\nthuc_hien: [40-ct-tw]\n", profile=name)
    assert made.number_line == "Số: 12-KH/TWĐTN-VP"
    assert made.national_lines == ("ĐOÀN TNCS HỒ CHÍ MINH",)
    assert (made.issuer_lines, made.issuer_mark) == (("BAN CHẤP HÀNH TRUNG ƯƠNG",), "***")
    assert made.subject.startswith("Thực hiện Chỉ thị số 40-CT/TW ngày 12/3/2019 của Ban Bí thư Trung ương Đảng "
                                   "(khóa XII)")
    assert made.blocks[-1].text.endswith("./.") and made.blocks[2].text == "I. MỤC ĐÍCH, YÊU CẦU"
    assert made.recipients[-1] == "- Lưu VT."
    assert made.as_parent.system == "dang"  # cited below as "Kế hoạch số 12-KH/TWĐTN-VP"


@pytest.mark.parametrize(("base", "symbol", "number"), [
    ("hoi-phu-nu", "HPN", "Số: 05/KH-HPN"),
    ("mat-tran", "MTTQ-BTT", "Số: 05/KH-MTTQ-BTT"),
    ("hoi-nong-dan", "HND", "Số: 05/KH-HND"),
    ("hoi-cuu-chien-binh", None, "Số: 05/KH-CCB"),
])
def test_mass_organisation_bases(ws, base, symbol, number):
    own = f"ky_hieu: {symbol}\n" if symbol else ""
    name = _profile(ws, base, f"ke_thua: co-so/{base}\nten_co_quan: Tên tổ chức tỉnh Ví Dụ\nten_goi: tổ chức tỉnh\n"
                              f"dia_danh: Ví Dụ\n{own}")
    made = draft(ws, "so: 5\nngay: 20/3/2024\nthuc_hien: [99-kl-tw]\n", profile=name)
    assert made.number_line == number
    assert made.national_lines == ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
    assert made.issuer_mark == "gach" and made.authority.startswith("TM. BAN THƯỜNG")
    if base != "mat-tran":  # under the Mặt trận since 01/7/2025 (Luật 97/2025/QH15): it reports there
        assert made.recipients[0] == "- Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh (b/c);"


def test_look_keys_are_data(ws):
    name = _profile(ws, "x", STATE + "trinh_bay: {quoc_hieu: [HỘI X VIỆT NAM], dau_duoi_ten: khong, so_hai_cham: false,"
                                     " kieu_so: dang}\n")
    made = draft(ws, "so: 7\nthuc_hien: [99-kl-tw]\n", profile=name)
    assert (made.national_lines, made.issuer_mark, made.number_line) == (("HỘI X VIỆT NAM",), "", "Số 07-KH/UBND")


# -- 13. Party defaults and options --------------------------------------------------------------------------

def test_party_defaults_stay_hd36(ws):
    made = draft(ws, "thuc_hien: [99-kl-tw]\n", profile="btg-vi-du")
    assert made.blocks[0].text.startswith("Thực hiện Kết luận số 99-KL/TW, ngày 15/01/2024 của Bộ Chính trị")
    assert made.blocks[2].text == "I- MỤC ĐÍCH, YÊU CẦU"
    assert made.blocks[-1].text.endswith("thực hiện.") and not made.blocks[-1].text.endswith("./.")
    assert made.number_line.startswith("Số ") and made.issuer_mark == "*"


def test_party_options_chosen_by_the_profile(ws):
    (ws / "profiles" / "btg-vi-du.yaml").write_text(
        PARTY + "trinh_bay: {kieu_muc: 'I.', ket_thuc: './.', dau_phay_truoc_ngay: false}\n", encoding="utf-8")
    made = draft(ws, "thuc_hien: [99-kl-tw]\n", profile="btg-vi-du")
    assert made.blocks[0].text.startswith("Thực hiện Kết luận số 99-KL/TW ngày 15/01/2024 của Bộ Chính trị")
    assert made.blocks[2].text == "I. MỤC ĐÍCH, YÊU CẦU"
    assert made.blocks[-1].text.endswith("thực hiện./.")


def test_the_look_reaches_the_page(ws, tmp_path):
    """The template prints what the profile chose: the Đoàn's title with its rule, '***', no empty trích yếu line."""
    from docx import Document

    from kehoach.workspace.drafts import generate

    name = _profile(ws, "td", "ke_thua: co-so/doan-thanh-nien\nten_co_quan: BCH tỉnh Ví Dụ\nten_goi: Tỉnh đoàn\n"
                              "ky_hieu: TĐTN\ndia_danh: Ví Dụ\n")
    plan = ws / "ke-hoach" / "dinh-huong.yaml"
    plan.write_text(f"co_quan: {name}\nloai: ke_hoach\nso: 3\nthuc_hien: [99-kl-tw]\ntrich_yeu: ''\n", encoding="utf-8")
    doc = Document(str(generate(plan, out_dir=tmp_path / "out").output))
    (left, right), (number, _date) = ([c.paragraphs for c in row.cells] for row in doc.tables[0].rows)
    assert [p.text for p in left if p.text.strip()] == ["BCH TỈNH VÍ DỤ", "***"]
    title = [p for p in right if p.text.strip()]
    assert [p.text for p in title] == ["ĐOÀN TNCS HỒ CHÍ MINH"] and title[0].runs[0].bold
    rule = right[[p.text for p in right].index("ĐOÀN TNCS HỒ CHÍ MINH") + 1]
    assert rule._p.pPr.find(qn("w:pBdr")) is not None  # the line under the title
    assert [p.text for p in number if p.text.strip()] == ["Số: 03-KH/TĐTN"]
    body = [p.text for p in doc.paragraphs if p.text.strip()]
    assert body[:2] == ["KẾ HOẠCH", "-----"]  # no trích yếu, and no empty line for it


@pytest.mark.parametrize("value", ['""', "null", "~", "{nguyen_van: ''}"])
def test_a_cong_van_without_trich_yeu_has_no_vv_line(ws, tmp_path, value):
    # Audit of issue 17 item 9: a Công văn with its trích yếu left out ended in an IndexError (exit 70).
    from docx import Document

    from kehoach.workspace.drafts import generate

    made = draft(ws, f"thuc_hien: [99-kl-tw]\ntrich_yeu: {value}\n", kind="cong_van")
    assert (made.type_title, made.subject, made.cv_subject) == ("", "", ())
    assert made.doc_title == "Công văn"
    doc = Document(str(generate(ws / "ke-hoach" / "kh.yaml", out_dir=tmp_path / "out").output))
    texts = [p.text for table in doc.tables for cell in table._cells for p in cell.paragraphs] + [
        p.text for p in doc.paragraphs]
    assert not any(text.strip().startswith("V/v") for text in texts)
    assert doc.core_properties.title == "Công văn"


@pytest.mark.parametrize("group", ["Các xã", "Các ấp", "Các phòng", "Các phường", "các thôn, ấp"])
def test_a_one_word_group_addressed_by_kinh_gui_is_not_listed_again(ws, group):
    # Audit of issue 13 item 7: "Kính gửi: Các ấp" came back as "- Các ấp;" after "- Như trên;".
    made = draft(ws, f"thuc_hien: [99-kl-tw]\nkinh_gui: ['{group}']\nnoi_nhan: ['{group}', 'Ủy ban nhân dân tỉnh (để b/c)']\n",
                 kind="cong_van")
    assert list(made.recipients) == ["- Như trên;", "- Ủy ban nhân dân tỉnh (để b/c);", "- Lưu: VT."]


@pytest.mark.parametrize("typed", ["V/v: triển khai Tháng hành động", "V/v triển khai Tháng hành động",
                                   "v/v. triển khai Tháng hành động", "V/V:triển khai Tháng hành động"])
def test_a_trich_yeu_typed_with_vv_reads_ve(typed):
    # Audit of issue 17 item 7: "V/v: …" (with a colon) was cited "… về v/v: …".
    from kehoach.drafting.citations import as_cited

    assert as_cited(typed) == "về triển khai Tháng hành động"
