"""What a kehoach draft chose on purpose: the options of the profile that wrote it, read from its generation record.

A Party profile may choose to end with "./." (documents of the HD 36 period do); kiemtra then does not warn about it on
the drafts that profile writes (issue 17 item 13: no warning about an option the profile chose on purpose). Only a
draft with its record beside it (.kehoach/<name>.json, written by kehoach tao and xay-dung) has choices; any other
file has none, and every rule applies.
"""

from __future__ import annotations

import json
from pathlib import Path

from kehoach.errors import KehoachError
from kehoach.inputs import once
from kehoach.inputs.paths import find_profile
from kehoach.inputs.profiles import load_profile
from kehoach.inputs.recorded import record_path
from kehoach.workspace.record import resolve_input


def profile_choices(path: Path) -> dict[str, str]:
    """{"ket_thuc": "./.", "ban_thao": "co"} and the like for a draft kehoach wrote ("ban_thao" alone when its
    record cannot be read); {} for any other file."""
    record = record_path(path)
    if not record.is_file():
        return {}
    # A draft kehoach keeps a record of: not issued yet, even with the planned date and the signer's name printed
    # (TT-12b asks for the number only on what looks issued).
    drafted = {"ban_thao": "co"}
    try:
        data = json.loads(record.read_text(encoding="utf-8"))
        names = list(data["inputs"]["profile"])
        profile = Path(resolve_input(path.parent, names[-1]))  # the last is the body's own profile
    except (OSError, ValueError, KeyError, TypeError, IndexError, KehoachError):
        return drafted
    # The drafts of a folder name a few profiles: in a batch (a reading_once scope) each is loaded once, and one
    # that cannot be found (a folder of drafts copied elsewhere) is searched for once, not once per draft.
    mark = once.memo(("kiemtra-closing-mark", str(profile)), lambda: _closing_mark(profile))
    return drafted if mark is None else {"ket_thuc": mark, **drafted}


def _closing_mark(profile: Path) -> str | None:
    """The closing mark the profile chose, None when it cannot be loaded."""
    if find_profile(str(profile)) is None:
        return None  # what load_profile refuses, without the message it builds (a search of every profile folder)
    try:
        return load_profile(profile).layout.closing_mark
    except (OSError, ValueError, KeyError, TypeError, IndexError, KehoachError):
        return None
