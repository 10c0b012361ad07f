"""Edits made the way Microsoft Word stores them: the parts, relationships, content types, styles and settings Word
writes for a comment, a footnote, a picture, a bulleted list, a footer, a page margin, a change of the Normal style,
a hyperlink and a bookmark (as Word 2016 saves them; the XML follows its files, trimmed of ids nothing reads).

    with WordFile(path) as doc:
        comment(doc, "2. Vận động", "nghề", "Kiểm tra lại số liệu")
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path
from typing import Any

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
NS = {"w": W, "r": R}
XMLNS = (f'xmlns:w="{W}" xmlns:r="{R}" '
         'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
         'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
         'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"')
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."


def w(name: str) -> str:
    return f"{{{W}}}{name}"


def xml(text: str) -> Any:
    return etree.fromstring(text)


class WordFile:
    """A .docx opened for editing at the XML level, saved back on exit."""

    def __init__(self, path: Path):
        self.path = path
        with zipfile.ZipFile(path) as z:
            self.entries = {i.filename: z.read(i) for i in z.infolist()}
        self.trees: dict[str, Any] = {}

    def __enter__(self) -> WordFile:
        return self

    def __exit__(self, *exc: object) -> None:
        if exc[0] is None:
            self.save()

    def tree(self, name: str) -> Any:
        if name not in self.trees:
            self.trees[name] = etree.fromstring(self.entries[name])
        return self.trees[name]

    @property
    def body(self) -> Any:
        return self.tree("word/document.xml").find(w("body"))

    def paragraph(self, start: str) -> Any:
        found = [p for p in self.body.iter(w("p")) if text(p).startswith(start)]
        assert len(found) == 1, f"{start!r}: {len(found)} đoạn"
        return found[0]

    def add_part(self, name: str, data: bytes | Any, content_type: str | None, rel_type: str | None) -> str | None:
        self.entries[name] = data if isinstance(data, bytes) else etree.tostring(data, xml_declaration=True,
                                                                               encoding="UTF-8", standalone=True)
        if content_type:
            types = self.tree("[Content_Types].xml")
            etree.SubElement(types, f"{{{CT}}}Override", PartName=f"/{name}", ContentType=content_type)
        if rel_type is None:
            return None
        rels = self.tree("word/_rels/document.xml.rels")
        ids = {r.get("Id") for r in rels}
        n = len(ids) + 1
        while f"rId{n}" in ids:
            n += 1
        etree.SubElement(rels, f"{{{PKG}}}Relationship", Id=f"rId{n}", Type=REL + rel_type,
                         Target=name.removeprefix("word/"))
        return f"rId{n}"

    def add_default(self, ext: str, content_type: str) -> None:
        types = self.tree("[Content_Types].xml")
        if not any(d.get("Extension") == ext for d in types.iter(f"{{{CT}}}Default")):
            types.insert(0, etree.Element(f"{{{CT}}}Default", Extension=ext, ContentType=content_type))

    def add_style(self, style_xml: str) -> None:
        styles = self.tree("word/styles.xml")
        style = xml(style_xml)
        if not any(s.get(w("styleId")) == style.get(w("styleId")) for s in styles.iter(w("style"))):
            styles.append(style)

    def save(self) -> None:
        for name, tree in self.trees.items():
            self.entries[name] = etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in self.entries.items():
                z.writestr(name, data)
        self.path.write_bytes(out.getvalue())


def text(p: Any) -> str:
    return "".join(t.text or "" for t in p.iter(w("t")))


def split_after(p: Any, word: str) -> Any:
    """Split the run holding `word` right after it (Word splits runs where something is inserted); the first half."""
    for r in p.iter(w("r")):
        t = r.find(w("t"))
        if t is None or word not in (t.text or ""):
            continue
        at = t.text.index(word) + len(word)
        second = etree.fromstring(etree.tostring(r))
        t.text, second.find(w("t")).text = t.text[:at], t.text[at:]
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        second.find(w("t")).set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        r.addnext(second)
        return r
    raise AssertionError(f"không thấy {word!r}")


_STYLE_COMMENT = (
    f'<w:style {XMLNS} w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/>'
    '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
    '<w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>',
    f'<w:style {XMLNS} w:type="paragraph" w:styleId="CommentText"><w:name w:val="annotation text"/>'
    '<w:basedOn w:val="Normal"/><w:link w:val="CommentTextChar"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
    '<w:pPr><w:spacing w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/>'
    '</w:rPr></w:style>',
    f'<w:style {XMLNS} w:type="character" w:customStyle="1" w:styleId="CommentTextChar"><w:name w:val="Comment '
    'Text Char"/><w:basedOn w:val="DefaultParagraphFont"/><w:link w:val="CommentText"/><w:uiPriority w:val="99"/>'
    '<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>',
)


def comment(doc: WordFile, start: str, word: str, note: str, author: str = "Nguyễn Thị Văn Thư") -> None:
    """Review › New Comment on `word` of the paragraph that starts with `start`."""
    p = doc.paragraph(start)
    before = split_after(p, word)
    t = before.find(w("t"))
    head = t.text[: -len(word)]
    if head:  # the commented word gets a run of its own, as Word does
        first = etree.fromstring(etree.tostring(before))
        first.find(w("t")).text = head
        t.text = word
        before.addprevious(first)
    before.addprevious(xml(f'<w:commentRangeStart {XMLNS} w:id="0"/>'))
    end = xml(f'<w:commentRangeEnd {XMLNS} w:id="0"/>')
    before.addnext(end)
    end.addnext(xml(f'<w:r {XMLNS}><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
                    '<w:commentReference w:id="0"/></w:r>'))
    w14 = "http://schemas.microsoft.com/office/word/2010/wordml"
    comments = xml(
        f'<w:comments {XMLNS} xmlns:w14="{w14}"><w:comment w:id="0" w:author="{author}" w:date="2026-11-20T09:12:00Z"'
        f' w:initials="NTVT"><w:p w14:paraId="3C5A1F20" w14:textId="77777777"><w:pPr><w:pStyle w:val="CommentText"/>'
        '</w:pPr><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>'
        f'<w:r><w:t>{note}</w:t></w:r></w:p></w:comment></w:comments>')
    doc.add_part("word/comments.xml", comments, WML + "comments+xml", "comments")
    w15 = "http://schemas.microsoft.com/office/word/2012/wordml"
    doc.add_part("word/commentsExtended.xml", xml(
        f'<w15:commentsEx xmlns:w15="{w15}"><w15:commentEx w15:paraId="3C5A1F20" w15:done="0"/></w15:commentsEx>'),
        WML + "commentsExtended+xml", None)  # related below: its type is Microsoft's, not the standard's
    rels = doc.tree("word/_rels/document.xml.rels")
    etree.SubElement(rels, f"{{{PKG}}}Relationship", Id="rId901",
                     Type="http://schemas.microsoft.com/office/2011/relationships/commentsExtended",
                     Target="commentsExtended.xml")
    doc.add_part("word/people.xml", xml(
        f'<w15:people xmlns:w15="{w15}"><w15:person w15:author="{author}"><w15:presenceInfo w15:providerId="None"'
        f' w15:userId="{author}"/></w15:person></w15:people>'), WML + "people+xml", None)
    etree.SubElement(rels, f"{{{PKG}}}Relationship", Id="rId902",
                     Type="http://schemas.microsoft.com/office/2011/relationships/people", Target="people.xml")
    for style in _STYLE_COMMENT:
        doc.add_style(style)


_SEPARATORS = ('<w:{kind} w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
               'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:{kind}>'
               '<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
               'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:{kind}>')
_STYLE_FOOTNOTE = (
    f'<w:style {XMLNS} w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/>'
    '<w:basedOn w:val="Normal"/><w:link w:val="FootnoteTextChar"/><w:uiPriority w:val="99"/><w:semiHidden/>'
    '<w:unhideWhenUsed/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr>'
    '<w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>',
    f'<w:style {XMLNS} w:type="character" w:customStyle="1" w:styleId="FootnoteTextChar"><w:name w:val="Footnote '
    'Text Char"/><w:basedOn w:val="DefaultParagraphFont"/><w:link w:val="FootnoteText"/><w:uiPriority w:val="99"/>'
    '<w:semiHidden/><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>',
    f'<w:style {XMLNS} w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>'
    '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
    '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>',
)


def footnote(doc: WordFile, start: str, after: str, note: str) -> None:
    """References › Insert Footnote after the word `after` (Word writes footnotes.xml and endnotes.xml both)."""
    p = doc.paragraph(start)
    run = split_after(p, after)
    run.addnext(xml(f'<w:r {XMLNS}><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                    '<w:footnoteReference w:id="1"/></w:r>'))
    doc.add_part("word/footnotes.xml", xml(
        f'<w:footnotes {XMLNS}>{_SEPARATORS.format(kind="footnote")}<w:footnote w:id="1"><w:p><w:pPr>'
        '<w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
        f'<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {note}</w:t></w:r></w:p></w:footnote>'
        '</w:footnotes>'), WML + "footnotes+xml", "footnotes")
    doc.add_part("word/endnotes.xml", xml(f'<w:endnotes {XMLNS}>{_SEPARATORS.format(kind="endnote")}</w:endnotes>'),
                 WML + "endnotes+xml", "endnotes")
    settings = doc.tree("word/settings.xml")
    compat = settings.find(w("compat"))
    for pr in (f'<w:footnotePr {XMLNS}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>',
               f'<w:endnotePr {XMLNS}><w:endnote w:id="-1"/><w:endnote w:id="0"/></w:endnotePr>'):
        compat.addprevious(xml(pr))
    for style in _STYLE_FOOTNOTE:
        doc.add_style(style)


def png(width: int = 40, height: int = 20) -> bytes:
    """A small red and white PNG, written here (no image library needed)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + b"".join(b"\xcc\x00\x00" if (x // 5 + y // 5) % 2 else b"\xff\xff\xff"
                                       for x in range(width)) for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def picture(doc: WordFile, after: str, image: bytes, cx: int = 1440000, cy: int = 720000) -> None:
    """Insert › Pictures, in a centred paragraph of its own after the paragraph that starts with `after`."""
    rid = doc.add_part("word/media/image1.png", image, None, "image")
    doc.add_default("png", "image/png")
    doc.paragraph(after).addnext(xml(
        f'<w:p {XMLNS}><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:noProof/></w:rPr><w:drawing>'
        f'<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>'
        '<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="1" name="Picture 1"/><wp:cNvGraphicFramePr>'
        '<a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr><a:graphic><a:graphicData '
        'uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="1" '
        'name="so-do.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill>'
        f'<a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm>'
        f'<a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        '</pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>'))


def bullets(doc: WordFile, starts: list[str], num_id: str = "10") -> None:
    """Home › Bullets on these paragraphs: a new list definition (the next free ids), ListParagraph style."""
    numbering = doc.tree("word/numbering.xml")
    abstract_id = str(max([-1, *(int(a.get(w("abstractNumId"))) for a in numbering.iter(w("abstractNum")))]) + 1)
    glyphs = ["\uf0b7", "o", "\uf0a7"]
    levels = "".join(
        f'<w:lvl w:ilvl="{i}" w:tplc="04090001"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
        f'<w:lvlText w:val="{glyphs[i % 3]}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{720 * (i + 1)}" '
        f'w:hanging="360"/></w:pPr><w:rPr><w:rFonts w:ascii="{"Courier New" if i % 3 == 1 else "Symbol"}" '
        f'w:hAnsi="{"Courier New" if i % 3 == 1 else "Symbol"}" w:hint="default"/></w:rPr></w:lvl>' for i in range(9))
    abstract = xml(f'<w:abstractNum {XMLNS} w:abstractNumId="{abstract_id}"><w:nsid w:val="2E4F1A7B"/>'
                   f'<w:multiLevelType w:val="hybridMultilevel"/><w:tmpl w:val="9C5E2A6E"/>{levels}</w:abstractNum>')
    nums = list(numbering.iter(w("abstractNum")))
    nums[-1].addnext(abstract) if nums else numbering.insert(0, abstract)
    numbering.append(xml(f'<w:num {XMLNS} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'))
    for start in starts:
        p = doc.paragraph(start)
        ppr = p.find(w("pPr"))
        if ppr is None:
            ppr = etree.SubElement(p, w("pPr"))
            p.insert(0, ppr)
        for old in ppr.findall(w("ind")):
            ppr.remove(old)
        ppr.insert(0, xml(f'<w:pStyle {XMLNS} w:val="ListParagraph"/>'))
        ppr.insert(1, xml(f'<w:numPr {XMLNS}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))


def footer(doc: WordFile, words: str) -> None:
    """Insert › Footer › Edit Footer, typed text, on every page but the first (the draft has a first page)."""
    ftr = xml(f'<w:ftr {XMLNS}><w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr><w:r><w:rPr>'
              '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:i/><w:sz w:val="22"/></w:rPr>'
              f'<w:t>{words}</w:t></w:r></w:p></w:ftr>')
    rid = doc.add_part("word/footer1.xml", ftr, WML + "footer+xml", "footer")
    section = doc.body.find(w("sectPr"))
    headers = section.findall(w("headerReference"))
    ref = xml(f'<w:footerReference {XMLNS} w:type="default" r:id="{rid}"/>')
    (headers[-1].addnext(ref) if headers else section.insert(0, ref))


def margin(doc: WordFile, left: int) -> None:
    """Layout › Margins › Custom Margins: the left margin, in twips."""
    doc.body.find(w("sectPr")).find(w("pgMar")).set(w("left"), str(left))


def normal_size(doc: WordFile, half_points: int) -> None:
    """Home › Styles › Normal › Modify: the font size of the Normal style."""
    normal = next(s for s in doc.tree("word/styles.xml").iter(w("style")) if s.get(w("styleId")) == "Normal")
    rpr = normal.find(w("rPr"))
    rpr.find(w("sz")).set(w("val"), str(half_points))


def hyperlink_and_bookmark(doc: WordFile, start: str, word: str, url: str, name: str) -> None:
    """Insert › Link on `word`, and Insert › Bookmark on the paragraph's first run."""
    p = doc.paragraph(start)
    rels = doc.tree("word/_rels/document.xml.rels")
    etree.SubElement(rels, f"{{{PKG}}}Relationship", Id="rId950", Type=REL + "hyperlink", Target=url,
                     TargetMode="External")
    run = split_after(p, word)
    t = run.find(w("t"))
    head = t.text[: -len(word)]
    link = xml(f'<w:hyperlink {XMLNS} r:id="rId950" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/>'
               f'</w:rPr><w:t>{word}</w:t></w:r></w:hyperlink>')
    t.text = head
    run.addnext(link)
    first = p.find(w("r"))
    first.addprevious(xml(f'<w:bookmarkStart {XMLNS} w:id="0" w:name="{name}"/>'))
    first.addnext(xml(f'<w:bookmarkEnd {XMLNS} w:id="0"/>'))
    doc.add_style(f'<w:style {XMLNS} w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/>'
                  '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr>'
                  '<w:color w:val="0563C1" w:themeColor="hyperlink"/><w:u w:val="single"/></w:rPr></w:style>')
