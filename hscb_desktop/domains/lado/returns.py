"""LADO return tables L1-L8 as plain data (SPEC §1.7, §8.1-8.4).

Counts come from group-by queries, not Python loops over records, so the
return over 100,000 contacts stays well under 3 s; only the concluded cases of
one period (a few dozen) are walked in Python, for calendar-month timeliness.
"""

from __future__ import annotations

from peewee import fn

from hscb_desktop.core.periods import ReportingPeriod, previous
from hscb_desktop.domains.lado import rules
from hscb_desktop.domains.lado import vocab as V
from hscb_desktop.domains.lado.models import (
    LadoAction,
    LadoContact,
    LadoContactCategory,
    LadoMeeting,
)
from hscb_desktop.returns import Percent, Table, change, percent

COUNTING_RULES = (
    "The LADO year runs 1 July - 30 June. Contacts (consultations and threshold cases) are counted "
    "by the date the LADO received the referral; one contact per subject per referral. "
    "'Reached child protection threshold' counts contacts that met the harm test. Meetings are "
    "counted by meeting date; outcomes and timeliness by the date the case concluded. "
    "Percentages are whole numbers rounded half up. No names, dates of birth or other identifying "
    "details are included."
)

FIVE_GROUPS = ("education", "social_care", "health", "police", "private_voluntary")
CONCLUDED_OUTCOMES = ("substantiated", "malicious", "false", "unsubstantiated", "unfounded")


def _threshold():
    return LadoContact.threshold_met == True  # a SQL expression, not a Python truth test


def _in(period: ReportingPeriod):
    return LadoContact.date_received.between(period.start, period.end)


def _totals(period: ReportingPeriod) -> tuple[int, int]:
    """(all contacts, threshold contacts) received in the period: one aggregate query."""
    threshold = fn.SUM(LadoContact.threshold_met.cast("INTEGER"))
    row = (
        LadoContact.select(fn.COUNT(LadoContact.id), threshold).where(_in(period)).tuples().first()
    )
    return int(row[0] or 0), int(row[1] or 0)


def _by(column, period: ReportingPeriod) -> dict[tuple[str, bool], int]:
    """Counts of the period's contacts by (column value, threshold met)."""
    query = (
        LadoContact.select(column, LadoContact.threshold_met, fn.COUNT(LadoContact.id))
        .where(_in(period))
        .group_by(column, LadoContact.threshold_met)
        .tuples()
    )
    return {(value, bool(t)): n for value, t, n in query}


def _meetings(period: ReportingPeriod) -> int:
    return (
        LadoMeeting.select(fn.COUNT(LadoMeeting.id))
        .where(
            LadoMeeting.meeting_date.between(period.start, period.end)
            & LadoMeeting.meeting_type.in_(V.STRATEGY_MEETING_TYPES)
        )
        .scalar()
        or 0
    )


def l1(period: ReportingPeriod) -> Table:
    years = [previous(period, 2), previous(period, 1), period]
    rows = [[p.label, *_totals(p)] for p in years]
    total, threshold = rows[-1][1], rows[-1][2]
    before_total, before_threshold = rows[-2][1], rows[-2][2]
    notes = [
        f"{period.label}: {_pct_text(percent(threshold, total))} of contacts reached the threshold."
    ]
    if before_total:
        notes.append(
            "Change in allegations on the previous year: "
            f"{_pct_text(change(total, before_total))}; "
            f"in threshold allegations: {_pct_text(change(threshold, before_threshold))}."
        )
    return Table(
        "L1",
        "Referrals",
        [
            "Year",
            "Total Recorded Allegations",
            "Allegations that reached child protection threshold",
        ],
        rows,
        notes,
    )


def _pct_text(value: Percent | None) -> str:
    return "n/a" if value is None else f"{round(value * 100)}%"


def _group_counts(period: ReportingPeriod) -> dict[tuple[str, bool], int]:
    return _by(LadoContact.sector_group, period)


def _groups_shown(counts: dict[tuple[str, bool], int], threshold_only: bool) -> list[str]:
    # "Other" appears only when non-zero, so a normal year prints the report's five columns (§8.3).
    other = counts.get(("other", True), 0) + (
        0 if threshold_only else counts.get(("other", False), 0)
    )
    return list(FIVE_GROUPS) + (["other"] if other else [])


def l2(period: ReportingPeriod, counts: dict[tuple[str, bool], int]) -> Table:
    groups = _groups_shown(counts, threshold_only=True)
    numbers = [counts.get((g, True), 0) for g in groups]
    base = sum(counts.get((g, True), 0) for g in V.SECTOR_GROUPS)
    return Table(
        "L2",
        "Allegations (%) that reached threshold specific to agency",
        [period.label, *(V.SECTOR_GROUPS.label(g) for g in groups)],
        [["%", *(percent(n, base) for n in numbers)], ["Number", *numbers]],
        [
            (
                "Share of the period's threshold allegations in each reporting group "
                f"(base: {base}). "
                "Whole-number percentages rounded half up, so they may not add to exactly 100."
            )
        ],
        sheet="L2 Threshold by agency",
    )


