"""The header: Quốc hiệu / Party title, issuer, number line, date line (format-rules.md §8, rules 7–14)."""

from __future__ import annotations

import re

from kehoach.kiemtra.catalog import ERROR, UNCONFIRMED, WARN
from kehoach.kiemtra.context import (
    Context,
    all_bold,
    all_italic,
    any_bold,
    any_italic,
    has_rule_below,
    join_problems,
    single_spaced,
    size_of,
    size_problem,
)
from kehoach.kiemtra.issuers import SYSTEM_NAMES, expected_code, header_issuer, system_of_code
from kehoach.kiemtra.structure import PARTY_TITLE, TYPE_CODES, is_caps
from kehoach.text.distance import distance

QUOC_HIEU_OK = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")  # both tone placements
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
STATE_NUMBER = re.compile(r"^Số:[ \t]?(\d+|[ \t]*)/[A-ZĐ][A-Za-zĐđ]*(-[A-ZĐa-zđ0-9&.]+)*$")
# Two-part issuer codes ("-KH/TWĐTN-VP": the Trung ương Đoàn's Văn phòng) are well formed (org-catalog §2.4).
PARTY_NUMBER = re.compile(r"^Số[ \t]+(\d+|[ \t]*)-[A-ZĐ][A-Za-zĐđ]*/[A-ZĐ]+(-[A-ZĐ][A-Za-zĐđ]*)?$")
DOAN_NUMBER = re.compile(r"^Số:[ \t]?(\d+|[ \t]*)-[A-ZĐ][A-Za-zĐđ]*/[A-ZĐ]+(-[A-ZĐ][A-Za-zĐđ]*)?$")
DUPLICATE_TAIL = re.compile(r"(?P<tail>[A-ZĐ][A-Za-zĐđ]*[/-][A-ZĐ][A-Za-zĐđ]*)\s+(?P=tail)$")
ISSUED = re.compile(r"^\(?\s*đã ký\s*\)?$|^\[\s*đã ký\s*\]$|^ký bởi\b|\bchữ ký số\b", re.IGNORECASE)
DATE_LINE = re.compile(r"^[^\s,][^,]*, ngày (?:(0[1-9]|[12]\d|3[01]) |\s+)tháng (?:(0[12]|[3-9]|1[012]) |\s+)"
                       r"năm \d{4}$")
ALL_CODES = set(TYPE_CODES.values()) | {"CV", "QĐi"}


