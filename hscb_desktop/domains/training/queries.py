"""What training attendance adds up to (SPEC §5.3): per run, by course and by agency for a
year, with attendance rates whose denominators are named.

Counting rules:

- attendees = attended + attended without booking (per delegate), plus the attended
  counts where delegates were counted per agency;
- booked = bookings made ahead (attended, cancelled, no show), plus booked counts;
- "How many times the course ran" = runs in the period not cancelled;
- by course: runs in the period that were not cancelled; by agency: every run in the
  period. A cancelled run cannot have attendees (rules), so the two totals agree; the
  export checks that they do.

The ``*_figures`` functions read the store without a session (``returns`` uses them
after the export has checked the roles); the others check the session first.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass
from typing import Any

from peewee import fn

from hscb_desktop.core.periods import ReportingPeriod, period_for
from hscb_desktop.core.vocab import TRAINING_RETURN_AGENCIES
from hscb_desktop.domains.board import service as S
from hscb_desktop.domains.training import vocab as V
from hscb_desktop.domains.training.models import AggregateAttendance, Booking, Course, CourseRun
from hscb_desktop.returns import Percent, percent

RATE_OF_CAPACITY = "attendees / capacity"
RATE_OF_BOOKINGS = "attendees / bookings"


@dataclass
class RunTotals:
    attendees: int = 0
    booked: int = 0
    cancelled: int = 0
    no_shows: int = 0
    unscheduled: int = 0

    def add(self, other: RunTotals) -> None:
        self.attendees += other.attendees
        self.booked += other.booked
        self.cancelled += other.cancelled
        self.no_shows += other.no_shows
        self.unscheduled += other.unscheduled

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def _period(period: ReportingPeriod | str) -> ReportingPeriod:
    return period_for("training", period) if isinstance(period, str) else period


def facts(run_ids: list[int]) -> dict[tuple[int, int], RunTotals]:
    """(run id, agency id) -> totals, from per-delegate bookings and per-agency counts, by
    group-by queries (a year's thousands of delegates never load as rows)."""
    out: dict[tuple[int, int], RunTotals] = defaultdict(RunTotals)
    for start in range(0, len(run_ids), 500):
        chunk = run_ids[start : start + 500]
        query = (
            Booking.select(Booking.run, Booking.agency_id, Booking.status, fn.COUNT(Booking.id))
            .where(Booking.run.in_(chunk))
            .group_by(Booking.run, Booking.agency_id, Booking.status)
            .tuples()
        )
        for run, agency, status, n in query:
            t = out[(run, agency)]
            if status in V.ATTENDED_STATUSES:
                t.attendees += n
            if status in V.BOOKED_STATUSES:
                t.booked += n
            if status == "cancelled":
                t.cancelled += n
            elif status == "no_show":
                t.no_shows += n
            elif status == "unscheduled_attended":
                t.unscheduled += n
        a = AggregateAttendance
        query = (
            a.select(a.run, a.agency_id, a.attended_count, a.booked_count, a.cancelled_count,
                     a.no_show_count)
            .where(a.run.in_(chunk))
            .tuples()
        )
        for run, agency, attended, booked, cancelled, no_show in query:
            out[(run, agency)].add(RunTotals(attended, booked, cancelled, no_show))
    return out


def run_totals(run_ids: list[int]) -> dict[int, RunTotals]:
    out: dict[int, RunTotals] = defaultdict(RunTotals)
    for (run, _), t in facts(run_ids).items():
        out[run].add(t)
    return dict(out)


def _runs(period: ReportingPeriod) -> list[CourseRun]:
    return list(
        CourseRun.select()
        .where(CourseRun.run_date.between(period.start, period.end))
        .order_by(CourseRun.run_date, CourseRun.id)
    )


@dataclass
class CourseFigure:
    course_id: int
    title: str
    runs: int  # not cancelled
    capacity: int  # summed over those runs (runs without a capacity add nothing)
    totals: RunTotals
    cancelled_runs: int = 0

    @property
    def attendees(self) -> int:
        return self.totals.attendees

    @property
    def rate_of_capacity(self) -> Percent | None:
        return percent(self.totals.attendees, self.capacity)

    @property
    def rate_of_bookings(self) -> Percent | None:
        return percent(self.totals.attendees, self.totals.booked)


@dataclass
class AgencyFigure:
    agency_id: int | None
    name: str
    totals: RunTotals
    share: Percent | None = None  # of all attendees in the period

    @property
    def attendees(self) -> int:
        return self.totals.attendees

    @property
    def rate_of_bookings(self) -> Percent | None:
        return percent(self.totals.attendees, self.totals.booked)


def course_figures(period: ReportingPeriod) -> list[CourseFigure]:
    """Courses with a run in the period (not cancelled) or attendees, in return order."""
    runs = _runs(period)
    per_run = run_totals([r.id for r in runs])
    figures: dict[int, CourseFigure] = {}
    for run in runs:
        figure = figures.setdefault(run.course_id, CourseFigure(run.course_id, "", 0, 0,
                                                                RunTotals()))
        if run.cancelled:
            figure.cancelled_runs += 1
            continue
        figure.runs += 1
        figure.capacity += run.capacity or 0
        figure.totals.add(per_run.get(run.id, RunTotals()))
    courses = Course.select().where(Course.id.in_(list(figures) or [0])).order_by(
        Course.sort_order, Course.id)
    out = []
    for course in courses:
        figure = figures[course.id]
        figure.title = course.title
        if figure.runs or figure.totals.attendees:
            out.append(figure)
    return out


def agency_figures(
    period: ReportingPeriod, names: dict[int, str] | None = None, fixed_rows: bool = True
) -> list[AgencyFigure]:
    """Attendance by agency over every run in the period. ``fixed_rows``: the annual
    report's agency rows always, in its order (zero or not), then any other agency with
    attendance, by name. ``names``: current agency names (else the names stored)."""
    runs = _runs(period)
    by_agency: dict[int, RunTotals] = defaultdict(RunTotals)
    for (_, agency), t in facts([r.id for r in runs]).items():
        by_agency[agency].add(t)
    stored = _stored_names(list(by_agency))
    names = {**stored, **(names or {})}
    rows = {names.get(a, f"Agency {a}"): (a, t) for a, t in by_agency.items()}
    ordered = []
    if fixed_rows:
        ids_by_name = {v: k for k, v in names.items()}
        for name in TRAINING_RETURN_AGENCIES:
            agency, totals = rows.pop(name, (ids_by_name.get(name), RunTotals()))
            ordered.append(AgencyFigure(agency, name, totals))
    ordered += [AgencyFigure(a, name, t) for name, (a, t) in sorted(rows.items())]
    total = sum(f.attendees for f in ordered)
    for f in ordered:
        f.share = percent(f.attendees, total)
    return ordered


def _stored_names(agency_ids: list[int]) -> dict[int, str]:
    out: dict[int, str] = {}
    for model in (Booking, AggregateAttendance):
        for agency, name in (
            model.select(model.agency_id, model.agency_name)
            .where(model.agency_id.in_(agency_ids or [0]))
            .order_by(model.id)
            .tuples()
        ):
            out[agency] = name
    return out


def run_figures(period: ReportingPeriod) -> list[dict[str, Any]]:
    """Each run in the period (cancelled ones too, marked), in date order, for T3."""
    runs = _runs(period)
    per_run = run_totals([r.id for r in runs])
    titles = {c.id: c.title for c in Course.select(Course.id, Course.title)}
    out = []
    for run in runs:
        t = per_run.get(run.id, RunTotals())
        out.append({
            "run_id": run.id,
            "course_id": run.course_id,
            "title": titles.get(run.course_id, ""),
            "run_date": run.run_date,
            "venue": run.venue,
            "capacity": run.capacity,
            "run_cancelled": run.cancelled,
            **t.as_dict(),  # attendees, booked, cancelled (bookings), no_shows, unscheduled
            "rate_of_capacity": percent(t.attendees, run.capacity or 0),
            "rate_of_bookings": percent(t.attendees, t.booked),
        })
    return out


# -- with a session -------------------------------------------------------------------


def attendance_by_course(session, period: ReportingPeriod | str) -> list[CourseFigure]:
    """Per course: runs, capacity, booked, attendees; ``rate_of_capacity`` is attendees /
    capacity and ``rate_of_bookings`` attendees / bookings (RATE_OF_* name them)."""
    S.authorise(session)
    return course_figures(_period(period))


def attendance_by_agency(session, period: ReportingPeriod | str,
                         fixed_rows: bool = False) -> list[AgencyFigure]:
    """Per agency: booked, attendees, cancellations, no shows, share of all attendees and
    ``rate_of_bookings`` (attendees / bookings)."""
    S.authorise(session)
    from hscb_desktop.domains.training.service import agency_names

    return agency_figures(_period(period), agency_names(), fixed_rows)


def attendance_by_run(session, period: ReportingPeriod | str) -> list[dict[str, Any]]:
    S.authorise(session)
    return run_figures(_period(period))
