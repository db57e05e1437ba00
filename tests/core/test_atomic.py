import errno
import os
import stat
import sys
import tempfile

import pytest

from hscb_desktop.core import atomic
from hscb_desktop.core.atomic import atomic_write_bytes, atomic_write_text, atomic_writer

OLD = b"previous contents\n" * 50
NEW = bytes(range(256)) * 8  # 2048 bytes, none of them newlines-only, so text mangling would show


class Boom(Exception):
    """Stands in for any failure on the write path."""


def _fail_after(monkeypatch, limit: int, exc_factory):
    """KeePassXC FailDevice: the temp file accepts ``limit`` bytes, then the write fails."""
    real = tempfile.NamedTemporaryFile

    def factory(*args, **kwargs):
        handle = real(*args, **kwargs)
        real_write = handle.file.write
        written = [0]

        def write(data):
            room = limit - written[0]
            if len(data) <= room:
                written[0] += len(data)
                return real_write(data)
            real_write(data[:room])
            written[0] = limit
            handle.file.flush()  # the partial bytes really reach the temp file
            raise exc_factory()

        handle.write = write
        return handle

    monkeypatch.setattr(atomic.tempfile, "NamedTemporaryFile", factory)


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name != "report.xlsx")


@pytest.mark.parametrize("limit", [0, 1, 512, len(NEW) // 2, len(NEW) - 1])
@pytest.mark.parametrize("make_exc", [Boom, lambda: OSError(errno.EIO, "Input/output error")])
def test_failed_write_leaves_previous_file_intact(tmp_path, monkeypatch, limit, make_exc):
    target = tmp_path / "report.xlsx"
    target.write_bytes(OLD)
    _fail_after(monkeypatch, limit, make_exc)
    with pytest.raises((Boom, OSError)):
        atomic_write_bytes(target, NEW)
    assert target.read_bytes() == OLD
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("limit", [0, 1, 512, len(NEW) // 2, len(NEW) - 1])
def test_failed_first_write_leaves_no_file(tmp_path, monkeypatch, limit):
    target = tmp_path / "report.xlsx"
    _fail_after(monkeypatch, limit, Boom)
    with pytest.raises(Boom):
        atomic_write_bytes(target, NEW)
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_disk_full_keeps_errno_and_names_the_path(tmp_path, monkeypatch):
    target = tmp_path / "report.xlsx"
    target.write_bytes(OLD)
    _fail_after(monkeypatch, 512, lambda: OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))
    with pytest.raises(OSError) as info:
        atomic_write_bytes(target, NEW)
    assert info.value.errno == errno.ENOSPC
    assert str(target) in str(info.value)
    assert target.read_bytes() == OLD
    assert _leftovers(tmp_path) == []


def test_bare_oserror_message_gains_the_path(tmp_path, monkeypatch):
    target = tmp_path / "report.xlsx"
    _fail_after(monkeypatch, 0, lambda: OSError("device went away"))
    with pytest.raises(OSError, match="device went away") as info:
        atomic_write_bytes(target, NEW)
    assert str(target) in str(info.value)


def test_fsync_failure(tmp_path, monkeypatch):
    target = tmp_path / "report.xlsx"
    target.write_bytes(OLD)

    def fsync(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    with pytest.raises(OSError) as info:
        atomic_write_bytes(target, NEW)
    assert info.value.errno == errno.ENOSPC and str(target) in str(info.value)
    assert target.read_bytes() == OLD
    assert _leftovers(tmp_path) == []


def test_replace_failure_names_target_not_temp(tmp_path, monkeypatch):
    target = tmp_path / "report.xlsx"
    target.write_bytes(OLD)

    def replace(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied", src, dst)

    monkeypatch.setattr(atomic.os, "replace", replace)
    with pytest.raises(PermissionError) as info:
        atomic_write_bytes(target, NEW)
    message = str(info.value)
    assert str(target) in message and ".tmp" not in message
    assert target.read_bytes() == OLD
    assert _leftovers(tmp_path) == []


def test_exception_inside_with_block_discards_everything(tmp_path):
    target = tmp_path / "report.xlsx"
    target.write_bytes(OLD)
    with pytest.raises(Boom) as info:
        with atomic_writer(target) as handle:
            handle.write(NEW)
            raise Boom()
    assert any(str(target) in note for note in getattr(info.value, "__notes__", []))
    assert target.read_bytes() == OLD
    assert _leftovers(tmp_path) == []


def test_unrelated_oserror_inside_block_keeps_its_filename(tmp_path):
    target = tmp_path / "report.xlsx"
    with pytest.raises(FileNotFoundError) as info:
        with atomic_writer(target) as handle:
            handle.write(b"x")
            open(tmp_path / "missing-template.xlsx", "rb")
    assert "missing-template.xlsx" in str(info.value)
    assert list(tmp_path.iterdir()) == []


def test_successful_writes(tmp_path):
    target = tmp_path / "report.xlsx"
    atomic_write_bytes(target, NEW)
    assert target.read_bytes() == NEW
    atomic_write_bytes(target, OLD)
    assert target.read_bytes() == OLD
    settings = tmp_path / "settings.ini"
    atomic_write_text(settings, "a = £1\nb = 2\n")
    assert settings.read_bytes() == "a = £1\nb = 2\n".encode("utf-8")  # no newline translation
    atomic_write_text(settings, "x\n", encoding="utf-16")
    assert settings.read_text(encoding="utf-16") == "x\n"
    with atomic_writer(tmp_path / "out.csv", "w") as handle:
        handle.write("a,b\r\n")
    assert (tmp_path / "out.csv").read_bytes() == b"a,b\r\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv", "report.xlsx", "settings.ini"]


def test_rejects_append_and_read_modes(tmp_path):
    for mode in ("ab", "a", "r", "rb+"):
        with pytest.raises(ValueError, match="mode"):
            with atomic_writer(tmp_path / "x", mode):
                pass
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_error_names_the_path(tmp_path):
    target = tmp_path / "no-such-folder" / "report.xlsx"
    with pytest.raises(FileNotFoundError) as info:
        atomic_write_bytes(target, NEW)
    assert str(target) in str(info.value)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_new_files_are_owner_only_and_existing_modes_kept(tmp_path):
    fresh = tmp_path / "keyring.json"
    atomic_write_bytes(fresh, b"{}")
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o600
    shared = tmp_path / "export.xlsx"
    shared.write_bytes(OLD)
    os.chmod(shared, 0o640)
    atomic_write_bytes(shared, NEW)
    assert stat.S_IMODE(shared.stat().st_mode) == 0o640


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
def test_writing_through_a_symlink_updates_the_target(tmp_path):
    real = tmp_path / "real.ini"
    real.write_bytes(OLD)
    link = tmp_path / "link.ini"
    link.symlink_to(real)
    atomic_write_bytes(link, NEW)
    assert link.is_symlink()
    assert real.read_bytes() == NEW
