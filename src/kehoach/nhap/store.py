"""Document files written into a folder (the workspace's van-ban/): never over a file, never twice.

A document already there (same type code, number and symbol, and date) is reused: nothing is written for it and the
others point at its file; the document itself found there means it was imported before. Each file is checked
against the key declaration (inputs/documents.DOCUMENT) before anything is written, then written atomically.
What the reader was unsure of is written as a comment above its key.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kehoach.errors import InputError, Problem
from kehoach.files import write_atomic
from kehoach.inputs.document_keys import DOCUMENT
from kehoach.inputs.documents import load_document
from kehoach.inputs.schema import check
from kehoach.inputs.yamlfile import read_yaml
from kehoach.nhap.names import fold
from kehoach.nhap.result import Found, Note, Outcome, Written
from kehoach.text.symbols import parse_symbol
from kehoach.text.vntext import parse_date

NEW, REUSED, ALREADY = "ghi", "dung_lai", "da_co"
Identity = tuple[str, ...]


def _identity(code: str, number: str, issuer_symbol: str, when: str, issuer: str) -> Identity:
    return (code, number, issuer_symbol, when) + (() if number else (fold(issuer),))


def _named(name: str, when: str, issuer: str) -> Identity:
    """A document without a number is the one of the same name (as cited: citations.short), date and issuer."""
    return ("ten", fold(" ".join(name.split())), when, fold(issuer))


def identity_of(data: dict[str, Any]) -> Identity | None:
    """(type code, number, issuer symbol, date); a document without a number also by its issuer; a document cited by
    name (`ten`) by its name, date and issuer. None otherwise: such a document is known only by its file."""
    raw = data.get("so_ky_hieu")
    if not raw and data.get("ten"):
        try:
            when = parse_date(data["ngay"]).iso() if data.get("ngay") else ""
        except ValueError:
            return None
        return _named(str(data["ten"]), when, str(data.get("co_quan", "")))
    if not raw:
        return None
    try:
        number, code, issuer_symbol, _ = parse_symbol(str(raw))
        when = parse_date(data["ngay"]).iso() if data.get("ngay") else ""
    except ValueError:
        return None
    return _identity(code, number, issuer_symbol, when, str(data.get("co_quan", "")))


def _existing(folder: Path) -> dict[Identity, str]:
    """The documents of the folder that load, by identity (plans and broken files are not documents)."""
    found: dict[Identity, str] = {}
    if not folder.is_dir():
        return found
    for file in sorted(folder.rglob("*.yaml")):
        try:
            doc = load_document(file)
        except InputError:
            continue
        when = doc.date.iso() if doc.date else ""
        found.setdefault(_identity(doc.type_code, doc.number, doc.issuer_symbol, when, doc.issuer), file.stem)
        if doc.name:  # "loai: Chương trình, trich_yeu: công tác năm 2023" is the document named so
            found.setdefault(_named(doc.name, when, doc.issuer), file.stem)
    return found


def _comment(note: Note, indent: str = "") -> str:
    where = f" ({note.where})" if note.where else ""
    return f"{indent}# KIỂM TRA: {note.message}{where}\n"


def _dump(value: Any) -> str:
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=110, default_flow_style=False)


def render(found: Found, data: dict[str, Any] | None = None) -> str:
    """The YAML text of a document file, each doubt as a comment above its key."""
    data = data if data is not None else found.ordered()
    # A doubt about a key the file does not have (a missing trích yếu, number …) heads the file.
    out = [_comment(n) for n in found.notes if n.key.split(".")[0] not in data]
    for key, value in data.items():
        out += [_comment(n) for n in found.notes if n.key == key or (n.key.startswith(f"{key}.") and key != "nhiem_vu")]
        if key == "nhiem_vu" and isinstance(value, list):
            out.append("nhiem_vu:\n")
            for n, item in enumerate(value):
                out += [_comment(note, "  ") for note in found.notes
                        if note.key == f"nhiem_vu.{n}" or note.key.startswith(f"nhiem_vu.{n}.")]
                out.append("".join(f"  {line}\n" for line in _dump([item]).splitlines()))
            continue
        out.append(_dump({key: value}))
    return "".join(out)


STUB_NOTE = "Theo trích dẫn trong"  # how a file made from a citation starts its ghi_chu (reading._chain_doc)
STUB_DETAIL = ("tệp có sẵn chỉ lập từ trích dẫn; muốn ghi bản đầy đủ (trích yếu, nhiệm vụ) thì xóa hoặc đổi tên tệp đó "
               "rồi nhập lại")


@dataclass
class _Plan:
    found: Found
    key: str
    status: str
    detail: str = ""


def write_documents(documents: list[Found], folder: Path, dry_run: bool = False) -> Written:
    """Write each document as folder/<key>.yaml unless the folder already has it; the first is the document read,
    the rest its chain. Returns what happened to each (Outcome) and the key that now stands for each. Raises
    InputError, writing nothing, if a document's data would not load as a document file."""
    existing = _existing(folder)
    taken = {p.stem for p in folder.rglob("*.yaml")} if folder.is_dir() else set()
    plans: list[_Plan] = []
    keys: dict[str, str] = {}
    for n, found in enumerate(documents):
        ident = identity_of(found.data)
        there = existing.get(ident) if ident is not None else None
        if there is None and found.key in taken and _same_file(folder, found):
            there = found.key
        if there is not None:
            keys[found.key] = there
            status = ALREADY if n == 0 else REUSED
            detail = STUB_DETAIL if n == 0 and not found.cited_only and _is_stub(folder, there) else ""
            plans.append(_Plan(found, there, status, detail))
            continue
        key, i = found.key, 2
        while key in taken:
            key, i = f"{found.key}-{i}", i + 1
        taken.add(key)
        keys[found.key] = key
        plans.append(_Plan(found, key, NEW))
    texts: dict[str, str] = {}
    problems: list[Problem] = []
    for plan in plans:
        if plan.status != NEW:
            continue
        data = _renamed(plan.found.ordered(), keys)
        text = render(plan.found, data)
        path = folder / f"{plan.key}.yaml"
        try:
            problems += check(read_yaml(path, text), DOCUMENT)
        except InputError as exc:
            problems += exc.problems
        texts[plan.key] = text
    if problems:
        raise InputError(problems)
    outcomes = []
    for plan in plans:
        path = folder / f"{plan.key}.yaml"
        wrote = plan.status == NEW and not dry_run
        if wrote:
            if path.exists():
                raise InputError([Problem(path, "tệp vừa xuất hiện trong lúc nhập; không ghi đè, hãy nhập lại.")])
            write_atomic(path, texts[plan.key].encode("utf-8"))
        outcomes.append(Outcome(plan.key, path, plan.status, wrote, plan.detail))
    return Written(outcomes, keys)


