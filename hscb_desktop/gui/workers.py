"""The one helper for long work off the GUI thread (STYLE practice 10).

    run_task(lambda progress: service.export(session, opts, progress),
             parent=self, on_result=self._exported, on_error=self._export_failed,
             title="Exporting", cancellable=True)

* ``fn`` runs on a pool of ONE thread, so database writes never race (Anki's
  taskman ``max_workers=1``); it gets a Qt-free ``Progress`` and must not touch
  widgets.
* ``on_result(value)`` / ``on_error(exception)`` run on the GUI thread. Cancel
  only asks: ``fn`` stops at its next ``progress.check_cancelled()``, and the
  task ends in ``on_error(Cancelled())``.
* Work still running after ``PROGRESS_DELAY_MS`` gets a window-modal progress
  dialog, with a Cancel button when ``cancellable``.
* ``set_synchronous(True)`` runs tasks inline (Picard's FakeThreadPool) for tests.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from hscb_desktop.core.clock import SYSTEM_CLOCK
from hscb_desktop.core.progress import Progress

log = logging.getLogger(__name__)

PROGRESS_DELAY_MS = 300  # quicker work finishes before a dialog could flash up
_REPORT_INTERVAL_S = 0.05  # a tight loop reporting every row must not flood the event queue

_synchronous = False
_pool: QThreadPool | None = None
_active: set[Task] = set()  # started but not yet delivered


def set_synchronous(on: bool) -> None:
    global _synchronous
    _synchronous = on


def is_synchronous() -> bool:
    return _synchronous


def _thread_pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)  # one writer: serialises database access
    return _pool


def active_count() -> int:
    """Tasks started but not yet delivered to their callbacks."""
    return len(_active)


def wait_all(timeout_ms: int = -1) -> bool:
    """Block until every queued task has run (for shutdown); False on timeout.

    Results are delivered later, by the event loop, if it still runs.
    """
    return _pool is None or _pool.waitForDone(timeout_ms)


class _Dispatcher(QObject):
    """Carries results from the worker to the GUI thread.

    One long-lived object (tasks are plain Python objects), so no QObject is
    ever created or dropped on the worker thread.
    """

    succeeded = Signal(object, object)  # task, value
    failed = Signal(object, object)  # task, exception
    progressed = Signal(object, int, object, str)  # task, done, total (None: unknown), text

    def __init__(self) -> None:
        super().__init__()
        self.succeeded.connect(self._succeeded)
        self.failed.connect(self._failed)
        self.progressed.connect(self._progressed)

    @Slot(object, object)
    def _succeeded(self, task: Task, value: object) -> None:
        task._deliver(task._on_result, value)

    @Slot(object, object)
    def _failed(self, task: Task, exc: BaseException) -> None:
        task._deliver(task._on_error, exc)

    @Slot(object, int, object, str)
    def _progressed(self, task: Task, done: int, total: int | None, text: str) -> None:
        task._show_progress(done, total, text)


_dispatcher: _Dispatcher | None = None


def _get_dispatcher() -> _Dispatcher:
    global _dispatcher
    if _dispatcher is None:
        _dispatcher = _Dispatcher()
    return _dispatcher


class Task:
    """One piece of work; the handle ``run_task`` returns (``cancel()``, ``done``)."""

    def __init__(
        self,
        fn: Callable[[Progress], Any],
        parent: QWidget | None,
        on_result: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        title: str | None,
        cancellable: bool,
    ) -> None:
        self._fn = fn
        self._parent = parent
        self._on_result = on_result
        self._on_error = on_error
        self._title = title or "Working"
        self._cancellable = cancellable
        self._last_report = 0.0
        self.progress = Progress(self._report_from_worker)
        self.progress_dialog: QProgressDialog | None = None
        self.done = False

    def cancel(self) -> None:
        self.progress.cancel()

    # -- worker thread -----------------------------------------------------
    def run(self) -> None:
        try:
            value = self._fn(self.progress)
        except Exception as exc:  # noqa: BLE001 - every failure goes to on_error
            _get_dispatcher().failed.emit(self, exc)
        else:
            _get_dispatcher().succeeded.emit(self, value)

    def _report_from_worker(self, done: int, total: int | None, text: str) -> None:
        now = SYSTEM_CLOCK.monotonic()
        if now - self._last_report >= _REPORT_INTERVAL_S or (total is not None and done >= total):
            self._last_report = now
            _get_dispatcher().progressed.emit(self, done, total, text)

    # -- GUI thread --------------------------------------------------------
    def _show_dialog(self) -> None:
        if self.done or not _alive(self._parent):
            return
        dialog = QProgressDialog(self._parent)
        # Window-modal: no editing the records the work is reading or writing.
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setWindowTitle(self._title)
        dialog.setLabelText(self.progress.text or f"{self._title}…")
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        if self._cancellable:
            dialog.setCancelButtonText("Cancel")
            dialog.canceled.connect(self._cancel_from_dialog)
        else:
            dialog.setCancelButton(None)
        self.progress_dialog = dialog
        self._update_dialog(self.progress.done, self.progress.total, self.progress.text)
        dialog.show()

    def _cancel_from_dialog(self) -> None:
        if not self.done and self.progress_dialog is not None:
            self.progress.cancel()
            self.progress_dialog.setLabelText("Cancelling…")

    def _show_progress(self, done: int, total: int | None, text: str) -> None:
        if self.progress_dialog is not None and not self.done:
            self._update_dialog(done, total, text)

    def _update_dialog(self, done: int, total: int | None, text: str) -> None:
        dialog = self.progress_dialog
        assert dialog is not None
        if total:
            dialog.setRange(0, total)
            dialog.setValue(min(done, total))
        else:
            dialog.setRange(0, 0)  # busy indicator: total unknown
        if text and not self.progress.cancelled:
            dialog.setLabelText(text)

    def _deliver(self, callback: Callable[[Any], None], payload: Any) -> None:
        self.done = True
        if self.progress_dialog is not None:
            self.progress_dialog.hide()  # hide, not close: closing emits canceled
            self.progress_dialog.deleteLater()
            self.progress_dialog = None
        _active.discard(self)
        if not _alive(self._parent):
            log.debug("task finished after its window closed; result dropped")
            return
        callback(payload)


def _alive(widget: QWidget | None) -> bool:
    return widget is None or shiboken6.isValid(widget)


def run_task(
    fn: Callable[[Progress], Any],
    *,
    parent: QWidget | None = None,
    on_result: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    title: str | None = None,
    cancellable: bool = False,
    quiet: bool = False,
) -> Task:
    """Run ``fn(progress)`` off the GUI thread; see the module docstring. ``quiet``: no
    progress dialog, for background work the user need not wait for (a start-up check)."""
    if threading.current_thread() is not threading.main_thread():
        raise RuntimeError("run_task must be called on the GUI thread")
    dispatcher = _get_dispatcher()  # created here, so it lives on the GUI thread
    task = Task(fn, parent, on_result, on_error, title, cancellable)
    _active.add(task)
    if _synchronous:
        # Inline, but through the same delivery path, so callbacks behave alike.
        try:
            value = fn(task.progress)
        except Exception as exc:  # noqa: BLE001
            task._deliver(on_error, exc)
        else:
            task._deliver(on_result, value)
        return task
    # A lambda, not the bound method: PySide's singleShot keeps no reference to a
    # bound method's object, which may be gone (delivered, dropped) when it fires.
    if not quiet:
        QTimer.singleShot(PROGRESS_DELAY_MS, dispatcher, lambda: task._show_dialog())
    _thread_pool().start(task.run)
    return task
