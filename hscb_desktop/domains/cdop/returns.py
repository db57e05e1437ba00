"""CDOP return tables C1-C8 as plain data (SPEC §3.7, §0.1, §8.9, §8.10).

Reviews are counted by the date the panel completed them (not the date of death); panel
meetings by meeting date. Counts come from group-by queries over the period's completed
reviews joined to their deaths; no identity is read.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from peewee import fn

from hscb_desktop.core.periods import ReportingPeriod
from hscb_desktop.core.vocab import ETHNICITY, SEX
from hscb_desktop.domains.cdop import vocab as V
from hscb_desktop.domains.cdop.models import (
    CdopReview,
    CdopReviewFactor,
    ChildDeath,
    PanelMeeting,
)
from hscb_desktop.returns import Table, percent

COUNTING_RULES = (
    "The CDOP year runs 1 April - 31 March. Child deaths are counted by the date the panel "
    "completed the review, not by the date of death; panel meetings by meeting date (meetings "
    "still to come are not counted as held). Age at death is in days for children under 1 and "
    "in completed years otherwise. Categories of death follow the national hierarchy: where "
    "several apply, the highest is recorded. Percentages are whole numbers rounded half up. "
    "No names, NHS numbers, dates of birth, addresses or other identifying details are "
    "included."
)

MODIFIABLE_HEADERS = [V.MODIFIABLE.label(c) for c in V.MODIFIABLE]


def _completed(period: ReportingPeriod):
    return CdopReview.review_completed_date.between(period.start, period.end)


def _by(column, period: ReportingPeriod, second) -> dict[tuple, int]:
    """Counts of the period's completed reviews by (death column, second column)."""
    query = (
        CdopReview.select(column, second, fn.COUNT(CdopReview.id))
        .join(ChildDeath, on=(CdopReview.death == ChildDeath.id))
        .where(_completed(period))
        .group_by(column, second)
        .tuples()
    )
    return {(a, b): n for a, b, n in query}


def _reviews(period: ReportingPeriod) -> int:
    return CdopReview.select(fn.COUNT(CdopReview.id)).where(_completed(period)).scalar() or 0


def _meetings_held(period: ReportingPeriod, today: dt.date | None) -> int:
    last = period.end if today is None else min(period.end, today)
    return (
        PanelMeeting.select(fn.COUNT(PanelMeeting.id))
        .where(PanelMeeting.meeting_date.between(period.start, last))
        .scalar()
        or 0
    )


def c1(period: ReportingPeriod, today: dt.date | None) -> Table:
    return Table(
        "C1",
        "Panel activity",
        ["Measure", "Number"],
        [
            ["CDOP meetings held", _meetings_held(period, today)],
            ["Child deaths reviewed (reviews completed)", _reviews(period)],
        ],
        [f"{period.label}. Reviews are counted by the date the panel completed them."],
    )


def c2(period: ReportingPeriod, counts: dict[tuple, int]) -> Table:
    numbers = {e: sum(n for (_, x), n in counts.items() if x == e) for e in V.EXPECTED}
    total = sum(numbers.values())
    return Table(
        "C2",
        "Expected and unexpected deaths",
        ["Expected or unexpected", "Number", "%"],
        [[V.EXPECTED.label(e), numbers[e], percent(numbers[e], total)] for e in V.EXPECTED],
        [
            (
                "Unexpected: not anticipated as a significant possibility, for example 24 "
                "hours before the death. Whole-number percentages rounded half up."
            )
        ],
        ["Total", total, percent(total, total)],
        sheet="C2 Expected unexpected",
    )


def _grid(
    key: str,
    title: str,
    first: str,
    rows: list[tuple[str, str]],
    columns: list[str],
    column_headers: list[str],
    counts: dict[tuple, int],
    note: str,
    sheet: str,
) -> Table:
    """A rows x columns table of counts with row totals and a Total row."""
    body = []
    sums = [0] * (len(columns) + 1)
    for code, label in rows:
        numbers = [counts.get((code, c), 0) for c in columns]
        numbers.append(sum(numbers))
        sums = [a + b for a, b in zip(sums, numbers)]
        body.append([label, *numbers])
    return Table(
        key, title, [first, *column_headers, "Total"], body, [note], ["Total", *sums], sheet
    )


