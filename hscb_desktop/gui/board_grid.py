"""A Board meeting's attendance grid: one row per seat, one keystroke per row.

``AttendanceModel`` holds the rows ``board.service.meeting_grid`` gives (seat, holder,
status, deputy's name) and the problems the service finds per row (fields
``attendance:<role id>``). ``AttendanceView`` turns a key into a status
(``vocab.STATUS_KEYS``: a attended, d deputy attended, p apologies, x absent,
n not required) and moves to the next row; after d on a seat that allows a deputy it
opens the deputy's name, and Enter there moves on. Delete or Backspace clears a row.
Mouse users double-click a status for a list of them.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from hscb_desktop.core.vocab import AGENCY_SECTORS
from hscb_desktop.domains.board import vocab as V

Index = QModelIndex | QPersistentModelIndex
COLUMNS = (
    ("label", "Seat"),
    ("holder", "Holder"),
    ("status", "Attendance"),
    ("attendee_name", "Deputy who attended"),
    ("problem", "Check"),
)
DEPUTY = "deputy_attended"
KEY_HELP = ", ".join(
    f"{key} {V.ATTENDANCE_STATUSES.label(code).lower()}" for key, code in V.STATUS_KEYS.items()
)
_INACTIVE = QBrush(QColor("#6b6b6b"))
_ERROR = QBrush(QColor("#9b1c1c"))
_WARNING = QBrush(QColor("#7a4a00"))


@dataclass
class GridLine:
    """One row as the screen edits it (GridRow is frozen: the service's answer)."""

    role_id: int
    label: str
    holder: str | None
    status: str | None
    attendee_name: str | None
    deputy_allowed: bool
    agency_name: str | None
    active: bool = True
    problem: str = ""


class AttendanceModel(QAbstractTableModel):
    gridChanged = Signal()  # a status or a deputy's name changed (not on load)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._lines: list[GridLine] = []
        self._by_name = {name: i for i, (name, _) in enumerate(COLUMNS)}

    # -- contents -------------------------------------------------------------
    def column_index(self, name: str) -> int:
        return self._by_name[name]

    def set_rows(self, rows) -> None:
        """``service.meeting_grid`` rows; a seat already in the grid keeps what was
        entered for it (the meeting's date changed, so the seats may have changed)."""
        kept = {line.role_id: line for line in self._lines}
        self.beginResetModel()
        self._lines = []
        for row in rows:
            old = kept.get(row.role_id)
            self._lines.append(GridLine(
                row.role_id, row.label, row.holder,
                old.status if old else row.status,
                old.attendee_name if old else row.attendee_name,
                row.deputy_allowed, row.agency_name, row.active,
            ))
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._lines = []
        self.endResetModel()

    def line(self, row: int) -> GridLine:
        return self._lines[row]

    def row_of(self, role_id: int) -> int | None:
        return next((i for i, line in enumerate(self._lines) if line.role_id == role_id), None)

    def grid(self) -> dict[int, tuple[str | None, str | None]]:
        """Every row as the service takes it: {role id: (status or None, deputy's name)}."""
        return {
            line.role_id: (line.status, line.attendee_name if line.status == DEPUTY else None)
            for line in self._lines
        }

    def role_ids(self) -> list[int]:
        return [line.role_id for line in self._lines]

    def filled(self) -> int:
        return sum(1 for line in self._lines if line.status)

    def set_status(self, row: int, status: str | None) -> str:
        """Set a row's status; returns "" or why it was refused (a deputy where none may
        attend)."""
        line = self._lines[row]
        if status == DEPUTY and not line.deputy_allowed:
            return f"{line.label}: this seat does not allow a deputy to attend."
        if line.status != status:
            line.status = status
            self._changed(row)
        return ""

    def set_name(self, row: int, name: str) -> None:
        line = self._lines[row]
        name = name.strip() or None
        if line.attendee_name != name:
            line.attendee_name = name
            self._changed(row)

    def set_problems(self, problems: dict[int, str]) -> None:
        """Each row's problem text (role id -> "Error: ..."); rows not named are cleared."""
        for row, line in enumerate(self._lines):
            text = problems.get(line.role_id, "")
            if line.problem != text:
                line.problem = text
                index = self.index(row, self.column_index("problem"))
                self.dataChanged.emit(index, index)

    def problem_rows(self) -> list[int]:
        return [row for row, line in enumerate(self._lines) if line.problem]

    def _changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        self.gridChanged.emit()

    # -- QAbstractTableModel ------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return COLUMNS[section][1]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._lines):
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        flags |= Qt.ItemFlag.ItemNeverHasChildren
        name = COLUMNS[index.column()][0]
        line = self._lines[index.row()]
        if name == "status" or (name == "attendee_name" and line.status == DEPUTY):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line, name = self._lines[index.row()], COLUMNS[index.column()][0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(line, name, role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.ToolTipRole:
            if name == "label":
                tip = line.agency_name or "No agency"
                return tip if line.active else f"{tip} (not active on the meeting date)"
            if name == "problem" and line.problem:
                return line.problem
            if name == "status":
                return f"Keys: {KEY_HELP}"
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if name == "problem" and line.problem:
                return _ERROR if line.problem.startswith("Error") else _WARNING
            if not line.active:
                return _INACTIVE
            return None
        if role == Qt.ItemDataRole.AccessibleTextRole and name == "status":
            return self._text(line, name, False) or "Not recorded"
        return None

    def _text(self, line: GridLine, name: str, edit: bool) -> str | None:
        if name == "label":
            return line.label if line.active else f"{line.label} (ended)"
        if name == "holder":
            return line.holder or ""
        if name == "status":
            if edit:
                return line.status
            return V.ATTENDANCE_STATUSES.label(line.status) if line.status else ""
        if name == "attendee_name":
            if line.status == DEPUTY:
                return line.attendee_name or ("" if edit else "(type the name)")
            return ""
        return line.problem

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        name = COLUMNS[index.column()][0]
        if name == "status":
            if value not in (None, "") and value not in V.ATTENDANCE_STATUSES:
                return False
            return not self.set_status(index.row(), value or None)
        if name == "attendee_name" and self._lines[index.row()].status == DEPUTY:
            self.set_name(index.row(), str(value or ""))
            return True
        return False


class StatusDelegate(QStyledItemDelegate):
    """A list of the statuses, for a double-click or F2 on the status cell."""

    def createEditor(self, parent: QWidget, option, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.addItem("", None)
        for key, code in V.STATUS_KEYS.items():
            combo.addItem(f"{V.ATTENDANCE_STATUSES.label(code)} ({key})", code)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor: QWidget, model, index: Index) -> None:
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class AttendanceView(QTableView):
    """The grid's view: status keys, then on to the next row."""

    hint = Signal(str)  # why a key did nothing ("" once a key worked)
    finished = Signal()  # a status was set on the last row

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setTabKeyNavigation(False)  # Tab leaves the grid for the Save buttons
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.setAccessibleName("Attendance grid")
        self.setAccessibleDescription(f"One key per seat: {KEY_HELP}.")
        self._delegate = StatusDelegate(self)

    def setModel(self, model) -> None:
        super().setModel(model)
        if isinstance(model, AttendanceModel):
            self.setItemDelegateForColumn(model.column_index("status"), self._delegate)
            header = self.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            header.setStretchLastSection(True)
            self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
            self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            model.modelReset.connect(self.go_to_first)

    def grid_model(self) -> AttendanceModel:
        model = self.model()
        assert isinstance(model, AttendanceModel)
        return model

    def go_to_first(self) -> None:
        """The first row without a status (or the first row), on its status cell."""
        model = self.grid_model()
        if not model.rowCount():
            return
        row = next((r for r in range(model.rowCount()) if not model.line(r).status), 0)
        self.go_to(row, "status")

    def go_to(self, row: int, column: str = "status") -> None:
        index = self.grid_model().index(row, self.grid_model().column_index(column))
        self.setCurrentIndex(index)
        self.scrollTo(index)

    # -- keys -------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        model = self.model()
        if not isinstance(model, AttendanceModel) or not index.isValid():
            super().keyPressEvent(event)
            return
        mods = event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        )
        key, text = event.key(), event.text()
        in_name = index.column() == model.column_index("attendee_name")
        if mods or (in_name and model.flags(index) & Qt.ItemFlag.ItemIsEditable):
            super().keyPressEvent(event)  # shortcuts; typing a deputy's name
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            model.set_status(index.row(), None)
            self.hint.emit("")
            return
        if text and text.isprintable() and not text.isspace():
            status = V.STATUS_KEYS.get(text.lower())
            if status is None:
                self.hint.emit(f"Press {KEY_HELP}.")
            else:
                self.set_status_at(index.row(), status)
            return
        super().keyPressEvent(event)

    def set_status_at(self, row: int, status: str) -> None:
        model = self.grid_model()
        refused = model.set_status(row, status)
        self.hint.emit(refused)
        if refused:
            return
        if status == DEPUTY:  # the name next, then Enter moves on
            self.go_to(row, "attendee_name")
            self.edit(self.currentIndex())
            return
        self._next_row(row)

    def _next_row(self, row: int) -> None:
        if row + 1 < self.grid_model().rowCount():
            self.go_to(row + 1, "status")
        else:
            self.go_to(row, "status")
            self.finished.emit()

    def closeEditor(self, editor: QWidget, hint) -> None:
        index = self.currentIndex()
        super().closeEditor(editor, hint)
        model = self.model()
        if (
            isinstance(model, AttendanceModel)
            and index.isValid()
            and index.column() == model.column_index("attendee_name")
            and hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache
        ):
            self._next_row(index.row())


def sector_label(code: str) -> str:
    return AGENCY_SECTORS.label(code).lower() if code in AGENCY_SECTORS else code


def _join(words: list[str], last: str) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {last} {words[-1]}"


def quorum_text(result, sectors) -> str:
    """The quorum line: "Quorate: local authority, police and health present" or
    "Not quorate: no police attendee" (the domain decides, this wording is the GUI's)."""
    order = list(AGENCY_SECTORS)
    ordered = sorted(sectors or [], key=lambda s: order.index(s) if s in order else len(order))
    if result.quorate:
        if ordered:
            return f"Quorate: {_join([sector_label(s) for s in ordered], 'and')} present"
        return f"Quorate: {result.present} present"
    parts = []
    missing = [s for s in ordered if s in result.missing_sectors]
    missing += [s for s in result.missing_sectors if s not in missing]
    if missing:
        parts.append(f"no {_join([sector_label(s) for s in missing], 'or')} attendee")
    if result.present < result.min_present:
        parts.append(f"{result.present} present of the {result.min_present} needed")
    return "Not quorate: " + "; ".join(parts or ["not enough present"])
