"""Synthetic private fostering records for a new user to try the module
(``hscb-desktop demo``).

The 2016-17 year reproduces the annual report's figures (SPEC §7.2): 35 notifications
(3 did not progress), 32 assessments completed, 42 arrangements open at some time in the
year (10 carried over from 2015-16), 47 general enquiries of which 27 were not private
fostering and 4 were referred on to other authorities (10 became notifications, 6 were
advice only or other). A handful of arrangements in the months before ``today`` give the
due list something to show. Every name is invented. Load them with
``service.bulk_create(session, *demo.records(today))``.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from hscb_desktop.core.calendar import WorkingCalendar
from hscb_desktop.core.synthetic import FIRST_NAMES, LAST_NAMES

_FIRST = FIRST_NAMES
_LAST = LAST_NAMES
_LAS = ("Bedford Borough", "Luton", "Essex", "Buckinghamshire", "Cambridgeshire")
_RELATIONSHIPS = (
    "family_friend",
    "parent_of_friend",
    "extended_family_not_close_relative",
    "host_family_language_school",
    "host_family_education_guardian",
)
_REASONS = (
    "from_abroad_for_education",
    "language_school_host_family",
    "parental_ill_health",
    "parent_moved_away_child_stays",
    "teenager_estranged_from_family",
    "independent_boarding_school_holidays",
)
_NOTIFIERS = (
    "proposed_carer",
    "parent_or_pr_holder",
    "professional_school",
    "professional_health",
    "language_school_or_agency",
    "professional_other",
)
_ENQUIRERS = (
    "parent",
    "school",
    "health",
    "member_of_public",
    "other_professional",
    "housing",
    "police",
)
_NOT_PF = (
    "close_relative",
    "close_relative",
    "under_28_days",
    "parent_resident",
    "over_age",
    "boarding_school_term_time",
    "other",
)
_END_REASONS = ("returned_to_parent", "returned_abroad", "moved_to_relative", "other")


def _name(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


def _visits(
    rng: random.Random,
    cal: WorkingCalendar,
    notified: dt.date,
    start: dt.date,
    last_day: dt.date,
) -> list[dict[str, Any]]:
    """An initial visit within (usually) 7 working days, then statutory visits every 5-6
    weeks in the first year and 10-12 after, now and then a week late."""
    initial = cal.add_working_days(notified, rng.choice((2, 3, 4, 5, 6, 7, 7, 9)))
    out = [
        {
            "visit_type": "initial_statutory",
            "visit_date": initial,
            "child_seen_alone": True,
            "report_written_date": initial + dt.timedelta(days=2),
            "visitor": "PF worker",
        }
    ]
    when, year_end = max(initial, start), notified + dt.timedelta(days=365)
    while True:
        weeks = rng.choice((5, 6, 6, 6, 7)) if when < year_end else rng.choice((10, 12, 12, 13))
        when += dt.timedelta(weeks=weeks, days=rng.choice((-2, 0, 0, 1)))
        if when > last_day:
            return out
        out.append(
            {
                "visit_type": rng.choice(("statutory_reg8",) * 5 + ("unannounced",)),
                "visit_date": when,
                "child_seen_alone": rng.random() > 0.1,
                "visitor": "PF worker",
            }
        )


def _notification(
    rng: random.Random,
    cal: WorkingCalendar,
    notified: dt.date,
    *,
    today: dt.date,
    progressed: bool = True,
    ends: dt.date | None = None,
    assessed_within: int = 30,
    disabled_age: int | None = None,
) -> dict[str, Any]:
    kind = rng.choice(
        (
            "advance_proposal",
            "existing_arrangement_not_notified",
            "existing_arrangement_not_notified",
            "emergency_placement",
        )
    )
    start = {
        "advance_proposal": notified + dt.timedelta(days=rng.choice((14, 30, 45))),
        "existing_arrangement_not_notified": notified - dt.timedelta(days=rng.randint(10, 120)),
        "emergency_placement": notified - dt.timedelta(days=rng.choice((1, 2, 4))),
    }[kind]
    age = disabled_age if disabled_age is not None else rng.randint(1, 14)
    dob = min(start, notified) - dt.timedelta(days=365 * age + rng.randint(30, 300))
    record: dict[str, Any] = {
        "date_received": notified,
        "notifier_type": rng.choice(_NOTIFIERS),
        "notification_type": kind,
        "intended_start_date": start,
        "intended_duration_days": rng.choice((60, 90, 180, 365, 730)),
        "child_name": _name(rng),
        "child_sex": rng.choice(("male", "female")),
        "child_date_of_birth": dob,
        "child_born_in_uk": rng.choice(("yes", "yes", "no", "no", "unknown")),
        "child_ethnicity": rng.choice(("WBRI", "WOTH", "BAFR", "CHNE", "AOTH", "MOTH")),
        "child_disabled": disabled_age is not None,
        "child_language": rng.choice(("English", "Mandarin", "Spanish", "Polish")),
        "carer_name": _name(rng),
        "carer_address": f"{rng.randint(1, 99)} Sample Road, Hertford",
    }
    if not progressed:
        record.update(
            progressed=False,
            not_progressed_reason=rng.choice(
                ("arrangement_did_not_start", "child_returned_home", "not_pf_on_assessment")
            ),
        )
        return record
    last_day = min(today, ends) if ends else today
    visits = [v for v in _visits(rng, cal, notified, start, last_day) if v["visit_date"] <= today]
    for visit in visits:
        if visit.get("report_written_date") and visit["report_written_date"] > today:
            visit["report_written_date"] = None
    initial = visits[0]["visit_date"] if visits else None
    assessed = (initial or notified) + dt.timedelta(days=rng.randint(5, assessed_within))
    arrangement: dict[str, Any] = {
        "start_date": start,
        "carer_relationship": rng.choice(_RELATIONSHIPS),
        "reasons": sorted({rng.choice(_REASONS) for _ in range(rng.choice((1, 1, 2)))}),
        "dbs_carer_date": notified + dt.timedelta(days=10) if rng.random() > 0.2 else None,
        "child_in_need_or_cp": rng.choice(("none", "none", "none", "child_in_need")),
        "visits": visits,
    }
    if assessed <= today:
        arrangement.update(
            assessment_completed_date=assessed,
            assessment_outcome=rng.choice(("suitable", "suitable", "suitable_with_requirements")),
        )
    if arrangement["dbs_carer_date"] and arrangement["dbs_carer_date"] > today:
        arrangement["dbs_carer_date"] = None
    if ends and ends <= today:
        arrangement.update(
            end_date=max(ends, start), end_reason=rng.choice(_END_REASONS), end_notified_by="Carer"
        )
    record["arrangement"] = arrangement
    return record


def _spread(first: dt.date, last: dt.date, n: int, i: int) -> dt.date:
    return first + dt.timedelta(days=i * ((last - first).days // max(n, 1)))


def records(
    today: dt.date, seed: int = 2017, calendar: WorkingCalendar | None = None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(notifications, enquiries) received on or before ``today``."""
    rng = random.Random(seed)
    cal = calendar or WorkingCalendar.shipped()
    notes: list[dict[str, Any]] = []
    # Ten arrangements carried over from 2015-16 (assessed before April 2016).
    for i in range(10):
        notified = _spread(dt.date(2015, 6, 1), dt.date(2016, 2, 1), 10, i)
        ends = dt.date(2016, 5, 1) + dt.timedelta(days=35 * i) if i < 7 else None
        notes.append(
            _notification(
                rng,
                cal,
                notified,
                today=today,
                ends=ends or dt.date(2017, 9, 30),
                assessed_within=20,
            )
        )
    # One that ended before the year: not counted.
    notes.append(
        _notification(rng, cal, dt.date(2015, 4, 20), today=today, ends=dt.date(2015, 12, 18))
    )
    # 2016-17: 35 notifications; the 8th, 19th and 30th did not progress.
    linked = set(range(0, 35, 4)[:9]) | {33}  # ten came from an enquiry
    for i in range(35):
        notified = _spread(dt.date(2016, 4, 4), dt.date(2017, 2, 10), 35, i)
        ends = (
            (notified + dt.timedelta(days=rng.randint(90, 300))) if i % 3 else dt.date(2017, 10, 31)
        )
        record = _notification(
            rng,
            cal,
            notified,
            today=today,
            progressed=i not in (7, 18, 29),
            ends=ends,
            disabled_age=16 if i == 5 else None,
        )
        if i in linked:
            record["enquiry"] = {
                "date_received": notified - dt.timedelta(days=rng.randint(0, 2)),
                "enquirer_type": rng.choice(_ENQUIRERS),
            }
        notes.append(record)
    enquiries: list[dict[str, Any]] = []
    for i in range(37):  # 27 not private fostering, 4 referred on, 6 advice only / other
        received = _spread(dt.date(2016, 4, 6), dt.date(2017, 3, 28), 37, i)
        record: dict[str, Any] = {
            "date_received": received,
            "enquirer_type": rng.choice(_ENQUIRERS),
        }
        if i < 27:
            record.update(outcome="not_private_fostering", not_pf_reason=rng.choice(_NOT_PF))
        elif i < 31:
            record.update(outcome="referred_to_other_la", other_la_name=rng.choice(_LAS))
        else:
            record["outcome"] = "advice_only" if i < 35 else "other"
        enquiries.append(record)
    # A few recent ones, so the due list shows what a working week looks like.
    if today >= dt.date(2018, 1, 1):
        for i, back in enumerate((200, 130, 75, 40, 12, 4)):
            notes.append(
                _notification(rng, cal, today - dt.timedelta(days=back), today=today, ends=None)
            )
            if i < 3:
                enquiries.append(
                    {
                        "date_received": today - dt.timedelta(days=back + 3),
                        "enquirer_type": rng.choice(_ENQUIRERS),
                        "outcome": "advice_only",
                    }
                )
    return (
        [r for r in notes if r["date_received"] <= today],
        [e for e in enquiries if e["date_received"] <= today],
    )
