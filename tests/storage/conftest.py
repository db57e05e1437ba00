"""Forensic helpers for the storage tests: look at what is really on disk.

``decrypted_pages`` reads a SQLCipher 4 file (or its WAL) page by page and decrypts
each page with the store's raw key (AES-256-CBC, the IV kept in the page's reserved
bytes), so a test can search *every* byte of the database, including free pages and
the unused space of live pages, which an export through SQL would never show.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE_SIZE = 4096  # SQLCipher 4 default
RESERVE = 80  # 16-byte IV + 64-byte HMAC-SHA512
SALT = 16
WAL_HEADER = 32
WAL_FRAME_HEADER = 24


def _decrypt_page(page: bytes, key: bytes, first: bool) -> bytes:
    iv = page[PAGE_SIZE - RESERVE:PAGE_SIZE - RESERVE + 16]
    body = page[SALT if first else 0:PAGE_SIZE - RESERVE]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(body) + decryptor.finalize()


def decrypt_db_file(path: Path, key: bytes) -> bytes:
    data = path.read_bytes()
    return b"".join(_decrypt_page(data[i:i + PAGE_SIZE], key, i == 0)
                    for i in range(0, len(data) - PAGE_SIZE + 1, PAGE_SIZE))


def decrypt_wal_file(path: Path, key: bytes) -> bytes:
    if not path.exists():
        return b""
    data = path.read_bytes()
    out, pos = [], WAL_HEADER
    while pos + WAL_FRAME_HEADER + PAGE_SIZE <= len(data):
        page_no = int.from_bytes(data[pos:pos + 4], "big")
        page = data[pos + WAL_FRAME_HEADER:pos + WAL_FRAME_HEADER + PAGE_SIZE]
        out.append(_decrypt_page(page, key, page_no == 1))
        pos += WAL_FRAME_HEADER + PAGE_SIZE
    return b"".join(out)


def encodings(text: str) -> list[bytes]:
    """The ways a string may land in a file: UTF-8 (SQLite, JSON) and UTF-16 (Windows APIs)."""
    return [text.encode("utf-8"), text.encode("utf-16-le")]


def files_containing(root: Path, needles: list[bytes]) -> list[str]:
    hits = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        data = path.read_bytes()
        hits += [f"{path}: {needle!r}" for needle in needles if needle in data]
    return hits


class Forensics:
    decrypt_db_file = staticmethod(decrypt_db_file)
    decrypt_wal_file = staticmethod(decrypt_wal_file)
    encodings = staticmethod(encodings)
    files_containing = staticmethod(files_containing)


@pytest.fixture
def forensics() -> Forensics:
    return Forensics()
