"""Strategic Board attendance from a tracker (Qt-free): one row is one meeting of the
default Board, with one column per seat holding that seat's attendance ("Attended",
"Apologies", "Deputy", "x", …). The seat columns are the Board's seats as set up in the
app, so the fields come from the store (``fields_for``); a seat's column is matched by
the seat's label. Attendee names of deputies are not imported.

A row is a duplicate of a stored meeting, or of an earlier row, when it is on the same
date (the Board meets at most once a day). Each meeting goes through
``service.record_meeting``, the meeting screen's own path, with its quorum rules.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hscb_desktop.core.clock import local_today
from hscb_desktop.core.validation import Problem
from hscb_desktop.domains.board import rules, service
from hscb_desktop.domains.board import vocab as BV
from hscb_desktop.importing.fields import CODE, DATE, TEXT, Field
from hscb_desktop.security import guard

name = "board"
title = "Board meetings and attendance"
STORE = service.STORE
SEAT = "seat_"  # a seat's field: seat_<seat id>
DEPUTY = "deputy_"  # the name of the deputy who attended: deputy_<seat id>

FIELDS: tuple[Field, ...] = (
    Field("meeting_date", "Meeting date", DATE, required=True, aliases=("date", "meeting")),
    Field("meeting_type", "Meeting type", CODE, BV.MEETING_TYPES, required=True,
          aliases=("type",)),
    Field("notes", "Notes", TEXT, aliases=("comments",)),
)


def authorise(session) -> None:
    guard.require_record_access(session, STORE, "import Board records")


def _seats(session) -> list[dict[str, Any]]:
    return service.list_seats(session)


def fields_for(session) -> list[Field]:
    """The meeting's fields, then one attendance field per seat of the Board (and the
    deputy's name, where the seat allows a deputy)."""
    authorise(session)
    out = list(FIELDS)
    for s in _seats(session):
        out.append(Field(f"{SEAT}{s['id']}", s["display_label"], CODE, BV.ATTENDANCE_STATUSES,
                         aliases=tuple(a for a in (s.get("title"), s.get("agency_name")) if a)))
        if s.get("deputy_allowed"):
            out.append(Field(f"{DEPUTY}{s['id']}", f"{s['display_label']} - deputy", TEXT))
    return out


def to_record(values: dict[str, Any]) -> dict[str, Any]:
    record = {k: v for k, v in values.items() if not k.startswith((SEAT, DEPUTY))}
    record["attendance"] = {int(k[len(SEAT):]): (v, values.get(f"{DEPUTY}{k[len(SEAT):]}"))
                            for k, v in values.items() if k.startswith(SEAT) and v}
    return record


def validator(session) -> Callable[[dict[str, Any]], list[Problem]]:
    today = local_today(session.clock)
    seats = {s["id"]: s for s in _seats(session)}

    def check(record: dict[str, Any]) -> list[Problem]:
        meeting = {k: v for k, v in record.items() if k != "attendance"}
        return [Problem(SEAT + p.field.split(":", 1)[1] if p.field.startswith("attendance:")
                        else p.field, p.message, p.severity)
                for p in rules.validate_meeting(meeting, record["attendance"], seats, today)]

    return check


def keys(record: dict[str, Any]) -> list[tuple]:
    when = record.get("meeting_date")
    return [("meeting on", when)] if when else []


def existing_keys(session) -> set[tuple]:
    authorise(session)
    return {("meeting on", m["meeting_date"]) for m in service.list_meetings(session)}


def create(session, batch: list[dict[str, Any]], sources: list[str]) -> list[int]:
    ids = []
    for record, source in zip(batch, sources):
        meeting = {k: v for k, v in record.items() if k != "attendance"}
        ids.append(service.record_meeting(session, meeting, record["attendance"], source=source))
    return ids


def extract_records(session):
    """Every meeting of the Board, by date, with a column per seat (the extract)."""
    authorise(session)
    for meeting in service.list_meetings(session):
        out = {f: meeting.get(f) for f in ("meeting_date", "meeting_type", "notes")}
        for row in service.meeting_grid(session, meeting["id"]):
            out[f"{SEAT}{row.role_id}"] = row.status
            out[f"{DEPUTY}{row.role_id}"] = row.attendee_name
        yield out
