"""Private fostering validation (SPEC §2.5): one test per rule at least, and hypothesis:
whatever values come in, only Problems come out."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pf_factories import arrangement, enquiry, notification, visit

from hscb_desktop.core.validation import Problem, Severity
from hscb_desktop.domains.fostering import rules
from hscb_desktop.domains.fostering import vocab as V

D = dt.date
TODAY = D(2017, 3, 1)


def _fields(problems, severity=None):
    return [p.field for p in problems if severity is None or p.severity is severity]


def _errors(problems):
    return _fields(problems, Severity.ERROR)


def _warnings(problems):
    return _fields(problems, Severity.WARNING)


def _check_arrangement(plan=None, note=None, visits=()):
    return rules.validate_arrangement(plan or arrangement(), note or notification(), visits, TODAY)


def test_valid_records_have_no_problems():
    assert rules.validate_enquiry(enquiry(), TODAY) == []
    assert rules.validate_notification(notification(), TODAY) == []
    assert _check_arrangement({**arrangement(), "la_aware_date": D(2017, 2, 1)}) == []
    assert rules.validate_visit(visit(), arrangement(), notification(), TODAY) == []


def test_required_fields():
    assert set(_errors(rules.validate_enquiry({}, TODAY))) == {"date_received", "enquirer_type"}
    assert set(_errors(rules.validate_notification({}, TODAY))) == {
        "date_received",
        "notifier_type",
        "notification_type",
        "child_name",
        "carer_name",
    }
    assert set(_errors(rules.validate_arrangement({}, {}, (), TODAY))) == {
        "start_date",
        "la_aware_date",
        "carer_relationship",
    }
    assert set(_errors(rules.validate_visit({}, {}, {}, TODAY))) == {"visit_type", "visit_date"}


def test_codes_must_come_from_the_lists():
    assert _errors(rules.validate_enquiry(enquiry(enquirer_type="cousin"), TODAY)) == [
        "enquirer_type"
    ]
    assert _errors(rules.validate_notification(notification(child_ethnicity="XXXX"), TODAY)) == [
        "child_ethnicity"
    ]
    assert _errors(_check_arrangement(arrangement(reasons=["because"], la_aware_date=TODAY))) == [
        "reasons"
    ]


def test_no_reference_date_is_an_error_not_a_crash():
    assert _errors(rules.validate_enquiry(enquiry(), None)) == [""]


# Rule 1: the child's age ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("dob", "disabled", "refused"),
    [
        (D(2001, 2, 2), False, False),  # 15 on 1 February 2017 (16 the next day)
        (D(2001, 2, 1), False, True),  # 16 that very day
        (D(1999, 2, 2), True, False),  # disabled: 17 is still private fostering
        (D(1999, 2, 1), True, True),  # disabled and 18
    ],
)
def test_rule1_age_on_the_notification_date(dob, disabled, refused):
    problems = rules.validate_notification(
        notification(
            child_date_of_birth=dob, child_disabled=disabled, intended_start_date=D(2017, 2, 20)
        ),
        TODAY,
    )
    assert ("child_date_of_birth" in _errors(problems)) is refused
    if refused:
        assert "not privately fostered" in problems[0].message


def test_rule1_age_on_the_start_date_when_earlier():
    # An existing arrangement began when the child was 15; notified after the 16th birthday.
    note = notification(
        notification_type="existing_arrangement_not_notified",
        intended_start_date=D(2016, 6, 1),
        child_date_of_birth=D(2000, 12, 1),
    )
    assert rules.validate_notification(note, TODAY) == []
    plan = arrangement(start_date=D(2016, 6, 1), la_aware_date=D(2017, 2, 1))
    assert "start_date" not in _errors(_check_arrangement(plan, note))
    # A child already 16 when the arrangement started is refused on the arrangement too.
    old = notification(child_date_of_birth=D(2000, 1, 1))
    assert "start_date" in _errors(_check_arrangement({**plan, "start_date": D(2017, 2, 1)}, old))


def test_rule1_turning_16_while_open_is_flagged():
    note = notification(child_date_of_birth=D(2001, 2, 10))  # 16 on 10 February 2017
    plan = arrangement(start_date=D(2017, 1, 30), la_aware_date=D(2017, 2, 1))
    note["date_received"] = D(2017, 1, 30)
    problems = _check_arrangement(plan, note)
    assert _warnings(problems) == ["end_date"] and not _errors(problems)
    assert "ceases to be private fostering" in problems[0].message
    assert "10/02/2017" in problems[0].message
    # Ended on the birthday: nothing to flag.
    ended = {**plan, "end_date": D(2017, 2, 10), "end_reason": "child_reached_16_or_18"}
    assert _check_arrangement(ended, note) == []
    # Disabled: 18 is years away.
    assert _check_arrangement(plan, {**note, "child_disabled": True}) == []


def test_leap_day_birthdays_attain_their_age_on_1_march():
    assert rules.anniversary(D(2004, 2, 29), 16) == D(2020, 2, 29)
    assert rules.anniversary(D(2001, 2, 28), 16) == D(2017, 2, 28)
    assert rules.anniversary(D(2000, 2, 29), 17) == D(2017, 3, 1)
    assert rules.age_on(D(2000, 2, 29), D(2017, 2, 28)) == 16
    assert rules.age_on(D(2000, 2, 29), D(2017, 3, 1)) == 17


# Rule 2: intended duration -----------------------------------------------------------------


def test_rule2_under_28_days_warns_that_it_is_not_private_fostering():
    problems = rules.validate_notification(notification(intended_duration_days=27), TODAY)
    assert _warnings(problems) == ["intended_duration_days"] and not _errors(problems)
    assert "not private fostering" in problems[0].message
    assert rules.validate_notification(notification(intended_duration_days=28), TODAY) == []
    assert _errors(rules.validate_notification(notification(intended_duration_days=0), TODAY)) == [
        "intended_duration_days"
    ]
    assert _errors(
        rules.validate_notification(notification(intended_duration_days="x"), TODAY)
    ) == ["intended_duration_days"]


# Rule 3: close relatives -------------------------------------------------------------------


@pytest.mark.parametrize("relationship", sorted(V.CLOSE_RELATIVES))
def test_rule3_a_close_relative_is_refused_with_the_enquiry_outcome_suggested(relationship):
    problems = _check_arrangement(arrangement(carer_relationship=relationship, la_aware_date=TODAY))
    assert _errors(problems) == ["carer_relationship"]
    assert "Not a private fostering arrangement" in problems[0].message


def test_rule3_cousins_and_friends_can_be_private_foster_carers():
    for relationship in ("extended_family_not_close_relative", "family_friend"):
        plan = arrangement(carer_relationship=relationship, la_aware_date=TODAY)
        assert _check_arrangement(plan) == []


# Rule 4: date order --------------------------------------------------------------------------


def test_rule4_initial_visit_not_before_notification():
    plan = arrangement(la_aware_date=TODAY, initial_visit_date=D(2017, 1, 31))
    assert _errors(_check_arrangement(plan)) == ["initial_visit_date"]


def test_rule4_assessment_not_before_initial_visit_or_notification():
    plan = arrangement(
        la_aware_date=TODAY,
        initial_visit_date=D(2017, 2, 8),
        assessment_completed_date=D(2017, 2, 7),
    )
    assert _errors(_check_arrangement(plan)) == ["assessment_completed_date"]
    plan = arrangement(la_aware_date=TODAY, assessment_completed_date=D(2017, 1, 7))
    assert _errors(_check_arrangement(plan)) == ["assessment_completed_date"]


def test_rule4_end_not_before_start_and_needs_a_reason():
    plan = arrangement(la_aware_date=TODAY, end_date=D(2017, 2, 19), end_reason="other")
    assert _errors(_check_arrangement(plan)) == ["end_date"]
    plan = arrangement(la_aware_date=TODAY, end_date=D(2017, 2, 25))
    assert _errors(_check_arrangement(plan)) == ["end_reason"]


def test_rule4_nothing_recorded_in_the_future():
    plan = arrangement(
        la_aware_date=TODAY, end_date=D(2017, 3, 2), end_reason="other", pnc_date=D(2017, 3, 5)
    )
    assert set(_errors(_check_arrangement(plan))) == {"end_date", "pnc_date"}
    assert _errors(rules.validate_enquiry(enquiry(date_received=D(2017, 3, 2)), TODAY)) == [
        "date_received"
    ]


@pytest.mark.parametrize(
    ("kind", "when", "ok"),
    [
        ("statutory_reg8", D(2017, 2, 20), True),  # the start date
        ("statutory_reg8", D(2017, 2, 19), False),  # before the start
        ("initial_statutory", D(2017, 2, 8), True),  # an advance proposal is visited first
        ("initial_statutory", D(2017, 1, 31), False),  # but not before the notification
        ("assessment", D(2017, 2, 1), True),
        ("unannounced", D(2017, 3, 2), False),  # tomorrow
    ],
)
def test_rule4_visits_fall_between_start_and_end_or_today(kind, when, ok):
    problems = rules.validate_visit(
        visit(visit_type=kind, visit_date=when), arrangement(), notification(), TODAY
    )
    assert (_errors(problems) == []) is ok


def test_rule4_visits_not_after_the_end_and_reports_not_before_the_visit():
    ended = arrangement(end_date=D(2017, 2, 25), end_reason="returned_to_parent")
    late = visit(visit_type="statutory_reg8", visit_date=D(2017, 2, 27))
    assert _errors(rules.validate_visit(late, ended, notification(), TODAY)) == ["visit_date"]
    early_report = visit(report_written_date=D(2017, 2, 7))
    assert _errors(rules.validate_visit(early_report, arrangement(), notification(), TODAY)) == [
        "report_written_date"
    ]
    # The arrangement's own check looks at its visits too.
    assert "visit_date" in _errors(
        _check_arrangement({**ended, "la_aware_date": TODAY}, visits=[late])
    )


def test_rule4_date_of_birth_not_after_the_notification():
    problems = rules.validate_notification(notification(child_date_of_birth=D(2017, 2, 2)), TODAY)
    assert _errors(problems) == ["child_date_of_birth"]


# Rule 5: notice given in time ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "notifier", "received", "start", "expected"),
    [
        ("advance_proposal", "proposed_carer", D(2017, 1, 1), D(2017, 2, 12), "yes"),  # 42 days
        ("advance_proposal", "proposed_carer", D(2017, 1, 1), D(2017, 2, 11), "no"),  # 41
        ("advance_proposal", "parent_or_pr_holder", D(2017, 1, 1), D(2017, 2, 11), "unknown"),
        ("advance_proposal", "parent_or_pr_holder", D(2017, 1, 1), D(2017, 3, 1), "yes"),
        ("emergency_placement", "proposed_carer", D(2017, 1, 3), D(2017, 1, 1), "yes"),  # 48 h
        ("emergency_placement", "proposed_carer", D(2017, 1, 4), D(2017, 1, 1), "no"),
        (
            "existing_arrangement_not_notified",
            "professional_school",
            D(2017, 1, 4),
            D(2016, 9, 1),
            "no",
        ),
        ("advance_proposal", "proposed_carer", D(2017, 1, 1), None, "unknown"),
    ],
)
def test_rule5_notice_given_in_time(kind, notifier, received, start, expected):
    assert rules.notice_given_in_time(kind, notifier, received, start) == expected


# Rule 6: a notification that did not progress says why ----------------------------------------


def test_rule6_not_progressed_needs_a_reason():
    problems = rules.validate_notification(notification(progressed=False), TODAY)
    assert _errors(problems) == ["not_progressed_reason"]
    good = notification(progressed=False, not_progressed_reason="child_returned_home")
    assert rules.validate_notification(good, TODAY) == []
    stray = notification(not_progressed_reason="child_returned_home")
    assert _errors(rules.validate_notification(stray, TODAY)) == ["not_progressed_reason"]


# Enquiry outcomes ------------------------------------------------------------------------------


def test_enquiry_referred_to_another_authority_needs_its_name():
    problems = rules.validate_enquiry(enquiry(outcome="referred_to_other_la"), TODAY)
    assert _errors(problems) == ["other_la_name"]
    good = enquiry(outcome="referred_to_other_la", other_la_name="Luton Borough Council")
    assert rules.validate_enquiry(good, TODAY) == []
    stray = enquiry(outcome="advice_only", other_la_name="Luton")
    assert _errors(rules.validate_enquiry(stray, TODAY)) == ["other_la_name"]


def test_enquiry_not_private_fostering_needs_its_reason():
    problems = rules.validate_enquiry(enquiry(outcome="not_private_fostering"), TODAY)
    assert _errors(problems) == ["not_pf_reason"]
    good = enquiry(outcome="not_private_fostering", not_pf_reason="close_relative")
    assert rules.validate_enquiry(good, TODAY) == []


# Hypothesis: only Problems come back --------------------------------------------------------

ANY = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.text(max_size=30),
    st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 1, 1)),
    st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 1, 1)),
    st.lists(st.text(max_size=10), max_size=3),
    st.floats(allow_nan=True),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
    st.sampled_from(
        [
            "2017-02-30",
            "2016-12-26",
            "close_relative",
            "grandparent",
            "statutory_reg8",
            "referred_to_other_la",
            "advance_proposal",
        ]
    ),
)
ENQUIRY_KEYS = list(enquiry()) + ["outcome", "not_pf_reason", "other_la_name", "notes", "ref"]
NOTE_KEYS = list(notification()) + ["progressed", "not_progressed_reason", "child_disabled"]
PLAN_KEYS = list(arrangement()) + [
    "la_aware_date",
    "initial_visit_date",
    "end_date",
    "end_reason",
    "assessment_completed_date",
    "assessment_outcome",
    "child_in_need_or_cp",
]
VISIT_KEYS = list(visit()) + ["report_written_date", "notes"]


def _mutated(base, keys):
    return st.builds(
        lambda changes: {**base, **changes}, st.dictionaries(st.sampled_from(keys), ANY, max_size=6)
    )


def _only_problems(problems):
    assert isinstance(problems, list)
    assert all(isinstance(p, Problem) and isinstance(p.message, str) for p in problems)
    # The last-resort guard never fires: every odd value is read, not tripped over.
    assert not any("could not be checked" in p.message for p in problems), problems


@settings(max_examples=300, deadline=None)
@given(
    data=st.one_of(_mutated(enquiry(), ENQUIRY_KEYS), ANY),
    note=st.one_of(_mutated(notification(), NOTE_KEYS), ANY),
    plan=st.one_of(_mutated(arrangement(), PLAN_KEYS), ANY),
    visits=st.one_of(st.lists(_mutated(visit(), VISIT_KEYS), max_size=3), ANY),
    today=st.one_of(st.just(TODAY), ANY),
)
def test_rules_only_ever_answer_with_problems(data, note, plan, visits, today):
    _only_problems(rules.validate_enquiry(data, today))
    _only_problems(rules.validate_notification(note, today))
    _only_problems(rules.validate_arrangement(plan, note, visits, today))
    _only_problems(rules.validate_visit(plan, plan, note, today))
    if isinstance(visits, list) and visits:
        _only_problems(rules.validate_visit(visits[0], plan, note, today))
