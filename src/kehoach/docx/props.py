"""What a reader can see of a paragraph or a run: the properties compared, their canonical values, and a Look.

Canonical, so files Word, LibreOffice or WPS write for the same look compare equal: `<w:i w:val="false"/>` and no
`w:i`, `w:ind w:start` and `w:ind w:left`, "auto" and "000000", a border "nil" and none. Only what can be seen is
here: language, kerning, complex-script sizes and widow control are not. docx/effective.py resolves these along
styles (ECMA-376 Part 1, §17.7.2).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
Props = dict[str, str]


@dataclass(frozen=True)
class Look:
    """How a paragraph or run looks: every property as seen, and what its direct formatting changes against its
    styles (with the style names). Two looks are alike when, property by property, either is the same: a run
    whose size the person left alone is alike whether the Normal style changed under it (same direct value) or an
    editor dropped a direct size equal to the style's (same value seen)."""

    seen: tuple[tuple[str, str], ...]
    own: tuple[tuple[str, str], ...] = field(default=())

    def alike(self, other: Look) -> bool:
        return self == other or not self.changed(other)

    def key(self) -> str:
        return ";".join(f"{k}={v}" for k, v in self.seen) + "|" + ";".join(f"{k}={v}" for k, v in self.own)

    def changed(self, base: Look) -> set[str]:
        """The properties that are not alike in `base`. Against another style, what direct formatting changes
        means something else: then only what is seen counts."""
        a_seen, b_seen, a_own, b_own = dict(self.seen), dict(base.seen), dict(self.own), dict(base.own)
        same_styles = all(a_own.get(k) == b_own.get(k) for k in _STYLE_KEYS)
        return {k for k in a_seen.keys() | b_seen.keys() | a_own.keys() | b_own.keys() if k not in _STYLE_KEYS
                and a_seen.get(k) != b_seen.get(k) and (not same_styles or a_own.get(k) != b_own.get(k))}


_STYLE_KEYS = ("style", "cstyle")


def look(seen: Props, own: Props) -> Look:
    return Look(tuple(sorted(seen.items())), tuple(sorted(own.items())))


def w(name: str) -> str:
    return f"{{{W}}}{name}"


_VAL = w("val")
TOGGLES = {"1": "1", "true": "1", "on": "1", "0": "0", "false": "0", "off": "0", "none": "0"}


@dataclass(frozen=True)
class Prop:
    key: str
    tag: str  # child of rPr / pPr
    attr: str | None  # None: the element's w:val (or the element itself, for kind "elem")
    kind: str  # "toggle", "val", "attr", "elem"
    default: str = ""


RUN_PROPS = (
    *(Prop(t, t, None, "toggle", "0") for t in ("b", "i", "strike", "dstrike", "caps", "smallCaps", "vanish",
                                                 "outline", "shadow", "emboss", "imprint")),
    Prop("u", "u", None, "val", "none"),
    Prop("sz", "sz", None, "val", "20"),
    Prop("color", "color", None, "val", "auto"),
    Prop("highlight", "highlight", None, "val", "none"),
    Prop("vertAlign", "vertAlign", None, "val", "baseline"),
    Prop("position", "position", None, "val", "0"),
    Prop("spacing", "spacing", None, "val", "0"),
    Prop("w", "w", None, "val", "100"),
    Prop("em", "em", None, "val", "none"),
    Prop("shd", "shd", "fill", "attr", "auto"),
    Prop("font", "rFonts", "ascii", "attr"),
    Prop("font.hAnsi", "rFonts", "hAnsi", "attr"),
)
PARA_PROPS = (
    Prop("jc", "jc", None, "val", "left"),
    Prop("ind.left", "ind", "left", "attr", "0"),
    Prop("ind.right", "ind", "right", "attr", "0"),
    Prop("ind.first", "ind", "firstLine", "attr", "0"),
    Prop("spacing.before", "spacing", "before", "attr", "0"),
    Prop("spacing.after", "spacing", "after", "attr", "0"),
    Prop("spacing.line", "spacing", "line", "attr", "240"),
    Prop("spacing.lineRule", "spacing", "lineRule", "attr", "auto"),
    Prop("spacing.beforeAuto", "spacing", "beforeAutospacing", "attr", "0"),
    Prop("spacing.afterAuto", "spacing", "afterAutospacing", "attr", "0"),
    *(Prop(t, t, None, "toggle", "0") for t in ("keepNext", "keepLines", "pageBreakBefore", "contextualSpacing")),
    Prop("pBdr", "pBdr", None, "elem"),
    Prop("shd", "shd", "fill", "attr", "auto"),
    Prop("tabs", "tabs", None, "elem"),
    Prop("framePr", "framePr", None, "elem"),
    Prop("num", "numPr", None, "elem"),
)
ALIASES = {"ind": {"left": ("left", "start"), "right": ("right", "end")}}
_JC = {"start": "left", "end": "right", "distribute": "both"}
THEME_ATTR = {"ascii": "asciiTheme", "hAnsi": "hAnsiTheme"}
# Attributes that say nothing a reader sees: revision ids, Word 2010+ ids, and the like.
_NOISE_ATTR = ("rsid", "paraId", "textId")


