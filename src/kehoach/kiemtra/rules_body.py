"""Body: numbering of mục/khoản/điểm, heading form, paragraph format, end of content, repeated words
(format-rules.md §8, rules 19, 20, 22).

Only a paragraph that *starts* with a number is numbering: "1." inside a sentence, bullets "- " and lines of running
text are never headings.
"""

from __future__ import annotations

import re
from collections import Counter

from kehoach.docx.model import Para
from kehoach.kiemtra import lexicon
from kehoach.kiemtra.context import Context, all_bold, all_italic, in_range, size_of
from kehoach.text.numbering import DIEM, KHOAN, SUB_KHOAN, VIET_LETTERS, is_caps, roman_heading, to_roman

HEADING_WORDS = 10
# Heading words that are listed ("MỤC ĐÍCH, YÊU CẦU"), not joined like "KINH TẾ - XÃ HỘI".
HEADING_NOUNS = r"(MỤC ĐÍCH|YÊU CẦU|MỤC TIÊU|NHIỆM VỤ|GIẢI PHÁP|NỘI DUNG|KẾT QUẢ|HẠN CHẾ|TỒN TẠI|NGUYÊN NHÂN|" \
                r"PHƯƠNG HƯỚNG|BÀI HỌC|KIẾN NGHỊ|ĐỀ XUẤT|THỜI GIAN|ĐỊA ĐIỂM|THÀNH PHẦN|ĐỐI TƯỢNG|PHẠM VI)"
LISTED_WITH_HYPHEN = re.compile(rf"{HEADING_NOUNS}\s*[-–]\s*{HEADING_NOUNS}")
# Reduplications that are correct Vietnamese ("người người, nhà nhà thi đua").
REDUPLICATION_OK = {"người", "nhà", "ngành", "ngày", "đời", "mãi", "xa", "dần", "nơi", "lớp", "ai", "gì", "đâu",
                    "từng", "chiều", "năm", "tháng"}
HD05_YEAR = 2026  # Hướng dẫn 05-HD/VPTW replaces HD 36 (format-rules.md §6)
PART = re.compile(r"^(Phần|Chương|Mục|Điều)\s+(\d+|[IVXL]+|thứ\s+\w+)\b")
REPEATED = re.compile(r"(?<!\w)(\w{2,})\s+(\1)(?!\w)", re.IGNORECASE)


def _missing(numbers: list[str]) -> str:
    return ", ".join(numbers)


