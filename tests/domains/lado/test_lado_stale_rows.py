"""A LADO meeting or action changed by someone else after a dialog loaded it is not
overwritten (domains.stale: these rows have no version column). On both engines; the
race of two saves of one row is run with both savers held after their check."""
from __future__ import annotations

import datetime as dt

import pytest
from lado_factories import consultation
from stale_race import one_landed, race

from hscb_desktop.core.validation import StaleVersion
from hscb_desktop.domains.lado import service
from hscb_desktop.storage import audit


def _a_meeting(session) -> tuple[int, int, dict]:
    cid = service.create_contact(session, consultation())
    mid = service.add_meeting(session, cid, {"meeting_type": "strategy_meeting",
                                             "meeting_date": dt.date(2017, 2, 3),
                                             "notes": "first notes"})
    [row] = service.get_contact(session, cid)["meetings"]
    return cid, mid, row


def _updates(mid: int) -> list:
    AuditEntry, _, _ = audit.models("lado")
    return [e for e in AuditEntry.select().order_by(AuditEntry.seq)
            if e.record_table == "lado_meeting" and e.record_id == str(mid)
            and e.action == "update"]


def test_a_meeting_changed_since_the_dialog_opened_is_not_overwritten(lado_session):
    cid, mid, loaded = _a_meeting(lado_session)
    service.update_meeting(lado_session, mid, {"notes": "a colleague's notes"})  # meanwhile
    with pytest.raises(StaleVersion, match="The meeting of 03/02/2017 was changed by someone "
                                           "else after you opened it"):
        service.update_meeting(lado_session, mid, {"notes": "mine"}, expected=loaded)
    [row] = service.get_contact(lado_session, cid)["meetings"]
    assert row["notes"] == "a colleague's notes" and len(_updates(mid)) == 1
    with pytest.raises(StaleVersion, match="so it was not deleted"):
        service.delete_meeting(lado_session, mid, expected=loaded)
    assert service.get_contact(lado_session, cid)["meetings"] == [row]


def test_an_unchanged_row_saves_even_when_the_dialog_holds_what_was_typed(lado_session):
    """The form keeps the typed values after a save (spaces and all): the comparison is
    with the values as stored, so the next edit is not refused by mistake."""
    cid, mid, loaded = _a_meeting(lado_session)
    typed = {"notes": "  police attended  ", "meeting_date": dt.date(2017, 2, 3)}
    service.update_meeting(lado_session, mid, typed, expected=loaded)
    service.update_meeting(lado_session, mid, {"notes": "and the school"},
                           expected={**loaded, **typed})
    aid = service.add_action(lado_session, cid, {"action_type": "suspension",
                                                 "action_date": dt.date(2017, 2, 3)})
    [action] = service.get_contact(lado_session, cid)["actions"]
    service.update_action(lado_session, aid, {"notes": "with pay"}, expected=action)
    service.delete_action(lado_session, aid, expected={**action, "notes": "with pay"})
    record = service.get_contact(lado_session, cid)
    assert record["actions"] == [] and record["meetings"][0]["notes"] == "and the school"


def test_a_deleted_row_is_said_to_be_gone(lado_session):
    _, mid, loaded = _a_meeting(lado_session)
    service.delete_meeting(lado_session, mid)
    with pytest.raises(service.RecordMissing, match="no longer exists"):
        service.update_meeting(lado_session, mid, {"notes": "mine"}, expected=loaded)


def test_two_saves_of_one_meeting_at_once_one_lands_the_other_is_refused(
        lado_session, engine, monkeypatch):
    """Both savers read the row and pass their check before either writes (held at a
    barrier). On a server the row lock makes the second wait and then see the first's
    notes (StaleVersion); on the embedded store SQLite refuses the writer whose snapshot
    is stale ("database is locked"). Either way one save lands and the other writes
    nothing; without the lock both would land on the server."""
    cid, mid, loaded = _a_meeting(lado_session)
    outcomes = race(monkeypatch, lambda notes: service.update_meeting(
        lado_session, mid, {"notes": notes}, expected=loaded), ("from A", "from B"))
    winner = one_landed(outcomes, engine)
    [row] = service.get_contact(lado_session, cid)["meetings"]
    assert row["notes"] == winner and len(_updates(mid)) == 1
