"""The training API: the only code that writes training records (ARCHITECTURE rule 3).

Every function takes the signed-in ``Session`` first, checks that it is active and that
its roles give record access to "board" (the business unit: training shares the board
store), validates with ``rules`` and writes in one transaction together with its audit
entry (AUD-1). Records travel as flat dicts keyed by model field names.

A run's attendance is recorded either per delegate (``add_booking`` and friends: agency,
optional name and job role, status) or, where names are not collected, as counts per
agency (``set_counts``); never both for the same agency at the same run.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from hscb_desktop.core.periods import ReportingPeriod, period_for
from hscb_desktop.core.validation import Problem, RecordRef, ValidationFailed, error
from hscb_desktop.domains import history, stale
from hscb_desktop.domains.board import service as S
from hscb_desktop.domains.training import records, rules
from hscb_desktop.domains.training import vocab as V
from hscb_desktop.domains.training.models import (
    AggregateAttendance,
    Booking,
    Course,
    CourseRun,
)
from hscb_desktop.storage import audit

MODULE = "training"  # its reporting periods (April - March)
authorise = S.authorise


def _get(model, record_id: Any, what: str):
    row = (
        model.get_or_none(model.id == record_id)
        if isinstance(record_id, int) and not isinstance(record_id, bool)
        else None
    )
    if row is None:
        raise S.RecordMissing([error("", f"That {what} ({record_id}) no longer exists.")])
    return row


def _as_loaded(expected: Any, fields: tuple[str, ...], clean) -> dict[str, Any] | None:
    """The dialog's copy as a save would store it (``clean`` wants every field)."""
    return stale.as_stored(expected, lambda row: clean({f: row.get(f) for f in fields}), fields)


def _mapping(data: Any) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise ValidationFailed([error("", "The record is missing.")])
    return data


def _diff(old: Mapping[str, Any], new: Mapping[str, Any]) -> tuple[dict, dict]:
    keys = [k for k in new if old.get(k) != new.get(k)]
    return {k: old.get(k) for k in keys}, {k: new.get(k) for k in keys}


def _audit(session, action: str, table: str, record_id: Any, old=None, new=None, reason=""):
    audit.append(S.STORE, session.actor, action, clock=session.clock, table=table,
                 record_id=record_id, old=old, new=new, reason=reason)


def agency_choices(session, include_inactive: bool = False) -> list[dict[str, Any]]:
    """The core store's agencies for a combo box: id, name, short_name, sector, active."""
    return S.agency_choices(session, include_inactive)


# -- courses ----------------------------------------------------------------------


def _course_record(course: Course) -> dict[str, Any]:
    return {"id": course.id, **{f: getattr(course, f) for f in records.COURSE_FIELDS}}


def _title_taken(title: str, but: int | None = None) -> bool:
    query = Course.select().where(Course.title == title)
    if but is not None:
        query = query.where(Course.id != but)
    return query.exists()


def create_course(session, data: Mapping[str, Any]) -> int:
    authorise(session)
    data = _mapping(data)
    S.refuse(rules.validate_course(data))
    values = records.clean_course(data)
    with S.db().atomic():
        if _title_taken(values["title"]):
            raise ValidationFailed([error("title", "There is already a course of that title.")])
        stamp = S.now(session)
        course = Course.create(**values, created_at=stamp, updated_at=stamp)
        _audit(session, "create", "training_course", course.id, new=values)
    return course.id


def update_course(session, course_id: int, data: Mapping[str, Any],
                  expected: Mapping[str, Any] | None = None) -> None:
    """``expected``: the course as the dialog loaded it (refused if changed since)."""
    authorise(session)
    data = _mapping(data)
    with S.db().atomic():
        stale.lock_row(S.STORE, Course, course_id)  # a second save waits, then compares
        course = _get(Course, course_id, "course")
        old = _course_record(course)
        if expected is not None:
            loaded = _as_loaded(expected, records.COURSE_FIELDS, records.clean_course)
            title = loaded.get("title") or old["title"]
            stale.refuse_if_changed(old, loaded, f'The course "{title}"', records.COURSE_FIELDS)
        merged = {**old, **{k: v for k, v in data.items() if k in records.COURSE_FIELDS}}
        S.refuse(rules.validate_course(merged))
        values = records.clean_course(merged)
        if _title_taken(values["title"], but=course.id):
            raise ValidationFailed([error("title", "There is already a course of that title.")])
        before, after = _diff(old, values)
        if after:
            Course.update(**after, updated_at=S.now(session)).where(
                Course.id == course.id).execute()
            _audit(session, "update", "training_course", course.id, old=before, new=after)


