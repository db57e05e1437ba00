"""Synthetic training records for a new user to try the module (``hscb-desktop demo``).

The courses and figures follow the annual report's Appendix 3 for 2016-17 (SPEC §7.5:
published aggregate figures): 15 courses run 50 times, 1,217 attendees from 27 agencies.
Most runs are recorded as counts per agency; two courses per delegate, with no names
(a delegate's name is optional). Runs after ``today`` are left out.
"""

from __future__ import annotations

import datetime as dt

from hscb_desktop.core.vocab import TRAINING_RETURN_AGENCIES

ATTENDEES = (52, 140, 351, 12, 26, 21, 3, 46, 30, 160, 13, 35, 24, 14, 9, 22, 9, 1, 4, 14, 14,
             3, 2, 108, 48, 7, 49)  # per TRAINING_RETURN_AGENCIES, in order
# (title, format, theme, attendees, runs)
COURSES = (
    ("Safeguarding Disabled Children", "full_day", "Disability", 48, 3),
    ("Bruising Lite Bite", "lite_bite", "Physical abuse", 86, 4),
    ("Child Sexual Exploitation Prevention, Protection and Investigation", "full_day", "CSE",
     65, 3),
    ("Self-Harm Awareness Lite Bite", "lite_bite", "Self-harm", 63, 4),
    ("Understanding Neglect - a half day refresher", "half_day", "Neglect", 39, 2),
    ("Safeguarding and Child Protection Multi-Agency course", "full_day", None, 254, 11),
    ("FGM: Tackling Female Genital Mutilation Together", "full_day", "FGM", 105, 6),
    ("The Toxic Trio", "full_day", "Domestic abuse", 107, 4),
    ("Serious and Partnership Case Reviews and Audits Lite Bite", "lite_bite",
     "Learning reviews", 21, 2),
    ("Graded Care Profile Lite Bite", "lite_bite", "Neglect", 62, 3),
    ("Learning and Action from Recent Hertfordshire Serious Case Reviews", "half_day",
     "Learning reviews", 115, 3),
    ("HSCB Annual Conference 2016 - Neglect", "conference", "Neglect", 162, 1),
    ("Disguised Compliance and Avoidant Families", "half_day", "Neglect", 20, 1),
    ("FGM Learning Seminar and Workshop", "seminar_workshop", "FGM", 52, 2),
    ("Graded Care Profile - Train the Trainer", "train_the_trainer", "Neglect", 18, 1),
)
PER_DELEGATE = ("Graded Care Profile - Train the Trainer",
                "Disguised Compliance and Avoidant Families")
CONFERENCE_DAY = dt.date(2016, 11, 16)
VENUES = ("County Hall, Hertford", "Robertson House, Stevenage", "Apsley, Hemel Hempstead")


def run_dates(runs: int, offset: int) -> list[dt.date]:
    """``runs`` dates spread over April 2016 - March 2017, on weekdays."""
    out = []
    for r in range(runs):
        day = dt.date(2016, 4, 11) + dt.timedelta(days=(offset * 11 + r * 340 // runs) % 340)
        out.append(day + dt.timedelta(days=(7 - day.weekday()) % 7 if day.weekday() > 4 else 0))
    return out


def fill(session, today: dt.date) -> int:
    """Courses and their 2016-17 runs held by ``today``, with attendance, through the
    service; returns the number of courses and runs added."""
    from hscb_desktop.domains.training import service

    agencies = {a["name"]: a["id"] for a in service.agency_choices(session, True)}
    stream = [agencies[name] for name, n in zip(TRAINING_RETURN_AGENCIES, ATTENDEES)
              if name in agencies for _ in range(n)]
    hscb = agencies.get("HSCB")
    added, position = 0, 0
    for index, (title, kind, theme, attendees, runs) in enumerate(COURSES):
        course = service.create_course(session, {"title": title, "format": kind, "theme": theme,
                                                 "sort_order": index + 1})
        added += 1
        days = [CONFERENCE_DAY] if kind == "conference" else run_dates(runs, index)
        for r, day in enumerate(days):
            size = attendees // runs + (1 if r < attendees % runs else 0)
            delegates, position = stream[position:position + size], position + size
            if day > today:
                continue
            run = service.create_run(session, {
                "course_id": course, "run_date": day, "venue": VENUES[(index + r) % 3],
                "capacity": 200 if kind == "conference" else size + 2 + r % 4,
                "trainer_agency_ids": [hscb] if hscb else [],
            })
            added += 1
            if title in PER_DELEGATE:
                service.add_bookings(session, run, [
                    {"agency_id": a, "status": "attended"} for a in delegates
                ] + [{"agency_id": delegates[0], "status": "no_show"}])
            else:
                counts: dict[int, dict[str, int]] = {}
                for a in delegates:
                    row = counts.setdefault(a, {"attended_count": 0, "booked_count": 0})
                    row["attended_count"] += 1
                    row["booked_count"] += 1
                first = delegates[0]
                counts[first]["booked_count"] += 1
                counts[first]["cancelled_count"] = 1
                service.set_counts(session, run, counts)
    return added
