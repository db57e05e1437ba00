"""The training return (SPEC §5.4, §7.5): the training year of §7.5 entered through the
service and exported with export_training reproduces T1 and T2 of Appendix 3."""

from __future__ import annotations

import datetime as dt
import hashlib

import openpyxl
import pytest
from training_factories import AGENCIES_7_5, COURSES_7_5, agency_ids, enter_7_5

from hscb_desktop.core.periods import period_for
from hscb_desktop.core.validation import PermissionDenied, ValidationFailed
from hscb_desktop.domains.training import returns, service
from hscb_desktop.domains.training.models import AggregateAttendance, CourseRun
from hscb_desktop.storage import audit


def _rows(ws, first, last=None):
    return [[c.value for c in row] for row in ws.iter_rows(min_row=first, max_row=last)]


def test_t1_and_t2_reproduce_appendix_3(bu_session, tmp_path):
    enter_7_5(bu_session)
    path = service.export_training(bu_session, "2016-17", tmp_path / "training-2016-17.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["About", "T1 Attendees by agency", "T2 Attendees by course",
                             "T3 Course runs"]
    about = {r[0]: r[1] for r in _rows(wb["About"], 1)}
    assert about["Period"] == "April 2016 - March 2017"

    t1 = wb["T1 Attendees by agency"]
    assert t1["A1"].value == ("The numbers of attendees below relate to Hertfordshire "
                              "Safeguarding Children Board Multi-Agency courses only.")
    assert _rows(t1, 2, 2) == [["Agency", "Total number of attendees per agency"]]
    assert [tuple(r) for r in _rows(t1, 3, 29)] == AGENCIES_7_5  # 27 agencies, in order
    assert _rows(t1, 30, 30) == [["Total", 1217]]
    assert t1["B30"].number_format == "#,##0" and t1["B30"].font.bold

    t2 = wb["T2 Attendees by course"]
    assert t2["A1"].value == "Total number of attendees by course Apr 16 - Mar 17"
    assert _rows(t2, 2, 2) == [["Course Title", "Total number of attendees",
                                "How many times the course ran"]]
    assert [tuple(r) for r in _rows(t2, 3, 17)] == COURSES_7_5  # 15 courses, in order
    assert _rows(t2, 18, 18) == [["Total", 1217, 50]]

    t3 = wb["T3 Course runs"]
    header, *runs = _rows(t3, 2, 52)
    assert header == ["Course Title", "Date", "Capacity", "Booked", "Attended", "Cancellations",
                      "No shows", "Attendance rate"]
    assert len(runs) == 50 and runs[0][:5] == ["Safeguarding Disabled Children",
                                               dt.datetime(2016, 4, 4), 21, 16, 16]
    assert _rows(t3, 53, 53)[0][:7] == ["Total", None, 50 * 5 + 1217, 1217 - 2 + 4, 1217, 2, 2]
    assert t3["H3"].number_format == "0%" and t3["H3"].value == pytest.approx(0.76)

    AuditEntry, _, _ = audit.models("board")
    entry = AuditEntry.select().where(AuditEntry.action == "export").get()
    _, new = audit.values_of("board", entry.seq)
    assert new["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert new["return"] == "training" and new["tables"] == ["T1", "T2", "T3"]


def test_an_export_refuses_when_t1_and_t2_disagree(bu_session, tmp_path):
    enter_7_5(bu_session)
    # Attendance on a cancelled run, written past the service (as an old import might have):
    # T1 counts it by agency, T2 does not count the run.
    cancelled = CourseRun.get(CourseRun.cancelled == True)  # noqa: E712
    AggregateAttendance.create(run=cancelled.id, agency_id=agency_ids(bu_session)["Other"],
                               agency_name="Other", attended_count=3, booked_count=3)
    with pytest.raises(ValidationFailed) as info:
        service.export_training(bu_session, "2016-17", tmp_path / "t.xlsx")
    message = str(info.value)
    assert "1,220" in message and "1,217" in message
    assert not (tmp_path / "t.xlsx").exists()


def test_check_totals_on_tables():
    from hscb_desktop.returns import Table

    t1 = Table("T1", "", [], [], total=["Total", 10])
    t2 = Table("T2", "", [], [], total=["Total", 12, 3])
    assert returns.check_totals([t1, t2])[0].blocking
    t2.total[1] = 10
    assert returns.check_totals([t1, t2]) == []


def test_short_span_follows_the_period():
    assert returns.short_span(period_for("training", "2016-17")) == "Apr 16 - Mar 17"
    assert returns.short_span(period_for("training", "2009-10")) == "Apr 09 - Mar 10"


@pytest.mark.parametrize("role", ["lado_officer", "administrator", "cdop_coordinator"])
def test_only_the_business_unit_exports(session_for, role, tmp_path):
    session = session_for([role])
    with pytest.raises(PermissionDenied):
        service.export_training(session, "2016-17", tmp_path / "x.xlsx")
