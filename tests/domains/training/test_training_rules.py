"""Training rules: plain values in, Problems out, never an exception (SPEC §5.3)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from hscb_desktop.core.validation import Problem
from hscb_desktop.domains.training import rules

TODAY = dt.date(2017, 6, 1)
RUN = {"run_date": dt.date(2016, 10, 3), "capacity": 2}


def _messages(problems, blocking=True):
    return [p.message for p in problems if p.blocking is blocking]


def test_course_rules():
    assert rules.validate_course({"title": "Bruising Lite Bite", "format": "lite_bite"}) == []
    assert _messages(rules.validate_course({"title": "", "format": "x"})) == [
        "Enter the course title.", "Choose the course format from the list."]


def test_run_rules():
    assert rules.validate_run(RUN, [], [], TODAY) == []
    assert _messages(rules.validate_run({"capacity": -1, "trainer_agency_ids": ["HSCB"]},
                                        [], [], TODAY)) == [
        "Enter the date of the run.", "The capacity must be 0 or more.",
        "Choose the trainers' agencies from the list."]
    both = rules.validate_run(RUN, [{"agency_id": 3, "status": "attended"}],
                              [{"agency_id": 3, "attended_count": 1},
                               {"agency_id": 4, "booked_count": 1, "no_show_count": 1,
                                "cancelled_count": 1}], TODAY)
    assert _messages(both) == [
        "Counts row 1: this agency's delegates are recorded one by one for this run; record "
        "them either one by one or as counts, not both.",
        "Counts row 2: cancellations and no shows cannot be more than the bookings."]
    over = rules.validate_run({**RUN, "cancelled": True},
                              [{"agency_id": 3, "status": "unscheduled_attended"}],
                              [{"agency_id": 4, "attended_count": 2}], TODAY)
    assert _messages(over) == ["A cancelled run cannot have attendees."]
    assert _messages(over, blocking=False) == ["3 attended, more than the capacity of 2."]
    dup = rules.validate_run(RUN, [], [{"agency_id": 4}, {"agency_id": 4}], TODAY)
    assert _messages(dup) == ["Counts row 2: this agency already has counts for the run."]
    assert rules.attendees_of([{"status": "no_show"}, {"status": "attended"}],
                              [{"attended_count": 4}]) == 5


values = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 10**6), st.text(max_size=30),
    st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)),
    st.lists(st.integers(-3, 5), max_size=3), st.floats(allow_nan=True),
)
keys = st.sampled_from(["title", "format", "theme", "active", "sort_order", "run_date", "venue",
                        "capacity", "trainer_agency_ids", "cancelled", "notes", "agency_id",
                        "status", "delegate_name", "job_role", "attended_count",
                        "booked_count", "cancelled_count", "no_show_count"])
records = st.one_of(st.dictionaries(keys, values), values)
rows = st.one_of(values, st.lists(records, max_size=3))


@settings(max_examples=300, deadline=None)
@given(records, rows, rows, values)
def test_rules_only_ever_return_problems(record, bookings, counts, today):
    for problems in (rules.validate_course(record),
                     rules.validate_run(record, bookings, counts, today),
                     rules.validate_run(record, bookings, counts, TODAY)):
        assert isinstance(problems, list)
        assert all(isinstance(p, Problem) for p in problems)
        # The last-resort guard never had to step in: the rules handled the input themselves.
        assert not any("could not be checked" in p.message for p in problems)
