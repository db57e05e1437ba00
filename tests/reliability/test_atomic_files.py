"""KP-1: every kind of file the app writes survives a failure after N bytes.

For N in {0, 1, 512, half, all but one} of the new file (KeePassXC's FailDevice, here a
full disk striking part-way through the temporary file), through the app's own code path
for each kind of file: an Excel return, a record-level extract, the CDOP panel pack (PDF),
a backup's manifest and keyring copy, the live keyring.json, a saved import mapping.
After each failure:

* the previous file is byte-identical (or, for a first write, there is no file);
* no file with the final name is partial, and no temporary file is left behind;
* the error reaches the caller as an ``OSError`` (ENOSPC) that names the file the user
  asked for. The GUI's handling of that error is in ``test_full_disk_gui.py``.
"""
from __future__ import annotations

import datetime as dt
import errno
import shutil
from types import SimpleNamespace

import pytest
from crash_records import lado_contact
from failing_writes import LIMITS, fail_after, leftovers, limit_for

from hscb_desktop.core.clock import FakeClock
from hscb_desktop.domains.lado import service as lado
from hscb_desktop.security import auth
from hscb_desktop.storage import audit
from hscb_desktop.storage.keyring import KeyringWriteFailed
from hscb_desktop.storage.workspace import Workspace


@pytest.fixture
def officer(workspace, make_user):
    session = auth.sign_in(workspace, "lado1", make_user("lado1", ["lado_officer"]))
    for i in range(6):
        lado.create_contact(session, lado_contact(i))
    return session


def _check_failure(info, state, target, previous: bytes | None, label: str, size: int) -> None:
    assert info.value.errno == errno.ENOSPC
    assert str(target) in str(info.value), str(info.value)  # names the user's file, not the temp
    if previous is None:
        assert not target.exists()
    else:
        assert target.read_bytes() == previous
    assert leftovers(target.parent) == []
    assert state.temp_names, "the write did not go through core.atomic"
    expected = limit_for(label, size)
    if expected >= size - 1:  # all but one (or 512 of a smaller file): the run's own size may
        assert abs(state.failed_at - (size - 1)) <= 16  # differ by a timestamp's few bytes
    else:
        assert state.failed_at == expected


def _exports(store: str) -> int:
    entry = audit.models(store)[0]
    return entry.select().where(entry.action == "export").count()


@pytest.mark.parametrize("label", LIMITS)
def test_kp1_return_workbook_failed_write_keeps_previous_file(officer, tmp_path, monkeypatch, label):
    """KP-1: an Excel return that fails after N bytes leaves the previous return byte-identical,
    no partial .xlsx, no temp file; the error names the file; no export is audited."""
    target = tmp_path / "LADO return.xlsx"
    lado.export_lado(officer, "2015-16", target)
    previous = target.read_bytes()
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    size = lado.export_lado(officer, "2016-17", scratch / target.name).stat().st_size
    exports = _exports("lado")

    state = fail_after(monkeypatch, limit_for(label, size), name=target.name)
    with pytest.raises(OSError) as info:
        lado.export_lado(officer, "2016-17", target)
    _check_failure(info, state, target, previous, label, size)
    assert _exports("lado") == exports  # a file that was not written is not logged as exported


@pytest.mark.parametrize("label", LIMITS)
def test_kp1_first_return_failed_write_leaves_no_file(officer, tmp_path, monkeypatch, label):
    """KP-1: with no earlier file, a failed write leaves nothing under the final name."""
    target = tmp_path / "new return.xlsx"
    size = lado.export_lado(officer, "2016-17", tmp_path / "measure.xlsx").stat().st_size
    state = fail_after(monkeypatch, limit_for(label, size), name=target.name)
    with pytest.raises(OSError) as info:
        lado.export_lado(officer, "2016-17", target)
    _check_failure(info, state, target, None, label, size)


@pytest.mark.parametrize("label", LIMITS)
def test_kp1_record_extract_failed_write_keeps_previous_file(officer, tmp_path, monkeypatch, label):
    """KP-1: the record-level extract (openpyxl write-only mode) fails cleanly part-way."""
    from hscb_desktop import importing
    from hscb_desktop.importing.extract import write_extract

    importer = importing.importer("lado")
    target = tmp_path / "LADO records.xlsx"
    write_extract(officer, importer, target)
    previous = target.read_bytes()
    lado.create_contact(officer, lado_contact(99))  # the next extract differs
    size = write_extract(officer, importer, tmp_path / "measure.xlsx").stat().st_size
    state = fail_after(monkeypatch, limit_for(label, size), name=target.name)
    with pytest.raises(OSError) as info:
        write_extract(officer, importer, target)
    _check_failure(info, state, target, previous, label, size)


