import datetime as dt
import importlib.util
import json
from collections import defaultdict

import pytest

from hscb_desktop.paths import resource

D = dt.date
JSON_NAME = "bank-holidays-england-and-wales.json"


def _load_generator():
    path = resource("generate_bank_holidays.py")
    spec = importlib.util.spec_from_file_location("generate_bank_holidays", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


gen = _load_generator()
ROWS = json.loads(resource(JSON_NAME).read_text(encoding="utf-8"))
BY_YEAR: dict[int, list[tuple[dt.date, str]]] = defaultdict(list)
for _row in ROWS:
    _day = D.fromisoformat(_row["date"])
    BY_YEAR[_day.year].append((_day, _row["title"]))
DATES = [D.fromisoformat(r["date"]) for r in ROWS]


def test_rows_have_exactly_date_and_title():
    assert all(set(r) == {"date", "title"} and r["title"].strip() for r in ROWS)


def test_sorted_and_unique():
    assert DATES == sorted(DATES)
    assert len(DATES) == len(set(DATES))


def test_no_weekend_dates():
    # Holidays that fall at a weekend are listed on their substitute weekday only.
    assert [d for d in DATES if d.weekday() >= 5] == []


def test_covers_2000_to_2035():
    assert sorted(BY_YEAR) == list(range(2000, 2036))


ONE_OFF_YEARS = {2002, 2011, 2012, 2020, 2022, 2023}


@pytest.mark.parametrize("year", sorted(set(range(2000, 2036)) - ONE_OFF_YEARS))
def test_regular_years_match_the_rules(year):
    assert BY_YEAR[year] == gen.rule_based_holidays(year)
    assert len(BY_YEAR[year]) == 8


def test_one_off_years_are_exactly_the_recorded_changes():
    assert set(gen.ONE_OFF_CHANGES) == ONE_OFF_YEARS
    for year in ONE_OFF_YEARS:
        assert BY_YEAR[year] == gen.holidays_for_year(year)


def test_file_is_what_the_generator_writes():
    assert resource(JSON_NAME).read_text(encoding="utf-8") == gen.render(gen.all_holidays())


@pytest.mark.parametrize(
    "day, title_part",
    [
        (D(2000, 1, 3), "New Year"),
        (D(2002, 6, 3), "Spring"),
        (D(2002, 6, 4), "Golden Jubilee"),
        (D(2011, 4, 29), "Royal wedding"),
        (D(2012, 6, 4), "Spring"),
        (D(2012, 6, 5), "Diamond Jubilee"),
        (D(2016, 12, 26), "Boxing Day"),
        (D(2016, 12, 27), "Christmas Day"),
        (D(2017, 1, 2), "New Year"),
        (D(2017, 4, 14), "Good Friday"),
        (D(2017, 4, 17), "Easter Monday"),
        (D(2017, 5, 1), "Early May"),
        (D(2017, 5, 29), "Spring"),
        (D(2017, 8, 28), "Summer"),
        (D(2020, 5, 8), "VE day"),
        (D(2020, 12, 28), "Boxing Day"),
        (D(2021, 12, 27), "Christmas Day"),
        (D(2021, 12, 28), "Boxing Day"),
        (D(2022, 6, 2), "Spring"),
        (D(2022, 6, 3), "Platinum Jubilee"),
        (D(2022, 9, 19), "State Funeral"),
        (D(2023, 5, 8), "coronation"),
        (D(2024, 3, 29), "Good Friday"),
        (D(2027, 12, 28), "Boxing Day"),
        (D(2035, 3, 23), "Good Friday"),
    ],
)
def test_known_dates(day, title_part):
    titles = dict(BY_YEAR[day.year])
    assert day in titles, day
    assert title_part in titles[day]


@pytest.mark.parametrize(
    "day",
    [D(2002, 5, 27), D(2012, 5, 28), D(2020, 5, 4), D(2022, 5, 30), D(2016, 12, 25), D(2016, 12, 28)],
)
def test_moved_or_weekend_days_are_absent(day):
    assert day not in DATES


def test_good_friday_and_easter_monday_every_year():
    from dateutil.easter import easter

    for year in range(2000, 2036):
        titles = dict(BY_YEAR[year])
        assert titles[easter(year) - dt.timedelta(days=2)] == "Good Friday"
        assert titles[easter(year) + dt.timedelta(days=1)] == "Easter Monday"
