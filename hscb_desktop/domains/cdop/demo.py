"""Synthetic CDOP records for a new user to try the module (``hscb-desktop demo``).

The 2016-17 year follows the annual report (SPEC §7.3): the panel met 6 times and completed
48 reviews, 24 expected and 24 unexpected deaths, with children under 1 the largest age
group both overall and among the unexpected deaths; causes in under-1s are genetic and
congenital anomalies, SUDI and prematurity, with co-sleeping and smoking as modifiable
factors; in older children malignancy, chronic disease, infection, suicide and trauma.
A few open cases near ``today`` fill the work lists (over 12 and 6 months, awaiting
reports, ready for panel) and a meeting is planned after ``today``.

Every name is invented and every NHS number is in the 999 range, which the NHS never
issues (it is kept for testing), with a valid check digit. Load them with
``service.load_cases(session, *demo.records(today))``.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from typing import Any

from dateutil.relativedelta import relativedelta

from hscb_desktop.domains.cdop import rules

MEETING_DATES_2016 = (
    dt.date(2016, 5, 12),
    dt.date(2016, 7, 14),
    dt.date(2016, 9, 15),
    dt.date(2016, 11, 17),
    dt.date(2017, 1, 19),
    dt.date(2017, 3, 16),
)

# (age band, expected?, number): 24 under 1 (12 unexpected), 24 older (12 unexpected).
PROFILE_2016 = (
    ("0_27_days", "expected", 10),
    ("0_27_days", "unexpected", 4),
    ("28_364_days", "expected", 2),
    ("28_364_days", "unexpected", 8),
    ("1_4_years", "expected", 4),
    ("1_4_years", "unexpected", 3),
    ("5_9_years", "expected", 3),
    ("5_9_years", "unexpected", 1),
    ("10_14_years", "expected", 3),
    ("10_14_years", "unexpected", 2),
    ("15_17_years", "expected", 2),
    ("15_17_years", "unexpected", 6),
)

_FORENAMES = ("Alfie", "Bea", "Cai", "Dot", "Eli", "Fen", "Gus", "Hal", "Ivy", "Jax", "Kit", "Lux")
_FAMILY = ("Example", "Sample", "Demo", "Testwell", "Fictional", "Madeup", "Placeholder")
_ETHNICITIES = ("WBRI", "WBRI", "WBRI", "WOTH", "MWBC", "AIND", "APKN", "BAFR", "WBRI", "NOBT")
_AGENCIES = ("Hertfordshire Community NHS Trust", "Herts Constabulary", "Children's Services")
_LAS = ("Hertfordshire",)


def synthetic_nhs_numbers(start: int = 0) -> Iterator[str]:
    """Valid NHS numbers from the 999 range (never issued): 999 000 000x, 999 000 001x, ..."""
    for n in itertools.count(start):
        first_nine = f"999{n:06d}"
        check = rules.nhs_check_digit(first_nine)
        if check is not None:
            yield first_nine + str(check)


def _age(band: str, i: int) -> tuple[int, int]:
    """(days, years) of a child in ``band``; varied with ``i``."""
    if band == "0_27_days":
        return (0, 1, 2, 5, 9, 20)[i % 6], 0
    if band == "28_364_days":
        return (40, 62, 95, 120, 150, 210, 300)[i % 7], 0
    low, high = {"1_4_years": (1, 4), "5_9_years": (5, 9), "10_14_years": (10, 14)}.get(
        band, (15, 17)
    )
    return 0, low + i % (high - low + 1)


def _category(band: str, expected: str, i: int) -> tuple[str, list[str]]:
    """(category, categories ticked as applicable) fitting the annual report's narrative."""
    under_one = band in ("0_27_days", "28_364_days")
    if under_one and expected == "expected":
        choice = ("chromosomal_genetic_congenital", "perinatal_neonatal_event")[i % 2]
        return choice, [choice]
    if band == "0_27_days":
        return "perinatal_neonatal_event", ["perinatal_neonatal_event", "infection"]
    if band == "28_364_days":
        if i % 4 == 3:
            return "infection", ["infection"]
        return "sudden_unexpected_unexplained", ["sudden_unexpected_unexplained"]
    if expected == "expected":
        choice = ("malignancy", "chronic_medical", "chromosomal_genetic_congenital")[i % 3]
        return choice, [choice]
    if band == "15_17_years":
        choice = ("suicide_self_harm", "trauma_external", "acute_medical_surgical")[i % 3]
        return choice, [choice, "acute_medical_surgical"] if choice == "trauma_external" else [
            choice
        ]
    choice = ("trauma_external", "infection", "acute_medical_surgical")[i % 3]
    return choice, [choice]


