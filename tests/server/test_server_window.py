"""Team mode (issue 11) in the main window: a server's backups and restores are IT's own
(pg_dump / pg_restore), so the Tools menu offers neither; the rest is as on one computer."""
from __future__ import annotations

import pytest

from hscb_desktop import app

pytestmark = pytest.mark.postgres_only


def tools_menu(window) -> list[str]:
    bar = {a.text(): a for a in window.menuBar().actions()}
    return [a.text() for a in bar["&Tools"].menu().actions() if a.text()]


def test_the_tools_menu_offers_no_backup_or_restore_on_a_server(qtbot, admin_session, clock):
    assert admin_session.workspace.is_server
    window = app.build_main_window(admin_session, clock)
    qtbot.addWidget(window)
    items = tools_menu(window)
    assert "&Users…" in items and "&Verify audit log…" in items
    assert "&Restore…" not in items and "&Back up now…" not in items
    window.close()
