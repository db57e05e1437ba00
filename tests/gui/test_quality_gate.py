"""The data-quality gate before any export (issue 7): a module's own return is checked as
the annual report is, and a problem's record opens from the gate's list when the user's
roles open that domain's records; otherwise the gate says who can."""
from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from hscb_desktop import app, demo
from hscb_desktop.core.clock import local_today
from hscb_desktop.core.periods import period_for
from hscb_desktop.domains.lado.models import LadoContact
from hscb_desktop.gui import export_dialog, quality_gate
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.gui.export_dialog import ExportDialog
from hscb_desktop.gui.quality_gate import ProblemsDialog
from hscb_desktop.security import auth
from hscb_desktop.security import roles as R


def lado_year_with_a_lost_sector(workspace, make_user, clock) -> tuple[str, int]:
    """The synthetic LADO years, with one 2016-17 threshold case stored without its sector
    (as a record from before the rule, or a bad import, would be): an error that changes
    a count. Returns that case's reference and id."""
    clock.set(dt.datetime(2017, 9, 1, 9, 0, tzinfo=dt.timezone.utc))
    filler = auth.sign_in(workspace, "filler", make_user("filler", [R.LADO_OFFICER]))
    demo.FILLERS["lado"].fill(filler, local_today(clock))
    period = period_for("lado", "2016-17")
    case = (LadoContact.select()
            .where(LadoContact.threshold_met == True,  # noqa: E712 - a SQL expression
                   LadoContact.date_received.between(period.start, period.end))
            .order_by(LadoContact.id).first())
    LadoContact.update(employment_sector="").where(LadoContact.id == case.id).execute()
    auth.sign_out(filler)
    return case.ref, case.id


@pytest.fixture
def window_for(qtbot, clock):
    def make(session):
        window = app.build_main_window(session, clock)
        qtbot.addWidget(window)
        return window

    return make


def choose_year(short_label: str):
    def answer(dialog: ExportDialog) -> int:
        dialog.choose(short_label)
        dialog.accept()
        return dialog.result()

    return answer


def row_of(gate: ProblemsDialog, ref: str) -> int:
    return next(r for r, p in enumerate(gate.problems) if p.record == ref and p.blocking)


def test_a_lado_officers_return_stops_at_the_gate_and_opens_the_problem_record(
    qtbot, workspace, make_user, clock, window_for
):
    ref, contact_id = lado_year_with_a_lost_sector(workspace, make_user, clock)
    officer = auth.sign_in(workspace, "lado1", make_user("lado1", [R.LADO_OFFICER]))
    window = window_for(officer)
    seen: dict = {}

    def open_it(gate: ProblemsDialog) -> int:
        row = row_of(gate, ref)
        gate.table.setCurrentCell(row, 1)
        seen["enabled"] = gate.open_button.isEnabled()
        seen["row"] = gate.rows()[row]
        gate.open_button.click()
        return gate.result()

    Dialogs.queue_answers(choose_year("2016-17"), open_it)
    assert export_dialog.export_return(window, officer, "lado") is None
    assert [s[2] for s in Dialogs.shown] == ["ExportDialog", "ProblemsDialog"]  # no save dialog
    assert seen["enabled"] and seen["row"][:3] == ["LADO", ref, "employment_sector"]
    page = window.pages["lado"]
    assert window.stack.currentWidget() is page
    assert page.showing_form() and page.form.record_id == contact_id
    window.close()


def test_enter_on_a_problem_row_opens_it_and_is_not_taken_as_go_back(
    qtbot, workspace, make_user, clock, window_for
):
    ref, contact_id = lado_year_with_a_lost_sector(workspace, make_user, clock)
    officer = auth.sign_in(workspace, "lado1", make_user("lado1", [R.LADO_OFFICER]))
    window = window_for(officer)
    problems = quality_gate.check(officer, "2016-17", ["lado"])
    gate = ProblemsDialog(problems, "2016-17", window, window=window)
    qtbot.addWidget(gate)
    gate.show()
    gate.table.setFocus()
    gate.table.setCurrentCell(row_of(gate, ref), 0)
    qtbot.keyClick(gate.table, "\r")  # Return: activates the row; the default button is Go back
    assert gate.result() == ProblemsDialog.OPEN_RECORD
    assert gate.chosen.record_id == contact_id
    window.close()


def test_go_back_returns_to_the_year_and_export_anyway_stamps_the_count(
    qtbot, workspace, make_user, clock, window_for, tmp_path, sync_workers
):
    lado_year_with_a_lost_sector(workspace, make_user, clock)
    officer = auth.sign_in(workspace, "lado1", make_user("lado1", [R.LADO_OFFICER]))
    window = window_for(officer)
    errors: list[int] = []

    def back(gate: ProblemsDialog) -> int:
        gate.back_button.click()
        return gate.result()

    def anyway(gate: ProblemsDialog) -> int:
        errors.append(sum(p.blocking for p in gate.problems))
        gate.export_button.click()
        return gate.result()

    target = tmp_path / "lado.xlsx"
    Dialogs.queue_answers(choose_year("2016-17"), back, choose_year("2016-17"), anyway, target, None)
    export_dialog.export_return(window, officer, "lado")
    assert [s[2] for s in Dialogs.shown][:4] == [
        "ExportDialog", "ProblemsDialog", "ExportDialog", "ProblemsDialog"]
    book = load_workbook(target)
    about = {row[0]: row[1] for row in book["About"].iter_rows(values_only=True)}
    book.close()
    assert about["Data-quality problems accepted"] == errors[0] >= 1
    window.close()


def test_the_business_unit_is_told_who_opens_a_casework_record(
    qtbot, workspace, make_user, clock, window_for
):
    ref, _ = lado_year_with_a_lost_sector(workspace, make_user, clock)
    bu = auth.sign_in(workspace, "bu1", make_user("bu1", [R.BUSINESS_UNIT]))
    window = window_for(bu)
    gate = ProblemsDialog(quality_gate.check(bu, "2016-17", None), "2016-17", window,
                          window=window)
    qtbot.addWidget(gate)
    gate.table.setCurrentCell(row_of(gate, ref), 0)
    assert not gate.open_button.isEnabled()  # GOV-1: the business unit opens no LADO record
    assert not gate.open_row(row_of(gate, ref)) and gate.chosen is None
    assert ref in gate.where.text() and "a LADO officer" in gate.where.text()
    window.close()


def test_a_module_return_with_clean_records_goes_straight_to_the_save_dialog(
    qtbot, workspace, make_user, clock, window_for
):
    officer = auth.sign_in(workspace, "lado1", make_user("lado1", [R.LADO_OFFICER]))
    window = window_for(officer)
    Dialogs.queue_answers(choose_year("2015-16"), None)  # then cancel the save dialog
    assert export_dialog.export_return(window, officer, "lado") is None
    assert [s[0] for s in Dialogs.shown] == ["dialog", "save_file"]
    window.close()
