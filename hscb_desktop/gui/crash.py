"""The global crash path (STYLE practice 13, PKG-4): log, write a crash file, tell the user.

Exception *messages* are never written anywhere: they may quote record contents
(a child's name in a KeyError). A report holds the exception types and, for each
frame, file, line and function only - enough to find the bug, nothing about a case.
"""
from __future__ import annotations

import logging
import os
import platform
import sys
import tempfile
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

import PySide6
from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    QtMsgType,
    Signal,
    Slot,
    qInstallMessageHandler,
    qVersion,
)

from hscb_desktop import APP_NAME, __version__
from hscb_desktop.core.clock import SYSTEM_CLOCK, Clock
from hscb_desktop.gui.dialogs import Dialogs

log = logging.getLogger(__name__)
qt_log = logging.getLogger("qt")

ExcInfo = tuple[type[BaseException], BaseException | None, TracebackType | None]


_CAUSE = "The above exception was the direct cause of the following exception:"
_CONTEXT = "During handling of the above exception, another exception occurred:"


def describe(
    exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None
) -> str:
    """The traceback, causes included, as Python prints it but with no messages."""
    chain: list[tuple[type[BaseException], TracebackType | None]] = []  # newest first
    links: list[str] = []  # links[i]: how chain[i + 1] led to chain[i]
    seen: set[int] = set()
    current = exc
    chain.append((exc_type, tb))
    while current is not None:
        seen.add(id(current))
        if current.__cause__ is not None:
            nxt, link = current.__cause__, _CAUSE
        elif current.__context__ is not None and not current.__suppress_context__:
            nxt, link = current.__context__, _CONTEXT
        else:
            break
        if id(nxt) in seen:
            break
        links.append(link)
        chain.append((type(nxt), nxt.__traceback__))
        current = nxt
    lines: list[str] = []
    for i in reversed(range(len(chain))):
        kind, frames = chain[i]
        lines.append("Traceback (most recent call last; messages removed):")
        for frame in traceback.extract_tb(frames):
            lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
        lines.append(f"{kind.__module__}.{kind.__qualname__}")
        if i > 0:
            lines += ["", links[i - 1], ""]
    return "\n".join(lines)


def crash_report(exc_info: ExcInfo, *, thread: str, when: str) -> str:
    header = [
        f"{APP_NAME} crash report",
        f"Time: {when}",
        f"App version: {__version__}",
        f"Python: {platform.python_version()} ({sys.platform})",
        f"Qt: {qVersion()} (PySide6 {PySide6.__version__})",
        f"Thread: {thread}",
        "",
    ]
    return "\n".join(header) + describe(*exc_info) + "\n"


