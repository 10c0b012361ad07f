"""Where the document starts and ends in a text pasted from a web page.

A portal page copied whole carries the site around the document: a menu, the publication time ("Đăng ngày 12/3/2024
08:15"), a metadata table ("Số kí hiệu 12-KH/TU", "Ngày ban hành …"), "Xem nội dung văn bản tại đây", related news.
Those lines are not the document and must raise no finding. The document starts at its header (Quốc hiệu, the Party
or Đoàn title, the issuer above its number line) or, without a header, at its title line; it ends with its closing
(the signer's name, the "Lưu" line, "(Đã ký)").
"""

from __future__ import annotations

import re
from dataclasses import replace

from kehoach.docx.model import Model
from kehoach.kiemtra.structure import (
    AUTHORITY_LOOSE,
    DATE_LOOSE,
    DOAN_TITLE,
    ISSUER_NAME,
    NOI_NHAN,
    PARTY_TITLE,
    QUOC_HIEU,
    is_caps,
    title_type,
)

SEARCH = 120  # lines searched for the start
NUMBER_LINE = re.compile(r"^Số\s*:?\s*\d*\s*[/-]\s*[A-ZĐ]")
# Lines that belong to a web page, never to a document.
WEB = re.compile(
    r"^(trang chủ|tin tức|văn bản|đăng (ngày|lúc|bởi)|ngày đăng|cập nhật|lượt xem|lượt truy cập|chia sẻ|in bài|"
    r"bản in|tải về|tải văn bản|xem (nội dung|chi tiết|toàn văn|văn bản)|tin liên quan|bài viết liên quan|"
    r"các tin khác|tin khác|bản quyền|copyright|©|số kí hiệu|số ký hiệu|ngày ban hành|ngày hiệu lực|loại văn bản|"
    r"cơ quan ban hành|người ký|lĩnh vực|trích yếu|tệp đính kèm|file đính kèm|liên kết|từ khóa|bình luận|"
    r"gửi phản hồi|quay lại|về đầu trang|tin cùng chuyên mục|chuyên mục|tin mới)\b", re.IGNORECASE)
LUU = re.compile(r"^-\s*Lưu(\s*:|\s+[A-ZĐ])")
# Lines a web page puts after an article: where a document without a closing ends.
TRAILER = re.compile(r"^(tin liên quan|tin cùng chuyên mục|các tin khác|tin khác|tin mới|bài viết liên quan|bài liên quan|"
                     r"xem thêm|bản quyền|copyright|©|in bài viết|chia sẻ bài viết|về đầu trang|quay lại)\b",
                     re.IGNORECASE)
SIGNED = re.compile(r"^\(?\s*đã ký\s*\)?$|^ký bởi\b", re.IGNORECASE)
NAME = re.compile(r"^((GS|PGS|TS|ThS|TSKH)\.\s*)*[A-ZĐÀ-Ỹ][a-zđà-ỹ]+(\s+[A-ZĐÀ-Ỹ][a-zđà-ỹ]+){1,5}$")


def document_extent(model: Model) -> tuple[int, int]:
    """(first, end) indexes of the document proper in model.paragraphs; (0, len) when nothing is around it."""
    texts = [p.clean for p in model.paragraphs]
    start = _start(texts)
    anchor = model.paragraphs[start] if start < len(texts) else None
    if anchor is not None and anchor.cell is not None:
        # A header table or text box is the document's, whole: start with its first line.
        start = next(i for i, p in enumerate(model.paragraphs) if p.kind == anchor.kind and
                     (p.table, p.box) == (anchor.table, anchor.box))
    end = _end(texts, start)
    last = model.paragraphs[end - 1] if end > start else None
    if last is not None and last.cell is not None:
        # The signature table is the document's, whole.
        end = max(i for i, p in enumerate(model.paragraphs) if p.kind == last.kind and
                  (p.table, p.box) == (last.table, last.box)) + 1
    return start, end


def cut_to_document(model: Model) -> Model:
    """The model of the document alone, with a note saying what was left out; the model itself when nothing is."""
    start, end = document_extent(model)
    before = sum(1 for p in model.paragraphs[:start] if p.clean)
    after = sum(1 for p in model.paragraphs[end:] if p.clean)
    if not before and not after:
        return model
    kept = [replace(p, index=n, origin=p.index) for n, p in enumerate(model.paragraphs[start:end])]
    first, last = kept[0], kept[-1]
    span = f"{first.where()} đến {last.where()}"
    parts = [f"{count} dòng {side}" for count, side in ((before, "trước"), (after, "sau")) if count]
    note = (f"chỉ kiểm tra phần văn bản ({span}); bỏ qua {' và '.join(parts)} không thuộc văn bản (phần của trang "
            "web: thời gian đăng, bảng thông tin, liên kết). Dùng --ca-tep để kiểm tra cả tệp.")
    return replace(model, paragraphs=kept, notes=[*model.notes, note])


def _start(texts: list[str]) -> int:
    limit = min(len(texts), SEARCH)
    anchor = None
    for i in range(limit):
        t = texts[i]
        if QUOC_HIEU.match(t) or t.upper() == PARTY_TITLE or DOAN_TITLE.match(t):
            anchor = i
            break
        if NUMBER_LINE.match(t) and i > 0 and _issuer_line(texts, i - 1):
            anchor = i
            break
    if anchor is None:
        anchor = next((i for i in range(limit) if title_type(texts[i]) and not WEB.match(texts[i])), None)
        if anchor is None:
            return 0
    # The issuer block (capital lines, the "*", the number line) may come before the Quốc hiệu in flattened text.
    start = anchor
    while start > 0 and _header_line(texts, start - 1):
        start -= 1
    return start


def _issuer_line(texts: list[str], i: int) -> bool:
    t = texts[i]
    return bool(t) and (is_caps(t) or bool(ISSUER_NAME.match(t))) and len(t.split()) <= 12 and not WEB.match(t)


def _header_line(texts: list[str], i: int) -> bool:
    t = texts[i]
    if not t:
        return True
    if WEB.match(t):
        return False
    return (_issuer_line(texts, i) or t in ("*", "***") or bool(NUMBER_LINE.match(t)) or t.startswith("V/v ")
            or bool(DATE_LOOSE.match(t))
            or bool(re.match(r"^[-–—_]{3,}$", t)))


def _end(texts: list[str], start: int) -> int:
    # The last closing mark (Nơi nhận, a signing authority, the "Lưu" line), then the closing lines after it.
    closing = None
    for i in range(start, len(texts)):
        t = texts[i]
        if NOI_NHAN.match(t) or (AUTHORITY_LOOSE.match(t) and is_caps(t)) or LUU.match(t):
            closing = i
    if closing is None:
        # No closing (a repost of the body): the document ends where the page's trailer begins.
        end = next((i for i in range(start + 1, len(texts)) if TRAILER.match(texts[i])), len(texts))
        while end > start and (not texts[end - 1] or WEB.match(texts[end - 1])):
            end -= 1
        return end
    last = closing
    for i in range(closing + 1, len(texts)):
        t = texts[i]
        if not t:
            continue
        if WEB.match(t):
            break
        if not (t.startswith("-") or is_caps(t) or SIGNED.match(t) or NAME.match(t) or LUU.match(t)):
            break
        last = i
    return last + 1
