"""Files found by name (audits A item 12, B "found along the way"): a plan, document or profile saved as .yml is found
like a .yaml one; a profile named by a plan is never the plan itself, nor another file of ke-hoach/ or van-ban/."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from .hostile import GOOD, ROOT, invoke, no_traceback, refused, workspace

LDLD = ROOT / "profiles" / "lai-chau" / "ldld-lai-chau.yaml"


def text_of(draft: Path) -> str:
    with zipfile.ZipFile(draft) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    return "".join(text or "-" for text, _ in re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>|(<w:noBreakHyphen/>)", xml))


def profile(root: Path, name: str, ky_hieu: str) -> None:
    (root / "profiles").mkdir(exist_ok=True)
    (root / "profiles" / name).write_text(f"ke_thua: {LDLD}\nky_hieu: {ky_hieu}\n", encoding="utf-8")


def test_yml_plans_documents_and_profiles_are_found_like_yaml(tmp_path):
    root = workspace(tmp_path / "ws", {"a.yaml": GOOD})
    (root / "ke-hoach" / "c.yml").write_text(GOOD.replace("lai-chau/ldld-lai-chau", "rieng"), encoding="utf-8")
    profile(root, "rieng.yml", "RIENG")
    parent = (root / "van-ban" / "349-kh-tld.yaml").read_text(encoding="utf-8")
    (root / "van-ban" / "349-kh-tld.yaml").unlink()
    (root / "van-ban" / "349-kh-tld.yml").write_text(parent, encoding="utf-8")
    result = invoke("xay-dung", root)
    no_traceback(result)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().splitlines()[-1] == "Xong: 2 soạn mới"
    assert "Số: 470/KH-RIENG" in text_of(root / "ban-thao" / "c.docx")  # its profile, found by name as .yml
    assert "Kế hoạch số 349/KH-TLĐ" in text_of(root / "ban-thao" / "a.docx")  # its parent, found by key as .yml
    tree = invoke("cay", root)
    assert tree.exit_code == 0, tree.output
    assert "ke-hoach/c.yml  [đã ban hành · bản thảo mới nhất]" in tree.stdout  # it has so and ngay
    result = invoke("tao-tat-ca", root / "ke-hoach", "--ra", tmp_path / "ra")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "ra").glob("*.docx")) == ["a.docx", "c.docx"]


def test_a_plan_named_like_its_profile_does_not_load_itself(tmp_path):
    """Audit B: ke-hoach/twd.yaml with `co_quan: twd` loaded itself ("khóa 'co_quan': khóa không được hỗ trợ")."""
    root = workspace(tmp_path / "ws", {"twd.yaml": GOOD.replace("lai-chau/ldld-lai-chau", "twd")})
    profile(root, "twd.yaml", "TWĐ")
    result = invoke("tao", root / "ke-hoach" / "twd.yaml", "--thu-muc", root / "ban-thao")
    no_traceback(result)
    assert result.exit_code == 0, result.output
    assert "Số: 470/KH-TWĐ" in text_of(root / "ban-thao" / "twd.docx")
    result = invoke("xay-dung", root)
    assert result.exit_code == 0, result.output
    # In a sub-folder of ke-hoach/ too.
    (root / "ke-hoach" / "tinh").mkdir()
    (root / "ke-hoach" / "tinh" / "twd.yaml").write_text(GOOD.replace("lai-chau/ldld-lai-chau", "twd"), encoding="utf-8")
    result = invoke("tao", root / "ke-hoach" / "tinh" / "twd.yaml", "--thu-muc", root / "ban-thao" / "tinh")
    assert result.exit_code == 0, result.output
    assert "Số: 470/KH-TWĐ" in text_of(root / "ban-thao" / "tinh" / "twd.docx")
    # A profile whose base has its own name finds that namesake, not itself: the office's copy of a shipped profile.
    (root / "profiles" / "lai-chau").mkdir()
    (root / "profiles" / "lai-chau" / "ldld-lai-chau.yaml").write_text(
        "ke_thua: lai-chau/ldld-lai-chau\nky_hieu: BAN-SAO\n", encoding="utf-8")
    (root / "ke-hoach" / "ban-sao.yaml").write_text(GOOD, encoding="utf-8")
    result = invoke("tao", root / "ke-hoach" / "ban-sao.yaml", "--thu-muc", root / "ban-thao")
    assert result.exit_code == 0, result.output
    assert "Số: 470/KH-BAN-SAO" in text_of(root / "ban-thao" / "ban-sao.docx")


def test_a_profile_name_never_finds_a_plan_or_a_document(tmp_path):
    root = workspace(tmp_path / "ws", {"khac.yaml": GOOD, "p.yaml": GOOD.replace("lai-chau/ldld-lai-chau", "khac")})
    (root / "profiles").mkdir()
    result = invoke("tao", root / "ke-hoach" / "p.yaml", "--thu-muc", root / "ban-thao")
    stderr = refused(result)
    assert stderr.startswith(f"Lỗi: {root / 'ke-hoach' / 'p.yaml'}, dòng 1, khóa 'co_quan': không tìm thấy hồ sơ cơ quan "
                             "'khac'")
    assert "ke-hoach" not in stderr.partition("đã tìm trong: ")[2]  # a folder of plans is not searched
    # Named as a path, a file is what it names (here a plan: refused for its keys, as a profile).
    (root / "ke-hoach" / "p.yaml").write_text(GOOD.replace("lai-chau/ldld-lai-chau", "349-kh-tld.yaml"), encoding="utf-8")
    (root / "ke-hoach" / "349-kh-tld.yaml").write_text("ten_co_quan: X\n", encoding="utf-8")
    result = invoke("tao", root / "ke-hoach" / "p.yaml", "--thu-muc", root / "ban-thao")
    assert "không tìm thấy hồ sơ" not in result.output
    # A document's key is no profile name either. (The plan-as-profile above goes: a plan beside p.yaml named
    # 349-kh-tld is what p.yaml's thuc_hien: [349-kh-tld] finds first, before van-ban/.)
    (root / "ke-hoach" / "349-kh-tld.yaml").unlink()
    (root / "ke-hoach" / "p.yaml").write_text(GOOD.replace("lai-chau/ldld-lai-chau", "21-ct-tw"), encoding="utf-8")
    result = invoke("tao", root / "ke-hoach" / "p.yaml", "--thu-muc", root / "ban-thao")
    assert refused(result).startswith(f"Lỗi: {root / 'ke-hoach' / 'p.yaml'}, dòng 1, khóa 'co_quan': không tìm thấy hồ "
                                      "sơ cơ quan '21-ct-tw'")
