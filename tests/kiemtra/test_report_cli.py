"""The report renderings and the `kiemtra` command (exit codes, JSON, messages on stderr)."""

from __future__ import annotations

import json

from click.testing import CliRunner
from kiemtra_docs import state_spec

from kehoach.kiemtra import check_path, check_text, format_text, to_json
from kehoach.kiemtra.cli import kiemtra

SEED_000 = "000_965ccc07f17a42d3.txt"


def test_text_report_is_grouped_vietnamese_and_plain_by_default(seeds):
    text = format_text(check_path(seeds / SEED_000))
    assert "\033[" not in text
    assert "Hệ thống: Công đoàn" in text
    assert "== Nội dung và đánh số ==" in text and "== Trích dẫn và ngày tháng trong nội dung ==" in text
    assert "[Lỗi] TT-20a Thứ tự mục La Mã (đoạn bắt đầu “III. NHIỆM VỤ VÀ GIẢI PHÁP…”; dòng 38)" in text
    assert "    Nguồn: QĐ 933/QĐ-TLĐ" in text
    assert text.rstrip().endswith("Tổng cộng: 1 lỗi, 3 cảnh báo.")  # ND-02: the closing cites the chain again
    assert text.index("Nội dung và đánh số") < text.index("Trích dẫn và ngày tháng")


def test_colour_only_when_asked(seeds):
    report = check_path(seeds / SEED_000)
    coloured = format_text(report, color=True)
    assert "\033[31m[Lỗi]\033[0m" in coloured and "\033[33m[Cảnh báo]\033[0m" in coloured


def test_clean_report_says_so():
    text = format_text(check_text("KẾ HOẠCH\nvề việc tổ chức\nNội dung./.\n"))
    assert "Không phát hiện lỗi hay cảnh báo nào." in text


def test_json_report(seeds):
    data = json.loads(to_json(check_path(seeds / SEED_000)))
    assert data["system"] == "cong_doan" and data["errors"] == 1 and data["warnings"] == 3
    first = data["findings"][0]
    assert set(first) == {"rule_id", "severity", "area", "title", "message", "rule", "source", "suggestion",
                          "paragraph", "where", "quote", "section", "place"}


def test_cli_exit_1_with_findings(seeds):
    result = CliRunner().invoke(kiemtra, [str(seeds / SEED_000)])
    assert result.exit_code == 1
    assert "TT-20a" in result.output and "\033[" not in result.output


def test_cli_exit_0_when_clean(make_docx):
    result = CliRunner().invoke(kiemtra, [str(make_docx(state_spec()))])
    assert result.exit_code == 0, result.output
    assert "Không phát hiện lỗi hay cảnh báo nào." in result.output


def test_cli_json_parses_and_forced_system(seeds):
    result = CliRunner().invoke(kiemtra, [str(seeds / "002_24f0aacb16f28d3b.txt"), "--json", "--he-thong", "dang"])
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["system"] == "dang" and data["system_reason"] == "do người dùng chỉ định"
    assert {f["rule_id"] for f in data["findings"]} == {"TT-16b", "TT-20a", "TT-21e"}


def test_cli_missing_file_exit_2_vietnamese_no_traceback(tmp_path):
    missing = tmp_path / "khong-co.docx"
    result = CliRunner().invoke(kiemtra, [str(missing)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"Lỗi: {missing}: không tìm thấy tệp."
    assert result.stdout == "" and "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)


def test_cli_rejects_unknown_system(seeds):
    result = CliRunner().invoke(kiemtra, [str(seeds / SEED_000), "--he-thong", "abc"])
    assert result.exit_code == 2


def test_cli_help_is_vietnamese():
    result = CliRunner().invoke(kiemtra, ["--help"])
    assert result.exit_code == 0
    assert "Kiểm tra thể thức văn bản TỆP" in result.output and "--he-thong" in result.output


def test_the_report_names_places_as_the_build_does():
    """Audit A, 10.5: kiemtra said only "dòng 8" / "đoạn 13"; it now says first the build's name for the place
    (docx/locate.py: section and first words, the trích yếu, the closing), then the number."""
    from kehoach.kiemtra import check_text
    from kehoach.kiemtra.report import format_text

    text = ("ỦY BAN NHÂN DÂN\nXÃ TÂN HÒA\nSố: 15/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nTân Hòa, ngày 21 tháng 9 năm 2024\nKẾ HOẠCH\n"
            "tuyên tuyền phòng, chống tác hại của thuốc lá năm 2024\n"
            "Thực hiện Kế hoạch số 205/KH-UBND ngày 02/8/2024 của Ủy ban nhân dân huyện Sơn Hà, Ủy ban nhân dân xã "
            "ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNâng cao nhận thức.\n2. Yêu cầu\n"
            "Công tác tuyên tuyền bảo đảm thiết thực.\nII. TỔ CHỨC THỰC HIỆN\n1. Văn phòng\nTheo dõi, tổng hợp.\n"
            "Trên đây là Kế hoạch tuyên tuyền phòng, chống tác hại của thuốc lá năm 2024./.\nNơi nhận:\n"
            "- UBND huyện Sơn Hà;\n- Lưu: VT, VP.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn An\n")
    heads = [line for line in format_text(check_text(text)).splitlines() if line.startswith("[")]
    assert heads == [
        "[Cảnh báo] VB-06 Từ gần giống thuật ngữ hành chính (trích yếu, đoạn bắt đầu “tuyên tuyền phòng, chống tác "
        "hại…”; dòng 8)",
        "[Cảnh báo] VB-06 Từ gần giống thuật ngữ hành chính (mục “I. MỤC ĐÍCH, YÊU CẦU › 2. Yêu cầu”, đoạn bắt đầu "
        "“Công tác tuyên tuyền bảo đảm…”; dòng 14)",
        "[Cảnh báo] VB-06 Từ gần giống thuật ngữ hành chính (phần kết, đoạn bắt đầu “Trên đây là Kế hoạch tuyên…”; "
        "dòng 18)"]
