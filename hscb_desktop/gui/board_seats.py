"""The Seats tab: the Board's seats in return order, and who held the chosen seat when.

Add seat (Ctrl+N) and Enter on a seat open ``SeatDialog`` (the Designer form
``ui/board_seat_form.ui`` through the record-form protocol, problems beside their
fields); holders are added and changed in a small ``HolderDialog``.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from hscb_desktop.core.clock import local_today
from hscb_desktop.core.validation import PermissionDenied, ValidationFailed
from hscb_desktop.domains.board import rules, service
from hscb_desktop.gui.board_common import (
    ListSource,
    current_id,
    message_label,
    problem_words,
    record_table,
    select_id,
    show_message,
)
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.gui.forms.ui_board_seat_form import Ui_BoardSeatForm
from hscb_desktop.gui.record_form import Record, RecordForm, UkDateEdit
from hscb_desktop.gui.tables import Column

FIELDS = ("title", "display_label", "agency_id", "sort_order", "deputy_allowed",
          "statutory_partner", "counts_for_quorum", "active_from", "active_to", "footnote")
NO_AGENCY = "(none: the chair, lay members)"
SEAT_COLUMNS = [
    Column("sort_order", "Order", "int"),
    Column("display_label", "Label in the return"),
    Column("agency_name", "Agency"),
    Column("holder", "Holder today"),
    Column("deputy_allowed", "Deputy", "bool"),
    Column("statutory_partner", "Statutory", "bool"),
    Column("counts_for_quorum", "Quorum", "bool"),
    Column("active_from", "From", "date"),
    Column("active_to", "To", "date"),
    Column("footnote", "Footnote"),
]
HOLDER_COLUMNS = [
    Column("person_name", "Holder"),
    Column("from_date", "From", "date"),
    Column("to_date", "To", "date"),
]


def holder_on(holders: list[dict[str, Any]], day: dt.date) -> str:
    """Who held the seat on ``day`` (the latest to start, when dates overlap)."""
    name = ""
    for h in holders:
        if (h["from_date"] is None or h["from_date"] <= day) and (
            h["to_date"] is None or day <= h["to_date"]
        ):
            name = h["person_name"]
    return name


class SeatForm(RecordForm):
    """One seat; ``load(None)`` starts a new one at the end of the order."""

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent, saver=self._store, validator=rules.validate_seat)
        self.session = session
        self.ui = Ui_BoardSeatForm()
        self.ui.setupUi(self)
        self._fill_agencies(None)
        for name in FIELDS:
            self.bind_field(name, getattr(self.ui, name))
        self.set_message_area(self.ui.messages)
        self.set_conflict_reader(  # issue 11: a stale save shows what changed
            lambda started, fields: service.seat_changes(
                self.session, started["id"], started, fields
            )
        )

    def _fill_agencies(self, keep: int | None) -> None:
        combo = self.ui.agency_id
        combo.clear()
        combo.addItem(NO_AGENCY, None)
        for a in service.agency_choices(self.session, include_inactive=True):
            if a["active"] or a["id"] == keep:
                combo.addItem(a["name"] if a["active"] else f"{a['name']} (no longer active)",
                              a["id"])

    def load(self, record: Record | None) -> None:
        self._fill_agencies((record or {}).get("agency_id"))
        if record is None:
            orders = [s["sort_order"] for s in service.list_seats(self.session)]
            super().load({"sort_order": max(orders, default=0) + 10})
            self.record = None
        else:
            super().load(record)
        if self.ui.agency_id.currentIndex() < 0:  # no agency: say so, not a blank box
            self.ui.agency_id.setCurrentIndex(0)
            self.set_dirty(False)

    def values(self) -> Record:
        values = super().values()
        values["agency_id"] = self.ui.agency_id.currentData()
        return values

    def _store(self, values: Record) -> int:
        if self.record is None:
            return service.create_seat(self.session, values)
        service.update_seat(self.session, self.record["id"], values,
                            expected_version=self.record["version"])
        return self.record["id"]


class SeatDialog(QDialog):
    """Add or change a seat; Save keeps the dialog open while there are errors."""

    def __init__(self, session, record: Record | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BoardSeatDialog")
        self.setWindowTitle("Add a seat" if record is None else "Change seat")
        self.form = SeatForm(session, self)
        self.form.load(record)
        self.saved_id: int | None = None
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.setMinimumWidth(620)
        self.form.ui.title.setFocus()

    def accept(self) -> None:
        saved = self.form.save()
        if saved is None:
            return
        self.saved_id = saved
        super().accept()


class HolderDialog(QDialog):
    """Add or change who held a seat: name, from, to. ``save`` is the service call; a
    problem it raises is shown in the dialog, which stays open to correct it."""

    def __init__(self, seat_label: str, holder: dict[str, Any] | None, save,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BoardHolderDialog")
        self.setWindowTitle("Add a holder" if holder is None else "Change holder")
        self._save = save
        holder = holder or {}
        self.person_name = QLineEdit(holder.get("person_name") or "", self)
        self.person_name.setAccessibleName("Holder's name")
        self.from_date = UkDateEdit(self)
        self.from_date.setAccessibleName("Held from")
        self.from_date.setDate(holder.get("from_date"))
        self.to_date = UkDateEdit(self)
        self.to_date.setAccessibleName("Held to")
        self.to_date.setDate(holder.get("to_date"))
        for edit in (self.from_date, self.to_date):
            edit.setMaximumWidth(120)
        self.message = message_label(self, "holderDialogMessage", "Problems with the holder")
        form = QFormLayout()
        seat = QLabel(seat_label, self)
        seat.setWordWrap(True)
        form.addRow("Seat", seat)
        for text, editor in (("&Name", self.person_name), ("&From", self.from_date),
                             ("&To (blank: still holds it)", self.to_date)):
            label = QLabel(text, self)
            label.setBuddy(editor)
            form.addRow(label, editor)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        self.person_name.setFocus()

    def values(self) -> dict[str, Any]:
        return {"person_name": self.person_name.text(), "from_date": self.from_date.date(),
                "to_date": self.to_date.date()}

    def problem_text(self) -> str:
        return self.message.text() if not self.message.isHidden() else ""

    def accept(self) -> None:
        for edit in (self.from_date, self.to_date):
            problem = edit.input_problem()
            if problem:
                show_message(self.message, f"Error: {problem}")
                edit.setFocus()
                return
        try:
            self._save(self.values())
        except (ValidationFailed, PermissionDenied) as exc:
            show_message(self.message, problem_words(exc))
            return
        super().accept()


class SeatsTab(QWidget):
    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.add_button = QPushButton("&Add seat…", self)
        self.add_button.setToolTip("Add a seat to the Board (Ctrl+N)")
        self.edit_button = QPushButton("E&dit seat…", self)
        self.edit_button.setToolTip("Change the chosen seat (Enter)")
        self.count = QLabel(self)
        self.table, self.model = record_table(
            self, "seats", "Board seats", SEAT_COLUMNS,
            {"sort_order": 50, "agency_name": 190, "holder": 130, "deputy_allowed": 60,
             "statutory_partner": 72, "counts_for_quorum": 62, "active_from": 82,
             "active_to": 82, "footnote": 80},
            stretch="display_label",
        )
        self.holders_title = QLabel(self)
        self.holders_table, self.holders_model = record_table(
            self, "holders", "Holders of the chosen seat", HOLDER_COLUMNS,
            {"person_name": 260, "from_date": 90},
        )
        self.add_holder_button = QPushButton("Add h&older…", self)
        self.edit_holder_button = QPushButton("Edit ho&lder…", self)

        top = QHBoxLayout()
        top.addWidget(QLabel("Seats in the order table B1 lists them; Enter changes one.", self))
        top.addStretch(1)
        top.addWidget(self.count)
        top.addWidget(self.edit_button)
        top.addWidget(self.add_button)
        holders = QWidget(self)
        holders_layout = QVBoxLayout(holders)
        holders_layout.setContentsMargins(0, 0, 0, 0)
        strip = QHBoxLayout()
        strip.addWidget(self.holders_title, 1)
        strip.addWidget(self.edit_holder_button)
        strip.addWidget(self.add_holder_button)
        holders_layout.addLayout(strip)
        holders_layout.addWidget(self.holders_table, 1)
        seats = QWidget(self)
        seats_layout = QVBoxLayout(seats)
        seats_layout.setContentsMargins(0, 0, 0, 0)
        seats_layout.addLayout(top)
        seats_layout.addWidget(self.table, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(seats)
        split.addWidget(holders)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.setFocusProxy(self.table)

        self.add_button.clicked.connect(self.add_seat)
        self.edit_button.clicked.connect(self.edit_seat)
        self.table.activated.connect(lambda _index: self.edit_seat())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_holders())
        self.add_holder_button.clicked.connect(self.add_holder)
        self.edit_holder_button.clicked.connect(self.edit_holder)
        self.holders_table.activated.connect(lambda _index: self.edit_holder())
        shortcut = QShortcut(QKeySequence.StandardKey.New, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.add_seat)
        self.refresh()

    # -- contents -----------------------------------------------------------------
    def refresh(self, select: int | None = None) -> None:
        select = select if select is not None else current_id(self.table, self.model)
        today = local_today(self.session.clock)
        rows = []
        for seat in service.list_seats(self.session):
            holders = service.list_holders(self.session, seat["id"])
            rows.append({**seat, "holder": holder_on(holders, today)})
        self._seats = {r["id"]: r for r in rows}
        self.model.set_source(ListSource(rows))
        n = len(rows)
        self.count.setText(f"{n} seat{'s' if n != 1 else ''}")
        select_id(self.table, self.model, select)
        self._show_holders()

    def current_seat(self) -> dict[str, Any] | None:
        seat_id = current_id(self.table, self.model)
        return self._seats.get(seat_id) if seat_id is not None else None

    def select_seat(self, seat_id: int) -> None:
        select_id(self.table, self.model, seat_id)

    def seat_ids(self) -> list[int]:
        return [self.model.id_at(r) for r in range(self.model.rowCount())]

    def _show_holders(self, select: int | None = None) -> None:
        seat = self.current_seat()
        holders = service.list_holders(self.session, seat["id"]) if seat else []
        self.holders_model.set_source(ListSource(holders))
        self.holders_title.setText(
            f"Holders of: {seat['display_label']}" if seat else "Choose a seat to see its holders."
        )
        self.add_holder_button.setEnabled(seat is not None)
        self.edit_holder_button.setEnabled(bool(holders))
        self.edit_button.setEnabled(seat is not None)
        select_id(self.holders_table, self.holders_model, select)

    # -- actions ------------------------------------------------------------------
    def add_seat(self) -> int | None:
        return self._seat_dialog(None)

    def edit_seat(self) -> int | None:
        seat = self.current_seat()
        return self._seat_dialog(service.get_seat(self.session, seat["id"])) if seat else None

    def _seat_dialog(self, record: Record | None) -> int | None:
        dialog = SeatDialog(self.session, record, self)
        Dialogs.exec_dialog(dialog)
        saved = dialog.saved_id
        dialog.deleteLater()
        if saved is not None:
            self.refresh(saved)
            self.table.setFocus()
        return saved

    def add_holder(self) -> bool:
        seat = self.current_seat()
        if seat is None:
            return False
        return self._holder_dialog(seat, None)

    def edit_holder(self) -> bool:
        seat = self.current_seat()
        holder_id = current_id(self.holders_table, self.holders_model)
        if seat is None or holder_id is None:
            return False
        holder = next((h for h in service.list_holders(self.session, seat["id"])
                       if h["id"] == holder_id), None)
        return holder is not None and self._holder_dialog(seat, holder)

    def _holder_dialog(self, seat: dict[str, Any], holder: dict[str, Any] | None) -> bool:
        saved: list[int] = []

        def save(values: dict[str, Any]) -> None:
            if holder is None:
                saved.append(service.add_holder(self.session, seat["id"], values))
            else:
                # As the dialog opened it: a holder changed since is refused (stale).
                service.update_holder(self.session, holder["id"], values, expected=holder)
                saved.append(holder["id"])

        dialog = HolderDialog(seat["display_label"], holder, save, self)
        Dialogs.exec_dialog(dialog)
        dialog.deleteLater()
        if not saved:
            return False
        self.refresh(seat["id"])
        self._show_holders(saved[0])
        self.holders_table.setFocus()
        return True

