"""Progress and cancellation for long work, without Qt.

A service doing long work (an import, a large export) takes a ``Progress`` and
calls ``report()`` and ``check_cancelled()`` as it goes. The GUI's worker helper
turns reports into a progress dialog; the CLI and tests pass a plain
``Progress()`` or one that records reports.
"""
from __future__ import annotations

import threading
from collections.abc import Callable

ReportFn = Callable[[int, "int | None", str], None]


class Cancelled(Exception):
    """The user asked for the work to stop; raised by ``Progress.check_cancelled``."""

    def __init__(self) -> None:
        super().__init__("Cancelled")


class Progress:
    """Shared between the thread doing the work and the one watching it.

    ``report`` may be called from any thread; ``on_report`` runs on the caller's
    thread, so a GUI listener must hop threads itself (``gui.workers`` does).
    """

    def __init__(self, on_report: ReportFn | None = None) -> None:
        self._on_report = on_report
        self._cancel = threading.Event()  # an Event, not a bool, so workers can wait on it
        self.done = 0
        self.total: int | None = None
        self.text = ""

    def report(self, done: int, total: int | None = None, text: str = "") -> None:
        self.done, self.total, self.text = done, total, text
        if self._on_report is not None:
            self._on_report(done, total, text)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check_cancelled(self) -> None:
        """Call between steps: stops the work at a safe point once cancel was asked."""
        if self._cancel.is_set():
            raise Cancelled()

    def wait_cancelled(self, timeout: float | None = None) -> bool:
        """Block up to ``timeout`` seconds for a cancel; True if cancelled.

        For work that waits on something external and should still react to Cancel.
        """
        return self._cancel.wait(timeout)
