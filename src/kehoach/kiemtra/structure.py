"""Find the parts of a document (header, title, body, signature, Nơi nhận) from its paragraphs.

The same search runs on a .docx and on flattened plain text. In plain text the header and the signature column may be
missing or interleaved (the seeds are like that), so every part is optional and the rules only check what is found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kehoach.docx.model import Model, Para
from kehoach.text.numbering import DIEM, KHOAN, is_caps, roman_heading
from kehoach.text.symbols import STATE_OVERRIDES, TITLED
from kehoach.text.symbols import TYPE_CODES as SHARED_CODES
from kehoach.text.vntext import upper_vi

# Tên loại in hoa → chữ viết tắt, from the table the generator uses (symbols.py); Quy định is written as the State
# writes it ("QyĐ") and told apart by system in rules_header.
TYPE_CODES = {upper_vi(name): STATE_OVERRIDES.get(name, SHARED_CODES[name]) for name in TITLED}
# A signing prefix however it is typed: "TM. ", "TM ", "TM.BAN" (no space), "T/M ", "K/T "; "Q." needs its dot.
AUTHORITY_LOOSE = re.compile(r"^(?:(?:T\s*/\s*M|K\s*/\s*T|T\s*/\s*L)\s*|(?:TM|KT|TL|TUQ)(?:\s*\.\s*|\s+)|Q\.\s*)\S")
DATE_LOOSE = re.compile(r"^[^,]{2,40},?\s*ngày\b.*\bnăm\s*\d{0,4}$")
# The subject of a công văn under its number: "V/v …", also mistyped "v/v", "V/V" or written out "Về việc …".
SUBJECT = re.compile(r"^(V/v|v/v|V/V|Về việc|về việc)\s")
NOI_NHAN = re.compile(r"^nơi nhận\b", re.IGNORECASE)
QUOC_HIEU = re.compile(r"^CỘNG HO?[ÒÀ]A?\b.*XÃ HỘI", re.IGNORECASE)
PARTY_TITLE = "ĐẢNG CỘNG SẢN VIỆT NAM"
# An issuer's name written in small letters above the number line ("UBND Huyện Sơn Hà", "Huyện ủy Sơn Hà"): a header
# line all the same (TT-10 asks for capitals), not a line of the page around the document.
ISSUER_NAME = re.compile(r"^(UBND|HĐND|Ủy ban|Uỷ ban|Hội đồng|Sở|Phòng|Ban|Văn phòng|(Huyện|Tỉnh|Thành|Quận|Thị|Đảng) ủy|"
                         r"Đảng bộ|Chi bộ|Liên đoàn|Công đoàn|Hội|Đoàn|Tỉnh đoàn|Huyện đoàn|Thành đoàn|Mặt trận|"
                         r"Bộ|Cục|Chi cục|Tổng cục|Tỉnh|Thành phố|Huyện|Quận|Thị xã|Xã|Phường|Thị trấn|Đặc khu)\s+\S",
                         re.IGNORECASE)
DOAN_TITLE = re.compile(r"^ĐOÀN (TNCS|THANH NIÊN CỘNG SẢN) HỒ CHÍ MINH$")
TITLE_WORDS = 7


def title_type(text: str) -> str | None:
    """The document type a standalone title line names ("KẾ HOẠCH HÀNH ĐỘNG" → "KẾ HOẠCH")."""
    upper = text.upper()
    if len(text.split()) > TITLE_WORDS or text.rstrip()[-1:] in ".,;:":
        return None
    for name in sorted(TYPE_CODES, key=len, reverse=True):
        if upper == name or (upper.startswith(name + " ") and is_caps(text)):
            return name
    return None


@dataclass
class Layout:
    quoc_hieu: int | None = None
    tieu_ngu: int | None = None
    party_title: int | None = None
    doan_title: int | None = None  # "ĐOÀN TNCS HỒ CHÍ MINH"
    issuer: list[int] = field(default_factory=list)
    star: int | None = None
    number: int | None = None
    date: int | None = None
    vv: list[int] = field(default_factory=list)
    title: int | None = None
    doc_type: str | None = None  # "KẾ HOẠCH" …, or "CÔNG VĂN"
    trich_yeu: list[int] = field(default_factory=list)
    after_trich_yeu: int | None = None  # the paragraph that should hold the rule / "-----"
    kinh_gui: int | None = None
    kinh_gui_items: list[int] = field(default_factory=list)
    body: list[int] = field(default_factory=list)
    noi_nhan: int | None = None
    noi_nhan_items: list[int] = field(default_factory=list)
    authority: int | None = None
    authority_more: list[int] = field(default_factory=list)  # "KT. CHỦ TỊCH" under "TM. ỦY BAN NHÂN DÂN"
    chuc_vu: int | None = None
    name: int | None = None
    blank_before_name: int = 0
    header_table: bool = False


def analyse(model: Model) -> Layout:
    paras = model.paragraphs
    layout = Layout()
    text = [p.clean for p in paras]
    layout.header_table = any(p.table == 0 and (QUOC_HIEU.match(p.clean) or p.clean.upper() == PARTY_TITLE
                                                 or DOAN_TITLE.match(p.clean) or p.clean.startswith("Số"))
                              for p in paras)
    limit = min(len(paras), 60)
    layout.title = next((i for i in range(limit) if paras[i].kind == "body" and title_type(text[i])), None)
    layout.kinh_gui = next((i for i in range(limit) if text[i].lower().startswith("kính gửi")), None)
    head_end = _head_end(paras, layout)
    _find_header(paras, layout, head_end)
    layout.doc_type = title_type(text[layout.title]) if layout.title is not None else None
    if layout.doc_type is None and (layout.vv or layout.kinh_gui is not None):
        layout.doc_type = "CÔNG VĂN"
    body_start = _find_title_block(model, layout, head_end)
    _find_closing(paras, layout, body_start)
    return layout


def _head_end(paras: list[Para], layout: Layout) -> int:
    if layout.title is not None:
        return layout.title
    if layout.kinh_gui is not None:
        return layout.kinh_gui
    for i, p in enumerate(paras):
        if p.kind == "body" and (len(p.clean) > 150 or roman_heading(p.clean) or KHOAN.match(p.clean)):
            return i
    return len(paras)


def _find_header(paras: list[Para], layout: Layout, head_end: int) -> None:
    for i in range(head_end):
        p, t = paras[i], paras[i].clean
        if not t:
            continue
        if layout.quoc_hieu is None and QUOC_HIEU.match(t):
            layout.quoc_hieu = i
        elif layout.tieu_ngu is None and "độc lập" in t.lower() and "hạnh phúc" in t.lower():
            layout.tieu_ngu = i
        elif layout.party_title is None and t.upper().replace("  ", " ") == PARTY_TITLE:
            layout.party_title = i
        elif layout.doan_title is None and DOAN_TITLE.match(t):
            layout.doan_title = i
        elif layout.number is None and re.match(r"^Số\b", t) and re.search(r"[/\-]", t):
            layout.number = i
        elif layout.date is None and DATE_LOOSE.match(t) and len(t) < 80:
            layout.date = i
        elif t in ("*", "***"):
            layout.star = i
        elif SUBJECT.match(t) or (layout.vv and not layout.date and not is_caps(t) and p.kind == "body"):
            layout.vv.append(i)
        elif layout.header_table and layout.number is not None and i > layout.number and \
                p.cell == paras[layout.number].cell and not is_caps(t) and not DATE_LOOSE.match(t):
            layout.vv.append(i)  # Party công văn: the subject under the number has no "V/v"
    # Issuer lines: capitals above the number line, in the number's column when there is a header table.
    stop = min(x for x in (layout.star, layout.number, head_end) if x is not None)
    number_cell = paras[layout.number].col if layout.number is not None else None
    named = _names_in_small_letters(paras, layout, stop)
    for i in range(stop):
        t = paras[i].clean
        if not t or not (is_caps(t) or i in named) or \
                i in (layout.quoc_hieu, layout.party_title, layout.doan_title, layout.tieu_ngu):
            continue
        if layout.header_table and number_cell is not None and paras[i].col != number_cell:
            continue
        layout.issuer.append(i)


def _names_in_small_letters(paras: list[Para], layout: Layout, stop: int) -> set[int]:
    """The lines right above the number line (or its "*") that name a body in small letters ("UBND Huyện Sơn Hà",
    "Ủy ban nhân dân" / "xã Tân Hòa"): the issuer, written against TT-10. None without a number line."""
    if layout.number is None:
        return set()
    found: set[int] = set()
    for i in range(stop - 1, -1, -1):
        t = paras[i].clean
        if not t or is_caps(t):
            continue
        if not ISSUER_NAME.match(t) or len(t.split()) > 10 or t[-1] in ".:;,":
            break
        found.add(i)
    return found


def _find_title_block(model: Model, layout: Layout, head_end: int) -> int:
    paras = model.paragraphs
    start = max([i + 1 for i in (layout.number, layout.date, layout.star, *layout.vv, *layout.issuer,
                                 layout.quoc_hieu, layout.tieu_ngu, layout.party_title, layout.doan_title)
                  if i is not None] or [0])
    start = max(start, max((i + 1 for i, p in enumerate(paras) if layout.header_table and p.table == 0), default=0))
    if layout.title is not None:
        i = layout.title + 1
        while i < len(paras) and not paras[i].clean and model.source == "docx":
            i += 1
        first = paras[i] if i < len(paras) else None
        while i < len(paras) and paras[i].clean and paras[i].clean != "-----" and len(layout.trich_yeu) < 6:
            p = paras[i]
            if model.source == "docx" and first is not None and layout.trich_yeu and p.alignment != first.alignment:
                break
            if model.source == "txt" and layout.trich_yeu and not _continues(paras[i - 1].clean, p.clean):
                break
            if roman_heading(p.clean) or p.clean.lower().startswith("kính gửi"):
                break
            layout.trich_yeu.append(i)
            i += 1
        layout.after_trich_yeu = i if i < len(paras) else None
        start = max(start, i + 1 if i < len(paras) and (paras[i].clean == "-----" or not paras[i].clean) else i)
    if layout.kinh_gui is not None:
        i = layout.kinh_gui + 1
        if not re.sub(r"^kính gửi\s*:?", "", paras[layout.kinh_gui].clean, flags=re.IGNORECASE).strip():
            while i < len(paras) and (paras[i].clean.startswith("-") or not paras[i].clean):
                if paras[i].clean:
                    layout.kinh_gui_items.append(i)
                i += 1
        start = max(start, i)
    return start


def _continues(previous: str, line: str) -> bool:
    """In flattened text a long trích yếu is cut into short lines; a body or closing line is not one of them."""
    if len(previous) >= 100 or len(line) >= 100 or previous.endswith((".", ":", ";")) or line.endswith((".", ":")):
        return False
    structural = (NOI_NHAN.match(line) or AUTHORITY_LOOSE.match(line) or line.startswith("-") or is_caps(line)
                  or roman_heading(line) or KHOAN.match(line) or DIEM.match(line))
    return not structural


def _find_closing(paras: list[Para], layout: Layout, body_start: int) -> None:
    closing = len(paras)
    sign_table = _last_table(paras)
    if layout.header_table and sign_table == 0:
        sign_table = None
    for i in range(body_start, len(paras)):
        t = paras[i].clean
        if NOI_NHAN.match(t) or (AUTHORITY_LOOSE.match(t) and is_caps(t)):
            closing = i
            break
        if sign_table is not None and paras[i].table == sign_table:
            closing = i
            break
    if closing == len(paras):
        # No "Nơi nhận" and no signing prefix: a bare title ("CHỦ TỊCH") near the end still starts the signature.
        tail = [i for i in range(body_start, len(paras)) if paras[i].clean][-4:]
        closing = next((i for i in tail if _bare_title(paras[i].clean)), closing)
    layout.body = [i for i in range(body_start, closing) if paras[i].clean]
    zone = range(closing, len(paras))
    layout.noi_nhan = next((i for i in reversed(zone) if NOI_NHAN.match(paras[i].clean)), None)
    if layout.noi_nhan is not None:
        label = paras[layout.noi_nhan]
        for i in range(layout.noi_nhan + 1, len(paras)):
            p = paras[i]
            if label.kind == "table" and p.cell != label.cell:
                break
            if not p.clean:
                continue
            if label.kind != "table" and not p.clean.startswith("-"):
                break
            layout.noi_nhan_items.append(i)
    taken = {layout.noi_nhan, *layout.noi_nhan_items}
    rest = [i for i in zone if i not in taken and paras[i].clean]
    layout.authority = next((i for i in rest if AUTHORITY_LOOSE.match(paras[i].clean) and is_caps(paras[i].clean)),
                            None)
    bare = layout.authority is None
    if bare:
        layout.authority = next((i for i in rest if _bare_title(paras[i].clean)), None)
    if layout.authority is None:
        return
    cell = paras[layout.authority].cell
    after = [i for i in range(layout.authority + 1, len(paras)) if paras[i].cell == cell and i not in taken]
    filled = [i for i in after if paras[i].clean]
    while not bare and filled and AUTHORITY_LOOSE.match(paras[filled[0]].clean) and is_caps(paras[filled[0]].clean):
        layout.authority_more.append(filled.pop(0))
    if bare:
        layout.chuc_vu = layout.authority
    elif filled and is_caps(paras[filled[0]].clean):
        layout.chuc_vu = filled.pop(0)
    anchor = layout.chuc_vu if layout.chuc_vu is not None else ([layout.authority, *layout.authority_more][-1])
    for i in filled:
        t = paras[i].clean
        if i > anchor and not t.startswith("(") and len(t.split()) <= 7 and not NOI_NHAN.match(t):
            layout.name = i
            layout.blank_before_name = sum(1 for j in after if anchor < j < i and not paras[j].clean)
            break


def _bare_title(text: str) -> bool:
    return (is_caps(text) and len(text.split()) <= 8 and not re.search(r"\d|[:;,.]$", text)
            and not roman_heading(text))


def _last_table(paras: list[Para]) -> int | None:
    tables = [p.table for p in paras if p.table is not None]
    return max(tables) if tables else None
