"""The keys of a plan file (ke-hoach/*.yaml): the one declaration read by validation, the key reference, the JSON
Schema and the web forms. `plans.py` turns a checked file into a PlanSpec.
"""

from __future__ import annotations

from dataclasses import replace

from kehoach.inputs.document_keys import REPORTING, TASK
from kehoach.inputs.schema import Field, ListOf, Shape
from kehoach.text.symbols import KINDS

CITE_FORMS = (
    ("day_du", "đầy đủ: số, ngày, cơ quan ban hành, trích yếu và cả chuỗi văn bản cấp trên, kèm dạng viết tắt "
               "trong ngoặc: \"Kế hoạch số 349/KH-TLĐ ngày 15/8/2023 của Tổng Liên đoàn … về … (viết tắt là Kế "
               "hoạch số 349/KH-TLĐ)\""),
    ("ngay", "số, ngày và cơ quan ban hành, không trích yếu: \"Hướng dẫn số 157-HD/BTGTW, ngày 31/5/2024 của Ban "
             "Tuyên giáo Trung ương\""),
    ("chuoi", "chuỗi văn bản có số, ngày, cơ quan ban hành, không có trích yếu cuối cùng: \"Kế hoạch số 120-KH/TU "
              "ngày 05/02/2021 của Ban Thường vụ Tỉnh ủy thực hiện Chỉ thị số 40-CT/TW ngày 12/3/2019 của Ban Bí thư\""),
    ("ngan", "chỉ số, ký hiệu: \"Kế hoạch số 349/KH-TLĐ\""),
)
SEPARATORS = (("cham_phay", "dấu chấm phẩy: \"A; B\""), ("phay", "dấu phẩy: \"A, B\""))
CITE = Shape({
    "ma": Field(str, required=True, label="Văn bản",
                doc="Mã văn bản được trích (tên tệp trong van-ban/ hoặc ke-hoach/, không có .yaml).",
                example="349-kh-tld"),
    "dang": Field(str, options=CITE_FORMS, default="day_du", label="Dạng trích dẫn",
                  doc="Trích văn bản này đầy đủ, theo chuỗi, có ngày hay chỉ số, ký hiệu.", example="ngay"),
    "tu": Field(str, label="Từ dẫn riêng",
                doc="Từ dẫn đứng trước riêng văn bản này (viết thường giữa câu): \"Thực hiện A, B; căn cứ C\". Ở văn "
                    "bản đầu tiên thì thay cho `tu` của `mo_dau`.", example="căn cứ"),
    "ngan_cach": Field(str, options=SEPARATORS, label="Dấu trước văn bản này",
                       doc="Dấu ngăn cách văn bản này với văn bản trước nó.",
                       default_doc="`ngan_cach` của `mo_dau`", example="phay"),
}, shorthand="ma", title="Văn bản trích ở câu mở đầu",
    doc="Một chuỗi (mã văn bản) hoặc nhóm khóa: `ma`, và tùy chọn `dang`, `tu`, `ngan_cach`.")
