"""Fixtures for the private fostering tests: a signed-in fostering worker."""

from __future__ import annotations

import pytest

from hscb_desktop.security import auth


@pytest.fixture
def pf_session(workspace, make_user):
    password = make_user("pf1", ["fostering_worker"])
    return auth.sign_in(workspace, "pf1", password)


@pytest.fixture
def pf_session_for(workspace, make_user):
    """pf_session_for(["business_unit"]) -> a signed-in session holding those roles."""

    def _make(roles, username="other1"):
        password = make_user(username, roles)
        return auth.sign_in(workspace, username, password)

    return _make


@pytest.fixture
def pf_sign_in(workspace, make_user):
    """pf_sign_in() -> a fresh session of a fostering worker (after the clock has moved
    on by days, which ends the old session's 8-hour limit)."""
    password = {}

    def _sign_in():
        if "pf2" not in password:
            password["pf2"] = make_user("pf2", ["fostering_worker"])
        return auth.sign_in(workspace, "pf2", password["pf2"])

    return _sign_in
