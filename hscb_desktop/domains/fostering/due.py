"""What is due and overdue (SPEC §2.6, §8.7), computed from the store in one pass.

One aggregate query reads every open arrangement with its notification date, the child's
date of birth and the date of its latest statutory visit (``MAX(visit_date) ... GROUP BY``
over the open arrangements' visits only); a second reads the notifications still waiting
for a decision. The due dates are then plain arithmetic in Python, with the 7-working-day
date cached per notification date, so 20,000 arrangements and 200,000 visits cost little
more than reading the rows (bench/fostering_due.py).
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from peewee import JOIN, fn

from hscb_desktop.core.calendar import WorkingCalendar, add_weeks
from hscb_desktop.domains.fostering import rules
from hscb_desktop.domains.fostering import vocab as V
from hscb_desktop.domains.fostering.models import (
    PfArrangement,
    PfChild,
    PfNotification,
    PfVisit,
)
from hscb_desktop.domains.fostering.records import day
from hscb_desktop.storage import reference, stores

# A child's 16th (18th) birthday is flagged once it is this close: before the next visit
# falls due at the longest interval the regulations allow.
TURNS_AHEAD_WEEKS = rules.LATER_YEARS_WEEKS
_KIND_ORDER = {kind: n for n, kind in enumerate(V.DUE_KINDS)}


class DueItem(NamedTuple):
    """One thing due (a NamedTuple: 6,000 of them are built per due list, and a tuple is
    built four times faster than a frozen dataclass)."""

    kind: str  # a vocab.DUE_KINDS code
    due: dt.date
    overdue: bool  # the due date has passed (a due date of today is not yet overdue)
    arrangement_id: int | None  # None for a notification still waiting for a decision
    notification_id: int
    ref: str  # the notification's (and arrangement's) reference
    child: str  # the child's name, for the list

    @property
    def label(self) -> str:
        return V.DUE_KINDS.label(self.kind)

    @property
    def child_display(self) -> str:
        return f"{self.child} ({self.ref})"


def open_rows_query(arrangement_ids: Sequence[int] | None = None):
    """Open arrangements with what the due dates need; the latest statutory visit comes from
    one aggregate over the open arrangements' visits (``MAX ... GROUP BY``, not a query per
    arrangement). The open arrangements are named by an ``IN`` subquery, which SQLite
    answers from the (arrangement, type, date) index faster than by joining them."""
    a, n, c, v = PfArrangement, PfNotification, PfChild, PfVisit
    if arrangement_ids is not None:
        wanted = list(arrangement_ids)
    else:
        inner = PfArrangement.alias("a2")
        wanted = inner.select(inner.id).where(inner.end_date.is_null())
    latest = (
        v.select(v.arrangement.alias("aid"), fn.MAX(v.visit_date).alias("last_visit"))
        .where(v.visit_type.in_(V.STATUTORY_VISITS) & v.arrangement.in_(wanted))
        .group_by(v.arrangement)
        .alias("lv")
    )
    query = (
        a.select(
            a.id,
            n.id,
            n.ref,
            n.date_received,
            a.la_aware_date,
            a.initial_visit_date,
            a.assessment_completed_date,
            c.name,
            c.date_of_birth,
            c.disabled,
            latest.c.last_visit,
        )
        .join(n, on=(n.id == a.notification))
        .join(c, on=(c.id == n.child))
        .join(latest, JOIN.LEFT_OUTER, on=(latest.c.aid == a.id))
        .where(a.end_date.is_null())
    )
    if arrangement_ids is not None:
        query = query.where(a.id.in_(list(arrangement_ids)))
    return query


def pending_rows_query():
    """Notifications with no decision yet (not progressed, not refused, no arrangement)."""
    n, c = PfNotification, PfChild
    has_arrangement = PfArrangement.select(PfArrangement.id).where(
        PfArrangement.notification == n.id
    )
    return (
        n.select(n.id, n.ref, n.date_received, c.name)
        .join(c, on=(c.id == n.child))
        .where(n.progressed.is_null() & ~fn.EXISTS(has_arrangement))
    )


def _years_before(d: dt.date, years: int) -> dt.date:
    try:
        return d.replace(year=d.year - years)
    except ValueError:  # 29 February
        return d.replace(year=d.year - years, day=28)


def _execute(query) -> list[tuple]:
    # The bare cursor, not peewee's row objects: the rows are read once and turned into items.
    return stores.proxy("fostering").execute(query).fetchall()


def items_for(
    rows: Iterable[tuple],
    pending: Iterable[tuple],
    today: dt.date,
    calendar: WorkingCalendar,
    assessment_days: int,
) -> list[DueItem]:
    """The due items of the rows ``open_rows_query`` and ``pending_rows_query`` return."""
    out: list[DueItem] = []
    add = out.append
    initial_due: dict[dt.date, dt.date] = {}
    turns_by = add_weeks(today, TURNS_AHEAD_WEEKS)
    days = dt.timedelta(days=int(assessment_days))

    def _initial(notified: dt.date) -> dt.date:
        due = initial_due.get(notified)
        if due is None:
            due = initial_due[notified] = rules.initial_visit_due(notified, calendar)
        return due

    iso = dt.date.fromisoformat  # the bare cursor gives ISO text (SQLite)
    next_due = rules.next_visit_due
    # A child born after these dates cannot turn 16 (18) by ``turns_by``: most rows are
    # passed over on a text comparison, without working out the birthday (2 days' margin
    # for 29 February birthdays).
    born_after = {
        limit: (_years_before(turns_by, limit) + dt.timedelta(days=2)).isoformat()
        for limit in (rules.PF_AGE_LIMIT, rules.PF_AGE_LIMIT_DISABLED)
    }
    for aid, nid, ref, notified, aware, initial, assessed, name, dob, disabled, last in rows:
        notified = iso(notified) if isinstance(notified, str) else notified
        if initial is None:
            due = _initial(notified)
            add(DueItem("initial_visit", due, due < today, aid, nid, ref, name))
        if assessed is None:
            due = notified + days
            add(DueItem("assessment", due, due < today, aid, nid, ref, name))
        # ISO text sorts as the dates do, so the later of the two is picked before parsing.
        if initial is not None and (last is None or initial > last):
            last = initial
        due = next_due(
            iso(aware) if isinstance(aware, str) else aware,
            iso(last) if isinstance(last, str) else last,
        )
        add(DueItem("reg8_visit", due, due < today, aid, nid, ref, name))
        if dob is None:
            continue
        key = dob if isinstance(dob, str) else dob.isoformat()
        if key > born_after[rules.age_limit(disabled)]:
            continue
        ceases = rules.ceases_on(iso(key), bool(disabled))
        if ceases <= turns_by:
            kind = "turns_18" if disabled else "turns_16"
            add(DueItem(kind, ceases, ceases < today, aid, nid, ref, name))
    for nid, ref, notified, name in pending:
        notified = day(notified)
        due = _initial(notified)
        add(DueItem("initial_visit", due, due < today, None, nid, ref, name))
        due = notified + days
        add(DueItem("assessment", due, due < today, None, nid, ref, name))
    out.sort(key=lambda i: (i.due, _KIND_ORDER[i.kind], i.ref))
    return out


def compute(
    today: dt.date,
    *,
    arrangement_ids: Sequence[int] | None = None,
    calendar: WorkingCalendar | None = None,
    assessment_days: int | None = None,
) -> list[DueItem]:
    """Every due and overdue item, sorted by date (then kind, then reference). With
    ``arrangement_ids``, only those arrangements' items (and no pending notifications)."""
    if assessment_days is None:
        from hscb_desktop.domains.fostering.service import assessment_days as _days

        assessment_days = _days()
    calendar = calendar or reference.working_calendar()
    # Tens of thousands of row tuples and items are made here and none is garbage: the
    # cyclic collector's passes over them were a quarter of the time with every one of
    # 20,000 arrangements open (bench/fostering_due.py), so it waits until they are built.
    collecting = gc.isenabled()
    gc.disable()
    try:
        rows = _execute(open_rows_query(arrangement_ids))
        pending = [] if arrangement_ids is not None else _execute(pending_rows_query())
        return items_for(rows, pending, today, calendar, assessment_days)
    finally:
        if collecting:
            gc.enable()
