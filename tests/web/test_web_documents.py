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
    from kehoach.web import forms
    from kehoach.web.roundtrip import updated

    text = updated(None, forms.read(DOCUMENT, MultiDict(fields)))
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