def check_numbering(ctx: Context) -> None:
    paras = ctx.model.paragraphs
    last_roman = 0
    last_khoan = 0
    last_diem = -1
    sub_list: tuple[int, int] | None = None  # (the khoản heading's number, last item) while its items count 1., 2.
    last_sub = (0, 0)  # the last "1.1"-style number
    previous = ""  # the paragraph before, when it was a khoản heading
    for i in ctx.layout.body:
        text = paras[i].clean
        heading_before, previous = previous, ""
        if PART.match(text):  # "Phần II", "Chương I", "Điều 3.": numbering below restarts
            last_roman, last_khoan, last_diem = (0 if not text.startswith("Điều") else last_roman), 0, -1
            sub_list = None
            continue
        roman = roman_heading(text)
        if roman:
            value = _roman(roman["num"])
            if value > last_roman + 1:
                gap = [to_roman(n) for n in range(last_roman + 1, value)]
                ctx.add("TT-20a", i, f"Thiếu mục {_missing(gap)}: sau mục {to_roman(last_roman) or '(đầu)'} là "
                        f"mục {roman['num']}.", f"Đánh lại số: “{to_roman(last_roman + 1)}.” thay cho "
                        f"“{roman['num']}.” và các mục sau.")
            elif value <= last_roman:
                ctx.add("TT-20a", i, f"Mục {roman['num']} lặp lại hoặc sai thứ tự (sau mục {to_roman(last_roman)}).",
                        f"Đánh lại số: “{to_roman(last_roman + 1)}.”.")
            last_roman, last_khoan, last_diem, sub_list, last_sub = max(value, last_roman), 0, -1, None, (0, 0)
            continue
        khoan = KHOAN.match(text)
        if khoan:
            value = int(khoan["num"])
            if sub_list is not None:
                parent, item = sub_list
                if value == item + 1 and not (value == parent + 1 and _heading_like(paras[i])):
                    sub_list = (parent, value)
                    continue
                sub_list = None
            if value == 1 and last_khoan and heading_before and not _heading_like(paras[i]):
                # "1. Mục đích." then "1. …", "2. …": the items of a khoản are lettered, not numbered again.
                sub_list = (last_khoan, 1)
                ctx.add("TT-20b", i, f"Sau khoản “{heading_before[:40]}”, các ý lại đánh số “1.”, “2.” …: ý trong "
                        "một khoản đánh a), b), c) … hoặc gạch đầu dòng.",
                        f"Viết “a) {khoan['rest'][:40]}{'…' if len(khoan['rest']) > 40 else ''}” và tiếp theo b), "
                        "c) …")
                continue
            if value > last_khoan + 1:
                gap = [str(n) for n in range(last_khoan + 1, value)]
                where = f" trong mục {to_roman(last_roman)}" if last_roman else ""
                ctx.add("TT-20b", i, f"Thiếu khoản {_missing(gap)}{where}: sau khoản {last_khoan or '(đầu)'} là "
                        f"khoản {value}.", f"Đánh lại số: “{last_khoan + 1}.” và các khoản sau.")
            elif value <= last_khoan:
                ctx.add("TT-20b", i, f"Khoản {value} lặp lại hoặc sai thứ tự (sau khoản {last_khoan}).",
                        f"Đánh lại số: “{last_khoan + 1}.”.")
            last_khoan, last_diem = max(value, last_khoan), -1
            previous = text if _heading_like(paras[i]) else ""
            continue
        sub = SUB_KHOAN.match(text)
        if sub:
            parent, number = int(sub["num"]), int(sub["sub"])
            if parent != last_khoan and (parent, number) != (last_sub[0], last_sub[1] + 1):
                ctx.add("TT-20b", i, f"Có “{parent}.{number}” nhưng phía trên không có khoản “{parent}.” trong mục "
                        f"này.", f"Thêm khoản “{parent}. …” phía trên, hoặc đánh lại số “{last_khoan + 1}.”.")
            elif parent == last_sub[0] and number > last_sub[1] + 1:
                ctx.add("TT-20b", i, f"Thiếu “{parent}.{last_sub[1] + 1}”: sau “{parent}.{last_sub[1]}” là "
                        f"“{parent}.{number}”.", f"Đánh lại số: “{parent}.{last_sub[1] + 1}.”.")
            last_sub = (parent, number)
            continue
        diem = DIEM.match(text)
        if diem:
            value = VIET_LETTERS.index(diem["letter"])
            if value > last_diem + 1:
                gap = [f"{c})" for c in VIET_LETTERS[last_diem + 1:value]]
                ctx.add("TT-20c", i, f"Thiếu điểm {_missing(gap)}: điểm đi theo thứ tự a, b, c, d, đ, e, g …",
                        f"Đánh lại: “{VIET_LETTERS[last_diem + 1]})” thay cho “{diem['letter']})”.")
            elif value <= last_diem:
                ctx.add("TT-20c", i, f"Điểm {diem['letter']}) lặp lại hoặc sai thứ tự.",
                        f"Đánh lại: “{VIET_LETTERS[last_diem + 1]})”.")
            last_diem = max(value, last_diem)


def _heading_like(p: Para) -> bool:
    """A khoản that is a heading ("1. Mục đích", "2. Yêu cầu:"): short, not a sentence of the text."""
    rest = KHOAN.match(p.clean)
    return bool(rest) and len(p.clean.split()) <= HEADING_WORDS and not p.clean.endswith((";", ","))


def _roman(numeral: str) -> int:
    return next(n for n in range(1, 60) if to_roman(n) == numeral)


def check_heading_form(ctx: Context) -> None:
    paras = ctx.model.paragraphs
    first_form: tuple[str, str] | None = None
    first_text = ""
    for i in ctx.layout.body:
        p = paras[i]
        text = p.stripped
        problems = []
        roman = re.match(r"^(?P<num>[IVXL]+)(?P<pre>\s*)(?P<sep>[.\-–])(?P<space>\s*)", text)
        if roman and roman_heading(p.clean):
            form = (roman["pre"] + roman["sep"], "space" if roman["space"] else "")
            if roman["sep"] != "." and not ctx.party:
                problems.append(f"dùng “{roman['sep']}” sau số La Mã (cần “.”)")
            elif roman["sep"] == "–":
                problems.append("dùng gạch ngang dài “–” sau số La Mã")
            if not roman["space"]:
                problems.append("thiếu dấu cách sau số thứ tự")
            if first_form is None and not problems:
                first_form, first_text = form, p.clean  # the reference is the first heading written right
            elif first_form is not None and form != first_form and not problems:
                problems.append(f"cách viết số thứ tự khác mục đầu “{first_text[:30]}”")
            title = text[roman.end():]
            if not is_caps(title):
                problems.append("tên mục chưa viết in hoa hết")
            if title.rstrip().endswith(":"):
                problems.append("tên mục có dấu hai chấm ở cuối")
            if LISTED_WITH_HYPHEN.search(title):
                problems.append("hai cụm của tên mục nối bằng “-” (liệt kê thì dùng dấu phẩy)")
            if ctx.docx and not all_bold(p):
                problems.append("tiêu đề mục chưa in đậm")
        else:
            khoan = KHOAN.match(p.clean)
            if khoan and not khoan["space"]:
                problems.append("thiếu dấu cách sau số thứ tự")
        if problems:
            message = "; ".join(problems)
            if not roman or not roman_heading(p.clean):
                fix = "Viết “" + re.sub(r"^(\d+)\.\s*", r"\1. ", p.clean)[:40] + " …”."
            else:
                fix = f"Viết “{_heading_fixed(ctx, roman, text, first_form)}”" + (" (in đậm)." if ctx.docx else ".")
                if ctx.party:
                    fix += " Viết thống nhất “I- …” hoặc “I. …” trong cả văn bản."
            ctx.add("TT-20d", p, message[0].upper() + message[1:] + ".", fix)


