"""The zip of a draft: each member compressed once (`_Member`), the archive written from the compressed bytes.

What `normalise_zip` writes with zipfile (fixed time, deflate, 0644), byte for byte; both renderers (compiled.py over
python-docx, replay.py over the shipped data) write through it. No python-docx here: one draft loads this module.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from kehoach.docx.parts import FIXED_TIME


def normalise_zip(data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(_zip_info(info.filename), src.read(info.filename))
    return out.getvalue()


def _zip_info(name: str) -> zipfile.ZipInfo:
    fixed = zipfile.ZipInfo(name, FIXED_TIME)
    fixed.compress_type = zipfile.ZIP_DEFLATED
    fixed.external_attr = 0o644 << 16
    return fixed


_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")  # the zip format's central directory entry and end record
_END = struct.Struct("<4s4H2LH")
_ZIP32_LIMIT = (1 << 31) - 1  # past this zipfile writes zip64 records; the fast writer leaves that to zipfile


class _Member:
    """One zip entry compressed once: the bytes `zipfile.writestr(_zip_info(name), data)` writes for it. `packed`,
    when given, is `data`'s raw deflate as made here before (the shipped data of a built-in template keeps it)."""

    def __init__(self, name: str, data: bytes, packed: bytes | None = None):
        info = _zip_info(name)
        if packed is None:
            packer = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)  # zipfile's deflate settings
            packed = packer.compress(data) + packer.flush()
        info.file_size, info.compress_size, info.CRC = len(data), len(packed), zlib.crc32(data)
        self.name, self.size, self.packed, self.data = name, len(data), packed, data
        self.local = info.FileHeader(False) + packed
        try:
            filename, flags = name.encode("ascii"), info.flag_bits
        except UnicodeEncodeError:
            filename, flags = name.encode("utf-8"), info.flag_bits | 0x800
        year, month, day, hour, minute, second = info.date_time
        entry = _CENTRAL.pack(b"PK\x01\x02", info.create_version, info.create_system, info.extract_version, info.reserved,
                              flags, info.compress_type, hour << 11 | minute << 5 | second // 2,
                              (year - 1980) << 9 | month << 5 | day, info.CRC, info.compress_size, info.file_size,
                              len(filename), len(info.extra), len(info.comment), 0, info.internal_attr, info.external_attr, 0)
        self.central = (entry[:-4], filename + info.extra + info.comment)  # the header offset goes between


def write_zip(members: list[_Member]) -> bytes:
    return _write_zip(members)


def _write_zip(members: list[_Member]) -> bytes:
    """The zip `normalise_zip` writes for these members, from their compressed bytes."""
    if sum(m.size + len(m.local) for m in members) > _ZIP32_LIMIT or len(members) > 0xFFFF:  # never for a .docx
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for m in members:
                dst.writestr(_zip_info(m.name), zlib.decompress(m.packed, -15))
        return out.getvalue()
    chunks, central, offset = [], [], 0
    for m in members:
        head, tail = m.central
        central += [head, struct.pack("<L", offset), tail]
        chunks.append(m.local)
        offset += len(m.local)
    directory = b"".join(central)
    end = _END.pack(b"PK\x05\x06", 0, 0, len(members), len(members), len(directory), offset, 0)
    return b"".join(chunks) + directory + end
