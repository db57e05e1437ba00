"""The private fostering return (SPEC §2.8, §7.2, §8.6, §8.8): the issue's synthetic
2016-17 dataset, exported with export_fostering and read back with openpyxl, shows the
annual report's figures; the other tables add up."""

from __future__ import annotations

import datetime as dt
import hashlib

import openpyxl
import pytest
from pf_factories import arrangement, notification, synthetic_2016_17, visit

from hscb_desktop.core.calendar import WorkingCalendar
from hscb_desktop.core.periods import period_for
from hscb_desktop.core.validation import PermissionDenied
from hscb_desktop.domains.fostering import demo, returns, service
from hscb_desktop.security import auth
from hscb_desktop.storage import audit

D = dt.date
P1_EXPECTED = [
    ["New Private Fostering Notifications", 35],
    ["Private Fostering Assessments completed", 32],
    ["Private Fostering arrangements (open at any time in the year)", 42],
    ["Notifications that did not progress to Private Fostering arrangements", 3],
    ["General enquiries", 47],
    ["of which: not Private Fostering arrangements", 27],
    ["of which: referred on to other Local Authorities", 4],
    ["of which: became Private Fostering notifications", 10],
    ["of which: advice only / other", 6],
]


@pytest.fixture
def worker_2018(clock, workspace, make_user):
    """A fostering worker signed in on 15 January 2018, after the 2016-17 year has ended."""
    clock.set(dt.datetime(2018, 1, 15, 9, 0, tzinfo=dt.UTC))
    password = make_user("pf1", ["fostering_worker"])
    return auth.sign_in(workspace, "pf1", password)


@pytest.fixture
def loaded(worker_2018):
    notes, enquiries = synthetic_2016_17()
    counts = service.bulk_create(worker_2018, notes, enquiries)
    assert counts["notifications"] == 47 and counts["enquiries"] == 49
    return worker_2018


def _rows(ws, first=3, last=None):
    return [[c.value for c in row] for row in ws.iter_rows(min_row=first, max_row=last)]