def check_titles(ctx: Context) -> None:
    lay, paras = ctx.layout, ctx.model.paragraphs
    if ctx.doan:
        if lay.doan_title is None and ctx.docx:
            ctx.add("TT-07", None, "Không thấy tiêu đề “ĐOÀN TNCS HỒ CHÍ MINH” ở góc trên bên phải.",
                    "Thêm tiêu đề ở ô phải của bảng đầu trang.", quote="")
        return
    if ctx.party:
        if lay.party_title is not None:
            p = paras[lay.party_title]
            problems = [None if p.stripped == PARTY_TITLE else "chữ chưa đúng “ĐẢNG CỘNG SẢN VIỆT NAM”"]
            if ctx.docx:
                problems += [None if all_bold(p) else "chưa in đậm", size_problem(p, 15, 15)]
            if msg := join_problems(problems):
                ctx.add("TT-07", p, msg.capitalize() + ".", "Viết “ĐẢNG CỘNG SẢN VIỆT NAM”, in hoa, đậm, cỡ 15.")
        elif ctx.docx:
            ctx.add("TT-07", None, "Không thấy tiêu đề “ĐẢNG CỘNG SẢN VIỆT NAM” ở góc trên bên phải.",
                    "Thêm tiêu đề ở ô phải của bảng đầu trang.", quote="")
        return
    if lay.quoc_hieu is not None:
        p = paras[lay.quoc_hieu]
        problems = [None if p.stripped in QUOC_HIEU_OK else "chữ chưa đúng Quốc hiệu"]
        if ctx.docx:
            problems += [None if all_bold(p) else "chưa in đậm", size_problem(p, 12, 13),
                         None if not lay.header_table or p.col == 1 else "không nằm ở cột phải"]
        if msg := join_problems(problems):
            ctx.add("TT-07", p, msg.capitalize() + ".", f"Viết “{QUOC_HIEU_OK[0]}”, in hoa, đậm, cỡ 12–13.")
    elif ctx.docx or lay.tieu_ngu is not None:
        ctx.add("TT-07", None, "Không thấy Quốc hiệu “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM”.",
                "Thêm Quốc hiệu ở ô phải của bảng đầu trang.", quote="")
    if lay.tieu_ngu is not None:
        p = paras[lay.tieu_ngu]
        problems = [_tieu_ngu_problem(p.stripped)]
        if ctx.docx:
            problems += [None if all_bold(p) else "chưa in đậm", size_problem(p, 13, 14)]
        if msg := join_problems(problems):
            ctx.add("TT-08", p, msg[0].upper() + msg[1:] + ".", f"Viết đúng “{TIEU_NGU}”, đậm, cỡ 13–14.")
        qh = size_of(paras[lay.quoc_hieu]) if lay.quoc_hieu is not None else None
        tn = size_of(p)
        if ctx.docx and qh is not None and tn is not None and abs(tn - qh - 1) > 0.5:
            ctx.add("TT-08b", p, f"Quốc hiệu cỡ {qh:g}, Tiêu ngữ cỡ {tn:g}.",
                    "Dùng cặp 12/13 hoặc 13/14 (thường là 13/14).")
    elif lay.quoc_hieu is not None:
        ctx.add("TT-08", lay.quoc_hieu, "Dưới Quốc hiệu không thấy Tiêu ngữ.", f"Thêm dòng “{TIEU_NGU}”.")


def _tieu_ngu_problem(text: str) -> str | None:
    if text == TIEU_NGU:
        return None
    if "–" in text or "—" in text:
        return "dùng gạch ngang dài (–) thay cho gạch nối (-)"
    if re.sub(r"\s*-\s*", " - ", text) == TIEU_NGU:
        return "thiếu dấu cách hai bên gạch nối"
    return "chữ chưa đúng Tiêu ngữ"


def check_rules_under_titles(ctx: Context) -> None:
    if not ctx.docx:
        return
    lay, paras = ctx.layout, ctx.model.paragraphs
    if ctx.doan:
        return  # the Đoàn underlines its title; no rule is drawn under it
    anchor = lay.party_title if ctx.party else lay.tieu_ngu
    if anchor is not None and not has_rule_below(paras, anchor):
        what = "tiêu đề Đảng" if ctx.party else "Tiêu ngữ"
        ctx.add("TT-09", anchor, f"Dưới {what} không có đường kẻ (viền dưới đoạn hoặc đường vẽ).",
                "Thêm viền dưới (Borders → Bottom Border) cho đoạn, hoặc vẽ một đường thẳng dài bằng dòng chữ.")


