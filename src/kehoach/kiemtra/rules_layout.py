"""What the page shows, measured from a .docx (pages.py): header lines that wrap, rule lengths, a signature alone.

A word processor wraps a line that is wider than its cell; kiemtra measures each header line with Times New Roman's
metrics against the width its cell gives it (the measurement kehoach lays out its own drafts with), so it sees the
"…VIỆT / NAM" a reader would see without opening Word. Only a .docx has widths: plain text is not checked here.
"""

from __future__ import annotations

from kehoach.docx.metrics import text_width
from kehoach.docx.model import Para
from kehoach.docx.names import break_points, split_name
from kehoach.kiemtra.catalog import ERROR, RULES, SRC, WARN, RuleInfo, _nc
from kehoach.kiemtra.context import Context
from kehoach.kiemtra.pages import lines_of, signature_alone, style_of, width_of
from kehoach.kiemtra.structure import ISSUER_NAME

WRAP_TOLERANCE = 0.3  # mm: a line this much wider than its box still fits (rounding of twips and of the metrics)
LENGTH_TOLERANCE = 0.5  # mm (format-rules.md §8)
SHORT_RULE = (1 / 3, 1 / 2)  # of the line above (NĐ 30 Phụ lục I: issuer and trích yếu)
FULL_RULE = (0.9, 1.1)  # of the line above (Tiêu ngữ, Party title; format-rules.md §8 rule 9)

_HEADER_SRC = {"nha_nuoc": "NĐ 30/2020/NĐ-CP, Phụ lục I, Mục II (ô 1, ô 3, ô 4) và Mục IV (sơ đồ bố trí)",
               "cong_doan": "QĐ 933/QĐ-TLĐ (áp dụng NĐ 30/2020/NĐ-CP, Phụ lục I, Mục II, IV)",
               "dang": "HD 36-HD/VPTW, điểm 1.1.2 và Phụ lục 1 (ô 1, ô 3, ô 4)"}
RULES.update({
    "TB-01": RuleInfo("dau", "Dòng phần đầu bị ngắt", {"*": (
        "Quốc hiệu, Tiêu ngữ, tiêu đề “ĐẢNG CỘNG SẢN VIỆT NAM”, dòng số, ký hiệu và dòng địa danh, ngày tháng "
        "mỗi dòng nằm trọn trên một dòng của trang.")}, {"*": ERROR}, _HEADER_SRC),
    "TB-02": RuleInfo("dau", "Tên cơ quan bị ngắt giữa cụm từ", {"*": (
        "Tên cơ quan dài được xuống dòng giữa hai cụm từ (trước “TỈNH …”, “XÃ …”, sau “VÀ” …), không ngắt giữa "
        "một cụm từ như “VIỆT / NAM”, “LAI / CHÂU”.")}, {"*": WARN}, _HEADER_SRC),
    "TB-03": RuleInfo("dau", "Độ dài đường kẻ", _nc(
        "Đường kẻ dưới tên cơ quan ban hành và dưới trích yếu dài 1/3–1/2 dòng chữ phía trên; đường kẻ dưới Tiêu "
        "ngữ dài bằng dòng Tiêu ngữ.",
        "Đường kẻ dưới tiêu đề “ĐẢNG CỘNG SẢN VIỆT NAM” dài bằng tiêu đề."), {"*": WARN}, SRC),
    "TB-04": RuleInfo("ky_ten", "Trang chỉ có chữ ký", {"*": (
        "Không để một trang chỉ có phần chữ ký và nơi nhận: ít nhất đoạn cuối của nội dung nằm cùng trang với chữ "
        "ký (giữ đoạn cuối với đoạn sau: Keep with next).")}, {"*": WARN},
        {"*": "Kỹ thuật trình bày (NĐ 30/2020/NĐ-CP, Phụ lục I, Mục II: chữ ký, nơi nhận trình bày sau nội dung)"}),
})


