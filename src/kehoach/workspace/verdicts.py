"""The verdicts on the drafts of one build or one tree: from the build's index where it holds, else from the records
(state.py's rules), the same either way; and what the next index will hold.

A draft whose index row holds as it is (its draft and record have their indexed signatures, every input is the file
that was hashed, it is not edited by hand) is judged from the index's columns without making an object for it: a
build with nothing to do at 10,000 plans costs the signatures of its files and little more.
"""

from __future__ import annotations

import os
from pathlib import Path

from kehoach import __version__
from kehoach.files import Signature, signature
from kehoach.inputs.recorded import summary
from kehoach.workspace.index import Document, Entry, Index, Known
from kehoach.workspace.indexfile import load as load_index
from kehoach.workspace.indexfile import load_documents
from kehoach.workspace.indexfile import save as save_index
from kehoach.workspace.record import RECORD_DIR, conflicts_of, generated_sha, read_record
from kehoach.workspace.state import (
    DELETED,
    FRESH,
    DraftState,
    Hashes,
    conflict_places,
    file_sha256,
    judged,
    record_state,
    recorded_inputs,
)

_CLEAN = DraftState(FRESH, False)
_DOCX = len(".docx")


def _record_key(key: str) -> str:
    """record_path of a draft's absolute path, as text (pathlib costs more than a no-op build's whole loop)."""
    folder, sep, name = key.rpartition(os.sep)
    stem = name[:-_DOCX] if len(name) > _DOCX and name[-_DOCX:].lower() == ".docx" else os.path.splitext(name)[0]
    return f"{folder}{sep}{RECORD_DIR}{sep}{stem}.json"


