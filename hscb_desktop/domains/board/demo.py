"""Synthetic Board records for a new user to try the module (``hscb-desktop demo``).

The seats and attendance figures follow the annual report's Appendix 2 for 2016-2017
(SPEC §7.4: published aggregate figures, not personal data): 26 seats, four ordinary
meetings and a development day in November 2016 that does not count. Every person's
name is invented. Meetings after ``today`` are left out.
"""

from __future__ import annotations

from hscb_desktop.core.synthetic import FIRST_NAMES, LAST_NAMES

import datetime as dt

FOOTNOTE = "*No longer attending Board since May 2015 and are now represented by the CCG."
HCC_SSS = "HCC Children's Services – Safeguarding & Specialist Services"
HVCCG = "Herts Valleys Clinical Commissioning Group"
ENHCCG = "East and North Hertfordshire Clinical Commissioning Group"

# (label printed in B1, seat title, core agency or None, deputy allowed, statutory partner,
#  meetings attended of 4)
SEATS = (
    ("Independent Chair", "Independent Chair", None, False, False, 4),
    ("Assistant Chief Constable, Hertfordshire Constabulary", "Assistant Chief Constable",
     "Hertfordshire Constabulary", False, True, 4),
    ("Assistant Chief Legal Officer, Adult & Children's Law, HCC",
     "Assistant Chief Legal Officer", "Hertfordshire County Council", False, True, 3),
    ("Executive Director Quality & Safety, Hertfordshire Partnership NHS Foundation Trust "
     "(or representative)", "Executive Director Quality & Safety",
     "Hertfordshire Partnership University NHS Foundation Trust", True, True, 3),
    ("Service Manager, CAFCASS", "Service Manager", "Cafcass", False, False, 1),
    ("Designated Doctor for Child Protection & Consultant Paediatricians, NHS",
     "Designated Doctor for Child Protection", HVCCG, False, True, 4),
    ("Designated Nurse, Safeguarding Children & Children Looked After, E & N Herts CCG "
     "(or representative)", "Designated Nurse", ENHCCG, True, True, 4),
    ("Director of Children's Services, HCC (or representative)",
     "Director of Children's Services", HCC_SSS, True, True, 4),
    ("Director of Quality & Governance, Hertfordshire Community NHS Trust",
     "Director of Quality & Governance", "Hertfordshire Community NHS Trust", False, True, 4),
    ("Director of Quality & Patient Experience/Nursing, Hertfordshire & South Midlands NHS "
     "England*", "Director of Quality & Patient Experience/Nursing",
     "NHS England – Hertfordshire and South Midlands Local Area Team", False, True, 4),
    ("Director of Nursing & Quality, Herts Valley CCG", "Director of Nursing & Quality", HVCCG,
     False, True, 4),
    ("Director of Nursing & Quality East & North Herts CCG", "Director of Nursing & Quality",
     ENHCCG, False, True, 3),
    ("Chief Nurse & DIPC, West Hertfordshire NHS Trust", "Chief Nurse & DIPC",
     "West Hertfordshire Hospitals NHS Trust", False, True, 4),
    ("Director of Family Safeguarding, HCC", "Director of Family Safeguarding", HCC_SSS, False,
     True, 2),
    ("Representatives of Primary, Secondary and Special Schools", "Schools representatives",
     "Schools (primary, secondary and special)", False, False, 4),
    ("Deputy Principal, Further Education", "Deputy Principal", "Further Education", False,
     False, 0),
    ("Chief Executive, District Councils (or nominated representative)", "Chief Executive",
     "District and Borough Councils", True, True, 3),
    ("Lay Member #1", "Lay Member", None, False, False, 0),
    ("Lay Member #2", "Lay Member", None, False, False, 2),
    ("Executive Member, Children's Services", "Executive Member, Children's Services",
     "Hertfordshire County Council", False, False, 2),
    ("Head of Hertfordshire National Probation Service – National Probation Service",
     "Head of Hertfordshire National Probation Service", "National Probation Service", False,
     False, 3),
    ("Head of Service, Children & Young People, Public Health", "Head of Service",
     "HCC Public Health", False, False, 3),
    ("Operational Director, Herts BeNCH CRC", "Operational Director",
     "BeNCH Community Rehabilitation Company", False, False, 3),
    ("HSCB Business Manager", "HSCB Business Manager", "HSCB", False, False, 4),
    ("HSCB Development Manager", "HSCB Development Manager", "HSCB", False, False, 4),
    ("HSCB Data Analyst", "HSCB Data Analyst", "HSCB", False, False, 3),
)
MEETINGS = (dt.date(2016, 6, 9), dt.date(2016, 9, 22), dt.date(2016, 12, 8),
            dt.date(2017, 3, 9))
DEVELOPMENT_DAY = dt.date(2016, 11, 17)
_FIRST = FIRST_NAMES[:10]
_LAST = LAST_NAMES[:7]


def _name(i: int) -> str:
    return f"{_FIRST[i % len(_FIRST)]} {_LAST[(i // len(_FIRST) + i) % len(_LAST)]}"


def grid(seat_ids: list[int], j: int) -> dict[int, tuple[str, str | None]]:
    """Meeting ``j``'s attendance: seat i attends when (i + j) % 4 < its count, a deputy
    at one of those where deputies are allowed."""
    out: dict[int, tuple[str, str | None]] = {}
    for i, (seat_id, seat) in enumerate(zip(seat_ids, SEATS)):
        deputy, attended = seat[3], seat[5]
        if (i + j) % 4 < attended:
            out[seat_id] = (
                ("deputy_attended", _name(100 + i)) if deputy and (i + j) % 4 == 0
                else ("attended", None)
            )
        else:
            out[seat_id] = ("apologies" if (i + j) % 2 else "absent_no_apologies", None)
    return out


def fill(session, today: dt.date) -> int:
    """Seats with their (invented) holders and the 2016-17 meetings held by ``today``, all
    through the service; returns the number of seats and meetings added."""
    from hscb_desktop.domains.board import service

    agencies = {a["name"]: a["id"] for a in service.agency_choices(session, True)}
    seat_ids = []
    for order, (label, title, agency, deputy, statutory, _) in enumerate(SEATS, start=1):
        seat_id = service.create_seat(session, {
            "title": title,
            "display_label": label,
            "agency_id": agencies.get(agency) if agency else None,
            "deputy_allowed": deputy,
            "statutory_partner": statutory,
            "counts_for_quorum": statutory,
            "sort_order": order * 10,
            "footnote": FOOTNOTE if label.endswith("*") else None,
        })
        service.add_holder(session, seat_id, {"person_name": _name(order),
                                              "from_date": dt.date(2015, 4, 1)})
        seat_ids.append(seat_id)
    added = len(seat_ids)
    for j, day in enumerate(MEETINGS):
        if day <= today:
            service.record_meeting(session, {"meeting_date": day, "meeting_type": "ordinary"},
                                   grid(seat_ids, j))
            added += 1
    if DEVELOPMENT_DAY <= today:
        service.record_meeting(
            session,
            {"meeting_date": DEVELOPMENT_DAY, "meeting_type": "development_day",
             "notes": "Board development day"},
            {sid: ("attended" if i % 3 else "apologies", None) for i, sid in enumerate(seat_ids)},
        )
        added += 1
    return added
