from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hscb_desktop.core.validation import (
    PermissionDenied,
    Problem,
    ValidationFailed,
    error,
    warning,
)
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.gui.record_form import (
    UNKNOWN,
    RecordForm,
    TriStateCombo,
    UkDateEdit,
    UkDateValidator,
)

State = QValidator.State


# -- the date validator (STYLE practice 5) ---------------------------------
@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("", State.Acceptable),
        ("   ", State.Acceptable),
        ("07/03/2017", State.Acceptable),
        ("7/3/2017", State.Acceptable),
        ("07.03.2017", State.Acceptable),
        ("29/02/2016", State.Acceptable),
        ("0", State.Intermediate),
        ("07", State.Intermediate),
        ("07/", State.Intermediate),
        ("07/03", State.Intermediate),
        ("07/03/", State.Intermediate),
        ("07/03/201", State.Intermediate),
        ("29/02/2017", State.Intermediate),  # not a real date, but let the user fix it
        ("31/04/2017", State.Intermediate),
        ("abc", State.Invalid),
        ("07/Mar/2017", State.Invalid),
        ("123", State.Invalid),
        ("32", State.Invalid),
        ("00", State.Invalid),
        ("07/13", State.Invalid),
        ("07/03/20171", State.Invalid),
        ("07/03/2017/", State.Invalid),
    ],
)
def test_uk_date_validator(text: str, state: State) -> None:
    assert UkDateValidator.state(text) == state
    assert UkDateValidator().validate(text, len(text))[0] == state


def test_uk_date_edit(qtbot) -> None:
    edit = UkDateEdit()
    qtbot.addWidget(edit)
    assert edit.placeholderText() == "dd/mm/yyyy"
    assert edit.date() is None
    edit.setDate(dt.date(2017, 3, 7))
    assert edit.text() == "07/03/2017"
    assert edit.date() == dt.date(2017, 3, 7)
    edit.setText("31/02/2017")
    assert edit.date() is None
    assert edit.input_problem() == "31/02/2017 is not a real date."
    edit.setText("7/3/2017")
    edit.editingFinished.emit()
    assert edit.text() == "07/03/2017"
    edit.setDate(None)
    assert edit.text() == "" and edit.input_problem() is None


def test_tri_state_combo(qtbot) -> None:
    combo = TriStateCombo()
    qtbot.addWidget(combo)
    assert [combo.itemText(i) for i in range(combo.count())] == ["", "Yes", "No", "Unknown"]
    assert combo.value() is None
    for value in (True, False, UNKNOWN, None):
        combo.set_value(value)
        assert combo.value() is value or combo.value() == value
    with pytest.raises(ValueError):
        combo.set_value("maybe")


# -- a small form ----------------------------------------------------------
class ReferralForm(RecordForm):
    def __init__(self, saver=None, validator=None) -> None:
        super().__init__(saver=saver, validator=validator)
        layout = QFormLayout(self)
        self.ref = QLineEdit()
        self.received = UkDateEdit()
        self.agency = QComboBox()
        self.agency.addItem("", None)
        self.agency.addItem("Police", "police")
        self.agency.addItem("Education", "education")
        self.police_involved = TriStateCombo()
        self.notes = QPlainTextEdit()
        self.allegations = QSpinBox()
        self.closed = QCheckBox("Closed")
        for label, name, widget in (
            ("&Reference", "ref", self.ref),
            ("&Received", "received", self.received),
            ("&Agency", "agency", self.agency),
            ("Police &involved", "police_involved", self.police_involved),
            ("&Notes", "notes", self.notes),
            ("A&llegations", "allegations", self.allegations),
            ("", "closed", self.closed),
        ):
            layout.addRow(label, widget)
            self.bind_field(name, widget)


def referral_rules(values: dict) -> list[Problem]:
    problems = []
    if not values["ref"]:
        problems.append(error("ref", "Enter the reference."))
    if values["received"] is None:
        problems.append(error("received", "Enter the date received."))
    if values["agency"] is None:
        problems.append(warning("agency", "No referring agency recorded."))
    return problems


RECORD = {
    "ref": "LADO-1",
    "received": dt.date(2017, 3, 7),
    "agency": "police",
    "police_involved": UNKNOWN,
    "notes": "Initial contact",
    "allegations": 2,
    "closed": True,
}


@pytest.fixture
def saved() -> list[dict]:
    return []


@pytest.fixture
def form(qtbot, saved) -> ReferralForm:
    def saver(values: dict) -> int:
        saved.append(values)
        return 101

    f = ReferralForm(saver=saver, validator=referral_rules)
    qtbot.addWidget(f)
    return f


