"""Tell which rule book a document follows, from every mark it carries, and say which marks decided.

A complete header settles it (ĐẢNG CỘNG SẢN VIỆT NAM; ĐOÀN TNCS HỒ CHÍ MINH; the Quốc hiệu with the issuer under it).
A text copied from a portal often has no header, so the other marks are weighed: the number line and its issuer
code, the issuer's own name in the header or in the opening ("Ban Tuyên giáo Tỉnh ủy hướng dẫn …"), the signing
prefixes, the "Lưu" line, the separators of Nơi nhận, the symbols of the documents it cites (a Party text cites
"-KH/TU", "-HD/BTGTU"), the words of its subject (cấp ủy, đảng viên; đoàn viên công đoàn; hội viên) and how it ends.

Systems: nha_nuoc, dang, cong_doan, and for the checker two more: doan (Đoàn TNCS Hồ Chí Minh: its own header, "***",
"Số: 12-KH/TĐTN-VP") and hoi (Mặt trận and the hội quần chúng: Hội LHPN, Hội Nông dân, Hội Cựu chiến binh).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from kehoach.docx.model import Model
from kehoach.kiemtra.issuers import SYSTEM_NAMES, system_of_code
from kehoach.kiemtra.structure import DOAN_TITLE, PARTY_TITLE, QUOC_HIEU, is_caps

STRONG, MEDIUM, WEAK = 10, 3, 1
HEADER_LINES = 25
OPENING_LINES = 8
CERTAIN_MARGIN = 4
STATE_FAMILY = ("nha_nuoc", "cong_doan", "hoi")

NUMBER = re.compile(r"^Số\s*(?P<colon>:?)\s*[\d\s]*(?P<sep>[/-])\s*(?P<rest>[A-Za-zĐđ][\wĐđ&/-]*)")
PARTY_SIGN = re.compile(r"^(T/M|K/T|T/L)\s")
STATE_SIGN = re.compile(r"^(TM|KT|TL|TUQ)\.\s")
CITED = re.compile(r"(?<![\w/.-])\d+\s*-\s*[A-Za-zĐđ]+\s*/\s*(?P<party>[A-ZĐ][A-ZĐa-z]*(?:-[A-ZĐ]+)?)(?![\w])|"
                   r"(?<![\w/.-])\d+/(?:\d{4}/)?[A-ZĐ][A-Za-zĐđ]*-(?P<state>[A-ZĐ][A-Za-zĐđ]*)(?![\w-])")
# Who the header or the opening says the issuer is.
ISSUER_WORDS = (
    ("doan", r"\b(TỈNH ĐOÀN|HUYỆN ĐOÀN|THÀNH ĐOÀN|ĐOÀN TNCS|ĐOÀN THANH NIÊN|TRUNG ƯƠNG ĐOÀN|BCH ĐOÀN)\b"),
    ("hoi", r"\b(HỘI LIÊN HIỆP PHỤ NỮ|HỘI LHPN|HỘI NÔNG DÂN|HỘI CỰU CHIẾN BINH|MẶT TRẬN TỔ QUỐC|MTTQ)\b"),
    ("cong_doan", r"\b(LIÊN ĐOÀN LAO ĐỘNG|CÔNG ĐOÀN|LĐLĐ)\b"),
    ("dang", r"\b(TỈNH ỦY|THÀNH ỦY|HUYỆN ỦY|QUẬN ỦY|THỊ ỦY|ĐẢNG ỦY|ĐẢNG BỘ|BAN TUYÊN GIÁO|BAN DÂN VẬN|"
             r"BAN TỔ CHỨC|ỦY BAN KIỂM TRA|BAN CHẤP HÀNH TRUNG ƯƠNG)\b"),
    ("nha_nuoc", r"\b(ỦY BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|SỞ|BỘ|CHÍNH PHỦ|THỦ TƯỚNG)\b"),
)
ACTS = r"(ban hành|xây dựng|hướng dẫn|triển khai|đề nghị|yêu cầu|thông báo|chỉ đạo)"
VOCABULARY = (
    ("dang", r"\b(cấp ủy|chi bộ|đảng viên|tổ chức đảng|tổ chức cơ sở đảng|đảng bộ)\b"),
    ("cong_doan", r"\b(công đoàn cơ sở|đoàn viên công đoàn|người lao động|công nhân, viên chức)\b"),
    ("doan", r"\b(đoàn viên, thanh niên|đoàn viên thanh niên|thiếu nhi|cơ sở đoàn)\b"),
    ("hoi", r"\b(hội viên|phụ nữ|nông dân|cựu chiến binh)\b"),
)


@dataclass
class Detection:
    system: str
    reason: str  # in Vietnamese: the marks that decided, and the doubt if any
    certain: bool
    signals: dict[str, list[str]] = field(default_factory=dict)


# The profile systems (inputs/models.py) are three; the Đoàn and the hội are looks of their own for the checker only.
PROFILE_SYSTEM = {"doan": "nha_nuoc", "hoi": "nha_nuoc"}


def detect_system(model: Model) -> tuple[str, str]:
    """(one of the profile systems nha_nuoc, dang, cong_doan; reason in Vietnamese), for readers such as the importer
    that write a profile's system; the checker itself uses `detect`, which also knows the Đoàn and the hội."""
    found = detect(model)
    return PROFILE_SYSTEM.get(found.system, found.system), found.reason


