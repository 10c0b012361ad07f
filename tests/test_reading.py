"""Reading an input file (files.read_input_signed, files.read_to_end): the whole file, never more than its limit.

A file is asked for by its size, not by the limit (a read of 4 MB allocates 4 MB before reading a plan of a few hundred
bytes: issue 15), and read on to its end: a file that grew after it was statted, or whose size the system does not
tell (/proc), is still read whole, up to one byte past the limit so that the caller can say it is too big.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from kehoach.errors import InputError
from kehoach.files import read_input_signed, read_to_end


def _read(path: Path, size: int, limit: int) -> bytes:
    fd = os.open(path, os.O_RDONLY)
    try:
        return read_to_end(fd, size, limit)
    finally:
        os.close(fd)


@pytest.mark.parametrize("length", [0, 1, 300, 65_535, 65_536, 200_000])
def test_a_file_is_read_whole(tmp_path, length):
    path = tmp_path / "ke-hoach.yaml"
    data = os.urandom(length)
    path.write_bytes(data)
    assert _read(path, length, 1 << 20) == data
    read, signature = read_input_signed(path, 1 << 20)
    assert read == data and signature[0] == length


@pytest.mark.parametrize("told", [0, 10, 99_999])
def test_a_file_bigger_than_its_stat_said_is_still_read_whole(tmp_path, told):
    path = tmp_path / "ke-hoach.yaml"
    data = os.urandom(100_000)
    path.write_bytes(data)
    assert _read(path, told, 1 << 20) == data


def test_never_more_than_one_byte_past_the_limit(tmp_path):
    path = tmp_path / "lon.yaml"
    path.write_bytes(b"x" * 300_000)
    assert len(_read(path, 10, 100_000)) == 100_001
    assert len(_read(path, 300_000, 100_000)) == 100_001


def test_the_limit_itself_is_read_and_one_byte_more_is_refused(tmp_path):
    path = tmp_path / "ke-hoach.yaml"
    path.write_bytes(b"a" * 1000)
    assert read_input_signed(path, 1000)[0] == b"a" * 1000
    with pytest.raises(InputError) as caught:
        read_input_signed(path, 999, "tệp kế hoạch")
    assert str(caught.value.problems[0]) == f"{path}: tệp kế hoạch quá lớn (0,0 MB; tối đa 0,0 MB)"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc is Linux's")
def test_a_file_whose_size_is_not_told_is_read_whole():
    """/proc files say 0 bytes and have content: read to the end, not to the size stat gave."""
    path = Path("/proc/self/status")
    data, signature = read_input_signed(path, 1 << 20)
    assert signature[0] == 0 and data.startswith(b"Name:") and len(data) > 100
