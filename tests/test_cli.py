"""The headless commands (``hscb-desktop init | user | verify-audit | backup | self-test``),
run in-process through ``cli.main`` on a real data folder."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from hscb_desktop import cli
from hscb_desktop.core.clock import FakeClock
from hscb_desktop.paths import data_paths
from hscb_desktop.security import auth
from hscb_desktop.storage import stores
from hscb_desktop.storage.workspace import Workspace

PASSWORD = "Command-Line-Phrase-5"
OTP = re.compile(r"One-time password \(must be changed at first sign-in\): (\S+)")


@pytest.fixture
def root(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv(cli.ENV_PASSWORD, PASSWORD)
    monkeypatch.delenv(cli.ENV_NEW_PASSWORD, raising=False)
    return tmp_path / "data"


def run(root: Path, *args: str) -> int:
    return cli.main(["--data-dir", str(root), *args])


@pytest.fixture
def initialised(root, capsys) -> Path:
    assert run(root, "init") == 0
    capsys.readouterr()
    return root


def test_cli_init_creates_the_stores_and_the_administrator(root, capsys):
    """AUTH-2: ``init`` takes the password from HSCB_PASSWORD and creates every store."""
    assert run(root, "init", "--admin", "custodian") == 0
    assert f"Initialised {root} with administrator 'custodian'" in capsys.readouterr().out
    assert sorted(p.name for p in (root / "stores").iterdir()) == sorted(f"{n}.db" for n in stores.STORE_NAMES)
    ws = Workspace(data_paths(root), FakeClock()).acquire()
    try:
        auth.sign_out(auth.sign_in(ws, "custodian", PASSWORD))
    finally:
        ws.close()


def test_cli_init_twice_is_refused(initialised, capsys):
    """AUTH-2: a second init is refused with a message, exit 1, and changes nothing."""
    keyring = (initialised / "keyring.json").read_bytes()
    assert run(initialised, "init") == 1
    err = capsys.readouterr().err
    assert err.startswith("hscb-desktop: ") and "already holds HSCB Desktop data" in err
    assert (initialised / "keyring.json").read_bytes() == keyring


def test_cli_init_refuses_a_weak_password(root, monkeypatch, capsys):
    """AUTH-2: the policy applies to the command line too."""
    monkeypatch.setenv(cli.ENV_PASSWORD, "password1234")
    assert run(root, "init") == 1
    assert "commonly used" in capsys.readouterr().err
    assert not (root / "keyring.json").exists()


def test_cli_user_add_prints_a_one_time_password_that_works(initialised, capsys):
    """AUTH-5: ``user add`` prints a one-time password; it signs in and must be changed."""
    assert run(initialised, "user", "add", "lado1", "--roles", "lado_officer",
               "--display-name", "L. Officer") == 0
    out = capsys.readouterr().out
    assert "Created 'lado1' (lado_officer)." in out
    otp = OTP.search(out).group(1)
    ws = Workspace(data_paths(initialised), FakeClock()).acquire()
    try:
        session = auth.sign_in(ws, "lado1", otp)
        assert session.must_change_password and set(ws.keys) == {"core", "lado"}
        auth.sign_out(session)
    finally:
        ws.close()


def test_cli_user_list(initialised, capsys):
    """GOV-1: ``user list`` shows each user with roles and state."""
    run(initialised, "user", "add", "pf1", "--roles", "fostering_worker,lado_officer")
    capsys.readouterr()
    assert run(initialised, "user", "list") == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split() for line in lines] == [["admin", "administrator", "active"],
                                               ["pf1", "fostering_worker,lado_officer", "active"]]


def test_cli_user_add_with_an_unknown_role_is_refused(initialised, capsys):
    assert run(initialised, "user", "add", "x1", "--roles", "superuser") == 1
    assert "Unknown role(s): superuser" in capsys.readouterr().err


def test_cli_verify_audit_ok_exits_0(initialised, capsys):
    """AUD-3: on a sound data folder every store's chain is reported OK."""
    assert run(initialised, "verify-audit") == 0
    out = capsys.readouterr().out
    for name in stores.STORE_NAMES:
        assert re.search(rf"^{name}: OK, \d+ entries, head [0-9a-f]{{16}}…", out, re.M), out


