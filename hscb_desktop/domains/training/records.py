"""Training records as plain dicts: field lists and the mapping between what a form hands
the service and what the tables store. No database access here."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hscb_desktop.domains.board.rules import as_bool, as_date, as_int
from hscb_desktop.domains.training import rules

COURSE_FIELDS = ("title", "format", "theme", "active", "sort_order")
RUN_FIELDS = ("run_date", "venue", "capacity", "trainer_agency_ids", "cancelled", "notes")
BOOKING_FIELDS = ("agency_id", "delegate_name", "job_role", "status")
COUNT_FIELDS = ("agency_id", *rules.COUNT_FIELDS)


def _text(value: Any) -> Any:
    return (value.strip() or None) if isinstance(value, str) else value


def clean_course(data: Mapping[str, Any]) -> dict[str, Any]:
    active = as_bool(data.get("active"))[0]
    return {
        "title": _text(data.get("title")),
        "format": data.get("format"),
        "theme": _text(data.get("theme")),
        "active": True if active is None else active,
        "sort_order": as_int(data.get("sort_order"), -1_000_000)[0] or 0,
    }


def clean_run(data: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "run_date": as_date(data.get("run_date"))[0],
        "venue": _text(data.get("venue")),
        "capacity": as_int(data.get("capacity"), 0)[0],
        "trainer_agency_ids": rules.agency_ids(data.get("trainer_agency_ids"))[0],
        "cancelled": bool(as_bool(data.get("cancelled"))[0]),
        "notes": _text(data.get("notes")),
    }


def ids_to_text(ids: list[int]) -> str | None:
    return ",".join(str(i) for i in ids) or None


def clean_booking(data: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "agency_id": as_int(data.get("agency_id"), 1)[0],
        "delegate_name": _text(data.get("delegate_name")),
        "job_role": _text(data.get("job_role")),
        "status": data.get("status"),
    }


def clean_counts(data: Mapping[str, Any]) -> dict[str, Any]:
    out = {"agency_id": as_int(data.get("agency_id"), 1)[0]}
    for name in rules.COUNT_FIELDS:
        out[name] = as_int(data.get(name), 0)[0] or 0
    return out