def l2b(period: ReportingPeriod, counts: dict[tuple[str, bool], int]) -> Table:
    groups = _groups_shown(counts, threshold_only=False)
    everyone = [counts.get((g, True), 0) + counts.get((g, False), 0) for g in groups]
    reached = [counts.get((g, True), 0) for g in groups]
    all_contacts, all_reached = sum(counts.values()), sum(n for (g, t), n in counts.items() if t)
    return Table(
        "L2b",
        "Conversion rate by sector",
        [period.label, *(V.SECTOR_GROUPS.label(g) for g in groups), "All"],
        [
            ["Contacts", *everyone, all_contacts],
            ["Reached threshold", *reached, all_reached],
            [
                "Conversion rate",
                *(percent(r, e) for r, e in zip(reached, everyone)),
                percent(all_reached, all_contacts),
            ],
        ],
        ["Conversion rate = contacts that reached threshold / all contacts in the group."],
        sheet="L2b Conversion by sector",
    )


def l3(period: ReportingPeriod) -> Table:
    years = [previous(period, n) for n in (3, 2, 1, 0)]
    held = [_meetings(p) for p in years]
    rows = [[p.label, n, change(n, before)] for p, n, before in zip(years[1:], held[1:], held)]
    return Table(
        "L3",
        "Strategy/Joint Evaluation Meetings",
        ["Year", "Strategy/Joint Evaluation Meetings held", "Change on previous year (%)"],
        rows,
        [
            (
                "Strategy and joint evaluation meetings, counted by meeting date. The change is "
                "blank where no meetings were recorded in the year before."
            )
        ],
        sheet="L3 Meetings",
    )


def l4(period: ReportingPeriod, totals: dict[bool, int]) -> Table:
    query = (
        LadoContactCategory.select(
            LadoContactCategory.category,
            LadoContact.threshold_met,
            fn.COUNT(LadoContactCategory.id),
        )
        .join(LadoContact)
        .where(_in(period))
        .group_by(LadoContactCategory.category, LadoContact.threshold_met)
        .tuples()
    )
    counts = {(c, bool(t)): n for c, t, n in query}
    rows = []
    for code in V.ABUSE_CATEGORIES:
        a, b = counts.get((code, False), 0), counts.get((code, True), 0)
        rows.append([V.ABUSE_CATEGORIES.label(code), a, b, a + b])
    total = ["Contacts", totals[False], totals[True], totals[False] + totals[True]]
    return Table(
        "L4",
        "Category of abuse by threshold",
        ["Category", "Consultation", "Reached threshold", "Total"],
        rows,
        [
            (
                "A contact with several categories is counted once in each, so the categories "
                "add up to more than the number of contacts (Total row)."
            )
        ],
        total,
        sheet="L4 Category of abuse",
    )


def _concluded_on():
    return fn.COALESCE(LadoContact.outcome_date, LadoContact.date_closed)


def l5(period: ReportingPeriod) -> Table:
    concluded = (
        LadoContact.select(LadoContact.outcome, fn.COUNT(LadoContact.id))
        .where(
            _threshold()
            & LadoContact.outcome.in_(CONCLUDED_OUTCOMES)
            & _concluded_on().between(period.start, period.end)
        )
        .group_by(LadoContact.outcome)
        .tuples()
    )
    counts = dict(concluded)
    # COALESCE keeps NULLs out of the NOT below (NOT NULL would drop the row).
    finished_by_end = (
        fn.COALESCE(LadoContact.outcome, "").in_(CONCLUDED_OUTCOMES)
        & _concluded_on().is_null(False)
        & (_concluded_on() <= period.end)
    )
    ongoing = (
        LadoContact.select(fn.COUNT(LadoContact.id))
        .where(_threshold() & (LadoContact.date_received <= period.end) & ~finished_by_end)
        .scalar()
        or 0
    )
    numbers = [(V.OUTCOMES.label(o), counts.get(o, 0)) for o in CONCLUDED_OUTCOMES]
    numbers.append(("Ongoing at period end", ongoing))
    base = sum(n for _, n in numbers)
    rows = [[label, n, percent(n, base)] for label, n in numbers]
    return Table(
        "L5",
        "Outcomes of threshold allegations concluded in the period",
        ["Outcome", "Number", "%"],
        rows,
        [
            (
                "Threshold allegations whose outcome was reached in the period, by outcome, "
                "and threshold allegations still open at the end of the period."
            )
        ],
        ["Total", base, percent(base, base)],
        sheet="L5 Outcomes",
    )


