"""The Board API: the only code that writes Board records (ARCHITECTURE rule 3).

Every function takes the signed-in ``Session`` first, checks that it is active and that
its roles give record access to "board" (the business unit), validates with ``rules``
and writes in one transaction together with its audit entry (AUD-1). Records travel as
flat dicts keyed by model field names (``records``); a meeting's attendance travels as a
grid ``{role_id: status}`` or ``{role_id: (status, attendee_name)}``.

For a grid screen: ``meeting_grid`` gives one ``GridRow`` per active seat (with the
status recorded so far), ``preview_quorum`` says whether the grid as filled so far is
quorate, ``check_meeting`` lists every problem before saving, and ``record_meeting`` /
``update_meeting`` save the meeting and its whole grid in one call.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from hscb_desktop.core.clock import local_today, utc_stamp
from hscb_desktop.core.periods import ReportingPeriod, period_for
from hscb_desktop.core.validation import (
    Problem,
    RecordRef,
    RecordMissing,
    StaleVersion,
    ValidationFailed,
    error,
    has_errors,
)
from hscb_desktop.domains import history, stale
from hscb_desktop.domains.board import quorum, records, rules
from hscb_desktop.domains.board import vocab as V
from hscb_desktop.domains.board.models import (
    Attendance,
    Board,
    BoardMeeting,
    BoardRole,
    RoleHolder,
)
from hscb_desktop.security import guard
from hscb_desktop.storage import audit, stores

STORE = "board"
DEFAULT_BOARD_NAME = "HSCB Strategic Board"
NO_AGENCY = "Independent and lay members"  # B2's row for seats without an agency


# -- plumbing ---------------------------------------------------------------------


def authorise(session, action: str = "work on Board records") -> None:
    guard.require_record_access(session, STORE, action)


def authorise_return(session) -> None:
    guard.require_return_access(session, STORE)


def db():
    return stores.proxy(STORE)


def today(session) -> dt.date:
    return local_today(session.clock)


def now(session) -> str:
    return utc_stamp(session.clock)


def refuse(problems: Sequence[Problem]) -> None:
    if has_errors(problems):
        raise ValidationFailed(list(problems))


def _mapping(data: Any) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise ValidationFailed([error("", "The record is missing.")])
    return data


def _missing(what: str, record_id: Any) -> RecordMissing:
    return RecordMissing([error("", f"That {what} ({record_id}) no longer exists.")])


def _get(model, record_id: Any, what: str):
    row = (
        model.get_or_none(model.id == record_id)
        if isinstance(record_id, int) and not isinstance(record_id, bool)
        else None
    )
    if row is None:
        raise _missing(what, record_id)
    return row


def _diff(old: Mapping[str, Any], new: Mapping[str, Any]) -> tuple[dict, dict]:
    keys = [k for k in new if old.get(k) != new.get(k)]
    return {k: old.get(k) for k in keys}, {k: new.get(k) for k in keys}


def _audit(session, action: str, table: str, record_id: Any, old=None, new=None, reason=""):
    audit.append(
        STORE,
        session.actor,
        action,
        clock=session.clock,
        table=table,
        record_id=record_id,
        old=old,
        new=new,
        reason=reason,
    )


# -- agencies (core reference data) -------------------------------------------------


def agency_choices(session, include_inactive: bool = False) -> list[dict[str, Any]]:
    """The core store's agencies for a combo box: id, name, short_name, sector, active."""
    authorise(session)
    return list_agencies(include_inactive)


def list_agencies(include_inactive: bool = False) -> list[dict[str, Any]]:
    from hscb_desktop.storage.core_models import Agency

    query = Agency.select().order_by(Agency.name)
    if not include_inactive:
        query = query.where(Agency.active == True)  # noqa: E712 - SQL expression
    return [
        {
            "id": a.id,
            "name": a.name,
            "short_name": a.short_name,
            "sector": a.sector_id,
            "active": a.active,
        }
        for a in query
    ]


