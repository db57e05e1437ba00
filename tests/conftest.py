"""Shared fixtures: offscreen Qt, cheap key derivation, a fresh data folder per test."""
from __future__ import annotations

import datetime as dt
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HSCB_NO_CRASH_DIALOG", "1")

import pytest  # noqa: E402
from argon2 import PasswordHasher  # noqa: E402

from hscb_desktop.core.clock import FakeClock  # noqa: E402
from hscb_desktop.paths import data_paths  # noqa: E402
from hscb_desktop.security import auth, passwords, users  # noqa: E402
from hscb_desktop.storage import keys, stores  # noqa: E402
from hscb_desktop.storage.workspace import Workspace  # noqa: E402

ADMIN_PASSWORD = "Board-Test-Passphrase-1"  # must not contain the user name (AUTH-2 policy)
USER_PASSWORD = "Staff-Pass-Phrase-9"
FAST_COST = keys.KdfCost(time_cost=1, memory_kib=8, parallelism=1)


@pytest.fixture(autouse=True)
def fast_kdf(request, monkeypatch):
    """Argon2id at test strength (as peewee's SQLCipher tests lower kdf_iter).
    Tests of the real parameters mark themselves ``real_kdf``."""
    if "real_kdf" in request.keywords:
        yield
        return
    monkeypatch.setattr(keys, "DEFAULT_COST", FAST_COST)
    monkeypatch.setattr(passwords, "hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    yield


@pytest.fixture(autouse=True)
def _no_stores_left_open():
    yield
    stores.unbind_all()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(dt.datetime(2017, 3, 1, 9, 0, tzinfo=dt.timezone.utc))


@pytest.fixture
def data_dir(tmp_path):
    return data_paths(tmp_path / "data")


# -- both engines (issue 11) -------------------------------------------------------
# Tests under these folders that use ``workspace`` run on SQLCipher and on PostgreSQL
# (tests/pg_support.py starts the server), unless marked ``sqlcipher_only``.
BOTH_ENGINES = ("tests/storage/", "tests/security/", "tests/domains/", "tests/returns/", "tests/server/",
                "tests/test_cli")


def pytest_generate_tests(metafunc):
    if "engine" not in metafunc.fixturenames or metafunc.definition.get_closest_marker("sqlcipher_only"):
        return
    path = metafunc.definition.path.relative_to(metafunc.config.rootpath).as_posix()
    if path.startswith(BOTH_ENGINES) or metafunc.definition.get_closest_marker("postgres_only"):
        engines = ["postgres"] if metafunc.definition.get_closest_marker("postgres_only") \
            else ["sqlcipher", "postgres"]
        metafunc.parametrize("engine", engines, indirect=True)


@pytest.fixture
def engine(request) -> str:
    """``sqlcipher`` (the embedded store) or ``postgres`` (team mode on a server)."""
    return getattr(request, "param", "sqlcipher")


@pytest.fixture(scope="session")
def pg_server(clock_session):
    """The test server's database pool (``pg_support.DatabasePool``: template built, copies
    made ahead), or ``Unavailable`` with the reason."""
    import pg_support

    cluster = None
    try:
        url = os.environ.get(pg_support.ENV_URL)
        if not url:
            cluster = pg_support.LocalCluster()
            url = cluster.start()
        pg_support.wait_ready(url)
        pg_support.build_template(url, clock_session)
        pool = pg_support.DatabasePool(url)
    except (pg_support.NoServer, ImportError) as exc:
        if cluster is not None:
            cluster.stop()
        reason = f"no PostgreSQL server for the team-mode tests: {exc}"
        yield pg_support.Unavailable(reason)
        return
    yield pool
    stores.unbind_all()
    pool.close()
    if cluster is not None:
        cluster.stop()


@pytest.fixture(scope="session")
def clock_session() -> FakeClock:
    return FakeClock(dt.datetime(2017, 3, 1, 9, 0, tzinfo=dt.timezone.utc))


@pytest.fixture
def pg_pool(pg_server):
    """Fresh database copies; the test skips (fails under HSCB_REQUIRE_PG=1) without a server."""
    import pg_support

    if isinstance(pg_server, pg_support.Unavailable):
        if os.environ.get(pg_support.ENV_REQUIRE) == "1":
            pytest.fail(f"{pg_server.reason} (HSCB_REQUIRE_PG=1)")
        pytest.skip(pg_server.reason)
    return pg_server


@pytest.fixture
def pg_url(pg_pool) -> str:
    """The superuser URL of the test server."""
    return pg_pool.url


@pytest.fixture
def workspace(request, engine, data_dir, clock, monkeypatch):
    """An initialised data folder with one administrator, stores closed, lock held; or, for
    ``engine == "postgres"``, a fresh server database with that administrator's login."""
    if engine == "postgres":
        from hscb_desktop.security import server_setup
        from hscb_desktop.storage.server_workspace import ServerWorkspace

        pool = request.getfixturevalue("pg_pool")
        dbname, address = pool.take()
        try:
            server_setup.create_first_admin(address, "admin", ADMIN_PASSWORD, clock)
            data_dir.root.mkdir(parents=True, exist_ok=True)
            ws = ServerWorkspace(address.with_login("", ""), clock, paths=data_dir)
            # Command-line tests given this data folder reach the same server.
            monkeypatch.setenv("HSCB_DATABASE", address.with_login("", "").safe())
            yield ws
            ws.close()
        finally:
            stores.unbind_all()
            pool.give_back(dbname)
        return
    ws = Workspace(data_dir, clock).acquire()
    auth.initialise(ws, "admin", ADMIN_PASSWORD)
    ws.close_stores()
    yield ws
    ws.close()


@pytest.fixture
def admin_password() -> str:
    """ADMIN_PASSWORD for test modules (``from conftest import`` is ambiguous with several conftests)."""
    return ADMIN_PASSWORD


@pytest.fixture
def admin_session(workspace):
    return auth.sign_in(workspace, "admin", ADMIN_PASSWORD)


@pytest.fixture
def make_user(workspace):
    """make_user("lado1", ["lado_officer"]) -> password; creates it as admin, then signs admin out."""

    def _make(username: str, roles: list[str], password: str | None = None) -> str:
        session = auth.sign_in(workspace, "admin", ADMIN_PASSWORD)
        password = password or USER_PASSWORD
        users.add_user(session, username, roles, password=password)
        auth.sign_out(session)
        return password

    return _make

