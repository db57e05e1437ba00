"""File -> Import from Excel… (issue 8): the wizard driven through its own widgets on a real
store, with workers run inline; every dialog answered through the Dialogs hook (TST-2)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QWizard

from hscb_desktop import app
from hscb_desktop.domains.lado.models import LadoContact
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.gui.import_wizard import CHOOSE, ImportWizard, importers_for
from hscb_desktop.security import auth
from hscb_desktop.storage import audit

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "importing"))
from books import make_book  # noqa: E402

HEADERS = ["Ref", "Date Rec'd", "Employer ", "SECTOR", "Source", "Threshold?", "Outcome"]
ROWS = [["L-1", "21/02/2017", "Oak", "Edu", "Police", "N", None],
        None,
        ["L-2", "03/02/2017", "Elm", "education_school", "Parent", "No", "N/A"],
        ["L-3", "04/02/2017", "Ash", "Qwerty", "police", "No", None],
        ["L-4", "05/02/2017", "Ash", "police", "Nonsense", "No", None]]


@pytest.fixture
def officer(workspace, make_user):
    return auth.sign_in(workspace, "lado1", make_user("lado1", ["lado_officer"]))


@pytest.fixture
def tracker(tmp_path):
    return make_book(tmp_path / "tracker.xlsx", HEADERS, ROWS, title="LADO tracker 2016-17")


def wizard_for(qtbot, session) -> ImportWizard:
    wizard = ImportWizard(session)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def choose(combo: QComboBox, data) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_menu_offers_import_only_to_roles_with_record_access(qtbot, officer, workspace,
                                                             make_user, clock):
    """GOV-1: the modules offered are those whose records the user may work on; the
    administrator has no record access, so no import."""
    window = app.build_main_window(officer, clock)
    qtbot.addWidget(window)
    file_menu = {a.text(): a for a in window.menuBar().actions()}["&File"].menu()
    assert "&Import from Excel…" in [a.text() for a in file_menu.actions()]
    assert importers_for(officer) == ["lado"]
    bu = auth.sign_in(workspace, "bu1", make_user("bu1", ["business_unit"]))
    assert importers_for(bu) == ["board"]
    auth.sign_out(bu)
    admin = auth.sign_in(workspace, "admin", "Board-Test-Passphrase-1")
    assert importers_for(admin) == []
    other = app.build_main_window(admin, clock)
    qtbot.addWidget(other)
    file_menu = {a.text(): a for a in other.menuBar().actions()}["&File"].menu()
    assert "&Import from Excel…" not in [a.text() for a in file_menu.actions()]


def test_whole_import_through_the_wizard(qtbot, officer, tracker, tmp_path, sync_workers):
    wizard = wizard_for(qtbot, officer)
    page = wizard.source_page
    assert not page.isComplete()
    Dialogs.queue_answers(tracker)
    page.browse.click()
    assert page.sheet.currentText() == "Referrals" and page.header_row.value() == 3
    assert page.preview.rowCount() == 4  # the blank row is not previewed
    assert page.preview.horizontalHeaderItem(2).text() == "Employer"
    assert page.preview.item(0, 1).text() == "21/02/2017"
    assert page.isComplete()

    wizard.next()
    columns = wizard.columns_page
    assert wizard.currentPage() is columns
    assert columns.combos["Date Rec'd"].currentData() == "date_received"
    assert columns.combos["Threshold?"].currentData() == "threshold_met"
    choose(columns.combos["Outcome"], None)  # the user decides not to import it
    saved = tmp_path / "mapping.json"
    Dialogs.queue_answers(saved)
    columns.save_button.click()
    assert saved.is_file() and "date_received" in saved.read_text()

    wizard.next()  # reads the whole sheet (a worker), then moves on
    values = wizard.values_page
    assert wizard.currentPage() is values
    sector = values.value_combos[("employment_sector", "Qwerty")]
    assert sector.currentText() == CHOOSE and not values.isComplete()
    assert values.value_combos[("employment_sector", "Edu")].currentData() == "education_school"
    order = values.order_combos["Date Rec'd"]  # 03/02/2017 etc. read both ways …
    assert order.currentData() == "dmy"  # … but 21/02/2017 settles the column
    choose(sector, "other_statutory")
    choose(values.value_combos[("employment_sector", "police")], "police")
    choose(values.value_combos[("referral_source_type", "Nonsense")], None)  # leave blank
    assert values.isComplete()

    wizard.next()
    dry = wizard.dry_run_page
    assert wizard.currentPage() is dry
    assert "4 rows read: 3 will be created" in dry.summary.text()
    assert "1 have problems" in dry.summary.text()
    problems = [dry.table.item(r, 4).text() for r in range(dry.table.rowCount())]
    assert any("Choose who made the referral" in p for p in problems)
    assert LadoContact.select().count() == 0
    report = tmp_path / "report.xlsx"
    Dialogs.queue_answers(report, None)
    dry.save_button.click()
    rows = list(load_workbook(report)["Rows"].iter_rows(values_only=True))
    assert rows[1][0] == 8

    wizard.next()
    commit = wizard.commit_page
    assert not commit.isComplete()
    commit.button.click()
    assert "Created 3 records" in commit.text.text() and commit.isComplete()
    refs = sorted(c.ref for c in LadoContact.select())
    assert refs == ["L-1", "L-2", "L-3"]
    first = LadoContact.get(LadoContact.ref == "L-1")
    assert audit.entries_for("lado", "lado_contact", first.id)[0].action == "import"
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_a_corrupt_file_is_refused_on_the_first_page(qtbot, officer, tmp_path):
    bad = tmp_path / "locked.xlsx"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    wizard = wizard_for(qtbot, officer)
    Dialogs.queue_answers(bad)
    wizard.source_page.browse.click()
    assert "password-protected" in wizard.source_page.message.text()
    assert not wizard.source_page.isComplete()


def test_every_field_can_be_reached_from_the_keyboard(qtbot, officer, tracker, sync_workers):
    wizard = wizard_for(qtbot, officer)
    Dialogs.queue_answers(tracker)
    wizard.source_page.browse.click()
    wizard.next()
    for header, combo in wizard.columns_page.combos.items():
        assert combo.focusPolicy() & Qt.FocusPolicy.TabFocus, header
    host = wizard.columns_page.grid_host
    labels = [w for w in host.findChildren(QLabel) if w.buddy() is not None]
    assert {lab.buddy() for lab in labels} == set(wizard.columns_page.combos.values())
    wizard.next()
    for combo in wizard.values_page.value_combos.values():
        assert combo.focusPolicy() & Qt.FocusPolicy.TabFocus



def test_dry_run_runs_off_the_gui_thread_with_progress_and_cancel(qtbot, officer, tmp_path):
    rows = [[f"R{i}", f"{13 + i % 15}/01/2016", f"Employer {i}", "education_school", "police",
             "No"] for i in range(3000)]
    book = make_book(tmp_path / "big.xlsx", ["Ref", "Date received", "Employer", "Sector",
                                             "Source", "Threshold"], rows)
    wizard = wizard_for(qtbot, officer)
    Dialogs.queue_answers(book)
    wizard.source_page.browse.click()
    wizard.next()
    wizard.next()  # reads the sheet on the worker thread, then moves on by itself
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.values_page, timeout=60_000)
    wizard.next()  # the dry run starts on the worker thread …
    task = wizard.task
    assert not task.done
    task.cancel()  # … and the Cancel button's request stops it at the next row
    qtbot.waitUntil(lambda: task.done, timeout=60_000)
    assert wizard.dry_run_page.summary.text() == "The dry run was cancelled."
    assert not wizard.dry_run_page.isComplete()
    wizard.dry_run_page.again.click()  # run again, to the end this time
    qtbot.waitUntil(lambda: wizard.report is not None, timeout=120_000)
    assert "3000 rows read: 3000 will be created" in wizard.dry_run_page.summary.text()
    assert LadoContact.select().count() == 0


def test_file_menu_item_opens_the_wizard(qtbot, officer, clock):
    window = app.build_main_window(officer, clock)
    qtbot.addWidget(window)
    seen = []
    Dialogs.queue_answers(lambda wizard: seen.append(
        (wizard.windowTitle(), wizard.source_page.module.currentText())) or 0)
    window.import_action.trigger()
    assert seen == [("Import from Excel", "LADO")]  # the one module lado1 may import into


def test_board_columns_are_the_boards_own_seats(qtbot, workspace, make_user, tmp_path,
                                                sync_workers):
    from hscb_desktop.domains.board import service as board_service

    unit = auth.sign_in(workspace, "bu1", make_user("bu1", ["business_unit"]))
    chair = board_service.create_seat(unit, {"title": "Independent Chair",
                                             "display_label": "Independent Chair",
                                             "sort_order": 10})
    book = make_book(tmp_path / "board.xlsx", ["Date", "Type", "Independent Chair"],
                     [["19/06/2016", "Ordinary", "Apologies"]])
    wizard = wizard_for(qtbot, unit)
    assert wizard.source_page.module.currentData() == "board"
    Dialogs.queue_answers(book)
    wizard.source_page.browse.click()
    wizard.next()
    assert wizard.columns_page.combos["Independent Chair"].currentData() == f"seat_{chair}"
    wizard.next()
    assert wizard.values_page.isComplete()
    wizard.next()
    assert "1 rows read: 1 will be created" in wizard.dry_run_page.summary.text()
