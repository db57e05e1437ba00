"""Store errors, in a module light enough to import before the engine is needed.

Also the words for a full disk, whichever layer noticed it: SQLite reports
``SQLITE_FULL`` ("database or disk is full"), file writes ``ENOSPC`` (or ``EDQUOT``
when a quota is reached). Either way nothing was written, and the user must be told
that plainly rather than shown an engine message or told a store is damaged.
"""
from __future__ import annotations

import errno

_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_SQLITE_FULL = "database or disk is full"


class StoreError(Exception):
    """Base for problems opening a store; the message is fit for the user."""


def is_disk_full(exc: BaseException | None) -> bool:
    """True when ``exc``, or any exception it was raised from, says the disk is full."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, OSError) and exc.errno in _FULL_ERRNOS:
            return True
        if _SQLITE_FULL in str(exc).lower():
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def disk_full_message(what: str) -> str:
    """The message for a save refused because the disk holding ``what`` is full."""
    return (f"The disk holding the {what} is full, so this change was not saved. Nothing "
            "saved before has been lost. Free some space on that disk (or ask IT to), "
            "then save again.")


def file_write_message(exc: OSError, path: object) -> str:
    """Why a file the app writes (return, backup, settings) was not written, for the user.
    The file was written whole or not at all (KP-1), so any earlier copy is unchanged."""
    if is_disk_full(exc):
        return (f"{path} was not written: the disk is full. Any earlier file of that name is "
                "unchanged. Free some space or choose another place, then try again.")
    if isinstance(exc, PermissionError):
        return (f"{path} could not be written: permission denied (another program, such as "
                "Excel, may have it open, or the folder is read-only). Any earlier file of that "
                "name is unchanged.")
    return (f"{path} could not be written: {exc.strerror or exc}. Any earlier file of that "
            "name is unchanged.")
