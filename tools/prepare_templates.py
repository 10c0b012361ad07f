"""Write the shipped data of every built-in template (run: python tools/prepare_templates.py; make_templates.py runs it).

templates/<system>/<name>.docx → <name>.docx.json (kehoach.docx.prepared: the template compiled, as plain data), so
one draft from a built-in template needs neither docxtpl nor python-docx. Run it after any edit of a template (in Word
or by make_templates.py): tests/test_prepared.py fails while a data file is not the one this writes, and a stale one
is never used (it names the sha256 of the bytes it was made from).
"""

from __future__ import annotations

from pathlib import Path

from kehoach.docx.prepared import data_path
from kehoach.docx.render import prepared_data

ROOT = Path(__file__).resolve().parent.parent / "templates"


def main() -> None:
    for template in sorted(ROOT.glob("*/*.docx")):
        target = data_path(template)
        made = prepared_data(template)
        if made is None:  # a template the fast path leaves to docxtpl: no data, and none left over
            target.unlink(missing_ok=True)
            print(f"{template}: không có dữ liệu (đi đường docxtpl)")
            continue
        if not target.exists() or target.read_bytes() != made:
            target.write_bytes(made)
        print(target)


if __name__ == "__main__":
    main()