def agency(agency_id: int | None, field: str = "agency_id") -> tuple[str | None, str | None]:
    """(name, sector) of a core agency; ValidationFailed when there is no such agency."""
    if agency_id is None:
        return None, None
    from hscb_desktop.storage.core_models import Agency

    row = Agency.get_or_none(Agency.id == agency_id)
    if row is None:
        raise ValidationFailed([error(field, "Choose the agency from the list.")])
    return row.name, row.sector_id


# -- boards -----------------------------------------------------------------------


def _board_row(board: Board) -> dict[str, Any]:
    return {
        "id": board.id,
        "name": board.name,
        "meetings_planned_per_year": board.meetings_planned_per_year,
        "quorum_rule": quorum.load(board.quorum_rule),
    }


def list_boards(session) -> list[dict[str, Any]]:
    authorise(session)
    return [_board_row(b) for b in Board.select().order_by(Board.id)]


def default_board_id() -> int | None:
    first = Board.select(Board.id).order_by(Board.id).first()
    return first.id if first else None


def create_board(session, data: Mapping[str, Any]) -> int:
    authorise(session)
    data = _mapping(data)
    refuse(rules.validate_board(data))
    values = records.clean(data, records.BOARD_FIELDS)
    if values["meetings_planned_per_year"] is None:
        values["meetings_planned_per_year"] = 4
    with db().atomic():
        if Board.select().where(Board.name == values["name"]).exists():
            raise ValidationFailed([error("name", "There is already a board of that name.")])
        stamp = now(session)
        board = Board.create(**values, created_at=stamp, updated_at=stamp)
        _audit(session, "create", "board", board.id, new=values)
    return board.id


def ensure_board(session) -> int:
    """The board's id, creating the default "HSCB Strategic Board" when there is none."""
    authorise(session)
    found = default_board_id()
    return found if found is not None else create_board(session, {"name": DEFAULT_BOARD_NAME})


def _board_id(session, given: Any) -> int:
    if given is None:
        return ensure_board(session)
    return _get(Board, given, "board").id


def update_board(session, board_id: int, data: Mapping[str, Any]) -> None:
    authorise(session)
    data = _mapping(data)
    with db().atomic():
        board = _get(Board, board_id, "board")
        old = {f: getattr(board, f) for f in records.BOARD_FIELDS}
        merged = {**old, **{k: v for k, v in data.items() if k in records.BOARD_FIELDS}}
        refuse(rules.validate_board(merged))
        values = records.clean(merged, records.BOARD_FIELDS)
        before, after = _diff(old, values)
        if not after:
            return
        Board.update(**after, updated_at=now(session)).where(Board.id == board.id).execute()
        _audit(session, "update", "board", board.id, old=before, new=after)


def get_quorum_rule(session, board_id: int | None = None) -> dict[str, Any]:
    authorise(session)
    board_id = board_id if board_id is not None else default_board_id()
    if board_id is None:
        return dict(quorum.DEFAULT_RULE)
    return quorum.load(_get(Board, board_id, "board").quorum_rule)


def set_quorum_rule(session, board_id: int | None, rule: Mapping[str, Any] | None) -> None:
    """Store a quorum rule (see ``quorum``); None goes back to the §8.11 default."""
    authorise(session)
    if rule is not None:
        refuse(quorum.check_rule(rule))
    with db().atomic():
        board = _get(Board, _board_id(session, board_id), "board")
        old = quorum.load(board.quorum_rule)
        text = None if rule is None else quorum.dump(rule)
        Board.update(quorum_rule=text, updated_at=now(session)).where(
            Board.id == board.id
        ).execute()
        _audit(session, "update", "board", board.id, old={"quorum_rule": old},
               new={"quorum_rule": quorum.load(text)})


# -- seats ------------------------------------------------------------------------


def _seat_record(seat: BoardRole) -> dict[str, Any]:
    out = {f: getattr(seat, f) for f in records.SEAT_FIELDS + records.SEAT_DERIVED}
    out.update(id=seat.id, board_id=seat.board_id, version=seat.version)
    return out


