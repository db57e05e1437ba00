"""Start-up: arguments, paths, logging, crash hook, single instance, sign-in, main window.

Start-up time is import time, so this module imports only what the login dialog
needs; the main window, the admin pages and anything an export needs (openpyxl)
load later, when used.
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
from typing import TYPE_CHECKING, Sequence

from hscb_desktop import APP_ID, APP_NAME, ORG_NAME, __version__
from hscb_desktop.core.clock import SYSTEM_CLOCK, Clock
from hscb_desktop.paths import DataPaths, data_paths

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from hscb_desktop.gui.main_window import MainWindow
    from hscb_desktop.security.session import Session
    from hscb_desktop.storage.workspace import Workspace

log = logging.getLogger("hscb_desktop")
_log_handler: logging.Handler | None = None
ENV_NO_CRASH_DIALOG = "HSCB_NO_CRASH_DIALOG"
ACCEPTED = 1  # QDialog.DialogCode.Accepted
RESTART = -1  # _run's answer when the user chose another database at sign-in


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="hscb-desktop", description=APP_NAME)
    parser.add_argument("--data-dir", help="the data folder (default: your user data folder, "
                                           "or HSCB_DATA_DIR)")
    parser.add_argument("--database", metavar="URL",
                        help="team mode: work on a PostgreSQL server, postgresql://HOST/DATABASE "
                             "(remembered for next time, without any password; 'local' goes back to "
                             "the embedded store)")
    parser.add_argument("--no-crash-dialog", action="store_true",
                        help="log crashes without showing a dialog (also HSCB_NO_CRASH_DIALOG=1)")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    # Qt's own options (-style, -platform ...) pass through to QApplication.
    args, _qt_args = parser.parse_known_args(argv)
    return args


def setup_logging(paths: DataPaths, max_bytes: int = 1_000_000, keep: int = 5) -> None:
    """A log file, rotated once at start-up. Only events and exception types are
    logged, never record contents: the log is not encrypted.

    Rotating here rather than with logging.handlers keeps that module (and the
    socket and pickle modules it imports, ~12 ms) out of start-up; a session
    logs a few lines, so checking the size once per run is enough.
    """
    paths.logs.mkdir(parents=True, exist_ok=True)
    log_file = paths.logs / f"{APP_ID}.log"
    try:
        if log_file.exists() and log_file.stat().st_size > max_bytes:
            for n in range(keep - 1, 0, -1):
                older = log_file.with_name(f"{log_file.name}.{n}")
                if older.exists():
                    os.replace(older, log_file.with_name(f"{log_file.name}.{n + 1}"))
            os.replace(log_file, log_file.with_name(f"{log_file.name}.1"))
    except OSError:
        pass  # another instance is using the log (it will be refused shortly anyway)
    handler = logging.FileHandler(log_file, encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    global _log_handler
    close_logging()  # main() run again in one process (tests): one file at a time
    root = logging.getLogger()
    _log_handler = handler
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def close_logging() -> None:
    global _log_handler
    if _log_handler is not None:
        logging.getLogger().removeHandler(_log_handler)
        _log_handler.close()
        _log_handler = None


def build_main_window(session: "Session", clock: Clock = SYSTEM_CLOCK,
                      parent: "QWidget | None" = None) -> "MainWindow":
    """The main window for a signed-in session, without any dialog (tests, benchmarks)."""
    from hscb_desktop.gui.main_window import MainWindow
    return MainWindow(session, clock, parent)


class Controller:
    """Sign in -> main window -> (sign out -> sign in again) until the user quits."""

    def __init__(self, app: "QApplication", workspace: "Workspace", clock: Clock) -> None:
        self.app, self.workspace, self.clock = app, workspace, clock
        self.window: MainWindow | None = None
        self.database_changed = False  # the user chose another database at sign-in
        if not getattr(workspace, "is_server", False):
            # DB-5: big stores open read-only and are checked once the window is up
            # (gui.startup_check), so sign-in does not wait for every page to decrypt.
            from hscb_desktop.storage.workspace import BIG_STORE_BYTES
            workspace.defer_checks_above = BIG_STORE_BYTES

    def _ui_state(self):  # noqa: ANN202 - QSettings, imported late
        from PySide6.QtCore import QSettings
        return QSettings(str(self.workspace.paths.ui_state), QSettings.Format.IniFormat)

    def sign_in(self, username: str = "", message: str = "") -> bool:
        """Show the login dialog (and a forced password change); False when cancelled."""
        from hscb_desktop.gui.dialogs import Dialogs
        # A convenience most sign-in screens offer; the user name is not a secret.
        username = username or str(self._ui_state().value("login/last_username", "") or "")
        from hscb_desktop.gui.login import ChangePasswordDialog, LoginDialog
        while True:
            dialog = LoginDialog(self.workspace, username=username, message=message)
            answer = Dialogs.exec_dialog(dialog)
            if answer == LoginDialog.DATABASE_CHANGED:
                self.database_changed = True  # main() opens the chosen one instead
                return False
            if answer != ACCEPTED or dialog.session is None:
                return False
            session = dialog.session
            if not session.must_change_password:
                break
            change = ChangePasswordDialog(session, forced=True,
                                          one_time_password=dialog.one_time_password)
            dialog.one_time_password = ""
            if Dialogs.exec_dialog(change) == ACCEPTED:
                break
            from hscb_desktop.security import auth  # not at the top: keep it off the start-up path
            auth.sign_out(session)  # no way past a one-time password without changing it
            username, message = session.username, "Choose a new password to continue."
        log.info("signed in")
        self._ui_state().setValue("login/last_username", session.username)
        self.window = build_main_window(session, self.clock)
        if not getattr(self.workspace, "is_server", False):  # a server's backups are IT's
            self.window.enable_auto_backup()  # DB-4: daily at a quiet moment, and on exit
        self.window.signedOut.connect(lambda why, u=session.username: self._signed_out(u, why))
        self.window.closed.connect(self.app.quit)
        self.window.show()
        self.window.activateWindow()  # the login dialog had the focus; hand it on
        return True

    def _signed_out(self, username: str, why: str) -> None:
        log.info("signed out")
        if self.window is not None:
            self.window.deleteLater()  # with the pages it kept behind the lock
            self.window = None
        # Let the signal's call stack unwind (and the window go) before the next modal loop.
        from PySide6.QtCore import QTimer
        QTimer.singleShot(0, lambda: self.sign_in(username, why) or self.app.quit())

def main(argv: Sequence[str] | None = None, *, clock: Clock = SYSTEM_CLOCK) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    paths = data_paths(args.data_dir)
    setup_logging(paths)

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    # Before any QSettings is made (STYLE practice 12).
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication.instance() or QApplication([sys.argv[0], *(argv or sys.argv[1:])])
    app.setQuitOnLastWindowClosed(False)  # the window closes on sign-out before the login shows
    if os.environ.get("HSCB_BENCH_PAINT_REPORT"):  # bench/bundle.py times the frozen start-up
        from hscb_desktop.gui.paint_probe import install_if_asked
        install_if_asked(app)

    from hscb_desktop.gui.crash import install_crash_hook, uninstall_crash_hook
    no_dialog = args.no_crash_dialog or os.environ.get(ENV_NO_CRASH_DIALOG) == "1"
    install_crash_hook(paths.crash_dir, show_dialog=not no_dialog)
    log.info("%s %s starting", APP_NAME, __version__)
    try:
        given = args.database
        while True:  # again when the user chooses another database at sign-in
            database = _team_database(paths, given)
            given = None
            code = _open_server(app, paths, clock, database) if database else _open(app, paths, clock)
            if code != RESTART:
                return code
            log.info("database changed at sign-in: opening it")
    finally:
        uninstall_crash_hook()  # leave the process as it was (tests call main() repeatedly)
        close_logging()


def _team_database(paths: DataPaths, given: str | None) -> str:
    """The server to use: ``--database`` (then remembered in the UI-state INI beside the
    window geometry, never in the core store, which lives on that server) or the one
    remembered (also chosen at sign-in, gui.database_dialog); '' for the embedded store.
    No password is ever written."""
    from hscb_desktop.gui import database_dialog

    if given is not None:
        return database_dialog.remember(paths, given)
    return database_dialog.remembered(paths)


def _open_server(app: "QApplication", paths: DataPaths, clock: Clock, url: str) -> int:
    from hscb_desktop.storage.server import ServerAddress
    from hscb_desktop.storage.server_workspace import ServerWorkspace

    log.info("team mode: %s", url)
    workspace = ServerWorkspace(ServerAddress.parse(url).with_login("", ""), clock, paths=paths)
    try:
        return _run(app, workspace, clock)
    finally:
        workspace.close()


def _open(app: "QApplication", paths: DataPaths, clock: Clock) -> int:
    from hscb_desktop.gui.dialogs import Dialogs
    from hscb_desktop.storage.instance_lock import StoreInUse
    from hscb_desktop.storage.netpath import NetworkPathRefused
    from hscb_desktop.storage.workspace import Workspace

    workspace = Workspace(paths, clock)
    try:
        workspace.acquire()
    except (StoreInUse, NetworkPathRefused) as exc:
        log.warning("data folder refused: %s", type(exc).__name__)
        Dialogs.error(None, f"{APP_NAME} cannot open its data", str(exc))
        return 1
    try:
        return _run(app, workspace, clock)
    finally:
        workspace.close()


def _run(app: "QApplication", workspace: "Workspace", clock: Clock) -> int:
    from hscb_desktop.gui.dialogs import Dialogs
    from hscb_desktop.gui.login import FirstRunDialog

    username = ""
    if not workspace.initialised:
        first = FirstRunDialog(workspace)
        if Dialogs.exec_dialog(first) != ACCEPTED:
            return 0
        workspace.close_stores()  # set-up leaves them open; signing in opens what the roles need
        username = first.username
        log.info("data folder initialised")
    controller = Controller(app, workspace, clock)
    if not controller.sign_in(username):
        return RESTART if controller.database_changed else 0
    return app.exec()
