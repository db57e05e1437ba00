"""GUI test guards: every dialog answered, no thread or task left running."""
from __future__ import annotations

import weakref
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QThread, QThreadPool

from hscb_desktop.gui import workers
from hscb_desktop.gui.dialogs import Dialogs


@pytest.fixture(autouse=True)
def _strict_dialogs() -> Iterator[None]:
    """A dialog nobody answered fails the test instead of hanging it; so does an unused answer."""
    Dialogs.reset()
    Dialogs.strict = True
    yield
    leftover = Dialogs.pending()
    Dialogs.reset()
    Dialogs.strict = False
    assert not leftover, f"queued dialog answers never used: {leftover!r}"


@pytest.fixture(autouse=True)
def _no_dangling_work(qapp: object, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """napari's _dangling_qthreads, plus our task pool: a test must wait for its work."""
    started: list[weakref.ref[QThread]] = []
    original_start = QThread.start

    def tracking_start(self: QThread, *args: object) -> None:
        started.append(weakref.ref(self))
        original_start(self, *args)

    monkeypatch.setattr(QThread, "start", tracking_start)
    yield
    running = [t for ref in started if (t := ref()) is not None and t.isRunning()]
    undelivered = workers.active_count()
    busy_pool = QThreadPool.globalInstance().activeThreadCount()
    # Clean up before failing, so one bad test does not break the next.
    workers.wait_all(5000)
    QThreadPool.globalInstance().waitForDone(5000)
    QCoreApplication.processEvents()  # deliver what finished, so the next test starts clean
    for thread in running:
        thread.quit()
        thread.wait(5000)
    assert not running, f"test left {len(running)} QThread(s) running"
    assert not undelivered, f"test left {undelivered} run_task task(s) undelivered"
    assert not busy_pool, "test left work running on the global QThreadPool"


@pytest.fixture
def sync_workers() -> Iterator[None]:
    """Run run_task inline for this test (Picard's FakeThreadPool)."""
    workers.set_synchronous(True)
    yield
    workers.set_synchronous(False)
