"""DB-5: one app instance per data folder.

An OS-level lock (``flock`` on POSIX, ``LockFileEx`` through ``msvcrt.locking`` on
Windows) is released by the OS if the process dies, so a crash never leaves a stale
lock behind. Written against the OS directly rather than with ``filelock``: that
library's import alone cost ~20 ms of the start-up budget (bench/startup.py).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path


class StoreInUse(Exception):
    pass


def _try_lock(fd: int) -> bool:
    if sys.platform.startswith("win"):  # pragma: no cover - Windows only
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def _unlock(fd: int) -> None:
    if sys.platform.startswith("win"):  # pragma: no cover - Windows only
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


class InstanceLock:
    def __init__(self, lock_path: Path):
        self.path = lock_path
        self._fd: int | None = None

    def acquire(self) -> "InstanceLock":
        if self._fd is not None:
            return self
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        if not _try_lock(fd):
            os.close(fd)
            raise StoreInUse(
                f"The store in {self.path.parent} is already open in another HSCB Desktop window "
                "or command. Close that one first; nothing has been opened here."
            )
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            _unlock(self._fd)
        finally:
            os.close(self._fd)
            self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None
