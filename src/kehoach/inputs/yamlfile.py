"""The one YAML loader of kehoach: every input file (plan, profile, document) is read here, and nothing else parses
YAML for meaning.

What it guarantees, whatever the bytes:
- every scalar is text exactly as typed (`so: 010` is "010", `ngay: 2024-02-30` is "2024-02-30", `1:30` is "1:30");
  the schema (schema.py) turns a value into a bool or a date only where it declares one. `~`, `null` and an empty
  value are None (a profile's `null` removes an inherited value);
- no tag is honoured: `!!python/...`, `!!int` or any `!tag`, on a value or on a list or group, is refused with its line;
- aliases (`*name`) are shared, never copied, and the whole document, counted with every alias expanded, is at most
  MAX_NODES values: a 484-byte alias bomb is refused at once; nesting is at most MAX_DEPTH levels, read without recursion;
- control characters pasted from Word: U+000B (Shift+Enter) and U+000C (page break) become spaces; any other invisible
  control character, or a lone surrogate written as "\\uD800", is refused with its line;
- text is Unicode NFC with stray spaces collapsed (vntext.nfc); a BOM, CRLF, UTF-16 with a BOM are read as they are;
- the only exception is InputError, naming the file and, where there is one, the line.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kehoach.errors import InputError, KeyPath, Problem
from kehoach.files import MB, Signature, read_input_signed
from kehoach.inputs import filekind, once
from kehoach.text.vntext import nfc

Path_ = tuple[Any, ...]

MAX_BYTES = 4 * MB  # a plan is a few KB; a province's profile with every commune a few hundred KB
MAX_DEPTH = 64  # levels of lists and groups; a plan's deepest (muc → muc_con → …) is far below
MAX_NODES = 200_000  # values in a document, every alias counted as a copy of what it names


class Located:
    """A loaded YAML file: plain data plus the line of each key path."""

    def __init__(self, file: Path, data: dict[str, Any], lines: dict[Path_, int], problems: list[Problem] | None = None):
        self.file = file
        self.data = data
        self.lines = lines
        # What the loader refused but could read past (a tag, a duplicate key, a bad character in a value): a caller
        # that checks the file against its schema reports these with its own problems, all at once (schema.check).
        self.problems = problems or []
        self.derived: dict[str, Any] = {}  # what a reader made of it, kept with it (a build checks a base profile once)

    def line(self, path: Path_) -> int | None:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get(())

    def problem(self, path: Path_, message: str) -> Problem:
        key = ".".join(str(p) for p in path) or None
        return Problem(self.file, message, self.line(path), key, tuple(path))


def read_yaml(file: Path, text: str | None = None, strict: bool = True, what: str = "tệp") -> Located:
    """Parse one YAML file (or `text`, shown as `file`); the top level must be a mapping. Raises InputError only.

    `strict=False` leaves the problems the loader could read past in `Located.problems` for schema.check to report
    with the others; what it cannot read past (bad syntax, too deep, too big, not UTF-8, a Word file, a PDF …) is
    raised at once. `what` names the file the caller expects ("tệp kế hoạch"), for the message that says a file is
    something else (filekind)."""
    scope = once.current()
    if text is None and scope is not None:  # a build: each file read and parsed once, its bytes' hash kept
        key = str(file)  # as named: what a message says stays what it said without the scope
        loc = scope.parsed.get(key)
        if loc is None:
            taken = time.time_ns()
            data, sig = read_signed(file, what)
            loc = _parse(file, decode(data, file, what))
            once.keep_parsed(key, loc)
            once.remember(file, sig, hashlib.sha256(data).hexdigest(), taken)
        else:
            scope.parsed.move_to_end(key)
        if loc.problems and strict:
            raise InputError(loc.problems)
        return loc  # type: ignore[no-any-return]
    if text is None:
        text = decode(read_bytes(file, what), file, what)
    elif len(text) > MAX_BYTES:
        raise InputError([Problem(file, f"nội dung quá lớn (tối đa {MAX_BYTES // MB} MB)")])
    loc = _parse(file, text)
    if loc.problems and strict:
        raise InputError(loc.problems)
    return loc


def _parse(file: Path, text: str) -> Located:
    text = _clean_raw(text.removeprefix("\ufeff"), file)
    try:
        built = _Builder(file).run(yaml.parse(text, Loader=_FAST_LOADER))
    except yaml.YAMLError:
        # libyaml's messages differ from the pure parser's (which _REASONS translates): parse again for the message.
        try:
            built = _Builder(file).run(yaml.parse(text, Loader=yaml.SafeLoader))
        except yaml.YAMLError as exc:
            raise InputError([_syntax_problem(file, exc)]) from None
    return Located(file, built.root, built.lines, built.problems)


# libyaml parses about ten times faster (a provincial build reads thousands of files).
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_bytes(file: Path, what: str = "tệp") -> bytes:
    """The bytes of a YAML input file, read as read_yaml reads them (regular file, at most MAX_BYTES)."""
    return read_signed(file, what)[0]


def read_signed(file: Path, what: str = "tệp") -> tuple[bytes, Signature]:
    """read_bytes, with the file's signature (files.read_input_signed). A file too big to be YAML is first told apart
    by its first bytes: a 30 MB scan is said to be a PDF, not a YAML file too big."""
    return read_input_signed(file, MAX_BYTES, "tệp YAML", sniff=lambda head: _refuse_other(head, file, what))


def _refuse_other(head: bytes, file: Path, what: str) -> None:
    message = filekind.explain(file, head, what)
    if message is not None:
        raise InputError([Problem(file, message)])


def decode(data: bytes, file: Path, what: str = "tệp") -> str:
    """The text of a YAML file's bytes: UTF-8 (with or without a BOM) or UTF-16 with a BOM; InputError otherwise, saying
    what the file is when its first bytes tell (a Word file, a PDF, a photo: filekind) and what to do with it."""
    _refuse_other(data[:filekind.HEAD], file, what)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # Notepad's "Unicode"
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError([Problem(file, f"tệp không phải văn bản UTF-8 (byte 0x{data[exc.start]:02X} không đọc được); "
                                        "hãy mở tệp và lưu lại với mã hóa UTF-8", line)]) from None


# What YAML allows in a file (YAML 1.1 §5.1), and what XML allows in a value (the draft is XML).
_RAW_BAD = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_VALUE_BAD = re.compile("[\x00-\x08\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_VALUE_ODD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")  # the above, or _SOFT
_SOFT = str.maketrans({"\x0b": " ", "\x0c": " "})  # Word's line break (Shift+Enter) and page break


def _clean_raw(text: str, file: Path) -> str:
    if not _RAW_BAD.search(text):
        return text
    text = text.translate(_SOFT)
    problems = []
    for match in _RAW_BAD.finditer(text):
        start = match.start()
        line = text.count("\n", 0, start) + 1
        column = start - text.rfind("\n", 0, start)
        problems.append(Problem(file, f"có ký tự vô hình {_named(match[0])} ở cột {column} (thường do dán từ chỗ "
                                      "khác); hãy xóa ký tự đó", line))
        if len(problems) == 10:
            break
    if problems:
        raise InputError(problems)
    return text


def _named(char: str) -> str:
    return f"U+{ord(char):04X}"


@dataclass
class _Frame:
    """A mapping or list being built by the loader, with its key path and size so far."""

    container: dict[str, Any] | list[Any]
    path: KeyPath
    anchor: str | None
    size: int = 1
    key: str | None = None  # a mapping's key waiting for its value


@dataclass
class _Builder:
    """Builds plain data from parser events, iteratively: depth, size and tags are checked as the events come."""

    file: Path
    root: Any = None
    lines: dict[Path_, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    anchors: dict[str, tuple[Any, int]] = field(default_factory=dict)
    nodes: int = 0
    documents: int = 0

    def fail(self, message: str, mark: Any, path: KeyPath = ()) -> InputError:
        key = ".".join(str(p) for p in path) or None
        return InputError([Problem(self.file, message, mark.line + 1 if mark else None, key, path)])

    def run(self, events: Any) -> _Builder:
        stack: list[_Frame] = []
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                self.documents += 1
                if self.documents > 1:
                    raise self.fail("tệp chỉ được chứa một tài liệu YAML (bỏ dòng '---' thứ hai)", event.start_mark)
            elif isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                self._node(event, stack)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                frame = stack.pop()
                self._attach(frame.container, frame.size, frame.anchor, stack, event.start_mark)
        if self.root is None:
            raise InputError([Problem(self.file, "tệp rỗng")])
        if not isinstance(self.root, dict):
            raise InputError([Problem(self.file, "cấp ngoài cùng phải là các cặp 'khóa: giá trị'", self.lines.get(()))])
        return self

    def _node(self, event: Any, stack: list[_Frame]) -> None:
        mark = event.start_mark
        top = stack[-1] if stack else None
        if top is not None and isinstance(top.container, dict) and top.key is None:  # a mapping's key
            if not isinstance(event, yaml.ScalarEvent):
                raise self.fail("tên khóa phải là chữ, không phải danh sách, nhóm khóa hay bí danh", mark, top.path)
            self._tag(event, top.path)
            key = self._text(event.value, mark, top.path)
            if key in top.container:
                first = self.lines.get(top.path + (key,))
                self.problems.append(Problem(self.file, f"được khai báo hai lần (lần đầu ở dòng {first})", mark.line + 1,
                                             ".".join(str(p) for p in top.path + (key,)), top.path + (key,)))
            top.key = key
            self.lines[top.path + (key,)] = mark.line + 1
            return
        path = self._child_path(top)
        self.lines.setdefault(path, mark.line + 1)
        if isinstance(event, yaml.AliasEvent):
            if event.anchor not in self.anchors:
                raise self.fail(f"bí danh '*{event.anchor}' chưa được định nghĩa (hoặc trỏ vào chính nó)", mark, path)
            value, size = self.anchors[event.anchor]
            self._count(size, mark)
            self._attach(value, size, None, stack, mark)
            return
        self._tag(event, path)
        self._count(1, mark)
        if isinstance(event, yaml.ScalarEvent):
            plain_null = event.implicit[0] and event.value in ("", "~", "null", "Null", "NULL")
            value = None if plain_null else self._text(event.value, mark, path)
            self._attach(value, 1, event.anchor, stack, mark)
            return
        if len(stack) >= MAX_DEPTH:
            raise self.fail(f"lồng nhau quá sâu (hơn {MAX_DEPTH} cấp danh sách, nhóm khóa)", mark)
        container: dict[str, Any] | list[Any] = {} if isinstance(event, yaml.MappingStartEvent) else []
        stack.append(_Frame(container, path, event.anchor))

    @staticmethod
    def _child_path(top: _Frame | None) -> KeyPath:
        if top is None:
            return ()
        if isinstance(top.container, list):
            return top.path + (len(top.container),)
        assert top.key is not None
        return top.path + (top.key,)

    def _attach(self, value: Any, size: int, anchor: str | None, stack: list[_Frame], mark: Any) -> None:
        if anchor is not None:
            self.anchors[anchor] = (value, size)
        if not stack:
            self.root = value
            return
        top = stack[-1]
        top.size += size
        if isinstance(top.container, list):
            top.container.append(value)
        else:
            assert top.key is not None
            top.container[top.key] = value
            top.key = None

    def _count(self, size: int, mark: Any) -> None:
        self.nodes += size
        if self.nodes > MAX_NODES:
            raise self.fail(f"tệp quá lớn: hơn {MAX_NODES:,} giá trị (kể cả các bí danh '*' được mở rộng)".replace(",", "."),
                            mark)

    def _tag(self, event: Any, path: KeyPath) -> None:
        tag = getattr(event, "tag", None)
        if tag is None:
            return
        shown = "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag
        self.problems.append(Problem(self.file, f"thẻ YAML '{shown}' không được dùng: tệp chỉ chứa chữ, danh sách và "
                                                "nhóm khóa; hãy xóa thẻ đó (giá trị cần giữ nguyên thì đặt trong ngoặc kép)",
                                     event.start_mark.line + 1, ".".join(str(p) for p in path) or None, path))

    def _text(self, raw: str, mark: Any, path: KeyPath) -> str:
        if not _VALUE_ODD.search(raw):
            return nfc(raw)
        raw = raw.translate(_SOFT)
        if _VALUE_BAD.search(raw):
            try:  # a pair of escapes ("\uD83D\uDE00") is one character
                raw = raw.encode("utf-16", "surrogatepass").decode("utf-16")
            except UnicodeDecodeError:
                pass
            bad = _VALUE_BAD.search(raw)
            if bad:
                self.problems.append(Problem(self.file, f"giá trị có ký tự không dùng được trong văn bản {_named(bad[0])}",
                                             mark.line + 1, ".".join(str(p) for p in path) or None, path))
                raw = _VALUE_BAD.sub("", raw)
        return nfc(raw)


def _syntax_problem(file: Path, exc: yaml.YAMLError) -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    if isinstance(exc, yaml.MarkedYAMLError):
        where = f" (cột {mark.column + 1})" if mark is not None else ""
        return Problem(file, f"YAML sai cú pháp{where}: {_yaml_reason(exc)}", line)
    return Problem(file, "YAML không đọc được", line)


# PyYAML's reasons, by a fragment of its message, in the words a secretary can act on (first match wins).
_REASONS = (
    ("mapping values are not allowed here", "có dấu ':' không đúng chỗ (giá trị có dấu hai chấm thì đặt trong ngoặc kép)"),
    ("mapping keys are not allowed here", "có dấu ':' hoặc '?' không đúng chỗ (giá trị có dấu đó thì đặt trong ngoặc kép)"),
    ("could not find expected ':'", "thiếu dấu ':' sau tên khóa"),
    ("'\\t' that cannot start any token", "có ký tự Tab; hãy thụt lề bằng dấu cách"),
    ("found a tab character", "có ký tự Tab; hãy thụt lề bằng dấu cách"),
    ("expected <block end>, but found '-'", "thụt lề của danh sách không khớp"),
    ("did not find expected '-' indicator", "thụt lề của danh sách không khớp"),
    ("found unknown escape character", "trong ngoặc kép có dấu \\ không hợp lệ (muốn viết dấu \\ thì dùng ngoặc đơn '…')"),
    ("found unexpected end of stream", "chuỗi trong ngoặc kép chưa được đóng"),
    ("expected ',' or ']'", "danh sách trong ngoặc vuông [ ] chưa được đóng, hoặc thiếu dấu phẩy giữa các mục"),
    ("expected ',' or '}'", "nhóm trong ngoặc nhọn { } chưa được đóng, hoặc thiếu dấu phẩy giữa các khóa"),
    ("found undefined tag handle", "có thẻ YAML (!…) không được dùng; hãy xóa thẻ đó"),
    ("expected alphabetic or numeric character", "sau dấu & hoặc * phải là một tên (muốn viết dấu & hay * thì đặt giá "
                                                 "trị trong ngoặc kép)"),
    ("found undefined alias", "có bí danh (*) không được định nghĩa"),
    ("expected '<document start>'", "có nội dung thừa sau phần chính của tệp (một dấu ngoặc thừa?)"),
    ("expected a comment or a line break", "có chữ thừa sau giá trị trên cùng dòng (câu có dấu nháy thì đặt cả câu "
                                           "trong ngoặc kép)"),
    ("expected chomping or indentation indicators", "sau dấu | hoặc > chỉ được có -, + hoặc số thụt lề"),
    ("found incompatible YAML document", "chỉ thị %YAML không được hỗ trợ; hãy xóa dòng đó"),
    ("expected the node content", "thiếu giá trị ở chỗ này"),
    ("did not find expected node content", "thiếu giá trị ở chỗ này"),
    ("but found ']'", "có dấu ngoặc ] thừa"),
    ("but found '}'", "có dấu ngoặc } thừa"),
    ("but found '<scalar>'", "có chữ thừa sau một giá trị, hoặc thụt lề không khớp với dòng trên (câu có dấu nháy thì "
                             "đặt cả câu trong ngoặc kép)"),
    ("did not find expected key", "thụt lề không khớp với dòng trên"),
    ("expected <block end>", "thụt lề không khớp với dòng trên"),
    ("expected <block mapping start>", "thụt lề không khớp với dòng trên"),
)
_CHARACTER = re.compile(r"found character '(.+?)' that cannot start any token")


def _yaml_reason(exc: yaml.MarkedYAMLError) -> str:
    """Vietnamese only: a reason PyYAML gives that is not in _REASONS is said in general words."""
    text = f"{exc.problem or ''} {exc.context or ''}"
    for fragment, vietnamese in _REASONS:
        if fragment in text:
            return vietnamese
    if match := _CHARACTER.search(text):
        return f"ký tự {match[1]} không được đứng đầu một giá trị (giá trị bắt đầu bằng {match[1]} thì đặt trong ngoặc kép)"
    return "cấu trúc không hợp lệ ở chỗ này"
