"""A training run's attendance, recorded one of two ways (``domains.training.service``):

- per delegate: agency, optional name and job role, and status, one row each
  (``add_booking`` / ``update_booking`` / ``delete_booking``);
- counts per agency, where names are not collected: a sheet of every agency with
  attended, booked, cancelled and no-show counts, typed like a spreadsheet (a digit
  starts an edit, Enter moves down) and saved in one call (``set_counts``).
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hscb_desktop.core.dates import format_uk
from hscb_desktop.core.validation import PermissionDenied, ValidationFailed
from hscb_desktop.domains.training import service
from hscb_desktop.domains.training import vocab as V
from hscb_desktop.gui.board_common import (
    ListSource,
    current_id,
    fill_codes,
    message_label,
    problem_words,
    record_table,
    select_id,
    show_message,
)
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.gui.tables import Column

Index = QModelIndex | QPersistentModelIndex
COUNT_COLUMNS = (
    ("agency_name", "Agency"),
    ("attended_count", "Attended"),
    ("booked_count", "Booked"),
    ("cancelled_count", "Cancelled"),
    ("no_show_count", "No show"),
)
COUNTS = tuple(name for name, _ in COUNT_COLUMNS[1:])
BOOKING_COLUMNS = [
    Column("agency_name", "Agency"),
    Column("delegate_name", "Name"),
    Column("job_role", "Job role"),
    Column("status_label", "Status"),
]


class CountsModel(QAbstractTableModel):
    """Every agency offered, with the run's counts; blank means 0."""

    edited = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._agencies: list[tuple[int, str]] = []
        self._counts: dict[int, dict[str, int]] = {}

    def load(self, agencies: list[tuple[int, str]], counts: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._counts = {c["agency_id"]: {n: c.get(n) or 0 for n in COUNTS} for c in counts}
        # The agencies with counts first (so the run's figures are seen at once), then
        # the rest in the order given.
        names = dict(agencies)
        counted = sorted(((c["agency_id"], names.get(c["agency_id"], c["agency_name"]))
                          for c in counts), key=lambda a: a[1].casefold())
        self._agencies = counted + [a for a in agencies if a[0] not in self._counts]
        self.endResetModel()

    def column_index(self, name: str) -> int:
        return next(i for i, (n, _) in enumerate(COUNT_COLUMNS) if n == name)

    def row_of(self, agency_id: int) -> int | None:
        return next((r for r, (a, _) in enumerate(self._agencies) if a == agency_id), None)

    def rows(self) -> list[dict[str, Any]]:
        """The counts as ``set_counts`` takes them: agencies with any count."""
        return [{"agency_id": a, **c} for a, c in self._counts.items() if any(c.values())]

    def totals(self) -> dict[str, int]:
        return {n: sum(c[n] for c in self._counts.values()) for n in COUNTS}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._agencies)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COUNT_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(COUNT_COLUMNS)):
            return COUNT_COLUMNS[section][1]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        flags |= Qt.ItemFlag.ItemNeverHasChildren
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() > 0 else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._agencies):
            return None
        agency_id, name = self._agencies[index.row()]
        column = COUNT_COLUMNS[index.column()][0]
        if column == "agency_name":
            return name if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) \
                else None
        value = self._counts.get(agency_id, {}).get(column, 0)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(value) if value else ""
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() == 0:
            return False
        if value in (None, ""):
            value = 0
        try:
            value = int(value)
        except (TypeError, ValueError):
            return False
        if value < 0:
            return False
        agency_id = self._agencies[index.row()][0]
        row = self._counts.setdefault(agency_id, {n: 0 for n in COUNTS})
        column = COUNT_COLUMNS[index.column()][0]
        if row[column] != value:
            row[column] = value
            self.dataChanged.emit(index, index)
            self.edited.emit()
        return True


class CountsView(QTableView):
    """Enter after a count moves down a row, as in a spreadsheet."""

    def closeEditor(self, editor: QWidget, hint) -> None:
        index = self.currentIndex()
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache and index.isValid():
            below = index.sibling(index.row() + 1, index.column())
            if below.isValid():
                self.setCurrentIndex(below)


