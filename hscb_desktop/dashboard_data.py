"""The dashboard's figures (issue 7): chart series for one reporting year, Qt-free.

Every figure comes from a module's own return tables (``domains.<x>.returns``), so a
chart shows exactly what that module's return holds; no SQL of its own. A series is
offered only when the session's ``return_domains`` allow its domain (training rides on
the board's), so a practitioner sees their own module and the business unit all.

    for series in dashboard_data.series_for(session, "2016-17"):
        series.title, series.categories, series.sets   # [("Contacts", [804, 804, 630]), ...]
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from hscb_desktop.core.clock import local_today
from hscb_desktop.core.periods import ReportingPeriod, period_for
from hscb_desktop.returns import Table

# The return domain that grants each series' module (training is the board's return).
ACCESS: dict[str, str] = {
    "lado": "lado",
    "fostering": "fostering",
    "cdop": "cdop",
    "board": "board",
    "training": "board",
}
# The order the dashboard shows them (the annual report's: CDOP, LADO, fostering, board, training)
MODULES = ("cdop", "lado", "fostering", "board", "training")
MODULE_TITLES = {
    "cdop": "Child deaths (CDOP)",
    "lado": "LADO",
    "fostering": "Private fostering",
    "board": "Strategic Board",
    "training": "Multi-agency training",
}


@dataclass(frozen=True)
class Series:
    key: str  # "lado-years"
    module: str  # "lado"
    title: str  # the chart's title
    period: str  # the months it covers: "July 2016 - June 2017"
    category_title: str  # what the categories are ("Year", "Sector group")
    categories: list[str]
    sets: list[tuple[str, list[int]]]  # (bar set name, one value per category)
    horizontal: bool = False  # long category names read better as horizontal bars
    source: str = ""  # the return table(s) the figures come from ("L1")
    notes: list[str] = field(default_factory=list)

    def value(self, set_name: str, category: str) -> int:
        values = dict(self.sets)[set_name]
        return values[self.categories.index(category)]

    def rows(self) -> list[list[Any]]:
        """The numbers behind the chart: one row per category, one column per set."""
        return [[c] + [values[i] for _, values in self.sets]
                for i, c in enumerate(self.categories)]


def allowed_modules(return_domains) -> list[str]:
    held = set(return_domains)
    return [m for m in MODULES if ACCESS[m] in held]


def _table(tables: list[Table], key: str) -> Table:
    for table in tables:
        if table.key == key:
            return table
    raise KeyError(key)


def _num(value: Any) -> int:
    return int(value or 0)


# -- each module's series ---------------------------------------------------------------

def lado_series(spec: str, today: dt.date) -> list[Series]:
    from hscb_desktop.domains.lado import returns

    period = period_for("lado", spec)
    tables = returns.compute(period)
    l1 = _table(tables, "L1")
    years = Series(
        "lado-years", "lado", "LADO contacts and threshold cases by year",
        f"the three years to {period.label.split(' - ')[-1]}", "Year",
        [str(r[0]) for r in l1.rows],
        [("Contacts", [_num(r[1]) for r in l1.rows]),
         ("Reached threshold", [_num(r[2]) for r in l1.rows])],
        source="L1")
    l2b = _table(tables, "L2b")
    groups = l2b.headers[1:-1]  # the sector groups, without "All"
    contacts, threshold = l2b.row("Contacts"), l2b.row("Reached threshold")
    sectors = Series(
        "lado-sectors", "lado", "LADO contacts and threshold cases by sector group", period.label,
        "Sector group", list(groups),
        [("Contacts", [_num(v) for v in contacts[1:-1]]),
         ("Reached threshold", [_num(v) for v in threshold[1:-1]])],
        source="L2b")
    return [years, sectors]


def quarters(period: ReportingPeriod) -> list[ReportingPeriod]:
    """The year's four quarters, each as a period of its own ("Apr-Jun 2016")."""
    out = []
    start = period.start
    for _ in range(4):
        end_month = start.month + 2
        end_year = start.year + (end_month - 1) // 12
        end_month = (end_month - 1) % 12 + 1
        next_start = dt.date(end_year + (end_month // 12), end_month % 12 + 1, 1)
        end = next_start - dt.timedelta(days=1)
        label = f"{start:%b}-{end:%b} {end.year}"
        out.append(ReportingPeriod(period.module, start, end, label))
        start = next_start
    return out


def fostering_series(spec: str, today: dt.date) -> list[Series]:
    from hscb_desktop.domains.fostering import returns, service

    period = period_for("fostering", spec)
    calendar = service.calendar()
    by_quarter = [returns.p2(q, calendar, today) for q in quarters(period)]
    quarter_series = Series(
        "fostering-quarters", "fostering",
        "Private fostering notifications and arrangements by quarter", period.label, "Quarter",
        [q.label for q in quarters(period)],
        [("Notifications received", [_num(t.rows[0][1]) for t in by_quarter]),
         ("Arrangements that began", [_num(t.rows[1][1]) for t in by_quarter])],
        source="P2 for each quarter")
    p2 = returns.p2(period, calendar, today)
    visits = Series(
        "fostering-visits", "fostering", "Private fostering visits on time", period.label,
        "Visit", ["Initial visits (7 working days)", "Regulation 8 visits"],
        [("Due", [_num(p2.rows[4][1]), _num(p2.rows[6][1])]),
         ("Made on time", [_num(p2.rows[5][1]), _num(p2.rows[7][1])])],
        source="P2")
    return [quarter_series, visits]


def cdop_series(spec: str, today: dt.date) -> list[Series]:
    from hscb_desktop.domains.cdop import returns

    period = period_for("cdop", spec)
    tables = returns.compute(period, today)
    c4 = _table(tables, "C4")
    categories = Series(
        "cdop-categories", "cdop", "CDOP reviews completed by category of death", period.label,
        "Category of death", [str(r[0]) for r in c4.rows],
        [("Reviews", [_num(r[-1]) for r in c4.rows])], horizontal=True, source="C4")
    c2 = _table(tables, "C2")
    expected = Series(
        "cdop-expected", "cdop", "CDOP reviews: expected and unexpected deaths", period.label,
        "Expected or unexpected", [str(r[0]) for r in c2.rows],
        [("Reviews", [_num(r[1]) for r in c2.rows])], source="C2")
    return [categories, expected]


def board_series(spec: str, today: dt.date) -> list[Series]:
    from hscb_desktop.domains.board import returns

    period = period_for("board", spec)
    b2 = _table(returns.compute(period, today), "B2")
    return [Series(
        "board-agencies", "board", "Strategic Board attendance by agency", period.label, "Agency",
        [str(r[0]) for r in b2.rows],
        [("Attendances", [_num(r[2]) for r in b2.rows]),
         ("Possible attendances", [_num(r[3]) for r in b2.rows])],
        horizontal=True, source="B2")]


def training_series(spec: str, today: dt.date) -> list[Series]:
    from hscb_desktop.domains.training import returns, service

    period = period_for("training", spec)
    t2 = _table(returns.compute(period, service.agency_names()), "T2")
    return [Series(
        "training-courses", "training", "Training attendees by course", period.label, "Course",
        [str(r[0]) for r in t2.rows], [("Attendees", [_num(r[1]) for r in t2.rows])],
        horizontal=True, source="T2")]


BUILDERS: dict[str, Callable[[str, dt.date], list[Series]]] = {
    "cdop": cdop_series,
    "lado": lado_series,
    "fostering": fostering_series,
    "board": board_series,
    "training": training_series,
}


def series_for(session: Any, period_spec: str, modules: list[str] | None = None) -> list[Series]:
    """Every series this session may see for the year ``period_spec`` ("2016-17"), in the
    annual report's order. Nothing for a locked session or one without return domains."""
    if not getattr(session, "active", True):
        return []
    today = local_today(session.clock)
    out: list[Series] = []
    for module in allowed_modules(session.return_domains):
        if modules is None or module in modules:
            out += BUILDERS[module](period_spec, today)
    return out
