"""DB-5: one app instance per data folder.

An OS-level lock (flock / LockFileEx through ``filelock``) is released by the OS
if the process dies, so a crash never leaves a stale lock behind.
"""
from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout


class StoreInUse(Exception):
    pass


class InstanceLock:
    def __init__(self, lock_path: Path):
        self._lock = FileLock(str(lock_path), timeout=0)
        self.path = lock_path

    def acquire(self) -> "InstanceLock":
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            raise StoreInUse(
                f"The store in {self.path.parent} is already open in another HSCB Desktop window "
                "or command. Close that one first; nothing has been opened here."
            ) from None
        return self

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release(force=True)

    @property
    def held(self) -> bool:
        return self._lock.is_locked
