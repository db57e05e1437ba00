import datetime as dt

import pytest

from hscb_desktop.core.periods import (
    MODULES,
    ReportingPeriod,
    default_period,
    period_containing,
    period_for,
    previous,
)

D = dt.date


@pytest.mark.parametrize("spec", ["2016-17", "2016-2017", " 2016 - 17 ", "2016\u201317"])
def test_lado_period_from_either_spelling(spec):
    p = period_for("lado", spec)
    assert (p.start, p.end) == (D(2016, 7, 1), D(2017, 6, 30))
    assert p.label == "July 2016 - June 2017"
    assert (p.short_label, p.long_label) == ("2016-17", "2016-2017")
    assert p.module == "lado"


@pytest.mark.parametrize("module", ["fostering", "cdop", "board", "training"])
def test_april_to_march_modules(module):
    p = period_for(module, "2016-17")
    assert (p.start, p.end) == (D(2016, 4, 1), D(2017, 3, 31))
    assert p.label == "April 2016 - March 2017"
    assert p == period_for(module, "2016-2017")


def test_century_rollover_short_label():
    p = period_for("cdop", "2099-00")
    assert p.end == D(2100, 3, 31)
    assert (p.short_label, p.long_label) == ("2099-00", "2099-2100")


@pytest.mark.parametrize(
    "spec, fragment",
    [
        ("2016-18", "2016-17"),
        ("2016-2018", "2016-2017"),
        ("2016-16", "2016-17"),
        ("2017-2016", "2017-2018"),
    ],
)
def test_second_year_must_follow_first(spec, fragment):
    with pytest.raises(ValueError, match=fragment):
        period_for("board", spec)


@pytest.mark.parametrize("spec", ["", "2016", "16-17", "2016-7", "2016-017", "April 2016", "2016-17x", None])
def test_malformed_spec(spec):
    with pytest.raises(ValueError, match="2016-17 or 2016-2017"):
        period_for("board", spec)


def test_unknown_module_lists_known_ones():
    with pytest.raises(ValueError, match="lado, fostering, cdop, board, training"):
        period_for("adults", "2016-17")
    with pytest.raises(ValueError):
        period_containing("Lado", D(2017, 1, 1))


def test_modules_are_the_five():
    assert MODULES == ("lado", "fostering", "cdop", "board", "training")


def test_contains_is_inclusive_at_both_ends():
    p = period_for("lado", "2016-17")
    assert p.contains(D(2016, 7, 1)) and p.contains(D(2017, 6, 30))
    assert not p.contains(D(2016, 6, 30)) and not p.contains(D(2017, 7, 1))


@pytest.mark.parametrize(
    "module, day, expected",
    [
        ("lado", D(2016, 7, 1), "2016-17"),
        ("lado", D(2017, 6, 30), "2016-17"),
        ("lado", D(2017, 7, 1), "2017-18"),
        ("lado", D(2017, 1, 15), "2016-17"),
        ("cdop", D(2017, 3, 31), "2016-17"),
        ("cdop", D(2017, 4, 1), "2017-18"),
        ("training", D(2016, 11, 15), "2016-17"),
        ("fostering", D(2016, 4, 1), "2016-17"),
    ],
)
def test_period_containing(module, day, expected):
    p = period_containing(module, day)
    assert p.short_label == expected
    assert p.contains(day)


def test_previous_steps_whole_years():
    p = period_for("lado", "2016-17")
    assert previous(p) == period_for("lado", "2015-16")
    assert previous(p, 3) == period_for("lado", "2013-14")
    assert previous(p, -1) == period_for("lado", "2017-18")
    assert previous(p, 0) == p


@pytest.mark.parametrize(
    "module, today, expected",
    [
        ("cdop", D(2017, 4, 1), "2016-17"),  # the day after it ends it is complete
        ("cdop", D(2017, 3, 31), "2015-16"),  # still running on its last day
        ("cdop", D(2017, 9, 1), "2016-17"),
        ("lado", D(2017, 7, 1), "2016-17"),
        ("lado", D(2017, 6, 30), "2015-16"),
        ("lado", D(2017, 5, 1), "2015-16"),
    ],
)
def test_default_period_is_latest_complete(module, today, expected):
    p = default_period(module, today)
    assert p.short_label == expected
    assert p.end < today


def test_period_is_frozen_and_hashable():
    p = period_for("board", "2016-17")
    with pytest.raises(AttributeError):
        p.label = "x"  # type: ignore[misc]
    assert {p, period_for("board", "2016-2017")} == {p}
    assert isinstance(p, ReportingPeriod)
