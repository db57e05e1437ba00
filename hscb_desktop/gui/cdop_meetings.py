"""Panel meetings: the list of meetings, the chosen meeting's details and agenda, and the
deaths ready for panel to put on it; the agenda leads to each case's review and to the
panel pack (``gui.cdop_pack``).

New meeting (Ctrl+N in the list) starts a blank meeting; the agenda waits until it is
saved. Add to agenda puts the chosen ready case at the end; Remove takes the chosen agenda
case off (refused once the panel completed its review at this meeting).
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hscb_desktop.core.clock import local_today
from hscb_desktop.core.validation import PermissionDenied, ValidationFailed
from hscb_desktop.domains.cdop import queries, rules, service
from hscb_desktop.gui.cdop_common import (
    ERROR_STYLE,
    NOTE_STYLE,
    CdopForm,
    YesNoCombo,
    plural,
    problem_words,
)
from hscb_desktop.gui.cdop_pack import print_panel_pack
from hscb_desktop.gui.record_form import Record, UkDateEdit
from hscb_desktop.gui.tables import Column, RecordTableModel

MEETING_COLUMNS = [
    Column("meeting_date", "Date", "date"),
    Column("quorate_text", "Quorate"),
    Column("agenda_count", "Cases", "int"),
    Column("reviews_completed", "Reviewed", "int"),
    Column("notes", "Notes"),
]
READY_COLUMNS = [
    Column("ref", "Reference"),
    Column("date_of_death", "Died", "date"),
    Column("expected", "Expected"),
    Column("next_meeting", "On agenda for", "date"),
]
_ID_ROLE = Qt.ItemDataRole.UserRole


class MeetingSource:
    """``service.list_meetings`` as a whole-list row source (newest first)."""

    def __init__(self, meetings: list[dict[str, Any]]) -> None:
        self._rows = {}
        for m in meetings:
            quorate = m.get("quorate")
            self._rows[m["id"]] = {
                **m, "quorate_text": {True: "Yes", False: "No"}.get(quorate, "")
            }
        self._order = [m["id"] for m in meetings]

    def ids(self, sort: str | None, descending: bool) -> list[int]:
        if sort is None:
            return list(reversed(self._order)) if descending else list(self._order)
        return sorted(
            self._order,
            key=lambda i: (self._rows[i].get(sort) is None, self._rows[i].get(sort) or 0, i)
            if sort != "notes" else ((self._rows[i].get(sort) or "").casefold(), i),
            reverse=descending,
        )

    def rows(self, ids: list[int]) -> dict[int, dict[str, Any]]:
        return {i: self._rows[i] for i in ids if i in self._rows}

    def meeting(self, meeting_id: int) -> dict[str, Any] | None:
        return self._rows.get(meeting_id)


class ReadySource:
    """The deaths ready for panel (``queries.case_list(ready_for_panel=True)``), less those
    already on the agenda being prepared."""

    def __init__(self, session, exclude: set[int] = frozenset()) -> None:
        self.cases = queries.case_list(session, ready_for_panel=True)
        self.exclude = set(exclude)

    def ids(self, sort: str | None, descending: bool) -> list[int]:
        ids = self.cases.ids(sort or "date_of_death", descending)
        return [i for i in ids if i not in self.exclude]

    def rows(self, ids: list[int]) -> dict[int, dict[str, Any]]:
        return self.cases.rows(ids)


class MeetingForm(CdopForm):
    """A meeting's date, quorum and notes (``rules.validate_meeting``, then the service)."""

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent, saver=self._store, validator=rules.validate_meeting)
        self.session = session
        self.meeting_date = UkDateEdit(self)
        self.meeting_date.setMaximumWidth(120)
        self.quorate = YesNoCombo(self)
        self.quorate.setMaximumWidth(100)
        self.notes = QLineEdit(self)
        self.messages = QLabel(self)
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addRow(self.messages)
        for text, editor, accessible in (("Meeting &date", self.meeting_date, "Meeting date"),
                                         ("&Quorate", self.quorate, "Quorate"),
                                         ("No&tes", self.notes, "Notes")):
            label = QLabel(text, self)
            label.setBuddy(editor)
            editor.setAccessibleName(accessible)
            layout.addRow(label, editor)
        self.bind_fields([("meeting_date", self.meeting_date), ("quorate", self.quorate),
                          ("notes", self.notes)])
        self.set_message_area(self.messages)
        self.load(None)

    def _store(self, values: Record) -> int:
        if self.record is None:
            return service.create_meeting(self.session, values)
        # The meeting as loaded: one someone else changed since is refused, the typing kept.
        service.update_meeting(self.session, self.record["id"], values, expected=self.record)
        self.record = {**self.record, **values}  # as stored now, until the tab re-reads it
        return self.record["id"]

    @property
    def meeting_id(self) -> int | None:
        return self.record.get("id") if self.record else None