def create_seat(session, data: Mapping[str, Any]) -> int:
    """A seat on the board (``board_id`` optional: the default board)."""
    authorise(session)
    data = _mapping(data)
    refuse(rules.validate_seat(data))
    values = records.clean_seat(data)
    with db().atomic():
        board_id = _board_id(session, data.get("board_id"))
        values["agency_name"], values["agency_sector"] = agency(values["agency_id"])
        stamp = now(session)
        seat = BoardRole.create(board=board_id, **values, created_at=stamp, updated_at=stamp)
        _audit(session, "create", "board_role", seat.id, new={"board_id": board_id, **values})
    return seat.id


def update_seat(
    session, seat_id: int, data: Mapping[str, Any], expected_version: int | None = None
) -> int:
    """Save changed fields (missing keys keep their values); returns the new version."""
    authorise(session)
    data = _mapping(data)
    with db().atomic():
        seat = _get(BoardRole, seat_id, "seat")
        if expected_version is not None and seat.version != expected_version:
            raise StaleVersion(
                [error("", "This seat was changed by someone else after you opened it. "
                           "Reopen it and make your changes again.")]
            )
        old = _seat_record(seat)
        merged = {**old, **{k: v for k, v in data.items() if k in records.SEAT_FIELDS}}
        refuse(rules.validate_seat(merged))
        values = records.clean_seat(merged)
        values["agency_name"], values["agency_sector"] = agency(values["agency_id"])
        outside = [
            m.meeting_date
            for m in BoardMeeting.select(BoardMeeting.meeting_date)
            .join(Attendance)
            .where(Attendance.role == seat.id)
            .order_by(BoardMeeting.meeting_date)
            if not rules.active_on(values, m.meeting_date)
        ]
        if outside:
            raise ValidationFailed(
                [error("active_to" if values["active_to"] else "active_from",
                       f"Attendance is recorded for this seat at the meeting of "
                       f"{outside[0]:%d/%m/%Y}, outside these dates.")]
            )
        before, after = _diff(old, values)
        if not after:
            return seat.version
        # The version in the WHERE too: on a server, another save may land between the
        # read above and this write (issue 11: never overwrite silently).
        rows = BoardRole.update(**after, version=seat.version + 1, updated_at=now(session)).where(
            (BoardRole.id == seat.id) & (BoardRole.version == seat.version)
        ).execute()
        if rows != 1:
            raise StaleVersion(
                [error("", "This seat was changed by someone else after you opened it.")]
            )
        _audit(session, "update", "board_role", seat.id, old=before, new=after)
        return seat.version + 1


def seat_changes(session, seat_id: int, started, fields=None) -> history.Conflict:
    """The seat as saved now and each field that differs from ``started`` (what a form
    loaded), with who saved it and when: for the conflict view after a stale save."""
    current = get_seat(session, seat_id)
    return history.compare(STORE, "board_role", seat_id, started, current, fields)


def meeting_changes(session, meeting_id: int, started, fields=None) -> history.Conflict:
    """The meeting as saved now against ``started``; ``grid`` (its attendance rows) counts
    as one field."""
    current = get_meeting(session, meeting_id)
    return history.compare(STORE, "board_meeting", meeting_id, started, current, fields)


def get_seat(session, seat_id: int) -> dict[str, Any]:
    authorise(session)
    return _seat_record(_get(BoardRole, seat_id, "seat"))


def _seats(board_id: int | None) -> list[BoardRole]:
    if board_id is None:
        return []
    return list(
        BoardRole.select()
        .where(BoardRole.board == board_id)
        .order_by(BoardRole.sort_order, BoardRole.id)
    )


def _overlaps(seat, period: ReportingPeriod) -> bool:
    return (seat.active_from is None or seat.active_from <= period.end) and (
        seat.active_to is None or seat.active_to >= period.start
    )


