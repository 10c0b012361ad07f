"""Plan specifications: which body issues what, implementing which documents, with which text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kehoach.errors import InputError
from kehoach.files import check_name
from kehoach.inputs.documents import task_from_yaml
from kehoach.inputs.models import Opening, PlanSpec, Section
from kehoach.inputs.plan_keys import PLAN
from kehoach.inputs.schema import check
from kehoach.inputs.yamlfile import Located, read_yaml
from kehoach.text.symbols import KINDS
from kehoach.text.vntext import PartialDate, nfc, parse_date


def _texts(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    return tuple(nfc(str(v)) for v in items if str(v).strip())


def _section(raw: dict[str, Any]) -> Section:
    return Section(
        title=nfc(str(raw.get("tieu_de") or "")),
        paragraphs=_texts(raw.get("noi_dung")) + _texts(raw.get("them")),
        children=tuple(_section(c) for c in _as_list(raw.get("muc_con"))),
        auto=str(raw.get("tu_dong") or ""),
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
        if isinstance(item, str):
            cites.append((nfc(item), "day_du"))
        else:
            cites.append((nfc(item["ma"]), item.get("dang", "day_du")))
    note = raw.get("viet_tat")
    return Opening(
        word=raw.get("tu", "Thực hiện"),
        cites=tuple(cites),
        extra=nfc(str(raw.get("bo_sung") or "")),
        short_note="viết tắt là" if note is None else nfc(str(note)),
        joiner=raw.get("noi", ""),
        sentence=nfc(str(raw.get("cau_ban_hanh") or "")),
    )


def load_plan(file: Path, text: str | None = None) -> tuple[PlanSpec, Located]:
    loc = read_yaml(file, text, strict=False)
    problems = check(loc, PLAN)
    output = loc.data.get("tep_ra")
    if isinstance(output, str) and (reason := check_name(output)):
        problems.append(loc.problem(("tep_ra",), reason))
    if problems:
        raise InputError(problems)
    data = loc.data
    kind = data["loai"]
    subject = data.get("trich_yeu")
    if isinstance(subject, dict) and "nguyen_van" in subject:
        subject = subject["nguyen_van"]
    subject_spec = subject if isinstance(subject, dict) else {}
    when = parse_date(data["ngay"]) if data.get("ngay") is not None else PartialDate(_this_year())
    assignments = tuple((nfc(a["phong_ban"]), nfc(a["nhiem_vu"])) for a in _as_list(data.get("giao_nhiem_vu")))
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
        subject=nfc(subject) if isinstance(subject, str) else None,
        subject_prefix=nfc(str(subject_spec.get("cum_tu") or "")),
        subject_of=nfc(subject_spec["van_ban"]) if subject_spec.get("van_ban") else None,
        opening=_opening(data.get("mo_dau")),
        sections=tuple(_section(s) for s in _as_list(data.get("muc"))),
        closing=nfc(str(data["ket_thuc"])) if data.get("ket_thuc") is not None else None,
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
    )
    return spec, loc


def _this_year() -> int:
    from datetime import date

    return date.today().year
