"""DB-3: the live store must sit on a local disk.

SQLite's locking and WAL do not work over network file systems, so a live store
on a UNC path, a mapped network drive or an NFS/SMB mount is refused with the
reason. Backups and exports may go to such places; only the live store may not.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath
from typing import Callable

NETWORK_FS_TYPES = frozenset({
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "ncpfs", "afs", "9p", "coda",
    "fuse.sshfs", "sshfs", "davfs", "fuse.davfs2", "glusterfs", "fuse.glusterfs", "ceph",
    "fuse.rclone", "lustre", "gpfs", "fuse.s3fs", "fuse.gcsfuse",
})
SYNC_FOLDER_MARKERS = ("onedrive", "dropbox", "google drive", "googledrive", "icloud drive", "box sync")
DRIVE_REMOTE = 4  # GetDriveTypeW


@dataclass(frozen=True)
class PathVerdict:
    allowed: bool
    reason: str = ""  # why it is refused
    warning: str = ""  # allowed, but the user should know


class NetworkPathRefused(Exception):
    pass


def _windows_drive_type(root: str) -> int:  # pragma: no cover - Windows only
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)))


def _posix_mounts() -> str:
    try:
        return Path("/proc/self/mounts").read_text()
    except OSError:
        return ""


def _mount_fs_type(path: str, mounts_text: str) -> str | None:
    """File-system type of the longest mount point containing ``path``."""
    best, best_type = "", None
    for line in mounts_text.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        if path == mount_point or path.startswith(mount_point.rstrip("/") + "/") or mount_point == "/":
            if len(mount_point) >= len(best):
                best, best_type = mount_point, parts[2]
    return best_type


def classify(
    path: str | os.PathLike,
    *,
    platform: str | None = None,
    drive_type: Callable[[str], int] | None = None,
    mounts_text: str | None = None,
) -> PathVerdict:
    """Decide whether a live store may be opened at ``path``.

    ``platform``, ``drive_type`` and ``mounts_text`` are injectable for tests.
    """
    platform = platform or sys.platform
    raw = os.fspath(path)
    if raw.startswith("\\\\") or raw.startswith("//"):
        return PathVerdict(False, f"{raw} is a network (UNC) path. SQLite stores must be on this "
                                  "computer's own disk; a team sharing data should use a PostgreSQL server.")
    warning = ""
    lowered = raw.lower()
    if any(marker in lowered for marker in SYNC_FOLDER_MARKERS):
        warning = (f"{raw} looks like a cloud-synchronised folder. Syncing a live store can "
                   "corrupt it; keep it in the local data folder and sync backups instead.")
    if platform.startswith("win"):
        # PureWindowsPath, not PurePath: "Z:\\x" must parse as a drive whatever the host OS.
        drive = PureWindowsPath(raw).drive
        if not drive and os.name == "nt":  # a relative path lives on the current drive
            drive = PureWindowsPath(os.path.abspath(raw)).drive
        if drive and len(drive) == 2 and drive[1] == ":":
            kind = (drive_type or _windows_drive_type)(drive + "\\")
            if kind == DRIVE_REMOTE:
                return PathVerdict(False, f"Drive {drive} is a mapped network drive. SQLite stores must "
                                          "be on this computer's own disk; a team sharing data should use "
                                          "a PostgreSQL server.")
        return PathVerdict(True, warning=warning)
    absolute = os.path.realpath(raw)  # a symlink into a network mount is on that mount
    fs_type = _mount_fs_type(absolute, _posix_mounts() if mounts_text is None else mounts_text)
    if fs_type and fs_type.lower() in NETWORK_FS_TYPES:
        return PathVerdict(False, f"{raw} is on a network file system ({fs_type}). SQLite stores must be "
                                  "on this computer's own disk; a team sharing data should use a "
                                  "PostgreSQL server.")
    return PathVerdict(True, warning=warning)


def require_local(path: str | os.PathLike, **inject) -> PathVerdict:
    verdict = classify(path, **inject)
    if not verdict.allowed:
        raise NetworkPathRefused(verdict.reason)
    return verdict
