"""Where a body's name ends in running text: before what the sentence says the body does.

"… của Ban Thường vụ Tỉnh ủy tiếp tục thực hiện Chỉ thị …", "Ủy ban nhân dân tỉnh đã ban hành …": a body's name is its
capitalised parts with the lower-case syllables that complete them ("Ủy ban nhân dân tỉnh", "Ban Tuyên giáo", "Hội
Cựu chiến binh"); a verb or an adverb after it starts the predicate: the trích yếu or the link to a parent of a
citation (citations.full: "của {issuer} {cum_tu} {parent}"), the issuing sentence of an opening. A name never holds
one of these in lower case, so the first one ends it.

Sources: the verbs of implementation the writer links a document to its parent with (citations.IMPLEMENTING), the
verbs that start a task or a trích yếu in the seeds and examples (tăng cường, đẩy mạnh, tổ chức …), and the adverbs of
tense and manner (phó từ: đã, đang, sẽ, tiếp tục, cũng, khẩn trương …) of Vietnamese grammar.
"""

from __future__ import annotations

import re

from kehoach.drafting.citations import IMPLEMENTING

# Adverbs of tense, continuation and manner that stand before a verb ("đã ban hành", "tiếp tục thực hiện").
ADVERBS = ("đã", "đang", "sẽ", "vừa", "cũng", "còn", "vẫn", "luôn", "tiếp tục", "sớm", "cần", "phải", "được", "bị",
           "chưa", "hãy", "nên", "liên tục", "thường xuyên", "kịp thời", "khẩn trương", "tích cực",
           "chủ động", "nghiêm túc", "quyết liệt", "tập trung", "đồng thời", "kiên quyết", "nhất quán")
# Verbs a trích yếu, a link to a parent or an issuing sentence starts with. Not here, being lower-case parts of names:
# "giao" (Bộ Ngoại giao), "phòng" (Văn phòng), "mới" (nông thôn mới), "không" (Cục Hàng không), "kiểm tra" and
# "giám sát" (Ủy ban kiểm tra, as it is often typed).
VERBS = ("thực hiện", "triển khai", "tổ chức", "tăng cường", "đẩy mạnh", "nâng cao", "chỉ đạo", "lãnh đạo",
         "quán triệt", "tuyên truyền", "phổ biến", "sơ kết", "tổng kết", "phát động",
         "phát huy", "phát triển", "xây dựng", "kiện toàn", "củng cố", "đổi mới", "bảo đảm", "đảm bảo",
         "phòng,? chống", "khắc phục", "ban hành", "sửa đổi", "bổ sung", "phê duyệt", "thông qua", "yêu cầu",
         "đề nghị", "đề ra", "quy định", "hướng dẫn", "cụ thể hóa", "học tập", "hưởng ứng", "huy động", "rà soát",
         "đánh giá", "hoàn thiện", "hỗ trợ", "thành lập", "chấn chỉnh", "ngăn chặn", "đấu tranh", "phối hợp",
         "thống nhất", "kỷ niệm", "chào mừng", "hướng tới", "tôn vinh", "biểu dương", "khen thưởng", "điều chỉnh",
         "tiến hành", "vận động", "bồi dưỡng", "ứng dụng", "cải cách", "mở rộng", "tiếp nhận", "tham gia",
         "lấy ý kiến", "thông báo", "chỉ thị", "quyết định", "tham mưu", "chủ trì", "gửi", "báo cáo")
# One alternation, longest first, for a regular expression: lower case only (a capital starts a part of a name).
PREDICATE = "|".join(sorted({*ADVERBS, *VERBS, *IMPLEMENTING}, key=len, reverse=True))
_STARTS = re.compile(rf"\s+(?:{PREDICATE})(?!\w)")


def name_before(text: str) -> str:
    """`text` up to where a predicate starts ("Ban Thường vụ Tỉnh ủy tiếp tục" → "Ban Thường vụ Tỉnh ủy"). The first
    two words always stay: a name is never one word cut from its kind ("Ban chỉ đạo …" as it is often typed)."""
    first = re.match(r"\s*\S+(?:\s+\S+)?", text)
    start = first.end() if first else 0
    found = _STARTS.search(text, start)
    return text[:found.start()] if found else text


__all__ = ["ADVERBS", "PREDICATE", "VERBS", "name_before"]
