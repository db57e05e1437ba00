"""Fixtures for the import tests: a signed-in LADO officer on a real store."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from hscb_desktop.security import auth

sys.path.insert(0, str(Path(__file__).parent))  # books.py, shared with the GUI tests


@pytest.fixture
def lado_session(workspace, make_user):
    password = make_user("lado1", ["lado_officer"])
    return auth.sign_in(workspace, "lado1", password)
