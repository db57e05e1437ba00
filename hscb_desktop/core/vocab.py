"""Code lists shared by several modules, and the seed agency list (SPEC §0.5, §7.5, §8.14).

Records store the code; screens and workbooks show the label. Lists keep
display order, which is also the order rows appear in the returns.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator


class CodeList:
    """An ordered, read-only code -> label mapping."""

    def __init__(self, name: str, items: Iterable[tuple[str, str]]):
        self.name = name
        self._labels: dict[str, str] = {}
        for code, label in items:
            if code in self._labels:
                raise ValueError(f"{name}: duplicate code {code!r}")
            self._labels[code] = label
        if len(set(self._labels.values())) != len(self._labels):
            raise ValueError(f"{name}: duplicate label")

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self._labels)

    def label(self, code: str) -> str:
        try:
            return self._labels[code]
        except KeyError:
            raise KeyError(f"{code!r} is not a code in {self.name}") from None

    def choices(self) -> list[tuple[str, str]]:
        """(code, label) pairs in display order, for combo boxes."""
        return list(self._labels.items())

    def __contains__(self, code: object) -> bool:
        return code in self._labels

    def __iter__(self) -> Iterator[str]:
        return iter(self._labels)

    def __len__(self) -> int:
        return len(self._labels)

    def __repr__(self) -> str:
        return f"CodeList({self.name!r}, {len(self)} codes)"


SEX = CodeList("sex", [
    ("male", "Male"),
    ("female", "Female"),
    ("indeterminate", "Indeterminate"),
    ("not_known", "Not known"),
])

# SPEC §3.3.6, coded with the DfE school census ethnicity codes.
ETHNICITY = CodeList("ethnicity", [
    ("WBRI", "White - British"),
    ("WIRI", "White - Irish"),
    ("WOTH", "White - Any other White background"),
    ("WIRT", "White - Traveller of Irish Heritage"),
    ("WROM", "White - Gypsy/Roma"),
    ("MWBC", "Mixed - White and Black Caribbean"),
    ("MWBA", "Mixed - White and Black African"),
    ("MWAS", "Mixed - White and Asian"),
    ("MOTH", "Mixed - Any other Mixed background"),
    ("AIND", "Asian or Asian British - Indian"),
    ("APKN", "Asian or Asian British - Pakistani"),
    ("ABAN", "Asian or Asian British - Bangladeshi"),
    ("AOTH", "Asian or Asian British - Any other Asian background"),
    ("BCRB", "Black or Black British - Caribbean"),
    ("BAFR", "Black or Black British - African"),
    ("BOTH", "Black or Black British - Any other Black background"),
    ("CHNE", "Chinese"),
    ("OOTH", "Any other ethnic group"),
    ("REFU", "Not stated - refused"),
    ("NOBT", "Not known - not yet obtained"),
])

TRISTATE = CodeList("tristate", [("yes", "Yes"), ("no", "No"), ("unknown", "Unknown")])

# The sector each agency rolls up to, so one agency counts the same way in every module.
AGENCY_SECTORS = CodeList("agency sector", [
    ("local_authority", "Local authority"),
    ("police", "Police"),
    ("health", "Health"),
    ("education", "Education"),
    ("probation", "Probation"),
    ("voluntary", "Voluntary sector"),
    ("other", "Other"),
])

# The default Board quorum needs one attendee from each of these (SPEC §8.11).
STATUTORY_PARTNER_SECTORS: frozenset[str] = frozenset({"local_authority", "police", "health"})


@dataclass(frozen=True)
class SeedAgency:
    name: str
    short_name: str | None
    sector: str


# Appendix 1 partners and glossary short names (SPEC §0.5). Where a partner is
# also a training row below, the training row's exact wording is kept instead.
_PARTNERS: tuple[SeedAgency, ...] = (
    SeedAgency("District and Borough Councils", None, "local_authority"),
    SeedAgency("Cafcass", "Cafcass", "other"),
    SeedAgency("Herts Valleys Clinical Commissioning Group", "HVCCG", "health"),
    SeedAgency("East and North Hertfordshire Clinical Commissioning Group", "ENHCCG", "health"),
    SeedAgency("NHS England", "NHSE", "health"),
    SeedAgency("NHS England – Hertfordshire and South Midlands Local Area Team", None, "health"),
    SeedAgency("East and North Hertfordshire NHS Trust", "ENHT", "health"),
    SeedAgency("Hertfordshire Community NHS Trust", "HCNT", "health"),
    SeedAgency("West Hertfordshire Hospitals NHS Trust", "WHHT", "health"),
    SeedAgency("Hertfordshire Partnership University NHS Foundation Trust", "HPFT", "health"),
    SeedAgency("Hertfordshire Constabulary", None, "police"),
    SeedAgency("HCC Children's Services – Education & Early Intervention", None, "local_authority"),
    SeedAgency("HCC Children's Services – Safeguarding & Specialist Services", None, "local_authority"),
    SeedAgency("HCC Public Health", None, "local_authority"),
    SeedAgency("National Probation Service", "NPS", "probation"),
    SeedAgency("BeNCH Community Rehabilitation Company", "BeNCH", "probation"),
    SeedAgency("Schools (primary, secondary and special)", None, "education"),
    SeedAgency("Further Education", None, "education"),
)

# Appendix 3 training return rows (SPEC §7.5), character for character and in
# return order: these names are the row labels of the training workbook.
_TRAINING: tuple[SeedAgency, ...] = (
    SeedAgency("Adult Care Services", None, "local_authority"),
    SeedAgency("Children's centre", None, "local_authority"),
    SeedAgency("Children's Services", None, "local_authority"),
    SeedAgency("Colleges", None, "education"),
    SeedAgency("District Council", None, "local_authority"),
    SeedAgency("Drug and Alcohol Service", None, "health"),
    SeedAgency("Education", None, "education"),
    SeedAgency("Family Support Services", None, "other"),
    SeedAgency("Health - East and North Herts NHS Trust", None, "health"),
    SeedAgency("Health - Hertfordshire Community NHS Trust", None, "health"),
    SeedAgency("Health - Herts NHS Foundation Trust", None, "health"),
    SeedAgency("Health - NHS Hertfordshire", None, "health"),
    SeedAgency("Health - West Herts Hospitals Trusts", None, "health"),
    SeedAgency("Health - Other", None, "health"),
    SeedAgency("Herts Constabulary", None, "police"),
    SeedAgency("Hertfordshire County Council", "HCC", "local_authority"),
    SeedAgency("Housing Provider", None, "other"),
    SeedAgency("HSCB", "HSCB", "other"),
    SeedAgency("Nursery", None, "education"),
    SeedAgency("Other", None, "other"),
    SeedAgency("Pre-school", None, "education"),
    SeedAgency("Probation", None, "probation"),
    SeedAgency("School", None, "education"),
    SeedAgency("Schools - designated senior person", None, "education"),
    SeedAgency("Schools - non designated senior person", None, "education"),
    SeedAgency("South West Partnership", None, "education"),
    SeedAgency("Voluntary Sector", None, "voluntary"),
)

TRAINING_RETURN_AGENCIES: tuple[str, ...] = tuple(a.name for a in _TRAINING)

# Seed rows for the administrator-editable Agency table (SPEC §8.14).
SEED_AGENCIES: tuple[SeedAgency, ...] = _PARTNERS + _TRAINING