def _heading_fixed(ctx: Context, roman: re.Match, text: str, first_form: tuple[str, str] | None) -> str:
    """The heading written right: "I.MỤC ĐÍCH - YÊU CẦU:" → "I. MỤC ĐÍCH, YÊU CẦU"."""
    sep = "."
    if ctx.party and first_form is not None and first_form[0].strip() in (".", "-"):
        sep = first_form[0].strip()
    title = text[roman.end():].strip().rstrip(":").strip()
    title = LISTED_WITH_HYPHEN.sub(lambda m: f"{m[1]}, {m[2]}", title)
    return f"{roman['num']}{sep} {title.upper()}"


def _is_heading(p: Para) -> bool:
    """Roman sections, and numbered lines set apart by weight: "1. Mục đích" in bold, "2.1. Đến năm 2030" in italic."""
    if roman_heading(p.clean):
        return True
    numbered = KHOAN.match(p.clean) or DIEM.match(p.clean) or re.match(r"^\d+\.\d+", p.clean)
    return bool(numbered and (all_bold(p) or all_italic(p)))


def check_body_format(ctx: Context) -> None:
    if not ctx.docx:
        return
    paras = ctx.model.paragraphs
    body = [paras[i] for i in ctx.layout.body if paras[i].kind == "body" and not _is_heading(paras[i])]
    low, high = ctx.span((13, 14), (14, 15))
    sizes = {p.index: size_of(p) for p in body}
    common = Counter(s for s in sizes.values() if in_range(s, low, high)).most_common(1)
    mode = common[0][0] if common else None
    groups: dict[str, list[Para]] = {key: [] for key in "abcdefg"}
    for p in body:
        size = sizes[p.index]
        groups["a"] += [p] if p.alignment != "both" else []
        groups["b"] += [p] if not in_range(size, low, high) else []
        odd_size = size is not None and mode is not None and in_range(size, low, high) and abs(size - mode) > 0.25
        groups["c"] += [p] if odd_size else []
        italic_ok = p.clean.startswith("Căn cứ")  # căn cứ lines may be italic (NĐ 30)
        groups["d"] += [p] if all_bold(p) or (all_italic(p) and not italic_ok) else []
        groups["e"] += [p] if not in_range(p.first_line_mm, 10, 12.7, 0.5) else []
        groups["f"] += [p] if max(p.space_before or 0, p.space_after or 0) < 6 - 0.5 else []
        groups["g"] += [p] if not _line_ok(p, size, ctx.party) else []
    texts = {
        "a": ("chưa canh đều hai lề", "Chọn Justify (Ctrl+J) cho các đoạn nội dung."),
        "b": (f"cỡ chữ ngoài khoảng {low}–{high}", f"Đặt cỡ chữ nội dung {low if ctx.party else 14}."),
        "c": (f"cỡ chữ khác cỡ chung {mode or 0:g} của nội dung", "Dùng một cỡ chữ cho toàn bộ nội dung."),
        "d": ("cả đoạn in đậm hoặc in nghiêng", "Bỏ đậm/nghiêng; chỉ tiêu đề mục, khoản được in đậm."),
        "e": ("thụt đầu dòng ngoài khoảng 10–12,7 mm", "Đặt First line 1,27 cm (hoặc 1 cm)."),
        "f": ("khoảng cách đoạn dưới 6 pt", "Đặt Spacing Before hoặc After 6 pt."),
        "g": ("khoảng cách dòng ngoài khoảng dòng đơn – 1,5 dòng", "Đặt Line spacing từ Single đến 1.5 lines."),
    }
    for key, offenders in groups.items():
        if offenders:
            what, fix = texts[key]
            extra = f" (ví dụ {_describe(offenders[0], key)})" if key in "efg" else ""
            ctx.add(f"TT-19{key}", offenders[0], f"{len(offenders)} đoạn nội dung {what}{extra}, đầu tiên ở "
                    f"{offenders[0].where()}.", fix)


