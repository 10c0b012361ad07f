"""Three-way merge of .docx drafts, one top-level body element (paragraph or table) at a time.

    base = fingerprint(generated_last_time)        # stored in the record with to_json()
    result = merge(base, edited_bytes, new_bytes)  # keeps the secretary's edits, takes the new text elsewhere

The result is the new package with only the children of w:body replaced, so styles, numbering, headers, footers
and the page setup always come from the fresh draft.
"""

from __future__ import annotations

import copy
import hashlib
import io
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from lxml import etree

from kehoach.docx.compiled import FIXED_TIME as _FIXED_TIME  # same inputs, same bytes
from kehoach.errors import InputError, Problem

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_NS = {"w": _W, "mc": _MC}
DOCUMENT = "word/document.xml"
_DOCUMENT_RELS = "word/_rels/document.xml.rels"

MARK_OURS = "<<<<<<< BẢN ĐÃ SỬA (giữ một trong hai bản, xóa bản kia và các dòng đánh dấu)"
MARK_SPLIT = "======= BẢN MỚI DO KEHOACH SOẠN"
MARK_END = ">>>>>>> HẾT CHỖ XUNG ĐỘT"


def _w(name: str) -> str:
    return f"{{{_W}}}{name}"


# Visible text, in document order; a drawing's fallback copy would otherwise count its text box twice.
_PIECES = etree.XPath("(.//w:r/w:t | .//w:r/w:tab | .//w:r/w:br | .//w:r/w:cr | .//w:r/w:noBreakHyphen)"
                      "[not(ancestor::mc:Fallback)]", namespaces=_NS)
_TOP_PARAGRAPHS = etree.XPath(".//w:p[not(ancestor::w:p)]", namespaces=_NS)
_PIECE_TEXT = {_w("tab"): "\t", _w("br"): "\n", _w("cr"): "\n", _w("noBreakHyphen"): "-"}
# What Word adds or renumbers on every save without the person changing anything they can see.
_NOISE_TAGS = {_w(n) for n in ("proofErr", "bookmarkStart", "bookmarkEnd", "lastRenderedPageBreak", "noProof", "lang")}
_NOISE_NAMESPACES = ("http://schemas.microsoft.com/office/word/2010/wordml",
                     "http://schemas.microsoft.com/office/word/2012/wordml")
_TOGGLES = {"true": "1", "on": "1", "false": "0", "off": "0"}


@dataclass(frozen=True)
class Para:
    """One top-level body element as kehoach generated it."""

    text: str  # NFC text; a table's cells joined with " | ", its rows with " || "
    sig: str  # hash of text and formatting, "" when unknown (records older than this module)


@dataclass(frozen=True)
class Conflict:
    position: int  # 1-based index, among the merged body's elements, of the first marker paragraph
    ours: str
    theirs: str


@dataclass(frozen=True)
class MergeResult:
    data: bytes = field(repr=False)
    conflicts: list[Conflict]
    kept_edits: int  # chunks where only the edited file had changed, carried into the result


# --- reading --------------------------------------------------------------------------------------------------


_Links = dict[str, tuple[str | None, str | None, str | None]]  # relationship id -> type, target, target mode


@dataclass
class _Package:
    root: Any  # lxml has no type stubs here
    body: Any
    elements: list[Any]
    rels: _Links