def detect(model: Model) -> Detection:
    texts = [p.clean for p in model.paragraphs if p.clean]
    scores: dict[str, int] = defaultdict(int)
    signals: dict[str, list[tuple[int, str]]] = defaultdict(list)

    def mark(system: str, weight: int, what: str) -> None:
        if what not in (w for _, w in signals[system]):
            scores[system] += weight
            signals[system].append((weight, what))

    head = texts[:HEADER_LINES]
    for t in head:
        if t.upper() == PARTY_TITLE:
            mark("dang", STRONG, "tiêu đề “ĐẢNG CỘNG SẢN VIỆT NAM”")
        elif DOAN_TITLE.match(t):
            mark("doan", STRONG, f"tiêu đề “{t}”")
        elif QUOC_HIEU.match(t):
            for system in STATE_FAMILY:
                mark(system, STRONG, "Quốc hiệu")
        elif t == "***":
            mark("doan", MEDIUM, "dấu “***” dưới tên cơ quan")
        elif t == "*":
            mark("dang", MEDIUM, "dấu “*” dưới tên cơ quan")
        if is_caps(t) and len(t.split()) <= 12:
            for system, pattern in ISSUER_WORDS:
                if re.search(pattern, t):
                    mark(system, MEDIUM, f"tên cơ quan “{t}”")
                    break
    _number_marks(texts, mark)
    _closing_marks(texts, mark)
    _body_marks(texts, mark)
    return _decide(scores, signals)


def _number_marks(texts: list[str], mark) -> None:
    for t in texts[:HEADER_LINES * 2]:
        number = NUMBER.match(t)
        if not number:
            continue
        code = number["rest"].split("/")[-1] if number["sep"] == "-" else number["rest"].split("-")[-1]
        if number["sep"] == "/" and "-" in number["rest"]:
            first = number["rest"].split("-")[0]
            code = first if system_of_code(first) else code  # công văn: "301/UBND-VX"
        owner = system_of_code(code)
        if number["sep"] == "-" and owner == "doan":
            mark("doan", MEDIUM, f"số, ký hiệu của Đoàn (“{t}”)")
        elif number["sep"] == "-" and not number["colon"]:
            mark("dang", MEDIUM, f"dòng số, ký hiệu kiểu Đảng (“{t}”)")
        elif number["sep"] == "/":
            for system in STATE_FAMILY:
                mark(system, MEDIUM, f"dòng số, ký hiệu có dấu hai chấm (“{t}”)")
        if owner is not None:
            mark(owner, MEDIUM, f"ký hiệu cơ quan “{code}” ở dòng số")
        break


def _closing_marks(texts: list[str], mark) -> None:
    for t in texts:
        if PARTY_SIGN.match(t):
            mark("dang", MEDIUM, "quyền hạn ký “T/M”, “K/T”")
        elif STATE_SIGN.match(t):
            for system in (*STATE_FAMILY, "doan"):
                mark(system, MEDIUM, "quyền hạn ký “TM.”, “KT.”")
            if re.search(r"\bĐOÀN\b(?! CHỦ TỊCH)", t):
                mark("doan", MEDIUM, f"quyền hạn ký “{t}”")
        if re.match(r"^-\s*Lưu\b", t):
            if re.match(r"^-\s*Lưu\s*:|^-\s*Lưu\s+VT\b", t):
                for system in STATE_FAMILY:
                    mark(system, MEDIUM, "dòng “Lưu: VT”")
            else:
                mark("dang", MEDIUM, "dòng “Lưu …” không có “VT”")
    items = [t for t in texts if t.startswith("- ")]
    if sum(t.endswith(",") for t in items) >= 3:
        mark("dang", WEAK, "nơi nhận ngăn bằng dấu phẩy")


