"""Valid CDOP records for tests (tweak with keyword arguments) and the synthetic 2016-17
dataset of issue 5 (SPEC §7.3). Every name is invented; NHS numbers are in the 999 range
(never issued), made with the check digit."""

from __future__ import annotations

import datetime as dt
import itertools

from dateutil.relativedelta import relativedelta


def nhs_numbers(start: int = 0):
    """Valid 999-range NHS numbers: modulus 11 with weights 10..2, check 10 skipped."""
    for n in itertools.count(start):
        nine = f"999{n:06d}"
        check = 11 - sum(int(d) * w for d, w in zip(nine, range(10, 1, -1))) % 11
        if check == 11:
            check = 0
        if check != 10:
            yield nine + str(check)


NHS_A, NHS_B, NHS_C = itertools.islice(nhs_numbers(500), 3)


def notification(**over):
    """An expected death of a 2-year-old in January 2017, notified the next day."""
    data = {
        "forenames": "Poppy",
        "family_name": "Zedfictional",
        "nhs_number": NHS_A,
        "date_of_birth": dt.date(2014, 11, 3),
        "home_postcode": "zz1 1zz",
        "sex": "female",
        "ethnicity": "WBRI",
        "date_of_death": dt.date(2017, 1, 10),
        "live_born": True,
        "la_of_residence": "Hertfordshire",
        "normally_resident_in_area": True,
        "place_of_death": "hospital_paediatric_ward",
        "expected_or_unexpected": "expected",
        "notification_date": dt.date(2017, 1, 11),
        "notified_by_agency_id": 1,
    }
    data.update(over)
    return data


def unexpected_infant(**over):
    """An unexpected, sudden death of a 3-month-old found in bed."""
    data = notification(
        forenames="Oscar",
        family_name="Quillmade",
        nhs_number=NHS_B,
        sex="male",
        date_of_birth=dt.date(2016, 10, 1),
        date_of_death=dt.date(2017, 1, 5),
        notification_date=dt.date(2017, 1, 5),
        place_of_death="home",
        expected_or_unexpected="unexpected",
        joint_agency_response=True,
        post_mortem_required=True,
        coroner_involved=True,
    )
    data.update(over)
    return data


def report(**over):
    data = {
        "agency_id": 2,
        "requested_date": dt.date(2017, 1, 12),
        "received_date": dt.date(2017, 2, 1),
        "mode_of_death": "planned_palliative_care",
        "attempted_resuscitation": "no",
        "events": [],
        "narrative": "Agency involvement summarised.",
    }
    data.update(over)
    return data


def review(**over):
    data = {
        "review_completed_date": dt.date(2017, 2, 20),
        "category_of_death": "chronic_medical",
        "categories_applicable": ["chronic_medical"],
        "cause_of_death_text": "Complications of a chronic condition",
        "domain_scheme": "wt2015",
        "domain_1_score": "3",
        "domain_2_score": "1",
        "domain_3_score": "1",
        "domain_4_score": "1",
        "modifiable_factors": "no",
        "scr_considered": False,
    }
    data.update(over)
    return data


# -- the synthetic 2016-17 year ------------------------------------------------------------

MEETINGS_2016 = (
    dt.date(2016, 4, 21),
    dt.date(2016, 6, 16),
    dt.date(2016, 8, 18),
    dt.date(2016, 10, 20),
    dt.date(2016, 12, 15),
    dt.date(2017, 2, 16),
)
# band: (expected, unexpected, age in days or completed years)
PROFILE = {
    "0_27_days": (9, 5, ("days", 3)),
    "28_364_days": (3, 7, ("days", 100)),
    "1_4_years": (4, 3, ("years", 2)),
    "5_9_years": (2, 2, ("years", 7)),
    "10_14_years": (3, 2, ("years", 12)),
    "15_17_years": (3, 5, ("years", 16)),
}
UNDER_ONE = ("0_27_days", "28_364_days")


def _born(died, age):
    unit, n = age
    return died - dt.timedelta(days=n) if unit == "days" else died - relativedelta(years=n)


