import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hscb_desktop.core.calendar import (
    WorkingCalendar,
    add_months,
    add_weeks,
    good_friday,
    load_shipped_holidays,
)

D = dt.date


@pytest.fixture(scope="module")
def cal() -> WorkingCalendar:
    return WorkingCalendar.shipped()


@pytest.mark.parametrize(
    "day, working, why",
    [
        (D(2017, 3, 10), True, "Friday"),
        (D(2017, 3, 11), False, "Saturday"),
        (D(2017, 3, 12), False, "Sunday"),
        (D(2017, 3, 13), True, "Monday"),
        (D(2016, 12, 23), True, "Friday before Christmas 2016"),
        (D(2016, 12, 25), False, "Christmas Day on a Sunday"),
        (D(2016, 12, 26), False, "Boxing Day 2016"),
        (D(2016, 12, 27), False, "Christmas Day substitute 2016"),
        (D(2016, 12, 28), True, "back to work 2016"),
        (D(2021, 12, 27), False, "Christmas substitute 2021"),
        (D(2021, 12, 28), False, "Boxing Day substitute 2021"),
        (D(2017, 4, 13), True, "Maundy Thursday 2017"),
        (D(2017, 4, 14), False, "Good Friday 2017"),
        (D(2017, 4, 17), False, "Easter Monday 2017"),
        (D(2017, 4, 18), True, "Tuesday after Easter 2017"),
        (D(2020, 5, 4), True, "usual early May Monday 2020, moved"),
        (D(2020, 5, 8), False, "VE day 2020"),
        (D(2017, 1, 2), False, "New Year substitute 2017"),
        (D(2022, 9, 19), False, "State funeral"),
        (D(2023, 5, 8), False, "Coronation"),
    ],
)
def test_is_working_day(cal, day, working, why):
    assert cal.is_working_day(day) is working, why


def test_christmas_and_good_friday_need_no_table_entry():
    empty = WorkingCalendar([])
    assert not empty.is_working_day(D(2040, 12, 25))  # a Tuesday
    assert not empty.is_working_day(good_friday(2040))
    assert empty.is_working_day(D(2040, 12, 26))  # bank holidays do come from the table
    assert not empty.covers(D(2017, 1, 1))


def test_holidays_from_any_iterable():
    cal = WorkingCalendar(d for d in [D(2017, 3, 13)])
    assert not cal.is_working_day(D(2017, 3, 13))
    assert cal.holidays == frozenset({D(2017, 3, 13)})


@pytest.mark.parametrize(
    "start, n, expected",
    [
        (D(2017, 3, 10), 0, D(2017, 3, 10)),  # a working day plus nothing
        (D(2017, 3, 11), 0, D(2017, 3, 13)),  # Saturday rolls forward
        (D(2017, 3, 10), 1, D(2017, 3, 13)),  # Friday + 1 = Monday
        (D(2017, 3, 6), 7, D(2017, 3, 15)),  # PF initial visit: Monday + 7
        (D(2017, 4, 13), 1, D(2017, 4, 18)),  # Thursday before Easter 2017
        (D(2017, 4, 7), 7, D(2017, 4, 20)),  # Friday a week before Good Friday
        (D(2017, 4, 14), 1, D(2017, 4, 18)),  # from Good Friday itself
        (D(2017, 4, 14), 3, D(2017, 4, 20)),
        (D(2016, 12, 23), 1, D(2016, 12, 28)),
        (D(2016, 12, 23), 3, D(2016, 12, 30)),
        (D(2016, 12, 23), 15, D(2017, 1, 18)),  # LADO 15 working days over Christmas/New Year
        (D(2020, 5, 7), 1, D(2020, 5, 11)),  # VE day Friday skipped
        (D(2020, 5, 1), 3, D(2020, 5, 6)),  # Monday 4 May 2020 was a working day
    ],
)
def test_add_working_days(cal, start, n, expected):
    assert cal.add_working_days(start, n) == expected


def test_add_working_days_rejects_negative(cal):
    with pytest.raises(ValueError, match="n >= 0"):
        cal.add_working_days(D(2017, 1, 3), -1)


