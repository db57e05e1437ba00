"""Issue 8: CDOP child death notifications from a tracker made with openpyxl (identity kept
apart by the service); and the module's extract -> import -> extract round trip."""

from __future__ import annotations

import datetime as dt

import pytest
from books import make_book

from hscb_desktop.core.clock import FakeClock
from hscb_desktop.domains.cdop import demo, service
from hscb_desktop.domains.cdop.models import ChildDeath, ChildIdentity
from hscb_desktop.importing import engine, extract, cdop, reader
from hscb_desktop.importing.mapping import ImportMapping, suggest_columns
from hscb_desktop.paths import data_paths
from hscb_desktop.security import auth, users
from hscb_desktop.storage import audit, stores
from hscb_desktop.storage.workspace import Workspace

HEADERS = ["CDOP Ref", "Date notified", "DOD", "Forename", "Surname ", "NHS No", "D.O.B",
           "Sex", "Expected?", "Coroner", "Summary", "Live born", "JAR"]


def rows():
    synthetic = demo.synthetic_nhs_numbers()
    one, two = next(synthetic), next(synthetic)
    return [
        ["C-1", "14/11/2016", "13/11/2016", "Kit", "Example", int(one), "13/02/2010", "M",
         "Unexpected", "Y", "Synthetic case", "Yes", "Yes"],
        None,
        ["C-2", 42700, dt.date(2016, 11, 24), "Ola ", "Demo", two, "2015-06-01", "Female",
         "expected", "No", "N/A", "Y", None],
        ["C-3", "15/11/2016", "14/11/2016", "kit", "EXAMPLE", one, "13/02/2010", "Male",
         "Unexpected", "-", None, "Yes", "No"],  # the same NHS number as C-1: a duplicate
    ]


@pytest.fixture
def coordinator(workspace, make_user):
    return auth.sign_in(workspace, "cd1", make_user("cd1", ["cdop_coordinator"]))


def test_notifications_import_once_with_identity_apart(tmp_path, coordinator):
    path = make_book(tmp_path / "cdop.xlsx", HEADERS, rows(), title="CDOP 2016-17")
    info = reader.inspect_sheet(path)
    samples = {h: [v[i] for _, v in info.preview] for i, h in enumerate(info.headers)}
    mapping = ImportMapping("cdop", columns=suggest_columns(info.headers, samples, cdop.FIELDS))
    assert mapping.columns["DOD"] == "date_of_death" and mapping.columns["Surname"] == \
        "family_name" and mapping.columns["NHS No"] == "nhs_number"
    plan = engine.prepare(path, None, mapping, cdop)
    assert plan.unresolved() == {}
    checked = engine.dry_run(coordinator, plan)
    assert (checked.to_create, checked.duplicates) == (2, 1)
    done = engine.commit(coordinator, plan, checked)
    assert len(done.created_ids) == 2
    first = ChildDeath.get(ChildDeath.cdop_ref == "C-1")
    identity = ChildIdentity.get(ChildIdentity.death == first.id)
    assert identity.nhs_number == rows()[0][5].__str__() and identity.family_name == "Example"
    assert first.expected_or_unexpected == "unexpected" and first.coroner_involved is True
    assert ChildDeath.get(ChildDeath.cdop_ref == "C-2").notification_date == dt.date(2016, 11, 26)
    entry = audit.entries_for("cdop", "cdop_child_death", first.id)[0]
    assert (entry.action, entry.reason) == ("import", "cdop.xlsx, sheet Referrals, row 4")
    assert engine.dry_run(coordinator, engine.prepare(path, None, mapping, cdop)).duplicates == 3


def test_cdop_extract_import_extract_is_identical(tmp_path):
    clock = FakeClock(dt.datetime(2017, 7, 1, 9, 0, tzinfo=dt.timezone.utc))
    _meetings, cases = demo.records(dt.date(2017, 7, 1))
    deaths = [{k: v for k, v in c.items() if k not in ("review", "reports")} for c in cases]

    def coordinator_in(root):
        ws = Workspace(data_paths(root), clock).acquire()
        auth.initialise(ws, "admin", "Board-Test-Passphrase-1")
        ws.close_stores()
        admin = auth.sign_in(ws, "admin", "Board-Test-Passphrase-1")
        users.add_user(admin, "cd1", ["cdop_coordinator"], password="Round-Trip-Pass-7")
        auth.sign_out(admin)
        return ws, auth.sign_in(ws, "cd1", "Round-Trip-Pass-7")

    ws, session = coordinator_in(tmp_path / "first")
    try:
        for death in deaths:
            service.create_death(session, death)
        first = extract.write_extract(session, cdop, tmp_path / "first.xlsx")
    finally:
        ws.close()
        stores.unbind_all()
    ws, session = coordinator_in(tmp_path / "second")
    try:
        info = reader.inspect_sheet(first, extract.SHEET)
        columns = suggest_columns(info.headers, {}, cdop.FIELDS)
        assert columns == {f.label: f.name for f in cdop.FIELDS}
        plan = engine.prepare(first, extract.SHEET, ImportMapping("cdop", columns=columns), cdop)
        checked = engine.dry_run(session, plan)
        assert checked.to_create == len(deaths) and checked.skipped == 0
        engine.commit(session, plan, checked)
        second = extract.write_extract(session, cdop, tmp_path / "second.xlsx")
        assert audit.verify("cdop").ok
    finally:
        ws.close()
        stores.unbind_all()
    assert extract.read_records(second) == extract.read_records(first)
    assert len(extract.read_records(first)) == len(deaths) + 1
