"""Rendering a Draft into a layout template with docxtpl, through one strict, sandboxed Jinja environment.

docxtpl redoes everything per draft: it re-reads the package, re-patches and re-compiles the XML, parses it back and
re-saves the whole package with python-docx. LoadedTemplate does that template work once (compiled.CompiledPackage)
and writes the same bytes as the plain docxtpl path (`_render_with_docxtpl`), about twenty times faster. A built-in
template with current shipped data (prepared.py) is loaded from that data and rendered by replay.PreparedPackage,
without importing docxtpl or python-docx at all: the same bytes again.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2

from kehoach.docx import package, prepared, sandbox
from kehoach.docx.layout import arrange
from kehoach.docx.replay import PreparedPackage
from kehoach.docx.zipout import normalise_zip, write_zip
from kehoach.errors import InputError, Problem, TemplateProblem
from kehoach.inputs.models import Draft
from kehoach.inputs.paths import builtin_templates
from kehoach.text.vntext import number_vi, short_date, unbroken_names, upper_vi

if TYPE_CHECKING:
    from docxtpl import DocxTemplate

    from kehoach.docx.compiled import CompiledPackage

# docxtpl and python-docx (60-100 ms to import, as much again to load a template through them) are imported only
# where a template has no current shipped data (prepared.py): a custom template, an edited one, or the reference
# path of the tests.


def jinja_env() -> jinja2.Environment:
    """The only Jinja environment kehoach uses: sandboxed, strict about undefined names, escaping XML, and bounded
    (docx/sandbox.py: what a template may use, and how long and large a render may grow)."""
    return sandbox.environment({"so": number_vi, "in_hoa": upper_vi, "ngay_ngan": short_date})


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
        "dau_duoi_ten": draft.issuer_mark,
        "ngay_thang": draft.date_line,
        "ten_loai": draft.type_title,
        # A centred title never breaks inside an organ name ("Ban Thường vụ Tỉnh" / "ủy"): joined by U+00A0.
        "trich_yeu": unbroken_names(draft.subject),
        "kinh_gui": list(draft.addressees),
        "khoi": [{"loai": b.kind, "noi_dung": b.text} for b in draft.blocks],
        "tham_quyen": draft.authority,
        "chuc_vu": draft.signer_title,
        "ho_ten": draft.signer_name,
        "noi_nhan": list(draft.recipients),
        "tieu_de_tep": draft.doc_title,  # core properties (Word: File > Info)
        "tac_gia": draft.author,
    }


class LoadedTemplate:
    """A template read once and rendered many times (a provincial build renders thousands).

    Loading does the template work: every part docxtpl renders is patched by docxtpl's `patch_xml` and compiled by
    `self.env` (the only environment), parts without Jinja markup are rendered once, every other part is compressed
    once. `render` writes the same bytes as a new DocxTemplate per draft followed by `normalise_zip`.
    """

    def __init__(self, path: Path, data: bytes | None = None):
        self.path = path
        self.env = jinja_env()
        self._fast: CompiledPackage | PreparedPackage | None
        try:
            # A profile's `mau:` may name a folder, /dev/zero, a FIFO or a zip bomb: read and checked before use.
            self.blob = package.read_file(path, "tệp mẫu") if data is None else data
            shipped = _shipped(path, self.blob, self.env)
            if shipped is not None:  # a built-in template with its current data: the same bytes, without docxtpl
                self._fast, self.variables = shipped  # (bytes the data names by sha256: made here, checked then)
                return
            if data is None:
                package.check_zip(self.blob, path)
        except InputError as exc:
            raise TemplateProblem(exc.problems) from None
        self._load_with_docxtpl()

    def _load_with_docxtpl(self) -> None:
        from docxtpl import DocxTemplate

        from kehoach.docx.compiled import CompiledPackage

        path = self.path
        try:
            probe = DocxTemplate(io.BytesIO(self.blob))
            probe.init_docx()
        except Exception as exc:  # python-docx on a zip that is not a Word document
            raise TemplateProblem([Problem(path, f"tệp mẫu không phải .docx hợp lệ ({exc})")]) from None
        try:
            fast = CompiledPackage(probe, self.env)
            try:  # from the parts just compiled: the template is not opened and parsed a second time
                self.variables = fast.variables()
            except jinja2.TemplateError:  # docxtpl's own reading says what is wrong, and where
                self.variables = probe.get_undeclared_template_variables(self.env) | _core_variables(probe, self.env)
        except sandbox.TemplateRefused as exc:
            raise TemplateProblem([Problem(path, str(exc.message))]) from None
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateProblem([Problem(path, f"mẫu có thẻ Jinja sai cú pháp: {exc.message}", exc.lineno)]) from None
        except Exception as exc:  # XML docxtpl or python-docx cannot take apart
            raise TemplateProblem([Problem(path, f"tệp mẫu không phải .docx hợp lệ ({type(exc).__name__})")]) from None
        self._fast = fast if fast.handled else None  # None: a template left to docxtpl (see CompiledPackage.handled)

    def __reduce__(self) -> tuple[Any, ...]:
        # Compiled Jinja templates do not pickle; a worker process rebuilds from the bytes already read.
        return (LoadedTemplate, (self.path, self.blob))

    def render(self, draft: Draft) -> bytes:
        return self.render_parts(draft)[0]

    def render_parts(self, draft: Draft) -> tuple[bytes, dict[str, tuple[bytes, bytes]]]:
        """The draft, and each part of it as (its bytes, their raw deflate as in the zip) when the fast path wrote it
        ({} when docxtpl did): the record keeps parts of a draft without taking the zip apart again."""
        values = context(draft)
        unknown = sorted(set(self.variables) - set(values))
        if unknown:
            known = ", ".join(sorted(values))
            raise TemplateProblem([Problem(self.path, f"mẫu dùng biến không có: {', '.join(unknown)} (các biến có: {known})")])
        try:
            with sandbox.bounded():
                if self._fast is None:
                    return _render_with_docxtpl(self.blob, self.env, values), {}
                members = self._fast.render_members(values)
                return write_zip(members), {m.name: (m.data, m.packed) for m in members}
        except sandbox.TemplateRefused as exc:
            raise TemplateProblem([Problem(self.path, str(exc.message))]) from None
        except Exception as exc:  # the template is data: whatever evaluating it raises is the template's problem
            raise TemplateProblem([Problem(self.path, f"lỗi khi điền mẫu: {render_reason(exc)}")]) from None


# What evaluating a template's expression can raise, said in Vietnamese (the sandbox's own refusals already are).
# A detail (Python's or Jinja's English words, naming the operands or the attribute) follows only where the
# Vietnamese reason alone would not let the template's author find the expression.
_REASONS: tuple[tuple[type[Exception], str, bool], ...] = (
    (ZeroDivisionError, "mẫu có phép chia cho 0 (/, // hay %)", False),
    (OverflowError, "mẫu tính ra số quá lớn", False),
    (TypeError, "mẫu tính toán trên giá trị sai kiểu (ví dụ trừ chữ cho số)", True),
    (ValueError, "mẫu dùng giá trị không hợp lệ cho phép tính hay bộ lọc", True),
    (jinja2.UndefinedError, "mẫu dùng thuộc tính hay phần tử không có", True),
    (jinja2.TemplateSyntaxError, "mẫu có thẻ Jinja sai cú pháp", True),
)


def render_reason(exc: Exception) -> str:
    """The Vietnamese reason a template failed while rendering (ZeroDivisionError → "mẫu có phép chia cho 0 (/, //
    hay %)"); the sandbox's bounds (docx/sandbox.py) are worded in Vietnamese already."""
    if isinstance(exc, jinja2.exceptions.SecurityError) and exc.message and not exc.message.isascii():
        return exc.message[:300]
    detail = (exc.message if isinstance(exc, jinja2.TemplateError) else str(exc)) or type(exc).__name__
    for kind, reason, detailed in _REASONS:
        if isinstance(exc, kind):
            return f"{reason} (chi tiết: {detail[:200]})" if detailed else reason
    return f"mẫu không điền được (chi tiết: {type(exc).__name__}: {detail[:200]})"


