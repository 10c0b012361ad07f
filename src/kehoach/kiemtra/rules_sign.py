"""Signature block and Nơi nhận (format-rules.md §8, rules 23–31)."""

from __future__ import annotations

import re
from collections import Counter

from kehoach.kiemtra.catalog import UNCONFIRMED
from kehoach.kiemtra.context import (
    Context,
    all_bold,
    all_italic,
    any_bold,
    any_italic,
    join_problems,
    size_of,
    size_problem,
)
from kehoach.kiemtra.structure import is_caps

STATE_AUTHORITY = re.compile(r"^(TM|KT|TL|TUQ|Q)\. \S")
PARTY_AUTHORITY = re.compile(r"^(T/M|K/T|T/L) \S|^Q\. \S")
ACADEMIC = re.compile(r"^(GS|PGS|TS|ThS|TSKH|NCS)\.?(\s*(TS|TSKH)\.?)?\s+\S")
STATE_LUU = re.compile(r"^- Lưu: VT(, .+)?\.$")
PARTY_LUU = re.compile(r"^- Lưu [^:].*\.$")


def _sentence(message: str) -> str:
    return message[0].upper() + message[1:] + "."


def check_authority(ctx: Context) -> None:
    lay, paras = ctx.layout, ctx.model.paragraphs
    if lay.authority is None:
        return
    bare = lay.chuc_vu == lay.authority
    first = paras[lay.authority]
    if bare and first.clean.startswith("PHÓ "):
        text = first.clean
        prefix = "K/T" if ctx.party else "KT."
        ctx.add("TT-23", first, f"Cấp phó ký nhưng không có “{prefix}” (hoặc “{'T/M' if ctx.party else 'TM.'}” khi "
                "thay mặt tập thể).", f"Thêm dòng “{prefix} {text[4:]}” phía trên “{text}”.")
    # "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH": each stacked authority line is checked on its own.
    for i in [lay.authority, *lay.authority_more]:
        p = paras[i]
        text = p.clean
        if not bare:
            _check_prefix(ctx, p, text)
        if ctx.party and re.match(r"^K/T\s+BÍ THƯ\b", text):
            ctx.add("TT-24", p, "Văn bản của cấp ủy ký “K/T BÍ THƯ”; cấp ủy là tập thể nên ký thay mặt.",
                    "Viết “T/M BAN THƯỜNG VỤ” (hoặc “T/M <cấp ủy>”) và chức vụ “PHÓ BÍ THƯ”.")
        if ctx.docx:
            low, high = ctx.span((13, 14), (14, 14))
            problems = [None if is_caps(text) else "chưa viết in hoa", None if all_bold(p) else "chưa in đậm",
                        size_problem(p, low, high)]
            if msg := join_problems(problems):
                ctx.add("TT-23b", p, _sentence(msg),
                        f"Quyền hạn ký in hoa, đậm, cỡ {low if low == high else '13–14'}.")


def _check_prefix(ctx: Context, p, text: str) -> None:
    head = text.split()[0]
    if ctx.party:
        if PARTY_AUTHORITY.match(text):
            return
        party = {"TM.": "T/M", "KT.": "K/T", "TL.": "T/L", "TM": "T/M", "KT": "K/T", "TL": "T/L"}
        fix = party.get(head, "T/M")
        ctx.add("TT-23", p, f"Văn bản của Đảng dùng “{head}” (ký hiệu của Nhà nước, trộn thể thức).",
                f"Viết “{fix} {text[len(head):].strip()}”.")
        return
    if STATE_AUTHORITY.match(text):
        return
    glued = re.match(r"^(TM|KT|TL|TUQ|Q)\.(?=\S)", text)
    if glued:
        ctx.add("TT-23", p, f"Thiếu dấu cách sau “{glued[0]}”.", f"Viết “{glued[0]} {text[glued.end():]}”.")
        return
    state = {"T/M": "TM.", "K/T": "KT.", "T/L": "TL.", "TM": "TM.", "KT": "KT.", "TL": "TL.", "TUQ": "TUQ."}
    key = re.sub(r"\s", "", head).rstrip(".")
    fix = state.get(key, "TM.")
    if "/" in head:
        message = f"Dùng “{head}” (ký hiệu của Đảng) trong văn bản theo thể thức Nhà nước (trộn thể thức)."
    else:
        message = f"“{head}” thiếu dấu chấm: quyền hạn viết “{fix}”."
    ctx.add("TT-23", p, message, f"Viết “{fix} {text[len(head):].strip()}”.")


