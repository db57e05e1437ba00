"""Connection loss against a real PostgreSQL server while a LADO form is open and being
saved (issue 11; PKG-4, DB-1 in team mode).

The test runs its own small cluster, so it may stop and start it without disturbing the
session's server. The save is caught half-way: a superuser holds the store's audit lock,
so the save's transaction has updated the record row and waits to append its audit entry;
then its backend is terminated (pg_terminate_backend). The form says so and keeps the
input; the record and its audit entry are both absent. The server is then stopped (the
retries fail: "cannot be reached"), started again, and the timer's retry saves: record
and audit entry both present, chain verified.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import threading
import time

import psycopg
import pytest

from hscb_desktop.domains.lado import service as lado
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.gui.lado_form import LadoContactForm
from hscb_desktop.paths import data_paths
from hscb_desktop.security import auth, server_setup, users
from hscb_desktop.storage import audit, stores
from hscb_desktop.storage.server import ServerAddress
from hscb_desktop.storage.server_workspace import ServerWorkspace

pytestmark = pytest.mark.postgres_only

ADMIN_PASSWORD = "Board-Test-Passphrase-1"
OFFICER_PASSWORD = "Staff-Pass-Phrase-9"


class OwnCluster:
    """A private cluster (tests/pg_support.LocalCluster) that can be stopped and started."""

    def __init__(self):
        import pg_support

        self.pg = pg_support
        self.cluster = pg_support.LocalCluster()
        try:
            self.url = self.cluster.start()
        except pg_support.NoServer as exc:
            if os.environ.get(pg_support.ENV_REQUIRE) == "1":
                pytest.fail(str(exc))
            pytest.skip(str(exc))

    def _ctl(self, *args: str) -> None:
        run_as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []  # as pg_support
        root = self.cluster.root
        subprocess.run(
            [
                *run_as,
                str(self.pg._bin_dir() / "pg_ctl"),
                "-D",
                str(root / "data"),
                "-l",
                str(root / "log"),
                "-w",
                "-t",
                "60",
                *args,
            ],
            check=True,
            capture_output=True,
        )

    def stop(self) -> None:
        self._ctl("-m", "fast", "stop")

    def start(self) -> None:
        port, root = self.cluster.port, self.cluster.root
        self._ctl(
            "-o",
            f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={root} "
            "-c fsync=off",
            "start",
        )

    def close(self) -> None:
        self.cluster.stop()


@pytest.fixture
def server(clock):
    own = OwnCluster()
    base = ServerAddress.parse(own.url)
    psycopg.connect(own.url, autocommit=True).execute("CREATE DATABASE hscb_loss")
    address = ServerAddress(base.host, base.port, "hscb_loss", base.user, base.password)
    server_setup.initialise(address, "admin", ADMIN_PASSWORD, clock)
    yield own, address
    stores.unbind_all()
    own.close()


@pytest.fixture
def strict_dialogs():
    Dialogs.reset()
    Dialogs.strict = True
    yield
    Dialogs.reset()
    Dialogs.strict = False


def _superuser(address: ServerAddress):
    return psycopg.connect(
        **{**address.connect_params(), "dbname": address.dbname}, autocommit=True
    )


def _both(address: ServerAddress, cid: int) -> tuple[int, int]:
    """(the record's version, its update entries in the audit log), read as the superuser."""
    with _superuser(address) as conn:
        version = conn.execute(
            "SELECT version FROM lado.lado_contact WHERE id = %s", (cid,)
        ).fetchone()[0]
        logged = conn.execute(
            "SELECT count(*) FROM lado.audit_entry WHERE record_table = 'lado_contact' "
            "AND record_id = %s AND action = 'update'",
            (str(cid),),
        ).fetchone()[0]
    return version, logged


def _terminate_when_waiting_for_audit_lock(address: ServerAddress, login: str, done: list) -> None:
    with _superuser(address) as conn:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            row = conn.execute(
                "SELECT pid FROM pg_stat_activity WHERE usename = %s AND wait_event = 'advisory'",
                (login,),
            ).fetchone()
            if row:
                done.append(
                    conn.execute("SELECT pg_terminate_backend(%s)", (row[0],)).fetchone()[0]
                )
                return
            time.sleep(0.02)


def test_pkg4_server_lost_mid_save_then_stopped_and_started_keeps_input_and_saves_once(
    qtbot, server, clock, tmp_path, strict_dialogs
):
    own, address = server
    ws = ServerWorkspace(address.with_login("", ""), clock, paths=data_paths(tmp_path / "data"))
    admin = auth.sign_in(ws, "admin", ADMIN_PASSWORD)
    users.add_user(admin, "lado1", ["lado_officer"], password=OFFICER_PASSWORD)
    auth.sign_out(admin)
    officer = auth.sign_in(ws, "lado1", OFFICER_PASSWORD)
    cid = lado.create_contact(
        officer,
        {
            "date_received": dt.date(2017, 2, 1),
            "referral_source_type": "employer_dsl",
            "employer_name": "Oakfield Primary School",
            "employment_sector": "education_school",
            "setting_type": "primary_school",
            "threshold_met": False,
            "subject_named": False,
        },
    )
    form = LadoContactForm(officer)
    qtbot.addWidget(form)
    form.resize(1366, 768)
    form.load(lado.get_contact(officer, cid))
    form.show()
    form.save_guard.backoff_ms = (600_000,)  # no timer retry until the test says so

    # 1. Lost half-way through the save's transaction.
    holder = _superuser(address)
    holder.execute("SELECT pg_advisory_lock(hashtext('hscb-audit:lado'))")  # the appends' lock
    killed: list = []
    killer = threading.Thread(
        target=_terminate_when_waiting_for_audit_lock,
        args=(address, address.login_for("lado1"), killed),
    )
    killer.start()
    form.ui.employer_name.setText("Oakfield Academy")
    form.ui.saveButton.click()  # blocks in the audit append until the backend is terminated
    killer.join(30)
    holder.close()
    assert killed == [True]
    banner = form.save_guard.banner_text()
    assert "Not saved yet" in banner and "cannot be reached" in banner, repr(
        form.save_guard.last_error
    )
    assert "Everything you typed is still in this form" in banner and "Traceback" not in banner
    assert form.ui.employer_name.text() == "Oakfield Academy" and form.is_dirty()
    assert not Dialogs.shown
    assert _both(address, cid) == (1, 0)  # neither the record nor its audit entry

    # 2. The server stops: retries fail, the input stays.
    own.stop()
    form.save_guard.backoff_ms = (200,)
    form.save_guard.banner.retry_button.click()
    assert form.save_guard.attempts >= 2 and "cannot be reached" in form.save_guard.banner_text()
    qtbot.wait(600)  # the timer keeps trying while the server is down
    assert form.save_guard.attempts >= 3 and form.ui.employer_name.text() == "Oakfield Academy"

    # 3. The server is back: the timer's next retry saves, once, with its audit entry.
    own.start()
    qtbot.waitUntil(lambda: not form.save_guard.active, timeout=10_000)
    assert form.save_guard.banner_text() == "" and not form.is_dirty() and not Dialogs.shown
    assert _both(address, cid) == (2, 1)  # both present
    assert lado.get_contact(officer, cid)["employer_name"] == "Oakfield Academy"
    assert audit.verify("lado").ok
    auth.sign_out(officer)
