"""The Flask application: one workspace, its pages, and what keeps it safe (CSRF, hosts, headers, error pages).

Flask renders the pages with its own Jinja environment (autoescaping, strict about undefined names); drafts are still
rendered only by kehoach's sandboxed environment (docx/render.py). The core never prints: its KehoachErrors are shown
on the page with the same Vietnamese messages the command line prints.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

import jinja2
from flask import Flask, render_template
from flask.globals import request_ctx
from flask_wtf.csrf import CSRFError, CSRFProtect
from markupsafe import Markup, escape
from werkzeug.exceptions import HTTPException, SecurityError

from kehoach import __version__
from kehoach.kiemtra import report as kiemtra_words
from kehoach.web import forms, pages_check, pages_documents, pages_plans, pages_profiles, pages_tree, wording
from kehoach.web.context import State, state
from kehoach.web.jobs import BUG_MESSAGE, Jobs, log_bug
from kehoach.web.preview import Converter
from kehoach.web.site import Site
from kehoach.web.uploads import MAX_BYTES

_HERE = Path(__file__).resolve().parent
LOCAL_HOSTS = ["127.0.0.1", "localhost", "[::1]", "::1"]

NAV = [("home", "Bắt đầu"), ("profiles.index", "Cơ quan"), ("documents.index", "Văn bản cấp trên"),
       ("plans.index", "Soạn"), ("tree.index", "Cây văn bản"), ("check.index", "Kiểm tra")]

_HTTP_MESSAGES = {
    400: ("Yêu cầu không hợp lệ", "Trang gửi lên không đọc được. Hãy quay lại và thử lại."),
    403: ("Không được phép", "Trang này không mở được từ địa chỉ này."),
    404: ("Không tìm thấy trang", "Trang hoặc tệp này không có trong thư mục làm việc."),
    405: ("Không làm được", "Trang này không nhận yêu cầu kiểu này."),
    413: ("Tệp quá lớn", f"Tệp gửi lên lớn hơn {MAX_BYTES // (1024 * 1024)} MB."),
}


class _App(Flask):
    def log_exception(self, exc_info: Any) -> None:
        # Flask logs the exception's text; it may quote a person's name or a file's content: frames only.
        if exc_info[1] is not None:
            log_bug("trang web", exc_info[1])


def create_app(root: Path, converter: Converter | None = None, hosts: list[str] | None = None) -> Flask:
    """The page over the workspace `root` (its folders must exist: site.prepare). `hosts`: the names the browser may
    use to reach it (default: this machine only; a page answering any name can be read by a web site that points
    its name at 127.0.0.1)."""
    app = _App("kehoach.web", template_folder=str(_HERE / "templates"), static_folder=str(_HERE / "static"))
    app.config.update(
        SECRET_KEY=secrets.token_bytes(32),  # new each start: a form from a previous run asks to be reloaded
        MAX_CONTENT_LENGTH=MAX_BYTES + 1024 * 1024,
        MAX_FORM_MEMORY_SIZE=4 * 1024 * 1024,
        TRUSTED_HOSTS=hosts if hosts is not None else LOCAL_HOSTS,
        SESSION_COOKIE_SAMESITE="Strict",
        SESSION_COOKIE_HTTPONLY=True,
        WTF_CSRF_TIME_LIMIT=None,  # valid while the page runs: a secretary may take an hour over a form
        WTF_CSRF_SSL_STRICT=False,
    )
    app.jinja_env.undefined = jinja2.StrictUndefined
    app.jinja_env.filters["khoa"] = _keys_as_code
    app.jinja_env.globals["labels_of"] = forms.labels
    app.jinja_env.globals.update(nav=NAV, version=__version__, words=kiemtra_words)
    CSRFProtect(app)
    site = Site(root)
    app.extensions["kehoach"] = State(site, Jobs(shown=site.shown), converter if converter is not None else Converter())

    for module in (pages_profiles, pages_documents, pages_plans, pages_tree, pages_check):
        app.register_blueprint(module.blueprint)
    app.add_url_rule("/", "home", _home)
    app.after_request(_headers)
    app.register_error_handler(CSRFError, _csrf_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _bug)
    return app


def _keys_as_code(text: str) -> Markup:
    """The declaration writes key and value names in backquotes (`nguoi_ky`): shown by the name a form gives them
    (“Người ký”, web/wording.py), as code only when the declaration does not name them; everything escaped."""
    parts = str(text).split("`")
    return Markup("".join(str(escape(p)) if i % 2 == 0 else str(escape(wording.readable(f"`{p}`")))
                          if wording.named(p) else f"<code>{escape(p)}</code>" for i, p in enumerate(parts)))


def _home() -> str:
    site = state().site
    counts = {
        "profiles": sum(1 for _ in site.profiles.rglob("*.yaml")) if site.profiles.is_dir() else 0,
        "documents": sum(1 for _ in site.documents.rglob("*.yaml")) if site.documents.is_dir() else 0,
        "plans": len(site.workspace().plans()),
        "drafts": sum(1 for _ in site.drafts.rglob("*.docx")) if site.drafts.is_dir() else 0,
    }
    return render_template("home.html", root=str(site.root), counts=counts,
                           office=state().converter.available)


def _headers(response: Any) -> Any:
    # Everything the page needs is served by itself: no CDN, no inline script, never shown inside another site.
    response.headers.setdefault("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; "
                                "object-src 'self'; frame-src 'self'; frame-ancestors 'none'; form-action 'self'; "
                                "base-uri 'none'")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    response.headers.setdefault("X-Frame-Options", "DENY")
    return response


def _csrf_error(_error: CSRFError) -> tuple[str, int]:
    return render_template("error.html", title="Trang đã cũ",
                           message="Biểu mẫu này được mở trước khi trang khởi động lại, hoặc đã quá hạn. Hãy tải lại "
                                   "trang (F5) rồi gửi lại; những gì đã gõ cần gõ lại."), 400


def _http_error(error: HTTPException) -> tuple[str, int]:
    code = error.code or 500
    title, message = _HTTP_MESSAGES.get(code, ("Không làm được", "Yêu cầu này không thực hiện được."))
    if isinstance(error, SecurityError) or request_ctx.url_adapter is None:
        # A name of the page it does not answer to (a site pointing its name at 127.0.0.1): no links to build.
        return _PLAIN.format(title=escape(title), message=escape(_HTTP_MESSAGES[403][1])), 400
    return render_template("error.html", title=title, message=message), code


_PLAIN = ('<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title></head>'
          "<body><h1>{title}</h1><p>{message}</p></body></html>")


def _bug(error: Exception) -> tuple[str, int]:
    if isinstance(error, HTTPException):  # pragma: no cover - handled above; kept for Flask's dispatch order
        return _http_error(error)
    log_bug("trang web", error)
    return render_template("error.html", title="Lỗi chương trình", message=BUG_MESSAGE), 500
