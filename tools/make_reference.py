"""Write the key reference (docs/khoa-*.md) and the JSON Schemas (docs/schema/*.schema.json).

Run: python tools/make_reference.py. Both are made from the one declaration of each file's keys
(src/kehoach/inputs/*_keys.py); tests/test_reference.py fails when the committed files are not what this writes.
"""

from __future__ import annotations

from pathlib import Path

from kehoach.inputs.reference import generated

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    for relative, text in generated().items():
        path = ROOT / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"Đã ghi: {relative}")


if __name__ == "__main__":
    main()
