"""The frame of a document read: type, number and symbol, place and date, issuer lines, trích yếu, opening.

The parts are found by kiemtra's structure search (the same on a .docx, a PDF laid out by layout.py, a scan, and
flattened text); the values are read with the project's own rules: parse_symbol for the number line, parse_date for
the date line, the type names of text/symbols.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kehoach.docx.model import Para
from kehoach.drafting.cited import ISSUING_VERBS
from kehoach.drafting.predicate import name_before
from kehoach.kiemtra.detect import detect_system
from kehoach.kiemtra.structure import KHOAN, Layout, analyse, is_caps, roman_heading
from kehoach.nhap.sources import Source
from kehoach.text.symbols import TYPE_CODES, parse_symbol, symbol
from kehoach.text.vntext import PartialDate, nfc, parse_date, upper_first

_NUMBER = re.compile(r"^Số\s*:?\s*(.*)$")
_DATE = re.compile(r"^(?P<place>[^,]{2,40}),\s*(?P<date>ngày\b.*)$")
OPENING_WORDS = re.compile(r"^(Thực hiện|Căn cứ|Triển khai|Theo|Thi hành|Để|Tiếp tục|Ngày)\b")
# Who issues, as the opening's last sentence names it: "…, Ban Thường vụ Huyện ủy xây dựng Kế hoạch …".
_ISSUING = re.compile(rf"(?:^|[,.;]\s+)(?P<who>(?:Ban|Ủy ban|UBND|Liên đoàn|LĐLĐ|Tỉnh ủy|Huyện ủy|Thành ủy|Thị ủy|Đảng ủy|"
                      rf"Công đoàn|Hội|Sở|Thường trực|Đoàn|Trung tâm|Văn phòng|Mặt trận|Bộ|Chính phủ|Thủ tướng|Tổng)"
                      rf"[^,.;:]{{2,90}}?)\s+(?:{ISSUING_VERBS})\b")


@dataclass
class Header:
    layout: Layout
    system: str  # "nha_nuoc", "dang", "cong_doan" (kiemtra.detect)
    type_name: str = ""  # "Kế hoạch", "Kế hoạch hành động", "Công văn"
    symbol: str = ""  # the number line's symbol as read: "470/KH-LĐLĐ", "-KH/TU"
    parts: tuple[str, str, str, str] | None = None  # parse_symbol of it
    date: PartialDate | None = None
    place: str = ""
    issuer_lines: list[str] = field(default_factory=list)  # capitals as printed, parent body first
    issuer_bold: list[bool | None] = field(default_factory=list)
    subject: str = ""  # the trích yếu (title block or V/v line)
    opening: list[int] = field(default_factory=list)  # paragraphs before the first section
    issuing_body: str = ""  # "Ban Thường vụ Huyện ủy", from the opening's last sentence
    issuing_at: int = 0  # where that sentence's issuer starts in the opening's text (its paragraphs joined by " ")
    authority: str = ""  # "TM. BAN THƯỜNG VỤ"
    where: dict[str, int] = field(default_factory=dict)  # what → paragraph index
    problems: list[tuple[str, str, int | None]] = field(default_factory=list)  # (key, message, paragraph)


def _bold(para: Para) -> bool | None:
    texts = [r for r in para.runs if r.text.strip()]
    return sum(r.bold for r in texts) > len(texts) / 2 if texts else None


def read_header(source: Source) -> Header:
    model = source.model
    paras = model.paragraphs
    layout = analyse(model)
    system, _reason = detect_system(model)
    header = Header(layout, system)
    if layout.number is not None:
        _number(header, paras[layout.number])
    if layout.date is not None:
        _date(header, paras[layout.date])
    header.issuer_lines = [paras[i].clean for i in layout.issuer]
    header.issuer_bold = [_bold(paras[i]) for i in layout.issuer]
    if layout.issuer:
        header.where["co_quan"] = layout.issuer[0]
    _type(header, paras)
    if layout.vv:
        header.subject = nfc(" ".join(paras[i].clean for i in layout.vv))
        header.where["trich_yeu"] = layout.vv[0]
    elif layout.trich_yeu:
        header.subject = nfc(" ".join(paras[i].clean for i in layout.trich_yeu))
        header.where["trich_yeu"] = layout.trich_yeu[0]
    header.opening = _opening(paras, layout)
    if header.opening:
        header.where["mo_dau"] = header.opening[0]
        text = " ".join(paras[i].clean for i in header.opening)
        found = list(_ISSUING.finditer(text))
        header.issuing_at = found[-1].start("who") if found else len(text)
        if found:
            header.issuing_body = nfc(re.sub(r"\s*\([^)]*\)", "", name_before(found[-1]["who"])))
    if layout.authority is not None:
        header.authority = paras[layout.authority].clean
    return header


def _number(header: Header, para: Para) -> None:
    header.where["so_ky_hieu"] = para.index
    raw = _NUMBER.match(para.clean)
    text = raw[1] if raw else para.clean
    try:
        header.parts = parse_symbol(text)
    except ValueError:
        header.problems.append(("so_ky_hieu", f"dòng số, ký hiệu '{para.clean}' không đọc được", para.index))
        return
    number, code, issuer, system = header.parts
    header.symbol = symbol(number, code, issuer, system)


def _date(header: Header, para: Para) -> None:
    header.where["ngay"] = para.index
    match = _DATE.match(para.clean)
    if not match:
        return
    header.place = nfc(match["place"])
    try:
        header.date = parse_date(re.sub(r"[.…_]+", " ", match["date"]))
    except ValueError as exc:
        header.problems.append(("ngay", f"ngày '{para.clean}' không đọc được: {exc}", para.index))


def _type(header: Header, paras: list[Para]) -> None:
    layout = header.layout
    if layout.title is not None:
        title = paras[layout.title].clean
        header.type_name = upper_first(title.lower()) if is_caps(title) else title
        header.where["loai"] = layout.title
    elif layout.doc_type == "CÔNG VĂN":
        header.type_name = "Công văn"
    elif header.parts and header.parts[1]:
        names = [name for name, code in TYPE_CODES.items() if code == header.parts[1]]
        if names:
            header.type_name = upper_first(names[0])


def _opening(paras: list[Para], layout: Layout) -> list[int]:
    """The paragraphs before the first numbered section: the citations and the issuing sentence."""
    out: list[int] = []
    for i in layout.body:
        text = paras[i].clean
        if roman_heading(text) or KHOAN.match(text) or (out and len(out) >= 3):
            break
        if not out and not OPENING_WORDS.match(text) and i not in layout.kinh_gui_items:
            if layout.kinh_gui is not None and i < layout.kinh_gui:
                continue
        if i in layout.kinh_gui_items or i == layout.kinh_gui:
            continue
        out.append(i)
    return out
