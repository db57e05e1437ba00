"""LADO code lists (SPEC §1.2, §1.3, §8.3, §8.4).

Records store codes; screens and workbooks show labels. List order is display
order and the order rows appear in the returns.
"""

from __future__ import annotations

from hscb_desktop.core.vocab import CodeList

# Annual-report reporting groups (table L2 columns, in the report's order).
# "Other" is ours (§8.3): L2 shows it only when it is non-zero.
SECTOR_GROUPS = CodeList(
    "sector group",
    [
        ("education", "Education"),
        ("social_care", "Social Care"),
        ("health", "Health"),
        ("police", "Police"),
        ("private_voluntary", "Private and Voluntary Sector"),
        ("other", "Other"),
    ],
)

# (code, label, reporting group) per SPEC §1.3.1.
_SECTORS = [
    ("education_school", "Education - school", "education"),
    ("education_fe", "Education - further education", "education"),
    ("education_other", "Education - other (tutors, alternative provision)", "education"),
    ("social_care_la", "Social care - local authority staff", "social_care"),
    ("foster_care_la", "Foster care - local authority", "social_care"),
    ("foster_care_ifa", "Foster care - independent agency", "social_care"),
    ("residential_care_la", "Residential care - local authority", "social_care"),
    ("residential_care_independent", "Residential care - independent", "social_care"),
    ("adoption", "Adoption", "social_care"),
    ("health_nhs", "Health - NHS", "health"),
    ("health_private", "Health - private", "health"),
    ("mental_health", "Mental health", "health"),
    ("ambulance", "Ambulance", "health"),
    ("police", "Police", "police"),
    ("early_years_pvi", "Early years (nurseries, pre-schools, childminders)", "private_voluntary"),
    ("sport_leisure", "Sport and leisure", "private_voluntary"),
    ("faith", "Faith group", "private_voluntary"),
    ("voluntary_community", "Voluntary and community", "private_voluntary"),
    ("youth_services_vol", "Youth services (voluntary)", "private_voluntary"),
    ("transport", "Transport (taxi, escort)", "private_voluntary"),
    ("private_business", "Private business", "private_voluntary"),
    ("other_private", "Other private", "private_voluntary"),
    ("probation_yot_secure", "Probation, YOT, secure estate", "other"),
    ("cafcass", "Cafcass", "other"),
    ("armed_forces", "Armed forces", "other"),
    ("other_statutory", "Other statutory", "other"),
]
EMPLOYMENT_SECTORS = CodeList("employment sector", [(c, label) for c, label, _ in _SECTORS])
SECTOR_GROUP_OF: dict[str, str] = {c: g for c, _, g in _SECTORS}

SETTING_TYPES = CodeList(
    "setting type",
    [
        ("primary_school", "Primary school"),
        ("secondary_school", "Secondary school"),
        ("special_school", "Special school"),
        ("alternative_provision", "Alternative provision"),
        ("independent_school", "Independent school"),
        ("fe_college", "FE or sixth-form college"),
        ("early_years_nursery", "Early years / nursery"),
        ("childminder", "Childminder"),
        ("childrens_home", "Children's home"),
        ("foster_care", "Foster care"),
        ("residential_school", "Residential school"),
        ("hospital", "Hospital"),
        ("community_health", "Community health"),
        ("gp_practice", "GP practice"),
        ("police", "Police"),
        ("sports_club", "Sports club"),
        ("faith_group", "Faith group"),
        ("youth_group", "Youth group"),
        ("transport", "Transport"),
        ("other", "Other"),
    ],
)
# Settings where a teacher's substantiated case raises the TRA question (rule 6).
SCHOOL_SETTINGS = frozenset(
    {
        "primary_school",
        "secondary_school",
        "special_school",
        "alternative_provision",
        "independent_school",
        "fe_college",
        "residential_school",
    }
)

ABUSE_CATEGORIES = CodeList(
    "category of harm",
    [
        ("physical", "Physical"),
        ("sexual", "Sexual"),
        ("emotional", "Emotional"),
        ("neglect", "Neglect"),
        ("conduct_unsuitability", "Conduct / unsuitability"),
        ("online_conduct", "Online conduct"),
    ],
)

HARM_CRITERIA = CodeList(
    "harm criterion",
    [
        ("harmed_or_may_have_harmed", "Harmed or may have harmed a child"),
        ("possible_criminal_offence", "Possibly committed a criminal offence"),
        ("risk_of_harm", "Behaved in a way indicating risk of harm"),
        ("unsuitable_transferable_risk", "May not be suitable to work with children"),
    ],
)

