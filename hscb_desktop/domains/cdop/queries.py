"""The CDOP case lists: filters, type-ahead search and sortable columns (a paged ``RowSource``),
and the coordinator's work lists (SPEC §3.5, §8.10).

``CaseList`` answers ``page(offset, limit, sort, descending)`` and ``count()`` for the GUI's
table model, and ``ids(sort, descending)`` / ``rows(ids)`` for callers that want every id.
Text search goes through the FTS index in ``storage.search`` (reference, NHS number, name).

Work lists: ``open_cases`` (age since death, flagged at 6 and 12 calendar months),
``awaiting_reports`` (open deaths with no agency report yet or one still outstanding),
``ready_for_panel`` (notification complete, every requested report received, not reviewed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from peewee import JOIN, SQL, fn

from hscb_desktop.core.calendar import add_months
from hscb_desktop.core.clock import local_today
from hscb_desktop.core.periods import ReportingPeriod, period_for
from hscb_desktop.domains.cdop import rules
from hscb_desktop.domains.cdop import vocab as V
from hscb_desktop.domains.cdop.models import (
    SEARCH_INDEX,
    AgencyReport,
    AgendaItem,
    CdopReview,
    ChildDeath,
    ChildIdentity,
    PanelMeeting,
)
from hscb_desktop.domains.cdop.service import _authorise
from hscb_desktop.storage import search

# Row keys and the titles a list screen shows for them, in display order.
COLUMN_TITLES = {
    "ref": "Reference",
    "name": "Child",
    "nhs_number": "NHS number",
    "date_of_death": "Date of death",
    "age_band": "Age at death",
    "expected": "Expected?",
    "category": "Category of death",
    "reports": "Agency reports",
    "next_meeting": "Panel meeting",
    "status": "Status",
    "days_since_death": "Days since death",
    "open_flag": "Open over",
    "review_completed_date": "Review completed",
}
COLUMNS = tuple(COLUMN_TITLES)
_PAGE = 500  # ids per IN (...) query in rows()


@dataclass
class Filters:
    status: str | None = None  # "open" or "reviewed"
    expected: str | None = None  # "expected" or "unexpected"
    category: str | None = None  # a vocab.CATEGORIES code
    period: ReportingPeriod | str | None = None  # review completed in it ("2016-17")
    death_period: ReportingPeriod | str | None = None  # died in it
    text: str = ""  # type-ahead: reference, NHS number or name
    awaiting_reports: bool = False
    ready_for_panel: bool = False
    open_over_months: int | None = None  # 6 or 12: open and died over that many months ago
    among: Collection[int] | None = None  # only these deaths


def _period(value) -> ReportingPeriod:
    return period_for("cdop", value) if isinstance(value, str) else value


def _reports_total():
    r = AgencyReport.alias("rt")
    return r.select(fn.COUNT(r.id)).where(r.death == ChildDeath.id)


def _reports_outstanding():
    r = AgencyReport.alias("ro")
    return r.select(fn.COUNT(r.id)).where((r.death == ChildDeath.id) & r.received_date.is_null())


def _next_meeting():
    a, m = AgendaItem.alias("na"), PanelMeeting.alias("nm")
    return (
        m.select(fn.MAX(m.meeting_date))
        .join(a, on=(a.meeting == m.id))
        .where(a.death == ChildDeath.id)
    )


def _not_reviewed():
    return CdopReview.review_completed_date.is_null()


class CaseList:
    def __init__(self, session, filters: Filters | None = None):
        _authorise(session)
        self.session = session
        self.filters = filters or Filters()

    @property
    def today(self) -> dt.date:
        return local_today(self.session.clock)

    # -- the query --------------------------------------------------------
    def _where(self) -> list:
        f, d = self.filters, ChildDeath
        clauses = []
        if f.among is not None:
            clauses.append(d.id.in_(sorted(f.among)))
        if f.status == "open":
            clauses.append(_not_reviewed())
        elif f.status == "reviewed":
            clauses.append(CdopReview.review_completed_date.is_null(False))
        if f.expected:
            clauses.append(d.expected_or_unexpected == f.expected)
        if f.category:
            clauses.append(CdopReview.category_of_death == f.category)
        if f.period:
            p = _period(f.period)
            clauses.append(CdopReview.review_completed_date.between(p.start, p.end))
        if f.death_period:
            p = _period(f.death_period)
            clauses.append(d.date_of_death.between(p.start, p.end))
        if f.awaiting_reports:
            clauses.append(_not_reviewed())
            clauses.append((_reports_total() == 0) | (_reports_outstanding() > 0))
        if f.ready_for_panel:
            clauses.append(_not_reviewed())
            clauses.append(d.notification_complete == True)
            clauses.append((_reports_total() > 0) & (_reports_outstanding() == 0))
        if f.open_over_months:
            months = int(f.open_over_months)
            clauses.append(_not_reviewed())
            # died before today minus the months: the same test as rules.open_flag
            cutoff = _months_before(self.today, months)
            clauses.append(d.date_of_death < cutoff)
        text = search.matching("cdop", SEARCH_INDEX, d.id, f.text)
        if text is not None:
            clauses.append(text)
        return clauses

    def _order(self, sort: str | None, descending: bool) -> list:
        d, i, r = ChildDeath, ChildIdentity, CdopReview
        keys = {
            "ref": d.cdop_ref,
            "name": i.name_norm,
            "nhs_number": i.nhs_number,
            "date_of_death": d.date_of_death,
            "age_band": d.age_days,
            "expected": d.expected_or_unexpected,
            "category": r.category_of_death,
            "reports": fn.COALESCE(_reports_outstanding(), 0),
            "next_meeting": fn.COALESCE(_next_meeting(), ""),
            "status": r.review_completed_date.is_null(False),
            "days_since_death": search.days_between(
                fn.COALESCE(r.review_completed_date, self.today.isoformat()), d.date_of_death
            ),
            "review_completed_date": r.review_completed_date,
        }
        keys["open_flag"] = keys["days_since_death"]
        key = keys.get(sort)
        if key is None:  # natural order: most recent death first
            if sort is not None and descending:
                return [d.date_of_death.asc(), d.id.asc()]
            return [d.date_of_death.desc(), d.id.desc()]
        if descending:
            return [search.in_order(key, True), d.id.desc()]
        return [search.in_order(key), d.id.asc()]

    def _select(self, *columns, sort: str | None, descending: bool):
        d = ChildDeath
        query = (
            d.select(*columns)
            .join(ChildIdentity, JOIN.LEFT_OUTER, on=(ChildIdentity.death == d.id))
            .switch(d)
            .join(CdopReview, JOIN.LEFT_OUTER, on=(CdopReview.death == d.id))
        )
        for clause in self._where():
            query = query.where(clause)
        return query.order_by(*self._order(sort, descending))

    def _row_columns(self):
        d, i, r = ChildDeath, ChildIdentity, CdopReview
        return (
            d.id, d.cdop_ref, i.forenames, i.family_name, i.nhs_number, d.date_of_death,
            d.age_band, d.expected_or_unexpected, r.category_of_death, r.review_completed_date,
            _reports_total().alias("reports_total"),
            _reports_outstanding().alias("reports_outstanding"),
            _next_meeting().alias("next_meeting"),
        )  # fmt: skip

    # -- RowSource --------------------------------------------------------
    def page(
        self, offset: int, limit: int, sort: str | None = None, descending: bool = False
    ) -> list[tuple[int, dict[str, Any]]]:
        """Rows ``offset`` to ``offset + limit`` of the list in this order, with their values."""
        query = (
            self._select(*self._row_columns(), sort=sort, descending=descending)
            .limit(max(0, int(limit)))
            .offset(max(0, int(offset)))
            .tuples()
        )
        today = self.today
        return [(row[0], _values(row, today)) for row in query]

    def count(self) -> int:
        query = self._select(fn.COUNT(SQL("*")), sort=None, descending=False).order_by()
        return int(query.scalar() or 0)

    def ids(self, sort: str | None = None, descending: bool = False) -> list[int]:
        query = self._select(ChildDeath.id, sort=sort, descending=descending).tuples()
        return [r[0] for r in query]

    def rows(self, ids: list[int]) -> dict[int, dict[str, Any]]:
        out, today = {}, self.today
        for start in range(0, len(ids), _PAGE):
            chunk = ids[start : start + _PAGE]
            query = (
                ChildDeath.select(*self._row_columns())
                .join(ChildIdentity, JOIN.LEFT_OUTER, on=(ChildIdentity.death == ChildDeath.id))
                .switch(ChildDeath)
                .join(CdopReview, JOIN.LEFT_OUTER, on=(CdopReview.death == ChildDeath.id))
                .where(ChildDeath.id.in_(chunk))
                .tuples()
            )
            for row in query:
                out[row[0]] = _values(row, today)
        return out


def _months_before(today: dt.date, months: int) -> dt.date:
    """The cut-off C with: date of death < C  <=>  add_months(death, months) < today, i.e.
    the deaths ``rules.open_flag`` flags as open over ``months`` months (calendar months)."""
    day = today - dt.timedelta(days=31 * months + 3)
    while add_months(day, months) < today:
        day += dt.timedelta(days=1)
    return day


def _date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def format_nhs(number: str | None) -> str:
    """'9434765919' -> '943 476 5919' (the way it is printed on NHS documents)."""
    if number and len(number) == 10 and number.isdigit():
        return f"{number[:3]} {number[3:6]} {number[6:]}"
    return number or ""


def _values(row: tuple, today: dt.date) -> dict[str, Any]:
    (_id, ref, forenames, family, nhs, died, band, expected, category, completed,
     total, outstanding, next_meeting) = row  # fmt: skip
    died, completed = _date(died), _date(completed)
    end = completed or today
    return {
        "ref": ref,
        "name": " ".join(p for p in (forenames, family) if p),
        "nhs_number": format_nhs(nhs),
        "date_of_death": died,
        "age_band": V.AGE_BANDS.label(band) if band in V.AGE_BANDS else "",
        "expected": V.EXPECTED.label(expected) if expected in V.EXPECTED else "",
        "category": V.CATEGORIES.label(category) if category in V.CATEGORIES else "",
        "reports": _reports_text(total or 0, outstanding or 0),
        "next_meeting": _date(next_meeting),
        "status": "Reviewed" if completed else "Open",
        "days_since_death": (end - died).days,
        "open_flag": "" if completed else rules.open_flag(died, today),
        "review_completed_date": completed,
    }


def _reports_text(total: int, outstanding: int) -> str:
    if not total:
        return "None yet"
    received = total - outstanding
    return f"{received} of {total} received"


# -- entry points ------------------------------------------------------------------------------


def case_list(session, **filters: Any) -> CaseList:
    return CaseList(session, Filters(**filters))


def open_cases(session) -> list[dict[str, Any]]:
    """Open cases (not yet reviewed), longest since death first, each with
    ``days_since_death`` and ``flag`` ('>12m', '>6m' or '') (§8.10)."""
    source = CaseList(session, Filters(status="open"))
    today = source.today
    query = (
        source._select(
            ChildDeath.id, ChildDeath.cdop_ref, ChildDeath.date_of_death, sort="date_of_death",
            descending=False,
        )
        .tuples()
    )  # fmt: skip
    out = []
    for death_id, ref, died in query:
        died = _date(died)
        out.append(
            {
                "id": death_id,
                "ref": ref,
                "date_of_death": died,
                "days_since_death": rules.days_since_death(died, today),
                "flag": rules.open_flag(died, today),
            }
        )
    return out


def awaiting_reports(session) -> list[int]:
    """Open deaths with no agency report yet or a requested report not yet received,
    earliest death first."""
    return CaseList(session, Filters(awaiting_reports=True)).ids("date_of_death")


def ready_for_panel(session) -> list[int]:
    """Deaths ready for panel: notification complete, every agency report received (at least
    one), not yet reviewed; earliest death first."""
    return CaseList(session, Filters(ready_for_panel=True)).ids("date_of_death")


def summary(session) -> dict[str, int]:
    """Counts for the CDOP home screen."""

    def n(**filters) -> int:
        return CaseList(session, Filters(**filters)).count()

    return {
        "open": n(status="open"),
        "open_over_6_months": n(open_over_months=6),
        "open_over_12_months": n(open_over_months=12),
        "awaiting_reports": n(awaiting_reports=True),
        "ready_for_panel": n(ready_for_panel=True),
    }
