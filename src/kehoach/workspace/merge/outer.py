"""What surrounds the body: the page setup, headers and footers, and the styles.

Each is merged three-way by what a reader sees: a margin, a footer text or the size of the Normal style the person
changed is kept when the new draft did not change the same thing; when both changed it, the person's version is kept
and a one-line conflict marker at the top of the body says what the new draft had.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from kehoach.docx.effective import PARA_PROPS, RUN_PROPS, Props, Sheet, iter_styles_used, w
from kehoach.docx.order import ensure_child, insert_ordered
from kehoach.docx.parts import DOCUMENT, Rel
from kehoach.docx.restyle import write_value
from kehoach.workspace.merge.reading import Block, Side, alike_all
from kehoach.workspace.merge.session import Session

_MM = 56.7
_SECTION = {  # element: (attributes, defaults)
    "pgSz": (("w", "h", "orient"), {"orient": "portrait"}),
    "pgMar": (("top", "right", "bottom", "left", "gutter", "header", "footer"), {"gutter": "0"}),
    "cols": (("num", "space"), {"num": "1"}),
    "pgNumType": (("fmt", "start"), {"fmt": "decimal"}),
    "vAlign": (("val",), {"val": "top"}),
}
_NAMES = {"pgSz.w": "khổ giấy (rộng)", "pgSz.h": "khổ giấy (cao)", "pgSz.orient": "hướng giấy",
          "pgMar.top": "lề trên", "pgMar.bottom": "lề dưới", "pgMar.left": "lề trái", "pgMar.right": "lề phải",
          "pgMar.gutter": "lề đóng gáy", "pgMar.header": "khoảng cách đầu trang", "pgMar.footer": "khoảng cách chân trang",
          "cols.num": "số cột", "cols.space": "khoảng cách cột", "pgNumType.fmt": "kiểu số trang",
          "pgNumType.start": "số trang bắt đầu", "vAlign.val": "căn dọc trang", "titlePg": "trang đầu khác",
          "pgBorders": "viền trang", "lnNumType": "đánh số dòng"}
_SLOTS = {"header": "đầu trang", "footer": "chân trang"}
_TYPES = {"default": "", "first": " trang đầu", "even": " trang chẵn"}
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _section(body: Any) -> Any | None:
    return body.find(w("sectPr")) if body is not None else None


def section_props(sect: Any | None) -> Props:
    """The page setup a reader sees (distances to a header or footer only when there is one)."""
    props: Props = {}
    if sect is None:
        return props
    has = {kind: sect.find(w(f"{kind}Reference")) is not None for kind in ("header", "footer")}
    for tag, (attrs, defaults) in _SECTION.items():
        el = sect.find(w(tag))
        for attr in attrs:
            if (tag, attr) in (("pgMar", "header"), ("pgMar", "footer")) and not has[attr]:
                continue
            value = el.get(w(attr)) if el is not None else None
            props[f"{tag}.{attr}"] = value if value is not None else defaults.get(attr, "")
    if props.get("cols.num", "1") in ("", "1"):
        props.pop("cols.space", None)
    title = sect.find(w("titlePg"))
    props["titlePg"] = "1" if title is not None and title.get(w("val"), "1") not in ("0", "false", "off") else "0"
    for tag in ("pgBorders", "lnNumType"):
        el = sect.find(w(tag))
        props[tag] = etree.tostring(el, method="c14n").decode() if el is not None else ""
    return props


def _shown(key: str, value: str) -> str:
    if key.startswith("pgMar.") or key in ("pgSz.w", "pgSz.h", "cols.space"):
        try:
            return f"{int(value) / _MM:.0f} mm"
        except ValueError:
            return value or "không có"
    return {"1": "có", "0": "không"}.get(value, value or "không có")


def merge_section(s: Session, base_body: Any | None, ours_body: Any, result_body: Any) -> None:
    """The new draft's final section properties, with the page settings and headers/footers the person changed."""
    mine, new = _section(ours_body), _section(result_body)
    if mine is None or new is None:
        return
    before = _section(base_body)
    bp, op, tp = section_props(before), section_props(mine), section_props(new)
    for key in sorted(set(op) | set(tp)):
        ov, tv = op.get(key, ""), tp.get(key, "")
        bv = bp.get(key, "") if before is not None else tv
        if ov in (bv, tv):
            continue
        name = _NAMES.get(key, key)
        if tv != bv:
            s.notes.append(f"{name}: bản đã sửa {_shown(key, ov)}, bản mới {_shown(key, tv)}; đã giữ bản đã sửa")
        if _copy_setting(mine, new, key):
            s.outer.append(name)
    for kind in ("header", "footer"):
        for kind_type in _TYPES:
            _merge_slot(s, before, mine, new, kind, kind_type)


def _copy_setting(mine: Any, new: Any, key: str) -> bool:
    """Make the new sectPr say what the person's says of `key`; False when it already did (nothing changed)."""
    tag, _, attr = key.partition(".")
    source = mine.find(w(tag))
    target = new.find(w(tag))
    if not attr:
        if (source is None and target is None) or (source is not None and target is not None and
                                                   etree.tostring(source, method="c14n") ==
                                                   etree.tostring(target, method="c14n")):
            return False
        for old in new.findall(w(tag)):
            new.remove(old)
        if source is not None:
            insert_ordered(new, etree.fromstring(etree.tostring(source)))
        return True
    value = source.get(w(attr)) if source is not None else None
    if value == (target.get(w(attr)) if target is not None else None):
        return False
    if value is None:
        target.attrib.pop(w(attr), None)
    else:
        ensure_child(new, tag).set(w(attr), value)
    return True


