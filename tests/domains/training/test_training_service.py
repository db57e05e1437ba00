"""The training service: roles, courses and runs, per-delegate and per-agency attendance,
the rules that tie them, and attendance by course and by agency with rates."""

from __future__ import annotations

import datetime as dt

import pytest
from training_factories import agency_ids, enter_7_5

from hscb_desktop.core.validation import PermissionDenied, ValidationFailed
from hscb_desktop.domains.training import queries, service
from hscb_desktop.security import auth
from hscb_desktop.storage import audit

DAY = dt.date(2016, 10, 3)


def _entries(table, action=None):
    AuditEntry, _, _ = audit.models("board")
    return [e for e in AuditEntry.select().order_by(AuditEntry.seq)
            if e.record_table == table and (action is None or e.action == action)]


@pytest.fixture
def run(bu_session):
    course = service.create_course(bu_session, {"title": "The Toxic Trio", "format": "full_day",
                                                "theme": "Neglect"})
    return service.create_run(bu_session, {"course_id": course, "run_date": DAY,
                                           "venue": "County Hall", "capacity": 10})


@pytest.fixture
def ids(bu_session):
    return agency_ids(bu_session)


@pytest.mark.parametrize("role", ["lado_officer", "administrator", "fostering_worker"])
def test_other_roles_are_refused(session_for, role):
    session = session_for([role])
    with pytest.raises(PermissionDenied):
        service.create_course(session, {"title": "X", "format": "full_day"})
    with pytest.raises(PermissionDenied):
        queries.attendance_by_course(session, "2016-17")


def test_a_locked_session_is_refused(bu_session):
    auth.lock(bu_session)
    with pytest.raises(PermissionDenied, match="locked"):
        service.create_course(bu_session, {"title": "X", "format": "full_day"})


def test_courses_and_runs_are_validated_and_audited(bu_session, run, ids):
    with pytest.raises(ValidationFailed, match="already a course"):
        service.create_course(bu_session, {"title": "The Toxic Trio", "format": "lite_bite"})
    with pytest.raises(ValidationFailed, match="format"):
        service.create_course(bu_session, {"title": "Y", "format": "webinar"})
    course = service.list_courses(bu_session)[0]["id"]
    with pytest.raises(ValidationFailed, match="capacity"):
        service.create_run(bu_session, {"course_id": course, "run_date": DAY, "capacity": -1})
    with pytest.raises(ValidationFailed, match="agency"):
        service.create_run(bu_session, {"course_id": course, "run_date": DAY,
                                        "trainer_agency_ids": [99999]})
    service.update_run(bu_session, run, {"trainer_agency_ids": [ids["HSCB"],
                                                                ids["Herts Constabulary"]]})
    sheet = service.run_sheet(bu_session, run)
    assert sorted(sheet["trainer_agency_ids"]) == sorted([ids["HSCB"], ids["Herts Constabulary"]])
    assert sheet["course_title"] == "The Toxic Trio" and sheet["version"] == 2
    [created] = _entries("training_run", "create")
    _, new = audit.values_of("board", created.seq)
    assert new["capacity"] == 10 and new["venue"] == "County Hall"


def test_per_delegate_bookings(bu_session, run, ids):
    a = service.add_booking(bu_session, run, {"agency_id": ids["School"], "status": "attended",
                                              "delegate_name": "Alex Example"})
    service.add_booking(bu_session, run, {"agency_id": ids["School"], "status": "no_show"})
    service.add_booking(bu_session, run, {"agency_id": ids["Nursery"],
                                          "status": "unscheduled_attended"})
    service.update_booking(bu_session, a, {"job_role": "Teacher"})
    sheet = service.run_sheet(bu_session, run)
    assert sheet["totals"] == {"attendees": 2, "booked": 2, "cancelled": 0, "no_shows": 1,
                               "unscheduled": 1}
    assert sheet["bookings"][0]["job_role"] == "Teacher"
    assert sheet["bookings"][0]["agency_name"] == "School"
    with pytest.raises(ValidationFailed, match="choose attended"):
        service.add_booking(bu_session, run, {"agency_id": ids["School"], "status": "maybe"})
    with pytest.raises(ValidationFailed, match="agency"):
        service.add_booking(bu_session, run, {"status": "attended"})
    service.delete_booking(bu_session, a)
    assert service.run_sheet(bu_session, run)["totals"]["attendees"] == 1
    assert [e.action for e in _entries("training_booking")] == ["create", "create", "create",
                                                                "update", "delete"]