def get_course(session, course_id: int) -> dict[str, Any]:
    authorise(session)
    return _course_record(_get(Course, course_id, "course"))


def list_courses(session, active_only: bool = False) -> list[dict[str, Any]]:
    """Courses in return order (sort order, then the order entered)."""
    authorise(session)
    query = Course.select().order_by(Course.sort_order, Course.id)
    if active_only:
        query = query.where(Course.active == True)  # noqa: E712 - SQL expression
    return [_course_record(c) for c in query]


# -- runs -------------------------------------------------------------------------


def _run_record(run: CourseRun) -> dict[str, Any]:
    out = {f: getattr(run, f) for f in records.RUN_FIELDS}
    out["trainer_agency_ids"] = rules.agency_ids(run.trainer_agency_ids)[0]
    out.update(id=run.id, course_id=run.course_id, version=run.version)
    return out


def _booking_record(b: Booking) -> dict[str, Any]:
    return {"id": b.id, "agency_name": b.agency_name,
            **{f: getattr(b, f) for f in records.BOOKING_FIELDS}}


def _counts_record(a: AggregateAttendance) -> dict[str, Any]:
    return {"id": a.id, "agency_name": a.agency_name,
            **{f: getattr(a, f) for f in records.COUNT_FIELDS}}


def _bookings(run_id: int) -> list[dict[str, Any]]:
    return [_booking_record(b) for b in
            Booking.select().where(Booking.run == run_id).order_by(Booking.id)]


def _counts(run_id: int) -> list[dict[str, Any]]:
    return [_counts_record(a) for a in
            AggregateAttendance.select().where(AggregateAttendance.run == run_id)
            .order_by(AggregateAttendance.id)]


def _check_agencies(ids: list[int], field: str) -> None:
    for agency_id in ids:
        S.agency(agency_id, field)


def _check_run(session, run, bookings, counts) -> list[Problem]:
    problems = rules.validate_run(run, bookings, counts, S.today(session))
    S.refuse(problems)
    return problems


def check_run(session, run_id: int | None, run: Mapping[str, Any] | None = None,
              bookings: list | None = None, counts: list | None = None) -> list[Problem]:
    """Every problem (errors and warnings) with a run as it would be saved; what is not
    given keeps its saved value."""
    authorise(session)
    saved = _get(CourseRun, run_id, "run") if run_id is not None else None
    merged = {**(_run_record(saved) if saved else {}), **(run or {})}
    if bookings is None:
        bookings = _bookings(saved.id) if saved else []
    if counts is None:
        counts = _counts(saved.id) if saved else []
    return rules.validate_run(merged, bookings, counts, S.today(session))


def create_run(session, data: Mapping[str, Any]) -> int:
    """A run of a course (``course_id``): date, venue, capacity, trainers' agencies."""
    authorise(session)
    data = _mapping(data)
    _check_run(session, data, [], [])
    values = records.clean_run(data)
    with S.db().atomic():
        course = _get(Course, data.get("course_id"), "course")
        _check_agencies(values["trainer_agency_ids"], "trainer_agency_ids")
        stamp = S.now(session)
        run = CourseRun.create(
            course=course.id, **{**values, "trainer_agency_ids": records.ids_to_text(
                values["trainer_agency_ids"])}, version=1, created_at=stamp, updated_at=stamp)
        _audit(session, "create", "training_run", run.id, new={"course_id": course.id, **values})
    return run.id


