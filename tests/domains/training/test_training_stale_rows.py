"""A training booking, a run's count sheet or a course changed by someone else after a
screen loaded it is not overwritten (domains.stale: these rows have no version column;
issue 11). On both engines; the race of two saves of one booking is run with both savers
held after their check."""
from __future__ import annotations

import datetime as dt

import pytest
from stale_race import one_landed, race
from training_factories import agency_ids

from hscb_desktop.core.validation import StaleVersion
from hscb_desktop.domains.training import service
from hscb_desktop.storage import audit

DAY = dt.date(2016, 10, 3)


def _entries(table: str, record_id: int, action: str) -> list:
    AuditEntry, _, _ = audit.models("board")
    return [e for e in AuditEntry.select().order_by(AuditEntry.seq)
            if e.record_table == table and e.record_id == str(record_id)
            and e.action == action]


@pytest.fixture
def course(bu_session) -> int:
    return service.create_course(bu_session, {"title": "The Toxic Trio", "format": "full_day",
                                              "theme": "Neglect"})


@pytest.fixture
def run(bu_session, course) -> int:
    return service.create_run(bu_session, {"course_id": course, "run_date": DAY,
                                           "venue": "County Hall", "capacity": 10})


@pytest.fixture
def ids(bu_session) -> dict[str, int]:
    return agency_ids(bu_session)


def _a_booking(session, run: int, ids) -> tuple[int, dict]:
    bid = service.add_booking(session, run, {"agency_id": ids["School"], "status": "attended",
                                             "delegate_name": "Chris Example"})
    [row] = service.run_sheet(session, run)["bookings"]
    return bid, row


# -- bookings ---------------------------------------------------------------------


def test_a_booking_changed_since_it_was_loaded_is_not_overwritten(bu_session, run, ids):
    """Issue 11: the second save is refused, names the delegate and agency, writes
    nothing; removing the delegate from the stale copy is refused too."""
    bid, loaded = _a_booking(bu_session, run, ids)
    service.update_booking(bu_session, bid, {"status": "no_show"})  # meanwhile
    with pytest.raises(StaleVersion, match=r"The booking of Chris Example \(School\) was "
                                           "changed by someone else after you opened it"):
        service.update_booking(bu_session, bid, {"job_role": "Teacher"}, expected=loaded)
    [row] = service.run_sheet(bu_session, run)["bookings"]
    assert (row["status"], row["job_role"]) == ("no_show", None)
    assert len(_entries("training_booking", bid, "update")) == 1
    with pytest.raises(StaleVersion, match="so it was not deleted"):
        service.delete_booking(bu_session, bid, expected=loaded)
    assert service.run_sheet(bu_session, run)["bookings"] == [row]
    assert _entries("training_booking", bid, "delete") == []


def test_an_unchanged_booking_saves_even_when_the_copy_holds_what_was_typed(
        bu_session, run, ids):
    """The comparison is with the values as stored: the entry row's typed text (spaces,
    a blank job role as "") does not cause a false refusal (issue 11)."""
    bid, loaded = _a_booking(bu_session, run, ids)
    typed = {"delegate_name": "  Chris Example ", "job_role": "", "agency_id": str(ids["School"])}
    service.update_booking(bu_session, bid, {"status": "no_show"}, expected={**loaded, **typed})
    [row] = service.run_sheet(bu_session, run)["bookings"]
    service.delete_booking(bu_session, bid, expected=row)
    assert service.run_sheet(bu_session, run)["bookings"] == []
    assert len(_entries("training_booking", bid, "update")) == 1
    assert len(_entries("training_booking", bid, "delete")) == 1


def test_a_deleted_booking_is_said_to_be_gone(bu_session, run, ids):
    bid, loaded = _a_booking(bu_session, run, ids)
    service.delete_booking(bu_session, bid)
    with pytest.raises(service.S.RecordMissing, match="no longer exists"):
        service.update_booking(bu_session, bid, {"status": "no_show"}, expected=loaded)
    with pytest.raises(service.S.RecordMissing, match="no longer exists"):
        service.delete_booking(bu_session, bid, expected=loaded)


