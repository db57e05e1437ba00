"""The private fostering lists: filters, type-ahead search and sortable columns
(``RowSource``s, as the LADO list).

The GUI's table model asks ``ids`` once for the order, then ``rows`` a page at a time;
``page`` and ``count`` answer the same for callers that want one page at once. Text search
goes through the FTS indexes in ``storage.search``: child name, carer name and reference
for notifications and arrangements; reference, enquirer and other authority for enquiries.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from peewee import JOIN

from hscb_desktop.core.clock import local_today
from hscb_desktop.core.periods import ReportingPeriod, period_for
from hscb_desktop.core.vocab import TRISTATE
from hscb_desktop.domains.fostering import due
from hscb_desktop.domains.fostering import vocab as V
from hscb_desktop.domains.fostering.models import (
    ENQUIRY_SEARCH_INDEX,
    SEARCH_INDEX,
    PfArrangement,
    PfCarer,
    PfChild,
    PfEnquiry,
    PfNotification,
)
from hscb_desktop.domains.fostering.service import STORE, _authorise
from hscb_desktop.storage import search

_PAGE = 500  # ids per IN (...) query, well under any engine's parameter limit
_IN_LIMIT = 5000  # search hits up to this many go into the query; more are filtered after

ARRANGEMENT_COLUMNS = {
    "ref": "Reference",
    "child_name": "Child",
    "carer_name": "Carer",
    "start_date": "Started",
    "la_aware_date": "Authority aware",
    "end_date": "Ended",
    "status": "Status",
    "next_due": "Next due",
    "next_due_kind": "What",
    "overdue": "Overdue",
}
NOTIFICATION_COLUMNS = {
    "ref": "Reference",
    "date_received": "Received",
    "child_name": "Child",
    "carer_name": "Carer",
    "notification_type": "Kind",
    "notifier_type": "Notified by",
    "notice_given_in_time": "Notice in time",
    "status": "Status",
}
ENQUIRY_COLUMNS = {
    "ref": "Reference",
    "date_received": "Received",
    "enquirer_type": "Enquirer",
    "enquirer_name": "Name",
    "outcome": "Outcome",
    "notification_ref": "Notification",
}
DUE_COLUMNS = {
    "due": "Due",
    "kind": "What",
    "overdue": "Overdue",
    "child": "Child",
    "ref": "Reference",
}


def _period(value: ReportingPeriod | str) -> ReportingPeriod:
    return period_for(STORE, value) if isinstance(value, str) else value


def _label(codes, value) -> str:
    return codes.label(value) if isinstance(value, str) and value in codes else ""


def _run(model, query) -> list[tuple]:
    # The bare cursor, not peewee's row objects (as the LADO list).
    return list(model._meta.database.execute(query))


class _Source:
    """What every list shares: search narrowing, ordering, paging."""

    index = SEARCH_INDEX

    def __init__(self, session):
        _authorise(session)
        self.session = session

    @property
    def today(self) -> dt.date:
        return local_today(self.session.clock)

    def _found(self, text: str) -> set[int] | None:
        if not (text or "").strip():
            return None
        return set(search.match(STORE, self.index, text))

    def page(
        self, offset: int, limit: int, sort: str | None = None, descending: bool = False
    ) -> list[tuple[int, dict[str, Any]]]:
        """One page of (id, row) pairs in order."""
        ids = self.ids(sort, descending)[max(0, offset) : max(0, offset) + max(0, limit)]
        rows = self.rows(ids)
        return [(i, rows[i]) for i in ids if i in rows]

    def count(self) -> int:
        return len(self.ids(None, False))

    def ids(self, sort: str | None = None, descending: bool = False) -> list[int]:
        raise NotImplementedError

    def rows(self, ids: list[int]) -> dict[int, dict[str, Any]]:
        raise NotImplementedError


def _ordered(model, query, order: dict, sort, descending, default) -> list[int]:
    if sort in order:
        key = order[sort]
        query = query.order_by(
            search.in_order(key, descending),
            model.id.desc() if descending else model.id.asc(),
        )
    else:
        query = query.order_by(*default)
    return [r[0] for r in _run(model, query)]


def _narrow(ids: list[int], found: set[int] | None, keys: dict[int, int] | None = None):
    if found is None or len(found) <= _IN_LIMIT:
        return ids
    return [i for i in ids if (keys[i] if keys else i) in found]


# -- arrangements ---------------------------------------------------------------------


@dataclass
class ArrangementFilters:
    period: ReportingPeriod | str | None = None  # open at any time in this period
    status: str | None = None  # "open" or "ended"
    overdue: bool = False  # only arrangements with something overdue today
    text: str = ""  # type-ahead: child name, carer name, reference


class ArrangementList(_Source):
    def __init__(self, session, filters: ArrangementFilters | None = None):
        super().__init__(session)
        self.filters = filters or ArrangementFilters()

    def _due(self, ids: list[int] | None = None) -> dict[int, tuple[dt.date, str, bool]]:
        """Arrangement id -> (earliest due date, its kind, anything overdue)."""
        out: dict[int, tuple[dt.date, str, bool]] = {}
        for item in due.compute(self.today, arrangement_ids=ids):
            if item.arrangement_id is None:
                continue
            seen = out.get(item.arrangement_id)
            if seen is None:
                out[item.arrangement_id] = (item.due, item.kind, item.overdue)
            elif item.overdue and not seen[2]:
                out[item.arrangement_id] = (seen[0], seen[1], True)
        return out

    def ids(self, sort: str | None = None, descending: bool = False) -> list[int]:
        a, n, c, k = PfArrangement, PfNotification, PfChild, PfCarer
        f = self.filters
        found = self._found(f.text)
        if found is not None and not found:
            return []
        query = (
            a.select(a.id, n.id)
            .join(n, on=(n.id == a.notification))
            .join(c, on=(c.id == n.child))
            .join(k, JOIN.LEFT_OUTER, on=(k.id == n.carer))
        )
        if found is not None and len(found) <= _IN_LIMIT:
            query = query.where(n.id.in_(sorted(found)))
        if f.period:
            period = _period(f.period)
            query = query.where(
                (a.start_date <= period.end) & (a.end_date.is_null() | (a.end_date >= period.start))
            )
        if f.status == "open":
            query = query.where(a.end_date.is_null())
        elif f.status == "ended":
            query = query.where(a.end_date.is_null(False))
        order = {
            "ref": n.ref,
            "child_name": c.name_norm,
            "carer_name": k.name_norm,
            "start_date": a.start_date,
            "la_aware_date": a.la_aware_date,
            "end_date": a.end_date,
            "status": a.end_date.is_null(),
        }
        rows = _run(
            a,
            query.order_by(
                *(
                    [search.in_order(order[sort], descending)]
                    if sort in order
                    else [a.start_date.desc()]
                ),
                a.id.desc() if descending or sort not in order else a.id.asc(),
            ),
        )
        if found is not None and len(found) > _IN_LIMIT:
            rows = [r for r in rows if r[1] in found]
        ids = [r[0] for r in rows]
        if f.overdue or sort in ("next_due", "next_due_kind", "overdue"):
            dues = self._due()
            if f.overdue:
                ids = [i for i in ids if i in dues and dues[i][2]]
            if sort == "next_due":
                far = dt.date.max
                ids.sort(key=lambda i: (dues[i][0] if i in dues else far, i), reverse=descending)
            elif sort == "next_due_kind":
                ids.sort(key=lambda i: (dues[i][1] if i in dues else "", i), reverse=descending)
            elif sort == "overdue":
                ids.sort(key=lambda i: (i in dues and dues[i][2], i), reverse=descending)
        return ids

    def rows(self, ids: list[int]) -> dict[int, dict[str, Any]]:
        a, n, c, k = PfArrangement, PfNotification, PfChild, PfCarer
        out: dict[int, dict[str, Any]] = {}
        for start in range(0, len(ids), _PAGE):
            chunk = ids[start : start + _PAGE]
            dues = self._due(chunk)
            query = (
                a.select(a.id, n.ref, c.name, k.name, a.start_date, a.la_aware_date, a.end_date)
                .join(n, on=(n.id == a.notification))
                .join(c, on=(c.id == n.child))
                .join(k, JOIN.LEFT_OUTER, on=(k.id == n.carer))
                .where(a.id.in_(chunk))
                .tuples()
            )
            for aid, ref, child, carer, started, aware, ended in query:
                next_due = dues.get(aid)
                out[aid] = {
                    "ref": ref,
                    "child_name": child or "",
                    "carer_name": carer or "",
                    "start_date": started,
                    "la_aware_date": aware,
                    "end_date": ended,
                    "status": "Ended" if ended else "Open",
                    "next_due": next_due[0] if next_due else None,
                    "next_due_kind": V.DUE_KINDS.label(next_due[1]) if next_due else "",
                    "overdue": bool(next_due and next_due[2]),
                }
        return out


def arrangement_list(session, **filters: Any) -> ArrangementList:
    return ArrangementList(session, ArrangementFilters(**filters))


# -- notifications --------------------------------------------------------------------


@dataclass
class NotificationFilters:
    period: ReportingPeriod | str | None = None  # received in this period
    status: str | None = None  # "arrangement", "not_progressed" or "pending"
    text: str = ""


class NotificationList(_Source):
    def __init__(self, session, filters: NotificationFilters | None = None):
        super().__init__(session)
        self.filters = filters or NotificationFilters()

    def ids(self, sort: str | None = None, descending: bool = False) -> list[int]:
        n, c, k = PfNotification, PfChild, PfCarer
        f = self.filters
        found = self._found(f.text)
        if found is not None and not found:
            return []
        query = (
            n.select(n.id)
            .join(c, on=(c.id == n.child))
            .join(k, JOIN.LEFT_OUTER, on=(k.id == n.carer))
        )
        if found is not None and len(found) <= _IN_LIMIT:
            query = query.where(n.id.in_(sorted(found)))
        if f.period:
            period = _period(f.period)
            query = query.where(n.date_received.between(period.start, period.end))
        if f.status == "arrangement":
            query = query.where(n.progressed == True)  # noqa: E712 - SQL, not a truth test
        elif f.status == "not_progressed":
            query = query.where(n.progressed == False)  # noqa: E712
        elif f.status == "pending":
            query = query.where(n.progressed.is_null())
        order = {
            "ref": n.ref,
            "date_received": n.date_received,
            "child_name": c.name_norm,
            "carer_name": k.name_norm,
            "notification_type": n.notification_type,
            "notifier_type": n.notifier_type,
            "notice_given_in_time": n.notice_given_in_time,
            "status": n.progressed,
        }
        ids = _ordered(n, query, order, sort, descending, (n.date_received.desc(), n.id.desc()))
        return _narrow(ids, found)

    def rows(self, ids: list[int]) -> dict[int, dict[str, Any]]:
        n, c, k = PfNotification, PfChild, PfCarer
        out: dict[int, dict[str, Any]] = {}
        for start in range(0, len(ids), _PAGE):
            query = (
                n.select(
                    n.id,
                    n.ref,
                    n.date_received,
                    c.name,
                    k.name,
                    n.notification_type,
                    n.notifier_type,
                    n.notice_given_in_time,
                    n.progressed,
                )
                .join(c, on=(c.id == n.child))
                .join(k, JOIN.LEFT_OUTER, on=(k.id == n.carer))
                .where(n.id.in_(ids[start : start + _PAGE]))
                .tuples()
            )
            for nid, ref, received, child, carer, kind, notifier, in_time, progressed in query:
                out[nid] = {
                    "ref": ref,
                    "date_received": received,
                    "child_name": child or "",
                    "carer_name": carer or "",
                    "notification_type": _label(V.NOTIFICATION_TYPES, kind),
                    "notifier_type": _label(V.NOTIFIER_TYPES, notifier),
                    "notice_given_in_time": _label(TRISTATE, in_time),
                    "status": {True: "Arrangement", False: "Did not progress"}.get(
                        progressed, "Awaiting decision"
                    ),
                }
        return out


def notification_list(session, **filters: Any) -> NotificationList:
    return NotificationList(session, NotificationFilters(**filters))


# -- enquiries ------------------------------------------------------------------------


@dataclass
class EnquiryFilters:
    period: ReportingPeriod | str | None = None  # received in this period
    outcome: str | None = None  # a vocab.ENQUIRY_OUTCOMES code, or "none" (not recorded)
    text: str = ""


class EnquiryList(_Source):
    index = ENQUIRY_SEARCH_INDEX

    def __init__(self, session, filters: EnquiryFilters | None = None):
        super().__init__(session)
        self.filters = filters or EnquiryFilters()

    def ids(self, sort: str | None = None, descending: bool = False) -> list[int]:
        e, n = PfEnquiry, PfNotification
        f = self.filters
        found = self._found(f.text)
        if found is not None and not found:
            return []
        query = e.select(e.id).join(n, JOIN.LEFT_OUTER, on=(n.id == e.notification))
        if found is not None and len(found) <= _IN_LIMIT:
            query = query.where(e.id.in_(sorted(found)))
        if f.period:
            period = _period(f.period)
            query = query.where(e.date_received.between(period.start, period.end))
        if f.outcome == "none":
            query = query.where(e.outcome.is_null())
        elif f.outcome:
            query = query.where(e.outcome == f.outcome)
        order = {
            "ref": e.ref,
            "date_received": e.date_received,
            "enquirer_type": e.enquirer_type,
            "enquirer_name": e.enquirer_name,
            "outcome": e.outcome,
            "notification_ref": n.ref,
        }
        ids = _ordered(e, query, order, sort, descending, (e.date_received.desc(), e.id.desc()))
        return _narrow(ids, found)

    def rows(self, ids: list[int]) -> dict[int, dict[str, Any]]:
        e, n = PfEnquiry, PfNotification
        out: dict[int, dict[str, Any]] = {}
        for start in range(0, len(ids), _PAGE):
            query = (
                e.select(
                    e.id,
                    e.ref,
                    e.date_received,
                    e.enquirer_type,
                    e.enquirer_name,
                    e.outcome,
                    n.ref,
                )
                .join(n, JOIN.LEFT_OUTER, on=(n.id == e.notification))
                .where(e.id.in_(ids[start : start + _PAGE]))
                .tuples()
            )
            for eid, ref, received, kind, name, outcome, note_ref in query:
                out[eid] = {
                    "ref": ref,
                    "date_received": received,
                    "enquirer_type": _label(V.ENQUIRER_TYPES, kind),
                    "enquirer_name": name or "",
                    "outcome": _label(V.ENQUIRY_OUTCOMES, outcome) or "Not yet recorded",
                    "notification_ref": note_ref or "",
                }
        return out


def enquiry_list(session, **filters: Any) -> EnquiryList:
    return EnquiryList(session, EnquiryFilters(**filters))


# -- the due list -----------------------------------------------------------------------


class DueSource(_Source):
    """The due and overdue list as a RowSource: ids are positions in one computed list
    (``item(id)`` gives the ``DueItem``, whose arrangement or notification a click opens).
    ``refresh()`` recomputes it, e.g. after a save or when the day changes."""

    def __init__(self, session, today: dt.date | None = None, overdue_only: bool = False):
        super().__init__(session)
        self._fixed_today = today
        self.overdue_only = overdue_only
        self.items: list[due.DueItem] = []
        self.refresh()

    def refresh(self) -> None:
        _authorise(self.session)
        items = due.compute(self._fixed_today or self.today)
        self.items = [i for i in items if i.overdue] if self.overdue_only else items

    def item(self, item_id: int) -> due.DueItem:
        return self.items[item_id]

    def ids(self, sort: str | None = None, descending: bool = False) -> list[int]:
        ids = list(range(len(self.items)))
        keys = {
            "due": lambda i: (self.items[i].due, i),
            "kind": lambda i: (self.items[i].label, i),
            "overdue": lambda i: (self.items[i].overdue, i),
            "child": lambda i: (self.items[i].child.casefold(), i),
            "ref": lambda i: (self.items[i].ref, i),
        }
        if sort in keys:
            ids.sort(key=keys[sort], reverse=descending)
        elif descending:
            ids.reverse()
        return ids

    def rows(self, ids: list[int]) -> dict[int, dict[str, Any]]:
        out = {}
        for i in ids:
            if 0 <= i < len(self.items):
                item = self.items[i]
                out[i] = {
                    "due": item.due,
                    "kind": item.label,
                    "overdue": item.overdue,
                    "child": item.child,
                    "ref": item.ref,
                }
        return out