JOINS = (
    ("doan_moi", "dấu chấm phẩy \";\" rồi xuống dòng: câu ban hành là một đoạn riêng"),
    ("cham_doan_moi", "dấu chấm \".\" rồi xuống dòng: câu ban hành là một đoạn riêng"),
    ("cham", "dấu chấm \". \" rồi câu ban hành viết tiếp trong cùng đoạn"),
    ("cham_phay", "dấu chấm phẩy \"; \" rồi câu ban hành viết tiếp trong cùng đoạn"),
    ("phay", "dấu phẩy \", \" rồi câu ban hành viết tiếp trong cùng đoạn"),
)
OPENING_STYLES = (
    ("liet_ke", "liệt kê: \"Thực hiện Chỉ thị số 40-CT/TW ngày 12/3/2019 của Ban Bí thư về … (viết tắt là …); …\""),
    ("tuong_thuat", "tường thuật: \"Ngày 12/3/2019, Ban Bí thư Trung ương Đảng (khóa XII) đã ban hành Chỉ thị số "
                    "40-CT/TW về … (sau đây viết tắt là Chỉ thị số 40-CT/TW). Để …\""),
)
OPENING = Shape({
    "kieu": Field(str, options=OPENING_STYLES, default="liet_ke", label="Kiểu mở đầu",
                  doc="Liệt kê các văn bản được trích, hay kể lại việc ban hành từng văn bản.", example="tuong_thuat"),
    "tu": Field(str, default="Thực hiện", label="Từ mở đầu",
                doc="Từ dẫn đứng đầu câu mở đầu, trước các văn bản được trích (\"Thực hiện\", \"Căn cứ\", \"Triển "
                    "khai\" …). Mỗi văn bản có thể có từ dẫn riêng (`tu` trong `van_ban`).", example="Căn cứ"),
    "van_ban": Field(ListOf(CITE), label="Văn bản trích",
                     doc="Các văn bản trích ở câu mở đầu, theo thứ tự, mỗi văn bản một dạng trích. Thiếu thì trích "
                         "đầy đủ mọi văn bản trong `thuc_hien`.",
                     default_doc="mọi văn bản trong `thuc_hien`, dạng `day_du`",
                     example=["349-kh-tld", {"ma": "157-hd-btgtw", "dang": "ngay"}]),
    "ngan_cach": Field(str, options=SEPARATORS, default="cham_phay", label="Dấu giữa các văn bản",
                       doc="Dấu ngăn cách các văn bản được trích với nhau.", example="phay"),
    "bo_sung": Field(str, placeholders=True, label="Phần thêm sau trích dẫn",
                     doc="Lời viết thêm ngay sau các văn bản được trích, trước câu ban hành.",
                     example="và chỉ đạo của Thường trực Tỉnh ủy"),
    "viet_tat": Field(str, label="Lời dẫn chữ viết tắt",
                      doc="Chữ đứng trước dạng viết tắt trong ngoặc: \"(viết tắt là Kế hoạch số …)\"; ghi \"-\" "
                          "để không in dạng viết tắt.",
                      file_note="Ghi \"\" để chỉ in \"(Kế hoạch số …)\".",
                      default_doc="liệt kê: \"viết tắt là\"; tường thuật: \"sau đây viết tắt là\"",
                      example="sau đây viết tắt là"),
    "noi": Field(str, options=JOINS, label="Nối với câu ban hành",
                 doc="Dấu nối phần trích dẫn với câu ban hành. Kiểu tường thuật chỉ dùng `cham` hoặc `cham_doan_moi`.",
                 default_doc="Công văn: `phay`; Kế hoạch, Hướng dẫn: `doan_moi`; kiểu tường thuật: `cham`",
                 example="phay"),
    "cau_ban_hanh": Field(str, placeholders=True, label="Câu ban hành",
                          doc="Câu sau phần trích dẫn, nói ai ban hành gì.",
                          default_doc="Kế hoạch: \"{chu_the} ban hành {ten_loai} {trich_yeu_ngan}, như sau:\"; "
                                      "Hướng dẫn: \"{chu_the} hướng dẫn {trich_yeu} như sau:\"; Công văn: \"{chu_the} "
                                      "đề nghị {don_vi_thuc_hien} thực hiện một số nội dung sau:\"; kiểu tường thuật: "
                                      "\"Để triển khai thực hiện có hiệu quả {viet_tat}, {chu_the} …\"",
                          example="{chu_the} hướng dẫn {trich_yeu} ({viet_tat}) như sau:"),
    "nguyen_van": Field("text", placeholders=True, label="Câu mở đầu viết sẵn",
                        doc="Cả phần mở đầu viết tay, mỗi dòng một đoạn; khi có thì các khóa khác của `mo_dau` "
                            "không dùng.",
                        file_note="Một đoạn, hoặc danh sách nhiều đoạn; mỗi dòng của một khối \"|\" cũng là một "
                                  "đoạn.",
                        example="Thực hiện {trich_dan:001-btg-binh-dinh}, Ban Thường vụ LĐLĐ tỉnh đề nghị …"),
}, title="Câu mở đầu", doc="Đoạn mở đầu: trích dẫn văn bản cấp trên rồi câu ban hành.")
SUBJECT_FORMS = (
    ("day_du", "cả chuỗi văn bản, có trích yếu của văn bản gốc"),
    ("chuoi", "chuỗi văn bản có số, ngày, cơ quan, không có trích yếu cuối cùng (như dòng V/v của Công văn)"),
    ("ngay", "chỉ văn bản cấp trên trực tiếp: số, ngày, cơ quan ban hành (\"Triển khai thực hiện Kế hoạch số "
             "112/KH-UBND ngày 20/3/2025 của Ủy ban nhân dân tỉnh\")"),
    ("ngan", "chỉ số, ký hiệu của văn bản cấp trên trực tiếp (\"Thực hiện Kế hoạch số 112/KH-UBND\")"),
)
CASES = (("hoa", "viết hoa chữ đầu"), ("thuong", "viết thường chữ đầu"), ("nhu_viet", "giữ như đã viết"))
SUBJECT = Shape({
    "cum_tu": Field(str, placeholders=True, label="Cụm từ đầu trích yếu",
                    doc="Cụm từ đứng trước văn bản được trích trong trích yếu.",
                    default_doc="Kế hoạch, Hướng dẫn: \"Thực hiện\"; Công văn: \"Triển khai thực hiện\"",
                    example="Triển khai thực hiện"),
    "van_ban": Field(str, label="Văn bản nêu trong trích yếu",
                     doc="Mã văn bản được nêu trong trích yếu, nếu không phải văn bản đầu tiên của `thuc_hien`.",
                     default_doc="văn bản đầu tiên trong `thuc_hien`", example="72-kh-tu-binh-dinh"),
    "dang": Field(str, options=SUBJECT_FORMS, label="Dạng trích yếu",
                  doc="Trích yếu mang cả chuỗi văn bản, chỉ chuỗi số, ngày, hay chỉ văn bản cấp trên trực tiếp.",
                  default_doc="Công văn: `chuoi`; Kế hoạch, Hướng dẫn: `day_du`", example="ngay"),
    "them": Field(str, placeholders=True, label="Lời thêm sau trích dẫn",
                  doc="Lời của kế hoạch viết tiếp sau văn bản được trích trong trích yếu.",
                  example="trên địa bàn xã"),
    "chu_dau": Field(str, options=CASES, label="Chữ đầu trích yếu",
                     doc="Viết hoa hay viết thường chữ đầu của trích yếu (và dòng V/v của Công văn).",
                     default_doc="Đảng: `thuong` (\"thực hiện …\"); Nhà nước, Công đoàn: `hoa`; dòng V/v: `thuong`",
                     example="hoa"),
    "nguyen_van": Field(str, placeholders=True, label="Trích yếu viết sẵn",
                        doc="Trích yếu viết tay, thay cho trích yếu chương trình soạn.",
                        example="Tuyên truyền kỷ niệm 95 năm Ngày thành lập Đảng"),
}, shorthand="nguyen_van", title="Trích yếu",
    doc="Trích yếu viết sẵn, hoặc cách chương trình soạn trích yếu từ văn bản cấp trên.",
    file_note="Một chuỗi (trích yếu viết sẵn) hoặc nhóm khóa. Ghi `trich_yeu: \"\"` (hoặc `null`) cho văn bản không "
              "có trích yếu.")
