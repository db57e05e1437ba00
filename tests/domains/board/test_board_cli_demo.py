"""``hscb-desktop demo`` fills the board store with synthetic Board and training records for
2016-17, and ``export board`` / ``export training`` write their returns (run in-process
through ``cli.main``)."""

from __future__ import annotations

import datetime as dt

import pytest
from board_factories import B1_7_4
from openpyxl import load_workbook

from hscb_desktop import cli, demo
from hscb_desktop.domains.board import demo as board_demo
from hscb_desktop.domains.board import queries
from hscb_desktop.domains.training import demo as training_demo
from hscb_desktop.domains.training import queries as tq


def test_board_and_training_plug_into_demo_and_export():
    assert {"board", "training"} <= set(cli.EXPORTERS)
    assert demo.FILLERS["board"].store == "board" and demo.FILLERS["training"].store == "board"


def test_demo_fillers_give_the_annual_report_figures(bu_session):
    today = dt.date(2017, 6, 1)
    assert board_demo.fill(bu_session, today) == 26 + 5
    assert [(f.label, f.text) for f in queries.seat_attendance(bu_session, "2016-17")] == B1_7_4
    assert training_demo.fill(bu_session, today) == 15 + 50
    agencies = tq.attendance_by_agency(bu_session, "2016-17", fixed_rows=True)
    assert sum(a.attendees for a in agencies) == 1217 and all(a.attendees for a in agencies)
    courses = tq.attendance_by_course(bu_session, "2016-17")
    assert [(c.attendees, c.runs) for c in courses][:2] == [(48, 3), (86, 4)]
    assert sum(c.runs for c in courses) == 50


def test_demo_leaves_out_what_has_not_happened(bu_session):
    assert board_demo.fill(bu_session, dt.date(2016, 10, 1)) == 26 + 2
    assert training_demo.fill(bu_session, dt.date(2016, 4, 1)) == 15


@pytest.fixture
def as_user(monkeypatch):
    def _set(password: str) -> None:
        monkeypatch.setenv(cli.ENV_PASSWORD, password)

    return _set


def test_export_board_and_training_from_the_command_line(workspace, make_user, data_dir,
                                                         as_user, tmp_path, capsys, clock):
    clock.set(dt.datetime(2017, 6, 1, 9, 0, tzinfo=dt.timezone.utc))
    password = make_user("bu1", ["business_unit"])
    from hscb_desktop.security import auth

    session = auth.sign_in(workspace, "bu1", password)
    board_demo.fill(session, dt.date(2017, 6, 1))
    training_demo.fill(session, dt.date(2017, 6, 1))
    auth.sign_out(session)
    workspace.close()
    as_user(password)
    for module, sheet, cell in (("board", "B1 Board attendance", "B3"),
                                ("training", "T1 Attendees by agency", "B3")):
        out = tmp_path / f"{module}.xlsx"
        assert cli.main(["--data-dir", str(data_dir.root), "export", module, "--period",
                         "2016-17", "--out", str(out), "--as", "bu1"]) == 0
        assert capsys.readouterr().out.strip() == str(out)
        book = load_workbook(out)
        assert book.sheetnames[0] == "About"
        assert book[sheet][cell].value == ("4/4" if module == "board" else 52)
