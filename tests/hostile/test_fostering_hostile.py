"""Hostile input against the private fostering service (issue 10 "Hostile input").

Enquiries, notifications (child and carer), arrangements and visits each get hostile
values on top of a valid record; ``hostile_kit.attempt`` holds every call to the property.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hostile_kit import HOSTILE, attempt, hostile_text, overrides
from hypothesis import given
from hypothesis import strategies as st

from hscb_desktop.domains.fostering import rules, service
from hscb_desktop.security import auth

STORE = "fostering"
D = dt.date
ENQUIRY = {"date_received": D(2017, 2, 1), "enquirer_type": "school"}
NOTIFICATION = {
    "date_received": D(2017, 2, 1),
    "notifier_type": "proposed_carer",
    "notification_type": "advance_proposal",
    "intended_start_date": D(2017, 2, 20),
    "intended_duration_days": 180,
    "child_name": "Kit Example",
    "child_sex": "female",
    "child_date_of_birth": D(2005, 6, 15),
    "child_born_in_uk": "no",
    "child_ethnicity": "CHNE",
    "child_language": "Mandarin",
    "carer_name": "Remy Sample",
    "carer_address": "12 Sample Road, Hertford",
}
ARRANGEMENT = {"start_date": D(2017, 2, 20), "carer_relationship": "family_friend",
               "reasons": ["from_abroad_for_education"]}
VISIT = {"visit_date": D(2017, 2, 8), "visit_type": "initial_statutory",
         "child_seen_alone": True, "visitor": "PF worker"}

ENQUIRY_KINDS = {"date_received": "date", **{f: "code" for f in rules._ENQUIRY_CODED},
                 **{f: "text" for f in rules._ENQUIRY_TEXT}}
NOTIFICATION_KINDS = {
    **{f: "date" for f in rules._NOTIFICATION_DATES},
    **{f: "code" for f in rules._NOTIFICATION_CODED},
    **{f: "text" for f in rules._NOTIFICATION_TEXT},
    "intended_duration_days": "int", "progressed": "bool", "child_disabled": "bool",
}
ARRANGEMENT_KINDS = {
    **{f: "date" for f in rules._ARRANGEMENT_DATES},
    **{f: "code" for f in rules._ARRANGEMENT_CODED},
    **{f: "text" for f in rules._ARRANGEMENT_TEXT},
    "reasons": "codes",
}
VISIT_KINDS = {"visit_date": "date", "report_written_date": "date", "visit_type": "code",
               "child_seen_alone": "bool", **{f: "text" for f in rules._VISIT_TEXT}}


@pytest.fixture
def pf(workspace, make_user):
    password = make_user("pf1", ["fostering_worker"])
    return auth.sign_in(workspace, "pf1", password)


def _arrangement(session) -> int:
    notification = service.create_notification(session, NOTIFICATION)
    return service.record_arrangement(session, notification, ARRANGEMENT)


@HOSTILE
@given(changes=overrides(ENQUIRY_KINDS))
def test_create_enquiry_hostile_input(pf, changes):
    """Hostile input: an enquiry stores only what validate_enquiry passes."""
    attempt(STORE, lambda: service.create_enquiry(pf, {**ENQUIRY, **changes}),
            lambda i: rules.validate_enquiry(service.get_enquiry(pf, i), service._today(pf)))


@HOSTILE
@given(changes=overrides(NOTIFICATION_KINDS))
def test_create_notification_hostile_input(pf, changes):
    """Hostile input: a notification with its child and carer."""
    attempt(STORE, lambda: service.create_notification(pf, {**NOTIFICATION, **changes}),
            lambda i: service.check_notification(pf, service.get_notification(pf, i)))


@HOSTILE
@given(changes=overrides(NOTIFICATION_KINDS), reason=hostile_text())
def test_update_notification_hostile_input(pf, changes, reason):
    """Hostile input: changing a saved notification, with a hostile reason."""
    notification = service.create_notification(pf, NOTIFICATION)
    attempt(STORE,
            lambda: service.update_notification(pf, notification, changes, 1, reason=reason),
            lambda _v: service.check_notification(pf, {}, notification))


@HOSTILE
@given(changes=overrides(ARRANGEMENT_KINDS))
def test_record_arrangement_hostile_input(pf, changes):
    """Hostile input: the arrangement a notification led to."""
    notification = service.create_notification(pf, NOTIFICATION)
    attempt(STORE,
            lambda: service.record_arrangement(pf, notification, {**ARRANGEMENT, **changes}),
            lambda i: service.check_arrangement(pf, {}, arrangement_id=i))


@HOSTILE
@given(visit=overrides(VISIT_KINDS), ending=overrides(
    {"end_date": "date", "end_reason": "code", "end_notified_by": "text",
     "new_carer_details": "text"}, most=4))
def test_visits_and_ending_hostile_input(pf, visit, ending):
    """Hostile input: a visit, then the end of the arrangement."""
    arrangement = _arrangement(pf)
    attempt(STORE, lambda: service.add_visit(pf, arrangement, {**VISIT, **visit}),
            lambda _i: service.check_arrangement(pf, {}, arrangement_id=arrangement))
    version = service.get_arrangement(pf, arrangement)["version"]
    ending = {"end_date": D(2017, 2, 27), "end_reason": "returned_to_parent", **ending}
    attempt(STORE,
            lambda: service.end_arrangement(pf, arrangement, expected_version=version, **ending),
            lambda _v: service.check_arrangement(pf, {}, arrangement_id=arrangement))
