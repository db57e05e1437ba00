"""Issue 11: where this computer's records are kept is chosen at sign-in ("Database…"),
as ``--database`` chooses it on the command line: remembered without any password, and
the app opens the chosen one at once."""
from __future__ import annotations

from hscb_desktop import app
from hscb_desktop.gui import database_dialog
from hscb_desktop.gui.database_dialog import DatabaseDialog
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.gui.login import LoginDialog


def test_the_dialog_refuses_an_address_that_is_not_one_and_keeps_no_password(qtbot, data_dir):
    dialog = DatabaseDialog(data_dir)
    qtbot.addWidget(dialog)
    assert dialog.local.isChecked() and not dialog.address.isEnabled()  # the default
    dialog.server.setChecked(True)
    assert dialog.address.isEnabled()
    dialog.accept()  # no address yet
    assert dialog.result() != 1 and "Enter the server's address" in dialog.message.text()
    dialog.address.setText("mysql://db.example/hscb")
    dialog.accept()
    assert dialog.result() != 1 and "Not a PostgreSQL address" in dialog.message.text()
    assert database_dialog.remembered(data_dir) == ""  # nothing kept from a refused answer
    dialog.address.setText("postgresql://officer:Secret-Pass-1@db.example:5433/hscb")
    dialog.accept()
    assert dialog.result() == 1
    assert dialog.chosen == "postgresql://officer@db.example:5433/hscb"
    assert database_dialog.remembered(data_dir) == dialog.chosen
    assert "Secret-Pass-1" not in data_dir.ui_state.read_text()
    assert app._team_database(data_dir, None) == dialog.chosen  # what the app opens next


def test_back_to_this_computer(qtbot, data_dir):
    database_dialog.remember(data_dir, "postgresql://db.example/hscb")
    dialog = DatabaseDialog(data_dir)
    qtbot.addWidget(dialog)
    assert dialog.server.isChecked() and dialog.address.text() == "postgresql://db.example:5432/hscb"
    dialog.local.setChecked(True)
    dialog.accept()
    assert dialog.chosen == "" and app._team_database(data_dir, None) == ""


def test_choosing_another_database_at_sign_in_ends_the_login(qtbot, workspace):
    login = LoginDialog(workspace)
    qtbot.addWidget(login)
    assert login.database_button.text() == "&Database…"

    def same_place(dialog: DatabaseDialog) -> int:
        dialog.accept()  # "This computer", as now
        return dialog.result()

    Dialogs.queue_answers(same_place)
    assert not login.choose_database() and login.result() == 0  # nothing changed: stay

    def a_server(dialog: DatabaseDialog) -> int:
        dialog.server.setChecked(True)
        dialog.address.setText("postgresql://db.example/hscb")
        dialog.accept()
        return dialog.result()

    Dialogs.queue_answers(a_server)
    assert login.choose_database()
    assert login.result() == LoginDialog.DATABASE_CHANGED
    assert app._team_database(workspace.paths, None) == "postgresql://db.example:5432/hscb"


def test_the_app_opens_the_database_chosen_at_sign_in(qapp, data_dir, clock, monkeypatch):
    """main(): choosing a server at the login makes the app open that server next (here
    one that cannot be reached: its login dialog says so), and Cancel there ends the app."""
    seen: list[str] = []

    def choose_server(dialog: LoginDialog) -> int:
        seen.append(dialog.windowTitle())

        def a_server(db: DatabaseDialog) -> int:
            db.server.setChecked(True)
            db.address.setText("postgresql://127.0.0.1:1/hscb")
            db.accept()
            return db.result()

        Dialogs.queue_answers(a_server)
        dialog.choose_database()
        Dialogs.queue_answers(on_the_server)  # the next login: on the chosen server
        return dialog.result()

    def on_the_server(dialog: LoginDialog) -> int:
        seen.append(dialog.windowTitle())
        return 0  # cancel: the app ends

    data_dir.root.mkdir(parents=True)
    from hscb_desktop.security import auth
    from hscb_desktop.storage.workspace import Workspace

    ws = Workspace(data_dir, clock).acquire()
    auth.initialise(ws, "admin", "Board-Test-Passphrase-1")
    ws.close()
    Dialogs.queue_answers(choose_server)
    quit_on_close = qapp.quitOnLastWindowClosed()
    try:
        assert app.main(["--data-dir", str(data_dir.root)], clock=clock) == 0
    finally:
        qapp.setQuitOnLastWindowClosed(quit_on_close)
    assert seen == ["Sign in - HSCB Desktop", "Sign in to 127.0.0.1/hscb - HSCB Desktop"]
