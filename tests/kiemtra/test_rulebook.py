"""The rule catalogue: every rule listed once with its source and the module that checks it; `kiemtra --quy-tac`."""

from __future__ import annotations

import inspect
import json
import re

from click.testing import CliRunner

from kehoach.kiemtra import RULE_MODULES
from kehoach.kiemtra.catalog import RULES, SYSTEMS
from kehoach.kiemtra.cli import kiemtra
from kehoach.kiemtra.rulebook import entries, rule_ids_of


def test_every_rule_is_checked_by_exactly_one_module():
    owners: dict[str, list[str]] = {}
    for module in RULE_MODULES:
        for rule_id in rule_ids_of(module):
            owners.setdefault(rule_id, []).append(module.__name__)
    assert set(owners) == set(RULES)
    assert {rule_id: names for rule_id, names in owners.items() if len(names) > 1} == {}


def test_a_module_lists_the_rules_it_reports_and_reports_the_rules_it_lists():
    for module in RULE_MODULES:
        source = inspect.getsource(module)
        listed = set(rule_ids_of(module))
        reported = set(re.findall(r"ctx\.add\(\s*\"([A-Z]{2}-\d+[a-z]?)\"", source))
        assert reported <= listed, (module.__name__, reported - listed)
        for rule_id in listed:
            # "TT-19a" … "TT-19g" are reported as f"TT-19{key}".
            assert f'"{rule_id}"' in source or f'f"{rule_id[:-1]}{{' in source, (module.__name__, rule_id)


def test_every_rule_says_what_where_and_how_serious_in_every_system():
    for entry in entries(RULE_MODULES):
        for system in SYSTEMS:
            assert entry.info.pick(entry.info.text, system), (entry.rule_id, system)
            assert entry.info.pick(entry.info.source, system), (entry.rule_id, system)
        assert entry.module.startswith("kehoach/kiemtra/rules_"), entry.rule_id


def test_quy_tac_prints_the_catalogue():
    result = CliRunner().invoke(kiemtra, ["--quy-tac"])
    assert result.exit_code == 0
    assert result.output.startswith(f"Các quy tắc kehoach kiemtra kiểm tra: {len(RULES)} quy tắc.\n")
    assert ("VB-06 Từ gần giống thuật ngữ hành chính [Cảnh báo]\n"
            "    Thuật ngữ hành chính viết đúng chính tả (“tuyên truyền”, “ngăn chặn”, “quán triệt”, “kiểm tra” …); "
            "một cụm chỉ khác thuật ngữ một chữ cái hoặc một dấu thường là gõ nhầm.\n"
            "    Nguồn: Soát lỗi chính tả: danh sách thuật ngữ hành chính của kehoach (kiemtra/data/thuat-ngu.txt)\n"
            "    Kiểm tra ở: kehoach/kiemtra/rules_words.py\n") in result.output
    assert "TB-01 Dòng phần đầu bị ngắt" in result.output  # a rule another module adds is listed too


def test_quy_tac_for_one_system():
    result = CliRunner().invoke(kiemtra, ["--quy-tac", "--he-thong", "dang"])
    assert result.exit_code == 0
    assert result.output.startswith("Các quy tắc kehoach kiemtra kiểm tra (hệ thống Đảng)")
    assert "TT-11 Số, ký hiệu [Lỗi]\n    “Số” không có dấu hai chấm: số, gạch nối, tên loại, gạch chéo, cơ quan (ví dụ " \
           "“Số 72-KH/TU”).\n    Nguồn: HD 36-HD/VPTW, Phụ lục 3\n" in result.output
    doan = CliRunner().invoke(kiemtra, ["--quy-tac", "--he-thong", "doan"]).output
    assert "TT-11 Số, ký hiệu [Cảnh báo]\n    “Số:”, số, gạch nối, tên loại, gạch chéo, ký hiệu cơ quan" in doan


def test_quy_tac_as_json():
    result = CliRunner().invoke(kiemtra, ["--quy-tac", "--json"])
    data = json.loads(result.output)
    assert [d["rule_id"] for d in data] == list(RULES)
    tt22 = next(d for d in data if d["rule_id"] == "TT-22")
    assert tt22["systems"]["dang"]["source"] == "HD 05-HD/VPTW (2026, chưa xác nhận bản chính thức)"
    assert tt22["module"] == "kehoach/kiemtra/rules_body.py"


def test_a_file_is_needed_without_quy_tac():
    result = CliRunner().invoke(kiemtra, [])
    assert result.exit_code == 2


def test_the_options_are_in_the_help():
    help_text = CliRunner().invoke(kiemtra, ["--help"]).output
    for option in ("--quy-tac", "--chuyen-doi", "--ca-tep", "--he-thong", "--json"):
        assert option in help_text
