"""The keys of a document file (van-ban/*.yaml): a parent that plans implement and cite.

One declaration read by validation, the key reference, the JSON Schema and the web forms; `documents.py` loads it.
"""

from __future__ import annotations

from kehoach.inputs.models import SYSTEM_NAMES, SYSTEMS
from kehoach.inputs.schema import Field, ListOf, Shape

SYSTEM_OPTIONS = tuple((code, f"hệ thống {SYSTEM_NAMES[code]}") for code in SYSTEMS)

TASK = Shape({
    "tieu_de": Field(str, required=True, placeholders=True, label="Nhiệm vụ",
                     doc="Nhiệm vụ, một câu; nếu có `noi_dung` thì là tiêu đề của nhiệm vụ.",
                     example="Tuyên truyền sâu rộng đến {doi_tuong} về …"),
    "noi_dung": Field("text", placeholders=True, label="Nội dung",
                      doc="Các đoạn nói rõ nhiệm vụ.", example=["Tổ chức hội nghị quán triệt …"]),
    "giao_cho": Field(ListOf(str), label="Giao cho loại cơ quan",
                      doc="Chỉ giao cho loại cơ quan này (khớp `loai_co_quan` của hồ sơ cấp dưới hoặc `loai` của "
                          "đơn vị cấp dưới); thiếu thì giao cho mọi cấp dưới.",
                      example=["co_so_dao_tao"]),
}, shorthand="tieu_de", title="Nhiệm vụ",
    doc="Một nhiệm vụ giao xuống cấp dưới: một câu, hoặc nhóm khóa. Viết {doi_tuong}, {dia_ban} ở chỗ cấp dưới "
        "thay bằng đối tượng, địa bàn của mình.")

