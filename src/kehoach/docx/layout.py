"""The layout step of rendering: what can only be decided once a draft's text is in its template.

`arrange` runs on the rendered document element, on both rendering paths (render.py, compiled.py), so both write the
same bytes. It lays out the header (header.py), gives the rule under the trích yếu its length, keeps the end of the
body with the signature, and stops symbols and dates breaking at a hyphen:

- NĐ 30/2020 Phụ lục I: the rule under the trích yếu is 1/3 to 1/2 of its line; here 2/5 of its longest line.
- No page holds only Nơi nhận and the signature: the last paragraph of the body (and the one before it when the last
  is short) is kept with the signature table, whose row does not split.
- "21-CT/TW", "349/KH-TLĐ", "2025-2030": a hyphen inside a symbol or a number range becomes Word's non-breaking hyphen
  (w:noBreakHyphen, what Ctrl+Shift+- stores), so no line ends with "21-". Word and LibreOffice do not break at "/".
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from kehoach.docx.header import ISSUER_RULE, SIGNATURE_MARK, arrange_header, find_table
from kehoach.docx.metrics import text_width, wrap
from kehoach.docx.xml import NSMAP, para_format, para_indents, para_text, ppr_child, qn, set_indents, twips_to_mm

TITLE_RULE = ISSUER_RULE  # of the trích yếu's longest line
SHORT_LINES = 2  # a last paragraph this short brings the one before it along to the signature's page
_TOKEN = re.compile(r"\S+")
_SYMBOL_HYPHEN = re.compile(r"(?<=[^\s-])-(?=[^\s-])")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def arrange(document: Any) -> None:
    """Lay out a rendered w:document element in place."""
    body = document.find(qn("w:body"))
    if body is None:
        return
    width, margins = _text_width(body)
    arrange_header(body, width, margins)
    _title_rule(body, width)
    _keep_with_signature(body, width)
    _no_break_hyphens(body)


def _text_width(body: Any) -> tuple[float, tuple[float, float]]:
    """The width between the margins and the (left, right) margins of the first page, in mm (A4, 30/15 if unsaid)."""
    sect = body.find(qn("w:sectPr"))
    size = sect.find(qn("w:pgSz")) if sect is not None else None
    margin = sect.find(qn("w:pgMar")) if sect is not None else None
    page = twips_to_mm(int(size.get(qn("w:w")))) if size is not None and size.get(qn("w:w")) else 210.0
    left = twips_to_mm(int(margin.get(qn("w:left")))) if margin is not None and margin.get(qn("w:left")) else 30.0
    right = twips_to_mm(int(margin.get(qn("w:right")))) if margin is not None and margin.get(qn("w:right")) else 15.0
    return page - left - right, (left, right)


def _is_rule(p: Any) -> bool:
    return not para_text(p).strip() and p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}") is not None


def _title_rule(body: Any, width: float) -> None:
    """The first rule paragraph of the body after a title line: sized to the trích yếu above it."""
    previous = None
    for child in body.iterchildren(qn("w:p"), qn("w:tbl")):
        if child.tag == qn("w:tbl"):
            previous = None
            continue
        if _is_rule(child) and previous is not None:
            size, bold, italic = para_format(previous)
            left, right = para_indents(previous)
            lines = wrap(para_text(previous), width - left - right, size, bold, italic)
            longest = max(text_width(line, size, bold, italic) for line in lines)
            side = max(0.0, (width - TITLE_RULE * longest) / 2)
            set_indents(child, side, side)
            return
        if para_text(child).strip():
            previous = child


def _keep_with_signature(body: Any, width: float) -> None:
    signature = find_table(body, SIGNATURE_MARK)
    if signature is None:
        return
    kept = 0
    node = signature.getprevious()
    while node is not None and node.tag == qn("w:p") and kept < 2:
        text = para_text(node)
        if text.strip():
            ppr_child(node, "w:keepNext")
            kept += 1
            size, bold, italic = para_format(node)
            left, right = para_indents(node)
            if len(wrap(text, width - left - right, size, bold, italic)) > SHORT_LINES:
                break
        node = node.getprevious()


_WITH_HYPHEN = etree.XPath('.//w:t[contains(., "-")]', namespaces={"w": NSMAP["w"]})


def _no_break_hyphens(body: Any) -> None:
    for t in _WITH_HYPHEN(body):
        text = t.text or ""
        cuts = [m.start() for token in _TOKEN.finditer(text) if _is_symbol(token.group())
                for m in _SYMBOL_HYPHEN.finditer(text, token.start(), token.end())]
        if cuts:
            _split(t, text, cuts)


def _is_symbol(token: str) -> bool:
    return "-" in token and any(c.isdigit() or c == "/" for c in token)


def _split(t: Any, text: str, cuts: list[int]) -> None:
    """Replace w:t by its text with a w:noBreakHyphen at each position in `cuts`."""
    pieces, start = [], 0
    for cut in cuts:
        pieces.append(text[start:cut])
        start = cut + 1
    pieces.append(text[start:])
    t.text = pieces[0]
    t.set(_XML_SPACE, "preserve")
    anchor = t
    for piece in pieces[1:]:
        hyphen = t.makeelement(qn("w:noBreakHyphen"), {})
        anchor.addnext(hyphen)
        anchor = hyphen
        if piece:
            nxt = t.makeelement(qn("w:t"), {})
            nxt.text = piece
            nxt.set(_XML_SPACE, "preserve")
            anchor.addnext(nxt)
            anchor = nxt
