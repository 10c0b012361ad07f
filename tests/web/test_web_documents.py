"""Văn bản cấp trên: entered by hand and edited task by task, checked by the document loader."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask.testing import FlaskClient

from kehoach.errors import InputError
from kehoach.inputs.documents import load_document

from .conftest import Form, errors_of, summary_of

GOOD = {"_ten_tep": "15-ct-tu", "loai": "Chỉ thị", "so_ky_hieu": "15-CT/TU", "ngay": "04/5/2025",
        "co_quan": "Ban Thường vụ Tỉnh ủy", "trich_yeu": "về tăng cường công tác dân vận",
        "nhiem_vu.0.tieu_de": "Tuyên truyền cho {doi_tuong} trên địa bàn {dia_ban}",
        "nhiem_vu.0.noi_dung": "Đoạn một.\nĐoạn hai.", "nhiem_vu.0.giao_cho.0": "cap_uy"}


def _post(client: FlaskClient, url: str, changes: dict[str, str], base: str | None = None):
    fields = Form(client.get(base or url).text).fields
    fields.update(changes)
    return client.post(url, data=fields)


def test_a_parent_entered_by_hand_is_saved_and_cited(client: FlaskClient, workspace: Path) -> None:
    fields = Form(client.get("/van-ban/moi").text).fields
    fields.update({k: v for k, v in GOOD.items() if not k.startswith("nhiem_vu")})
    fields["_tac_vu"] = "them:nhiem_vu"
    page = client.post("/van-ban/moi", data=fields)  # "+ Thêm" a task: the form comes back with a task to fill
    fields = Form(page.text).fields
    fields.update(GOOD)
    page = client.post("/van-ban/moi", data=fields)
    assert page.status_code == 302, summary_of(page.text)
    doc = load_document(workspace / "van-ban" / "15-ct-tu.yaml")
    assert (doc.number, doc.type_code, doc.issuer_symbol, doc.system) == ("15", "CT", "TU", "dang")
    assert doc.tasks[0].title == "Tuyên truyền cho {doi_tuong} trên địa bàn {dia_ban}"
    assert doc.tasks[0].paragraphs == ("Đoạn một.", "Đoạn hai.") and doc.tasks[0].owners == ("cap_uy",)
    assert "Chỉ thị số 15-CT/TU" in client.get("/van-ban/").text


def _loader(workspace: Path, fields: dict[str, str]) -> dict[str, list[str]]:
    from werkzeug.datastructures import MultiDict

    from kehoach.inputs.documents import DOCUMENT
    from kehoach.web import answers
    from kehoach.web.roundtrip import updated

    text = updated(None, answers.read(DOCUMENT, MultiDict(fields)))
    try:
        load_document(workspace / "van-ban" / "x.yaml", text)
    except InputError as exc:
        out: dict[str, list[str]] = {}
        for p in exc.problems:
            out.setdefault(p.key or "", []).append(p.message)
        return out
    return {}


@pytest.mark.parametrize(("changes", "where"), [
    ({"so_ky_hieu": "15 CT TU"}, ["so_ky_hieu"]),
    ({"so_ky_hieu": "15-KH/TU"}, ["so_ky_hieu"]),  # code of another type than Chỉ thị
    ({"ngay": "31/02/2025"}, ["ngay"]),
    ({"loai": ""}, ["loai"]),
    ({"co_quan": ""}, ["co_quan"]),  # required of a numbered document
    ({"nhiem_vu.0.tieu_de": ""}, ["nhiem_vu.0.tieu_de"]),
    ({"he_thong": "dang_uy"}, ["he_thong"]),
])
def test_each_mistake_is_shown_beside_its_control(client: FlaskClient, workspace: Path, changes: dict[str, str],
                                                 where: list[str]) -> None:
    page = _post(client, "/van-ban/moi", {**GOOD, **changes}, "/van-ban/moi")
    shown = errors_of(page.text)
    assert sorted(shown) == sorted(where)
    expected = _loader(workspace, {**GOOD, **changes})
    for key in where:
        assert shown[key] == expected[key]
    assert not (workspace / "van-ban" / "15-ct-tu.yaml").exists()
    assert Form(page.text).fields["co_quan"] == changes.get("co_quan", GOOD["co_quan"])


def test_editing_a_parent_keeps_its_comments(client: FlaskClient, workspace: Path) -> None:
    file = workspace / "van-ban" / "349-kh-tld.yaml"
    before = file.read_text(encoding="utf-8")
    page = _post(client, "/van-ban/sua/349-kh-tld", {"trich_yeu": "về một việc khác"})
    assert page.status_code == 302, summary_of(page.text)
    after = file.read_text(encoding="utf-8")
    assert [line for line in after.splitlines() if line.lstrip().startswith("#")] == \
        [line for line in before.splitlines() if line.lstrip().startswith("#")]
    assert load_document(file).subject == "về một việc khác"


# -- upload: read by kehoach.nhap, checked in a form, then written ---------------------------------------------------


@pytest.fixture(scope="module")
def parent_docx(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A Kế hoạch of a provincial Party committee (number 15, implementing Chỉ thị 21-CT/TW), drafted by kehoach."""
    from kehoach.workspace.drafts import generate

    out = tmp_path_factory.mktemp("cap-tren")
    plan = Path(__file__).resolve().parents[2] / "examples" / "ke-hoach" / "gia-lai-1-tinh-uy.yaml"
    return generate(plan, out_dir=out, number="15", when="20/11/2026").output.read_bytes()


def _upload(client: FlaskClient, content: bytes, name: str):
    import io

    token = Form(client.get("/van-ban/tai-len").text).fields["csrf_token"]
    return client.post("/van-ban/tai-len", data={"csrf_token": token, "tep": (io.BytesIO(content), name)},
                       content_type="multipart/form-data")