def canonical(el: Any) -> str:
    """An element and its children as text, without revision noise, toggles and side names normalised."""
    if el is None:
        return ""
    parts = []
    for name, value in sorted(el.attrib.items()):
        local = name.rpartition("}")[2]
        if local.startswith(_NOISE_ATTR):
            continue
        local = {"start": "left", "end": "right"}.get(local, local)
        parts.append(f"{local}={TOGGLES.get(value, value)}")
    inner = "".join(canonical(child) for child in el if isinstance(child.tag, str))
    return f"<{el.tag.rpartition('}')[2]} {' '.join(parts)}>{inner}/"


def borders(el: Any) -> str:
    # A border "nil" or "none" is no border: Word writes them, LibreOffice leaves them out.
    if el is None:
        return ""
    sides = []
    for side in el:
        if not isinstance(side.tag, str) or side.get(_VAL, "nil") in ("nil", "none"):
            continue
        name = {"start": "left", "end": "right"}.get(side.tag.rpartition("}")[2], side.tag.rpartition("}")[2])
        sides.append(f"{name}:{side.get(_VAL)}:{side.get(w('sz'), '')}:{(side.get(w('color')) or 'auto').upper()}"
                     f":{side.get(w('space'), '0')}")
    return ";".join(sorted(sides))




def normal(key: str, value: str) -> str:
    value = value.strip()
    if key == "jc":
        return _JC.get(value, value)
    if key in ("color", "shd") or key.endswith(".color"):
        value = value.upper()
        return "auto" if value in ("AUTO", "000000") else value
    if key in ("u", "highlight", "em"):
        return "none" if value in ("none", "0", "false") else value
    return value


def first_line(levels: list[Any]) -> str:
    # One number for both: a hanging indent is a negative first line; on one element "hanging" wins.
    for level in levels:
        ind = level.find(w("ind"))
        if ind is None:
            continue
        hanging = ind.get(w("hanging"))
        if hanging is not None:
            return str(-int(_twips(hanging))) if _twips(hanging) else "0"
        first = ind.get(w("firstLine"))
        if first is not None:
            return str(int(_twips(first)))
    return "0"


def tabs_value(levels: list[Any]) -> str:
    # Tab stops add up along the chain; a "clear" stop removes an inherited one (LibreOffice writes clear stops
    # for stops nothing defined, which change nothing).
    stops: dict[str, str] = {}
    for level in reversed(levels):
        tabs = level.find(w("tabs"))
        for tab in tabs.iterchildren(w("tab")) if tabs is not None else ():
            pos, kind = tab.get(w("pos"), ""), tab.get(_VAL, "")
            if kind == "clear":
                stops.pop(pos, None)
            else:
                leader = tab.get(w("leader"), "none")
                stops[pos] = f"{_JC.get(kind, kind)}/{'none' if leader in ('0', 'none') else leader}"
    return ",".join(f"{pos}:{stops[pos]}" for pos in sorted(stops, key=_twips))


def _twips(value: str) -> float:
    try:
        return float(value)
    except ValueError:
        return 0.0
