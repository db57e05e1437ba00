"""The Board service: roles, validation, the meeting grid in one call, quorum, "n/m"
denominators for seats joining mid-year, missed-two-in-a-row and the audit trail."""

from __future__ import annotations

import datetime as dt

import pytest
from board_factories import agency_ids, enter_7_4

from hscb_desktop.core.validation import PermissionDenied, ValidationFailed
from hscb_desktop.domains.board import queries, service
from hscb_desktop.security import auth
from hscb_desktop.storage import audit

D1, D2, D3, D4 = (dt.date(2016, 6, 9), dt.date(2016, 9, 22), dt.date(2016, 12, 8),
                  dt.date(2017, 3, 9))


def _entries(table, action=None):
    AuditEntry, _, _ = audit.models("board")
    return [e for e in AuditEntry.select().order_by(AuditEntry.seq)
            if e.record_table == table and (action is None or e.action == action)]


@pytest.fixture
def partners(bu_session):
    """Three statutory-partner seats (LA, police, health) and a lay member."""
    ids = agency_ids(bu_session)
    make = lambda title, agency, **kw: service.create_seat(bu_session, {  # noqa: E731
        "title": title, "agency_id": ids[agency] if agency else None,
        "counts_for_quorum": agency is not None, "statutory_partner": agency is not None, **kw})
    return {
        "la": make("Director of Children's Services", "Hertfordshire County Council",
                   deputy_allowed=True, sort_order=1),
        "police": make("Assistant Chief Constable", "Hertfordshire Constabulary", sort_order=2),
        "health": make("Designated Nurse", "Hertfordshire Community NHS Trust", sort_order=3),
        "lay": make("Lay Member", None, sort_order=4),
    }


def test_business_unit_sets_up_seats_with_the_agency_denormalised(bu_session, partners):
    seat = service.get_seat(bu_session, partners["police"])
    assert seat["agency_name"] == "Hertfordshire Constabulary" and seat["agency_sector"] == "police"
    assert seat["display_label"] == "Assistant Chief Constable"  # defaults to the title
    [created] = [e for e in _entries("board_role", "create") if e.record_id == str(partners["la"])]
    assert created.user == "bu1"
    _, new = audit.values_of("board", created.seq)
    assert new["title"] == "Director of Children's Services" and new["deputy_allowed"] is True
    version = service.update_seat(bu_session, partners["police"], {"sort_order": 9})
    assert version == 2
    [updated] = _entries("board_role", "update")
    assert audit.values_of("board", updated.seq) == ({"sort_order": 2}, {"sort_order": 9})
    with pytest.raises(ValidationFailed, match="Choose the agency"):
        service.create_seat(bu_session, {"title": "X", "agency_id": 99999})


@pytest.mark.parametrize("role", ["lado_officer", "administrator", "fostering_worker",
                                  "cdop_coordinator"])
def test_other_roles_are_refused(session_for, role):
    session = session_for([role])
    with pytest.raises(PermissionDenied):
        service.create_seat(session, {"title": "Chair"})
    with pytest.raises(PermissionDenied):
        service.record_meeting(session, {"meeting_date": D1, "meeting_type": "ordinary"}, {})
    with pytest.raises(PermissionDenied):
        queries.seat_attendance(session, "2016-17")
    with pytest.raises(PermissionDenied):
        service.meeting_grid(session, meeting_date=D1)


def test_a_locked_session_is_refused(bu_session):
    auth.lock(bu_session)
    with pytest.raises(PermissionDenied, match="locked"):
        service.create_seat(bu_session, {"title": "Chair"})


