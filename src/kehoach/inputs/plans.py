"""Plan specifications: which body issues what, implementing which documents, with which text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from kehoach.errors import InputError, Problem
from kehoach.files import check_name
from kehoach.inputs import placeholder_check
from kehoach.inputs.documents import reporting_of, task_from_yaml
from kehoach.inputs.models import Cite, Opening, PlanSpec, Section
from kehoach.inputs.plan_keys import PLAN
from kehoach.inputs.schema import check
from kehoach.inputs.yamlfile import Located, read_yaml
from kehoach.text.symbols import KINDS
from kehoach.text.vntext import PartialDate, nfc, parse_date


def _texts(value: Any) -> tuple[str, ...]:
    """Paragraphs of a text field: a list item each, and each line of a multi-line ("|") text."""
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    return tuple(nfc(line) for v in items for line in str(v).splitlines() if line.strip())


def _section(raw: Any) -> Section:
    if not isinstance(raw, dict):  # a bare string: one paragraph, printed as written
        return Section(paragraphs=_texts(raw), numbered=False)
    return Section(
        title=nfc(str(raw.get("tieu_de") or "")),
        paragraphs=_texts(raw.get("noi_dung")) + _texts(raw.get("them")),
        children=tuple(_section(c) for c in _as_list(raw.get("muc_con"))),
        auto=str(raw.get("tu_dong") or ""),
        numbered=raw.get("danh_so") is not False,
    )


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _opening(raw: Any) -> Opening:
    if raw is None:
        return Opening()
    if isinstance(raw, (str, list)) or "nguyen_van" in raw:
        return Opening(literal=_texts(raw if not isinstance(raw, dict) else raw["nguyen_van"]))
    cites = []
    for item in _as_list(raw.get("van_ban")):
        if isinstance(item, dict):
            cites.append(Cite(nfc(str(item["ma"])), str(item.get("dang") or "day_du"), nfc(str(item.get("tu") or "")),
                              str(item.get("ngan_cach") or "")))
        else:
            cites.append(Cite(nfc(str(item))))
    note = raw.get("viet_tat")
    return Opening(
        word=nfc(str(raw.get("tu") or "Thực hiện")),
        cites=tuple(cites),
        extra=nfc(str(raw.get("bo_sung") or "")),
        short_note=None if note is None else nfc(str(note)),
        joiner=str(raw.get("noi") or ""),
        sentence=nfc(str(raw.get("cau_ban_hanh") or "")),
        style=str(raw.get("kieu") or "liet_ke"),
        sep=str(raw.get("ngan_cach") or "cham_phay"),
    )


def _subject(data: dict[str, Any]) -> tuple[str | None, dict[str, Any]]:
    """(the trích yếu written by hand, or "" for none, or None to compose it; the options for composing it)."""
    if "trich_yeu" not in data:
        return None, {}
    raw = data["trich_yeu"]
    if raw is None:
        return "", {}  # `trich_yeu: ""` or `null`: a document without one (an "Định hướng tuyên truyền")
    if isinstance(raw, dict):
        if "nguyen_van" in raw:
            return nfc(str(raw["nguyen_van"] or "")), raw
        return None, raw
    return nfc(str(raw)), {}


def _present(data: dict[str, Any], key: str, convert: Callable[[Any], Any]) -> Any:
    """None when the key is absent; its converted value, or what an empty value means, when present."""
    if key not in data:
        return None
    return convert(data[key])


def check_plan(file: Path, text: str | None = None) -> tuple[Located, list[Problem]]:
    """The plan file read, and every problem of it; raises InputError only when it cannot be read at all."""
    loc = read_yaml(file, text, strict=False, what="tệp kế hoạch")
    problems = check(loc, PLAN)
    problems = problems or placeholder_check.problems_in(loc, PLAN)
    output = loc.data.get("tep_ra")
    if isinstance(output, str) and (reason := check_name(output)):
        problems.append(loc.problem(("tep_ra",), reason))
    opening = loc.data.get("mo_dau")
    if isinstance(opening, dict) and opening.get("kieu") == "tuong_thuat" and opening.get("noi") not in (
            None, "cham", "cham_doan_moi"):
        problems.append(loc.problem(("mo_dau", "noi"), "mở đầu kiểu tường thuật kết thúc bằng dấu chấm: "
                                    "chọn noi: cham (viết tiếp cùng đoạn) hoặc noi: cham_doan_moi (xuống dòng)"))
    return loc, problems


def load_plan(file: Path, text: str | None = None) -> tuple[PlanSpec, Located]:
    loc, problems = check_plan(file, text)
    if problems:
        raise InputError(problems)
    return plan_from(loc), loc


def plan_from(loc: Located) -> PlanSpec:
    """The model of a plan file that check_plan found no problem in."""
    file = loc.file
    data = loc.data
    kind = data["loai"]
    subject, subject_spec = _subject(data)
    when = parse_date(data["ngay"]) if data.get("ngay") is not None else PartialDate(_this_year())
    assignments = tuple((nfc(a["phong_ban"]), nfc(a["nhiem_vu"])) for a in _as_list(data.get("giao_nhiem_vu")))
    dates = data.get("ngay_trich_dan")
    spec = PlanSpec(
        key=file.stem,
        file=file,
        profile_ref=nfc(str(data["co_quan"])),
        kind=kind,
        type_name=nfc(str(data.get("ten_loai") or KINDS[kind])),
        number=nfc(str(data.get("so") or "")),
        date=when,
        signer=nfc(str(data["nguoi_ky"])) if data.get("nguoi_ky") else None,
        implements=tuple(nfc(str(i)) for i in _as_list(data.get("thuc_hien"))),
        subject=subject,
        subject_prefix=nfc(str(subject_spec.get("cum_tu") or "")),
        subject_of=nfc(str(subject_spec["van_ban"])) if subject_spec.get("van_ban") else None,
        opening=_opening(data.get("mo_dau")),
        # `muc: []` (or null): no sections at all; no `muc`: the sections of the kind.
        sections=_present(data, "muc", lambda v: tuple(_section(s) for s in _as_list(v))),
        # `ket_thuc: ""` (or null): no closing sentence; no `ket_thuc`: the default one.
        closing=_present(data, "ket_thuc", lambda v: nfc(str(v or ""))),
        closing_addressees=nfc(str(data.get("de_nghi") or "")),
        recipients=_texts(data["noi_nhan"]) if data.get("noi_nhan") is not None else None,
        extra_recipients=_texts(data.get("noi_nhan_them")),
        archive=nfc(str(data["luu"])) if data.get("luu") else None,
        addressees=_texts(data.get("kinh_gui")),
        drafting_dept=nfc(str(data.get("phong_soan_thao") or "")),
        assignments=assignments,
        output=nfc(str(data.get("tep_ra") or "")),
        point_style=str(data.get("danh_so_cap_3") or "a)"),
        tasks=tuple(task_from_yaml(t) for t in _as_list(data.get("nhiem_vu"))),
        subject_form=str(subject_spec.get("dang") or ""),
        subject_extra=nfc(str(subject_spec.get("them") or "")),
        subject_case=str(subject_spec.get("chu_dau") or ""),
        type_code=nfc(str(data.get("ky_hieu_loai") or "")),
        numbering=tuple(str(n) for n in _as_list(data.get("danh_so"))),
        long_dates=None if dates is None else dates == "day_du",
        allotment=_texts(data.get("phan_cong")),
        reporting=reporting_of(data.get("bao_cao")),
        units_due=_date_of(data.get("bao_cao"), "han_cap_duoi"),
    )
    return spec


def _date_of(raw: Any, key: str) -> PartialDate | None:
    return parse_date(raw[key]) if isinstance(raw, dict) and raw.get(key) is not None else None


def _this_year() -> int:
    from datetime import date

    return date.today().year
