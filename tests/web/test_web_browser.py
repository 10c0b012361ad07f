"""End to end, in a real headless Chromium, as a secretary would: a profile from a base, a parent, a plan with a task
given to a department, the preview, the .docx downloaded and read, a hand edit, a changed parent, Soạn lại → hợp nhất.

Needs Chromium, chromedriver and LibreOffice (CI installs them: there a missing one fails the test).
"""

from __future__ import annotations

import time
from pathlib import Path

from docx import Document
from selenium.webdriver.common.keys import Keys

from ..tools import convert, require, soffice
from .browser import chromium, serving, shoot, wait


def _seen(driver, element):
    """Scrolled to the middle of the screen, as a person scrolls to what she clicks (not under the sticky bar)."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
    return element


def _fill(driver, values: dict[str, str]) -> None:
    for name, value in values.items():
        box = _seen(driver, driver.find_element("id", "f-" + name.replace(".", "-")))
        box.clear()
        box.send_keys(value)


def _choose(driver, name: str, value: str) -> None:
    from selenium.webdriver.support.ui import Select

    Select(_seen(driver, driver.find_element("id", "f-" + name.replace(".", "-")))).select_by_value(value)


def _press(driver, value: str) -> None:
    """A button of the form by its action: "them:phong_ban" adds a department."""
    old = driver.find_element("tag name", "html")
    _seen(driver, driver.find_element("css selector", f'button[value="{value}"]')).click()
    wait(lambda: _stale(old), 30, f"trang sau khi bấm {value}")


def _stale(element) -> bool:
    from selenium.common.exceptions import StaleElementReferenceException

    try:
        element.tag_name  # noqa: B018 - touching it tells whether the page was replaced
    except StaleElementReferenceException:
        return True
    return False


def _submit(driver) -> None:
    old = driver.find_element("tag name", "html")
    driver.find_element("css selector", "form.bieu-mau button.chinh").click()
    wait(lambda: _stale(old), 60, "trang sau khi gửi")


def _text(driver) -> str:
    """The page's main text; a page that reloads itself (a job's progress) is read again once it has."""
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException

    for _attempt in range(50):
        try:
            return driver.find_element("tag name", "main").text
        except (StaleElementReferenceException, NoSuchElementException):
            time.sleep(0.1)
    raise AssertionError("trang không ngừng tải lại")


OPENING = ("Thực hiện Kế hoạch số 15-KH/TU ngày 20/11/2026 của Ban Thường vụ Tỉnh ủy tiếp tục thực hiện Chỉ thị số "
           "21-CT/TW ngày 04/5/2023 của Ban Bí thư về tiếp tục đổi mới, phát triển và nâng cao chất lượng giáo dục nghề "
           "nghiệp đến năm 2030, tầm nhìn đến năm 2045 (viết tắt là Kế hoạch số 15-KH/TU);")


def _parent_pdf(folder: Path) -> Path:
    """A provincial Party committee's Kế hoạch 15-KH/TU, drafted by kehoach and printed to PDF by LibreOffice."""
    from kehoach.workspace.drafts import generate

    plan = Path(__file__).resolve().parents[2] / "examples" / "ke-hoach" / "gia-lai-1-tinh-uy.yaml"
    draft = generate(plan, out_dir=folder, number="15", when="20/11/2026").output
    [pdf] = convert([draft], "pdf", folder)
    return pdf