def test_record_meeting_saves_the_whole_grid_in_one_audited_call(bu_session, partners):
    grid = {partners["la"]: ("deputy_attended", "Jo Deputy"), partners["police"]: "attended",
            partners["health"]: ("apologies", None), partners["lay"]: "absent_no_apologies"}
    mid = service.record_meeting(bu_session, {"meeting_date": D1, "meeting_type": "ordinary"}, grid)
    rows = service.meeting_grid(bu_session, mid)
    assert [r.as_tuple() for r in rows] == [
        (partners["la"], "Director of Children's Services", "deputy_attended", "Jo Deputy"),
        (partners["police"], "Assistant Chief Constable", "attended", None),
        (partners["health"], "Designated Nurse", "apologies", None),
        (partners["lay"], "Lay Member", "absent_no_apologies", None),
    ]
    [created] = _entries("board_meeting", "create")
    _, new = audit.values_of("board", created.seq)
    assert new["attendance"][str(partners["la"])] == ["deputy_attended", "Jo Deputy"]
    assert new["counts_for_attendance"] is True
    meeting = service.get_meeting(bu_session, mid)
    assert meeting["quorate"] is False and meeting["quorum"].missing_sectors == ("health",)

    service.update_meeting(bu_session, mid, attendance={partners["health"]: "attended"})
    assert service.get_meeting(bu_session, mid)["quorate"] is True
    [updated] = _entries("board_meeting", "update")
    old, new = audit.values_of("board", updated.seq)
    assert old == {"attendance": {str(partners["health"]): ["apologies", None]}}
    assert new == {"attendance": {str(partners["health"]): ["attended", None]}}


def test_quorum_is_computed_as_the_grid_fills(bu_session, partners):
    grid: dict = {}
    seen = []
    for key, status in (("lay", "attended"), ("la", "attended"), ("police", "attended"),
                        ("health", "deputy_attended"), ("health", "attended"),
                        ("police", "apologies")):
        grid[partners[key]] = status
        seen.append(service.preview_quorum(bu_session, D1, grid).quorate)
    # A deputy does not count where deputies are not allowed (the health seat).
    assert seen == [False, False, False, False, True, False]
    result = service.preview_quorum(bu_session, D1, grid)
    assert result.missing_sectors == ("police",) and "police" in result.describe()


def test_quorum_rule_is_configurable_and_overridable(bu_session, partners):
    grid = {partners["la"]: "attended", partners["police"]: "attended",
            partners["health"]: "attended"}
    assert service.preview_quorum(bu_session, D1, grid).quorate
    service.set_quorum_rule(bu_session, None, {"min_present": 4})
    assert service.get_quorum_rule(bu_session)["min_present"] == 4
    assert not service.preview_quorum(bu_session, D1, grid).quorate
    service.set_quorum_rule(bu_session, None, {"min_present": 4, "quorum_seats_only": False})
    assert service.preview_quorum(bu_session, D1, {**grid, partners["lay"]: "attended"}).quorate
    with pytest.raises(ValidationFailed, match="sectors"):
        service.set_quorum_rule(bu_session, None, {"sectors": ["martians"]})
    service.set_quorum_rule(bu_session, None, None)
    mid = service.record_meeting(bu_session, {"meeting_date": D1, "meeting_type": "ordinary",
                                              "quorate_override": True}, {})
    assert service.get_meeting(bu_session, mid)["quorate"] is True


def test_grid_rules(bu_session, partners):
    meeting = {"meeting_date": D3, "meeting_type": "ordinary"}
    cases = [
        ({partners["police"]: ("deputy_attended", "Someone")}, "does not allow a deputy"),
        ({partners["la"]: ("deputy_attended", "  ")}, "name of the deputy"),
        ({partners["la"]: "present"}, "choose attended"),
        ({999: "attended"}, "not on this board"),
    ]
    for grid, message in cases:
        with pytest.raises(ValidationFailed, match=message):
            service.record_meeting(bu_session, meeting, grid)
    with pytest.raises(ValidationFailed, match="meeting type"):
        service.record_meeting(bu_session, {"meeting_date": D1, "meeting_type": "party"}, {})
    with pytest.raises(ValidationFailed, match="date of the meeting"):
        service.record_meeting(bu_session, {"meeting_type": "ordinary"}, {})
    with pytest.raises(ValidationFailed, match="has not happened"):
        service.record_meeting(bu_session, {"meeting_date": dt.date(2017, 9, 1),
                                             "meeting_type": "ordinary"},
                               {partners["la"]: "attended"})
    # A future meeting may be planned without attendance.
    service.record_meeting(bu_session, {"meeting_date": dt.date(2017, 9, 1),
                                         "meeting_type": "ordinary"}, {})
    service.update_seat(bu_session, partners["lay"], {"active_to": dt.date(2016, 5, 31)})
    with pytest.raises(ValidationFailed, match="not active on the meeting date"):
        service.record_meeting(bu_session, meeting, {partners["lay"]: "attended"})
    problems = service.check_meeting(bu_session, meeting, {partners["la"]: "attended"})
    assert [p.message for p in problems if not p.blocking] == [
        "2 active seat(s) have no attendance recorded: they count as not attending."]
    service.record_meeting(bu_session, meeting, {partners["la"]: "attended"})
    with pytest.raises(ValidationFailed, match="meeting of 08/12/2016, outside these dates"):
        service.update_seat(bu_session, partners["la"], {"active_to": dt.date(2016, 11, 30)})
    with pytest.raises(ValidationFailed, match="already recorded on that date"):
        service.record_meeting(bu_session, meeting, {})
    assert len(_entries("board_meeting", "create")) == 2  # the refused saves wrote nothing


