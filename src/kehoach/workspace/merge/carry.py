"""Bringing what a person added into the new package: every element taken from their file comes with what it
points at, renumbered where the new package already uses the number.

    carrier = Carrier(ours_pkg, result_pkg)
    el = carrier.adopt(copy.deepcopy(element))   # links, pictures, comments, footnotes, lists, styles, bookmarks

Relationships (r:id, r:embed …) bring their part (a picture, a chart, a header) or their external link; a footnote,
endnote or comment mark brings its note, given a free id; a list (numId) brings its definition unless the new package
has the same list under the same number; a style the new package lacks comes with the styles it is based on.
Anything that cannot be brought raises CannotCarry naming it, and the draft is then left as it is.
"""

from __future__ import annotations

import copy
from typing import Any

from lxml import etree

from kehoach.docx.effective import canonical, w
from kehoach.docx.parts import DOCUMENT, OFFICE_REL, Package, Rel

_R = OFFICE_REL
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_VAL = w("val")
_REVISIONS = {w(n) for n in ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange", "sectPrChange",
                             "tblPrChange", "trPrChange", "tcPrChange", "tblGridChange", "numberingChange",
                             "cellIns", "cellDel", "cellMerge", "moveFromRangeStart", "moveFromRangeEnd",
                             "moveToRangeStart", "moveToRangeEnd", "customXmlInsRangeStart",
                             "customXmlInsRangeEnd", "customXmlDelRangeStart", "customXmlDelRangeEnd")}
_NOTE_TAGS = {w("footnoteReference"): "footnotes", w("endnoteReference"): "endnotes"}
_COMMENT_TAGS = {w("commentRangeStart"), w("commentRangeEnd"), w("commentReference")}
_STYLE_TAGS = {w("pStyle"), w("rStyle"), w("tblStyle"), w("basedOn"), w("next"), w("link"), w("numStyleLink"),
               w("styleLink")}
# Parts whose XML holds paragraphs: brought element by element (their styles, lists and links come along).
_CONTENT_TYPES = ("header+xml", "footer+xml")
_WHAT = {"footnotes": "chú thích cuối trang", "endnotes": "chú thích cuối văn bản", "comments": "ghi chú (comment)"}
_NOTE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


class CannotCarry(Exception):
    """Something of the person's file that cannot be brought into the new draft; `what` says what, in Vietnamese."""

    def __init__(self, what: str):
        super().__init__(what)
        self.what = what


