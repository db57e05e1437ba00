"""Team mode end to end: ``init`` and ``migrate`` against a real server, sign-in refused
while migrations are pending, backups said to be IT's, and the address remembered
without its password (issue 11; AUTH-2, MIG-1, MIG-5, DB-4)."""
from __future__ import annotations

import psycopg
import pytest

from hscb_desktop import cli
from hscb_desktop.security import auth, maintenance
from hscb_desktop.storage import migrations, server, stores
from hscb_desktop.storage.server import ServerAddress
from hscb_desktop.storage.server_workspace import NoServerBackup, ServerWorkspace

ADMIN_PASSWORD = "Board-Test-Passphrase-1"


@pytest.fixture
def empty_database(pg_url):
    """A new, empty database (not the template copy): what IT hands over for ``init``."""
    import pg_support

    name = pg_support.next_dbname()
    conn = psycopg.connect(pg_url, autocommit=True)
    conn.execute(f'CREATE DATABASE "{name}"')
    conn.close()
    base = ServerAddress.parse(pg_url)
    yield ServerAddress(base.host, base.port, name, base.user, base.password)
    stores.unbind_all()
    pg_support.drop_database(pg_url, name)


def test_auth2_init_sets_a_server_up_and_the_administrator_signs_in_with_their_own_login(
        empty_database, monkeypatch, capsys, clock):
    """``hscb-desktop-cli --database postgresql://OWNER@HOST/DB init`` (the owner's password
    from HSCB_DB_PASSWORD) creates roles, schemas, tables and the first administrator, who
    then signs in with a server login of their own; a second init is refused."""
    address = empty_database
    monkeypatch.setenv("HSCB_DB_PASSWORD", address.password)
    monkeypatch.setenv(cli.ENV_PASSWORD, ADMIN_PASSWORD)
    url = address.with_login(address.user, "").safe()
    assert "@" in url and address.password not in url
    assert cli.main(["--database", url, "init", "--admin", "chief"]) == 0
    assert f"server login {address.dbname}_chief" in capsys.readouterr().out

    ws = ServerWorkspace(address.with_login("", ""), clock)
    session = auth.sign_in(ws, "chief", ADMIN_PASSWORD)
    assert session.roles == {"administrator"} and set(ws.schemas) == set(stores.STORE_NAMES)
    assert all(r.ok for r in maintenance.verify_audit(session))
    auth.sign_out(session)

    conn = psycopg.connect(host=address.host, port=address.port, dbname=address.dbname,
                           user=f"{address.dbname}_chief", password=ADMIN_PASSWORD)
    owner = conn.execute("SELECT tableowner FROM pg_tables WHERE schemaname = 'lado' "
                         "AND tablename = 'lado_contact'").fetchone()[0]
    conn.close()
    assert owner == address.owner_role  # no login owns a table

    assert cli.main(["--database", url, "init", "--admin", "chief"]) == 1
    assert "already set up" in capsys.readouterr().err


def test_mig5_a_pending_step_refuses_application_logins_until_the_owner_migrates(
        workspace, admin_password, monkeypatch, pg_url):
    """MIG-1/MIG-5 (team mode): a build with a schema step the server lacks does not migrate
    with an application login; it says which command to run, and after ``migrate`` (as the
    owner) sign-in works and the step is applied once, audited."""
    registry = dict(migrations._registry)
    monkeypatch.setattr(migrations, "_registry", {k: list(v) for k, v in registry.items()})

    @migrations.register("lado", "0099_test_step")
    def _step() -> None:
        stores.proxy("lado").execute_sql("CREATE TABLE lado_test_step (id integer PRIMARY KEY)")

    with pytest.raises(server.ServerNotReady, match="migrate' as the database owner"):
        auth.sign_in(workspace, "admin", admin_password)
    assert not any(stores.is_open(n) for n in stores.STORE_NAMES)

    base = ServerAddress.parse(pg_url)
    owner = ServerAddress(base.host, base.port, workspace.address.dbname, base.user, base.password)
    monkeypatch.setenv("HSCB_DB_PASSWORD", base.password)
    assert cli.main(["--database", owner.with_login(base.user, "").safe(), "migrate"]) == 0

    session = auth.sign_in(workspace, "admin", admin_password)
    from hscb_desktop.storage import audit

    steps = [audit.values_of("lado", e.seq)[1]["migration"]
             for e in audit.models("lado")[0].select() if e.action == "migration"]
    assert steps.count("0099_test_step") == 1
    assert audit.verify("lado").ok
    auth.sign_out(session)


def test_db4_backups_in_team_mode_are_the_servers(admin_session):
    """DB-4 (team mode): the app does not copy a server database; asking says so plainly."""
    with pytest.raises(NoServerBackup, match="pg_dump"):
        maintenance.backup_now(admin_session)


def test_the_address_is_remembered_without_its_password(tmp_path):
    """``hscb-desktop --database URL`` remembers the server beside the window geometry
    (not in the core store, which is on that server), never with a password."""
    from hscb_desktop import app
    from hscb_desktop.paths import data_paths

    paths = data_paths(tmp_path / "data")
    paths.root.mkdir(parents=True)
    url = app._team_database(paths, "postgresql://officer:Secret-Pass-1@db.example:5433/hscb")
    assert url == "postgresql://officer@db.example:5433/hscb"
    assert "Secret-Pass-1" not in paths.ui_state.read_text()
    assert app._team_database(paths, None) == url
    assert app._team_database(paths, "local") == "" and app._team_database(paths, None) == ""


def test_a_server_that_cannot_be_reached_is_named_in_the_message(clock):
    """A server that does not answer gets a message naming it, not a wrong-password one."""
    ws = ServerWorkspace(ServerAddress("127.0.0.1", 1, "hscb"), clock)
    with pytest.raises(server.ServerUnavailable, match="127.0.0.1:1 cannot be reached"):
        auth.sign_in(ws, "admin", ADMIN_PASSWORD)
    assert not stores.is_open("core")


pytestmark = pytest.mark.postgres_only


def test_a_dropped_connection_fails_the_save_whole_and_the_next_one_reconnects(admin_session, superuser):
    """Connection loss (team mode): the server ends the app's connection in the middle of a
    write transaction; the write fails as a whole (nothing half-written, the chain intact),
    and the next statement opens a new connection by itself."""
    from peewee import OperationalError, InterfaceError

    from hscb_desktop.storage import audit

    before = audit.head("core")
    db = stores.proxy("core")
    pid = db.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
    with pytest.raises((OperationalError, InterfaceError)):
        with db.atomic():
            audit.append("core", admin_session.actor, "update", clock=admin_session.clock, new={"n": 1})
            superuser.execute("SELECT pg_terminate_backend(%s)", (pid,))
            audit.append("core", admin_session.actor, "update", clock=admin_session.clock, new={"n": 2})
    assert audit.head("core") == before  # the first append went with the lost transaction
    assert db.execute_sql("SELECT pg_backend_pid()").fetchone()[0] != pid
    with db.atomic():
        audit.append("core", admin_session.actor, "update", clock=admin_session.clock, new={"n": 3})
    assert audit.verify("core").ok and audit.head("core")[0] == before[0] + 1
