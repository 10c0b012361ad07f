"""Vietnamese text helpers: normalisation, dates, numbering, numbers.

Every rule here comes from ../shared/reference/format-rules.md §2.2, §2.4 and §5.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

_SPACES = re.compile(r"[ \t\u00a0]+")


def nfc(text: str) -> str:
    """Precomposed Unicode (TCVN 6909:2001) with stray spaces collapsed and trimmed."""
    # A build normalises the same names, recipients and parent's tasks in every draft: short texts are remembered.
    return _nfc_short(text) if len(text) <= _SHORT else _nfc(text)


def _nfc(text: str) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


_SHORT = 400  # characters: a task's paragraph, not a whole document
_nfc_short = lru_cache(maxsize=8192)(_nfc)


def upper_vi(text: str) -> str:
    """Capitals as printed in headers; str.upper is correct for Vietnamese once text is NFC."""
    return unicodedata.normalize("NFC", text.upper())


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


@dataclass(frozen=True)
class PartialDate:
    """A date the văn thư may still have to complete: the day, or day and month, left blank."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def complete(self) -> bool:
        return self.day is not None and self.month is not None

    def as_date(self) -> date | None:
        if self.day is None or self.month is None:
            return None
        return date(self.year, self.month, self.day)

    def iso(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
            if self.day is not None:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)


_BLANK = "      "  # room for the văn thư to write the day or month by hand


def _month(month: int) -> str:
    # Only January and February are padded: "tháng 02", "tháng 3" (NĐ 30, Phụ lục I).
    return f"{month:02d}" if month <= 2 else str(month)


def date_line(place: str, when: PartialDate) -> str:
    """'Lai Châu, ngày 05 tháng 02 năm 2024'; blanks where the date is not yet fixed."""
    day = f"{when.day:02d}" if when.day is not None else _BLANK
    month = _month(when.month) if when.month is not None else _BLANK
    return f"{place}, ngày {day} tháng {month} năm {when.year}"


def short_date(when: PartialDate) -> str:
    """'04/5/2023', the form used inside the text; day padded, only months 01 and 02 padded."""
    if when.day is None or when.month is None:
        if when.month is not None:
            return f"{_month(when.month)}/{when.year}"
        return str(when.year)
    return f"{when.day:02d}/{_month(when.month)}/{when.year}"


def long_date(when: PartialDate) -> str:
    """'15 tháng 01 năm 2024', the date in words as some offices cite it; 'tháng 8 năm 2023', 'năm 2023' when partial."""
    if when.month is None:
        return f"năm {when.year}"
    if when.day is None:
        return f"tháng {_month(when.month)} năm {when.year}"
    return f"{when.day:02d} tháng {_month(when.month)} năm {when.year}"


_DATE_DMY = re.compile(r"^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$")
# A citation of a document whose day (or day and month) is still blank: "…/11/2026", "…/2019" (citations.dated).
_DATE_BLANK = re.compile(r"^…\s*/\s*(?:(\d{1,2})\s*/\s*)?(\d{4})$")
# The date forms a citation carries, for finding them in running text ("… ngày 04/5/2023 của …"); parse_date reads
# what they match (the long form after "ngày ").
DATE_IN_TEXT = (r"(?:\d{1,2}\s?/\s?\d{1,2}\s?/\s?\d{4}|…\s?/\s?(?:\d{1,2}\s?/\s?)?\d{4}"
                r"|(?:\d{1,2}\s+)?tháng\s+\d{1,2}\s+năm\s+\d{4}|năm\s+\d{4})(?![\d/])")
# Lower-case Vietnamese letters, for telling the words of a phrase from the capitalised words of a name.
VI_LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
VI_UPPER = VI_LOWER.upper()  # "A-ZÀÁ…": the capital that starts each part of a name
_DATE_WORDS = re.compile(
    r"^(?:(?:ngày\s+)?(\d{1,2}|_+|\.+)?\s*)?(?:tháng\s+(\d{1,2}|_+|\.+)?\s*)?năm\s+(\d{4})$", re.IGNORECASE
)