def _wraps(para: Para) -> bool:
    return para.box_mm is not None and width_of(para) > para.box_mm + WRAP_TOLERANCE


def check_one_line(ctx: Context) -> None:
    if not ctx.docx:
        return
    lay, paras = ctx.layout, ctx.model.paragraphs
    named = ((lay.quoc_hieu, "Quốc hiệu"), (lay.tieu_ngu, "Tiêu ngữ"), (lay.party_title, "Tiêu đề"),
             (lay.number, "Dòng số, ký hiệu"), (lay.date, "Dòng địa danh, ngày tháng"))
    for index, what in named:
        if index is None or not _wraps(paras[index]):
            continue
        p = paras[index]
        lines = lines_of(p)
        ctx.add("TB-01", p, f"{what} rộng {width_of(p):.0f} mm, ô chỉ rộng {p.box_mm:.0f} mm: xuống dòng thành "
                f"“{' / '.join(lines)}”.", "Mở rộng cột của bảng phần đầu (có thể lấn vào lề) hoặc giảm cỡ chữ "
                "trong khoảng quy định.")


def check_names(ctx: Context) -> None:
    """TB-02: a name that the cell wraps, or that a person broke with Shift+Enter, inside a word group."""
    if not ctx.docx:
        return
    for group in _issuer_paragraphs(ctx):
        p = group[0]
        lines = [line for q in group for line in (lines_of(q) if _wraps(q) else [q.clean])]
        if len(lines) < 2:
            continue
        name = " ".join(q.clean for q in group)
        allowed = set(break_points(name)) | _names_begin(group)
        starts, at = [], 0
        for line in lines[:-1]:
            at += len(line.split())
            starts.append(at)
        if all(s in allowed for s in starts):
            continue
        if len(group) == 1:
            ctx.add("TB-02", p, f"Tên “{p.clean}” không vừa ô ({p.box_mm:.0f} mm) và bị ngắt thành "
                    f"“{' / '.join(lines)}”.", "Mở rộng cột bên trái, hoặc tự xuống dòng (hai đoạn) giữa hai cụm từ, "
                    "ví dụ trước “TỈNH …”, “XÃ …”.")
            continue
        ctx.add("TB-02", p, f"Tên “{name}” được xuống dòng (Shift+Enter) giữa một cụm từ: “{' / '.join(lines)}”.",
                _hand_break_fix(p, name, allowed), quote=name)


def _issuer_paragraphs(ctx: Context) -> list[list[Para]]:
    """The issuer lines, the lines of one Word paragraph split by Shift+Enter together (they are one name)."""
    groups: list[list[Para]] = []
    for index in ctx.layout.issuer:
        p = ctx.model.paragraphs[index]
        if groups and p.part is not None and p.part > 1 and groups[-1][-1].number == p.number:
            groups[-1].append(p)
        else:
            groups.append([p])
    return groups


def _names_begin(group: list[Para]) -> set[int]:
    """The typed breaks after which a name of its own begins: "HỘI LHPN VIỆT NAM⏎HỘI LHPN TỈNH LAI CHÂU" is the
    chủ quản and the issuer typed in one paragraph, not one name cut."""
    found, at = set(), 0
    for q in group[:-1]:
        at += len(q.clean.split())
        following = group[group.index(q) + 1].clean
        if ISSUER_NAME.match(following) and not following.upper().startswith("BỘ "):
            found.add(at)
    return found


def _hand_break_fix(p: Para, name: str, allowed: set[int]) -> str:
    """Where the name should break: the split kehoach's own headers use (docx/names.py) for the cell's width."""
    if p.box_mm is None or p.box_mm <= 0:
        return "Xuống dòng giữa hai cụm từ, ví dụ trước “TỈNH …”, “XÃ …”, không giữa “LAI / CHÂU”."
    size, bold, italic = style_of(p)
    lines = split_name(name, p.box_mm, lambda text: text_width(text, size, bold, italic))
    if len(lines) == 1:
        return f"Bỏ chỗ xuống dòng: “{name}” vừa một dòng."
    return f"Xuống dòng giữa hai cụm từ: “{' / '.join(lines)}”."