def test_load_and_values_round_trip(form) -> None:
    form.load(RECORD)
    assert form.values() == RECORD
    assert not form.is_dirty()
    form.load(None)
    assert form.values() == {
        "ref": "", "received": None, "agency": None, "police_involved": None,
        "notes": "", "allegations": 0, "closed": False,
    }


def test_any_edit_marks_the_form_dirty(qtbot, form) -> None:
    edits = [
        lambda: form.ref.setText("x"),
        lambda: form.received.setText("01/01/2017"),
        lambda: form.agency.setCurrentIndex(2),
        lambda: form.police_involved.set_value(False),
        lambda: form.notes.setPlainText("more"),
        lambda: form.allegations.setValue(5),
        lambda: form.closed.setChecked(False),
    ]
    for edit in edits:
        form.load(RECORD)
        with qtbot.waitSignal(form.dirtyChanged, check_params_cb=lambda d: d is True):
            edit()
        assert form.is_dirty()


def test_problems_are_shown_beside_their_fields_in_words(qtbot, form) -> None:
    form.show()
    qtbot.waitExposed(form)
    form.load(None)
    form.ref.setText("LADO-2")
    assert form.save() is None
    assert form.problem_text("received") == "Error: Enter the date received."
    assert form.problem_text("agency") == "Warning: No referring agency recorded."
    assert form.problem_text("ref") == ""
    assert form.received.accessibleDescription() == "Error: Enter the date received."
    # The label sits in the row directly under its editor.
    layout: QFormLayout = form.layout()
    row, _ = layout.getWidgetPosition(form.received)
    label = layout.itemAt(row + 1, QFormLayout.ItemRole.FieldRole).widget()
    assert isinstance(label, QLabel) and label.text() == "Error: Enter the date received."
    assert form.focusWidget() is form.received


def test_focus_goes_to_the_first_field_in_form_order(qtbot, form) -> None:
    form.show()
    qtbot.waitExposed(form)
    form.show_problems([error("agency", "Pick one."), error("ref", "Enter it.")])
    assert form.focusWidget() is form.ref
    form.show_problems([warning("ref", "Unusual."), error("agency", "Pick one.")])
    assert form.focusWidget() is form.agency


def test_problems_clear_when_fixed(form) -> None:
    form.load(None)
    form.save()
    assert form.problem_text("ref")
    form.ref.setText("LADO-3")
    form.received.setDate(dt.date(2017, 1, 2))
    form.agency.setCurrentIndex(1)
    assert form.save() == 101
    assert form.problem_text("ref") == ""
    assert form.problem_text("received") == ""
    assert form.ref.accessibleDescription() == ""


def test_warnings_do_not_block_saving(form, saved) -> None:
    form.load(None)
    form.ref.setText("LADO-4")
    form.received.setText("01/02/2017")
    assert form.is_dirty()
    assert form.save() == 101
    assert saved[-1]["received"] == dt.date(2017, 2, 1)
    assert form.problem_text("agency").startswith("Warning: ")
    assert not form.is_dirty()


def test_a_half_typed_date_blocks_the_save_with_its_own_message(form, saved) -> None:
    form.load(RECORD)
    form.received.setText("31/02/2017")
    assert form.save() is None
    assert form.problem_text("received") == "Error: 31/02/2017 is not a real date."
    assert saved == []


def test_validation_failed_from_the_service_is_shown_inline_and_input_kept(qtbot) -> None:
    def saver(values: dict) -> int:
        raise ValidationFailed([error("ref", "LADO-7 is already used."), error("", "Locked.")])

    form = ReferralForm(saver=saver, validator=referral_rules)
    qtbot.addWidget(form)
    form.load(RECORD)
    form.ref.setText("LADO-7")
    assert form.save() is None
    assert form.problem_text("ref") == "Error: LADO-7 is already used."
    assert form.message_text() == "Error: Locked."
    assert form.ref.text() == "LADO-7"
    assert form.is_dirty()
    # The message area went in at the top of the form.
    assert form.layout().itemAt(0, QFormLayout.ItemRole.SpanningRole).widget().text() == (
        "Error: Locked."
    )


def test_permission_denied_is_reported(qtbot) -> None:
    def saver(values: dict) -> int:
        raise PermissionDenied("lado.edit")

    form = ReferralForm(saver=saver)
    qtbot.addWidget(form)
    form.load(RECORD)
    Dialogs.queue_answers(None)
    assert form.save() is None
    assert Dialogs.shown[0][0] == "error"


def test_saved_signal_carries_the_result(qtbot, form) -> None:
    form.load(RECORD)
    with qtbot.waitSignal(form.saved) as blocker:
        form.save()
    assert blocker.args == [101]


