"""Resolve run and paragraph properties: direct formatting → character style → paragraph style chain → defaults.

A generator usually sets Times New Roman or the body size once in a style; a checker that only looked at direct
formatting would report every run as "unknown font".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from lxml import etree

from kehoach.docx import wordml
from kehoach.docx.model import Para, Run
from kehoach.docx.parts import parser
from kehoach.docx.stylesheet import sheet_of
from kehoach.docx.wordfile import WordFile
from kehoach.docx.xml import qn

TWIPS_PER_MM = 56.7
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
FONT_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
THEME_ATTR = {"ascii": "asciiTheme", "hAnsi": "hAnsiTheme", "eastAsia": "eastAsiaTheme", "cs": "cstheme"}
OFF = ("0", "false", "off", "none")
W_PPR, W_RPR, W_VAL, W_RFONTS = qn("w:pPr"), qn("w:rPr"), qn("w:val"), qn("w:rFonts")
W_TBL_PR, W_TBL_STYLE = qn("w:tblPr"), qn("w:tblStyle")


def _on(element) -> bool:
    return element.get(qn("w:val"), "true").lower() not in OFF


class Resolver:
    """Walks run → character style → paragraph style chain → docDefaults for each property.

    What the styles say is looked up once per styles named (stylesheet.py); only the direct formatting of each
    paragraph and run is read each time."""

    def __init__(self, document: WordFile):
        self.sheet = sheet_of(document.styles, shared=document.shared_styles)
        self.styles = self.sheet.by_id
        self.default_para_style = self.sheet.default_para_style
        self.theme = _theme_fonts(document)

    def table_styles(self, tbl) -> list:
        """The table styles of table `tbl` for xml.cell_margins_mm (its own, or the default table style)."""
        style = tbl.find(f"{W_TBL_PR}/{W_TBL_STYLE}")
        return self.sheet.table_styles_for(style.get(W_VAL) if style is not None else None)

    def _para_style(self, p):
        ppr = p.find(W_PPR)
        pstyle = ppr.find(qn("w:pStyle")) if ppr is not None else None
        return pstyle.get(W_VAL) if pstyle is not None else self.default_para_style

    def _para_tail(self, style_id) -> list:
        """The paragraph-property levels below the direct formatting: the style chain, then the defaults."""
        sheet = self.sheet
        return sheet.inherited(("ptail", style_id), lambda: [
            lv for lv in (*sheet.chain(style_id, "w:pPr"), sheet.default_ppr) if lv is not None])

    def _run_tail(self, char_id, style_id) -> list:
        """The run-property levels below the direct formatting: the character style chain, the paragraph style
        chain, then the defaults."""
        sheet = self.sheet
        return sheet.inherited(("rtail", char_id, style_id), lambda: [
            lv for lv in (*sheet.chain(char_id, "w:rPr"), *sheet.chain(style_id, "w:rPr"), sheet.default_rpr)
            if lv is not None])

    def _resolved(self, direct, tail_key, tail: Callable[[], list], ask: Callable, *args):
        """`ask(levels, *args)` over the direct level then the inherited ones: the direct level's answer when it
        has one (not None), else the inherited levels' answer, asked once per styles (tail_key) and question."""
        if direct is not None:
            found = ask((direct,), *args)
            if found is not None:
                return found
        return self.sheet.inherited((tail_key, ask, args), lambda: ask(tail(), *args))

    def lines(self, p) -> list[Para]:
        """The lines of paragraph `p` as Word shows them: one Para per line (Shift+Enter splits), each with the
        paragraph's formatting. Only the last line carries the bottom border (Word draws it under the paragraph);
        `index` is left 0 for the reader to set."""
        style_id = self._para_style(p)
        direct = p.find(W_PPR)
        # What a paragraph's formatting comes to depends on its style and its own w:pPr only: equal w:pPr (as
        # bytes) under one style, equal answers. A draft repeats a few dozen w:pPr thousands of times.
        key = ("para", style_id, None if direct is None else etree.tostring(direct, with_tail=False))
        shared, border = self.sheet.inherited(key, lambda: self._para_format(direct, style_id))
        pieces: list[list[Run]] = [[]]
        for r in wordml.runs(p):
            run = self._run(r, style_id)
            if run is None:
                continue
            if wordml.LINE_BREAK not in run.text:
                pieces[-1].append(run)  # the run just made, whole: no copy needed
                continue
            for n, segment in enumerate(run.text.split(wordml.LINE_BREAK)):
                if n:
                    pieces.append([])
                if segment:
                    pieces[-1].append(replace(run, text=segment))
        drawing = wordml.has_line_shape(p)
        split = len(pieces) > 1
        return [Para(index=0, text="".join(r.text for r in line_runs), runs=line_runs, has_drawing=drawing,
                     bottom_border=border and n == len(pieces) - 1, part=n + 1 if split else None, **shared)
                for n, line_runs in enumerate(pieces)]

    def _para_format(self, direct, style_id) -> tuple[dict, bool]:
        """(the Para fields of a paragraph's formatting, its bottom border) for its w:pPr under style `style_id`."""
        key = ("p", style_id)

        def tail() -> list:
            return self._para_tail(style_id)

        def first(tag):
            return self._resolved(direct, key, tail, _first, tag)

        def attr(tag, names):
            return self._resolved(direct, key, tail, _attr, tag, names)

        keep = first("w:keepNext")
        shared = dict(
            alignment=_jc(first("w:jc")),
            first_line_mm=_first_line(attr("w:ind", ("firstLine", "hanging"))),
            space_before=_twips_pt(attr("w:spacing", ("before",))),
            space_after=_twips_pt(attr("w:spacing", ("after",))),
            line_spacing=_line(attr("w:spacing", ("line",)), attr("w:spacing", ("lineRule",))),
            line_rule=(attr("w:spacing", ("lineRule",)) or ("auto", None))[0],
            keep_next=keep is not None and _on(keep),
        )
        return shared, bool(self._resolved(direct, key, tail, _border))

    def _run(self, r, style_id) -> Run | None:
        rpr = r.find(W_RPR)
        # As for paragraphs: a run's formatting depends on its w:rPr and its paragraph's style only.
        key = ("run", style_id, None if rpr is None else etree.tostring(rpr, with_tail=False))
        shown, caps, bold, italic, underline, size, faces, color = self.sheet.inherited(
            key, lambda: self._run_format(rpr, style_id))
        if not shown:
            return None  # hidden text: Word does not show it
        text = wordml.run_text(r)
        if not text:
            return None
        if caps:
            text = text.upper()  # "All caps" shows the letters as capitals whatever was typed
        return Run(text=text, bold=bold, italic=italic, underline=underline, size=size,
                   fonts={slot: self._font(face) for slot, face in zip(FONT_SLOTS, faces, strict=True)}, color=color)

    def _run_format(self, rpr, style_id) -> tuple:
        """(shown, all caps, bold, italic, underline, size in pt, the font faces of FONT_SLOTS, colour) of a run
        with properties `rpr` in a paragraph of style `style_id`; the faces are mapped to the document's theme by
        the caller (the theme is the document's, the answer is kept for every document of these styles)."""
        char_style = rpr.find(qn("w:rStyle")) if rpr is not None else None
        char_id = char_style.get(W_VAL) if char_style is not None else None
        key = ("r", char_id, style_id)

        def tail() -> list:
            return self._run_tail(char_id, style_id)

        def first(tag):
            return self._resolved(rpr, key, tail, _first, tag)

        def toggle(tag) -> bool:
            found = first(tag)
            return found is not None and _on(found)

        color = first("w:color")
        underline = first("w:u")
        return (not (toggle("w:vanish") or toggle("w:specVanish")), toggle("w:caps"), toggle("w:b"), toggle("w:i"),
                underline is not None and underline.get(W_VAL, "single") not in OFF, _half_points(first("w:sz")),
                tuple(self._resolved(rpr, key, tail, _font_face, slot) for slot in FONT_SLOTS),
                color.get(W_VAL) if color is not None else None)

    def _font(self, face: tuple[str, str] | None) -> str | None:
        if face is None:
            return None
        kind, value = face
        return (self.theme.get(value) or None) if kind == "theme" else value


def _font_face(levels, slot: str) -> tuple[str, str] | None:
    """("theme", minorHAnsi …) or ("name", typeface) of the first level that says: each rFonts attribute is
    inherited on its own; on one element a theme attribute beats the plain one."""
    for level in levels:
        fonts = level.find(W_RFONTS)
        if fonts is None:
            continue
        theme = fonts.get(qn("w:" + THEME_ATTR[slot]))
        if theme:
            return "theme", theme
        name = fonts.get(qn("w:" + slot))
        if name:
            return "name", name
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


def _border(levels) -> bool | None:
    """The bottom border of the first level with paragraph borders; None when no level has them."""
    for level in levels:
        borders = level.find(qn("w:pBdr"))
        if borders is not None:
            bottom = borders.find(qn("w:bottom"))
            return bottom is not None and bottom.get(qn("w:val"), "nil") not in ("nil", "none")
    return None


def _theme_fonts(document: WordFile) -> dict[str, str]:
    """Map theme font names (minorHAnsi …) to typefaces; an empty typeface means "not set"."""
    fonts: dict[str, str] = {}
    for _name, blob in document.themes:
        try:  # the hardened parser: no entities, no network (the file is the user's)
            root = etree.fromstring(blob, parser())
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