class Carrier:
    def __init__(self, ours: Package, result: Package):
        self.ours = ours
        self.result = result
        self._parts: dict[str, str] = {}
        self._notes: dict[tuple[str, str], str] = {}
        self._bookmarks: dict[tuple[str, str], str] = {}
        self._nums: dict[str, str] = {}
        self._styles: set[str] = set()
        self._revisions: dict[tuple[str, str], str] = {}
        ids = [int(v) for v in result.xml(DOCUMENT).xpath("//@w:id", namespaces={"w": w("")[1:-1]})
               if v.lstrip("-").isdigit()]
        self._next_id = max([0, *ids]) + 1
        self.brought: dict[str, int] = {}  # what was brought, by kind, for the report

    def _count(self, what: str) -> None:
        self.brought[what] = self.brought.get(what, 0) + 1

    # --- elements -------------------------------------------------------------------------------------------

    def adopt(self, el: Any, src: str = DOCUMENT, dst: str = DOCUMENT) -> Any:
        """Rewrite the references of `el` (already a copy, from part `src` of the person's file) for part `dst`."""
        for node in list(el.iter()):
            if not isinstance(node.tag, str):
                continue
            for name, value in list(node.attrib.items()):
                if name.startswith(f"{{{_R}}}"):
                    node.set(name, self.relationship(src, value, dst))
            tag = node.tag
            if tag in _NOTE_TAGS:
                node.set(w("id"), self.note(_NOTE_TAGS[tag], node.get(w("id"), "")))
            elif tag in _COMMENT_TAGS:
                node.set(w("id"), self.note("comments", node.get(w("id"), "")))
            elif tag in (w("bookmarkStart"), w("bookmarkEnd")):
                node.set(w("id"), self._fresh(self._bookmarks, (src, node.get(w("id"), ""))))
            elif tag in _REVISIONS and node.get(w("id")) is not None:
                node.set(w("id"), self._fresh(self._revisions, (src, node.get(w("id"), ""))))
            elif tag == w("numId") and node.getparent() is not None and node.getparent().tag == w("numPr"):
                node.set(_VAL, self.num(node.get(_VAL, "0")))
            elif tag in _STYLE_TAGS and node.get(_VAL):
                self.style(node.get(_VAL, ""))
        return el

    def _fresh(self, table: dict[tuple[str, str], str], key: tuple[str, str]) -> str:
        if key not in table:
            table[key] = str(self._next_id)
            self._next_id += 1
        return table[key]

    # --- relationships and parts ----------------------------------------------------------------------------

    def relationship(self, src: str, rid: str, dst: str) -> str:
        rel = self.ours.rels(src).get(rid)
        if rel is None:
            raise CannotCarry(f"một liên kết ({rid}) trong {src} trỏ tới chỗ không có trong tệp đã sửa")
        if rel.external:
            return self.result.rels(dst).add(rel)
        return self.result.rels(dst).add(Rel(rel.type, self.part(rel.target, rel.type), False))

    def part(self, name: str, rel_type: str = "", counted: bool = True) -> str:
        """The name in the result of one of the person's parts, brought over (with its own links) if needed."""
        if name in self._parts:
            return self._parts[name]
        if not self.ours.has(name):
            raise CannotCarry(f"phần {name} mà tệp đã sửa trỏ tới không có trong tệp")
        data = self.ours.bytes_of(name)
        if self.result.has(name) and self.result.bytes_of(name) == data and not self.ours.rels(name).items:
            self._parts[name] = name
            return name
        target = self.result.free_name(name)
        self._parts[name] = target
        kind = self.ours.content_type(name)
        if kind is None:
            raise CannotCarry(f"phần {name} không có kiểu nội dung trong tệp đã sửa")
        if counted:
            self._count(_kind_name(name, rel_type))
        if kind.endswith(_CONTENT_TYPES):
            root = copy.deepcopy(self.ours.xml(name))
            self.result.put(target, root, kind)
            self.adopt(root, name, target)
            return target
        self.result.put(target, data, kind)
        for rid, rel in self.ours.rels(name).items.items():
            # Keep the ids: the part's own XML names them and is copied as it is.
            mapped = rel if rel.external else Rel(rel.type, self.part(rel.target, rel.type, counted), False)
            rels = self.result.rels(target)
            if rels.get(rid) is None:
                _add_with_id(rels, rid, mapped)
        return target

    # --- notes and comments ---------------------------------------------------------------------------------

    def note(self, kind: str, item_id: str) -> str:
        key = (kind, item_id)
        if key in self._notes:
            return self._notes[key]
        tag = {"footnotes": "footnote", "endnotes": "endnote", "comments": "comment"}[kind]
        src = self.ours.part_of(f"/{kind}")
        root = self.ours.xml_or_none(src)
        found = None if root is None else next((e for e in root.iter(w(tag)) if e.get(w("id")) == item_id), None)
        if found is None or src is None:
            raise CannotCarry(f"{_WHAT[kind]} số {item_id} được nhắc trong văn bản nhưng không có trong tệp đã sửa")
        dst, target = self._notes_part(kind, src)
        used = [int(e.get(w("id"), "0")) for e in target.iter(w(tag)) if e.get(w("id"), "").lstrip("-").isdigit()]
        new_id = str(max([0, *used]) + 1)
        self._notes[key] = new_id
        item = copy.deepcopy(found)
        item.set(w("id"), new_id)
        target.append(item)
        self.adopt(item, src, dst)
        self._count(_WHAT[kind])
        return new_id

    def _notes_part(self, kind: str, src: str) -> tuple[str, Any]:
        """The result's part for footnotes, endnotes or comments; made from the person's (without their items)."""
        dst = self.result.part_of(f"/{kind}")
        if dst is not None:
            return dst, self.result.xml(dst)
        source = self.ours.xml(src)
        root = etree.Element(source.tag, nsmap=source.nsmap)
        for name, value in source.attrib.items():
            root.set(name, value)
        # The separators of footnotes and endnotes are notes of their own (w:type), named in settings.xml.
        for item in source:
            if isinstance(item.tag, str) and item.get(w("type")) in ("separator", "continuationSeparator",
                                                                    "continuationNotice"):
                root.append(copy.deepcopy(item))
        dst = self.result.free_name(src)
        self.result.put(dst, root, self.ours.content_type(src))
        rel_type = next(rel.type for _rid, rel in self.ours.rels(DOCUMENT).of_type(f"/{kind}"))
        self.result.rels(DOCUMENT).add(Rel(rel_type, dst, False))
        if kind == "comments":  # Word 2013+ keeps replies and "done" marks beside, keyed by paragraph ids
            for suffix in ("/commentsExtended", "/commentsIds", "/commentsExtensible", "/people"):
                for _rid, rel in self.ours.rels(DOCUMENT).of_type(suffix):
                    if not rel.external and self.result.part_of(suffix) is None:
                        self.result.rels(DOCUMENT).add(Rel(rel.type, self.part(rel.target, rel.type, False), False))
        else:
            self._note_settings(kind)
        return dst, root

    def _note_settings(self, kind: str) -> None:
        tag = w("footnotePr" if kind == "footnotes" else "endnotePr")
        ours = self.ours.xml_or_none(self.ours.part_of("/settings"))
        mine = ours.find(tag) if ours is not None else None
        name = self.result.part_of("/settings")
        settings = self.result.xml_or_none(name)
        if mine is None or settings is None or settings.find(tag) is not None:
            return
        from kehoach.docx.order import insert_ordered
        insert_ordered(settings, copy.deepcopy(mine))

    # --- lists and styles -----------------------------------------------------------------------------------

    def num(self, num_id: str) -> str:
        if num_id in ("0", "") or num_id in self._nums:
            return self._nums.get(num_id, num_id)
        mine = self.ours.xml_or_none(self.ours.part_of("/numbering"))
        num = _num(mine, num_id)
        if mine is None or num is None:
            self._nums[num_id] = "0"  # a list the person's own file does not define shows as no list: say so
            return "0"
        abstract = _abstract(mine, num)
        theirs = self._numbering(mine)
        same = _num(theirs, num_id)
        if same is not None and _look(theirs, same) == _look(mine, num):
            self._nums[num_id] = num_id
            return num_id
        abstract_ids = [int(a.get(w("abstractNumId"), "0")) for a in theirs.iter(w("abstractNum"))]
        num_ids = [int(n.get(w("numId"), "0")) for n in theirs.iter(w("num"))]
        new_num = str(max([0, *num_ids]) + 1)
        self._nums[num_id] = new_num
        new_num_el = copy.deepcopy(num)
        new_num_el.set(w("numId"), new_num)
        if abstract is not None:
            new_abstract = copy.deepcopy(abstract)
            new_abstract_id = str(max([-1, *abstract_ids]) + 1)
            new_abstract.set(w("abstractNumId"), new_abstract_id)
            last = list(theirs.iterchildren(w("abstractNum")))
            if last:
                last[-1].addnext(new_abstract)
            else:
                theirs.insert(0, new_abstract)
            ref = new_num_el.find(w("abstractNumId"))
            if ref is not None:
                ref.set(_VAL, new_abstract_id)
            self.adopt(new_abstract, self.ours.part_of("/numbering") or "", self.result.part_of("/numbering") or "")
        nums = list(theirs.iterchildren(w("num")))
        if nums:
            nums[-1].addnext(new_num_el)
        else:
            theirs.append(new_num_el)
        self._count("danh sách (gạch đầu dòng, đánh số)")
        return new_num

    def _numbering(self, mine: Any) -> Any:
        name = self.result.part_of("/numbering")
        if name is not None:
            return self.result.xml(name)
        src = self.ours.part_of("/numbering") or "word/numbering.xml"
        root = etree.Element(mine.tag, nsmap=mine.nsmap)
        dst = self.result.free_name("word/numbering.xml")
        self.result.put(dst, root, self.ours.content_type(src))
        rel_type = next(rel.type for _rid, rel in self.ours.rels(DOCUMENT).of_type("/numbering"))
        self.result.rels(DOCUMENT).add(Rel(rel_type, dst, False))
        return root

    def style(self, style_id: str) -> None:
        if style_id in self._styles:
            return
        self._styles.add(style_id)
        name = self.result.part_of("/styles")
        theirs = self.result.xml_or_none(name)
        if theirs is None or any(s.get(w("styleId")) == style_id for s in theirs.iter(w("style"))):
            return
        mine = self.ours.xml_or_none(self.ours.part_of("/styles"))
        found = None if mine is None else next((s for s in mine.iter(w("style")) if s.get(w("styleId")) == style_id),
                                               None)
        if found is None:
            return  # named but defined nowhere: Word shows such text in the default style, as it did for them
        item = copy.deepcopy(found)
        item.attrib.pop(w("default"), None)  # never a second default style
        theirs.append(item)
        self.adopt(item, self.ours.part_of("/styles") or "", name or "")


