"""CDOP code lists (SPEC §3.2, §3.3, §8.9).

Records store codes; screens and workbooks show labels. List order is display
order and the order rows appear in the returns. Sex and ethnicity are the
shared lists in ``core.vocab``.
"""

from __future__ import annotations

from hscb_desktop.core.vocab import CodeList

# §3.3.1 in hierarchy order: where several apply, the highest (first) is recorded (§8.9).
CATEGORIES = CodeList(
    "category of death",
    [
        ("deliberately_inflicted", "Deliberately inflicted injury, abuse or neglect"),
        ("suicide_self_harm", "Suicide or deliberate self-inflicted harm"),
        ("trauma_external", "Trauma and other external factors"),
        ("malignancy", "Malignancy"),
        ("acute_medical_surgical", "Acute medical or surgical condition"),
        ("chronic_medical", "Chronic medical condition"),
        ("chromosomal_genetic_congenital", "Chromosomal, genetic and congenital anomalies"),
        ("perinatal_neonatal_event", "Perinatal/neonatal event"),
        ("infection", "Infection"),
        ("sudden_unexpected_unexplained", "Sudden unexpected, unexplained death"),
    ],
)

# §3.3.2 scores, the same for every domain.
DOMAIN_SCORES = CodeList(
    "domain score",
    [
        ("0", "0 - Information not available"),
        ("1", "1 - No factors identified"),
        ("1*", "1* - Factors identified but unlikely to have contributed to the death"),
        ("2", "2 - Factors that may have contributed to vulnerability, ill-health or death"),
        ("3", "3 - Factors that provide a complete and sufficient explanation for the death"),
    ],
)

DOMAIN_SCHEMES = CodeList(
    "domain scheme",
    [
        ("wt2015", "Working Together 2010-2015 (Form C)"),
        ("ncmd", "NCMD analysis form"),
    ],
)
# The four domains' names under each scheme: domain_1_score .. domain_4_score in this order.
DOMAIN_NAMES: dict[str, tuple[str, str, str, str]] = {
    "wt2015": (
        "Child's needs (factors intrinsic to the child)",
        "Parenting capacity",
        "Family and environment",
        "Service provision",
    ),
    "ncmd": (
        "Factors intrinsic to the child",
        "Factors in the social environment, including family and parenting capacity",
        "Factors in the physical environment",
        "Service provision",
    ),
}
DOMAIN_FIELDS = ("domain_1_score", "domain_2_score", "domain_3_score", "domain_4_score")
DEFAULT_DOMAIN_SCHEME = "wt2015"

# §3.3.2 factor checklists: (code, label, group).
_FACTORS = [
    ("acute_illness", "Acute or sudden-onset illness", "intrinsic"),
    ("chronic_illness_asthma", "Chronic illness - asthma", "intrinsic"),
    ("chronic_illness_epilepsy", "Chronic illness - epilepsy", "intrinsic"),
    ("chronic_illness_diabetes", "Chronic illness - diabetes", "intrinsic"),
    ("chronic_illness_other", "Chronic illness - other", "intrinsic"),
    ("disability_learning", "Disability or impairment - learning", "intrinsic"),
    ("disability_motor", "Disability or impairment - motor", "intrinsic"),
    ("disability_sensory", "Disability or impairment - sensory", "intrinsic"),
    ("disability_other", "Disability or impairment - other", "intrinsic"),
    (
        "emotional_behavioural_mental_health",
        "Emotional, behavioural or mental health condition",
        "intrinsic",
    ),
    ("allergies", "Allergies", "intrinsic"),
    ("child_substance_misuse", "Alcohol or substance misuse by the child", "intrinsic"),
    ("carer_mental_health", "Parent or carer mental health", "social"),
    ("carer_substance_misuse", "Parent or carer alcohol or substance misuse", "social"),
    ("smoking_in_household", "Smoking in household", "social"),
    ("smoking_in_pregnancy", "Smoking in pregnancy", "social"),
    ("housing", "Housing", "social"),
    ("domestic_violence", "Domestic violence", "social"),
    ("co_sleeping", "Co-sleeping", "social"),
    ("bullying", "Bullying", "social"),
    ("gang_knife_crime", "Gang or knife crime", "social"),
    ("animal_assault", "Pets or animal assault", "social"),
    ("consanguinity", "Consanguinity", "social"),
]
FACTORS = CodeList("factor", [(c, label) for c, label, _ in _FACTORS])
FACTOR_GROUPS = CodeList(
    "factor group",
    [
        ("intrinsic", "Factors intrinsic to the child"),
        ("social", "Family, social and environmental factors"),
    ],
)
FACTOR_GROUP_OF: dict[str, str] = {c: g for c, _, g in _FACTORS}
INTRINSIC_FACTORS = tuple(c for c, _, g in _FACTORS if g == "intrinsic")
SOCIAL_FACTORS = tuple(c for c, _, g in _FACTORS if g == "social")

