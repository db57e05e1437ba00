"""What the Board's attendance adds up to (SPEC §4.3, §8.11): each seat's "n/m" for a
year, attendance by agency, and seats that missed two counting meetings in a row.

The ``*_figures`` functions read the store without a session (``returns`` uses them
after the export has checked the roles); the others check the session first.

Counting rules:

- denominator: meetings that count for attendance (ordinary and extraordinary, or as
  overridden on the meeting), held on or before ``until`` (today), while the seat was
  active; a meeting where the seat was marked "not required" is left out;
- numerator: those where the seat's holder attended, or a deputy attended and the
  seat allows deputies;
- a seat with no such meetings shows "n/a".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from hscb_desktop.core.periods import ReportingPeriod, period_for
from hscb_desktop.domains.board import rules
from hscb_desktop.domains.board import service as S
from hscb_desktop.domains.board.models import Attendance, BoardMeeting, BoardRole
from hscb_desktop.returns import Percent, percent

NOT_APPLICABLE = "n/a"


@dataclass
class SeatFigure:
    role_id: int
    label: str
    agency_name: str | None
    sort_order: int
    footnote: str | None
    attended: int  # the numerator
    possible: int  # the denominator
    deputy_attended: int = 0  # deputies counted in ``attended``
    missed: list[dt.date] = field(default_factory=list)  # eligible meetings not attended

    @property
    def text(self) -> str:
        """ "4/4" as the annual report prints it; "n/a" without eligible meetings."""
        return f"{self.attended}/{self.possible}" if self.possible else NOT_APPLICABLE

    @property
    def rate(self) -> Percent | None:
        return percent(self.attended, self.possible)


@dataclass
class YearData:
    """One board's seats, meetings and attendance for a period, read once."""

    seats: list[BoardRole]
    meetings: list[BoardMeeting]
    cells: dict[tuple[int, int], tuple[str, str | None]]  # (meeting, role) -> status, name


def _period(period: ReportingPeriod | str) -> ReportingPeriod:
    return period_for(S.STORE, period) if isinstance(period, str) else period


def load(period: ReportingPeriod | None, until: dt.date | None, board_id: int | None = None):
    """Seats active at any time in the period (all seats without one), in sort order, and
    the period's meetings held on or before ``until``."""
    board_id = board_id if board_id is not None else S.default_board_id()
    if board_id is None:
        return YearData([], [], {})
    seats = S._seats(board_id)
    query = BoardMeeting.select().where(BoardMeeting.board == board_id)
    if period is not None:
        seats = [s for s in seats if S._overlaps(s, period)]
        query = query.where(BoardMeeting.meeting_date.between(period.start, period.end))
    if until is not None:
        query = query.where(BoardMeeting.meeting_date <= until)
    meetings = list(query.order_by(BoardMeeting.meeting_date, BoardMeeting.id))
    cells = {}
    if meetings:
        # Plain tuples, not model objects: ten years hold ~1,000 marks (the work tray).
        marks = (Attendance.select(Attendance.meeting, Attendance.role, Attendance.status,
                                   Attendance.attendee_name)
                 .where(Attendance.meeting.in_([m.id for m in meetings])).tuples())
        for meeting_id, role_id, status, name in marks:
            cells[(meeting_id, role_id)] = (status, name)
    return YearData(seats, meetings, cells)


def _active(seat: BoardRole, day: dt.date) -> bool:
    return (seat.active_from is None or seat.active_from <= day) and (
        seat.active_to is None or day <= seat.active_to
    )


def eligible(data: YearData, seat: BoardRole) -> list[tuple[BoardMeeting, str | None]]:
    """The counting meetings a seat's figure is over, with its status at each."""
    out = []
    for m in data.meetings:
        if not m.counts_for_attendance or not _active(seat, m.meeting_date):
            continue
        status = data.cells.get((m.id, seat.id), (None, None))[0]
        if status == "not_required":
            continue
        out.append((m, status))
    return out


def present(seat: BoardRole, status: str | None) -> bool:
    return status == "attended" or (status == "deputy_attended" and seat.deputy_allowed)


def seat_figures(data: YearData) -> list[SeatFigure]:
    out = []
    for seat in data.seats:
        rows = eligible(data, seat)
        attended = [m for m, status in rows if present(seat, status)]
        out.append(
            SeatFigure(
                seat.id,
                seat.display_label,
                seat.agency_name,
                seat.sort_order,
                seat.footnote,
                len(attended),
                len(rows),
                sum(1 for _, status in rows if status == "deputy_attended" and seat.deputy_allowed),
                [m.meeting_date for m, status in rows if not present(seat, status)],
            )
        )
    return out


@dataclass
class AgencyFigure:
    agency_name: str
    attended: int
    possible: int
    seats: int

    @property
    def rate(self) -> Percent | None:
        """Attendances / possible attendances (the sums of the seats' n and m)."""
        return percent(self.attended, self.possible)