def _review(category: str, applicable: list[str], band: str, expected: str, i: int, meeting: int,
            completed: dt.date) -> dict[str, Any]:  # fmt: skip
    review: dict[str, Any] = {
        "meeting": meeting,
        "review_completed_date": completed,
        "category_of_death": category,
        "categories_applicable": applicable,
        "cause_of_death_text": "Synthetic demonstration case",
        "domain_scheme": "wt2015",
        "domain_1_score": "2",
        "domain_2_score": "1",
        "domain_3_score": "1",
        "domain_4_score": "1",
        "modifiable_factors": "no",
        "scr_considered": False,
        "agencies_represented": ["paediatrics", "police", "childrens_social_care"],
        "recommendations": "None beyond national learning.",
    }
    if category == "sudden_unexpected_unexplained":
        review.update(
            sudden_death=True,
            domain_3_score="2",
            modifiable_factors="yes",
            modifiable_factors_text="Unsafe sleeping arrangements.",
            co_sleeping="yes" if i % 3 else "no",
            smoking_in_household="yes" if i % 2 else "unknown",
            factors=["co_sleeping", "smoking_in_household"] if i % 3 and i % 2 else [],
            scr_considered=i % 4 == 0,
            scr_held=False,
        )
        if review["co_sleeping"] == "yes" and "co_sleeping" not in review["factors"]:
            review["factors"] = ["co_sleeping"]
    elif category in ("suicide_self_harm", "trauma_external"):
        review.update(
            domain_2_score="2",
            modifiable_factors="yes",
            modifiable_factors_text="Access to means; missed opportunities to share information.",
            factors=["emotional_behavioural_mental_health"]
            if category == "suicide_self_harm"
            else [],
            scr_considered=True,
            scr_held=i % 3 == 0,
        )
    elif category == "perinatal_neonatal_event" and expected == "unexpected":
        review.update(
            modifiable_factors="yes" if i % 2 else "insufficient_information",
            modifiable_factors_text="Smoking in pregnancy."
            if i % 2
            else "Maternity records were not available to the panel.",
            smoking_in_pregnancy="yes" if i % 2 else "unknown",
            factors=["smoking_in_pregnancy"] if i % 2 else [],
        )
    elif category == "infection" and band == "28_364_days":
        review.update(modifiable_factors="yes", modifiable_factors_text="Delayed presentation.",
                      smoking_in_household="yes", factors=["smoking_in_household"])  # fmt: skip
    return review


def _case(
    nhs: str,
    n: int,
    band: str,
    expected: str,
    died: dt.date,
    agencies: tuple[int, ...] = (),
) -> dict[str, Any]:
    days, years = _age(band, n)
    born = died - relativedelta(years=years) - dt.timedelta(days=days)
    unexpected = expected == "unexpected"
    if band == "0_27_days":
        place = "hospital_neonatal_unit"
    else:
        place = "hospital_paediatric_ward" if not unexpected else "hospital_emergency_department"
    return {
        "forenames": _FORENAMES[n % len(_FORENAMES)],
        "family_name": _FAMILY[n % len(_FAMILY)],
        "nhs_number": nhs,
        "date_of_birth": born,
        "home_postcode": f"ZZ9{n % 10} {n % 10}ZZ",  # ZZ: no such postcode area
        "sex": ("male", "female")[n % 2],
        "ethnicity": _ETHNICITIES[n % len(_ETHNICITIES)],
        "date_of_death": died,
        "time_of_death": f"{(n * 7) % 24:02d}:{(n * 13) % 60:02d}",
        "live_born": True,
        "la_of_residence": _LAS[0],
        "normally_resident_in_area": True,
        "place_of_death": place,
        "expected_or_unexpected": expected,
        "joint_agency_response": True if unexpected else None,
        "unexpected_confirmed_by_designated_doctor": True if unexpected else None,
        "post_mortem_required": unexpected,
        "coroner_involved": unexpected,
        "notification_date": died + dt.timedelta(days=1),
        "notified_by_agency_id": agencies[n % len(agencies)] if agencies else None,
        "circumstances_summary": "Synthetic demonstration case; no real child.",
    }


def _mode(expected: str, sudden: bool) -> str:
    if sudden:
        return "found_dead_or_collapsed"
    return "planned_palliative_care" if expected == "expected" else "withdrawal_of_treatment"


