"""The annual-report workbook (issue 7): every module's return for the year on one
workbook, figure for figure the same as each module's own return; the About sheet;
GOV-3 suppression; the data-quality gate; business unit only; the CLI."""
from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from openpyxl import load_workbook

from hscb_desktop import cli, demo
from hscb_desktop.core.clock import local_today
from hscb_desktop.core.periods import period_for
from hscb_desktop.core.validation import PermissionDenied, ValidationFailed
from hscb_desktop.exporters import EXPORTERS
from hscb_desktop.returns import annual_report, quality, suppression
from hscb_desktop.security import auth
from hscb_desktop.security import roles as R
from hscb_desktop.storage import audit

EVERYTHING = [r for r in R.ROLES if r != R.ADMINISTRATOR]  # every practitioner + business_unit
MODULE_ORDER = ["cdop", "lado", "fostering", "board", "training"]  # the annual report's order


@pytest.fixture
def filled(workspace, make_user, clock):
    """A session holding every role but administrator, over the synthetic 2016-17 data."""
    clock.set(dt.datetime(2017, 9, 1, 9, 0, tzinfo=dt.timezone.utc))  # after the LADO year
    password = make_user("all", EVERYTHING)
    session = auth.sign_in(workspace, "all", password)
    today = local_today(clock)
    for filler in demo.FILLERS.values():
        assert filler.fill(session, today) > 0
    return session


def sheets(path: Path) -> dict[str, list[tuple]]:
    book = load_workbook(path)
    try:
        return {name: list(book[name].iter_rows(values_only=True)) for name in book.sheetnames}
    finally:
        book.close()


def about(book: dict[str, list[tuple]]) -> dict:
    return {row[0]: row[1] for row in book["About"]}


def test_every_module_s_figures_are_on_the_annual_report_cell_for_cell(filled, tmp_path):
    target = annual_report.export_annual_report(filled, "2016-17", tmp_path / "annual.xlsx")
    annual = sheets(target)
    names = list(annual)
    assert names[0] == "About"
    expected: list[tuple[str, list[tuple]]] = []
    for module in MODULE_ORDER:
        own = sheets(EXPORTERS[module](filled, "2016-17", tmp_path / f"{module}.xlsx"))
        assert list(own)[0] == "About" and len(own) > 1
        expected += [(name, rows) for name, rows in own.items() if name != "About"]
    assert len(names) - 1 == len(expected)
    for name, (own_name, own_rows) in zip(names[1:], expected):
        assert len(name) <= 31
        assert name.split(" ", 1)[1] == own_name[: 31 - len(name.split(" ", 1)[0]) - 1]
        assert annual[name] == own_rows, f"{name} differs from {own_name}"
    assert len(set(n.lower() for n in names)) == len(names)
    # Appendix 2 (board) and Appendix 3 (training) come last, in that order
    assert [n.split()[0] for n in names[-6:]] == ["App2"] * 3 + ["App3"] * 3


def test_the_about_sheet_states_periods_rule_problems_and_each_audit_head(filled, tmp_path):
    heads = {store: audit.head(store) for store in ("core", "lado", "fostering", "cdop", "board")}
    target = annual_report.export_annual_report(filled, "2016-17", tmp_path / "annual.xlsx")
    info = about(sheets(target))
    assert info["Board"]
    assert "July 2016 - June 2017" in info["Period: LADO"]
    for prefix in ("CDOP", "PF", "App2", "App3"):
        assert "April 2016 - March 2017" in info[f"Period: {prefix}"]
    assert info["Small-number suppression"] == "none: internal use"
    assert info["Marking"] == annual_report.INTERNAL_MARKING
    assert info["Data-quality problems accepted"] == 0
    assert info["Generated"] == filled.clock.now().astimezone().strftime("%d/%m/%Y %H:%M")
    assert info["App version"]
    for store, (count, head) in heads.items():
        assert info[f"Audit head: {store}"] == f"{count} entries, {head}"
    # AUD-3 / XLS-3: the export is audited with the file's SHA-256 in every domain store
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    for store in ("lado", "fostering", "cdop", "board"):
        count, _ = audit.head(store)
        assert count == heads[store][0] + 1
        entry = audit.models(store)[0].get_by_id(count)
        assert entry.action == "export"
        _, new = audit.values_of(store, count)
        assert new["return"] == "annual-report" and new["sha256"] == digest
        assert audit.verify(store).ok


def test_suppressed_workbook_holds_each_module_s_tables_suppressed(filled, tmp_path):
    target = annual_report.export_annual_report(filled, "2016-17", tmp_path / "pub.xlsx",
                                                suppress=True, threshold=7)
    book = sheets(target)
    info = about(book)
    assert info["Small-number suppression"] == suppression.rule_text(7, 5)
    assert info["Marking"] == annual_report.PUBLISHED_MARKING
    # the sheets are each module's tables, suppressed: written alone, they read back the same
    from hscb_desktop.returns import workbook

    expected = []
    for section, _, tables in annual_report.compute(filled, "2016-17"):
        for table in tables:
            published = suppression.suppress(table, 7, 5)
            expected.append(annual_report.sheet_prefixed(section, published))
            for row in suppression.published_values(published):
                for value in row[1:]:  # no count from 1 to 7 is left; others rounded to 5
                    if suppression.is_count(value):
                        assert value == 0 or (value > 7 and value % 5 == 0), (table.key, row)
    alone = sheets(workbook.write(expected, {}, tmp_path / "alone.xlsx"))
    assert [n for n in book if n != "About"] == [n for n in alone if n != "About"]
    for name in book:
        if name != "About":
            assert book[name] == alone[name], name
    l2b = book["LADO L2b Conversion by sector"]
    assert any(v == "*" for row in l2b for v in row)


