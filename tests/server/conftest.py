"""Helpers for the team-mode tests: raw connections as a user's own server login."""
from __future__ import annotations

import psycopg
import pytest


@pytest.fixture
def raw_login(workspace):
    """raw_login("lado1", password) -> a plain psycopg connection as that user's server login,
    as anyone holding the password could open with psql; closed after the test."""
    opened = []

    def _open(username: str, password: str, **options) -> psycopg.Connection:
        address = workspace.address
        conn = psycopg.connect(host=address.host, port=address.port, dbname=address.dbname,
                               user=address.login_for(username), password=password, autocommit=True,
                               **options)
        opened.append(conn)
        return conn

    yield _open
    for conn in opened:
        conn.close()


@pytest.fixture
def superuser(pg_url, workspace):
    """A superuser connection to the test's own database (to play the attacker with rights)."""
    conn = psycopg.connect(pg_url.rsplit("/", 1)[0] + "/" + workspace.address.dbname, autocommit=True)
    yield conn
    conn.close()
