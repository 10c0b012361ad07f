"""Cây văn bản: the cascade with each draft's state, Soạn lại (the build, under the build lock) and Ban hành."""

from __future__ import annotations

import html
import json
import os
from pathlib import Path

import pytest
from docx import Document
from flask.testing import FlaskClient

from kehoach.workspace.build import build
from kehoach.workspace.folders import Workspace

from .conftest import Form, wait_job


def _plans(workspace: Path) -> int:
    """How many plans the examples have (other issues add examples)."""
    return len(Workspace.open(workspace).plans())


def _rebuild(client: FlaskClient) -> str:
    token = Form(client.get("/cay/").text).fields["csrf_token"]
    page = client.post("/cay/soan-lai", data={"csrf_token": token})
    assert page.status_code == 302
    assert wait_job(client, page.headers["Location"])["state"] in ("xong", "loi")
    return client.get(page.headers["Location"]).text


def test_the_tree_shows_each_drafts_state(client: FlaskClient, workspace: Path) -> None:
    page = client.get("/cay/").text
    assert "Chỉ thị số 21-CT/TW ngày 04/5/2023" in page
    assert "[dự thảo · chưa soạn]" in page
    build(Workspace.open(workspace))
    (workspace / "van-ban" / "21-ct-tw.yaml").write_text(
        (workspace / "van-ban" / "21-ct-tw.yaml").read_text(encoding="utf-8") + "\n# sửa\n", encoding="utf-8")
    page = client.get("/cay/").text
    assert "cần soạn lại: văn bản cấp trên 21-ct-tw.yaml đã thay đổi" in page


def test_soan_lai_builds_and_reports_what_needs_a_person(client: FlaskClient, workspace: Path) -> None:
    page = _rebuild(client)
    assert f"Xong: {_plans(workspace)} soạn mới" in page
    # Not an issued seed (an issued draft is never rewritten): the Cao Bằng plan, not yet numbered.
    draft = workspace / "ban-thao" / "004-ldld-cao-bang.docx"
    doc = Document(draft)
    doc.add_paragraph("Dòng văn thư thêm.")
    doc.save(draft)
    plan = workspace / "ke-hoach" / "004-ldld-cao-bang.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("ngay: 2019", "ngay: tháng 10 năm 2019"), encoding="utf-8")
    page = _rebuild(client)
    assert "1 hợp nhất" in page and f"{_plans(workspace) - 1} không đổi" in page
    assert "Xem lại bản thảo: chỗ sửa tay đã được giữ trong bản mới." in page
    assert page.index("hợp nhất</td>") < page.index("không đổi</td>")  # what needs a person comes first


