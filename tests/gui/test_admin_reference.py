"""The administrator's Reference data page, driven through security.reference_admin."""
from __future__ import annotations

import datetime as dt

import pytest

from hscb_desktop import app
from hscb_desktop.gui.admin_reference import (
    AdminReferencePage,
    AgencyDialog,
    BankHolidayDialog,
    RemoveBankHolidayDialog,
)
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.security import auth
from hscb_desktop.storage import audit, stores
from hscb_desktop.storage.core_models import Agency, BankHoliday

ACCEPTED = 1
D = dt.date


@pytest.fixture
def page(qtbot, admin_session) -> AdminReferencePage:
    widget = AdminReferencePage(admin_session, today=D(2017, 3, 1))
    qtbot.addWidget(widget)
    return widget


def by_name(page: AdminReferencePage) -> dict[str, dict]:
    return {row["name"]: row for row in page.agencies.rows()}


def fill_agency(name: str, short: str, sector: str, active: bool | None = None):  # noqa: ANN201
    def answer(dialog: AgencyDialog) -> int:
        dialog.name.setText(name)
        dialog.short_name.setText(short)
        dialog.set_sector(sector)
        if active is not None:
            dialog.active.setChecked(active)
        dialog.buttons.accepted.emit()
        return dialog.result()
    return answer


def test_add_an_agency_through_the_page(page):
    Dialogs.queue_answers(fill_agency("Herts Sports Partnership", "HSP", "voluntary"))
    page.agencies.add_button.click()
    row = by_name(page)["Herts Sports Partnership"]
    assert (row["short_name"], row["sector_label"], row["active"]) == ("HSP", "Voluntary sector",
                                                                        True)
    assert page.agencies.selected()["id"] == row["id"]
    assert Agency.get_by_id(row["id"]).sector_id == "voluntary"
    added = audit.entries_for(stores.CORE, "agency", row["id"])
    assert [e.action for e in added] == ["agency_added"]
    assert Dialogs.shown == [("dialog", "Add agency", "AgencyDialog")]


def test_agency_problems_are_shown_in_the_dialog(page):
    before = len(page.agencies.rows())

    def duplicate_then_cancel(dialog: AgencyDialog) -> int:
        assert not dialog.active.isEnabled()  # a new agency starts active
        dialog.name.setText("Cafcass")
        dialog.accept()
        assert "already an agency called Cafcass" in dialog.message.text()
        assert "Choose the agency's sector" in dialog.message.text()
        assert dialog.result() != ACCEPTED
        dialog.reject()
        return dialog.result()

    Dialogs.queue_answers(duplicate_then_cancel)
    page.agencies.add_button.click()
    assert len(page.agencies.rows()) == before


def test_edit_an_agency_to_retire_it(page):
    cafcass = by_name(page)["Cafcass"]
    page.agencies.select(cafcass["id"])

    def check_then_fill(dialog: AgencyDialog) -> int:
        assert dialog.windowTitle() == "Edit agency"
        assert dialog.name.text() == "Cafcass" and dialog.sector.currentData() == "other"
        return fill_agency("Cafcass England", "Cafcass", "other", active=False)(dialog)

    Dialogs.queue_answers(check_then_fill)
    page.agencies.edit_button.click()
    row = by_name(page)["Cafcass England"]
    assert row["active"] is False and "Cafcass" not in by_name(page)
    assert page.agencies.selected()["id"] == cafcass["id"]


def fill_holiday(text: str, title: str):  # noqa: ANN201
    def answer(dialog: BankHolidayDialog) -> int:
        dialog.date.setText(text)
        dialog.title.setText(title)
        dialog.buttons.accepted.emit()
        return dialog.result()
    return answer


def test_add_and_remove_a_bank_holiday(page):
    tab = page.holidays
    assert tab.year.currentData() == 2017  # the year of "today"
    assert len(tab.rows()) == 8 and all(r["date"].year == 2017 for r in tab.rows())

    Dialogs.queue_answers(fill_holiday("06/03/2017", "Local holiday"))
    tab.add_button.click()
    assert {"date": D(2017, 3, 6), "title": "Local holiday", "day": "Monday"} in tab.rows()
    assert tab.selected()["date"] == D(2017, 3, 6)
    assert BankHoliday.get(BankHoliday.date == D(2017, 3, 6)).title == "Local holiday"

    def give_reason(dialog: RemoveBankHolidayDialog) -> int:
        dialog.accept()  # no reason yet
        assert "reason" in dialog.message.text() and dialog.result() != ACCEPTED
        dialog.reason.setText("Entered in error")
        dialog.buttons.accepted.emit()
        return dialog.result()

    Dialogs.queue_answers(give_reason)
    tab.remove_button.click()
    assert D(2017, 3, 6) not in {r["date"] for r in tab.rows()}
    assert BankHoliday.get_or_none(BankHoliday.date == D(2017, 3, 6)) is None
    removed = audit.entries_for(stores.CORE, "bankholiday", "2017-03-06")
    assert [(e.action, e.reason) for e in removed] == [("bank_holiday_added", ""),
                                                       ("bank_holiday_removed", "Entered in error")]


def test_bank_holiday_problems_and_the_year_filter(page):
    tab = page.holidays

    def weekend_then_bad_text_then_cancel(dialog: BankHolidayDialog) -> int:
        dialog.date.setText("04/03/2017")
        dialog.title.setText("A Saturday")
        dialog.accept()
        assert "Saturday" in dialog.message.text() and "substitute" in dialog.message.text()
        dialog.date.setText("31/02/2017")
        dialog.accept()
        assert dialog.message.text() and dialog.result() != ACCEPTED
        dialog.reject()
        return dialog.result()

    Dialogs.queue_answers(weekend_then_bad_text_then_cancel)
    tab.add_button.click()
    assert BankHoliday.get_or_none(BankHoliday.date == D(2017, 3, 4)) is None

    # A holiday in another year shows that year's list.
    Dialogs.queue_answers(fill_holiday("15/06/2018", "A local holiday"))
    tab.add_button.click()
    assert tab.year.currentData() == 2018 and tab.selected()["date"] == D(2018, 6, 15)
    tab.set_year(None)
    assert len(tab.rows()) == BankHoliday.select().count()


def test_only_administrators_have_the_page(qtbot, workspace, make_user, admin_password, clock):
    admin = auth.sign_in(workspace, "admin", admin_password)
    window = app.build_main_window(admin, clock)
    qtbot.addWidget(window)
    assert isinstance(window.pages["reference"], AdminReferencePage)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles.index("Reference data") == titles.index("Users") + 1
    window.close()

    password = make_user("lado1", ["lado_officer"])
    session = auth.sign_in(workspace, "lado1", password)
    window = app.build_main_window(session, clock)
    qtbot.addWidget(window)
    assert "reference" not in window.pages and "users" not in window.pages
    assert not window.findChildren(AdminReferencePage)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert "Reference data" not in titles