def _body_marks(texts: list[str], mark) -> None:
    body = [t for t in texts if not is_caps(t) and not NUMBER.match(t)]
    for t in body[:OPENING_LINES]:
        # "…của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Huyện ủy xây dựng Kế hoạch": the actor is the clause just
        # before the verb, not the body cited earlier in the sentence.
        for act in re.finditer(rf"\b{ACTS}\b", t):
            clause = re.split(r"[,;:.]", t[:act.start()])[-1]
            actor = next((system for system, pattern in ISSUER_WORDS if re.search(pattern, clause, re.IGNORECASE)),
                         None)
            if actor:
                mark(actor, MEDIUM, f"phần mở đầu: “{' '.join(clause.split())} {act[0]}…”")
                break
    cited: dict[str, set[str]] = defaultdict(set)
    for t in body:
        for match in CITED.finditer(t):
            code = match["party"] or match["state"]
            owner = system_of_code(code)
            if owner is not None and code not in ("TW", "CP", "TTg", "QH", "TLĐ"):  # the centre is cited by all
                cited[owner].add(match[0].replace(" ", ""))
    for system, symbols in cited.items():
        shown = ", ".join(sorted(symbols)[:3])
        mark(system, min(len(symbols), 3) * WEAK, f"trích dẫn văn bản {shown}")
    text = " ".join(body).lower()
    for system, pattern in VOCABULARY:
        count = len(re.findall(pattern, text))
        if count >= 3:
            mark(system, WEAK, f"từ ngữ của {SYSTEM_NAMES[system]} ({count} lần)")
    last = next((t for t in reversed(body) if len(t) > 40), "")
    if last.endswith("./."):
        for system in STATE_FAMILY:
            mark(system, WEAK, "nội dung kết thúc bằng “./.”")


def _decide(scores: dict[str, int], signals: dict[str, list[tuple[int, str]]]) -> Detection:
    if not scores:
        return Detection("nha_nuoc", "không đủ dấu hiệu; mặc định Nhà nước (chỉ định bằng --he-thong nếu sai)",
                         False)
    state = _family_member(signals)
    # Three looks compete: the Party, the Đoàn, and the State look (State, union, Mặt trận and hội).
    totals = {"dang": scores.get("dang", 0), "doan": scores.get("doan", 0), state: scores.get(state, 0)}
    ranked = sorted(totals, key=lambda s: (-totals[s], ("nha_nuoc", "cong_doan", "hoi", "dang", "doan").index(s)))
    best, runner = ranked[0], ranked[1]
    margin = totals[best] - totals[runner]
    strong = any(weight >= STRONG for weight, _ in signals.get(best, []))
    medium = sum(1 for weight, _ in signals.get(best, []) if weight >= MEDIUM)
    certain = (strong and margin >= MEDIUM) or (medium >= 2 and margin >= CERTAIN_MARGIN + WEAK)
    own = sorted(signals.get(best, []), key=lambda s: -s[0])
    reason = "nhận diện từ " + "; ".join(what for _, what in own[:4]) if own else "không đủ dấu hiệu"
    mine = {what for _, what in signals.get(best, [])}
    theirs = [what for _, what in sorted(signals.get(runner, []), key=lambda s: -s[0]) if what not in mine]
    if theirs:
        reason += f"; có dấu hiệu của {SYSTEM_NAMES[runner]}: {'; '.join(theirs[:2])}"
    if not certain:
        reason += "; chưa chắc chắn (chỉ định bằng --he-thong nếu sai)"
    return Detection(best, reason, certain, {s: [w for _, w in v] for s, v in signals.items()})


def _family_member(signals: dict[str, list[tuple[int, str]]]) -> str:
    """Among the State-look systems, the one whose own marks (issuer name or code, opening) are strongest; the State
    unless the union or a hội shows a mark of its own at least as strong as a number line."""
    shared = set.intersection(*({w for _, w in signals.get(s, [])} for s in STATE_FAMILY))
    own = {s: [(w, what) for w, what in signals.get(s, []) if what not in shared] for s in STATE_FAMILY}
    weight = {s: sum(w for w, _ in marks) for s, marks in own.items()}
    contenders = [s for s in ("cong_doan", "hoi") if any(w >= MEDIUM for w, _ in own[s])]
    best = max(contenders, key=lambda s: weight[s], default=None)
    return best if best is not None and weight[best] >= weight["nha_nuoc"] else "nha_nuoc"
