"""Trial 1, defect 17: the smaller CLI problems. A closed pipe ends the output quietly; a line with ': ' that YAML read
as a group is told to be quoted."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .hostile import invoke, refused

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("args", [["ho-so"], ["trich-dan", "184-kh-tu-lai-chau"], ["cay", str(ROOT / "examples")],
                                  ["kiemtra", "--quy-tac"]])
def test_output_closed_by_its_reader_ends_quietly(args):
    """`kehoach ho-so | head -1`: the reader stopped before kehoach wrote; exit 0, nothing on stderr."""
    read, write = os.pipe()
    os.close(read)  # the reader is gone before the first line: every write breaks the pipe
    try:
        done = subprocess.run([sys.executable, "-m", "kehoach.cli", *args], stdout=write, stderr=subprocess.PIPE,
                              cwd=ROOT / "examples", timeout=120)
    finally:
        os.close(write)
    assert (done.returncode, done.stderr.decode()) == (0, "")


def test_a_broken_pipe_that_is_not_the_output_is_still_reported():
    read, write = os.pipe()
    try:
        # In the test runner's captured output, a broken pipe cannot be told from ours: through a real process.
        done = subprocess.run([sys.executable, "-c", "import sys; from kehoach import catalog, cli\n"
                               "def broken(*a):\n    raise BrokenPipeError(32, 'Broken pipe')\n"
                               "catalog.list_profiles = broken\nsys.argv = ['kehoach', 'ho-so']\ncli.main()"],
                              stdout=write, stderr=subprocess.PIPE, timeout=120)
    finally:
        os.close(write)
        os.close(read)
    assert (done.returncode, done.stderr.decode().strip()) == (
        2, "Lỗi: đường truyền dữ liệu đã bị đóng (chương trình nhận dữ liệu đã dừng)")


DOCUMENT = """\
so_ky_hieu: 12-KH/TU
loai: Kế hoạch
ngay: 04/5/2023
co_quan: Ban Thường vụ Tỉnh ủy
trich_yeu: về tuyên truyền
nhiem_vu:
  - Nhiệm vụ số 1: tổ chức quán triệt, tuyên truyền sâu rộng nội dung Kế hoạch đến cán bộ, đảng viên
  - "Nhiệm vụ số 2: đã đặt trong nháy kép"
  - Nhiệm vụ số 3:
  - tieu_de: Nhiệm vụ số 4
    giao_cho: [chinh_quyen]
