"""The LADO list: filters, type-ahead search and sortable columns (a paged ``RowSource``).

The GUI's table model asks ``page`` for the first screen (one query: the ids and their
row values, ordered and filtered in the database) and for more as the view scrolls, and
``count`` for the "N contacts" caption; ``ids``/``rows`` give the same order whole (for
callers that want every id). Text search goes through the FTS index in
``storage.search`` (substring match on reference, employer, subject name and role) as a
condition inside the same query.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from peewee import JOIN, SQL, fn

from hscb_desktop.core.clock import local_today
from hscb_desktop.core.periods import ReportingPeriod, period_for
from hscb_desktop.domains.lado import rules
from hscb_desktop.domains.lado import vocab as V
from hscb_desktop.domains.lado.models import SEARCH_INDEX, LadoContact, LadoSubject
from hscb_desktop.domains.lado.service import _authorise
from hscb_desktop.storage import search

# Row keys and the titles a list screen shows for them, in display order.
COLUMN_TITLES = {
    "ref": "Reference",
    "date_received": "Received",
    "type": "Type",
    "employer": "Employer",
    "sector_group": "Sector group",
    "subject_name": "Subject",
    "subject_role": "Role",
    "outcome": "Outcome",
    "status": "Status",
    "days_open": "Days open",
    "timeliness": "Open over",
    "retention_review_date": "Retention review",
}
COLUMNS = tuple(COLUMN_TITLES)
_PAGE = 500  # ids per IN (...) query in rows(), well under any engine's parameter limit


@dataclass
class Filters:
    period: ReportingPeriod | str | None = None  # "2016-17" or a ReportingPeriod
    threshold: bool | None = None  # True threshold cases, False consultations
    status: str | None = None  # "open" or "closed"
    sector_group: str | None = None  # a vocab.SECTOR_GROUPS code
    outcome: str | None = None  # a vocab.OUTCOMES code
    text: str = ""  # type-ahead search
    retention_due: bool = False  # review date reached and no hold
    among: Collection[int] | None = None  # only these contacts (e.g. "related contacts")


def _row_columns():
    c, s = LadoContact, LadoSubject
    return (c.id, c.ref, c.date_received, c.threshold_met, c.employer_name, c.sector_group,
            s.name, c.subject_role, c.outcome, c.date_closed, c.retention_review_date)


class ContactList:
    def __init__(self, session, filters: Filters | None = None):
        _authorise(session)
        self.session = session
        self.filters = filters or Filters()

    @property
    def today(self) -> dt.date:
        return local_today(self.session.clock)

    # -- the query --------------------------------------------------------
    def _where(self) -> list:
        f, c = self.filters, LadoContact
        clauses = []
        if f.among is not None:
            clauses.append(c.id.in_(sorted(f.among)))
        if f.period:
            period = period_for("lado", f.period) if isinstance(f.period, str) else f.period
            clauses.append(c.date_received.between(period.start, period.end))
        if f.threshold is not None:
            clauses.append(c.threshold_met == bool(f.threshold))
        if f.status == "open":
            clauses.append(c.date_closed.is_null())
        elif f.status == "closed":
            clauses.append(c.date_closed.is_null(False))
        if f.sector_group:
            clauses.append(c.sector_group == f.sector_group)
        if f.outcome:
            clauses.append(c.outcome == f.outcome)
        if f.retention_due:
            clauses.append((c.retention_review_date <= self.today) & (c.retention_hold == False))
        text = search.matching("lado", SEARCH_INDEX, c.id, self.filters.text)
        if text is not None:
            clauses.append(text)
        return clauses

    def _order(self, sort: str | None, descending: bool) -> tuple[list, bool]:
        """The ORDER BY terms for column ``sort`` (always ending in the id, so pages are
        stable) and whether the subject table must be joined for them."""
        c, s = LadoContact, LadoSubject
        keys = {
            "ref": c.ref,
            "date_received": c.date_received,
            "type": c.threshold_met,
            "employer": c.employer_norm,
            "sector_group": c.sector_group,
            "subject_name": s.name_norm,
            "subject_role": c.subject_role,
            "outcome": c.outcome,
            "status": c.date_closed.is_null(),
            "retention_review_date": c.retention_review_date,
            # Days open, exactly as the column shows it: to the closing date, or to today
            # while open. Computed in SQL over the (date_closed, date_received) index, so
            # no row is read to sort. "Open over" sorts the same way: its marks grow with
            # the days open (closed cases show none and sort by the days they were open).
            "days_open": search.days_between(
                fn.COALESCE(c.date_closed, self.today.isoformat()), c.date_received
            ),
        }
        keys["timeliness"] = keys["days_open"]
        key = keys.get(sort)
        if key is None:  # natural order: newest first (reversed for an unknown column)
            if sort is not None and descending:
                return [c.date_received.asc(), c.id.asc()], False
            return [c.date_received.desc(), c.id.desc()], False
        if descending:
            return [search.in_order(key, True), c.id.desc()], sort == "subject_name"
        return [search.in_order(key), c.id.asc()], sort == "subject_name"

    def _select(self, *columns, sort: str | None, descending: bool):
        """The filtered, ordered query of ``columns`` (the subject joined only to sort)."""
        c, s = LadoContact, LadoSubject
        order, needs_subject = self._order(sort, descending)
        query = c.select(*columns)
        if needs_subject:
            query = query.join(s, on=(s.contact == c.id), join_type=JOIN.LEFT_OUTER)
        for clause in self._where():
            query = query.where(clause)
        return query.order_by(*order)

    # -- RowSource --------------------------------------------------------
    def page(
        self, offset: int, limit: int, sort: str | None = None, descending: bool = False
    ) -> list[tuple[int, dict[str, Any]]]:
        """Rows ``offset`` to ``offset + limit`` of the list in this order, with their
        values: one query. The page's ids are picked first (over indexes, no row read
        beyond the page, no subject joined unless sorting by it), then joined to their
        values: sorting 100,000 contacts by days open takes 16 ms, not 190."""
        c = LadoContact
        chosen = (
            self._select(c.id, sort=sort, descending=descending)
            .limit(max(0, int(limit)))
            .offset(max(0, int(offset)))
        )
        order, _ = self._order(sort, descending)
        query = (
            c.select(*_row_columns())
            .join(LadoSubject, on=(LadoSubject.contact == c.id), join_type=JOIN.LEFT_OUTER)
            .where(c.id.in_(chosen))
            .order_by(*order)
        )
        today = self.today
        return [(r[0], _values(r, today)) for r in c._meta.database.execute(query)]

    def count(self) -> int:
        """How many contacts the list holds (the same filters as ``page``)."""
        c = LadoContact
        query = c.select(fn.COUNT(SQL("*")))
        for clause in self._where():
            query = query.where(clause)
        return int(query.scalar() or 0)

    def ids(self, sort: str | None = None, descending: bool = False) -> list[int]:
        """Every matching id in the order ``page`` gives them."""
        query = self._select(LadoContact.id, sort=sort, descending=descending)
        # The bare cursor, not peewee's row objects: 100,000 ids in ~25 ms instead of ~180.
        return [r[0] for r in LadoContact._meta.database.execute(query)]

    def rows(self, ids: list[int]) -> dict[int, dict[str, Any]]:
        c, today, out = LadoContact, self.today, {}
        for start in range(0, len(ids), _PAGE):
            chunk = ids[start : start + _PAGE]
            query = (
                c.select(*_row_columns())
                .join(LadoSubject, on=(LadoSubject.contact == c.id), join_type=JOIN.LEFT_OUTER)
                .where(c.id.in_(chunk))
            )
            for row in c._meta.database.execute(query):
                out[row[0]] = _values(row, today)
        return out


def _values(row: tuple, today: dt.date) -> dict[str, Any]:
    """One list row's values from a bare cursor's ``_row_columns`` tuple (the cursor, not
    peewee's row conversion: a page of 200 rows in half the time)."""
    _id, ref, received, threshold, employer, group, name, role, outcome, closed, review = row
    received, closed, review = _day(received), _day(closed), _day(review)
    return {
        "ref": ref,
        "date_received": received,
        "type": "Threshold" if threshold else "Consultation",
        "employer": employer,
        "sector_group": V.SECTOR_GROUPS.label(group) if group in V.SECTOR_GROUPS else "",
        "subject_name": name or "",
        "subject_role": role or "",
        "outcome": V.OUTCOMES.label(outcome) if outcome in V.OUTCOMES else "",
        "status": "Closed" if closed else "Open",
        "days_open": rules.days_open(received, closed, today),
        "timeliness": "" if closed else rules.timeliness_mark(received, None, today),
        "retention_review_date": review,
    }


def _day(value) -> dt.date | None:
    """A date column as the bare cursor returns it (ISO text on SQLite)."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def contact_list(session, **filters: Any) -> ContactList:
    return ContactList(session, Filters(**filters))


def due_for_retention_review(session) -> list[int]:
    """Contacts whose review date has come and that carry no hold, oldest review first.
    Nothing is deleted automatically (§8.5): this only lists them."""
    source = ContactList(session, Filters(retention_due=True))
    return source.ids("retention_review_date", descending=False)
