"""KP-1: every file the app produces is written whole or not at all.

Data goes to a temporary file beside the target, is flushed and fsynced, then
``os.replace`` swaps it in, so a crash, a full disk or a power cut leaves
either the old file byte-for-byte or the complete new one, never a mix. The
temporary file lives in the same directory because a rename is only atomic
within one filesystem.

Errors keep their own type (``OSError`` with ENOSPC, ``PermissionError`` when
Excel holds the file open on Windows, ...) so callers can tell them apart, but
their message is made to name the file the user asked for rather than the
hidden temporary file.
"""
from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path
from typing import IO, Any, Iterator

NEW_FILE_MODE = 0o600  # owner read/write only, as KeePassXC does for new files
_MODES = {"wb": "wb", "w": "w", "wt": "w"}


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    with atomic_writer(path, "wb") as handle:
        handle.write(data)


def atomic_write_text(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    with atomic_writer(path, "w", encoding=encoding) as handle:
        handle.write(text)


@contextlib.contextmanager
def atomic_writer(
    path: str | os.PathLike[str], mode: str = "wb", *, encoding: str | None = None
) -> Iterator[IO[Any]]:
    """Yield a file to write the whole content to; it replaces ``path`` only if
    the ``with`` block and the flush to disk both succeed."""
    if mode not in _MODES:
        raise ValueError(f"atomic_writer mode must be 'wb' or 'w', not {mode!r}")
    target = Path(path)
    if target.is_symlink():  # replace the file the link points at, not the link
        target = Path(os.path.realpath(target))
    folder = target.parent
    prefix = f".{target.name}."
    text_mode = _MODES[mode] == "w"
    try:
        existing_mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        existing_mode = NEW_FILE_MODE
    except OSError as exc:
        _naming(exc, target, folder, prefix)
        raise

    tmp_name: str | None = None
    try:
        handle = tempfile.NamedTemporaryFile(
            mode=_MODES[mode],
            encoding=(encoding or "utf-8") if text_mode else None,
            newline="" if text_mode else None,  # write exactly what the caller wrote
            delete=False,
            dir=folder,
            prefix=prefix,
            suffix=".tmp",
        )
        tmp_name = handle.name
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, existing_mode)
        os.replace(tmp_name, target)
        tmp_name = None
    except BaseException as exc:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
        if isinstance(exc, OSError):
            _naming(exc, target, folder, prefix)
        elif isinstance(exc, Exception):
            exc.add_note(f"while writing {target}")
        raise
    _fsync_dir(folder)


def _naming(exc: OSError, target: Path, folder: Path, prefix: str) -> OSError:
    """Make ``exc`` name ``target`` when it names nothing or only our temp file;
    an error about some other file (raised inside the caller's block) is left as is."""
    if str(target) in str(exc):
        return exc
    named = exc.filename
    if isinstance(named, (str, bytes, os.PathLike)):
        named_path = Path(os.fsdecode(named))
        ours = named_path.name.startswith(prefix) or named_path == folder
    else:
        ours = named is None
    if not ours:
        exc.add_note(f"while writing {target}")
    elif exc.errno is not None and exc.strerror:
        exc.filename, exc.filename2 = str(target), None
    else:
        exc.args = (f"{exc}: {target}" if str(exc) else f"could not write {target}",)
    return exc


def fsync_file(path: str | os.PathLike[str]) -> None:
    """Flush a file another writer produced (SQLite's ``VACUUM INTO`` does not sync its
    output) to disk before it is renamed into place."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder: str | os.PathLike[str]) -> None:
    """Persist a rename into ``folder`` (best effort: see ``_fsync_dir``)."""
    _fsync_dir(Path(folder))


def _fsync_dir(folder: Path) -> None:
    """Persist the rename itself; Windows cannot open a directory, and some
    filesystems refuse fsync on one, in which case the rename is still atomic."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