REPORTING = Shape({
    "ve": Field(str, required=True, label="Báo cáo về", doc="Cơ quan nhận báo cáo.", example="Ủy ban nhân dân tỉnh"),
    "qua": Field(str, label="Qua", doc="Cơ quan, phòng, ban tổng hợp báo cáo.", example="Sở Khoa học và Công nghệ"),
    "han": Field("date", label="Hạn", doc="Báo cáo trước ngày này.", example="15/6/2026"),
}, title="Báo cáo về", doc="Nơi cấp dưới gửi báo cáo kết quả thực hiện.")
DOCUMENT = Shape({
    "loai": Field(str, required=True, label="Loại văn bản", doc="Tên loại văn bản như khi trích dẫn.",
                  example="Chỉ thị"),
    "so_ky_hieu": Field(str, label="Số, ký hiệu",
                        doc="Số và ký hiệu như in trên văn bản (lối Đảng \"21-CT/TW\", lối Nhà nước \"349/KH-TLĐ\").",
                        example="21-CT/TW"),
    "so": Field(str, label="Số", doc="Số, khi ghi riêng số và ký hiệu (cùng với `ky_hieu`).", example="349"),
    "ky_hieu": Field(str, label="Ký hiệu", doc="Ký hiệu, khi ghi riêng với `so`.", example="KH-TLĐ"),
    "ngay": Field("date", label="Ngày ban hành", doc="Ngày ban hành: 04/5/2023 hoặc 2023-05-04.",
                  example="04/5/2023"),
    "dia_danh": Field(str, label="Địa danh",
                      doc="Địa danh ở dòng ngày tháng của văn bản (kehoach nhap ghi lại); không in khi trích dẫn.",
                      example="Lai Châu"),
    "ten": Field(str, label="Tên văn bản không số",
                 doc="Tên của văn bản không có số, ký hiệu, như khi trích dẫn (nghị quyết đại hội, chương trình công "
                     "tác …). Văn bản không số được trích bằng tên, rồi ngày (nếu có) và cơ quan ban hành.",
                 default_doc="`loai` và `trich_yeu` ghép lại: \"Chương trình công tác năm 2023\"",
                 example="Nghị quyết Đại hội đại biểu Phụ nữ tỉnh lần thứ XVI"),
    "co_quan": Field(str, label="Cơ quan ban hành",
                     doc="Cơ quan ban hành, như viết sau chữ \"của\" khi trích dẫn. Bắt buộc với văn bản có số.",
                     example="Ban Bí thư"),
    "co_quan_chu_quan": Field(str, label="Cơ quan chủ quản",
                              doc="Cơ quan cấp trên in phía trên tên cơ quan ban hành ở phần đầu văn bản (kehoach nhap "
                                  "ghi lại); không in khi trích dẫn.", example="Tổng Liên đoàn Lao động Việt Nam"),
    "khoa": Field(str, label="Khóa",
                  doc="Khóa (nhiệm kỳ) của cơ quan ban hành, in sau tên cơ quan: \"của Ban Chấp hành Trung ương Đảng "
                      "(khóa XIII)\".", example="XIII"),
    "them_ve": Field(bool, label="Thêm \"về\" trước trích yếu",
                     doc="Khi trích dẫn, chữ \"về\" nối cơ quan ban hành với trích yếu. Mặc định chương trình thêm "
                         "\"về\", trừ khi trích yếu đã bắt đầu bằng \"về\" hoặc một động từ thực hiện (thực hiện, "
                         "triển khai, tổ chức thực hiện, tiếp tục thực hiện, tiếp tục triển khai); \"V/v\" được đọc là "
                         "\"về\". Ghi `true` để luôn thêm, `false` để không bao giờ thêm (\"… của Thủ tướng Chính phủ "
                         "phê duyệt Đề án …\").", default_doc="theo quy tắc trên", example=False),
    "he_thong": Field(str, options=SYSTEM_OPTIONS, label="Hệ thống",
                      doc="Hệ thống của cơ quan ban hành, nếu không suy được từ ký hiệu.",
                      default_doc="lối Đảng (21-CT/TW) là `dang`; ký hiệu có TLĐ, LĐLĐ, CĐ là `cong_doan`; còn lại "
                                  "`nha_nuoc`", example="cong_doan"),
    "trich_yeu": Field(str, label="Trích yếu",
                       doc="Trích yếu như in trên văn bản; khi trích dẫn, chương trình thêm \"về\" nếu cần (xem "
                           "`them_ve`).",
                       example="về tiếp tục đổi mới, phát triển và nâng cao chất lượng giáo dục nghề nghiệp"),
    "cum_tu": Field(str, default="về thực hiện", label="Cụm từ nối với văn bản cấp trên",
                    doc="Khi không có `trich_yeu`: cụm từ nối văn bản này với văn bản nó thực hiện.",
                    example="thực hiện"),
    "trich_yeu_theo": Field(str, label="Trích yếu theo văn bản",
                            doc="Mã văn bản mà trích yếu nêu, nếu không phải văn bản đầu tiên của `thuc_hien`.",
                            default_doc="văn bản đầu tiên trong `thuc_hien`", example="21-ct-tw"),
    "thuc_hien": Field(ListOf(str), label="Thực hiện văn bản",
                       doc="Các văn bản mà văn bản này thực hiện (mã trong van-ban/), để trích dẫn mang cả chuỗi.",
                       example=["21-ct-tw"]),
    "bao_cao": Field(REPORTING, label="Báo cáo về",
                     doc="Cấp dưới báo cáo kết quả thực hiện văn bản này về đâu, qua đâu, trước ngày nào. Thiếu thì "
                         "đọc từ nhiệm vụ có câu \"báo cáo kết quả về … (qua …) trước ngày …\".",
                     example={"ve": "Ủy ban nhân dân tỉnh", "qua": "Sở Khoa học và Công nghệ", "han": "15/6/2026"}),
    "nhiem_vu": Field(ListOf(TASK), label="Nhiệm vụ",
                      doc="Nhiệm vụ văn bản này giao cho cấp dưới; kế hoạch thực hiện nó nhận lại các nhiệm vụ này.",
                      example=["Tuyên truyền sâu rộng đến {doi_tuong} về nội dung Chỉ thị."]),
    "doi_tuong": Field(str, label="Đối tượng",
                       doc="Đối tượng mà nhiệm vụ của văn bản này nói tới, thay bằng đối tượng của cấp dưới.",
                       example="cán bộ, đảng viên và Nhân dân"),
    "ghi_chu": Field("text", label="Ghi chú", doc="Ghi chú tự do, không in ra.", example="Chép từ bản PDF của Tỉnh ủy."),
}, title="Tệp văn bản cấp trên", doc="Một văn bản mà các kế hoạch thực hiện và trích dẫn.")
