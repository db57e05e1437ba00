"""CDOP code lists (SPEC §3.3)."""

from __future__ import annotations

from hscb_desktop.domains.cdop import vocab as V


def test_categories_in_hierarchy_order():
    assert V.CATEGORIES.codes == (
        "deliberately_inflicted",
        "suicide_self_harm",
        "trauma_external",
        "malignancy",
        "acute_medical_surgical",
        "chronic_medical",
        "chromosomal_genetic_congenital",
        "perinatal_neonatal_event",
        "infection",
        "sudden_unexpected_unexplained",
    )


def test_scores_schemes_and_domains():
    assert V.DOMAIN_SCORES.codes == ("0", "1", "1*", "2", "3")
    assert set(V.DOMAIN_NAMES) == set(V.DOMAIN_SCHEMES.codes)
    assert all(len(names) == len(V.DOMAIN_FIELDS) == 4 for names in V.DOMAIN_NAMES.values())
    assert V.DEFAULT_DOMAIN_SCHEME in V.DOMAIN_SCHEMES


def test_factor_checklists():
    assert set(V.FACTOR_GROUP_OF) == set(V.FACTORS.codes)
    assert set(V.INTRINSIC_FACTORS) | set(V.SOCIAL_FACTORS) == set(V.FACTORS.codes)
    assert {"co_sleeping", "smoking_in_household", "smoking_in_pregnancy"} <= set(V.SOCIAL_FACTORS)
    assert set(V.TRISTATE_FACTORS.values()) <= set(V.FACTORS.codes)
    assert V.factor_group("allergies") == "intrinsic" and V.factor_group(None) is None


def test_other_lists():
    assert V.AGE_BANDS.codes == (
        "0_27_days",
        "28_364_days",
        "1_4_years",
        "5_9_years",
        "10_14_years",
        "15_17_years",
    )
    assert set(V.UNDER_ONE_BANDS) < set(V.AGE_BANDS.codes)
    assert V.MODIFIABLE.codes == ("yes", "no", "insufficient_information")
    assert V.EXPECTED.codes == ("expected", "unexpected")
    assert len(V.PLACES_OF_DEATH) == 16 and "not_known" in V.PLACES_OF_DEATH
    assert len(V.MODES_OF_DEATH) == 5
    assert "sudden_unexpected_death_in_infancy" in V.EVENTS
    assert V.SUDDEN_MODES <= set(V.MODES_OF_DEATH.codes)