@pytest.mark.parametrize("label", LIMITS)
def test_kp1_panel_pack_pdf_failed_write_keeps_previous_file(qapp, tmp_path, monkeypatch, label):
    """KP-1: the CDOP panel pack PDF is rendered in memory and written through core.atomic."""
    from hscb_desktop.gui.cdop_pack import write_pack_pdf

    def pack(ref: str) -> dict:
        return {"title": "CDOP panel pack", "meeting_date": dt.date(2017, 3, 9), "cases": [
            {"position": 1, "cdop_ref": ref, "sex": "Female", "reports": [], "review": None,
             "circumstances_summary": "Synthetic case for the KP-1 test."}]}

    target = tmp_path / "pack.pdf"
    write_pack_pdf(pack("CDOP-2017-001"), target)
    previous = target.read_bytes()
    size = write_pack_pdf(pack("CDOP-2017-002"), tmp_path / "measure.pdf").stat().st_size
    state = fail_after(monkeypatch, limit_for(label, size), name=target.name)
    with pytest.raises(OSError) as info:
        write_pack_pdf(pack("CDOP-2017-002"), target)
    _check_failure(info, state, target, previous, label, size)


@pytest.mark.parametrize("label", LIMITS)
def test_kp1_live_keyring_failed_write_keeps_previous_file(workspace, admin_password, tmp_path,
                                                           monkeypatch, label):
    """KP-1 / KP-4: keyring.json (wrapped keys, lockout counters) is rewritten on a failed
    sign-in; a failure part-way leaves the previous keyring byte-identical, and the right
    password still signs in afterwards."""
    target = workspace.paths.keyring
    previous = target.read_bytes()
    copy_root = tmp_path / "measure"
    shutil.copytree(workspace.paths.root, copy_root, ignore=shutil.ignore_patterns("*.lock"))
    from hscb_desktop.paths import data_paths

    probe = Workspace(data_paths(copy_root), FakeClock(workspace.clock.now()))
    with pytest.raises(auth.LoginFailed):
        auth.sign_in(probe, "admin", "wrong password")
    size = len(data_paths(copy_root).keyring.read_bytes())

    state = fail_after(monkeypatch, limit_for(label, size), name=target.name)
    with pytest.raises(KeyringWriteFailed) as failed:  # a StoreError: the login view shows it
        auth.sign_in(workspace, "admin", "wrong password")
    assert "the disk is full" in str(failed.value) and "unchanged" in str(failed.value)
    info = SimpleNamespace(value=failed.value.__cause__)
    _check_failure(info, state, target, previous, label, size)
    monkeypatch.undo()
    workspace.forget_keyring()  # what a restart would do: read the file on disk
    session = auth.sign_in(workspace, "admin", admin_password)
    auth.sign_out(session)


@pytest.mark.parametrize("name", ["manifest.json", "keyring.json"])
@pytest.mark.parametrize("label", LIMITS)
def test_kp1_backup_failed_write_leaves_no_partial_backup(workspace, admin_session, tmp_path,
                                                          monkeypatch, label, name):
    """KP-1 / DB-4: a backup whose manifest or keyring copy fails part-way raises, leaves
    earlier backups byte-identical and leaves no partial backup folder behind (no manifest
    under its final name, no store copies, no temp files)."""
    root = tmp_path / "backups"
    first = workspace.backup_all(root)
    before = {p.relative_to(root): p.read_bytes() for p in root.rglob("*") if p.is_file()}
    size = len((first / name).read_bytes())

    state = fail_after(monkeypatch, limit_for(label, size), name=name)
    with pytest.raises(OSError) as info:
        workspace.backup_all(root)
    assert info.value.errno == errno.ENOSPC and name in str(info.value)
    assert state.temp_names
    after = {p.relative_to(root): p.read_bytes() for p in root.rglob("*") if p.is_file()}
    assert after == before, "a failed backup changed or added files"
    assert [p for p in root.iterdir()] == [first]
    monkeypatch.undo()
    assert workspace.backup_all(root).joinpath("manifest.json").is_file()  # works again


@pytest.mark.parametrize("label", LIMITS)
def test_kp1_saved_import_mapping_failed_write_keeps_previous_file(tmp_path, monkeypatch, label):
    """KP-1: a saved import mapping (JSON beside the user's tracker) is written whole or not at all."""
    from hscb_desktop.importing.mapping import ImportMapping

    target = tmp_path / "tracker mapping.json"
    ImportMapping("lado", columns={"Date in": "date_received"}).save(target)
    previous = target.read_bytes()
    new = ImportMapping("lado", columns={"Date in": "date_received", "Employer": "employer_name",
                                         "Sector": "employment_sector"}, sheet="2016-17")
    size = len(new.to_json().encode("utf-8")) + 1
    state = fail_after(monkeypatch, limit_for(label, size), name=target.name)
    with pytest.raises(OSError) as info:
        new.save(target)
    _check_failure(info, state, target, previous, label, size)
