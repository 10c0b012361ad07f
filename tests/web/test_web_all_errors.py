"""Every mistake of a form at once (trial 1, defect 18): a refused file name no longer hides the content's mistakes
until the next submission. Nothing is written while any mistake stands, anywhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask.testing import FlaskClient

from . import test_web_documents, test_web_plans, test_web_profiles
from .conftest import Form, errors_of, summary_of


def _files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def test_the_trials_bad_name_and_impossible_date_are_shown_together(client: FlaskClient, workspace: Path) -> None:
    """The exact case: Soạn with the file name ../../tmp/evil-web and the date 31/02/2024."""
    outside = workspace.parent
    before = _files(outside)
    fields = Form(client.get("/soan/moi").text).fields
    fields.update({**test_web_plans.GOOD, "_ten_tep": "../../tmp/evil-web", "ngay": "31/02/2024"})
    page = client.post("/soan/moi", data=fields)
    assert page.status_code == 200
    shown = errors_of(page.text)
    assert sorted(shown) == ["_ten_tep", "ngay"]
    assert shown["_ten_tep"][0].startswith("tên tệp chỉ gồm chữ thường không dấu")
    assert shown["ngay"][0].startswith("ngày không hợp lệ")
    assert len(summary_of(page.text)) == 2
    assert "Chưa lưu: cần sửa 2 chỗ" in page.text
    kept = Form(page.text).fields
    assert (kept["_ten_tep"], kept["ngay"]) == ("../../tmp/evil-web", "31/02/2024")  # what was typed stays
    assert _files(outside) == before  # nothing written, in the workspace or out of it


@pytest.mark.parametrize(("url", "base", "good", "name", "mistake", "where"), [
    ("/soan/moi", "/soan/moi", test_web_plans.GOOD, "Kế hoạch 12", {"nguoi_ky": "ai-do"}, "nguoi_ky"),
    ("/co-quan/moi", test_web_profiles.FROM_BASE, test_web_profiles.GOOD, "gia-lai/Đảng ủy xã",
     {"nguoi_ky_mac_dinh": "pho-bi-thu"}, "nguoi_ky_mac_dinh"),
    ("/van-ban/moi", "/van-ban/moi", test_web_documents.GOOD, "a/b/c", {"ngay": "30/2/2025"}, "ngay"),
])
def test_every_form_shows_the_name_and_the_content_mistakes_together(client: FlaskClient, workspace: Path, url: str,
                                                                     base: str, good: dict[str, str], name: str,
                                                                     mistake: dict[str, str], where: str) -> None:
    """The whole kind: each form that names a new file (plan, profile, parent document)."""
    before = _files(workspace)
    fields = Form(client.get(base).text).fields
    fields.update({**good, **mistake, "_ten_tep": name})
    page = client.post(url, data=fields)
    assert page.status_code == 200
    assert sorted(errors_of(page.text)) == sorted(["_ten_tep", where])
    # The same content under a good name: the same content mistake, and only it.
    fields["_ten_tep"] = "ten-tot"
    again = errors_of(client.post(url, data=fields).text)
    assert again == {where: errors_of(page.text)[where]}
    assert _files(workspace) == before