def list_seats(
    session,
    board_id: int | None = None,
    *,
    on: dt.date | None = None,
    period: ReportingPeriod | str | None = None,
) -> list[dict[str, Any]]:
    """The board's seats in sort order: all, those active ``on`` a day, or those active at
    any time in a ``period``."""
    authorise(session)
    if isinstance(period, str):
        period = period_for(STORE, period)
    seats = _seats(board_id if board_id is not None else default_board_id())
    if on is not None:
        seats = [s for s in seats if rules.active_on(_seat_record(s), on)]
    if period is not None:
        seats = [s for s in seats if _overlaps(s, period)]
    return [_seat_record(s) for s in seats]


def delete_seat(session, seat_id: int, reason: str) -> None:
    """Only a seat with no attendance recorded (a mistake); otherwise set ``active_to``."""
    authorise(session)
    if not (reason or "").strip():
        raise ValidationFailed([error("reason", "Give a reason for deleting the seat.")])
    with db().atomic():
        seat = _get(BoardRole, seat_id, "seat")
        if Attendance.select().where(Attendance.role == seat.id).exists():
            raise ValidationFailed(
                [error("", "This seat has attendance recorded: end it (active to) instead.")]
            )
        old = _seat_record(seat)
        RoleHolder.delete().where(RoleHolder.role == seat.id).execute()
        seat.delete_instance()
        _audit(session, "delete", "board_role", seat_id, old=old, reason=reason)


# -- holders ----------------------------------------------------------------------


def _holder_record(holder: RoleHolder) -> dict[str, Any]:
    return {"id": holder.id, "role_id": holder.role_id,
            **{f: getattr(holder, f) for f in records.HOLDER_FIELDS}}


def add_holder(session, seat_id: int, data: Mapping[str, Any]) -> int:
    authorise(session)
    data = _mapping(data)
    with db().atomic():
        seat = _get(BoardRole, seat_id, "seat")
        refuse(rules.validate_holder(data, _seat_record(seat)))
        values = records.clean(data, records.HOLDER_FIELDS)
        holder = RoleHolder.create(role=seat.id, **values)
        _audit(session, "create", "board_role_holder", holder.id,
               new={"role_id": seat.id, **values})
    return holder.id


def _refuse_stale_holder(old: Mapping[str, Any], expected: Mapping[str, Any] | None,
                         deleting: bool = False) -> None:
    """Refuse (``StaleVersion``) a holder changed since the dialog loaded ``expected``:
    compared as stored, the dialog's copy cleaned as a save cleans what is typed."""
    loaded = stale.as_stored(expected, lambda row: records.clean(row, records.HOLDER_FIELDS),
                             records.HOLDER_FIELDS)
    if loaded is None:
        return
    name, since = loaded.get("person_name"), loaded.get("from_date")
    what = "The holder" + (f" {name}" if name else "") + (
        f" (from {since:%d/%m/%Y})" if isinstance(since, dt.date) else "")
    stale.refuse_if_changed(old, loaded, what, records.HOLDER_FIELDS, deleting=deleting)


def update_holder(session, holder_id: int, data: Mapping[str, Any],
                  expected: Mapping[str, Any] | None = None) -> None:
    """``expected``: the holder as the dialog loaded it (refused if changed since)."""
    authorise(session)
    data = _mapping(data)
    with db().atomic():
        stale.lock_row(STORE, RoleHolder, holder_id)  # first: a second save waits for it
        holder = _get(RoleHolder, holder_id, "holder")
        old = _holder_record(holder)
        _refuse_stale_holder(old, expected)
        merged = {**old, **{k: v for k, v in data.items() if k in records.HOLDER_FIELDS}}
        refuse(rules.validate_holder(merged, _seat_record(holder.role)))
        values = records.clean(merged, records.HOLDER_FIELDS)
        before, after = _diff(old, values)
        if after:
            RoleHolder.update(**after).where(RoleHolder.id == holder.id).execute()
            _audit(session, "update", "board_role_holder", holder.id, old=before, new=after)