"""


def test_unquoted_colon_in_a_list_of_tasks_is_told_to_be_quoted(tmp_path):
    (tmp_path / "van-ban").mkdir()
    document = tmp_path / "van-ban" / "12-kh-tu.yaml"
    document.write_text(DOCUMENT, encoding="utf-8")
    result = invoke("trich-dan", "12-kh-tu", cwd=tmp_path)
    assert refused(result).strip().splitlines() == [
        "Có 2 lỗi:",
        f"  - {document}, dòng 7, mục thứ 1 của 'nhiem_vu': dòng có dấu hai chấm nên được đọc thành 'khóa: giá trị'; "
        "hãy đặt cả dòng trong dấu nháy kép: \"Nhiệm vụ số 1: tổ chức quán triệt, tuyên truyền sâu rộng …\"",
        f"  - {document}, dòng 9, mục thứ 3 của 'nhiem_vu': dòng có dấu hai chấm nên được đọc thành 'khóa: giá trị'; "
        "hãy đặt cả dòng trong dấu nháy kép: \"Nhiệm vụ số 3:\"",
    ]


def test_unquoted_colon_in_a_profile_list_is_told_to_be_quoted(tmp_path):
    (tmp_path / "profiles").mkdir()
    profile = tmp_path / "profiles" / "ubnd-xa-a.yaml"
    profile.write_text("ke_thua: co-so/nha-nuoc\nten_co_quan: Ủy ban nhân dân xã A\nten_goi: UBND xã\nky_hieu: UBND\n"
                       "dia_danh: A\nnoi_nhan:\n  - VP UBND tỉnh: CVP, các PCVP\n  - Như trên\n", encoding="utf-8")
    result = invoke("ho-so", "ubnd-xa-a", cwd=tmp_path)
    assert refused(result).strip() == (
        f"Lỗi: {profile}, dòng 7, mục thứ 1 của 'noi_nhan': dòng có dấu hai chấm nên được đọc thành 'khóa: giá trị'; "
        "hãy đặt cả dòng trong dấu nháy kép: \"VP UBND tỉnh: CVP, các PCVP\"")


def test_a_real_group_where_a_group_belongs_is_not_taken_for_a_line(tmp_path):
    """A misspelt key of a task group is still a misspelt key, not a line to quote."""
    (tmp_path / "van-ban").mkdir()
    (tmp_path / "van-ban" / "12-kh-tu.yaml").write_text(DOCUMENT.replace("  - Nhiệm vụ số 1: tổ chức", "  - tieu_dee: tổ chức")
                                                        .replace("  - Nhiệm vụ số 3:\n", ""), encoding="utf-8")
    stderr = refused(invoke("trich-dan", "12-kh-tu", cwd=tmp_path))
    assert "khóa 'tieu_dee' trong mục thứ 1 của 'nhiem_vu': khóa không được hỗ trợ; có phải ý bạn là 'tieu_de'?" in stderr
    assert "dấu nháy kép" not in stderr


def test_tree_and_issue_of_a_draft_made_without_a_plan(tmp_path):
    """No ke-hoach/ folder, three documents in van-ban/ and a draft made by `tao --ho-so`: `cay` shows the van-ban
    chains and the draft; `ban-hanh` on that draft records the number, leaves the .docx as it is and says so."""
    import shutil

    (tmp_path / "van-ban").mkdir()
    for key in ("51-kl-tw", "21-ct-tw", "184-kh-tu-lai-chau"):
        shutil.copy(ROOT / "examples" / "van-ban" / f"{key}.yaml", tmp_path / "van-ban")
    made = invoke("tao", "--ho-so", "lai-chau/huyen-uy-phong-tho", "--van-ban", "184-kh-tu-lai-chau", "--loai",
                  "ke_hoach", "--ngay", "2026", cwd=tmp_path)
    assert made.exit_code == 0, made.output
    draft = Path("ban-thao") / "ke-hoach-huyen-uy-phong-tho-184-kh-tu-lai-chau.docx"
    before = (tmp_path / draft).read_bytes()
    tree = invoke("cay", cwd=tmp_path)
    assert tree.exit_code == 0, tree.output
    assert tree.output.splitlines() == [
        "Kết luận số 51-KL/TW ngày 30/5/2019 của Ban Bí thư  (van-ban/51-kl-tw.yaml)",
        "Chỉ thị số 21-CT/TW ngày 04/5/2023 của Ban Bí thư  (van-ban/21-ct-tw.yaml)",
        "└── Kế hoạch số 184-KH/TU ngày 27/6/2023 của Ban Thường vụ Tỉnh ủy  (van-ban/184-kh-tu-lai-chau.yaml)",
        "    └── Kế hoạch số …-KH/HU ngày …/2026 của Ban Thường vụ Huyện ủy Phong Thổ — "
        "ban-thao/ke-hoach-huyen-uy-phong-tho-184-kh-tu-lai-chau.docx  [dự thảo · soạn nhanh (không có tệp kế hoạch)]",
    ]
    issued = invoke("ban-hanh", draft, "--so", "12", "--ngay", "05/12/2026", cwd=tmp_path)
    assert issued.exit_code == 0, issued.output
    assert issued.output.splitlines() == [
        "Đã ghi số 12, ngày 05/12/2026 vào bản ghi ban-thao/.kehoach/ke-hoach-huyen-uy-phong-tho-184-kh-tu-lai-chau.json",
        "Bản thảo ban-thao/ke-hoach-huyen-uy-phong-tho-184-kh-tu-lai-chau.docx không có tệp kế hoạch (soạn bằng "
        "kehoach tao --ho-so) nên không được soạn lại, tệp .docx giữ nguyên: hãy gõ số và ngày vào bản thảo trong "
        "Word ('Số 12-KH/HU', 'ngày 05 tháng 12 năm 2026').",
        "Các bản thảo cấp dưới sẽ trích dẫn số này khi soạn lại (kehoach xay-dung).",
    ]
    assert (tmp_path / draft).read_bytes() == before
    assert invoke("cay", cwd=tmp_path).output.splitlines()[-1] == (
        "    └── Kế hoạch số 12-KH/HU ngày 05/12/2026 của Ban Thường vụ Huyện ủy Phong Thổ — "
        "ban-thao/ke-hoach-huyen-uy-phong-tho-184-kh-tu-lai-chau.docx  [đã ban hành · soạn nhanh (không có tệp kế hoạch)]")
