"""The records the DB-1 crash child saves, rebuilt by the parent from their index alone.

Each record carries its index in a text field, so the parent can check *every* record in
the store, acknowledged or not, against what was sent: a committed record must be whole.
"""
from __future__ import annotations

import datetime as dt

from hscb_desktop.core.synthetic import FIRST_NAMES, LAST_NAMES

UPDATED_ROLE = "Head of year"  # what the child's update of a LADO contact changes


def lado_contact(i: int) -> dict:
    return {
        "date_received": dt.date(2017, 2, 1) + dt.timedelta(days=i % 20),
        "referral_source_type": "employer_dsl",
        "employer_name": f"Crash employer {i}",
        "employment_sector": "education_school",
        "setting_type": "primary_school",
        "threshold_met": True,
        "subject_named": True,
        "subject_name": f"{FIRST_NAMES[i % len(FIRST_NAMES)]} {LAST_NAMES[i % len(LAST_NAMES)]}",
        "subject_dob": dt.date(1970 + i % 30, 5, 17),
        "subject_role": "Class teacher",
        "abuse_category": ["physical"],
        "harm_criteria": ["harmed_or_may_have_harmed"],
        "date_allegation_known": dt.date(2017, 1, 31),
    }


def lado_index(record: dict) -> int:
    return int(record["employer_name"].rsplit(" ", 1)[1])


def fostering_notification(i: int) -> dict:
    return {
        "date_received": dt.date(2017, 2, 1),
        "notifier_type": "proposed_carer",
        "notification_type": "advance_proposal",
        "intended_start_date": dt.date(2017, 2, 20),
        "intended_duration_days": 100 + i % 200,
        "child_name": f"Child {i} Example",
        "child_sex": ("male", "female")[i % 2],
        "child_date_of_birth": dt.date(2005, 6, 15),
        "child_born_in_uk": "no",
        "child_ethnicity": "CHNE",
        "child_language": "Mandarin",
        "carer_name": f"Carer {i} Sample",
        "carer_address": f"{i} Sample Road, Hertford",
    }


def fostering_index(record: dict) -> int:
    return int(record["child_name"].split(" ")[1])


def differences(sent: dict, stored: dict) -> list[str]:
    """Fields of ``sent`` that the stored record does not hold as sent."""
    return [f"{k}: sent {v!r}, stored {stored.get(k)!r}" for k, v in sent.items() if stored.get(k) != v]
