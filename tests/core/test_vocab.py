import pytest

from hscb_desktop.core.vocab import (
    AGENCY_SECTORS,
    ETHNICITY,
    SEED_AGENCIES,
    SEX,
    STATUTORY_PARTNER_SECTORS,
    TRAINING_RETURN_AGENCIES,
    TRISTATE,
    CodeList,
)

# SPEC §7.5, copied character for character: these are workbook row labels.
SECTION_7_5 = [
    "Adult Care Services",
    "Children's centre",
    "Children's Services",
    "Colleges",
    "District Council",
    "Drug and Alcohol Service",
    "Education",
    "Family Support Services",
    "Health - East and North Herts NHS Trust",
    "Health - Hertfordshire Community NHS Trust",
    "Health - Herts NHS Foundation Trust",
    "Health - NHS Hertfordshire",
    "Health - West Herts Hospitals Trusts",
    "Health - Other",
    "Herts Constabulary",
    "Hertfordshire County Council",
    "Housing Provider",
    "HSCB",
    "Nursery",
    "Other",
    "Pre-school",
    "Probation",
    "School",
    "Schools - designated senior person",
    "Schools - non designated senior person",
    "South West Partnership",
    "Voluntary Sector",
]


def test_code_list_basics():
    cl = CodeList("demo", [("b", "Bee"), ("a", "Ay")])
    assert cl.codes == ("b", "a")  # display order, not sorted
    assert cl.label("a") == "Ay"
    assert cl.choices() == [("b", "Bee"), ("a", "Ay")]
    assert "a" in cl and "c" not in cl and None not in cl
    assert list(cl) == ["b", "a"] and len(cl) == 2
    with pytest.raises(KeyError, match="'c' is not a code in demo"):
        cl.label("c")


def test_code_list_rejects_duplicates():
    with pytest.raises(ValueError, match="duplicate code"):
        CodeList("demo", [("a", "A"), ("a", "B")])
    with pytest.raises(ValueError, match="duplicate label"):
        CodeList("demo", [("a", "A"), ("b", "A")])


def test_sex_and_tristate():
    assert SEX.codes == ("male", "female", "indeterminate", "not_known")
    assert TRISTATE.codes == ("yes", "no", "unknown")
    assert TRISTATE.label("unknown") == "Unknown"


def test_ethnicity_uses_the_dfe_codes_in_order():
    assert ETHNICITY.codes == tuple(
        "WBRI WIRI WOTH WIRT WROM MWBC MWBA MWAS MOTH AIND APKN ABAN AOTH "
        "BCRB BAFR BOTH CHNE OOTH REFU NOBT".split()
    )
    assert ETHNICITY.label("WBRI") == "White - British"
    assert ETHNICITY.label("AIND") == "Asian or Asian British - Indian"


def test_statutory_partners_are_known_sectors():
    assert STATUTORY_PARTNER_SECTORS == {"local_authority", "police", "health"}
    assert STATUTORY_PARTNER_SECTORS <= set(AGENCY_SECTORS.codes)


def test_every_section_7_5_name_is_seeded_verbatim_and_in_order():
    names = [a.name for a in SEED_AGENCIES]
    assert len(SECTION_7_5) == 27
    assert [n for n in SECTION_7_5 if n not in names] == []
    assert list(TRAINING_RETURN_AGENCIES) == SECTION_7_5


def test_no_duplicate_names_or_short_names():
    names = [a.name for a in SEED_AGENCIES]
    assert len(names) == len(set(names))
    assert len({n.casefold() for n in names}) == len(names)
    shorts = [a.short_name for a in SEED_AGENCIES if a.short_name]
    assert len(shorts) == len(set(shorts))


def test_every_agency_has_a_known_sector():
    assert [a.name for a in SEED_AGENCIES if a.sector not in AGENCY_SECTORS] == []


def test_partners_and_glossary_short_names_present():
    shorts = {a.short_name: a for a in SEED_AGENCIES if a.short_name}
    for short in ("HCC", "HCNT", "HPFT", "WHHT", "ENHT", "NPS", "BeNCH"):
        assert short in shorts, short
    names = {a.name for a in SEED_AGENCIES}
    assert {"Cafcass", "NHS England", "Hertfordshire Constabulary"} <= names
    # every statutory partner sector has at least one agency, so a quorum is possible
    assert STATUTORY_PARTNER_SECTORS <= {a.sector for a in SEED_AGENCIES}


def test_names_are_trimmed():
    assert all(a.name == a.name.strip() and "  " not in a.name for a in SEED_AGENCIES)
