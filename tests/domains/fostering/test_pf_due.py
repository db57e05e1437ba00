"""The due-date engine (SPEC §2.6, §8.7): table-driven dates across weekends, Christmas 2016
(26 and 27 December), New Year 2017, Easter 2017 (14 and 17 April) and the first-year /
later-year boundary; hypothesis properties; the due list from the store, with the clock
moved past a visit's due date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pf_factories import arrangement, notification, visit

from hscb_desktop.core.calendar import WorkingCalendar
from hscb_desktop.domains.fostering import due, rules, service
from hscb_desktop.storage.core_models import BankHoliday

D = dt.date
CAL = WorkingCalendar.shipped()


# -- initial visit: 7 working days ----------------------------------------------------------


@pytest.mark.parametrize(
    ("notified", "expected", "why"),
    [
        (D(2017, 3, 1), D(2017, 3, 10), "Wednesday: 7 working days is the Friday after next"),
        (D(2017, 3, 3), D(2017, 3, 14), "Friday: two weekends inside"),
        (D(2017, 3, 4), D(2017, 3, 14), "Saturday: counting starts on the Monday"),
        (D(2017, 3, 5), D(2017, 3, 14), "Sunday"),
        (
            D(2016, 12, 22),
            D(2017, 1, 5),
            "Christmas: 26 Dec (Boxing Day), 27 Dec (Christmas substitute), 2 Jan skipped",
        ),
        (D(2016, 12, 23), D(2017, 1, 6), "the Friday before Christmas"),
        (D(2016, 12, 24), D(2017, 1, 6), "Christmas Eve, a Saturday: as the Friday"),
        (D(2016, 12, 28), D(2017, 1, 9), "between Christmas and New Year"),
        (D(2017, 4, 12), D(2017, 4, 25), "Easter: Good Friday 14 April, Easter Monday 17 April"),
        (D(2017, 4, 13), D(2017, 4, 26), "Maundy Thursday"),
        (D(2017, 4, 14), D(2017, 4, 26), "on Good Friday itself"),
        (D(2017, 4, 21), D(2017, 5, 3), "Friday before the early May bank holiday (1 May)"),
    ],
)
def test_initial_visit_due_in_working_days(notified, expected, why):
    due_date = rules.initial_visit_due(notified, CAL)
    assert due_date == expected, why
    assert CAL.working_days_between(notified, due_date) == 7


@pytest.mark.sqlcipher_only  # writes core as a practitioner, which the server refuses
def test_bank_holidays_come_from_the_editable_table(pf_session):
    """A holiday added in the core store moves the due date; the shipped file does not."""
    assert rules.initial_visit_due(D(2017, 3, 1), service.calendar()) == D(2017, 3, 10)
    BankHoliday.create(date=D(2017, 3, 6), title="A local holiday")
    assert rules.initial_visit_due(D(2017, 3, 1), service.calendar()) == D(2017, 3, 13)
    BankHoliday.delete().where(BankHoliday.date == D(2016, 12, 27)).execute()
    assert rules.initial_visit_due(D(2016, 12, 22), service.calendar()) == D(2017, 1, 4)


# -- regulation 8 visits: 6 weeks in the first year, 12 after --------------------------------


@pytest.mark.parametrize(
    ("aware", "last", "expected", "why"),
    [
        (D(2016, 4, 1), None, D(2016, 5, 13), "no visit yet: 6 weeks after the authority knew"),
        (D(2016, 4, 1), D(2016, 4, 8), D(2016, 5, 20), "first: 6 weeks after the initial visit"),
        (D(2016, 4, 1), D(2017, 3, 31), D(2017, 5, 12), "the last day of the first year: 6"),
        (D(2016, 4, 1), D(2017, 4, 1), D(2017, 6, 24), "a year on: 12 weeks"),
        (D(2016, 4, 1), D(2018, 7, 1), D(2018, 9, 23), "third year: 12 weeks"),
        (D(2016, 2, 29), D(2017, 2, 27), D(2017, 4, 10), "leap-day start: year 1 to 28 Feb"),
        (D(2016, 2, 29), D(2017, 2, 28), D(2017, 5, 23), "leap-day start: 28 Feb is a year on"),
        (D(2016, 12, 1), D(2016, 12, 20), D(2017, 1, 31), "Christmas does not move weeks"),
    ],
)
def test_next_regulation_8_visit(aware, last, expected, why):
    assert rules.next_visit_due(aware, last) == expected, why


@pytest.mark.sqlcipher_only  # writes core as a practitioner, which the server refuses
def test_assessment_due_after_the_configured_days(pf_session):
    from hscb_desktop import settings as app_settings

    assert rules.assessment_due(D(2017, 2, 1)) == D(2017, 3, 15)
    assert service.assessment_days() == 42
    app_settings.put("pf_assessment_days", 28)
    assert service.assessment_days() == 28


def test_schedule_restarts_from_a_late_visit_and_stops_at_the_end():
    aware, initial = D(2016, 4, 1), D(2016, 4, 8)
    visits = [D(2016, 5, 20), D(2016, 7, 8), D(2016, 8, 25)]  # on time, 1 week late, on time
    assert rules.reg8_schedule(aware, initial, visits, D(2016, 9, 30)) == [
        (D(2016, 5, 20), D(2016, 5, 20)),
        (D(2016, 7, 1), D(2016, 7, 8)),
        (D(2016, 8, 19), D(2016, 8, 25)),
    ]
    # Missed: the one outstanding due is listed unanswered.
    assert rules.reg8_schedule(aware, initial, [], D(2016, 6, 30)) == [(D(2016, 5, 20), None)]
    assert rules.reg8_schedule(aware, initial, [], D(2016, 5, 19)) == []


# -- properties ------------------------------------------------------------------------------

DATES = st.dates(min_value=D(2012, 1, 1), max_value=D(2026, 12, 31))


@settings(max_examples=400, deadline=None)
@given(notified=DATES)
def test_property_working_day_due_dates_are_never_non_working_days(notified):
    due_date = rules.initial_visit_due(notified, CAL)
    assert CAL.is_working_day(due_date)
    assert due_date.weekday() < 5 and due_date not in CAL.holidays
    assert (due_date.month, due_date.day) != (12, 25)
    assert CAL.working_days_between(notified, due_date) == 7
    assert 7 <= (due_date - notified).days <= 7 + 2 * 2 + 6  # weekends and holidays only


@settings(max_examples=400, deadline=None)
@given(aware=DATES, gaps=st.lists(st.integers(min_value=0, max_value=200), max_size=12))
def test_property_intervals_never_exceed_the_regulations(aware, gaps):
    """Whatever the visit history, the next visit is due no more than 6 weeks after a visit
    in the first year and no more than 12 weeks after one made later, and never before it."""
    last = None
    when = aware
    for gap in gaps:
        when = when + dt.timedelta(days=gap)
        due_date = rules.next_visit_due(aware, when)
        interval = (due_date - when).days
        assert due_date > when
        first_year = when < rules.first_year_ends(aware)
        assert interval == (42 if first_year else 84)
        assert interval <= 84
        last = when
    due_date = rules.next_visit_due(aware, last)
    assert due_date <= (last or aware) + dt.timedelta(weeks=12)


@settings(max_examples=200, deadline=None)
@given(
    aware=DATES,
    visits=st.lists(st.integers(min_value=1, max_value=120), max_size=15),
    horizon=st.integers(min_value=0, max_value=1500),
)
def test_property_a_schedule_met_on_time_keeps_every_gap_within_the_limit(aware, visits, horizon):
    """Visits made on the day each falls due: consecutive statutory visits are never more
    than 6 weeks apart in the first year or 12 weeks later."""
    initial = aware + dt.timedelta(days=3)
    stop = aware + dt.timedelta(days=horizon)
    made, last = [], initial
    while True:
        nxt = rules.next_visit_due(aware, last)
        if nxt > stop:
            break
        made.append(nxt)
        last = nxt
    schedule = rules.reg8_schedule(aware, initial, made, stop)
    assert all(v == d for d, v in schedule)
    previous = initial
    for _, v in schedule:
        limit = 42 if previous < rules.first_year_ends(aware) else 84
        assert 0 < (v - previous).days <= limit
        previous = v


# -- the due list from the store -------------------------------------------------------------


def _open_arrangement(session, **over):
    nid = service.create_notification(session, notification(**over.pop("note", {})))
    return nid, service.record_arrangement(session, nid, arrangement(**over))


def test_due_list_items_and_order(pf_session):
    _, aid = _open_arrangement(pf_session)
    pending = service.create_notification(
        pf_session, notification(date_received=D(2017, 2, 24), child_name="Ola Pretend")
    )
    items = service.due_list(pf_session)
    by_kind = {(i.kind, i.arrangement_id): i for i in items}
    # Notified 1 Feb 2017: initial visit by 10 Feb (7 working days), assessment by 15 March.
    assert by_kind[("initial_visit", aid)].due == D(2017, 2, 10)
    assert by_kind[("initial_visit", aid)].overdue  # today is 1 March 2017
    assert by_kind[("assessment", aid)].due == D(2017, 3, 15)
    assert not by_kind[("assessment", aid)].overdue
    # No initial visit yet: the first regulation 8 visit runs from the day we knew.
    assert by_kind[("reg8_visit", aid)].due == D(2017, 3, 15)
    # A notification awaiting a decision still has its initial visit and assessment due.
    waiting = [i for i in items if i.notification_id == pending]
    assert {i.kind for i in waiting} == {"initial_visit", "assessment"}
    assert all(i.arrangement_id is None for i in waiting)
    assert waiting[0].due == D(2017, 3, 7) and waiting[0].child == "Ola Pretend"
    assert [i.due for i in items] == sorted(i.due for i in items)
    assert by_kind[("initial_visit", aid)].child_display == "Kit Example (PF-2017-0001)"


def test_visits_move_the_due_dates(pf_session):
    _, aid = _open_arrangement(pf_session)
    service.add_visit(pf_session, aid, visit(visit_date=D(2017, 2, 8)))
    record = service.get_arrangement(pf_session, aid)
    assert record["initial_visit_date"] == D(2017, 2, 8)  # filled in by the initial visit
    kinds = {i.kind: i for i in record["due"]}
    assert "initial_visit" not in kinds
    assert kinds["reg8_visit"].due == D(2017, 3, 22)  # 6 weeks after the initial visit
    service.add_visit(
        pf_session, aid, visit(visit_date=D(2017, 2, 27), visit_type="statutory_reg8")
    )
    # A requested extra visit does not restart the clock.
    service.add_visit(
        pf_session, aid, visit(visit_date=D(2017, 3, 1), visit_type="requested_extra")
    )
    kinds = {i.kind: i for i in service.due_list(pf_session)}
    assert kinds["reg8_visit"].due == D(2017, 4, 10)
    service.update_arrangement(
        pf_session, aid, {"assessment_completed_date": D(2017, 2, 28)}, expected_version=2
    )
    assert "assessment" not in {i.kind for i in service.due_list(pf_session)}


def test_overdue_when_the_clock_moves_past_the_due_date(pf_sign_in, clock):
    session = pf_sign_in()
    _, aid = _open_arrangement(
        session, assessment_completed_date=D(2017, 2, 20), initial_visit_date=D(2017, 2, 8)
    )
    reg8 = [i for i in service.due_list(session) if i.kind == "reg8_visit"]
    assert reg8[0].due == D(2017, 3, 22) and not reg8[0].overdue
    clock.set(dt.datetime(2017, 3, 22, 12, 0, tzinfo=dt.UTC))
    session = pf_sign_in()  # days later: a new session
    assert not next(i for i in service.due_list(session) if i.kind == "reg8_visit").overdue
    clock.set(dt.datetime(2017, 3, 23, 9, 0, tzinfo=dt.UTC))
    session = pf_sign_in()
    [item] = [i for i in service.due_list(session) if i.kind == "reg8_visit"]
    assert item.overdue and item.arrangement_id == aid
    # The visit, made late, clears it; the next one is 6 weeks on.
    service.add_visit(session, aid, visit(visit_date=D(2017, 3, 23), visit_type="statutory_reg8"))
    [item] = [i for i in service.due_list(session) if i.kind == "reg8_visit"]
    assert item.due == D(2017, 5, 4) and not item.overdue


def test_ended_and_refused_are_not_listed(pf_session):
    _, aid = _open_arrangement(pf_session)
    service.create_notification(
        pf_session, notification(progressed=False, not_progressed_reason="child_returned_home")
    )
    service.end_arrangement(
        pf_session,
        aid,
        end_date=D(2017, 2, 28),
        end_reason="returned_to_parent",
        expected_version=1,
    )
    assert service.due_list(pf_session) == []


def test_turning_16_is_flagged_on_the_due_list(pf_sign_in, clock):
    # 16 on 10 May 2017: within 12 weeks of 1 March, so listed now, overdue from 11 May.
    session = pf_sign_in()
    _, aid = _open_arrangement(session, note={"child_date_of_birth": D(2001, 5, 10)})
    [flag] = [i for i in service.due_list(session) if i.kind == "turns_16"]
    assert flag.due == D(2017, 5, 10) and not flag.overdue and flag.arrangement_id == aid
    assert "ceases to be private fostering" in flag.label
    clock.set(dt.datetime(2017, 5, 11, 9, 0, tzinfo=dt.UTC))
    [flag] = [i for i in service.due_list(pf_sign_in()) if i.kind == "turns_16"]
    assert flag.overdue


def test_disabled_child_is_flagged_at_18_not_16(pf_session):
    _open_arrangement(
        pf_session, note={"child_date_of_birth": D(1999, 4, 1), "child_disabled": True}
    )
    kinds = {i.kind: i for i in service.due_list(pf_session)}
    assert "turns_16" not in kinds and kinds["turns_18"].due == D(2017, 4, 1)


def test_far_birthdays_are_not_listed(pf_session):
    _open_arrangement(pf_session)  # born 2005: 16 in 2021
    assert not [i for i in service.due_list(pf_session) if i.kind.startswith("turns")]


def test_due_compute_matches_a_plain_python_walk(pf_session):
    """The aggregate query gives the same next visit as walking each arrangement's visits."""
    _, aid = _open_arrangement(pf_session)
    for when, kind in (
        (D(2017, 2, 8), "initial_statutory"),
        (D(2017, 2, 15), "assessment"),
        (D(2017, 2, 22), "unannounced"),
        (D(2017, 2, 24), "requested_extra"),
    ):
        service.add_visit(pf_session, aid, visit(visit_date=when, visit_type=kind))
    [item] = [
        i for i in due.compute(D(2017, 3, 1), arrangement_ids=[aid]) if i.kind == "reg8_visit"
    ]
    assert item.due == rules.next_visit_due(D(2017, 2, 1), D(2017, 2, 22))