def test_clean_form_leaves_without_asking(form) -> None:
    form.load(RECORD)
    assert form.confirm_leave() is True
    assert Dialogs.shown == []


@pytest.mark.parametrize(
    ("answer", "leaves", "saves"),
    [("save", True, True), ("discard", True, False), ("cancel", False, False)],
)
def test_dirty_guard(form, saved, answer, leaves, saves) -> None:
    form.load(RECORD)
    form.notes.setPlainText("changed")
    Dialogs.queue_answers(answer)
    assert form.confirm_leave() is leaves
    assert Dialogs.shown[0][0] == "save_discard_cancel"
    assert bool(saved) is saves
    assert form.is_dirty() is (answer == "cancel")


def test_dirty_guard_stays_when_save_fails(form, saved) -> None:
    form.load(RECORD)
    form.ref.setText("")
    Dialogs.queue_answers("save")
    assert form.confirm_leave() is False
    assert form.problem_text("ref") == "Error: Enter the reference."
    assert saved == []


def test_record_problems_go_to_the_top_of_a_box_layout(qtbot) -> None:
    form = RecordForm()
    qtbot.addWidget(form)
    layout = QVBoxLayout(form)
    name = QLineEdit()
    layout.addWidget(name)
    form.bind_field("name", name)
    form.show_problems([warning("", "Similar record exists."), error("other", "Odd.")])
    assert form.message_text() == "Warning: Similar record exists.\nError: Odd."
    assert layout.itemAt(0).widget().text() == form.message_text()
    form.show_problems([])
    assert form.message_text() == ""


def test_problem_label_beside_an_editor_in_a_row(qtbot) -> None:
    form = RecordForm()
    qtbot.addWidget(form)
    outer = QVBoxLayout(form)
    row = QHBoxLayout()
    outer.addLayout(row)
    name = QLineEdit()
    row.addWidget(name)
    form.bind_field("name", name)
    form.show_problems([error("name", "Enter a name.")])
    assert row.itemAt(1).widget().text() == "Error: Enter a name."


def test_problem_label_under_an_editor_in_a_grid(qtbot) -> None:
    form = RecordForm()
    qtbot.addWidget(form)
    grid = QGridLayout(form)
    name = QLineEdit()
    grid.addWidget(QLabel("Name"), 0, 0)
    grid.addWidget(name, 0, 1)
    form.bind_field("name", name)
    form.show_problems([error("name", "Enter a name.")])
    assert grid.itemAtPosition(1, 1).widget().text() == "Error: Enter a name."


def test_a_problem_label_from_the_ui_file_is_used(qtbot) -> None:
    form = RecordForm()
    qtbot.addWidget(form)
    layout = QVBoxLayout(form)
    name, label, messages = QLineEdit(), QLabel(), QLabel()
    for w in (messages, name, label):
        layout.addWidget(w)
    form.bind_field("name", name, problem_label=label)
    form.set_message_area(messages)
    form.show_problems([error("name", "Enter a name."), error("", "Not saved.")])
    assert label.text() == "Error: Enter a name." and not label.isHidden()
    assert messages.text() == "Error: Not saved."
    assert layout.count() == 3


def test_with_nowhere_to_show_a_record_problem_a_box_is_used(qtbot) -> None:
    form = RecordForm()
    qtbot.addWidget(form)
    grid = QGridLayout(form)
    name = QLineEdit()
    grid.addWidget(name, 0, 0)
    form.bind_field("name", name)
    Dialogs.queue_answers(None)
    form.show_problems([error("", "Not saved.")])
    assert Dialogs.shown == [("warn", "Please check this record", "Error: Not saved.")]


def test_a_field_outside_the_layout_reports_at_the_top(qtbot) -> None:
    form = RecordForm()
    qtbot.addWidget(form)
    QVBoxLayout(form)
    elsewhere = QWidget()
    qtbot.addWidget(elsewhere)
    stray = QLineEdit(elsewhere)  # never added to the form's layout
    form.bind_field("nhs_number", stray)
    form.show_problems([error("nhs_number", "Check the number.")])
    assert form.message_text() == "Nhs number: Error: Check the number."
    assert stray.accessibleDescription() == "Error: Check the number."


def test_binding_twice_or_an_unknown_editor_fails(qtbot) -> None:
    form = RecordForm()
    qtbot.addWidget(form)
    name = QLineEdit()
    form.bind_field("name", name)
    with pytest.raises(ValueError):
        form.bind_field("name", QLineEdit(form))
    with pytest.raises(TypeError):
        form.bind_field("panel", QWidget(form))