def test_two_saves_of_one_booking_at_once_one_lands_the_other_is_refused(
        bu_session, run, ids, engine, monkeypatch):
    """Both savers read the booking and pass their check before either writes. On a
    server the row lock makes the second wait and then see the first's job role; on the
    embedded store SQLite refuses the writer whose snapshot is stale. Either way one save
    lands and the other writes nothing (without the lock both land on the server)."""
    bid, loaded = _a_booking(bu_session, run, ids)
    outcomes = race(monkeypatch, lambda job: service.update_booking(
        bu_session, bid, {"job_role": job}, expected=loaded), ("Teacher", "Nurse"))
    winner = one_landed(outcomes, engine)
    [row] = service.run_sheet(bu_session, run)["bookings"]
    assert row["job_role"] == winner
    assert len(_entries("training_booking", bid, "update")) == 1


def test_two_saves_of_one_count_sheet_at_once_one_lands_the_other_is_refused(
        bu_session, run, ids, engine, monkeypatch):
    """The run's row is locked for a counts save: two sheets saved at once, one lands."""
    school = ids["School"]
    service.set_counts(bu_session, run, [{"agency_id": school, "attended_count": 4}])
    loaded = service.run_sheet(bu_session, run)["counts"]
    outcomes = race(monkeypatch, lambda n: service.set_counts(
        bu_session, run, [{"agency_id": school, "attended_count": int(n)}], expected=loaded),
        ("5", "6"))
    winner = one_landed(outcomes, engine)
    [row] = service.run_sheet(bu_session, run)["counts"]
    assert row["attended_count"] == int(winner)
    assert len(_entries("training_aggregate", run, "update")) == 1


# -- a run's counts per agency ----------------------------------------------------


def test_counts_changed_since_the_sheet_loaded_are_not_overwritten(bu_session, run, ids):
    """The counts sheet replaces the run's counts in one save: saved over a colleague's
    counts from a stale copy, it is refused and the colleague's counts stay."""
    school, police = ids["School"], ids["Herts Constabulary"]
    service.set_counts(bu_session, run, [{"agency_id": school, "attended_count": 4}])
    loaded = service.run_sheet(bu_session, run)["counts"]
    service.set_counts(bu_session, run, [{"agency_id": school, "attended_count": 5}])  # meanwhile
    with pytest.raises(StaleVersion, match="The count sheet of the run of 03/10/2016 was "
                                           "changed by someone else after you opened it"):
        service.set_counts(bu_session, run, [{"agency_id": school, "attended_count": 4},
                                             {"agency_id": police, "attended_count": 2}],
                           expected=loaded)
    [row] = service.run_sheet(bu_session, run)["counts"]
    assert (row["agency_id"], row["attended_count"]) == (school, 5)
    assert len(_entries("training_aggregate", run, "update")) == 1


def test_unchanged_counts_save_from_the_rows_the_sheet_holds(bu_session, run, ids):
    """The sheet's own rows (zeros, text numbers, another agency order) compare as stored:
    after a save, its rows are the copy for the next save, which is not refused."""
    school, police = ids["School"], ids["Herts Constabulary"]
    first = [{"agency_id": police, "attended_count": "2", "booked_count": 0},
             {"agency_id": school, "attended_count": 4}, {"agency_id": ids["HSCB"]}]
    service.set_counts(bu_session, run, first, expected=[])
    service.set_counts(bu_session, run, {school: {"attended_count": 6}}, expected=first)
    [row] = service.run_sheet(bu_session, run)["counts"]
    assert (row["agency_id"], row["attended_count"]) == (school, 6)
    assert len(_entries("training_aggregate", run, "update")) == 1


# -- courses (no version column) ---------------------------------------------------


def test_a_course_changed_since_its_dialog_opened_is_not_overwritten(bu_session, course):
    loaded = service.get_course(bu_session, course)
    service.update_course(bu_session, course, {"theme": "Domestic abuse"})  # meanwhile
    with pytest.raises(StaleVersion, match='The course "The Toxic Trio" was changed by '
                                           "someone else after you opened it"):
        service.update_course(bu_session, course, {"sort_order": 3}, expected=loaded)
    saved = service.get_course(bu_session, course)
    assert (saved["theme"], saved["sort_order"]) == ("Domestic abuse", 0)
    typed = {**saved, "title": " The Toxic Trio ", "theme": "Domestic abuse ", "sort_order": "0"}
    service.update_course(bu_session, course, {"sort_order": 3}, expected=typed)
    assert service.get_course(bu_session, course)["sort_order"] == 3
    assert len(_entries("training_course", course, "update")) == 2
