"""Training code lists (SPEC §5.2). Records store codes; screens and workbooks show labels."""

from __future__ import annotations

from hscb_desktop.core.vocab import CodeList

COURSE_FORMATS = CodeList(
    "course format",
    [
        ("lite_bite", "Lite Bite"),
        ("half_day", "Half day"),
        ("full_day", "Full day"),
        ("conference", "Conference"),
        ("e_learning", "E-learning"),
        ("train_the_trainer", "Train the trainer"),
        ("seminar_workshop", "Seminar / workshop"),
    ],
)

BOOKING_STATUSES = CodeList(
    "booking status",
    [
        ("attended", "Attended"),
        ("cancelled", "Cancelled"),
        ("no_show", "No show"),
        ("unscheduled_attended", "Attended without booking"),
    ],
)
# §5.3: attendees = attended + unscheduled attended.
ATTENDED_STATUSES = frozenset({"attended", "unscheduled_attended"})
# Booked = every booking made ahead (an unscheduled attendee had none).
BOOKED_STATUSES = frozenset({"attended", "cancelled", "no_show"})

# Suggested priority themes (free text is allowed).
THEMES = ("Neglect", "CSE", "FGM", "Self-harm", "Disability", "Domestic abuse", "Learning reviews")
