"""Hostile input against the training service (issue 10 "Hostile input").

Courses, runs, per-delegate bookings and per-agency counts get hostile values on top of
valid records; ``hostile_kit.attempt`` holds every call to the property.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hostile_kit import HOSTILE, attempt, hostile_text, overrides, value_for
from hypothesis import given
from hypothesis import strategies as st

from hscb_desktop.domains.training import rules, service
from hscb_desktop.security import auth

STORE = "board"  # training records live in the board store
COURSE_KINDS = {"title": "text", "theme": "text", "format": "code", "active": "bool",
                "sort_order": "int"}
RUN_KINDS = {"run_date": "date", "venue": "text", "notes": "text", "capacity": "int",
             "trainer_agency_ids": "codes", "cancelled": "bool"}
BOOKING_KINDS = {"agency_id": "int", "status": "code", "delegate_name": "text",
                 "job_role": "text"}
COUNT_KINDS = {name: "int" for name in rules.COUNT_FIELDS}
NUMBER = itertools.count(1)  # unique course titles across examples


@pytest.fixture
def bu(workspace, make_user):
    password = make_user("bu1", ["business_unit"])
    return auth.sign_in(workspace, "bu1", password)


def _run_ok(session):
    return lambda run_id: service.check_run(session, run_id)


@HOSTILE
@given(changes=overrides(COURSE_KINDS), title=hostile_text())
def test_create_course_hostile_input(bu, changes, title):
    """Hostile input: a course (titles are unique, so each example brings its own)."""
    base = {"title": f"Course {title}", "format": "full_day"}
    attempt(STORE, lambda: service.create_course(bu, {**base, **changes}),
            lambda i: rules.validate_course(service.get_course(bu, i)))


@HOSTILE
@given(changes=overrides(RUN_KINDS), agencies=st.one_of(
    st.just([1, 2]), st.lists(value_for("int"), max_size=3), value_for("text")))
def test_create_run_hostile_input(bu, changes, agencies):
    """Hostile input: a run of a course, its trainers' agencies included."""
    course = service.list_courses(bu)[0]["id"] if service.list_courses(bu) else \
        service.create_course(bu, {"title": "The Toxic Trio", "format": "full_day"})
    base = {"course_id": course, "run_date": dt.date(2016, 10, 3), "capacity": 10,
            "trainer_agency_ids": agencies}
    attempt(STORE, lambda: service.create_run(bu, {**base, **changes}), _run_ok(bu))


@HOSTILE
@given(booking=overrides(BOOKING_KINDS), counts=overrides(COUNT_KINDS, most=4),
       count_agency=st.one_of(st.just(3), value_for("int")), reason=hostile_text())
def test_bookings_counts_and_delete_hostile_input(bu, booking, counts, count_agency, reason):
    """Hostile input: a delegate's booking, one agency's counts, deleting the run."""
    course = service.create_course(bu, {"title": f"Course {next(NUMBER)}", "format": "full_day"})
    run = service.create_run(bu, {"course_id": course, "run_date": dt.date(2016, 10, 3)})
    attempt(STORE, lambda: service.add_booking(
        bu, run, {"agency_id": 1, "status": "attended", **booking}), lambda _i: _run_ok(bu)(run))
    rows = [{"agency_id": count_agency, "attended_count": 2, **counts}] if isinstance(
        count_agency, int) else [{"agency_id": count_agency, **counts}]
    attempt(STORE, lambda: service.set_counts(bu, run, rows, replace=False),
            lambda _r: _run_ok(bu)(run))
    attempt(STORE, lambda: service.delete_run(bu, run, reason), lambda _r: [])
