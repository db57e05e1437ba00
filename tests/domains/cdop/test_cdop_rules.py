"""One test per rule of SPEC §3.4 (errors and warnings), the NHS number check digit, age
bands (§3.3.7), the category and SUDI suggestions, the 6/12-month flags (§8.10), and
hypothesis: whatever values come in, only Problems come out."""

from __future__ import annotations

import datetime as dt

import pytest
from cdop_factories import notification, report, review, unexpected_infant
from hypothesis import given, settings
from hypothesis import strategies as st

from hscb_desktop.core.validation import Problem, Severity
from hscb_desktop.domains.cdop import rules
from hscb_desktop.domains.cdop import vocab as V

TODAY = dt.date(2017, 3, 1)


def errors(problems):
    return {p.field for p in problems if p.severity is Severity.ERROR}


def warnings(problems):
    return {p.field for p in problems if p.severity is Severity.WARNING}


def death_facts(**over):
    """What the review rules see of a death."""
    data = notification(**over)
    data["age_days"] = (data["date_of_death"] - data["date_of_birth"]).days
    return data


def check_review(rv, death=None, meeting_date=None, today=TODAY):
    """The review recorded against a meeting (id 1) unless it names another."""
    return rules.validate_review({"panel_meeting_id": 1, **rv}, death or death_facts(), today,
                                 meeting_date)  # fmt: skip


# -- NHS number (rule 7) ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "number",
    [
        "9434765919",  # 9x10+4x9+3x8+4x7+7x6+6x5+5x4+9x3+1x2 = 299; 299 % 11 = 2; 11 - 2 = 9
        "943 476 5919",  # as printed, with spaces
        "943-476-5919",
        "4010232137",
        "4857773457",
        "9990000018",
        "9990000050",  # 253 % 11 = 0: 11 - 0 = 11, which becomes check digit 0
    ],
)
def test_valid_nhs_numbers(number):
    assert rules.nhs_number_valid(number)
    assert "nhs_number" not in errors(rules.validate_death(notification(nhs_number=number), TODAY))


@pytest.mark.parametrize(
    "number",
    [
        "9434765918",  # wrong check digit
        "9434765910",
        "943476591",  # nine digits
        "94347659190",  # eleven digits
        "94347659A9",
        "９４３４７６５９１９",  # full-width digits
        "1234567890",  # 123456789: sum 210, 210 % 11 = 1, check 11 - 1 = 10: never valid
        "1234567891",
        "0000000060",  # 000000006: sum 12, 12 % 11 = 1: check 10 again
        "abcdefghij",
    ],
)
def test_invalid_nhs_numbers(number):
    assert not rules.nhs_number_valid(number)
    assert "nhs_number" in errors(rules.validate_death(notification(nhs_number=number), TODAY))


def test_a_check_digit_of_10_is_invalid_for_every_last_digit():
    nine = "123456789"
    assert sum(int(d) * w for d, w in zip(nine, range(10, 1, -1))) % 11 == 1
    assert rules.nhs_check_digit(nine) is None
    assert not any(rules.nhs_number_valid(nine + str(d)) for d in range(10))
    assert rules.nhs_check_digit("943476591") == 9


def test_nhs_number_validity_of_odd_values():
    for value in (None, "", 9434765919, 12.5, ["9434765919"], b"9434765919"):
        assert not rules.nhs_number_valid(value)


def test_blank_nhs_number_is_allowed_but_leaves_the_notification_incomplete():
    data = notification(nhs_number="  ")
    assert "nhs_number" not in errors(rules.validate_death(data, TODAY))
    assert "nhs_number" in rules.notification_gaps({**data, "nhs_number": None})


def test_duplicate_nhs_number_is_a_warning_naming_the_other_case():
    problems = rules.validate_death(notification(), TODAY, duplicates=["CDOP-2016-004"])
    [problem] = [p for p in problems if p.field == "nhs_number"]
    assert problem.severity is Severity.WARNING and "CDOP-2016-004" in problem.message


# -- the notification ---------------------------------------------------------------------------


def test_valid_records_have_no_problems():
    assert rules.validate_death(notification(), TODAY) == []
    assert rules.validate_death(unexpected_infant(), TODAY) == []
    assert check_review(review()) == []
    assert rules.validate_report(report(), notification(), TODAY) == []
    assert rules.validate_meeting({"meeting_date": TODAY}) == []


