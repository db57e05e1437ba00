"""The load / check / save protocol every record form follows (STYLE practice 4).

A form binds its editors to model field names; the domain's rules return
``Problem``s naming those fields, and the form shows each one beside its editor,
in words ("Error: ...", "Warning: ..."), never by colour alone.

    class LadoForm(RecordForm):
        def __init__(self, service, parent=None):
            super().__init__(parent, saver=service.save_referral, validator=rules.check_referral)
            self.ui = Ui_LadoForm(); self.ui.setupUi(self)
            self.bind_field("received_on", self.ui.received_on)
            ...
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QAbstractButton,
    QBoxLayout,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from hscb_desktop.core.dates import format_uk, parse_uk
from hscb_desktop.core.validation import (
    PermissionDenied,
    Problem,
    StaleVersion,
    ValidationFailed,
    error,
    has_errors,
)
from hscb_desktop.gui import save_guard
from hscb_desktop.gui.dialogs import Dialogs

Record = dict[str, Any]
Saver = Callable[[Record], Any]
Validator = Callable[[Record], Iterable[Problem]]


# -- date entry ------------------------------------------------------------
_DATE_PREFIX = re.compile(r"^\s*(\d{0,2})(?:[/.\-](\d{0,2})(?:[/.\-](\d{0,4}))?)?\s*$")


class UkDateValidator(QValidator):
    """dd/mm/yyyy while typing: blank or a real date is Acceptable, a plausible
    prefix (or an unreal date such as 31/02/2017, so the user can correct it) is
    Intermediate, and anything that can never become a date is Invalid."""

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        return self.state(text), text, pos

    @staticmethod
    def state(text: str) -> QValidator.State:
        if not text.strip():
            return QValidator.State.Acceptable
        match = _DATE_PREFIX.match(text)
        if not match:
            return QValidator.State.Invalid
        day, month, _year = match.groups()
        if (day and len(day) == 2 and not 1 <= int(day) <= 31) or (
            month and len(month) == 2 and not 1 <= int(month) <= 12
        ):
            return QValidator.State.Invalid
        try:
            return (
                QValidator.State.Acceptable
                if parse_uk(text) is not None
                else QValidator.State.Intermediate
            )
        except ValueError:
            return QValidator.State.Intermediate


class UkDateEdit(QLineEdit):
    """A date typed as dd/mm/yyyy (faster than a calendar popup for data entry)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("dd/mm/yyyy")
        self.setValidator(UkDateValidator(self))
        self.editingFinished.connect(self._normalise)

    def date(self) -> dt.date | None:
        """The date typed, or None when blank or not (yet) a real date."""
        try:
            return parse_uk(self.text())
        except ValueError:
            return None

    def setDate(self, value: dt.date | None) -> None:
        self.setText(format_uk(value))

    def input_problem(self) -> str | None:
        """Why the text is not a date, in words for the user; None when it is fine."""
        try:
            parse_uk(self.text())
        except ValueError as exc:
            return str(exc)
        return None

    def _normalise(self) -> None:
        # 7/3/2017 -> 07/03/2017, so every date reads the same way once typed.
        value = self.date()
        if value is not None and self.text() != format_uk(value):
            self.setText(format_uk(value))


UNKNOWN = "unknown"  # TriStateCombo's value for "Unknown" (distinct from blank, "not asked")


