"""Board rules and the quorum rule: plain values in, Problems out, never an exception."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from hscb_desktop.core.validation import Problem
from hscb_desktop.domains.board import quorum, rules

TODAY = dt.date(2017, 6, 1)
SEATS = {
    1: {"display_label": "Chair", "deputy_allowed": False, "active_from": None,
        "active_to": None},
    2: {"display_label": "DCS (or representative)", "deputy_allowed": True,
        "active_from": dt.date(2016, 10, 1), "active_to": None},
}
MEETING = {"meeting_date": dt.date(2016, 12, 8), "meeting_type": "ordinary"}


def _messages(problems, blocking=True):
    return [p.message for p in problems if p.blocking is blocking]


def test_seat_rules():
    assert rules.validate_seat({"title": "Chair"}) == []
    assert _messages(rules.validate_seat({"title": " "})) == ["Enter the seat's title."]
    assert _messages(rules.validate_seat({"title": "X", "active_from": "2017-01-01",
                                          "active_to": "2016-01-01"})) == [
        "A seat cannot end before it starts."]
    assert _messages(rules.validate_seat({"title": "X", "agency_id": 0})) == [
        "Choose the agency from the list."]
    assert _messages(rules.validate_seat({"title": "X", "counts_for_quorum": True}),
                     blocking=False) == [
        "This seat has no agency, so it cannot help make a quorum by sector."]


def test_holder_rules():
    assert _messages(rules.validate_holder({"person_name": "", "from_date": "2017-01-01",
                                            "to_date": "2016-01-01"})) == [
        "Enter the holder's name.", "A holder cannot leave before they start."]
    assert _messages(rules.validate_holder({"person_name": "A", "from_date": "2016-01-01"},
                                           SEATS[2]), blocking=False) == [
        "This date is outside the seat's active dates."]


def test_meeting_rules():
    ok = rules.validate_meeting(MEETING, {1: "attended", 2: ("deputy_attended", "Jo")}, SEATS,
                                TODAY)
    assert ok == []
    problems = rules.validate_meeting(MEETING, {1: ("deputy_attended", "Jo"),
                                                2: "deputy_attended"}, SEATS, TODAY)
    assert _messages(problems) == [
        "Chair: this seat does not allow a deputy to attend.",
        "DCS (or representative): enter the name of the deputy who attended."]
    assert {p.field for p in problems} == {"attendance:1", "attendance:2"}
    early = {**MEETING, "meeting_date": dt.date(2016, 6, 9)}
    assert _messages(rules.validate_meeting(early, {2: "attended"}, SEATS, TODAY)) == [
        "DCS (or representative): the seat was not active on the meeting date."]
    # Only seats active on the day are missed by the warning.
    assert _messages(rules.validate_meeting(early, {1: "attended"}, SEATS, TODAY),
                     blocking=False) == []
    assert _messages(rules.validate_meeting(MEETING, {1: "attended"}, SEATS, TODAY),
                     blocking=False) == [
        "1 active seat(s) have no attendance recorded: they count as not attending."]
    assert _messages(rules.validate_meeting(MEETING, {}, SEATS, None)) == [
        "No reference date was given to check the meeting against."]


def test_quorum_rule():
    seats = [quorum.Seat("local_authority", True, "attended"),
             quorum.Seat("police", True, "deputy_attended", deputy_allowed=True),
             quorum.Seat("health", True, "apologies")]
    result = quorum.evaluate(None, seats)
    assert not result.quorate and result.missing_sectors == ("health",)
    assert result.describe() == "Not quorate: nobody present from health."
    seats[2] = quorum.Seat("health", True, "attended")
    assert quorum.evaluate(None, seats).quorate
    assert not quorum.evaluate({"min_present": 4}, seats).quorate
    assert quorum.evaluate({"sectors": [], "min_present": 3}, seats).quorate
    # A seat that does not count for the quorum is ignored unless the rule says otherwise.
    lay = [quorum.Seat("health", False, "attended"), *seats[:2]]
    assert not quorum.evaluate(None, lay).quorate
    assert quorum.evaluate({"quorum_seats_only": False}, lay).quorate
    assert quorum.load(quorum.dump({"min_present": 2}))["min_present"] == 2
    assert quorum.load("{not json") == quorum.DEFAULT_RULE
    assert quorum.check_rule({"sectors": "police"})
    assert quorum.check_rule({"colour": 1})
    assert quorum.check_rule("[1]")


values = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 10**6), st.text(max_size=30),
    st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)),
    st.lists(st.integers(-3, 5), max_size=3), st.floats(allow_nan=True),
)
records = st.one_of(
    st.dictionaries(st.sampled_from(["title", "display_label", "agency_id", "deputy_allowed",
                                     "statutory_partner", "counts_for_quorum", "sort_order",
                                     "footnote", "active_from", "active_to", "person_name",
                                     "from_date", "to_date", "meeting_date", "meeting_type",
                                     "counts_override", "quorate_override", "notes", "name",
                                     "meetings_planned_per_year"]), values),
    values,
)
grids = st.one_of(
    values,
    st.dictionaries(st.one_of(st.integers(-1, 4), st.text(max_size=3)),
                    st.one_of(values, st.tuples(values, values),
                              st.dictionaries(st.sampled_from(["status", "attendee_name"]),
                                              values)), max_size=4),
    st.lists(st.dictionaries(st.sampled_from(["role", "status", "attendee_name"]), values),
             max_size=3),
)


@settings(max_examples=300, deadline=None)
@given(records, grids, values)
def test_rules_only_ever_return_problems(record, grid, today):
    for problems in (
        rules.validate_board(record),
        rules.validate_seat(record),
        rules.validate_holder(record, record if isinstance(record, dict) else None),
        rules.validate_meeting(record, grid, SEATS, today),
        rules.validate_meeting(record, grid, record, TODAY),
        quorum.check_rule(record),
    ):
        assert isinstance(problems, list)
        assert all(isinstance(p, Problem) for p in problems)
        # The last-resort guard never had to step in: the rules handled the input themselves.
        assert not any("could not be checked" in p.message for p in problems)
    result = quorum.evaluate(record if isinstance(record, dict) else None,
                             [quorum.Seat("police", True, "attended")])
    assert isinstance(result.quorate, bool)