PLAN_REPORTING = Shape({
    "han": Field("date", label="Hạn báo cáo cấp trên", doc="Cơ quan báo cáo cấp trên trước ngày này.",
                 default_doc="hạn trong câu báo cáo của văn bản cấp trên", example="15/6/2026"),
    "han_cap_duoi": Field("date", label="Hạn của cấp dưới",
                          doc="Các đơn vị cấp dưới báo cáo cơ quan trước ngày này.",
                          default_doc="5 ngày trước `han`", example="05/6/2026"),
    "ve": replace(REPORTING.fields["ve"], required=False, doc="Cơ quan nhận báo cáo, nếu khác văn bản cấp trên."),
    "qua": REPORTING.fields["qua"],
}, title="Báo cáo", doc="Hạn báo cáo của kế hoạch (cấp trên và cấp dưới) và nơi báo cáo, nếu khác văn bản cấp trên.")
ASSIGNMENT = Shape({
    "phong_ban": Field(str, required=True, label="Phòng, ban",
                       doc="Tên hoặc chữ viết tắt của phòng, ban được giao (như trong `phong_ban` của hồ sơ).",
                       example="TG-NC"),
    "nhiem_vu": Field(str, required=True, placeholders=True, label="Nhiệm vụ",
                      doc="Việc giao cho phòng, ban đó, in ở mục Tổ chức thực hiện.",
                      example="chủ trì, tham mưu triển khai và tổng hợp kết quả thực hiện Kế hoạch."),
}, title="Giao nhiệm vụ cho phòng, ban")
AUTO_SECTIONS = (
    ("muc_dich_yeu_cau", "mục \"Mục đích, yêu cầu\" do chương trình soạn"),
    ("nhiem_vu", "mục \"Nhiệm vụ và giải pháp\" từ nhiệm vụ của văn bản cấp trên (Công văn: các nhóm việc theo đơn vị)"),
    ("to_chuc_thuc_hien", "mục \"Tổ chức thực hiện\": phòng, ban và đơn vị cấp dưới"),
)
_SECTION_FIELDS: dict[str, Field] = {
    "tieu_de": Field(str, placeholders=True, label="Tiêu đề",
                     doc="Tiêu đề của mục (chương trình tự đánh số I., 1., a) … và in hoa mục lớn).",
                     example="Mục đích, yêu cầu"),
    "noi_dung": Field("text", placeholders=True, label="Nội dung",
                      doc="Các đoạn của mục, mỗi phần tử danh sách một đoạn. Mục không tiêu đề thì số mục đứng "
                          "đầu đoạn thứ nhất.",
                      example=["- Quán triệt đầy đủ nội dung {viet_tat:21-ct-tw} đến {doi_tuong}."]),
    "tu_dong": Field(str, options=AUTO_SECTIONS, label="Mục tự soạn",
                     doc="Để chương trình soạn mục này; tiêu đề, nội dung và mục con ghi thêm được nối vào sau.",
                     example="nhiem_vu"),
    "them": Field("text", placeholders=True, label="Đoạn thêm",
                  doc="Các đoạn thêm vào sau nội dung (hữu ích với mục tự soạn).",
                  example=["Định kỳ 6 tháng báo cáo kết quả về Ban Thường vụ."]),
}
_SECTION_FIELDS["danh_so"] = Field(bool, default=True, label="Đánh số",
                                   doc="`false`: mục này không có số (tiêu đề hoặc đoạn in như đã viết); các mục "
                                       "cùng cấp sau nó vẫn được đánh số liền.", example=False)
