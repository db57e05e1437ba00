"""LADO code lists (SPEC §1.3, §8.3, §8.4)."""

from __future__ import annotations

from hscb_desktop.domains.lado import vocab as V


def test_every_sector_rolls_up_to_a_reporting_group():
    assert set(V.SECTOR_GROUP_OF) == set(V.EMPLOYMENT_SECTORS.codes)
    assert set(V.SECTOR_GROUP_OF.values()) <= set(V.SECTOR_GROUPS.codes)
    assert V.sector_group("foster_care_ifa") == "social_care"
    assert V.sector_group("early_years_pvi") == "private_voluntary"
    assert V.sector_group("cafcass") == "other" and V.sector_group(None) is None


def test_report_groups_in_report_order():
    assert [V.SECTOR_GROUPS.label(g) for g in V.SECTOR_GROUPS][:5] == [
        "Education",
        "Social Care",
        "Health",
        "Police",
        "Private and Voluntary Sector",
    ]


def test_outcomes_per_decision_4():
    assert V.OUTCOMES.codes == (
        "substantiated",
        "malicious",
        "false",
        "unsubstantiated",
        "unfounded",
        "ongoing",
        "not_applicable_consultation",
    )
