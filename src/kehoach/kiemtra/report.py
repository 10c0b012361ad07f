"""Findings, the report, and its two renderings (Vietnamese text for people, JSON for programs)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from kehoach.kiemtra.catalog import AREAS, ERROR, SYSTEM_NAMES, WARN

SEVERITY_NAMES = {ERROR: "Lỗi", WARN: "Cảnh báo"}
_COLOURS = {ERROR: "\033[31m", WARN: "\033[33m", "head": "\033[1m", "dim": "\033[2m", "ok": "\033[32m"}
_RESET = "\033[0m"


@dataclass(frozen=True)
class Finding:
    rule_id: str
    severity: str  # "loi" or "canh_bao"
    area: str  # key of catalog.AREAS
    title: str  # short name of the rule
    message: str  # what is wrong here
    rule: str  # what the rule says
    source: str  # where the rule comes from
    suggestion: str  # how to fix it
    paragraph: int | None = None  # index in the reader's paragraph list
    where: str = ""  # "dòng 38", "đoạn 4, bảng 1, hàng 1, cột 2"
    quote: str = ""
    section: str = ""  # the section of the body it is in: "II. NHIỆM VỤ, GIẢI PHÁP › 2. Tuyên truyền"
    # How the workspace build names the same paragraph (docx/locate.py): 'mục “II › 2. …”, đoạn bắt đầu “…”',
    # 'trích yếu, đoạn bắt đầu “…”', 'phần kết, …', 'đoạn bắt đầu “Số: …” ở bảng 1, hàng 1, cột 1'.
    place: str = ""


@dataclass
class Report:
    file: str | None
    system: str
    system_reason: str  # why this system: forced by the user, or the clues that were found
    source_kind: str  # "docx" or "txt"
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # how the file was read (Strict, converted, cut to the document)
    system_certain: bool = True  # False: the marks were few or mixed; rules of one system only warn

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == WARN]

    def rule_ids(self) -> set[str]:
        return {f.rule_id for f in self.findings}


# The words of a report, shared by the text report and the web page (web/templates/_findings.html).
LABELS = {"quote": "Trích", "message": "Vấn đề", "rule": "Quy định", "source": "Nguồn", "suggestion": "Gợi ý sửa"}
TEXT_ONLY = ("Tệp văn bản thuần: chỉ kiểm tra các quy tắc về chữ; định dạng (phông, cỡ chữ, lề) chỉ kiểm tra được trên "
             "tệp .docx.")
CLEAN = "Không phát hiện lỗi hay cảnh báo nào."


def system_line(report: Report) -> str:
    return f"Hệ thống: {SYSTEM_NAMES.get(report.system, report.system)} ({report.system_reason})"


def note_line(note: str) -> str:
    """A note of the reader ("tệp được lưu dạng Strict …", "chỉ kiểm tra phần văn bản …") as the report prints it."""
    return f"Ghi chú: {note[0].upper()}{note[1:]}"


def total_line(report: Report) -> str:
    return f"Tổng cộng: {len(report.errors)} lỗi, {len(report.warnings)} cảnh báo."


def format_text(report: Report, color: bool = False) -> str:
    def paint(text: str, key: str) -> str:
        return f"{_COLOURS[key]}{text}{_RESET}" if color else text

    name = report.file or "(văn bản)"
    lines = [paint(f"Kiểm tra thể thức: {name}", "head"), system_line(report)]
    for note in report.notes:
        lines.append(paint(note_line(note), "dim"))
    if report.source_kind == "txt":
        lines.append(paint(TEXT_ONLY, "dim"))
    if not report.findings:
        lines.append(paint(CLEAN, "ok"))
        return "\n".join(lines) + "\n"
    for area, area_title in AREAS.items():
        group = [f for f in report.findings if f.area == area]
        if not group:
            continue
        lines += ["", paint(f"== {area_title} ==", "head")]
        for finding in sorted(group, key=lambda f: (f.paragraph if f.paragraph is not None else -1, f.rule_id)):
            label = paint(f"[{SEVERITY_NAMES[finding.severity]}]", finding.severity)
            where = place_of(finding)
            lines.append(f"{label} {finding.rule_id} {finding.title}{where}")
            if finding.quote:
                lines.append(f"    {LABELS['quote']}: “{finding.quote}”")
            lines.append(f"    {LABELS['message']}: {finding.message}")
            lines.append(f"    {LABELS['rule']}: {finding.rule}")
            lines.append(f"    {LABELS['source']}: {finding.source}")
            if finding.suggestion:
                lines.append(f"    {LABELS['suggestion']}: {finding.suggestion}")
    lines += ["", paint(total_line(report), "head")]
    return "\n".join(lines) + "\n"


def place_of(finding: Finding) -> str:
    """' (mục “II. …”, đoạn bắt đầu “…”; đoạn 13)': the build's name for the place first, then the paragraph number."""
    parts = [finding.place or (f"mục “{finding.section}”" if finding.section else ""), finding.where]
    shown = "; ".join(part for part in parts if part)
    return f" ({shown})" if shown else ""


def to_json(report: Report) -> str:
    """Machine-readable report: English keys (stable for programs), Vietnamese values."""
    return json.dumps(to_dict(report), ensure_ascii=False, indent=2)


def to_dict(report: Report) -> dict[str, object]:
    """The report as `to_json` writes it, before it is written (a batch writes many in one document)."""
    return {
        "file": report.file,
        "system": report.system,
        "system_reason": report.system_reason,
        "system_certain": report.system_certain,
        "source_kind": report.source_kind,
        "errors": len(report.errors),
        "warnings": len(report.warnings),
        "notes": report.notes,
        "findings": [asdict(f) for f in report.findings],
    }
