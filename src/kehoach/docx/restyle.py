"""Writing a visible property (as docx/effective.py names and resolves it) into a pPr, rPr or style, in schema order.

    copy_direct(target_pPr, source_pPr, "jc", PARA_PROPS)          # what the person's paragraph says of "jc"
    write_value(style_rPr, "sz", "26", RUN_PROPS, person_levels)    # a style made to look as the person's
"""

from __future__ import annotations

import copy
from typing import Any

from lxml import etree

from kehoach.docx.effective import ALIASES, THEME_ATTR, Prop, w
from kehoach.docx.order import ensure_child, set_child

_VAL = w("val")


def _prop(key: str, props: tuple[Prop, ...]) -> Prop | None:
    return next((p for p in props if p.key == key), None)


def copy_direct(target: Any, source: Any | None, key: str, props: tuple[Prop, ...]) -> None:
    """Make `target` say directly what `source` says directly of property `key` (nothing, if source says nothing)."""
    if key == "style":
        set_child(target, _copy(source, "pStyle"), "pStyle")
        return
    if key == "section":
        set_child(target, _copy(source, "sectPr"), "sectPr")
        return
    prop = _prop(key, props)
    if prop is None:
        return
    if prop.kind != "attr" and key != "ind.first":
        set_child(target, _copy(source, prop.tag), prop.tag)
        return
    names = ("firstLine", "hanging") if key == "ind.first" else ALIASES.get(prop.tag, {}).get(prop.attr or "",
                                                                                                 (prop.attr or "",))
    if prop.tag == "rFonts" and prop.attr in THEME_ATTR:
        names = (*names, THEME_ATTR[prop.attr])
    found = source.find(w(prop.tag)) if source is not None else None
    element = target.find(w(prop.tag))
    if element is None and (found is None or all(found.get(w(n)) is None for n in names)):
        return
    element = element if element is not None else ensure_child(target, prop.tag)
    for name in names:
        value = found.get(w(name)) if found is not None else None
        if value is None:
            element.attrib.pop(w(name), None)
        else:
            element.set(w(name), value)
    if not element.attrib and not len(element):
        target.remove(element)


def write_value(target: Any, key: str, value: str, props: tuple[Prop, ...], levels: list[Any]) -> None:
    """Make `target` (a pPr or rPr of a style) say `value` for `key`; elements are copied from `levels`."""
    prop = _prop(key, props)
    if prop is None:
        return
    if prop.kind == "toggle":
        el = etree.Element(w(prop.tag))
        if value != "1":
            el.set(_VAL, "0")
        set_child(target, el, prop.tag)
    elif prop.kind == "val":
        el = etree.Element(w(prop.tag))
        el.set(_VAL, value)
        set_child(target, el, prop.tag)
    elif prop.kind == "elem" or key == "ind.first":
        source = next((lv for lv in levels if lv.find(w(prop.tag)) is not None), None)
        if key == "ind.first" or prop.kind == "attr":
            copy_direct(target, source, key, props)
        else:
            set_child(target, _copy(source, prop.tag), prop.tag)
    else:
        element = ensure_child(target, prop.tag)
        for name in ALIASES.get(prop.tag, {}).get(prop.attr or "", (prop.attr or "",)):
            element.attrib.pop(w(name), None)
        if prop.tag == "rFonts" and prop.attr in THEME_ATTR:
            element.attrib.pop(w(THEME_ATTR[prop.attr]), None)  # a theme font would win over the name
        element.set(w(prop.attr or ""), value)


def _copy(source: Any | None, local: str) -> Any | None:
    found = source.find(w(local)) if source is not None else None
    return copy.deepcopy(found) if found is not None else None