def test_a_secretary_drafts_in_her_browser(tmp_path: Path) -> None:
    require("pdftoppm")
    soffice()
    parent_pdf = _parent_pdf(tmp_path / "cap-tren")
    root = tmp_path / "van-phong"
    from kehoach.web.site import prepare

    prepare(root)
    downloads = tmp_path / "tai-ve"
    downloads.mkdir()
    with serving(root) as url, chromium(downloads, tmp_path / "chromium") as driver:
        driver.get(url)
        shoot(driver, "01-bat-dau")
        # The keyboard: the first Tab reaches the skip link, and the focus is visible.
        driver.find_element("tag name", "body").send_keys(Keys.TAB)
        focused = driver.switch_to.active_element
        assert focused.text == "Bỏ qua thanh điều hướng"
        assert driver.execute_script("return getComputedStyle(arguments[0]).outlineStyle", focused) == "solid"

        # 1. A profile from a base.
        driver.get(url + "co-quan/moi")
        shoot(driver, "02-co-quan-chon-co-so")
        driver.find_element("partial link text", "các cấp Công đoàn").click()
        _fill(driver, {"_ten_tep": "vi-du/ldld-vi-du", "ten_co_quan": "Liên đoàn Lao động tỉnh Ví Dụ",
                       "ten_goi": "LĐLĐ tỉnh", "ky_hieu": "LĐLĐ", "dia_danh": "Ví Dụ",
                       "noi_nhan": "Thường trực Tỉnh ủy Ví Dụ (b/c)\nCác LĐLĐ cấp xã"})
        _press(driver, "them:phong_ban")
        _fill(driver, {"phong_ban.0.ten": "Ban Tuyên giáo - Nữ công", "phong_ban.0.viet_tat": "TG-NC"})
        shoot(driver, "03-co-quan-bieu-mau")
        old = driver.find_element("tag name", "html")
        driver.find_element("id", "f-dia_danh").send_keys(Keys.ENTER)  # Enter saves (it does not press "+ Thêm")
        wait(lambda: _stale(old), 60, "trang sau khi lưu")
        assert "Đã tạo hồ sơ profiles/vi-du/ldld-vi-du.yaml." in _text(driver)
        shoot(driver, "04-co-quan-xem")
        driver.get(url + "co-quan/?q=vi+du")
        shoot(driver, "05-co-quan-danh-sach")

        # 2. The parent: a PDF of a provincial Party committee's Kế hoạch, uploaded, checked in the form, saved.
        driver.get(url + "van-ban/tai-len")
        shoot(driver, "06-van-ban-tai-len")
        driver.find_element("id", "f-tep").send_keys(str(parent_pdf))
        old = driver.find_element("tag name", "html")
        driver.find_element("css selector", "button.chinh").click()
        wait(lambda: _stale(old), 120, "văn bản được đọc")
        assert "Kiểm tra văn bản vừa đọc" in _text(driver) and "Cần kiểm tra" in _text(driver)
        assert driver.find_element("id", "f-vb-0-so_ky_hieu").get_attribute("value") == "15-KH/TU"
        shoot(driver, "07-van-ban-kiem-tra")
        _submit(driver)
        assert "ghi mới: van-ban/15-kh-tu.yaml" in _text(driver)
        shoot(driver, "08-van-ban-danh-sach")

        # 3. A plan with a task given to a department.
        driver.get(url + "soan/moi")
        old = driver.find_element("tag name", "html")
        _choose(driver, "co_quan", "vi-du/ldld-vi-du")  # the page refreshes its signers and departments by itself
        wait(lambda: _stale(old), 30, "danh sách người ký của cơ quan")
        _choose(driver, "thuc_hien.0", "15-kh-tu")
        _press(driver, "them:giao_nhiem_vu")
        _choose(driver, "giao_nhiem_vu.0.phong_ban", "Ban Tuyên giáo - Nữ công")  # from the profile's list
        _fill(driver, {"giao_nhiem_vu.0.nhiem_vu": "chủ trì tham mưu, theo dõi, tổng hợp kết quả.",
                       "so": "12", "ngay": "25/11/2026", "_ten_tep": "kh-12"})
        _choose(driver, "nguoi_ky", "pho-chu-tich")
        shoot(driver, "09-soan-bieu-mau")
        pressed = time.monotonic()
        _submit(driver)

        # 4. The preview: pictures of the pages, and kiemtra's findings.
        wait(lambda: driver.execute_script(
            "const i = document.querySelectorAll('.trang-xem img');"
            "return i.length > 0 && Array.from(i).every(x => x.complete && x.naturalWidth > 0);"), 120, "hình các trang")
        seconds = time.monotonic() - pressed
        assert "Kiểm tra thể thức" in _text(driver)
        shoot(driver, "10-soan-xem-truoc")
        print(f"Soạn → xem trước: {seconds:.1f} giây")

        # 5. The .docx, downloaded.
        driver.find_element("link text", "Tải bản thảo .docx").click()
        file = wait(lambda: next(iter(downloads.glob("kh-12.docx")), None), 30, "tệp tải về")
        wait(lambda: not list(downloads.glob("*.crdownload")), 30, "tải xong")
        doc = Document(str(file))
        header = [[p.text for c in row.cells[col:col + 1] for p in c.paragraphs if p.text.strip()]
                  for col in (0, 1) for row in doc.tables[0].rows]
        left, right = header[0] + header[1], header[2] + header[3]  # the header's two columns, every row
        assert left == ["TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", "LIÊN ĐOÀN LAO ĐỘNG TỈNH VÍ DỤ", "Số: 12/KH-LĐLĐ"]
        assert right[-1] == "Ví Dụ, ngày 25 tháng 11 năm 2026"
        body = [p.text for p in doc.paragraphs if p.text.strip()]
        assert body[0] == "KẾ HOẠCH"
        assert body[2] == OPENING
        # The department given work has its own khoản in Tổ chức thực hiện (issue 13), its duty as a line.
        assert body[body.index(next(t for t in body if t.endswith(". Ban Tuyên giáo - Nữ công"))) + 1] == \
            "- Chủ trì tham mưu, theo dõi, tổng hợp kết quả."

        # 6. A hand edit in Word, a changed parent, Soạn lại from the tree: the plan has its number and date (issued),
        # so its draft, the office's copy of the signed document, is kept as it is and the report says why.
        draft = root / "ban-thao" / "kh-12.docx"
        edited = Document(str(draft))
        edited.add_paragraph("Kinh phí do Văn phòng LĐLĐ tỉnh bố trí.")
        edited.save(str(draft))
        driver.get(url + "van-ban/sua/15-kh-tu")
        _fill(driver, {"nhiem_vu.0.tieu_de": "Quán triệt Chỉ thị số 21-CT/TW đến {doi_tuong} bằng nhiều hình thức."})
        _submit(driver)
        driver.get(url + "cay/")
        assert "không sinh lại, đầu vào đã đổi: văn bản cấp trên 15-kh-tu.yaml đã thay đổi" in _text(driver)
        assert "có sửa tay" in _text(driver)
        shoot(driver, "11-cay")
        old = driver.find_element("tag name", "html")
        driver.find_element("xpath", "//button[normalize-space()='Soạn lại']").click()
        wait(lambda: _stale(old) and "Xong:" in _text(driver), 120, "báo cáo soạn lại")
        assert "1 đã ban hành" in _text(driver)
        assert "Văn bản đã ban hành được giữ nguyên dù văn bản cấp trên đã đổi" in _text(driver)
        shoot(driver, "12-soan-lai-bao-cao")
        kept = [p.text for p in Document(str(draft)).paragraphs]
        assert "Kinh phí do Văn phòng LĐLĐ tỉnh bố trí." in kept
        assert not any("bằng nhiều hình thức" in t for t in kept)

        # The other pages, for the screenshots: kiemtra with the draft, the plans, a page that is not there.
        driver.get(url + "kiem-tra/")
        driver.find_element("id", "f-tep").send_keys(str(draft))
        old = driver.find_element("tag name", "html")
        driver.find_element("css selector", "button.chinh").click()
        wait(lambda: _stale(old), 60, "kết quả kiểm tra")
        assert "Kiểm tra thể thức: kh-12.docx" in _text(driver)
        shoot(driver, "13-kiem-tra")
        for name, path in (("14-soan-danh-sach", "soan/"), ("15-khong-co", "khong-co"), ("16-co-quan-tat-ca", "co-quan/"),
                           ("17-van-ban-sua", "van-ban/sua/15-kh-tu"), ("18-co-quan-sua", "co-quan/sua/vi-du/ldld-vi-du"),
                           ("19-van-ban-nhap-tay", "van-ban/moi"), ("20-kiem-tra-trong", "kiem-tra/")):
            driver.get(url + path)
            shoot(driver, name)
