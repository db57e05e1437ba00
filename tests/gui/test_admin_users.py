"""The administrator's Users page and the settings dialog, driven through security.users."""
from __future__ import annotations

import pytest

from hscb_desktop import settings
from hscb_desktop.gui.admin_users import AddUserDialog, AdminUsersPage, OneTimePasswordDialog
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.gui.settings_dialog import SettingsDialog
from hscb_desktop.security import auth

ACCEPTED, REJECTED = 1, 0


@pytest.fixture
def page(qtbot, admin_session) -> AdminUsersPage:
    widget = AdminUsersPage(admin_session)
    qtbot.addWidget(widget)
    return widget


def listed(page: AdminUsersPage) -> dict[str, dict]:
    rows = (page.model.row_values(r) for r in range(page.model.rowCount()))
    return {row["username"]: row for row in rows}


def fill_add(username: str, display: str, roles: list[str]):  # noqa: ANN201 - a Dialogs answer
    def answer(dialog: AddUserDialog) -> int:
        dialog.username.setText(username)
        dialog.display_name.setText(display)
        for role in roles:
            dialog.role_boxes[role].setChecked(True)
        dialog.buttons.accepted.emit()
        return dialog.result()
    return answer


class Capture:
    """Answers the one-time password dialog and keeps what it showed."""

    def __init__(self) -> None:
        self.password = ""

    def __call__(self, dialog: OneTimePasswordDialog) -> int:
        assert dialog.field.isReadOnly()
        self.password = dialog.field.text()
        return ACCEPTED


def test_add_user_shows_the_one_time_password_once_and_lists_the_user(page, workspace):
    otp = Capture()
    Dialogs.queue_answers(fill_add("lado1", "Lou Ado", ["lado_officer"]), otp)
    page.add_button.click()
    row = listed(page)["lado1"]
    assert row["display_name"] == "Lou Ado" and row["roles"] == "LADO officer"
    assert row["status"] == "Must change password"
    assert page.selected_user()["username"] == "lado1"
    session = auth.sign_in(workspace, "lado1", otp.password)
    assert session.must_change_password
    auth.sign_out(session)


def test_add_user_problems_are_shown_in_the_dialog(page):
    def bad_then_cancel(dialog: AddUserDialog) -> int:
        dialog.username.setText("two words")
        dialog.role_boxes["lado_officer"].setChecked(True)
        dialog.accept()
        assert "no spaces" in dialog.message.text() and dialog.result() != ACCEPTED
        dialog.username.setText("admin")
        dialog.accept()
        assert "already a user called admin" in dialog.message.text()
        dialog.reject()
        return dialog.result()

    Dialogs.queue_answers(bad_then_cancel)
    page.add_button.click()
    assert list(listed(page)) == ["admin"]


def test_reset_password_issues_a_new_one_time_password(page, workspace, admin_session):
    first, second = Capture(), Capture()
    Dialogs.queue_answers(fill_add("cdop1", "", ["cdop_coordinator"]), first)
    page.add_button.click()
    page.select("cdop1")
    Dialogs.queue_answers(True, second)  # confirm, then the new password
    page.reset_button.click()
    assert second.password and second.password != first.password
    assert listed(page)["cdop1"]["status"] == "Must change password"
    auth.sign_out(admin_session)
    with pytest.raises(auth.LoginFailed):
        auth.sign_in(workspace, "cdop1", first.password)
    auth.sign_out(auth.sign_in(workspace, "cdop1", second.password))


def test_disable_and_enable(page):
    Dialogs.queue_answers(fill_add("pf1", "", ["fostering_worker"]), Capture())
    page.add_button.click()
    page.select("pf1")
    Dialogs.queue_answers(True)
    page.active_button.click()
    assert listed(page)["pf1"]["status"] == "Disabled"
    assert page.active_button.text() == "En&able"
    page.active_button.click()  # enabling needs no confirmation
    assert listed(page)["pf1"]["status"] != "Disabled"


def test_an_administrator_cannot_disable_themself(page):
    page.select("admin")
    Dialogs.queue_answers(True, None)  # confirm; then the error box
    page.active_button.click()
    assert Dialogs.shown[-1][0] == "error" and "your own account" in Dialogs.shown[-1][2]
    assert listed(page)["admin"]["status"] == "Active"


def test_settings_dialog_shows_problems_inline_and_saves(qtbot, admin_session):
    dialog = SettingsDialog(admin_session)
    qtbot.addWidget(dialog)
    dialog.editors["idle_lock_minutes"].setText("45")
    dialog.accept()
    assert "between" in dialog.problems["idle_lock_minutes"].text()
    assert dialog.result() != ACCEPTED and settings.get("idle_lock_minutes") == 5
    dialog.editors["idle_lock_minutes"].setText("10")
    dialog.accept()
    assert dialog.result() == ACCEPTED and settings.get("idle_lock_minutes") == 10
    assert admin_session.idle_limit_s == 600


def test_change_roles_starts_from_the_current_roles(page):
    Dialogs.queue_answers(fill_add("multi", "", ["lado_officer"]), Capture())
    page.add_button.click()
    page.select("multi")
    otp = Capture()

    def add_cdop(dialog) -> int:  # noqa: ANN001
        assert [r for r, box in dialog.role_boxes.items() if box.isChecked()] == ["lado_officer"]
        dialog.role_boxes["cdop_coordinator"].setChecked(True)
        dialog.accept()
        return dialog.result()

    Dialogs.queue_answers(add_cdop, otp)  # a new store's key needs a new one-time password
    page.roles_button.click()
    assert listed(page)["multi"]["roles"] == "CDOP coordinator, LADO officer"
    assert otp.password
