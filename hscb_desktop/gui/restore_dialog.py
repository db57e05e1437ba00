"""Restoring stores from a backup: Tools → Restore…, and the offer made when a store
is found damaged at sign-in (DB-4, DB-5, GOV-4).

Both call ``security.recovery``: the chosen backup is verified first (each copy
opened with its key, integrity-checked, its audit chain checked against the
manifest's head), the user confirms in words that say what will be lost, the
stores close, the live files move to ``replaced-<timestamp>/`` and the copies go
in through the engine. Everyone then signs in again.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hscb_desktop import backups
from hscb_desktop.gui.dialogs import Dialogs, wait_cursor
from hscb_desktop.security import auth, recovery
from hscb_desktop.storage import restore as rs
from hscb_desktop.storage import stores
from hscb_desktop.storage.errors import StoreError

if TYPE_CHECKING:
    from hscb_desktop.security.session import Session
    from hscb_desktop.storage.workspace import Workspace

REASONS = {"manual": "by hand", "exit": "on closing", "daily": "daily", "": ""}
COLUMNS = ("Date", "Made", "Stores", "Audit heads")


def _plain(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)  # messages quote paths and file names
    label.setWordWrap(True)
    return label


def _entries(n: int) -> str:
    return f"{n} audit entr{'y' if n == 1 else 'ies'}"


def short_title(name: str) -> str:
    return "core" if name == stores.CORE else stores.STORE_TITLES.get(name, name)


def describe_result(result: rs.RestoreResult) -> str:
    titles = ", ".join(stores.STORE_TITLES.get(n, n) for n in result.stores)
    return (f"Restored the {titles} store{'s' if len(result.stores) > 1 else ''} from the backup "
            f"of {result.backup.local_time()}. The files they replaced are kept in "
            f"{result.replaced}. Sign in again.")


class RestoreDialog(QDialog):
    """An administrator chooses a backup and the stores to bring back.

    ``result_message`` is set once the stores have been closed (restored, or a
    failure after they closed): the caller then ends the session."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from a backup")
        self.setObjectName("RestoreDialog")
        self.session = session
        self.result_message = ""
        self.backups: list[rs.BackupInfo] = []
        self.store_checks: dict[str, QCheckBox] = {}

        intro = _plain(QLabel("Choose a backup and the stores to bring back. The backup is "
                              "checked with each store's key before anything changes; the "
                              "current files are moved aside, never deleted.", self))
        self.folder = QLineEdit(str(backups.folder(session)), self)
        self.folder.setAccessibleName("Backup folder")
        self.show_button = QPushButton("&Show backups", self)
        self.show_button.clicked.connect(self.load)
        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel("Backup folder:", self))
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.show_button)

        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setAccessibleName("Backups")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selected)

        self.stores_row = QHBoxLayout()
        self.stores_row.addWidget(QLabel("Restore:", self))
        for name in stores.STORE_NAMES:
            box = QCheckBox(stores.STORE_TITLES[name], self)
            box.setAccessibleName(f"Restore the {stores.STORE_TITLES[name]} store")
            box.setObjectName(f"store_{name}")
            box.setEnabled(False)
            self.store_checks[name] = box
            self.stores_row.addWidget(box)
        self.stores_row.addStretch()

        self.message = _plain(QLabel(self))
        self.message.setObjectName("message")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.restore_button.setText("&Restore…")
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(folder_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.stores_row)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(920, 480)
        self.load()

    # -- listing ---------------------------------------------------------------
    def load(self) -> None:
        root = Path(self.folder.text().strip()).expanduser()
        with wait_cursor():
            self.backups = rs.list_backups(root) if str(root) else []
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            made = " ".join(x for x in (REASONS.get(info.reason, info.reason),
                                        f"by {info.made_by}" if info.made_by else "") if x)
            names = [n for n in stores.STORE_NAMES if n in info.stores]
            # One line per store in both columns, so each head sits beside its store.
            titles = "\n".join(short_title(n) for n in names)
            heads = "\n".join(f"{_entries(info.stores[n].audit_entries)}, head "
                              f"{info.stores[n].audit_head[:16]}…" for n in names)
            for col, text in enumerate((info.local_time(), made, titles, heads)):
                item = QTableWidgetItem(text)
                item.setToolTip(str(info.folder) if col == 0 else text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()
        if self.backups:
            self.table.selectRow(0)
            self.message.setText("")
        else:
            self.message.setText(f"No backups found in {root}.")
            self._selected()

    def selected_backup(self) -> rs.BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _selected(self) -> None:
        info = self.selected_backup()
        for name, box in self.store_checks.items():
            present = info is not None and name in info.stores
            box.setEnabled(present)
            box.setChecked(present)
        self.restore_button.setEnabled(info is not None)

    def chosen_stores(self) -> list[str]:
        return [n for n, box in self.store_checks.items() if box.isEnabled() and box.isChecked()]

    # -- restoring ----------------------------------------------------------------
    def accept(self) -> None:
        info = self.selected_backup()
        if info is None:
            return
        workspace = self.session.workspace
        try:
            creds = recovery.session_credentials(self.session)
            with wait_cursor():
                plan = recovery.plan(workspace, creds, info, self.chosen_stores())
        except (recovery.RestoreRefused, StoreError, PermissionError) as exc:
            self.message.setText(str(exc))
            return
        except Exception as exc:  # noqa: BLE001 - PermissionDenied and the like: say it here
            self.message.setText(str(exc))
            return
        if not Dialogs.confirm(self, "Restore from a backup", plan.confirmation(),
                               yes_text="Restore", destructive=True):
            return
        try:
            with wait_cursor():
                result = recovery.execute(workspace, creds, plan, self.session.clock)
        except (StoreError, OSError) as exc:
            # The stores were closed first: the session cannot go on either way.
            self.result_message = (f"The restore failed: {exc}. Files already moved are in the "
                                   "data folder's 'replaced-…' folder. Sign in again.")
            Dialogs.error(self, "Restore failed", self.result_message)
            super().reject()
            return
        self.result_message = describe_result(result)
        super().accept()


# -- a damaged store at sign-in ------------------------------------------------------
def offer_restore(parent: QWidget | None, workspace: Workspace, username: str, password: str,
                  error: StoreError) -> str:
    """DB-5: sign-in stopped at a damaged store. Name it, find the newest backup of it
    that verifies and offer it. Returns a message for the login dialog ('' when
    nothing was restored); the damaged file is moved aside, never overwritten."""
    damaged_name = getattr(error, "store", "")
    title = stores.STORE_TITLES.get(damaged_name, damaged_name or "a")
    try:
        with wait_cursor():
            local = rs.list_backups(workspace.paths.backups)
            with_core = next((b for b in local if stores.CORE in b.stores), None)
            creds = recovery.credentials(workspace, username, password, with_core)
            found = rs.all_backups(rs.backup_roots(workspace.paths, creds.keys.get(stores.CORE)))
            damaged = recovery.damaged_stores(workspace, creds) or {damaged_name: str(error)}
            names = [n for n in stores.STORE_NAMES if n in damaged]
            target = recovery.latest_for(found, creds, names)
            if target is None:
                Dialogs.error(parent, "Store damaged",
                              f"{error}\n\nNo backup that passes its checks was found for it, so "
                              "nothing has been changed. Ask IT for a backup folder, then run "
                              "'hscb-desktop-cli restore --from FOLDER'.")
                return ""
            plan = recovery.plan(workspace, creds, target, names)
    except (auth.LoginFailed, recovery.RestoreRefused, StoreError, OSError) as exc:
        Dialogs.error(parent, "Store damaged", f"{error}\n\nIt cannot be restored now: {exc}")
        return ""
    path = getattr(error, "path", None)
    where = f" ({path.name})" if path is not None else ""
    text = (f"The {title} store{where} is damaged and cannot be opened. It has not been "
            f"changed.\n\nThe newest backup of it that passes its checks is from "
            f"{target.local_time()}.\n\n" + plan.confirmation())
    if not Dialogs.confirm(parent, "Store damaged — restore from backup?", text,
                           yes_text="Restore", destructive=True):
        return ""
    try:
        with wait_cursor():
            result = recovery.execute(workspace, creds, plan, workspace.clock)
    except (StoreError, OSError) as exc:
        Dialogs.error(parent, "Restore failed", f"The restore failed: {exc}")
        return ""
    return describe_result(result)
