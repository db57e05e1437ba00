"""``hscb-desktop export cdop`` and the CDOP demo filler (``hscb-desktop demo``)."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from hscb_desktop import cli, demo
from hscb_desktop.domains.cdop import queries
from hscb_desktop.security import auth


def test_cdop_is_registered():
    assert "cdop" in cli.EXPORTERS and "cdop" in demo.FILLERS
    assert demo.FILLERS["cdop"].store == "cdop"


def test_export_cdop_from_the_command_line(
    workspace, make_user, data_dir, monkeypatch, tmp_path, capsys
):
    password = make_user("cdop1", ["cdop_coordinator"])
    bu = make_user("bu1", ["business_unit"])
    lado = make_user("lado1", ["lado_officer"])
    workspace.close()
    out = tmp_path / "cdop-2016-17.xlsx"
    monkeypatch.setenv(cli.ENV_PASSWORD, password)
    assert (
        cli.main(
            [
                "--data-dir",
                str(data_dir.root),
                "export",
                "cdop",
                "--period",
                "2016-17",
                "--out",
                str(out),
                "--as",
                "cdop1",
            ]
        )
        == 0
    )
    assert capsys.readouterr().out.strip() == str(out)
    wb = load_workbook(out)
    assert wb.sheetnames[:2] == ["About", "C1 Panel activity"]
    about = {row[0]: row[1] for row in wb["About"].iter_rows(values_only=True)}
    assert about["Period"] == "April 2016 - March 2017"
    monkeypatch.setenv(cli.ENV_PASSWORD, bu)
    assert (
        cli.main(
            [
                "--data-dir",
                str(data_dir.root),
                "export",
                "cdop",
                "--period",
                "2016-17",
                "--out",
                str(tmp_path / "bu.xlsx"),
                "--as",
                "bu1",
            ]
        )
        == 0
    )
    monkeypatch.setenv(cli.ENV_PASSWORD, lado)
    refused = tmp_path / "lado.xlsx"
    assert (
        cli.main(
            [
                "--data-dir",
                str(data_dir.root),
                "export",
                "cdop",
                "--period",
                "2016-17",
                "--out",
                str(refused),
                "--as",
                "lado1",
            ]
        )
        == 1
    )
    assert "permission to run the cdop return" in capsys.readouterr().err
    assert not refused.exists()


@pytest.mark.parametrize("today", [dt.date(2017, 3, 1), dt.date(2018, 1, 15)])
def test_demo_filler_fills_an_empty_cdop_store(workspace, make_user, clock, today):
    clock.set(dt.datetime(today.year, today.month, today.day, 9, 0, tzinfo=dt.UTC))
    password = make_user("cdop1", ["cdop_coordinator"])
    session = auth.sign_in(workspace, "cdop1", password)
    filler = demo.FILLERS["cdop"]
    assert not filler.has_records()
    added = filler.fill(session, today)
    assert added >= 48 and filler.has_records()
    assert queries.case_list(session).count() == added
    # The demo names its notifying agencies from the core list, so cases can be complete.
    assert queries.ready_for_panel(session)
