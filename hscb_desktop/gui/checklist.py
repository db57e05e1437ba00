"""A list of checkable codes: the editor for a multi-select code list field.

Its value (the Qt USER property ``codes``) is the list of checked codes in list
order, so ``RecordForm`` reads, writes and watches it like any standard editor.
Space toggles the current item, so the list is usable from the keyboard.
"""
from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Property, QSize, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QSizePolicy, QWidget

CodeRole = Qt.ItemDataRole.UserRole


class CodeChecklist(QListWidget):
    codesChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformItemSizes(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.itemChanged.connect(self._on_item_changed)

    def set_choices(self, choices: Iterable[tuple[str, str]]) -> None:
        """(code, label) pairs, in display order; clears any ticks."""
        self.blockSignals(True)
        try:
            self.clear()
            for code, label in choices:
                item = QListWidgetItem(label, self)
                item.setData(CodeRole, code)
                item.setToolTip(label)
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsUserCheckable
                )
                item.setCheckState(Qt.CheckState.Unchecked)
        finally:
            self.blockSignals(False)
        self.updateGeometry()
        self.codesChanged.emit()

    def sizeHint(self) -> QSize:
        """Tall enough to show every choice without scrolling (the lists are short)."""
        hint = super().sizeHint()
        rows = max(self.count(), 1)
        row_height = self.sizeHintForRow(0) if self.count() else self.fontMetrics().height() + 4
        return QSize(hint.width(), rows * row_height + 2 * self.frameWidth() + 2)

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())

    def get_codes(self) -> list[str]:
        return [
            self.item(i).data(CodeRole)
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_codes(self, codes: Iterable[str] | None) -> None:
        wanted = set(codes or ())
        known = {self.item(i).data(CodeRole) for i in range(self.count())}
        unknown = wanted - known
        if unknown:
            raise ValueError(f"not in this list: {sorted(unknown)!r}")
        self.blockSignals(True)
        try:
            for i in range(self.count()):
                item = self.item(i)
                checked = item.data(CodeRole) in wanted
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        finally:
            self.blockSignals(False)
        self.codesChanged.emit()

    def set_checked(self, code: str, checked: bool = True) -> None:
        """Tick (or untick) one code, as a user pressing Space on it would."""
        for i in range(self.count()):
            item = self.item(i)
            if item.data(CodeRole) == code:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                return
        raise ValueError(f"not in this list: {code!r}")

    def _on_item_changed(self, _item: QListWidgetItem) -> None:
        self.codesChanged.emit()

    codes = Property(list, get_codes, set_codes, notify=codesChanged, user=True)