def c3(period: ReportingPeriod, counts: dict[tuple, int]) -> Table:
    return _grid(
        "C3",
        "Age at death by expected and unexpected deaths",
        "Age at death",
        V.AGE_BANDS.choices(),
        list(V.EXPECTED),
        [V.EXPECTED.label(e) for e in V.EXPECTED],
        counts,
        "Age in days for children under 1, completed years otherwise.",
        "C3 Age by expected",
    )


def c4(period: ReportingPeriod) -> Table:
    return _grid(
        "C4",
        "Category of death by modifiable factors",
        "Category of death",
        V.CATEGORIES.choices(),
        list(V.MODIFIABLE),
        MODIFIABLE_HEADERS,
        _by(CdopReview.category_of_death, period, CdopReview.modifiable_factors),
        "Categories in hierarchy order; where several applied, the panel recorded the highest.",
        "C4 Category by modifiable",
    )


def c5(period: ReportingPeriod) -> Table:
    return _grid(
        "C5",
        "Age at death by modifiable factors",
        "Age at death",
        V.AGE_BANDS.choices(),
        list(V.MODIFIABLE),
        MODIFIABLE_HEADERS,
        _by(ChildDeath.age_band, period, CdopReview.modifiable_factors),
        "Age in days for children under 1, completed years otherwise.",
        "C5 Age by modifiable",
    )


def _with_not_recorded(counts: dict[tuple, int], codes) -> tuple[list, dict]:
    """Rows for every code, plus "Not recorded" when some deaths have none."""
    rows = codes.choices()
    fixed = {(k if k in codes else None, m): 0 for (k, m) in counts}
    for (k, m), n in counts.items():
        fixed[(k if k in codes else None, m)] += n
    if any(k is None and n for (k, _), n in fixed.items()):
        rows = rows + [(None, "Not recorded")]
    return rows, fixed


def c6(period: ReportingPeriod) -> Table:
    rows, counts = _with_not_recorded(
        _by(ChildDeath.sex, period, CdopReview.modifiable_factors), SEX
    )
    return _grid(
        "C6",
        "Sex by modifiable factors",
        "Sex",
        rows,
        list(V.MODIFIABLE),
        MODIFIABLE_HEADERS,
        counts,
        "Reviews completed in the period by the child's sex.",
        "C6 Sex by modifiable",
    )


def c6b(period: ReportingPeriod) -> Table:
    rows, counts = _with_not_recorded(
        _by(ChildDeath.ethnicity, period, CdopReview.modifiable_factors), ETHNICITY
    )
    return _grid(
        "C6b",
        "Ethnicity by modifiable factors",
        "Ethnicity",
        rows,
        list(V.MODIFIABLE),
        MODIFIABLE_HEADERS,
        counts,
        "Reviews completed in the period by the child's ethnicity (DfE census categories).",
        "C6b Ethnicity by modifiable",
    )


def _factor_sets(period: ReportingPeriod, under_one: bool) -> list[tuple[set[str], str, int]]:
    """(factors present, modifiable decision, review id) for the period's completed reviews:
    ticked checklist factors plus those whose question was answered "yes"."""
    query = (
        CdopReview.select(
            CdopReview.id,
            CdopReview.modifiable_factors,
            *(getattr(CdopReview, q) for q in V.TRISTATE_FACTORS),
        )
        .join(ChildDeath, on=(CdopReview.death == ChildDeath.id))
        .where(_completed(period))
    )
    if under_one:
        query = query.where(ChildDeath.age_band.in_(V.UNDER_ONE_BANDS))
    rows = list(query.tuples())
    ids = [r[0] for r in rows]
    ticked: dict[int, set[str]] = {i: set() for i in ids}
    if ids:
        for review_id, factor in (
            CdopReviewFactor.select(CdopReviewFactor.review, CdopReviewFactor.factor)
            .where(CdopReviewFactor.review.in_(ids))
            .tuples()
        ):
            ticked[review_id].add(factor)
    out = []
    for review_id, modifiable, *answers in rows:
        present = set(ticked[review_id])
        for (question, factor), answer in zip(V.TRISTATE_FACTORS.items(), answers):
            if answer == "yes":
                present.add(factor)
        out.append((present, modifiable, review_id))
    return out


