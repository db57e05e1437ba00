"""The conflict view: shown inside a form when its save was refused as stale.

Someone saved the record after this user opened it. The panel sits at the top of
the form (the form and everything typed stay as they were) and lists each field
the other save changed: what the user started from, what is saved now, who saved
it and when, and what the user has typed. It offers:

- **Keep my changes**: the form takes the latest saved record and puts the user's
  own edits back over it; nothing is saved until the user presses Save again.
- **Take theirs**: show the saved record, discarding the user's edits (asked first).
- **Copy my changes**: the user's edits as text, to paste somewhere safe.

Values are shown as the form's own editors show them (labels, dd/mm/yyyy dates).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QMimeData, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hscb_desktop.core.dates import format_uk
from hscb_desktop.domains.history import Conflict, same
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.gui.record_form import (
    UNKNOWN,
    RecordForm,
    TriStateCombo,
    UkDateEdit,
    write_widget,
)
from hscb_desktop.gui.save_guard import insert_at_top

PANEL_STYLE = (
    "QFrame#conflictPanel { background: #fdecea; border: 1px solid #9b1c1c; "
    "border-radius: 3px; } QLabel#conflictTitle { color: #7a1010; font-weight: bold; }"
)
NOTE_STYLE = (
    "QFrame#conflictPanel { background: #e8f0fb; border: 1px solid #1f4e8c; "
    "border-radius: 3px; } QLabel#conflictTitle { color: #173c6b; font-weight: bold; }"
)
NOT_YOURS = "(not changed by you)"
COLUMNS = ("Field", "When you opened it", "Saved now", "Saved by", "Yours (not saved)")


@dataclass(frozen=True)
class Row:
    label: str
    started: str
    stored: str
    saved_by: str
    yours: str
    yours_edited: bool  # the user changed this field too: the two changes clash


def when_words(at: dt.datetime | None) -> str:
    return format_uk(at.astimezone()) if at is not None else ""


def saved_by_words(user: str, at: dt.datetime | None) -> str:
    when = when_words(at)
    return f"{user or 'someone else'}{', ' + when if when else ''}"


class ConflictPanel(QFrame):
    keep_mine = Signal()
    take_theirs = Signal()
    copy_mine = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictPanel")
        self.setStyleSheet(PANEL_STYLE)
        self.setAccessibleName("Changes saved by someone else")
        self.title = QLabel(self)
        self.title.setObjectName("conflictTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.detail = QLabel(self)
        self.detail.setObjectName("conflictDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("conflictTable")
        self.table.setAccessibleName("Fields changed since you opened the record")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # One line per field (long values are cut short; the tooltip holds all of it): row
        # heights then do not depend on column widths the layout has not settled yet.
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(
            COLUMNS.index("Saved by"), QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.keep_button = QPushButton("&Keep my changes", self)
        self.keep_button.setObjectName("conflictKeepMine")
        self.keep_button.setToolTip(
            "Put your changes over the record as it is saved now; then check and save again."
        )
        self.take_button = QPushButton("&Take theirs", self)
        self.take_button.setObjectName("conflictTakeTheirs")
        self.take_button.setToolTip("Show the record as it is saved now, discarding your changes.")
        self.copy_button = QPushButton("Cop&y my changes", self)
        self.copy_button.setObjectName("conflictCopy")
        self.keep_button.clicked.connect(self.keep_mine)
        self.take_button.clicked.connect(self.take_theirs)
        self.copy_button.clicked.connect(self.copy_mine)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.take_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.detail)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.rows: list[Row] = []
        self.hide()

    def show_conflict(self, conflict: Conflict, rows: list[Row]) -> None:
        self.rows = rows
        self.setStyleSheet(PANEL_STYLE)
        self.title.setText(
            "Not saved: this record was saved by "
            f"{saved_by_words(conflict.last_user, conflict.last_at)} after you opened it."
        )
        clashes = sum(r.yours_edited for r in rows)
        detail = "Everything you typed is still in the form. "
        if rows:
            detail += (
                f"{len(rows)} field{'' if len(rows) == 1 else 's'} changed since you opened it"
                + (f"; you also changed {clashes} (marked *)." if clashes else ".")
            )
        else:
            detail += "None of the fields on this form changed (something else on the record did)."
        self.detail.setText(
            detail + "\nKeep my changes puts your changes over the saved record; nothing is "
            "saved until you press Save."
        )
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            label = f"{row.label} *" if row.yours_edited else row.label
            for col, text in enumerate((label, row.started, row.stored, row.saved_by, row.yours)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(i, col, item)
        self.table.setVisible(bool(rows))
        self._fit_table()
        for button in (self.keep_button, self.take_button, self.copy_button):
            button.setVisible(True)
        self._fit_labels()
        self.show()

    def show_note(self, title: str, text: str) -> None:
        """After a choice: a short note in place of the table (the panel stays until a save)."""
        self.setStyleSheet(NOTE_STYLE)
        self.title.setText(title)
        self.detail.setText(text)
        self.table.hide()
        for button in (self.keep_button, self.take_button, self.copy_button):
            button.setVisible(False)
        self._fit_labels()
        self.show()

    def _fit_labels(self) -> None:
        # A wrapped label under-reports its height to the layouts around a form (Qt sizes
        # it for its widest line): reserve the lines it needs at the form's width.
        holder = self.parentWidget()
        width = max(holder.width() if holder is not None else 0, 400) - 40
        for label in (self.title, self.detail):
            label.setMinimumHeight(label.heightForWidth(width))

    def _fit_table(self) -> None:
        # The whole table, no inner scrolling for the usual handful of rows (cap at ~8).
        height = self.table.horizontalHeader().height() + 2 * self.table.frameWidth()
        height += min(self.table.rowCount(), 8) * self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(height + 2)

    def cell_text(self, row: int, column: str) -> str:
        item = self.table.item(row, COLUMNS.index(column))
        return item.text() if item is not None else ""


# -- what the form does with it ----------------------------------------------------------
Reader = Callable[[Any, list[str]], Conflict]  # (record the form loaded, fields) -> Conflict
CLIPBOARD_CLEAR_MS = 30_000  # KP-3: copied casework leaves the clipboard after 30 s


class ConflictResolver(QObject):
    """One per form: turns a stale refusal into the panel, and carries out the choice.

    ``reader(started, fields)`` is the form's domain read (e.g. ``service.contact_changes``
    bound to the session and record id); without one the form shows the service's words.
    """

    def __init__(self, form: RecordForm, reader: Reader) -> None:
        super().__init__(form)
        self.form = form
        self.reader = reader
        self.conflict: Conflict | None = None
        self.copied = ""  # the text "Copy my changes" last put on the clipboard
        self._panel: ConflictPanel | None = None

    @property
    def panel(self) -> ConflictPanel:
        if self._panel is None:
            self._panel = ConflictPanel(self.form)
            self._panel.keep_mine.connect(self.keep_mine)
            self._panel.take_theirs.connect(self.take_theirs)
            self._panel.copy_mine.connect(self.copy_mine)
            insert_at_top(self.form, self._panel, self.form.message_area)
        return self._panel

    @property
    def showing(self) -> bool:
        return self._panel is not None and not self._panel.isHidden()

    def hide(self) -> None:
        self.conflict = None
        if self._panel is not None:
            self._panel.hide()

    # -- the refusal ---------------------------------------------------------------
    def show(self) -> None:
        form = self.form
        fields = form.conflict_fields()
        self.conflict = self.reader(form.record, fields)
        pending = form.raw_values()
        edited = form.edited_fields()
        rows = []
        # A form with edits outside its bound fields (the meeting's grid) words them in
        # ``pending_words(name)``: None when the user changed nothing there.
        extra_words = getattr(form, "pending_words", lambda _name: None)
        for change in self.conflict.changes:
            name = change.field
            mine = (
                form.display_value(name, pending[name]) if name in edited
                else extra_words(name)
            )
            rows.append(
                Row(
                    form.field_label(name),
                    form.display_value(name, change.started),
                    form.display_value(name, change.stored),
                    saved_by_words(change.user, change.at),
                    mine or NOT_YOURS,
                    mine is not None,
                )
            )
        self.panel.show_conflict(self.conflict, rows)
        _scroll_to(self.panel)
        _grow_dialog(form)

    # -- the choices -----------------------------------------------------------------
    def keep_mine(self) -> None:
        """Re-base: the latest saved record, with the user's own edits put back over it.
        Nothing is saved: the user checks the result and saves deliberately."""
        conflict, form = self.conflict, self.form
        if conflict is None:
            return
        edited = form.edited_fields()
        extra = form.pending_extra()
        form.load_stored(conflict.stored)
        for name, value in edited.items():
            write_widget(form.field(name), value)
        form.restore_extra(extra)
        form.set_dirty(True)
        self.conflict = None
        names = ", ".join(form.field_label(n) for n in edited) or "none"
        self.panel.show_note(
            "Your changes are now over the record as it is saved. Not saved yet.",
            f"Your changes kept: {names}. Everything else shows what is saved now. "
            "Check the form, then press Save.",
        )

    def take_theirs(self) -> None:
        conflict, form = self.conflict, self.form
        if conflict is None:
            return
        if form.is_dirty():
            if not Dialogs.confirm(
                form,
                "Discard your changes?",
                "The form will show the record as it is saved now. What you typed will be "
                "lost (use Copy my changes first to keep a copy).",
                yes_text="Discard my changes",
                destructive=True,
            ):
                return
        form.load_stored(conflict.stored)
        self.hide()

    def copy_mine(self) -> None:
        form = self.form
        pending = form.raw_values()
        lines = [
            f"{form.field_label(n)}: {form.display_value(n, pending[n])}"
            for n in form.edited_fields()
        ]
        extra_words = getattr(form, "pending_words", lambda _name: None)
        for name in form.conflict_fields():
            words = None if name in form.field_names else extra_words(name)
            if words:
                lines.append(f"{form.field_label(name)}: {words}")
        text = "\n".join(lines) or "(no changes typed)"
        mime = QMimeData()
        mime.setText(text)
        mime.setData("ExcludeClipboardContentFromMonitorProcessing", b"1")
        clipboard = QGuiApplication.clipboard()
        clipboard.setMimeData(mime)
        QTimer.singleShot(
            CLIPBOARD_CLEAR_MS, lambda: clipboard.text() == text and clipboard.clear()
        )
        self.copied = text


def _scroll_to(widget: QWidget) -> None:
    """Bring ``widget`` into view when the form sits in a scroll area."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget)
            return
        parent = parent.parentWidget()


