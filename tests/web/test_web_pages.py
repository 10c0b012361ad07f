"""Every page answers, in Vietnamese, without a traceback; what keeps the page safe holds (CSRF, hosts, headers)."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask.testing import FlaskClient

from .conftest import Form

PAGES = ["/", "/co-quan/", "/co-quan/?q=gia+lai", "/co-quan/?tinh=gia-lai&he_thong=dang", "/co-quan/moi",
         "/co-quan/moi?tu=co-so/dang&nguon=san&cach=ke_thua",
         "/co-quan/moi?tu=gia-lai/dang-uy-xa-vi-du&nguon=san&cach=chep",
         "/co-quan/xem/san/binh-dinh/ldld-binh-dinh", "/co-quan/xem/san/co-so/cong-doan",
         "/van-ban/", "/van-ban/moi", "/van-ban/sua/349-kh-tld",
         "/soan/", "/soan/moi", "/soan/moi?thuc_hien=21-ct-tw", "/soan/sua/000-ldld-lai-chau",
         "/cay/", "/kiem-tra/"]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_answers_in_vietnamese(client: FlaskClient, url: str) -> None:
    page = client.get(url)
    assert page.status_code == 200
    assert page.mimetype == "text/html"
    assert '<html lang="vi">' in page.text
    assert "Traceback" not in page.text
    for word in ("Cơ quan", "Văn bản cấp trên", "Cây văn bản", "Kiểm tra"):  # the navigation, on every page
        assert word in page.text


@pytest.mark.parametrize("url", ["/khong-co", "/co-quan/xem/san/khong-co", "/co-quan/xem/rieng/binh-dinh/ldld-binh-dinh",
                                 "/co-quan/sua/../../etc/passwd", "/co-quan/xem/san/..%2f..%2fpyproject",
                                 "/van-ban/sua/khong-co", "/van-ban/sua/../ke-hoach/000-ldld-lai-chau",
                                 "/soan/sua/khong-co", "/soan/ket-qua/0123456789abcdef", "/soan/tai-ve/khong-co",
                                 "/soan/tai-ve/../../van-ban/21-ct-tw", "/soan/xem-truoc/zz/trang-1.jpg",
                                 "/soan/xem-truoc/0123456789abcdef/trang-1.jpg",
                                 "/cay/soan-lai/0123456789abcdef", "/cay/viec/0123456789abcdef"])
def test_what_is_not_there_is_a_clear_404(client: FlaskClient, url: str) -> None:
    page = client.get(url)
    assert page.status_code == 404
    if page.mimetype == "text/html":
        assert "Không tìm thấy trang" in page.text
        assert "Traceback" not in page.text


def test_a_path_out_of_the_workspace_is_never_served(client: FlaskClient, workspace: Path) -> None:
    (workspace.parent / "bi-mat.docx").write_bytes(b"PK secret")
    (workspace / "ban-thao" / "lien-ket.docx").symlink_to(workspace.parent / "bi-mat.docx")
    assert client.get("/soan/tai-ve/lien-ket").status_code == 404
    assert client.get("/soan/tai-ve/..%2Fbi-mat").status_code == 404


def test_a_form_without_its_csrf_token_is_refused(client: FlaskClient, workspace: Path) -> None:
    before = sorted(p.name for p in (workspace / "van-ban").iterdir())
    for url in ("/van-ban/moi", "/co-quan/moi", "/soan/moi", "/cay/soan-lai", "/cay/ban-hanh", "/kiem-tra/"):
        page = client.post(url, data={"_ten_tep": "x", "loai": "Chỉ thị"})
        assert page.status_code == 400, url
        assert "Trang đã cũ" in page.text
    assert sorted(p.name for p in (workspace / "van-ban").iterdir()) == before


def test_a_token_of_another_session_is_refused(client: FlaskClient, app) -> None:
    token = Form(client.get("/van-ban/moi").text).fields["csrf_token"]
    stranger = app.test_client()
    page = stranger.post("/van-ban/moi", data={"csrf_token": token, "_ten_tep": "x"})
    assert page.status_code == 400


def test_only_this_machine_names_are_answered(client: FlaskClient) -> None:
    """A web site that points its own name at 127.0.0.1 (DNS rebinding) must not read the page."""
    assert client.get("/", headers={"Host": "127.0.0.1:8421"}).status_code == 200
    assert client.get("/", headers={"Host": "localhost:8421"}).status_code == 200
    page = client.get("/co-quan/", headers={"Host": "ke-xau.example:8421"})
    assert page.status_code == 400
    assert "Traceback" not in page.text
    assert "LĐLĐ" not in page.text  # nothing of the workspace


def test_headers_keep_the_page_to_itself(client: FlaskClient) -> None:
    page = client.get("/")
    policy = page.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert page.headers["X-Content-Type-Options"] == "nosniff"
    assert page.headers["Referrer-Policy"] == "no-referrer"
    cookie = page.headers.get("Set-Cookie", "")
    assert not cookie or ("HttpOnly" in cookie and "SameSite=Strict" in cookie)


def test_assets_are_served_by_the_page_itself(client: FlaskClient) -> None:
    page = client.get("/")
    for asset in ("/static/style.css", "/static/app.js"):
        assert asset in page.text
        assert client.get(asset).status_code == 200
    assert "http://" not in page.text.replace("http://127.0.0.1", "") and "https://" not in page.text


def test_a_bug_shows_a_plain_page_and_logs_no_data(app, client: FlaskClient, caplog: pytest.LogCaptureFixture) -> None:
    secret = "Nguyễn Văn Bí Mật"

    @app.get("/hong")
    def broken() -> str:
        raise ValueError(f"không nên lộ: {secret}")

    page = client.get("/hong")
    assert page.status_code == 500
    assert "Lỗi chương trình" in page.text
    assert secret not in page.text and "Traceback" not in page.text
    assert "ValueError" in caplog.text
    assert secret not in caplog.text


def test_an_upload_over_the_limit_is_refused(client: FlaskClient) -> None:
    token = Form(client.get("/kiem-tra/").text).fields["csrf_token"]
    import io

    big = io.BytesIO(b"x" * (27 * 1024 * 1024))
    page = client.post("/kiem-tra/", data={"csrf_token": token, "tep": (big, "to.txt")},
                       content_type="multipart/form-data")
    assert page.status_code == 413
    assert "Tệp quá lớn" in page.text
