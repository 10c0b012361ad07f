"""One file in, its document and the documents it cites out, as document files' data (nothing written).

The document's own frame comes from header.py, its issuer from the office's profiles (catalogue.py) or from its
header written as running text (names.py), its trích yếu and parents from the citation grammar the writer uses
(drafting/cited.py), its tasks from tasks.py. Whatever is unsure becomes a Note beside its key; what was looked for
and found or not becomes the report.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from kehoach.drafting.cited import read_all
from kehoach.drafting.trich_yeu import read_subject
from kehoach.errors import InputError, Problem
from kehoach.inputs.profiles import KINDS, PEOPLE
from kehoach.nhap import catalogue
from kehoach.nhap.chain import Cluster, chain_of, find, gather
from kehoach.nhap.header import Header, read_header
from kehoach.nhap.names import fold, place_of, slug, spelled
from kehoach.nhap.reporting import reporting_line
from kehoach.nhap.result import Finding, Found, Imported, Note
from kehoach.nhap.sources import KINDS as SOURCE_KINDS
from kehoach.nhap.sources import Source, read_pages, read_source
from kehoach.nhap.store import STUB_NOTE
from kehoach.nhap.tasks import generic, read_tasks
from kehoach.text.vntext import PartialDate, lower_first, short_date

_COLLECTIVE = re.compile(r"^(?:T\s*/\s*M|TM)\.?\s+(BAN THƯỜNG VỤ|BAN CHẤP HÀNH|ĐẢNG ĐOÀN|BAN CÁN SỰ ĐẢNG)\b")
_LEADING_COLLECTIVE = re.compile(r"^(?:Ban Thường vụ|Ban Chấp hành)\s+(?=\S)")
_COMMITTEE = re.compile(r"(Tỉnh ủy|Huyện ủy|Thành ủy|Thị ủy|Quận ủy|Đảng ủy)$")
_ANY_COMMITTEE = re.compile(r"Tỉnh ủy|Huyện ủy|Thành ủy|Thị ủy|Quận ủy|Đảng ủy")
REPORT_ORDER = ("Loại tệp", "Loại văn bản", "Số, ký hiệu", "Ngày ban hành", "Cơ quan ban hành", "Trích yếu",
                "Văn bản cấp trên (chuỗi trích dẫn)", "Nhiệm vụ", "Báo cáo kết quả")
_AREA = (("xã", "xã"), ("phường", "phường"), ("huyện", "huyện"), ("thành phố", "thành phố"), ("tỉnh", "tỉnh"))


def date_text(when: PartialDate) -> str:
    """A date as a document file writes it: '23/8/2023', 'tháng 11 năm 2026', '2019'."""
    if when.complete:
        return short_date(when)
    return f"tháng {when.month} năm {when.year}" if when.month else str(when.year)


class _Reader:
    def __init__(self, source: Source, workspace: Path | None):
        self.source = source
        self.paras = source.model.paragraphs
        self.header: Header = read_header(source)
        self.known = catalogue.profiles(workspace)
        self.report: list[Finding] = []
        self.notes: list[Note] = []

    def where(self, index: int | None) -> str:
        return self.source.where(index)

    def found(self, what: str, value: str, key: str | None = None) -> None:
        self.report.append(Finding(what, value, self.where(self.header.where.get(key or "")) if value else ""))

    # -- the issuing body -----------------------------------------------------------------------------
    def issuer(self) -> tuple[str, str, catalogue.Known | None]:
        """(name as others cite it, parent body, the profile it matches)."""
        h = self.header
        lines, parent = self._issuer_lines()
        symbol = h.parts[2] if h.parts else ""
        known = catalogue.match(self.known, lines, parent, symbol, h.place)
        text = " ".join(p.clean for p in self.paras)
        parent_name = spelled(parent, text) if parent else ""
        if known is not None:
            profile = known.profile
            self.found("Cơ quan ban hành", f"{profile.full_name} (theo hồ sơ {known.name})", "co_quan")
            return profile.full_name, parent_name or spelled(profile.parent_body, text), known
        if lines:
            name = spelled(" ".join(lines), text)
            collective = _COLLECTIVE.match(h.authority or "")
            if h.system == "dang" and collective:
                name = f"{spelled(collective[1], text)} {name}"
            elif h.system == "dang" and not _COMMITTEE.search(name) and (above := _ANY_COMMITTEE.search(parent_name)):
                name = f"{name} {above[0]}"  # a board of a Party committee is cited with it: "Ban Tuyên giáo Tỉnh ủy"
            self.found("Cơ quan ban hành", name, "co_quan")
            self.notes.append(Note("co_quan", "tên cơ quan viết theo phần đầu văn bản; hãy kiểm tra cách các văn bản "
                                              "khác trích dẫn cơ quan này", self.where(h.where.get("co_quan"))))
            return name, parent_name, None
        if h.issuing_body:
            name = h.issuing_body
            if h.system != "dang":
                name = _LEADING_COLLECTIVE.sub("", name)
            if _COMMITTEE.search(name) and h.place and fold(h.place) not in fold(name):
                name = f"{name} {h.place}"
            self.found("Cơ quan ban hành", f"{name} (theo câu mở đầu; văn bản không có phần đầu)", "mo_dau")
            self.notes.append(Note("co_quan", "văn bản không có phần đầu: tên cơ quan lấy từ câu mở đầu, hãy kiểm tra",
                                   self.where(h.where.get("mo_dau"))))
            return name, "", None
        self.found("Cơ quan ban hành", "")
        self.notes.append(Note("co_quan", "không thấy cơ quan ban hành: hãy ghi tên cơ quan"))
        return "", "", None

    def _issuer_lines(self) -> tuple[list[str], str]:
        """The issuer's own lines and its parent body's line: the parent is printed first, not bold (NĐ 30, HD 36)."""
        lines, bold = self.header.issuer_lines, self.header.issuer_bold
        if len(lines) < 2:
            return lines, ""
        if bold[0] is False and any(bold[1:]):
            return lines[1:], lines[0]
        if bold[0] is None and not re.match(r"^(TỈNH|HUYỆN|XÃ|PHƯỜNG|THÀNH PHỐ|QUẬN|THỊ XÃ)\b(?!\s+ỦY)", lines[1]):
            return lines[1:], lines[0]
        return lines, ""

    # -- keys -------------------------------------------------------------------------------------------
    def key_for(self, cited_symbol: str, issuer: str, when: PartialDate | None, type_name: str, taken: set[str],
                name: str = "") -> str:
        number_less = cited_symbol.startswith(("-", "/")) or not cited_symbol
        base = slug(cited_symbol) if cited_symbol else slug(f"{type_name} {issuer}")
        if name:  # a document cited by name: its name, in at most 80 letters ("chuong-trinh-cong-tac-nam-2023")
            base = slug(name)
            base = base if len(base) <= 80 else base[:81].rsplit("-", 1)[0]
        place = place_of(issuer)
        if place and cited_symbol:
            base = f"{base}-{slug(place)}"
        if number_less and when is not None and not name:
            base = f"{base}-{slug(date_text(when))}"
        key, n = base or "van-ban", 2
        while key in taken:
            key, n = f"{base}-{n}", n + 1
        taken.add(key)
        return key


def _chain_doc(cluster: Cluster, key: str, parent_key: str | None, origin: str, where: str) -> Found:
    cited = cluster.merged
    assert cited is not None
    # A document without a number is cited by its name (citations.short): its file names it with `ten`.
    data: dict[str, Any] = {"loai": cited.type_name, **({"ten": cited.name} if cited.name else {"so_ky_hieu": cited.symbol})}
    if cited.date is not None:
        data["ngay"] = date_text(cited.date)
    if cited.issuer:
        data["co_quan"] = cited.issuer
    if cited.term:
        data["khoa"] = cited.term
    notes = []
    if parent_key:
        data["cum_tu"] = cited.connector
        data["thuc_hien"] = [parent_key]
    elif cited.subject:
        data["trich_yeu"] = cited.subject
    elif not cited.name:
        notes.append(Note("trich_yeu", "văn bản chỉ được trích dẫn bằng số và ngày: chưa biết trích yếu", where))
    if not cited.issuer and not cited.name:
        notes.append(Note("co_quan", "trích dẫn không nói cơ quan ban hành: hãy ghi tên cơ quan", where))
    if not cited.number and not cited.name:
        notes.append(Note("so_ky_hieu", "văn bản cấp trên chưa có số khi được trích dẫn: ghi số khi biết", where))
    data["ghi_chu"] = f"{STUB_NOTE} {origin}."
    return Found(key, data, notes, cited_only=True)


def read_file(path: Path | list[Path], workspace: Path | None = None) -> Imported:
    """Read a parent document (.docx, PDF, scan or photo, text) into document files' data, writing nothing. A list
    of images is the photos of one document's pages, in that order (sources.read_pages): a page that cannot be read
    is a note on the document, and the others are read.

    Returns the document first, then each document its citations name (its chain), each as a `Found` whose `data`
    has exactly the keys of a van-ban file; `workspace` is where the office's own profiles are looked for.
    Raises InputError (naming the file) when the file cannot be read, OCR is needed but not installed, or the file
    holds no document.
    """
    photos: list[Path] = []
    if isinstance(path, list):
        photos, source = path, read_pages(path)
    else:
        source = read_source(path)
    path = source.path
    reader = _Reader(source, workspace)
    h = reader.header
    paras = reader.paras
    origin = ", ".join(p.name for p in photos) if photos else path.name
    for page, problem in source.unread:
        name = Path(problem.file).name if problem.file else ""
        reader.notes.append(Note("trang", f"không đọc được trang {page} ({name}): {problem.message} Các trang khác đã "
                                          "được đọc; nhiệm vụ, câu báo cáo trên trang đó có thể thiếu: hãy chụp lại "
                                          "trang đó và nhập lại cả văn bản, hoặc ghi thêm vào tệp."))
    reader.report.append(Finding("Loại tệp", SOURCE_KINDS[source.kind]))
    # Every citation of the text, the trích yếu and the opening trusted most.
    texts: list[tuple[str, int, str]] = []
    if h.subject:
        texts.append((h.subject, h.where["trich_yeu"], "trich_yeu"))
    texts += [(paras[i].clean, i, "mo_dau") for i in h.opening]
    texts += [(paras[i].clean, i, "than") for i in h.layout.body if i not in h.opening]
    clusters = gather(texts)
    subject = read_subject(h.subject) if h.subject else None
    target = find(clusters, subject.target) if subject and subject.target else None
    opening = " ".join(paras[i].clean for i in h.opening)
    parents: list[tuple[str, str, str]] = []
    for top in read_all(opening, names=True):
        # Each document the citations cite at their top level is a parent, also one a parent before it implements
        # ("Thực hiện Kế hoạch số 05-KH/TU … thực hiện Chỉ thị số 21-CT/TW …; căn cứ Chỉ thị số 21-CT/TW …"); in the
        # issuing sentence ("Ban Thường vụ … xây dựng Kế hoạch thực hiện Kết luận số 51-KL/TW …") only one that no
        # parent implements.
        ident = find(clusters, top)
        above = {i for p in parents for i in chain_of(clusters, p)}
        citing = top.start < h.issuing_at
        if (top.dated or top.issuer or top.name) and ident is not None and ident not in parents and \
                (citing or ident not in above):
            parents.append(ident)
    implements: list[tuple[str, str, str]] = list(parents)
    theo = None
    if target is not None:
        # The trích yếu names a parent (first), or a document higher in a parent's chain (trich_yeu_theo).
        if target in parents or not any(target in chain_of(clusters, p) for p in parents):
            implements = [target] + [p for p in parents if p != target]
        else:
            theo = target
    # The document itself.
    name, parent_body, known = reader.issuer()
    main_symbol = h.symbol
    taken: set[str] = set()
    main_key = reader.key_for(main_symbol, name or "", h.date, h.type_name or "van ban", taken)
    keys: dict[tuple[str, str, str], str] = {}
    for ident in implements + ([theo] if theo else []):
        for link in chain_of(clusters, ident):
            if link not in keys:
                merged = clusters[link].merged
                assert merged is not None
                keys[link] = reader.key_for(merged.symbol, merged.issuer, merged.date, merged.type_name, taken,
                                            merged.name)
    data = _main_data(reader, name, parent_body, subject, target is not None, implements, theo, keys)
    _refuse_without_frame(path, data)
    notes = reader.notes
    _tasks_into(reader, data, known, name, tuple(c.merged.name for c in clusters.values() if c.merged))
    _reporting_into(reader, data, name)
    data["ghi_chu"] = f"Nhập từ tệp {origin} ({SOURCE_KINDS[source.kind]}) bằng kehoach nhap."
    documents = [Found(main_key, data, notes)]
    for ident, key in keys.items():
        cluster = clusters[ident]
        parent_key = keys.get(cluster.parent) if cluster.parent else None
        found = _chain_doc(cluster, key, parent_key, origin, source.where(cluster.first.para))
        found.notes += [Note(k, m, source.where(p)) for k, m, p in cluster.notes]
        documents.append(found)
    chain_text = " → ".join(_short(clusters[i]) for p in implements for i in chain_of(clusters, p))
    reader.report.append(Finding("Văn bản cấp trên (chuỗi trích dẫn)", chain_text,
                                 source.where(h.where.get("mo_dau", h.where.get("trich_yeu")))))
    if source.stamps:
        reader.report.append(Finding("Dấu chữ ký số (bỏ qua, không phải nội dung văn bản)",
                                     "; ".join(source.stamps[:4])))
    order = {what: n for n, what in enumerate(REPORT_ORDER)}
    reader.report.sort(key=lambda f: order.get(f.what, len(order)))
    return Imported(path, source.kind, documents, reader.report, source.stamps, photos)


def _refuse_without_frame(path: Path, data: dict[str, Any]) -> None:
    """A document file needs its type and issuer (inputs/documents.DOCUMENT): without them nothing is written."""
    if not any(k in data for k in ("loai", "so_ky_hieu", "co_quan", "thuc_hien")):
        raise InputError([Problem(path, "không nhận ra văn bản hành chính nào trong tệp (không thấy tên loại, số, "
                                        "ký hiệu, cơ quan ban hành hay văn bản được trích dẫn).")])
    missing = [name for key, name in (("loai", "tên loại văn bản"), ("co_quan", "cơ quan ban hành")) if key not in data]
    if missing:
        raise InputError([Problem(path, f"không đọc ra {' và '.join(missing)}: chưa lập được tệp văn bản. Hãy nhập "
                                        "bản rõ hơn (.docx hoặc PDF có chữ), hoặc tự viết tệp .yaml.")])


def _short(cluster: Cluster) -> str:
    cited = cluster.merged
    assert cited is not None
    return cited.name or f"{cited.type_name} số {cited.symbol}"


def _main_data(reader: _Reader, name: str, parent_body: str, subject, composed: bool, implements, theo,
               keys) -> dict[str, Any]:
    h = reader.header
    data: dict[str, Any] = {}
    if h.type_name:
        data["loai"] = h.type_name
    reader.found("Loại văn bản", h.type_name, "loai")
    if not h.type_name:
        reader.notes.append(Note("loai", "không thấy tên loại văn bản (Kế hoạch, Hướng dẫn …): hãy ghi loại"))
    if h.symbol:
        data["so_ky_hieu"] = h.symbol
        if h.parts and not h.parts[0]:
            reader.notes.append(Note("so_ky_hieu", "văn bản chưa có số (dự thảo?): ghi số khi được cấp",
                                     reader.where(h.where.get("so_ky_hieu"))))
    else:
        reader.notes.append(Note("so_ky_hieu", "không thấy số, ký hiệu: văn bản sẽ được trích dẫn bằng tên (loại và "
                                               "trích yếu) cho đến khi ghi so_ky_hieu (ví dụ 108-HD/BTGTU)"))
    reader.found("Số, ký hiệu", h.symbol, "so_ky_hieu")
    if h.date is not None:
        data["ngay"] = date_text(h.date)
    else:
        reader.notes.append(Note("ngay", "không thấy ngày ban hành: hãy ghi ngày"))
    if h.place:
        data["dia_danh"] = h.place
    reader.found("Ngày ban hành", f"{date_text(h.date)}, {h.place}" if h.date else "", "ngay")
    for key, message, para in h.problems:
        reader.notes.append(Note(key, message, reader.where(para)))
    if name:
        data["co_quan"] = name
    if parent_body:
        data["co_quan_chu_quan"] = parent_body
    if subject is not None and composed and implements and h.symbol:
        # The trích yếu names a document this one implements (in full, as a chain, dated, or by its number or name
        # only: trich_yeu.dang): cited, this document carries the chain the opening gives (citations.subject).
        data["cum_tu"] = subject.prefix
        if theo is not None:
            data["trich_yeu_theo"] = keys[theo]
        if subject.extra:
            reader.notes.append(Note("cum_tu", f"trích yếu có thêm “{subject.extra}” sau văn bản được trích; khi trích "
                                               "dẫn văn bản này, chương trình ghi cả chuỗi văn bản cấp trên thay cho "
                                               "trích yếu", reader.where(h.where.get("trich_yeu"))))
    elif subject is not None:
        # Without a number the document is cited by its name, its type and trích yếu (inputs/documents.py), so the
        # trích yếu is kept as written until someone adds the number.
        data["trich_yeu"] = lower_first(subject.literal or re.sub(r"^V/v\s*", "", h.subject))
    else:
        reader.notes.append(Note("trich_yeu", "không thấy trích yếu: hãy ghi"))
    reader.found("Trích yếu", h.subject, "trich_yeu")
    if implements:
        data["thuc_hien"] = [keys[i] for i in implements]
    return data


def _tasks_into(reader: _Reader, data: dict[str, Any], known: catalogue.Known | None, name: str,
                names: tuple[str, ...]) -> None:
    h = reader.header
    system = known.profile.system if known else h.system
    own = known.profile.kinds if known else KINDS.get(system, ())
    people = known.profile.people if known else PEOPLE.get(system, "")
    area = (known.profile.area or "địa phương") if known else _area_of(name)
    letter = fold(h.type_name) == "cong van"
    read = read_tasks(reader.paras, h.layout.body, tuple(own), letter)
    tasks = []
    for n, task in enumerate(read.tasks):
        title, swapped = generic(task.title, people, area, names)
        paragraphs = []
        for p in task.paragraphs:
            text, more = generic(p, people, area, names)
            paragraphs.append(text)
            swapped += more
        task.title, task.paragraphs = title, paragraphs
        tasks.append(task.as_data())
        where = reader.where(task.para)
        for key, message in task.notes:
            reader.notes.append(Note(f"nhiem_vu.{n}.{key}", message, where))
        if swapped:
            reader.notes.append(Note(f"nhiem_vu.{n}", f"đã thay {', '.join(dict.fromkeys(swapped))} bằng "
                                                       "{dia_ban}: hãy kiểm tra", where))
    if tasks:
        data["nhiem_vu"] = tasks
        if any("{doi_tuong}" in str(t) for t in tasks):
            data["doi_tuong"] = people
    section = reader.where(read.section)
    reader.report.append(Finding("Nhiệm vụ", f"{len(tasks)} nhiệm vụ" if tasks else "", section))
    if not tasks:
        reader.notes.append(Note("nhiem_vu", "không thấy mục nhiệm vụ (Nhiệm vụ, Nội dung, Nhiệm vụ và giải pháp): "
                                             "cấp dưới sẽ soạn phần nhiệm vụ chung"))
    for i in read.skipped:
        reader.report.append(Finding("Đoạn trong mục nhiệm vụ không đọc thành nhiệm vụ", reader.paras[i].clean[:80],
                                     reader.where(i)))


def _area_of(name: str) -> str:
    folded = fold(name)
    for word, area in _AREA:
        if re.search(rf"\b{fold(word)}\b", folded):
            return area
    return ""


def _reporting_into(reader: _Reader, data: dict[str, Any], name: str) -> None:
    """`bao_cao` from the line that tells the units where to report (reporting.py); a document that gives tasks but
    no such line is marked for the person to check: the level below would report with no deadline."""
    h = reader.header
    line = reporting_line(reader.paras, h.layout.body, name, h.date.year if h.date else None)
    if line is not None:
        data["bao_cao"] = line.as_data()
    reader.report.append(Finding("Báo cáo kết quả", line.as_text() if line else "",
                                 reader.where(line.para) if line else ""))
    if line is None and data.get("nhiem_vu"):
        reader.notes.append(Note("bao_cao", "không thấy câu báo cáo kết quả (“… báo cáo kết quả về … (qua …) trước "
                                            "ngày …”): cấp dưới sẽ báo cáo về cơ quan ban hành, không có hạn; nếu văn "
                                            "bản có nói, hãy ghi bao_cao: {ve: …, qua: …, han: …}"))