def _open(data: bytes, label: str) -> _Package:
    """Read word/document.xml and its relationships; anything unreadable is the user's file, so an InputError."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True)  # one per call: parsers are not thread-safe
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
            if DOCUMENT not in names:
                raise InputError([Problem(None, f"{label} không mở được như .docx: thiếu {DOCUMENT}")])
            root = etree.fromstring(package.read(DOCUMENT), parser)
            rels = etree.fromstring(package.read(_DOCUMENT_RELS), parser) if _DOCUMENT_RELS in names else None
    except zipfile.BadZipFile:
        raise InputError([Problem(None, f"{label} không mở được như .docx: không phải tệp nén zip "
                                        "(tệp hỏng, hoặc được đặt mật khẩu)")]) from None
    except (zlib.error, EOFError, ValueError, RuntimeError, NotImplementedError) as exc:
        raise InputError([Problem(None, f"{label} không mở được như .docx: tệp nén bị hỏng ({exc})")]) from None
    except etree.XMLSyntaxError as exc:
        raise InputError([Problem(None, f"{label} không mở được như .docx: {DOCUMENT} hỏng ({exc})")]) from None
    body = root.find(_w("body"))
    if body is None:
        raise InputError([Problem(None, f"{label} không mở được như .docx: {DOCUMENT} không có phần thân (w:body)")])
    elements = [c for c in body if isinstance(c.tag, str) and c.tag != _w("sectPr")]
    links: _Links = {} if rels is None else {
        r.get("Id"): (r.get("Type"), r.get("Target"), r.get("TargetMode")) for r in rels.iter(f"{{{_PKG_RELS}}}Relationship")}
    return _Package(root, body, elements, links)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _paragraph_text(p: Any) -> str:
    return "".join(_PIECE_TEXT.get(piece.tag, piece.text or "") for piece in _PIECES(p))


def _text(el: Any) -> str:
    if el.tag == _w("p"):
        return _nfc(_paragraph_text(el))
    if el.tag == _w("tbl"):
        rows = (" | ".join("\n".join(_paragraph_text(p) for p in _TOP_PARAGRAPHS(tc)) for tc in tr.iterchildren(_w("tc")))
                for tr in el.iterchildren(_w("tr")))
        return _nfc(" || ".join(rows))
    # Content controls, body-level bookmarks and the like: whatever paragraphs they hold.
    return _nfc("\n".join(_paragraph_text(p) for p in _TOP_PARAGRAPHS(el)))


def _canonical(el: Any, out: list[Any]) -> None:
    """Tokens of el's content: structure and properties as strings, runs as [properties, content].

    Adjacent runs with the same properties are joined, because Word splits runs on every save (revision ids)."""
    for child in el:
        if not isinstance(child.tag, str) or child.tag in _NOISE_TAGS:
            continue
        if child.tag == _w("r"):
            props, content = "", []
            for part in child:
                if not isinstance(part.tag, str) or part.tag in _NOISE_TAGS:
                    continue
                if part.tag == _w("rPr"):
                    props = "".join(_flat(part))
                elif part.tag in (_w("t"), _w("delText"), _w("instrText")):
                    content.append(_nfc(part.text or ""))
                else:
                    content.append(_PIECE_TEXT.get(part.tag) or "".join(_flat(part)))
            if out and isinstance(out[-1], list) and out[-1][0] == props:
                out[-1][1] += "".join(content)
            else:
                out.append([props, "".join(content)])
        elif child.tag.endswith("Pr"):
            out.append("".join(_flat(child)))
        else:
            out.append(_open_tag(child))
            _canonical(child, out)
            out.append("/")


def _local(name: str) -> str:
    return name.rpartition("}")[2]


_NOISE_PREFIXES = tuple(f"{{{ns}}}" for ns in _NOISE_NAMESPACES)
_W_ID = _w("id")


def _open_tag(el: Any) -> str:
    # Called for every element of every draft a build records: plain string work, no QName objects.
    attrs = []
    for name, value in sorted(el.attrib.items()):
        local = _local(name)
        if local.startswith("rsid") or name.startswith(_NOISE_PREFIXES):
            continue
        if name == _W_ID:  # revision, comment and bookmark ids are renumbered by Word on save
            continue
        attrs.append(f"{local}={_TOGGLES.get(value, value)}")
    return f"<{_local(el.tag)} {' '.join(attrs)}>"


def _flat(el: Any) -> Iterator[str]:
    yield _open_tag(el)
    for child in el:
        if isinstance(child.tag, str) and child.tag not in _NOISE_TAGS:
            yield from _flat(child)
    if el.text and el.text.strip():
        yield _nfc(el.text)
    yield "/"


def _sig(el: Any) -> str:
    tokens: list[Any] = [_open_tag(el)]
    _canonical(el, tokens)
    flat = "\x1f".join(t if isinstance(t, str) else f"{t[0]}\x1e{t[1]}" for t in tokens)
    return hashlib.blake2b(flat.encode("utf-8"), digest_size=8).hexdigest()


def _para(el: Any) -> Para:
    return Para(_text(el), _sig(el))


def fingerprint(docx: bytes) -> list[Para]:
    """The top-level body elements of a .docx (paragraphs and tables, not the final section properties)."""
    return [_para(el) for el in _open(docx, "tệp").elements]


def to_json(paras: list[Para]) -> list[list[str]]:
    return [[p.text, p.sig] for p in paras]


def from_json(raw: list[Any]) -> list[Para]:
    """Inverse of to_json; a plain list of texts (older records) gives paragraphs of unknown formatting."""
    paras = []
    for item in raw:
        if isinstance(item, str):
            paras.append(Para(_nfc(item), ""))
        elif isinstance(item, list | tuple) and len(item) == 2 and all(isinstance(x, str) for x in item):
            paras.append(Para(_nfc(item[0]), item[1]))
        else:
            raise InputError([Problem(None, f"bản ghi có một đoạn không đọc được: {item!r}")])
    return paras


# --- diff3 ------------------------------------------------------------------------------------------------------


def _same(a: Para, b: Para) -> bool:
    return a.text == b.text and (not a.sig or not b.sig or a.sig == b.sig)


def _same_all(xs: list[Para], ys: list[Para]) -> bool:
    return len(xs) == len(ys) and all(_same(x, y) for x, y in zip(xs, ys, strict=True))


def _runs(base: list[Para], other: list[Para]) -> list[tuple[int, int, int]]:
    """Aligned runs (base start, other start, length) of equal text.

    Elements equal in text and formatting are paired first, then equal texts between those anchors: with several
    empty paragraphs, an added one is then not paired with the rule under the title, but a paragraph whose
    formatting alone changed (or a whole file rewritten by another word processor) still pairs by its text."""
    pairs: list[tuple[int, int]] = []
    exact = SequenceMatcher(None, [(p.text, p.sig) for p in base], [(p.text, p.sig) for p in other], autojunk=False)
    i = j = 0
    for a, b, n in exact.get_matching_blocks():
        loose = SequenceMatcher(None, [p.text for p in base[i:a]], [p.text for p in other[j:b]], autojunk=False)
        pairs += [(i + x + k, j + y + k) for x, y, m in loose.get_matching_blocks() for k in range(m)]
        pairs += [(a + k, b + k) for k in range(n)]
        i, j = a + n, b + n
    runs: list[tuple[int, int, int]] = []
    for x, y in pairs:
        if runs and runs[-1][0] + runs[-1][2] == x and runs[-1][1] + runs[-1][2] == y:
            runs[-1] = (runs[-1][0], runs[-1][1], runs[-1][2] + 1)
        else:
            runs.append((x, y, 1))
    return runs


Chunk = tuple[range, range, range]  # base, ours, theirs


def _diff3(base: list[Para], ours: list[Para], theirs: list[Para]) -> Iterator[tuple[bool, Chunk]]:
    """(stable, chunk) in order: stable regions are unchanged on both sides, the chunks between them are not.

    Regions are found on text; inside a region of equal text, an element whose formatting changed on one side is
    a chunk of its own, so a word made bold never joins a neighbour's change into one conflict."""
    a_runs, b_runs = _runs(base, ours), _runs(base, theirs)
    syncs = []
    ia = ib = 0
    while ia < len(a_runs) and ib < len(b_runs):
        (a_base, a_at, a_len), (b_base, b_at, b_len) = a_runs[ia], b_runs[ib]
        lo, hi = max(a_base, b_base), min(a_base + a_len, b_base + b_len)
        if lo < hi:
            syncs.append((lo, a_at + lo - a_base, b_at + lo - b_base, hi - lo))
        if a_base + a_len < b_base + b_len:
            ia += 1
        else:
            ib += 1
    syncs.append((len(base), len(ours), len(theirs), 0))
    i = a = b = 0
    for si, sa, sb, n in syncs:
        if si > i or sa > a or sb > b:
            yield False, (range(i, si), range(a, sa), range(b, sb))
        k = 0
        while k < n:
            kind = (_same(base[si + k], ours[sa + k]), _same(base[si + k], theirs[sb + k]))
            m = k + 1
            while m < n and (_same(base[si + m], ours[sa + m]), _same(base[si + m], theirs[sb + m])) == kind:
                m += 1
            yield kind == (True, True), (range(si + k, si + m), range(sa + k, sa + m), range(sb + k, sb + m))
            k = m
        i, a, b = si + n, sa + n, sb + n