def check_issuer(ctx: Context) -> None:
    if not ctx.docx:
        for i in ctx.layout.issuer:  # a text shows its letters, not its sizes or bold
            p = ctx.model.paragraphs[i]
            if not is_caps(p.clean):
                ctx.add("TT-10", p, "Tên cơ quan ở phần đầu chưa viết in hoa.", f"Viết “{p.clean.upper()}”.")
        return
    lay, paras = ctx.layout, ctx.model.paragraphs
    if not lay.issuer:
        if lay.header_table:
            ctx.add("TT-10", lay.number, "Không thấy tên cơ quan ban hành (chữ in hoa) ở ô trái phía trên số, ký hiệu.",
                    "Thêm tên cơ quan ban hành, in hoa, đậm.")
        return
    low, high = ctx.span((12, 13), (14, 14))
    seen_bold = False
    for i in lay.issuer:
        p = paras[i]
        bold = all_bold(p)
        problems = [None if is_caps(p.clean) else "chưa viết in hoa", size_problem(p, low, high)]
        if i == lay.issuer[-1] and not bold:
            problems.append("tên cơ quan ban hành chưa in đậm")
        elif seen_bold and not bold:
            problems.append("dòng không đậm nằm dưới dòng đậm (tên cơ quan chủ quản phải ở trên)")
        seen_bold = seen_bold or bold
        if msg := join_problems(problems):
            ctx.add("TT-10", p, msg[0].upper() + msg[1:] + ".",
                    "Tên cơ quan chủ quản in hoa, không đậm; tên cơ quan ban hành in hoa, đậm, "
                    + ("cỡ 14." if ctx.party else "cỡ 12–13."))
    last = lay.issuer[-1]
    nxt = next((p for p in paras[last + 1:] if p.clean and p.cell == paras[last].cell), None)
    if ctx.hoi and (has_rule_below(paras, last) or (nxt is not None and nxt.clean in ("*", "***"))):
        return
    if ctx.doan:
        if nxt is None or nxt.clean != "***":
            ctx.add("TT-10b", last, "Dưới tên cơ quan ban hành không có “***”.", "Thêm một dòng “***” canh giữa.")
        return
    if ctx.party:
        nxt = next((p for p in paras[last + 1:] if p.clean and p.cell == paras[last].cell), None)
        if nxt is None or nxt.clean != "*":
            ctx.add("TT-10b", last, "Dưới tên cơ quan ban hành không có dấu “*”.", "Thêm một dòng “*” canh giữa.")
        elif has_rule_below(paras, last):
            ctx.add("TT-10b", last, "Văn bản của Đảng dùng dấu “*”, không kẻ đường dưới tên cơ quan.",
                    "Xóa đường kẻ, giữ dấu “*”.")
    elif not has_rule_below(paras, last):
        ctx.add("TT-10b", last, "Dưới tên cơ quan ban hành không có đường kẻ.",
                "Thêm một đoạn trống có viền dưới (dài 1/3–1/2 dòng chữ) hoặc vẽ đường thẳng.")


def check_number(ctx: Context) -> None:
    lay = ctx.layout
    if lay.number is None:
        return
    p = ctx.model.paragraphs[lay.number]
    text = p.stripped
    number, type_code, issuer = _parse_number(text)
    party_form = bool(re.match(r"^Số\s*:?\s*\d*\s*-", text))
    wrong_code = _issuer_code_problem(ctx, type_code, issuer, party_form)
    if wrong_code:
        message, code = wrong_code
        if ctx.layout.doc_type == "CÔNG VĂN" and not (ctx.party or ctx.doan):
            unit = issuer if issuer and not party_form else "<đơn vị soạn thảo>"
            fixed = _number_text(ctx, number, code, unit)
        else:
            fixed = _number_text(ctx, number, _title_code(ctx, type_code), code)
        ctx.add("TT-11c", p, message, f"Viết “{fixed}”.")
        return  # the corrected line already says everything the form rules would
    elif not any(form.match(text) for form in _forms(ctx)):
        ctx.add("TT-11", p, _number_problem(ctx, text), _number_fix(ctx, number, type_code, issuer))
    if number and len(number) == 1 and number != "0":
        ctx.add("TT-12", p, f"Số {number} nhỏ hơn 10 nhưng không có số 0 phía trước.",
                f"Viết “0{number}”.")
    if not number and type_code and (signs := _issued(ctx)):
        sign, certain = signs
        blank = _number_text(ctx, "…", type_code, issuer)
        ctx.add("TT-12b", p, f"Số văn bản để trống nhưng văn bản {'đã ký ban hành' if certain else 'có vẻ đã ban hành'} "
                f"({sign}).", f"Điền số văn bản do văn thư cấp vào chỗ “…” của “{blank}”.",
                severity=None if certain else WARN)
    _check_type_code(ctx, p, type_code, issuer)
    if ctx.docx:
        low, high = ctx.span((13, 13), (14, 14))
        problems = [size_problem(p, low, high), "in đậm" if any_bold(p) else None,
                    "in nghiêng" if any_italic(p) else None]
        if msg := join_problems(problems):
            # Size is only a warning for the union (QĐ 933's sizes are not confirmed); bold or italic is an error.
            severity = ERROR if any_bold(p) or any_italic(p) else None
            ctx.add("TT-11b", p, msg[0].upper() + msg[1:] + ".", f"Dòng số, ký hiệu cỡ {low}, đứng, không đậm.",
                    severity=severity)


