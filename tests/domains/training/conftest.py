"""Fixtures for the training tests: a business-unit user signed in after the 2016-17 year."""

from __future__ import annotations

import datetime as dt

import pytest

from hscb_desktop.security import auth


@pytest.fixture
def bu_session(clock, workspace, make_user):
    clock.set(dt.datetime(2017, 6, 1, 9, 0, tzinfo=dt.timezone.utc))
    password = make_user("bu1", ["business_unit"])
    return auth.sign_in(workspace, "bu1", password)


@pytest.fixture
def session_for(workspace, make_user):
    """session_for(["lado_officer"]) -> a signed-in session holding those roles."""

    def _make(roles, username="other1"):
        password = make_user(username, roles)
        return auth.sign_in(workspace, username, password)

    return _make
