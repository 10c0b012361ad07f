"""A workspace copied from examples/, the page over it (Flask's test client), and a reader of the pages' forms."""

from __future__ import annotations

import re
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from kehoach.web.app import create_app
from kehoach.web.preview import Converter
from kehoach.web.site import prepare

from ..examples import copy_examples

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    root = tmp_path / "noi-lam-viec"
    copy_examples(root)
    prepare(root)
    return root


@pytest.fixture
def app(workspace: Path) -> Flask:
    # No LibreOffice here: previews are HTML (pictures are the end-to-end test's, test_web_browser.py).
    return create_app(workspace, Converter(find=False))


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


class Form(HTMLParser):
    """The fields of the first form of a page with a csrf_token, as a browser would send them untouched."""

    def __init__(self, html: str, index: int = 0):
        super().__init__()
        self.fields: dict[str, str] = {}
        self.action = ""
        self._forms = -1
        self._want = index
        self._select: str | None = None
        self._first_option: str | None = None
        self._textarea: str | None = None
        self.feed(html)

    def _mine(self) -> bool:
        return self._forms == self._want

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and a.get("method") == "post":
            self._forms += 1
            if self._mine():
                self.action = a.get("action", "")
        if not self._mine():
            return
        if tag == "input" and a.get("name") and a.get("type") not in ("file", "submit"):
            self.fields[a["name"]] = a.get("value", "")
        elif tag == "select":
            self._select, self._first_option = a.get("name"), None
        elif tag == "option" and self._select:
            if self._first_option is None:
                self._first_option = a.get("value", "")
                self.fields.setdefault(self._select, self._first_option)
            if "selected" in a:
                self.fields[self._select] = a.get("value", "")
        elif tag == "textarea":
            self._textarea = a.get("name")
            self.fields[self._textarea or ""] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "form" and self._mine():
            self._forms += 1000  # past the wanted form: ignore the rest

    def handle_data(self, data: str) -> None:
        if self._textarea and self._mine():
            self.fields[self._textarea] += data.lstrip("\n") if not self.fields[self._textarea] else data


def form_of(client: FlaskClient, url: str, index: int = 0) -> dict[str, str]:
    page = client.get(url)
    assert page.status_code == 200, page.text
    return Form(page.text, index).fields


def errors_of(html: str) -> dict[str, list[str]]:
    """The messages shown beside each control (ul.loi with the control's id), by control name."""
    found: dict[str, list[str]] = {}
    for match in re.finditer(r'<ul class="loi" id="f-([^"]+)-loi">(.*?)</ul>', html, re.S):
        found[match[1].replace("-", ".")] = [_text(li) for li in re.findall(r"<li>(.*?)</li>", match[2], re.S)]
    return found


def summary_of(html: str) -> list[str]:
    block = re.search(r'<div class="tom-tat-loi"[^>]*>(.*?)</div>', html, re.S)
    return [_text(li) for li in re.findall(r"<li>(.*?)</li>", block[1], re.S)] if block else []


def _text(html: str) -> str:
    import html as html_lib

    return html_lib.unescape(re.sub(r"<[^>]+>", "", html)).strip()


def wait_job(client: FlaskClient, location: str, timeout: float = 120) -> dict[str, Any]:
    job_id = location.rstrip("/").rsplit("/", 1)[1]
    deadline = time.monotonic() + timeout
    while True:
        status = client.get(f"/cay/viec/{job_id}").get_json()
        if status["state"] != "dang_chay" or time.monotonic() > deadline:
            return status
        time.sleep(0.1)