def delete_holder(session, holder_id: int, expected: Mapping[str, Any] | None = None) -> None:
    """``expected``: the holder as the screen loaded it (not deleted if changed since)."""
    authorise(session)
    with db().atomic():
        stale.lock_row(STORE, RoleHolder, holder_id)
        holder = _get(RoleHolder, holder_id, "holder")
        old = _holder_record(holder)
        _refuse_stale_holder(old, expected, deleting=True)
        holder.delete_instance()
        _audit(session, "delete", "board_role_holder", holder_id, old=old)


def list_holders(session, seat_id: int) -> list[dict[str, Any]]:
    authorise(session)
    return [
        _holder_record(h)
        for h in RoleHolder.select()
        .where(RoleHolder.role == seat_id)
        .order_by(RoleHolder.from_date, RoleHolder.id)
    ]


def _holders_on(day: dt.date, seat_ids: list[int]) -> dict[int, str]:
    out: dict[int, str] = {}
    query = RoleHolder.select().where(RoleHolder.role.in_(seat_ids)).order_by(
        RoleHolder.from_date, RoleHolder.id
    )
    for h in query:
        if (h.from_date is None or h.from_date <= day) and (h.to_date is None or day <= h.to_date):
            out[h.role_id] = h.person_name
    return out


# -- meetings and their attendance grid ---------------------------------------------


@dataclass(frozen=True)
class GridRow:
    """One seat's row in a meeting's attendance grid."""

    role_id: int
    label: str  # the seat's display label
    status: str | None  # an ATTENDANCE_STATUSES code; None: not recorded yet
    attendee_name: str | None
    deputy_allowed: bool
    counts_for_quorum: bool
    agency_name: str | None
    sector: str | None
    holder: str | None  # who held the seat on the meeting date, if recorded
    active: bool = True  # False: a row recorded for a seat no longer active on that date

    def as_tuple(self) -> tuple[int, str, str | None, str | None]:
        return self.role_id, self.label, self.status, self.attendee_name


def _seat_map(board_id: int) -> dict[int, dict[str, Any]]:
    return {s.id: _seat_record(s) for s in _seats(board_id)}


def _grid_of(meeting_id: int) -> dict[int, dict[str, Any]]:
    return {
        a.role_id: {"status": a.status, "attendee_name": a.attendee_name}
        for a in Attendance.select().where(Attendance.meeting == meeting_id)
    }


def _meeting_record(meeting: BoardMeeting) -> dict[str, Any]:
    out = {f: getattr(meeting, f) for f in records.MEETING_FIELDS}
    out.update(
        id=meeting.id,
        board_id=meeting.board_id,
        counts_for_attendance=meeting.counts_for_attendance,
        version=meeting.version,
    )
    return out


def _audit_grid(grid: Mapping[int, Mapping[str, Any]]) -> dict[str, list]:
    return {str(k): [v["status"], v["attendee_name"]] for k, v in sorted(grid.items())}


def _quorum_seats(seats: Mapping[int, Mapping[str, Any]], grid, when) -> list[quorum.Seat]:
    out = []
    for sid, seat in seats.items():
        row = grid.get(sid)
        if row is None or (when is not None and not rules.active_on(seat, when)):
            continue
        out.append(
            quorum.Seat(
                seat.get("agency_sector"),
                bool(seat.get("counts_for_quorum")),
                row.get("status"),
                bool(seat.get("deputy_allowed")),
            )
        )
    return out


def quorum_for(
    board_id: int | None, grid: Mapping[int, Mapping[str, Any]], when
) -> quorum.QuorumResult:
    """The quorum of a grid ``{role_id: {"status": ...}}`` under the board's rule."""
    board = Board.get_or_none(Board.id == board_id) if board_id is not None else None
    rule = quorum.load(board.quorum_rule if board else None)
    seats = _seat_map(board_id) if board_id is not None else {}
    return quorum.evaluate(rule, _quorum_seats(seats, grid, when))