def test_cli_backup_prints_the_folder_and_it_holds_every_store(initialised, capsys, tmp_path):
    """DB-4: ``backup`` reports where the verified backup went."""
    assert run(initialised, "backup", "--dest", str(tmp_path / "usb")) == 0
    out = capsys.readouterr().out
    folder = Path(re.search(r"Backed up to (.+?) \(each store reopened and checked\)", out).group(1))
    assert folder.is_dir() and folder.parent == tmp_path / "usb"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [f"{n}.db" for n in stores.STORE_NAMES] + ["keyring.json", "manifest.json"])


def test_cli_backup_default_folder_is_in_the_data_folder(initialised, capsys):
    assert run(initialised, "backup") == 0
    out = capsys.readouterr().out
    folder = Path(re.search(r"Backed up to (.+?) \(", out).group(1))
    assert folder.is_dir() and folder.parent == initialised / "backups"


def test_cli_self_test_passes_and_prints_the_cipher_version(capsys):
    """ENC-5: ``self-test`` opens a throw-away data folder and prints SQLCipher's version."""
    assert cli.main(["self-test"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"SQLCipher \d+\.\d+", out)
    for name in stores.STORE_NAMES:
        assert re.search(rf"^store {name}\s+ok\s", out, re.M), out
    assert out.rstrip().endswith("self-test: OK")


def test_cli_wrong_password_exits_1_with_a_message(initialised, monkeypatch, capsys):
    """AUTH-3: a wrong password is a clean failure on stderr, not a traceback."""
    monkeypatch.setenv(cli.ENV_PASSWORD, "Not-The-Password-00")
    assert run(initialised, "verify-audit") == 1
    captured = capsys.readouterr()
    assert captured.err.strip() == "hscb-desktop: The user name or password is not correct."
    assert captured.out == ""


def test_cli_no_password_and_no_terminal_exits_1(initialised, monkeypatch, capsys):
    monkeypatch.delenv(cli.ENV_PASSWORD)
    monkeypatch.setattr("sys.stdin", None)
    assert run(initialised, "user", "list") == 1
    assert "No password: set HSCB_PASSWORD" in capsys.readouterr().err


def test_cli_refuses_while_the_folder_is_open_elsewhere(initialised, capsys):
    """DB-5: a command on a folder another window holds is refused with the reason."""
    holder = Workspace(data_paths(initialised), FakeClock()).acquire()
    try:
        assert run(initialised, "verify-audit") == 1
        assert "already open in another HSCB Desktop window" in capsys.readouterr().err
    finally:
        holder.close()


def test_cli_on_an_uninitialised_folder_says_so(root, capsys):
    assert run(root, "verify-audit") == 1
    assert "No HSCB Desktop data" in capsys.readouterr().err


def test_cli_damaged_keyring_is_a_message_not_a_traceback(initialised, capsys):
    """KP-4: a keyring that cannot be read is reported plainly (exit 1) and left as it is."""
    (initialised / "keyring.json").write_text("{not json")
    assert run(initialised, "verify-audit") == 1
    assert "is damaged and cannot be read" in capsys.readouterr().err
    assert (initialised / "keyring.json").read_text() == "{not json"


def test_cli_user_passwd_changes_own_password_or_resets_anothers(initialised, monkeypatch, capsys):
    """AUTH-5: ``user passwd <self>`` changes the password (old one checked, HSCB_NEW_PASSWORD
    for the new one); ``user passwd <other>`` prints a one-time password."""
    run(initialised, "user", "add", "pf1", "--roles", "fostering_worker")
    monkeypatch.setenv(cli.ENV_NEW_PASSWORD, "Changed-By-Command-9")
    assert run(initialised, "user", "passwd", "admin") == 0
    assert "Password changed." in capsys.readouterr().out
    assert run(initialised, "user", "list") == 1  # HSCB_PASSWORD is now the old password
    assert "not correct" in capsys.readouterr().err
    monkeypatch.setenv(cli.ENV_PASSWORD, "Changed-By-Command-9")
    assert run(initialised, "user", "passwd", "pf1") == 0
    assert re.search(r"Password of 'pf1' reset\. One-time password: \S+", capsys.readouterr().out)