def update_run(session, run_id: int, data: Mapping[str, Any],
               expected_version: int | None = None) -> int:
    """Save changed fields of a run (also ``course_id``); returns the new version."""
    authorise(session)
    data = _mapping(data)
    with S.db().atomic():
        run = _get(CourseRun, run_id, "run")
        if expected_version is not None and run.version != expected_version:
            raise S.StaleVersion([error("", "This run was changed by someone else after you "
                                            "opened it. Reopen it and make your changes again.")])
        old = _run_record(run)
        merged = {**old, **{k: v for k, v in data.items() if k in records.RUN_FIELDS}}
        _check_run(session, merged, _bookings(run.id), _counts(run.id))
        values = records.clean_run(merged)
        if "course_id" in data and data["course_id"] != run.course_id:
            values["course_id"] = _get(Course, data["course_id"], "course").id
        _check_agencies(values["trainer_agency_ids"], "trainer_agency_ids")
        before, after = _diff(old, values)
        if not after:
            return run.version
        columns = {("course" if k == "course_id" else k): v for k, v in after.items()}
        if "trainer_agency_ids" in columns:
            columns["trainer_agency_ids"] = records.ids_to_text(columns["trainer_agency_ids"])
        rows = CourseRun.update(
            **columns, version=run.version + 1, updated_at=S.now(session)
        ).where((CourseRun.id == run.id) & (CourseRun.version == run.version)).execute()
        if rows != 1:  # saved by someone else since the read above (issue 11)
            raise S.StaleVersion([error("", "This run was changed by someone else after you "
                                            "opened it.")])
        _audit(session, "update", "training_run", run.id, old=before, new=after)
        return run.version + 1


def run_changes(session, run_id: int, started, fields=None) -> history.Conflict:
    """The run as saved now and each field that differs from ``started`` (what a form
    loaded), with who saved it and when: for the conflict view after a stale save."""
    current = run_sheet(session, run_id)
    return history.compare(S.STORE, "training_run", run_id, started, current, fields)


def delete_run(session, run_id: int, reason: str) -> None:
    """Remove a run entered by mistake, with its attendance (a run that did not take place
    is marked ``cancelled`` instead)."""
    authorise(session)
    if not (reason or "").strip():
        raise ValidationFailed([error("reason", "Give a reason for deleting the run.")])
    with S.db().atomic():
        run = _get(CourseRun, run_id, "run")
        old = {**_run_record(run), "bookings": _bookings(run.id), "counts": _counts(run.id)}
        Booking.delete().where(Booking.run == run.id).execute()
        AggregateAttendance.delete().where(AggregateAttendance.run == run.id).execute()
        run.delete_instance()
        _audit(session, "delete", "training_run", run_id, old=old, reason=reason)


def list_runs(session, course_id: int | None = None,
              period: ReportingPeriod | str | None = None) -> list[dict[str, Any]]:
    """Runs in date order, each with its attendance ``totals`` (attendees, booked,
    cancelled, no_shows, unscheduled)."""
    authorise(session)
    if isinstance(period, str):
        period = period_for(MODULE, period)
    query = CourseRun.select().order_by(CourseRun.run_date, CourseRun.id)
    if course_id is not None:
        query = query.where(CourseRun.course == course_id)
    if period is not None:
        query = query.where(CourseRun.run_date.between(period.start, period.end))
    from hscb_desktop.domains.training import queries

    totals = queries.run_totals([r.id for r in query])
    return [{**_run_record(r), "totals": totals.get(r.id, queries.RunTotals()).as_dict()}
            for r in query]


def run_sheet(session, run_id: int) -> dict[str, Any]:
    """A run for its screen: fields, bookings, per-agency counts and totals."""
    authorise(session)
    from hscb_desktop.domains.training import queries

    run = _get(CourseRun, run_id, "run")
    return {
        **_run_record(run),
        "course_title": run.course.title,
        "bookings": _bookings(run.id),
        "counts": _counts(run.id),
        "totals": queries.run_totals([run.id]).get(run.id, queries.RunTotals()).as_dict(),
    }


# -- attendance -------------------------------------------------------------------