@pytest.mark.parametrize(
    "field", ["date_of_birth", "date_of_death", "notification_date", "expected_or_unexpected"]
)
def test_required_fields(field):
    assert field in errors(rules.validate_death(notification(**{field: None}), TODAY))


def test_rule1_death_before_birth():
    problems = rules.validate_death(notification(date_of_death=dt.date(2014, 11, 2)), TODAY)
    assert "date_of_death" in errors(problems)
    assert (
        rules.validate_death(
            notification(
                date_of_death=dt.date(2014, 11, 3), notification_date=dt.date(2014, 11, 3)
            ),
            TODAY,
        )
        == []
    )


def test_rule1_notification_before_the_death():
    problems = rules.validate_death(notification(notification_date=dt.date(2017, 1, 9)), TODAY)
    assert "notification_date" in errors(problems)
    assert rules.validate_death(notification(notification_date=dt.date(2017, 1, 10)), TODAY) == []


def test_rule1_nothing_in_the_future():
    problems = rules.validate_death(
        notification(date_of_death=dt.date(2017, 3, 2), notification_date=dt.date(2017, 3, 2)),
        TODAY,
    )
    assert {"date_of_death", "notification_date"} <= errors(problems)


def test_rule2_age_18_or_over_is_refused():
    eighteen = notification(date_of_birth=dt.date(1999, 1, 10), date_of_death=dt.date(2017, 1, 10))
    assert "date_of_birth" in errors(rules.validate_death(eighteen, TODAY))
    day_before = notification(
        date_of_birth=dt.date(1999, 1, 11), date_of_death=dt.date(2017, 1, 10)
    )
    assert rules.validate_death(day_before, TODAY) == []


@pytest.mark.parametrize("value", [False, None, 0])
def test_rule2_stillbirths_are_refused(value):
    problems = rules.validate_death(notification(live_born=value), TODAY)
    assert "live_born" in errors(problems)


def test_rule3_unexpected_needs_a_joint_agency_response_decision():
    problems = rules.validate_death(unexpected_infant(joint_agency_response=None), TODAY)
    assert "joint_agency_response" in errors(problems)
    assert rules.validate_death(unexpected_infant(joint_agency_response=False), TODAY) == []
    assert rules.validate_death(notification(joint_agency_response=None), TODAY) == []


def test_codes_and_kinds():
    problems = rules.validate_death(
        notification(sex="boy", ethnicity="X", place_of_death="moon", looked_after="yes",
                     time_of_death="25:00", notified_by_agency_id=0),
        TODAY,
    )  # fmt: skip
    assert {"sex", "ethnicity", "place_of_death", "looked_after", "time_of_death",
            "notified_by_agency_id"} <= errors(problems)  # fmt: skip
    assert rules.validate_death(notification(time_of_death="23:59"), TODAY) == []
    assert rules.validate_death(notification(time_of_death=dt.time(4, 5)), TODAY) == []


def test_other_place_needs_saying_where():
    assert "place_of_death_other" in warnings(
        rules.validate_death(notification(place_of_death="other"), TODAY)
    )


def test_notification_gaps():
    assert rules.notification_gaps(notification()) == []
    gaps = rules.notification_gaps(notification(ethnicity=None, notified_by_agency_id=None))
    assert gaps == ["ethnicity", "notified_by_agency_id"]
    assert rules.notification_gaps(unexpected_infant(joint_agency_response=None))[-1] == (
        "joint_agency_response"
    )


# -- the review -------------------------------------------------------------------------------


def test_rule1_review_completed_before_the_notification():
    late = death_facts(notification_date=dt.date(2017, 2, 1))
    problems = check_review(review(review_completed_date=dt.date(2017, 1, 31)), late)
    assert "review_completed_date" in errors(problems)
    assert check_review(review(review_completed_date=dt.date(2017, 2, 1)), late) == []
    problems = check_review(review(review_completed_date=dt.date(2017, 3, 2)))
    assert "review_completed_date" in errors(problems)  # not in the future


def test_rule4_sudden_unexpected_unexplained_needs_an_unexpected_death():
    rv = review(category_of_death="sudden_unexpected_unexplained",
                categories_applicable=["sudden_unexpected_unexplained"])  # fmt: skip
    assert "category_of_death" in errors(check_review(rv))
    infant = unexpected_infant()
    infant["age_days"] = 96
    assert check_review(rv, infant) == []


