"""CDOP validation (SPEC §3.4), the NHS number check, age at death (§3.3.7), the category
and SUDI suggestions (§3.3.1, §3.2) and the age of open cases (§3.5, §8.10).

The ``validate_*`` functions take plain values (dicts keyed by field names, as the form,
the import and the service hold them) and return ``Problem``s; they never raise, whatever
they are given. The suggestions are pure functions of plain values.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Any

from dateutil.relativedelta import relativedelta

from hscb_desktop.core.calendar import add_months
from hscb_desktop.core.coerce import as_bool  # noqa: F401 - records and service read it
from hscb_desktop.core.coerce import as_codes as _as_codes
from hscb_desktop.core.coerce import MAX_INT, as_date
from hscb_desktop.core.coerce import read_fields as _read
from hscb_desktop.core.validation import Problem, error, warning
from hscb_desktop.core.vocab import ETHNICITY, SEX
from hscb_desktop.domains.cdop import vocab as V

MAX_AGE_YEARS = 18  # reviews cover children from birth up to 18 (S-C15)
SUDI_MIN_DAYS, SUDI_MAX_DAYS = 7, 365  # SUDI: infants aged 7-365 days (S-C22)
OPEN_FLAG_MONTHS = (6, 12)  # §8.10: flag open cases at 6 and 12 months since death

# -- NHS number (§3.4 rule 7) -----------------------------------------------------------

_NHS_SEPARATORS = re.compile(r"[\s-]+")


def normalise_nhs(value: Any) -> str | None:
    """The number as 10 bare digits when it is written with spaces or hyphens
    ("943 476 5919"); None when blank; otherwise text that fails the check."""
    if value is None:
        return None
    if not isinstance(value, str):  # typed as text, so a number (no leading zeros) is refused
        return f"?{value!r}"
    bare = _NHS_SEPARATORS.sub("", value)
    return bare or None


def nhs_check_digit(first_nine: str) -> int | None:
    """The modulus-11 check digit of nine digits (weights 10 down to 2): 11 - (sum % 11),
    where 11 becomes 0; None when it would be 10 (no valid number has those nine digits)."""
    if not (isinstance(first_nine, str) and len(first_nine) == 9 and first_nine.isdigit()):
        return None
    if not first_nine.isascii():
        return None
    total = sum(int(d) * w for d, w in zip(first_nine, range(10, 1, -1)))
    check = 11 - total % 11
    if check == 11:
        return 0
    return None if check == 10 else check


def nhs_number_valid(value: Any) -> bool:
    """Ten digits whose last is the check digit of the first nine."""
    number = normalise_nhs(value)
    if not (number and len(number) == 10 and number.isascii() and number.isdigit()):
        return False
    check = nhs_check_digit(number[:9])
    return check is not None and check == int(number[9])


# -- age at death (§3.3.7) ----------------------------------------------------------------


def age_at_death(date_of_birth: dt.date, date_of_death: dt.date) -> tuple[int, int]:
    """(age in days, completed years) at the date of death."""
    return (date_of_death - date_of_birth).days, relativedelta(date_of_death, date_of_birth).years


def age_band(date_of_birth: dt.date, date_of_death: dt.date) -> str:
    """The §3.3.7 band: by days for the under-1s, by completed years otherwise."""
    days, years = age_at_death(date_of_birth, date_of_death)
    return band_of(days, years)


def band_of(days: int, years: int) -> str:
    if years < 1:
        return "0_27_days" if days < 28 else "28_364_days"
    if years < 5:
        return "1_4_years"
    if years < 10:
        return "5_9_years"
    if years < 15:
        return "10_14_years"
    return "15_17_years"


def age_text(days: int | None, years: int | None) -> str:
    """Age at death for the panel pack without the exact date of birth: days under 28
    days, completed weeks under 13 weeks, completed months under 2 years, else years."""
    if days is None or years is None:
        return ""
    if days < 28:
        return f"{days} day" + ("" if days == 1 else "s")
    if days < 91:
        weeks = days // 7
        return f"{weeks} weeks"
    if years < 2:
        months = days * 12 // 365
        return f"{max(1, months)} month" + ("" if months == 1 else "s")
    return f"{years} years"


# -- suggestions ------------------------------------------------------------------------


def suggest_category(applicable: Iterable[Any] | None) -> str | None:
    """Of the categories the panel ticked as applicable, the highest in the §3.3.1
    hierarchy (§8.9); None when none of them is a category."""
    try:
        ticked = {c for c in (applicable or ()) if isinstance(c, str)}
    except TypeError:
        return None
    for code in V.CATEGORIES:
        if code in ticked:
            return code
    return None


def suggest_sudi(age_days: Any, expected_or_unexpected: Any, sudden: Any) -> bool:
    """SUDI: an infant aged 7-365 days whose death was unexpected and sudden (S-C22).
    Deaths under 7 days are SUEND, not SUDI."""
    if isinstance(age_days, bool) or not isinstance(age_days, int):
        return False
    return (
        SUDI_MIN_DAYS <= age_days <= SUDI_MAX_DAYS
        and expected_or_unexpected == "unexpected"
        and sudden is True
    )


def sudden_from_reports(reports: Iterable[Mapping[str, Any]]) -> bool | None:
    """Whether the agency reports describe a sudden death (found dead or collapsed, or a
    sudden infant death event); None when no report gives a mode of death or event."""
    found = None
    for report in reports or ():
        if not isinstance(report, Mapping):
            continue
        mode = report.get("mode_of_death")
        events = report.get("events") or ()
        if mode in V.SUDDEN_MODES or any(
            e in V.SUDDEN_EVENTS for e in events if isinstance(e, str)
        ):
            return True
        if isinstance(mode, str) and mode in V.MODES_OF_DEATH:
            found = False
    return found


# -- age of open cases (§3.5, §8.10) -----------------------------------------------------


def days_since_death(date_of_death: dt.date, today: dt.date) -> int:
    return (today - date_of_death).days


def open_flag(date_of_death: dt.date, today: dt.date) -> str:
    """'>12m', '>6m' or '' for how long a case has been open since the death
    (calendar months, §0.2)."""
    for months in reversed(OPEN_FLAG_MONTHS):
        if today > add_months(date_of_death, months):
            return f">{months}m"
    return ""


# -- coercion: the shared readers (core.coerce) never raise; CDOP stores codes as text --


def as_codes(value: Any) -> tuple[list[str], bool]:
    """A multi-select value as a list of strings (comma-separated text too)."""
    return _as_codes(value, split_text=True)


_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def as_time(value: Any) -> tuple[str | None, str | None]:
    """'HH:MM' text (a ``datetime.time`` is accepted too)."""
    if value is None or value == "":
        return None, None
    if isinstance(value, dt.time):
        return value.strftime("%H:%M"), None
    if isinstance(value, str) and _TIME.match(value.strip()):
        return value.strip(), None
    return None, "Enter the time as HH:MM (24-hour clock)."


def _agency_id_ok(value: Any) -> bool:
    return value is None or (
        isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_INT
    )


def _guard(check, *args) -> list[Problem]:
    try:
        return check(*args)
    except Exception as exc:  # noqa: BLE001 - a last resort: rules must only report
        return [error("", f"The record could not be checked ({type(exc).__name__}).")]


# -- the notification (§3.4 rules 1, 2, 3, 7) ---------------------------------------------

_DEATH_DATES = ("date_of_birth", "date_of_death", "notification_date")
_DEATH_BOOLS = (
    "live_born",
    "normally_resident_in_area",
    "unexpected_confirmed_by_designated_doctor",
    "joint_agency_response",
    "post_mortem_required",
    "coroner_involved",
    "inquest",
    "looked_after",
    "child_protection_plan",
    "child_in_need",
)
_DEATH_CODED = {
    "sex": SEX,
    "ethnicity": ETHNICITY,
    "place_of_death": V.PLACES_OF_DEATH,
    "expected_or_unexpected": V.EXPECTED,
}
DEATH_TEXT_LIMITS = {
    "cdop_ref": 20,
    "forenames": 200,
    "family_name": 200,
    "home_postcode": 10,
    "la_of_residence": 100,
    "place_of_death_other": 200,
    "circumstances_summary": 20000,
}

# What a notification needs before the case can go to panel (§3.2; "as fully as possible").
NOTIFICATION_FIELDS = {
    "forenames": "the child's forenames",
    "family_name": "the child's family name",
    "nhs_number": "the NHS number",
    "date_of_birth": "the date of birth",
    "sex": "the child's sex",
    "ethnicity": "the child's ethnicity",
    "la_of_residence": "the local authority of residence",
    "place_of_death": "the place of death",
    "expected_or_unexpected": "whether the death was expected",
    "notification_date": "the notification date",
    "notified_by_agency_id": "the notifying agency",
}


def validate_death(
    death: Mapping[str, Any], today: Any, duplicates: Iterable[str] = ()
) -> list[Problem]:
    """Problems with a notification. ``duplicates``: the references of other cases with
    the same NHS number (the service finds them), reported as a warning."""
    return _guard(_validate_death, death, today, duplicates)


def _validate_death(death, today, duplicates) -> list[Problem]:
    if not isinstance(death, Mapping):
        return [error("", "The record is missing.")]
    today, _ = as_date(today)
    if today is None:  # KP-5: the caller passes the clock's date
        return [error("", "No reference date was given to check the record against.")]
    d, problems = _read(death, _DEATH_DATES, _DEATH_BOOLS, _DEATH_CODED, DEATH_TEXT_LIMITS)
    flagged = {p.field for p in problems}
    d["time_of_death"], why = as_time(death.get("time_of_death"))
    if why:
        problems.append(error("time_of_death", why))
    if not _agency_id_ok(death.get("notified_by_agency_id")):
        problems.append(
            error("notified_by_agency_id", "Choose the notifying agency from the list.")
        )

    for name, what in (
        ("date_of_birth", "Enter the child's date of birth."),
        ("date_of_death", "Enter the date of death."),
        ("notification_date", "Enter the date CDOP was notified."),
        ("expected_or_unexpected", "Say whether the death was expected or unexpected."),
    ):
        if d[name] is None and name not in flagged:
            problems.append(error(name, what))

    # Rule 2: live births only, under 18.
    if d["live_born"] is not True and "live_born" not in flagged:
        problems.append(
            error(
                "live_born",
                "Only children born alive are reviewed: stillbirths, late foetal losses and "
                "terminations are not notified to CDOP. Confirm the child was born alive.",
            )
        )
    born, died, notified = d["date_of_birth"], d["date_of_death"], d["notification_date"]
    # Rule 1: birth <= death <= notification (<= review, checked with the review).
    if born and died and died < born:
        problems.append(error("date_of_death", "The date of death is before the date of birth."))
    elif born and died and born + relativedelta(years=MAX_AGE_YEARS) <= died:
        problems.append(
            error(
                "date_of_birth",
                "The child was 18 or over at death: CDOP reviews the deaths of children under 18.",
            )
        )
    if died and notified and notified < died:
        problems.append(
            error("notification_date", "The notification date is before the date of death.")
        )
    for name, label in (
        ("date_of_birth", "date of birth"),
        ("date_of_death", "date of death"),
        ("notification_date", "notification date"),
    ):
        if d[name] and d[name] > today:
            problems.append(error(name, f"The {label} cannot be in the future."))

    # Rule 3: an unexpected death needs the joint agency response decision.
    if (
        d["expected_or_unexpected"] == "unexpected"
        and d["joint_agency_response"] is None
        and "joint_agency_response" not in flagged
    ):
        problems.append(
            error(
                "joint_agency_response",
                "An unexpected death needs a joint agency response decision: "
                "say whether one was held.",
            )
        )
    if d["expected_or_unexpected"] == "expected" and d["unexpected_confirmed_by_designated_doctor"]:
        problems.append(
            warning(
                "unexpected_confirmed_by_designated_doctor",
                "The designated doctor confirmed the death as unexpected, but it is "
                "recorded as expected.",
            )
        )

    # Rule 7: the NHS number.
    nhs = normalise_nhs(death.get("nhs_number"))
    if nhs is not None and not nhs_number_valid(nhs):
        problems.append(
            error(
                "nhs_number",
                "This is not a valid NHS number: it must be 10 digits and end in the right "
                "check digit.",
            )
        )
    try:
        others = sorted({r for r in (duplicates or ()) if isinstance(r, str) and r})
    except TypeError:
        others = []
    if others and nhs is not None and nhs_number_valid(nhs):
        problems.append(
            warning(
                "nhs_number",
                f"Another case has this NHS number ({', '.join(others)}): check it is not "
                "the same death notified twice.",
            )
        )
    if d["place_of_death"] == "other" and not d["place_of_death_other"]:
        problems.append(warning("place_of_death_other", "Say where the death took place."))
    return problems


def notification_gaps(death: Mapping[str, Any]) -> list[str]:
    """Fields a complete notification still lacks (the case is not ready for panel
    until there are none)."""
    if not isinstance(death, Mapping):
        return list(NOTIFICATION_FIELDS)
    gaps = [
        name
        for name in NOTIFICATION_FIELDS
        if death.get(name) is None or (isinstance(death.get(name), str) and not death[name].strip())
    ]
    if (
        death.get("expected_or_unexpected") == "unexpected"
        and death.get("joint_agency_response") is None
    ):
        gaps.append("joint_agency_response")
    return gaps


# -- agency reports ------------------------------------------------------------------------

_REPORT_CODED = {"mode_of_death": V.MODES_OF_DEATH, "attempted_resuscitation": V.YES_NO_UNKNOWN}
REPORT_TEXT_LIMITS = {"agency_name": 200, "narrative": 50000}


def validate_report(
    report: Mapping[str, Any], death: Mapping[str, Any] | None, today: Any
) -> list[Problem]:
    """Problems with one agency report on ``death`` (a dict with ``date_of_death``)."""
    return _guard(_validate_report, report, death, today)


def _validate_report(report, death, today) -> list[Problem]:
    if not isinstance(report, Mapping):
        return [error("", "The report is missing.")]
    today, _ = as_date(today)
    if today is None:
        return [error("", "No reference date was given to check the record against.")]
    d, problems = _read(
        report, ("requested_date", "received_date"), (), _REPORT_CODED, REPORT_TEXT_LIMITS
    )
    if not _agency_id_ok(report.get("agency_id")):
        problems.append(error("agency_id", "Choose the agency from the list."))
    elif report.get("agency_id") is None and not d["agency_name"]:
        problems.append(error("agency_id", "Choose the agency the report comes from."))
    events, ok = as_codes(report.get("events"))
    if not ok or any(e not in V.EVENTS for e in events):
        problems.append(error("events", "Choose events from the list."))
    died = as_date(death.get("date_of_death"))[0] if isinstance(death, Mapping) else None
    for name, label in (("requested_date", "requested"), ("received_date", "received")):
        when = d[name]
        if when and died and when < died:
            problems.append(error(name, f"The report cannot be {label} before the death."))
        elif when and when > today:
            problems.append(error(name, "This date cannot be in the future."))
    if d["requested_date"] and d["received_date"] and d["received_date"] < d["requested_date"]:
        problems.append(
            error("received_date", "The report cannot be received before it was requested.")
        )
    return problems


# -- panel meetings ------------------------------------------------------------------------


def validate_meeting(meeting: Mapping[str, Any]) -> list[Problem]:
    return _guard(_validate_meeting, meeting)


def _validate_meeting(meeting) -> list[Problem]:
    if not isinstance(meeting, Mapping):
        return [error("", "The meeting is missing.")]
    d, problems = _read(meeting, ("meeting_date",), ("quorate",), {}, {"notes": 20000})
    if d["meeting_date"] is None and "meeting_date" not in {p.field for p in problems}:
        problems.append(error("meeting_date", "Enter the meeting date."))
    return problems


# -- the review (§3.4 rules 1, 4, 5, 6) ----------------------------------------------------

_REVIEW_CODED = {
    "category_of_death": V.CATEGORIES,
    "domain_scheme": V.DOMAIN_SCHEMES,
    "modifiable_factors": V.MODIFIABLE,
    **{name: V.DOMAIN_SCORES for name in V.DOMAIN_FIELDS},
    **{name: V.YES_NO_UNKNOWN for name in V.TRISTATE_FACTORS},
}
_REVIEW_BOOLS = ("sudden_death", "sudi", "scr_considered", "scr_held")
REVIEW_TEXT_LIMITS = {
    "cause_of_death_text": 5000,
    "modifiable_factors_text": 20000,
    "recommendations": 50000,
}
REVIEW_LISTS = {
    "categories_applicable": V.CATEGORIES,
    "factors": V.FACTORS,
    "agencies_represented": V.AGENCIES_REPRESENTED,
}


def validate_review(
    review: Mapping[str, Any],
    death: Mapping[str, Any] | None,
    today: Any,
    meeting_date: Any = None,
) -> list[Problem]:
    """Problems with a review of ``death`` (a dict with the notification's dates,
    ``expected_or_unexpected`` and ``age_days`` or ``date_of_birth``). ``meeting_date``:
    the date of the panel meeting the review is recorded against."""
    return _guard(_validate_review, review, death, today, meeting_date)


def _death_age_days(death: Mapping[str, Any]) -> int | None:
    days = death.get("age_days")
    if isinstance(days, int) and not isinstance(days, bool):
        return days
    born, died = as_date(death.get("date_of_birth"))[0], as_date(death.get("date_of_death"))[0]
    try:
        return (died - born).days if born and died else None
    except (TypeError, ValueError):
        return None


def _validate_review(review, death, today, meeting_date) -> list[Problem]:
    if not isinstance(review, Mapping):
        return [error("", "The review is missing.")]
    today, _ = as_date(today)
    if today is None:
        return [error("", "No reference date was given to check the record against.")]
    death = death if isinstance(death, Mapping) else {}
    d, problems = _read(
        review, ("review_completed_date",), _REVIEW_BOOLS, _REVIEW_CODED, REVIEW_TEXT_LIMITS
    )
    lists: dict[str, list[str]] = {}
    for name, codes in REVIEW_LISTS.items():
        values, ok = as_codes(review.get(name))
        if not ok or any(v not in codes for v in values):
            problems.append(error(name, "Choose from the list."))
        lists[name] = [v for v in values if v in codes]
    meeting_id = review.get("panel_meeting_id")
    if meeting_id is not None and not (
        isinstance(meeting_id, int) and not isinstance(meeting_id, bool)
        and 1 <= meeting_id <= MAX_INT
    ):
        problems.append(error("panel_meeting_id", "Choose the panel meeting from the list."))
    meeting_date = as_date(meeting_date)[0]

    completed = d["review_completed_date"]
    notified = as_date(death.get("notification_date"))[0]
    died = as_date(death.get("date_of_death"))[0]
    expected = death.get("expected_or_unexpected")
    category = d["category_of_death"]
    age_days = _death_age_days(death)

    # Rule 1 (the review's end of it): notification <= review completed, and not ahead of today.
    if completed and notified and completed < notified:
        problems.append(
            error(
                "review_completed_date",
                "The review cannot be completed before the death was notified.",
            )
        )
    elif completed and died and completed < died:
        problems.append(
            error("review_completed_date", "The review cannot be completed before the death.")
        )
    if completed and completed > today:
        problems.append(
            error("review_completed_date", "The review completed date cannot be in the future.")
        )
    if completed and meeting_date and completed < meeting_date:
        problems.append(
            warning(
                "review_completed_date",
                "The review is completed before the panel meeting it is recorded against.",
            )
        )
    if completed and meeting_id is None:
        problems.append(
            warning("panel_meeting_id", "Choose the panel meeting that completed the review.")
        )

    # Rule 6 (and the category the returns count): what completing a review needs.
    if (
        completed
        and d["modifiable_factors"] is None
        and "modifiable_factors" not in {p.field for p in problems}
    ):
        problems.append(
            error(
                "modifiable_factors",
                "Record the panel's decision on modifiable factors to complete the review.",
            )
        )
    if completed and category is None and "category_of_death" not in {p.field for p in problems}:
        problems.append(
            error("category_of_death", "Choose the category of death to complete the review.")
        )
    if d["modifiable_factors"] == "insufficient_information" and not d["modifiable_factors_text"]:
        problems.append(
            error(
                "modifiable_factors_text",
                "Say why there is insufficient information to decide on modifiable factors.",
            )
        )

    # Rule 4: sudden unexpected, unexplained needs an unexpected death.
    if category == "sudden_unexpected_unexplained" and expected == "expected":
        problems.append(
            error(
                "category_of_death",
                "'Sudden unexpected, unexplained death' cannot be the category of an expected "
                "death.",
            )
        )
    # Rule 5: perinatal / neonatal events over one year of age.
    if category == "perinatal_neonatal_event" and age_days is not None and age_days > 364:
        problems.append(
            warning(
                "category_of_death",
                "A perinatal/neonatal event is the category of a child over one year old: "
                "check the category.",
            )
        )
    # §8.9: the highest applicable category is the one recorded.
    highest = suggest_category(lists["categories_applicable"])
    if category and highest and category != highest:
        problems.append(
            warning(
                "category_of_death",
                f"'{V.CATEGORIES.label(highest)}' is ticked as applicable and is higher in the "
                "hierarchy: the panel records the highest applicable category.",
            )
        )
    if d["scr_held"] and d["scr_considered"] is False:
        problems.append(
            error("scr_considered", "A serious case review was held, so it was considered.")
        )
    factors = set(lists["factors"])
    for question, factor in V.TRISTATE_FACTORS.items():
        if d[question] == "no" and factor in factors:
            problems.append(
                warning(
                    question,
                    f"'{V.FACTORS.label(factor)}' is ticked as a factor but answered 'No' here.",
                )
            )
    if d["sudi"] and age_days is not None and not SUDI_MIN_DAYS <= age_days <= SUDI_MAX_DAYS:
        problems.append(
            warning("sudi", "SUDI is for infants aged 7 to 365 days; check the answer.")
        )
    return problems