def agency_figures(figures: list[SeatFigure]) -> list[AgencyFigure]:
    """Seats grouped by agency, in the order each agency's first seat appears."""
    groups: dict[str, AgencyFigure] = {}
    for f in figures:
        name = f.agency_name or S.NO_AGENCY
        group = groups.setdefault(name, AgencyFigure(name, 0, 0, 0))
        group.attended += f.attended
        group.possible += f.possible
        group.seats += 1
    return list(groups.values())


def missed_runs(data: YearData, length: int = 2) -> list[dict[str, Any]]:
    """Seats that missed at least ``length`` eligible meetings in a row: each with every such
    run of meeting dates, and ``current`` when the latest run reaches the latest meeting."""
    out = []
    for seat in data.seats:
        runs, run = [], []
        rows = eligible(data, seat)
        for m, status in rows:
            if present(seat, status):
                if len(run) >= length:
                    runs.append(run)
                run = []
            else:
                run.append(m.meeting_date)
        current = len(run) >= length
        if current:
            runs.append(run)
        if runs:
            out.append(
                {
                    "role_id": seat.id,
                    "label": seat.display_label,
                    "agency_name": seat.agency_name,
                    "runs": runs,
                    "longest": max(len(r) for r in runs),
                    "current": current,
                }
            )
    return out


def current_missed_runs(until: dt.date | None, board_id: int | None = None,
                        length: int = 2, batch: int = 4) -> list[dict[str, Any]]:
    """``missed_runs``' seats whose latest run is current (reaches the latest meeting), each
    with that run only. Read from the newest meeting back, a few meetings at a time, until
    every seat has attended since or run out of meetings: the work tray's question, which
    over ten years needs the last few meetings, not every mark ever recorded."""
    board_id = board_id if board_id is not None else S.default_board_id()
    if board_id is None:
        return []
    seats = S._seats(board_id)
    query = BoardMeeting.select().where(BoardMeeting.board == board_id)
    if until is not None:
        query = query.where(BoardMeeting.meeting_date <= until)
    newest_first = list(query.order_by(BoardMeeting.meeting_date.desc(), BoardMeeting.id.desc()))
    runs: dict[int, list[dt.date]] = {seat.id: [] for seat in seats}
    open_seats = list(seats)  # not yet seen attending, newest first
    for start in range(0, len(newest_first), batch):
        if not open_seats:
            break
        chunk = newest_first[start:start + batch]
        data = YearData(open_seats, chunk, {})
        marks = (Attendance.select(Attendance.meeting, Attendance.role, Attendance.status)
                 .where(Attendance.meeting.in_([m.id for m in chunk])
                        & Attendance.role.in_([seat.id for seat in open_seats])).tuples())
        for meeting_id, role_id, status in marks:
            data.cells[(meeting_id, role_id)] = (status, None)
        still_open = []
        for seat in open_seats:
            ended = False
            for m, status in eligible(data, seat):  # newest first, as the chunk is
                if present(seat, status):
                    ended = True
                    break
                runs[seat.id].append(m.meeting_date)
            if not ended:
                still_open.append(seat)
        open_seats = still_open
    out = []
    for seat in seats:
        run = runs[seat.id][::-1]  # oldest first, as missed_runs gives them
        if len(run) >= length:
            out.append({"role_id": seat.id, "label": seat.display_label,
                        "agency_name": seat.agency_name, "runs": [run], "longest": len(run),
                        "current": True})
    return out


# -- with a session -------------------------------------------------------------------


def seat_attendance(
    session, period: ReportingPeriod | str, board_id: int | None = None
) -> list[SeatFigure]:
    """Each seat active in the year, in sort order, with its "n/m" (``.text``)."""
    S.authorise(session)
    return seat_figures(load(_period(period), S.today(session), board_id))


def agency_attendance(
    session, period: ReportingPeriod | str, board_id: int | None = None
) -> list[AgencyFigure]:
    S.authorise(session)
    return agency_figures(seat_figures(load(_period(period), S.today(session), board_id)))


def missed_two_in_a_row(
    session, period: ReportingPeriod | str | None = None, board_id: int | None = None
) -> list[dict[str, Any]]:
    """Seats that missed two (or more) counting meetings in a row, in the year or (no
    period) over every meeting held so far."""
    S.authorise(session)
    return missed_runs(
        load(_period(period) if period is not None else None, S.today(session), board_id)
    )


def missed_two_now(session, board_id: int | None = None) -> list[dict[str, Any]]:
    """Seats missing their last two (or more) counting meetings, up to today."""
    S.authorise(session)
    return current_missed_runs(S.today(session), board_id)


def seat_text(session, role_id: int, period: ReportingPeriod | str) -> str:
    """One seat's "n/m" for a year ("n/a" when it had no counting meetings)."""
    for f in seat_attendance(session, period):
        if f.role_id == role_id:
            return f.text
    return NOT_APPLICABLE


def is_active(seat: dict[str, Any], day: dt.date) -> bool:
    return rules.active_on(seat, day)