def l6(period: ReportingPeriod) -> Table:
    # A few dozen rows: walked in Python for exact calendar-month arithmetic (SPEC §0.2).
    cases = (
        LadoContact.select(LadoContact.date_received, LadoContact.date_closed)
        .where(_threshold() & LadoContact.date_closed.between(period.start, period.end))
        .tuples()
    )
    spans = [(received, closed) for received, closed in cases]
    n = len(spans)
    within = {
        m: sum(rules.resolved_within(r, c, m) for r, c in spans) for m in rules.TIMELINESS_MONTHS
    }
    rows = [
        ["1 month", within[1], percent(within[1], n), percent(80, 100)],
        ["3 months", within[3], percent(within[3], n), percent(90, 100)],
        ["12 months", within[12], percent(within[12], n), "all but exceptional"],
        ["Over 12 months", n - within[12], percent(n - within[12], n), None],
    ]
    return Table(
        "L6",
        "Timeliness of concluded threshold cases",
        ["Resolved within", "Number", "% of concluded", "Target"],
        rows,
        [
            (
                "Threshold cases closed in the period; 'within' counts are cumulative and use "
                "calendar months from the date received. "
                "Targets: Keeping children safe in education."
            )
        ],
        ["Total concluded", n, percent(n, n), None],
        sheet="L6 Timeliness",
    )


L7_ROWS = (
    ("Suspension", ("suspension",)),
    ("Police investigation", ("police_investigation",)),
    ("Criminal charge/caution/conviction", ("criminal_charge", "caution", "conviction")),
    ("Disciplinary sanction", ("disciplinary_sanction",)),
    ("Dismissal", ("dismissal",)),
    ("Resignation", ("resignation",)),
    ("Ceased to use services", ("ceased_to_use_services",)),
    ("Referral to DBS", ("dbs_referral",)),
    ("Referral to TRA", ("tra_referral",)),
    ("Referral to Ofsted", ("ofsted_notification",)),
    ("Referral to other regulator", ("professional_regulator_referral",)),
    ("Fostering Panel review", ("fostering_panel_review",)),
    ("No further action", ("no_further_action",)),
)


def l7(period: ReportingPeriod) -> Table:
    rows = []
    for label, kinds in L7_ROWS:
        n = (
            LadoAction.select(fn.COUNT(LadoAction.contact.distinct()))
            .join(LadoContact)
            .where(_in(period) & LadoAction.action_type.in_(kinds))
            .scalar()
            or 0
        )
        rows.append([label, n])
    return Table(
        "L7",
        "Actions and sanctions",
        ["Action", "Number of cases"],
        rows,
        [
            (
                "Contacts received in the period with at least one such action; a case with "
                "several actions appears in each row."
            )
        ],
        sheet="L7 Actions",
    )


def l8(period: ReportingPeriod) -> Table:
    counts = _by(LadoContact.employment_sector, period)
    rows = []
    for code in V.EMPLOYMENT_SECTORS:
        a, b = counts.get((code, False), 0), counts.get((code, True), 0)
        rows.append(
            [
                V.EMPLOYMENT_SECTORS.label(code),
                V.SECTOR_GROUPS.label(V.SECTOR_GROUP_OF[code]),
                a,
                b,
                a + b,
            ]
        )
    sums = [sum(r[i] for r in rows) for i in (2, 3, 4)]
    return Table(
        "L8",
        "Referral source and sector of subject",
        ["Sector of subject", "Reporting group", "Consultation", "Reached threshold", "Total"],
        rows,
        ["Contacts received in the period by the subject's detailed employment sector."],
        ["Total", "", *sums],
        sheet="L8 Sector of subject",
    )


def l8b(period: ReportingPeriod) -> Table:
    counts = _by(LadoContact.referral_source_type, period)
    rows = []
    for code in V.REFERRAL_SOURCES:
        a, b = counts.get((code, False), 0), counts.get((code, True), 0)
        rows.append([V.REFERRAL_SOURCES.label(code), a, b, a + b])
    sums = [sum(r[i] for r in rows) for i in (1, 2, 3)]
    return Table(
        "L8b",
        "Referral source",
        ["Referral source", "Consultation", "Reached threshold", "Total"],
        rows,
        ["Contacts received in the period by who referred them."],
        ["Total", *sums],
        sheet="L8b Referral source",
    )


def compute(period: ReportingPeriod) -> list[Table]:
    """Tables L1-L8 for one LADO period (L1 and L3 also show the years before)."""
    groups = _group_counts(period)
    totals = {False: 0, True: 0}
    for (_, t), n in groups.items():
        totals[t] += n
    return [
        l1(period),
        l2(period, groups),
        l2b(period, groups),
        l3(period),
        l4(period, totals),
        l5(period),
        l6(period),
        l7(period),
        l8(period),
        l8b(period),
    ]
