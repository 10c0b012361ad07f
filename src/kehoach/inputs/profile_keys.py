"""The keys of a profile (profiles/**/*.yaml): what stays the same in every document of one issuing body.

One declaration read by validation, the key reference, the JSON Schema and the web forms; `profiles.py` loads it.
"""

from __future__ import annotations

from kehoach.inputs.document_keys import SYSTEM_OPTIONS
from kehoach.inputs.schema import Field, ListOf, Shape

SIGNER = Shape({
    "ma": Field(str, required=True, label="Mã", doc="Mã tự đặt, dùng trong `nguoi_ky` của kế hoạch và `--nguoi-ky`.",
                example="pho-chu-tich"),
    "tham_quyen": Field("text", label="Thẩm quyền ký",
                        doc="Dòng thẩm quyền (in hoa, đậm). Một dòng, hoặc danh sách nhiều dòng; bỏ trống khi người "
                            "đứng đầu ký trực tiếp.", example=["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]),
    "chuc_vu": Field(str, required=True, label="Chức vụ", doc="Chức vụ người ký.", example="PHÓ CHỦ TỊCH"),
    "ho_ten": Field(str, label="Họ tên",
                    doc="Họ tên người ký; bỏ trống thì bản thảo để dòng trống cho văn thư điền.",
                    example="Nguyễn Văn A"),
}, title="Người ký")
DEPARTMENT = Shape({
    "ten": Field(str, required=True, label="Tên", doc="Tên phòng, ban.", example="Ban Tuyên giáo - Nữ công"),
    "viet_tat": Field(str, label="Viết tắt", doc="Chữ viết tắt (ở dòng Lưu, khi giao việc).",
                      default_doc="`ten`", example="TG-NC"),
    "ky_hieu": Field(str, label="Ký hiệu trong số Công văn", doc="Phần của phòng, ban trong số Công văn.",
                     default_doc="`viet_tat` bỏ dấu \"-\" và dấu cách", example="TGNC"),
    "linh_vuc": Field(ListOf(str), label="Lĩnh vực",
                      doc="Lĩnh vực phòng, ban phụ trách, viết bằng những từ nhiệm vụ thường dùng: nhiệm vụ có một "
                          "trong các từ này được giao cho phòng, ban (khi kế hoạch không ghi `phan_cong`).",
                      example=["văn hóa", "giáo dục", "lao động", "tuyên truyền"]),
    "nhiem_vu": Field(str, placeholders=True, label="Nhiệm vụ thường giao",
                      doc="Việc thường giao cho phòng, ban này ở mục Tổ chức thực hiện.",
                      example="chủ trì, tham mưu triển khai và tổng hợp kết quả thực hiện Kế hoạch."),
}, title="Phòng, ban")
UNIT = Shape({
    "ten": Field(str, required=True, label="Tên", doc="Tên đơn vị như khi ghi \"Kính gửi\".",
                 example="Trung tâm Giáo dục nghề nghiệp Công đoàn Bình Định"),
    "ten_ngan": Field(str, label="Tên ngắn", doc="Tên ghi ở Nơi nhận.", default_doc="`ten`",
                      example="Trung tâm GDNN CĐ Bình Định"),
    "loai": Field(ListOf(str), label="Loại nhiệm vụ nhận",
                  doc="Đơn vị chỉ nhận nhiệm vụ giao cho loại này (`giao_cho` của nhiệm vụ).",
                  example=["co_so_dao_tao"]),
    "quan_he": Field(str, options=(("truc_thuoc", "trực thuộc, cơ quan chỉ đạo (Nhà nước: \"yêu cầu\")"),
                                   ("phoi_hop", "không trực thuộc, cơ quan đề nghị phối hợp (Mặt trận, đoàn thể …)")),
                     default="truc_thuoc", label="Quan hệ",
                     doc="Đơn vị trực thuộc cơ quan hay chỉ phối hợp: quyết định lời giao việc (\"yêu cầu\" hay "
                         "\"đề nghị\").", example="phoi_hop"),
}, shorthand="ten", title="Đơn vị cấp dưới", doc="Một chuỗi (tên đơn vị) hoặc nhóm khóa.")
LAYOUT = Shape({
    "kieu_muc": Field(str, options=(("I.", "số La Mã và dấu chấm: I., II."), ("I-", "số La Mã và gạch ngang: I-, II-")),
                      label="Kiểu số mục lớn", doc="Cách đánh số các mục lớn.",
                      default_doc="Đảng `I-`; Nhà nước, Công đoàn `I.`", example="I."),
    "dau_noi_nhan": Field(str, options=((";", "chấm phẩy"), (",", "phẩy")), label="Dấu cuối dòng Nơi nhận",
                          doc="Dấu cuối mỗi dòng Nơi nhận.", default_doc="Đảng `,`; Nhà nước, Công đoàn `;`",
                          example=";"),
    "ket_thuc": Field(str, options=(("./.", "dấu \"./.\" sau câu cuối"), (".", "dấu chấm")),
                      label="Dấu kết thúc nội dung", doc="Dấu sau câu cuối cùng của nội dung.",
                      default_doc="Đảng `.`; Nhà nước, Công đoàn `./.`", example="./."),
    "dau_phay_truoc_ngay": Field(bool, label="Dấu phẩy trước \"ngày\"",
                                 doc="Trích dẫn \"Chỉ thị số 21-CT/TW, ngày 04/5/2023\" (`true`) hay \"… 21-CT/TW ngày "
                                     "04/5/2023\" (`false`).", default_doc="Đảng `true`; Nhà nước, Công đoàn `false`",
                                 example=False),
    "ghi_chu_bao_cao": Field(str, options=(("(b/c)", "\"(b/c)\""), ("(để b/c)", "\"(để b/c)\" (lối Nhà nước)")),
                             label="Ghi chú báo cáo",
                             doc="Ghi sau cơ quan cấp trên ở Nơi nhận; \"(b/c)\" hay \"(để b/c)\" viết trong "
                                 "`noi_nhan` cũng được in theo ghi chú này.",
                             default_doc="Nhà nước `(để b/c)`; Đảng, Công đoàn `(b/c)`", example="(b/c)"),
    "quoc_hieu": Field("text", label="Tiêu đề bên phải",
                       doc="Các dòng in đậm ở góc phải tiêu đề, dòng cuối có đường kẻ dưới: Quốc hiệu và Tiêu ngữ, "
                           "\"ĐẢNG CỘNG SẢN VIỆT NAM\", hay tiêu đề của đoàn thể (\"ĐOÀN TNCS HỒ CHÍ MINH\").",
                       default_doc="Nhà nước, Công đoàn: [CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM, Độc lập - Tự do - Hạnh "
                                   "phúc]; Đảng: [ĐẢNG CỘNG SẢN VIỆT NAM]",
                       example=["ĐOÀN TNCS HỒ CHÍ MINH"]),
    "dau_duoi_ten": Field(str, options=(("*", "một dấu sao (lối Đảng)"), ("***", "ba dấu sao (lối Đoàn TNCS Hồ Chí Minh)"),
                                        ("gach", "đường kẻ ngang (lối Nhà nước, Công đoàn)"), ("khong", "không có gì")),
                          label="Dấu dưới tên cơ quan", doc="Dấu in dưới tên cơ quan ban hành.",
                          default_doc="Đảng `*`; Nhà nước, Công đoàn `gach`", example="***"),
    "so_hai_cham": Field(bool, label="Dấu hai chấm sau \"Số\"",
                         doc="In \"Số: 12-KH/TWĐTN-VP\" (`true`) hay \"Số 12-KH/TU\" (`false`).",
                         default_doc="Đảng `false`; Nhà nước, Công đoàn `true`", example=True),
    "kieu_so": Field(str, options=(("dang", "lối Đảng: số, gạch nối, ký hiệu loại, gạch chéo, cơ quan: \"12-KH/TU\""),
                                   ("nha_nuoc", "lối Nhà nước: \"12/KH-UBND\"")),
                     label="Lối ghi số, ký hiệu", doc="Cách ghép số, ký hiệu loại và ký hiệu cơ quan.",
                     default_doc="theo `he_thong`", example="dang"),
    "ky_hieu_kem_phong": Field(bool, label="Ký hiệu kèm phòng soạn thảo",
                               doc="Mọi văn bản (không riêng Công văn) ghi thêm ký hiệu của phòng, ban soạn thảo sau ký "
                                   "hiệu cơ quan: \"12-KH/TWĐTN-VP\".", default=False, example=True),
    "chu_dau_trich_yeu": Field(str, options=(("hoa", "viết hoa chữ đầu"), ("thuong", "viết thường chữ đầu")),
                               label="Chữ đầu trích yếu", doc="Chữ đầu của trích yếu dưới tên loại văn bản "
                                                             "(kế hoạch có thể chọn khác bằng `chu_dau`).",
                               default_doc="Đảng `thuong`; Nhà nước, Công đoàn `hoa`", example="hoa"),
    "ngay_trich_dan": Field(str, options=(("ngan", "ngày dạng số: \"15/01/2024\""),
                                          ("day_du", "ngày viết đủ: \"15 tháng 01 năm 2024\"")),
                            default="ngan", label="Ngày trong trích dẫn",
                            doc="Ngày của văn bản được trích viết dạng số hay viết đủ (kế hoạch có thể chọn khác).",
                            example="day_du"),
}, title="Trình bày", doc="Tùy chọn trình bày; thiếu khóa nào thì lấy theo hệ thống.")

PROFILE = Shape({
    "ke_thua": Field(str, label="Kế thừa",
                     doc="Hồ sơ cơ sở được kế thừa: tên hồ sơ (tìm trong các thư mục profiles/, gần nhất trước, "
                         "rồi đến hồ sơ có sẵn của kehoach), hoặc đường dẫn tương đối từ thư mục của tệp này.",
                     example="co-so/cong-doan"),
    "he_thong": Field(str, options=SYSTEM_OPTIONS, label="Hệ thống",
                      doc="Thể thức áp dụng: Đảng (HD 36-HD/VPTW), Nhà nước (NĐ 30/2020/NĐ-CP), Công đoàn (QĐ "
                          "933/QĐ-TLĐ). Bắt buộc (thường đã có trong hồ sơ cơ sở).", example="dang"),
    "co_quan_chu_quan": Field(str, label="Cơ quan chủ quản",
                              doc="Dòng cơ quan cấp trên in phía trên tên cơ quan (in hoa, không đậm).",
                              file_note="`null` để bỏ dòng kế thừa.", example="Tỉnh ủy Gia Lai"),
    "ten_co_quan": Field("text", label="Tên cơ quan",
                         doc="Tên cơ quan in ở tiêu đề (in hoa, đậm): một chuỗi, hoặc danh sách nếu muốn tự chọn "
                             "chỗ xuống dòng. Tên dài không vừa cột được tự xuống dòng giữa hai cụm từ (trước "
                             "\"TỈNH …\", \"XÃ …\", sau \"VÀ\"). Bắt buộc.", example=["Ủy ban nhân dân", "tỉnh Gia Lai"]),
    "ten_goi": Field(str, label="Tên gọi", doc="Tên trong lời văn (\"… ban hành Kế hoạch\", \"báo cáo về …\"). "
                                                "Bắt buộc.", example="LĐLĐ tỉnh"),
    "ten_day_du": Field(str, label="Tên đầy đủ", doc="Tên để cơ quan khác trích dẫn sau chữ \"của\".",
                        default_doc="`ten_goi`", example="Liên đoàn Lao động tỉnh Lai Châu"),
    "ky_hieu": Field(str, label="Ký hiệu cơ quan",
                     doc="Phần chữ viết tắt của cơ quan trong số, ký hiệu. Bắt buộc.", example="LĐLĐ"),
    "dia_danh": Field(str, label="Địa danh", doc="Địa danh ở dòng ngày tháng. Bắt buộc.", example="Lai Châu"),
    "khoa": Field(str, label="Khóa",
                  doc="Khóa (nhiệm kỳ) của tập thể ban hành, in sau tên cơ quan khi cơ quan cấp dưới trích dẫn văn "
                      "bản của cơ quan này: \"của Ban Chấp hành Hội Liên hiệp Phụ nữ tỉnh (khóa XV)\".",
                  example="XV"),
    "tap_the": Field(str, label="Tập thể ban hành",
                     doc="Tập thể đứng tên ban hành, ghép trước `ten_goi` trong lời văn.",
                     file_note="`null` với cơ quan tham mưu.",
                     example="Ban Thường vụ"),
    "nguoi_ky": Field(ListOf(SIGNER), label="Người ký", doc="Danh sách người ký. Bắt buộc.",
                      example=[{"ma": "chu-tich", "tham_quyen": "TM. BAN THƯỜNG VỤ", "chuc_vu": "CHỦ TỊCH"}]),
    "nguoi_ky_mac_dinh": Field(str, label="Người ký mặc định", doc="Mã người ký khi kế hoạch không chọn.",
                               default_doc="người đầu danh sách `nguoi_ky`", example="pho-chu-tich"),
    "phong_ban": Field(ListOf(DEPARTMENT), label="Phòng, ban", doc="Các phòng, ban của cơ quan.",
                       example=[{"ten": "Ban Tuyên giáo - Nữ công", "viet_tat": "TG-NC"}]),
    "don_vi_cap_duoi": Field(ListOf(UNIT), label="Đơn vị cấp dưới",
                             doc="Các đơn vị cấp dưới, mỗi dòng một đơn vị như khi ghi \"Kính gửi\".",
                             example=["Các công đoàn xã, phường, đặc khu"]),
    "ten_chung_don_vi_cap_duoi": Field(str, label="Tên chung các đơn vị cấp dưới",
                                       doc="Cách gọi chung các đơn vị cấp dưới (Tổ chức thực hiện, câu đề nghị).",
                                       example="Các đảng ủy trực thuộc Tỉnh ủy"),
    "noi_nhan": Field(ListOf(str), placeholders=True, label="Nơi nhận",
                      doc="Nơi nhận thường dùng: không ghi \"-\" đầu dòng, dấu cuối dòng, \"Như trên\" hay dòng Lưu.",
                      example=["Thường trực Tỉnh ủy (b/c)", "Các ban LĐLĐ tỉnh"]),
    "cap_tren": Field(ListOf(str), label="Cơ quan cấp trên",
                      doc="Cơ quan cấp trên nhận văn bản để báo cáo: in đầu Nơi nhận kèm \"(b/c)\".",
                      example=["Thường trực Tỉnh ủy"]),
    "luu": Field(str, label="Lưu", doc="Phần sau chữ \"Lưu\" ở dòng cuối Nơi nhận.",
                 default_doc="Nhà nước, Công đoàn \"VT\"; Đảng \"Văn phòng <tên gọi>\"", example="VT, TG-NC"),
    "doi_tuong": Field(str, label="Đối tượng", doc="Đối tượng của cơ quan, thay cho {doi_tuong} trong nhiệm vụ.",
                       default_doc="theo hệ thống, ví dụ Đảng \"cán bộ, đảng viên và Nhân dân\"",
                       example="đoàn viên, người lao động và cán bộ công đoàn các cấp"),
    "dia_ban": Field(str, label="Địa bàn", doc="Địa bàn, thay cho {dia_ban} trong nhiệm vụ.",
                     default_doc="\"địa phương\"", example="trên địa bàn tỉnh"),
    "loai_co_quan": Field(ListOf(str), label="Loại cơ quan",
                          doc="Cơ quan thuộc loại nào khi cấp trên giao việc theo loại (`giao_cho`).",
                          default_doc="Đảng \"cap_uy\", Nhà nước \"chinh_quyen\", Công đoàn \"cong_doan\"",
                          example=["cong_doan"]),
    "phong_soan_thao": Field(str, label="Phòng soạn thảo",
                             doc="Phòng, ban soạn Công văn (tên hoặc viết tắt trong `phong_ban`): Nhà nước, Công "
                                 "đoàn ghi vào số \"301/LĐLĐ-TGNC\", \"15/UBND-KGVX\" và dòng \"Lưu: VT, …\".",
                             default_doc="đơn vị ghi ở dòng `luu` (\"VT, KGVX\" → KGVX)", example="TG-NC"),
    "trinh_bay": Field(LAYOUT, label="Trình bày", doc="Nhóm tùy chọn trình bày.",
                       example={"dau_phay_truoc_ngay": False}),
    "mau": Field(str, label="Mẫu riêng", doc="Tệp mẫu .docx riêng, đường dẫn tính từ thư mục hồ sơ.",
                 default_doc="mẫu có sẵn của hệ thống", example="mau/ke-hoach-rieng.docx"),
    "ghi_chu": Field("text", label="Ghi chú", doc="Ghi chú tự do, không in ra.",
                     example="Hồ sơ mẫu, thay tên xã trước khi dùng."),
}, title="Hồ sơ cơ quan", doc="Những gì cố định của một cơ quan ban hành; kế thừa được từ hồ sơ cơ sở.")
REQUIRED = ("he_thong", "ten_co_quan", "ten_goi", "ky_hieu", "dia_danh", "nguoi_ky")
