"""Synthetic LADO records for a new user to try the module (``hscb-desktop demo``).

Counts follow the annual report (SPEC §7.1): 804/60 in July 2014 - June 2015,
804/67 the year after, 630/68 with 83 strategy/joint evaluation meetings in
July 2016 - June 2017 (threshold cases split 39/5/1/1/22 by reporting group),
plus a handful in the current year. Every name is invented. Load them with
``service.bulk_create(session, demo.records(today))``.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from hscb_desktop.core.periods import period_containing
from hscb_desktop.core.synthetic import FIRST_NAMES, LAST_NAMES

YEARS = ((2014, 804, 60, 50), (2015, 804, 67, 80), (2016, 630, 68, 83))
_THRESHOLD_2016 = (
    [("education_school", "primary_school")] * 39
    + [("foster_care_ifa", "foster_care")] * 5
    + [("health_nhs", "hospital"), ("police", "police")]
    + [("early_years_pvi", "early_years_nursery")] * 22
)
_SECTORS = (
    ("education_school", "secondary_school", "Teacher"),
    ("education_school", "primary_school", "Teaching assistant"),
    ("education_fe", "fe_college", "Lecturer"),
    ("residential_care_independent", "childrens_home", "Residential worker"),
    ("foster_care_la", "foster_care", "Foster carer"),
    ("health_nhs", "hospital", "Nurse"),
    ("police", "police", "Police officer"),
    ("early_years_pvi", "early_years_nursery", "Nursery practitioner"),
    ("sport_leisure", "sports_club", "Coach"),
    ("faith", "faith_group", "Youth leader"),
    ("transport", "transport", "Taxi driver"),
)
_EMPLOYERS = (
    "Oakfield Primary School",
    "Riverside Academy",
    "Hilltop College",
    "Meadow House",
    "Northgate Hospital",
    "Little Acorns Nursery",
    "Valley Swimming Club",
    "St Elm Church",
    "County Cabs",
    "Brook Lane School",
    "Foster Care Partners",
)
_FIRST = FIRST_NAMES[:10]
_LAST = LAST_NAMES[:7]
_OUTCOMES = ("substantiated", "unsubstantiated", "false", "malicious", "unfounded")


def _year(
    rng: random.Random,
    start_year: int,
    total: int,
    threshold: int,
    meetings: int,
    last_day: dt.date,
) -> list[dict[str, Any]]:
    start = dt.date(start_year, 7, 1)
    span = max(1, min(330, (last_day - start).days - 20))
    out = []
    for i in range(total):
        received = start + dt.timedelta(days=i * span // max(total, 1))
        sector, setting, role = _SECTORS[rng.randrange(len(_SECTORS))]
        record: dict[str, Any] = {
            "date_received": received,
            "date_allegation_known": received - dt.timedelta(days=rng.choice((0, 0, 1, 3))),
            "referral_source_type": rng.choice(
                ("employer_dsl", "employer_dsl", "police", "parent_carer", "childrens_social_care")
            ),
            "employer_name": rng.choice(_EMPLOYERS),
            "employment_sector": sector,
            "setting_type": setting,
            "subject_role": role,
            "contact_method": rng.choice(("phone", "email", "referral_form")),
            "threshold_met": i < threshold,
            "abuse_category": [
                rng.choice(("physical", "emotional", "sexual", "neglect", "conduct_unsuitability"))
            ],
        }
        if i < threshold:
            if start_year == 2016:
                sector, setting = _THRESHOLD_2016[i % len(_THRESHOLD_2016)]
                record.update(employment_sector=sector, setting_type=setting)
            record.update(
                subject_named=True,
                subject_name=f"{rng.choice(_FIRST)} {rng.choice(_LAST)}",
                subject_dob=dt.date(
                    rng.randint(1955, 1995), rng.randint(1, 12), rng.randint(1, 28)
                ),
                harm_criteria=["harmed_or_may_have_harmed"],
                meetings=[
                    {
                        "meeting_type": ("strategy_meeting", "joint_evaluation_meeting")[j % 2],
                        "meeting_date": received + dt.timedelta(days=2 + 7 * j),
                    }
                    for j in range(meetings // threshold + (i < meetings % threshold))
                ],
            )
            days = rng.choice((20, 25, 45, 80, 200))
            if received + dt.timedelta(days=days) <= last_day:
                outcome = rng.choice(_OUTCOMES)
                closed = received + dt.timedelta(days=days)
                record.update(
                    outcome=outcome,
                    outcome_date=closed,
                    date_closed=closed,
                    closure_reason="outcome_reached",
                )
                if outcome == "substantiated":
                    record["actions"] = [
                        {"action_type": "dismissal", "action_date": closed},
                        {"action_type": "dbs_referral", "action_date": closed},
                    ]
        else:
            record.update(
                subject_named=False,
                outcome="not_applicable_consultation",
                date_closed=received,
                closure_reason="consultation_advice_only",
            )
        out.append(record)
    return out


def records(today: dt.date, seed: int = 2017) -> list[dict[str, Any]]:
    """The demo contacts, all received before ``today``."""
    rng = random.Random(seed)
    out: list[dict[str, Any]] = []
    for start_year, total, threshold, meetings in YEARS:
        out += _year(
            rng, start_year, total, threshold, meetings, min(today, dt.date(start_year + 1, 6, 30))
        )
    current = period_containing("lado", today)
    if current.start.year > 2016 and today > current.start:
        out += _year(rng, current.start.year, 40, 6, 6, today)
    return [r for r in out if r["date_received"] <= today]
