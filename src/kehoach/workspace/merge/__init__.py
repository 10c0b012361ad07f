"""Three-way merge of .docx drafts: a person's edits, made in Word, LibreOffice or WPS, survive a regeneration.

    base = base.load(record, record_dir)             # what kehoach generated last (kept in the record)
    result = merge(base, edited_bytes, new_bytes)    # the person's edits, carried into the new draft

Everything is compared as a reader sees it (docx/effective.py), so a file only re-saved by another editor has no
edits. The merge goes down as far as it must: blocks of the body (diff3), then inside a block both sides changed
(words of a paragraph, cells of a table), and beside the body the page setup, headers, footers and styles. What the
person added comes with what it points at (comments, footnotes, pictures, lists, links, bookmarks, styles: carry.py).
Only overlapping changes conflict; both versions are then kept between marker paragraphs (docx/markers.py).

The result is checked before anyone writes it (docx/integrity.py); when something of the person's file cannot be
carried, `blocked` says what, and the draft must be left as it is.

The package loads the merge only when it is used (writing a draft needs only what a record keeps, base.py): a
cold `kehoach tao` does not pay for the machinery of merging.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kehoach.workspace.merge.engine import (
        MARK_END,
        MARK_OURS,
        MARK_SPLIT,
        Base,
        MergeResult,
        Place,
        base_of,
        describe,
        fingerprint,
        merge,
    )

__all__ = ["MARK_END", "MARK_OURS", "MARK_SPLIT", "Base", "MergeResult", "Place", "base_of", "describe", "fingerprint",
           "merge"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from kehoach.workspace.merge import engine

        return getattr(engine, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
