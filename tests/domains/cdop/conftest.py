"""Fixtures for the CDOP tests: a signed-in CDOP coordinator and sessions of other roles."""

from __future__ import annotations

import pytest

from hscb_desktop.security import auth


@pytest.fixture
def cdop_session(workspace, make_user):
    password = make_user("cdop1", ["cdop_coordinator"])
    return auth.sign_in(workspace, "cdop1", password)


@pytest.fixture
def session_for(workspace, make_user):
    """session_for(["business_unit"]) -> a signed-in session holding those roles."""

    def _make(roles, username="other1"):
        password = make_user(username, roles)
        return auth.sign_in(workspace, username, password)

    return _make
