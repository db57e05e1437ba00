"""Issue 8 proof: a module's record-level extract, imported into an empty store and extracted
again, is identical (XLS-1/XLS-2: a formula-like text survives as text, both ways)."""

from __future__ import annotations

import datetime as dt
import zipfile

from hscb_desktop.core.clock import FakeClock
from hscb_desktop.domains.lado import demo, service
from hscb_desktop.importing import engine, extract, lado, reader
from hscb_desktop.importing.mapping import ImportMapping, suggest_columns
from hscb_desktop.paths import data_paths
from hscb_desktop.security import auth, users
from hscb_desktop.storage import audit, stores
from hscb_desktop.storage.workspace import Workspace

PASSWORD = "Round-Trip-Pass-7"


def _contacts(today: dt.date) -> list[dict]:
    chosen = [r for r in demo.records(today) if r["date_received"].year == 2016][:150]
    out = [{k: v for k, v in r.items() if k not in ("meetings", "actions")} for r in chosen]
    out[0]["allegation_details"] = '=HYPERLINK("http://example.invalid","x")'
    out[1]["lessons_learned"] = "-5 is text here, with trailing words"
    out[2].update(subject_sex="female", subject_ethnicity="WBRI", police_involved=True,
                  child_count=3, s47_enquiry=False, referrer_name="Pat Placeholder")
    return out


def _officer(root, clock):
    ws = Workspace(data_paths(root), clock).acquire()
    auth.initialise(ws, "admin", "Board-Test-Passphrase-1")
    ws.close_stores()
    admin = auth.sign_in(ws, "admin", "Board-Test-Passphrase-1")
    users.add_user(admin, "lado1", ["lado_officer"], password=PASSWORD)
    auth.sign_out(admin)
    return ws, auth.sign_in(ws, "lado1", PASSWORD)


def test_extract_import_extract_is_identical(tmp_path):
    clock = FakeClock(dt.datetime(2017, 7, 1, 9, 0, tzinfo=dt.timezone.utc))
    ws, session = _officer(tmp_path / "first", clock)
    try:
        service.bulk_create(session, _contacts(dt.date(2017, 7, 1)))
        first = extract.write_extract(session, lado, tmp_path / "first.xlsx")
    finally:
        ws.close()
        stores.unbind_all()
    # XLS-1: the formula-like text was written as a text cell, never as a formula.
    with zipfile.ZipFile(first) as z:
        assert all(b"<f>" not in z.read(n) for n in z.namelist() if n.startswith("xl/worksheets"))

    ws, session = _officer(tmp_path / "second", clock)
    try:
        info = reader.inspect_sheet(first, extract.SHEET)
        assert info.header_row == 1
        columns = suggest_columns(info.headers, {}, lado.FIELDS)
        assert columns == {f.label: f.name for f in lado.FIELDS}  # its own headers, exactly
        plan = engine.prepare(first, extract.SHEET, ImportMapping("lado", columns=columns), lado)
        assert plan.unresolved() == {}
        checked = engine.dry_run(session, plan)
        assert (checked.to_create, checked.skipped, checked.duplicates) == (150, 0, 0)
        done = engine.commit(session, plan, checked)
        assert len(done.created_ids) == 150
        second = extract.write_extract(session, lado, tmp_path / "second.xlsx")
        assert audit.verify("lado").ok
    finally:
        ws.close()
        stores.unbind_all()
    rows = extract.read_records(first)
    assert len(rows) == 151
    assert extract.read_records(second) == rows
    by_ref = {r[0]: r for r in rows[1:]}
    details = [f.label for f in lado.FIELDS].index("Allegation details")
    guarded = "'=HYPERLINK(\"http://example.invalid\",\"x\")"  # XLS-2 in the file
    assert any(r[details] == guarded for r in by_ref.values())
