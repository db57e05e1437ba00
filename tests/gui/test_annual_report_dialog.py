"""Returns -> Annual report tables… (issue 7): the year and suppression options, the
data-quality gate's problem list ("Go back" / "Export anyway"), then the workbook."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from hscb_desktop import app, demo
from hscb_desktop.core.clock import local_today
from hscb_desktop.core.periods import period_for
from hscb_desktop.gui import export_dialog
from hscb_desktop.gui.annual_report_dialog import AnnualReportDialog, ProblemsDialog
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.returns import annual_report, suppression
from hscb_desktop.security import auth
from hscb_desktop.security import roles as R

EVERYTHING = [r for r in R.ROLES if r != R.ADMINISTRATOR]
MENU_ITEM = "&Annual report tables…"


def fill(workspace, make_user, clock, *, lose_a_sector: bool = False) -> str | None:
    """The synthetic 2016-17 data; with ``lose_a_sector`` one threshold case loses its sector
    (an error that changes a count). Returns that case's reference."""
    clock.set(dt.datetime(2017, 9, 1, 9, 0, tzinfo=dt.timezone.utc))
    filler = auth.sign_in(workspace, "all", make_user("all", EVERYTHING))
    for one in demo.FILLERS.values():
        one.fill(filler, local_today(clock))
    ref = None
    if lose_a_sector:
        from hscb_desktop.domains.lado.models import LadoContact

        period = period_for("lado", "2016-17")
        case = (LadoContact.select()
                .where(LadoContact.threshold_met == True,  # noqa: E712 - a SQL expression
                       LadoContact.date_received.between(period.start, period.end))
                .order_by(LadoContact.id).first())
        LadoContact.update(employment_sector="").where(LadoContact.id == case.id).execute()
        ref = case.ref
    auth.sign_out(filler)
    return ref


@pytest.fixture
def sign_in_bu(workspace, make_user):
    return lambda: auth.sign_in(workspace, "bu1", make_user("bu1", [R.BUSINESS_UNIT]))


def window_for(qtbot, session, clock):
    window = app.build_main_window(session, clock)
    qtbot.addWidget(window)
    return window


def returns_menu(window) -> dict:
    bar = {a.text(): a for a in window.menuBar().actions()}
    return {a.text(): a for a in bar["R&eturns"].menu().actions()}


def options(year: str = "2016-17", suppress: bool = False, threshold: int = 5):
    def answer(dialog: AnnualReportDialog) -> int:
        assert isinstance(dialog, AnnualReportDialog)
        assert dialog.threshold.value() == 5 and not dialog.suppress.isChecked()  # defaults
        dialog.choose(year)
        dialog.suppress.setChecked(suppress)
        dialog.threshold.setValue(threshold)
        dialog.accept()
        return dialog.result()

    return answer


def about(path: Path) -> dict:
    book = load_workbook(path)
    try:
        return {row[0]: row[1] for row in book["About"].iter_rows(values_only=True)}
    finally:
        book.close()


def test_the_gate_lists_the_problems_and_export_anyway_writes_the_workbook(
    qtbot, workspace, make_user, clock, sign_in_bu, tmp_path, sync_workers
):
    ref = fill(workspace, make_user, clock, lose_a_sector=True)
    session = sign_in_bu()
    window = window_for(qtbot, session, clock)
    seen: dict = {}

    def export_anyway(gate: ProblemsDialog) -> int:
        seen["rows"] = gate.rows()
        gate.export_button.click()
        return gate.result()

    target = tmp_path / "annual"
    Dialogs.queue_answers(options(), export_anyway, target, None)
    returns_menu(window)[MENU_ITEM].trigger()
    assert [s[0] for s in Dialogs.shown] == ["dialog", "dialog", "save_file", "info"]
    assert Dialogs.shown[1][1] == "Data-quality problems"
    first = seen["rows"][0]
    assert first[:3] == ["LADO", ref, "employment_sector"]
    assert first[3].startswith("Error: ") and first[4] == "Yes"  # count-changing ones first
    changing = [r[4] for r in seen["rows"]]
    assert changing == sorted(changing, reverse=True)
    written = target.with_name("annual.xlsx")
    info = about(written)
    assert info["Data-quality problems accepted"] == sum(
        r[3].startswith("Error: ") for r in seen["rows"]) >= 1
    assert info["Small-number suppression"] == suppression.NO_SUPPRESSION
    window.close()


def test_go_back_returns_to_the_options_and_nothing_is_written(
    qtbot, workspace, make_user, clock, sign_in_bu, tmp_path
):
    fill(workspace, make_user, clock, lose_a_sector=True)
    session = sign_in_bu()
    window = window_for(qtbot, session, clock)

    def go_back(gate: ProblemsDialog) -> int:
        assert gate.back_button.isDefault()  # accepting problems is never the Enter key
        gate.back_button.click()
        return gate.result()

    Dialogs.queue_answers(options(), go_back, 0)  # then cancel the options
    assert export_dialog.export_return(window, session, "annual-report") is None
    assert [s[0] for s in Dialogs.shown] == ["dialog", "dialog", "dialog"]
    assert [s[2] for s in Dialogs.shown] == [
        "AnnualReportDialog", "ProblemsDialog", "AnnualReportDialog"]
    window.close()


def test_with_no_problems_it_goes_straight_to_the_save_dialog(
    qtbot, clock, sign_in_bu, tmp_path, sync_workers
):
    session = sign_in_bu()  # no records at all: nothing for the gate to find
    window = window_for(qtbot, session, clock)
    target = tmp_path / "empty.xlsx"
    Dialogs.queue_answers(options("2015-16"), target, None)
    returns_menu(window)[MENU_ITEM].trigger()
    assert [s[0] for s in Dialogs.shown] == ["dialog", "save_file", "info"]
    assert Path(Dialogs.shown[1][2]).name == "Annual report tables 2015-16.xlsx"
    assert about(target)["Data-quality problems accepted"] == 0
    window.close()


def test_the_suppression_option_reaches_the_export(
    qtbot, workspace, make_user, clock, sign_in_bu, tmp_path, sync_workers
):
    fill(workspace, make_user, clock)  # warnings only: they do not stop the export
    session = sign_in_bu()
    window = window_for(qtbot, session, clock)
    target = tmp_path / "published.xlsx"
    Dialogs.queue_answers(options(suppress=True, threshold=7), target, None)
    returns_menu(window)[MENU_ITEM].trigger()
    assert [s[0] for s in Dialogs.shown] == ["dialog", "save_file", "info"]
    assert "(suppressed)" in Dialogs.shown[1][2]
    info = about(target)
    assert info["Small-number suppression"] == suppression.rule_text(7, 5)
    assert info["Marking"] == annual_report.PUBLISHED_MARKING
    window.close()


def test_the_threshold_is_only_editable_when_suppressing(qtbot, sign_in_bu):
    dialog = AnnualReportDialog(sign_in_bu())
    qtbot.addWidget(dialog)
    assert not dialog.threshold.isEnabled() and dialog.options() == {"suppress": False}
    dialog.suppress.setChecked(True)
    assert dialog.threshold.isEnabled()
    assert dialog.options() == {"suppress": True, "threshold": 5}


def test_only_the_business_unit_is_offered_the_annual_report(
    qtbot, workspace, make_user, clock
):
    officer = auth.sign_in(workspace, "lado1", make_user("lado1", [R.LADO_OFFICER]))
    window = window_for(qtbot, officer, clock)
    assert list(returns_menu(window)) == ["&LADO return…"]
    window.close()