@pytest.mark.parametrize(
    "a, b, expected",
    [
        (D(2017, 3, 10), D(2017, 3, 10), 0),
        (D(2017, 3, 10), D(2017, 3, 13), 1),  # the weekend does not count
        (D(2017, 3, 11), D(2017, 3, 12), 0),
        (D(2017, 4, 13), D(2017, 4, 18), 1),
        (D(2016, 12, 23), D(2017, 1, 3), 4),  # 28, 29, 30 Dec, 3 Jan
        (D(2017, 3, 13), D(2017, 3, 10), -1),
        (D(2017, 1, 3), D(2016, 12, 23), -4),
    ],
)
def test_working_days_between(cal, a, b, expected):
    assert cal.working_days_between(a, b) == expected


@pytest.mark.parametrize(
    "day, expected",
    [
        (D(2017, 3, 10), D(2017, 3, 13)),
        (D(2017, 3, 13), D(2017, 3, 14)),  # strictly after, even from a working day
        (D(2016, 12, 24), D(2016, 12, 28)),
        (D(2017, 4, 13), D(2017, 4, 18)),
        (D(2022, 6, 1), D(2022, 6, 6)),  # platinum jubilee Thursday/Friday
    ],
)
def test_next_working_day(cal, day, expected):
    assert cal.next_working_day(day) == expected


def test_covers_the_shipped_years(cal):
    assert cal.covers(D(2000, 1, 1)) and cal.covers(D(2035, 12, 31))
    assert not cal.covers(D(2036, 1, 1))


def test_load_shipped_holidays_shape():
    rows = load_shipped_holidays()
    assert rows == sorted(rows)
    assert (D(2017, 4, 14), "Good Friday") in rows
    assert all(isinstance(d, dt.date) and isinstance(t, str) and t for d, t in rows)


@pytest.mark.parametrize(
    "start, n, expected",
    [
        (D(2017, 1, 31), 1, D(2017, 2, 28)),
        (D(2016, 1, 31), 1, D(2016, 2, 29)),
        (D(2017, 3, 15), 1, D(2017, 4, 15)),
        (D(2016, 12, 15), 1, D(2017, 1, 15)),
        (D(2017, 3, 31), -1, D(2017, 2, 28)),
        (D(2017, 3, 15), 12, D(2018, 3, 15)),
    ],
)
def test_add_months(start, n, expected):
    assert add_months(start, n) == expected


def test_add_weeks():
    assert add_weeks(D(2017, 3, 1), 6) == D(2017, 4, 12)
    assert add_weeks(D(2017, 3, 1), 0) == D(2017, 3, 1)
    assert add_weeks(D(2017, 3, 1), -1) == D(2017, 2, 22)


_dates = st.dates(min_value=D(2000, 1, 1), max_value=D(2035, 6, 30))


@settings(max_examples=300, deadline=None, database=None)
@given(day=_dates, n=st.integers(min_value=0, max_value=400))
def test_result_is_always_a_working_day(cal, day, n):
    assert cal.is_working_day(cal.add_working_days(day, n))


@settings(max_examples=300, deadline=None, database=None)
@given(day=_dates, n=st.integers(min_value=1, max_value=400))
def test_between_inverts_add(cal, day, n):
    result = cal.add_working_days(day, n)
    assert result > day
    assert cal.working_days_between(day, result) == n
    assert cal.working_days_between(result, day) == -n


@settings(max_examples=200, deadline=None, database=None)
@given(day=_dates)
def test_zero_days_from_a_working_day_is_the_day(cal, day):
    if cal.is_working_day(day):
        assert cal.add_working_days(day, 0) == day
        assert cal.working_days_between(day, cal.add_working_days(day, 0)) == 0


@settings(max_examples=200, deadline=None, database=None)
@given(a=_dates, b=_dates, c=_dates)
def test_between_is_additive(cal, a, b, c):
    assert cal.working_days_between(a, c) == cal.working_days_between(a, b) + cal.working_days_between(b, c)