def test_export_shows_the_annual_report_figures(loaded, tmp_path):
    path = service.export_fostering(loaded, "2016-17", tmp_path / "pf-2016-17.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[0] == "About"
    about = {r[0]: r[1] for r in _rows(wb["About"], 1)}
    assert about["Period"] == "April 2016 - March 2017" and about["App version"]
    assert (
        about["Module"] == "Private fostering" and "1 April - 31 March" in about["Counting rules"]
    )
    p1 = wb["P1 Headline activity"]
    assert p1["A1"].value == "Headline activity"
    assert _rows(p1, 2, 2) == [["Measure", "Number"]]
    assert _rows(p1, 3, 11) == P1_EXPECTED
    # The enquiry rows add up (SPEC §8.8).
    assert 27 + 4 + 10 + 6 == 47
    assert p1["B3"].number_format == "#,##0" and p1.freeze_panes == "A3"
    # The export is audited with the file's hash (XLS-3).
    [entry] = [e for e in audit.models("fostering")[0].select() if e.action == "export"]
    _, new = audit.values_of("fostering", entry.seq)
    assert new["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert new["period"] == "2016-17" and new["return"] == "fostering"


def test_no_identifying_details_in_the_workbook(loaded, tmp_path):
    path = service.export_fostering(loaded, "2016-17", tmp_path / "pf.xlsx")
    wb = openpyxl.load_workbook(path)
    text = " ".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value)
    assert "Example" not in text and "Sample" not in text and "Luton" not in text


def test_p2_statutory_table(loaded):
    tables = {
        t.key: t
        for t in returns.compute(
            period_for("fostering", "2016-17"), WorkingCalendar.shipped(), D(2018, 1, 15)
        )
    }
    p2 = tables["P2"]
    assert p2.row("Notifications received during the year")[1] == 35
    # 32 began in the year (each started the day before its notification).
    assert p2.row("New arrangements that began during the year")[1] == 32
    # 5 carried over ended in 2016-17; of the new, those ending 120 days after notification
    # before 1 April 2017 (i = 0, 4, 8, 12, 16, 20, 24 of 35).
    assert p2.row("Arrangements that ended during the year")[1] == 5 + 7
    assert p2.row("Children in private fostering arrangements at 31 March")[1] == 42 - 12
    base = p2.row("Initial visits due (notifications in the year that became arrangements)")
    assert base[1] == 32
    within = p2.row("Initial visits made within 7 working days of notification")
    assert within[1] == 32 and float(within[2]) == 1.0  # all two days after notification
    due = p2.row("Regulation 8 visits due in the year")[1]
    on_time = p2.row("Regulation 8 visits made on time")
    assert due > 100 and on_time[1] == due  # every visit made at exactly 6 weeks


def test_p3_children_at_31_march_add_up(loaded):
    period = period_for("fostering", "2016-17")
    p3 = returns.p3(period)
    assert p3.title == "Children in private fostering arrangements at 31 March"
    total = p3.total[2]
    assert total == 30
    for group in ("Age at 31 March", "Sex", "Country of birth"):
        assert sum(r[2] for r in p3.rows if r[0] == group) == total, group
    bands = [r[1] for r in p3.rows if r[0] == "Age at 31 March"]
    assert bands == ["Under 5", "5–9", "10–15", "16–17 (disabled)"]
    assert p3.rows[3][2] == 1  # the disabled 16-year-old


def test_p4_and_p5_add_up(loaded):
    tables = {
        t.key: t
        for t in returns.compute(period_for("fostering", "2016-17"), WorkingCalendar.shipped())
    }
    p4, p4b, p5, p5b = tables["P4"], tables["P4b"], tables["P5"], tables["P5b"]
    assert p4.total == ["Arrangements", 42] and sum(r[1] for r in p4.rows) == 42  # one each
    assert p4b.total == ["Total", 42]
    assert [r[1] for r in p5.rows] == [10, 27, 4, 4, 2] and p5.total == ["Total", 47]
    assert p5b.total == ["Total", 27]
    assert p5b.row("Carer is a close relative")[1] == 9


def test_business_unit_may_export_other_practitioners_may_not(
    loaded, workspace, make_user, tmp_path
):
    password = make_user("bu1", ["business_unit"])
    bu = auth.sign_in(workspace, "bu1", password)
    path = service.export_fostering(bu, "2016-17", tmp_path / "bu.xlsx")
    assert _rows(openpyxl.load_workbook(path)["P1 Headline activity"], 3, 3) == [P1_EXPECTED[0]]
    for roles in (["lado_officer"], ["administrator"]):
        name = roles[0][:6] + "1"
        session = auth.sign_in(workspace, name, make_user(name, roles))
        with pytest.raises(PermissionDenied):
            service.export_fostering(session, "2016-17", tmp_path / "no.xlsx")
    assert not (tmp_path / "no.xlsx").exists()


@pytest.mark.sqlcipher_only  # drops SQLite triggers to tamper
def test_a_broken_audit_chain_stops_the_export(loaded, tmp_path):
    from hscb_desktop.storage import stores

    db = stores.proxy("fostering")
    db.execute_sql("DROP TRIGGER audit_entry_no_update")
    db.execute_sql("UPDATE audit_entry SET user = 'someone' WHERE seq = 2")
    with pytest.raises(Exception, match="audit log failed its check"):
        service.export_fostering(loaded, "2016-17", tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()


def test_regulation_8_timeliness_counts_late_and_missed_visits(worker_2018):
    """Aware 1 Feb 2017; initial visit 8 Feb; visits 22 Mar (on time), 10 May (a week late);
    ended 30 Jun. Year 2016-17 has one due (22 Mar, met); 2017-18 has 3 May (late, answered
    10 May) and 21 Jun (missed)."""
    session = worker_2018
    notes = [
        notification(
            arrangement={
                **arrangement(
                    initial_visit_date=D(2017, 2, 8),
                    end_date=D(2017, 6, 30),
                    end_reason="returned_to_parent",
                ),
                "visits": [
                    visit(visit_date=D(2017, 3, 22), visit_type="statutory_reg8"),
                    visit(visit_date=D(2017, 5, 10), visit_type="statutory_reg8"),
                ],
            }
        )
    ]
    service.bulk_create(session, notes)
    cal = WorkingCalendar.shipped()
    p2 = returns.p2(period_for("fostering", "2016-17"), cal, D(2018, 1, 15))
    assert p2.row("Regulation 8 visits due in the year")[1:] == [1, None]
    assert p2.row("Regulation 8 visits made on time")[1] == 1
    p2 = returns.p2(period_for("fostering", "2017-18"), cal, D(2018, 1, 15))
    assert p2.row("Regulation 8 visits due in the year")[1] == 2
    assert p2.row("Regulation 8 visits made on time")[1:] == [0, 0.0]
    # Run mid-year, dues after today are not counted yet.
    p2 = returns.p2(period_for("fostering", "2017-18"), cal, D(2017, 5, 5))
    assert p2.row("Regulation 8 visits due in the year")[1] == 1


def test_the_demo_records_give_the_annual_report_figures(worker_2018, tmp_path):
    notes, enquiries = demo.records(D(2018, 1, 15), calendar=service.calendar())
    service.bulk_create(worker_2018, notes, enquiries)
    tables = returns.compute(period_for("fostering", "2016-17"), service.calendar())
    assert [r[:2] for r in tables[0].rows[:7]] == [r for r in P1_EXPECTED[:7]]
    assert sum(r[1] for r in tables[0].rows[5:]) == 47
