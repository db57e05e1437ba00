"""DB-3: the live stores are refused on network locations, with the reason."""
from __future__ import annotations

import pytest

from hscb_desktop.core.clock import FakeClock
from hscb_desktop.paths import data_paths
from hscb_desktop.storage import netpath, stores
from hscb_desktop.storage.netpath import NetworkPathRefused, classify
from hscb_desktop.storage.workspace import Workspace

pytestmark = pytest.mark.sqlcipher_only  # the embedded store's own files, keys and pragmas

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
proc /proc proc rw 0 0
/dev/sdb1 /home ext4 rw,relatime 0 0
server:/export /mnt/nfs nfs4 rw,relatime 0 0
//server/share /mnt/smb cifs rw,relatime 0 0
user@host:/data /home/me/remote fuse.sshfs rw 0 0
//server/team\\040share /mnt/team\\040drive cifs rw 0 0
"""


@pytest.mark.parametrize("path", [
    "\\\\server\\share\\hscb",
    "\\\\server\\share",
    "//server/share",
    "//server/share/hscb/data",
])
@pytest.mark.parametrize("platform", ["win32", "linux"])
def test_db3_unc_paths_are_refused_with_the_reason(path, platform):
    """DB-3: a UNC path (two backslashes or //) is refused on every platform."""
    verdict = classify(path, platform=platform, drive_type=lambda root: 3, mounts_text=MOUNTS)
    assert not verdict.allowed
    assert "network (UNC) path" in verdict.reason and path in verdict.reason


@pytest.mark.parametrize("path", ["Z:\\HSCB\\data", "z:/HSCB/data", "Z:\\"])
def test_db3_mapped_network_drive_is_refused(path):
    """DB-3: GetDriveTypeW == DRIVE_REMOTE (4) for the path's drive means a network drive."""
    asked = []

    def drive_type(root: str) -> int:
        asked.append(root)
        return netpath.DRIVE_REMOTE

    verdict = classify(path, platform="win32", drive_type=drive_type)
    assert not verdict.allowed
    assert "mapped network drive" in verdict.reason
    assert asked and asked[0].upper() == "Z:\\"


def test_db3_local_windows_drive_is_allowed():
    """DB-3: DRIVE_FIXED (3) is a local disk."""
    verdict = classify("C:\\Users\\me\\AppData\\Local\\HSCB", platform="win32", drive_type=lambda r: 3)
    assert verdict.allowed and not verdict.reason and not verdict.warning


@pytest.mark.parametrize("path, fs_type", [
    ("/mnt/nfs/hscb", "nfs4"),
    ("/mnt/nfs", "nfs4"),
    ("/mnt/smb/hscb/data", "cifs"),
    ("/home/me/remote/hscb", "fuse.sshfs"),
    ("/mnt/team drive/hscb", "cifs"),
])
def test_db3_posix_network_mounts_are_refused(path, fs_type):
    """DB-3: on Linux/macOS the mount table decides; the longest containing mount wins."""
    verdict = classify(path, platform="linux", mounts_text=MOUNTS)
    assert not verdict.allowed
    assert f"network file system ({fs_type})" in verdict.reason


@pytest.mark.parametrize("path", ["/home/me/.local/share/hscb", "/var/lib/hscb", "/mnt/nfsish/x"])
def test_db3_local_ext4_paths_are_allowed(path):
    """DB-3: a local disk passes without a warning (and /mnt/nfsish is not under /mnt/nfs)."""
    verdict = classify(path, platform="linux", mounts_text=MOUNTS)
    assert verdict.allowed and verdict.reason == "" and verdict.warning == ""


@pytest.mark.parametrize("path, platform", [
    ("C:\\Users\\me\\OneDrive - Herts CC\\HSCB", "win32"),
    ("/home/me/OneDrive/hscb", "linux"),
    ("/home/me/Dropbox/hscb", "linux"),
])
def test_db3_sync_folders_are_allowed_with_a_warning(path, platform):
    """DB-3: a cloud-synchronised folder is local, but the user is warned."""
    verdict = classify(path, platform=platform, drive_type=lambda r: 3, mounts_text=MOUNTS)
    assert verdict.allowed
    assert "cloud-synchronised" in verdict.warning


def test_db3_a_symlink_into_a_network_mount_is_refused(tmp_path):
    """DB-3: a local-looking folder that is a symbolic link to a network mount is refused
    (the mount table is matched against the real path)."""
    share = tmp_path / "share"
    share.mkdir()
    link = tmp_path / "Documents"
    link.symlink_to(share, target_is_directory=True)
    mounts = f"/dev/sda1 / ext4 rw 0 0\n//srv/share {share} cifs rw 0 0\n"
    assert classify(link / "hscb", platform="linux", mounts_text=mounts).allowed is False


def test_db3_workspace_on_a_network_mount_is_refused_before_anything_opens(tmp_path, monkeypatch):
    """DB-3: Workspace.acquire() on a folder the mount table says is SMB raises
    NetworkPathRefused naming the reason, takes no lock and creates no store."""
    root = tmp_path / "data"
    monkeypatch.setattr(netpath, "_posix_mounts",
                        lambda: f"/dev/sda1 / ext4 rw 0 0\n//srv/share {tmp_path} cifs rw 0 0\n")
    paths = data_paths(root)
    ws = Workspace(paths, FakeClock())
    with pytest.raises(NetworkPathRefused) as caught:
        ws.acquire()
    assert "network file system (cifs)" in str(caught.value)
    assert str(root) in str(caught.value)
    assert not paths.lock_file.exists() and not paths.stores.exists()
    with pytest.raises(NetworkPathRefused):
        stores.open_store("core", paths.store_file("core"), b"k" * 32, create=True)
    assert not paths.store_file("core").exists()


def test_db3_backups_may_be_checked_on_a_network_share(admin_session, workspace, tmp_path, monkeypatch):
    """DB-3: only the live store is refused; a backup on a share can still be opened read-only."""
    folder = workspace.backup_all(tmp_path / "share" / "backups")
    monkeypatch.setattr(netpath, "_posix_mounts",
                        lambda: f"/dev/sda1 / ext4 rw 0 0\n//srv/share {tmp_path / 'share'} cifs rw 0 0\n")
    copy = stores.open_store("core", folder / "core.db", workspace.keys["core"], read_only=True)
    try:
        assert stores.integrity_problems(copy) == []
    finally:
        copy.close()