def test_blank_grid_for_a_new_meeting_lists_seats_active_that_day(bu_session, partners):
    service.update_seat(bu_session, partners["lay"], {"active_from": dt.date(2016, 10, 1)})
    service.add_holder(bu_session, partners["police"], {"person_name": "A. Officer",
                                                        "from_date": dt.date(2015, 1, 1)})
    rows = service.meeting_grid(bu_session, meeting_date=D1)
    assert [r.role_id for r in rows] == [partners["la"], partners["police"], partners["health"]]
    assert all(r.status is None for r in rows)
    assert rows[1].holder == "A. Officer" and rows[0].deputy_allowed
    assert len(service.meeting_grid(bu_session, meeting_date=D3)) == 4


def test_denominators_for_seats_joining_and_leaving_mid_year(bu_session, partners):
    service.update_seat(bu_session, partners["lay"], {"active_from": dt.date(2016, 10, 1)})
    service.update_seat(bu_session, partners["health"], {"active_to": dt.date(2016, 12, 31)})
    for day in (D1, D2, D3, D4):
        grid = {partners["la"]: "attended", partners["police"]: "apologies"}
        if day >= dt.date(2016, 10, 1):
            grid[partners["lay"]] = "attended"
        if day <= dt.date(2016, 12, 31):
            grid[partners["health"]] = "attended"
        service.record_meeting(bu_session, {"meeting_date": day, "meeting_type": "ordinary"}, grid)
    # An extraordinary meeting counts; a joint board does not; "not required" is left out.
    service.record_meeting(bu_session, {"meeting_date": dt.date(2017, 1, 20),
                                         "meeting_type": "extraordinary"},
                           {partners["la"]: "not_required", partners["lay"]: "attended",
                            partners["police"]: "attended"})
    service.record_meeting(bu_session, {"meeting_date": dt.date(2017, 2, 1),
                                         "meeting_type": "joint_with_adults_board"},
                           {partners["la"]: "attended"})
    figures = {f.role_id: f.text for f in queries.seat_attendance(bu_session, "2016-17")}
    assert figures == {partners["la"]: "4/4", partners["police"]: "1/5",
                       partners["health"]: "3/3", partners["lay"]: "3/3"}
    # The type's default can be overridden: the joint board made to count.
    [joint] = [m for m in service.list_meetings(bu_session, period="2016-17")
               if m["meeting_type"] == "joint_with_adults_board"]
    service.update_meeting(bu_session, joint["id"], {"counts_override": True})
    figures = {f.role_id: f.text for f in queries.seat_attendance(bu_session, "2016-17")}
    assert figures[partners["la"]] == "5/5" and figures[partners["police"]] == "1/6"