def preview_quorum(
    session, meeting_date: Any, attendance: Any, board_id: int | None = None
) -> quorum.QuorumResult:
    """The quorum of a grid as filled so far (not saved), for the grid screen."""
    authorise(session)
    board_id = board_id if board_id is not None else default_board_id()
    when, _ = rules.as_date(meeting_date)
    return quorum_for(board_id, records.clean_grid(attendance), when)


def meeting_quorate(meeting: BoardMeeting, result: quorum.QuorumResult) -> bool:
    return meeting.quorate_override if meeting.quorate_override is not None else result.quorate


def check_meeting(
    session, meeting: Mapping[str, Any], attendance: Any = None, meeting_id: int | None = None
) -> list[Problem]:
    """Every problem (errors and warnings) with a meeting and its grid, before saving.
    For a saved meeting, missing keys and grid rows keep their saved values."""
    authorise(session)
    if not isinstance(meeting, Mapping):
        return [error("", "The record is missing.")]
    board_id = meeting.get("board_id")
    if meeting_id is not None:
        saved = _get(BoardMeeting, meeting_id, "meeting")
        board_id = saved.board_id
        meeting = {**_meeting_record(saved), **meeting}
        grid = {**_grid_of(saved.id), **_grid_input(attendance)}
        attendance = grid
    board_id = board_id if board_id is not None else default_board_id()
    seats = _seat_map(board_id) if board_id is not None else {}
    return rules.validate_meeting(meeting, attendance, seats, today(session))


def _grid_input(attendance: Any) -> dict[int, Any]:
    """A grid given for an update: blank statuses stay in (they clear a saved row)."""
    if isinstance(attendance, Mapping):
        return dict(attendance)
    if isinstance(attendance, (list, tuple)):
        return {rules.get(r, "role"): r for r in attendance}
    return {}


def _same_day(board_id: int, when: dt.date, but: int | None = None) -> bool:
    query = BoardMeeting.select().where(
        (BoardMeeting.board == board_id) & (BoardMeeting.meeting_date == when)
    )
    if but is not None:
        query = query.where(BoardMeeting.id != but)
    return query.exists()


def _same_day_error() -> ValidationFailed:
    return ValidationFailed(
        [error("meeting_date", "A meeting of this board is already recorded on that date.")]
    )


def record_meeting(
    session, meeting: Mapping[str, Any], attendance: Any = None, source: str = ""
) -> int:
    """Create a meeting with its whole grid ``{role_id: (status, attendee_name)}`` in one
    transaction and one audit entry; returns the meeting's id. ``source`` (an import: file,
    sheet and row) audits it as an "import" with the source as the reason."""
    authorise(session)
    meeting = _mapping(meeting)
    with db().atomic():
        board_id = _board_id(session, meeting.get("board_id"))
        seats = _seat_map(board_id)
        refuse(rules.validate_meeting(meeting, attendance, seats, today(session)))
        values = records.clean_meeting(meeting)
        grid = records.clean_grid(attendance)
        if _same_day(board_id, values["meeting_date"]):
            raise _same_day_error()
        stamp = now(session)
        row = BoardMeeting.create(board=board_id, **values, version=1, created_at=stamp,
                                  updated_at=stamp)
        for role_id, cell in grid.items():
            Attendance.create(meeting=row.id, role=role_id, **cell)
        _audit(session, "import" if source else "create", "board_meeting", row.id,
               new={"board_id": board_id, **values, "attendance": _audit_grid(grid)},
               reason=source)
    return row.id


