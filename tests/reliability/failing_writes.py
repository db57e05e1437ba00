"""KeePassXC's FailDevice for every file the app writes through ``core.atomic`` (KP-1).

``fail_after(monkeypatch, limit, name=...)`` makes the next temporary file whose final
name is ``name`` accept ``limit`` bytes and then fail with ``ENOSPC`` (the bytes before
the failure really reach the temporary file). A writer that produces fewer bytes than
``limit`` + 1 fails when it finishes instead, after all but its last byte, so "all but
one" holds whatever the exact size of this run's file.
"""
from __future__ import annotations

import errno
import os
import tempfile

from hscb_desktop.core import atomic

LIMITS = ("0", "1", "512", "half", "all_but_one")


def limit_for(label: str, size: int) -> int:
    return {"0": 0, "1": 1, "512": 512, "half": size // 2, "all_but_one": size - 1}[label]


def disk_full() -> OSError:
    return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


class FailAfter:
    def __init__(self, limit: int, name: str | None):
        self.limit, self.name = limit, name
        self.failed_at: int | None = None  # bytes in the temp file when the failure struck
        self.temp_names: list[str] = []


def fail_after(monkeypatch, limit: int, name: str | None = None) -> FailAfter:
    state = FailAfter(limit, name)
    real = tempfile.NamedTemporaryFile

    def factory(*args, **kwargs):
        handle = real(*args, **kwargs)
        if name is not None and kwargs.get("prefix") != f".{name}.":
            return handle
        state.temp_names.append(handle.name)
        raw = handle.file
        written = [0]

        def write(data):
            room = state.limit - written[0]
            if len(data) <= room:
                written[0] += len(data)
                return raw.write(data)
            raw.write(data[:room])
            written[0] = state.limit
            raw.flush()
            state.failed_at = state.limit
            raise disk_full()

        def flush():
            raw.flush()
            if state.failed_at is None:  # shorter than the limit: fail on its last byte
                end = raw.seek(0, os.SEEK_END)
                raw.truncate(max(0, min(state.limit, end - 1)))
                raw.flush()
                state.failed_at = max(0, min(state.limit, end - 1))
                raise disk_full()

        handle.write, handle.flush = write, flush
        return handle

    monkeypatch.setattr(atomic.tempfile, "NamedTemporaryFile", factory)
    return state


def leftovers(folder) -> list[str]:
    """Temporary files left in ``folder`` (core.atomic's ``.<name>.*.tmp``)."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") and p.name.endswith(".tmp"))
