from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QWidget

from hscb_desktop.gui import build_forms
from hscb_desktop.gui.forms.ui_login_dialog import Ui_LoginDialog


def test_committed_forms_match_their_ui_files() -> None:
    """The CI guard: someone edited a .ui and forgot to run build_forms."""
    assert build_forms.check() == []
    assert build_forms.main(["--check"]) == 0


def test_every_ui_file_has_a_committed_form() -> None:
    for ui in build_forms.UI_DIR.glob("*.ui"):
        form = build_forms.target_for(ui)
        assert form.exists(), f"{form.name} missing"
        assert form.read_text(encoding="utf-8").startswith(
            f"# Generated from ui/{ui.name} by hscb_desktop.gui.build_forms - do not edit.\n"
        )


@pytest.fixture
def scratch(tmp_path: Path) -> tuple[Path, Path]:
    ui_dir, forms_dir = tmp_path / "ui", tmp_path / "forms"
    ui_dir.mkdir()
    shutil.copy(build_forms.UI_DIR / "login_dialog.ui", ui_dir / "login_dialog.ui")
    return ui_dir, forms_dir


def test_build_rebuilds_only_stale_forms(scratch) -> None:
    ui_dir, forms_dir = scratch
    target = forms_dir / "ui_login_dialog.py"
    assert build_forms.build(ui_dir, forms_dir) == [target]
    assert build_forms.build(ui_dir, forms_dir) == []  # up to date: nothing to do
    ui = ui_dir / "login_dialog.ui"
    newer = target.stat().st_mtime + 10
    os.utime(ui, (newer, newer))
    assert build_forms.build(ui_dir, forms_dir) == [target]


def test_check_compares_content_not_mtime(scratch) -> None:
    ui_dir, forms_dir = scratch
    build_forms.build(ui_dir, forms_dir)
    target = forms_dir / "ui_login_dialog.py"
    # As after a git clone: the .ui looks newer, but nothing changed.
    newer = target.stat().st_mtime + 10
    os.utime(ui_dir / "login_dialog.ui", (newer, newer))
    assert build_forms.check(ui_dir, forms_dir) == []
    ui = ui_dir / "login_dialog.ui"
    edited = ui.read_text(encoding="utf-8").replace("Sign in to", "Log in to")
    ui.write_text(edited, encoding="utf-8")
    assert build_forms.check(ui_dir, forms_dir) == [
        "ui_login_dialog.py differs from login_dialog.ui"
    ]


def test_check_reports_missing_and_orphaned_forms(scratch) -> None:
    ui_dir, forms_dir = scratch
    assert build_forms.check(ui_dir, forms_dir) == [
        "ui_login_dialog.py is missing (from login_dialog.ui)"
    ]
    build_forms.build(ui_dir, forms_dir)
    (ui_dir / "login_dialog.ui").unlink()
    assert build_forms.check(ui_dir, forms_dir) == ["ui_login_dialog.py has no .ui file"]
    build_forms.build(ui_dir, forms_dir)
    assert not (forms_dir / "ui_login_dialog.py").exists()


def test_uic_is_found() -> None:
    command = build_forms.find_uic()
    assert Path(command[0]).exists()


def test_login_form_by_composition(qtbot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    ui = Ui_LoginDialog()
    ui.setupUi(dialog)
    assert dialog.objectName() == "LoginDialog"
    assert ui.password.echoMode() == QLineEdit.EchoMode.Password
    assert ui.message.wordWrap()
    assert ui.usernameLabel.buddy() is ui.username
    assert ui.passwordLabel.buddy() is ui.password
    assert ui.usernameLabel.text() == "&Username"
    assert _next_tab_stop(ui.username) is ui.password
    assert ui.buttons.isAncestorOf(_next_tab_stop(ui.password))  # then the buttons
    ui.buttons.rejected.emit()
    assert dialog.result() == QDialog.DialogCode.Rejected


def _next_tab_stop(widget: QWidget) -> QWidget:
    nxt = widget.nextInFocusChain()
    while not nxt.focusPolicy() & Qt.FocusPolicy.TabFocus:
        nxt = nxt.nextInFocusChain()
    return nxt
