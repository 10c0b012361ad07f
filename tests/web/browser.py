"""A real headless Chromium driving the page: Debian's chromium and chromedriver through Selenium, no download.

`KEHOACH_ANH=<folder>` keeps a 1366×768 screenshot of every page the test looks at (and of the whole page), for a
person to look at.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..tools import require

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
         "--window-size=1366,768", "--lang=vi"]


@contextmanager
def chromium(downloads: Path, profile: Path) -> Iterator[Any]:
    tools = require("chromium", "chromedriver")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must never try to download a browser or a driver
    options = webdriver.ChromeOptions()
    options.binary_location = tools["chromium"]
    for flag in [*FLAGS, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=tools["chromedriver"]))
    driver.set_page_load_timeout(60)
    try:
        driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
        yield driver
    finally:
        driver.quit()


@contextmanager
def serving(root: Path) -> Iterator[str]:
    """The page over `root` on a free port of 127.0.0.1, in a thread; LibreOffice warmed as `kehoach web` does."""
    from kehoach.web.context import state
    from kehoach.web.server import address, make_server

    server = make_server(root, port=0)
    with server.kehoach_app.app_context():
        st = state()
    st.converter.start()
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield address(server)
    finally:
        server.close()
        st.converter.close()


def wait(condition: Callable[[], Any], timeout: float = 90, what: str = "") -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"quá {timeout} giây chờ {what}")
        time.sleep(0.2)


def shoot(driver: Any, name: str) -> None:
    """The screen a person sees at 1366×768, and the whole page, when KEHOACH_ANH names a folder."""
    folder = os.environ.get("KEHOACH_ANH")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(Path(folder) / f"{name}.png"))
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1366, max(768, min(int(height) + 140, 8000)))
    driver.save_screenshot(str(Path(folder) / f"{name}-ca-trang.png"))
    driver.set_window_size(1366, 768)
