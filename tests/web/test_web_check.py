"""Kiểm tra: any .docx or text, the findings grouped as `kehoach kiemtra` prints them."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from kehoach.kiemtra import check_path, check_text
from kehoach.kiemtra.catalog import AREAS
from kehoach.workspace.drafts import generate

from .conftest import Form, errors_of

ROOT = Path(__file__).resolve().parents[2]


def _send(client: FlaskClient, data: dict) -> str:
    data["csrf_token"] = Form(client.get("/kiem-tra/").text).fields["csrf_token"]
    page = client.post("/kiem-tra/", data=data, content_type="multipart/form-data")
    assert page.status_code == 200
    return page.text


def test_a_docx_is_checked_and_grouped_as_the_cli_groups_it(client: FlaskClient, tmp_path: Path) -> None:
    draft = generate(ROOT / "examples" / "ke-hoach" / "002-huyen-uy-phong-tho.yaml", out_dir=tmp_path).output
    draft_bytes = draft.read_bytes()
    report = check_path(draft)
    page = _send(client, {"tep": (io.BytesIO(draft_bytes), "Kế hoạch của tôi.docx"), "he_thong": ""})
    assert "Kiểm tra thể thức: Kế hoạch của tôi.docx" in page
    assert f"Tổng cộng: {len(report.errors)} lỗi, {len(report.warnings)} cảnh báo." in page or "Không phát hiện" in page
    for finding in report.findings:
        assert finding.rule_id in page
    shown = [title for area, title in AREAS.items() if any(f.area == area for f in report.findings)]
    positions = [page.index(title) for title in shown]
    assert positions == sorted(positions)


def test_pasted_text_is_checked(client: FlaskClient) -> None:
    text = "Số: 5/KH-UBND\nNgày 4 tháng 5 năm 2023\nKẾ HOẠCH\nI. MỤC ĐÍCH\nIII. NHIỆM VỤ"
    report = check_text(text)
    page = _send(client, {"van_ban": text})
    assert "Kiểm tra thể thức: văn bản dán vào" in page
    assert {f.rule_id for f in report.findings} and all(f.rule_id in page for f in report.findings)


@pytest.mark.parametrize(("upload", "message"), [
    (None, "chưa chọn tệp"),
    ((b"", "rong.docx"), "tệp rỗng"),
    ((b"%PDF-1.4 ...", "van-ban.docx"), "tệp này không phải Word (.docx), văn bản thuần (.txt)"),
    ((b"PK\x03\x04 not really a zip", "hong.docx"), "tệp này không phải Word (.docx), văn bản thuần (.txt)"),
    ((b"\x89PNG\r\n\x1a\n....", "anh.txt"), "tệp này không phải Word (.docx), văn bản thuần (.txt)"),
])
def test_a_file_that_is_not_a_document_is_refused_beside_the_file_control(client: FlaskClient, upload, message: str) -> None:
    data = {} if upload is None else {"tep": (io.BytesIO(upload[0]), upload[1])}
    page = _send(client, data)
    assert errors_of(page) == {"tep": [message]}


def test_the_name_of_an_upload_is_shown_escaped_and_never_used(client: FlaskClient) -> None:
    page = _send(client, {"tep": (io.BytesIO("Số: 5/KH-UBND\n".encode()), "../../<i>thu.txt")})
    assert "Kiểm tra thể thức: &lt;i&gt;thu.txt" in page and "<i>thu" not in page
    assert "kehoach-tai-len" not in page  # the page's own temporary name is never shown
