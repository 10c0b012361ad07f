"""Soạn: a plan made with the form, saved in ke-hoach/, drafted into ban-thao/ and shown; mistakes beside their
controls with the words of `kehoach tao`."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from docx import Document
from flask.testing import FlaskClient

from kehoach.inputs.plans import load_plan

from .conftest import Form, errors_of, summary_of, wait_job

GOOD = {"co_quan": "lai-chau/ldld-lai-chau", "loai": "ke_hoach", "thuc_hien.0": "349-kh-tld", "so": "12",
        "ngay": "3/4/2025", "giao_nhiem_vu.0.phong_ban": "Ban Tuyên giáo - Nữ công",
        "giao_nhiem_vu.0.nhiem_vu": "chủ trì tham mưu, theo dõi và tổng hợp kết quả."}


def _post(client: FlaskClient, url: str, changes: dict[str, str], base: str | None = None):
    fields = Form(client.get(base or url).text).fields
    fields.update(changes)
    return client.post(url, data=fields)


def _options(html: str, name: str) -> list[tuple[str, str]]:
    """(value, label) of the select named `name`; fails when the control is not a list to choose from."""
    select = re.search(rf'<select id="[^"]*" name="{re.escape(name)}"[^>]*>(.*?)</select>', html, re.S)
    assert select is not None, f"{name} không phải danh sách để chọn"
    return [(v, unescape(label)) for v, label in re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select[1])]


def test_choosing_a_body_offers_its_signers_and_departments(client: FlaskClient) -> None:
    """Trial 1, defect 18: the văn thư had to know the code "pho-chu-tich". Signers, departments and the drafting
    department are chosen from the body's profile, named as the document prints them."""
    page = _post(client, "/soan/moi", {"co_quan": "lai-chau/ldld-lai-chau", "_tac_vu": "cap_nhat:co_quan"})
    assert page.status_code == 200
    assert errors_of(page.text) == {}  # refreshing is not saving: nothing is checked yet
    assert _options(page.text, "nguoi_ky") == [
        ("", "(mặc định của hồ sơ: CHỦ TỊCH — Hoàng Thọ Trung (TM. BAN THƯỜNG VỤ))"),
        ("chu-tich", "CHỦ TỊCH — Hoàng Thọ Trung (TM. BAN THƯỜNG VỤ)")]
    # Phân công is typed ("TG-NC: 1, 3"): the body's departments are listed under it, by name and abbreviation.
    assert "Phòng, ban của hồ sơ: Ban Chính sách pháp luật và Quan hệ lao động (CSPL&amp;QHLĐ); Ban Tuyên giáo - Nữ " \
        "công (TG-NC);" in page.text
    drafting = _options(page.text, "phong_soan_thao")
    assert drafting[0] == ("", "(mặc định của hồ sơ: Ban Chính sách pháp luật và Quan hệ lao động (CSPL&QHLĐ))")
    assert ("TG-NC", "Ban Tuyên giáo - Nữ công (TG-NC)") in drafting
    fields = Form(page.text).fields
    fields["_tac_vu"] = "them:giao_nhiem_vu"
    page = client.post("/soan/moi", data=fields)
    owners = _options(page.text, "giao_nhiem_vu.0.phong_ban")
    assert ("Ban Tuyên giáo - Nữ công", "Ban Tuyên giáo - Nữ công (TG-NC)") in owners
    assert ("LĐLĐ các huyện, thành phố", "LĐLĐ các huyện, thành phố") in owners  # a unit below takes a task too


def test_a_commune_s_two_signers_are_named_as_printed(client: FlaskClient) -> None:
    """The trial's case: the Phó Chủ tịch of a commune (code pho-chu-tich), signing "TM. ỦY BAN NHÂN DÂN / KT. CHỦ
    TỊCH"; before a body is chosen the list says to choose it first, and a code written by hand stays."""
    page = _post(client, "/soan/moi", {"co_quan": "gia-lai/ubnd-xa-vi-du", "_tac_vu": "cap_nhat:co_quan"})
    assert _options(page.text, "nguoi_ky") == [
        ("", "(mặc định của hồ sơ: CHỦ TỊCH (TM. ỦY BAN NHÂN DÂN))"), ("chu-tich", "CHỦ TỊCH (TM. ỦY BAN NHÂN DÂN)"),
        ("pho-chu-tich", "PHÓ CHỦ TỊCH (TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH)")]
    first = client.get("/soan/moi").text
    for name in ("nguoi_ky", "phong_soan_thao"):
        assert _options(first, name) == [("", "(chọn Cơ quan ban hành trước để có danh sách)")]
    page = _post(client, "/soan/moi", {"co_quan": "", "nguoi_ky": "pho-chu-tich", "_tac_vu": "cap_nhat:co_quan"})
    assert ("pho-chu-tich", "pho-chu-tich") in _options(page.text, "nguoi_ky")