class MeetingsTab(QWidget):
    open_case_requested = Signal(int, str, object)  # death id, case tab, meeting id
    agenda_changed = Signal()

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.source: MeetingSource | None = None

        # The meetings.
        self.model = RecordTableModel(MEETING_COLUMNS, None, self)
        self.table = self._view("meetings", "Panel meetings", self.model)
        metrics = self.fontMetrics()
        for name, sample in (("meeting_date", "00/00/0000"), ("quorate_text", "Quorate"),
                             ("agenda_count", "Cases"), ("reviews_completed", "Reviewed")):
            self.table.setColumnWidth(self.model.column_index(name),
                                      metrics.horizontalAdvance(sample) + 18)
        self.new_button = QPushButton("&New meeting", self)
        self.new_button.setToolTip("Plan a panel meeting (Ctrl+N)")
        self.new_button.clicked.connect(self.new_meeting)
        meetings_label = QLabel("Panel &meetings", self)
        meetings_label.setBuddy(self.table)

        # The chosen meeting.
        self.form = MeetingForm(session, self)
        self.save_button = QPushButton("&Save meeting", self)
        self.save_button.clicked.connect(self.save_meeting)
        self.form_title = QLabel(self)
        meeting_box = QGroupBox("Meeting", self)
        box = QVBoxLayout(meeting_box)
        box.addWidget(self.form_title)
        box.addWidget(self.form)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        box.addLayout(row)

        # Its agenda.
        self.agenda = QTableWidget(0, 3, self)
        self.agenda.setObjectName("agenda")
        self.agenda.setAccessibleName("Agenda")
        self.agenda.setHorizontalHeaderLabels(["No.", "Reference", "Review"])
        self._table_look(self.agenda)
        self.agenda.setColumnWidth(0, self.fontMetrics().horizontalAdvance("No.") + 18)
        self.agenda.setColumnWidth(1, self.fontMetrics().horizontalAdvance("CDOP-2026-000") + 18)
        self.agenda.activated.connect(lambda _i: self.open_review())
        self.open_button = QPushButton("&Open case", self)
        self.open_button.setToolTip("Open the chosen case's notification")
        self.review_button = QPushButton("&Record review", self)
        self.review_button.setToolTip("Record the panel's review of the chosen case (Enter)")
        self.remove_button = QPushButton("Remo&ve", self)
        self.remove_button.setToolTip("Take the chosen case off the agenda (Delete)")
        self.pack_button = QPushButton("&Print panel pack…", self)
        self.pack_button.setToolTip(
            "Save the agenda's cases as a PDF for the panel, without names, NHS numbers, "
            "dates of birth or postcodes"
        )
        self.open_button.clicked.connect(self.open_case)
        self.review_button.clicked.connect(self.open_review)
        self.remove_button.clicked.connect(self.remove_from_agenda)
        self.pack_button.clicked.connect(self.print_pack)
        self.agenda.itemSelectionChanged.connect(self._update_buttons)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.agenda)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.remove_from_agenda)
        agenda_box = QGroupBox("A&genda", self)
        agenda_layout = QVBoxLayout(agenda_box)
        agenda_layout.addWidget(self.agenda, 1)
        buttons = QHBoxLayout()
        for button in (self.review_button, self.open_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.pack_button)
        agenda_layout.addLayout(buttons)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)

        # The deaths ready for panel.
        self.ready_model = RecordTableModel(READY_COLUMNS, None, self)
        self.ready = self._view("ready", "Deaths ready for panel", self.ready_model)
        for name, sample in (("ref", "CDOP-2026-000"), ("date_of_death", "00/00/0000"),
                             ("expected", "Unexpected")):
            self.ready.setColumnWidth(self.ready_model.column_index(name),
                                      metrics.horizontalAdvance(sample) + 18)
        self.ready.activated.connect(lambda _i: self.add_to_agenda())
        self.add_button = QPushButton("&Add to agenda", self)
        self.add_button.setToolTip("Put the chosen case on this meeting's agenda (Enter)")
        self.add_button.clicked.connect(self.add_to_agenda)
        ready_box = QGroupBox("Read&y for panel", self)
        ready_box.setToolTip("Open cases whose notification is complete and whose agency reports "
                             "have all been received")
        ready_layout = QVBoxLayout(ready_box)
        ready_layout.addWidget(self.ready, 1)
        self.ready_text = QLabel(self)
        self.ready_text.setWordWrap(True)
        self.ready_text.setStyleSheet(NOTE_STYLE)
        ready_layout.addWidget(self.ready_text)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        ready_layout.addLayout(add_row)
        self.ready.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        left = QVBoxLayout()
        left.addWidget(meetings_label)
        left.addWidget(self.table, 1)
        new_row = QHBoxLayout()
        new_row.addWidget(self.new_button)
        new_row.addStretch(1)
        left.addLayout(new_row)
        middle = QVBoxLayout()
        middle.addWidget(meeting_box)
        middle.addWidget(agenda_box, 1)
        middle.addWidget(self.message)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(middle, 4)
        layout.addWidget(ready_box, 3)
        for view in (self.table, self.agenda, self.ready):
            view.setMinimumWidth(200)

        self.table.selectionModel().currentRowChanged.connect(self._meeting_chosen)
        shortcut = QShortcut(QKeySequence.StandardKey.New, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.new_meeting)
        self.setFocusProxy(self.table)
        self.refresh()

    def _view(self, name: str, accessible: str, model: RecordTableModel) -> QTableView:
        view = QTableView(self)
        view.setObjectName(name)
        view.setAccessibleName(accessible)
        view.setModel(model)
        self._table_look(view)
        return view

    def _table_look(self, view) -> None:
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setTabKeyNavigation(False)
        view.setAlternatingRowColors(True)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setStretchLastSection(True)
        view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)

    # -- contents ---------------------------------------------------------
    def refresh(self, select: int | None = None) -> None:
        """Re-read the meetings (keeping the chosen one) and the ready list."""
        keep = select if select is not None else self.form.meeting_id
        self.source = MeetingSource(service.list_meetings(self.session))
        self.table.selectionModel().blockSignals(True)
        try:
            self.model.set_source(self.source)
        finally:
            self.table.selectionModel().blockSignals(False)
        row = self.model.row_of(keep) if keep is not None else None
        if row is None and keep is None and self.model.rowCount() and self.form.record is None \
                and not self.form.is_dirty():
            row = self._next_meeting_row()
        if row is not None:
            self._select_meeting_row(row)
            self._show_meeting(self.model.id_at(row))
        elif keep is not None:
            self._show_meeting(None)
        else:
            self._show_agenda()

    def _next_meeting_row(self) -> int:
        """The first meeting from today on (else the latest): the one being prepared."""
        today = local_today(self.session.clock)
        upcoming = [(self.source.meeting(i)["meeting_date"], r)
                    for r, i in enumerate(self.model_ids())
                    if self.source.meeting(i)["meeting_date"] >= today]
        return min(upcoming)[1] if upcoming else 0

    def model_ids(self) -> list[int]:
        return [self.model.id_at(r) for r in range(self.model.rowCount())]

    def _select_meeting_row(self, row: int) -> None:
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        try:
            selection.setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        finally:
            selection.blockSignals(False)

    def _meeting_chosen(self, current, _previous) -> None:
        if not current.isValid():
            return
        meeting_id = self.model.id_at(current.row())
        if meeting_id == self.form.meeting_id:
            return
        if not self.form.confirm_leave(self):
            row = self.model.row_of(self.form.meeting_id) if self.form.meeting_id else None
            if row is not None:
                self._select_meeting_row(row)
            return
        self._show_meeting(meeting_id)

    def choose_meeting(self, meeting_id: int) -> None:
        row = self.model.row_of(meeting_id)
        if row is not None:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def _show_meeting(self, meeting_id: int | None) -> None:
        meeting = service.get_meeting(self.session, meeting_id) if meeting_id else None
        self.form.load(meeting)
        self.form.reset_live()
        self._show_agenda()

    def current_meeting(self) -> dict[str, Any] | None:
        return self.form.record

    def _show_agenda(self, select: int | None = None) -> None:
        meeting = self.form.record
        on_agenda = {item["death_id"] for item in (meeting or {}).get("agenda") or []}
        self.ready_model.set_source(ReadySource(self.session, on_agenda))
        n = self.ready_model.rowCount()
        if n:
            self.ready.selectRow(0)
            self.ready_text.setText(
                f"{plural(n, 'case')} ready: notification complete and every agency report "
                "received" + ("; not on this agenda." if meeting else ".")
            )
        elif on_agenda:
            self.ready_text.setText("Every case ready for panel is on this agenda.")
        else:
            self.ready_text.setText("No case is ready for panel: the Cases tab lists those "
                                    "awaiting agency reports.")
        if meeting is None:
            self.form_title.setText("<b>New meeting</b>: save it, then add cases to its agenda")
        else:
            today = local_today(self.session.clock)
            when = meeting["meeting_date"]
            state = "planned" if when > today else "held"
            self.form_title.setText(f"<b>Meeting of {when:%d/%m/%Y}</b> ({state})")
        rows = (meeting or {}).get("agenda") or []
        self.agenda.setRowCount(len(rows))
        for r, item in enumerate(rows):
            if item["reviewed_here"]:
                review = "Reviewed at this meeting"
            elif item["reviewed"]:
                review = "Reviewed at another meeting"
            else:
                review = "To review"
            for col, text in enumerate((str(r + 1), item["cdop_ref"], review)):
                cell = QTableWidgetItem(text)
                if col == 0:
                    cell.setData(_ID_ROLE, item["death_id"])
                self.agenda.setItem(r, col, cell)
            if item["death_id"] == select:
                self.agenda.selectRow(r)
        if rows and select is None:
            self.agenda.selectRow(0)
        self._say("")
        self._update_buttons()

    def agenda_refs(self) -> list[str]:
        return [self.agenda.item(r, 1).text() for r in range(self.agenda.rowCount())]

    def agenda_rows(self) -> list[tuple[str, str, str]]:
        return [tuple(self.agenda.item(r, c).text() for c in range(3))
                for r in range(self.agenda.rowCount())]

    def ready_refs(self) -> list[str]:
        col = self.ready_model.column_index("ref")
        return [self.ready_model.index(r, col).data() for r in range(self.ready_model.rowCount())]

    def select_agenda_row(self, row: int) -> None:
        self.agenda.selectRow(row)

    def select_ready(self, death_id: int) -> None:
        row = self.ready_model.row_of(death_id)
        if row is not None:
            self.ready.selectRow(row)

    def _agenda_death(self) -> int | None:
        model = self.agenda.selectionModel()
        selected = model.selectedRows() if model is not None else []
        if not selected:
            return None
        return self.agenda.item(selected[0].row(), 0).data(_ID_ROLE)

    def _ready_death(self) -> int | None:
        selected = self.ready.selectionModel().selectedRows()
        return self.ready_model.id_at(selected[0].row()) if selected else None

    def _update_buttons(self) -> None:
        saved = self.form.record is not None
        chosen = self._agenda_death() is not None
        for button in (self.open_button, self.review_button, self.remove_button):
            button.setEnabled(chosen)
        self.pack_button.setEnabled(saved)
        self.add_button.setEnabled(saved and self._ready_death() is not None)
        self.ready.setEnabled(saved)

    def _say(self, text: str, style: str = NOTE_STYLE) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(style if text else "")
        self.message.setVisible(bool(text))

    # -- actions ----------------------------------------------------------
    def confirm_leave(self) -> bool:
        return self.form.confirm_leave(self)

    def new_meeting(self) -> bool:
        if not self.form.confirm_leave(self):
            return False
        self.table.selectionModel().blockSignals(True)
        self.table.clearSelection()
        self.table.selectionModel().blockSignals(False)
        self.form.load(None)
        self.form.reset_live()
        self._show_agenda()
        self.form.meeting_date.setFocus()
        return True

    def save_meeting(self) -> int | None:
        meeting_id = self.form.save()
        if meeting_id is None:
            return None
        self.refresh(select=meeting_id)
        self.agenda_changed.emit()
        return meeting_id

    def add_to_agenda(self) -> bool:
        meeting, death_id = self.form.record, self._ready_death()
        if meeting is None or death_id is None:
            return False
        try:
            service.add_to_agenda(self.session, meeting["id"], death_id)
        except (ValidationFailed, PermissionDenied) as exc:
            self._say(problem_words(exc), ERROR_STYLE)
            return False
        self._agenda_changed(meeting["id"], death_id)
        return True

    def remove_from_agenda(self) -> bool:
        meeting, death_id = self.form.record, self._agenda_death()
        if meeting is None or death_id is None:
            return False
        try:
            service.remove_from_agenda(self.session, meeting["id"], death_id)
        except (ValidationFailed, PermissionDenied) as exc:
            self._say(problem_words(exc), ERROR_STYLE)
            return False
        self._agenda_changed(meeting["id"], None)
        self.agenda.setFocus()
        return True

    def _agenda_changed(self, meeting_id: int, select: int | None) -> None:
        self.refresh(select=meeting_id)
        if select is not None:
            self._show_agenda(select)
        n = self.agenda.rowCount()
        self._say(f"{plural(n, 'case')} on the agenda.")
        self.agenda_changed.emit()

    def open_case(self) -> None:
        death_id = self._agenda_death()
        if death_id is not None:
            self.open_case_requested.emit(death_id, "notification", None)

    def open_review(self) -> None:
        death_id = self._agenda_death()
        if death_id is not None and self.form.record is not None:
            self.open_case_requested.emit(death_id, "review", self.form.record["id"])

    def print_pack(self):
        meeting = self.form.record
        if meeting is None:
            return None
        return print_panel_pack(self, self.session, meeting)
