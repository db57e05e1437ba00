"""Hostile input against the LADO service (issue 10 "Hostile input"; AUD-1, XLS-4 context).

Each test drives one service call with hypothesis-generated hostile values on top of a valid
record and holds it to ``hostile_kit.attempt``: success with every stored value passing the
rules again, or ``ValidationFailed`` of ``Problem``s with the store unchanged.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hostile_kit import HOSTILE, attempt, hostile_text, overrides, value_for
from hypothesis import given
from hypothesis import strategies as st

from hscb_desktop.domains.lado import records, rules, service
from hscb_desktop.security import auth

STORE = "lado"
BASE = {
    "date_received": dt.date(2017, 2, 1),
    "referral_source_type": "employer_dsl",
    "employer_name": "Oakfield Primary School",
    "employment_sector": "education_school",
    "setting_type": "primary_school",
    "threshold_met": True,
    "subject_named": True,
    "subject_name": "Sam Taylor",
    "subject_dob": dt.date(1980, 5, 17),
    "subject_role": "Class teacher",
    "abuse_category": ["physical"],
    "harm_criteria": ["harmed_or_may_have_harmed"],
    "date_allegation_known": dt.date(2017, 1, 31),
}
KINDS = {
    **{f: "date" for f in records.DATE_FIELDS},
    "subject_dob": "date",
    **{f: "bool" for f in records.BOOL_FIELDS},
    **{f: "int" for f in records.INT_FIELDS},
    **{f: "text" for f in rules._TEXT_LIMITS},
    **{f: "code" for f in rules._CODED},
    **{f: "codes" for f in records.LIST_FIELDS},
}
MEETING_KINDS = {"meeting_type": "code", "meeting_date": "date", "agencies_present": "codes",
                 "notes": "text"}
ACTION_KINDS = {"action_type": "code", "action_date": "date", "notes": "text"}


@pytest.fixture
def lado(workspace, make_user):
    password = make_user("lado1", ["lado_officer"])
    return auth.sign_in(workspace, "lado1", password)


def _stored_contact_ok(session):
    def recheck(contact_id):
        record = service.get_contact(session, contact_id)
        return service.check(session, record, contact_id)

    return recheck


@HOSTILE
@given(changes=overrides(KINDS))
def test_create_contact_hostile_input(lado, changes):
    """Hostile input: create_contact returns Problems or stores only what the rules pass."""
    attempt(STORE, lambda: service.create_contact(lado, {**BASE, **changes}),
            _stored_contact_ok(lado))


@HOSTILE
@given(changes=overrides(KINDS), reason=st.one_of(st.just("Corrected"), hostile_text()))
def test_update_contact_hostile_input(lado, changes, reason):
    """Hostile input: update_contact on a saved case (closed cases need a reason)."""
    contact_id = service.create_contact(lado, BASE)
    attempt(STORE, lambda: service.update_contact(lado, contact_id, changes, 1, reason=reason),
            lambda _version: _stored_contact_ok(lado)(contact_id))


@HOSTILE
@given(meeting=overrides(MEETING_KINDS), action=overrides(ACTION_KINDS))
def test_meetings_and_actions_hostile_input(lado, meeting, action):
    """Hostile input: a meeting and an action added to a case."""
    contact_id = service.create_contact(lado, BASE)
    base_meeting = {"meeting_type": "strategy_meeting", "meeting_date": dt.date(2017, 2, 3)}
    base_action = {"action_type": "dismissal", "action_date": dt.date(2017, 2, 10)}
    recheck = lambda _row: _stored_contact_ok(lado)(contact_id)  # noqa: E731
    attempt(STORE, lambda: service.add_meeting(lado, contact_id, {**base_meeting, **meeting}),
            recheck)
    attempt(STORE, lambda: service.add_action(lado, contact_id, {**base_action, **action}),
            recheck)


@HOSTILE
@given(reason=hostile_text(), hold=value_for("bool"))
def test_retention_hold_and_delete_hostile_reason(lado, reason, hold):
    """Hostile input: free-text reasons of retention hold and deletion."""
    contact_id = service.create_contact(lado, BASE)
    attempt(STORE, lambda: service.set_retention_hold(lado, contact_id, hold, reason),
            lambda _v: _stored_contact_ok(lado)(contact_id))
    service.set_retention_hold(lado, contact_id, False, "lifted")
    attempt(STORE, lambda: service.delete_contact(lado, contact_id, reason), lambda _r: [])