def _title_code(ctx: Context, written: str) -> str:
    """The type code the document's title asks for ("KẾ HOẠCH" → "KH"), else the one written: a "-CV/ĐU" on a
    Kế hoạch is corrected to "KH", never to a "CV" a State number does not carry."""
    doc_type = ctx.layout.doc_type
    if doc_type == "CÔNG VĂN":
        return "CV" if ctx.party or ctx.doan else written
    if doc_type == "QUY ĐỊNH":
        return written if written in ("QĐ", "QĐi", "QyĐ") else "QĐ" if ctx.party else "QyĐ"
    return TYPE_CODES.get(doc_type or "", written)


def _forms(ctx: Context) -> tuple[re.Pattern, ...]:
    if ctx.party:
        return (PARTY_NUMBER,)
    if ctx.doan:
        return (DOAN_NUMBER,)
    if ctx.hoi:
        return (STATE_NUMBER, DOAN_NUMBER)
    return (STATE_NUMBER,)


def _issued(ctx: Context) -> tuple[str, bool] | None:
    """(what shows it, certain) when the text was signed and issued: "(Đã ký)" where the signature goes or an
    e-signature note (certain); the day of the date line filled in and a signer's name under the signature
    (likely: a draft leaves the day blank for the văn thư, as kehoach's drafts do). None otherwise."""
    paras, lay = ctx.model.paragraphs, ctx.layout
    start = lay.body[-1] if lay.body else 0
    for p in paras[start:]:
        if found := ISSUED.search(p.clean):
            return f"có dấu hiệu “{found[0].strip('()[] ')}”", True
    day = re.search(r"\bngày\s+(\d{1,2})\s+tháng\s+\S+\s+năm\s+\d{4}", paras[lay.date].clean) \
        if lay.date is not None else None
    name = paras[lay.name].clean if lay.name is not None else ""
    if day and name and not ctx.chosen.get("ban_thao"):
        return f"đã điền ngày “{day[0]}” và có tên người ký “{name}”", False
    return None


def _parse_number(text: str) -> tuple[str, str, str]:
    """(number, type code, issuer) from a number line of either form; "" when a part is missing."""
    body = re.sub(r"^Số\s*:?\s*", "", text)
    party = re.match(r"^(\d*)\s*-\s*([^/\s]+)\s*/\s*(\S+(?:\s*-\s*[^\s/]+)?)", body)
    if party:
        return party[1], party[2], re.sub(r"\s", "", party[3])
    state = re.match(r"^(\d*)\s*/\s*(\S+(?:\s+-\s*\S+|\s*-\s+\S+)*)", body)
    if state:
        groups = re.sub(r"\s", "", state[2]).split("-")
        return state[1], groups[0], "-".join(groups[1:])
    digits = re.match(r"\d*", body)
    return (digits.group(0) if digits else ""), "", ""


