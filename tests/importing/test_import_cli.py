"""``hscb-desktop import lado FILE.xlsx --sheet NAME --mapping MAP.json [--commit]`` (issue 8),
in-process through the launcher on a real data folder."""

from __future__ import annotations

import json

import pytest
from books import make_book
from openpyxl import load_workbook

from hscb_desktop import cli, launcher
from hscb_desktop.domains.lado.models import LadoContact
from hscb_desktop.security import auth
from hscb_desktop.storage import audit, stores

HEADERS = ["Case ref", "Date received", "Employer", "Sector", "Source", "Threshold", "Outcome"]
ROWS = [["L-1", "21/02/2017", "Oak", "Edu", "Police", "No", None],
        ["L-2", "22/02/2017", "Elm", "education_school", "Parent", "No", "N/A"],
        ["L-3", "23/02/2017", "Ash", "Qwerty", "police", "No", None]]


@pytest.fixture
def officer(workspace, make_user, monkeypatch, data_dir):
    monkeypatch.setenv(cli.ENV_PASSWORD, make_user("lado1", ["lado_officer"]))
    workspace.close()
    return data_dir.root


def run(root, *args):
    return launcher.main(["--data-dir", str(root), "import", "lado", *args, "--as", "lado1"])


def count(root, workspace_clock=None):
    from hscb_desktop.core.clock import SYSTEM_CLOCK
    from hscb_desktop.paths import data_paths
    from hscb_desktop.storage.workspace import Workspace

    ws = Workspace(data_paths(root), SYSTEM_CLOCK).acquire()
    try:
        session = auth.sign_in(ws, "lado1", __import__("os").environ[cli.ENV_PASSWORD])
        n = LadoContact.select().count()
        ok = audit.verify("lado").ok
        auth.sign_out(session)
    finally:
        ws.close()
        stores.unbind_all()
    return n, ok


def test_import_is_a_command_the_launcher_sends_to_the_cli():
    assert "import" in cli.COMMANDS


def test_dry_run_proposes_a_mapping_lists_problems_and_writes_nothing(officer, tmp_path, capsys):
    book = make_book(tmp_path / "tracker.xlsx", HEADERS, ROWS, title="LADO 2016-17")
    saved = tmp_path / "map.json"
    assert run(officer, str(book), "--sheet", "Referrals", "--save-mapping", str(saved),
               "--report", str(tmp_path / "report.xlsx")) == 0
    out, err = capsys.readouterr()
    assert "header on row 3, 3 rows" in out
    assert "'Edu' read as 'Education - school' (suggested)" in out
    assert "Dry run: 3 rows read: 2 to create, 0 duplicates, 1 skipped." in out
    assert "Unmapped values of Employment sector: 'Qwerty'" in err
    data = json.loads(saved.read_text())
    assert data["columns"]["Case ref"] == "ref"
    assert data["values"]["employment_sector"]["Qwerty"] == "?"  # still to map
    rows = list(load_workbook(tmp_path / "report.xlsx")["Rows"].iter_rows(values_only=True))
    assert rows[1][:2] == (6, "Sector")
    assert count(officer) == (0, True)


def test_commit_with_an_edited_mapping_then_again_creates_no_duplicates(officer, tmp_path,
                                                                        capsys):
    book = make_book(tmp_path / "tracker.xlsx", HEADERS, ROWS, title="LADO 2016-17")
    saved = tmp_path / "map.json"
    assert run(officer, str(book), "--save-mapping", str(saved)) == 0
    data = json.loads(saved.read_text())
    data["values"]["employment_sector"]["Qwerty"] = "other_statutory"  # the user resolves it
    saved.write_text(json.dumps(data))
    capsys.readouterr()
    assert run(officer, str(book), "--sheet", "Referrals", "--mapping", str(saved),
               "--commit") == 0
    assert "Created 3 records (0 duplicates and 0 rows skipped)." in capsys.readouterr().out
    assert count(officer) == (3, True)
    assert run(officer, str(book), "--mapping", str(saved), "--commit") == 0
    assert "Created 0 records (3 duplicates" in capsys.readouterr().out
    assert count(officer) == (3, True)


def test_commit_refused_while_values_are_unmapped(officer, tmp_path, capsys):
    book = make_book(tmp_path / "tracker.xlsx", HEADERS, ROWS)
    assert run(officer, str(book), "--commit") == 1
    assert "Unmapped values of Employment sector: 'Qwerty'" in capsys.readouterr().err
    assert count(officer) == (0, True)


def test_a_corrupt_workbook_exits_1_with_a_clear_message(officer, tmp_path, capsys):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a workbook")
    assert run(officer, str(bad)) == 1
    assert "could not be read as an Excel workbook" in capsys.readouterr().err


def test_extract_then_import_through_the_cli_round_trips(officer, tmp_path, capsys):
    """``hscb-desktop extract lado`` writes the records the importer reads back: imported
    into the same store nothing is created (every row a duplicate); the extract of a store
    holds every record, one row each."""
    book = make_book(tmp_path / "tracker.xlsx", HEADERS, ROWS[:2], title="LADO 2016-17")
    assert run(officer, str(book), "--sheet", "Referrals", "--commit") == 0
    out = tmp_path / "extract.xlsx"
    assert launcher.main(["--data-dir", str(officer), "extract", "lado", "--out", str(out),
                          "--as", "lado1"]) == 0
    assert capsys.readouterr().out.strip().endswith(str(out))
    rows = list(load_workbook(out)["Records"].iter_rows(values_only=True))
    assert len(rows) == 3 and {r[0] for r in rows[1:]} == {"L-1", "L-2"}
    assert run(officer, str(out), "--sheet", "Records", "--commit") == 0
    assert "2 duplicates" in capsys.readouterr().out
    assert count(officer) == (2, True)
    assert launcher.main(["--data-dir", str(officer), "extract", "lado", "--out",
                          str(tmp_path / "x.csv"), "--as", "lado1"]) != 0