class RunAttendancePage(QWidget):
    back_requested = Signal()
    changed = Signal(int)  # the run's attendance was saved (its totals changed)

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.run: dict[str, Any] | None = None
        self._editing: int | None = None  # the booking the entry row changes
        # The rows as loaded, handed to the service so that a save over someone else's
        # change is refused (domains.stale): the booking being changed, the counts.
        self._editing_loaded: dict[str, Any] | None = None
        self._counts_loaded: list[dict[str, Any]] = []
        self._counts_dirty = False

        self.title = QLabel(self)
        self.title.setObjectName("runTitle")
        self.title.setWordWrap(True)
        self.totals = QLabel(self)
        self.totals.setObjectName("runTotals")
        self.back_button = QPushButton("&Back to runs", self)
        self.back_button.setToolTip("Back to the courses and runs (Esc)")
        self.per_delegate = QRadioButton("Per &delegate (names optional)", self)
        self.per_agency = QRadioButton("Cou&nts per agency (no names collected)", self)
        self.mode = QButtonGroup(self)
        self.mode.addButton(self.per_delegate, 0)
        self.mode.addButton(self.per_agency, 1)
        self.message = message_label(self, "runMessage", "Problems with the attendance")

        # Per delegate: the list, then an entry row.
        self.bookings, self.booking_model = record_table(
            self, "bookings", "Delegates", BOOKING_COLUMNS,
            {"agency_name": 330, "delegate_name": 200, "job_role": 200},
        )
        self.agency = QComboBox(self)
        self.agency.setAccessibleName("Delegate's agency")
        self.agency.setMinimumWidth(260)
        self.delegate_name = QLineEdit(self)
        self.delegate_name.setAccessibleName("Delegate's name (optional)")
        self.delegate_name.setPlaceholderText("optional")
        self.job_role = QLineEdit(self)
        self.job_role.setAccessibleName("Job role (optional)")
        self.job_role.setPlaceholderText("optional")
        self.status = QComboBox(self)
        self.status.setAccessibleName("Status")
        fill_codes(self.status, V.BOOKING_STATUSES)
        self.add_button = QPushButton("Add de&legate", self)
        self.remove_button = QPushButton("Remo&ve delegate", self)
        self.remove_button.setToolTip("Remove the chosen delegate (Delete)")
        entry = QHBoxLayout()
        for text, editor in (("Agen&cy", self.agency), ("N&ame", self.delegate_name),
                             ("&Job role", self.job_role), ("Stat&us", self.status)):
            label = QLabel(text, self)
            label.setBuddy(editor)
            entry.addWidget(label)
            entry.addWidget(editor, 2 if editor is self.agency else 1)
        entry.addWidget(self.add_button)
        delegates = QWidget(self)
        delegates_layout = QVBoxLayout(delegates)
        delegates_layout.setContentsMargins(0, 0, 0, 0)
        delegates_layout.addWidget(self.bookings, 1)
        delegates_layout.addLayout(entry)
        strip = QHBoxLayout()
        strip.addWidget(QLabel("Enter on a delegate loads it into the row above to change it.",
                               self), 1)
        strip.addWidget(self.remove_button)
        delegates_layout.addLayout(strip)

        # Counts per agency: the sheet, its totals, Save.
        self.counts_model = CountsModel(self)
        self.counts = CountsView(self)
        self.counts.setObjectName("counts")
        self.counts.setAccessibleName("Counts per agency")
        self.counts.setModel(self.counts_model)
        self.counts.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.counts.setAlternatingRowColors(True)
        self.counts.setTabKeyNavigation(False)
        self.counts.verticalHeader().setVisible(False)
        self.counts.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.counts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.counts.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for name in COUNTS:
            self.counts.setColumnWidth(self.counts_model.column_index(name), 90)
        self.counts_total = QLabel(self)
        self.save_counts_button = QPushButton("Sa&ve counts", self)
        self.save_counts_button.setToolTip("Save the counts for every agency (Ctrl+S)")
        counts = QWidget(self)
        counts_layout = QVBoxLayout(counts)
        counts_layout.setContentsMargins(0, 0, 0, 0)
        counts_layout.addWidget(QLabel(
            "Type a number on an agency's row (typing a name in the Agency column finds it); "
            "Enter moves down. Blank is 0.", self))
        counts_layout.addWidget(self.counts, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.counts_total, 1)
        bottom.addWidget(self.save_counts_button)
        counts_layout.addLayout(bottom)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(delegates)
        self.pages.addWidget(counts)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.back_button)
        modes = QHBoxLayout()
        modes.addWidget(self.per_delegate)
        modes.addWidget(self.per_agency)
        modes.addStretch(1)
        modes.addWidget(self.totals)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(modes)
        layout.addWidget(self.message)
        layout.addWidget(self.pages, 1)

        self.mode.idToggled.connect(self._mode_toggled)
        self.back_button.clicked.connect(self.back_requested)
        self.add_button.clicked.connect(self.save_delegate)
        self.job_role.returnPressed.connect(self.save_delegate)
        self.delegate_name.returnPressed.connect(self.save_delegate)
        self.remove_button.clicked.connect(self.remove_delegate)
        self.bookings.activated.connect(lambda _index: self.edit_delegate())
        self.save_counts_button.clicked.connect(self.save_counts)
        self.counts_model.edited.connect(self._counts_edited)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot, widget in (
            ("Escape", self.back_requested.emit, self),
            (QKeySequence.StandardKey.Save, self.save_counts, counts),
            (QKeySequence.StandardKey.Delete, self.remove_delegate, self.bookings),
        ):
            shortcut = QShortcut(QKeySequence(keys), widget)
            shortcut.setContext(context if widget is not self.bookings
                                else Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)

    # -- loading ------------------------------------------------------------------
    def load(self, run_id: int) -> None:
        sheet = service.run_sheet(self.session, run_id)
        self.run = sheet
        agencies = [(a["id"], a["name"]) for a in service.agency_choices(self.session)]
        self.agency.clear()
        for agency_id, name in agencies:
            self.agency.addItem(name, agency_id)
        self.booking_model.set_source(ListSource([
            {**b, "status_label": service.STATUS_LABELS.get(b["status"], b["status"])}
            for b in sheet["bookings"]
        ]))
        self.counts_model.load(agencies, sheet["counts"])
        self._counts_loaded = sheet["counts"]
        self._counts_dirty = False
        self._reset_entry()
        show_message(self.message, "")
        self._show_heading()
        # The way this run was recorded so far; counts for a run with nothing yet.
        mode = self.per_delegate if sheet["bookings"] else self.per_agency
        mode.setChecked(True)
        self._mode_toggled(self.mode.id(mode), True)

    def _show_heading(self) -> None:
        run = self.run or {}
        parts = [f"<b>{run.get('course_title', '')}</b>", format_uk(run.get("run_date"))]
        if run.get("venue"):
            parts.append(run["venue"])
        if run.get("capacity"):
            parts.append(f"capacity {run['capacity']}")
        if run.get("cancelled"):
            parts.append("<b>cancelled</b>")
        self.title.setText(", ".join(parts))
        t = run.get("totals") or {}
        self.totals.setText(
            f"{t.get('attendees', 0)} attended, {t.get('booked', 0)} booked, "
            f"{t.get('cancelled', 0)} cancelled, {t.get('no_shows', 0)} no shows"
        )
        totals = self.counts_model.totals()
        self.counts_total.setText(
            f"Total: {totals['attended_count']} attended, {totals['booked_count']} booked, "
            f"{totals['cancelled_count']} cancelled, {totals['no_show_count']} no shows"
            + ("  (not saved)" if self._counts_dirty else "")
        )

    def _mode_toggled(self, mode_id: int, checked: bool) -> None:
        if not checked:
            return
        self.pages.setCurrentIndex(mode_id)
        (self.agency if mode_id == 0 else self.counts).setFocus()
        if mode_id == 1 and self.counts_model.rowCount() and not self.counts.currentIndex().isValid():
            self.counts.setCurrentIndex(self.counts_model.index(0, 1))

    def _reload(self) -> None:
        run_id = self.run["id"]
        self.run = service.run_sheet(self.session, run_id)
        self.booking_model.set_source(ListSource([
            {**b, "status_label": service.STATUS_LABELS.get(b["status"], b["status"])}
            for b in self.run["bookings"]
        ]))
        self._show_heading()
        self.changed.emit(run_id)

    # -- per delegate -------------------------------------------------------------
    def _reset_entry(self) -> None:
        self._editing = self._editing_loaded = None
        self.delegate_name.clear()
        self.job_role.clear()
        self.status.setCurrentIndex(0)
        self.add_button.setText("Add de&legate")

    def edit_delegate(self) -> bool:
        booking_id = current_id(self.bookings, self.booking_model)
        booking = next((b for b in (self.run or {}).get("bookings", [])
                        if b["id"] == booking_id), None)
        if booking is None:
            return False
        self._editing, self._editing_loaded = booking_id, booking
        index = self.agency.findData(booking["agency_id"])
        if index < 0:
            self.agency.addItem(booking["agency_name"], booking["agency_id"])
            index = self.agency.count() - 1
        self.agency.setCurrentIndex(index)
        self.delegate_name.setText(booking["delegate_name"] or "")
        self.job_role.setText(booking["job_role"] or "")
        self.status.setCurrentIndex(max(self.status.findData(booking["status"]), 0))
        self.add_button.setText("Save de&legate")
        self.agency.setFocus()
        return True

    def save_delegate(self) -> int | None:
        if self.run is None:
            return None
        data = {"agency_id": self.agency.currentData(), "status": self.status.currentData(),
                "delegate_name": self.delegate_name.text(), "job_role": self.job_role.text()}
        try:
            if self._editing is None:
                booking_id = service.add_booking(self.session, self.run["id"], data)
            else:
                booking_id = self._editing
                service.update_booking(self.session, booking_id, data,
                                       expected=self._editing_loaded)
        except (ValidationFailed, PermissionDenied) as exc:
            show_message(self.message, problem_words(exc))
            return None
        show_message(self.message, "")
        self._reset_entry()
        self._reload()
        select_id(self.bookings, self.booking_model, booking_id)
        self.delegate_name.setFocus()
        return booking_id

    def remove_delegate(self) -> bool:
        booking_id = current_id(self.bookings, self.booking_model)
        if booking_id is None:
            return False
        row = self.booking_model.row_values(self.booking_model.row_of(booking_id))
        who = row.get("delegate_name") or "the delegate"
        if not Dialogs.confirm(self, "Remove delegate",
                               f"Remove {who} ({row.get('agency_name')}) from this run?",
                               yes_text="Remove delegate", destructive=True):
            return False
        try:
            loaded = next((b for b in self.run["bookings"] if b["id"] == booking_id), None)
            service.delete_booking(self.session, booking_id, expected=loaded)
        except (ValidationFailed, PermissionDenied) as exc:
            show_message(self.message, problem_words(exc))
            return False
        self._reset_entry()
        self._reload()
        self.bookings.setFocus()
        return True

    def delegate_rows(self) -> list[tuple[str, str, str, str]]:
        m = self.booking_model
        names = ("agency_name", "delegate_name", "job_role", "status_label")
        return [tuple(m.index(r, m.column_index(n)).data() or "" for n in names)
                for r in range(m.rowCount())]

    # -- counts per agency --------------------------------------------------------
    def _counts_edited(self) -> None:
        self._counts_dirty = True
        self._show_heading()

    def set_count(self, agency_id: int, column: str, value: int) -> bool:
        """Type one count, as a user does in the sheet (for tests and callers)."""
        row = self.counts_model.row_of(agency_id)
        if row is None:
            return False
        index = self.counts_model.index(row, self.counts_model.column_index(column))
        return self.counts_model.setData(index, value)

    def save_counts(self) -> bool:
        if self.run is None:
            return False
        editor = QApplication.focusWidget()
        if editor is not None and self.counts.isAncestorOf(editor):  # a count being typed
            self.counts.commitData(editor)
            self.counts.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        rows = self.counts_model.rows()
        try:
            service.set_counts(self.session, self.run["id"], rows,
                               expected=self._counts_loaded)
        except (ValidationFailed, PermissionDenied) as exc:
            show_message(self.message, problem_words(exc))
            return False
        self._counts_loaded = rows  # the sheet now holds what is stored
        self._counts_dirty = False
        show_message(self.message, "")
        self._reload()
        return True

    def has_unsaved_counts(self) -> bool:
        return self._counts_dirty

    def confirm_leave(self) -> bool:
        if not self._counts_dirty:
            return True
        choice = Dialogs.save_discard_cancel(self, "Unsaved counts",
                                             "The counts for this run are not saved.")
        if choice == "save":
            return self.save_counts()
        if choice == "discard":
            self._counts_dirty = False
            return True
        return False