def _reports(
    died: dt.date,
    last: dt.date,
    mode: str,
    agencies: tuple[int, ...] = (),
    received: bool = True,
) -> list[dict]:
    requested = died + dt.timedelta(days=2)
    sudden = mode == "found_dead_or_collapsed"
    out = []
    for k, name in enumerate(_AGENCIES[:2]):
        got = min(last, requested + dt.timedelta(days=21 + 7 * k))
        out.append(
            {
                "agency_id": agencies[k % len(agencies)] if agencies else None,
                "agency_name": None if agencies else name,
                "requested_date": requested,
                "received_date": got if received and got >= requested else None,
                "mode_of_death": mode,
                "attempted_resuscitation": "yes" if sudden else "no",
                "events": ["sudden_unexpected_death_in_infancy"] if sudden else [],
            }
        )
    return out


def year_2016(
    nhs: Iterator[str] | None = None, agencies: tuple[int, ...] = ()
) -> tuple[list[dict], list[dict]]:
    """(meetings, cases) of the 2016-17 year: 6 meetings, 48 reviewed deaths."""
    nhs = nhs or synthetic_nhs_numbers()
    meetings = [{"meeting_date": d, "quorate": True} for d in MEETING_DATES_2016]
    slots = [(band, expected) for band, expected, count in PROFILE_2016 for _ in range(count)]
    cases = []
    for n, (band, expected) in enumerate(slots):
        meeting = n % len(MEETING_DATES_2016)
        held = MEETING_DATES_2016[meeting]
        died = held - dt.timedelta(days=80 + (n * 37) % 200)
        case = _case(next(nhs), n, band, expected, died, agencies)
        category, applicable = _category(band, expected, n)
        sudden = category == "sudden_unexpected_unexplained"
        if sudden:
            case["place_of_death"] = "home"
        case["reports"] = _reports(
            died, held - dt.timedelta(days=7), _mode(expected, sudden), agencies
        )
        case["review"] = _review(category, applicable, band, expected, n, meeting, held)
        cases.append(case)
    return meetings, cases


def current(
    today: dt.date, nhs: Iterator[str], agencies: tuple[int, ...] = ()
) -> tuple[list[dict], list[dict]]:
    """A planned meeting after ``today`` and open cases for the work lists."""
    meetings = [{"meeting_date": today + dt.timedelta(days=28), "notes": "Next panel"}]
    cases = []
    for n, (ago, kind) in enumerate(
        ((400, "ready"), (200, "awaiting"), (60, "awaiting"), (30, "ready"), (3, "new"))
    ):
        died = today - dt.timedelta(days=ago)
        band, expected = (("28_364_days", "unexpected"), ("15_17_years", "expected"))[n % 2]
        case = _case(next(nhs), 100 + n, band, expected, died, agencies)
        case["notification_date"] = min(today, died + dt.timedelta(days=1))
        sudden = band == "28_364_days"
        if kind == "ready":
            case["reports"] = _reports(died, today, _mode(expected, sudden), agencies)
            case["agenda"] = [0]
        elif kind == "awaiting":
            case["reports"] = _reports(died, today, _mode(expected, sudden), agencies, False)
        cases.append(case)
    return meetings, cases


def records(today: dt.date, agencies: tuple[int, ...] = ()) -> tuple[list[dict], list[dict]]:
    """(meetings, cases) for ``service.load_cases``: the 2016-17 year (what has happened
    by ``today``) and, when ``today`` is after it, current open cases. ``agencies``: core
    agency ids to name as notifying and reporting agencies (else reports name agencies
    in free text and notifications stay incomplete)."""
    nhs = synthetic_nhs_numbers()
    meetings, cases = year_2016(nhs, agencies)
    kept_meetings = [m for m in meetings if m["meeting_date"] <= today]
    kept = []
    for case in cases:
        if case["review"]["review_completed_date"] <= today:
            kept.append(case)
        elif case["notification_date"] <= today:  # not yet reviewed by today: an open case
            case = {k: v for k, v in case.items() if k != "review"}
            case["reports"] = [
                {**r, "received_date": _by(r["received_date"], today)}
                for r in case["reports"]
                if r["requested_date"] <= today
            ]
            kept.append(case)
    if today > dt.date(2017, 3, 31):
        more_meetings, more = current(today, nhs, agencies)
        offset = len(kept_meetings)
        for case in more:
            case["agenda"] = [offset + i for i in case.get("agenda", [])]
        kept_meetings += more_meetings
        kept += more
    return kept_meetings, kept


def _by(when: dt.date | None, today: dt.date) -> dt.date | None:
    return when if when is not None and when <= today else None
