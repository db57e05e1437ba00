"""Hostile input against the CDOP service (issue 10 "Hostile input").

Notifications (with the child's identity), agency reports, panel meetings and reviews each
get hostile values on top of a valid record; ``hostile_kit.attempt`` holds every call to
the property.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hostile_kit import HOSTILE, attempt, hostile_text, overrides
from hypothesis import given

from hscb_desktop.domains.cdop import rules, service
from hscb_desktop.security import auth

STORE = "cdop"
DEATH = {
    "forenames": "Poppy",
    "family_name": "Zedfictional",
    "nhs_number": "9990005001",
    "date_of_birth": dt.date(2014, 11, 3),
    "home_postcode": "zz1 1zz",
    "sex": "female",
    "ethnicity": "WBRI",
    "date_of_death": dt.date(2017, 1, 10),
    "live_born": True,
    "la_of_residence": "Hertfordshire",
    "normally_resident_in_area": True,
    "place_of_death": "hospital_paediatric_ward",
    "expected_or_unexpected": "expected",
    "notification_date": dt.date(2017, 1, 11),
    "notified_by_agency_id": 1,
}
REPORT = {"agency_id": 2, "requested_date": dt.date(2017, 1, 12),
          "received_date": dt.date(2017, 2, 1), "mode_of_death": "planned_palliative_care",
          "attempted_resuscitation": "no", "events": [], "narrative": "Agency involvement."}
MEETING = {"meeting_date": dt.date(2017, 2, 20), "quorate": True}
REVIEW = {"category_of_death": "chronic_medical", "sudden_death": False}

DEATH_KINDS = {
    **{f: "date" for f in rules._DEATH_DATES},
    **{f: "bool" for f in rules._DEATH_BOOLS},
    **{f: "code" for f in rules._DEATH_CODED},
    **{f: "text" for f in rules.DEATH_TEXT_LIMITS},
    "nhs_number": "text", "time_of_death": "text", "notified_by_agency_id": "int",
}
REPORT_KINDS = {"requested_date": "date", "received_date": "date", "agency_id": "int",
                "events": "codes", **{f: "code" for f in rules._REPORT_CODED},
                **{f: "text" for f in rules.REPORT_TEXT_LIMITS}}
MEETING_KINDS = {"meeting_date": "date", "quorate": "bool", "notes": "text"}
REVIEW_KINDS = {
    "review_completed_date": "date", "panel_meeting_id": "int",
    **{f: "bool" for f in rules._REVIEW_BOOLS},
    **{f: "code" for f in list(rules._REVIEW_CODED)[:4]},
    **{f: "text" for f in rules.REVIEW_TEXT_LIMITS},
    **{f: "codes" for f in rules.REVIEW_LISTS},
}


@pytest.fixture
def cdop(workspace, make_user):
    password = make_user("cdop1", ["cdop_coordinator"])
    return auth.sign_in(workspace, "cdop1", password)


def _death_ok(session):
    return lambda death_id: service.check_death(session, {}, death_id)


@HOSTILE
@given(changes=overrides(DEATH_KINDS))
def test_create_death_hostile_input(cdop, changes):
    """Hostile input: a notification and the child's identity."""
    attempt(STORE, lambda: service.create_death(cdop, {**DEATH, **changes}), _death_ok(cdop))


@HOSTILE
@given(changes=overrides(DEATH_KINDS), reason=hostile_text())
def test_update_death_hostile_input(cdop, changes, reason):
    """Hostile input: changing a saved notification, with a hostile reason."""
    death = service.create_death(cdop, DEATH)
    attempt(STORE, lambda: service.update_death(cdop, death, changes, 1, reason=reason),
            lambda _v: _death_ok(cdop)(death))


@HOSTILE
@given(changes=overrides(REPORT_KINDS))
def test_add_report_hostile_input(cdop, changes):
    """Hostile input: an agency report on a death."""
    death = service.create_death(cdop, DEATH)
    attempt(STORE, lambda: service.add_report(cdop, death, {**REPORT, **changes}),
            lambda _i: [p for r in service.get_death(cdop, death)["reports"]
                        for p in service.check_report(cdop, death, r)])


@HOSTILE
@given(meeting=overrides(MEETING_KINDS), review=overrides(REVIEW_KINDS),
       reason=hostile_text())
def test_meetings_and_reviews_hostile_input(cdop, meeting, review, reason):
    """Hostile input: a panel meeting, a review recorded against it, deleting the meeting."""
    death = service.create_death(cdop, DEATH)
    meeting_id = attempt(STORE, lambda: service.create_meeting(cdop, {**MEETING, **meeting}),
                         lambda i: rules.validate_meeting(service.get_meeting(cdop, i)))
    attempt(STORE, lambda: service.save_review(cdop, death, {**REVIEW, **review}),
            lambda _v: service.check_review(cdop, death, {}))
    if meeting_id is not None:
        attempt(STORE, lambda: service.delete_meeting(cdop, meeting_id, reason=reason),
                lambda _r: [])
