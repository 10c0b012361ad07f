"""What the text assigns and cites: the same boilerplate for every department, the full chain again in the closing.

Both run on the text alone, so they also check a .txt copy of a document.
"""

from __future__ import annotations

import re
import unicodedata

from kehoach.docx.model import Para
from kehoach.kiemtra.catalog import RULES, WARN, RuleInfo
from kehoach.kiemtra.context import Context
from kehoach.kiemtra.structure import KHOAN, roman_heading

MIN_REPEAT = 30  # characters: a shorter line ("- Phối hợp thực hiện.") may well be the same for two bodies
_GIVE = re.compile(r"^(?:-\s*)?(?:giao|đề nghị|yêu cầu)\s+[^:]{2,120}:\s*", re.IGNORECASE)
# A citation with its date: "Kế hoạch số 349/KH-TLĐ, ngày 15/8/2023 của", "Chỉ thị số 21-CT/TW ngày 04/5/2023 của".
_DATED = re.compile(r"số\s+(?P<symbol>[0-9…][^\s,]*)\s*,?\s+ngày\s+[0-9…][^\s]*\s+của", re.IGNORECASE)

RULES.update({
    "ND-01": RuleInfo("noi_dung", "Giao việc giống nhau cho nhiều nơi", {"*": (
        "Ở mục Tổ chức thực hiện, mỗi phòng, ban, đơn vị được giao việc cụ thể của mình; không chép một lời giao "
        "việc chung cho nhiều phòng, ban, đơn vị.")}, {"*": WARN},
        {"*": "Kỹ thuật soạn thảo kế hoạch (giao nhiệm vụ cụ thể, rõ người, rõ việc; không phải quy định thể thức)"}),
    "ND-02": RuleInfo("trich_dan", "Câu kết nhắc lại trích dẫn đầy đủ", {"*": (
        "Văn bản trích dẫn đầy đủ (số, ngày, cơ quan ban hành, trích yếu) một lần ở phần mở đầu, kèm dạng viết tắt; "
        "các lần sau, kể cả câu kết, dùng dạng viết tắt (ví dụ “Kế hoạch số 349/KH-TLĐ”).")}, {"*": WARN},
        {"*": "NĐ 30/2020/NĐ-CP, Phụ lục I (viết đầy đủ lần đầu, sau đó dùng dạng viết tắt trong ngoặc đơn) [NHỚ]"}),
})


def _normal(text: str) -> str:
    text = unicodedata.normalize("NFC", text).strip()
    return " ".join(_GIVE.sub("", text).lstrip("-+ ").casefold().split()).rstrip(".;:")


def _organisation(ctx: Context) -> list[Para]:
    """The paragraphs of the Tổ chức thực hiện section (between its heading and the next section or the end)."""
    paras = [ctx.model.paragraphs[i] for i in ctx.layout.body]
    start = next((i for i, p in enumerate(paras) if roman_heading(p.clean) and "TỔ CHỨC THỰC HIỆN" in p.clean.upper()),
                 None)
    if start is None:
        return []
    out = []
    for p in paras[start + 1:]:
        if roman_heading(p.clean):
            break
        out.append(p)
    return out


def check_repeated_assignments(ctx: Context) -> None:
    seen: dict[str, Para] = {}
    owner = ""
    owners: dict[str, str] = {}
    for p in _organisation(ctx):
        if KHOAN.match(p.clean) and len(p.clean) < 150 and not p.clean.endswith("."):
            owner = p.clean  # a khoản heading: the department or unit the lines below are for
            continue
        text = _normal(p.clean)
        if len(text) < MIN_REPEAT:
            continue
        who = _GIVE.match(p.clean.lstrip("- ")) or _GIVE.match(p.clean)
        this_owner = who.group(0) if who else owner
        if text in seen and owners[text] != this_owner:
            first = seen[text]
            ctx.add("ND-01", p, f"Lời giao việc này giống hệt lời đã giao ở {first.where()}.",
                    "Ghi nhiệm vụ cụ thể của từng phòng, ban, đơn vị (kehoach: khóa `phan_cong` của kế hoạch, "
                    "`linh_vuc` của phòng, ban); bỏ phòng, ban không có việc.")
            continue
        seen.setdefault(text, p)
        owners.setdefault(text, this_owner)


def check_closing_chain(ctx: Context) -> None:
    body = [ctx.model.paragraphs[i] for i in ctx.layout.body]
    if len(body) < 2:
        return
    opening = {m["symbol"].rstrip(",;.") for p in body[:3] for m in _DATED.finditer(p.clean)}
    closing = next((p for p in reversed(body) if p.clean.startswith("Trên đây là")), None)
    if closing is None:
        return
    again = [m["symbol"].rstrip(",;.") for m in _DATED.finditer(closing.clean)]
    repeated = [s for s in again if s in opening]
    if repeated:
        ctx.add("ND-02", closing, f"Câu kết trích dẫn lại đầy đủ (có ngày, cơ quan ban hành) văn bản số "
                f"{', '.join(dict.fromkeys(repeated))} đã trích đầy đủ ở phần mở đầu.",
                "Dùng dạng viết tắt đã nêu ở phần mở đầu, ví dụ “Trên đây là Kế hoạch thực hiện Kế hoạch số …”.")


CHECKS = [check_repeated_assignments, check_closing_chain]
