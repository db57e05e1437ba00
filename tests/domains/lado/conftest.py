"""Fixtures for the LADO tests: a signed-in LADO officer and a valid contact."""

from __future__ import annotations

import pytest

from hscb_desktop.security import auth


@pytest.fixture
def lado_session(workspace, make_user):
    password = make_user("lado1", ["lado_officer"])
    return auth.sign_in(workspace, "lado1", password)


@pytest.fixture
def session_for(workspace, make_user):
    """session_for(["business_unit"]) -> a signed-in session holding those roles."""

    def _make(roles, username="other1"):
        password = make_user(username, roles)
        return auth.sign_in(workspace, username, password)

    return _make
