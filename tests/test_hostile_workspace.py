"""Issue 16, kinds 1, 3, 4, 5, 12 and 15 in a workspace: one bad plan, record or draft is one "lỗi" line with its
file, line and reason, the other drafts are built, nothing is written outside the drafts folder; `tao`, `cay` and
`ban-hanh` exit 2 with the same message.

One workspace holds every bad plan at once and is built twice (module fixture): the first build meets the bad plans,
the second the records and drafts damaged after the first.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from docx import Document

from .hostile import GOOD, ROOT, files, invoke, no_traceback, refused, whole_outputs, workspace

# 000 is one of two plans writing 000-ldld-lai-chau.docx (kind 3): both are refused.
GOOD_PLANS = sorted(p.stem for p in (ROOT / "examples" / "ke-hoach").glob("*.yaml") if p.stem != "000-ldld-lai-chau")
PLAN = "co_quan: lai-chau/ldld-lai-chau\nloai: ke_hoach\nthuc_hien: [349-kh-tld]\n"
POINTS = PLAN + "muc:\n  - tieu_de: A\n    muc_con:\n      - tieu_de: B\n        muc_con:\n" + "".join(
    f"          - tieu_de: Điểm {i}\n" for i in range(1, 25))
BAD = {  # file name → (bytes, the message after "<file>, ")
    "k1-escape.yaml": (PLAN + "tep_ra: ../../escaped\n", "dòng 4, khóa 'tep_ra': chỉ ghi tên tệp, không ghi thư mục hay "
                                                         "đường dẫn (bản thảo luôn nằm trong thư mục bản thảo)"),
    "k1-absolute.yaml": (PLAN + "tep_ra: /tmp/k1-absolute\n", "dòng 4, khóa 'tep_ra': chỉ ghi tên tệp, không ghi thư mục "
                                                              "hay đường dẫn (bản thảo luôn nằm trong thư mục bản thảo)"),
    "k3-chung-a.yaml": (PLAN + "tep_ra: chung\n", "dòng 4, khóa 'tep_ra': bản thảo {out}/chung.docx cũng là đầu ra của "
                                                  "{plans}/k3-chung-b.yaml: hai kế hoạch không được ghi vào cùng một tệp; "
                                                  "hãy đặt 'tep_ra' khác nhau"),
    "k3-chung-b.yaml": (PLAN + "tep_ra: chung\n", "dòng 4, khóa 'tep_ra': bản thảo {out}/chung.docx cũng là đầu ra của "
                                                  "{plans}/k3-chung-a.yaml: hai kế hoạch không được ghi vào cùng một tệp; "
                                                  "hãy đặt 'tep_ra' khác nhau"),
    "k3-steals-000.yaml": (PLAN + "tep_ra: 000-ldld-lai-chau\n",
                           "dòng 4, khóa 'tep_ra': bản thảo {out}/000-ldld-lai-chau.docx cũng là đầu ra của "
                           "{plans}/000-ldld-lai-chau.yaml: hai kế hoạch không được ghi vào cùng một tệp; hãy đặt 'tep_ra' "
                           "khác nhau"),
    "k4-date.yaml": (PLAN + "ngay: 2024-02-30\n", "dòng 4, khóa 'ngay': ngày không hợp lệ: '2024-02-30': tháng 2 năm 2024 "
                                                  "không có ngày 30"),
    "k4-points.yaml": (POINTS, "dòng 32, mục thứ 24 của 'muc_con' trong mục thứ 1 của 'muc_con' trong mục thứ 1 của 'muc': "
                               "có hơn 23 mục đánh a) ở cùng một cấp, nhưng bảng chữ cái chỉ có 23 chữ (a … y): hãy chia "
                               "thành nhiều mục, hoặc đánh số 1.1. (danh_so_cap_3: '1.1.')"),
    "k5-latin.yaml": (PLAN.encode().replace(b"lai-chau/", b"l\xe2i-chau/"),
                      "dòng 1: tệp không phải văn bản UTF-8 (byte 0xE2 không đọc được); hãy mở tệp và lưu lại với mã hóa UTF-8"),
    "k5-loai.yaml": (PLAN.replace("ke_hoach", "ke_hoahc"),
                     "dòng 2, khóa 'loai': giá trị 'ke_hoahc' không hợp lệ; có phải ý bạn là 'ke_hoach'? (chọn một trong: "
                     "ke_hoach, huong_dan, cong_van)"),
    "k5-no-loai.yaml": (PLAN.replace("loai: ke_hoach\n", ""), "dòng 1: thiếu khóa bắt buộc 'loai'"),
    "000-ldld-lai-chau.yaml": (None, "bản thảo {out}/000-ldld-lai-chau.docx cũng là đầu ra của "
                                     "{plans}/k3-steals-000.yaml: hai kế hoạch không được ghi vào cùng một tệp; hãy đặt "
                                     "'tep_ra' khác nhau"),
}
BUILT = {  # plans a line regex used to skip: each is built now
    "k5-bom.yaml": "\ufeff" + PLAN,
    "k5-flow.yaml": "{co_quan: lai-chau/ldld-lai-chau, loai: ke_hoach, thuc_hien: [349-kh-tld], tep_ra: k5-flow}\n",
    "k5-quoted.yaml": "\"co_quan\": lai-chau/ldld-lai-chau\n'loai': \"ke_hoach\"\n\"thuc_hien\": [349-kh-tld]\n",
    "k5-crlf.yaml": PLAN.replace("\n", "\r\n"),
    "k12-twice.yaml": PLAN.replace("[349-kh-tld]", "[349-kh-tld, 349-kh-tld.yaml, 349-kh-tld]"),
}
DOCUMENT = "k5-document.yaml"  # a parent document lying among the plans
TRUNCATED = {"gia-lai-6-ubnd-xa": 3000, "gia-lai-7-dang-uy-xa": -22}  # first 3000 bytes; the zip's end record spoilt
DAMAGED = {  # draft → why, as `xay-dung` and `cay` say it
    "gia-lai-6-ubnd-xa": "không phải tệp nén zip hoặc tệp bị cắt cụt",
    "gia-lai-7-dang-uy-xa": "không phải tệp nén zip hoặc tệp bị cắt cụt",
    "gia-lai-8-hoi-lhpn": "thiếu phần nội dung văn bản (word/document.xml)",
}


def located(file: Path, message: str) -> str:
    """As a Problem prints: "<file>, dòng 4, khóa 'x': …" or "<file>: …"."""
    return f"{file}{', ' if message.startswith(('dòng', 'khóa', 'mục')) else ': '}{message}"


def lines_of(output: str) -> dict[str, tuple[str, str]]:
    """Report lines of `xay-dung`: draft name → (status, detail)."""
    found = {}
    for line in output.splitlines():
        if "  " in line.strip() and (".docx" in line):
            status, _, rest = line.strip().partition("  ")
            name, _, detail = rest.strip().partition(".docx")
            found[Path(name).name] = (status.strip(), detail.removeprefix(": "))
    return found


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("ws")
    root = workspace(tmp / "ws", examples=True)
    plans = root / "ke-hoach"
    for name, (data, _) in BAD.items():
        if data is not None:
            (plans / name).write_bytes(data if isinstance(data, bytes) else data.encode())
    for name, text in BUILT.items():
        (plans / name).write_text(text, encoding="utf-8", newline="")
    (plans / DOCUMENT).write_text((root / "van-ban" / "51-kl-tw.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    before = files(tmp) - files(root / "ban-thao")
    first = invoke("xay-dung", root, "--tat-ca")
    out = root / "ban-thao"
    # Damage after the first build: records (truncated, empty, [], a field of the wrong type) and a draft emptied.
    kehoach = out / ".kehoach"
    text = (kehoach / "003-ldld-binh-dinh.json").read_text(encoding="utf-8")
    (kehoach / "003-ldld-binh-dinh.json").write_text(text[: len(text) // 2], encoding="utf-8")
    (kehoach / "001-btg-binh-dinh.json").write_text("", encoding="utf-8")
    (kehoach / "002-huyen-uy-phong-tho.json").write_text("[]", encoding="utf-8")
    record = json.loads((kehoach / "004-ldld-cao-bang.json").read_text(encoding="utf-8"))
    record["inputs"] = {"plan": ["ke-hoach/004-ldld-cao-bang.yaml"]}
    (kehoach / "004-ldld-cao-bang.json").write_text(json.dumps(record), encoding="utf-8")
    (out / "gia-lai-2-ban-tgdv.docx").write_bytes(b"")  # kind 15: emptied, its inputs unchanged
    for name, cut in TRUNCATED.items():  # still starting like a zip (audit A, 16.15)
        data = (out / f"{name}.docx").read_bytes()
        (out / f"{name}.docx").write_bytes(data[:cut] if cut > 0 else data[:cut - 1] + data[cut - 1:].replace(b"PK", b"XX"))
    with zipfile.ZipFile(out / "gia-lai-8-hoi-lhpn.docx", "w") as package:  # a whole zip, not a Word document
        package.writestr("[Content_Types].xml", "<Types/>")
    second = invoke("xay-dung", root, "--tat-ca")
    return root, first, second, before, tmp


def test_first_build_lists_every_bad_plan_and_builds_every_good_one(built):
    root, first, _, _, _ = built
    no_traceback(first)
    assert first.exit_code == 1, first.output
    report = lines_of(first.stdout)
    for name, (_, message) in BAD.items():
        expected = message.format(out=root / "ban-thao", plans=root / "ke-hoach")
        assert _entry(first.stdout, name) == ("lỗi", located(root / "ke-hoach" / name, expected))
    for name in GOOD_PLANS + [Path(n).stem for n in BUILT]:
        assert report[name][0] == "soạn mới", (name, report.get(name))
    assert report["k5-document"] == ("bỏ qua", "văn bản cấp trên (không phải kế hoạch), không soạn; nên đặt trong thư "
                                               "mục van-ban/")
    assert first.stdout.strip().splitlines()[-1] == f"Xong: {len(BAD)} lỗi, {len(GOOD_PLANS) + len(BUILT)} soạn mới, 1 bỏ qua"


def _entry(output: str, plan: str) -> tuple[str, str]:
    """The report line whose detail names `plan` (several plans may share a draft name)."""
    for line in output.splitlines():
        if f"/{plan}, " in line.partition(".docx: ")[2][:300] or line.partition(".docx: ")[2].split(": ")[0].endswith(plan):
            status, _, rest = line.strip().partition("  ")
            return status.strip(), rest.strip().partition(".docx: ")[2]
    raise AssertionError(f"{plan} not in report:\n{output}")


def test_nothing_is_written_outside_the_drafts_folder_and_nothing_half(built):
    root, _, _, before, tmp = built
    out = root / "ban-thao"
    assert files(tmp) - files(out) == before  # no escaped draft, no record beside it, nothing else
    assert not (tmp / "escaped").exists() and not Path("/tmp/k1-absolute.docx").exists()
    assert not (out / "chung.docx").exists()
    whole = {p.stem for p in out.glob("*.docx")}
    assert whole == set(GOOD_PLANS) | {Path(n).stem for n in BUILT}


def test_a_parent_named_twice_is_cited_once(built):
    root, _, _, _, _ = built

    def body(name: str) -> list[str]:
        return [p.text for p in Document(str(root / "ban-thao" / f"{name}.docx")).paragraphs]

    # Named three times (by key, by file name, by key again): the draft of the plan that names it once.
    assert body("k12-twice") == body("k5-crlf")
    assert sum(t.startswith("Thực hiện Kế hoạch số 349/KH-TLĐ") for t in body("k12-twice")) == 2  # trích yếu, opening


def test_second_build_lists_each_damaged_record_and_draft(built):
    root, _, second, _, _ = built
    no_traceback(second)
    assert second.exit_code == 1
    report = lines_of(second.stdout)
    kehoach = root / "ban-thao" / ".kehoach"
    hint = "đây là tệp kehoach tự quản lý: hãy xóa nó rồi soạn lại (bản thảo đang có sẽ được sao lưu, không mất)"
    assert report["003-ldld-binh-dinh"][1].startswith(f"{kehoach / '003-ldld-binh-dinh.json'}: bản ghi bị hỏng (không "
                                                      "phải JSON đọc được: dòng ")
    assert report["001-btg-binh-dinh"] == ("lỗi", f"{kehoach / '001-btg-binh-dinh.json'}: bản ghi bị hỏng (không phải "
                                                  f"JSON đọc được: tệp rỗng); {hint}")
    assert report["002-huyen-uy-phong-tho"] == ("lỗi", f"{kehoach / '002-huyen-uy-phong-tho.json'}: bản ghi bị hỏng (cần "
                                                       f"một đối tượng JSON, không phải list); {hint}")
    assert report["004-ldld-cao-bang"] == ("lỗi", f"{kehoach / '004-ldld-cao-bang.json'}: bản ghi bị hỏng (trường "
                                                  f"'inputs.plan' sai kiểu); {hint}")
    # Kind 15: an emptied draft whose inputs did not change is not "không đổi".
    assert report["gia-lai-2-ban-tgdv"] == ("lỗi", "bản thảo trống hoặc không còn là tệp .docx; hãy khôi phục bản đã sửa "
                                                   "(thư mục .kehoach/sao-luu/ bên cạnh), hoặc xóa tệp rồi chạy lại "
                                                   "kehoach xay-dung --tao-lai")
    assert (root / "ban-thao" / "gia-lai-2-ban-tgdv.docx").read_bytes() == b""  # left for a person to decide
    for name, why in DAMAGED.items():  # truncated, or no longer a Word document: never "không đổi"
        assert report[name] == ("lỗi", f"bản thảo không còn là tệp .docx đọc được ({why}); hãy khôi phục bản đã sửa "
                                       "(thư mục .kehoach/sao-luu/ bên cạnh), hoặc xóa tệp rồi chạy lại kehoach "
                                       "xay-dung --tao-lai")
    for name in ("gia-lai-1-tinh-uy", "gia-lai-3-ldld", "gia-lai-4-cong-doan-xa"):
        assert report[name][0] == "không đổi"


@pytest.mark.parametrize("command", ["tao", "ban-hanh"])
def test_tao_and_ban_hanh_give_the_same_message_with_exit_2(built, command):
    root, _, _, _, _ = built
    plans = root / "ke-hoach"
    for name, (_, message) in BAD.items():
        if name.startswith("k3") or name.startswith("000"):
            continue  # two plans sharing a draft: a workspace matter (tao's own test below)
        if command == "ban-hanh" and name == "k4-points.yaml":
            continue  # a valid plan file whose text cannot be numbered: ban-hanh only records the number
        args = ["--thu-muc", root / "ban-thao"] if command == "tao" else ["--so", "5", "--ngay", "1/1/2024"]
        result = invoke(command, plans / name, *args)
        expected = message.format(out=root / "ban-thao", plans=plans)
        assert refused(result).strip() == f"Lỗi: {located(plans / name, expected)}", name


def test_tao_and_ban_hanh_on_a_damaged_record(built):
    root, _, _, _, _ = built
    kehoach = root / "ban-thao" / ".kehoach"
    result = invoke("tao", root / "ke-hoach" / "002-huyen-uy-phong-tho.yaml", "--thu-muc", root / "ban-thao")
    no_traceback(result)
    assert refused(result, f"{kehoach / '002-huyen-uy-phong-tho.json'}: bản ghi bị hỏng (cần một đối tượng JSON")
    result = invoke("ban-hanh", root / "ban-thao" / "001-btg-binh-dinh.docx", "--so", "5", "--ngay", "1/1/2024")
    assert refused(result, f"{kehoach / '001-btg-binh-dinh.json'}: bản ghi bị hỏng (không phải JSON đọc được: tệp rỗng)")


def test_cay_prints_the_tree_and_exits_2_with_every_problem(built):
    root, _, _, _, _ = built
    result = invoke("cay", root)
    stderr = refused(result)
    assert "Kế hoạch số …-KH/TU" in result.stdout  # the tree of what can be read is still printed
    for name, (_, message) in BAD.items():
        assert located(root / "ke-hoach" / name, message.format(out=root / "ban-thao", plans=root / "ke-hoach")) in stderr
    # Emptied, truncated or no longer Word drafts: the build's message, and never "bản thảo mới nhất · có sửa tay".
    out = root / "ban-thao"
    assert (f"{out / 'gia-lai-2-ban-tgdv.docx'}: bản thảo trống hoặc không còn là tệp .docx; hãy khôi phục bản đã sửa "
            "(thư mục .kehoach/sao-luu/ bên cạnh), hoặc xóa tệp rồi chạy lại kehoach xay-dung --tao-lai") in stderr
    for name, why in DAMAGED.items():
        assert (f"{out / name}.docx: bản thảo không còn là tệp .docx đọc được ({why}); hãy khôi phục bản đã sửa (thư "
                "mục .kehoach/sao-luu/ bên cạnh), hoặc xóa tệp rồi chạy lại kehoach xay-dung --tao-lai") in stderr
    for body in ("Ban Tuyên giáo và Dân vận Tỉnh ủy", "Ủy ban nhân dân xã Ví Dụ", "Ban Thường vụ Đảng ủy xã Ví Dụ",
                 "Ban Thường vụ Hội Liên hiệp Phụ nữ tỉnh Gia Lai"):  # gia-lai-2, 6, 7, 8
        assert f"{body}  [không đọc được bản thảo]" in result.stdout, body
    assert "bản thảo mới nhất · có sửa tay" not in result.stdout


def test_tao_refuses_to_write_over_another_plans_draft(tmp_path):
    root = workspace(tmp_path / "ws", {"a.yaml": GOOD + "tep_ra: chung\n", "b.yaml": GOOD + "tep_ra: chung\n"})
    out = root / "ban-thao"
    assert invoke("tao", root / "ke-hoach" / "a.yaml", "--thu-muc", out).exit_code == 0
    before = (out / "chung.docx").read_bytes()
    result = invoke("tao", root / "ke-hoach" / "b.yaml", "--thu-muc", out)
    assert refused(result).strip() == (
        f"Lỗi: {out / 'chung.docx'}: bản thảo này là của kế hoạch {root / 'ke-hoach' / 'a.yaml'}, không phải của "
        f"{root / 'ke-hoach' / 'b.yaml'}: hai kế hoạch không được ghi vào cùng một tệp; hãy đặt 'tep_ra' khác (hoặc ghi "
        "rõ -o nếu muốn thay bản thảo đó)")
    assert (out / "chung.docx").read_bytes() == before
    result = invoke("tao-tat-ca", root / "ke-hoach", "--ra", tmp_path / "khac")
    stderr = refused(result, "Có 2 lỗi:")
    assert f"{root / 'ke-hoach' / 'a.yaml'}, dòng 6, khóa 'tep_ra': bản thảo {tmp_path / 'khac' / 'chung.docx'} cũng là " \
           f"đầu ra của {root / 'ke-hoach' / 'b.yaml'}" in stderr
    assert not (tmp_path / "khac").exists()
    whole_outputs(out)
