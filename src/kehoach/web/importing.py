"""The importer (kehoach.nhap, issue 11) as the upload page uses it: read a parent into plain data, write it.

Until kehoach.nhap offers its two functions, `available()` is False and the page offers entry by hand only.
"""

from __future__ import annotations

import importlib


def available() -> bool:
    try:
        importlib.import_module("kehoach.nhap")
    except ImportError:
        return False
    return False  # the functions the page needs are not there yet: see the issue-12 report
