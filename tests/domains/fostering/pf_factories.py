"""Valid private fostering records for tests; tweak with keyword arguments. The default
dates suit the FakeClock's 1 March 2017."""

from __future__ import annotations

import datetime as dt

D = dt.date


def enquiry(**over):
    data = {"date_received": D(2017, 2, 1), "enquirer_type": "school"}
    data.update(over)
    return data


def notification(**over):
    data = {
        "date_received": D(2017, 2, 1),
        "notifier_type": "proposed_carer",
        "notification_type": "advance_proposal",
        "intended_start_date": D(2017, 2, 20),
        "intended_duration_days": 180,
        "child_name": "Kit Example",
        "child_sex": "female",
        "child_date_of_birth": D(2005, 6, 15),
        "child_born_in_uk": "no",
        "child_ethnicity": "CHNE",
        "child_language": "Mandarin",
        "carer_name": "Remy Sample",
        "carer_address": "12 Sample Road, Hertford",
    }
    data.update(over)
    return data


def arrangement(**over):
    data = {
        "start_date": D(2017, 2, 20),
        "carer_relationship": "family_friend",
        "reasons": ["from_abroad_for_education"],
    }
    data.update(over)
    return data


def visit(**over):
    data = {
        "visit_date": D(2017, 2, 8),
        "visit_type": "initial_statutory",
        "child_seen_alone": True,
        "visitor": "PF worker",
    }
    data.update(over)
    return data


# -- the synthetic dataset of issue 4 (SPEC §7.2) --------------------------------------
# 2016-17: 35 notifications (3 did not progress), 32 assessments completed, 42 arrangements
# open at some time (32 new + 10 carried over), 47 enquiries: 27 not private fostering,
# 4 referred on, 10 became notifications, 6 advice only / other. Around them, records in
# the years before and after that must not be counted.

NOT_PROGRESSED = (6, 17, 28)
LINKED = tuple(range(10))  # the 2016-17 notifications that came from an enquiry


def _child(i: int, start: D, **over) -> dict:
    age = i % 15  # 0 to 14 on the start date
    data = {
        "child_name": f"Child {i} Example",
        "child_sex": ("male", "female")[i % 2],
        "child_date_of_birth": start - dt.timedelta(days=365 * age + 100),
        "child_born_in_uk": ("yes", "no", "unknown")[i % 3],
        "carer_name": f"Carer {i} Sample",
    }
    data.update(over)
    return data


def _visits(initial: D, start: D, last: D, weeks: int = 6) -> list[dict]:
    out = [visit(visit_date=initial)]
    when = max(initial, start)
    while True:
        when += dt.timedelta(weeks=weeks)
        if when > last:
            return out
        out.append(visit(visit_date=when, visit_type="statutory_reg8"))


def _note(
    i: int,
    notified: D,
    start: D,
    *,
    ends: D | None,
    assessed: D | None,
    kind="existing_arrangement_not_notified",
    **child,
) -> dict:
    initial = notified + dt.timedelta(days=2)
    plan = {
        "start_date": start,
        "carer_relationship": ("family_friend", "host_family_language_school", "parent_of_friend")[
            i % 3
        ],
        "reasons": [
            (
                "from_abroad_for_education",
                "parental_ill_health",
                "language_school_host_family",
                "teenager_estranged_from_family",
            )[i % 4]
        ],
        "assessment_completed_date": assessed,
        "assessment_outcome": "suitable" if assessed else None,
        "visits": _visits(initial, start, min(ends or D(2018, 1, 15), D(2018, 1, 15))),
    }
    if ends:
        plan.update(end_date=ends, end_reason="returned_to_parent")
    return {
        "date_received": notified,
        "notifier_type": ("proposed_carer", "professional_school", "parent_or_pr_holder")[i % 3],
        "notification_type": kind,
        "intended_start_date": start,
        "intended_duration_days": 120,
        **_child(i, min(start, notified), **child),
        "arrangement": plan,
    }


def synthetic_2016_17() -> tuple[list[dict], list[dict]]:
    """(notifications, enquiries) for a clock on or after 15 January 2018."""
    notes, enquiries = [], []
    # Ten arrangements carried over from 2015-16, assessed before 1 April 2016.
    for i in range(10):
        notified = D(2016, 1, 4) + dt.timedelta(days=7 * i)
        notes.append(
            _note(
                100 + i,
                notified,
                notified - dt.timedelta(days=30),
                ends=D(2016, 6, 30) + dt.timedelta(days=10 * i) if i < 5 else None,
                assessed=notified + dt.timedelta(days=14),
            )
        )
    # Ended before the year began; and one that began after it ended.
    notes.append(
        _note(200, D(2015, 6, 1), D(2015, 5, 1), ends=D(2015, 12, 1), assessed=D(2015, 6, 20))
    )
    notes.append(_note(201, D(2017, 5, 2), D(2017, 4, 20), ends=None, assessed=D(2017, 5, 30)))
    # 2016-17.
    for i in range(35):
        notified = D(2016, 4, 5) + dt.timedelta(days=9 * i)
        start = notified - dt.timedelta(days=1)
        if i in NOT_PROGRESSED:
            record = {
                "date_received": notified,
                "notifier_type": "parent_or_pr_holder",
                "notification_type": "advance_proposal",
                "intended_start_date": notified + dt.timedelta(days=20),
                "intended_duration_days": 90,
                "progressed": False,
                "not_progressed_reason": "arrangement_did_not_start",
                **_child(i, notified),
            }
        else:
            record = _note(
                i,
                notified,
                start,
                ends=notified + dt.timedelta(days=120) if i % 4 == 0 else None,
                assessed=notified + dt.timedelta(days=21),
                kind="emergency_placement",
                **(
                    {
                        "child_disabled": True,
                        "child_date_of_birth": start - dt.timedelta(days=365 * 16 + 30),
                    }
                    if i == 5
                    else {}
                ),
            )
        if i in LINKED:
            record["enquiry"] = {"date_received": notified, "enquirer_type": "school"}
        notes.append(record)
    for i in range(37):
        received = D(2016, 4, 7) + dt.timedelta(days=9 * i)
        data = enquiry(date_received=received, enquirer_type=("parent", "health", "school")[i % 3])
        if i < 27:
            data.update(
                outcome="not_private_fostering",
                not_pf_reason=("close_relative", "under_28_days", "parent_resident")[i % 3],
            )
        elif i < 31:
            data.update(outcome="referred_to_other_la", other_la_name="Luton Borough Council")
        elif i < 35:
            data["outcome"] = "advice_only"
        else:
            data["outcome"] = "other"
        enquiries.append(data)
    # Enquiries either side of the year.
    enquiries += [
        enquiry(
            date_received=D(2016, 3, 31),
            outcome="not_private_fostering",
            not_pf_reason="close_relative",
        ),
        enquiry(date_received=D(2017, 4, 1), outcome="advice_only"),
    ]
    return notes, enquiries
