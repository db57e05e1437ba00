"""The Dashboard page (issue 7): QtCharts bar charts of each module's return, a PNG and a
clipboard copy of each, the numbers behind each, and only what the roles allow."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCharts import QChartView
from PySide6.QtGui import QGuiApplication

from hscb_desktop import app, demo
from hscb_desktop.core.clock import local_today
from hscb_desktop.gui.dashboard import DashboardPage
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.security import auth
from hscb_desktop.security import roles as R

EVERYTHING = [r for r in R.ROLES if r != R.ADMINISTRATOR]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def business_unit(workspace, make_user, clock):
    """The business unit, over the synthetic 2016-17 data (filled by a user with every role)."""
    clock.set(dt.datetime(2017, 9, 1, 9, 0, tzinfo=dt.timezone.utc))
    filler = auth.sign_in(workspace, "all", make_user("all", EVERYTHING))
    for one in demo.FILLERS.values():
        one.fill(filler, local_today(clock))
    auth.sign_out(filler)
    return auth.sign_in(workspace, "bu1", make_user("bu1", [R.BUSINESS_UNIT]))


def page_for(qtbot, session) -> DashboardPage:
    page = DashboardPage(session)
    qtbot.addWidget(page)
    page.resize(1300, 900)
    page.show()  # the figures are read when the page is first shown
    assert page.loaded
    return page


def test_the_business_unit_gets_every_chart(qtbot, business_unit):
    page = page_for(qtbot, business_unit)
    assert page.chosen() == "2016-17"  # the latest complete year
    assert [c.series.key for c in page.cards] == [
        "cdop-categories", "cdop-expected", "lado-years", "lado-sectors",
        "fostering-quarters", "fostering-visits", "board-agencies", "training-courses"]
    for card in page.cards:
        assert isinstance(card.view, QChartView)
        [bars] = card.chart.series()
        assert bars.count() == len(card.series.sets)
        assert [bars.barSets()[i].label() for i in range(bars.count())] == [
            name for name, _ in card.series.sets]
    years = page.card("lado-years")
    contacts = years.chart.series()[0].barSets()[0]
    assert [contacts.at(i) for i in range(contacts.count())] == dict(years.series.sets)["Contacts"]
    page.choose("2015-16")
    assert page.card("lado-years").series.categories[-1] == "July 2015 - June 2016"


def test_a_chart_saves_as_a_real_png_and_copies(qtbot, business_unit, tmp_path):
    page = page_for(qtbot, business_unit)
    card = page.card("lado-years")
    target = tmp_path / "contacts"  # no suffix typed: .png is added
    Dialogs.queue_answers(target)
    card.save_button.click()
    assert Dialogs.shown[-1][0] == "save_file"
    assert Dialogs.shown[-1][2].endswith(".png")
    written = target.with_name("contacts.png")
    data = written.read_bytes()
    assert data.startswith(PNG_SIGNATURE) and len(data) > 1000

    QGuiApplication.clipboard().clear()
    card.copy_button.click()
    assert not QGuiApplication.clipboard().image().isNull()


def test_the_numbers_behind_a_chart_are_one_click_away(qtbot, business_unit):
    page = page_for(qtbot, business_unit)
    card = page.card("lado-years")
    assert card.table.isHidden()
    card.numbers_button.click()
    assert not card.table.isHidden()
    assert card.numbers_button.text() == "Hide the numbers"
    assert card.table_values() == [[str(v) for v in row] for row in card.series.rows()]
    assert card.table_values()[-1][0] == "July 2016 - June 2017"
    headers = [card.table.horizontalHeaderItem(c).text() for c in range(card.table.columnCount())]
    assert headers == ["Year", "Contacts", "Reached threshold"]
    card.numbers_button.click()
    assert card.table.isHidden()


def test_a_lado_officer_sees_only_lado_charts(qtbot, workspace, make_user, clock):
    officer = auth.sign_in(workspace, "lado1", make_user("lado1", [R.LADO_OFFICER]))
    page = page_for(qtbot, officer)
    assert {c.series.module for c in page.cards} == {"lado"}
    assert "LADO" in page.explainer.text()


def test_the_dashboard_is_in_the_navigation_for_sessions_with_returns(
    qtbot, workspace, make_user, clock, admin_session
):
    window = app.build_main_window(admin_session, clock)
    qtbot.addWidget(window)
    assert "dashboard" not in window.pages  # no returns, no charts
    window.close()
    auth.sign_out(admin_session)
    officer = auth.sign_in(workspace, "lado1", make_user("lado1", [R.LADO_OFFICER]))
    window = app.build_main_window(officer, clock)
    qtbot.addWidget(window)
    window.show()
    assert "Dashboard" in [window.nav.item(i).text() for i in range(window.nav.count())]
    window.show_page("dashboard")
    assert window.pages["dashboard"].loaded
    window.close()
