"""The training year of SPEC §7.5 entered through the service layer."""

from __future__ import annotations

import datetime as dt

from hscb_desktop.domains.training import service

AGENCIES_7_5 = [
    ("Adult Care Services", 52), ("Children's centre", 140), ("Children's Services", 351),
    ("Colleges", 12), ("District Council", 26), ("Drug and Alcohol Service", 21),
    ("Education", 3), ("Family Support Services", 46),
    ("Health - East and North Herts NHS Trust", 30),
    ("Health - Hertfordshire Community NHS Trust", 160),
    ("Health - Herts NHS Foundation Trust", 13), ("Health - NHS Hertfordshire", 35),
    ("Health - West Herts Hospitals Trusts", 24), ("Health - Other", 14),
    ("Herts Constabulary", 9), ("Hertfordshire County Council", 22), ("Housing Provider", 9),
    ("HSCB", 1), ("Nursery", 4), ("Other", 14), ("Pre-school", 14), ("Probation", 3),
    ("School", 2), ("Schools - designated senior person", 108),
    ("Schools - non designated senior person", 48), ("South West Partnership", 7),
    ("Voluntary Sector", 49),
]
COURSES_7_5 = [
    ("Safeguarding Disabled Children", 48, 3),
    ("Bruising Lite Bite", 86, 4),
    ("Child Sexual Exploitation Prevention, Protection and Investigation", 65, 3),
    ("Self-Harm Awareness Lite Bite", 63, 4),
    ("Understanding Neglect - a half day refresher", 39, 2),
    ("Safeguarding and Child Protection Multi-Agency course", 254, 11),
    ("FGM: Tackling Female Genital Mutilation Together", 105, 6),
    ("The Toxic Trio", 107, 4),
    ("Serious and Partnership Case Reviews and Audits Lite Bite", 21, 2),
    ("Graded Care Profile Lite Bite", 62, 3),
    ("Learning and Action from Recent Hertfordshire Serious Case Reviews", 115, 3),
    ("HSCB Annual Conference 2016 - Neglect", 162, 1),
    ("Disguised Compliance and Avoidant Families", 20, 1),
    ("FGM Learning Seminar and Workshop", 52, 2),
    ("Graded Care Profile - Train the Trainer", 18, 1),
]
PER_DELEGATE = {"Graded Care Profile - Train the Trainer",
                "Disguised Compliance and Avoidant Families"}


def course_format(title: str) -> str:
    lowered = title.lower()
    for needle, code in (("lite bite", "lite_bite"), ("conference", "conference"),
                         ("train the trainer", "train_the_trainer"),
                         ("seminar", "seminar_workshop"), ("half day", "half_day")):
        if needle in lowered:
            return code
    return "full_day"


def agency_ids(session) -> dict[str, int]:
    return {a["name"]: a["id"] for a in service.agency_choices(session)}


def enter_7_5(session) -> dict[str, int]:
    """15 courses, 50 runs (plus one cancelled run), 1,217 attendees from 27 agencies; two
    courses recorded per delegate (with bookings that did not attend), the rest as counts
    per agency. Returns course ids by title."""
    ids = agency_ids(session)
    stream = [name for name, n in AGENCIES_7_5 for _ in range(n)]  # one entry per attendee
    assert len(stream) == 1217
    courses, position, run_number = {}, 0, 0
    for title, attendees, runs in COURSES_7_5:
        courses[title] = service.create_course(session, {"title": title,
                                                         "format": course_format(title)})
        for r in range(runs):
            size = attendees // runs + (1 if r < attendees % runs else 0)
            day = dt.date(2016, 4, 4) + dt.timedelta(days=7 * run_number)
            run_number += 1
            run = service.create_run(session, {
                "course_id": courses[title], "run_date": day, "venue": "County Hall",
                "capacity": size + 5, "trainer_agency_ids": [ids["HSCB"]]})
            delegates = stream[position:position + size]
            position += size
            if title in PER_DELEGATE:
                rows = [{"agency_id": ids[name], "status": "attended"} for name in delegates]
                rows[0]["status"] = "unscheduled_attended"  # still an attendee
                rows[1]["delegate_name"], rows[1]["job_role"] = "Sam Example", "Social worker"
                first = ids[delegates[0]]
                rows += [{"agency_id": first, "status": "no_show"},
                         {"agency_id": first, "status": "cancelled"}]
                service.add_bookings(session, run, rows)
            else:
                counts: dict[int, dict] = {}
                for name in delegates:
                    row = counts.setdefault(ids[name], {"attended_count": 0, "booked_count": 0})
                    row["attended_count"] += 1
                    row["booked_count"] += 1
                service.set_counts(session, run, counts)
    assert position == 1217
    # A cancelled run: not one of the 50.
    service.create_run(session, {"course_id": courses["The Toxic Trio"],
                                 "run_date": dt.date(2017, 3, 20), "capacity": 30,
                                 "cancelled": True})
    return courses
