#!/usr/bin/env python
"""Time from pressing Soạn on the web page to the pictures of the draft's pages shown, in a real headless Chromium.

    python benchmarks/bench_web_preview.py            # 5 warm runs, 3 cold runs, 3 runs without a warm converter
    python benchmarks/bench_web_preview.py --json

Three cases, each on a copy of examples/ served by `kehoach web`'s own server (waitress, 127.0.0.1, a free port):

- warm: LibreOffice already running (it starts with the page, while the person fills the first form);
- cold: Soạn pressed the moment the page started, LibreOffice not running yet (it starts for that preview);
- without the bridge: no warm converter (no `uno` module for LibreOffice's Python): LibreOffice starts per preview.

The clock starts at the click on Soạn and stops when every page picture is loaded in the browser. Needs chromium,
chromedriver, LibreOffice, pdftoppm, and the test extra (selenium).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
         "--window-size=1366,768"]
PLAN = "000-ldld-lai-chau"  # an example plan: 2 pages


def _driver(profile: Path) -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ["SE_OFFLINE"] = "true"
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in [*FLAGS, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    return webdriver.Chrome(options=options, service=Service(executable_path=shutil.which("chromedriver")))


def _press_soan(driver: Any, url: str) -> float:
    driver.get(f"{url}soan/sua/{PLAN}")
    button = driver.find_element("css selector", "form.bieu-mau button.chinh")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", button)
    started = time.monotonic()
    button.click()
    deadline = started + 300
    while time.monotonic() < deadline:
        done = driver.execute_script(
            "const i = document.querySelectorAll('.trang-xem img');"
            "return i.length > 0 && Array.from(i).every(x => x.complete && x.naturalWidth > 0);")
        if done:
            return time.monotonic() - started
        time.sleep(0.02)
    raise RuntimeError("xem trước quá 300 giây")


def _run(case: str, runs: int, driver: Any, work: Path) -> list[float]:
    from kehoach.web.context import state
    from kehoach.web.preview import Converter
    from kehoach.web.server import address, make_server
    from kehoach.web.site import prepare

    times = []
    # Cold: a new page (and LibreOffice) per run; warm and without the bridge: one page, several presses.
    sessions = runs if case == "cold" else 1
    for _session in range(sessions):
        root = Path(tempfile.mkdtemp(dir=work))
        shutil.rmtree(root)
        shutil.copytree(REPO / "examples", root)
        prepare(root)
        server = make_server(root, port=0, converter=Converter(warm=case != "khong-cau-noi"))
        with server.kehoach_app.app_context():
            st = state()
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        url = address(server)
        try:
            if case == "warm":
                st.converter.start()
                _press_soan(driver, url)  # the first preview of a session warms Python's imports too: not counted
            presses = 1 if case == "cold" else runs
            for _ in range(presses):
                times.append(_press_soan(driver, url))
        finally:
            server.close()
            st.converter.close()
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warm", type=int, default=5)
    parser.add_argument("--cold", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    for tool in ("chromium", "chromedriver", "soffice", "pdftoppm"):
        if shutil.which(tool) is None:
            print(f"thiếu chương trình: {tool}", file=sys.stderr)
            return 2
    work = Path(tempfile.mkdtemp(prefix="kehoach-bench-web-"))
    driver = _driver(work / "chromium")
    try:
        figures = {case: _run(case, n, driver, work)
                   for case, n in (("warm", args.warm), ("cold", args.cold), ("khong-cau-noi", args.cold))}
    finally:
        driver.quit()
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    names = {"warm": "LibreOffice đang chạy sẵn (ấm)", "cold": "vừa mở trang, LibreOffice chưa chạy (lạnh)",
             "khong-cau-noi": "không có cầu nối uno: khởi động LibreOffice mỗi lần"}
    print(f"Từ lúc bấm Soạn đến khi thấy hình các trang ({PLAN}, 2 trang), giây:")
    for case, times in figures.items():
        print(f"  {names[case]:55} trung vị {statistics.median(times):5.2f}  (các lần: "
              f"{', '.join(f'{t:.2f}' for t in times)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