def _shipped(path: Path, blob: bytes, env: jinja2.Environment) -> tuple[PreparedPackage, set[str]] | None:
    """A built-in template's shipped data compiled, and the names it uses; None for a template outside the built-in
    folder (a profile's `mau:`), without current data, or whose data does not load for any reason: the docxtpl path
    then loads it, and says what is wrong with it if anything is."""
    if path.parent.parent != builtin_templates():
        return None
    data = prepared.load(path, blob)
    if data is None:
        return None
    try:
        fast = PreparedPackage(data, env)
        return fast, fast.variables()
    except Exception:  # data that is not what prepared.py writes, whatever it is: never trusted
        return None


def prepared_data(template: Path) -> bytes | None:
    """The shipped data file's bytes for a template (prepared.py; None: it takes the docxtpl path, no file), compiled
    exactly as the docxtpl path compiles it. Imports docxtpl: for tools/prepare_templates.py and the tests."""
    from docxtpl import DocxTemplate

    from kehoach.docx.compiled import CompiledPackage

    blob = template.read_bytes()
    probe = DocxTemplate(io.BytesIO(blob))
    probe.init_docx()
    data = prepared.make(CompiledPackage(probe, jinja_env()), blob)
    return None if data is None else prepared.dumps(data)


def _core_variables(probe: DocxTemplate, env: jinja2.Environment) -> set[str]:
    """Names the core properties (Title, Comments …) use: docxtpl renders them too, but does not list them."""
    from jinja2 import meta

    from kehoach.docx.compiled import CORE_PROPS

    props = probe.docx.core_properties
    found: set[str] = set()
    for name in CORE_PROPS:
        text = getattr(props, name) or ""
        if "{" in text:
            found |= meta.find_undeclared_variables(env.parse(text))
    return found


def _render_with_docxtpl(blob: bytes, env: jinja2.Environment, values: dict[str, Any]) -> bytes:
    """The plain docxtpl way, everything redone per draft: the fallback of the fast path, and its reference in tests."""
    from docxtpl import DocxTemplate

    doc = DocxTemplate(io.BytesIO(blob))
    doc.render(values, env, autoescape=True)
    arrange(doc.docx.element)  # widths, line breaks, rule lengths, pagination (layout.py)
    raw = io.BytesIO()
    doc.save(raw)
    return normalise_zip(raw.getvalue())
