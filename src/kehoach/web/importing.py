"""A parent uploaded through the page: read by the importer (kehoach.nhap), shown as forms to check, then written.

Reading writes nothing (nhap.read_file); the forms carry everything read, so nothing of the upload is kept between
the two requests. Saving checks each file with the document loader, then writes through nhap.write_documents:
never over a file, a document already in van-ban/ reused.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kehoach.errors import InputError, Problem
from kehoach.inputs.documents import load_document
from kehoach.nhap import Found, Imported, Written, read_file, render, write_documents
from kehoach.nhap.importing import STATUS, STATUS_DETAIL
from kehoach.web import forms, uploads
from kehoach.web.site import NEW_NAME, Site

KINDS = ("docx", "pdf", "png", "jpeg", "tiff", "txt")
PREFIX = "vb"  # the controls of document n are named vb.n.<key>


@dataclass
class Read:
    imported: Imported
    shown: str  # the uploaded file's name, as the person knows it


def read_upload(site: Site, storage: Any) -> Read:
    """The uploaded file read into document files' data. Raises InputError (key "tep") when it cannot be."""
    with uploads.received(storage, KINDS) as upload:
        try:
            imported = read_file(upload.path, site.root)
        except InputError as exc:
            raise InputError([Problem(None, _named(p.message, upload), key="tep") for p in exc.problems]) from None
    for found in imported.documents:  # the importer names its source: the page's temporary name is not the person's
        if isinstance(found.data.get("ghi_chu"), str):
            found.data["ghi_chu"] = _named(found.data["ghi_chu"], upload)
    return Read(imported, upload.shown)


def _named(text: str, upload: uploads.Upload) -> str:
    return text.replace(str(upload.path), upload.shown).replace(upload.path.name, upload.shown)


def prefix(n: int) -> tuple[str, int]:
    return (PREFIX, n)


def notes_by_control(found: Found, n: int) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for note in found.notes:
        out.setdefault(forms.name_of(prefix(n)) + "." + note.key, []).append(
            note.message + (f" ({note.where})" if note.where else ""))
    return out


def save(site: Site, documents: list[tuple[str, dict[str, Any], bool]]) -> tuple[Written | None, dict[str, list[str]]]:
    """Write the checked documents ((file name, data, cited only), the uploaded one first) into van-ban/.

    Returns (what was written, {}) or (None, mistakes by control name) when a name or a file would not do."""
    errors: dict[str, list[str]] = {}
    found: list[Found] = []
    for n, (name, data, cited_only) in enumerate(documents):
        control = forms.name_of(prefix(n))
        if not NEW_NAME.match(name) or "/" in name:
            errors[f"{control}._ten_tep"] = ["tên tệp chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ "
                                             "21-ct-tw"]
            continue
        document = Found(name, data, cited_only=cited_only)
        path = site.documents / f"{name}.yaml"
        try:
            load_document(path, render(document, data))
        except InputError as exc:
            for key, messages in forms.errors_by_field(exc.problems, own=path).items():
                errors.setdefault(f"{control}.{key}" if key else "", []).extend(messages)
        found.append(document)
    if errors:
        return None, errors
    with site.writing():
        try:
            return write_documents(found, site.documents), {}
        except InputError as exc:
            return None, {"": [site.shown(str(p)) for p in exc.problems]}


def outcome_lines(site: Site, written: Written) -> list[str]:
    """One line per document, in the words of `kehoach nhap`."""
    lines = []
    for outcome in written.outcomes:
        detail = outcome.detail or STATUS_DETAIL.get(outcome.status)
        lines.append(f"{STATUS[outcome.status]}: {site.shown(str(outcome.path))}" + (f" ({detail})" if detail else ""))
    return lines


def shown_path(site: Site, path: Path) -> str:
    return site.shown(str(path))