# --- merging ----------------------------------------------------------------------------------------------------


def merge(base: list[Para], ours: bytes, theirs: bytes) -> MergeResult:
    """Merge the edits made in `ours` since `base` into `theirs`; both changed in one place gives a marked conflict."""
    mine = _open(ours, "tệp đã sửa")
    new = _open(theirs, "bản mới do kehoach soạn")
    ours_p, theirs_p = [_para(e) for e in mine.elements], [_para(e) for e in new.elements]
    body = new.body
    section = body.find(_w("sectPr"))
    for child in list(body):
        body.remove(child)

    def take_theirs(span: range) -> None:
        for k in span:
            body.append(new.elements[k])

    def take_ours(span: range) -> None:
        for k in span:
            el = _without_foreign_links(copy.deepcopy(mine.elements[k]), mine.rels, new.rels)
            if el is not None:
                body.append(el)

    conflicts: list[Conflict] = []
    kept = 0
    for stable, (z, a, b) in _diff3(base, ours_p, theirs_p):
        base_c, ours_c, theirs_c = [base[k] for k in z], [ours_p[k] for k in a], [theirs_p[k] for k in b]
        if stable or _same_all(base_c, ours_c) or _same_all(ours_c, theirs_c):
            take_theirs(b)
        elif _same_all(base_c, theirs_c):
            take_ours(a)
            kept += 1
        else:
            conflicts.append(Conflict(len(body) + 1, "\n".join(p.text for p in ours_c), "\n".join(p.text for p in theirs_c)))
            _marker(body, MARK_OURS)
            take_ours(a)
            _marker(body, MARK_SPLIT)
            take_theirs(b)
            _marker(body, MARK_END)
    if section is not None:
        body.append(section)
    document = etree.tostring(new.root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return MergeResult(_repack(theirs, document), conflicts, kept)


def _marker(body: Any, text: str) -> None:
    # SubElement of the body, so the new elements use the document's own "w" prefix.
    p = etree.SubElement(body, _w("p"))
    run = etree.SubElement(p, _w("r"))
    props = etree.SubElement(run, _w("rPr"))
    etree.SubElement(props, _w("b"))
    etree.SubElement(props, _w("color")).set(_w("val"), "FF0000")
    etree.SubElement(props, _w("highlight")).set(_w("val"), "yellow")
    t = etree.SubElement(run, _w("t"))
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def _without_foreign_links(el: Any, ours: _Links, theirs: _Links) -> Any | None:
    """Cut what points at a relationship the new package does not have with the same target.

    Only word/document.xml is rewritten, so an image, chart or link target added in Word has no part to point at
    in the result; a dangling r:id makes Word refuse the whole file. Hyperlinks keep their text, a picture or
    embedded object goes (its run stays), anything else pointing outside is dropped. Comments and footnotes are
    referenced by w:id, not r:id: they are copied as they are."""
    def known(node: Any) -> bool:
        ids = [v for k, v in node.attrib.items() if k.startswith(f"{{{_R}}}")]
        return all(ours.get(i) is not None and ours.get(i) == theirs.get(i) for i in ids)

    for node in [n for n in el.iter() if isinstance(n.tag, str) and not known(n)]:
        if node is el:
            return None
        if not any(a is el for a in node.iterancestors()):
            continue  # already gone with an enclosing picture
        if node.tag == _w("hyperlink"):
            parent = node.getparent()
            at = parent.index(node)
            for child in reversed(list(node)):
                parent.insert(at, child)
            parent.remove(node)
            continue
        target = node
        for ancestor in node.iterancestors():
            if ancestor.tag == _w("r"):
                break
            target = ancestor
        else:
            target = node  # not inside a run (a section's header reference): only the pointer goes
        target.getparent().remove(target)
    return el


def _repack(theirs: bytes, document: bytes) -> bytes:
    """Theirs' package, entries in the same order, with the new document part and fixed timestamps."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(theirs)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, _FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, document if info.filename == DOCUMENT else src.read(info))
    return out.getvalue()
