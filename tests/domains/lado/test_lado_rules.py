"""One test per rule of SPEC §1.4 (errors and warnings), retention §8.5, timescales §1.5,
and hypothesis: whatever values come in, only Problems come out."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lado_factories import consultation, threshold_case

from hscb_desktop.core.calendar import WorkingCalendar
from hscb_desktop.core.validation import Problem, Severity
from hscb_desktop.domains.lado import rules
from hscb_desktop.domains.lado import vocab as V

TODAY = dt.date(2017, 3, 1)
CAL = WorkingCalendar.shipped()


def check(contact, meetings=(), actions=(), today=TODAY):
    return rules.validate(contact, meetings, actions, today, CAL)


def errors(problems):
    return {p.field for p in problems if p.severity is Severity.ERROR}


def warnings(problems):
    return {p.field for p in problems if p.severity is Severity.WARNING}


def test_valid_records_have_no_problems():
    assert check(consultation()) == []
    assert check(threshold_case()) == []


@pytest.mark.parametrize(
    "field",
    [
        "date_received",
        "referral_source_type",
        "employer_name",
        "employment_sector",
        "threshold_met",
    ],
)
def test_required_fields(field):
    assert field in errors(check(consultation(**{field: None})))


def test_blank_employer_is_missing():
    assert "employer_name" in errors(check(consultation(employer_name="   ")))


def test_codes_must_come_from_the_lists():
    problems = check(
        consultation(employment_sector="banking", setting_type="moon", outcome="guilty")
    )
    assert {"employment_sector", "setting_type", "outcome"} <= errors(problems)


# Rule 1 --------------------------------------------------------------------------
def test_rule1_date_received_not_in_future():
    assert "date_received" in errors(check(consultation(date_received=dt.date(2017, 3, 2))))
    assert check(consultation(date_received=TODAY)) == []


def test_rule1_known_not_after_received():
    problems = check(consultation(date_allegation_known=dt.date(2017, 2, 2)))
    assert "date_allegation_known" in errors(problems)


def test_rule1_incident_not_after_known():
    problems = check(
        consultation(
            date_allegation_known=dt.date(2017, 1, 31), date_of_incident=dt.date(2017, 2, 1)
        )
    )
    assert "date_of_incident" in errors(problems)


def test_rule1_historic_incidents_allowed():
    assert check(consultation(date_of_incident=dt.date(1975, 6, 1))) == []


# Rule 2 --------------------------------------------------------------------------
def test_rule2_meetings_and_actions_not_before_received():
    early = dt.date(2017, 1, 30)
    problems = check(
        threshold_case(),
        [{"meeting_type": "strategy_meeting", "meeting_date": early}],
        [{"action_type": "suspension", "action_date": early}],
    )
    assert {"meeting_date", "action_date"} <= errors(problems)


def test_rule2_outcome_and_closure_not_before_received():
    early = dt.date(2017, 1, 30)
    problems = check(threshold_case(outcome="substantiated", outcome_date=early, date_closed=early))
    assert {"outcome_date", "date_closed"} <= errors(problems)


def test_rule2_outcome_not_after_closure():
    problems = check(
        threshold_case(
            outcome="unsubstantiated",
            outcome_date=dt.date(2017, 2, 20),
            date_closed=dt.date(2017, 2, 10),
        )
    )
    assert "outcome_date" in errors(problems)


# Rule 3 --------------------------------------------------------------------------
def test_rule3_threshold_needs_category_and_criteria():
    problems = check(threshold_case(abuse_category=[], harm_criteria=None))
    assert {"abuse_category", "harm_criteria"} <= errors(problems)


def test_rule3_closing_threshold_case_needs_outcome():
    assert "outcome" in errors(check(threshold_case(date_closed=dt.date(2017, 2, 20))))
    assert "outcome" in errors(
        check(threshold_case(date_closed=dt.date(2017, 2, 20), outcome="ongoing"))
    )
    assert check(threshold_case(date_closed=dt.date(2017, 2, 20), outcome="unsubstantiated")) == []


# Rule 4 --------------------------------------------------------------------------
def test_rule4_consultation_outcome_blank_or_not_applicable():
    assert "outcome" in errors(check(consultation(outcome="substantiated")))
    assert check(consultation(outcome="not_applicable_consultation")) == []
    assert check(consultation(outcome=None, subject_named=False)) == []


def test_rule4_not_applicable_is_only_for_consultations():
    assert "outcome" in errors(check(threshold_case(outcome="not_applicable_consultation")))


# Rule 5 --------------------------------------------------------------------------
@pytest.mark.parametrize("leaving", sorted(V.LEAVING_ACTIONS))
def test_rule5_substantiated_leaver_needs_dbs_referral(leaving):
    case = threshold_case(outcome="substantiated", subject_role="Caretaker")
    acts = [{"action_type": leaving, "action_date": dt.date(2017, 2, 10)}]
    assert "outcome" in warnings(check(case, actions=acts))
    acts.append({"action_type": "dbs_referral", "action_date": dt.date(2017, 2, 11)})
    assert warnings(check(case, actions=acts)) == set()


# Rule 6 --------------------------------------------------------------------------
def test_rule6_substantiated_teacher_prompts_tra_decision():
    case = threshold_case(outcome="substantiated", subject_role="Maths Teacher")
    assert any("Teaching Regulation Agency" in p.message for p in check(case))
    tra = [{"action_type": "tra_referral", "action_date": dt.date(2017, 2, 11)}]
    assert not any("Teaching Regulation" in p.message for p in check(case, actions=tra))
    assistant = threshold_case(outcome="substantiated", subject_role="Midday supervisor")
    assert not any("Teaching Regulation" in p.message for p in check(assistant))
    nursery = threshold_case(
        outcome="substantiated",
        setting_type="early_years_nursery",
        employment_sector="early_years_pvi",
        subject_role="Teacher",
    )
    assert not any("Teaching Regulation" in p.message for p in check(nursery))


# Rule 7 --------------------------------------------------------------------------
@pytest.mark.parametrize("outcome", ["malicious", "false"])
def test_rule7_malicious_or_false_flags_personnel_record(outcome):
    problems = check(threshold_case(outcome=outcome))
    assert any(p.severity is Severity.WARNING and "personnel record" in p.message for p in problems)
    assert not errors(problems)


# Rule 8 --------------------------------------------------------------------------
def test_rule8_foster_carer_prompts_panel_review():
    carer = threshold_case(
        employment_sector="foster_care_ifa",
        setting_type="foster_care",
        subject_employment_basis="foster_carer",
        subject_role="Foster carer",
    )
    assert "subject_employment_basis" in warnings(check(carer))
    review = [{"action_type": "fostering_panel_review", "action_date": dt.date(2017, 2, 20)}]
    assert "subject_employment_basis" not in warnings(check(carer, actions=review))
    assert "subject_employment_basis" not in warnings(check(threshold_case()))


# Rule 9 --------------------------------------------------------------------------
def test_rule9_late_referral_warns_after_one_working_day():
    friday = dt.date(2017, 1, 27)
    on_time = consultation(
        date_allegation_known=friday, date_received=dt.date(2017, 1, 30)
    )  # Monday
    late = consultation(date_allegation_known=friday, date_received=dt.date(2017, 1, 31))  # Tuesday
    assert "date_received" not in warnings(check(on_time))
    assert "date_received" in warnings(check(late))


def test_rule9_bank_holidays_are_not_working_days():
    # Known Thursday before Easter; Good Friday and Easter Monday are not working days.
    easter = consultation(
        date_allegation_known=dt.date(2017, 4, 13), date_received=dt.date(2017, 4, 18)
    )
    assert warnings(check(easter, today=dt.date(2017, 5, 1))) == set()
    plain = WorkingCalendar(())  # without the table, Easter Monday would count
    assert rules.validate(easter, [], [], dt.date(2017, 5, 1), plain)[0].field == "date_received"


# Retention (§8.5) and timescales (§1.5) --------------------------------------------
def test_retention_is_later_of_pension_age_and_ten_years():
    received = dt.date(2017, 2, 1)
    assert rules.retention_review_date(received, dt.date(1950, 3, 4)) == (
        dt.date(2027, 2, 1),
        False,
    )
    assert rules.retention_review_date(received, dt.date(1980, 3, 4)) == (
        dt.date(2047, 3, 4),
        False,
    )
    assert rules.retention_review_date(received, dt.date(1980, 3, 4), 68) == (
        dt.date(2048, 3, 4),
        False,
    )
    assert rules.retention_review_date(received, None) == (dt.date(2027, 2, 1), True)
    assert rules.retention_review_date(received, dt.date(1952, 2, 29), 67)[0] == dt.date(2027, 2, 1)


def test_timeliness_uses_calendar_months():
    jan31 = dt.date(2017, 1, 31)
    assert rules.resolved_within(jan31, dt.date(2017, 2, 28), 1)
    assert not rules.resolved_within(jan31, dt.date(2017, 3, 1), 1)
    assert rules.timeliness_band(jan31, dt.date(2017, 3, 1)) == "3 months"
    assert rules.timeliness_band(jan31, dt.date(2018, 3, 1)) == "over 12 months"
    assert rules.days_open(jan31, None, dt.date(2017, 2, 10)) == 10
    assert rules.timeliness_mark(jan31, None, dt.date(2017, 2, 28)) == ""
    assert rules.timeliness_mark(jan31, None, dt.date(2017, 3, 1)) == ">1m"
    assert rules.timeliness_mark(jan31, None, dt.date(2017, 6, 1)) == ">3m"
    assert rules.timeliness_mark(jan31, None, dt.date(2018, 2, 1)) == ">12m"


# Hypothesis: nothing but Problems ---------------------------------------------------
ANY_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.dates(),
    st.datetimes(),
    st.binary(max_size=5),
    st.lists(st.one_of(st.text(max_size=10), st.integers(), st.none()), max_size=3),
    st.sampled_from(list(V.OUTCOMES) + list(V.EMPLOYMENT_SECTORS) + list(V.ABUSE_CATEGORIES)),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
FIELDS = [
    "ref",
    "date_received",
    "date_allegation_known",
    "date_of_incident",
    "contact_method",
    "referral_source_type",
    "employer_name",
    "employment_sector",
    "setting_type",
    "subject_role",
    "subject_employment_basis",
    "subject_named",
    "previous_allegations_known",
    "child_count",
    "abuse_category",
    "harm_criteria",
    "threshold_met",
    "outcome",
    "outcome_date",
    "date_closed",
    "closure_reason",
    "subject_name",
    "subject_dob",
    "subject_sex",
    "referrer_agency_id",
]


@settings(max_examples=300, deadline=None)
@given(
    contact=st.one_of(
        st.fixed_dictionaries({}, optional={f: ANY_VALUE for f in FIELDS}),
        st.builds(
            lambda base, over: {**base, **over},
            st.sampled_from([consultation(), threshold_case()]),
            st.dictionaries(st.sampled_from(FIELDS), ANY_VALUE, max_size=4),
        ),
        ANY_VALUE,
    ),
    meetings=st.one_of(
        ANY_VALUE,
        st.lists(
            st.dictionaries(st.sampled_from(["meeting_type", "meeting_date"]), ANY_VALUE),
            max_size=3,
        ),
    ),
    actions=st.one_of(
        ANY_VALUE,
        st.lists(
            st.dictionaries(st.sampled_from(["action_type", "action_date"]), ANY_VALUE), max_size=3
        ),
    ),
    today=st.one_of(st.dates(), ANY_VALUE),
)
def test_rules_never_raise(contact, meetings, actions, today):
    problems = rules.validate(contact, meetings, actions, today, CAL)
    assert isinstance(problems, list) and all(isinstance(p, Problem) for p in problems)
    assert all(p.message for p in problems)
    # The last-resort guard in validate must never be what answered.
    assert not any("could not be checked" in p.message for p in problems)
