"""A Board meeting and its attendance grid: the Designer form ``ui/board_meeting_form.ui``
bound through the record-form protocol to ``domains.board.service``.

The date, type and notes are bound fields; the grid (``gui.board_grid``) lists the seats
active on the meeting's date. The quorum line is the service's ``preview_quorum`` of
the grid as filled so far, redrawn after every key. Save hands the meeting and the
whole grid to ``record_meeting`` (new) or ``update_meeting`` (saved) in one call;
problems with a row (``attendance:<role id>``) show in its Check column, the rest
beside their fields or above the form.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from hscb_desktop.core.clock import local_today
from hscb_desktop.core.dates import format_uk
from hscb_desktop.core.validation import PermissionDenied, Problem, Severity, error
from hscb_desktop.domains.board import service
from hscb_desktop.domains.board import vocab as V
from hscb_desktop.gui.board_common import ERROR_STYLE, WARNING_STYLE, code_label, fill_codes
from hscb_desktop.gui.board_grid import KEY_HELP, AttendanceModel, quorum_text
from hscb_desktop.gui.forms.ui_board_meeting_form import Ui_BoardMeetingForm
from hscb_desktop.gui.record_form import Record, RecordForm

FIELDS = ("meeting_date", "meeting_type", "notes")
ROW_FIELD = "attendance:"  # the service's field for a problem with one seat's row
_QUORATE_STYLE = "font-weight: bold; color: #1d5e20;"
_NOT_QUORATE_STYLE = "font-weight: bold; color: #9b1c1c;"
_GRID_WIDTHS = {"label": 430, "holder": 150, "status": 150, "attendee_name": 190}


class MeetingForm(RecordForm):
    """One meeting. ``load(None)`` starts a new one dated today; ``save()`` records it."""

    back_requested = Signal()
    close_requested = Signal()  # "Save and close" saved: back to the list
    meeting_saved = Signal(int)

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent, saver=self._store, validator=self._validate)
        self.session = session
        self.ui = ui = Ui_BoardMeetingForm()
        ui.setupUi(self)
        fill_codes(ui.meeting_type, V.MEETING_TYPES)
        self.model = AttendanceModel(self)
        ui.grid.setModel(self.model)
        for name, width in _GRID_WIDTHS.items():
            ui.grid.setColumnWidth(self.model.column_index(name), width)
        for name in FIELDS:
            self.bind_field(name, getattr(ui, name), getattr(ui, f"{name}Problem"))
        self.set_message_area(ui.messages)
        self.set_conflict_reader(  # issue 11: a stale save shows what changed
            lambda started, fields: service.meeting_changes(
                self.session, started["id"], started, fields
            )
        )
        self._sectors: list[str] = []
        self._grid_date = None  # the date the grid's rows were listed for
        ui.keysText.setText(
            f"Grid &keys (Alt+K): {KEY_HELP}. Each key moves to the next seat; after d, "
            "type the deputy's name and press Enter. Delete clears a row."
        )
        ui.meeting_date.editingFinished.connect(self._date_entered)
        ui.meeting_type.currentIndexChanged.connect(lambda _i: self._show_title())
        self.model.gridChanged.connect(self._grid_edited)
        ui.grid.hint.connect(self._show_hint)
        ui.grid.selectionModel().currentRowChanged.connect(self._row_entered)
        ui.grid.finished.connect(
            lambda: self._show_hint("Every seat has a row: Ctrl+S saves the meeting.", "")
        )
        ui.saveButton.clicked.connect(self.save)
        ui.saveCloseButton.clicked.connect(self.save_and_close)
        ui.backButton.clicked.connect(self.back_requested)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (
            (QKeySequence.StandardKey.Save, self.save),
            ("Ctrl+Return", self.save_and_close),
            ("Ctrl+Enter", self.save_and_close),
            ("Escape", self.back_requested.emit),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)
        self.load(None)

    # -- the protocol -----------------------------------------------------------
    def load(self, record: Record | None) -> None:
        """A saved meeting (``service.get_meeting``), or None: a new ordinary meeting
        dated today."""
        self._sectors = self._quorum_sectors()
        self.model.clear()
        if record is None:
            super().load({"meeting_type": "ordinary",
                          "meeting_date": local_today(self.session.clock)})
            self.record = None
        else:
            super().load(record)
        self._list_seats()
        self._loaded_grid = self.model.grid()  # to tell the rows typed since (issue 11)
        self._show_title()
        self._show_hint("")

    def reload(self, meeting_id: int) -> None:
        self.load(service.get_meeting(self.session, meeting_id))

    # -- issue 11: the grid is part of a conflict and of "Keep my changes" -------------
    def conflict_fields(self) -> list[str]:
        return [*self.field_names, "grid"]

    def field_label(self, name: str) -> str:
        return "Attendance" if name == "grid" else super().field_label(name)

    def display_value(self, name: str, value) -> str:
        if name != "grid":
            return super().display_value(name, value)
        rows = list(value or [])
        return f"{sum(1 for r in rows if r.status)} of {len(rows)} seats recorded"

    def pending_extra(self) -> dict[int, tuple[str | None, str | None]]:
        """The grid rows typed since the meeting was loaded."""
        loaded = getattr(self, "_loaded_grid", {})
        return {k: v for k, v in self.model.grid().items() if loaded.get(k) != v}

    def pending_words(self, name: str) -> str | None:
        """The conflict view's "yours" for the grid: the rows typed since loading."""
        rows = self.pending_extra() if name == "grid" else {}
        words = []
        for role_id, (status, deputy) in rows.items():
            line = self.model.line(self.model.row_of(role_id))
            said = V.ATTENDANCE_STATUSES.label(status) if status else "blank"
            words.append(f"{line.label}: {said}{f' ({deputy})' if deputy else ''}")
        return "; ".join(words) or None

    def restore_extra(self, extra) -> None:
        for role_id, (status, name) in (extra or {}).items():
            row = self.model.row_of(role_id)
            if row is not None:
                self.model.set_status(row, status)
                self.model.set_name(row, name or "")

    @property
    def record_id(self) -> int | None:
        return self.record.get("id") if self.record else None

    def values(self) -> Record:
        values = super().values()
        values["meeting_type"] = self.ui.meeting_type.currentData()
        return values

    def service_grid(self) -> dict[int, tuple[str | None, str | None]]:
        """The grid as the service takes it; a saved row no longer listed (the date
        moved) is given blank, which clears it."""
        grid = self.model.grid()
        for cell in (self.record or {}).get("grid") or []:
            grid.setdefault(cell.role_id, (None, None))
        return grid

    def _validate(self, values: Record) -> list[Problem]:
        try:
            return service.check_meeting(self.session, values, self.service_grid(),
                                         self.record_id)
        except PermissionDenied as exc:  # locked or expired meanwhile
            return [error("", str(exc))]

    def _store(self, values: Record) -> int:
        grid = self.service_grid()
        if self.record is None:
            return service.record_meeting(self.session, values, grid)
        service.update_meeting(self.session, self.record["id"], values, grid,
                               expected_version=self.record["version"])
        return self.record["id"]

    def save(self) -> int | None:
        """Check and save; on success show the saved meeting with its warnings."""
        meeting_id = super().save()
        if meeting_id is None:
            return None
        self.reload(meeting_id)
        self.show_problems([p for p in self.check() if not p.blocking])
        self.meeting_saved.emit(meeting_id)
        return meeting_id

    def save_and_close(self) -> int | None:
        meeting_id = self.save()
        if meeting_id is not None:
            self.close_requested.emit()
        return meeting_id

    # -- problems -----------------------------------------------------------------
    def show_problems(self, problems) -> None:
        """Row problems go to the grid's Check column, the rest beside their fields."""
        rows: dict[int, list[str]] = {}
        rest: list[Problem] = []
        for p in problems:
            role = p.field[len(ROW_FIELD):] if p.field.startswith(ROW_FIELD) else ""
            if role.isdigit() and self.model.row_of(int(role)) is not None:
                words = f"{'Error' if p.blocking else 'Warning'}: {p.message}"
                rows.setdefault(int(role), []).append(words)
            else:
                rest.append(p)
        self.model.set_problems({k: " ".join(v) for k, v in rows.items()})
        rest.sort(key=lambda p: not p.blocking)  # errors first
        if rows:
            n = len(rows)
            blocking = any(t.startswith("Error") for v in rows.values() for t in v)
            summary = Problem(
                "",
                f"{n} seat{'s' if n != 1 else ''} in the grid need{'s' if n == 1 else ''} "
                "attention: see the Check column.",
                Severity.ERROR if blocking else Severity.WARNING,
            )
            rest.insert(0 if blocking else len(rest), summary)
        super().show_problems(rest)
        message = self.message_text()
        self.ui.messages.setStyleSheet(
            ERROR_STYLE if message.startswith("Error") or "\nError" in message
            else WARNING_STYLE if message else ""
        )
        for name in FIELDS:
            text = self.problem_text(name)
            label = getattr(self.ui, f"{name}Problem")
            label.setStyleSheet(ERROR_STYLE if text.startswith("Error") else WARNING_STYLE)
        first = self.model.problem_rows()
        row_errors = any(p.blocking for p in problems if p.field.startswith(ROW_FIELD))
        field_errors = any(p.blocking for p in rest if p.field in FIELDS)
        if first and row_errors and not field_errors:  # the cursor to the row to fix
            self.ui.grid.go_to(first[0], "status")
            self.ui.grid.setFocus()
        self._row_entered(self.ui.grid.currentIndex(), None)

    def row_problem(self, role_id: int) -> str:
        row = self.model.row_of(role_id)
        return self.model.line(row).problem if row is not None else ""

    # -- the grid -----------------------------------------------------------------
    def _quorum_sectors(self) -> list[str]:
        try:
            return list(service.get_quorum_rule(self.session).get("sectors") or [])
        except PermissionDenied:
            return []

    def _date_entered(self) -> None:
        if self.ui.meeting_date.date() != self._grid_date:
            self._list_seats()
            self._show_title()

    def _list_seats(self) -> None:
        """The rows for the date typed (statuses already entered stay with their seats)."""
        when = self.ui.meeting_date.date()
        self._grid_date = when
        record = self.record
        if when is None:
            self.model.clear()
        elif record is not None and when == record.get("meeting_date"):
            self.model.set_rows(record.get("grid") or [])
        else:
            self.model.set_rows(service.meeting_grid(self.session, meeting_date=when))
        self._show_quorum()

    def _grid_edited(self) -> None:
        self.set_dirty(True)
        self._show_quorum()
        if self.model.problem_rows():  # re-check, so a fixed row loses its problem
            self.show_problems(self.check())
            self.ui.grid.setFocus()

    def _show_quorum(self) -> None:
        ui, n = self.ui, self.model.rowCount()
        when = ui.meeting_date.date()
        if when is None or not n:
            ui.quorumText.setText(
                "Enter the meeting's date to list the seats active that day." if when is None
                else "No seats were active on that date: add them on the Seats tab."
            )
            ui.quorumText.setStyleSheet("")
            ui.filledText.setText("")
            return
        try:
            result = service.preview_quorum(self.session, when, self.model.grid())
        except PermissionDenied as exc:
            ui.quorumText.setText(str(exc))
            return
        ui.quorumText.setText(quorum_text(result, self._sectors))
        ui.quorumText.setStyleSheet(_QUORATE_STYLE if result.quorate else _NOT_QUORATE_STYLE)
        ui.filledText.setText(f"   {self.model.filled()} of {n} seats recorded")

    def _row_entered(self, current, _previous) -> None:
        """A row with a problem says it in full under the grid (the Check column is
        narrow)."""
        if current.isValid():
            problem = self.model.line(current.row()).problem
            if problem:
                self._show_hint(problem, ERROR_STYLE if problem.startswith("Error")
                                else WARNING_STYLE)
            elif self.ui.hintText.text().startswith(("Error", "Warning")):
                self._show_hint("")

    def quorum_line(self) -> str:
        return self.ui.quorumText.text()

    def _show_hint(self, text: str, style: str | None = None) -> None:
        label = self.ui.hintText
        label.setText(text)
        label.setStyleSheet(ERROR_STYLE if style is None and text else style or "")
        label.setVisible(bool(text))

    def _show_title(self) -> None:
        record = self.record
        kind = self.ui.meeting_type.currentData()
        counts = (record or {}).get("counts_override")
        counting = counts if isinstance(counts, bool) else V.counts_for_attendance(kind)
        note = "counts towards attendance" if counting else "does not count towards attendance"
        if record is None:
            title = "<b>New Board meeting</b>"
        else:
            title = f"<b>Meeting of {format_uk(record.get('meeting_date'))}</b>"
        label = code_label(V.MEETING_TYPES, kind)
        self.ui.formTitle.setText(f"{title} - {label}, {note}" if kind else title)

    def grid_statuses(self) -> list[tuple[str, Any, Any]]:
        """(label, status, deputy's name) per row, as the grid holds them (for tests)."""
        return [
            (line.label, line.status, line.attendee_name)
            for line in (self.model.line(r) for r in range(self.model.rowCount()))
        ]