def parse_date(value: object) -> PartialDate:
    """Accept '04/5/2023', '4-5-2023', '2023-05-04', a YAML date, 'ngày 04 tháng 5 năm 2023', '30 tháng 01 năm 2023',
    '2023-08', 'tháng 8 năm 2023' or '…/8/2023' (day left blank), '2019' or '…/2019' (day and month blank).

    Raises ValueError with a Vietnamese reason for an impossible date.
    """
    if isinstance(value, date):
        return PartialDate(value.year, value.month, value.day)
    if isinstance(value, int) and 1900 <= value <= 2200:
        return PartialDate(value)
    text = nfc(str(value))
    day = month = None
    if m := _DATE_DMY.match(text):
        day, month, year = int(m[1]), int(m[2]), int(m[3])
    elif m := _DATE_BLANK.match(text):
        year, month = int(m[2]), int(m[1]) if m[1] else None
    elif m := _DATE_ISO.match(text):
        year, month = int(m[1]), int(m[2])
        day = int(m[3]) if m[3] else None
    elif m := _DATE_WORDS.match(text):
        year = int(m[3])
        month = int(m[2]) if m[2] and m[2].isdigit() else None
        day = int(m[1]) if m[1] and m[1].isdigit() else None
        if day is not None and month is None:
            raise ValueError(f"'{text}' có ngày nhưng thiếu tháng")
    elif re.fullmatch(r"\d{4}", text):
        year = int(text)
    else:
        raise ValueError(f"'{text}' không phải là ngày (viết dd/mm/yyyy, ví dụ 04/5/2023)")
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"'{text}': không có tháng {month}")
    if day is not None:
        try:
            date(year, month or 1, day)
        except ValueError:
            raise ValueError(f"'{text}': tháng {month} năm {year} không có ngày {day}") from None
    return PartialDate(year, month, day)


_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(n: int) -> str:
    if n < 1:
        raise ValueError("số La Mã bắt đầu từ 1")
    out = []
    for value, symbol in _ROMAN:
        count, n = divmod(n, value)
        out.append(symbol * count)
    return "".join(out)


# Vietnamese điểm letters: no f, j, w, z; đ comes after d (NĐ 30, Phụ lục I; HD 36).
VI_LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()


def letter(n: int) -> str:
    if not 1 <= n <= len(VI_LETTERS):
        raise ValueError(f"không có chữ cái thứ {n} để đánh số điểm")
    return VI_LETTERS[n - 1]


def number_vi(value: int | float) -> str:
    """'1.500', '2,5': Vietnamese grouping and decimal marks."""
    from babel.numbers import format_decimal  # Babel's locale data load only when a number is formatted

    return format_decimal(value, locale="vi_VN")


NBSP = "\u00a0"
_COMMITTEE = r"(?:Tỉnh|Huyện|Thành|Thị|Quận|Đảng) [uủ][yỷ]"  # "Tỉnh ủy", "Đảng ủy" (and the old "uỷ")
_ORGANS = re.compile(
    r"(?<!\w)(?:"
    rf"Ban (?:Thường vụ|Chấp hành|Bí thư|Thường trực|Tuyên giáo và Dân vận|Tuyên giáo|Dân vận|Tổ chức|Nội chính)"
    rf"(?: Trung ương(?: Đảng| Đoàn)?| {_COMMITTEE})?"
    rf"|{_COMMITTEE}"
    r"|Ủy ban (?:nhân dân|Kiểm tra|Mặt trận Tổ quốc(?: Việt Nam)?)|Hội đồng nhân dân"
    r"|Bộ Chính trị|Trung ương Đảng|Thủ tướng Chính phủ|Tổng Liên đoàn Lao động(?: Việt Nam)?|Liên đoàn Lao động"
    r"|Văn phòng (?:Trung ương Đảng|Chính phủ)"
    r")(?!\w)")


def unbroken_names(text: str) -> str:
    """The words of each organ name joined by non-breaking spaces, so a centred title never breaks inside one:
    "… của Ban Thường vụ Tỉnh" / "ủy" cannot happen (trial 1, defect 13; as layout.py keeps "21-CT/TW" whole).
    Readers (kiemtra, nhap, the merge) take U+00A0 as a space. Covers the names of the Party's and the State's
    bodies and of the unions that a trích yếu cites; other words break as usual."""
    return _ORGANS.sub(lambda m: m[0].replace(" ", NBSP), text)
