"""Regenerate resources/bank-holidays-england-and-wales.json.

    /tmp/venv0/bin/python resources/generate_bank_holidays.py            # rewrite the file
    /tmp/venv0/bin/python resources/generate_bank_holidays.py --check    # exit 1 if it differs

The regular days follow the Banking and Financial Dealings Act 1971 pattern
(New Year, Good Friday, Easter Monday, first and last Monday in May, last
Monday in August, Christmas, Boxing Day) with the usual substitute days when a
holiday falls at a weekend; Easter comes from ``dateutil.easter``.

One-off days (jubilees, a royal wedding, a state funeral, a moved early-May
holiday) are announced by royal proclamation and cannot be computed. When one
is announced: regenerate, then hand-edit the announced days in. Make that hand
edit in ``ONE_OFF_CHANGES`` below rather than in the JSON alone, so the next
regeneration keeps it. tests/core/test_bank_holidays.py checks that every year
without a one-off change matches the rules exactly, and spot-checks the rest.

This file only seeds the app: the core store copies it into an editable
bank-holiday table on first run, and an administrator maintains that table
from then on (SPEC §0.2). Shipping a new JSON does not change existing stores.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from dateutil.easter import easter

FIRST_YEAR = 2000
LAST_YEAR = 2035
OUTPUT = Path(__file__).resolve().parent / "bank-holidays-england-and-wales.json"

Holiday = tuple[dt.date, str]

# year -> (regular dates that did not happen, extra or moved days that did)
ONE_OFF_CHANGES: dict[int, tuple[tuple[dt.date, ...], tuple[Holiday, ...]]] = {
    2002: (
        (dt.date(2002, 5, 27),),
        (
            (dt.date(2002, 6, 3), "Spring bank holiday"),
            (dt.date(2002, 6, 4), "Queen's Golden Jubilee"),
        ),
    ),
    2011: ((), ((dt.date(2011, 4, 29), "Royal wedding"),)),
    2012: (
        (dt.date(2012, 5, 28),),
        (
            (dt.date(2012, 6, 4), "Spring bank holiday"),
            (dt.date(2012, 6, 5), "Queen's Diamond Jubilee"),
        ),
    ),
    2020: (
        (dt.date(2020, 5, 4),),
        ((dt.date(2020, 5, 8), "Early May bank holiday (VE day)"),),
    ),
    2022: (
        (dt.date(2022, 5, 30),),
        (
            (dt.date(2022, 6, 2), "Spring bank holiday"),
            (dt.date(2022, 6, 3), "Platinum Jubilee bank holiday"),
            (dt.date(2022, 9, 19), "State Funeral of Queen Elizabeth II"),
        ),
    ),
    2023: ((), ((dt.date(2023, 5, 8), "Bank holiday for the coronation of King Charles III"),)),
}


def _first_monday(year: int, month: int) -> dt.date:
    day = dt.date(year, month, 1)
    return day + dt.timedelta(days=(0 - day.weekday()) % 7)


def _last_monday(year: int, month: int) -> dt.date:
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    last = following - dt.timedelta(days=1)
    return last - dt.timedelta(days=last.weekday())


def _next_weekday(day: dt.date, taken: set[dt.date]) -> dt.date:
    while day.weekday() >= 5 or day in taken:
        day += dt.timedelta(days=1)
    return day


def rule_based_holidays(year: int) -> list[Holiday]:
    """The year's bank holidays with no one-off changes, weekday dates only."""
    easter_sunday = easter(year)
    days: list[Holiday] = []

    new_year = dt.date(year, 1, 1)
    observed = _next_weekday(new_year, set())
    days.append((observed, "New Year's Day" + ("" if observed == new_year else " (substitute day)")))

    days.append((easter_sunday - dt.timedelta(days=2), "Good Friday"))
    days.append((easter_sunday + dt.timedelta(days=1), "Easter Monday"))
    days.append((_first_monday(year, 5), "Early May bank holiday"))
    days.append((_last_monday(year, 5), "Spring bank holiday"))
    days.append((_last_monday(year, 8), "Summer bank holiday"))

    # Christmas first, then Boxing Day, each taking the next free weekday:
    # Sat 25th -> Mon 27th and Tue 28th; Sun 25th -> Boxing Mon 26th, Christmas Tue 27th.
    taken: set[dt.date] = set()
    christmas, boxing = dt.date(year, 12, 25), dt.date(year, 12, 26)
    if christmas.weekday() == 6:  # Boxing Day keeps its own Monday
        taken.add(boxing)
        days.append((boxing, "Boxing Day"))
        sub = _next_weekday(christmas, taken)
        days.append((sub, "Christmas Day (substitute day)"))
    else:
        for actual, title in ((christmas, "Christmas Day"), (boxing, "Boxing Day")):
            observed = _next_weekday(actual, taken)
            taken.add(observed)
            days.append((observed, title + ("" if observed == actual else " (substitute day)")))
    return sorted(days)


def holidays_for_year(year: int) -> list[Holiday]:
    removed, added = ONE_OFF_CHANGES.get(year, ((), ()))
    kept = [h for h in rule_based_holidays(year) if h[0] not in removed]
    return sorted(kept + list(added))


def all_holidays(first: int = FIRST_YEAR, last: int = LAST_YEAR) -> list[Holiday]:
    return [h for year in range(first, last + 1) for h in holidays_for_year(year)]


def render(holidays: list[Holiday]) -> str:
    rows = [{"date": day.isoformat(), "title": title} for day, title in holidays]
    return json.dumps(rows, indent=1, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare only; exit 1 on a difference")
    args = parser.parse_args(argv)
    text = render(all_holidays())
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT.name} differs from the generator (hand edits or stale file)")
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