def test_soan_lai_waits_for_a_build_of_the_command_line(client: FlaskClient, workspace: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The build lock holds for the page too: held by a running `kehoach xay-dung`, the page says who has it."""
    lock = workspace / "ban-thao" / ".kehoach" / "lock"
    lock.parent.mkdir(parents=True)
    lock.write_text(json.dumps({"pid": os.getppid(), "bat_dau": "08:00:00 01/01/2026"}), encoding="utf-8")
    from kehoach.web import site as site_module

    monkeypatch.setattr(site_module.Site.when_free, "__defaults__", (0.5,))
    page = _rebuild(client)
    assert "một lần soạn lại khác đang chạy trên thư mục này" in page
    assert lock.is_file()  # not taken from its owner
    assert not (workspace / "ban-thao" / "000-ldld-lai-chau.docx").exists()


def test_ban_hanh_records_number_and_date_keeping_the_plans_comments(client: FlaskClient, workspace: Path) -> None:
    plan = workspace / "ke-hoach" / "gia-lai-1-tinh-uy.yaml"
    comments = [line for line in plan.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    fields = {"csrf_token": Form(client.get("/cay/").text).fields["csrf_token"], "ke_hoach": "gia-lai-1-tinh-uy",
              "so": "15", "ngay": "20/11/2026"}
    page = client.post("/cay/ban-hanh", data=fields)
    assert page.status_code == 302
    assert "Đã ghi số 15, ngày 20/11/2026 vào ke-hoach/gia-lai-1-tinh-uy.yaml" in client.get("/cay/").text
    text = plan.read_text(encoding="utf-8")
    assert "so: '15'" in text and "ngay: 20/11/2026" in text
    assert [line for line in text.splitlines() if line.startswith("#")] == comments


@pytest.mark.parametrize(("so", "ngay", "where", "message"), [
    ("15/KH", "20/11/2026", "so", "số văn bản '15/KH' không hợp lệ (chỉ gồm chữ số, ví dụ 108)"),
    ("15", "31/11/2026", "ngay", "ngày không hợp lệ"),
    ("15", "tháng 11 năm 2026", "ngay", "ngày ban hành cần đủ ngày, tháng, năm (ví dụ 30/5/2024)"),
])
def test_ban_hanh_shows_its_mistake_beside_the_plan(client: FlaskClient, workspace: Path, so: str, ngay: str,
                                                    where: str, message: str) -> None:
    plan = workspace / "ke-hoach" / "gia-lai-1-tinh-uy.yaml"
    before = plan.read_text(encoding="utf-8")
    fields = {"csrf_token": Form(client.get("/cay/").text).fields["csrf_token"], "ke_hoach": "gia-lai-1-tinh-uy",
              "so": so, "ngay": ngay}
    page = client.post("/cay/ban-hanh", data=fields)
    assert page.status_code == 200
    assert message in html.unescape(page.text)
    assert f'value="{html.escape(so)}"' in page.text  # what was typed stays
    assert plan.read_text(encoding="utf-8") == before


def test_ban_hanh_of_a_plan_that_is_not_there_is_a_404(client: FlaskClient) -> None:
    token = Form(client.get("/cay/").text).fields["csrf_token"]
    page = client.post("/cay/ban-hanh", data={"csrf_token": token, "ke_hoach": "../van-ban/21-ct-tw", "so": "1",
                                              "ngay": "1/1/2026"})
    assert page.status_code == 404


def test_a_long_job_does_not_hold_the_other_pages(client: FlaskClient, workspace: Path) -> None:
    """A build waiting for the lock (held by `kehoach xay-dung` in another process) runs in the background: the pages
    still answer, and when the lock is released the build goes on by itself."""
    lock = workspace / "ban-thao" / ".kehoach" / "lock"
    lock.parent.mkdir(parents=True)
    lock.write_text(json.dumps({"pid": os.getppid(), "bat_dau": "08:00:00 01/01/2026"}), encoding="utf-8")
    token = Form(client.get("/cay/").text).fields["csrf_token"]
    started = client.post("/cay/soan-lai", data={"csrf_token": token})
    job = started.headers["Location"].rsplit("/", 1)[1]
    for url in ("/", "/cay/", "/co-quan/", f"/cay/soan-lai/{job}"):
        assert client.get(url).status_code == 200
    assert client.get(f"/cay/viec/{job}").get_json()["state"] == "dang_chay"
    assert "Đang" in client.get(f"/cay/soan-lai/{job}").text  # the progress, not a result
    lock.unlink()
    assert wait_job(client, started.headers["Location"])["state"] == "xong"
    assert f"Xong: {_plans(workspace)} soạn mới" in client.get(started.headers["Location"]).text


def test_a_conflict_comes_first_with_what_to_do_and_stays_on_the_tree(client: FlaskClient, workspace: Path) -> None:
    _rebuild(client)
    draft = workspace / "ban-thao" / "004-ldld-cao-bang.docx"  # not issued: an issued draft is never rewritten
    doc = Document(draft)
    opening = next(p for p in doc.paragraphs if p.text.startswith("Thực hiện Kế hoạch số 389-KH/TU"))
    opening.runs[0].text = opening.runs[0].text.replace("04/10/2019", "05/10/2019", 1)  # the person's date …
    doc.save(draft)
    parent = workspace / "van-ban" / "389-kh-tu-cao-bang.yaml"
    parent.write_text(parent.read_text(encoding="utf-8").replace("ngay: 04/10/2019", "ngay: 06/10/2019"),
                      encoding="utf-8")
    page = _rebuild(client)  # … and the parent's, another one, for the same words: both kept, a person chooses
    assert "1 xung đột" in page
    assert page.index("xung đột</td>") < page.index("không đổi</td>")
    assert "Mở bản thảo, tìm các dòng đánh dấu đỏ" in page
    assert "chỗ xung đột, cần người xử lý" in client.get("/cay/").text


def test_the_issue_date_box_shows_todays_date_as_documents_write_it(client: FlaskClient) -> None:
    """Trial 1, defect 18: the Ban hành date box showed "30/5/2024" in 2026. It now shows today's date in the form
    the documents write it (day padded, only months 01 and 02 padded): never stale."""
    import datetime
    import re

    from kehoach.text.vntext import PartialDate, short_date

    now = datetime.date.today()
    expected = short_date(PartialDate(now.year, now.month, now.day))
    boxes = re.findall(r'<input id="ngay-[^"]*" name="ngay" type="text" placeholder="([^"]*)"', client.get("/cay/").text)
    assert boxes and set(boxes) == {expected}
    # The whole kind: every date box the forms build from the declaration without a default of its own.
    page = client.get("/van-ban/moi").text
    assert re.search(rf'<input id="f-ngay" name="ngay" type="text" value=""[^>]*placeholder="{expected}"', page)
