"""What the private fostering forms share: the record-form protocol over a Designer form
in a scroll area, with each field's problems on a row under it, fields shown only when
they apply, and the keys every form answers (Ctrl+S, Ctrl+Enter, Esc).

The domain decides what is wrong (``service.check_*`` returns ``Problem``s naming model
fields); the forms say it in words beside the field ("Error: ...", "Warning: ..."), with
colour only as an extra.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from hscb_desktop.core.validation import PermissionDenied, Problem, ValidationFailed, error
from hscb_desktop.core.vocab import CodeList
from hscb_desktop.gui.record_form import Record, RecordForm

ERROR_STYLE = "color: #9b1c1c;"
WARNING_STYLE = "color: #7a4a00;"
NOTE_STYLE = "color: #444;"


def fill_combo(combo: QComboBox, codes: CodeList, blank: str | None = "") -> None:
    """Labels shown, codes as item data; ``blank`` adds a first "no value" item. A long
    label cut short by a narrow combo is shown whole in its tooltip."""
    combo.clear()
    if blank is not None:
        combo.addItem(blank, None)
    for code, label in codes.choices():
        combo.addItem(label, code)
        combo.setItemData(combo.count() - 1, label, Qt.ItemDataRole.ToolTipRole)


def set_item_enabled(combo: QComboBox, data: Any, enabled: bool) -> None:
    """Offer or withhold one choice (shown greyed out, not removed, so a record that holds
    it still reads correctly)."""
    model = combo.model()
    index = combo.findData(data)
    if index >= 0 and isinstance(model, QStandardItemModel):
        model.item(index).setEnabled(enabled)


def code_label(codes: CodeList, code: Any) -> str:
    return codes.label(code) if isinstance(code, str) and code in codes else (code or "")


def problem_words(exc_or_problems: Exception | Iterable[Problem]) -> str:
    if isinstance(exc_or_problems, ValidationFailed):
        problems = exc_or_problems.problems
    elif isinstance(exc_or_problems, Exception):
        return f"Error: {exc_or_problems}"
    else:
        problems = list(exc_or_problems)
    return "\n".join(f"{'Error' if p.blocking else 'Warning'}: {p.message}" for p in problems)


def show_message(label: QLabel, text: str, style: str = ERROR_STYLE) -> None:
    label.setText(text)
    label.setStyleSheet(style if text else "")
    label.setVisible(bool(text))


def plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (words or word + 's')}"


class FosteringForm(RecordForm):
    """Base of the enquiry, notification and arrangement forms.

    A subclass sets ``self.ui`` (a generated form with ``scrollArea``, ``messages``,
    ``formTitle``, ``backButton``, ``saveButton`` and ``saveCloseButton``), then calls
    ``_bind(fields)``. ``conditional`` maps a field to a test of the typed values: the
    field's row shows only when the test passes, and a hidden field reads as None.
    """

    record_saved = Signal(int)  # after a save, once the form shows the saved record
    back_requested = Signal()
    close_requested = Signal()  # "Save and close" saved: the page returns to its list

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent, saver=self._store, validator=self._validate)
        self.session = session
        self._labels: dict[str, QLabel] = {}
        self.conditional: dict[str, Callable[[Record], bool]] = {}

    # -- set-up -----------------------------------------------------------
    def _bind(self, fields: Iterable[tuple[str, QWidget]]) -> None:
        for name, widget in fields:
            self._labels[name] = self._new_problem_label(widget)
            self.bind_field(name, widget, self._labels[name])
        self.set_message_area(self.ui.messages)
        self.set_conflict_reader(  # issue 11: a stale save shows what changed
            lambda started, fields: self.changes_since(started, fields)
        )
        self.ui.headerLayout.setStretchFactor(self.ui.formTitle, 1)
        self.ui.saveButton.clicked.connect(self.save)
        self.ui.saveCloseButton.clicked.connect(self.save_and_close)
        self.ui.backButton.clicked.connect(self.back_requested)
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
        for name, widget in fields:
            if isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self._update_conditional)
                widget.currentIndexChanged.connect(
                    lambda _i, c=widget: c.setToolTip(c.currentText())
                )

    def _new_problem_label(self, widget: QWidget) -> QLabel:
        """A hidden label on the row under the editor (the scroll area hides the group
        layouts from RecordForm's own search, so the form places its labels itself)."""
        label = QLabel(self)
        layout = widget.parentWidget().layout()
        if isinstance(layout, QFormLayout):
            row, _role = layout.getWidgetPosition(widget)
            if row >= 0:
                layout.insertRow(row + 1, "", label)
                layout.setRowVisible(row + 1, False)
        label.setVisible(False)
        return label

    @staticmethod
    def _set_row_visible(widget: QWidget, visible: bool) -> None:
        layout = widget.parentWidget().layout()
        if isinstance(layout, QFormLayout):
            layout.setRowVisible(widget, visible)
        else:
            widget.setVisible(visible)

    # -- the protocol -----------------------------------------------------
    def load(self, record: Record | None) -> None:
        super().load(record)
        # A combo given None shows nothing: show its "no value" item ("Not yet recorded").
        self._loading = True
        try:
            for widget in self._fields.values():
                if type(widget) is QComboBox and widget.currentIndex() < 0:
                    blank = [i for i in range(widget.count()) if widget.itemData(i) is None]
                    widget.setCurrentIndex(blank[0] if blank else -1)
        finally:
            self._loading = False
        self._update_conditional()

    def typed_values(self) -> Record:
        """What the editors hold, hidden fields included."""
        values = super().values()
        for name, widget in self._fields.items():
            # Every list here holds codes: a "no value" item reads as None, not its words.
            if type(widget) is QComboBox:
                values[name] = widget.currentData()
        return values

    def values(self) -> Record:
        values = self.typed_values()
        for name, applies in self.conditional.items():
            if not applies(values):
                values[name] = None
        return values

    def _validate(self, values: Record) -> list[Problem]:
        try:
            return self.check_values(values)
        except PermissionDenied as exc:  # locked or expired meanwhile: say so, do not crash
            return [error("", str(exc))]
        except ValidationFailed as exc:  # the record has gone meanwhile
            return list(exc.problems)

    def check_values(self, values: Record) -> list[Problem]:
        raise NotImplementedError

    def _store(self, values: Record) -> int:
        raise NotImplementedError

    def changes_since(self, started: Record, fields: list[str]) -> Any:
        raise NotImplementedError

    def save(self) -> int | None:
        """Check and save; on success reload the record and keep its warnings on show."""
        record_id = super().save()
        if record_id is None:
            return None
        self.reload(record_id)
        self.show_problems([p for p in self.check() if not p.blocking])
        self.record_saved.emit(record_id)
        return record_id

    def save_and_close(self) -> int | None:
        record_id = self.save()
        if record_id is not None:
            self.close_requested.emit()
        return record_id

    def reload(self, record_id: int) -> None:
        raise NotImplementedError

    @property
    def record_id(self) -> int | None:
        return self.record.get("id") if self.record else None

    def saved_first(self) -> int | None:
        """The record's id once nothing typed is unsaved: saves first when needed (a new
        record, or changes); None when that save was stopped by a problem."""
        if self.record is not None and not self.is_dirty():
            return self.record_id
        return self.save()

    # -- showing what applies, and problems -------------------------------------------
    def _update_conditional(self, *_args: object) -> None:
        if not self.conditional:
            return
        values = self.typed_values()
        for name, applies in self.conditional.items():
            shown = applies(values)
            self._set_row_visible(self.field(name), shown)
            label = self._labels.get(name)
            if label is not None and not shown:
                self._set_row_visible(label, False)

    def show_problems(self, problems) -> None:
        problems = list(problems)
        super().show_problems(problems)
        for name, label in self._labels.items():
            text = self.problem_text(name)
            label.setStyleSheet(
                (ERROR_STYLE if text.startswith("Error") else WARNING_STYLE) if text else ""
            )
            self._set_row_visible(label, bool(text))
        self._update_conditional()
        self.ui.messages.setStyleSheet(ERROR_STYLE if self.message_text() else "")
        # RecordForm focuses the first field in error; bring it into view too.
        blocked = [p.field for p in problems if p.blocking and p.field in self.field_names]
        if blocked:
            first = min(blocked, key=self.field_names.index)
            self.ui.scrollArea.ensureWidgetVisible(self.field(first))
