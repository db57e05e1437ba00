"""Training return tables T1-T3 as plain data (SPEC §5.4, §7.5: Appendix 3).

T1 (attendees per agency) and T2 (attendees and runs per course) carry the annual
report's exact titles and headings; both end in a Total row, and ``check_totals``
refuses an export where the two attendee totals disagree.
"""

from __future__ import annotations

from hscb_desktop.core.periods import ReportingPeriod
from hscb_desktop.core.validation import Problem, error
from hscb_desktop.domains.training import queries as Q
from hscb_desktop.returns import Table, percent

COUNTING_RULES = (
    "Training is counted by the date of the course run (April - March); HSCB multi-agency "
    "courses only. Attendees = delegates who attended, booked or not (and attended counts "
    "where names are not collected). 'How many times the course ran' counts runs that were "
    "not cancelled. Attendance rate = attendees / capacity of the run. Percentages are whole "
    "numbers rounded half up. No delegate names are included."
)
T1_TITLE = (
    "The numbers of attendees below relate to Hertfordshire Safeguarding Children Board "
    "Multi-Agency courses only."
)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def short_span(period: ReportingPeriod) -> str:
    """ "Apr 16 - Mar 17" (fixed English month names, whatever the locale)."""
    s, e = period.start, period.end
    return f"{_MONTHS[s.month - 1]} {s.year % 100:02d} - {_MONTHS[e.month - 1]} {e.year % 100:02d}"


def t1(period: ReportingPeriod, names: dict[int, str] | None = None) -> Table:
    figures = Q.agency_figures(period, names)
    return Table(
        "T1",
        T1_TITLE,
        ["Agency", "Total number of attendees per agency"],
        [[f.name, f.attendees] for f in figures],
        [f"Attendees at HSCB multi-agency course runs dated {period.label}, by their agency."],
        ["Total", sum(f.attendees for f in figures)],
        sheet="T1 Attendees by agency",
    )


def t2(period: ReportingPeriod) -> Table:
    figures = Q.course_figures(period)
    return Table(
        "T2",
        f"Total number of attendees by course {short_span(period)}",
        ["Course Title", "Total number of attendees", "How many times the course ran"],
        [[f.title, f.attendees, f.runs] for f in figures],
        ["'How many times the course ran' counts runs that were not cancelled."],
        ["Total", sum(f.attendees for f in figures), sum(f.runs for f in figures)],
        sheet="T2 Attendees by course",
    )


def t3(period: ReportingPeriod) -> Table:
    every = Q.run_figures(period)
    runs = [r for r in every if not r["run_cancelled"]]
    cancelled = sum(1 for r in every if r["run_cancelled"])
    rows = [
        [r["title"], r["run_date"], r["capacity"], r["booked"], r["attendees"], r["cancelled"],
         r["no_shows"], r["rate_of_capacity"]]
        for r in runs
    ]
    # Runs without a capacity add nothing to the capacity total, so the total rate is over
    # the runs that have one.
    capacity = sum(r["capacity"] or 0 for r in runs)
    with_capacity = sum(r["attendees"] for r in runs if r["capacity"])
    notes = [
        "Attendance rate = attendees / capacity of the run (blank where no capacity is "
        "recorded). Booked = bookings made ahead; attendees include delegates who came "
        "without booking.",
    ]
    if cancelled:
        notes.append(f"{cancelled} cancelled run(s) in the period are not shown.")
    return Table(
        "T3",
        f"Attendance by course run {short_span(period)}",
        ["Course Title", "Date", "Capacity", "Booked", "Attended", "Cancellations", "No shows",
         "Attendance rate"],
        rows,
        notes,
        ["Total", None, capacity, sum(r["booked"] for r in runs),
         sum(r["attendees"] for r in runs), sum(r["cancelled"] for r in runs),
         sum(r["no_shows"] for r in runs), percent(with_capacity, capacity)],
        sheet="T3 Course runs",
    )


def check_totals(tables: list[Table]) -> list[Problem]:
    """SPEC §5.3: the agency table's total must equal the course table's."""
    by_key = {t.key: t for t in tables}
    agency_total, course_total = by_key["T1"].total[1], by_key["T2"].total[1]
    if agency_total == course_total:
        return []
    return [
        error(
            "",
            f"The return was not produced: the attendees per agency (T1) total {agency_total:,} "
            f"but the attendees per course (T2) total {course_total:,}. Attendance recorded "
            "on a cancelled run is the usual cause: correct the runs and export again.",
        )
    ]


def compute(period: ReportingPeriod, names: dict[int, str] | None = None) -> list[Table]:
    return [t1(period, names), t2(period), t3(period)]
