"""DB-5: a damaged store is reported as damaged (a StoreError with a message fit for the user),
never as a raw driver error, and is not written to. Also the owner-only file modes."""
from __future__ import annotations

import os
import stat
import sys

import pytest

from hscb_desktop.security import auth, maintenance
from hscb_desktop.storage import stores

pytestmark = pytest.mark.sqlcipher_only  # the embedded store's own files, keys and pragmas

PAGE = 4096


def _flip(path, offset: int) -> bytes:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))
    return bytes(data)


@pytest.mark.parametrize("where", ["first page", "middle page", "last page"])
def test_db5_one_flipped_byte_is_reported_as_damage(admin_session, workspace, tmp_path, where):
    """DB-5 (SQLite's malformed-file tests): one byte changed in a copy of the core store
    makes opening it raise a StoreError that says the file is damaged; the file is untouched."""
    key = workspace.keys["core"]
    auth.sign_out(admin_session)  # closed: the file is whole, in WAL mode, with no -wal beside it
    copy = tmp_path / "copy.db"
    copy.write_bytes(workspace.paths.store_file("core").read_bytes())  # a test fixture, not a backup
    pages = copy.stat().st_size // PAGE
    assert pages >= 3
    offset = {"first page": 100, "middle page": (pages // 2) * PAGE + 100,
              "last page": pages * PAGE - 200}[where]
    damaged = _flip(copy, offset)
    with pytest.raises(stores.StoreError) as caught:
        stores.open_store("core", copy, key)
    assert isinstance(caught.value, (stores.StoreDamaged, stores.WrongStoreKey))
    assert "damaged" in str(caught.value)
    assert copy.read_bytes() == damaged


def test_db5_a_damaged_live_store_refuses_sign_in_cleanly(workspace, admin_password):
    """DB-5: a damaged domain store stops the sign-in with its name in the message and leaves
    nothing open (the GUI then offers the restore)."""
    path = workspace.paths.store_file("board")
    pages = path.stat().st_size // PAGE
    damaged = _flip(path, (pages - 1) * PAGE + 50)
    with pytest.raises(stores.StoreError, match="board and training"):
        auth.sign_in(workspace, "admin", admin_password)
    assert workspace.keys == {} and not any(stores.is_open(n) for n in stores.STORE_NAMES)
    assert path.read_bytes() == damaged


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_files_are_owner_only(admin_session, workspace):
    """ENC-1 hardening (as KeePassXC): stores, keyring and backups are 0600, folders 0700."""
    folder = maintenance.backup_now(admin_session)
    paths = workspace.paths
    for directory in (paths.root, paths.stores, paths.backups):
        assert stat.S_IMODE(os.stat(directory).st_mode) == 0o700, directory
    files = [paths.keyring, *(paths.store_file(n) for n in stores.STORE_NAMES), *folder.iterdir()]
    for file in files:
        assert stat.S_IMODE(os.stat(file).st_mode) == 0o600, file