def c7(period: ReportingPeriod) -> Table:
    reviews = _factor_sets(period, under_one=True)
    all_counts: Counter[str] = Counter()
    modifiable_counts: Counter[str] = Counter()
    for present, modifiable, _ in reviews:
        all_counts.update(present)
        if modifiable == "yes":
            modifiable_counts.update(present)
    base = len(reviews)
    with_modifiable = sum(1 for _, m, _ in reviews if m == "yes")
    order = list(V.SOCIAL_FACTORS) + list(V.INTRINSIC_FACTORS)
    return Table(
        "C7",
        "Modifiable factor themes: deaths under 1 year",
        [
            "Factor",
            "Reviews of children under 1 with the factor",
            "%",
            "Of which modifiable factors identified",
        ],
        [
            [V.FACTORS.label(f), all_counts[f], percent(all_counts[f], base), modifiable_counts[f]]
            for f in order
        ],
        [
            (
                f"Base: {base} reviews of children who died under 1 year old, "
                f"{with_modifiable} with modifiable factors identified. A review may record "
                "several factors, so the rows do not add up to the base. A factor counts when "
                "it is ticked on the checklist or its question (co-sleeping, smoking in "
                "household, smoking in pregnancy, carer alcohol or drugs) is answered yes."
            )
        ],
        ["Reviews of children under 1", base, percent(base, base), with_modifiable],
        sheet="C7 Factors under 1",
    )


def c8(period: ReportingPeriod) -> Table:
    reviews = _factor_sets(period, under_one=False)
    present = {review_id: factors for factors, _, review_id in reviews}
    sudi_ids = [
        r.id
        for r in CdopReview.select(CdopReview.id).where(
            _completed(period) & (CdopReview.sudi == True)
        )
    ]
    co_sleeping = sum(1 for i in sudi_ids if "co_sleeping" in present.get(i, ()))
    smoking = sum(
        1
        for i in sudi_ids
        if {"smoking_in_household", "smoking_in_pregnancy"} & present.get(i, set())
    )

    def count(clause) -> int:
        return (
            CdopReview.select(fn.COUNT(CdopReview.id)).where(_completed(period) & clause).scalar()
            or 0
        )

    return Table(
        "C8",
        "Sudden unexpected death in infancy (SUDI)",
        ["Measure", "Number"],
        [
            ["SUDI cases", len(sudi_ids)],
            ["of which co-sleeping present", co_sleeping],
            ["of which smoking present (household or pregnancy)", smoking],
            [
                "Reviews where a serious case review was considered",
                count(CdopReview.scr_considered == True),
            ],
            ["Reviews where a serious case review took place", count(CdopReview.scr_held == True)],
        ],
        [
            (
                "SUDI (previously referred to as cot death): an infant aged 7-365 days whose "
                "death was sudden and unexpected, as the panel recorded it (the app suggests "
                "it from the age and circumstances; the panel may override the suggestion)."
            )
        ],
        sheet="C8 SUDI",
    )


def compute(period: ReportingPeriod, today: dt.date | None = None) -> list[Table]:
    """Tables C1-C8 for one CDOP period. ``today``: meetings after it are not yet held."""
    by_age = _by(ChildDeath.age_band, period, ChildDeath.expected_or_unexpected)
    return [
        c1(period, today),
        c2(period, by_age),
        c3(period, by_age),
        c4(period),
        c5(period),
        c6(period),
        c6b(period),
        c7(period),
        c8(period),
    ]