class TriStateCombo(QComboBox):
    """Yes / No / Unknown / blank; value() is True, False, UNKNOWN or None."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for label, value in (("", None), ("Yes", True), ("No", False), ("Unknown", UNKNOWN)):
            self.addItem(label, value)

    def value(self) -> bool | str | None:
        return self.itemData(self.currentIndex()) if self.currentIndex() >= 0 else None

    def set_value(self, value: bool | str | None) -> None:
        for i in range(self.count()):
            item = self.itemData(i)
            if item is value or (isinstance(value, str) and item == value):
                self.setCurrentIndex(i)
                return
        raise ValueError(f"not a tri-state value: {value!r}")


# -- generic editor access -------------------------------------------------
def read_widget(widget: QWidget) -> Any:
    """The value of a bound editor, for ``values()``."""
    if isinstance(widget, UkDateEdit):
        return widget.date()
    if isinstance(widget, TriStateCombo):
        return widget.value()
    if isinstance(widget, QComboBox):
        data = widget.currentData()
        return data if data is not None or widget.currentIndex() < 0 else widget.currentText()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return widget.toPlainText()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        return widget.value()
    if isinstance(widget, QDateEdit):
        return widget.date().toPython()
    return widget.property(widget.metaObject().userProperty().name())


def write_widget(widget: QWidget, value: Any) -> None:
    """Show ``value`` in a bound editor, for ``load()``; None clears it."""
    if isinstance(widget, UkDateEdit):
        widget.setDate(value)
    elif isinstance(widget, TriStateCombo):
        widget.set_value(value)
    elif isinstance(widget, QComboBox):
        index = widget.findData(value) if value is not None else -1
        if index < 0 and value is not None:
            index = widget.findText(str(value))
        widget.setCurrentIndex(index)
    elif isinstance(widget, QLineEdit):
        widget.setText("" if value is None else str(value))
    elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
        widget.setPlainText("" if value is None else str(value))
    elif isinstance(widget, QAbstractButton):
        widget.setChecked(bool(value))
    elif isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        widget.setValue(widget.minimum() if value is None else value)
    elif isinstance(widget, QDateEdit):
        widget.setDate(QDate(value) if value is not None else widget.minimumDate())
    else:
        widget.setProperty(widget.metaObject().userProperty().name(), value)


_CHANGE_SIGNALS = (
    (QComboBox, ("currentIndexChanged", "editTextChanged")),
    (QLineEdit, ("textChanged",)),
    (QPlainTextEdit, ("textChanged",)),
    (QTextEdit, ("textChanged",)),
    (QAbstractButton, ("toggled",)),
    (QSpinBox, ("valueChanged",)),
    (QDoubleSpinBox, ("valueChanged",)),
    (QDateEdit, ("dateChanged",)),
)


def _change_signals(widget: QWidget) -> list[Any]:
    for cls, names in _CHANGE_SIGNALS:
        if isinstance(widget, cls):
            return [getattr(widget, name) for name in names]
    # Any other editor: the notify signal of its USER property (what Qt treats as "its value").
    prop = widget.metaObject().userProperty()
    if prop.isValid() and prop.hasNotifySignal():
        return [getattr(widget, bytes(prop.notifySignal().name()).decode())]
    raise TypeError(f"cannot tell when a {type(widget).__name__} changes; bind a standard editor")


# -- the form --------------------------------------------------------------
class RecordForm(QWidget):
    """Base for every record form: bound fields, inline problems, dirty guard.

    Subclasses set up their widgets, call ``bind_field`` for each editor, and
    override ``load``/``values`` only where a field needs more than the generic
    editor access above.
    """

    dirtyChanged = Signal(bool)
    saved = Signal(object)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        saver: Saver | None = None,
        validator: Validator | None = None,
    ) -> None:
        super().__init__(parent)
        self.saver = saver
        self.validator = validator
        self.record: Record | None = None
        self._fields: dict[str, QWidget] = {}
        self._problem_labels: dict[str, QLabel] = {}
        self._descriptions: dict[str, str] = {}  # each editor's own accessibleDescription
        self._message_area: QLabel | None = None
        self._dirty = False
        self._loading = False
        # Issue 11: a stale save shows what changed (conflict_panel), a store that does
        # not answer keeps the input and retries (save_guard).
        self._user_edited: set[str] = set()  # fields the user changed since the last load
        self._conflicts: Any = None  # a ConflictResolver once set_conflict_reader is called
        self._save_guard: save_guard.SaveGuard | None = None

    # -- binding -----------------------------------------------------------
    def bind_field(self, name: str, widget: QWidget, problem_label: QLabel | None = None) -> None:
        """Register ``widget`` as the editor of model field ``name``.

        ``problem_label``: a label the .ui file already placed for this field's
        problems; otherwise one is created beside the editor when first needed.
        """
        if name in self._fields:
            raise ValueError(f"field {name!r} is already bound")
        self._fields[name] = widget
        self._descriptions[name] = widget.accessibleDescription()
        if problem_label is not None:
            self._prepare_problem_label(name, problem_label)
        for signal in _change_signals(widget):
            signal.connect(self._on_edited)
            signal.connect(lambda *_, n=name: self._loading or self._user_edited.add(n))

    def field(self, name: str) -> QWidget:
        return self._fields[name]

    @property
    def field_names(self) -> list[str]:
        return list(self._fields)

    def set_message_area(self, label: QLabel) -> None:
        """Use this label (e.g. from the .ui) for problems about the whole record."""
        self._message_area = label
        self._prepare_message_area(label)

    # -- the protocol ------------------------------------------------------
    def load(self, record: Record | None) -> None:
        """Show ``record`` (None: a new, empty record) and start clean."""
        self._loading = True
        try:
            for name, widget in self._fields.items():
                write_widget(widget, None if record is None else record.get(name))
        finally:
            self._loading = False
        self.record = record
        self._user_edited.clear()
        if self._conflicts is not None:
            self._conflicts.hide()
        if self._save_guard is not None:
            self._save_guard.cancel()
        self.show_problems([])
        self.set_dirty(False)

    def values(self) -> Record:
        return {name: read_widget(widget) for name, widget in self._fields.items()}

    def check(self) -> list[Problem]:
        """Problems with what is typed: unparseable input first, then the domain's rules."""
        problems = self.input_problems()
        unreadable = {p.field for p in problems}
        if self.validator is not None:
            problems += [p for p in self.validator(self.values()) if p.field not in unreadable]
        return problems

    def input_problems(self) -> list[Problem]:
        """Editors holding text that is not a value yet (a half-typed date)."""
        problems = []
        for name, widget in self._fields.items():
            if isinstance(widget, UkDateEdit):
                message = widget.input_problem()
                if message:
                    problems.append(error(name, message))
            elif isinstance(widget, QLineEdit) and not widget.hasAcceptableInput():
                problems.append(error(name, "This entry is not complete."))
        return problems

    def save(self) -> Any:
        """Check, then hand the values to the service. Returns its result, or None
        when problems (shown inline) or a refusal stopped the save. A store that does not
        answer (connection lost, locked, disk error) goes to the save guard: the input
        stays, the form says so and retries; never the crash dialog."""
        try:
            result = self._checked_save()
        except Exception as exc:  # noqa: BLE001 - only store errors are kept; others re-raised
            if not save_guard.is_store_error(exc):
                raise
            self.save_guard.failed(exc)
            return None
        self.save_guard.settled(result is not None)
        return result

    def _checked_save(self) -> Any:
        problems = self.check()
        self.show_problems(problems)
        if has_errors(problems):
            return None
        if self.saver is None:
            raise RuntimeError(f"{type(self).__name__} has no saver")
        try:
            result = self.saver(self.values())
        except StaleVersion as exc:
            # Someone saved since this form loaded: keep the input, show what changed.
            try:
                if self._conflicts is None:
                    raise exc
                self._conflicts.show()
            except (ValidationFailed, PermissionDenied) as why:  # deleted or locked meanwhile
                words = why.problems if isinstance(why, ValidationFailed) else [error("", str(why))]
                self.show_problems(problems + list(words))
            else:
                self.show_problems([p for p in problems if not p.blocking])
            return None
        except ValidationFailed as exc:
            # The service found what the form could not (e.g. a duplicate); keep the input.
            self.show_problems(problems + list(exc.problems))
            return None
        except PermissionDenied:
            Dialogs.error(self, "Not saved", "Your role does not allow you to save this record.")
            return None
        self.set_dirty(False)
        if self._conflicts is not None:
            self._conflicts.hide()
        self.saved.emit(result)
        return result

    # -- issue 11: conflicts and an unanswering store ----------------------
    @property
    def save_guard(self) -> save_guard.SaveGuard:
        if self._save_guard is None:
            self._save_guard = save_guard.SaveGuard(
                self, self.save, anchor=self._message_area
            )
        return self._save_guard

    @property
    def conflicts(self) -> Any:
        """The form's ConflictResolver (None until ``set_conflict_reader``)."""
        return self._conflicts

    def set_conflict_reader(self, reader: Callable[[Any, list[str]], Any]) -> None:
        """``reader(record_loaded, fields)``: the domain's ``*_changes`` read for this form."""
        from hscb_desktop.gui.conflict_panel import ConflictResolver

        self._conflicts = ConflictResolver(self, reader)

    @property
    def message_area(self) -> QLabel | None:
        return self._message_area

    def raw_values(self) -> Record:
        """What each editor holds, as ``write_widget`` takes it back."""
        return {name: read_widget(widget) for name, widget in self._fields.items()}

    def edited_fields(self) -> Record:
        """The fields the user changed since the last load, with what they hold now (what
        the form itself sets while loading does not count)."""
        raw = self.raw_values()
        return {name: raw[name] for name in self._fields if name in self._user_edited}

    def conflict_fields(self) -> list[str]:
        """The stored fields the conflict view compares (forms add their extra ones)."""
        return self.field_names

    def load_stored(self, record: Record) -> None:
        """Show ``record`` as just read from the service (forms whose ``load`` wants
        something else override this)."""
        self.load(record)

    def pending_extra(self) -> Any:
        """Edits outside the bound fields (a grid) to carry over a re-base; None: none."""
        return None

    def restore_extra(self, extra: Any) -> None:
        """Put ``pending_extra()`` back after ``load_stored``."""

    def field_label(self, name: str) -> str:
        """The words the form shows for field ``name`` (its buddy label, else its name)."""
        widget = self._fields.get(name)
        if widget is not None:
            for label in self.findChildren(QLabel):
                if label.buddy() is widget and label.text():
                    return label.text().replace("&", "").rstrip(": ").strip()
            if widget.accessibleName():
                return widget.accessibleName()
        return _field_title(name)

    def display_value(self, name: str, value: Any) -> str:
        """A stored value of field ``name`` in the words its editor shows."""
        from hscb_desktop.gui.conflict_panel import widget_words

        return widget_words(self._fields.get(name), value)

    # -- dirty state -------------------------------------------------------
    def is_dirty(self) -> bool:
        return self._dirty

    def set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirtyChanged.emit(dirty)

    def _on_edited(self, *_: object) -> None:
        if not self._loading:
            self.set_dirty(True)

    def confirm_leave(self, parent: QWidget | None = None) -> bool:
        """Before navigating away: True when it is safe to leave this record."""
        if not self._dirty:
            return True
        choice = Dialogs.save_discard_cancel(
            parent or self, "Unsaved changes", "This record has changes that are not saved."
        )
        if choice == "save":
            self.save()
            return not self._dirty  # a successful save is the only thing that clears it
        if choice == "discard":
            self.set_dirty(False)
            return True
        return False

    # -- problems ----------------------------------------------------------
    def show_problems(self, problems: Iterable[Problem]) -> None:
        """Replace every problem shown with these: beside their fields, or at the top."""
        by_field: dict[str, list[Problem]] = {}
        general: list[str] = []
        for problem in problems:
            if problem.field in self._fields:
                by_field.setdefault(problem.field, []).append(problem)
            else:
                general.append(_wording(problem))
        for name, widget in self._fields.items():
            mine = by_field.get(name, [])
            label = self._problem_label(name) if mine else self._problem_labels.get(name)
            if mine:
                text = "\n".join(_wording(p) for p in mine)
                widget.setAccessibleDescription(text.replace("\n", " "))
                if label is None:  # no room beside the editor: say it at the top instead
                    general.append(f"{_field_title(name)}: {text}")
                else:
                    label.setText(text)
                    label.setVisible(True)
            else:
                if label is not None:
                    label.clear()
                    label.setVisible(False)
                widget.setAccessibleDescription(self._descriptions[name])
        self._show_general(general)
        blocked = [n for n in self._fields if any(p.blocking for p in by_field.get(n, []))]
        if blocked:
            self._fields[blocked[0]].setFocus(Qt.FocusReason.OtherFocusReason)

    def problem_text(self, name: str) -> str:
        """What is shown beside field ``name`` ("" when nothing); for tests and screen readers."""
        label = self._problem_labels.get(name)
        return label.text() if label is not None and not label.isHidden() else ""

    def message_text(self) -> str:
        area = self._message_area
        return area.text() if area is not None and not area.isHidden() else ""

    def _show_general(self, general: list[str]) -> None:
        if not general:
            if self._message_area is not None:
                self._message_area.clear()
                self._message_area.setVisible(False)
            return
        area = self._message_area or self._create_message_area()
        text = "\n".join(general)
        if area is None:  # nowhere on the form to put it: better modal than unseen
            Dialogs.warn(self, "Please check this record", text)
            return
        area.setText(text)
        area.setVisible(True)

    def _create_message_area(self) -> QLabel | None:
        layout = self.layout()
        if layout is None:
            layout = QVBoxLayout(self)
        label = QLabel(self)
        label.setObjectName("formMessages")
        label.setAccessibleName("Problems with this record")
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(0, label)
        elif isinstance(layout, QFormLayout):
            layout.insertRow(0, label)
        else:
            label.deleteLater()
            return None
        self.set_message_area(label)
        return label

    def _problem_label(self, name: str) -> QLabel | None:
        """The field's problem label, created beside its editor on first use."""
        label = self._problem_labels.get(name)
        if label is None:
            label = QLabel(self)
            if not _place_beside(self, self._fields[name], label):
                label.deleteLater()
                return None
            self._prepare_problem_label(name, label)
        return label

    def _prepare_problem_label(self, name: str, label: QLabel) -> None:
        label.setObjectName(f"problem_{name}")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setAccessibleName(f"Problem with {_field_title(name).lower()}")
        label.setVisible(False)
        self._problem_labels[name] = label

    def _prepare_message_area(self, label: QLabel) -> None:
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setVisible(bool(label.text()))


