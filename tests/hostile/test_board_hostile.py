"""Hostile input against the Board service (issue 10 "Hostile input").

Seats, holders and meetings with their attendance grid get hostile values on top of valid
records; ``hostile_kit.attempt`` holds every call to the property.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hostile_kit import HOSTILE, attempt, hostile_text, overrides, value_for
from hypothesis import given
from hypothesis import strategies as st

from hscb_desktop.domains.board import rules, service
from hscb_desktop.security import auth

STORE = "board"
SEAT = {"title": "Designated Nurse", "display_label": "Designated Nurse, CCG",
        "deputy_allowed": True, "statutory_partner": True, "counts_for_quorum": False,
        "sort_order": 10}
SEAT_KINDS = {"title": "text", "display_label": "text", "footnote": "text",
              "deputy_allowed": "bool", "statutory_partner": "bool",
              "counts_for_quorum": "bool", "active_from": "date", "active_to": "date",
              "agency_id": "int", "sort_order": "int"}
HOLDER_KINDS = {"person_name": "text", "from_date": "date", "to_date": "date"}
MEETING_KINDS = {"meeting_date": "date", "meeting_type": "code", "notes": "text",
                 "counts_override": "bool", "quorate_override": "bool"}


@pytest.fixture
def bu(workspace, make_user):
    password = make_user("bu1", ["business_unit"])
    return auth.sign_in(workspace, "bu1", password)


def _seat_ok(session):
    return lambda seat_id: rules.validate_seat(service.get_seat(session, seat_id))


@HOSTILE
@given(changes=overrides(SEAT_KINDS))
def test_create_seat_hostile_input(bu, changes):
    """Hostile input: a seat on the board."""
    attempt(STORE, lambda: service.create_seat(bu, {**SEAT, **changes}), _seat_ok(bu))


@HOSTILE
@given(changes=overrides(SEAT_KINDS), holder=overrides(HOLDER_KINDS), reason=hostile_text())
def test_update_seat_holders_and_delete_hostile_input(bu, changes, holder, reason):
    """Hostile input: changing a seat, adding its holder, deleting it with a reason."""
    seat = service.create_seat(bu, SEAT)
    attempt(STORE, lambda: service.update_seat(bu, seat, changes), lambda _r: _seat_ok(bu)(seat))
    attempt(STORE, lambda: service.add_holder(
        bu, seat, {"person_name": "A. Holder", "from_date": dt.date(2016, 4, 1), **holder}),
        lambda _i: [p for h in service.list_holders(bu, seat)
                    for p in rules.validate_holder(h)])
    attempt(STORE, lambda: service.delete_seat(bu, seat, reason), lambda _r: [])


@HOSTILE
@given(meeting=st.one_of(st.just({}), overrides(MEETING_KINDS)),
       status=st.one_of(st.sampled_from(["attended", "deputy_attended", "apologies"]),
                        st.just("attended"), value_for("code")),
       attendee=st.one_of(st.none(), value_for("text")),
       seat_key=st.one_of(st.just("seat"), st.just("seat"), st.just("seat"), value_for("int")),
       day=st.dates(dt.date(2000, 1, 1), dt.date(2017, 2, 28)))  # one meeting a day
def test_record_meeting_hostile_input(bu, meeting, status, attendee, seat_key, day):
    """Hostile input: a meeting and one row of its grid (status, deputy's name, seat id)."""
    seat = service.create_seat(bu, SEAT)
    key = seat if seat_key == "seat" else seat_key
    base = {"meeting_date": day, "meeting_type": "ordinary"}

    def recheck(meeting_id):  # the saved meeting and grid, checked again
        return service.check_meeting(bu, {}, None, meeting_id=meeting_id)

    grid = [{"role": key, "status": status, "attendee_name": attendee}]  # any key, even a list
    attempt(STORE, lambda: service.record_meeting(bu, {**base, **meeting}, grid), recheck)
