"""Resolve run and paragraph properties: direct formatting → character style → paragraph style chain → defaults.

A generator usually sets Times New Roman or the body size once in a style; a checker that only looked at direct
formatting would report every run as "unknown font".
"""

from __future__ import annotations

from dataclasses import replace

from lxml import etree

from kehoach.docx import wordml
from kehoach.docx.model import Para, Run
from kehoach.docx.package import theme_parts
from kehoach.docx.parts import parser
from kehoach.docx.xml import qn

TWIPS_PER_MM = 56.7
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
FONT_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
THEME_ATTR = {"ascii": "asciiTheme", "hAnsi": "hAnsiTheme", "eastAsia": "eastAsiaTheme", "cs": "cstheme"}
OFF = ("0", "false", "off", "none")


def _on(element) -> bool:
    return element.get(qn("w:val"), "true").lower() not in OFF


class Resolver:
    """Walks run → character style → paragraph style chain → docDefaults for each property."""

    def __init__(self, document):
        styles = document.styles.element
        self.styles = {s.get(qn("w:styleId")): s for s in styles.findall(qn("w:style"))}
        self.default_para_style = next(
            (sid for sid, s in self.styles.items()
             if s.get(qn("w:type")) == "paragraph" and s.get(qn("w:default")) in ("1", "true")), None)
        defaults = styles.find(qn("w:docDefaults"))
        self.default_rpr = defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr")) if defaults is not None else None
        self.default_ppr = defaults.find(qn("w:pPrDefault") + "/" + qn("w:pPr")) if defaults is not None else None
        self.theme = _theme_fonts(document)

    def _chain(self, style_id, tag):
        seen = set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            style = self.styles[style_id]
            props = style.find(qn(tag))
            if props is not None:
                yield props
            based = style.find(qn("w:basedOn"))
            style_id = based.get(qn("w:val")) if based is not None else None

    def _para_style(self, p):
        ppr = p.find(qn("w:pPr"))
        pstyle = ppr.find(qn("w:pStyle")) if ppr is not None else None
        return pstyle.get(qn("w:val")) if pstyle is not None else self.default_para_style

    def lines(self, p) -> list[Para]:
        """The lines of paragraph `p` as Word shows them: one Para per line (Shift+Enter splits), each with the
        paragraph's formatting. Only the last line carries the bottom border (Word draws it under the paragraph);
        `index` is left 0 for the reader to set."""
        style_id = self._para_style(p)
        levels = [p.find(qn("w:pPr")), *self._chain(style_id, "w:pPr"), self.default_ppr]
        levels = [lv for lv in levels if lv is not None]
        para_rpr = [*self._chain(style_id, "w:rPr"), self.default_rpr]
        pieces: list[list[Run]] = [[]]
        for r in wordml.runs(p):
            run = self._run(r, para_rpr)
            if run is None:
                continue
            for n, segment in enumerate(run.text.split(wordml.LINE_BREAK)):
                if n:
                    pieces.append([])
                if segment:
                    pieces[-1].append(replace(run, text=segment))
        shared: dict = dict(
            alignment=_jc(_first(levels, "w:jc")),
            first_line_mm=_first_line(_attr(levels, "w:ind", ("firstLine", "hanging"))),
            space_before=_twips_pt(_attr(levels, "w:spacing", ("before",))),
            space_after=_twips_pt(_attr(levels, "w:spacing", ("after",))),
            line_spacing=_line(_attr(levels, "w:spacing", ("line",)), _attr(levels, "w:spacing", ("lineRule",))),
            line_rule=(_attr(levels, "w:spacing", ("lineRule",)) or ("auto", None))[0],
            has_drawing=wordml.has_line_shape(p),
            keep_next=_toggle(levels, "w:keepNext"),
        )
        border = _bottom_border(levels)
        split = len(pieces) > 1
        return [Para(index=0, text="".join(r.text for r in line_runs), runs=line_runs,
                     bottom_border=border and n == len(pieces) - 1, part=n + 1 if split else None, **shared)
                for n, line_runs in enumerate(pieces)]

    def _run(self, r, para_rpr) -> Run | None:
        rpr = r.find(qn("w:rPr"))
        char_style = rpr.find(qn("w:rStyle")) if rpr is not None else None
        levels = [rpr, *(self._chain(char_style.get(qn("w:val")), "w:rPr") if char_style is not None else ()),
                  *para_rpr]
        levels = [lv for lv in levels if lv is not None]
        if _toggle(levels, "w:vanish") or _toggle(levels, "w:specVanish"):
            return None  # hidden text: Word does not show it
        text = wordml.run_text(r)
        if not text:
            return None
        if _toggle(levels, "w:caps"):
            text = text.upper()  # "All caps" shows the letters as capitals whatever was typed
        size = _first(levels, "w:sz")
        color = _first(levels, "w:color")
        underline = _first(levels, "w:u")
        return Run(
            text=text,
            bold=_toggle(levels, "w:b"), italic=_toggle(levels, "w:i"),
            underline=underline is not None and underline.get(qn("w:val"), "single") not in OFF,
            size=_half_points(size),
            fonts={slot: self._font(levels, slot) for slot in FONT_SLOTS},
            color=color.get(qn("w:val")) if color is not None else None,
        )

    def _font(self, levels, slot: str) -> str | None:
        # Each rFonts attribute is inherited on its own; on one element a theme attribute beats the plain one.
        for level in levels:
            fonts = level.find(qn("w:rFonts"))
            if fonts is None:
                continue
            theme = fonts.get(qn("w:" + THEME_ATTR[slot]))
            if theme:
                return self.theme.get(theme) or None
            name = fonts.get(qn("w:" + slot))
            if name:
                return name
        return None


