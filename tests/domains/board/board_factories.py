"""The Board of SPEC §7.4 entered through the service layer, and small helpers."""

from __future__ import annotations

import datetime as dt

from hscb_desktop.domains.board import service

FOOTNOTE = "*No longer attending Board since May 2015 and are now represented by the CCG."

# (B1 label, seat title, core agency name or None, deputy allowed, attended of 4)
SEATS_7_4 = [
    ("Independent Chair", "Independent Chair", None, False, 4),
    ("Assistant Chief Constable, Hertfordshire Constabulary", "Assistant Chief Constable",
     "Hertfordshire Constabulary", False, 4),
    ("Assistant Chief Legal Officer, Adult & Children's Law, HCC",
     "Assistant Chief Legal Officer", "Hertfordshire County Council", False, 3),
    ("Executive Director Quality & Safety, Hertfordshire Partnership NHS Foundation Trust "
     "(or representative)", "Executive Director Quality & Safety",
     "Hertfordshire Partnership University NHS Foundation Trust", True, 3),
    ("Service Manager, CAFCASS", "Service Manager", "Cafcass", False, 1),
    ("Designated Doctor for Child Protection & Consultant Paediatricians, NHS",
     "Designated Doctor for Child Protection", "Herts Valleys Clinical Commissioning Group",
     False, 4),
    ("Designated Nurse, Safeguarding Children & Children Looked After, E & N Herts CCG "
     "(or representative)", "Designated Nurse",
     "East and North Hertfordshire Clinical Commissioning Group", True, 4),
    ("Director of Children's Services, HCC (or representative)", "Director of Children's Services",
     "HCC Children's Services – Safeguarding & Specialist Services", True, 4),
    ("Director of Quality & Governance, Hertfordshire Community NHS Trust",
     "Director of Quality & Governance", "Hertfordshire Community NHS Trust", False, 4),
    ("Director of Quality & Patient Experience/Nursing, Hertfordshire & South Midlands NHS "
     "England*", "Director of Quality & Patient Experience/Nursing",
     "NHS England – Hertfordshire and South Midlands Local Area Team", False, 4),
    ("Director of Nursing & Quality, Herts Valley CCG", "Director of Nursing & Quality",
     "Herts Valleys Clinical Commissioning Group", False, 4),
    ("Director of Nursing & Quality East & North Herts CCG", "Director of Nursing & Quality",
     "East and North Hertfordshire Clinical Commissioning Group", False, 3),
    ("Chief Nurse & DIPC, West Hertfordshire NHS Trust", "Chief Nurse & DIPC",
     "West Hertfordshire Hospitals NHS Trust", False, 4),
    ("Director of Family Safeguarding, HCC", "Director of Family Safeguarding",
     "HCC Children's Services – Safeguarding & Specialist Services", False, 2),
    ("Representatives of Primary, Secondary and Special Schools", "Schools representatives",
     "Schools (primary, secondary and special)", False, 4),
    ("Deputy Principal, Further Education", "Deputy Principal", "Further Education", False, 0),
    ("Chief Executive, District Councils (or nominated representative)", "Chief Executive",
     "District and Borough Councils", True, 3),
    ("Lay Member #1", "Lay Member", None, False, 0),
    ("Lay Member #2", "Lay Member", None, False, 2),
    ("Executive Member, Children's Services", "Executive Member, Children's Services",
     "Hertfordshire County Council", False, 2),
    ("Head of Hertfordshire National Probation Service – National Probation Service",
     "Head of Hertfordshire National Probation Service", "National Probation Service", False, 3),
    ("Head of Service, Children & Young People, Public Health", "Head of Service",
     "HCC Public Health", False, 3),
    ("Operational Director, Herts BeNCH CRC", "Operational Director",
     "BeNCH Community Rehabilitation Company", False, 3),
    ("HSCB Business Manager", "HSCB Business Manager", "HSCB", False, 4),
    ("HSCB Development Manager", "HSCB Development Manager", "HSCB", False, 4),
    ("HSCB Data Analyst", "HSCB Data Analyst", "HSCB", False, 3),
]
# The table of §7.4, row for row.
B1_7_4 = [(label, f"{n}/4") for label, _, _, _, n in SEATS_7_4]

MEETINGS_2016_17 = [dt.date(2016, 6, 9), dt.date(2016, 9, 22), dt.date(2016, 12, 8),
                    dt.date(2017, 3, 9)]
DEVELOPMENT_DAY = dt.date(2016, 11, 17)
STATUTORY = {"Hertfordshire Constabulary", "Hertfordshire County Council",
             "HCC Children's Services – Safeguarding & Specialist Services",
             "Herts Valleys Clinical Commissioning Group",
             "East and North Hertfordshire Clinical Commissioning Group"}


def agency_ids(session) -> dict[str, int]:
    return {a["name"]: a["id"] for a in service.agency_choices(session)}


def add_seats(session) -> list[int]:
    ids = agency_ids(session)
    seat_ids = []
    for order, (label, title, agency, deputy, _) in enumerate(SEATS_7_4, start=1):
        seat_ids.append(service.create_seat(session, {
            "title": title,
            "display_label": label,
            "agency_id": ids[agency] if agency else None,
            "deputy_allowed": deputy,
            "statutory_partner": agency in STATUTORY,
            "counts_for_quorum": agency in STATUTORY,
            "sort_order": order * 10,
            "footnote": FOOTNOTE if label.endswith("*") else None,
        }))
    return seat_ids


def grid_for(seat_ids, meeting_index: int) -> dict:
    """Seat i attends meeting j when (i + j) % 4 < n; a deputy-allowed seat sends its deputy
    to its first meeting of the year it attends; absences alternate apologies/absent."""
    grid = {}
    for i, (seat_id, (_, _, _, deputy, n)) in enumerate(zip(seat_ids, SEATS_7_4)):
        attends = (i + meeting_index) % 4 < n
        if attends and deputy and (i + meeting_index) % 4 == 0:
            grid[seat_id] = ("deputy_attended", "A. Deputy")
        elif attends:
            grid[seat_id] = ("attended", None)
        else:
            grid[seat_id] = ("apologies" if (i + meeting_index) % 2 else "absent_no_apologies",
                             None)
    return grid


def enter_7_4(session) -> list[int]:
    """Seats, four ordinary meetings and a development day (not counted), all through the
    service; returns the seat ids in sort order."""
    seat_ids = add_seats(session)
    for j, day in enumerate(MEETINGS_2016_17):
        service.record_meeting(session, {"meeting_date": day, "meeting_type": "ordinary"},
                               grid_for(seat_ids, j))
    # Nobody's figure changes for a development day, whoever came.
    service.record_meeting(session, {"meeting_date": DEVELOPMENT_DAY,
                                     "meeting_type": "development_day"},
                           {sid: ("absent_no_apologies", None) for sid in seat_ids})
    return seat_ids
