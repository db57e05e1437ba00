"""The dashboard's series (issue 7) hold exactly the figures of each module's own return,
for the synthetic 2016-17 data; each is offered only to sessions whose returns allow it."""
from __future__ import annotations

import datetime as dt

import pytest

from hscb_desktop import dashboard_data, demo
from hscb_desktop.core.clock import local_today
from hscb_desktop.core.periods import period_for
from hscb_desktop.security import auth
from hscb_desktop.security import roles as R

EVERYTHING = [r for r in R.ROLES if r != R.ADMINISTRATOR]  # every practitioner + business_unit


@pytest.fixture
def filled(workspace, make_user, clock):
    clock.set(dt.datetime(2017, 9, 1, 9, 0, tzinfo=dt.timezone.utc))  # after the LADO year
    session = auth.sign_in(workspace, "all", make_user("all", EVERYTHING))
    today = local_today(clock)
    for filler in demo.FILLERS.values():
        assert filler.fill(session, today) > 0
    return session


def own(module: str, session) -> dict:
    """The module's own return tables for 2016-17, by key."""
    from hscb_desktop.domains.board import returns as board
    from hscb_desktop.domains.cdop import returns as cdop
    from hscb_desktop.domains.fostering import returns as fostering
    from hscb_desktop.domains.fostering import service as fostering_service
    from hscb_desktop.domains.lado import returns as lado
    from hscb_desktop.domains.training import returns as training
    from hscb_desktop.domains.training import service as training_service

    today = local_today(session.clock)
    period = period_for(module, "2016-17")
    tables = {
        "lado": lambda: lado.compute(period),
        "fostering": lambda: fostering.compute(period, fostering_service.calendar(), today),
        "cdop": lambda: cdop.compute(period, today),
        "board": lambda: board.compute(period, today),
        "training": lambda: training.compute(period, training_service.agency_names()),
    }[module]()
    return {t.key: t for t in tables}


def test_every_series_holds_its_module_s_return_figures(filled):
    series = {s.key: s for s in dashboard_data.series_for(filled, "2016-17")}
    assert list(series) == ["cdop-categories", "cdop-expected", "lado-years", "lado-sectors",
                            "fostering-quarters", "fostering-visits", "board-agencies",
                            "training-courses"]

    lado = own("lado", filled)
    years = series["lado-years"]
    assert years.categories == [r[0] for r in lado["L1"].rows]
    assert len(years.categories) == 3 and years.categories[-1] == "July 2016 - June 2017"
    assert dict(years.sets)["Contacts"] == [r[1] for r in lado["L1"].rows]
    assert dict(years.sets)["Reached threshold"] == [r[2] for r in lado["L1"].rows]
    sectors = series["lado-sectors"]
    assert sectors.categories == lado["L2b"].headers[1:-1]
    assert sum(dict(sectors.sets)["Contacts"]) == lado["L2b"].row("Contacts")[-1]
    assert dict(sectors.sets)["Reached threshold"] == lado["L2b"].row("Reached threshold")[1:-1]

    fostering = own("fostering", filled)
    p2 = fostering["P2"]
    quarters = series["fostering-quarters"]
    assert quarters.categories == ["Apr-Jun 2016", "Jul-Sep 2016", "Oct-Dec 2016",
                                   "Jan-Mar 2017"]
    assert sum(dict(quarters.sets)["Notifications received"]) == p2.rows[0][1]
    assert sum(dict(quarters.sets)["Arrangements that began"]) == p2.rows[1][1]
    assert fostering["P1"].rows[0][1] == p2.rows[0][1]
    visits = series["fostering-visits"]
    assert dict(visits.sets)["Due"] == [p2.rows[4][1], p2.rows[6][1]]
    assert dict(visits.sets)["Made on time"] == [p2.rows[5][1], p2.rows[7][1]]

    cdop = own("cdop", filled)
    categories = series["cdop-categories"]
    assert categories.categories == [r[0] for r in cdop["C4"].rows]
    assert dict(categories.sets)["Reviews"] == [r[-1] for r in cdop["C4"].rows]
    assert sum(dict(categories.sets)["Reviews"]) == cdop["C4"].total[-1]
    expected = series["cdop-expected"]
    assert expected.categories == ["Expected", "Unexpected"]
    assert expected.value("Reviews", "Expected") == cdop["C2"].row("Expected")[1]
    assert sum(dict(expected.sets)["Reviews"]) == cdop["C2"].total[1]

    b2 = own("board", filled)["B2"]
    agencies = series["board-agencies"]
    assert agencies.categories == [r[0] for r in b2.rows]
    assert sum(dict(agencies.sets)["Attendances"]) == b2.total[2]
    assert sum(dict(agencies.sets)["Possible attendances"]) == b2.total[3]

    t2 = own("training", filled)["T2"]
    courses = series["training-courses"]
    assert courses.rows() == [[r[0], r[1]] for r in t2.rows]
    assert sum(dict(courses.sets)["Attendees"]) == t2.total[1]


def test_the_quarters_cover_the_year_without_gaps():
    year = period_for("fostering", "2016-17")
    parts = dashboard_data.quarters(year)
    assert parts[0].start == year.start and parts[-1].end == year.end
    for before, after in zip(parts, parts[1:]):
        assert (after.start - before.end).days == 1


@pytest.mark.parametrize("roles, modules", [
    ([R.LADO_OFFICER], ["lado"]),
    ([R.FOSTERING_WORKER], ["fostering"]),
    ([R.CDOP_COORDINATOR], ["cdop"]),
    ([R.BUSINESS_UNIT], ["cdop", "lado", "fostering", "board", "training"]),
    ([R.ADMINISTRATOR], []),
])
def test_each_session_sees_only_the_series_its_returns_allow(roles, modules):
    assert dashboard_data.allowed_modules(R.return_domains(roles)) == modules


def test_a_practitioner_gets_their_own_series_only(workspace, make_user):
    officer = auth.sign_in(workspace, "lado1", make_user("lado1", [R.LADO_OFFICER]))
    assert {s.module for s in dashboard_data.series_for(officer, "2016-17")} == {"lado"}