def test_rule5_perinatal_over_one_year_is_a_warning():
    rv = review(category_of_death="perinatal_neonatal_event",
                categories_applicable=["perinatal_neonatal_event"])  # fmt: skip
    problems = check_review(rv, {**death_facts(), "age_days": 365})
    assert "category_of_death" in warnings(problems) and not errors(problems)
    assert check_review(rv, {**death_facts(), "age_days": 364}) == []
    # computed from the dates when the age is not given
    older = {k: v for k, v in death_facts().items() if k != "age_days"}
    assert "category_of_death" in warnings(check_review(rv, older))


def test_rule6_modifiable_factors_are_required_to_complete_a_review():
    assert "modifiable_factors" in errors(check_review(review(modifiable_factors=None)))
    # a review in progress may leave it open
    in_progress = review(modifiable_factors=None, review_completed_date=None)
    assert check_review(in_progress) == []


def test_category_is_required_to_complete_a_review():
    rv = review(category_of_death=None, categories_applicable=[])
    assert "category_of_death" in errors(check_review(rv))
    assert check_review({**rv, "review_completed_date": None}) == []


def test_rule6_insufficient_information_needs_a_reason():
    rv = review(modifiable_factors="insufficient_information")
    assert "modifiable_factors_text" in errors(check_review(rv))
    assert "modifiable_factors_text" in errors(check_review({**rv, "modifiable_factors_text": " "}))
    assert check_review({**rv, "modifiable_factors_text": "Records not received"}) == []


def test_category_lower_than_the_highest_ticked_is_a_warning():
    rv = review(category_of_death="infection", categories_applicable=["infection", "malignancy"])
    problems = check_review(rv)
    assert warnings(problems) == {"category_of_death"} and not errors(problems)
    assert "Malignancy" in problems[0].message


def test_review_codes_and_scores():
    rv = review(domain_1_score="4", domain_scheme="x", modifiable_factors="maybe",
                factors=["co_sleeping", "nope"], co_sleeping="perhaps")  # fmt: skip
    assert {"domain_1_score", "domain_scheme", "modifiable_factors", "factors",
            "co_sleeping"} <= errors(check_review(rv))  # fmt: skip
    for score in V.DOMAIN_SCORES:
        assert check_review(review(domain_2_score=score)) == []


def test_scr_held_means_considered():
    assert "scr_considered" in errors(check_review(review(scr_held=True, scr_considered=False)))
    assert check_review(review(scr_held=True, scr_considered=True)) == []


def test_a_factor_ticked_but_answered_no_is_a_warning():
    rv = review(factors=["co_sleeping"], co_sleeping="no")
    assert warnings(check_review(rv)) == {"co_sleeping"}


def test_review_against_a_meeting():
    rv = review(panel_meeting_id=3)
    assert "review_completed_date" in warnings(check_review(rv, meeting_date=dt.date(2017, 2, 21)))
    assert check_review(rv, meeting_date=dt.date(2017, 2, 20)) == []
    assert "panel_meeting_id" in errors(check_review(review(panel_meeting_id="three")))
    unplaced = rules.validate_review(review(), death_facts(), TODAY)
    assert warnings(unplaced) == {"panel_meeting_id"} and not errors(unplaced)


def test_sudi_answer_outside_the_age_is_a_warning():
    assert "sudi" in warnings(check_review(review(sudi=True)))  # a 2-year-old


# -- agency reports and meetings ---------------------------------------------------------------


def test_report_rules():
    death = notification()
    assert "agency_id" in errors(rules.validate_report(report(agency_id=None), death, TODAY))
    assert rules.validate_report(report(agency_id=None, agency_name="GP"), death, TODAY) == []
    early = report(requested_date=dt.date(2017, 1, 9), received_date=dt.date(2017, 1, 9))
    assert {"requested_date", "received_date"} <= errors(rules.validate_report(early, death, TODAY))
    backwards = report(requested_date=dt.date(2017, 2, 2), received_date=dt.date(2017, 2, 1))
    assert "received_date" in errors(rules.validate_report(backwards, death, TODAY))
    odd = report(mode_of_death="x", events=["drowning", "x"], attempted_resuscitation="maybe")
    assert {"mode_of_death", "events", "attempted_resuscitation"} <= errors(
        rules.validate_report(odd, death, TODAY)
    )
    assert rules.validate_report(report(received_date=None), death, TODAY) == []