def _rule_under(ctx: Context, index: int) -> Para | None:
    """The paragraph whose bottom border is the rule under paragraph `index`: itself, or an empty one after it."""
    paras = ctx.model.paragraphs
    para = paras[index]
    if para.bottom_border:
        return para
    for nxt in paras[index + 1:index + 3]:
        if nxt.cell != para.cell or nxt.clean:
            return None
        if nxt.bottom_border:
            return nxt
    return None


def _check_length(ctx: Context, above: list[Para], anchor: int, bounds: tuple[float, float], what: str) -> None:
    rule = _rule_under(ctx, anchor)
    if rule is None or rule.box_mm is None or not above:
        return
    longest = max(max(_line_widths(p)) for p in above)
    low, high = bounds[0] * longest - LENGTH_TOLERANCE, bounds[1] * longest + LENGTH_TOLERANCE
    if low <= rule.box_mm <= high:
        return
    fix = f"Cho đường kẻ dài {bounds[0] * longest:.0f}–{bounds[1] * longest:.0f} mm."
    if rule.box_mm <= 0:  # the indents are wider than the cell: no length to print (it was "-7 mm, bằng -21%")
        ctx.add("TB-03", rule, f"Đường kẻ dưới {what} không hiện ra: thụt lề trái và phải của đoạn kẻ đường rộng hơn "
                f"ô chứa nó (dòng chữ {longest:.0f} mm).", f"Giảm thụt lề của đoạn kẻ đường. {fix}", quote="")
        return
    ratio = rule.box_mm / longest if longest else 0
    ctx.add("TB-03", rule, f"Đường kẻ dưới {what} dài {rule.box_mm:.0f} mm, bằng {ratio:.0%} dòng chữ "
            f"({longest:.0f} mm).", fix, quote="")


def _line_widths(para: Para) -> list[float]:
    size, bold, italic = style_of(para)
    return [text_width(line, size, bold, italic) for line in lines_of(para)] or [0.0]


def check_rule_lengths(ctx: Context) -> None:
    if not ctx.docx:
        return
    lay, paras = ctx.layout, ctx.model.paragraphs
    if lay.tieu_ngu is not None and not ctx.party:
        _check_length(ctx, [paras[lay.tieu_ngu]], lay.tieu_ngu, FULL_RULE, "Tiêu ngữ")
    if lay.party_title is not None and ctx.party:
        _check_length(ctx, [paras[lay.party_title]], lay.party_title, FULL_RULE, "tiêu đề")
    if lay.issuer and not ctx.party:
        names = [paras[i] for i in lay.issuer]
        bold = [p for p in names if any(r.bold for r in p.runs if r.text.strip())] or names
        _check_length(ctx, bold, lay.issuer[-1], SHORT_RULE, "tên cơ quan ban hành")
    if lay.trich_yeu and not ctx.party:
        _check_length(ctx, [paras[i] for i in lay.trich_yeu], lay.trich_yeu[-1], SHORT_RULE, "trích yếu")


def check_signature_page(ctx: Context) -> None:
    if not ctx.docx or ctx.layout.authority is None:
        return
    if signature_alone(ctx.model):
        ctx.add("TB-04", ctx.layout.noi_nhan if ctx.layout.noi_nhan is not None else ctx.layout.authority,
                "Ước tính theo số dòng: phần chữ ký và nơi nhận sang một trang riêng, không có dòng nội dung nào.",
                "Đặt “Keep with next” (giữ với đoạn sau) cho đoạn cuối của nội dung, hoặc rút gọn nội dung.", quote="")


CHECKS = [check_one_line, check_names, check_rule_lengths, check_signature_page]
