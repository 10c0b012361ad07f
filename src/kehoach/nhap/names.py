"""Names of bodies: a header's capitals written as running text cites them, and the kind of body a name is.

Headers print names in capitals ("LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU"); a citation writes "Liên đoàn Lao động tỉnh Lai
Châu". The document usually writes its own name somewhere in its text, and that spelling is used when found;
otherwise the usual spelling of the parts of Vietnamese body names below, with the place after tỉnh/huyện/xã … or
after a Party committee (Huyện ủy Phong Thổ) capitalised word by word.
"""

from __future__ import annotations

import re
import unicodedata

from kehoach.text.vntext import VI_LOWER, nfc, upper_first

# How the parts of body names are written in running text (NĐ 30/2020 Phụ lục I §I.4 on capitals in names; the
# seeds and the org catalogue for the spellings).
PARTS = (
    "Tổng Liên đoàn Lao động Việt Nam", "Liên đoàn Lao động", "Công đoàn", "Tỉnh đoàn", "Huyện đoàn", "Thành đoàn",
    "Ban Thường vụ", "Ban Chấp hành",
    "Ban Bí thư", "Bộ Chính trị", "Trung ương", "Tỉnh ủy", "Huyện ủy", "Thành ủy", "Thị ủy", "Quận ủy", "Đảng ủy",
    "Đảng bộ", "Ban Tuyên giáo", "Dân vận", "Ban Dân vận", "Ban Tổ chức", "Ban Nội chính", "Ủy ban Kiểm tra",
    "Ủy ban nhân dân", "Hội đồng nhân dân", "Ủy ban Mặt trận Tổ quốc Việt Nam", "Mặt trận Tổ quốc Việt Nam",
    "Văn phòng", "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Hội Liên hiệp Phụ nữ", "Hội Nông dân", "Hội Cựu chiến binh",
    "Việt Nam", "Hồ Chí Minh", "Đoàn", "Sở", "Trung tâm", "Chính phủ", "Quốc hội", "Thủ tướng", "Bộ", "Ban Xây dựng Đảng",
)
_SPELLING = {part.lower(): part for part in PARTS}
_PARTS = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(_SPELLING, key=len, reverse=True))) + r")(?!\w)")
_PLACE_BEFORE = (r"(?:tỉnh|huyện|xã|phường|thị trấn|thị xã|thành phố|quận|đặc khu|Tỉnh ủy|Huyện ủy|Thành ủy|Thị ủy|"
                 r"Quận ủy|Tỉnh đoàn|Huyện đoàn|Thành đoàn)")
# Kinds of body a task can be given to (giao_cho), as the profiles name them (inputs/profiles.py loai_co_quan), and
# the words that name each kind in a text.
KIND_WORDS = {
    "co_so_dao_tao": r"trung tâm (?:giáo dục|gdnn|dạy nghề|đào tạo)|cơ sở giáo dục nghề nghiệp|cơ sở đào tạo|"
                     r"cơ sở giáo dục|trường",
    "mat_tran": r"mặt trận tổ quốc|mttq",
    "doan_the": r"tổ chức chính trị\s*-\s*xã hội|đoàn thể|hội quần chúng|đoàn thanh niên|hội liên hiệp phụ nữ|"
                r"hội nông dân|hội cựu chiến binh|các hội",
    "cong_doan": r"liên đoàn lao động|lđlđ|công đoàn",
    "chinh_quyen": r"ủy ban nhân dân|ubnd|chính quyền|sở, ban, ngành|các sở|cơ quan chuyên môn|sở\b",
    "cap_uy": r"cấp ủy|huyện ủy|tỉnh ủy|thành ủy|thị ủy|quận ủy|đảng ủy|chi bộ|tổ chức đảng|chi, đảng bộ|đảng bộ",
}
_KINDS = {kind: re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE) for kind, words in KIND_WORDS.items()}


def fold(text: str) -> str:
    """Without marks, lower case: for comparing names and making file names."""
    text = unicodedata.normalize("NFD", nfc(text).replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def spelled(caps: str, text: str = "") -> str:
    """'LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU' as running text writes it; `text` is the document's own text, searched first."""
    caps = nfc(caps)
    if text:
        pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, caps.split())) + r"(?!\w)", re.IGNORECASE)
        written = [m[0] for m in pattern.finditer(text) if not m[0].isupper()]
        if written:
            return nfc(max(set(written), key=written.count))
    out = _PARTS.sub(lambda m: _SPELLING[m[0]], caps.lower())
    out = re.sub(rf"({_PLACE_BEFORE})((?:\s+[^\s,;()]+)+)$",
                 lambda m: m[1] + " ".join(w[:1].upper() + w[1:] for w in m[2].split(" ")), out)
    # An abbreviation stays in capitals: "UBND TỈNH GIA LAI" → "UBND tỉnh Gia Lai", not "Ubnd tỉnh Gia Lai".
    words = [c if _abbreviation(c) else o for c, o in zip(caps.split(" "), out.split(" "), strict=True)]
    return upper_first(" ".join(words))


_VOWELS = "AĂÂEÊIOÔƠUƯYÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ"
_TAIL = re.compile(rf"[^{_VOWELS}]*$")


def _abbreviation(word: str) -> bool:
    """'UBND', 'MTTQ', 'LĐLĐ', 'TNCS': capitals that are not a syllable: no vowel, or more consonants after the last
    vowel than a syllable ends with ("NG", "NH", "CH"; a place name of the minorities may end in one more: "ĐĂK")."""
    letters = re.sub(r"[^\w]", "", word)
    if len(letters) < 2 or not letters.isupper():
        return False
    tail = _TAIL.search(letters)
    return tail is None or tail[0] == letters or (len(tail[0]) >= 2 and tail[0] not in ("NG", "NH", "CH"))


def kinds_in(phrase: str) -> list[str]:
    """The kinds of body a phrase names ("Ủy ban MTTQ và các tổ chức chính trị - xã hội" → mat_tran, doan_the); each
    body of a list counts once, by the word that comes first in it ("Trung tâm GDNN Công đoàn …" is a training body)."""
    found: list[str] = []
    for body in re.split(r",\s+(?=các\b|[A-ZĐỦ])|\s+và\s+(?=các\b|[A-ZĐỦ])|;\s*", phrase):
        hits = [(m.start(), kind) for kind, pattern in _KINDS.items() if (m := pattern.search(body))]
        if hits:
            kind = min(hits)[1]
            if kind not in found:
                found.append(kind)
    return found


def place_of(name: str) -> str:
    """The place a body's name ends with: 'Ban Thường vụ Tỉnh ủy Cao Bằng' → 'Cao Bằng'; '' when none."""
    match = re.search(rf"{_PLACE_BEFORE}((?:\s+[A-ZĐÂĂÊÔƠƯ][^\s,;()]*)+)$", nfc(name))
    return match[1].strip() if match else ""


def lower_words(text: str) -> bool:
    """Only lower-case words (a phrase, not a name)."""
    return re.fullmatch(rf"[{VI_LOWER}]+(?:[\s,]+[{VI_LOWER}]+)*", text) is not None