def test_missed_two_in_a_row(bu_session, partners):
    pattern = {  # D1..D4 for each seat
        "la": ["attended", "apologies", "apologies", "attended"],
        "police": ["attended", "attended", "absent_no_apologies", "apologies"],
        "health": ["apologies", "attended", "apologies", "attended"],
        "lay": ["attended", "not_required", "apologies", "attended"],
    }
    for j, day in enumerate((D1, D2, D3, D4)):
        service.record_meeting(bu_session, {"meeting_date": day, "meeting_type": "ordinary"},
                               {partners[k]: v[j] for k, v in pattern.items()})
    found = {r["role_id"]: r for r in queries.missed_two_in_a_row(bu_session, "2016-17")}
    assert set(found) == {partners["la"], partners["police"]}
    assert found[partners["la"]]["runs"] == [[D2, D3]] and not found[partners["la"]]["current"]
    assert found[partners["police"]]["runs"] == [[D3, D4]] and found[partners["police"]]["current"]


@pytest.mark.parametrize("seed", range(6))
def test_the_trays_current_runs_are_missed_runs_current_ones(bu_session, partners, seed):
    """The work tray reads only the newest meetings (queries.current_missed_runs); over
    three years of mixed marks, joint meetings that do not count and a seat that ended, it
    finds exactly the current runs that reading every meeting (missed_runs) finds."""
    import random

    rnd = random.Random(seed)
    statuses = ["attended", "apologies", "absent_no_apologies", "deputy_attended",
                "not_required", None]
    service.update_seat(bu_session, partners["lay"], {"active_to": dt.date(2016, 3, 31)})
    day = dt.date(2013, 6, 3)
    for _ in range(14):  # up to 01/04/2017; "today" is 01/06/2017
        day += dt.timedelta(days=rnd.randint(40, 100))
        marks = {}
        for name, seat in partners.items():  # only the LA seat allows a deputy
            if name == "lay" and day > dt.date(2016, 3, 31):
                continue  # the lay seat has ended
            status = rnd.choice(statuses if name == "la" else statuses[:3] + statuses[4:])
            if status is not None:
                marks[seat] = (status, "A. Deputy" if status == "deputy_attended" else None)
        kind = rnd.choice(["ordinary", "ordinary", "extraordinary", "joint_with_adults_board"])
        service.record_meeting(bu_session, {"meeting_date": day, "meeting_type": kind}, marks)
    until = service.today(bu_session)
    everything = queries.missed_runs(queries.load(None, until))
    expected = [{**r, "runs": [r["runs"][-1]], "longest": len(r["runs"][-1])}
                for r in everything if r["current"]]
    assert queries.current_missed_runs(until) == expected
    assert queries.missed_two_now(bu_session) == expected
    for batch in (1, 2, 50):  # however many meetings are read at a time
        assert queries.current_missed_runs(until, batch=batch) == expected


def test_by_agency(bu_session):
    enter_7_4(bu_session)
    rows = {a.agency_name: a for a in queries.agency_attendance(bu_session, "2016-17")}
    hscb = rows["HSCB"]
    assert (hscb.seats, hscb.attended, hscb.possible) == (3, 11, 12)
    assert float(hscb.rate) == pytest.approx(0.92)
    assert sum(a.attended for a in rows.values()) == 79


def test_delete_meeting_and_seat(bu_session, partners):
    mid = service.record_meeting(bu_session, {"meeting_date": D1, "meeting_type": "ordinary"},
                                 {partners["la"]: "attended"})
    with pytest.raises(ValidationFailed, match="end it"):
        service.delete_seat(bu_session, partners["la"], "mistake")
    with pytest.raises(ValidationFailed, match="reason"):
        service.delete_meeting(bu_session, mid, " ")
    service.delete_meeting(bu_session, mid, "entered twice")
    assert service.list_meetings(bu_session) == []
    service.delete_seat(bu_session, partners["la"], "created by mistake")
    assert partners["la"] not in {s["id"] for s in service.list_seats(bu_session)}
    assert audit.verify("board").ok


def test_stale_meeting_version_is_refused(bu_session, partners):
    mid = service.record_meeting(bu_session, {"meeting_date": D1, "meeting_type": "ordinary"}, {})
    assert service.update_meeting(bu_session, mid, {"notes": "x"}, expected_version=1) == 2
    with pytest.raises(ValidationFailed, match="changed by someone else"):
        service.update_meeting(bu_session, mid, {"notes": "y"}, expected_version=1)