def write_crash_file(crash_dir: Path, text: str, stamp: str) -> Path:
    """crash-YYYYmmdd-HHMMSS-<pid>.txt, written to a temp file and renamed into place."""
    crash_dir.mkdir(parents=True, exist_ok=True)
    base = f"crash-{stamp}-{os.getpid()}"
    path = crash_dir / f"{base}.txt"
    n = 1
    while path.exists():  # two crashes in one second: keep both
        n += 1
        path = crash_dir / f"{base}-{n}.txt"
    fd, tmp = tempfile.mkstemp(dir=crash_dir, prefix=".crash-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


class _Notifier(QObject):
    """Shows the crash dialog on the GUI thread, whichever thread crashed."""

    crashed = Signal(str, str)  # short text, details
    unavailable = Signal(str)  # the store did not answer (issue 11): not a crash

    def __init__(self) -> None:
        super().__init__()
        self.crashed.connect(self._show)
        self.unavailable.connect(self._show_unavailable)

    @Slot(str)
    def _show_unavailable(self, text: str) -> None:
        Dialogs.warn(None, "The database did not answer", text)

    @Slot(str, str)
    def _show(self, text: str, details: str) -> None:
        Dialogs.error(None, f"{APP_NAME} has hit a problem", text, details=details)


class _Installed:
    def __init__(self, crash_dir: Path, show_dialog: bool, clock: Clock) -> None:
        self.crash_dir = crash_dir
        self.show_dialog = show_dialog
        self.clock = clock
        self.previous_excepthook = sys.excepthook
        self.previous_threading_hook = threading.excepthook
        self.previous_qt_handler: Any = None
        self.notifier = _Notifier()
        self.busy = threading.Lock()  # a crash while reporting a crash must not loop


_installed: _Installed | None = None


def install_crash_hook(crash_dir: Path, *, show_dialog: bool, clock: Clock = SYSTEM_CLOCK) -> None:
    """Route every unhandled exception (any thread) and Qt warning through here.

    Call early, on the GUI thread, after the QApplication exists.
    """
    global _installed
    if _installed is not None:
        uninstall_crash_hook()
    _installed = _Installed(Path(crash_dir), show_dialog, clock)
    sys.excepthook = _excepthook
    threading.excepthook = _threading_excepthook
    _installed.previous_qt_handler = qInstallMessageHandler(qt_message_handler)


def uninstall_crash_hook() -> None:
    """Put back the hooks that were there before ``install_crash_hook``."""
    global _installed
    if _installed is None:
        return
    sys.excepthook = _installed.previous_excepthook
    threading.excepthook = _installed.previous_threading_hook
    qInstallMessageHandler(_installed.previous_qt_handler)
    _installed = None


def _excepthook(exc_type: type[BaseException], exc: BaseException | None,
                tb: TracebackType | None) -> None:
    handle_crash((exc_type, exc, tb), threading.current_thread().name)


def _threading_excepthook(args: threading.ExceptHookArgs) -> None:
    name = args.thread.name if args.thread is not None else "unknown thread"
    handle_crash((args.exc_type, args.exc_value, args.exc_traceback), name)


def handle_crash(exc_info: ExcInfo, thread: str) -> Path | None:
    installed = _installed
    if installed is None:
        return None
    if issubclass(exc_info[0], (KeyboardInterrupt, SystemExit)):
        installed.previous_excepthook(*exc_info)  # Ctrl+C in a terminal is not a crash
        return None
    if not installed.busy.acquire(blocking=False):
        return None
    try:
        from hscb_desktop.gui import save_guard

        if exc_info[1] is not None and save_guard.is_store_error(exc_info[1]):
            # Connection lost, locked, disk error outside a form's save (forms keep their
            # input and retry through save_guard): say so plainly; it is not a bug.
            log.error("The store did not answer: %s", type(exc_info[1]).__name__)
            if installed.show_dialog:
                installed.notifier.unavailable.emit(
                    f"{save_guard.describe(exc_info[1])} Nothing was half-saved: each save is "
                    "written whole or not at all. Try again in a moment."
                )
            return None
        now = installed.clock.now().astimezone()
        text = crash_report(exc_info, thread=thread, when=now.isoformat(timespec="seconds"))
        log.critical("Unhandled exception\n%s", text)
        path: Path | None = None
        try:
            path = write_crash_file(installed.crash_dir, text, now.strftime("%Y%m%d-%H%M%S"))
        except OSError as exc:
            log.error("could not write the crash file: %s", type(exc).__name__)
        if installed.show_dialog:
            where = f"Details were saved to:\n{path}" if path else "The details could not be saved."
            short = (
                f"Something went wrong inside {APP_NAME}. Your saved records are safe; "
                f"anything not yet saved in an open form may need re-entering.\n\n{where}"
            )
            # Emitted, not called: from a worker thread this queues it to the GUI thread.
            installed.notifier.crashed.emit(short, describe(*exc_info))
        return path
    finally:
        installed.busy.release()


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def qt_message_handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's own warnings go to the log file rather than a stderr nobody sees."""
    category = context.category or "default"
    qt_log.log(_QT_LEVELS.get(mode, logging.WARNING), "[%s] %s", category, message)

