"""Builders of hostile session archives: bombs, damaged deflate data, foreign compression methods.

Each starts from a real export, so everything but the one hostile property is valid (the manifest is
honest: sizes and sha256 describe what the member really unpacks to).
"""

from __future__ import annotations

import hashlib
import json
import struct
import zipfile
from pathlib import Path

_CHUNK = bytes(1 << 20)
_CENTRAL = b"PK\x01\x02"
_LOCAL = b"PK\x03\x04"


def members_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def first_wav(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return next(n for n in archive.namelist() if n.endswith(".wav"))


def with_zero_member(source: Path, target: Path, member: str, size: int) -> Path:
    """`member` replaced by `size` zero bytes, deflated (a bomb), the manifest updated honestly."""
    members = members_of(source)
    digest = hashlib.sha256()
    left = size
    while left:
        digest.update(_CHUNK[: min(left, len(_CHUNK))])
        left -= min(left, len(_CHUNK))
    manifest = json.loads(members["manifest.json"])
    for entry in manifest["files"]:
        if entry["name"] == member:
            entry.update(size=size, sha256=digest.hexdigest())
    members["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in members.items():
            if name != member:
                archive.writestr(name, data)
                continue
            with archive.open(name, "w", force_zip64=True) as handle:
                left = size
                while left:
                    handle.write(_CHUNK[: min(left, len(_CHUNK))])
                    left -= min(left, len(_CHUNK))
    return target


def with_method(source: Path, target: Path, member: str, method: int) -> Path:
    """The same bytes, but `member`'s headers name another compression method (93 zstd, 98 PPMd...)."""
    raw = bytearray(source.read_bytes())
    name = member.encode()
    for signature, method_at, name_len_at, name_at in ((_LOCAL, 8, 26, 30), (_CENTRAL, 10, 28, 46)):
        start = raw.find(signature)
        while start >= 0:
            (name_len,) = struct.unpack_from("<H", raw, start + name_len_at)
            if bytes(raw[start + name_at : start + name_at + name_len]) == name:
                struct.pack_into("<H", raw, start + method_at, method)
            start = raw.find(signature, start + 4)
    target.write_bytes(bytes(raw))
    return target


def with_damaged_deflate(source: Path, target: Path, member: str) -> Path:
    """`member`'s deflate stream overwritten in the middle with bytes that are not valid deflate data."""
    raw = bytearray(source.read_bytes())
    with zipfile.ZipFile(source) as archive:
        info = archive.getinfo(member)
    (name_len, extra_len) = struct.unpack_from("<HH", raw, info.header_offset + 26)
    data_at = info.header_offset + 30 + name_len + extra_len
    # 0xff bytes as a block header: BTYPE=11 is reserved, which zlib reports as an invalid block type.
    raw[data_at : data_at + 64] = b"\xff" * 64
    target.write_bytes(bytes(raw))
    return target


def with_claimed_sizes(source: Path, target: Path, claimed: int) -> Path:
    """Every file member's directory entry claims `claimed` bytes, packed and unpacked (a lying zip)."""
    raw = bytearray(source.read_bytes())
    start = raw.find(_CENTRAL)
    while start >= 0:
        (name_len,) = struct.unpack_from("<H", raw, start + 28)
        if raw[start + 46 : start + 46 + name_len].startswith(b"files/"):
            struct.pack_into("<II", raw, start + 20, claimed, claimed)
        start = raw.find(_CENTRAL, start + 4)
    target.write_bytes(bytes(raw))
    return target
