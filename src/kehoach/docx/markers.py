"""The lines a merge writes where a person must choose, and finding them again in any draft.

A conflict is remembered in the draft itself, as marker paragraphs (red, bold, highlighted), until a person removes
them: every build reports it, `ban-hanh` refuses the draft, `kiemtra` finds it. Resolving means deleting the marker
lines (and the version not kept).

    <<<<<<< BẢN ĐÃ SỬA …             the person's version follows
    ======= BẢN MỚI DO KEHOACH SOẠN   kehoach's new version follows
    >>>>>>> HẾT CHỖ XUNG ĐỘT          end of the conflict
    <<<<<<< XUNG ĐỘT: … >>>>>>>       one line: a page setting, style, header or footer both sides changed
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from collections.abc import Sequence

from lxml import etree

from kehoach.docx.locate import body_spots, name_spot
from kehoach.docx.parts import parser

MARK_OURS = "<<<<<<< BẢN ĐÃ SỬA (giữ một trong hai bản, xóa bản kia và các dòng đánh dấu)"
MARK_SPLIT = "======= BẢN MỚI DO KEHOACH SOẠN"
MARK_END = ">>>>>>> HẾT CHỖ XUNG ĐỘT"
NOTE_START = "<<<<<<< XUNG ĐỘT: "
NOTE_END = " >>>>>>>"
_OPEN, _SPLIT, _CLOSE = "<<<<<<<", "=======", ">>>>>>>"

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def note(text: str) -> str:
    return f"{NOTE_START}{text}{NOTE_END}"


def is_marker(text: str) -> bool:
    return unicodedata.normalize("NFC", text).lstrip().startswith((_OPEN, _SPLIT, _CLOSE))


def conflicts(texts: Sequence[str]) -> list[int]:
    """Indexes of the paragraphs where each conflict left in these texts starts.

    A conflict starts at a "<<<<<<<" line; marker lines left over from one a person half-resolved (an "=======" or
    ">>>>>>>" with no opening line before it) count as one more, so nothing half-done passes as resolved."""
    found: list[int] = []
    open_at: int | None = None
    for i, text in enumerate(texts):
        line = unicodedata.normalize("NFC", text).lstrip()
        if line.startswith(_OPEN):
            found.append(i)
            open_at = None if line.rstrip().endswith(_CLOSE) else i
        elif line.startswith((_SPLIT, _CLOSE)):
            if open_at is None:  # left over from a half-resolved conflict: counts as one
                found.append(i)
                open_at = i
            if line.startswith(_CLOSE):
                open_at = None
    return found


def places_in_docx(data: bytes) -> list[str]:
    """Where each conflict left in a .docx is, named as kiemtra and the build name paragraphs; [] if none."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            root = etree.fromstring(z.read("word/document.xml"), parser())
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, ValueError, OSError, EOFError):
        return []
    body = root.find(f"{{{_W}}}body")
    spots = body_spots(body) if body is not None else []
    texts = [s.text for s in spots]
    found = []
    for i in conflicts(texts):
        line = unicodedata.normalize("NFC", texts[i]).strip()
        if line.startswith(NOTE_START):
            found.append(line[len(NOTE_START):].removesuffix(NOTE_END.strip()).strip())
            continue
        after = next((k for k in range(i + 1, len(texts)) if not is_marker(texts[k])), i)
        found.append(name_spot(spots, after))
    return found