def _booking_write(session, run: CourseRun, booking_id: int | None, data,
                   expected: Mapping[str, Any] | None = None) -> int:
    bookings = _bookings(run.id)
    old = next((b for b in bookings if b["id"] == booking_id), None)
    if booking_id is not None and old is None:
        raise S.RecordMissing([error("", "That delegate's booking no longer exists.")])
    if old is not None and expected is not None:
        loaded = _as_loaded(expected, records.BOOKING_FIELDS, records.clean_booking)
        who = loaded.get("delegate_name")
        agency = expected.get("agency_name") or old["agency_name"]
        stale.refuse_if_changed(old, loaded, (f"The booking of {who}" if who else
                                              "The delegate's booking") + f" ({agency})",
                                records.BOOKING_FIELDS, deleting=data is None)
    others = [b for b in bookings if b["id"] != booking_id]
    new = None
    if data is not None:
        merged = {**(old or {}), **{k: v for k, v in data.items() if k in records.BOOKING_FIELDS}}
        others.append(merged)
        _check_run(session, _run_record(run), others, _counts(run.id))
        new = records.clean_booking(merged)
        new["agency_name"], _ = S.agency(new["agency_id"], "bookings")
    if data is None:
        Booking.delete().where(Booking.id == booking_id).execute()
    elif booking_id is None:
        booking_id = Booking.create(run=run.id, **new).id
    else:
        Booking.update(**new).where(Booking.id == booking_id).execute()
    before = {k: v for k, v in (old or {}).items() if k != "id"} or None
    action = "delete" if data is None else ("update" if old else "create")
    _audit(session, action, "training_booking", booking_id, old=before,
           new=None if new is None else {"run_id": run.id, **new})
    return booking_id


def add_booking(session, run_id: int, data: Mapping[str, Any]) -> int:
    """One delegate: ``agency_id``, ``status``, optional ``delegate_name`` and ``job_role``."""
    authorise(session)
    data = _mapping(data)
    with S.db().atomic():
        return _booking_write(session, _get(CourseRun, run_id, "run"), None, data)


def update_booking(session, booking_id: int, data: Mapping[str, Any],
                   expected: Mapping[str, Any] | None = None) -> None:
    """``expected``: the booking as the screen loaded it (refused if changed since)."""
    authorise(session)
    data = _mapping(data)
    with S.db().atomic():
        stale.lock_row(S.STORE, Booking, booking_id)
        booking = _get(Booking, booking_id, "booking")
        _booking_write(session, booking.run, booking.id, data, expected)


def delete_booking(session, booking_id: int, expected: Mapping[str, Any] | None = None) -> None:
    """``expected``: the booking as the screen loaded it (not removed if changed since)."""
    authorise(session)
    with S.db().atomic():
        stale.lock_row(S.STORE, Booking, booking_id)
        booking = _get(Booking, booking_id, "booking")
        _booking_write(session, booking.run, booking.id, None, expected)


def add_bookings(session, run_id: int, rows: list[Mapping[str, Any]]) -> list[int]:
    """Several delegates at once (one transaction, one audit entry per delegate)."""
    authorise(session)
    with S.db().atomic():
        run = _get(CourseRun, run_id, "run")
        _check_run(session, _run_record(run), _bookings(run.id) + list(rows), _counts(run.id))
        return [_booking_write(session, run, None, _mapping(r)) for r in rows]


def _count_rows(rows: Any) -> Any:
    """A list of count rows from either form ``set_counts`` takes."""
    if isinstance(rows, Mapping):
        return [{**(v if isinstance(v, Mapping) else {}), "agency_id": k} for k, v in rows.items()]
    return rows


def _as_stored(counts: list) -> list[dict[str, Any]]:
    """Count rows as a save stores them: cleaned, all-zero rows dropped, by agency."""
    cleaned = [records.clean_counts(c) for c in counts if isinstance(c, Mapping)]
    return sorted((c for c in cleaned if any(c[f] for f in rules.COUNT_FIELDS)),
                  key=lambda c: (c["agency_id"] is None, c["agency_id"] or 0))