def _first(levels, tag):
    for level in levels:
        found = level.find(qn(tag))
        if found is not None:
            return found
    return None


def _attr(levels, tag, names):
    for level in levels:
        found = level.find(qn(tag))
        if found is None:
            continue
        for name in names:
            value = found.get(qn("w:" + name))
            if value is not None:
                return value, name
    return None


def _toggle(levels, tag) -> bool:
    found = _first(levels, tag)
    return found is not None and _on(found)


def _jc(element) -> str | None:
    if element is None:
        return None
    value = element.get(qn("w:val"))
    return {"start": "left", "end": "right", "distribute": "both"}.get(value, value)


def _first_line(found) -> float | None:
    if found is None:
        return None
    value, name = found
    twips = _twips(value)
    if twips is None:
        return None
    mm = twips / TWIPS_PER_MM
    return -mm if name == "hanging" else mm


def _twips_pt(found) -> float | None:
    value = _twips(found[0]) if found else None
    return value / 20 if value is not None else None


def _line(line, rule) -> float | None:
    value = _twips(line[0]) if line else None
    if value is None:
        return None
    return value / 240 if (rule or ("auto",))[0] == "auto" else value / 20


UNITS_TWIPS = {"pt": 20.0, "in": 1440.0, "mm": 56.7, "cm": 567.0, "pc": 240.0, "pi": 240.0}


def _twips(value: str) -> float | None:
    """A measure in twips: a plain number, or a universal measure ("12pt", "1.5cm") as Strict files write them."""
    value = value.strip()
    try:
        return float(value)
    except ValueError:
        pass
    unit = value[-2:]
    try:
        return float(value[:-2]) * UNITS_TWIPS[unit]
    except (KeyError, ValueError):
        return None


def _half_points(element) -> float | None:
    """w:sz in half-points → points; Strict files may write "14pt"."""
    if element is None or not element.get(qn("w:val")):
        return None
    value = element.get(qn("w:val")).strip()
    if value.endswith("pt"):
        try:
            return float(value[:-2])
        except ValueError:
            return None
    try:
        return int(value) / 2
    except ValueError:
        return None


def _bottom_border(levels) -> bool:
    for level in levels:
        borders = level.find(qn("w:pBdr"))
        if borders is not None:
            bottom = borders.find(qn("w:bottom"))
            return bottom is not None and bottom.get(qn("w:val"), "nil") not in ("nil", "none")
    return False


def _theme_fonts(document) -> dict[str, str]:
    """Map theme font names (minorHAnsi …) to typefaces; an empty typeface means "not set"."""
    fonts: dict[str, str] = {}
    for part in theme_parts(document):
        try:  # the hardened parser: no entities, no network (the file is the user's)
            root = etree.fromstring(part.blob, parser())
        except etree.XMLSyntaxError:  # refused when the file was opened (package.require_body): never here
            continue
        for kind in ("major", "minor"):
            scheme = root.find(f".//{{{A_NS}}}{kind}Font")
            if scheme is None:
                continue
            for slot, names in (("latin", ("HAnsi", "Ascii")), ("ea", ("EastAsia",)), ("cs", ("Bidi",))):
                face = scheme.find(f"{{{A_NS}}}{slot}")
                for suffix in names:
                    fonts[kind + suffix] = face.get("typeface", "") if face is not None else ""
    return fonts