def test_an_uploaded_parent_is_shown_to_check_then_saved(client: FlaskClient, workspace: Path, parent_docx: bytes) -> None:
    (workspace / "van-ban" / "21-ct-tw.yaml").unlink()  # the chain's Chỉ thị is written too when it is not there
    page = _upload(client, parent_docx, "Kế hoạch 15 của Tỉnh ủy.docx")
    assert page.status_code == 200
    fields = Form(page.text).fields
    assert (fields["vb.0._ten_tep"], fields["vb.0.so_ky_hieu"], fields["vb.0.ngay"]) == ("15-kh-tu", "15-KH/TU", "20/11/2026")
    assert fields["vb.0.thuc_hien.0"] == "21-ct-tw" and fields["vb.1.so_ky_hieu"] == "21-CT/TW"
    assert fields["vb.0.ghi_chu"] == "Nhập từ tệp Kế hoạch 15 của Tỉnh ủy.docx (Word (.docx)) bằng kehoach nhap."
    assert "Cần kiểm tra:" in page.text  # what the importer was not sure of, beside its control
    assert not (workspace / "van-ban" / "15-kh-tu.yaml").exists()  # nothing written before the person checks
    fields["vb.0.nhiem_vu.0.tieu_de"] = "Quán triệt Chỉ thị số 21-CT/TW đến {doi_tuong}."  # corrected by the person
    page = client.post("/van-ban/nhap", data=fields)
    assert page.status_code == 302, summary_of(page.text)
    doc = load_document(workspace / "van-ban" / "15-kh-tu.yaml")
    assert (doc.type_name, doc.number, doc.issuer, doc.implements) == ("Kế hoạch", "15", "Ban Thường vụ Tỉnh ủy", ("21-ct-tw",))
    assert doc.tasks[0].title == "Quán triệt Chỉ thị số 21-CT/TW đến {doi_tuong}."
    assert load_document(workspace / "van-ban" / "21-ct-tw.yaml").number == "21"
    listing = client.get("/van-ban/").text
    assert "ghi mới: van-ban/15-kh-tu.yaml" in listing and "ghi mới: van-ban/21-ct-tw.yaml" in listing


def test_an_upload_never_overwrites_and_reuses_what_is_there(client: FlaskClient, workspace: Path,
                                                             parent_docx: bytes) -> None:
    before = (workspace / "van-ban" / "21-ct-tw.yaml").read_text(encoding="utf-8")
    fields = Form(_upload(client, parent_docx, "kh.docx").text).fields
    assert client.post("/van-ban/nhap", data=fields).status_code == 302
    assert (workspace / "van-ban" / "21-ct-tw.yaml").read_text(encoding="utf-8") == before
    assert "dùng lại: van-ban/21-ct-tw.yaml (văn bản này đã có trong thư mục)" in client.get("/van-ban/").text
    page = client.post("/van-ban/nhap", data=fields)  # the same again: already imported, nothing written
    assert page.status_code == 302
    assert "đã có: van-ban/15-kh-tu.yaml" in client.get("/van-ban/").text


@pytest.mark.parametrize(("content", "name", "message"), [
    (None, "", "chưa chọn tệp"),
    (b"PK\x03\x04 hong", "x.docx", "tệp này không phải Word (.docx), PDF, ảnh PNG, ảnh JPEG, ảnh TIFF, văn bản thuần (.txt)"),
    ("Một dòng chữ, không phải văn bản hành chính.".encode(), "ghi-chu.txt",
     "không nhận ra văn bản hành chính nào trong tệp"),  # the importer's own words
])
def test_an_upload_that_cannot_be_read_says_why_beside_the_file(client: FlaskClient, workspace: Path, content, name: str,
                                                               message: str) -> None:
    import io

    token = Form(client.get("/van-ban/tai-len").text).fields["csrf_token"]
    data = {"csrf_token": token} | ({"tep": (io.BytesIO(content), name)} if content is not None else {})
    page = client.post("/van-ban/tai-len", data=data, content_type="multipart/form-data")
    shown = errors_of(page.text)
    assert list(shown) == ["tep"] and shown["tep"][0].startswith(message)
    assert "kehoach-tai-len" not in page.text  # the page's own temporary name is never shown
    assert sorted(p.name for p in (workspace / "van-ban").iterdir()) == sorted(
        p.name for p in (Path(__file__).resolve().parents[2] / "examples" / "van-ban").iterdir())


def test_mistakes_in_the_checked_forms_are_shown_beside_their_controls(client: FlaskClient, workspace: Path,
                                                                      parent_docx: bytes) -> None:
    fields = Form(_upload(client, parent_docx, "kh.docx").text).fields
    fields.update({"vb.0.ngay": "31/11/2026", "vb.1._ten_tep": "Chỉ Thị 21"})
    page = client.post("/van-ban/nhap", data=fields)
    shown = errors_of(page.text)
    assert shown["vb.0.ngay"][0].startswith("ngày không hợp lệ")
    assert shown["vb.1._ten_tep"][0].startswith("tên tệp chỉ gồm chữ thường")
    assert not (workspace / "van-ban" / "15-kh-tu.yaml").exists()
    again = Form(page.text).fields
    assert again["vb.0.ngay"] == "31/11/2026" and again["vb.0.so_ky_hieu"] == "15-KH/TU"  # what was typed stays
    again["_tac_vu"] = "them:vb.0.nhiem_vu"
    page = client.post("/van-ban/nhap", data=again)
    assert f"vb.0.nhiem_vu.{sum(1 for k in again if k.startswith('vb.0.nhiem_vu.') and k.endswith('.tieu_de'))}.tieu_de" \
        in Form(page.text).fields
