"""Formatting as the reader sees it, from the raw parts: what a paragraph, a run or a style looks like after styles
and document defaults are applied (ECMA-376 Part 1, §17.7.2: direct formatting → character style → paragraph style
chain → docDefaults).

Values are canonical strings, so files written by Word, LibreOffice or WPS that look the same compare equal:
`<w:i w:val="false"/>` and no `w:i`, `w:ind w:start` and `w:ind w:left`, a theme font and its typeface, numbering
by its look (format, text, indent) rather than its id. Only what can be seen is compared: language, kerning,
complex-script sizes and widow control are not.

    sheet = Sheet(styles_root, theme_root, numbering_root)   # any may be None
    sheet.paragraph(pPr)                                    # Look: as seen, and its own formatting against its style
    sheet.run(rPr, "Normal")
    sheet.style("Normal")                                   # every visible property of a style, resolved
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from kehoach.docx.props import (
    ALIASES,
    PARA_PROPS,
    RUN_PROPS,
    THEME_ATTR,
    TOGGLES,
    Look,
    Prop,
    Props,
    borders,
    canonical,
    first_line,
    look,
    normal,
    tabs_value,
    w,
)
from kehoach.docx.xml import style_chain

__all__ = ["ALIASES", "PARA_PROPS", "RUN_PROPS", "THEME_ATTR", "Look", "Prop", "Props", "Sheet", "borders", "canonical",
           "iter_styles_used", "w"]
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_VAL = w("val")


class Sheet:
    """The styles, theme fonts and numbering of one package, resolving what a reader sees."""

    def __init__(self, styles: Any | None = None, theme: Any | None = None, numbering: Any | None = None):
        self.styles: dict[str, Any] = {}
        self.default_para: str | None = None
        self.default_char: str | None = None
        self.default_table: str | None = None
        self.doc_rpr: Any | None = None
        self.doc_ppr: Any | None = None
        if styles is not None:
            for s in styles.iter(w("style")):
                sid = s.get(w("styleId"))
                if sid is None:
                    continue
                self.styles.setdefault(sid, s)
                if s.get(w("default")) in ("1", "true", "on"):
                    kind = s.get(w("type"))
                    if kind == "paragraph" and self.default_para is None:
                        self.default_para = sid
                    elif kind == "character" and self.default_char is None:
                        self.default_char = sid
                    elif kind == "table" and self.default_table is None:
                        self.default_table = sid
            defaults = styles.find(w("docDefaults"))
            if defaults is not None:
                self.doc_rpr = defaults.find(f"{w('rPrDefault')}/{w('rPr')}")
                self.doc_ppr = defaults.find(f"{w('pPrDefault')}/{w('pPr')}")
        self.theme = _theme_fonts(theme)
        self.numbering = numbering
        self._nums: dict[tuple[str, str], str] = {}
        self._cache: dict[tuple[Any, ...], Props] = {}

    # --- chains ---------------------------------------------------------------------------------------------

    def chain(self, style_id: str | None, tag: str) -> list[Any]:
        """The `tag` (pPr, rPr, tblPr) of a style and the styles it is based on, nearest first (xml.style_chain)."""
        return style_chain(self.styles, style_id, w(tag))

    def para_style(self, p_pr: Any | None) -> str:
        style = p_pr.find(w("pStyle")) if p_pr is not None else None
        sid = style.get(_VAL) if style is not None else None
        return sid if sid in self.styles else (self.default_para or "")

    def _para_levels(self, style_id: str) -> list[Any]:
        return [*self.chain(style_id, "pPr"), *([self.doc_ppr] if self.doc_ppr is not None else [])]

    def _run_levels(self, para_style: str, char_style: str | None) -> list[Any]:
        levels = self.chain(char_style, "rPr") if char_style else []
        levels += self.chain(para_style, "rPr")
        return [*levels, *([self.doc_rpr] if self.doc_rpr is not None else [])]

    # --- resolution -----------------------------------------------------------------------------------------

    def resolve(self, levels: Iterable[Any], props: tuple[Prop, ...]) -> Props:
        levels = [lv for lv in levels if lv is not None]
        return {p.key: self._value(levels, p) for p in props}

    def _value(self, levels: list[Any], prop: Prop) -> str:
        if prop.key == "num":
            return self._numbering(levels)
        if prop.key == "ind.first":
            return first_line(levels)
        if prop.key == "tabs":
            return tabs_value(levels)
        for level in levels:
            el = level.find(w(prop.tag))
            if el is None:
                continue
            if prop.kind == "toggle":
                return TOGGLES.get((el.get(_VAL) or "1").lower(), "1")
            if prop.kind == "val":
                value = el.get(_VAL)
                if value is None:
                    continue
                return normal(prop.key, value)
            if prop.kind == "elem":
                return borders(el) if prop.key == "pBdr" else canonical(el)
            assert prop.attr is not None
            if prop.tag == "rFonts":
                theme = el.get(w(THEME_ATTR[prop.attr]))
                if theme:
                    return self.theme.get(theme, theme)
            for name in ALIASES.get(prop.tag, {}).get(prop.attr, (prop.attr,)):
                value = el.get(w(name))
                if value is not None:
                    return normal(prop.key, value)
        return prop.default

    def _numbering(self, levels: list[Any]) -> str:
        num_id = ilvl = None
        for level in levels:
            num = level.find(w("numPr"))
            if num is None:
                continue
            if num_id is None and num.find(w("numId")) is not None:
                num_id = num.find(w("numId")).get(_VAL)
            if ilvl is None and num.find(w("ilvl")) is not None:
                ilvl = num.find(w("ilvl")).get(_VAL)
        if not num_id or num_id == "0":
            return ""
        return self.list_look(num_id, ilvl or "0")

    def list_look(self, num_id: str, ilvl: str) -> str:
        """What a list level looks like (format, text, indent, bullet font), whatever its id in the package."""
        key = (num_id, ilvl)
        if key not in self._nums:
            self._nums[key] = f"{ilvl}|{canonical(self.list_level(num_id, ilvl))}" or "?"
        return self._nums[key]

    def list_level(self, num_id: str, ilvl: str) -> Any | None:
        if self.numbering is None:
            return None
        num = next((n for n in self.numbering.iter(w("num")) if n.get(w("numId")) == num_id), None)
        if num is None:
            return None
        for override in num.iter(w("lvlOverride")):
            if override.get(w("ilvl")) == ilvl and override.find(w("lvl")) is not None:
                return override.find(w("lvl"))
        abstract_ref = num.find(w("abstractNumId"))
        abstract_id = abstract_ref.get(_VAL) if abstract_ref is not None else None
        abstract = next((a for a in self.numbering.iter(w("abstractNum"))
                         if a.get(w("abstractNumId")) == abstract_id), None)
        if abstract is None:
            return None
        return next((lv for lv in abstract.iter(w("lvl")) if lv.get(w("ilvl")) == ilvl), None)

    # --- what a reader sees ---------------------------------------------------------------------------------

    def _style_props(self, style_id: str, char_style: str | None = None) -> tuple[Props, Props]:
        key = ("style", style_id, char_style)
        if key not in self._cache:
            self._cache[key] = self.resolve(self._para_levels(style_id), PARA_PROPS)
            self._cache[("run",) + key[1:]] = self.resolve(self._run_levels(style_id, char_style), RUN_PROPS)
        return self._cache[key], self._cache[("run",) + key[1:]]

    def paragraph(self, p_pr: Any | None) -> Look:
        """How a paragraph looks, and its style with what its direct formatting changes against that style."""
        style = self.para_style(p_pr)
        inherited, _ = self._style_props(style)
        seen = self.resolve([p_pr, *self._para_levels(style)], PARA_PROPS) if p_pr is not None else inherited
        delta = {k: v for k, v in seen.items() if v != inherited[k]}
        delta["style"] = style
        return look(seen, delta)

    def run(self, r_pr: Any | None, para_style: str) -> Look:
        """How a run looks, and its character style with what its direct formatting changes against its styles."""
        char = None
        if r_pr is not None and r_pr.find(w("rStyle")) is not None:
            char = r_pr.find(w("rStyle")).get(_VAL)
            char = char if char in self.styles and char != self.default_char else None
        _, inherited = self._style_props(para_style, char)
        seen = self.resolve([r_pr, *self._run_levels(para_style, char)], RUN_PROPS) if r_pr is not None else inherited
        delta = {k: v for k, v in seen.items() if v != inherited[k]}
        if char:
            delta["cstyle"] = char
        return look(seen, delta)

    def style(self, style_id: str) -> Props:
        """Every visible property of a style after its chain and the document defaults."""
        style = self.styles.get(style_id)
        if style is None:
            return {}
        kind = style.get(w("type"))
        if kind == "character":
            return self.resolve([*self.chain(style_id, "rPr"), *self._run_levels(self.default_para or "", None)],
                                RUN_PROPS)
        if kind == "paragraph":
            para, run = self._style_props(style_id)
            return {**{f"p.{k}": v for k, v in para.items()}, **{f"r.{k}": v for k, v in run.items()}}
        return {"xml": canonical(style.find(w("tblPr"))) + canonical(style.find(w("rPr")))}

    def style_name(self, style_id: str) -> str:
        style = self.styles.get(style_id)
        name = style.find(w("name")) if style is not None else None
        return (name.get(_VAL) if name is not None else None) or style_id


def _theme_fonts(theme: Any | None) -> dict[str, str]:
    """minorHAnsi … → the typeface the theme names."""
    fonts: dict[str, str] = {}
    if theme is None:
        return fonts
    for kind in ("major", "minor"):
        scheme = theme.find(f".//{{{_A}}}{kind}Font")
        if scheme is None:
            continue
        latin = scheme.find(f"{{{_A}}}latin")
        face = latin.get("typeface", "") if latin is not None else ""
        for suffix in ("HAnsi", "Ascii"):
            fonts[kind + suffix] = face
    return fonts


def iter_styles_used(roots: Iterable[Any]) -> Iterator[str]:
    """Style ids named by paragraphs, runs and tables in these parts."""
    for root in roots:
        for tag in ("pStyle", "rStyle", "tblStyle"):
            for el in root.iter(w(tag)):
                value = el.get(_VAL)
                if value:
                    yield value
