"""Files in, document files out: what `kehoach nhap` and `kehoach tao --van-ban FILE` do, as library calls.

Every file is read before anything is written: one file that cannot be read stops the import with nothing written.
Images given together are the photos of the pages of ONE document, in the order given (`documents_of`): a page that
cannot be read is reported and the others are read.
"""

from __future__ import annotations

from pathlib import Path

from kehoach.errors import InputError
from kehoach.inputs.recorded import record_path
from kehoach.nhap.reading import read_file
from kehoach.nhap.result import Imported, Written
from kehoach.nhap.sources import is_photo
from kehoach.nhap.store import ALREADY, NEW, REUSED, preview, write_documents

STATUS = {NEW: "ghi mới", REUSED: "dùng lại", ALREADY: "đã có"}
STATUS_DETAIL = {REUSED: "văn bản này đã có trong thư mục", ALREADY: "văn bản này đã được nhập trước đó, không ghi lại"}
# A parent named on `kehoach tao --van-ban` that is a document file, a record, or a draft kehoach made (its record
# beside it); anything else is a file to import.
_OWN = (".yaml", ".yml", ".json")


def documents_of(files: list[Path]) -> list[Path | list[Path]]:
    """What each file given is: a document, or, for images, one page of the single document all the images given
    make, in their order (a phone's photos of a multi-page document); it stands where its first page was given."""
    photos = [f for f in files if is_photo(f)]
    if len(photos) < 2:
        return list(files)
    out: list[Path | list[Path]] = []
    for file in files:
        if file not in photos:
            out.append(file)
        elif file == photos[0]:
            out.append(photos)
    return out


def import_files(files: list[Path], folder: Path, dry_run: bool = False) -> list[tuple[Imported, Written]]:
    """Read every file, then write each one's documents into `folder` (never over a file; reused when there).
    Several images are the pages of one document (documents_of)."""
    workspace = folder.parent
    read: list[Imported] = []
    problems = []
    for file in documents_of(files):
        try:
            read.append(read_file(file, workspace))
        except InputError as exc:
            problems += exc.problems
    if problems:
        raise InputError(problems)
    return [(imported, write_documents(imported.documents, folder, dry_run)) for imported in read]


def needs_import(ref: str, record_exists: bool) -> bool:
    """Whether a --van-ban value is a file to import rather than a document key, a document file or a draft's record."""
    path = Path(ref)
    if path.suffix.lower() in _OWN or not path.is_file():
        return False
    return not (path.suffix.lower() == ".docx" and record_exists)


def describe(imported: Imported, written: Written, dry_run: bool = False) -> list[str]:
    """The report of one import as lines of Vietnamese text (the CLI prints them; the web page has the data)."""
    kind = next(f.value for f in imported.report if f.what == "Loại tệp")
    if imported.pages:
        lines = [f"Tệp: {', '.join(str(p) for p in imported.pages)} ({kind}, {len(imported.pages)} trang của một văn "
                 "bản, theo thứ tự đã ghi)"]
    else:
        lines = [f"Tệp: {imported.source} ({kind})"]
    found = [f for f in imported.report if f.found and f.what != "Loại tệp"]
    missing = [f for f in imported.report if not f.found]
    if found:
        lines.append("  Đã đọc được:")
        lines += [f"    - {f.what}: {f.value}" + (f" ({f.where})" if f.where else "") for f in found]
    if missing:
        lines.append("  Không tìm thấy:")
        lines += [f"    - {f.what}" for f in missing]
    notes = imported.notes
    if notes:
        lines.append("  Cần kiểm tra (ghi chú “# KIỂM TRA” trong tệp):")
        names = {doc.key: written.keys.get(doc.key, doc.key) for doc in imported.documents}
        lines += [f"    - {names[key]}.yaml, {note.key}: {note.message}" + (f" ({note.where})" if note.where else "")
                  for key, note in notes]
    lines.append("  Tệp văn bản" + (" (thử, không ghi gì):" if dry_run else ":"))
    for outcome in written.outcomes:
        detail = outcome.detail or STATUS_DETAIL.get(outcome.status)
        lines.append(f"    {STATUS[outcome.status]:9} {outcome.path}" + (f" ({detail})" if detail else ""))
    return lines


def previews(imported: Imported, folder: Path) -> list[str]:
    """The text of each file an import would write, for --thu."""
    out = []
    for outcome, text in preview(imported.documents, folder):
        if text:
            out += [f"--- {outcome.path}", text.rstrip()]
    return out


def parents_for_draft(refs: tuple[str, ...], folder: Path) -> tuple[tuple[str, ...], list[str]]:
    """`kehoach tao --van-ban`: each value that is a file to import is imported into `folder` and replaced by the key
    of its document; returns the parents as generate_quick takes them and the lines reporting the imports."""
    files = [Path(ref) for ref in refs if needs_import(ref, record_path(Path(ref)).is_file())]
    imported_as: dict[Path, str] = {}
    lines: list[str] = []
    for imported, written in import_files(files, folder):
        for file in imported.pages or [imported.source]:
            imported_as[file] = written.main.key
        lines += describe(imported, written)
    # Each parent once, where it was first given: the photos of one document's pages are one parent.
    out = dict.fromkeys(imported_as.get(Path(ref), ref) for ref in refs)
    return tuple(out), lines
