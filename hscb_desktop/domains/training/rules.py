"""Training validation (SPEC §5.2, §5.3).

Every ``validate_*`` takes plain values and returns ``Problem``s; none raises, whatever it
is given. A run is checked together with its bookings and its per-agency counts, since
the rules tie them: a cancelled run has no attendees, an agency's delegates are recorded
either one by one or as counts (never both), and attendance cannot be recorded before
the run's date.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hscb_desktop.core.coerce import MAX_INT
from hscb_desktop.core.validation import Problem, error, warning
from hscb_desktop.domains.board.rules import as_bool, as_date, as_int, as_text, get, guarded
from hscb_desktop.domains.training import vocab as V

TEXT_LIMITS = {
    "title": 200,
    "theme": 100,
    "venue": 200,
    "notes": 20000,
    "delegate_name": 200,
    "job_role": 200,
}
COUNT_FIELDS = ("attended_count", "booked_count", "cancelled_count", "no_show_count")


def _text(data, name, problems, required: str | None = None):
    value, why = as_text(get(data, name), TEXT_LIMITS[name])
    if why:
        problems.append(error(name, f"This {why}."))
    elif required and not value:
        problems.append(error(name, required))
    return value


def agency_ids(value: Any) -> tuple[list[int], bool]:
    """A list of agency ids (also "3,5" text); False when it is not one."""
    if value is None or value == "":
        return [], True
    if isinstance(value, str):
        parts = [p.strip() for p in value.split(",") if p.strip()]
        if all(p.isdecimal() for p in parts):  # isdigit() passes "²", which int() refuses
            value = [int(p) for p in parts]
        else:
            return [], False
    if isinstance(value, (list, tuple, set, frozenset)) and all(
        isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= MAX_INT for v in value
    ):
        return sorted(set(value)), True
    return [], False


@guarded
def validate_course(data: Mapping[str, Any]) -> list[Problem]:
    if not isinstance(data, Mapping):
        return [error("", "The record is missing.")]
    problems: list[Problem] = []
    _text(data, "title", problems, "Enter the course title.")
    _text(data, "theme", problems)
    kind = get(data, "format")
    if not (isinstance(kind, str) and kind in V.COURSE_FORMATS):
        problems.append(error("format", "Choose the course format from the list."))
    if as_bool(get(data, "active"))[1]:
        problems.append(error("active", "This must be yes or no."))
    if as_int(get(data, "sort_order"), -1_000_000)[1]:
        problems.append(error("sort_order", "The order must be a whole number."))
    return problems


def _agency(row, field: str, problems: list[Problem], where: str) -> int | None:
    value, why = as_int(get(row, "agency_id"), 1)
    if why or value is None:
        problems.append(error(field, f"{where}: choose the agency from the list."))
        return None
    return value


def attendees_of(bookings, aggregates) -> int:
    """Attendees (§5.3: attended + unscheduled attended) in valid rows; never raises."""
    total = 0
    for b in bookings or []:
        status = get(b, "status")
        if isinstance(status, str) and status in V.ATTENDED_STATUSES:  # a list is not hashable
            total += 1
    for a in aggregates or []:
        n, _ = as_int(get(a, "attended_count"), 0)
        total += n or 0
    return total


@guarded
def validate_run(
    run: Mapping[str, Any],
    bookings: Any = (),
    aggregates: Any = (),
    today: Any = None,
) -> list[Problem]:
    """A course run with its bookings (one per delegate) and per-agency counts."""
    if not isinstance(run, Mapping):
        return [error("", "The record is missing.")]
    today, _ = as_date(today)
    if today is None:
        return [error("", "No reference date was given to check the run against.")]
    problems: list[Problem] = []
    when, why = as_date(get(run, "run_date"))
    if why:
        problems.append(error("run_date", f"The date {why}."))
    elif when is None:
        problems.append(error("run_date", "Enter the date of the run."))
    _text(run, "venue", problems)
    _text(run, "notes", problems)
    capacity, why = as_int(get(run, "capacity"), 0)
    if why:
        problems.append(error("capacity", f"The capacity {why}."))
    if not agency_ids(get(run, "trainer_agency_ids"))[1]:
        problems.append(error("trainer_agency_ids", "Choose the trainers' agencies from the list."))
    cancelled, why = as_bool(get(run, "cancelled"))
    if why:
        problems.append(error("cancelled", f"This {why}."))

    bookings = list(bookings) if isinstance(bookings, (list, tuple)) else None
    aggregates = list(aggregates) if isinstance(aggregates, (list, tuple)) else None
    if bookings is None or aggregates is None:
        problems.append(error("", "The run's attendance is missing."))
        return problems
    per_delegate: set[int] = set()
    for n, b in enumerate(bookings, start=1):
        where = f"Delegate {n}"
        if not isinstance(b, Mapping):
            problems.append(error("bookings", f"{where}: the row is missing."))
            continue
        agency = _agency(b, "bookings", problems, where)
        if agency is not None:
            per_delegate.add(agency)
        status = get(b, "status")
        if not (isinstance(status, str) and status in V.BOOKING_STATUSES):
            problems.append(error("bookings", f"{where}: choose attended, cancelled, no show or "
                                              "attended without booking."))
        for name in ("delegate_name", "job_role"):
            if as_text(get(b, name), TEXT_LIMITS[name])[1]:
                problems.append(error("bookings", f"{where}: the {name.replace('_', ' ')} is "
                                                  "too long or not text."))
    counted: set[int] = set()
    for n, a in enumerate(aggregates, start=1):
        where = f"Counts row {n}"
        if not isinstance(a, Mapping):
            problems.append(error("counts", f"{where}: the row is missing."))
            continue
        agency = _agency(a, "counts", problems, where)
        if agency is not None:
            if agency in counted:
                problems.append(error("counts", f"{where}: this agency already has counts for "
                                                "the run."))
            counted.add(agency)
            if agency in per_delegate:
                problems.append(error("counts", f"{where}: this agency's delegates are recorded "
                                                "one by one for this run; record them either "
                                                "one by one or as counts, not both."))
        values, bad = {}, False
        for name in COUNT_FIELDS:
            value, why = as_int(get(a, name), 0)
            values[name] = value or 0  # a count left blank is 0
            if why:
                bad = True
                problems.append(error("counts", f"{where}: the {name.replace('_count', '')} "
                                                f"count {why}."))
        if not bad and (
            values["cancelled_count"] + values["no_show_count"] > values["booked_count"]
        ):
            problems.append(error("counts", f"{where}: cancellations and no shows cannot be more "
                                            "than the bookings."))
    attendees = attendees_of(bookings, aggregates)
    if attendees and cancelled:
        problems.append(error("cancelled", "A cancelled run cannot have attendees."))
    if attendees and when is not None and when > today:
        problems.append(
            error("run_date", "Attendance cannot be recorded for a run that has not happened.")
        )
    if capacity is not None and attendees > capacity:
        problems.append(
            warning("capacity", f"{attendees} attended, more than the capacity of {capacity}.")
        )
    return problems