def check_signer(ctx: Context) -> None:
    lay, paras = ctx.layout, ctx.model.paragraphs
    low, high = ctx.span((13, 14), (14, 14))
    if ctx.docx and lay.chuc_vu is not None and lay.chuc_vu != lay.authority:
        p = paras[lay.chuc_vu]
        problems = [None if is_caps(p.clean) else "chưa viết in hoa", size_problem(p, low, high)]
        if not ctx.party and ctx.system not in UNCONFIRMED and not all_bold(p):
            problems.append("chưa in đậm")
        if msg := join_problems(problems):
            ctx.add("TT-25", p, _sentence(msg), "Chức vụ in hoa" + ("." if ctx.party else ", đậm."))
        if ctx.party and any_bold(p):
            ctx.add("TT-25b", p, "Chức vụ người ký in đậm.", "Bỏ in đậm ở dòng chức vụ.")
    if lay.name is None:
        return
    p = paras[lay.name]
    problems = []
    if ACADEMIC.match(p.clean):
        problems.append(f"có học hàm, học vị “{p.clean.split()[0]}” trước họ tên")
    if ctx.docx:
        problems += ["họ tên viết toàn chữ in hoa" if is_caps(p.clean) else None,
                     None if all_bold(p) else "chưa in đậm", size_problem(p, low, high),
                     None if p.alignment == "center" else "chưa canh giữa"]
    if msg := join_problems(problems):
        name = ACADEMIC.sub(lambda m: m[0].split()[-1], p.clean) if ACADEMIC.match(p.clean) else p.clean
        ctx.add("TT-26", p, _sentence(msg), f"Viết “{name.title() if is_caps(name) else name}”, đậm, canh giữa.")
    if ctx.docx and lay.chuc_vu is not None and lay.blank_before_name < 3:
        ctx.add("TT-27", p, f"Chỉ có {lay.blank_before_name} dòng trống giữa chức vụ và họ tên.",
                "Để 3–4 dòng trống cho chữ ký và con dấu.")


def check_noi_nhan(ctx: Context) -> None:
    lay, paras = ctx.layout, ctx.model.paragraphs
    if lay.noi_nhan is None:
        return
    label = paras[lay.noi_nhan]
    problems = [None if label.clean == "Nơi nhận:" else "chữ phải là “Nơi nhận:” (in thường, có dấu hai chấm)"]
    if ctx.docx:
        party_style = [None if all(r.underline for r in label.runs if r.text.strip()) else "chưa gạch chân",
                       "in đậm" if any_bold(label) else None, "in nghiêng" if any_italic(label) else None,
                       size_problem(label, 14, 14)]
        state_style = [None if all_bold(label) and all_italic(label) else "chưa in đậm nghiêng",
                       size_problem(label, 12, 12)]
        if ctx.party:
            problems += party_style
        elif ctx.system in UNCONFIRMED and not any(party_style):
            pass  # the Đoàn and the hội write it either way (their rule books are not confirmed)
        else:
            problems += state_style
        problems.append(None if label.alignment in (None, "left", "both") else "chưa sát lề trái")
        auth = paras[lay.authority] if lay.authority is not None else None
        if auth is not None and auth.kind == label.kind == "table" and (auth.table, auth.row) != (label.table,
                                                                                                  label.row):
            problems.append("không ngang hàng với dòng quyền hạn ký")
    if msg := join_problems(problems):
        ctx.add("TT-28", label, _sentence(msg), "“Nơi nhận:” " + (
            "cỡ 14, gạch chân, không đậm." if ctx.party else "cỡ 12, đậm, nghiêng, sát lề trái."))
    _check_items(ctx)


