"""A CDOP agency report or panel meeting changed by someone else after a dialog loaded it
is not overwritten (domains.stale: these rows have no version column; RELIABILITY issue
11's known gap). On both engines; the race of two saves of one report is run with both
savers held after their check."""
from __future__ import annotations

import datetime as dt

import pytest
from cdop_factories import notification, report
from stale_race import one_landed, race

from hscb_desktop.core.validation import StaleVersion
from hscb_desktop.domains.cdop import service
from hscb_desktop.storage import audit


def _a_report(session) -> tuple[int, int, dict]:
    did = service.create_death(session, notification())
    rid = service.add_report(session, did, report(received_date=None))
    [row] = service.get_death(session, did)["reports"]
    return did, rid, row


def _a_meeting(session) -> tuple[int, dict]:
    mid = service.create_meeting(session, {"meeting_date": dt.date(2017, 2, 16),
                                           "quorate": True, "notes": "first notes"})
    return mid, service.get_meeting(session, mid)


def _entries(table: str, record_id: int, action: str) -> list:
    AuditEntry, _, _ = audit.models("cdop")
    return [e for e in AuditEntry.select().order_by(AuditEntry.seq)
            if e.record_table == table and e.record_id == str(record_id)
            and e.action == action]


def _reports(session, did: int) -> list[dict]:
    return service.get_death(session, did)["reports"]


# -- agency reports ---------------------------------------------------------------------------
def test_a_report_changed_since_the_dialog_opened_is_not_overwritten(cdop_session):
    """Issue 11: the second save of a report is refused, naming the report as the table
    does, and writes nothing (AUD-1: the audit holds only the other save); a delete from
    the stale row is refused too."""
    did, rid, loaded = _a_report(cdop_session)
    agency = service.agency_names()[loaded["agency_id"]]
    service.update_report(cdop_session, rid, {"received_date": dt.date(2017, 2, 1)})  # meanwhile
    with pytest.raises(StaleVersion, match=f"The report from {agency} on CDOP-2017-001 was "
                                           "changed by someone else after you opened it"):
        service.update_report(cdop_session, rid, {"narrative": "mine"}, expected=loaded)
    [row] = _reports(cdop_session, did)
    assert row["received_date"] == dt.date(2017, 2, 1)
    assert row["narrative"] == loaded["narrative"]
    assert len(_entries("cdop_agency_report", rid, "update")) == 1
    with pytest.raises(StaleVersion, match="so it was not deleted"):
        service.delete_report(cdop_session, rid, expected=loaded)
    assert _reports(cdop_session, did) == [row]
    assert _entries("cdop_agency_report", rid, "delete") == []


def test_a_report_whose_events_were_changed_meanwhile_is_refused(cdop_session):
    """The ticked events live in their own table and count as part of the report."""
    did, rid, loaded = _a_report(cdop_session)
    service.update_report(cdop_session, rid, {"events": ["other_accident"]})
    with pytest.raises(StaleVersion):
        service.update_report(cdop_session, rid, {"narrative": "mine"}, expected=loaded)
    assert _reports(cdop_session, did)[0]["events"] == ["other_accident"]


def test_an_unchanged_report_saves_even_when_the_dialog_holds_what_was_typed(cdop_session):
    """The dialog's copy may hold typed values (spaces, ISO date text, events in ticking
    order): the comparison is with the values as stored, so it is not refused by mistake."""
    did, rid, loaded = _a_report(cdop_session)
    typed = {"narrative": "  Seen by the GP.  ", "received_date": "2017-02-01",
             "events": ["other", "drowning"]}  # stored as the list orders them
    service.update_report(cdop_session, rid, typed, expected=loaded)
    service.update_report(cdop_session, rid, {"mode_of_death": "witnessed_event"},
                          expected={**loaded, **typed})
    [row] = _reports(cdop_session, did)
    assert (row["narrative"], row["received_date"], row["mode_of_death"], row["events"]) == (
        "Seen by the GP.", dt.date(2017, 2, 1), "witnessed_event", ["drowning", "other"])
    service.delete_report(cdop_session, rid, expected={**row, "narrative": "Seen by the GP. "})
    assert _reports(cdop_session, did) == []