def test_the_gate_lists_problems_then_refuses_then_exports_when_accepted(filled, tmp_path):
    from hscb_desktop.domains.lado.models import LadoContact

    period = period_for("lado", "2016-17")
    case = (LadoContact.select()
            .where(LadoContact.threshold_met == True,  # noqa: E712 - a SQL expression
                   LadoContact.date_received.between(period.start, period.end))
            .order_by(LadoContact.id).first())
    # a threshold case whose sector was lost (say, by an import): it changes a count
    LadoContact.update(employment_sector="").where(LadoContact.id == case.id).execute()

    found = quality.period_problems(filled, "2016-17")
    errors = quality.blocking(found)
    assert errors and errors[0].counts_change
    assert (errors[0].domain, errors[0].record, errors[0].field) == (
        "lado", case.ref, "employment_sector")
    assert found[: len([p for p in found if p.counts_change])] == [
        p for p in found if p.counts_change], "count-changing problems come first"
    assert all(isinstance(p.message, str) and p.severity in ("error", "warning") for p in found)

    target = tmp_path / "annual.xlsx"
    with pytest.raises(ValidationFailed) as refused:
        annual_report.export_annual_report(filled, "2016-17", target)
    assert refused.value.count == len(errors)
    assert str(len(errors)) in refused.value.problems[0].message
    assert not target.exists()

    annual_report.export_annual_report(filled, "2016-17", target, accept_problems=True)
    assert about(sheets(target))["Data-quality problems accepted"] == len(errors)


def test_warnings_alone_do_not_stop_the_export(filled, tmp_path):
    found = quality.period_problems(filled, "2016-17")
    assert found and not quality.blocking(found)  # the demo data: advice, no errors
    assert not any(p.counts_change for p in found)
    annual_report.export_annual_report(filled, "2016-17", tmp_path / "annual.xlsx")


def test_a_lado_officer_and_a_locked_session_are_refused(workspace, make_user, tmp_path):
    password = make_user("lado1", ["lado_officer"])
    officer = auth.sign_in(workspace, "lado1", password)
    with pytest.raises(PermissionDenied):
        annual_report.export_annual_report(officer, "2016-17", tmp_path / "a.xlsx")
    with pytest.raises(PermissionDenied):
        quality.period_problems(officer, "2016-17")
    assert not (tmp_path / "a.xlsx").exists()
    assert not EXPORTERS["annual-report"].allowed(officer.return_domains)
    assert EXPORTERS["annual-report"].allowed(R.return_domains([R.BUSINESS_UNIT]))
    assert EXPORTERS["lado"].allowed(officer.return_domains)


def test_a_bad_year_is_refused(filled, tmp_path):
    with pytest.raises(ValueError):
        annual_report.export_annual_report(filled, "2016-18", tmp_path / "a.xlsx")


# -- the command line -----------------------------------------------------------------------


def run(root: Path, *args: str) -> int:
    return cli.main(["--data-dir", str(root), *args])


def test_cli_export_annual_report(filled, workspace, data_dir, monkeypatch, tmp_path, capsys):
    from hscb_desktop.domains.lado.models import LadoContact

    period = period_for("lado", "2016-17")
    case = (LadoContact.select()
            .where(LadoContact.date_received.between(period.start, period.end))
            .order_by(LadoContact.id).first())
    LadoContact.update(employment_sector="").where(LadoContact.id == case.id).execute()
    auth.sign_out(filled)
    workspace.close()
    monkeypatch.setenv(cli.ENV_PASSWORD, "Staff-Pass-Phrase-9")
    out = tmp_path / "annual.xlsx"
    base = ["export", "annual-report", "--period", "2016-17", "--out", str(out), "--as", "all"]

    assert run(data_dir.root, *base) == 1
    err = capsys.readouterr().err
    assert f"lado: {case.ref} (employment_sector)" in err and "[changes a count]" in err
    assert "1 data-quality problem(s)" in err and not out.exists()

    assert run(data_dir.root, *base, "--accept-problems", "--suppress") == 0
    assert capsys.readouterr().out.strip() == str(out)
    info = about(sheets(out))
    assert info["Data-quality problems accepted"] == 1
    assert info["Small-number suppression"] == suppression.rule_text(5, 5)

    assert run(data_dir.root, "export", "lado", "--period", "2016-17", "--out",
               str(tmp_path / "l.xlsx"), "--as", "all", "--suppress") == 1
    assert "apply only to 'export annual-report'" in capsys.readouterr().err
