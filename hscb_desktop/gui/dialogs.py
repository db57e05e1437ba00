"""The one place the app opens a modal box or a file chooser (TST-2).

Everything else calls ``Dialogs.*``, so tests can answer any dialog without a
human (the KeePassXC ``setNextAnswer`` idea):

    Dialogs.strict = True             # an unanswered dialog raises, never blocks
    Dialogs.queue_answers("discard")  # consumed in order by the next dialogs
    ...
    assert Dialogs.shown == [("save_discard_cancel", "Unsaved changes", "...")]
"""
from __future__ import annotations

import enum
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ClassVar, Literal

from PySide6 import QtCore
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

SaveChoice = Literal["save", "discard", "cancel"]
_CHOICES = ("save", "discard", "cancel")


class UnexpectedDialog(AssertionError):
    """A dialog was requested in strict mode with no queued answer."""


class Dialogs:
    strict: ClassVar[bool] = False
    shown: ClassVar[list[tuple[str, str, str]]] = []
    _answers: ClassVar[deque[Any]] = deque()

    # -- test hook ---------------------------------------------------------
    @classmethod
    def queue_answers(cls, *answers: Any) -> None:
        cls._answers.extend(answers)

    @classmethod
    def pending(cls) -> list[Any]:
        """Answers queued but not yet consumed (a test left them unused)."""
        return list(cls._answers)

    @classmethod
    def reset(cls) -> None:
        cls._answers.clear()
        cls.shown.clear()

    @classmethod
    def _take(cls, kind: str, title: str, text: str) -> tuple[bool, Any]:
        """Record the request; return (True, answer) when a test answered it."""
        cls.shown.append((kind, title, text))
        if cls._answers:
            return True, cls._answers.popleft()
        if cls.strict:
            raise UnexpectedDialog(f"unanswered {kind} dialog: {title!r}: {text!r}")
        return False, None

    # -- message boxes -----------------------------------------------------
    @classmethod
    def info(cls, parent: QWidget | None, title: str, text: str) -> None:
        cls._message("info", QMessageBox.Icon.Information, parent, title, text)

    @classmethod
    def warn(cls, parent: QWidget | None, title: str, text: str) -> None:
        cls._message("warn", QMessageBox.Icon.Warning, parent, title, text)

    @classmethod
    def error(
        cls, parent: QWidget | None, title: str, text: str, details: str | None = None
    ) -> None:
        cls._message("error", QMessageBox.Icon.Critical, parent, title, text, details)

    @classmethod
    def _message(
        cls,
        kind: str,
        icon: QMessageBox.Icon,
        parent: QWidget | None,
        title: str,
        text: str,
        details: str | None = None,
    ) -> None:
        answered, _ = cls._take(kind, title, text)
        if answered:
            return
        box = _box(icon, parent, title, text)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        if details:
            box.setDetailedText(details)
        box.exec()

    @classmethod
    def confirm(
        cls,
        parent: QWidget | None,
        title: str,
        text: str,
        *,
        yes_text: str = "OK",
        destructive: bool = False,
    ) -> bool:
        answered, answer = cls._take("confirm", title, text)
        if answered:
            return _expect(answer, bool, "confirm")
        box = _box(
            QMessageBox.Icon.Warning if destructive else QMessageBox.Icon.Question,
            parent,
            title,
            text,
        )
        yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
        no = box.addButton(QMessageBox.StandardButton.Cancel)
        # A destructive action must never be the Enter-key default.
        box.setDefaultButton(no if destructive else yes)
        box.setEscapeButton(no)
        box.exec()
        return box.clickedButton() is yes

    @classmethod
    def save_discard_cancel(cls, parent: QWidget | None, title: str, text: str) -> SaveChoice:
        answered, answer = cls._take("save_discard_cancel", title, text)
        if answered:
            if answer not in _CHOICES:
                raise TypeError(f"save_discard_cancel answer must be one of {_CHOICES}: {answer!r}")
            return answer
        box = _box(QMessageBox.Icon.Question, parent, title, text)
        buttons = QMessageBox.StandardButton
        box.setStandardButtons(buttons.Save | buttons.Discard | buttons.Cancel)
        box.setDefaultButton(buttons.Save)
        box.setEscapeButton(buttons.Cancel)
        clicked = box.exec()
        if clicked == buttons.Save:
            return "save"
        if clicked == buttons.Discard:
            return "discard"
        return "cancel"

    # -- file choosers -----------------------------------------------------
    @classmethod
    def open_file(cls, parent: QWidget | None, title: str, filter: str) -> Path | None:
        answered, answer = cls._take("open_file", title, filter)
        if answered:
            return _as_path(answer)
        name, _ = QFileDialog.getOpenFileName(parent, title, "", filter)
        return Path(name) if name else None

    @classmethod
    def save_file(
        cls, parent: QWidget | None, title: str, suggested: Path, filter: str
    ) -> Path | None:
        answered, answer = cls._take("save_file", title, str(suggested))
        if answered:
            return _as_path(answer)
        name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), filter)
        return Path(name) if name else None

    # -- our own dialogs ---------------------------------------------------
    @classmethod
    def exec_dialog(cls, dialog: QDialog) -> int:
        """Run one of our QDialog subclasses modally.

        A queued answer is either the int result or a callable that receives the
        dialog (to fill it in, e.g. ``lambda d: d.ui.username.setText("x") or d.accept()
        or d.result()``) and returns the int result.
        """
        title = dialog.windowTitle()
        answered, answer = cls._take("dialog", title, dialog.objectName() or type(dialog).__name__)
        if answered:
            if callable(answer):
                answer = answer(dialog)
            if isinstance(answer, enum.Enum):  # QDialog.DialogCode.Accepted etc.
                answer = answer.value
            return _expect(answer, int, "exec_dialog")
        return dialog.exec()


def _box(
    icon: QMessageBox.Icon, parent: QWidget | None, title: str, text: str
) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    # Plain text: messages can quote user input, which must never be read as HTML.
    box.setTextFormat(QtCore.Qt.TextFormat.PlainText)
    return box


def _expect(answer: Any, kind: type, method: str) -> Any:
    # bool is an int subclass; keep the answer types honest so a misordered queue fails loudly.
    if not isinstance(answer, kind) or (kind is int and isinstance(answer, bool)):
        raise TypeError(f"{method} answer must be {kind.__name__}: {answer!r}")
    return answer


def _as_path(answer: Any) -> Path | None:
    if answer is None:
        return None
    if isinstance(answer, (str, Path)):
        return Path(answer)
    raise TypeError(f"file dialog answer must be a path or None: {answer!r}")


@contextmanager
def wait_cursor() -> Iterator[None]:
    """The busy cursor over work quick enough for the GUI thread (whose store connections
    it uses): a check, a chart's figures, a restore."""
    QGuiApplication.setOverrideCursor(QtCore.Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()