SECTION = Shape(_SECTION_FIELDS, shorthand="noi_dung", title="Mục",
                doc="Một mục của phần nội dung; có thể có mục con. Một chuỗi thay cho cả nhóm là một đoạn không "
                    "đánh số (Công văn không chia nhóm: `muc: [\"Đoạn 1 …\", \"Đoạn 2 …\"]`).")
_SECTION_FIELDS["muc_con"] = Field(ListOf(SECTION), label="Mục con",
                                   doc="Các mục con, cùng dạng với một mục; một chuỗi là một đoạn không đánh số.",
                                   example=[{"tieu_de": "Mục đích", "noi_dung": ["- …"]}])
POINT_STYLES = (("a)", "chữ cái: a), b), c), d), đ) …"), ("1.1.", "số thập phân theo mục trên: 1.1., 1.2. …"))
LEVEL_STYLES = (
    ("I.", "số La Mã, dấu chấm: I., II."), ("I-", "số La Mã, gạch ngang: I-, II-"), ("1.", "số: 1., 2."),
    ("1.1.", "số thập phân theo mục trên: 1.1., 1.2. (ở cấp đầu: sau số 1.)"),
    ("1.1.1.", "số thập phân ba cấp: 1.1.1., 1.1.2."), ("a)", "chữ cái: a), b), … đ) …"),
    ("a.", "chữ cái, dấu chấm: a., b."), ("-", "gạch đầu dòng"), ("+", "dấu cộng đầu dòng"),
    ("khong", "không đánh số"),
)
DATE_STYLES = (("ngan", "ngày dạng số: \"15/01/2024\""), ("day_du", "ngày viết đủ: \"15 tháng 01 năm 2024\""))
KIND_NAMES = tuple((code, name) for code, name in KINDS.items())