def test_an_agency_is_recorded_per_delegate_or_as_counts_not_both(bu_session, run, ids):
    service.add_booking(bu_session, run, {"agency_id": ids["School"], "status": "attended"})
    with pytest.raises(ValidationFailed, match="not both"):
        service.set_counts(bu_session, run, {ids["School"]: {"attended_count": 3}})
    service.set_counts(bu_session, run, {ids["Nursery"]: {"attended_count": 3,
                                                          "booked_count": 4,
                                                          "no_show_count": 1}})
    with pytest.raises(ValidationFailed, match="not both"):
        service.add_booking(bu_session, run, {"agency_id": ids["Nursery"], "status": "attended"})
    with pytest.raises(ValidationFailed, match="more than the bookings"):
        service.set_counts(bu_session, run, {ids["Other"]: {"booked_count": 1,
                                                            "cancelled_count": 2}})
    with pytest.raises(ValidationFailed, match="0 or more"):
        service.set_counts(bu_session, run, {ids["Other"]: {"attended_count": -2}})
    service.set_counts(bu_session, run, {ids["Other"]: {"attended_count": 2}}, replace=False)
    counts = {c["agency_name"]: c["attended_count"]
              for c in service.run_sheet(bu_session, run)["counts"]}
    assert counts == {"Nursery": 3, "Other": 2}
    service.set_counts(bu_session, run, {ids["Other"]: {"attended_count": 0}}, replace=False)
    assert [c["agency_name"] for c in service.run_sheet(bu_session, run)["counts"]] == ["Nursery"]


def test_cancelled_and_future_runs_have_no_attendees(bu_session, run, ids):
    service.set_counts(bu_session, run, {ids["School"]: {"attended_count": 4}})
    with pytest.raises(ValidationFailed, match="cancelled run cannot have attendees"):
        service.update_run(bu_session, run, {"cancelled": True})
    with pytest.raises(ValidationFailed, match="has not happened"):
        service.update_run(bu_session, run, {"run_date": dt.date(2017, 9, 1)})
    problems = service.check_run(bu_session, run, counts=[{"agency_id": ids["School"],
                                                          "attended_count": 12}])
    assert [p.message for p in problems] == ["12 attended, more than the capacity of 10."]
    service.set_counts(bu_session, run, [{"agency_id": ids["School"], "attended_count": 12}])
    service.set_counts(bu_session, run, [])
    service.update_run(bu_session, run, {"cancelled": True})


def test_attendance_by_course_and_agency_with_rates(bu_session):
    enter_7_5(bu_session)
    courses = {c.title: c for c in queries.attendance_by_course(bu_session, "2016-17")}
    trio = courses["The Toxic Trio"]
    assert (trio.runs, trio.attendees, trio.capacity, trio.cancelled_runs) == (4, 107, 127, 1)
    assert float(trio.rate_of_capacity) == pytest.approx(0.84)  # 107 / 127
    assert float(trio.rate_of_bookings) == pytest.approx(1.0)
    assert queries.RATE_OF_CAPACITY == "attendees / capacity"
    agencies = queries.attendance_by_agency(bu_session, "2016-17")
    assert sum(a.attendees for a in agencies) == 1217 and len(agencies) == 27
    services = next(a for a in agencies if a.name == "Children's Services")
    assert services.attendees == 351 and float(services.share) == pytest.approx(0.29)
    runs = queries.attendance_by_run(bu_session, "2016-17")
    assert len(runs) == 51 and sum(r["run_cancelled"] for r in runs) == 1


def test_delete_run(bu_session, run, ids):
    service.set_counts(bu_session, run, {ids["School"]: {"attended_count": 4}})
    with pytest.raises(ValidationFailed, match="reason"):
        service.delete_run(bu_session, run, "")
    service.delete_run(bu_session, run, "entered twice")
    assert service.list_runs(bu_session) == []
    assert audit.verify("board").ok
