"""LADO validation (SPEC §1.4), timescales (§1.5) and retention (§1.6, §8.5).

``validate`` takes plain values (a contact dict with model field names, plus
its meetings and actions) and returns ``Problem``s; it never raises, whatever
it is given, so the form, the import and the service can all call it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from dateutil.relativedelta import relativedelta

from hscb_desktop.core.calendar import WorkingCalendar, add_months
from hscb_desktop.core.coerce import as_bool  # noqa: F401 - records reads rules.as_bool
from hscb_desktop.core.coerce import (MAX_INT, UNSTORABLE, as_codes, as_date, as_text, read_fields,
                                      storable)
from hscb_desktop.core.coerce import get as _get
from hscb_desktop.core.validation import Problem, error, warning
from hscb_desktop.core.vocab import ETHNICITY, SEX, TRISTATE
from hscb_desktop.domains.lado import vocab as V

DEFAULT_PENSION_AGE = 67
RETENTION_YEARS = 10

# Coded single-value fields and their lists.
_CODED = {
    "contact_method": V.CONTACT_METHODS,
    "referral_source_type": V.REFERRAL_SOURCES,
    "employment_sector": V.EMPLOYMENT_SECTORS,
    "setting_type": V.SETTING_TYPES,
    "subject_employment_basis": V.EMPLOYMENT_BASIS,
    "previous_allegations_known": TRISTATE,
    "followed_physical_intervention": TRISTATE,
    "outcome": V.OUTCOMES,
    "outcome_scheme_version": V.OUTCOME_SCHEMES,
    "closure_reason": V.CLOSURE_REASONS,
    "subject_sex": SEX,
    "subject_ethnicity": ETHNICITY,
}
_DATES = (
    "date_received",
    "date_allegation_known",
    "date_of_incident",
    "threshold_decision_date",
    "outcome_date",
    "date_closed",
    "subject_dob",
)
_BOOLS = (
    "subject_named",
    "threshold_met",
    "more_than_one_subject",
    "police_involved",
    "s47_enquiry",
)
_TEXT_LIMITS = {
    "ref": 20,
    "employer_name": 200,
    "referrer_name": 200,
    "referrer_role": 200,
    "subject_role": 100,
    "linked_case_ref": 20,
    "lado_officer": 120,
    "subject_name": 200,
    "allegation_details": 20000,
    "lessons_learned": 20000,
    "subject_other_roles": 2000,
}


def _rows(rows: Any) -> list[Any]:
    try:
        return [r for r in (rows or []) if isinstance(r, Mapping)]
    except TypeError:
        return []


# -- the rules --------------------------------------------------------------------


def validate(
    contact: Mapping[str, Any],
    meetings: Iterable[Mapping[str, Any]] = (),
    actions: Iterable[Mapping[str, Any]] = (),
    today: dt.date | None = None,
    calendar: WorkingCalendar | None = None,
) -> list[Problem]:
    try:
        return _validate(contact, meetings, actions, today, calendar)
    except Exception as exc:  # noqa: BLE001 - a last resort: rules must only report
        return [error("", f"The record could not be checked ({type(exc).__name__}).")]


def _validate(contact, meetings, actions, today, calendar) -> list[Problem]:
    if not isinstance(contact, Mapping):
        return [error("", "The record is missing.")]
    today, _ = as_date(today)
    if today is None:  # KP-5: the caller passes the clock's date; never read the time here
        return [error("", "No reference date was given to check the record against.")]
    d, problems = read_fields(contact, _DATES, _BOOLS, _CODED, _TEXT_LIMITS)
    for name, low, what in (
        ("child_count", 0, "The number of children must be a whole number, 0 or more."),
        ("referrer_agency_id", 1, "Choose the referrer's agency from the list."),
    ):
        value = contact.get(name)
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or not low <= value <= MAX_INT
        ):
            problems.append(error(name, what))

    categories, ok = as_codes(contact.get("abuse_category"))
    if not ok or any(c not in V.ABUSE_CATEGORIES for c in categories):
        problems.append(error("abuse_category", "Choose categories from the list."))
        categories = [c for c in categories if c in V.ABUSE_CATEGORIES]
    criteria, ok = as_codes(contact.get("harm_criteria"))
    if not ok or any(c not in V.HARM_CRITERIA for c in criteria):
        problems.append(error("harm_criteria", "Choose harm criteria from the list."))
        criteria = [c for c in criteria if c in V.HARM_CRITERIA]

    # Required whatever the state.
    flagged = {p.field for p in problems}
    if d["date_received"] is None and "date_received" not in flagged:
        problems.append(error("date_received", "Enter the date the LADO received the referral."))
    if not d["employer_name"] and "employer_name" not in flagged:
        problems.append(
            error(
                "employer_name",
                "Enter the employer or organisation (even for an anonymous consultation).",
            )
        )
    for name, what in (
        ("referral_source_type", "who made the referral"),
        ("employment_sector", "the employment sector"),
    ):
        if d[name] is None and name not in flagged:
            problems.append(error(name, f"Choose {what}."))
    if d["threshold_met"] is None and "threshold_met" not in flagged:
        problems.append(error("threshold_met", "Say whether the allegation met the threshold."))
    if d["subject_named"] is False and d["subject_name"]:
        problems.append(
            error("subject_named", "A subject's name is recorded, so the subject is named.")
        )

    problems += _date_order(d, today, _rows(meetings), _rows(actions))
    problems += _state(d, categories, criteria)
    problems += _warnings(d, _rows(actions), calendar)
    return problems


def _date_order(d, today, meetings, actions) -> list[Problem]:
    """Rules 1 and 2: nothing happens before it could have."""
    out: list[Problem] = []
    received, known, incident = (
        d["date_received"],
        d["date_allegation_known"],
        d["date_of_incident"],
    )
    if received and received > today:
        out.append(error("date_received", "The date received cannot be in the future."))
    if known and received and known > received:
        out.append(
            error(
                "date_allegation_known",
                "The allegation cannot become known after the LADO received the referral.",
            )
        )
    if incident and known and incident > known:
        out.append(
            error("date_of_incident", "The incident cannot be after the allegation became known.")
        )
    elif incident and received and incident > received:
        out.append(
            error("date_of_incident", "The incident cannot be after the referral was received.")
        )
    for name in ("outcome_date", "date_closed", "threshold_decision_date"):
        when = d[name]
        if when and received and when < received:
            out.append(error(name, "This date cannot be before the date received."))
        elif when and when > today:
            out.append(error(name, "This date cannot be in the future."))
    if d["outcome_date"] and d["date_closed"] and d["outcome_date"] > d["date_closed"]:
        out.append(error("outcome_date", "The outcome date cannot be after the case was closed."))
    if d["subject_dob"] and (
        d["subject_dob"] > today or (received and d["subject_dob"] > received)
    ):
        out.append(error("subject_dob", "The date of birth cannot be after the referral."))
    for kind, rows, field, type_field, codes in (
        ("meeting", meetings, "meeting_date", "meeting_type", V.MEETING_TYPES),
        ("action", actions, "action_date", "action_type", V.ACTION_TYPES),
    ):
        for row in rows:
            code = row.get(type_field)
            if not (isinstance(code, str) and code in codes):
                out.append(error(type_field, f"Choose the {kind} type from the list."))
            why = as_text(row.get("notes"), 20000)[1]  # stored as given: text only
            if why:
                out.append(error("notes", f"A {kind}'s notes {why}."))
            present = row.get("agencies_present")
            if kind == "meeting" and present is not None and not (
                isinstance(present, str) and storable(present)
                or isinstance(present, (list, tuple)) and all(
                    isinstance(v, int) and not isinstance(v, bool) for v in present)
            ):
                out.append(error("agencies_present", "Choose the agencies present from the list."))
            when, why = as_date(row.get(field))
            if why:
                out.append(error(field, f"A {kind} date {why}."))
            elif when is None and kind == "meeting":
                out.append(error(field, "Enter the meeting date."))
            elif when and received and when < received:
                out.append(
                    error(field, f"A {kind} date ({when:%d/%m/%Y}) is before the date received.")
                )
    return out


def _state(d, categories, criteria) -> list[Problem]:
    """Rules 3 and 4: what the chosen state requires."""
    out: list[Problem] = []
    outcome, closed = d["outcome"], d["date_closed"]
    if d["threshold_met"]:
        if not categories:
            out.append(
                error("abuse_category", "A threshold case needs at least one category of harm.")
            )
        if not criteria:
            out.append(
                error("harm_criteria", "A threshold case needs at least one harm criterion.")
            )
        if closed and not outcome:
            out.append(error("outcome", "Record the outcome before closing a threshold case."))
        elif closed and outcome == "ongoing":
            out.append(error("outcome", "A closed case cannot have the outcome 'ongoing'."))
        if outcome == "not_applicable_consultation":
            out.append(error("outcome", "'Not applicable' is only for consultations."))
        if outcome == "unfounded" and d["outcome_scheme_version"] == "kcsie_2016":
            out.append(error("outcome", "'Unfounded' is not an outcome under KCSIE 2016."))
    elif d["threshold_met"] is False and outcome not in (None, "not_applicable_consultation"):
        out.append(error("outcome", "A consultation's outcome must be blank or 'Not applicable'."))
    return out


def is_teacher(role: str | None) -> bool:
    return bool(role) and "teach" in role.lower()


def _warnings(d, actions, calendar) -> list[Problem]:
    """Rules 5 to 9: warn, do not block."""
    out: list[Problem] = []
    kinds = {row.get("action_type") for row in actions if isinstance(row.get("action_type"), str)}
    outcome = d["outcome"]
    if outcome == "substantiated" and kinds & V.LEAVING_ACTIONS and "dbs_referral" not in kinds:
        out.append(
            warning(
                "outcome",
                "Substantiated, and the person left or was dismissed: a referral "
                "to the DBS is a legal duty. Record the DBS referral action.",
            )
        )
    school = d["setting_type"] in V.SCHOOL_SETTINGS or d["employment_sector"] in (
        "education_school",
        "education_fe",
    )
    if (
        outcome == "substantiated"
        and school
        and is_teacher(d["subject_role"])
        and "tra_referral" not in kinds
    ):
        out.append(
            warning(
                "outcome",
                "Substantiated against a teacher: record the decision on a "
                "referral to the Teaching Regulation Agency.",
            )
        )
    if outcome in ("malicious", "false"):
        out.append(
            warning(
                "outcome",
                "The allegation was found malicious or false: the employer should "
                "remove it from the personnel record (unless the person consents "
                "to its retention).",
            )
        )
    foster = (
        d["subject_employment_basis"] == "foster_carer"
        or d["setting_type"] == "foster_care"
        or d["employment_sector"] in ("foster_care_la", "foster_care_ifa")
    )
    if (
        V.sector_group(d["employment_sector"]) == "social_care"
        and foster
        and "fostering_panel_review" not in kinds
    ):
        out.append(
            warning(
                "subject_employment_basis",
                "The subject is a foster carer: record the Fostering Panel / IRO review.",
            )
        )
    known, received = d["date_allegation_known"], d["date_received"]
    if known and received and known <= received:
        days = (calendar or WorkingCalendar(())).working_days_between(known, received)
        if days > 1:
            out.append(
                warning(
                    "date_received",
                    f"Referred {days} working days after the allegation "
                    "became known; the target is 1 working day.",
                )
            )
    return out


# -- retention (§1.6, §8.5) -------------------------------------------------------


def validate_hold_reason(reason: Any) -> list[Problem]:
    """A retention hold (§8.5) needs a reason, and it is stored on the contact."""
    text = reason if isinstance(reason, str) else ""
    if not text.strip():
        return [error("retention_hold_reason", "Give a reason for the retention hold.")]
    if not storable(text):
        return [error("retention_hold_reason", f"The reason {UNSTORABLE}.")]
    return []


def retention_review_date(
    date_received: dt.date, dob: dt.date | None, pension_age: int = DEFAULT_PENSION_AGE
) -> tuple[dt.date, bool]:
    """(review date, dob_unknown): the later of DOB + pension age and received + 10 years."""
    ten_years = date_received + relativedelta(years=RETENTION_YEARS)
    if dob is None:
        return ten_years, True
    return max(ten_years, dob + relativedelta(years=pension_age)), False


# -- timescales (§1.5) ------------------------------------------------------------

TIMELINESS_MONTHS = (1, 3, 12)


def days_open(date_received: dt.date, date_closed: dt.date | None, today: dt.date) -> int:
    """Days from receipt to closure, or to today while open."""
    return ((date_closed or today) - date_received).days


def resolved_within(date_received: dt.date, date_closed: dt.date, months: int) -> bool:
    return date_closed <= add_months(date_received, months)


def timeliness_band(date_received: dt.date, date_closed: dt.date) -> str:
    """'1 month', '3 months', '12 months' or 'over 12 months' for a concluded case."""
    for months in TIMELINESS_MONTHS:
        if resolved_within(date_received, date_closed, months):
            return f"{months} month" + ("s" if months > 1 else "")
    return "over 12 months"


def timeliness_mark(date_received: dt.date, date_closed: dt.date | None, today: dt.date) -> str:
    """'>12m', '>3m', '>1m' or '' for how long a case is (or was) open."""
    end = date_closed or today
    for months in reversed(TIMELINESS_MONTHS):
        if end > add_months(date_received, months):
            return f">{months}m"
    return ""