def _grow_dialog(form: QWidget) -> None:
    """A form inside a dialog (a seat, a run): let the dialog grow to show the panel."""
    window = form.window()
    if isinstance(window, QDialog) and window.isVisible():
        window.adjustSize()


def widget_words(widget: QWidget | None, value: Any) -> str:
    """``value`` as the editor ``widget`` shows it: a list's label, not its code."""
    if value is None or value == "" or widget is None:
        return value_words(value)
    if isinstance(widget, TriStateCombo):
        return {True: "Yes", False: "No", UNKNOWN: "Unknown"}.get(value, value_words(value))
    if isinstance(widget, QComboBox):
        index = widget.findData(value)
        if index < 0:
            index = widget.findText(str(value))
        text = widget.itemText(index) if index >= 0 else ""
        return text or value_words(value)
    if isinstance(widget, QListWidget) and isinstance(value, (list, tuple, set)):
        labels = {
            str(widget.item(i).data(Qt.ItemDataRole.UserRole)): widget.item(i).text()
            for i in range(widget.count())
        }
        return "; ".join(labels.get(str(v), str(v)) for v in value) if value else "(none)"
    if isinstance(widget, UkDateEdit) and isinstance(value, str):
        try:
            return format_uk(dt.date.fromisoformat(value))
        except ValueError:
            return value
    return value_words(value)


def value_words(value: Any) -> str:
    """A value with no editor to show it: dates as dd/mm/yyyy, lists joined."""
    if value is None or value == "":
        return "(blank)"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, (dt.date, dt.datetime)):
        return format_uk(value)
    if isinstance(value, (list, tuple, set)):
        return "; ".join(value_words(v) for v in value) if value else "(none)"
    return str(value)


__all__ = ["ConflictPanel", "ConflictResolver", "Row", "same", "value_words", "widget_words"]