def _review_for(band, expected, k):
    under_one = band in UNDER_ONE
    if under_one and expected == "expected":
        return review(
            category_of_death="chromosomal_genetic_congenital",
            categories_applicable=["chromosomal_genetic_congenital"],
        )
    if band == "0_27_days":
        return review(
            category_of_death="perinatal_neonatal_event",
            categories_applicable=["perinatal_neonatal_event"],
            modifiable_factors="insufficient_information",
            modifiable_factors_text="Maternity records not available",
        )
    if band == "28_364_days":
        return review(
            category_of_death="sudden_unexpected_unexplained",
            categories_applicable=["sudden_unexpected_unexplained"],
            sudden_death=True,
            modifiable_factors="yes",
            modifiable_factors_text="Unsafe sleep",
            co_sleeping="yes" if k < 4 else "no",
            smoking_in_household="yes" if k < 3 else "unknown",
            factors=["co_sleeping"] if k < 4 else [],
        )
    if expected == "expected":
        return review(category_of_death="malignancy", categories_applicable=["malignancy"])
    return review(category_of_death="trauma_external",
                  categories_applicable=["trauma_external"],
                  modifiable_factors="yes",
                  modifiable_factors_text="Road safety",
                  scr_considered=k < 2,
                  scr_held=k == 0)  # fmt: skip


def synthetic_2016(with_noise: bool = True):
    """(meetings, cases) for ``service.load_cases``: 6 meetings and 48 reviews completed in
    April 2016 - March 2017 (24 expected, 24 unexpected; 24 under 1 of which 12
    unexpected). ``with_noise`` adds a meeting and reviews either side of the year and
    open cases, which the 2016-17 return must leave out."""
    meetings = [{"meeting_date": d, "quorate": True} for d in MEETINGS_2016]
    numbers = nhs_numbers()
    cases = []
    slot = 0
    for band, (n_expected, n_unexpected, age) in PROFILE.items():
        for expected, count in (("expected", n_expected), ("unexpected", n_unexpected)):
            for k in range(count):
                meeting = slot % len(MEETINGS_2016)
                held = MEETINGS_2016[meeting]
                died = held - dt.timedelta(days=60 + slot)
                case = notification(
                    forenames=f"Child{slot}",
                    family_name="Synthetic",
                    nhs_number=next(numbers),
                    sex=("male", "female")[slot % 2],
                    ethnicity=("WBRI", "AIND", "BAFR", "MWBC")[slot % 4],
                    date_of_birth=_born(died, age),
                    date_of_death=died,
                    notification_date=died + dt.timedelta(days=1),
                    expected_or_unexpected=expected,
                    joint_agency_response=True if expected == "unexpected" else None,
                    place_of_death="home" if band == "28_364_days" else "hospital_other",
                )
                case["reports"] = [
                    report(
                        requested_date=died + dt.timedelta(days=2),
                        received_date=died + dt.timedelta(days=30),
                    )
                ]
                case["review"] = {**_review_for(band, expected, k), "meeting": meeting,
                                  "review_completed_date": held}  # fmt: skip
                cases.append(case)
                slot += 1
    if with_noise:
        meetings += [
            {"meeting_date": dt.date(2016, 3, 17)},  # 2015-16
            {"meeting_date": dt.date(2017, 4, 20)},  # 2017-18
        ]
        for n, (meeting, held) in enumerate(((6, dt.date(2016, 3, 17)), (7, dt.date(2017, 4, 20)))):
            died = held - dt.timedelta(days=90)
            case = notification(forenames=f"Other{n}", nhs_number=next(numbers),
                                date_of_death=died, notification_date=died,
                                date_of_birth=died - relativedelta(years=3))  # fmt: skip
            case["review"] = {**review(), "meeting": meeting, "review_completed_date": held}
            cases.append(case)
        for n in range(2):  # open: died in 2016-17, not yet reviewed
            died = dt.date(2017, 3, 1) + dt.timedelta(days=n)
            cases.append(notification(forenames=f"Open{n}", nhs_number=next(numbers),
                                      date_of_death=died, notification_date=died,
                                      expected_or_unexpected="unexpected",
                                      joint_agency_response=False))  # fmt: skip
    return meetings, cases