def _number_problem(ctx: Context, text: str) -> str:
    colon = bool(re.match(r"^Số\s*:", text))
    body = re.sub(r"^Số\s*:?\s*", "", text)
    party_form = bool(re.match(r"^\d*\s*-[^/]+/", body))
    state_form = bool(re.match(r"^\d*\s*/", body))
    problems = []
    if ctx.party:
        if state_form:
            return "Dùng dạng số, ký hiệu của Nhà nước (“Số: …/…-…”) trong văn bản của Đảng (trộn thể thức)."
        if colon:
            problems.append("văn bản của Đảng không có dấu hai chấm sau “Số”")
    elif ctx.doan:
        if state_form:
            problems.append("ký hiệu của Đoàn viết “số-loại/cơ quan” (ví dụ “12-KH/TĐTN-VP”)")
        if not colon:
            problems.append("thiếu dấu hai chấm sau “Số”")
    else:
        if party_form and not ctx.hoi:
            return "Dùng dạng số, ký hiệu của Đảng (“Số …-…/…”) trong văn bản theo thể thức Nhà nước (trộn thể thức)."
        if not colon:
            problems.append("thiếu dấu hai chấm sau “Số”")
    symbol = body.strip()
    if re.search(r"[/-]\s|\s[/-]|\d\s+[/-]", symbol) or re.search(r"\S\s+\S", symbol):
        problems.append("có dấu cách trong ký hiệu")
    if DUPLICATE_TAIL.search(symbol):
        problems.append("phần cuối ký hiệu bị lặp")
    message = "; ".join(problems) if problems else "số, ký hiệu không đúng mẫu"
    return message[0].upper() + message[1:] + "."


def _number_fix(ctx: Context, number: str, type_code: str, issuer: str) -> str:
    if not type_code:
        example = "“Số 72-KH/TU”" if ctx.party else "“Số: 12-KH/TĐTN-VP”" if ctx.doan else "“Số: 15/KH-UBND”"
        return f"Viết theo mẫu {example}."
    return f"Viết “{_number_text(ctx, number, type_code, issuer)}”."


def _number_text(ctx: Context, number: str, type_code: str, issuer: str) -> str:
    """The number line written right for the system; a number below 10 padded, a blank number kept blank."""
    if number.isdigit() and len(number) == 1:
        number = "0" + number
    number = number or "      "
    if ctx.party:
        return f"Số {number}-{type_code}/{issuer}"
    if ctx.doan:
        return f"Số: {number}-{type_code}/{issuer}"
    return f"Số: {number}/{type_code}{'-' + issuer if issuer else ''}"


def _issuer_code_problem(ctx: Context, type_code: str, issuer: str, party_form: bool) -> tuple[str, str] | None:
    """(message, the code the issuer's documents carry) when the number line's issuer code does not fit the issuer
    named in the header (or, without a header, in the signing authority)."""
    lay, paras = ctx.layout, ctx.model.paragraphs
    name = header_issuer([paras[i].clean for i in lay.issuer])
    if not name and lay.authority is not None:
        name = re.sub(r"^(T/M|K/T|T/L|TM\.|KT\.|TL\.|TUQ\.)\s*", "", paras[lay.authority].clean)
    expected = expected_code(name) if name else None
    # "45-CV/ĐU": the issuer follows "/"; "301/LĐLĐ-TGNC" (công văn): it comes first; "15/KH-UBND": after the type.
    written = type_code if lay.doc_type == "CÔNG VĂN" and not party_form else issuer
    written = written.split("-")[0]
    if not expected or not written or written == expected:
        return None
    if ctx.system in UNCONFIRMED and system_of_code(expected) != ctx.system:
        return None  # "BAN CHẤP HÀNH TRUNG ƯƠNG" of the Đoàn is not the Party's
    owner, wanted = system_of_code(written), system_of_code(expected)
    label = f"“{name}”"
    if owner is not None and wanted is not None and owner != wanted:
        return (f"Ký hiệu cơ quan “{written}” là của {SYSTEM_NAMES[owner]}, nhưng văn bản do {label} ban hành "
                f"(ký hiệu “{expected}”).", expected)
    if expected.startswith(written) and len(expected) > len(written):
        return (f"Ký hiệu cơ quan “{written}” thiếu phần chỉ cấp “{expected[len(written):]}”: văn bản của {label} "
                f"ký hiệu “{expected}”.", expected)
    if distance(written, expected) <= 2:
        return f"Ký hiệu cơ quan “{written}” không đúng tên cơ quan {label} (ký hiệu “{expected}”).", expected
    return None


