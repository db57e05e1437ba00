"""The Returns menu: choose a reporting year, choose where to save, produce the workbook.

One flow serves every return (Anki's exporters, STYLE practice 11): ``RETURNS`` holds the
app's table of returns (``hscb_desktop.exporters``, shared with ``hscb-desktop export``):
title, reporting-period module, first year worth offering, and the service function that
writes the workbook. The main window offers a return to every session whose
``return_domains`` allow it (``Exporter.allowed``: the annual report needs them all); the service checks the role again and hands out
counts only.

    export_return(window, session, "lado")   # dialog -> save file -> progress -> info
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from hscb_desktop.core.clock import local_today
from hscb_desktop.core.periods import (
    ReportingPeriod,
    default_period,
    period_containing,
    period_for,
)
from hscb_desktop.core.progress import Cancelled, Progress
from hscb_desktop.core.validation import PermissionDenied, ValidationFailed
from hscb_desktop.exporters import EXPORTERS, Exporter
from hscb_desktop.gui import workers
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.storage import stores
from hscb_desktop.storage.errors import file_write_message, is_disk_full



ReturnKind = Exporter  # one table of returns for the CLI and this menu (hscb_desktop.exporters)
RETURNS: dict[str, ReturnKind] = dict(EXPORTERS)


def register_return(kind: ReturnKind) -> ReturnKind:
    if kind.name in RETURNS:
        raise ValueError(f"a return called {kind.name!r} is already registered")
    RETURNS[kind.name] = kind
    return kind


def returns_for(session: Any) -> list[ReturnKind]:
    """The returns this session may produce, in registration order."""
    allowed = session.return_domains
    return [kind for kind in RETURNS.values() if kind.allowed(allowed)]


def file_name(kind: ReturnKind, period: ReportingPeriod) -> str:
    return f"{kind.title} {period.short_label}.xlsx"


class ExportDialog(QDialog):
    """Choose the reporting year of a return (default: the latest complete one)."""

    def __init__(self, kind: ReturnKind, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ExportDialog")
        self.setWindowTitle(kind.title)
        self.kind = kind
        today = local_today(session.clock)
        current = period_containing(kind.period_module, today)
        default = default_period(kind.period_module, today)
        self.period = QComboBox(self)
        self.period.setObjectName("period")
        self.period.setAccessibleName("Reporting year")
        for year in range(current.start.year, kind.first_year - 1, -1):
            period = period_for(kind.period_module, f"{year}-{(year + 1) % 100:02d}")
            text = f"{period.short_label}  ({period.label})"
            if period == current:
                text += " - in progress"
            self.period.addItem(text, period)
        # findData cannot match a Python object: compare the periods themselves.
        offered = [self.period.itemData(i) for i in range(self.period.count())]
        self.period.setCurrentIndex(offered.index(default) if default in offered else 0)
        label = QLabel("Reporting &year", self)
        label.setBuddy(self.period)
        note = QLabel(kind.note, self)
        note.setWordWrap(True)
        form = self.form = QFormLayout()  # subclasses add their options to it
        form.addRow(label, self.period)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Choose file…")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.period.setFocus()

    def chosen_period(self) -> ReportingPeriod:
        return self.period.currentData()

    def choose(self, short_label: str) -> None:
        """Select a year by its short label ("2016-17"): for tests and callers."""
        for i in range(self.period.count()):
            if self.period.itemData(i).short_label == short_label:
                self.period.setCurrentIndex(i)
                return
        raise ValueError(f"{short_label} is not offered")


def _folder_setting(session: Any) -> QSettings | None:
    paths = getattr(getattr(session, "workspace", None), "paths", None)
    ui_state = getattr(paths, "ui_state", None)
    return QSettings(str(ui_state), QSettings.Format.IniFormat) if ui_state else None


def _suggested_folder(session: Any) -> Path:
    state = _folder_setting(session)
    saved = state.value("exports/last_folder") if state is not None else None
    if saved and Path(str(saved)).is_dir():
        return Path(str(saved))
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()


def _remember_folder(session: Any, folder: Path) -> None:
    state = _folder_setting(session)
    if state is not None:
        state.setValue("exports/last_folder", str(folder))
        state.sync()


def _close_worker_connections() -> None:
    """Close the connections a worker thread opened (peewee keeps one per thread), so no
    store stays open, key and all, on the pool's thread after the work is done; a later
    lock or sign-out closes only the GUI thread's own."""
    if threading.current_thread() is threading.main_thread():
        return  # run inline (tests): the GUI thread's connection stays in use
    stores.close_thread_connections()


def failure_text(exc: BaseException, path: Path) -> str:
    """Why a return was not produced, in words for the user."""
    if isinstance(exc, ValidationFailed):
        return "\n".join(p.message for p in exc.problems)
    if isinstance(exc, PermissionDenied):
        return str(exc)
    if isinstance(exc, OSError) and is_disk_full(exc):  # the earlier file is unchanged (KP-1)
        return file_write_message(exc, path)
    if isinstance(exc, PermissionError):
        return (
            f"{path} could not be written. If it is open in Excel, close it and try again, "
            "or choose another name."
        )
    if isinstance(exc, OSError):
        return f"{path} could not be written: {exc.strerror or exc}."
    return f"The return could not be produced ({type(exc).__name__}: {exc})."


def export_return(parent: QWidget | None, session: Any, name: str) -> workers.Task | None:
    """Ask for the year and the file, then produce the return off the GUI thread.
    Returns the task (None when the user cancelled a step)."""
    if name == "annual-report":  # its own options and the data-quality gate
        from hscb_desktop.gui import annual_report_dialog

        return annual_report_dialog.export_annual_report(parent, session)
    from hscb_desktop.gui import quality_gate

    kind = RETURNS[name]
    dialog = ExportDialog(kind, session, parent)
    options: dict[str, Any] = {}
    try:
        while True:  # the year, then the data-quality gate ("Go back": the year again)
            if Dialogs.exec_dialog(dialog) != QDialog.DialogCode.Accepted.value:
                return None
            period = dialog.chosen_period()
            outcome = quality_gate.ask(parent, session, period.short_label, period.label, [name])
            if outcome == quality_gate.OPENED:
                return None
            if outcome != quality_gate.BACK:
                options["accept_problems"] = outcome == quality_gate.ACCEPT
                break
    finally:
        dialog.deleteLater()
    suggested = _suggested_folder(session) / file_name(kind, period)
    path = Dialogs.save_file(
        parent, f"Save the {kind.title}", suggested, "Excel workbook (*.xlsx)"
    )
    if path is None:
        return None
    if path.suffix.lower() != ".xlsx":
        path = path.with_name(path.name + ".xlsx")
    _remember_folder(session, path.parent)

    def work(progress: Progress) -> Path:
        progress.report(0, None, f"Producing the {kind.title} for {period.short_label}…")
        try:
            return kind(session, period.short_label, path, **options)
        finally:
            _close_worker_connections()

    def done(written: Path) -> None:
        Dialogs.info(
            parent,
            f"{kind.title} saved",
            f"The {kind.title} for {period.label} was saved to:\n{written}",
        )

    def failed(exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            return
        Dialogs.error(parent, f"{kind.title} not produced", failure_text(exc, path))

    return workers.run_task(
        work,
        parent=parent,
        on_result=done,
        on_error=failed,
        title=f"Producing the {kind.title}",
    )
