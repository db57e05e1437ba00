"""``hscb-desktop export fostering`` and the private fostering demo filler, run in-process
through ``cli.main`` on a real data folder."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from hscb_desktop import cli, demo


def run(root, *args: str) -> int:
    return cli.main(["--data-dir", str(root), *args])


def test_fostering_is_registered_for_export_and_demo():
    assert "fostering" in cli.EXPORTERS and "fostering" in demo.FILLERS
    assert demo.FILLERS["fostering"].store == "fostering"


def test_export_fostering_writes_the_return(
    workspace, make_user, data_dir, monkeypatch, tmp_path, capsys
):
    password = make_user("pf1", ["fostering_worker"])
    workspace.close()
    monkeypatch.setenv(cli.ENV_PASSWORD, password)
    out = tmp_path / "pf-2016-17.xlsx"
    assert (
        run(
            data_dir.root,
            "export",
            "fostering",
            "--period",
            "2016-17",
            "--out",
            str(out),
            "--as",
            "pf1",
        )
        == 0
    )
    assert capsys.readouterr().out.strip() == str(out)
    wb = load_workbook(out)
    assert wb.sheetnames[:3] == ["About", "P1 Headline activity", "P2 Statutory (PF1)"]
    rows = [r for r in wb["P1 Headline activity"].iter_rows(min_row=3, values_only=True)]
    assert rows[0] == ("New Private Fostering Notifications", 0)


def test_export_fostering_refused_for_a_lado_officer(
    workspace, make_user, data_dir, monkeypatch, tmp_path, capsys
):
    password = make_user("lado1", ["lado_officer"])
    workspace.close()
    monkeypatch.setenv(cli.ENV_PASSWORD, password)
    out = tmp_path / "no.xlsx"
    assert (
        run(
            data_dir.root,
            "export",
            "fostering",
            "--period",
            "2016-17",
            "--out",
            str(out),
            "--as",
            "lado1",
        )
        == 1
    )
    assert "permission to run the fostering return" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.slow
def test_demo_as_a_fostering_worker_fills_the_store_once(
    workspace, make_user, data_dir, monkeypatch, capsys
):
    """A practitioner adds the demo records for the modules their roles may work on (the
    command runs on the system clock, so the records reach up to the real today)."""
    password = make_user("pf1", ["fostering_worker"])
    workspace.close()
    monkeypatch.setenv(cli.ENV_PASSWORD, password)
    assert run(data_dir.root, "demo", "--as", "pf1") == 0
    out = capsys.readouterr().out
    assert "demo private fostering record(s) as 'pf1'" in out and "LADO" not in out
    assert run(data_dir.root, "demo", "--as", "pf1") == 1
    assert "already holds records" in capsys.readouterr().err
