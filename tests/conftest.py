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


@pytest.fixture
def workspace(data_dir, clock):
    """An initialised data folder with one administrator, stores closed, lock held."""
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

