"""Numbering the body: literal labels made here (I., 1., a), 1.1. …), so a skipped or restarted number cannot happen.

Styles per level (a plan's `danh_so`): "I." "I-" Roman; "1." Arabic; "1.1." / "1.1.1." the parent's number and this
one ("2.1."; at the first level "1.1.", "1.2." …); "a)" "a." Vietnamese letters (no f, j, w, z; đ after d: NĐ 30,
Phụ lục I; HD 36); "-" "+" marks; "khong" none. A level deeper than the styles given is marked "-".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from kehoach.inputs.models import Block, Section
from kehoach.text.vntext import VI_LETTERS, letter, roman, upper_first, upper_vi

STYLES = ("I.", "I-", "1.", "1.1.", "1.1.1.", "a)", "a.", "-", "+", "khong")
_DECIMAL = ("1.", "1.1.", "1.1.1.")
KINDS = ("muc", "khoan", "diem")  # how the template shows a heading of each depth (bold capitals, bold, italic)

Text = Callable[[str, tuple[Any, ...]], str]


class NumberingError(ValueError):
    """A label that cannot be made (a 24th letter), with the key path of the item that needs it."""

    def __init__(self, message: str, path: tuple[Any, ...]):
        super().__init__(message)
        self.path = path


def label(style: str, index: int, parent: str) -> str:
    """The label of the index-th item (from 1) in `style`, under a parent labelled `parent` ('' at the top)."""
    if style in ("I.", "I-"):
        return roman(index) + style[1:]
    if style == "1.":
        return f"{index}."
    if style in ("1.1.", "1.1.1."):
        prefix = parent if parent[:1].isdigit() else "1."
        return f"{prefix}{index}."
    if style in ("a)", "a."):
        return letter(index) + style[1:]
    if style in ("-", "+"):
        return style
    return ""


def number(sections: Sequence[Section], styles: Sequence[str], text: Text, first_kind: int = 0,
           root: tuple[Any, ...] = ("muc",)) -> list[Block]:
    """Blocks for `sections` with their labels; `text` expands a plan text at its key path (placeholders).

    `first_kind` is the look of the top level: 0 for a Kế hoạch's "I." sections, 1 for a Công văn's "1." groups.
    """
    blocks: list[Block] = []

    def walk(items: Sequence[Section], depth: int, path: tuple[Any, ...], parent: str) -> None:
        style = styles[depth] if depth < len(styles) else "-"
        index = 0
        for position, sec in enumerate(items):
            here = path + (position,)
            mark = ""
            if sec.numbered:
                index += 1
                if style in ("a)", "a.") and index > len(VI_LETTERS):
                    raise NumberingError(
                        f"có hơn {len(VI_LETTERS)} mục đánh {style} ở cùng một cấp, nhưng bảng chữ cái chỉ có "
                        f"{len(VI_LETTERS)} chữ (a … y): hãy chia thành nhiều mục, hoặc đánh số 1.1. (danh_so_cap_3: "
                        "'1.1.')", here)
                mark = label(style, index, parent)
            kind = KINDS[min(depth + first_kind, 2)]
            paragraphs = [text(p, here + ("noi_dung",)) for p in sec.paragraphs]
            if sec.title:
                title = text(sec.title, here + ("tieu_de",))
                title = upper_vi(title) if kind == "muc" else upper_first(title)
                blocks.append(Block(kind, f"{mark} {title}".strip()))
            elif paragraphs and mark:
                paragraphs[0] = f"{mark} {paragraphs[0]}"
            blocks.extend(Block("doan", p) for p in paragraphs)
            child_parent = mark if style in _DECIMAL or (mark[:1].isdigit()) else (f"{index}." if mark else parent)
            walk(sec.children, depth + 1, here + ("muc_con",), child_parent)

    walk(sections, 0, root, "")
    return blocks


def default_styles(kind: str, section_mark: str, point_style: str) -> tuple[str, ...]:
    """A Kế hoạch, Hướng dẫn: I. (or I-), 1., a) (or 1.1.); a Công văn has no Roman sections (seed 003): 1., a)."""
    if kind == "cong_van":
        return ("1.", point_style)
    return (section_mark, "1.", point_style)
