"""Private fostering code lists (SPEC §2.4, §8.6).

Records store codes; screens and workbooks show labels. List order is display
order and the order rows appear in the returns. Sex and ethnicity come from
``core.vocab`` (the §3.3.6 list is shared with LADO and CDOP).
"""

from __future__ import annotations

from hscb_desktop.core.vocab import CodeList

ENQUIRER_TYPES = CodeList(
    "enquirer type",
    [
        ("parent", "Parent"),
        ("proposed_carer", "Proposed carer"),
        ("school", "School"),
        ("health", "Health"),
        ("police", "Police"),
        ("housing", "Housing"),
        ("language_school_or_agency", "Language school or agency"),
        ("other_la", "Other local authority"),
        ("member_of_public", "Member of the public"),
        ("other_professional", "Other professional"),
        ("self_child", "The child themself"),
    ],
)

ENQUIRY_OUTCOMES = CodeList(
    "enquiry outcome",
    [
        ("became_notification", "Became a private fostering notification"),
        ("not_private_fostering", "Not a private fostering arrangement"),
        ("referred_to_other_la", "Referred on to another local authority"),
        ("advice_only", "Advice only"),
        ("other", "Other"),
    ],
)

NOT_PF_REASONS = CodeList(
    "not private fostering reason",
    [
        ("close_relative", "Carer is a close relative"),
        ("under_28_days", "Under 28 days"),
        ("over_age", "Child 16 or over (18 if disabled)"),
        ("parent_resident", "A parent lives in the household"),
        ("looked_after", "Child is looked after"),
        ("boarding_school_term_time", "Boarding school in term time"),
        ("other", "Other"),
    ],
)

NOTIFIER_TYPES = CodeList(
    "notifier type",
    [
        ("proposed_carer", "Proposed carer"),
        ("parent_or_pr_holder", "Parent or person with parental responsibility"),
        ("other_person_arranging", "Other person involved in arranging it"),
        ("professional_school", "Professional - school"),
        ("professional_health", "Professional - health"),
        ("professional_other", "Professional - other"),
        ("language_school_or_agency", "Language school or agency"),
    ],
)

NOTIFICATION_TYPES = CodeList(
    "notification type",
    [
        ("advance_proposal", "Advance proposal (reg 3)"),
        ("existing_arrangement_not_notified", "Existing arrangement not notified (reg 5)"),
        ("emergency_placement", "Emergency placement (reg 6)"),
    ],
)

NOT_PROGRESSED_REASONS = CodeList(
    "not progressed reason",
    [
        ("arrangement_did_not_start", "The arrangement did not start"),
        ("under_28_days", "Under 28 days"),
        ("not_pf_on_assessment", "Not private fostering on assessment"),
        ("child_returned_home", "Child returned home"),
        ("moved_out_of_area", "Moved out of the area"),
        ("other", "Other"),
    ],
)

# The close relatives of Children Act 1989 s105 are listed so that choosing one is met
# with the rule that stops it (SPEC §2.5.3), not silently recorded as "other".
CARER_RELATIONSHIPS = CodeList(
    "carer relationship",
    [
        ("family_friend", "Family friend"),
        ("parent_of_friend", "Parent of a friend"),
        (
            "extended_family_not_close_relative",
            "Extended family, not a close relative (cousin, great-aunt...)",
        ),
        ("host_family_language_school", "Host family (language school)"),
        ("host_family_education_guardian", "Host family (education guardian)"),
        ("previously_unknown", "Previously unknown to the family"),
        ("other", "Other"),
        ("grandparent", "Grandparent (close relative)"),
        ("sibling", "Brother or sister (close relative)"),
        ("aunt_or_uncle", "Aunt or uncle (close relative)"),
        ("step_parent", "Step-parent (close relative)"),
    ],
)
CLOSE_RELATIVES = frozenset({"grandparent", "sibling", "aunt_or_uncle", "step_parent"})

REASONS = CodeList(
    "reason for the arrangement",
    [
        ("from_abroad_for_education", "From abroad for education"),
        ("language_school_host_family", "Language school host family"),
        ("independent_boarding_school_holidays", "Independent boarding school holidays"),
        ("parental_ill_health", "Parental ill health"),
        ("parent_moved_away_child_stays", "Parent moved away, child stays"),
        ("teenager_estranged_from_family", "Teenager estranged from family"),
        ("parent_in_prison", "Parent in prison"),
        ("brought_to_uk_for_adoption", "Brought to the UK for adoption"),
        ("suspected_trafficking", "Suspected trafficking"),
        ("other", "Other"),
    ],
)

ASSESSMENT_OUTCOMES = CodeList(
    "assessment outcome",
    [
        ("suitable", "Suitable"),
        ("suitable_with_requirements", "Suitable with requirements"),
        ("not_suitable_action_taken", "Not suitable - action taken"),
        ("prohibition", "Prohibition"),
        ("not_completed_arrangement_ended", "Not completed - arrangement ended"),
    ],
)

CIN_CP = CodeList(
    "child in need or child protection",
    [
        ("none", "None"),
        ("child_in_need", "Child in need"),
        ("child_protection", "Child protection"),
    ],
)

END_REASONS = CodeList(
    "end reason",
    [
        ("returned_to_parent", "Returned to parent"),
        ("moved_to_relative", "Moved to a relative"),
        ("child_reached_16_or_18", "Child reached 16 (18 if disabled)"),
        ("became_looked_after", "Became looked after"),
        ("moved_to_other_la", "Moved to another local authority"),
        ("returned_abroad", "Returned abroad"),
        ("other", "Other"),
    ],
)

VISIT_TYPES = CodeList(
    "visit type",
    [
        ("initial_statutory", "Initial statutory visit (reg 4/7)"),
        ("statutory_reg8", "Statutory visit (reg 8)"),
        ("requested_extra", "Requested extra visit (reg 8(2))"),
        ("assessment", "Assessment visit"),
        ("unannounced", "Unannounced visit"),
    ],
)
# Visits that meet regulation 8's "not more than 6 (12) weeks" duty: the next one falls
# due from the latest of these. A requested or assessment visit does not restart the clock.
STATUTORY_VISITS = ("initial_statutory", "statutory_reg8", "unannounced")
# Visits that may come before the child moves in (an advance proposal is visited first).
BEFORE_START_VISITS = frozenset({"initial_statutory", "assessment"})

BORN_IN_UK = CodeList(
    "born in the UK",
    [("yes", "Born in the UK"), ("no", "Born outside the UK"), ("unknown", "Not known")],
)

# Due-list item kinds (SPEC §2.6), in the order a day's items are listed.
DUE_KINDS = CodeList(
    "due item",
    [
        ("initial_visit", "Initial visit (7 working days)"),
        ("reg8_visit", "Regulation 8 visit"),
        ("assessment", "Assessment"),
        ("turns_16", "Turns 16: ceases to be private fostering"),
        ("turns_18", "Turns 18: ceases to be private fostering"),
    ],
)

# Age bands at 31 March (SPEC §8.6). The last applies only to disabled children.
AGE_BANDS = (("Under 5", 0, 4), ("5–9", 5, 9), ("10–15", 10, 15), ("16–17 (disabled)", 16, 17))
