"""Documents that plans implement (Chỉ thị, Kế hoạch …), loaded from YAML and linked by key."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError, Problem
from .models import SYSTEMS, DocRef, Task
from .paths import find_document
from .schema import Field, ListOf, Shape, check
from .symbols import parse_symbol, type_code
from .vntext import lower_first, nfc, parse_date
from .yamlfile import Located, read_yaml

TASK = Shape({"tieu_de": Field(str, required=True), "noi_dung": Field("text"), "giao_cho": Field(ListOf(str))},
             shorthand="tieu_de")
DOCUMENT = Shape({
    "loai": Field(str, required=True),
    "so_ky_hieu": Field(str),
    "so": Field(str),
    "ky_hieu": Field(str),
    "ngay": Field("date"),
    "co_quan": Field(str, required=True),
    "he_thong": Field(str, choices=SYSTEMS),
    "trich_yeu": Field(str),
    "cum_tu": Field(str),
    "trich_yeu_theo": Field(str),
    "thuc_hien": Field(ListOf(str)),
    "nhiem_vu": Field(ListOf(TASK)),
    "ghi_chu": Field("text"),
})


def key_of(ref: str) -> str:
    """Documents are known by file stem whether named by key or by path."""
    return Path(ref).stem if ref.endswith((".yaml", ".yml")) else ref


def task_from_yaml(raw: Any) -> Task:
    if isinstance(raw, str):
        return Task(nfc(raw))
    body = raw.get("noi_dung") or []
    paragraphs = [body] if isinstance(body, str) else body
    owners = raw.get("giao_cho") or []
    return Task(nfc(raw["tieu_de"]), tuple(nfc(str(p)) for p in paragraphs),
                tuple(nfc(str(o)) for o in (owners if isinstance(owners, list) else [owners])))


def _symbol_parts(loc: Located, problems: list[Problem]) -> tuple[str, str, str, str]:
    data = loc.data
    text = data.get("so_ky_hieu")
    if text is None and data.get("ky_hieu") is not None:
        number = str(data.get("so") or "")
        sym = str(data["ky_hieu"])
        text = f"{number}-{sym}" if "/" in sym and "-" not in sym.split("/")[0] else f"{number}/{sym}"
    if text is None:
        problems.append(loc.problem(("so_ky_hieu",), "thiếu số, ký hiệu (ví dụ so_ky_hieu: 349/KH-TLĐ)"))
        return "", "", "", "nha_nuoc"
    try:
        return parse_symbol(str(text))
    except ValueError as exc:
        problems.append(loc.problem(("so_ky_hieu",), str(exc)))
        return "", "", "", "nha_nuoc"


def load_document(file: Path) -> DocRef:
    loc = read_yaml(file)
    problems = check(loc, DOCUMENT)
    if problems:
        raise InputError(problems)
    data = loc.data
    number, code, issuer_symbol, system = _symbol_parts(loc, problems)
    if problems:
        raise InputError(problems)
    type_name = nfc(str(data["loai"]))
    expected = type_code(type_name, system)
    if code and expected and code != expected:
        problems.append(loc.problem(("so_ky_hieu",), f"ký hiệu loại '{code}' không khớp với loại '{type_name}' ({expected})"))
    if data.get("he_thong"):
        system = data["he_thong"]
    elif system == "nha_nuoc" and any(word in issuer_symbol for word in ("TLĐ", "LĐLĐ", "CĐ")):
        system = "cong_doan"
    if problems:
        raise InputError(problems)
    subject = data.get("trich_yeu")
    implements = data.get("thuc_hien") or []
    if isinstance(implements, str):
        implements = [implements]
    tasks = data.get("nhiem_vu") or []
    return DocRef(
        key=file.stem,
        type_name=type_name[:1].upper() + type_name[1:],
        type_code=code,
        number=number,
        issuer_symbol=issuer_symbol,
        system=system,
        date=parse_date(data["ngay"]) if data.get("ngay") is not None else None,
        issuer=nfc(str(data["co_quan"])),
        subject=lower_first(nfc(str(subject))) if subject else None,
        subject_prefix=nfc(str(data.get("cum_tu") or "về thực hiện")),
        subject_of=data.get("trich_yeu_theo"),
        implements=tuple(nfc(str(i)) for i in implements),
        tasks=tuple(task_from_yaml(t) for t in (tasks if isinstance(tasks, list) else [tasks])),
        file=file,
    )


@dataclass
class Library:
    """Every document a plan can reach, loaded once, found by key near the file that names it."""

    docs: dict[str, DocRef] = field(default_factory=dict)

    def add(self, doc: DocRef) -> None:
        self.docs[doc.key] = doc

    def resolve(self, ref: str, relative_to: Path | None, origin: Located | None = None,
                path: tuple[Any, ...] = ()) -> DocRef:
        """The document and, transitively, everything it implements."""
        return self._resolve(ref, relative_to, origin, path, ())

    def _resolve(self, ref: str, relative_to: Path | None, origin: Located | None, path: tuple[Any, ...],
                 stack: tuple[str, ...]) -> DocRef:
        key = key_of(ref)
        if key in stack:
            chain = " → ".join(stack + (key,))
            raise InputError([Problem(relative_to, f"văn bản thực hiện vòng tròn: {chain}")])
        doc = self.docs.get(key)
        if doc is None:
            file = find_document(ref, relative_to)
            if file is None:
                message = f"không tìm thấy văn bản '{ref}' (tệp {key}.yaml trong thư mục van-ban/)"
                raise InputError([origin.problem(path, message) if origin else Problem(relative_to, message)])
            doc = load_document(file)
            self.docs[key] = doc
        for i, parent in enumerate(doc.implements):
            self._resolve(parent, doc.file.parent if doc.file else relative_to, None, ("thuc_hien", i), stack + (key,))
        return doc

    def chain(self, doc: DocRef) -> list[DocRef]:
        """The document and everything above it, nearest first, each once."""
        seen: dict[str, DocRef] = {}
        queue = [doc]
        while queue:
            current = queue.pop(0)
            if current.key in seen:
                continue
            seen[current.key] = current
            queue += [self.docs[key_of(k)] for k in current.implements if key_of(k) in self.docs]
        return list(seen.values())
