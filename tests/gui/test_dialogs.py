from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox, QVBoxLayout

from hscb_desktop.gui.dialogs import Dialogs, UnexpectedDialog


def test_message_boxes_consume_an_answer_and_are_recorded() -> None:
    Dialogs.queue_answers(None, None, None)
    Dialogs.info(None, "Saved", "The referral was saved.")
    Dialogs.warn(None, "Check", "Two records match.")
    Dialogs.error(None, "Failed", "The export failed.", details="trace")
    assert Dialogs.shown == [
        ("info", "Saved", "The referral was saved."),
        ("warn", "Check", "Two records match."),
        ("error", "Failed", "The export failed."),
    ]


def test_answers_are_consumed_in_order() -> None:
    Dialogs.queue_answers(True, False, "discard", Path("in.xlsx"), None)
    assert Dialogs.confirm(None, "Delete?", "Delete this record?", destructive=True) is True
    assert Dialogs.confirm(None, "Delete?", "Delete this one too?") is False
    assert Dialogs.save_discard_cancel(None, "Unsaved", "Save?") == "discard"
    assert Dialogs.open_file(None, "Import", "Excel (*.xlsx)") == Path("in.xlsx")
    assert Dialogs.save_file(None, "Export", Path("out.xlsx"), "Excel (*.xlsx)") is None
    assert [kind for kind, _, _ in Dialogs.shown] == [
        "confirm", "confirm", "save_discard_cancel", "open_file", "save_file",
    ]
    assert Dialogs.shown[-1] == ("save_file", "Export", "out.xlsx")


def test_strict_mode_raises_instead_of_blocking() -> None:
    with pytest.raises(UnexpectedDialog, match="Delete"):
        Dialogs.confirm(None, "Delete?", "Delete this record?")
    assert Dialogs.shown == [("confirm", "Delete?", "Delete this record?")]


@pytest.mark.parametrize(
    ("call", "answer"),
    [
        (lambda: Dialogs.confirm(None, "t", "x"), "yes"),
        (lambda: Dialogs.save_discard_cancel(None, "t", "x"), True),
        (lambda: Dialogs.open_file(None, "t", "*"), 3),
    ],
)
def test_a_wrongly_typed_answer_fails_loudly(call, answer) -> None:
    Dialogs.queue_answers(answer)
    with pytest.raises(TypeError):
        call()


def test_exec_dialog_wants_an_int_result(qtbot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    Dialogs.queue_answers(True)
    with pytest.raises(TypeError):
        Dialogs.exec_dialog(dialog)


def test_exec_dialog_callable_answer_fills_in_the_dialog(qtbot) -> None:
    dialog = QDialog()
    dialog.setWindowTitle("Sign in")
    dialog.setLayout(QVBoxLayout())
    name = QLineEdit(dialog)
    dialog.layout().addWidget(name)
    qtbot.addWidget(dialog)

    def fill(d: QDialog) -> int:
        name.setText("sam")
        d.accept()
        return d.result()

    Dialogs.queue_answers(fill, QDialog.DialogCode.Rejected)
    assert Dialogs.exec_dialog(dialog) == QDialog.DialogCode.Accepted.value
    assert name.text() == "sam"
    assert Dialogs.exec_dialog(dialog) == QDialog.DialogCode.Rejected.value
    assert Dialogs.shown[0][:2] == ("dialog", "Sign in")


def test_without_an_answer_a_real_box_is_shown(qtbot) -> None:
    """Non-strict (as in the app): a real QMessageBox, text shown as plain text."""
    Dialogs.strict = False
    seen: list[tuple[str, Qt.TextFormat]] = []

    def answer_box() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append((box.text(), box.textFormat()))
        box.button(QMessageBox.StandardButton.Discard).click()

    QTimer.singleShot(0, answer_box)
    assert Dialogs.save_discard_cancel(None, "Unsaved", "<b>Save?</b>") == "discard"
    assert seen and seen[0][0] == "<b>Save?</b>"
    assert seen[0][1] == Qt.TextFormat.PlainText


def test_destructive_confirm_defaults_to_cancel(qtbot) -> None:
    Dialogs.strict = False
    defaults: list[str] = []

    def answer_box() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        defaults.append(box.defaultButton().text())
        box.defaultButton().click()

    QTimer.singleShot(0, answer_box)
    deleted = Dialogs.confirm(None, "Delete?", "Delete it?", yes_text="Delete", destructive=True)
    assert deleted is False
    QTimer.singleShot(0, answer_box)
    assert Dialogs.confirm(None, "Export?", "Export now?", yes_text="Export") is True
    assert defaults == ["Cancel", "Export"]

