"""Cross-system guard (format-rules.md §8, rule 32).

Element rules already report a marker of the other system where it sits (number line, signing prefix, "Lưu" line);
this guard reports the header marks that have no rule of their own, so one mistake gives one finding.
"""

from __future__ import annotations

from kehoach.kiemtra.context import Context


def check_mixing(ctx: Context) -> None:
    lay = ctx.layout
    if ctx.party:
        for index, what in ((lay.quoc_hieu, "Quốc hiệu"), (lay.tieu_ngu, "Tiêu ngữ")):
            if index is not None:
                ctx.add("TT-32", index, f"Văn bản của Đảng có {what} của Nhà nước.",
                        f"Bỏ {what}; góc phải chỉ có “ĐẢNG CỘNG SẢN VIỆT NAM”.")
        return
    if lay.party_title is not None:
        ctx.add("TT-32", lay.party_title, "Văn bản theo thể thức Nhà nước có tiêu đề “ĐẢNG CỘNG SẢN VIỆT NAM”.",
                "Dùng Quốc hiệu và Tiêu ngữ, hoặc kiểm tra lại hệ thống (--he-thong dang).")
    if lay.star is not None and ctx.system in ("nha_nuoc", "cong_doan"):
        ctx.add("TT-32", lay.star, "Văn bản theo thể thức Nhà nước dùng dấu “*” (của văn bản Đảng) dưới tên cơ quan.",
                "Thay dấu “*” bằng đường kẻ ngang dưới tên cơ quan ban hành.")


RULE_IDS = ("TT-32",)  # the rules this module reports (kehoach kiemtra --quy-tac)
CHECKS = [check_mixing]
