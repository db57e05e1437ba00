"""Board validation (SPEC §4.2, §4.3, §8.11) and the shared value readers.

Every ``validate_*`` takes plain values and returns ``Problem``s; none raises, whatever
it is given, so a form, an import and the service can all call them. Attendance
problems carry the field ``"attendance:<role id>"`` so a grid can mark the row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from hscb_desktop.core.coerce import as_bool, as_date, as_text, get
from hscb_desktop.core.coerce import as_int as _as_int
from hscb_desktop.core.validation import Problem, error, warning
from hscb_desktop.domains.board import vocab as V

TEXT_LIMITS = {
    "title": 200,
    "display_label": 300,
    "footnote": 1000,
    "person_name": 200,
    "attendee_name": 200,
    "notes": 20000,
    "name": 200,
}

# -- value readers (core.coerce); board counts and numbers are 0 or more by default ----


def as_int(value: Any, low: int = 0) -> tuple[int | None, str | None]:
    return _as_int(value, low)


def active_on(seat: Mapping[str, Any], day: dt.date) -> bool:
    """Whether a seat was active on a day (open-ended dates are always satisfied)."""
    start, _ = as_date(get(seat, "active_from"))
    end, _ = as_date(get(seat, "active_to"))
    return (start is None or start <= day) and (end is None or day <= end)


def guarded(check):
    def wrapper(*args, **kwargs) -> list[Problem]:
        try:
            return check(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - a last resort: rules must only report
            return [error("", f"The record could not be checked ({type(exc).__name__}).")]

    wrapper.__doc__, wrapper.__name__ = check.__doc__, check.__name__
    return wrapper


def _texts(data, names, problems, required=()) -> dict[str, Any]:
    out = {}
    for name in names:
        out[name], why = as_text(get(data, name), TEXT_LIMITS[name])
        if why:
            problems.append(error(name, f"This {why}."))
        elif name in required and not out[name]:
            problems.append(error(name, required[name]))
    return out


def _dates(data, names, problems) -> dict[str, Any]:
    out = {}
    for name in names:
        out[name], why = as_date(get(data, name))
        if why:
            problems.append(error(name, f"The date {why}."))
    return out


def _bools(data, names, problems) -> dict[str, Any]:
    out = {}
    for name in names:
        out[name], why = as_bool(get(data, name))
        if why:
            problems.append(error(name, f"This {why}."))
    return out


# -- the rules --------------------------------------------------------------------


@guarded
def validate_board(data: Mapping[str, Any]) -> list[Problem]:
    if not isinstance(data, Mapping):
        return [error("", "The record is missing.")]
    problems: list[Problem] = []
    _texts(data, ["name"], problems, {"name": "Enter the board's name."})
    planned, why = as_int(get(data, "meetings_planned_per_year"), 0)
    if why or (planned is not None and planned > 52):
        problems.append(
            error("meetings_planned_per_year", "The meetings planned must be a number 0-52.")
        )
    return problems


@guarded
def validate_seat(data: Mapping[str, Any]) -> list[Problem]:
    """A seat (``BoardRole``): title, agency id, label, flags, order, footnote, dates."""
    if not isinstance(data, Mapping):
        return [error("", "The record is missing.")]
    problems: list[Problem] = []
    _texts(
        data, ["title", "display_label", "footnote"], problems, {"title": "Enter the seat's title."}
    )
    _bools(data, ["deputy_allowed", "statutory_partner", "counts_for_quorum"], problems)
    d = _dates(data, ["active_from", "active_to"], problems)
    if d["active_from"] and d["active_to"] and d["active_to"] < d["active_from"]:
        problems.append(error("active_to", "A seat cannot end before it starts."))
    agency, why = as_int(get(data, "agency_id"), 1)
    if why:
        problems.append(error("agency_id", "Choose the agency from the list."))
    _, why = as_int(get(data, "sort_order"), -1_000_000)
    if why:
        problems.append(error("sort_order", f"The order {why}."))
    if get(data, "counts_for_quorum") is True and agency is None and not why:
        problems.append(
            warning(
                "counts_for_quorum",
                "This seat has no agency, so it cannot help make a quorum by sector.",
            )
        )
    return problems


@guarded
def validate_holder(
    data: Mapping[str, Any], seat: Mapping[str, Any] | None = None
) -> list[Problem]:
    """Who held a seat, and when."""
    if not isinstance(data, Mapping):
        return [error("", "The record is missing.")]
    problems: list[Problem] = []
    _texts(data, ["person_name"], problems, {"person_name": "Enter the holder's name."})
    d = _dates(data, ["from_date", "to_date"], problems)
    if d["from_date"] and d["to_date"] and d["to_date"] < d["from_date"]:
        problems.append(error("to_date", "A holder cannot leave before they start."))
    if isinstance(seat, Mapping):
        for name in ("from_date", "to_date"):
            if d[name] and not active_on(seat, d[name]):
                problems.append(warning(name, "This date is outside the seat's active dates."))
    return problems


def attendance_rows(attendance: Any) -> tuple[list[dict[str, Any]], list[Problem]]:
    """The grid as given to the service -> rows {role, status, attendee_name}.

    Accepts ``{role_id: status}``, ``{role_id: (status, attendee_name)}``,
    ``{role_id: {"status": ..., "attendee_name": ...}}`` or a list of row dicts with a
    ``role`` key. A blank status means "nothing recorded" and the row is dropped."""
    rows: list[dict[str, Any]] = []
    problems: list[Problem] = []
    if attendance is None:
        return rows, problems
    if isinstance(attendance, Mapping):
        items = list(attendance.items())
    elif isinstance(attendance, (list, tuple)):
        items = [(get(r, "role"), r) for r in attendance]
    else:
        return rows, [error("attendance", "The attendance grid is missing.")]
    seen: set[int] = set()
    for role, value in items:
        if isinstance(value, Mapping):
            status, name = value.get("status"), value.get("attendee_name")
        elif isinstance(value, (list, tuple)) and len(value) == 2:
            status, name = value
        else:
            status, name = value, None
        if isinstance(role, bool) or not isinstance(role, int):
            problems.append(error("attendance", "A row of the grid names no seat."))
            continue
        if role in seen:
            problems.append(error(f"attendance:{role}", "A seat appears twice in the grid."))
            continue
        seen.add(role)
        if status in (None, ""):
            continue
        rows.append({"role": role, "status": status, "attendee_name": name})
    return rows, problems


@guarded
def validate_meeting(
    meeting: Mapping[str, Any],
    attendance: Any,
    seats: Mapping[int, Mapping[str, Any]],
    today: Any,
) -> list[Problem]:
    """A meeting and its grid. ``seats`` maps every seat id of the board to its values
    (``display_label``, ``deputy_allowed``, ``active_from``, ``active_to``)."""
    if not isinstance(meeting, Mapping):
        return [error("", "The record is missing.")]
    today, _ = as_date(today)
    if today is None:
        return [error("", "No reference date was given to check the meeting against.")]
    if not isinstance(seats, Mapping):
        seats = {}
    problems: list[Problem] = []
    when = _dates(meeting, ["meeting_date"], problems)["meeting_date"]
    if when is None and not problems:
        problems.append(error("meeting_date", "Enter the date of the meeting."))
    kind = get(meeting, "meeting_type")
    if not (isinstance(kind, str) and kind in V.MEETING_TYPES):
        problems.append(error("meeting_type", "Choose the meeting type from the list."))
    _bools(meeting, ["counts_override", "quorate_override"], problems)
    _texts(meeting, ["notes"], problems)
    rows, grid_problems = attendance_rows(attendance)
    problems += grid_problems
    future = when is not None and when > today
    for row in rows:
        field = f"attendance:{row['role']}"
        seat = seats.get(row["role"])
        if not isinstance(seat, Mapping):
            problems.append(error(field, "That seat is not on this board."))
            continue
        label = get(seat, "display_label") or get(seat, "title") or "This seat"
        status, name = row["status"], row["attendee_name"]
        if not (isinstance(status, str) and status in V.ATTENDANCE_STATUSES):
            problems.append(error(field, f"{label}: choose attended, deputy, apologies, absent "
                                         "or not required."))
            continue
        name, why = as_text(name, TEXT_LIMITS["attendee_name"])
        if why:
            problems.append(error(field, f"{label}: the attendee's name {why}."))
        if status == "deputy_attended":
            if not get(seat, "deputy_allowed"):
                problems.append(
                    error(field, f"{label}: this seat does not allow a deputy to attend.")
                )
            elif not name and not why:
                problems.append(
                    error(field, f"{label}: enter the name of the deputy who attended.")
                )
        if when is not None and not active_on(seat, when):
            problems.append(error(field, f"{label}: the seat was not active on the meeting date."))
        if future:
            problems.append(
                error(field, "Attendance cannot be recorded for a meeting that has not happened.")
            )
    counts = get(meeting, "counts_override")
    counting = counts if isinstance(counts, bool) else V.counts_for_attendance(kind)
    if rows and when is not None and not future and counting:
        recorded = {r["role"] for r in rows}
        missing = [
            s for sid, s in seats.items() if sid not in recorded and active_on(s, when)
        ]
        if missing:
            problems.append(
                warning(
                    "attendance",
                    f"{len(missing)} active seat(s) have no attendance recorded: "
                    "they count as not attending.",
                )
            )
    return problems
