"""What the resolver reads from a styles part, made once per styles tree: styles by id, defaults, style chains, and
what each chain of styles says about each property.

A paragraph's or a run's formatting is its direct formatting, then its styles (character style, paragraph style and
the styles it is based on), then the document defaults (ECMA-376 Part 1, §17.7.2). The part after the direct
formatting depends only on the styles named, and the paragraphs of a document (and the drafts of a folder, which
share one styles tree, wordfile.py) name the same few styles thousands of times: StyleSheet.inherited answers each
(styles, property) question once, and resolve.py keeps there what a paragraph's or a run's own properties (as bytes)
come to under a style.

The styles tree must not change while a sheet of it is kept: the trees wordfile.py shares are read only, and a
python-docx Document read by a test gets a sheet of its own at every reading (`shared=False`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kehoach.docx.xml import qn, style_chain

W_STYLE, W_STYLE_ID, W_TYPE, W_DEFAULT = qn("w:style"), qn("w:styleId"), qn("w:type"), qn("w:default")
MEMO_KEPT = 50_000  # answers kept per styles tree


@dataclass
class StyleSheet:
    by_id: dict[str | None, Any]  # w:styleId → w:style (the last of a repeated id)
    default_para_style: str | None  # the id of the paragraph style marked default
    default_rpr: Any  # docDefaults' run properties, or None
    default_ppr: Any  # docDefaults' paragraph properties, or None
    table_styles: list[Any]  # the table styles, in order
    memo: dict[Any, Any] = field(default_factory=dict)  # (question) → answer: chains, inherited properties

    def chain(self, style_id: str | None, tag: str) -> tuple[Any, ...]:
        """The `tag` properties (w:pPr, w:rPr …) of style `style_id` and the styles it is based on, nearest first;
        a loop of basedOn ends where it comes back."""
        key = ("chain", style_id, tag)
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = tuple(style_chain(self.by_id, style_id, qn(tag)))
        return found

    def inherited(self, key: Any, answer: Callable[[], Any]) -> Any:
        """What `answer()` says, once per `key` (the styles asked about and the question)."""
        try:
            return self.memo[key]
        except KeyError:
            if len(self.memo) >= MEMO_KEPT:
                self.memo.clear()  # a process reading many unlike documents: memory stays bounded
            found = self.memo[key] = answer()
            return found

    def table_styles_for(self, wanted: str | None) -> list[Any]:
        """The table styles xml.cell_margins_mm would pick for a table naming style `wanted` (None: the default)."""
        return self.inherited(("table", wanted), lambda: [
            s for s in self.table_styles
            if s.get(W_STYLE_ID) == wanted or (wanted is None and s.get(W_DEFAULT) in ("1", "true"))])


# Keyed by the tree's id, the tree itself kept in the entry so that the id is not reused while the entry lives.
SHEETS_KEPT = 8
_sheets: dict[int, tuple[Any, StyleSheet]] = {}


def sheet_of(styles: Any, shared: bool = True) -> StyleSheet:
    """The sheet of a styles tree (the root of a styles part); made once per tree when `shared`."""
    if shared:
        entry = _sheets.get(id(styles))
        if entry is not None and entry[0] is styles:
            return entry[1]
    by_id = {s.get(W_STYLE_ID): s for s in styles.findall(W_STYLE)}
    defaults = styles.find(qn("w:docDefaults"))
    sheet = StyleSheet(
        by_id=by_id,
        default_para_style=next((sid for sid, s in by_id.items()
                                 if s.get(W_TYPE) == "paragraph" and s.get(W_DEFAULT) in ("1", "true")), None),
        default_rpr=defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr")) if defaults is not None else None,
        default_ppr=defaults.find(qn("w:pPrDefault") + "/" + qn("w:pPr")) if defaults is not None else None,
        table_styles=[s for s in styles.iterchildren(W_STYLE) if s.get(W_TYPE) == "table"])
    if shared:
        if len(_sheets) >= SHEETS_KEPT:
            del _sheets[next(iter(_sheets))]
        _sheets[id(styles)] = (styles, sheet)
    return sheet
