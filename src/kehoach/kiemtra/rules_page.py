"""Page size, margins, fonts, colour, Unicode form and page numbers (format-rules.md §8, rules 1–6)."""

from __future__ import annotations

import unicodedata
from collections import defaultdict

from kehoach.kiemtra.context import TOLERANCE_MM, Context, in_range, text_runs

TNR = "times new roman"
KNOWN_PAPER = {(215.9, 279.4): "Letter", (215.9, 355.6): "Legal", (148.0, 210.0): "A5", (250.0, 353.0): "B4"}
# Characters of the legacy TCVN3 (ABC) and VNI fonts read as Unicode; none of them occurs in Vietnamese written in
# Unicode, so a few of them in one paragraph mean the text was typed with an old font.
LEGACY = set("µ¸¶·¹¨¾¼½ÆÇÑÖ×ØÜÞßåæçëîïñöøûüþÿÄÅËÎÏ\u00ad")
LEGACY_MIN = 3
_NOT_LEGACY = str.maketrans("", "", "".join(LEGACY))  # counting by deletion: a C loop, not a Python one per letter


def check_page(ctx: Context) -> None:
    page = ctx.model.page
    if not ctx.docx or page is None:
        return
    w, h = page.width_mm, page.height_mm
    if not (abs(w - 210) <= TOLERANCE_MM and abs(h - 297) <= TOLERANCE_MM):
        name = next((n for (pw, ph), n in KNOWN_PAPER.items()
                     if {round(pw), round(ph)} == {round(w), round(h)}), "")
        orient = " (khổ ngang)" if w > h else ""
        label = f" – khổ {name}" if name else ""
        ctx.add("TT-01", None, f"Trang hiện là {_mm(w)} × {_mm(h)} mm{label}{orient}.",
                "Chọn khổ A4 (210 × 297 mm), hướng dọc (Layout → Size → A4).", quote="")
    wanted = {"top": (20, 25), "bottom": (20, 25), "left": (30, 35), "right": (15, 20)}
    if ctx.party:
        wanted = {"top": (20, 20), "bottom": (20, 20), "left": (30, 30), "right": (15, 15)}
    names = {"top": "trên", "bottom": "dưới", "left": "trái", "right": "phải"}
    wrong = []
    for side, (low, high) in wanted.items():
        value = getattr(page, f"{side}_mm")
        if not in_range(value, low, high, TOLERANCE_MM):
            need = f"{low}" if low == high else f"{low}–{high}"
            wrong.append(f"lề {names[side]} {_mm(value)} mm (cần {need} mm)")
    if wrong:
        message = "; ".join(wrong)
        ctx.add("TT-02", None, message[0].upper() + message[1:] + ".",
                "Đặt lề trên 20 mm, dưới 20 mm, trái 30 mm, phải 15 mm (hợp lệ cho cả ba hệ thống).", quote="")


def check_fonts_and_colour(ctx: Context) -> None:
    if not ctx.docx:
        return
    fonts: dict[str, list] = defaultdict(list)
    colours: dict[str, list] = defaultdict(list)
    for para in ctx.model.paragraphs:
        for run in text_runs(para):
            for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
                name = run.fonts.get(slot)
                # Nothing set anywhere means Word's built-in default, which is Times New Roman.
                if name and name.lower() != TNR and para not in fonts[name]:
                    fonts[name].append(para)
            colour = (run.color or "auto").upper()
            if colour not in ("AUTO", "000000") and para not in colours[colour]:
                colours[colour].append(para)
    for name, paras in fonts.items():
        ctx.add("TT-03", paras[0], f"Có chữ dùng phông “{name}” ({_count(paras)}).",
                "Chọn toàn bộ văn bản (Ctrl+A) và đặt phông Times New Roman; sửa cả kiểu (style) Normal.")
    for colour, paras in colours.items():
        ctx.add("TT-04", paras[0], f"Có chữ màu #{colour} ({_count(paras)}).",
                "Đặt màu chữ Automatic hoặc đen (#000000).")


def check_unicode(ctx: Context) -> None:
    decomposed = [p for p in ctx.model.paragraphs if p.text and unicodedata.normalize("NFC", p.text) != p.text]
    if decomposed:
        ctx.add("TT-05", decomposed[0], f"Chữ ở dạng tổ hợp (Unicode NFD) ({_count(decomposed)}).",
                "Chuyển mã sang Unicode dựng sẵn (ví dụ bằng Unikey: Công cụ chuyển mã, Unicode → Unicode dựng sẵn).")
    legacy = [p for p in ctx.model.paragraphs if len(p.text) - len(p.text.translate(_NOT_LEGACY)) >= LEGACY_MIN]
    if legacy:
        ctx.add("TT-05", legacy[0], f"Có ký tự của phông cũ TCVN3 (ABC) hoặc VNI ({_count(legacy)}).",
                "Chuyển mã từ TCVN3/VNI sang Unicode dựng sẵn rồi đặt phông Times New Roman.")


def check_page_numbers(ctx: Context) -> None:
    page = ctx.model.page
    if not ctx.docx or page is None:
        return
    problems = []
    if not page.page_field:
        problems.append("không có trường số trang (PAGE) ở đầu trang")
    else:
        if not page.page_field_centered:
            problems.append("số trang chưa canh giữa")
        low, high = ctx.span((13, 14), (14, 14))
        if page.page_field_size is not None and not in_range(page.page_field_size, low, high):
            problems.append(f"số trang cỡ {page.page_field_size:g}")
    if not page.title_page:
        problems.append("chưa bật “Different First Page” nên trang 1 cũng hiện số trang")
    elif not page.first_header_empty:
        problems.append("đầu trang của trang thứ nhất không để trống")
    if problems:
        ctx.add("TT-06", None, "; ".join(problems) + ".",
                "Chèn số trang (Insert → Page Number → Top of Page, giữa), bật Different First Page.", quote="")


def _mm(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")  # Vietnamese decimal comma


def _count(paras: list) -> str:
    return f"{len(paras)} đoạn, đầu tiên ở {paras[0].where()}"


RULE_IDS = ("TT-01", "TT-02", "TT-03", "TT-04", "TT-05", "TT-06")  # the rules this module reports (kehoach kiemtra --quy-tac)
CHECKS = [check_page, check_fonts_and_colour, check_unicode, check_page_numbers]
