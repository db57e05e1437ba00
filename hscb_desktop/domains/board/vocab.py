"""Board code lists (SPEC §4.2, §8.11). Records store codes; screens and workbooks show
labels. List order is display order."""

from __future__ import annotations

from hscb_desktop.core.vocab import CodeList

MEETING_TYPES = CodeList(
    "meeting type",
    [
        ("ordinary", "Ordinary"),
        ("extraordinary", "Extraordinary"),
        ("joint_with_adults_board", "Joint with the Adults' Board"),
        ("development_day", "Development day"),
    ],
)
# §8.11: development days and joint boards with the adults' board do not count towards
# attendance (a meeting may override this).
COUNTING_MEETING_TYPES = frozenset({"ordinary", "extraordinary"})

ATTENDANCE_STATUSES = CodeList(
    "attendance",
    [
        ("attended", "Attended"),
        ("deputy_attended", "Deputy attended"),
        ("apologies", "Apologies"),
        ("absent_no_apologies", "Absent (no apologies)"),
        ("not_required", "Not required"),
    ],
)
# The B3 grid's cell codes. Not required is an en dash: a plain "-" is a formula trigger
# that the workbook writer would quote as "'-" (XLS-1).
GRID_CODES = {
    "attended": "A",
    "deputy_attended": "D",
    "apologies": "Ap",
    "absent_no_apologies": "X",
    "not_required": "\u2013",
}
# One keystroke per grid row (the GUI's suggestion; the service takes codes).
STATUS_KEYS = {
    "a": "attended",
    "d": "deputy_attended",
    "p": "apologies",
    "x": "absent_no_apologies",
    "n": "not_required",
}
# Statuses that put someone in the room (for the quorum; deputies only where allowed).
PRESENT_STATUSES = frozenset({"attended", "deputy_attended"})


def counts_for_attendance(meeting_type: object) -> bool:
    return isinstance(meeting_type, str) and meeting_type in COUNTING_MEETING_TYPES