def _add_with_id(rels: Any, rid: str, rel: Rel) -> None:
    new = rels.add(rel)
    if new != rid:  # give it back the id the part's XML uses
        el = next(e for e in rels.root if e.get("Id") == new)
        el.set("Id", rid)
        rels.items[rid] = rels.items.pop(new)


def _num(root: Any | None, num_id: str) -> Any | None:
    if root is None:
        return None
    return next((n for n in root.iter(w("num")) if n.get(w("numId")) == num_id), None)


def _abstract(root: Any, num: Any) -> Any | None:
    ref = num.find(w("abstractNumId"))
    wanted = ref.get(_VAL) if ref is not None else None
    return next((a for a in root.iter(w("abstractNum")) if a.get(w("abstractNumId")) == wanted), None)


def _look(root: Any, num: Any) -> str:
    abstract = _abstract(root, num)
    levels = "" if abstract is None else "".join(canonical(lv) for lv in abstract.iter(w("lvl")))
    return levels + "".join(canonical(o) for o in num.iter(w("lvlOverride")))


def _kind_name(name: str, rel_type: str) -> str:
    if rel_type.endswith("/image") or "/media/" in name:
        return "hình ảnh"
    if rel_type.endswith("/header"):
        return "đầu trang"
    if rel_type.endswith("/footer"):
        return "chân trang"
    return "phần khác (" + name.rpartition("/")[2] + ")"
