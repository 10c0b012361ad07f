"""Tên loại, trích yếu, công văn subject and Kính gửi (format-rules.md §8, rules 15–18)."""

from __future__ import annotations

import re

from kehoach.kiemtra.context import (
    Context,
    all_bold,
    all_italic,
    any_bold,
    any_italic,
    has_rule_below,
    join_problems,
    size_problem,
)
from kehoach.kiemtra.structure import is_caps


def _sentence(message: str) -> str:
    return message[0].upper() + message[1:] + "."


def check_title(ctx: Context) -> None:
    lay = ctx.layout
    if lay.title is None:
        return
    p = ctx.model.paragraphs[lay.title]
    problems = [None if is_caps(p.clean) else "tên loại chưa viết in hoa"]
    if ctx.docx:
        low, high = ctx.span((13, 14), (15, 16))
        problems += [None if all_bold(p) else "chưa in đậm",
                     None if p.alignment == "center" else "chưa canh giữa", size_problem(p, low, high)]
    if msg := join_problems(problems):
        ctx.add("TT-15", p, _sentence(msg), f"Viết “{p.clean.upper()}”, in hoa, đậm, canh giữa.")


def check_trich_yeu(ctx: Context) -> None:
    lay, paras = ctx.layout, ctx.model.paragraphs
    if lay.title is None or not lay.trich_yeu:
        return
    first = paras[lay.trich_yeu[0]]
    text = " ".join(paras[i].clean for i in lay.trich_yeu)
    problems = ["trích yếu viết toàn chữ in hoa" if is_caps(text) and len(text.split()) > 2 else None]
    if ctx.docx:
        low, high = ctx.span((13, 14), (14, 15))
        for i in lay.trich_yeu:
            p = paras[i]
            problems += [None if all_bold(p) else "chưa in đậm", None if p.alignment == "center" else "chưa canh giữa",
                         size_problem(p, low, high)]
    if msg := join_problems(list(dict.fromkeys(problems))):
        ctx.add("TT-16", first, _sentence(msg), "Trích yếu chữ in thường, đậm, canh giữa ngay dưới tên loại.")
    letter = next((c for c in text if c.isalpha()), "")
    if ctx.party and letter.isupper() and not is_caps(text):
        word = text.split()[0]
        ctx.add("TT-16b", first, f"Trích yếu bắt đầu bằng chữ hoa “{word}”.",
                f"Viết chữ đầu thường: “{word.lower()} …”.")
    if ctx.docx:
        last = lay.trich_yeu[-1]
        after = lay.after_trich_yeu
        if ctx.system in ("doan", "hoi") and (has_rule_below(paras, last) or
                                              (after is not None and paras[after].clean == "-----")):
            return  # either mark is seen in their documents
        if ctx.party:
            after = lay.after_trich_yeu
            if after is None or paras[after].clean != "-----":
                ctx.add("TT-16c", last, "Dưới trích yếu không có dòng “-----”.", "Thêm một dòng “-----” canh giữa.")
        elif not has_rule_below(paras, last):
            ctx.add("TT-16c", last, "Dưới trích yếu không có đường kẻ.",
                    "Thêm một đoạn trống có viền dưới (1/3–1/2 dòng chữ) hoặc vẽ đường thẳng.")


def check_cong_van_subject(ctx: Context) -> None:
    lay, paras = ctx.layout, ctx.model.paragraphs
    if lay.doc_type != "CÔNG VĂN" or not lay.vv:
        return
    first = paras[lay.vv[0]]
    starts_vv = first.clean.startswith("V/v ")
    written = re.match(r"^(v/v|V/V|Về việc|về việc)\s+", first.clean)
    if not ctx.party and written:
        ctx.add("TT-17", first, f"Trích yếu công văn viết “{written[1]}”, không viết tắt đúng “V/v”.",
                f"Viết “V/v {first.clean[written.end():]}”.")
    elif not ctx.party and not starts_vv:
        ctx.add("TT-17", first, "Trích yếu công văn không bắt đầu bằng “V/v”.", f"Viết “V/v {first.clean}”.")
    if ctx.party and first.clean.startswith("V/v"):
        ctx.add("TT-17", first, "Trích yếu công văn của Đảng có tiền tố “V/v”.",
                f"Bỏ “V/v”: “{first.clean[3:].strip()}”.")
    if not ctx.docx:
        return
    problems: list[str | None] = []
    for i in lay.vv:
        p = paras[i]
        if ctx.party:
            problems += [None if all_italic(p) else "chưa in nghiêng", size_problem(p, 12, 12)]
        else:
            problems += ["in đậm" if any_bold(p) else None, "in nghiêng" if any_italic(p) else None,
                         size_problem(p, 12, 13)]
    if msg := join_problems(list(dict.fromkeys(problems))):
        ctx.add("TT-17b", first, _sentence(msg),
                "Trích yếu công văn: in thường, " + ("nghiêng, cỡ 12." if ctx.party else "đứng, không đậm, cỡ 12–13."))


def check_kinh_gui(ctx: Context) -> None:
    lay, paras = ctx.layout, ctx.model.paragraphs
    if lay.kinh_gui is None:
        return
    label = paras[lay.kinh_gui]
    if not re.match(r"^Kính gửi:", label.clean):
        ctx.add("TT-18", label, "Thiếu dấu hai chấm sau “Kính gửi”." if label.clean.lower().startswith("kính gửi")
                and ":" not in label.clean else "Chữ “Kính gửi:” viết chưa đúng.", "Viết “Kính gửi:”.")
    items = lay.kinh_gui_items
    separators = (",", ";") if ctx.party else (";",)
    for n, i in enumerate(items):
        text = paras[i].clean
        last = n == len(items) - 1
        if not re.match(r"^- \S", text):
            ctx.add("TT-18", i, "Nơi gửi không bắt đầu bằng “- ”.", f"Viết “- {text.lstrip('-').strip()}”.")
        elif last and not text.endswith("."):
            ctx.add("TT-18", i, "Nơi gửi cuối cùng không kết thúc bằng dấu chấm.", f"Viết “{text.rstrip(',;')}.”.")
        elif not last and not text.endswith(separators):
            ctx.add("TT-18", i, f"Nơi gửi không kết thúc bằng “{separators[-1]}”.",
                    f"Viết “{text.rstrip('.,;')}{separators[-1]}”.")


# The rules this module reports (kehoach kiemtra --quy-tac).
RULE_IDS = ("TT-15", "TT-16", "TT-16b", "TT-16c",
            "TT-17", "TT-17b", "TT-18")
CHECKS = [check_title, check_trich_yeu, check_cong_van_subject, check_kinh_gui]