def test_soan_saves_the_plan_drafts_it_and_shows_it(client: FlaskClient, workspace: Path) -> None:
    page = _post(client, "/soan/moi", {**GOOD, "_ten_tep": "kh-12-ldld"})
    assert page.status_code == 302, summary_of(page.text)
    status = wait_job(client, page.headers["Location"])
    assert status["state"] == "xong"
    plan, _ = load_plan(workspace / "ke-hoach" / "kh-12-ldld.yaml")
    assert plan.number == "12" and plan.implements == ("349-kh-tld",)
    result = client.get(page.headers["Location"]).text
    assert "Tải bản thảo .docx" in result and "Kiểm tra thể thức" in result
    assert "Số: 12/KH-LĐLĐ" in result  # the HTML rendering, no LibreOffice in these tests
    download = client.get("/soan/tai-ve/kh-12-ldld")
    assert download.status_code == 200 and "attachment" in download.headers["Content-Disposition"]
    texts = [p.text for p in Document(workspace / "ban-thao" / "kh-12-ldld.docx").paragraphs]
    # The department given work has its own khoản in Tổ chức thực hiện (issue 13), its duty as a line.
    assert texts[texts.index(next(t for t in texts if t.endswith(". Ban Tuyên giáo - Nữ công"))) + 1] == \
        "- Chủ trì tham mưu, theo dõi và tổng hợp kết quả."


def test_a_plan_without_a_name_gets_one(client: FlaskClient, workspace: Path) -> None:
    page = _post(client, "/soan/moi", GOOD)
    assert page.status_code == 302, summary_of(page.text)
    # The name `kehoach tao --ho-so lai-chau/ldld-lai-chau --loai ke_hoach --van-ban 349-kh-tld` gives (drafts.draft_name)
    assert (workspace / "ke-hoach" / "ke-hoach-ldld-lai-chau-349-kh-tld.yaml").is_file()
    wait_job(client, page.headers["Location"])


@pytest.mark.parametrize(("changes", "where", "message"), [
    ({"co_quan": ""}, "co_quan", "thiếu khóa bắt buộc 'co_quan'"),
    ({"thuc_hien.0": "khong-co-van-ban"}, "thuc_hien.0",
     "không tìm thấy văn bản 'khong-co-van-ban' (đã tìm trong: "),
    ({"ngay": "30/2/2025"}, "ngay", "ngày không hợp lệ"),
    ({"nguoi_ky": "ai-do"}, "nguoi_ky", "hồ sơ không có người ký 'ai-do' (có: chu-tich)"),
    ({"giao_nhiem_vu.0.nhiem_vu": ""}, "giao_nhiem_vu.0.nhiem_vu", "thiếu khóa bắt buộc 'nhiem_vu'"),
    ({"danh_so_cap_3": "i)"}, "danh_so_cap_3", "giá trị 'i)' không hợp lệ"),
])
def test_each_mistake_is_shown_beside_its_control(client: FlaskClient, workspace: Path, changes: dict[str, str],
                                                 where: str, message: str) -> None:
    before = sorted(p.name for p in (workspace / "ke-hoach").iterdir())
    page = _post(client, "/soan/moi", {**GOOD, **changes, "_ten_tep": "sai"})
    assert page.status_code == 200
    shown = errors_of(page.text)
    assert list(shown) == [where]
    assert shown[where][0].startswith(message)
    assert sorted(p.name for p in (workspace / "ke-hoach").iterdir()) == before


def test_a_mistake_in_another_file_is_shown_on_top_with_its_file(client: FlaskClient, workspace: Path) -> None:
    (workspace / "profiles" / "hong.yaml").write_text("ke_thua: co-so/dang\nten_goi: [\n", encoding="utf-8")
    page = _post(client, "/soan/moi", {**GOOD, "co_quan": "hong", "_ten_tep": "sai"})
    top = summary_of(page.text)
    assert any("hong.yaml" in line and "YAML sai cú pháp" in line for line in top), top


def test_a_second_soan_merges_the_hand_edits_of_the_draft(client: FlaskClient, workspace: Path) -> None:
    # Not issued (no number yet): an issued draft is never rewritten (tests/test_issued.py).
    page = _post(client, "/soan/moi", {**GOOD, "_ten_tep": "kh-sua", "so": ""})
    wait_job(client, page.headers["Location"])
    draft = workspace / "ban-thao" / "kh-sua.docx"
    doc = Document(draft)
    doc.add_paragraph("Đoạn văn thư thêm bằng Word.")
    doc.save(draft)
    page = _post(client, "/soan/sua/kh-sua", {"ngay": "4/4/2025"})
    assert page.status_code == 302, summary_of(page.text)
    assert wait_job(client, page.headers["Location"])["state"] == "xong"
    assert "giữ 1 chỗ sửa tay" in client.get(page.headers["Location"]).text
    assert "Đoạn văn thư thêm bằng Word." in [p.text for p in Document(draft).paragraphs]


def test_a_broken_plan_file_fails_the_job_with_the_clis_message(client: FlaskClient, workspace: Path, app) -> None:
    from kehoach.web import drafting
    from kehoach.web.context import state

    plan = workspace / "ke-hoach" / "hong.yaml"
    plan.write_text("co_quan: khong-co\nloai: ke_hoach\n", encoding="utf-8")
    with app.app_context():
        st = state()
        job = st.jobs.submit("xem-truoc", lambda job: drafting.run(st.site, st.converter, plan, job, 0.0), plan="hong")
    status = wait_job(client, f"/soan/ket-qua/{job.id}")
    assert status["state"] == "loi"
    page = client.get(f"/soan/ket-qua/{job.id}").text
    assert "Chưa soạn được" in page and "không tìm thấy hồ sơ cơ quan" in page