def _slot(side: Side | None, sect: Any | None, kind: str, kind_type: str) -> tuple[str | None, list[Block] | None]:
    """The part of a header/footer slot and its blocks (None when there is none)."""
    if side is None or sect is None:
        return None, None
    for ref in sect.iterchildren(w(f"{kind}Reference")):
        if ref.get(w("type"), "default") == kind_type:
            rel = side.pkg.rels(DOCUMENT).get(ref.get(_R_ID))
            root = side.pkg.xml_or_none(rel.target) if rel is not None and not rel.external else None
            if rel is None or root is None:
                return None, None
            return rel.target, side.blocks(root, rel.target)
    return None, None


def _same(a: list[Block] | None, b: list[Block] | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and alike_all(a, b))


def _merge_slot(s: Session, before: Any | None, mine: Any, new: Any, kind: str, kind_type: str) -> None:
    part, ours = _slot(s.ours, mine, kind, kind_type)
    _, theirs = _slot(s.theirs, new, kind, kind_type)
    base = _slot(s.base, before, kind, kind_type)[1] if s.base is not None and before is not None else theirs
    if _same(ours, base) or _same(ours, theirs):
        return
    name = _SLOTS[kind] + _TYPES[kind_type]
    if not _same(theirs, base):
        s.notes.append(f"{name}: cả bản đã sửa và bản mới đều đổi; đã giữ bản đã sửa, xem lại {name} của bản mới "
                       "trong bản sao lưu nếu cần")
    s.outer.append(name)
    for ref in [r for r in new.iterchildren(w(f"{kind}Reference")) if r.get(w("type"), "default") == kind_type]:
        new.remove(ref)
    if part is None:
        return  # the person removed it
    rel_type = next(rel.type for _rid, rel in s.ours.pkg.rels(DOCUMENT).items.items() if rel.target == part)
    rid = s.carrier.result.rels(DOCUMENT).add(Rel(rel_type, s.carrier.part(part, rel_type, False), False))
    ref = etree.Element(w(f"{kind}Reference"))
    ref.set(w("type"), kind_type)
    ref.set(_R_ID, rid)
    insert_ordered(new, ref)


def merge_styles(s: Session) -> None:
    """Styles the person's file uses, with the visible properties the person changed (docDefaults included).

    Styles are taken base first (Normal before the styles based on it), each compared with the result as it is by
    then: a size the person gave Normal is written once, in Normal, not again in every style that inherits it."""
    result_name = s.carrier.result.part_of("/styles")
    result_root = s.carrier.result.xml_or_none(result_name)
    if result_root is None:
        return
    ours = s.ours.sheet
    roots = [s.ours.pkg.xml_or_none(n) for n in s.ours.pkg.order if n.startswith("word/") and n.endswith(".xml")
             and not n.endswith(("styles.xml", "numbering.xml", "settings.xml", "fontTable.xml"))]
    used = {*iter_styles_used(r for r in roots if r is not None), *([ours.default_para] if ours.default_para else [])}
    # A style only the person has comes with what uses it (the carrier); one the new draft lacks is not merged.
    used = {sid for sid in used if sid in ours.styles and sid in s.theirs.sheet.styles}
    theirs = {sid: s.theirs.sheet.style(sid) for sid in used}  # before anything is written into these styles
    theme = s.carrier.result.xml_or_none(s.carrier.result.part_of("/theme"))
    numbering = s.carrier.result.xml_or_none(s.carrier.result.part_of("/numbering"))
    for sid in sorted(used, key=lambda sid: (len(ours.chain(sid, "rPr")) + len(ours.chain(sid, "pPr")), sid)):
        op, tp = ours.style(sid), theirs[sid]
        bp = s.base.sheet.style(sid) if s.base is not None and sid in s.base.sheet.styles else tp
        now = Sheet(result_root, theme, numbering).style(sid)
        changed = []
        for key in sorted(set(op) | set(tp)):
            ov, tv, bv = op.get(key, ""), tp.get(key, ""), bp.get(key, "")
            if ov in (bv, tv) or now.get(key, "") == ov:
                continue  # unchanged, or already so through the style it is based on (reported there)
            if tv != bv:
                s.notes.append(f"kiểu «{ours.style_name(sid)}» ({key}): bản đã sửa {ov or 'không có'}, bản mới "
                               f"{tv or 'không có'}; đã giữ bản đã sửa")
            changed.append(key)
        if changed:
            s.outer.append(f"kiểu «{ours.style_name(sid)}»")
            target = next(x for x in result_root.iter(w("style")) if x.get(w("styleId")) == sid)
            _restyle(s, sid, target, changed, op)


def _restyle(s: Session, sid: str, target: Any, keys: list[str], values: Props) -> None:
    sheet = s.ours.sheet
    for key in keys:
        if key == "xml":  # a table or numbering style: the person's whole definition
            mine = s.carrier.adopt(etree.fromstring(etree.tostring(sheet.styles[sid])), _styles(s.ours),
                                   _styles(s.theirs))
            target.addprevious(mine)
            target.getparent().remove(target)
            return
        scope, _, prop = key.partition(".")
        if scope not in ("p", "r"):  # a character style: run properties without prefix
            scope, prop = "r", key
        tag = "pPr" if scope == "p" else "rPr"
        levels = [*sheet.chain(sid, tag), *([sheet.doc_ppr if tag == "pPr" else sheet.doc_rpr])]
        holder = ensure_child(target, tag)
        write_value(holder, prop, values[key], PARA_PROPS if tag == "pPr" else RUN_PROPS,
                    [lv for lv in levels if lv is not None])
        num = holder.find(w("numPr"))
        if num is not None and prop == "num":
            s.carrier.adopt(num, _styles(s.ours), _styles(s.theirs))


def _styles(side: Side) -> str:
    return side.pkg.part_of("/styles") or "word/styles.xml"
