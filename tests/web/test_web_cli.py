"""`kehoach web`: a workspace made, the address printed, only this machine unless asked, Ctrl+C stops it cleanly
(LibreOffice closed with it)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from click.testing import CliRunner

from kehoach.cli import main
from kehoach.web.server import is_local


def _start(args: list[str]) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen([sys.executable, "-m", "kehoach.cli", "web", *args], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, encoding="utf-8")
    assert process.stdout is not None
    lines = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        lines.append(line)
        match = re.search(r"đang chạy tại (http://\S+)", line)
        if match:
            return process, match[1]
    process.kill()
    raise AssertionError("".join(lines))


def _children(pid: int) -> set[int]:
    found = set()
    for task in Path("/proc").glob("[0-9]*"):
        try:
            ppid = int((task / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        if ppid == pid:
            found |= {int(task.name)} | _children(int(task.name))
    return found


def test_kehoach_web_makes_the_workspace_serves_it_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    root = tmp_path / "moi"
    process, url = _start([str(root), "--khong-mo", "--cong", "0"])
    try:
        assert url.startswith("http://127.0.0.1:")
        assert sorted(p.name for p in root.iterdir()) == ["ban-thao", "ke-hoach", "profiles", "van-ban"]
        with urllib.request.urlopen(url + "cay/", timeout=30) as page:
            assert page.status == 200 and "Cây văn bản" in page.read().decode("utf-8")
        time.sleep(1.0)  # LibreOffice is starting in the background: it must be closed with the page
        helpers = _children(process.pid)
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert "Đã dừng kehoach web." in out
    assert "Traceback" not in err
    time.sleep(1.0)
    assert not [pid for pid in helpers if Path(f"/proc/{pid}").exists()
                and "zombie" not in Path(f"/proc/{pid}/status").read_text()]


def test_another_address_needs_the_option_and_prints_a_warning(tmp_path: Path) -> None:
    process, url = _start([str(tmp_path), "--khong-mo", "--cong", "0", "--dia-chi", "0.0.0.0"])
    process.send_signal(signal.SIGINT)
    _out, err = process.communicate(timeout=60)
    assert "CẢNH BÁO: trang nghe trên địa chỉ 0.0.0.0" in err
    assert is_local("127.0.0.1") and is_local("localhost") and is_local("::1") and not is_local("0.0.0.0")


def test_a_port_in_use_is_a_clear_message(tmp_path: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["web", str(tmp_path), "--khong-mo", "--cong", str(port)])
    assert result.exit_code == 2
    assert f"127.0.0.1:{port}: không mở được cổng" in result.output
    assert "Traceback" not in result.output


def test_a_file_in_place_of_the_folder_is_a_clear_message(tmp_path: Path) -> None:
    file = tmp_path / "tep"
    file.write_text("x", encoding="utf-8")
    result = CliRunner().invoke(main, ["web", str(file / "con"), "--khong-mo"])
    assert result.exit_code == 2 and "không tạo được thư mục làm việc" in result.output
    assert os.listdir(tmp_path) == ["tep"]
