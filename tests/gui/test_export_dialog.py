"""Returns -> LADO return… (issue 3): choose the year, choose the file, produce the workbook
with progress, say where it went. The business unit can run it but sees no LADO records.
The clock fixture stands at 1 March 2017, so the latest complete LADO year is 2015-16."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from hscb_desktop import app
from hscb_desktop.domains.lado import service
from hscb_desktop.gui import export_dialog, workers
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.gui.export_dialog import ExportDialog
from hscb_desktop.security import auth
from hscb_desktop.storage import audit


@pytest.fixture
def synchronous():
    workers.set_synchronous(True)
    yield
    workers.set_synchronous(False)


@pytest.fixture
def officer(workspace, make_user):
    return auth.sign_in(workspace, "lado1", make_user("lado1", ["lado_officer"]))


@pytest.fixture
def business_unit(workspace, make_user):
    return auth.sign_in(workspace, "bu1", make_user("bu1", ["business_unit"]))


def window_for(qtbot, session, clock):
    window = app.build_main_window(session, clock)
    qtbot.addWidget(window)
    return window


def menu(window, title: str) -> dict:
    bar = {a.text(): a for a in window.menuBar().actions()}
    return {a.text(): a for a in bar[title].menu().actions()}


def consultation(received: dt.date, threshold: bool = False) -> dict:
    data = {
        "date_received": received,
        "referral_source_type": "employer_dsl",
        "employer_name": "Oakfield Primary School",
        "employment_sector": "education_school",
        "threshold_met": threshold,
        "subject_named": False,
    }
    if threshold:
        data.update(abuse_category=["physical"], harm_criteria=["harmed_or_may_have_harmed"])
    return data


def choose_year(short_label: str):
    """A queued answer for the ExportDialog: pick the year, press the OK button."""

    def answer(dialog: ExportDialog) -> int:
        dialog.choose(short_label)
        dialog.accept()
        return dialog.result()

    return answer


def test_the_dialog_offers_2014_15_onward_and_defaults_to_the_latest_complete_year(
    qtbot, officer
):
    dialog = ExportDialog(export_dialog.RETURNS["lado"], officer)
    qtbot.addWidget(dialog)
    offered = [dialog.period.itemData(i).short_label for i in range(dialog.period.count())]
    assert offered == ["2016-17", "2015-16", "2014-15"]  # newest first; 2016-17 in progress
    assert "in progress" in dialog.period.itemText(0)
    assert dialog.chosen_period().short_label == "2015-16"
    assert dialog.chosen_period().label == "July 2015 - June 2016"


def test_returns_menu_writes_the_lado_workbook(qtbot, officer, clock, tmp_path, synchronous):
    for day in (dt.date(2016, 7, 4), dt.date(2016, 9, 1), dt.date(2017, 1, 9)):
        service.create_contact(officer, consultation(day))
    service.create_contact(officer, consultation(dt.date(2016, 10, 3), threshold=True))
    service.create_contact(officer, consultation(dt.date(2015, 8, 3)))
    window = window_for(qtbot, officer, clock)
    item = menu(window, "R&eturns")["&LADO return…"]
    assert item.isEnabled()

    target = tmp_path / "out" / "LADO 2016-17"  # no suffix typed: .xlsx is added
    target.parent.mkdir()
    Dialogs.queue_answers(choose_year("2016-17"), target, None)
    item.trigger()
    kinds = [shown[0] for shown in Dialogs.shown]
    assert kinds == ["dialog", "save_file", "info"]
    assert Dialogs.shown[0][1] == "LADO return"
    assert Path(Dialogs.shown[1][2]).name == "LADO return 2016-17.xlsx"  # the suggestion
    written = target.with_name("LADO 2016-17.xlsx")
    assert str(written) in Dialogs.shown[2][2]
    assert workers.active_count() == 0

    workbook = load_workbook(written)
    assert workbook.sheetnames[0] == "About"
    sheet = workbook["L1 Referrals"]
    rows = {r[0]: r[1:3] for r in sheet.iter_rows(min_row=3, values_only=True) if r[0]}
    assert rows["July 2016 - June 2017"] == (4, 1)
    assert rows["July 2015 - June 2016"] == (1, 0)
    [export] = [e for e in audit.entries_for("lado", "return", "") if e.action == "export"]
    assert export.user == "lado1"

    # The next suggestion is in the folder chosen last time.
    Dialogs.reset()
    Dialogs.queue_answers(choose_year("2015-16"), None)  # then the save dialog is cancelled
    item.trigger()
    assert Path(Dialogs.shown[1][2]) == target.parent / "LADO return 2015-16.xlsx"
    assert not (target.parent / "LADO return 2015-16.xlsx").exists()
    window.close()


def test_cancelling_the_year_writes_nothing(qtbot, officer, clock, tmp_path):
    window = window_for(qtbot, officer, clock)
    Dialogs.queue_answers(0)
    assert export_dialog.export_return(window, officer, "lado") is None
    assert [shown[0] for shown in Dialogs.shown] == ["dialog"]
    window.close()


def test_a_file_that_cannot_be_written_is_reported(qtbot, officer, clock, tmp_path, synchronous):
    window = window_for(qtbot, officer, clock)
    folder = tmp_path / "not-a-folder.xlsx"
    folder.mkdir()  # a directory where the workbook should go
    Dialogs.queue_answers(choose_year("2016-17"), folder, None)
    export_dialog.export_return(window, officer, "lado")
    kind, title, text = Dialogs.shown[-1]
    assert (kind, title) == ("error", "LADO return not produced")
    assert str(folder) in text
    window.close()


def test_business_unit_gets_the_return_but_no_lado_page(
    qtbot, business_unit, clock, tmp_path, synchronous
):
    window = window_for(qtbot, business_unit, clock)
    assert "lado" not in window.pages
    assert not any("LADO" in window.nav.item(i).text() for i in range(window.nav.count()))
    assert not any("LADO" in text for text in menu(window, "&Records"))
    item = menu(window, "R&eturns")["&LADO return…"]
    assert item.isEnabled()
    out = tmp_path / "bu.xlsx"
    Dialogs.queue_answers(choose_year("2015-16"), out, None)
    item.trigger()
    assert Dialogs.shown[-1][0] == "info"
    assert "About" in load_workbook(out).sheetnames
    window.close()


def test_roles_without_returns_see_none(qtbot, admin_session, clock):
    window = window_for(qtbot, admin_session, clock)
    returns = menu(window, "R&eturns")
    assert list(returns) == ["No returns for your roles yet"]
    assert not returns["No returns for your roles yet"].isEnabled()
    window.close()


def test_a_return_kind_plugs_in_for_another_domain(monkeypatch, officer, business_unit):
    kind = export_dialog.ReturnKind(
        name="extra", domain="board", title="Extra board return", period_module="board",
        first_year=2015, service="hscb_desktop.domains.board.service", function="export_board")
    monkeypatch.setattr(export_dialog, "RETURNS", dict(export_dialog.RETURNS))
    export_dialog.register_return(kind)
    assert [k.name for k in export_dialog.returns_for(business_unit)] == [
        "lado", "fostering", "cdop", "board", "training", "annual-report", "extra"]
    assert [k.name for k in export_dialog.returns_for(officer)] == ["lado"]
    with pytest.raises(ValueError):
        export_dialog.register_return(kind)


def test_the_return_is_produced_off_the_gui_thread(qtbot, officer, clock, tmp_path):
    """The real path: the worker thread opens its own connections to the encrypted stores,
    writes the workbook, closes them, and the result comes back on the GUI thread."""
    service.create_contact(officer, consultation(dt.date(2016, 7, 4)))
    window = window_for(qtbot, officer, clock)
    out = tmp_path / "threaded.xlsx"
    Dialogs.queue_answers(choose_year("2016-17"), out, None)
    task = export_dialog.export_return(window, officer, "lado")
    assert task is not None
    qtbot.waitUntil(lambda: task.done, timeout=20000)
    assert Dialogs.shown[-1][0] == "info", Dialogs.shown[-1]
    rows = {r[0]: r[1:3] for r in load_workbook(out)["L1 Referrals"].iter_rows(
        min_row=3, values_only=True) if r[0]}
    assert rows["July 2016 - June 2017"] == (1, 0)
    assert service.get_contact(officer, 1)["employer_name"] == "Oakfield Primary School"
    window.close()