def update_meeting(
    session,
    meeting_id: int,
    meeting: Mapping[str, Any] | None = None,
    attendance: Any = None,
    expected_version: int | None = None,
) -> int:
    """Change a meeting's fields and/or rows of its grid (rows not given keep their values;
    a row given with a blank status is cleared); returns the new version."""
    authorise(session)
    meeting = _mapping(meeting) if meeting is not None else {}
    with db().atomic():
        saved = _get(BoardMeeting, meeting_id, "meeting")
        if expected_version is not None and saved.version != expected_version:
            raise StaleVersion(
                [error("", f"The meeting of {saved.meeting_date:%d/%m/%Y} was changed by "
                           "someone else after you opened it. Reopen it and make your changes "
                           "again.")]
            )
        old = _meeting_record(saved)
        old_grid = _grid_of(saved.id)
        merged = {**old, **{k: v for k, v in meeting.items() if k in records.MEETING_FIELDS}}
        grid_in = {**old_grid, **_grid_input(attendance)}
        refuse(rules.validate_meeting(merged, grid_in, _seat_map(saved.board_id), today(session)))
        values = records.clean_meeting(merged)
        grid = records.clean_grid(grid_in)
        if values["meeting_date"] != saved.meeting_date and _same_day(
            saved.board_id, values["meeting_date"], but=saved.id
        ):
            raise _same_day_error()
        before, after = _diff({k: old.get(k) for k in values}, values)
        grid_changed = grid != old_grid
        if not after and not grid_changed:
            return saved.version
        rows = BoardMeeting.update(
            **after, version=saved.version + 1, updated_at=now(session)
        ).where((BoardMeeting.id == saved.id) & (BoardMeeting.version == saved.version)).execute()
        if rows != 1:  # saved by someone else since the read above (issue 11)
            raise StaleVersion(
                [error("", f"The meeting of {saved.meeting_date:%d/%m/%Y} was changed by "
                           "someone else after you opened it.")]
            )
        if grid_changed:
            changed = {k for k in set(grid) | set(old_grid) if grid.get(k) != old_grid.get(k)}
            Attendance.delete().where(
                (Attendance.meeting == saved.id) & Attendance.role.in_(sorted(changed))
            ).execute()
            for role_id in sorted(changed & set(grid)):
                Attendance.create(meeting=saved.id, role=role_id, **grid[role_id])
            before["attendance"] = _audit_grid({k: old_grid[k] for k in changed if k in old_grid})
            after["attendance"] = _audit_grid({k: grid[k] for k in changed if k in grid})
        _audit(session, "update", "board_meeting", saved.id, old=before, new=after)
        return saved.version + 1


def delete_meeting(session, meeting_id: int, reason: str) -> None:
    authorise(session)
    if not (reason or "").strip():
        raise ValidationFailed([error("reason", "Give a reason for deleting the meeting.")])
    with db().atomic():
        saved = _get(BoardMeeting, meeting_id, "meeting")
        old = {**_meeting_record(saved), "attendance": _audit_grid(_grid_of(saved.id))}
        Attendance.delete().where(Attendance.meeting == saved.id).execute()
        saved.delete_instance()
        _audit(session, "delete", "board_meeting", meeting_id, old=old, reason=reason)


def meeting_grid(
    session,
    meeting_id: int | None = None,
    *,
    meeting_date: Any = None,
    board_id: int | None = None,
) -> list[GridRow]:
    """The grid of a saved meeting, or a blank grid for a new one on ``meeting_date``: one
    row per seat active on the date, in sort order, with what is recorded so far."""
    authorise(session)
    if meeting_id is not None:
        saved = _get(BoardMeeting, meeting_id, "meeting")
        board_id, when, grid = saved.board_id, saved.meeting_date, _grid_of(saved.id)
    else:
        board_id = board_id if board_id is not None else default_board_id()
        when, _ = rules.as_date(meeting_date)
        grid = {}
    if board_id is None:
        return []
    seats = _seats(board_id)
    holders = _holders_on(when, [s.id for s in seats]) if when else {}
    rows = []
    for seat in seats:
        active = when is None or rules.active_on(_seat_record(seat), when)
        cell = grid.get(seat.id)
        if not active and cell is None:
            continue
        rows.append(
            GridRow(
                seat.id,
                seat.display_label,
                cell["status"] if cell else None,
                cell["attendee_name"] if cell else None,
                seat.deputy_allowed,
                seat.counts_for_quorum,
                seat.agency_name,
                seat.agency_sector,
                holders.get(seat.id),
                active,
            )
        )
    return rows