# The review's tri-state questions and the checklist factor each one answers: the returns
# count a factor as present when it is ticked or its question is answered "yes".
TRISTATE_FACTORS: dict[str, str] = {
    "co_sleeping": "co_sleeping",
    "smoking_in_household": "smoking_in_household",
    "smoking_in_pregnancy": "smoking_in_pregnancy",
    "alcohol_or_drugs_carer": "carer_substance_misuse",
}

# §3.3.3
PLACES_OF_DEATH = CodeList(
    "place of death",
    [
        ("hospital_emergency_department", "Acute hospital - emergency department"),
        ("hospital_paediatric_ward", "Acute hospital - paediatric ward"),
        ("hospital_neonatal_unit", "Acute hospital - neonatal unit"),
        ("hospital_intensive_care", "Acute hospital - intensive care unit"),
        ("hospital_other", "Acute hospital - other"),
        ("home", "Home of normal residence"),
        ("other_private_residence", "Other private residence"),
        ("foster_home", "Foster home"),
        ("residential_care", "Residential care"),
        ("public_place", "Public place"),
        ("school", "School"),
        ("hospice", "Hospice"),
        ("mental_health_unit", "Mental health inpatient unit"),
        ("abroad", "Abroad"),
        ("other", "Other (specify)"),
        ("not_known", "Not known"),
    ],
)

# §3.3.4
MODES_OF_DEATH = CodeList(
    "mode of death",
    [
        ("planned_palliative_care", "Expected death with planned palliative care"),
        ("found_dead_or_collapsed", "Found dead or collapsed"),
        ("witnessed_event", "Witnessed event"),
        ("withdrawal_of_treatment", "Active withdrawal or cessation of treatment"),
        ("brain_stem_death", "Brain stem death"),
    ],
)
# The mode of death that makes a death "sudden" for the SUDI suggestion (when the panel
# has not said either way).
SUDDEN_MODES = frozenset({"found_dead_or_collapsed"})

# §3.3.5 (supplementary form in brackets).
EVENTS = CodeList(
    "event",
    [
        ("road_traffic_accident", "Road traffic accident (B-2)"),
        ("drowning", "Drowning (B-3)"),
        ("fire_burns", "Fire or burns (B-4)"),
        ("poisoning", "Poisoning (B-5)"),
        ("other_accident", "Other accident (B-6)"),
        ("substance_misuse", "Substance misuse (B-7)"),
        ("apparent_homicide", "Apparent homicide (B-8)"),
        ("apparent_suicide", "Apparent suicide (B-9)"),
        ("sudden_unexpected_death_in_infancy", "Sudden unexpected death in infancy"),
        ("other", "Other event"),
    ],
)
SUDDEN_EVENTS = frozenset({"sudden_unexpected_death_in_infancy"})

# §3.3.7: days for the under-1s, completed years otherwise.
AGE_BANDS = CodeList(
    "age band",
    [
        ("0_27_days", "0–27 days"),
        ("28_364_days", "28–364 days"),
        ("1_4_years", "1–4 years"),
        ("5_9_years", "5–9 years"),
        ("10_14_years", "10–14 years"),
        ("15_17_years", "15–17 years"),
    ],
)
UNDER_ONE_BANDS = ("0_27_days", "28_364_days")

MODIFIABLE = CodeList(
    "modifiable factors",
    [
        ("yes", "Modifiable factors identified"),
        ("no", "No modifiable factors"),
        ("insufficient_information", "Insufficient information"),
    ],
)

EXPECTED = CodeList(
    "expected or unexpected", [("expected", "Expected"), ("unexpected", "Unexpected")]
)

# Attempted resuscitation and the review's factor questions.
YES_NO_UNKNOWN = CodeList(
    "yes/no/not known", [("yes", "Yes"), ("no", "No"), ("unknown", "Not known")]
)

AGENCIES_REPRESENTED = CodeList(
    "agency represented",
    [
        ("primary_health_care", "Primary health care"),
        ("paediatrics", "Paediatrics"),
        ("hospital_services", "Hospital services"),
        ("mental_health", "Mental health"),
        ("ambulance", "Ambulance"),
        ("police", "Police"),
        ("childrens_social_care", "Children's social care"),
        ("schools", "Schools"),
        ("other", "Other"),
    ],
)


def factor_group(code: str | None) -> str | None:
    return FACTOR_GROUP_OF.get(code) if isinstance(code, str) else None