PLAN = Shape({
    "co_quan": Field(str, required=True, label="Cơ quan ban hành",
                     doc="Hồ sơ của cơ quan ban hành văn bản.",
                     file_note="Tên hồ sơ (đường dẫn trong profiles/, không có .yaml) hoặc đường dẫn tệp.",
                     example="lai-chau/ldld-lai-chau"),
    "loai": Field(str, required=True, options=KIND_NAMES, label="Loại văn bản",
                  doc="Loại văn bản cần soạn; quyết định bố cục và mẫu trình bày.", example="ke_hoach"),
    "ten_loai": Field(str, label="Tên loại in ra",
                      doc="Tên loại in ở tiêu đề và trong lời văn, nếu khác tên mặc định của `loai`.",
                      default_doc="tên của `loai`: Kế hoạch, Hướng dẫn, Công văn", example="Kế hoạch hành động"),
    "ky_hieu_loai": Field(str, label="Ký hiệu loại",
                          doc="Chữ viết tắt của tên loại trong số, ký hiệu (\"12-ĐHTT/BTGTU\"). Cần khi `ten_loai` là "
                              "tên chương trình không biết (\"Định hướng tuyên truyền\").",
                          default_doc="theo tên loại: Kế hoạch KH, Hướng dẫn HD, Chương trình CTr …", example="ĐHTT"),
    "so": Field(str, label="Số",
                doc="Số văn bản. Bỏ trống để văn thư điền khi ban hành (\"Số:      /KH-LĐLĐ\"); số nhỏ hơn 10 "
                    "được thêm số 0.", example="470"),
    "ngay": Field("date", label="Ngày ban hành",
                  doc="Ngày ban hành: 23/8/2023, 2023-08-23, hoặc \"tháng 8 năm 2023\" để trống ngày cho văn thư.",
                  default_doc="trống ngày và tháng của năm nay", example="23/8/2023"),
    "nguoi_ky": Field(str, label="Người ký", doc="Người ký văn bản, một trong những người ký của hồ sơ.",
                      file_note="Ghi mã (`ma`) của người đó trong `nguoi_ky` của hồ sơ.",
                      default_doc="`nguoi_ky_mac_dinh` của hồ sơ", example="pho-chu-tich"),
    "thuc_hien": Field(ListOf(str), label="Văn bản cấp trên",
                       doc="Các văn bản được triển khai, theo thứ tự trích dẫn: mã trong van-ban/, một kế hoạch "
                           "khác trong ke-hoach/, hoặc một bản thảo .docx đã soạn.",
                       example=["349-kh-tld"]),
    "trich_yeu": Field(SUBJECT, label="Trích yếu",
                       doc="Trích yếu nội dung: một câu viết sẵn, hoặc nhóm khóa để chương trình soạn.",
                       default_doc="\"Thực hiện\" (Công văn: \"Triển khai thực hiện\") + trích dẫn văn bản đầu "
                                   "tiên trong `thuc_hien`",
                       example={"cum_tu": "Triển khai thực hiện"}),
    "mo_dau": Field(OPENING, label="Mở đầu", doc="Cách soạn đoạn mở đầu (trích dẫn và câu ban hành).",
                    example={"tu": "Thực hiện", "noi": "doan_moi"}),
    "muc": Field(ListOf(SECTION), label="Các mục",
                 doc="Các mục của phần nội dung, theo thứ tự; chương trình đánh số. Thiếu thì soạn ba mục: mục "
                     "đích, yêu cầu; nhiệm vụ; tổ chức thực hiện (Công văn: các nhóm việc).",
                 default_doc="ba mục chương trình tự soạn: mục đích, yêu cầu; nhiệm vụ và giải pháp; tổ chức thực hiện",
                 example=[{"tu_dong": "muc_dich_yeu_cau"}, {"tieu_de": "Nội dung", "noi_dung": ["…"]}]),
    "ket_thuc": Field(str, placeholders=True, label="Câu kết",
                      doc="Câu kết thúc nội dung.", file_note="Ghi \"\" để không có câu kết.",
                      default_doc="\"Trên đây là {ten_loai} …, đề nghị … nghiêm túc triển khai thực hiện\"",
                      example="Trên đây là Kế hoạch thực hiện {viet_tat}, đề nghị các đơn vị nghiêm túc thực hiện."),
    "de_nghi": Field(str, placeholders=True, label="Đơn vị được đề nghị ở câu kết",
                     doc="Ai được đề nghị thực hiện trong câu kết mặc định.",
                     default="các cơ quan, đơn vị liên quan", example="các cấp công đoàn trong tỉnh"),
    "noi_nhan": Field(ListOf(str), placeholders=True, label="Nơi nhận",
                      doc="Thay cả danh sách Nơi nhận của hồ sơ (không ghi dấu \"-\" đầu dòng, không ghi dòng Lưu).",
                      default_doc="`noi_nhan` của hồ sơ", example=["Tổng LĐLĐ Việt Nam (b/c)", "Các LĐLĐ huyện"]),
    "noi_nhan_them": Field(ListOf(str), placeholders=True, label="Nơi nhận thêm",
                           doc="Thêm vào cuối danh sách Nơi nhận của hồ sơ.", example=["Báo Lao động"]),
    "luu": Field(str, label="Lưu", doc="Phần sau chữ \"Lưu\" ở dòng cuối Nơi nhận, nếu khác hồ sơ.",
                 default_doc="`luu` của hồ sơ", example="VT, TG-NC"),
    "kinh_gui": Field(ListOf(str), placeholders=True, label="Kính gửi",
                      doc="Các nơi ở dòng \"Kính gửi\" của Công văn.",
                      default_doc="các đơn vị cấp dưới của hồ sơ (Công văn)",
                      example=["Các LĐLĐ huyện, thị xã, thành phố"]),
    "phong_soan_thao": Field(str, label="Phòng soạn thảo",
                             doc="Phòng, ban soạn Công văn (tên hoặc viết tắt): cho ký hiệu \"301/LĐLĐ-TGNC\" và "
                                 "\"(qua Ban …)\".",
                             default_doc="`phong_soan_thao` của hồ sơ", example="TG-NC"),
    "phan_cong": Field(ListOf(str), label="Phân công",
                       doc="Ai nhận nhiệm vụ nào của mục Nhiệm vụ: tên hoặc chữ viết tắt của phòng, ban (hoặc tên "
                           "đơn vị cấp dưới), dấu hai chấm, số thứ tự các nhiệm vụ (hoặc lĩnh vực); nhiều phòng, ban "
                           "ngăn nhau bằng dấu chấm phẩy, hoặc mỗi phòng, ban một dòng. Mỗi phòng, ban được giao có "
                           "mục riêng ở Tổ chức thực hiện, ghi nguyên văn nhiệm vụ của mình.",
                       file_note="Trong tệp YAML, đặt mỗi dòng trong dấu nháy kép (dấu hai chấm làm YAML hiểu nhầm "
                                 "thành một nhóm khóa).",
                       default_doc="theo `linh_vuc` của từng phòng, ban trong hồ sơ",
                       example="VHXH: 1, 3; KT: 2; Công an xã: 4"),
    "bao_cao": Field(PLAN_REPORTING, label="Báo cáo",
                     doc="Hạn báo cáo: cơ quan báo cáo cấp trên trước ngày `han`; các đơn vị cấp dưới báo cáo cơ "
                         "quan (qua phòng soạn thảo) trước ngày `han_cap_duoi`.",
                     default_doc="theo câu báo cáo của văn bản cấp trên; cấp dưới sớm hơn 5 ngày",
                     example={"han": "15/6/2026", "han_cap_duoi": "05/6/2026"}),
    "giao_nhiem_vu": Field(ListOf(ASSIGNMENT), label="Giao nhiệm vụ",
                           doc="Việc giao cho từng phòng, ban trong mục Tổ chức thực hiện.",
                           example=[{"phong_ban": "TG-NC", "nhiem_vu": "chủ trì tham mưu …"}]),
    "tep_ra": Field(str, label="Tệp ra", doc="Tên tệp .docx đầu ra trong thư mục bản thảo.",
                    default_doc="tên tệp kế hoạch", example="kh-470-ldld.docx"),
    "danh_so_cap_3": Field(str, options=POINT_STYLES, default="a)", label="Đánh số cấp 3",
                           doc="Cách đánh số cấp thứ ba (dưới I. và 1.); gọn hơn `danh_so`.", example="1.1."),
    "danh_so": Field(ListOf(Field(str, options=LEVEL_STYLES, label="Kiểu số", doc="Kiểu số của một cấp.",
                                  example="1.")),
                     label="Đánh số từng cấp",
                     doc="Kiểu số của từng cấp mục, từ cấp đầu: `[\"1.\", \"1.1.\", \"a)\"]` cho văn bản không có "
                         "mục La Mã, `[\"1.1.\", \"a)\"]` để Công văn đánh số từ 1.1.",
                     default_doc="Kế hoạch, Hướng dẫn: [`kieu_muc` của hồ sơ, \"1.\", `danh_so_cap_3`]; Công văn: "
                                 "[\"1.\", `danh_so_cap_3`]", example=["1.", "1.1.", "a)"]),
    "ngay_trich_dan": Field(str, options=DATE_STYLES, label="Ngày trong trích dẫn",
                            doc="Ngày của văn bản được trích viết dạng số hay viết đủ.",
                            default_doc="`ngay_trich_dan` trong `trinh_bay` của hồ sơ, không có thì `ngan`",
                            example="day_du"),
    "ghi_chu": Field("text", label="Ghi chú", doc="Ghi chú tự do, không in ra văn bản.",
                     example="Bản nháp, chờ Thường trực cho ý kiến."),
    "nhiem_vu": Field(ListOf(TASK), placeholders=True, label="Nhiệm vụ cho cấp dưới",
                      doc="Nhiệm vụ kế hoạch này giao xuống khi nó là văn bản cấp trên của kế hoạch khác; thiếu thì "
                          "chuyển tiếp nhiệm vụ nhận từ cấp trên.",
                      example=[{"tieu_de": "Tuyên truyền đến {doi_tuong}.", "giao_cho": ["cong_doan"]}]),
}, title="Tệp kế hoạch", doc="Một văn bản cần soạn: cơ quan ban hành, loại, văn bản cấp trên và phần lời riêng.")
