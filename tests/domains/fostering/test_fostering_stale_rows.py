"""A private fostering visit changed by someone else after a dialog loaded it is not
overwritten (domains.stale: visits have no version column). On both engines; the race of
two saves of one visit is run with both savers held after their check."""
from __future__ import annotations

import datetime as dt

import pytest
from pf_factories import arrangement, notification, visit
from stale_race import one_landed, race

from hscb_desktop.core.validation import StaleVersion
from hscb_desktop.domains.fostering import service
from hscb_desktop.storage import audit


def _a_visit(session) -> tuple[int, int, dict]:
    nid = service.create_notification(session, notification())
    aid = service.record_arrangement(session, nid, arrangement())
    vid = service.add_visit(session, aid, visit(visit_date=dt.date(2017, 2, 3),
                                                notes="first notes"))
    [row] = service.get_arrangement(session, aid)["visits"]
    return aid, vid, row


def _visits(session, aid: int) -> list[dict]:
    return service.get_arrangement(session, aid)["visits"]


def _audited(vid: int, action: str) -> list:
    AuditEntry, _, _ = audit.models("fostering")
    return [e for e in AuditEntry.select().order_by(AuditEntry.seq)
            if e.record_table == "pf_visit" and e.record_id == str(vid)
            and e.action == action]


def test_a_visit_changed_since_the_dialog_opened_is_not_overwritten(pf_session):
    aid, vid, loaded = _a_visit(pf_session)
    service.update_visit(pf_session, vid, {"notes": "a colleague's notes"})  # meanwhile
    with pytest.raises(StaleVersion, match="The visit of 03/02/2017 was changed by someone "
                                           "else after you opened it. What you typed"):
        service.update_visit(pf_session, vid, {"notes": "mine"}, expected=loaded)
    [row] = _visits(pf_session, aid)
    assert row["notes"] == "a colleague's notes" and len(_audited(vid, "update")) == 1
    with pytest.raises(StaleVersion, match="The visit of 03/02/2017 .* so it was not deleted"):
        service.delete_visit(pf_session, vid, expected=loaded)
    assert _visits(pf_session, aid) == [row] and _audited(vid, "delete") == []


def test_a_change_to_any_field_the_dialog_shows_is_noticed(pf_session):
    """Not only the notes: whichever of the dialog's fields someone else changed."""
    aid, vid, loaded = _a_visit(pf_session)
    for field, value in (("child_seen_alone", False),
                         ("report_written_date", dt.date(2017, 2, 6)),
                         ("visitor", "Another worker")):
        service.update_visit(pf_session, vid, {field: value})
        with pytest.raises(StaleVersion):
            service.update_visit(pf_session, vid, {"notes": "mine"}, expected=loaded)
        loaded = _visits(pf_session, aid)[0]  # the dialog opened again
    assert loaded["notes"] == "first notes" and loaded["visitor"] == "Another worker"


def test_an_unchanged_visit_saves_even_when_the_dialog_holds_what_was_typed(pf_session):
    """The dialog hands over what was typed (spaces, empty boxes as ""): the comparison is
    with the values as a save stores them, so an unchanged visit is not refused."""
    aid, vid, loaded = _a_visit(pf_session)
    typed = {**loaded, "visitor": "  PF worker  ", "notes": " first notes ",
             "report_written_date": None}
    service.update_visit(pf_session, vid, {"notes": "  after school  "}, expected=typed)
    [row] = _visits(pf_session, aid)
    assert row["notes"] == "after school"
    service.update_visit(pf_session, vid, {"visitor": "Second worker"},
                         expected={**row, "notes": "  after school  "})
    service.delete_visit(pf_session, vid, expected={**row, "visitor": "Second worker"})
    assert _visits(pf_session, aid) == [] and len(_audited(vid, "delete")) == 1


def test_callers_that_do_not_say_what_they_loaded_are_not_checked(pf_session):
    aid, vid, _ = _a_visit(pf_session)
    service.update_visit(pf_session, vid, {"notes": "one"})
    service.update_visit(pf_session, vid, {"notes": "two"})
    assert _visits(pf_session, aid)[0]["notes"] == "two"
    service.delete_visit(pf_session, vid)
    assert _visits(pf_session, aid) == []


def test_a_deleted_visit_is_said_to_be_gone(pf_session):
    _, vid, loaded = _a_visit(pf_session)
    service.delete_visit(pf_session, vid)
    with pytest.raises(service.RecordMissing, match="no longer exists"):
        service.update_visit(pf_session, vid, {"notes": "mine"}, expected=loaded)
    with pytest.raises(service.RecordMissing, match="no longer exists"):
        service.delete_visit(pf_session, vid, expected=loaded)


def test_two_saves_of_one_visit_at_once_one_lands_the_other_is_refused(
        pf_session, engine, monkeypatch):
    """Both savers read the visit and pass their check before either writes (held at a
    barrier). On a server the row lock makes the second wait and then see the first's
    notes (StaleVersion); on the embedded store SQLite refuses the writer whose snapshot
    is stale ("database is locked"). Either way one save lands and the other writes
    nothing; without the lock both would land on the server."""
    aid, vid, loaded = _a_visit(pf_session)
    outcomes = race(monkeypatch, lambda notes: service.update_visit(
        pf_session, vid, {"notes": notes}, expected=loaded), ("from A", "from B"))
    winner = one_landed(outcomes, engine)
    [row] = _visits(pf_session, aid)
    assert row["notes"] == winner and len(_audited(vid, "update")) == 1
