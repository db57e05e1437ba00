"""A LADO meeting or action changed by someone else after a dialog loaded it is not
overwritten (domains.stale: these rows have no version column). On both engines; the
race of two saves of one row is run with both savers held after their check."""
from __future__ import annotations

import datetime as dt
import threading

import pytest
from lado_factories import consultation
from peewee import OperationalError

from hscb_desktop.core.validation import StaleVersion
from hscb_desktop.domains import stale
from hscb_desktop.domains.lado import service
from hscb_desktop.storage import audit, stores


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
    both_checked = threading.Barrier(2)
    check = stale.refuse_if_changed

    def held_after_the_check(*args, **kwargs):
        check(*args, **kwargs)
        try:
            both_checked.wait(3)  # a server's lock keeps the second saver out: time out
        except threading.BrokenBarrierError:
            pass

    monkeypatch.setattr(stale, "refuse_if_changed", held_after_the_check)
    outcomes: dict[str, object] = {}

    def saver(notes: str) -> None:
        try:
            service.update_meeting(lado_session, mid, {"notes": notes}, expected=loaded)
            outcomes[notes] = "saved"
        except (StaleVersion, OperationalError) as exc:
            outcomes[notes] = exc
        finally:
            stores.close_thread_connections()

    threads = [threading.Thread(target=saver, args=(n,)) for n in ("from A", "from B")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    monkeypatch.setattr(stale, "refuse_if_changed", check)
    winners = [n for n, got in outcomes.items() if got == "saved"]
    assert len(outcomes) == 2 and len(winners) == 1, outcomes
    [loser] = [got for got in outcomes.values() if got != "saved"]
    if engine == "postgres":
        assert isinstance(loser, StaleVersion)
    else:
        assert isinstance(loser, (StaleVersion, OperationalError))
    [row] = service.get_contact(lado_session, cid)["meetings"]
    assert row["notes"] == winners[0] and len(_updates(mid)) == 1
