"""Hostile input straight into every domain's rules (issue 10 "Hostile input").

The rules promise to report, never to raise: each ``validate*`` has a last-resort ``except``
that turns a crash into "The record could not be checked (TypeError)". That message would
hide a bug from the user and from these tests, so the property here is stricter: for any
mapping of hostile values (and for things that are not mappings at all) every validator
returns a list of ``Problem``s and never falls back to that message.
"""

from __future__ import annotations

import datetime as dt

from hostile_kit import HOSTILE, hostile_date, value_for, wrong_kind
from hypothesis import given
from hypothesis import strategies as st

from hscb_desktop.core.validation import Problem
from hscb_desktop.domains.board import rules as board
from hscb_desktop.domains.cdop import rules as cdop
from hscb_desktop.domains.fostering import rules as pf
from hscb_desktop.domains.lado import records as lado_records
from hscb_desktop.domains.lado import rules as lado
from hscb_desktop.domains.training import rules as training
from hscb_desktop.storage import reference

TODAY = dt.date(2017, 3, 1)
KINDS = ("text", "date", "int", "code", "codes", "bool")


def records(names) -> st.SearchStrategy:
    """A dict over ``names`` with a hostile value of any kind for each, or a non-mapping."""
    any_value = st.one_of(*(value_for(k) for k in KINDS))
    return st.one_of(
        st.dictionaries(st.sampled_from(sorted(names)), any_value, max_size=8),
        wrong_kind(),
    )


def _clean(problems) -> None:
    assert isinstance(problems, list)
    assert all(isinstance(p, Problem) for p in problems), problems
    crashed = [p for p in problems if "could not be checked" in p.message]
    assert not crashed, crashed


LADO_NAMES = set(lado_records.CONTACT_FIELDS) | set(lado_records.SUBJECT_FIELDS) | {
    "abuse_category", "harm_criteria"}


@HOSTILE
@given(contact=records(LADO_NAMES),
       meetings=st.lists(records(lado_records.MEETING_FIELDS), max_size=2),
       actions=st.lists(records(lado_records.ACTION_FIELDS), max_size=2),
       today=st.one_of(st.just(TODAY), hostile_date()))
def test_lado_rules_only_report(contact, meetings, actions, today):
    """Hostile input: LADO rules return Problems for anything."""
    _clean(lado.validate(contact, meetings, actions, today, reference.working_calendar()))


PF_NAMES = (set(pf._ENQUIRY_TEXT) | set(pf._ENQUIRY_CODED) | set(pf._NOTIFICATION_TEXT)
            | set(pf._NOTIFICATION_CODED) | set(pf._NOTIFICATION_DATES)
            | set(pf._ARRANGEMENT_DATES) | set(pf._ARRANGEMENT_CODED)
            | set(pf._ARRANGEMENT_TEXT) | set(pf._VISIT_TEXT)
            | {"intended_duration_days", "progressed", "child_disabled", "reasons",
               "visit_date", "visit_type", "report_written_date", "child_seen_alone"})


@HOSTILE
@given(a=records(PF_NAMES), b=records(PF_NAMES), visits=st.lists(records(PF_NAMES), max_size=2),
       today=st.one_of(st.just(TODAY), hostile_date()))
def test_fostering_rules_only_report(a, b, visits, today):
    """Hostile input: private fostering rules return Problems for anything."""
    _clean(pf.validate_enquiry(a, today))
    _clean(pf.validate_notification(a, today))
    _clean(pf.validate_arrangement(a, b, visits, today))
    _clean(pf.validate_visit(a, b, b, today))


CDOP_NAMES = (set(cdop._DEATH_DATES) | set(cdop._DEATH_BOOLS) | set(cdop._DEATH_CODED)
              | set(cdop.DEATH_TEXT_LIMITS) | set(cdop._REPORT_CODED)
              | set(cdop.REPORT_TEXT_LIMITS) | set(cdop._REVIEW_CODED)
              | set(cdop._REVIEW_BOOLS) | set(cdop.REVIEW_TEXT_LIMITS) | set(cdop.REVIEW_LISTS)
              | {"nhs_number", "time_of_death", "notified_by_agency_id", "agency_id",
                 "events", "requested_date", "received_date", "meeting_date", "quorate",
                 "notes", "review_completed_date", "panel_meeting_id", "age_days"})


@HOSTILE
@given(a=records(CDOP_NAMES), death=records(CDOP_NAMES),
       duplicates=st.one_of(st.lists(st.text(max_size=5), max_size=2), wrong_kind()),
       today=st.one_of(st.just(TODAY), hostile_date()), meeting_date=hostile_date())
def test_cdop_rules_only_report(a, death, duplicates, today, meeting_date):
    """Hostile input: CDOP rules return Problems for anything."""
    _clean(cdop.validate_death(a, today, duplicates if isinstance(duplicates, list) else ()))
    _clean(cdop.validate_report(a, death, today))
    _clean(cdop.validate_meeting(a))
    _clean(cdop.validate_review(a, death, today, meeting_date))


BOARD_NAMES = set(board.TEXT_LIMITS) | {
    "meetings_planned_per_year", "deputy_allowed", "statutory_partner", "counts_for_quorum",
    "active_from", "active_to", "agency_id", "sort_order", "from_date", "to_date",
    "meeting_date", "meeting_type", "counts_override", "quorate_override", "display_label"}


@HOSTILE
@given(a=records(BOARD_NAMES), seat=records(BOARD_NAMES),
       grid=st.one_of(
           st.dictionaries(value_for("int").filter(lambda v: v.__hash__ is not None),
                           st.tuples(value_for("code"), value_for("text")), max_size=3),
           st.lists(records({"role", "status", "attendee_name"}), max_size=3), wrong_kind()),
       today=st.one_of(st.just(TODAY), hostile_date()))
def test_board_rules_only_report(a, seat, grid, today):
    """Hostile input: Board rules return Problems for anything."""
    _clean(board.validate_board(a))
    _clean(board.validate_seat(a))
    _clean(board.validate_holder(a, seat))
    seats = {1: seat, 2: {"display_label": "Chair", "deputy_allowed": True}}
    _clean(board.validate_meeting(a, grid, seats, today))


TRAINING_NAMES = set(training.TEXT_LIMITS) | set(training.COUNT_FIELDS) | {
    "format", "active", "sort_order", "run_date", "capacity", "trainer_agency_ids",
    "cancelled", "agency_id", "status"}


@HOSTILE
@given(a=records(TRAINING_NAMES),
       bookings=st.one_of(st.lists(records(TRAINING_NAMES), max_size=3), wrong_kind()),
       counts=st.one_of(st.lists(records(TRAINING_NAMES), max_size=3), wrong_kind()),
       today=st.one_of(st.just(TODAY), hostile_date()))
def test_training_rules_only_report(a, bookings, counts, today):
    """Hostile input: training rules return Problems for anything."""
    _clean(training.validate_course(a))
    _clean(training.validate_run(a, bookings, counts, today))