def test_meeting_needs_a_date():
    assert "meeting_date" in errors(rules.validate_meeting({"meeting_date": None}))
    assert "meeting_date" in errors(rules.validate_meeting({"meeting_date": "31/02/2017"}))


# -- pure functions ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "born, died, band",
    [
        (dt.date(2017, 1, 1), dt.date(2017, 1, 1), "0_27_days"),
        (dt.date(2017, 1, 1), dt.date(2017, 1, 28), "0_27_days"),  # 27 days
        (dt.date(2017, 1, 1), dt.date(2017, 1, 29), "28_364_days"),  # 28 days
        (dt.date(2016, 1, 2), dt.date(2016, 12, 31), "28_364_days"),  # 364 days
        (dt.date(2015, 3, 2), dt.date(2016, 3, 1), "28_364_days"),  # 365 days, not yet 1
        (dt.date(2016, 1, 1), dt.date(2017, 1, 1), "1_4_years"),
        (dt.date(2012, 1, 2), dt.date(2017, 1, 1), "1_4_years"),  # a day short of 5
        (dt.date(2012, 1, 1), dt.date(2017, 1, 1), "5_9_years"),
        (dt.date(2007, 1, 1), dt.date(2017, 1, 1), "10_14_years"),
        (dt.date(2002, 1, 1), dt.date(2017, 1, 1), "15_17_years"),
        (dt.date(1999, 1, 2), dt.date(2017, 1, 1), "15_17_years"),
    ],
)
def test_age_bands(born, died, band):
    assert rules.age_band(born, died) == band


def test_suggest_category_takes_the_highest_in_the_hierarchy():
    assert rules.suggest_category(["infection", "malignancy"]) == "malignancy"
    assert rules.suggest_category(
        ["sudden_unexpected_unexplained", "perinatal_neonatal_event"]
    ) == ("perinatal_neonatal_event")
    assert rules.suggest_category(list(V.CATEGORIES)[::-1]) == "deliberately_inflicted"
    assert rules.suggest_category([]) is None and rules.suggest_category(None) is None
    assert rules.suggest_category(["nonsense", 3, "infection"]) == "infection"
    assert rules.suggest_category(5) is None


@given(st.sets(st.sampled_from(list(V.CATEGORIES)), min_size=1))
def test_suggest_category_is_the_first_ticked_in_list_order(ticked):
    suggested = rules.suggest_category(ticked)
    assert suggested in ticked
    assert all(V.CATEGORIES.codes.index(suggested) <= V.CATEGORIES.codes.index(c) for c in ticked)


@pytest.mark.parametrize(
    "age_days, expected, sudden, sudi",
    [
        (6, "unexpected", True, False),  # under 7 days: SUEND, not SUDI
        (7, "unexpected", True, True),
        (100, "unexpected", True, True),
        (365, "unexpected", True, True),
        (366, "unexpected", True, False),
        (100, "expected", True, False),
        (100, "unexpected", False, False),
        (100, "unexpected", None, False),
        (None, "unexpected", True, False),
        (True, "unexpected", True, False),
    ],
)
def test_suggest_sudi(age_days, expected, sudden, sudi):
    assert rules.suggest_sudi(age_days, expected, sudden) is sudi


def test_sudden_from_reports():
    assert rules.sudden_from_reports([]) is None
    assert rules.sudden_from_reports([{"mode_of_death": "planned_palliative_care"}]) is False
    assert rules.sudden_from_reports(
        [{"mode_of_death": "planned_palliative_care"}, {"mode_of_death": "found_dead_or_collapsed"}]
    )
    assert rules.sudden_from_reports([{"events": ["sudden_unexpected_death_in_infancy"]}])


def test_open_flags_at_6_and_12_calendar_months():
    died = dt.date(2016, 8, 31)
    assert rules.open_flag(died, dt.date(2017, 2, 28)) == ""  # 31 Aug + 6 months = 28 Feb
    assert rules.open_flag(died, dt.date(2017, 3, 1)) == ">6m"
    assert rules.open_flag(died, dt.date(2017, 8, 31)) == ">6m"
    assert rules.open_flag(died, dt.date(2017, 9, 1)) == ">12m"
    assert rules.days_since_death(died, dt.date(2016, 9, 30)) == 30


def test_age_text_hides_the_exact_age_beyond_a_month():
    assert rules.age_text(1, 0) == "1 day" and rules.age_text(27, 0) == "27 days"
    assert rules.age_text(60, 0) == "8 weeks"
    assert rules.age_text(200, 0) == "6 months" and rules.age_text(500, 1) == "16 months"
    assert rules.age_text(3000, 8) == "8 years" and rules.age_text(None, None) == ""


