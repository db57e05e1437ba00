"""The main window's side of DB-5's deferred start-up check (``storage.startup_check``).

Once the window is shown, the big stores that opened unchecked are checked on the
worker (``workers.run_task``, no progress dialog: records can be read meanwhile) and made
writable on the GUI thread when clean. Until then a save is refused by the engine
("readonly database") and the form's save guard keeps the input and retries, saying
why in words (``read_only_reason``); so is opening a record (its view is audited, AUD-1),
which the crash hook reports in the same words. A store whose check fails stays read-only; it is
named and its newest verified backup offered (``offer_restore``), as sign-in does for a
store damaged at open.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from hscb_desktop.core.validation import PermissionDenied
from hscb_desktop.gui import workers
from hscb_desktop.gui.dialogs import Dialogs, wait_cursor
from hscb_desktop.storage import startup_check, stores
from hscb_desktop.storage.errors import StoreError

if TYPE_CHECKING:
    from hscb_desktop.gui.main_window import MainWindow
    from hscb_desktop.security.session import Session

log = logging.getLogger(__name__)
CHECKING = "Checking the stores after sign-in, a moment…"
STATUS_MS = 10_000


def _titles(names: list[str]) -> str:
    return ", ".join(stores.STORE_TITLES.get(n, n) for n in names)


def read_only_reason() -> str:
    """Why a save met "readonly database" ('' when no store is held read-only)."""
    bad = startup_check.damaged()
    if bad:
        names = list(bad)
        return (f"The {_titles(names)} store{'s' if len(names) > 1 else ''} failed the "
                "start-up check: its lists can be read, but no record can be saved or opened "
                "(opening is audited) until it is restored from a backup.")
    if startup_check.pending_checks():
        return f"{CHECKING} Saving and opening records resume as soon as it is done."
    return ""


class StoreChecks(QObject):
    """Runs the pending checks once, after the window is first shown."""

    # After the first paint: the check keeps a core busy for a second or two, which would
    # slow the painting of the window on a two-core PC.
    START_AFTER_MS = 250

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)  # no Python reference back to the window: no cycle
        self.session = window.session
        self.task: workers.Task | None = None

    @property
    def window(self) -> MainWindow:
        return self.parent()

    def start(self) -> bool:
        """Start checking the pending stores; False when none is waiting."""
        names = [n for n in startup_check.pending_checks() if not startup_check.problem(n)]
        if not names or not self.session.active:
            return False
        self.window.statusBar().showMessage(f"{CHECKING} The lists can be read meanwhile.")
        self.task = workers.run_task(lambda progress: startup_check.run_pending(progress),
                                     parent=self.window, on_result=self._done,
                                     on_error=self._failed, title="Checking the stores",
                                     quiet=True)
        return True

    def finish(self) -> None:
        """Before the session ends (the exit backup reads every store through this thread's
        connections): let a check still running end, and lift what it passed."""
        if self.task is not None and not self.task.done:
            workers.wait_all()
        startup_check.lift_checked()

    def _done(self, _results: list[startup_check.CheckResult]) -> None:
        lifted = startup_check.lift_checked()
        bad = startup_check.damaged()
        log.info("start-up check: %d store(s) clean, %d damaged", len(lifted), len(bad))
        if not bad:
            self.window.statusBar().showMessage("Stores checked.", STATUS_MS)
            return
        self.window.statusBar().showMessage(read_only_reason())
        for name, problem in bad.items():
            if self.session.active:  # locked meanwhile: the status line says it
                self.window.store_damaged(name, problem)

    def _failed(self, exc: BaseException) -> None:
        log.warning("start-up check could not run: %s", type(exc).__name__)
        self.window.statusBar().showMessage(
            f"The start-up check of the stores could not run ({exc}). They stay read-only: "
            "sign out and in again to check them again.")


# -- a store found damaged after sign-in ------------------------------------------------
def offer_restore(parent: QWidget | None, session: Session, name: str, problem: str,
                  may_proceed: Callable[[], bool]) -> str:
    """DB-5: the deferred check found ``name`` damaged. Say so, find its newest backup that
    verifies and offer it. Returns '' when nothing was restored (the store stays open,
    read-only), else a message: every store is closed then and the session must end."""
    from hscb_desktop.gui.restore_dialog import describe_result
    from hscb_desktop.storage import restore as rs
    from hscb_desktop.security import recovery

    workspace = session.workspace
    path = workspace.paths.store_file(name)
    intro = (f"The {stores.STORE_TITLES.get(name, name)} store ({path.name}) failed its "
             f"start-up check ({problem}). It has not been changed and is kept read-only: its "
             "lists can be read, but no record in it can be saved or opened.")
    try:
        with wait_cursor():
            creds = recovery.session_credentials(session)
            found = rs.all_backups(rs.backup_roots(workspace.paths, creds.keys.get(stores.CORE)))
            target, check = rs.latest_verified(found, name, creds.keys[name]) or (None, None)
    except (StoreError, OSError, PermissionDenied) as exc:
        Dialogs.error(parent, "Store damaged", f"{intro}\n\nIt cannot be restored now: {exc}")
        return ""
    if target is None:
        Dialogs.error(parent, "Store damaged",
                      f"{intro}\n\nNo backup that passes its checks was found for it, so nothing "
                      "has been changed. Ask IT for a backup folder, then run "
                      "'hscb-desktop-cli restore --from FOLDER'.")
        return ""
    # recovery.plan() counts only closed stores as damaged; this one is open (read-only),
    # so the plan is made here under its rule: a damaged store whose key the user holds.
    plan = recovery.RestorePlan(target, [name], {name: problem}, {name: check})
    text = (f"{intro}\n\nThe newest backup of it that passes its checks is from "
            f"{target.local_time()}.\n\n{plan.confirmation()}")
    if not Dialogs.confirm(parent, "Store damaged — restore from backup?", text,
                           yes_text="Restore", destructive=True) or not may_proceed():
        return ""
    try:
        with wait_cursor():
            result = recovery.execute(workspace, creds, plan, session.clock)
    except (StoreError, OSError) as exc:  # the stores were closed first: the session ends
        message = (f"The restore failed: {exc}. Files already moved are in the data folder's "
                   "'replaced-…' folder. Sign in again.")
        Dialogs.error(parent, "Restore failed", message)
        return message
    return describe_result(result)
