"""Write src/kehoach/docx/fontdata.py: advance widths of Times New Roman's letters, read once from a font file.

Run: python tools/make_metrics.py [FOLDER]   (needs fontTools: pip install fonttools)

FOLDER holds LiberationSerif-{Regular,Bold,Italic,BoldItalic}.ttf (Liberation Serif 2, metric-compatible with Times
New Roman and with every precomposed Vietnamese letter; Debian's fonts-liberation2 puts it in the default folder).
kehoach measures header lines with the table this writes instead of reading a font when it runs: a user's machine may
have no such font, and a draft must come out the same on every machine.
"""

from __future__ import annotations

import sys
from pathlib import Path

DEFAULT_FOLDER = Path("/usr/share/fonts/truetype/liberation2")
OUT = Path(__file__).resolve().parent.parent / "src" / "kehoach" / "docx" / "fontdata.py"
STYLES = {"regular": "Regular", "bold": "Bold", "italic": "Italic", "bold_italic": "BoldItalic"}
# Every character a Vietnamese administrative document is written in: ASCII, Latin-1, the Vietnamese letters
# (Latin Extended-A/B and Extended Additional), combining tone marks (for text that arrives decomposed), and the
# dashes, quotes, bullet and ellipsis of General Punctuation.
RANGES = ((0x20, 0x7E), (0xA0, 0xFF), (0x100, 0x17F), (0x1A0, 0x1B0), (0x300, 0x323), (0x1EA0, 0x1EF9),
          (0x2010, 0x2026))


def read_widths(font_file: Path) -> tuple[int, list[tuple[int, tuple[int, ...]]]]:
    """(units per em, runs of (first code point, advance widths)) for the characters of RANGES the font has."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(font_file))
    cmap, advances = font.getBestCmap(), font["hmtx"]
    runs: list[tuple[int, tuple[int, ...]]] = []
    for low, high in RANGES:
        start, widths = None, []
        for code in range(low, high + 1):
            if code in cmap:
                if start is None:
                    start = code
                widths.append(advances[cmap[code]][0])
                continue
            if start is not None:
                runs.append((start, tuple(widths)))
            start, widths = None, []
        if start is not None:
            runs.append((start, tuple(widths)))
    return font["head"].unitsPerEm, runs


def render(folder: Path) -> str:
    lines = [
        '"""Advance widths of Liberation Serif 2 (metric-compatible with Times New Roman). GENERATED: do not edit.',
        "",
        "Made by tools/make_metrics.py from LiberationSerif-*.ttf; kehoach.docx.metrics reads it.",
        '"""',
        "",
        "# style -> runs of (first code point, advance widths in font units)",
    ]
    units = None
    lines.append("WIDTHS: dict[str, tuple[tuple[int, tuple[int, ...]], ...]] = {")
    for style, suffix in STYLES.items():
        upem, runs = read_widths(folder / f"LiberationSerif-{suffix}.ttf")
        units = units or upem
        lines.append(f'    "{style}": (')
        for start, widths in runs:
            lines.append(f"        (0x{start:04X}, (")
            for i in range(0, len(widths), 16):
                lines.append("            " + ", ".join(str(w) for w in widths[i:i + 16]) + ",")
            lines.append("        )),")
        lines.append("    ),")
    lines.append("}")
    lines.insert(5, f"UNITS_PER_EM = {units}")
    lines.insert(6, "")
    return "\n".join(lines) + "\n"


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_FOLDER
    OUT.write_text(render(folder), encoding="utf-8")
    print(OUT)


if __name__ == "__main__":
    main()