def _check_items(ctx: Context) -> None:
    lay, paras = ctx.layout, ctx.model.paragraphs
    items = lay.noi_nhan_items
    if not items:
        return
    *others, last = items
    if ctx.party:
        ends = Counter(paras[i].clean[-1:] for i in others if paras[i].clean[-1:] in ",;")
        separator = ends.most_common(1)[0][0] if ends else ","
    else:
        separator = ";"
    for i in others:
        text = paras[i].clean
        if not re.match(r"^- \S", text):
            ctx.add("TT-29", i, "Nơi nhận không bắt đầu bằng “- ”.", f"Viết “- {text.lstrip('-–').strip()}”.")
        elif not text.endswith(separator):
            ctx.add("TT-29", i, f"Nơi nhận không kết thúc bằng “{separator}”.",
                    f"Viết “{text.rstrip('.,;')}{separator}”.")
    if ctx.docx:
        low, high = ctx.span((11, 11), (12, 12))
        wrong = [paras[i] for i in items if size_problem(paras[i], low, high)]
        if wrong:
            need = f"{low:g}" if low == high else f"{low:g}–{high:g}"
            ctx.add("TT-29", wrong[0], f"{len(wrong)} dòng nơi nhận cỡ chữ {size_of(wrong[0]) or 0:g} (cần {need}).",
                    f"Đặt cỡ {need} cho danh sách nơi nhận.")
    _check_last(ctx, paras[last])
    if lay.kinh_gui is not None:
        first = paras[items[0]].clean
        ok = re.fullmatch(r"- Như trên[,;]" if ctx.party else r"- Như trên;", first)
        if not ok:
            ctx.add("TT-31", items[0], "Công văn có “Kính gửi” nhưng nơi nhận đầu tiên không phải “- Như trên;”.",
                    "Thêm dòng “- Như trên;” ở đầu danh sách nơi nhận.")


def _check_last(ctx: Context, p) -> None:
    text = p.clean
    if ctx.party:
        if PARTY_LUU.match(text) and not re.search(r"\bVT\b", text):
            return
        if not re.match(r"^-\s*Lưu\b", text):
            message = "Dòng cuối nơi nhận không phải dòng lưu."
        elif re.search(r"\bVT\b", text):
            message = "Dòng lưu dùng dạng Nhà nước (“Lưu: VT”) trong văn bản của Đảng."
        elif ":" in text:
            message = "Dòng lưu của văn bản Đảng không có dấu hai chấm sau “Lưu”."
        else:
            message = "Dòng lưu chưa đúng dạng “- Lưu <nơi lưu>.”."
        ctx.add("TT-30", p, message, "Viết “- Lưu Văn phòng <cấp ủy>.” (ví dụ “- Lưu VPHU.”).")
        return
    if STATE_LUU.match(text) or (ctx.system in ("doan", "hoi") and re.match(r"^- Lưu:? \S.*\.$", text)):
        return  # the Đoàn and the hội keep files their own way ("- Lưu: VP, TNCN.")
    if not re.match(r"^-\s*Lưu\b", text):
        message = "Dòng cuối nơi nhận không phải dòng “- Lưu: VT, …”."
        fix = f"Thêm dòng cuối “- Lưu: VT, <đơn vị soạn thảo>.” (dòng “{text}” kết thúc bằng “;”)."
    else:
        unit = re.sub(r"^-\s*Lưu\s*:?\s*(VT\s*,?\s*)?", "", text).rstrip(". ")
        unit = re.sub(r"\.?\s*\([^)]*\)$", "", unit).rstrip(". ")
        message = "Dòng lưu chưa đúng dạng “- Lưu: VT, <đơn vị>.”" + (
            " (thiếu dấu hai chấm sau “Lưu”)." if not re.match(r"^-\s*Lưu\s*:", text) else ".")
        fix = f"Viết “- Lưu: VT{', ' + unit if unit else ''}.”."
    ctx.add("TT-30", p, message, fix)


# The rules this module reports (kehoach kiemtra --quy-tac).
RULE_IDS = ("TT-23", "TT-23b", "TT-24", "TT-25", "TT-25b", "TT-26",
            "TT-27", "TT-28", "TT-29", "TT-30", "TT-31")
CHECKS = [check_authority, check_signer, check_noi_nhan]
