"""Board return tables B1-B3 as plain data (SPEC §4.4, §6, §7.4).

B1 is the annual report's Appendix 2: every seat active in the year, in sort order,
with its label and "n/m" as text (the workbook writer forces text cells, so Excel
never turns "4/4" into a date or a fraction), and the seats' footnotes under it.
"""

from __future__ import annotations

import datetime as dt

from hscb_desktop.core.periods import ReportingPeriod
from hscb_desktop.domains.board import queries as Q
from hscb_desktop.domains.board import service as S
from hscb_desktop.domains.board import vocab as V
from hscb_desktop.returns import Table, percent

COUNTING_RULES = (
    "Board meetings are counted by meeting date (April - March). A seat's attendance is "
    "'meetings attended / meetings it could attend': ordinary and extraordinary meetings held "
    "while the seat was active (development days and joint meetings with the adults' board do "
    "not count, unless a meeting says otherwise; a meeting where the seat was not required is "
    "left out). A deputy's attendance counts only for seats marked '(or representative)'. "
    "Percentages are whole numbers rounded half up. No names are included."
)
B1_HEADERS = ["Member / Agency / Organisation", "Attendance"]


def b1(period: ReportingPeriod, figures: list[Q.SeatFigure]) -> Table:
    notes: list[str] = []
    for f in figures:
        if f.footnote and f.footnote not in notes:
            notes.append(f.footnote)
    return Table(
        "B1",
        f"Attendance at Strategic Board meetings {period.long_label}",
        list(B1_HEADERS),
        [[f.label, f.text] for f in figures],
        notes,
        sheet="B1 Board attendance",
    )


def b2(figures: list[Q.SeatFigure]) -> Table:
    groups = Q.agency_figures(figures)
    attended = sum(g.attended for g in groups)
    possible = sum(g.possible for g in groups)
    return Table(
        "B2",
        "Attendance rate by agency",
        ["Agency", "Seats", "Attendances", "Possible attendances", "Attendance rate"],
        [[g.agency_name, g.seats, g.attended, g.possible, g.rate] for g in groups],
        [
            "Attendance rate = attendances / possible attendances, summed over the agency's "
            "seats (the n and m of table B1)."
        ],
        ["Total", sum(g.seats for g in groups), attended, possible, percent(attended, possible)],
        sheet="B2 Attendance by agency",
    )


def _heading(meeting) -> str:
    text = f"{meeting.meeting_date:%d/%m/%Y}"
    if not meeting.counts_for_attendance:
        kind = (
            V.MEETING_TYPES.label(meeting.meeting_type).lower()
            if meeting.meeting_type in V.MEETING_TYPES
            else "meeting"
        )
        text += f" ({kind}, not counted)"
    return text


def b3(data: Q.YearData, board_id: int | None) -> Table:
    rows = []
    for seat in data.seats:
        row: list = [seat.display_label]
        for m in data.meetings:
            status = data.cells.get((m.id, seat.id), (None, None))[0]
            active = Q._active(seat, m.meeting_date)
            row.append(V.GRID_CODES.get(status) if active and status else None)
        rows.append(row)
    quorate = ["Quorate"]
    for m in data.meetings:
        grid = {
            role: {"status": status}
            for (meeting, role), (status, _) in data.cells.items()
            if meeting == m.id
        }
        quorate.append(S.meeting_quorate(m, S.quorum_for(board_id, grid, m.meeting_date)))
    return Table(
        "B3",
        "Attendance meeting by meeting",
        ["Member / Agency / Organisation", *(_heading(m) for m in data.meetings)],
        rows,
        [
            "A attended; D deputy attended; Ap apologies; X absent without apologies; "
            "\u2013 not required; blank: nothing recorded, or the seat was not active then.",
            "Quorate: at least one attendee from each statutory partner (local authority, "
            "police, health) unless the board's quorum rule says otherwise, or as overridden "
            "on the meeting.",
        ],
        quorate if data.meetings else None,
        sheet="B3 Meeting by meeting",
    )


def compute(period: ReportingPeriod, until: dt.date | None = None) -> list[Table]:
    """Tables B1-B3 for the default board's year; meetings after ``until`` are not yet held."""
    board_id = S.default_board_id()
    data = Q.load(period, until, board_id)
    figures = Q.seat_figures(data)
    return [b1(period, figures), b2(figures), b3(data, board_id)]
