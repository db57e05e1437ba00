from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from hscb_desktop.core.progress import Cancelled, Progress
from hscb_desktop.gui import workers


class Callbacks:
    """Collects what run_task delivers, and on which thread."""

    def __init__(self) -> None:
        self.results: list[object] = []
        self.errors: list[BaseException] = []
        self.threads: list[threading.Thread] = []

    def on_result(self, value: object) -> None:
        self.threads.append(threading.current_thread())
        self.results.append(value)

    def on_error(self, exc: BaseException) -> None:
        self.threads.append(threading.current_thread())
        self.errors.append(exc)

    @property
    def delivered(self) -> bool:
        return bool(self.results or self.errors)


@pytest.fixture
def cb() -> Callbacks:
    return Callbacks()


def test_progress_without_qt() -> None:
    seen = []
    progress = Progress(lambda *a: seen.append(a))
    progress.report(3, 10, "Row 3")
    assert seen == [(3, 10, "Row 3")]
    assert (progress.done, progress.total, progress.text) == (3, 10, "Row 3")
    progress.check_cancelled()
    progress.cancel()
    assert progress.cancelled and progress.wait_cancelled(0)
    with pytest.raises(Cancelled):
        progress.check_cancelled()


def test_result_arrives_on_the_gui_thread(qtbot, cb) -> None:
    worker_threads = []

    def work(progress: Progress) -> int:
        worker_threads.append(threading.current_thread())
        return 42

    task = workers.run_task(work, on_result=cb.on_result, on_error=cb.on_error)
    qtbot.waitUntil(lambda: cb.delivered)
    assert cb.results == [42] and cb.errors == []
    assert worker_threads[0] is not threading.main_thread()
    assert cb.threads == [threading.main_thread()]
    assert task.done
    assert workers.active_count() == 0


def test_errors_are_delivered_on_the_gui_thread(qtbot, cb) -> None:
    def work(progress: Progress) -> None:
        raise LookupError("no such referral")

    workers.run_task(work, on_result=cb.on_result, on_error=cb.on_error)
    qtbot.waitUntil(lambda: cb.delivered)
    assert cb.results == []
    assert isinstance(cb.errors[0], LookupError)
    assert cb.errors[0].__traceback__ is not None  # the crash path can still describe it
    assert cb.threads == [threading.main_thread()]


def test_tasks_run_one_at_a_time_in_order(qtbot, cb) -> None:
    inside = []
    overlap = []
    lock = threading.Lock()

    def work(n: int):
        def run(progress: Progress) -> int:
            if not lock.acquire(blocking=False):
                overlap.append(n)  # a second worker thread got in
                return n
            inside.append(n)
            lock.release()
            return n
        return run

    for n in range(5):
        workers.run_task(work(n), on_result=cb.on_result, on_error=cb.on_error)
    qtbot.waitUntil(lambda: len(cb.results) == 5)
    assert overlap == []
    assert cb.results == [0, 1, 2, 3, 4]


def test_slow_work_shows_progress_and_can_be_cancelled(qtbot, cb) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    started = threading.Event()

    def work(progress: Progress) -> str:
        progress.report(1, 4, "Writing sheet 1 of 4")
        started.set()
        progress.wait_cancelled(timeout=30)  # blocks until the user presses Cancel
        progress.check_cancelled()
        return "finished"

    task = workers.run_task(
        work, parent=parent, on_result=cb.on_result, on_error=cb.on_error,
        title="Exporting", cancellable=True,
    )
    qtbot.waitUntil(lambda: task.progress_dialog is not None and task.progress_dialog.isVisible())
    dialog = task.progress_dialog
    assert dialog.windowTitle() == "Exporting"
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    qtbot.waitUntil(lambda: dialog.value() == 1 and dialog.maximum() == 4)
    assert dialog.labelText() == "Writing sheet 1 of 4"
    dialog.findChild(QPushButton).click()
    qtbot.waitUntil(lambda: cb.delivered)
    assert isinstance(cb.errors[0], Cancelled)
    assert task.progress_dialog is None


def test_work_that_cannot_be_cancelled_has_no_cancel_button(qtbot, cb, monkeypatch) -> None:
    monkeypatch.setattr(workers, "PROGRESS_DELAY_MS", 0)
    release = threading.Event()

    def work(progress: Progress) -> None:
        release.wait(30)

    task = workers.run_task(work, on_result=cb.on_result, on_error=cb.on_error)
    qtbot.waitUntil(lambda: task.progress_dialog is not None)

    assert task.progress_dialog.findChildren(QPushButton) == []
    assert task.progress_dialog.maximum() == 0  # no total reported: busy indicator
    release.set()
    qtbot.waitUntil(lambda: cb.delivered)


def test_quick_work_shows_no_dialog(qtbot, cb) -> None:
    task = workers.run_task(lambda p: None, on_result=cb.on_result, on_error=cb.on_error)
    qtbot.waitUntil(lambda: cb.delivered)
    assert task.progress_dialog is None


def test_a_closed_window_gets_no_callback(qtbot, cb) -> None:
    parent = QWidget()
    release = threading.Event()

    def work(progress: Progress) -> int:
        release.wait(30)
        return 1

    task = workers.run_task(work, parent=parent, on_result=cb.on_result, on_error=cb.on_error)
    parent.deleteLater()
    qtbot.waitUntil(lambda: not _valid(parent))
    release.set()
    qtbot.waitUntil(lambda: task.done)
    assert not cb.delivered


def _valid(widget: QWidget) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)


def test_synchronous_mode_runs_inline(sync_workers, cb) -> None:
    reports = []

    def work(progress: Progress) -> str:
        reports.append(threading.current_thread())
        progress.report(1, 1)
        return "done"

    task = workers.run_task(work, on_result=cb.on_result, on_error=cb.on_error)
    assert task.done  # already delivered when run_task returns
    assert cb.results == ["done"]
    assert reports == [threading.main_thread()]

    workers.run_task(lambda p: 1 / 0, on_result=cb.on_result, on_error=cb.on_error)
    assert isinstance(cb.errors[0], ZeroDivisionError)
    assert workers.active_count() == 0


def test_run_task_refuses_a_worker_thread(qtbot, cb) -> None:
    failures = []

    def from_thread() -> None:
        try:
            workers.run_task(lambda p: None, on_result=cb.on_result, on_error=cb.on_error)
        except RuntimeError as exc:
            failures.append(exc)

    thread = threading.Thread(target=from_thread)
    thread.start()
    thread.join()
    assert failures and not cb.delivered


def test_wait_all_drains_the_pool(qtbot, cb) -> None:
    ran = threading.Event()
    workers.run_task(lambda p: ran.set(), on_result=cb.on_result, on_error=cb.on_error)
    assert workers.wait_all(5000)
    assert ran.is_set()
    qtbot.waitUntil(lambda: cb.delivered)  # delivery still happens through the event loop