OUTCOMES = CodeList(
    "outcome",
    [
        ("substantiated", "Substantiated"),
        ("malicious", "Malicious"),
        ("false", "False"),
        ("unsubstantiated", "Unsubstantiated"),
        ("unfounded", "Unfounded"),
        ("ongoing", "Ongoing"),
        ("not_applicable_consultation", "Not applicable (consultation)"),
    ],
)
OUTCOME_SCHEMES = CodeList(
    "outcome scheme",
    [
        ("kcsie_2016", "KCSIE 2016 (four outcomes)"),
        ("kcsie_2018plus", "KCSIE 2018 onwards (five outcomes)"),
    ],
)

REFERRAL_SOURCES = CodeList(
    "referral source",
    [
        ("employer_dsl", "Employer / designated safeguarding lead"),
        ("police", "Police"),
        ("childrens_social_care", "Children's social care"),
        ("ofsted", "Ofsted"),
        ("health", "Health"),
        ("parent_carer", "Parent or carer"),
        ("child_young_person", "Child or young person"),
        ("member_of_public", "Member of the public"),
        ("anonymous", "Anonymous"),
        ("other", "Other"),
    ],
)

EMPLOYMENT_BASIS = CodeList(
    "employment basis",
    [
        ("permanent", "Permanent"),
        ("temporary", "Temporary"),
        ("fixed_term", "Fixed term"),
        ("agency_supply", "Agency / supply"),
        ("contractor", "Contractor"),
        ("volunteer", "Volunteer"),
        ("foster_carer", "Foster carer"),
        ("approved_adopter", "Approved adopter"),
        ("childminder", "Childminder"),
        ("other", "Other"),
    ],
)

MEETING_TYPES = CodeList(
    "meeting type",
    [
        ("strategy_meeting", "Strategy meeting"),
        ("joint_evaluation_meeting", "Joint evaluation meeting"),
        ("initial_consideration_meeting", "Initial consideration meeting"),
        ("review_meeting", "Review meeting"),
        ("outcome_meeting", "Outcome meeting"),
    ],
)
# The annual report counts "Strategy/Joint Evaluation Meetings" (table L3).
STRATEGY_MEETING_TYPES = ("strategy_meeting", "joint_evaluation_meeting")

ACTION_TYPES = CodeList(
    "action type",
    [
        ("suspension", "Suspension"),
        ("redeployment_or_alternative_duties", "Redeployment or alternative duties"),
        ("police_investigation", "Police investigation"),
        ("s47_enquiry", "Section 47 enquiry"),
        ("disciplinary_process", "Disciplinary process"),
        ("disciplinary_sanction", "Disciplinary sanction"),
        ("dismissal", "Dismissal"),
        ("resignation", "Resignation"),
        ("ceased_to_use_services", "Ceased to use services"),
        ("settlement_agreement", "Settlement agreement"),
        ("dbs_referral", "Referral to DBS"),
        ("tra_referral", "Referral to TRA"),
        ("ofsted_notification", "Referral to Ofsted"),
        ("professional_regulator_referral", "Referral to other regulator"),
        ("fostering_panel_review", "Fostering Panel review"),
        ("criminal_charge", "Criminal charge"),
        ("conviction", "Conviction"),
        ("caution", "Caution"),
        ("training_or_management_advice", "Training or management advice"),
        ("no_further_action", "No further action"),
    ],
)
# Leaving work: with a substantiated outcome these make a DBS referral a legal duty (rule 5).
LEAVING_ACTIONS = frozenset({"dismissal", "resignation", "ceased_to_use_services"})

CLOSURE_REASONS = CodeList(
    "closure reason",
    [
        ("outcome_reached", "Outcome reached"),
        ("consultation_advice_only", "Consultation - advice only"),
        ("no_further_action", "No further action"),
        ("transferred_to_other_lado", "Transferred to another LADO"),
        ("withdrawn", "Withdrawn"),
    ],
)

CONTACT_METHODS = CodeList(
    "contact method",
    [
        ("phone", "Phone"),
        ("email", "Email"),
        ("referral_form", "Referral form"),
        ("online_form", "Online form"),
        ("in_person", "In person"),
    ],
)


def sector_group(sector: str | None) -> str | None:
    return SECTOR_GROUP_OF.get(sector) if isinstance(sector, str) else None