def get_meeting(session, meeting_id: int) -> dict[str, Any]:
    """A meeting for its screen: its fields, grid rows, computed and effective quorum."""
    authorise(session)
    saved = _get(BoardMeeting, meeting_id, "meeting")
    result = quorum_for(saved.board_id, _grid_of(saved.id), saved.meeting_date)
    return {
        **_meeting_record(saved),
        "grid": meeting_grid(session, meeting_id),
        "quorum": result,
        "quorate": meeting_quorate(saved, result),
    }


def list_meetings(
    session, board_id: int | None = None, period: ReportingPeriod | str | None = None
) -> list[dict[str, Any]]:
    """Meetings in date order (optionally one reporting year's) with their quorum."""
    authorise(session)
    board_id = board_id if board_id is not None else default_board_id()
    if board_id is None:
        return []
    if isinstance(period, str):
        period = period_for(STORE, period)
    query = BoardMeeting.select().where(BoardMeeting.board == board_id)
    if period is not None:
        query = query.where(BoardMeeting.meeting_date.between(period.start, period.end))
    out = []
    # quorum_for's rule and seats, read once for the list rather than once per meeting.
    board = Board.get_or_none(Board.id == board_id)
    rule = quorum.load(board.quorum_rule if board else None)
    seats = _seat_map(board_id)
    for m in query.order_by(BoardMeeting.meeting_date, BoardMeeting.id):
        result = quorum.evaluate(rule, _quorum_seats(seats, _grid_of(m.id), m.meeting_date))
        out.append({**_meeting_record(m), "quorum": result, "quorate": meeting_quorate(m, result),
                    "type_label": V.MEETING_TYPES.label(m.meeting_type)
                    if m.meeting_type in V.MEETING_TYPES else m.meeting_type})
    return out


# -- the return -------------------------------------------------------------------


def write_return(
    session,
    store_module: str,
    return_key: str,
    period: ReportingPeriod,
    tables: list,
    about: Mapping[str, Any],
    path: str | Path,
) -> Path:
    """The board store's return written by returns.export (training's too: same store)."""
    from hscb_desktop.returns import export

    return export.write_return(
        session, STORE, store_module, return_key, period, tables, about, path
    )

def export_board(session, period_spec: str, path: str | Path) -> Path:
    """Tables B1-B3 for a year (April-March), written to ``path``; business unit only."""
    authorise_return(session)
    from hscb_desktop.domains.board import returns as board_returns

    period = period_for(STORE, period_spec)
    tables = board_returns.compute(period, today(session))
    return write_return(
        session,
        "Strategic Board attendance",
        "board",
        period,
        tables,
        {"Counting rules": board_returns.COUNTING_RULES},
        path,
    )


def as_dict(row: GridRow) -> dict[str, Any]:
    return asdict(row)


def period_problems(session, period: ReportingPeriod) -> list[tuple[RecordRef, Problem]]:
    """(reference, problem) for every problem the rules find in the period's meetings and
    their attendance grids, for the annual report's data-quality gate."""
    authorise_return(session)
    found: list[tuple[RecordRef, Problem]] = []
    meetings = (
        BoardMeeting.select()
        .where(BoardMeeting.meeting_date.between(period.start, period.end))
        .order_by(BoardMeeting.meeting_date, BoardMeeting.id)
    )
    for meeting in meetings:
        problems = rules.validate_meeting(
            _meeting_record(meeting), _grid_of(meeting.id), _seat_map(meeting.board_id),
            today(session),
        )
        ref = RecordRef(f"Meeting {meeting.meeting_date:%d/%m/%Y}", "board_meeting", meeting.id)
        found += [(ref, p) for p in problems]
    return found
