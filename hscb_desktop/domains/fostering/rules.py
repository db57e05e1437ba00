"""Private fostering validation (SPEC §2.5) and due-date arithmetic (§2.6, §8.7).

The ``validate_*`` functions take plain values (dicts keyed by the record fields,
child identity under ``child_*`` keys, carer under ``carer_*``) and return
``Problem``s; they never raise, whatever they are given, so the form, the import
and the service can all call them. The due-date functions are pure arithmetic on
dates; ``due`` applies them to the store.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from hscb_desktop.core.calendar import WorkingCalendar
from hscb_desktop.core.coerce import as_bool, as_codes, as_date, as_int, as_text
from hscb_desktop.core.dates import format_uk
from hscb_desktop.core.validation import Problem, error, warning
from hscb_desktop.core.vocab import ETHNICITY, SEX
from hscb_desktop.domains.fostering import vocab as V

PF_AGE_LIMIT = 16  # under 16 ...
PF_AGE_LIMIT_DISABLED = 18  # ... or under 18 if disabled (SPEC §2.1)
MIN_DURATION_DAYS = 28  # 28 days or more (SPEC §2.1, §2.5.2)
ADVANCE_NOTICE_DAYS = 42  # 6 weeks before the start (SPEC §2.2, §2.5.5)
EMERGENCY_NOTICE_DAYS = 2  # within 48 hours of the child's arrival
INITIAL_VISIT_WORKING_DAYS = 7  # SPEC §2.3 (reg 4 / reg 7)
FIRST_YEAR_WEEKS = 6  # reg 8(1)(a)
LATER_YEARS_WEEKS = 12  # reg 8(1)(b)
DEFAULT_ASSESSMENT_DAYS = 42  # SPEC §8.7, setting pf_assessment_days

CLOSE_RELATIVE_MESSAGE = (
    "A close relative (grandparent, brother, sister, aunt, uncle or step-parent) is not a "
    "private foster carer, so this is not private fostering. Close the enquiry with the "
    "outcome 'Not a private fostering arrangement' (reason: close relative) instead."
)

# -- ages and birthdays ------------------------------------------------------------


def anniversary(dob: dt.date, years: int) -> dt.date:
    """The day a person born on ``dob`` attains ``years``; a 29 February birthday falls on
    1 March in a common year (Family Law Reform Act 1969 s9: the anniversary's start)."""
    year = dob.year + years
    if dob.month == 2 and dob.day == 29 and not _calendar.isleap(year):
        return dt.date(year, 3, 1)
    return dob.replace(year=year)


def age_on(dob: dt.date, day: dt.date) -> int:
    """Completed years on ``day`` (consistent with ``anniversary``)."""
    years = day.year - dob.year
    if years > 0 and day < anniversary(dob, years):
        years -= 1
    return years


def age_limit(disabled: bool | None) -> int:
    return PF_AGE_LIMIT_DISABLED if disabled else PF_AGE_LIMIT


def ceases_on(dob: dt.date, disabled: bool | None) -> dt.date:
    """The day the child turns 16 (18 if disabled): private fostering ends then."""
    return anniversary(dob, age_limit(disabled))


# -- notice (§2.5.5) ----------------------------------------------------------------


def notice_given_in_time(
    notification_type: Any, notifier_type: Any, date_received: Any, intended_start_date: Any
) -> str:
    """'yes', 'no' or 'unknown' (TRISTATE): whether the notification came in time.

    Advance proposal: at least 6 weeks before the start (the carer's duty; for anyone else
    6 weeks is in time and less is 'unknown', as they must only notify as soon as possible).
    Emergency placement: within 48 hours of the child's arrival (the start date).
    An existing arrangement that was not notified was, by definition, not notified in time.
    """
    received, _ = as_date(date_received)
    start, _ = as_date(intended_start_date)
    if notification_type == "existing_arrangement_not_notified":
        return "no"
    if received is None or start is None:
        return "unknown"
    if notification_type == "advance_proposal":
        if (start - received).days >= ADVANCE_NOTICE_DAYS:
            return "yes"
        return "no" if notifier_type == "proposed_carer" else "unknown"
    if notification_type == "emergency_placement":
        return "yes" if (received - start).days <= EMERGENCY_NOTICE_DAYS else "no"
    return "unknown"


# -- due dates (§2.6, §8.7) ------------------------------------------------------------


def initial_visit_due(notified: dt.date, calendar: WorkingCalendar) -> dt.date:
    """7 working days after the notification was received (bank holidays from the table)."""
    return calendar.add_working_days(notified, INITIAL_VISIT_WORKING_DAYS)


def assessment_due(notified: dt.date, days: int = DEFAULT_ASSESSMENT_DAYS) -> dt.date:
    return notified + dt.timedelta(days=int(days))


def first_year_ends(la_aware: dt.date) -> dt.date:
    """Reg 8(6): the arrangement is deemed to begin when the authority became aware; its
    first year ends a calendar year on (29 February + 1 year is 28 February, as
    ``relativedelta(years=1)``, without its cost on the due list's hot path)."""
    try:
        return la_aware.replace(year=la_aware.year + 1)
    except ValueError:  # 29 February
        return la_aware.replace(year=la_aware.year + 1, day=28)


def visit_interval_weeks(la_aware: dt.date, last_visit: dt.date) -> int:
    """6 weeks after a visit made while under a year has passed since the authority became
    aware, 12 weeks after one made from then on."""
    return FIRST_YEAR_WEEKS if last_visit < first_year_ends(la_aware) else LATER_YEARS_WEEKS


_FIRST_YEAR_GAP = dt.timedelta(weeks=FIRST_YEAR_WEEKS)  # add_weeks, without a timedelta per call
_LATER_GAP = dt.timedelta(weeks=LATER_YEARS_WEEKS)


def next_visit_due(la_aware: dt.date, last_visit: dt.date | None) -> dt.date:
    """The next regulation 8 visit. ``last_visit``: the latest statutory visit, the initial
    visit included (None before any: then 6 weeks after the authority became aware)."""
    if last_visit is None:
        return la_aware + _FIRST_YEAR_GAP
    if last_visit < first_year_ends(la_aware):
        return last_visit + _FIRST_YEAR_GAP
    return last_visit + _LATER_GAP


def reg8_schedule(
    la_aware: dt.date,
    initial_visit: dt.date | None,
    visits: Iterable[dt.date],
    stop: dt.date,
) -> list[tuple[dt.date, dt.date | None]]:
    """Every regulation 8 visit that fell due up to ``stop``, as (due date, the visit that
    answered it or None). Each due runs from the visit before it, so a late visit restarts
    the clock; the first runs from the initial visit (or the day the authority became aware)."""
    last = initial_visit
    later = sorted({v for v in visits if last is None or v > last})
    out: list[tuple[dt.date, dt.date | None]] = []
    i = 0
    while True:
        due = next_visit_due(la_aware, last)
        if due > stop:
            return out
        if i >= len(later):
            out.append((due, None))
            return out
        out.append((due, later[i]))
        last = later[i]
        i += 1


# -- the rules ----------------------------------------------------------------------

_ENQUIRY_CODED = {
    "enquirer_type": V.ENQUIRER_TYPES,
    "outcome": V.ENQUIRY_OUTCOMES,
    "not_pf_reason": V.NOT_PF_REASONS,
}
_ENQUIRY_TEXT = {"enquirer_name": 200, "other_la_name": 200, "notes": 20000, "ref": 20}

_NOTIFICATION_CODED = {
    "notifier_type": V.NOTIFIER_TYPES,
    "notification_type": V.NOTIFICATION_TYPES,
    "not_progressed_reason": V.NOT_PROGRESSED_REASONS,
    "child_sex": SEX,
    "child_ethnicity": ETHNICITY,
    "child_born_in_uk": V.BORN_IN_UK,
}
_NOTIFICATION_DATES = ("date_received", "intended_start_date", "child_date_of_birth")
_NOTIFICATION_TEXT = {
    "ref": 20,
    "notes": 20000,
    "child_name": 200,
    "child_place_of_birth": 200,
    "child_country_of_birth": 100,
    "child_religion": 100,
    "child_language": 100,
    "child_immigration_status": 200,
    "carer_name": 200,
    "carer_address": 2000,
    "carer_postcode": 12,
    "carer_phone": 40,
    "carer_household": 2000,
}

_ARRANGEMENT_CODED = {
    "carer_relationship": V.CARER_RELATIONSHIPS,
    "assessment_outcome": V.ASSESSMENT_OUTCOMES,
    "child_in_need_or_cp": V.CIN_CP,
    "end_reason": V.END_REASONS,
}
_ARRANGEMENT_DATES = (
    "start_date",
    "la_aware_date",
    "initial_visit_date",
    "dbs_carer_date",
    "dbs_household_date",
    "pnc_date",
    "assessment_completed_date",
    "end_date",
)
_ARRANGEMENT_TEXT = {"end_notified_by": 200, "new_carer_details": 2000, "notes": 20000}
_VISIT_TEXT = {"visitor": 120, "notes": 20000}


def _guarded(check, *args) -> list[Problem]:
    try:
        return check(*args)
    except Exception as exc:  # noqa: BLE001 - a last resort: rules must only report
        return [error("", f"The record could not be checked ({type(exc).__name__}).")]


def _today(today: Any) -> dt.date | None:
    return as_date(today)[0]


def _read(
    data: Mapping[str, Any],
    problems: list[Problem],
    dates: Sequence[str] = (),
    coded: Mapping[str, Any] | None = None,
    texts: Mapping[str, int] | None = None,
    bools: Sequence[str] = (),
) -> dict[str, Any]:
    """Typed values of ``data``; what cannot be read becomes None with an error."""
    d: dict[str, Any] = {}
    for name in dates:
        d[name], why = as_date(data.get(name))
        if why:
            problems.append(error(name, f"The date {why}."))
    for name in bools:
        d[name], why = as_bool(data.get(name))
        if why:
            problems.append(error(name, f"This {why}."))
    for name, codes in (coded or {}).items():
        value = data.get(name)
        d[name] = value if isinstance(value, str) and value in codes else None
        if value not in (None, "") and d[name] is None:
            problems.append(error(name, "Choose a value from the list."))
    for name, limit in (texts or {}).items():
        d[name], why = as_text(data.get(name))
        if why:
            problems.append(error(name, f"This {why}."))
        elif d[name] and len(d[name]) > limit:
            problems.append(error(name, f"This is longer than {limit} characters."))
    return d


def _not_future(d: Mapping[str, Any], names: Iterable[str], today: dt.date) -> list[Problem]:
    return [
        error(name, "This date cannot be in the future.")
        for name in names
        if d.get(name) and d[name] > today
    ]


def _flagged(problems: list[Problem]) -> set[str]:
    return {p.field for p in problems}


# Enquiries ---------------------------------------------------------------------------


def validate_enquiry(enquiry: Mapping[str, Any], today: Any = None) -> list[Problem]:
    return _guarded(_enquiry, enquiry, today)


def _enquiry(enquiry, today) -> list[Problem]:
    if not isinstance(enquiry, Mapping):
        return [error("", "The record is missing.")]
    today = _today(today)
    if today is None:  # KP-5: the caller passes the clock's date
        return [error("", "No reference date was given to check the record against.")]
    problems: list[Problem] = []
    d = _read(enquiry, problems, ("date_received",), _ENQUIRY_CODED, _ENQUIRY_TEXT)
    flagged = _flagged(problems)
    if d["date_received"] is None and "date_received" not in flagged:
        problems.append(error("date_received", "Enter the date the enquiry was received."))
    if d["enquirer_type"] is None and "enquirer_type" not in flagged:
        problems.append(error("enquirer_type", "Choose who made the enquiry."))
    problems += _not_future(d, ("date_received",), today)
    outcome = d["outcome"]
    if outcome == "not_private_fostering" and not d["not_pf_reason"]:
        if "not_pf_reason" not in flagged:
            problems.append(
                error("not_pf_reason", "Choose why the arrangement is not private fostering.")
            )
    elif outcome != "not_private_fostering" and d["not_pf_reason"]:
        problems.append(
            error(
                "not_pf_reason",
                "A reason is recorded only when the outcome is 'not a private fostering "
                "arrangement'.",
            )
        )
    if outcome == "referred_to_other_la" and not d["other_la_name"]:
        if "other_la_name" not in flagged:
            problems.append(
                error("other_la_name", "Enter the local authority the enquiry was referred to.")
            )
    elif outcome != "referred_to_other_la" and d["other_la_name"]:
        problems.append(
            error(
                "other_la_name",
                "The other authority is recorded only when the enquiry was referred on.",
            )
        )
    return problems


# Notifications -------------------------------------------------------------------------


def validate_notification(notification: Mapping[str, Any], today: Any = None) -> list[Problem]:
    return _guarded(_notification, notification, today)


def _age_problem(
    field: str, dob: dt.date, disabled: bool | None, on: dt.date, what: str
) -> Problem | None:
    limit = age_limit(disabled)
    if age_on(dob, on) < limit:
        return None
    return error(
        field,
        f"The child was {age_on(dob, on)} on {what} ({format_uk(on)}): a child of {limit} or "
        f"over{'' if disabled else ' (18 if disabled)'} is not privately fostered. Close the "
        "enquiry as 'Not a private fostering arrangement' (reason: over age) instead.",
    )


def _notification(notification, today) -> list[Problem]:
    if not isinstance(notification, Mapping):
        return [error("", "The record is missing.")]
    today = _today(today)
    if today is None:
        return [error("", "No reference date was given to check the record against.")]
    problems: list[Problem] = []
    d = _read(
        notification,
        problems,
        _NOTIFICATION_DATES,
        _NOTIFICATION_CODED,
        _NOTIFICATION_TEXT,
        ("progressed", "child_disabled"),
    )
    d["intended_duration_days"], why = as_int(notification.get("intended_duration_days"))
    if why:
        problems.append(error("intended_duration_days", f"The intended duration {why}."))
    flagged = _flagged(problems)
    for name, what in (
        ("date_received", "Enter the date the notification was received."),
        ("notifier_type", "Choose who notified."),
        ("notification_type", "Choose the kind of notification."),
        ("child_name", "Enter the child's name."),
        ("carer_name", "Enter the carer's name."),
    ):
        if not d[name] and name not in flagged:
            problems.append(error(name, what))
    problems += _not_future(d, ("date_received",), today)
    received, start, dob = d["date_received"], d["intended_start_date"], d["child_date_of_birth"]
    if dob and (dob > today or (received and dob > received)):
        problems.append(
            error("child_date_of_birth", "The date of birth cannot be after the notification.")
        )
    elif dob and received:
        # Rule 1: age on the start date, or on the notification date if earlier.
        on, what = (
            (start, "the intended start")
            if start and start < received
            else (
                received,
                "the notification date",
            )
        )
        problem = _age_problem("child_date_of_birth", dob, d["child_disabled"], on, what)
        if problem:
            problems.append(problem)
    duration = d["intended_duration_days"]
    if duration is not None and duration < 1:
        problems.append(
            error("intended_duration_days", "The intended duration must be 1 day or more.")
        )
    elif duration is not None and duration < MIN_DURATION_DAYS:
        # Rule 2: a warning, not a block: the arrangement may yet last longer.
        problems.append(
            warning(
                "intended_duration_days",
                f"An arrangement intended to last under {MIN_DURATION_DAYS} days is not "
                "private fostering.",
            )
        )
    # Rule 6: a notification that did not progress says why.
    if d["progressed"] is False and not d["not_progressed_reason"]:
        if "not_progressed_reason" not in flagged:
            problems.append(
                error(
                    "not_progressed_reason",
                    "Choose why the notification did not progress to an arrangement.",
                )
            )
    elif d["progressed"] is not False and d["not_progressed_reason"]:
        problems.append(
            error(
                "not_progressed_reason",
                "A reason is recorded only for a notification that did not progress.",
            )
        )
    return problems


# Arrangements and visits -----------------------------------------------------------------


def validate_arrangement(
    arrangement: Mapping[str, Any],
    notification: Mapping[str, Any] | None = None,
    visits: Iterable[Mapping[str, Any]] = (),
    today: Any = None,
) -> list[Problem]:
    """``notification``: its ``date_received`` and the child's ``child_date_of_birth`` and
    ``child_disabled`` are checked against (the arrangement's own dates otherwise)."""
    return _guarded(_arrangement, arrangement, notification, visits, today)


def _arrangement(arrangement, notification, visits, today) -> list[Problem]:
    if not isinstance(arrangement, Mapping):
        return [error("", "The record is missing.")]
    today = _today(today)
    if today is None:
        return [error("", "No reference date was given to check the record against.")]
    notification = notification if isinstance(notification, Mapping) else {}
    problems: list[Problem] = []
    d = _read(arrangement, problems, _ARRANGEMENT_DATES, _ARRANGEMENT_CODED, _ARRANGEMENT_TEXT)
    reasons, ok = as_codes(arrangement.get("reasons"))
    if not ok or any(r not in V.REASONS for r in reasons):
        problems.append(error("reasons", "Choose reasons from the list."))
    flagged = _flagged(problems)
    for name, what in (
        ("start_date", "Enter the date the arrangement started."),
        ("la_aware_date", "Enter the date the authority became aware of the arrangement."),
        ("carer_relationship", "Choose the carer's relationship to the child."),
    ):
        if not d[name] and name not in flagged:
            problems.append(error(name, what))
    # Rule 3: a close relative is not a private foster carer.
    if d["carer_relationship"] in V.CLOSE_RELATIVES:
        problems.append(error("carer_relationship", CLOSE_RELATIVE_MESSAGE))
    problems += _not_future(
        d,
        (
            "la_aware_date",
            "initial_visit_date",
            "dbs_carer_date",
            "dbs_household_date",
            "pnc_date",
            "assessment_completed_date",
            "end_date",
        ),
        today,
    )
    notified = as_date(notification.get("date_received"))[0]
    dob = as_date(notification.get("child_date_of_birth"))[0]
    disabled = as_bool(notification.get("child_disabled"))[0]
    start, end, initial = d["start_date"], d["end_date"], d["initial_visit_date"]
    completed = d["assessment_completed_date"]
    # Rule 4: date order.
    if notified and initial and initial < notified:
        problems.append(
            error("initial_visit_date", "The initial visit cannot be before the notification.")
        )
    if notified and completed and completed < notified:
        problems.append(
            error(
                "assessment_completed_date",
                "The assessment cannot be completed before the notification.",
            )
        )
    elif initial and completed and completed < initial:
        problems.append(
            error(
                "assessment_completed_date",
                "The assessment cannot be completed before the initial visit.",
            )
        )
    if start and end and end < start:
        problems.append(error("end_date", "The end date cannot be before the start date."))
    if end and not d["end_reason"] and "end_reason" not in flagged:
        problems.append(error("end_reason", "Choose why the arrangement ended."))
    elif d["end_reason"] and not end:
        problems.append(error("end_date", "Enter the date the arrangement ended."))
    # Rule 1: age on the start date, or on the notification date if earlier.
    if dob and start:
        on, what = (
            (notified, "the notification date")
            if notified and notified < start
            else (
                start,
                "the start date",
            )
        )
        problem = _age_problem("start_date", dob, disabled, on, what)
        if problem:
            problems.append(problem)
        else:
            # Rule 1 (second part): turning 16 (18) while the arrangement is open.
            ceases = ceases_on(dob, disabled)
            if ceases <= (end or today) and not (end and end <= ceases):
                problems.append(
                    warning(
                        "end_date",
                        f"The child turned {age_limit(disabled)} on {format_uk(ceases)}: the "
                        "arrangement ceases to be private fostering then. Record the end date "
                        "(reason: child reached 16 or 18).",
                    )
                )
    try:
        rows = list(visits or ())
    except TypeError:
        rows = [None]
    for visit in rows:
        problems += _visit(visit, arrangement, notification, today)
    return problems


def validate_visit(
    visit: Mapping[str, Any],
    arrangement: Mapping[str, Any] | None = None,
    notification: Mapping[str, Any] | None = None,
    today: Any = None,
) -> list[Problem]:
    return _guarded(_visit, visit, arrangement, notification, _today(today))


def _visit(visit, arrangement, notification, today) -> list[Problem]:
    if not isinstance(visit, Mapping):
        return [error("", "The visit is missing.")]
    if today is None:
        return [error("", "No reference date was given to check the record against.")]
    arrangement = arrangement if isinstance(arrangement, Mapping) else {}
    notification = notification if isinstance(notification, Mapping) else {}
    problems: list[Problem] = []
    d = _read(
        visit,
        problems,
        ("visit_date", "report_written_date"),
        {"visit_type": V.VISIT_TYPES},
        _VISIT_TEXT,
        ("child_seen_alone",),
    )
    flagged = _flagged(problems)
    if d["visit_type"] is None and "visit_type" not in flagged:
        problems.append(error("visit_type", "Choose the kind of visit."))
    when = d["visit_date"]
    if when is None:
        if "visit_date" not in flagged:
            problems.append(error("visit_date", "Enter the date of the visit."))
        return problems
    label = format_uk(when)
    start = as_date(arrangement.get("start_date"))[0]
    end = as_date(arrangement.get("end_date"))[0]
    notified = as_date(notification.get("date_received"))[0]
    # Rule 4: visits fall between the start and the end (or today). An initial or assessment
    # visit may come before the child moves in (an advance proposal), not before the notice.
    if when > today:
        problems.append(error("visit_date", f"A visit ({label}) cannot be in the future."))
    elif end and when > end:
        problems.append(
            error("visit_date", f"A visit ({label}) cannot be after the arrangement ended.")
        )
    elif d["visit_type"] in V.BEFORE_START_VISITS:
        if notified and when < notified:
            problems.append(
                error("visit_date", f"A visit ({label}) cannot be before the notification.")
            )
    elif start and when < start:
        problems.append(
            error("visit_date", f"A visit ({label}) cannot be before the arrangement started.")
        )
    written = d["report_written_date"]
    if written and written < when:
        problems.append(
            error("report_written_date", "The report cannot be written before the visit.")
        )
    elif written and written > today:
        problems.append(error("report_written_date", "This date cannot be in the future."))
    return problems
