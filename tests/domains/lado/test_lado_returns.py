"""The LADO return (SPEC §1.7, §7.1): the issue's synthetic dataset, exported with
export_lado and read back with openpyxl, shows the annual report's figures."""

from __future__ import annotations

import datetime as dt
import hashlib

import openpyxl
import pytest
from lado_factories import consultation, synthetic_dataset, threshold_case

from hscb_desktop.core.periods import period_for
from hscb_desktop.core.validation import PermissionDenied
from hscb_desktop.domains.lado import returns, service
from hscb_desktop.security import auth
from hscb_desktop.storage import audit


@pytest.fixture
def officer_2018(clock, workspace, make_user):
    """A LADO officer signed in on 15 January 2018, after the 2016-17 year has ended."""
    clock.set(dt.datetime(2018, 1, 15, 9, 0, tzinfo=dt.timezone.utc))
    password = make_user("lado1", ["lado_officer"])
    return auth.sign_in(workspace, "lado1", password)


@pytest.fixture
def loaded(officer_2018):
    ids = service.bulk_create(officer_2018, synthetic_dataset())
    assert len(ids) == 804 + 804 + 630
    return officer_2018


def _rows(ws, first=3, last=None):
    return [[c.value for c in row] for row in ws.iter_rows(min_row=first, max_row=last)]


def test_export_shows_the_annual_report_figures(loaded, tmp_path):
    path = service.export_lado(loaded, "2016-17", tmp_path / "lado-2016-17.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[0] == "About"
    about = {r[0]: r[1] for r in _rows(wb["About"], 1)}
    assert about["Period"] == "July 2016 - June 2017" and about["App version"]

    l1 = wb["L1 Referrals"]
    assert l1["A1"].value == "Referrals"
    assert _rows(l1, 2, 5) == [
        [
            "Year",
            "Total Recorded Allegations",
            "Allegations that reached child protection threshold",
        ],
        ["July 2014 - June 2015", 804, 60],
        ["July 2015 - June 2016", 804, 67],
        ["July 2016 - June 2017", 630, 68],
    ]

    l3 = wb["L3 Meetings"]
    header, *years = _rows(l3, 2, 5)
    assert header == [
        "Year",
        "Strategy/Joint Evaluation Meetings held",
        "Change on previous year (%)",
    ]
    assert years[-1][:2] == ["July 2016 - June 2017", 83]
    assert years[-1][2] == pytest.approx(0.04) and l3["C5"].number_format == "0%"  # "a rise of 4%"
    assert years[-2][:2] == ["July 2015 - June 2016", 80]

    l2 = wb["L2 Threshold by agency"]
    assert l2["A1"].value == "Allegations (%) that reached threshold specific to agency"
    assert _rows(l2, 2, 2)[0] == [
        "July 2016 - June 2017",
        "Education",
        "Social Care",
        "Health",
        "Police",
        "Private and Voluntary Sector",
    ]  # no "Other" column in a year without
    pct = _rows(l2, 3, 3)[0]
    assert pct[0] == "%" and l2["B3"].number_format == "0%"
    for got, report in zip(pct[1:], [58, 7, 1, 2, 32]):
        assert abs(round(got * 100) - report) <= 1
    assert _rows(l2, 4, 4)[0] == ["Number", 39, 5, 1, 1, 22]

    # The export is audited with the file's SHA-256 (XLS-3).
    AuditEntry, _, _ = audit.models("lado")
    entry = AuditEntry.select().where(AuditEntry.action == "export").get()
    _, new = audit.values_of("lado", entry.seq)
    assert new["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert new["period"] == "2016-17"


def test_other_tables(loaded):
    tables = {t.key: t for t in returns.compute(period_for("lado", "2016-17"))}
    assert list(tables) == ["L1", "L2", "L2b", "L3", "L4", "L5", "L6", "L7", "L8", "L8b"]
    l2b = tables["L2b"]
    assert l2b.row("Contacts")[-1] == 630 and l2b.row("Reached threshold")[-1] == 68
    assert l2b.row("Conversion rate")[-1] == pytest.approx(0.11)  # 68/630 = 10.8%
    l4 = tables["L4"]
    assert l4.row("Physical")[1:] == [0, 68, 68] and l4.row("Emotional")[1:] == [562, 0, 562]
    assert l4.total == ["Contacts", 562, 68, 630]
    l5 = tables["L5"]
    # Ongoing at period end includes the earlier years' threshold cases never closed (60 + 67).
    assert [r[1] for r in l5.rows] == [4, 4, 4, 4, 4, 48 + 60 + 67] and l5.total[1] == 195
    l6 = tables["L6"]
    assert l6.row("1 month")[1:3] == [10, pytest.approx(0.5)]
    assert l6.row("3 months")[1] == 20 and l6.row("Over 12 months")[1] == 0
    assert l6.total[1] == 20
    l7 = tables["L7"]
    assert (
        l7.row("Dismissal")[1] == 4
        and l7.row("Referral to DBS")[1] == 4
        and l7.row("Suspension")[1] == 0
    )
    l8 = tables["L8"]
    assert l8.total == ["Total", "", 562, 68, 630]
    assert l8.row("Education - school")[3] == 39


def test_other_column_only_when_non_zero(officer_2018):
    service.create_contact(
        officer_2018,
        threshold_case(
            employment_sector="cafcass",
            setting_type="other",
            date_received=dt.date(2016, 9, 1),
            date_allegation_known=None,
        ),
    )
    service.create_contact(officer_2018, consultation(date_received=dt.date(2016, 9, 2)))
    l2 = returns.compute(period_for("lado", "2016-17"))[1]
    assert l2.headers[-1] == "Other" and l2.row("Number")[1:] == [0, 0, 0, 0, 0, 1]
    assert l2.row("%")[-1] == pytest.approx(1.0)


def test_business_unit_runs_the_return_others_cannot(officer_2018, session_for, tmp_path):
    service.create_contact(officer_2018, consultation(date_received=dt.date(2016, 9, 2)))
    with pytest.raises(PermissionDenied):
        service.export_lado(
            session_for(["fostering_worker"], "fw1"), "2016-17", tmp_path / "x.xlsx"
        )
    assert not (tmp_path / "x.xlsx").exists()
    unit = session_for(["business_unit"], "bu1")
    path = service.export_lado(unit, "2016-17", tmp_path / "bu.xlsx")
    l1 = openpyxl.load_workbook(path)["L1 Referrals"]
    assert l1["B5"].value == 1
    with pytest.raises(PermissionDenied):
        service.get_contact(unit, 1)


def test_demo_records_load_and_match_the_report(officer_2018):
    from hscb_desktop.domains.lado import demo

    ids = service.bulk_create(officer_2018, demo.records(dt.date(2018, 1, 15)))
    assert len(ids) == 804 + 804 + 630 + 40
    tables = {t.key: t for t in returns.compute(period_for("lado", "2016-17"))}
    assert tables["L1"].rows == [
        ["July 2014 - June 2015", 804, 60],
        ["July 2015 - June 2016", 804, 67],
        ["July 2016 - June 2017", 630, 68],
    ]
    assert tables["L3"].rows[-1][1] == 83
    assert tables["L2"].row("Number")[1:] == [39, 5, 1, 1, 22]