def set_counts(session, run_id: int, rows: Any, replace: bool = True,
               expected: Any = None) -> None:
    """Per-agency counts for a run where names are not collected: a list of
    ``{agency_id, attended_count, booked_count, cancelled_count, no_show_count}`` (or
    ``{agency_id: {...counts}}``). ``replace``: the run's counts become exactly these;
    otherwise only the agencies given are replaced (a row of all zeros removes one).
    ``expected``: the run's counts as the sheet loaded them (refused if changed since)."""
    authorise(session)
    rows = _count_rows(rows)
    if not isinstance(rows, (list, tuple)):
        raise ValidationFailed([error("counts", "The counts are missing.")])
    with S.db().atomic():
        stale.lock_row(S.STORE, CourseRun, run_id)  # the run's row stands for its counts
        run = _get(CourseRun, run_id, "run")
        old = _counts(run.id)
        loaded = _count_rows(expected)
        if isinstance(loaded, (list, tuple)):
            stale.refuse_if_changed({"counts": _as_stored(old)}, {"counts": _as_stored(loaded)},
                                    f"The count sheet of the run of {run.run_date:%d/%m/%Y}")
        given = {r.get("agency_id") for r in rows  # ints only: a list id is unhashable
                 if isinstance(r, Mapping) and isinstance(r.get("agency_id"), int)}
        kept = [] if replace else [c for c in old if c["agency_id"] not in given]
        _check_run(session, _run_record(run), _bookings(run.id), kept + list(rows))
        cleaned = [records.clean_counts(r) for r in rows]
        cleaned = [c for c in cleaned if any(c[f] for f in rules.COUNT_FIELDS)]
        for c in cleaned:
            c["agency_name"], _ = S.agency(c["agency_id"], "counts")
        new_all = sorted([{k: v for k, v in c.items() if k != "id"} for c in kept] + cleaned,
                         key=lambda c: c["agency_id"])
        old_all = sorted([{k: v for k, v in c.items() if k != "id"} for c in old],
                         key=lambda c: c["agency_id"])
        if new_all == old_all:
            return
        AggregateAttendance.delete().where(AggregateAttendance.run == run.id).execute()
        for c in new_all:
            AggregateAttendance.create(run=run.id, **c)
        _audit(session, "update" if old else "create", "training_aggregate", run.id,
               old={"counts": old_all} if old else None, new={"counts": new_all})


# -- the return -------------------------------------------------------------------


def export_training(session, period_spec: str, path: str | Path) -> Path:
    """Tables T1-T3 for a year (April-March), written to ``path``; business unit only.
    Refused, with both totals, when the agency table and the course table disagree."""
    S.authorise_return(session)
    from hscb_desktop.domains.training import returns as training_returns

    period = period_for(MODULE, period_spec)
    tables = training_returns.compute(period, agency_names())
    S.refuse(training_returns.check_totals(tables))
    return S.write_return(
        session,
        "Multi-agency training attendance",
        "training",
        period,
        tables,
        {"Counting rules": training_returns.COUNTING_RULES},
        path,
    )


def agency_names() -> dict[int, str]:
    """Current agency names from the core store (empty when it is not open)."""
    from hscb_desktop.storage import stores

    if not stores.is_open(stores.CORE):
        return {}
    return {a["id"]: a["name"] for a in S.list_agencies(include_inactive=True)}


STATUS_LABELS = dict(V.BOOKING_STATUSES.choices())


def period_problems(session, period) -> list[tuple[RecordRef, Problem]]:
    """(reference, problem) for every problem the rules find in the period's course runs,
    for the annual report's data-quality gate."""
    S.authorise_return(session)
    found: list[tuple[RecordRef, Problem]] = []
    runs = (
        CourseRun.select()
        .where(CourseRun.run_date.between(period.start, period.end))
        .order_by(CourseRun.run_date, CourseRun.id)
    )
    for run in runs:
        problems = rules.validate_run(
            _run_record(run), _bookings(run.id), _counts(run.id), S.today(session)
        )
        ref = RecordRef(f"{run.course.title} {run.run_date:%d/%m/%Y}", "training_run", run.id)
        found += [(ref, p) for p in problems]
    return found
