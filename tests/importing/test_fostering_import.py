"""Issue 8: private fostering notifications (with child, carer and arrangement) from a
tracker made with openpyxl; and the module's extract -> import -> extract round trip."""

from __future__ import annotations

import datetime as dt

import pytest
from books import make_book

from hscb_desktop.core.clock import FakeClock
from hscb_desktop.domains.fostering import demo, service
from hscb_desktop.domains.fostering.models import PfArrangement, PfChild, PfNotification
from hscb_desktop.importing import engine, extract, fostering, reader
from hscb_desktop.importing.mapping import ImportMapping, suggest_columns
from hscb_desktop.paths import data_paths
from hscb_desktop.security import auth, users
from hscb_desktop.storage import audit, stores
from hscb_desktop.storage.workspace import Workspace

HEADERS = ["PF ref", "Date notified", "Notified by", "Notification type", "Child's name ",
           "DOB", "Carer", "Start date", "Relationship", "Reasons"]


def rows():
    return [
        ["PF-1", "14/11/2016", "Parent", "Advance", "Kit Example", "13/03/2005", "Jo Sample",
         "20/12/2016", "Family friend", "Education"],
        None,
        ["PF-2", 42700, "Social worker", "Emergency", "Ola Demo ", dt.date(2003, 6, 1),
         "Pat Fictional", "25/11/2016", "Friend", "Illness"],
        ["PF-3", "2016-11-30", "Parent", "Advance", "Mei Madeup", "-", "Ash Testwell",
         "01 Dec 2016", "Aunt", None],
    ]


@pytest.fixture
def worker(workspace, make_user):
    return auth.sign_in(workspace, "pf1", make_user("pf1", ["fostering_worker"]))


def mapping_for(path) -> ImportMapping:
    info = reader.inspect_sheet(path)
    samples = {h: [v[i] for _, v in info.preview] for i, h in enumerate(info.headers)}
    return ImportMapping("fostering",
                         columns=suggest_columns(info.headers, samples, fostering.FIELDS))


def test_notifications_with_arrangements_import_once(tmp_path, worker):
    path = make_book(tmp_path / "pf.xlsx", HEADERS, rows(), title="Private fostering 2016-17")
    mapping = mapping_for(path)
    assert mapping.columns["Child's name"] == "child_name"
    assert mapping.columns["Start date"] == "arrangement_start_date"
    assert mapping.columns["Relationship"] == "arrangement_carer_relationship"
    plan = engine.prepare(path, None, mapping, fostering)
    unresolved = plan.unresolved()
    for name, found in unresolved.items():  # the user maps what was not recognised
        f = plan.fields[name]
        plan.mapping.values[name] = {v: f.code_list.codes[0] for v in found}
    checked = engine.dry_run(worker, plan)
    problems = {(i.row, i.field): i.problem for i in checked.issues if i.kind == "error"}
    # An aunt is a close relative: not private fostering (the domain's own rule 3).
    assert (7, "Carer's relationship to the child") in problems
    assert (checked.to_create, checked.skipped) == (2, 1)
    done = engine.commit(worker, plan, checked)
    assert len(done.created_ids) == 2
    first = PfNotification.get(PfNotification.ref == "PF-1")
    assert first.date_received == dt.date(2016, 11, 14)
    assert PfChild.get_by_id(first.child_id).date_of_birth == dt.date(2005, 3, 13)
    assert PfArrangement.get(PfArrangement.notification == first.id).start_date == \
        dt.date(2016, 12, 20)
    second = PfNotification.get(PfNotification.ref == "PF-2")
    assert second.date_received == dt.date(2016, 11, 26)  # serial 42700
    entry = audit.entries_for("fostering", "pf_notification", first.id)[0]
    assert (entry.action, entry.reason) == ("import", "pf.xlsx, sheet Referrals, row 4")
    again = engine.prepare(path, None, plan.mapping, fostering)
    assert engine.dry_run(worker, again).duplicates == 2
    assert PfNotification.select().count() == 2


PASSWORD = "Round-Trip-Pass-7"


def _worker(root, clock):
    ws = Workspace(data_paths(root), clock).acquire()
    auth.initialise(ws, "admin", "Board-Test-Passphrase-1")
    ws.close_stores()
    admin = auth.sign_in(ws, "admin", "Board-Test-Passphrase-1")
    users.add_user(admin, "pf1", ["fostering_worker"], password=PASSWORD)
    auth.sign_out(admin)
    return ws, auth.sign_in(ws, "pf1", PASSWORD)


def test_fostering_extract_import_extract_is_identical(tmp_path):
    clock = FakeClock(dt.datetime(2017, 3, 1, 9, 0, tzinfo=dt.timezone.utc))
    notes, _enquiries = demo.records(dt.date(2017, 3, 1))
    notes = [{k: v for k, v in n.items() if k != "enquiry"} for n in notes]
    for n in notes:
        if n.get("arrangement"):
            n["arrangement"] = {k: v for k, v in n["arrangement"].items() if k != "visits"}
    ws, session = _worker(tmp_path / "first", clock)
    try:
        service.bulk_create(session, notes)
        first = extract.write_extract(session, fostering, tmp_path / "first.xlsx")
    finally:
        ws.close()
        stores.unbind_all()
    ws, session = _worker(tmp_path / "second", clock)
    try:
        info = reader.inspect_sheet(first, extract.SHEET)
        columns = suggest_columns(info.headers, {}, fostering.FIELDS)
        assert columns == {f.label: f.name for f in fostering.FIELDS}
        plan = engine.prepare(first, extract.SHEET, ImportMapping("fostering", columns=columns),
                              fostering)
        checked = engine.dry_run(session, plan)
        assert [i for i in checked.issues if i.kind != "warning"] == []
        assert checked.to_create == len(notes)
        engine.commit(session, plan, checked)
        second = extract.write_extract(session, fostering, tmp_path / "second.xlsx")
        assert audit.verify("fostering").ok
    finally:
        ws.close()
        stores.unbind_all()
    assert extract.read_records(second) == extract.read_records(first)
    assert len(extract.read_records(first)) == len(notes) + 1