def _check_type_code(ctx: Context, p, type_code: str, issuer: str) -> None:
    doc_type = ctx.layout.doc_type
    if not type_code or doc_type is None:
        return
    if doc_type == "CÔNG VĂN":
        if ctx.party and type_code != "CV":
            ctx.add("TT-13", p, f"Công văn của Đảng có ký hiệu tên loại “CV”, ở đây là “{type_code}”.",
                    "Viết dạng “Số 45-CV/<cơ quan>”.")
        elif not ctx.party and type_code in ALL_CODES:
            ctx.add("TT-13", p, f"Công văn không có chữ viết tắt tên loại, ở đây có “{type_code}”.",
                    "Ký hiệu công văn là “<cơ quan>-<đơn vị soạn thảo>”, ví dụ “Số: 301/LĐLĐ-TGNC”.")
        return
    expected = {TYPE_CODES[doc_type]}
    if doc_type == "QUY ĐỊNH":
        expected = {"QĐ", "QĐi"} if ctx.party else {"QyĐ", "QĐ"} if ctx.system == "cong_doan" else {"QyĐ"}
    if type_code not in expected:
        ctx.add("TT-13", p, f"Tên loại là “{doc_type}” nhưng ký hiệu ghi “{type_code}”.",
                f"Dùng chữ viết tắt “{sorted(expected)[0]}” cho {doc_type.lower()}.")


def check_date_line(ctx: Context) -> None:
    lay = ctx.layout
    if lay.date is None:
        return
    p = ctx.model.paragraphs[lay.date]
    text = p.stripped
    if not DATE_LINE.match(text) and not DATE_LINE.match(single_spaced(text)):  # two spaces: VB-03 says it
        message, fix = _date_problem(text)
        ctx.add("TT-14", p, message, fix)
    if ctx.docx:
        low, high = ctx.span((13, 14), (14, 14))
        problems = [None if all_italic(p) else "chưa in nghiêng", "in đậm" if any_bold(p) else None,
                    size_problem(p, low, high)]
        if lay.header_table and p.kind == "table" and p.col != 1:
            problems.append("không nằm ở cột phải của phần đầu")
        if msg := join_problems(problems):
            ctx.add("TT-14b", p, msg[0].upper() + msg[1:] + ".", "Dòng địa danh, ngày tháng: nghiêng, không đậm, "
                    + ("cỡ 14." if ctx.party else "cỡ 13–14."))


def _date_problem(text: str) -> tuple[str, str]:
    match = re.match(r"^(?P<place>[^,]*?)\s*(?P<comma>,?)\s*ngày\s*(?P<d>\S*?)\s*tháng\s*(?P<m>\S*?)\s*năm\s*"
                     r"(?P<y>\S*)$", text)
    if not match:
        return "Dòng địa danh, ngày tháng không đúng mẫu.", "Viết “<Địa danh>, ngày dd tháng m năm yyyy”."
    problems = []
    day, month = match["d"], match["m"]
    if not match["comma"]:
        problems.append("thiếu dấu phẩy sau địa danh")
    if day.isdigit() and len(day) == 1:
        problems.append(f"ngày “{day}” phải viết “0{day}”")
        day = "0" + day
    if month.isdigit():
        if int(month) in (1, 2) and len(month) == 1:
            problems.append(f"tháng “{month}” phải viết “0{month}”")
            month = "0" + month
        elif int(month) >= 3 and month.startswith("0"):
            problems.append(f"tháng “{month}” không thêm số 0 (viết “{int(month)}”)")
            month = str(int(month))
    if not re.fullmatch(r"\d{4}", match["y"]):
        problems.append("năm phải có 4 chữ số")
    message = "; ".join(problems) if problems else "không đúng mẫu"
    fix = f"Viết “{match['place']}, ngày {day or '   '} tháng {month or '   '} năm {match['y']}”."
    return message[0].upper() + message[1:] + ".", fix


RULE_IDS = ("TT-07", "TT-08", "TT-08b", "TT-09", "TT-10", "TT-10b", "TT-11", "TT-11b", "TT-11c", "TT-12", "TT-12b",
            "TT-13", "TT-14", "TT-14b")  # the rules this module reports (kehoach kiemtra --quy-tac)
CHECKS = [check_titles, check_rules_under_titles, check_issuer, check_number, check_date_line]
