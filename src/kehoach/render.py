"""Rendering a Draft into a layout template with docxtpl, through one strict, sandboxed Jinja environment."""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import jinja2
from docxtpl import DocxTemplate
from jinja2.sandbox import ImmutableSandboxedEnvironment

from .errors import Problem, TemplateProblem
from .models import Draft
from .paths import builtin_templates
from .vntext import number_vi, short_date, upper_vi

_FIXED_TIME = (2020, 1, 1, 0, 0, 0)  # same inputs, same bytes: no zip timestamps of the day


def jinja_env() -> jinja2.Environment:
    """The only Jinja environment kehoach uses: sandboxed, strict about undefined names, escaping XML."""
    env = ImmutableSandboxedEnvironment(undefined=jinja2.StrictUndefined, autoescape=True)
    env.filters.update({"so": number_vi, "in_hoa": upper_vi, "ngay_ngan": short_date})
    return env


def template_path(draft: Draft, override: Path | None = None) -> Path:
    if override is not None:
        return override
    name = "cong_van.docx" if draft.kind == "cong_van" else "van_ban.docx"
    return builtin_templates() / draft.system / name


def context(draft: Draft) -> dict[str, Any]:
    """Template variable names are Vietnamese: an office adapting a template in Word reads them."""
    return {
        "he_thong": draft.system,
        "co_quan_chu_quan": draft.parent_body,
        "co_quan": list(draft.issuer_lines),
        "so_ky_hieu": draft.number_line,
        "vv": list(draft.cv_subject),
        "quoc_hieu": list(draft.national_lines),
        "ngay_thang": draft.date_line,
        "ten_loai": draft.type_title,
        "trich_yeu": draft.subject,
        "kinh_gui": list(draft.addressees),
        "khoi": [{"loai": b.kind, "noi_dung": b.text} for b in draft.blocks],
        "tham_quyen": draft.authority,
        "chuc_vu": draft.signer_title,
        "ho_ten": draft.signer_name,
        "noi_nhan": list(draft.recipients),
    }


class LoadedTemplate:
    """A template read once and rendered many times (a provincial build renders thousands)."""

    def __init__(self, path: Path):
        self.path = path
        try:
            self.blob = path.read_bytes()
            probe = DocxTemplate(io.BytesIO(self.blob))
            probe.init_docx()
        except FileNotFoundError:
            raise TemplateProblem([Problem(path, "không tìm thấy tệp mẫu")]) from None
        except (zipfile.BadZipFile, KeyError, ValueError) as exc:
            raise TemplateProblem([Problem(path, f"tệp mẫu không phải .docx hợp lệ ({exc})")]) from None
        self.env = jinja_env()
        try:
            self.variables = probe.get_undeclared_template_variables(self.env)
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateProblem([Problem(path, f"mẫu có thẻ Jinja sai cú pháp: {exc.message}", exc.lineno)]) from None

    def render(self, draft: Draft) -> bytes:
        values = context(draft)
        unknown = sorted(set(self.variables) - set(values))
        if unknown:
            known = ", ".join(sorted(values))
            raise TemplateProblem([Problem(self.path, f"mẫu dùng biến không có: {', '.join(unknown)} (các biến có: {known})")])
        doc = DocxTemplate(io.BytesIO(self.blob))
        try:
            doc.render(values, self.env, autoescape=True)
        except jinja2.TemplateError as exc:
            raise TemplateProblem([Problem(self.path, f"lỗi khi điền mẫu: {exc}")]) from None
        raw = io.BytesIO()
        doc.save(raw)
        return _normalise_zip(raw.getvalue())


def _normalise_zip(data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, _FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def write_atomic(path: Path, data: bytes) -> None:
    """Write beside the target, then rename: a reader sees the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
