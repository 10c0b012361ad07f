"""Documents that plans implement (Chỉ thị, Kế hoạch …), loaded from YAML and linked by key."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kehoach.errors import InputError, Problem
from kehoach.inputs import placeholder_check
from kehoach.inputs.document_keys import DOCUMENT
from kehoach.inputs.models import DocRef, Reporting, Task
from kehoach.inputs.paths import document_dirs, find_document, not_found
from kehoach.inputs.schema import check
from kehoach.inputs.yamlfile import Located, read_yaml
from kehoach.text.symbols import KINDS, parse_symbol, type_code
from kehoach.text.vntext import lower_first, nfc, parse_date


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
        return "", "", "", "nha_nuoc"  # a document without a number: cited by its name (see load_document)
    try:
        return parse_symbol(str(text))
    except ValueError as exc:
        problems.append(loc.problem(("so_ky_hieu",), str(exc)))
        return "", "", "", "nha_nuoc"


def load_document(file: Path, text: str | None = None) -> DocRef:
    """`text`, when given, is the content of `file` (a form not yet saved)."""
    loc = read_yaml(file, text, strict=False, what="tệp văn bản")
    problems = check(loc, DOCUMENT)
    problems = problems or placeholder_check.problems_in(loc, DOCUMENT)
    if problems:
        raise InputError(problems)
    data = loc.data
    number, code, issuer_symbol, system = _symbol_parts(loc, problems)
    if problems:
        raise InputError(problems)
    type_name = nfc(str(data["loai"]))
    type_name = type_name[:1].upper() + type_name[1:]
    subject = data.get("trich_yeu")
    numbered = data.get("so_ky_hieu") is not None or data.get("ky_hieu") is not None
    name = ""
    if not numbered:
        # "Chương trình công tác năm 2023 của Ban Chấp hành Hội …": the type and the trích yếu are its name.
        name = nfc(str(data.get("ten") or f"{type_name} {lower_first(nfc(str(subject or '')))}"))
        if not data.get("ten") and not subject:
            problems.append(loc.problem(("so_ky_hieu",), "cần số, ký hiệu (ví dụ so_ky_hieu: 349/KH-TLĐ), hoặc tên "
                                        "của văn bản không số ('ten', hoặc 'trich_yeu')"))
    elif not data.get("co_quan"):
        problems.append(loc.problem(("co_quan",), "thiếu khóa bắt buộc 'co_quan' (cơ quan ban hành, như viết sau chữ \"của\")"))
    expected = type_code(type_name, system)
    if code and expected and code != expected:
        problems.append(loc.problem(("so_ky_hieu",), f"ký hiệu loại '{code}' không khớp với loại '{type_name}' ({expected})"))
    if data.get("he_thong"):
        system = data["he_thong"]
    elif system == "nha_nuoc" and any(word in issuer_symbol for word in ("TLĐ", "LĐLĐ", "CĐ")):
        system = "cong_doan"
    if problems:
        raise InputError(problems)
    implements = data.get("thuc_hien") or []
    if isinstance(implements, str):
        implements = [implements]
    tasks = data.get("nhiem_vu") or []
    return DocRef(
        key=file.stem,
        type_name=type_name,
        type_code=code,
        number=number,
        issuer_symbol=issuer_symbol,
        system=system,
        date=parse_date(data["ngay"]) if data.get("ngay") is not None else None,
        issuer=nfc(str(data.get("co_quan") or "")),
        subject=lower_first(nfc(str(subject))) if subject and not name else None,
        subject_prefix=nfc(str(data.get("cum_tu") or "về thực hiện")),
        subject_of=data.get("trich_yeu_theo"),
        implements=tuple(nfc(str(i)) for i in implements),
        tasks=tuple(task_from_yaml(t) for t in (tasks if isinstance(tasks, list) else [tasks])),
        file=file,
        people=nfc(str(data.get("doi_tuong") or "")),
        name=name,
        term=term_of(data.get("khoa")),
        about=data.get("them_ve"),
        reporting=reporting_of(data.get("bao_cao"), system),
    )


def reporting_of(raw: Any, system: str = "") -> Reporting | None:
    """A `bao_cao` group ({ve, qua, han}) as a Reporting; None when absent or naming no one."""
    if not isinstance(raw, dict):
        return None
    due = parse_date(raw["han"]) if raw.get("han") is not None else None
    return Reporting(nfc(str(raw.get("ve") or "")), nfc(str(raw.get("qua") or "")), due, system)


def term_of(value: object) -> str:
    """'XV', 'khóa XV' or '(khóa XV)' → 'XV': the term of a committee, printed '(khóa XV)'."""
    if value is None:
        return ""
    text = nfc(str(value)).strip("() ")
    return nfc(re.sub(r"^(khóa|khoá)\s*", "", text, flags=re.IGNORECASE))


def is_plan(file: Path) -> bool:
    """Plans and documents share a folder tree; a plan names its kind by code (loai: ke_hoach), read by the one
    YAML loader (flow style, quoted keys and a BOM included). A file that cannot be read is not a plan: loading it
    as a document then says why."""
    try:
        kind = read_yaml(file, strict=False).data.get("loai")
    except InputError:
        return False
    return isinstance(kind, str) and kind in KINDS


# What a plan needs to become a parent: its citable form and every file that form was made from.
PlanLoader = Callable[[Path, "Library"], tuple[DocRef, frozenset[Path]]]
RecordLoader = Callable[[Path], list[DocRef]]


@dataclass
class Library:
    """Every document one plan can reach, found by key near the file that names it.

    `cache` may be shared by the plans of one build (keyed by file, so a parent read once serves thousands of
    children); `docs` holds only what this plan reached, so a plan's placeholders never depend on its neighbours.
    """

    docs: dict[str, DocRef] = field(default_factory=dict)
    files: dict[str, frozenset[Path]] = field(default_factory=dict)  # document key → files its text comes from
    cache: dict[Path, tuple[DocRef, frozenset[Path]]] = field(default_factory=dict)
    index: dict[str, Path] | None = None  # key → file, built once for a workspace instead of searching folders
    plan_loader: PlanLoader | None = None
    record_loader: RecordLoader | None = None
    loading: set[Path] = field(default_factory=set)  # plans being turned into parents: catches a plan implementing itself

    def add(self, doc: DocRef, files: frozenset[Path] = frozenset()) -> None:
        self.docs[doc.key] = doc
        self.files[doc.key] = files

    def fresh(self) -> Library:
        """An empty view for another plan, sharing what has been read."""
        return Library(cache=self.cache, index=self.index, plan_loader=self.plan_loader,
                       record_loader=self.record_loader, loading=self.loading)

    def resolve(self, ref: str, relative_to: Path | None, origin: Located | None = None,
                path: tuple[Any, ...] = ()) -> DocRef:
        """The document and, transitively, everything it implements."""
        return self._resolve(ref, relative_to, origin, path, ())

    def _find(self, ref: str, relative_to: Path | None) -> Path | None:
        key = key_of(ref)
        if self.index is not None and ref in self.index:
            return self.index[ref]
        found = find_document(ref, relative_to)
        if found is None and key != ref:  # "21-ct-tw.yaml" written for the document 21-ct-tw
            found = self.index.get(key) if self.index is not None else None
            found = found or find_document(key, relative_to)
        return found

    def _resolve(self, ref: str, relative_to: Path | None, origin: Located | None, path: tuple[Any, ...],
                 stack: tuple[str, ...]) -> DocRef:
        if ref.endswith((".docx", ".json")):
            return self._resolve_record(ref, relative_to, origin, path)
        key = key_of(ref)
        if key in stack:
            chain = " → ".join(stack + (key,))
            raise InputError([Problem(relative_to, f"văn bản thực hiện vòng tròn: {chain}")])
        if key in self.docs:
            return self.docs[key]
        file = self._find(ref, relative_to)
        if file is None:
            message = not_found("văn bản", ref, document_dirs(relative_to), self.index or (), by_path=False)
            raise InputError([origin.problem(path, message) if origin else Problem(relative_to, message)])
        cached = self.cache.get(file)
        if cached is None:
            if is_plan(file) and self.plan_loader is not None:
                if file in self.loading:
                    raise InputError([Problem(file, f"kế hoạch thực hiện vòng tròn: {' → '.join(stack + (key,))}")])
                self.loading.add(file)
                try:
                    cached = self.plan_loader(file, self.fresh())
                finally:
                    self.loading.discard(file)
            else:
                loaded = load_document(file)
                found = {file}
                for i, parent in enumerate(loaded.implements):
                    self._resolve(parent, file.parent, None, ("thuc_hien", i), stack + (key,))
                    found |= self.files.get(key_of(parent), frozenset())
                cached = (loaded, frozenset(found))
            self.cache[file] = cached
        doc, files = cached
        self.add(doc, files)
        # Bring the whole chain above into this plan's view (cheap: everything is cached by now).
        for i, parent in enumerate(doc.implements):
            if key_of(parent) not in self.docs:
                self._resolve(parent, file.parent, None, ("thuc_hien", i), stack + (key,))
        return doc

    def _resolve_record(self, ref: str, relative_to: Path | None, origin: Located | None,
                        path: tuple[Any, ...]) -> DocRef:
        file = Path(ref)
        if not file.is_absolute() and relative_to is not None and not file.exists():
            file = relative_to / file
        if self.record_loader is None:
            raise InputError([Problem(file, "ở đây chỉ dùng được văn bản viết thành tệp .yaml (trong van-ban/); để "
                                            f"dùng tệp Word này, nhập nó trước: kehoach nhap {file}")])
        try:
            chain = self.record_loader(file)
        except InputError as exc:
            if origin is None:
                raise
            raise InputError([origin.problem(path, str(p.message)) for p in exc.problems]) from None
        for doc in chain:
            self.add(doc, frozenset({file}))
        return chain[0]

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

    def sources(self, keys: list[str]) -> set[Path]:
        found: set[Path] = set()
        for key in keys:
            found |= self.files.get(key_of(key), frozenset())
        return found