# -- hypothesis: only Problems come back --------------------------------------------------------

ANY = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 10**12),
    st.floats(allow_nan=True),
    st.text(max_size=25),
    st.dates(dt.date(1900, 1, 1), dt.date(2030, 1, 1)),
    st.datetimes(dt.datetime(1990, 1, 1), dt.datetime(2030, 1, 1)),
    st.lists(st.one_of(st.sampled_from(["infection", "co_sleeping", "x"]), st.integers()),
             max_size=3),
    st.sampled_from(["expected", "unexpected", "yes", "no", "insufficient_information",
                     "sudden_unexpected_unexplained", "perinatal_neonatal_event", "9434765919",
                     "1*", "wt2015"]),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)  # fmt: skip
DEATH_KEYS = sorted(
    set(notification())
    | {
        "time_of_death",
        "joint_agency_response",
        "cdop_ref",
        "place_of_death_other",
        "circumstances_summary",
    }
)
REVIEW_KEYS = sorted(
    set(review())
    | {
        "panel_meeting_id",
        "factors",
        "co_sleeping",
        "sudi",
        "scr_held",
        "modifiable_factors_text",
        "sudden_death",
        "agencies_represented",
    }
)
REPORT_KEYS = sorted(set(report()) | {"agency_name"})


def _only_problems(result):
    assert isinstance(result, list) and all(isinstance(p, Problem) for p in result)


@settings(max_examples=150, deadline=None)
@given(
    changes=st.dictionaries(st.sampled_from(DEATH_KEYS), ANY, max_size=6),
    today=ANY,
    duplicates=ANY,
)
def test_validate_death_only_reports(changes, today, duplicates):
    _only_problems(rules.validate_death({**notification(), **changes}, today, duplicates))
    _only_problems(rules.validate_death(changes, TODAY))
    rules.notification_gaps(changes)


@settings(max_examples=150, deadline=None)
@given(
    changes=st.dictionaries(st.sampled_from(REVIEW_KEYS), ANY, max_size=6),
    death=st.one_of(ANY, st.dictionaries(st.sampled_from(DEATH_KEYS + ["age_days"]), ANY)),
    meeting_date=ANY,
)
def test_validate_review_only_reports(changes, death, meeting_date):
    _only_problems(rules.validate_review({**review(), **changes}, death, TODAY, meeting_date))
    _only_problems(rules.validate_review(changes, death_facts(), TODAY))


@settings(max_examples=100, deadline=None)
@given(
    changes=st.dictionaries(st.sampled_from(REPORT_KEYS), ANY, max_size=5),
    death=ANY,
    today=ANY,
)
def test_validate_report_and_meeting_only_report(changes, death, today):
    _only_problems(rules.validate_report({**report(), **changes}, death, today))
    _only_problems(rules.validate_meeting(changes))
    _only_problems(rules.validate_meeting({"meeting_date": changes.get("received_date")}))


@settings(max_examples=100, deadline=None)
@given(value=ANY, expected=ANY, sudden=ANY)
def test_pure_functions_never_raise(value, expected, sudden):
    assert isinstance(rules.nhs_number_valid(value), bool)
    assert isinstance(rules.suggest_sudi(value, expected, sudden), bool)
    rules.suggest_category(value if isinstance(value, (list, set, tuple)) else None)


@pytest.mark.parametrize("typed, stored", [
    ("al10 9ab", "AL10 9AB"), ("sw1a1aa", "SW1A 1AA"), ("ZZ9 9ZZ", "ZZ9 9ZZ"),
    ("ABCDEFGHIJ", "ABCDEFGHIJ"),  # ten characters stay ten (a space made them eleven)
    ("ßßßßß", "ßßßßß"),  # upper-cased, "ß" would be "SS": kept as typed
    ("abcd 12345", "abcd 12345"), ("  ", None),
])
def test_a_postcode_is_tidied_only_when_it_looks_like_one_and_stays_within_ten(typed, stored):
    """Found by hypothesis (tests/hostile): the tidied postcode must still be within the
    ten characters the rules allowed of what was typed."""
    from hscb_desktop.domains.cdop.records import postcode

    assert postcode(typed) == stored
    assert stored is None or len(stored) <= 10  # the rules' limit