class Verdicts:
    """The verdicts on the drafts of one build (or one tree): from the index where it holds, else from the records,
    the same either way (tests/test_index.py); what is learnt goes into the next index.

    An index entry serves while its record's signature is unchanged and the record counts no conflicts (those are
    found in the draft itself, so it is read); its inputs are hashed only when their signatures changed. A draft
    whose row holds as it is (draft and record unchanged, every input the file it was, not edited by hand) is judged
    from the index's columns without making its Entry: a build with nothing to do makes no object per draft."""

    def __init__(self, out_dir: Path, hashes: Hashes | None = None, use_index: bool = True, documents: bool = False):
        """`documents`: the drafts' documents are asked for (`document`), as `kehoach cay` does."""
        self.old = load_index(out_dir, __version__, documents) if use_index else Index(out_dir, version=__version__)
        self.hashes = hashes if hashes is not None else Hashes()
        self.hashes.index = self.old.files
        self.entries: dict[str, Entry] = {}  # drafts judged anew, as the next index will hold them
        self.kept: dict[str, int] = {}  # drafts whose row of the old index holds as it is: key → row
        self._sigs: dict[str, Signature | None] = {}  # drafts' signatures as taken when judged
        self._unseen: set[str] = set()  # drafts judged from their records, edits checked, not yet seen whole
        self._same: list[bool | None] = [None] * len(self.old.files)  # per file id: its hash is the indexed one

    def state(self, output: Path | str, check_edits: bool = True, key: str = "") -> DraftState:
        """`key`: the draft's absolute path when the caller has it (Found.output_key)."""
        key = key or os.path.abspath(output)
        rsig = signature(_record_key(key))
        old = self.old.drafts
        row = old.ids.get(key)
        if row is not None and rsig is not None and not old.conflicts[row]:
            at = 4 * row
            if rsig == tuple(old.records[at:at + 4]):
                dsig = signature(key)
                if (dsig is not None and dsig == tuple(old.drafts[at:at + 4]) and (not check_edits or old.edited[row] == 0)
                        and self._inputs_hold(old.inputs[row])):
                    self.kept[key] = row  # whole, as its row says (`whole` needs no signature)
                    if self.entries:
                        self.entries.pop(key, None)
                    return _CLEAN
                self._sigs[key] = dsig
                return self._from_entry(key, old.entry(row), check_edits, dsig)
        self.kept.pop(key, None)
        output = Path(output)
        dsig = self._sigs[key] = signature(output)
        record = read_record(output, documents=False)
        state = record_state(output, record, self.hashes, check_edits)
        if rsig is not None and record is not None and record.get("kehoach") == __version__:
            self.entries[key] = Entry(rsig, None, recorded_inputs(output, record), bool(conflicts_of(record)),
                                      generated_sha(record), None, summary(record))
            if check_edits and state.status != DELETED:  # `edited` is known for this signature, not seen whole
                self.entries[key] = self.entries[key]._replace(draft=dsig, edited=state.edited)
                self._unseen.add(key)
        return state

    def _inputs_hold(self, codes: list[object]) -> bool:
        """Every input of a row is coded as the indexed file with its indexed hash, and the file still has it."""
        files, same = self.old.files, self._same
        for code in codes:
            if type(code) is not int:
                return False
            i = code >> 2
            ok = same[i]
            if ok is None:
                ok = same[i] = self.hashes.of_key(files.keys_[i]) == files.digests[i]
            if not ok:
                return False
        return True

    def _from_entry(self, key: str, entry: Entry, check_edits: bool, dsig: Signature | None) -> DraftState:
        self.kept.pop(key, None)
        if dsig is None:
            self.entries[key] = entry._replace(draft=None, edited=None)
            return DraftState(DELETED, False)
        edited = False
        if check_edits:
            edited = entry.edited if dsig == entry.draft and entry.edited is not None else (
                self.hashes.of_key(key) != entry.generated)
        self.entries[key] = entry if dsig == entry.draft else entry._replace(draft=None, edited=None)
        return judged(entry.inputs, self.hashes, edited, conflict_places(Path(key)) if edited else ())

    def whole(self, output: Path | str, key: str = "") -> bool:
        """The draft is the one last seen whole (written by kehoach, or read since): no need to look at it again."""
        key = key or os.path.abspath(output)
        if key in self.kept:
            return True
        if key in self._unseen:
            return False
        entry = self.entries.get(key)
        return entry is not None and entry.draft is not None and entry.draft == self._sigs.get(key)

    def seen_whole(self, output: Path | str, key: str = "") -> None:
        """The build looked at the draft and it is whole (as it was when judged); whether it is edited by hand is
        learnt with it (read once now, when the draft was read whole anyway: `kehoach cay` need not read it again)."""
        key = key or os.path.abspath(output)
        entry, sig = self.entries.get(key), self._sigs.get(key)
        self._unseen.discard(key)
        if entry is not None and sig is not None and entry.draft != sig:
            digest = file_sha256(key)
            edited = None if digest is None or entry.generated is None else digest != entry.generated
            self.entries[key] = entry._replace(draft=sig, edited=edited)

    def document(self, key: str) -> Document | None:
        """recorded.summary of the record of a draft judged (by its absolute path), when the index or the record
        read has it; None: read the record (recorded.document_of)."""
        row = self.kept.get(key)
        if row is not None:
            return self.old.drafts.document(row)
        entry = self.entries.get(key)
        return entry.document if entry is not None else None

    def forget(self, output: Path | str, key: str = "") -> None:
        key = key or os.path.abspath(output)
        self.entries.pop(key, None)
        self.kept.pop(key, None)

    def learn(self, output: Path, entry: Entry, read: dict[str, Known]) -> None:
        """A draft written in this build: its new entry, and the inputs read to write it."""
        key = os.path.abspath(output)
        self.kept.pop(key, None)
        self.entries[key] = entry
        for file, known in read.items():
            self.hashes.seen.setdefault(file, known)

    def save(self) -> bool:
        """Write the next index when it says something the last one did not; True when written.

        A file hashed again only because its signature was taken too soon after it changed, found unchanged, does
        not make a new index by itself (a build with nothing to do writes nothing) unless there are many."""
        old = self.old
        if old.loaded and self._unchanged():
            return False
        load_documents(old)  # the documents of the drafts judged from the index are carried over
        drafts = old.drafts
        entries = {key: drafts.entry(row) for key, row in self.kept.items()}
        for key, entry in self.entries.items():
            if entry.document is None:  # made from the index before its documents were read: the same record's
                row = drafts.ids.get(key)
                if row is not None and tuple(drafts.records[4 * row:4 * row + 4]) == entry.record:
                    entry = entry._replace(document=drafts.document(row))
            entries[key] = entry
        files: dict[str, Known] = {}
        for entry in entries.values():
            for _role, key, _digest in entry.inputs:
                known = self.hashes.seen.get(key) or old.files.get(key)
                if known is not None:
                    files[key] = known
        save_index(old.out_dir, files, entries, __version__)
        return True

    def _unchanged(self) -> bool:
        """The next index would say what the last one does: every draft of it judged, each row as it was; every file
        signature as it was (only a few found unchanged after a too-recent signature)."""
        drafts, files = self.old.drafts, self.old.files
        if len(self.kept) + len(self.entries) != len(drafts):
            return False
        for key, entry in self.entries.items():  # judged from the record (its conflicts), and found as it was
            row = drafts.ids.get(key)
            if row is None or drafts.entry(row)._replace(document=None) != entry._replace(document=None):
                return False  # (the same record has the same document: documents are not compared)
        refreshed = 0
        inputs: set[str] | None = None  # of the drafts judged anew (a kept row's inputs are all in `files`)
        for key, known in self.hashes.seen.items():
            i = files.ids.get(key)
            if i is None:
                if inputs is None:
                    inputs = {file for entry in self.entries.values() for _role, file, _digest in entry.inputs}
                if key in inputs:
                    return False  # an input the index does not hold: the next one will
                continue  # not an input of any draft (a plan that failed)
            before = files.known(i)
            if known.sig != before.sig or known.digest != before.digest:
                return False
            refreshed += known.taken_ns != before.taken_ns
        return refreshed <= _REFRESH


_REFRESH = 64  # files found unchanged after a too-recent signature: more than this, and the index is written again
