"""The cascade: a generated plan is the parent of the next level, tasks flow down re-addressed, Công văn like seed 003."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from kehoach.cli import main
from kehoach.errors import InputError
from kehoach.workspace.drafts import generate

from .conftest import ROOT, Parts
from .examples import copy_examples

SUBJECT_21 = ("về tiếp tục đổi mới, phát triển và nâng cao chất lượng giáo dục nghề nghiệp đến năm 2030, "
              "tầm nhìn đến năm 2045")
CITE_72_SHORT_CHAIN = ("Kế hoạch số 72-KH/TU ngày 17/8/2023 của Ban Thường vụ Tỉnh ủy thực hiện Chỉ thị số 21-CT/TW "
                       "ngày 04/5/2023 của Ban Bí thư")
CITE_108 = ("Hướng dẫn số 108-HD/BTGTU ngày 30/5/2024 của Ban Tuyên giáo Tỉnh ủy về quán triệt, tuyên truyền và triển "
            f"khai thực hiện {CITE_72_SHORT_CHAIN} {SUBJECT_21}")
PEOPLE_003 = "đoàn viên, người lao động và cán bộ công đoàn các cấp"


def _texts(paragraphs) -> list[str]:
    return [p.text for p in paragraphs if p.text.strip()]


# -- seed 003, generated from the generated 001 ---------------------------------------------------------------

def test_seed_003_header_number_and_vv_line(generated):
    parts = generated["003"]
    assert _texts(parts.left) == [
        "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", "LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH ĐỊNH", "Số: 301/LĐLĐ-TGNC",
        f"V/v triển khai thực hiện {CITE_72_SHORT_CHAIN}"]
    assert _texts(parts.right) == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                                   "Bình Định, ngày 14 tháng 6 năm 2024"]


def test_seed_003_addressees_opening_signature_recipients(generated):
    parts = generated["003"]
    body = parts.body_texts()
    assert body[:3] == ["Kính gửi:", "- Liên đoàn lao động các huyện, thị xã, thành phố;",
                        "- Các công đoàn ngành tỉnh và Công đoàn Khu kinh tế tỉnh."]
    assert body[3] == (f"Thực hiện {CITE_108} (Kế hoạch số 72-KH/TU), Ban Thường vụ Liên đoàn Lao động (LĐLĐ) tỉnh đề "
                       "nghị các cấp công đoàn trong tỉnh, Trung tâm Giáo dục nghề nghiệp Công đoàn Bình Định thực hiện "
                       "một số nội dung sau:")
    assert _texts(parts.sig_right) == ["TM. BAN THƯỜNG VỤ", "PHÓ CHỦ TỊCH"]
    assert _texts(parts.sig_left) == ["Nơi nhận:", "- Như trên;", "- Ban Tuyên giáo Tỉnh ủy;",
                                      "- Thường trực, các ban LĐLĐ tỉnh;", "- Trung tâm GDNN CĐ Bình Định;",
                                      "- Lưu: VT, Ban TG-NC."]


def test_seed_003_has_no_type_title_and_numbers_its_groups(generated):
    body = generated["003"].body_texts()
    assert "CÔNG VĂN" not in body and not any(t.startswith("I.") for t in body)
    assert "1. Đối với các cấp công đoàn trong tỉnh" in body
    assert "2. Trung tâm Giáo dục nghề nghiệp Công đoàn Bình Định" in body


def test_seed_003_tasks_are_001s_tasks_readdressed(generated):
    body = generated["003"].body_texts()
    groups = body.index("1. Đối với các cấp công đoàn trong tỉnh"), body.index(
        "2. Trung tâm Giáo dục nghề nghiệp Công đoàn Bình Định")
    general, centre = body[groups[0] + 1: groups[1]], body[groups[1] + 1:]
    assert general[0] == ("- Đẩy mạnh, đa dạng hóa các hình thức tuyên truyền, giáo dục phù hợp với từng đối tượng "
                          f"nhằm nâng cao nhận thức, trách nhiệm của {PEOPLE_003} về tiếp tục đổi mới, phát triển và "
                          "nâng cao chất lượng giáo dục nghề nghiệp.")
    assert len(general) == 3  # 001 has four tasks; the one on training belongs to the centre
    assert centre[0].startswith("- Đổi mới nội dung, chương trình, phương thức đào tạo")
    assert not any("{" in t or "cán bộ, đảng viên và Nhân dân" in t for t in body)


def test_seed_003_from_the_record_of_001_alone(tmp_path, monkeypatch):
    """A lower office that has only the generated 001 (its .docx and record) still writes the whole chain."""
    made = generate(ROOT / "examples" / "ke-hoach" / "001-btg-binh-dinh.yaml", out_dir=tmp_path / "tren")
    office = tmp_path / "ldld"
    office.mkdir()
    shutil.copy(made.output, office / "hd-108.docx")
    (office / ".kehoach").mkdir()
    shutil.copy(made.record, office / ".kehoach" / "hd-108.json")
    monkeypatch.chdir(office)
    plan = office / "cv.yaml"
    plan.write_text("co_quan: binh-dinh/ldld-binh-dinh\nloai: cong_van\nthuc_hien: [hd-108.docx]\n"
                    "trich_yeu: {cum_tu: triển khai thực hiện, van_ban: 72-kh-tu-binh-dinh}\n", encoding="utf-8")
    result = generate(plan, out_dir=office / "ban-thao")
    parts = Parts(result.output)
    assert _texts(parts.left)[-1] == f"V/v triển khai thực hiện {CITE_72_SHORT_CHAIN}"
    assert parts.body_texts()[3].startswith(f"Thực hiện {CITE_108} (viết tắt là Hướng dẫn số 108-HD/BTGTU), ")
    assert any(PEOPLE_003 in t for t in parts.body_texts())


def test_a_draft_that_was_never_recorded_cannot_be_a_parent(tmp_path):
    (tmp_path / "x.docx").write_bytes(b"not a draft")
    plan = tmp_path / "cv.yaml"
    plan.write_text("co_quan: binh-dinh/ldld-binh-dinh\nloai: cong_van\nthuc_hien: [x.docx]\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        generate(plan, out_dir=tmp_path / "out")
    assert "chưa có bản ghi" in str(caught.value)
    assert not (tmp_path / "out").exists()


# -- the post-2025 chain: four generated levels below a central directive ---------------------------------------

D21_PARTY = f"Chỉ thị số 21-CT/TW, ngày 04/5/2023 của Ban Bí thư {SUBJECT_21}"
D21_UNION = f"Chỉ thị số 21-CT/TW ngày 04/5/2023 của Ban Bí thư {SUBJECT_21}"


def _level_cites(number1: str = "…", date1: str = "…/11/2026") -> dict[str, tuple[str, str]]:
    """Per level: (full citation of its parent as that level writes it, short form)."""
    # "tiếp tục thực hiện" joins its issuer directly: "về" would double the joining phrase (issue 13 §6).
    tu = "Kế hoạch số {n}-KH/TU{c} ngày {d} của Ban Thường vụ Tỉnh ủy tiếp tục thực hiện {d21}"
    tu_party = tu.format(n=number1, c=",", d=date1, d21=D21_PARTY)
    tu_union = tu.format(n=number1, c="", d=date1, d21=D21_UNION)
    btg = "Kế hoạch số …-KH/BTGDVTU{c} ngày …/11/2026 của Ban Tuyên giáo và Dân vận Tỉnh ủy thực hiện {tu}"
    ldld = f"Kế hoạch số …/KH-LĐLĐ ngày …/11/2026 của Liên đoàn Lao động tỉnh Gia Lai thực hiện {btg.format(c='', tu=tu_union)}"
    return {
        "gia-lai-1-tinh-uy": (D21_PARTY, "Chỉ thị số 21-CT/TW"),
        "gia-lai-2-ban-tgdv": (tu_party, f"Kế hoạch số {number1}-KH/TU"),
        "gia-lai-3-ldld": (btg.format(c="", tu=tu_union), "Kế hoạch số …-KH/BTGDVTU"),
        "gia-lai-4-cong-doan-xa": (ldld, "Kế hoạch số …/KH-LĐLĐ"),
    }


@pytest.mark.parametrize("level", list(_level_cites()))
def test_four_level_chain_full_and_short_citations(generated, level):
    full, short = _level_cites()[level]
    body = generated[level].body_texts()
    prefix = "tiếp tục thực hiện" if level == "gia-lai-1-tinh-uy" else "thực hiện"
    subject = body[1]
    assert subject.lower() == f"{prefix} {full}".lower()
    opening = next(t for t in body[2:] if t.startswith("Thực hiện "))
    assert opening == f"Thực hiện {full} (viết tắt là {short});"
    assert f"ban hành Kế hoạch {prefix} {short}, như sau:" in body[body.index(opening) + 1]
    assert f"Quán triệt đầy đủ, kịp thời nội dung {short} " in "\n".join(body)


def test_tasks_flow_down_filtered_by_kind_and_readdressed(generated):
    texts = {k: "\n".join(generated[k].body_texts()) for k in _level_cites()}
    # The Ban keeps the tasks for everyone, gives the Front and the unions theirs, leaves the government's out.
    assert "Rà soát, sắp xếp mạng lưới" not in texts["gia-lai-2-ban-tgdv"]
    assert "Đổi mới nội dung, chương trình đào tạo" not in texts["gia-lai-2-ban-tgdv"]
    # (Its departments have no task of this plan: Tổ chức thực hiện starts with the Front and the unions.)
    assert "1. Ủy ban Mặt trận Tổ quốc Việt Nam và các đoàn thể chính trị - xã hội tỉnh\n- Vận động" in texts[
        "gia-lai-2-ban-tgdv"]
    # The provincial union is a union: that task is its own, written for its own people and area.
    assert ("2. Vận động đoàn viên, người lao động và cán bộ công đoàn các cấp tham gia học nghề" in texts["gia-lai-3-ldld"])
    assert "nguồn nhân lực của tỉnh sau sắp xếp" in texts["gia-lai-3-ldld"]
    assert "Vận động đoàn viên, người lao động trên địa bàn xã tham gia học nghề" in texts["gia-lai-4-cong-doan-xa"]
    assert "nguồn nhân lực của xã sau sắp xếp" in texts["gia-lai-4-cong-doan-xa"]


def test_issued_parent_is_cited_by_number_all_the_way_down(tmp_path):
    ws = tmp_path / "ws"
    copy_examples(ws)
    runner = CliRunner()
    plan = ws / "ke-hoach" / "gia-lai-1-tinh-uy.yaml"
    before = plan.read_text(encoding="utf-8")
    result = runner.invoke(main, ["ban-hanh", str(plan), "--so", "15", "--ngay", "2026-11-20"])
    assert result.exit_code == 0, result.output
    after = plan.read_text(encoding="utf-8")
    assert "so: '15'" in after and "ngay: 20/11/2026" in after
    assert after.splitlines()[:5] == before.splitlines()[:5]  # the secretary's comments stay
    draft = generate(ws / "ke-hoach" / "gia-lai-4-cong-doan-xa.yaml", out_dir=tmp_path / "out")
    body = Parts(draft.output).body_texts()
    full, _short = _level_cites("15", "20/11/2026")["gia-lai-4-cong-doan-xa"]
    assert body[1] == f"Thực hiện {full}"


@pytest.mark.parametrize(("args", "message"), [
    (["--so", "1x5", "--ngay", "20/11/2026"], "số văn bản '1x5' không hợp lệ"),
    (["--so", "15", "--ngay", "tháng 11 năm 2026"], "cần đủ ngày, tháng, năm"),
])
def test_issuing_refuses_bad_numbers_and_dates(tmp_path, args, message):
    plan = tmp_path / "kh.yaml"
    plan.write_text("co_quan: gia-lai/tinh-uy-gia-lai\nloai: ke_hoach\nthuc_hien: [21-ct-tw]\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["ban-hanh", str(plan), *args])
    assert result.exit_code == 2 and message in result.output
    assert "Traceback" not in result.output
    assert "so:" not in plan.read_text(encoding="utf-8")


def test_issuing_a_quick_draft_updates_its_record(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    made = runner.invoke(main, ["tao", "--ho-so", "gia-lai/tinh-uy-gia-lai", "--loai", "ke_hoach",
                                "--van-ban", str(ROOT / "examples" / "van-ban" / "21-ct-tw.yaml"), "--ra", "kh.docx"])
    assert made.exit_code == 0, made.output
    issued = runner.invoke(main, ["ban-hanh", "kh.docx", "--so", "7", "--ngay", "3/12/2026"])
    assert issued.exit_code == 0, issued.output
    child = runner.invoke(main, ["tao", "--ho-so", "gia-lai/ldld-gia-lai", "--loai", "ke_hoach", "--van-ban", "kh.docx",
                                 "--ra", "con.docx"])
    assert child.exit_code == 0, child.output
    assert Parts(tmp_path / "con.docx").body_texts()[1].startswith(
        "Thực hiện Kế hoạch số 07-KH/TU ngày 03/12/2026 của Ban Thường vụ Tỉnh ủy thực hiện Chỉ thị số 21-CT/TW ngày")


def test_a_plan_implementing_itself_through_another_is_refused(tmp_path):
    (tmp_path / "a.yaml").write_text("co_quan: gia-lai/ldld-gia-lai\nloai: ke_hoach\nthuc_hien: [b]\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("co_quan: gia-lai/ldld-gia-lai\nloai: ke_hoach\nthuc_hien: [a]\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        generate(tmp_path / "a.yaml", out_dir=tmp_path / "out")
    assert "vòng tròn" in str(caught.value)


def test_superiors_get_the_report_note_of_their_system(tmp_path):
    for system, base, note in (("cong_doan", "co-so/cong-doan", "(b/c);"), ("nha_nuoc", "co-so/nha-nuoc", "(để b/c);")):
        profile = tmp_path / f"{system}.yaml"
        profile.write_text(f"ke_thua: {base}\nten_co_quan: Cơ quan thử\nten_goi: Cơ quan thử\nky_hieu: CQT\n"
                           "dia_danh: Gia Lai\ncap_tren: [Thường trực Tỉnh ủy]\nnoi_nhan: [Các đơn vị]\n",
                           encoding="utf-8")
        plan = tmp_path / f"kh-{system}.yaml"
        plan.write_text(f"co_quan: {profile}\nloai: ke_hoach\nthuc_hien: [{ROOT / 'examples/van-ban/21-ct-tw.yaml'}]\n",
                        encoding="utf-8")
        parts = Parts(generate(plan, out_dir=tmp_path / "out").output)
        assert _texts(parts.sig_left)[1:3] == [f"- Thường trực Tỉnh ủy {note}", "- Các đơn vị;"]


def test_tree_shows_issued_drafts_and_what_is_out_of_date(tmp_path):
    ws = tmp_path / "ws"
    copy_examples(ws)
    runner = CliRunner()
    assert runner.invoke(main, ["xay-dung", str(ws)]).exit_code == 0
    lines = runner.invoke(main, ["cay", str(ws)]).output.splitlines()
    line_003 = next(x for x in lines if "003-ldld-binh-dinh.yaml" in x)
    assert "Công văn số 301/LĐLĐ-TGNC" in line_003 and "[đã ban hành · bản thảo mới nhất]" in line_003
    assert lines.index(line_003) == lines.index(next(x for x in lines if "001-btg-binh-dinh.yaml" in x)) + 1
    assert line_003.startswith("│       └── ")
    runner.invoke(main, ["ban-hanh", str(ws / "ke-hoach" / "gia-lai-2-ban-tgdv.yaml"), "--so", "3", "--ngay", "1/12/2026"])
    lines = runner.invoke(main, ["cay", str(ws)]).output.splitlines()
    stale = [x.split(" — ")[1] for x in lines if "cần soạn lại" in x]
    assert [(x.startswith("ke-hoach/gia-lai-2"), x.startswith("ke-hoach/gia-lai-3"), x.startswith("ke-hoach/gia-lai-4"))
            for x in stale] == [
        (True, False, False), (False, True, False), (False, False, True)]
    assert "Kế hoạch số 03-KH/BTGDVTU ngày 01/12/2026" in "\n".join(lines)
    assert Document(str(ws / "ban-thao" / "003-ldld-binh-dinh.docx"))  # untouched drafts still open


def test_a_mistyped_placeholder_in_a_task_points_at_its_file_and_line(tmp_path):
    directive = ROOT / "examples" / "van-ban" / "21-ct-tw.yaml"
    (tmp_path / "cha.yaml").write_text(f"co_quan: gia-lai/ldld-gia-lai\nloai: ke_hoach\nthuc_hien: [{directive}]\n"
                                       "nhiem_vu:\n  - tieu_de: Vận động {doi_tuon}\n", encoding="utf-8")
    (tmp_path / "con.yaml").write_text("co_quan: gia-lai/cong-doan-xa-vi-du\nloai: ke_hoach\nthuc_hien: [cha]\n",
                                       encoding="utf-8")
    for name in ("cha", "con"):
        with pytest.raises(InputError) as caught:
            generate(tmp_path / f"{name}.yaml", out_dir=tmp_path / "out")
        problem = caught.value.problems[0]
        # Found where it is typed, before composing: the task's own line and key.
        assert (Path(problem.file).name, problem.line, problem.key) == ("cha.yaml", 5, "nhiem_vu.0.tieu_de")
        assert "{doi_tuon}" in problem.message and "{doi_tuong}" in problem.message
