"""Private fostering return tables P1-P5 as plain data (SPEC §2.8, §8.6, §8.8).

Counts come from aggregate queries; only the arrangements open in the year (a few dozen)
are walked in Python, for the working-day and regulation 8 timeliness and ages at 31 March.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from peewee import fn

from hscb_desktop.core.calendar import WorkingCalendar
from hscb_desktop.core.periods import ReportingPeriod
from hscb_desktop.core.vocab import SEX
from hscb_desktop.domains.fostering import rules
from hscb_desktop.domains.fostering import vocab as V
from hscb_desktop.domains.fostering.models import (
    PfArrangement,
    PfArrangementReason,
    PfChild,
    PfEnquiry,
    PfNotification,
    PfVisit,
)
from hscb_desktop.domains.fostering.records import day
from hscb_desktop.returns import Table, percent

COUNTING_RULES = (
    "The private fostering year runs 1 April - 31 March. Notifications and enquiries are "
    "counted by the date received; assessments by the date completed. 'Arrangements' are "
    "those open at any time in the year (started by its end, not ended before its start); "
    "'at 31 March' counts those still open after the last day of the year. Initial visits are "
    "due 7 working days after the notification (bank holidays from the app's table); "
    "regulation 8 visits 6 weeks after the previous statutory visit in the first year after "
    "the authority became aware, 12 weeks after it from then on. Percentages are whole "
    "numbers rounded half up. No names, dates of birth or other identifying details are "
    "included."
)

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# P1 rows in the annual report's words and order (SPEC §2.8), then the two rows that make
# the enquiry rows add up to the total (SPEC §8.8).
P1_LABELS = (
    "New Private Fostering Notifications",
    "Private Fostering Assessments completed",
    "Private Fostering arrangements (open at any time in the year)",
    "Notifications that did not progress to Private Fostering arrangements",
    "General enquiries",
    "of which: not Private Fostering arrangements",
    "of which: referred on to other Local Authorities",
    "of which: became Private Fostering notifications",
    "of which: advice only / other",
)


def _day_label(d: dt.date) -> str:
    return f"{d.day} {_MONTHS[d.month - 1]}"


def _received(model, period: ReportingPeriod):
    return model.date_received.between(period.start, period.end)


def _open_in(period: ReportingPeriod):
    a = PfArrangement
    return (a.start_date <= period.end) & (a.end_date.is_null() | (a.end_date >= period.start))


def _open_at_end(period: ReportingPeriod):
    a = PfArrangement
    return (a.start_date <= period.end) & (a.end_date.is_null() | (a.end_date > period.end))


def _count(query) -> int:
    return int(query.scalar() or 0)


def _enquiry_outcomes(period: ReportingPeriod) -> dict[str | None, int]:
    query = (
        PfEnquiry.select(PfEnquiry.outcome, fn.COUNT(PfEnquiry.id))
        .where(_received(PfEnquiry, period))
        .group_by(PfEnquiry.outcome)
        .tuples()
    )
    return dict(query)


def p1(period: ReportingPeriod, outcomes: dict[str | None, int]) -> Table:
    n = PfNotification
    notifications = _count(n.select(fn.COUNT(n.id)).where(_received(n, period)))
    refused = n.progressed == False  # noqa: E712 - SQL, not a truth test
    not_progressed = _count(n.select(fn.COUNT(n.id)).where(_received(n, period) & refused))
    a = PfArrangement
    assessments = _count(
        a.select(fn.COUNT(a.id)).where(
            a.assessment_completed_date.between(period.start, period.end)
        )
    )
    arrangements = _count(a.select(fn.COUNT(a.id)).where(_open_in(period)))
    enquiries = sum(outcomes.values())
    not_pf = outcomes.get("not_private_fostering", 0)
    referred = outcomes.get("referred_to_other_la", 0)
    became = outcomes.get("became_notification", 0)
    rest = enquiries - not_pf - referred - became
    numbers = (
        notifications,
        assessments,
        arrangements,
        not_progressed,
        enquiries,
        not_pf,
        referred,
        became,
        rest,
    )
    return Table(
        "P1",
        "Headline activity",
        ["Measure", "Number"],
        [[label, value] for label, value in zip(P1_LABELS, numbers)],
        [
            f"{period.label}. The first seven rows use the annual report's wording.",
            (
                "The 'of which' rows divide the general enquiries, so they add up to its total; "
                "'advice only / other' includes enquiries whose outcome is not yet recorded."
            ),
        ],
        sheet="P1 Headline activity",
    )


def _initial_visits(period: ReportingPeriod, calendar: WorkingCalendar) -> tuple[int, int]:
    """(arrangements from the year's notifications, of which visited within 7 working days)."""
    a, n = PfArrangement, PfNotification
    rows = (
        a.select(n.date_received, a.initial_visit_date)
        .join(n, on=(n.id == a.notification))
        .where(_received(n, period))
        .tuples()
    )
    base = within = 0
    for notified, visited in rows:
        base += 1
        if visited and visited <= rules.initial_visit_due(notified, calendar):
            within += 1
    return base, within


def _reg8(period: ReportingPeriod, today: dt.date | None) -> tuple[int, int]:
    """(regulation 8 visits that fell due in the year, of which made by their due date)."""
    a = PfArrangement
    stop_all = min(period.end, today) if today else period.end
    arrangements = list(
        a.select(a.id, a.la_aware_date, a.initial_visit_date, a.end_date)
        .where(_open_in(period))
        .tuples()
    )
    visits: dict[int, list[dt.date]] = {}
    if arrangements:
        query = (
            PfVisit.select(PfVisit.arrangement, PfVisit.visit_date)
            .where(
                PfVisit.arrangement.in_([r[0] for r in arrangements])
                & PfVisit.visit_type.in_(V.STATUTORY_VISITS)
            )
            .tuples()
        )
        for aid, when in query:
            visits.setdefault(aid, []).append(day(when))
    due = on_time = 0
    for aid, aware, initial, end in arrangements:
        stop = min(stop_all, end) if end else stop_all
        for when, made in rules.reg8_schedule(aware, initial, visits.get(aid, []), stop):
            if when >= period.start:
                due += 1
                on_time += made is not None and made <= when
    return due, on_time


def p2(period: ReportingPeriod, calendar: WorkingCalendar, today: dt.date | None) -> Table:
    n, a = PfNotification, PfArrangement
    notifications = _count(n.select(fn.COUNT(n.id)).where(_received(n, period)))
    began = _count(a.select(fn.COUNT(a.id)).where(a.start_date.between(period.start, period.end)))
    ended = _count(a.select(fn.COUNT(a.id)).where(a.end_date.between(period.start, period.end)))
    at_end = _count(a.select(fn.COUNT(a.id)).where(_open_at_end(period)))
    base, within = _initial_visits(period, calendar)
    due, on_time = _reg8(period, today)
    at = _day_label(period.end)
    return Table(
        "P2",
        "Private fostering statutory return (PF1 style)",
        ["Measure", "Number", "%"],
        [
            ["Notifications received during the year", notifications, None],
            ["New arrangements that began during the year", began, None],
            ["Arrangements that ended during the year", ended, None],
            [f"Children in private fostering arrangements at {at}", at_end, None],
            ["Initial visits due (notifications in the year that became arrangements)", base, None],
            [
                "Initial visits made within 7 working days of notification",
                within,
                percent(within, base),
            ],
            ["Regulation 8 visits due in the year", due, None],
            ["Regulation 8 visits made on time", on_time, percent(on_time, due)],
        ],
        [
            (
                "Initial visits: % of the year's notifications that became arrangements whose "
                "initial visit was made within 7 working days of the notification."
            ),
            (
                "Regulation 8 visits: each visit falling due in the year (up to the "
                "arrangement's end), made on time when the next statutory visit came on or "
                "before its due date."
            ),
        ],
        sheet="P2 Statutory (PF1)",
    )


def _snapshot(period: ReportingPeriod) -> list[tuple]:
    """(date of birth, disabled, sex, born in UK) of each child in an arrangement at the end."""
    a, n, c = PfArrangement, PfNotification, PfChild
    return list(
        a.select(c.date_of_birth, c.disabled, c.sex, c.born_in_uk)
        .join(n, on=(n.id == a.notification))
        .join(c, on=(c.id == n.child))
        .where(_open_at_end(period))
        .tuples()
    )


def p3(period: ReportingPeriod) -> Table:
    children = _snapshot(period)
    at = _day_label(period.end)
    ages: Counter[str] = Counter()
    for dob, disabled, _, _ in children:
        if dob is None:
            ages["Not known"] += 1
            continue
        age = rules.age_on(day(dob), period.end)
        for label, low, high in V.AGE_BANDS:
            if low <= age <= high and (low < 16 or disabled):
                ages[label] += 1
                break
        else:
            ages["16 or over, not disabled (no longer private fostering)"] += 1
    rows = [[f"Age at {at}", label, ages[label]] for label, _, _ in V.AGE_BANDS]
    rows += [
        [f"Age at {at}", label, ages[label]]
        for label in ("16 or over, not disabled (no longer private fostering)", "Not known")
        if ages[label]
    ]
    sexes = Counter(s if s in SEX else "not_known" for _, _, s, _ in children)
    rows += [["Sex", SEX.label(code), sexes[code]] for code in SEX]
    born = Counter(b if b in V.BORN_IN_UK else "unknown" for _, _, _, b in children)
    rows += [["Country of birth", V.BORN_IN_UK.label(code), born[code]] for code in V.BORN_IN_UK]
    return Table(
        "P3",
        f"Children in private fostering arrangements at {at}",
        ["Characteristic", "Group", "Number"],
        rows,
        [
            (
                f"Each group adds up to the children in arrangements at {at} (the Total row). "
                "Age in completed years; 16-17 counts disabled children only (a child of 16 "
                "who is not disabled is no longer privately fostered)."
            )
        ],
        ["Total", "", len(children)],
        sheet="P3 Children at year end",
    )


def p4(period: ReportingPeriod, open_count: int) -> Table:
    r, a = PfArrangementReason, PfArrangement
    counts = dict(
        r.select(r.reason, fn.COUNT(r.id))
        .join(a, on=(a.id == r.arrangement))
        .where(_open_in(period))
        .group_by(r.reason)
        .tuples()
    )
    return Table(
        "P4",
        "Arrangements by reason",
        ["Reason", "Number of arrangements"],
        [[V.REASONS.label(code), counts.get(code, 0)] for code in V.REASONS],
        [
            (
                "Arrangements open at any time in the year. An arrangement with several "
                f"reasons is counted once for each, so the rows may add up to more than "
                f"{open_count}."
            )
        ],
        ["Arrangements", open_count],
        sheet="P4 By reason",
    )


def p4b(period: ReportingPeriod) -> Table:
    a, n = PfArrangement, PfNotification
    counts = dict(
        a.select(n.notifier_type, fn.COUNT(a.id))
        .join(n, on=(n.id == a.notification))
        .where(_open_in(period))
        .group_by(n.notifier_type)
        .tuples()
    )
    rows = [[V.NOTIFIER_TYPES.label(code), counts.get(code, 0)] for code in V.NOTIFIER_TYPES]
    return Table(
        "P4b",
        "Arrangements by notifier",
        ["Notifier", "Number of arrangements"],
        rows,
        ["Arrangements open at any time in the year, by who notified the authority."],
        ["Total", sum(r[1] for r in rows)],
        sheet="P4b By notifier",
    )


def p5(period: ReportingPeriod, outcomes: dict[str | None, int]) -> Table:
    rows = [[V.ENQUIRY_OUTCOMES.label(code), outcomes.get(code, 0)] for code in V.ENQUIRY_OUTCOMES]
    pending = sum(n for code, n in outcomes.items() if code not in V.ENQUIRY_OUTCOMES)
    if pending:
        rows.append(["Outcome not yet recorded", pending])
    return Table(
        "P5",
        "Enquiry outcomes",
        ["Outcome", "Number"],
        rows,
        ["General enquiries received in the year by outcome; the rows add up to the total."],
        ["Total", sum(outcomes.values())],
        sheet="P5 Enquiry outcomes",
    )


def p5b(period: ReportingPeriod) -> Table:
    e = PfEnquiry
    counts = dict(
        e.select(e.not_pf_reason, fn.COUNT(e.id))
        .where(_received(e, period) & (e.outcome == "not_private_fostering"))
        .group_by(e.not_pf_reason)
        .tuples()
    )
    rows = [[V.NOT_PF_REASONS.label(code), counts.get(code, 0)] for code in V.NOT_PF_REASONS]
    return Table(
        "P5b",
        "Enquiries that were not private fostering, by reason",
        ["Reason", "Number"],
        rows,
        ["Enquiries received in the year whose outcome was 'not private fostering'."],
        ["Total", sum(r[1] for r in rows)],
        sheet="P5b Not PF reasons",
    )


def compute(
    period: ReportingPeriod, calendar: WorkingCalendar, today: dt.date | None = None
) -> list[Table]:
    """Tables P1-P5 for one private fostering period. ``today``: regulation 8 visits due
    after it are not yet counted (a return run before the year has ended)."""
    outcomes = _enquiry_outcomes(period)
    first = p1(period, outcomes)
    open_count = first.rows[2][1]
    return [
        first,
        p2(period, calendar, today),
        p3(period),
        p4(period, open_count),
        p4b(period),
        p5(period, outcomes),
        p5b(period),
    ]
