"""Conflicts a merge left in a draft (rule XD-01): a draft with conflict markers is not finished.

When a person and a new parent changed the same place, `kehoach xay-dung` keeps both versions between marker lines
(docx/markers.py). Such a draft must not be issued: this rule finds every conflict, names where it is, and the
other rules do not read the marker lines (their red colour or their "=======" are not the document's).
"""

from __future__ import annotations

import dataclasses

from kehoach.docx.markers import NOTE_START, conflicts, is_marker
from kehoach.docx.model import Model
from kehoach.kiemtra.catalog import AREAS, ERROR, RULES, RuleInfo
from kehoach.kiemtra.context import Context

RULE = "XD-01"
AREA = "ban_thao"
AREAS.setdefault(AREA, "Bản thảo đang soạn")
RULES.setdefault(RULE, RuleInfo(
    AREA, "Chỗ xung đột chưa xử lý",
    {"*": "Bản thảo không còn dòng đánh dấu xung đột (<<<<<<<, =======, >>>>>>>) do kehoach để lại khi soạn lại: ở "
          "mỗi chỗ đã chọn một trong hai bản, xóa bản kia và các dòng đánh dấu."},
    {"*": ERROR}, {"*": "kehoach xay-dung (hợp nhất chỗ sửa tay khi văn bản cấp trên đổi)"}))


def set_aside(model: Model) -> tuple[Model, list[int]]:
    """The model with marker lines emptied (indexes kept), and where each conflict starts."""
    starts = conflicts([p.text for p in model.paragraphs])
    if not starts:
        return model, []
    paragraphs = [dataclasses.replace(p, text="", runs=[]) if is_marker(p.text) else p for p in model.paragraphs]
    return dataclasses.replace(model, paragraphs=paragraphs), starts


def report(ctx: Context, starts: list[int], original: Model) -> None:
    texts = [p.text for p in original.paragraphs]
    for start in starts:
        line = texts[start].strip()
        if line.startswith(NOTE_START):
            ctx.add(RULE, start, f"Còn một chỗ xung đột ngoài nội dung: {line[len(NOTE_START):].rstrip(' >')}.",
                    "Xem lại phần đó (lề, đầu trang, chân trang, kiểu chữ), rồi xóa dòng đánh dấu này.", quote=line)
            continue
        # Named by the paragraph a person has to look at: the first one after the marker line.
        at = next((k for k in range(start + 1, len(texts)) if not is_marker(texts[k])), start)
        ctx.add(RULE, at, "Còn chỗ xung đột chưa xử lý: bản đã sửa và bản mới do kehoach soạn nằm giữa các dòng "
                          "đánh dấu đỏ.",
                "Giữ một trong hai bản, xóa bản kia và ba dòng đánh dấu (<<<<<<<, =======, >>>>>>>).",
                quote=" ".join(texts[at].split()))