def _describe(p: Para, key: str) -> str:
    if key == "e":
        return f"{p.first_line_mm or 0:.1f} mm"
    if key == "f":
        return f"trước {p.space_before or 0:g} pt, sau {p.space_after or 0:g} pt"
    rule = "dòng" if p.line_rule == "auto" else "pt"
    return f"{p.line_spacing:g} {rule}" if p.line_spacing else "không đặt"


def _line_ok(p: Para, size: float | None, party: bool) -> bool:
    if p.line_spacing is None:
        return True  # Word's default is single spacing
    if p.line_rule in (None, "auto"):
        return 0.99 <= p.line_spacing <= 1.51
    if party and p.line_rule == "exact" and 18 - 0.5 <= p.line_spacing <= 22 + 0.5:
        return True
    size = size or 14
    return size * 1.0 - 0.5 <= p.line_spacing <= size * 1.5 * 1.15 + 0.5


def check_end_of_content(ctx: Context) -> None:
    body = [i for i in ctx.layout.body if ctx.model.paragraphs[i].kind != "table"]
    if not body or ctx.doan:  # the Đoàn's ending is not confirmed either way
        return
    last = ctx.model.paragraphs[body[-1]]
    text = last.clean
    tail = f"…{text[-40:]}"
    if ctx.party:
        # HD 36 (2018) sets no ending and Party documents of its period commonly end "./."; only HD 05 (2026, not
        # confirmed) asks for "." alone: a warning for documents dated 2026 or later, nothing before.
        year = _year(ctx)
        if text.endswith("./.") and year is not None and year >= HD05_YEAR and ctx.chosen.get("ket_thuc") != "./.":
            ctx.add("TT-22", last, f"Văn bản năm {year} kết thúc bằng “./.”.", "Thay “./.” bằng dấu chấm “.”.",
                    quote=tail)
        elif not text.endswith("."):
            ctx.add("TT-22", last, "Nội dung không kết thúc bằng dấu chấm.", "Thêm dấu chấm “.” cuối đoạn.",
                    quote=tail)
    elif not text.endswith("./."):
        ctx.add("TT-22", last, "Nội dung không kết thúc bằng “./.”.",
                f"Kết thúc đoạn cuối bằng “{text.rstrip('.').rstrip()}./.”." if len(text) < 40 else
                "Thay dấu chấm cuối đoạn bằng “./.”.", quote=tail)


def _year(ctx: Context) -> int | None:
    date = ctx.layout.date
    found = re.search(r"năm\s+(\d{4})\s*$", ctx.model.paragraphs[date].clean) if date is not None else None
    return int(found[1]) if found else None


def check_repeated_words(ctx: Context) -> None:
    for p in ctx.model.paragraphs:
        for match in REPEATED.finditer(p.clean):
            word = match[1]
            # "Đại hội Hội Liên hiệp Phụ nữ", "Đảng ủy Ủy ban nhân dân tỉnh": the capital starts a name.
            starts_name = word[0].islower() and match[2][0].isupper()
            if word.lower() == match[2].lower() and word.lower() not in REDUPLICATION_OK and not word.isdigit() \
                    and not starts_name and not _two_words(p.clean, match):
                start = max(0, match.start() - 25)
                ctx.add("VB-01", p, f"Từ “{word}” viết hai lần liền nhau.", f"Xóa một chữ “{word}”.",
                        quote=p.clean[start:match.end() + 25])


def _two_words(text: str, match: re.Match) -> bool:
    """The doubled syllable ends one word and starts the next: "hành vi vi phạm" is "hành vi" + "vi phạm", both
    words of the term list (data/thuat-ngu.txt), so nothing is written twice."""
    before = WORD_BEFORE.search(text[:match.start()])
    after = WORD_AFTER.match(text[match.end():])
    return bool(before and after and lexicon.is_term([before[1], match[1]]) and lexicon.is_term([match[2], after[1]]))


WORD_BEFORE = re.compile(r"([^\W\d_]+)\s+$")
WORD_AFTER = re.compile(r"\s+([^\W\d_]+)")

RULE_IDS = ("TT-19a", "TT-19b", "TT-19c", "TT-19d", "TT-19e", "TT-19f", "TT-19g", "TT-20a", "TT-20b", "TT-20c",
            "TT-20d", "TT-22", "VB-01")  # the rules this module reports (kehoach kiemtra --quy-tac)
CHECKS = [check_numbering, check_heading_form, check_body_format, check_end_of_content, check_repeated_words]