def _wording(problem: Problem) -> str:
    # The words carry the severity; any styling is extra (never colour alone).
    return f"{'Error' if problem.blocking else 'Warning'}: {problem.message}"


def _field_title(name: str) -> str:
    return name.replace("_", " ").capitalize()


def _place_beside(root: QWidget, widget: QWidget, label: QLabel) -> bool:
    """Put ``label`` under (form, vertical box, grid) or beside (horizontal box) the editor."""
    layout = _layout_holding(root.layout(), widget)
    if layout is None:
        return False
    if isinstance(layout, QFormLayout):
        row, _role = layout.getWidgetPosition(widget)
        layout.insertRow(row + 1, "", label)
        return True
    if isinstance(layout, QBoxLayout):
        layout.insertWidget(layout.indexOf(widget) + 1, label)
        return True
    if isinstance(layout, QGridLayout):
        row, col, row_span, col_span = layout.getItemPosition(layout.indexOf(widget))
        for r, c in ((row + row_span, col), (row, col + col_span)):
            if layout.itemAtPosition(r, c) is None:
                layout.addWidget(label, r, c, 1, col_span if c == col else 1)
                return True
    return False


def _layout_holding(layout: QLayout | None, widget: QWidget) -> QLayout | None:
    """The layout (searched depth first) that directly holds ``widget``."""
    if layout is None:
        return None
    if layout.indexOf(widget) >= 0:
        return layout
    for i in range(layout.count()):
        item = layout.itemAt(i)
        found = _layout_holding(item.layout(), widget) if item.layout() is not None else None
        if found is None and item.widget() is not None and item.widget() is not widget:
            found = _layout_holding(item.widget().layout(), widget)
        if found is not None:
            return found
    return None
