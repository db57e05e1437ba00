"""The main window's automatic backups (DB-4): daily off the GUI thread, and on exit.

The schedule and the backup itself are Qt-free (``hscb_desktop.backups``); this
runs them. The daily backup is started from the idle housekeeping tick (the user
has been quiet for a while) through ``workers.run_task``, so the engine copy never
freezes the window; its audit entry is written back on the GUI thread, which owns
the writes. The exit backup runs before the stores close, in place: the window is
going away and the backup must be whole before the keys leave memory. Every
failure is shown (status bar and an error box) and audited; a backup never writes
to the live stores, so a failed one loses nothing.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication

from hscb_desktop import backups, settings
from hscb_desktop.gui import workers
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.storage import stores

if TYPE_CHECKING:
    from hscb_desktop.gui.main_window import MainWindow

log = logging.getLogger(__name__)
STATUS_MS = 15000


class AutoBackup(QObject):
    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)  # no Python reference back to the window: no cycle keeps it
        self.session = window.session
        self.clock = window.clock
        self.signed_in_at = self.clock.now()
        self.task: workers.Task | None = None
        self.sign_in_checked = False
        self.last: object = ...  # when the session's stores were last backed up (read lazily)
        self.failed = False

    @property
    def window(self) -> "MainWindow":
        return self.parent()

    def _last(self):  # noqa: ANN202 - datetime | None
        if self.last is ...:
            self.last = backups.last_backup(backups.folder(self.session), backups.open_store_names())
        return self.last

    def due(self) -> str:
        """'' or why a backup is due now."""
        if not stores.is_open(stores.CORE) or self.session.must_change_password:
            return ""
        last = self._last()
        if not self.sign_in_checked:
            self.sign_in_checked = True
            if backups.due_after_sign_in(last, self.clock):
                return "daily"
        return "daily" if backups.due_when_idle(last, self.signed_in_at, self.clock) else ""

    def idle(self) -> None:
        """Called from the housekeeping tick while the user is quiet."""
        if self.task is not None and not self.task.done:
            return
        try:
            reason = self.due()
        except Exception:  # noqa: BLE001 - an unreadable backup folder must not stop the tick
            log.warning("could not read the backup folder", exc_info=True)
            return
        if reason:
            self.start(reason)

    def start(self, reason: str) -> None:
        session = self.session
        self.window.statusBar().showMessage("Backing up…")

        def work(progress) -> Path:  # noqa: ANN001 - core.progress.Progress
            progress.report(0, None, "Backing up the stores…")
            try:
                return backups.take(session, reason)
            finally:
                stores.close_thread_connections()  # no connection (key and all) left on the worker

        self.task = workers.run_task(work, parent=self.window, title="Backing up",
                                     on_result=lambda folder: self._done(reason, folder),
                                     on_error=lambda exc: self._failed(reason, exc))

    def _done(self, reason: str, folder: Path) -> None:
        self.last = self.clock.now()
        self.failed = False
        if stores.is_open(stores.CORE):
            backups.record(self.session, reason, folder)
        log.info("automatic backup (%s) made", reason)
        self.window.statusBar().showMessage(f"Backup saved and checked: {folder}", STATUS_MS)

    def _failed(self, reason: str, exc: BaseException) -> None:
        self.last = self.clock.now()  # not again at every quiet moment; tomorrow, or on exit
        self.failed = True
        log.warning("automatic backup (%s) failed: %s", reason, type(exc).__name__)
        if stores.is_open(stores.CORE):
            backups.record(self.session, reason, error=exc)
        text = f"The automatic backup failed: {backups.describe(exc)}"
        self.window.statusBar().showMessage(text)
        Dialogs.error(self.window, "Backup failed",
                      f"{text}\n\nNothing in the app has been changed or lost. Check the backup "
                      "folder (Tools → Settings) or tell IT.")

    def on_exit(self) -> None:
        """Before the stores close, when ``backup_on_exit`` is set."""
        if not stores.is_open(stores.CORE):
            return  # the session already ended (time limit, forced sign-out)
        workers.wait_all()  # a daily backup still running finishes first
        try:
            if not settings.get("backup_on_exit"):
                return
        except Exception:  # noqa: BLE001
            log.warning("could not read backup_on_exit", exc_info=True)
        self.window.statusBar().showMessage("Backing up before closing…")
        self.window.statusBar().repaint()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            backups.run(self.session, "exit")
        except Exception as exc:  # noqa: BLE001 - shown and audited by backups.run
            QGuiApplication.restoreOverrideCursor()
            log.warning("backup on exit failed: %s", type(exc).__name__)
            Dialogs.error(self.window, "Backup failed",
                          f"The backup when closing failed: {backups.describe(exc)}\n\nNothing in "
                          "the app has been changed or lost: the records are safe in the data "
                          "folder. Check the backup folder (Tools → Settings) or tell IT.")
            return
        QGuiApplication.restoreOverrideCursor()
