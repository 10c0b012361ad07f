"""The shipped form of a compiled built-in template: plain data (JSON), so one draft needs neither docxtpl nor python-docx.

templates/<system>/<name>.docx has beside it <name>.docx.json (`data_path`), made from compiled.CompiledPackage by
`make` (tools/prepare_templates.py, which tools/make_templates.py runs). Two lines of JSON: a head

    {"format": 1, "sha256": hex of the .docx bytes it was made from, "check": hex sha256 of the second line's bytes}

and the data (`FORMAT` 1):

    {"document": "word/document.xml", "root": the <w:document> element without its body (XML text),
     "body_at": index of the empty <w:body/> in it, "body": the body's patched Jinja source,
     "headers_footers": [[zip name, patched Jinja source, encoding], ...]   (docxtpl's order),
     "core_name": "docProps/core.xml", "core_xml": the core-properties part (XML text),
     "core": [Jinja source of each of compiled.CORE_PROPS, in that order],
     "members": [{"name": zip name, "rendered": true} | {"name": zip name, "deflate": base64 of its raw deflate}, ...]}

Nothing in it is executable: Jinja sources are compiled at load by the one sandboxed environment, as for any
template. `load` gives None (and the caller takes the docxtpl path) when there is no data, it names other bytes than
the template's (edited in Word and not regenerated), its data line is not the one its head names (edited by hand,
damaged, truncated), or anything in it is not as written here.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import json
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree

if TYPE_CHECKING:
    from kehoach.docx.compiled import CompiledPackage

FORMAT = 1
SUFFIX = ".json"
_CORE_COUNT = 6  # len(compiled.CORE_PROPS): checked without importing compiled (python-docx)


def data_path(template: Path) -> Path:
    """templates/nha_nuoc/van_ban.docx → templates/nha_nuoc/van_ban.docx.json."""
    return template.with_name(template.name + SUFFIX)


def make(compiled: CompiledPackage, blob: bytes) -> dict[str, Any] | None:
    """The data of a template compiled from `blob`; None for one the fast path does not handle (left to docxtpl), or
    one without a core-properties part of its own (python-docx would add one dated when it is loaded)."""
    if not compiled.handled or any(p.template is None for p in compiled_parts(compiled)):
        return None
    with zipfile.ZipFile(io.BytesIO(blob)) as z:
        if compiled.core_name not in z.namelist():
            return None
    names = [m if isinstance(m, str) else m.name for m in compiled.members]
    if len(set(names)) != len(names):  # two parts of one name (python-docx wrote both): left to docxtpl
        return None
    members: list[dict[str, Any]] = []
    for member in compiled.members:
        if isinstance(member, str):
            members.append({"name": member, "rendered": True})
        else:
            members.append({"name": member.name, "deflate": base64.b64encode(member.packed).decode("ascii")})
    return {
        "sha256": hashlib.sha256(blob).hexdigest(),
        "document": compiled.document,
        "root": etree.tostring(compiled.root, encoding="unicode"),
        "body_at": compiled.body_at,
        "body": compiled.body.source,
        "headers_footers": [[name, part.source, encoding] for name, (part, encoding) in compiled.headers_footers.items()],
        "core_name": compiled.core_name,
        "core_xml": compiled.core_xml.decode("utf-8"),
        "core": [part.source for part in compiled.core],
        "members": members,
    }


def compiled_parts(compiled: CompiledPackage) -> list[Any]:
    return [compiled.body, *(part for part, _encoding in compiled.headers_footers.values()), *compiled.core]


def dumps(data: dict[str, Any]) -> bytes:
    """The file's bytes: stable (same template, same bytes), so the test that regenerates it compares bytes."""
    made = dict(data)
    source = made.pop("sha256")
    body = json.dumps(made, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    head = {"format": FORMAT, "sha256": source, "check": hashlib.sha256(body).hexdigest()}
    return json.dumps(head).encode("ascii") + b"\n" + body + b"\n"


def load(template: Path, blob: bytes) -> dict[str, Any] | None:
    """The shipped data for the template whose bytes are `blob`, checked for shape; None when there is none, it was
    made from other bytes, or it is damaged in any way (never an error: the docxtpl path is always there)."""
    try:
        raw = data_path(template).read_bytes()
    except OSError:
        return None
    try:
        first, body = raw.split(b"\n", 1)
        head = json.loads(first)
        if (not isinstance(head, dict) or head.get("format") != FORMAT
                or head.get("sha256") != hashlib.sha256(blob).hexdigest()
                or not body.endswith(b"\n") or head.get("check") != hashlib.sha256(body[:-1]).hexdigest()):
            return None
        data = json.loads(body)
        if not _well_formed(data):
            return None
        for member in data["members"]:
            if "deflate" in member:
                member["deflate"] = base64.b64decode(member["deflate"], validate=True)
    except (ValueError, binascii.Error, UnicodeDecodeError, RecursionError):
        return None
    return data


def _well_formed(data: Any) -> bool:
    """Every key of the shape above, of its type; the rendered members exactly the parts that are rendered."""
    if not isinstance(data, dict):
        return False
    texts = ("document", "root", "body", "core_name", "core_xml")
    if not all(isinstance(data.get(key), str) for key in texts) or type(data.get("body_at")) is not int:
        return False
    core, hf, members = data.get("core"), data.get("headers_footers"), data.get("members")
    if not isinstance(core, list) or len(core) != _CORE_COUNT or not all(isinstance(s, str) for s in core):
        return False
    if not isinstance(hf, list) or not all(isinstance(h, list) and len(h) == 3 and all(isinstance(x, str) for x in h)
                                           for h in hf):
        return False
    if not isinstance(members, list) or not members:
        return False
    rendered, names = [], []
    for member in members:
        if not isinstance(member, dict) or not isinstance(member.get("name"), str):
            return False
        names.append(member["name"])
        if member.keys() == {"name", "rendered"} and member["rendered"] is True:
            rendered.append(member["name"])
        elif member.keys() != {"name", "deflate"} or not isinstance(member["deflate"], str):
            return False
    parts = {data["document"], data["core_name"], *(h[0] for h in hf)}
    return len(set(names)) == len(names) and set(rendered) <= parts and len(parts) == len(hf) + 2
