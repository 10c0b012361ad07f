"""Issue 16, kinds 2, 6 and 14: where outputs may go, what a bad target gets, and workers that die with their build.

One rule (files.check_target, before anything is written): a target that exists must be a regular file; the folder
it goes in must be a folder we may write in; the name must be a name. Every refusal names the path, exits 2, and
leaves neither a draft without its record nor a record without its draft.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document

from kehoach.files import NAME_MAX

from .hostile import GOOD, ROOT, files, invoke, refused, whole_outputs, workspace


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return workspace(tmp_path / "ws", {"p.yaml": GOOD})


def tao(ws: Path, *args: str | Path):
    return invoke("tao", ws / "ke-hoach" / "p.yaml", *args)


# -- 2: a target that is not a regular file --------------------------------------------------------------------------

def test_dev_full_stays_a_device(ws):
    result = tao(ws, "-o", "/dev/full")
    assert refused(result).strip() == ("Lỗi: /dev/full: không phải tệp thường (thiết bị, ống dẫn hay socket): không "
                                       "ghi đè")
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)
    assert not Path("/dev/.kehoach").exists()


def test_fifo_target_is_refused_without_blocking(ws, tmp_path):
    fifo = tmp_path / "ong.docx"
    os.mkfifo(fifo)
    result = tao(ws, "-o", fifo)
    assert refused(result).strip() == f"Lỗi: {fifo}: không phải tệp thường (thiết bị, ống dẫn hay socket): không ghi đè"
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


# -- 6: output errors -----------------------------------------------------------------------------------------------

def test_target_is_a_folder(ws, tmp_path):
    folder = tmp_path / "mot-thu-muc"
    folder.mkdir()
    assert refused(tao(ws, "-o", folder)).strip() == f"Lỗi: {folder}: đây là một thư mục, không ghi đè bằng một tệp được"
    assert list(folder.iterdir()) == []


def test_target_under_a_file(ws, tmp_path):
    blocker = tmp_path / "la-tep"
    blocker.write_text("x", encoding="utf-8")
    target = blocker / "kh.docx"
    assert refused(tao(ws, "-o", target)).strip() == (f"Lỗi: {blocker}: là một tệp, không phải thư mục: không ghi được "
                                                      f"{target}")
    assert blocker.read_text(encoding="utf-8") == "x"


def test_empty_name(ws):
    before = files(ws)
    assert refused(tao(ws, "-o", "")).strip() == "Lỗi: .: cần tên một tệp, không phải một thư mục"
    assert files(ws) == before


def test_a_name_without_docx_gets_it_as_a_tep_ra_does(ws, tmp_path):
    """Audit B: `-o out/moi` wrote a .docx named 'moi' and overwrote it silently on the next run."""
    out = tmp_path / "ra"
    first = tao(ws, "-o", out / "moi")
    assert first.exit_code == 0, first.output
    assert first.stdout.strip() == f"Đã soạn: {out / 'moi.docx'}"
    draft = Document(str(out / "moi.docx"))
    draft.add_paragraph("Đoạn người thêm")
    draft.save(str(out / "moi.docx"))
    second = tao(ws, "-o", out / "moi")  # the same draft (issued: GOOD has so and ngay), not overwritten
    assert second.exit_code == 0, second.output
    assert second.stdout.strip() == f"Chưa soạn lại: {out / 'moi.docx'}: đã ban hành, không sinh lại"
    assert Document(str(out / "moi.docx")).paragraphs[-1].text == "Đoạn người thêm"
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["moi.docx"]
    assert tao(ws, "-o", out / "HOA.DOCX").stdout.strip() == f"Đã soạn: {out / 'HOA.DOCX'}"  # any case of .docx


def test_name_of_300_characters(ws, tmp_path):
    target = tmp_path / ("k" * 300 + ".docx")
    limit = NAME_MAX - len("..12345678.tmp")
    assert refused(tao(ws, "-o", target)).strip() == f"Lỗi: {target}: tên tệp quá dài (305 byte; tối đa {limit})"
    assert files(tmp_path) == files(ws)


def test_kehoach_folder_that_is_a_file(ws):
    out = ws / "ban-thao"
    out.mkdir()
    (out / ".kehoach").write_text("không phải thư mục", encoding="utf-8")
    result = tao(ws, "--thu-muc", out)
    assert refused(result).strip() == (f"Lỗi: {out / '.kehoach'}: là một tệp, không phải thư mục: không ghi được "
                                       f"{out / '.kehoach' / 'p.json'}")
    assert not (out / "p.docx").exists()  # no draft without its record
    result = invoke("xay-dung", ws)
    assert refused(result).strip() == (f"Lỗi: {out / '.kehoach'}: là một tệp, không phải thư mục: không ghi được "
                                       f"{out / '.kehoach' / 'lock'}")


def test_lock_that_is_a_folder(ws):
    lock = ws / "ban-thao" / ".kehoach" / "lock"
    lock.mkdir(parents=True)
    result = invoke("xay-dung", ws)
    assert refused(result).strip() == f"Lỗi: {lock}: đây là một thư mục, không ghi đè bằng một tệp được"


@pytest.mark.parametrize("pid", [1099511627776, 0, -1, "abc"])
def test_lock_holding_an_impossible_pid_is_stale(ws, pid):
    lock = ws / "ban-thao" / ".kehoach" / "lock"
    lock.parent.mkdir(parents=True)
    lock.write_text(f'{{"pid": {pid if isinstance(pid, int) else chr(34) + pid + chr(34)}, "bat_dau": "?"}}',
                    encoding="utf-8")
    os.utime(lock, (time.time() - 60, time.time() - 60))
    result = invoke("xay-dung", ws)
    assert result.exit_code == 0, result.output
    assert (ws / "ban-thao" / "p.docx").is_file() and not lock.exists()


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """A folder nobody may write in. root ignores permissions: the immutable attribute stops root too."""
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o555)
    immutable = os.geteuid() == 0 and shutil.which("chattr") is not None
    if immutable:
        subprocess.run(["chattr", "+i", str(folder)], check=False, capture_output=True)
    try:
        probe = folder / "thu"
        try:
            probe.touch()
        except OSError:
            pass
        else:
            probe.unlink()
            pytest.skip("no way to make a read-only folder on this file system")
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=False, capture_output=True)
        folder.chmod(0o755)


def test_read_only_folders(ws, tmp_path):
    out = tmp_path / "chi-doc"
    with read_only(out):
        result = tao(ws, "--thu-muc", out)
        assert refused(result).strip() == f"Lỗi: {out}: thư mục không cho ghi: không ghi được {out / 'p.docx'}"
        result = invoke("tao-tat-ca", ws / "ke-hoach", "--ra", out)
        assert refused(result).strip() == f"Lỗi: {out}: thư mục không cho ghi: không ghi được {out / 'p.docx'}"
        result = invoke("xay-dung", ws, "--ra", out)  # the lock is the first thing a build writes
        assert refused(result).strip() == (f"Lỗi: {out}: thư mục không cho ghi: không ghi được "
                                           f"{out / '.kehoach' / 'lock'}")
        assert list(out.iterdir()) == []


def test_nothing_half_written_when_the_record_folder_refuses(ws):
    out = ws / "ban-thao"
    assert tao(ws, "--thu-muc", out).exit_code == 0
    (ws / "ke-hoach" / "p.yaml").write_text(GOOD.replace("so: 470", "so: 471"), encoding="utf-8")
    before = (out / "p.docx").read_bytes()
    with read_only(out / ".kehoach"):
        result = tao(ws, "--thu-muc", out)
        refused(result, f"Lỗi: {out / '.kehoach'}: thư mục không cho ghi: không ghi được {out / '.kehoach' / 'p.json'}")
    assert (out / "p.docx").read_bytes() == before
    whole_outputs(out)


# -- 14: workers die with their build -------------------------------------------------------------------------------

def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rpartition(")")[2].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        fields = (Path("/proc") / str(pid) / "stat").read_text().rpartition(")")[2].split()
    except OSError:
        return False
    return fields[0] != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find the workers")
def test_workers_exit_when_the_build_is_killed(tmp_path):
    plans = {f"p{i:02d}.yaml": GOOD for i in range(48)}
    root = workspace(tmp_path / "ws", plans)
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    build = subprocess.Popen([sys.executable, "-m", "kehoach.cli", "xay-dung", str(root), "-j", "2"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        deadline = time.monotonic() + 60
        workers: set[int] = set()
        while time.monotonic() < deadline and len(workers) < 2 and build.poll() is None:
            workers = _children(build.pid)
            time.sleep(0.05)
        assert len(workers) >= 2, "the build never started its pool"
        os.kill(build.pid, signal.SIGKILL)  # as the OOM killer does: no cleanup runs in the main process
        build.wait()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_alive(w) for w in workers):
            time.sleep(0.1)
        assert not any(_alive(w) for w in workers), "workers outlived their build"
    finally:
        if build.poll() is None:
            build.kill()
    # Whatever was written is whole: each draft old (absent) or new with its record (a temporary may remain; the
    # next build removes it, and then builds the rest).
    again = subprocess.run([sys.executable, "-m", "kehoach.cli", "xay-dung", str(root)], capture_output=True,
                           text=True, env=env)
    assert again.returncode == 0, again.stderr
    whole_outputs(root / "ban-thao")
    assert len(list((root / "ban-thao").glob("*.docx"))) == 48