def test_a_deleted_report_is_said_to_be_gone(cdop_session):
    _, rid, loaded = _a_report(cdop_session)
    service.delete_report(cdop_session, rid)
    with pytest.raises(service.RecordMissing, match="no longer exists"):
        service.update_report(cdop_session, rid, {"narrative": "mine"}, expected=loaded)
    with pytest.raises(service.RecordMissing, match="no longer exists"):
        service.delete_report(cdop_session, rid, expected=loaded)


def test_callers_that_do_not_ask_keep_the_old_behaviour(cdop_session):
    """``expected`` is optional: without it the last save wins, as before."""
    did, rid, _ = _a_report(cdop_session)
    service.update_report(cdop_session, rid, {"narrative": "one"})
    service.update_report(cdop_session, rid, {"narrative": "two"})
    assert _reports(cdop_session, did)[0]["narrative"] == "two"
    mid, _ = _a_meeting(cdop_session)
    service.update_meeting(cdop_session, mid, {"notes": "one"})
    service.update_meeting(cdop_session, mid, {"notes": "two"})
    assert service.get_meeting(cdop_session, mid)["notes"] == "two"


def test_two_saves_of_one_report_at_once_one_lands_the_other_is_refused(
        cdop_session, engine, monkeypatch):
    """Both savers read the report and pass their check before either writes (held at a
    barrier). On a server the row lock makes the second wait and then see the first's
    narrative (StaleVersion); on the embedded store SQLite refuses the writer whose
    snapshot is stale. Either way one save lands and the other writes nothing."""
    did, rid, loaded = _a_report(cdop_session)
    outcomes = race(monkeypatch, lambda narrative: service.update_report(
        cdop_session, rid, {"narrative": narrative}, expected=loaded), ("from A", "from B"))
    winner = one_landed(outcomes, engine)
    [row] = _reports(cdop_session, did)
    assert row["narrative"] == winner
    assert len(_entries("cdop_agency_report", rid, "update")) == 1


# -- panel meetings ---------------------------------------------------------------------------
def test_a_meeting_changed_since_the_form_opened_is_not_overwritten(cdop_session):
    mid, loaded = _a_meeting(cdop_session)
    service.update_meeting(cdop_session, mid, {"quorate": False})  # meanwhile
    with pytest.raises(StaleVersion, match="The panel meeting of 16/02/2017 was changed by "
                                           "someone else after you opened it"):
        service.update_meeting(cdop_session, mid, {"notes": "mine"}, expected=loaded)
    now = service.get_meeting(cdop_session, mid)
    assert (now["quorate"], now["notes"]) == (False, "first notes")
    assert len(_entries("cdop_panel_meeting", mid, "update")) == 1
    with pytest.raises(StaleVersion, match="so it was not deleted"):
        service.delete_meeting(cdop_session, mid, expected=loaded)
    assert service.get_meeting(cdop_session, mid) == now


def test_an_unchanged_meeting_saves_even_when_the_form_holds_what_was_typed(cdop_session):
    """The form keeps its typing after a save; its agenda and id are not compared."""
    mid, loaded = _a_meeting(cdop_session)
    typed = {"meeting_date": dt.date(2017, 2, 16), "quorate": True, "notes": " agreed  "}
    service.update_meeting(cdop_session, mid, typed, expected=loaded)
    service.update_meeting(cdop_session, mid, {"quorate": False},
                           expected={**loaded, **typed, "agenda": ["not compared"]})
    now = service.get_meeting(cdop_session, mid)
    assert (now["notes"], now["quorate"]) == ("agreed", False)
    service.delete_meeting(cdop_session, mid, expected={**now, "notes": "agreed "})
    with pytest.raises(service.RecordMissing, match="no longer exists"):
        service.update_meeting(cdop_session, mid, {"notes": "mine"}, expected=now)