def preview(documents: list[Found], folder: Path) -> list[tuple[Outcome, str]]:
    """What write_documents would do, with the text of each file it would write (for --thu and the web page)."""
    written = write_documents(documents, folder, dry_run=True)
    by_key = {d.key: d for d in documents}
    out = []
    for outcome, found in zip(written.outcomes, documents, strict=True):
        text = render(by_key[found.key], _renamed(found.ordered(), written.keys)) if outcome.status == NEW else ""
        out.append((outcome, text))
    return out


def _renamed(data: dict[str, Any], keys: dict[str, str]) -> dict[str, Any]:
    out = dict(data)
    if "thuc_hien" in out:
        out["thuc_hien"] = [keys.get(k, k) for k in out["thuc_hien"]]
    if "trich_yeu_theo" in out:
        out["trich_yeu_theo"] = keys.get(out["trich_yeu_theo"], out["trich_yeu_theo"])
    return out


def _same_file(folder: Path, found: Found) -> bool:
    """A document without a symbol is the one already imported when its file says the same."""
    path = folder / f"{found.key}.yaml"
    try:
        there = read_yaml(path).data
    except InputError:
        return False
    mine = found.ordered()
    return all(there.get(k) == mine.get(k) for k in ("loai", "ten", "co_quan", "trich_yeu", "cum_tu", "ngay"))


def _is_stub(folder: Path, key: str) -> bool:
    try:
        note = read_yaml(folder / f"{key}.yaml").data.get("ghi_chu")
    except InputError:
        return False
    return isinstance(note, str) and note.startswith(STUB_NOTE)
