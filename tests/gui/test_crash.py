from __future__ import annotations

import datetime as dt
import logging
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import qWarning

from hscb_desktop import __version__
from hscb_desktop.core.clock import FakeClock
from hscb_desktop.gui import crash
from hscb_desktop.gui.dialogs import Dialogs

SECRET = "Jayden Smith, 14 Acacia Avenue"  # record contents that must never be written


@pytest.fixture
def hooks_restored() -> Iterator[None]:
    before = (sys.excepthook, threading.excepthook)
    yield
    crash.uninstall_crash_hook()
    assert (sys.excepthook, threading.excepthook) == before


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock(dt.datetime(2017, 3, 7, 14, 5, 9, tzinfo=dt.UTC))


def _raise_with_record_contents() -> None:
    try:
        {"ref": 1}[SECRET]
    except KeyError as exc:
        raise ValueError(f"could not save {SECRET}") from exc


def _crash_via_excepthook() -> None:
    try:
        _raise_with_record_contents()
    except ValueError:
        sys.excepthook(*sys.exc_info())


def _only_file(folder: Path) -> Path:
    files = list(folder.iterdir())
    assert len(files) == 1, files
    return files[0]


def test_crash_file_has_the_trace_but_no_message(
    tmp_path, fake_clock, hooks_restored, caplog
) -> None:
    crash.install_crash_hook(tmp_path, show_dialog=False, clock=fake_clock)
    with caplog.at_level(logging.CRITICAL, logger="hscb_desktop.gui.crash"):
        _crash_via_excepthook()
    path = _only_file(tmp_path)
    stamp = fake_clock.now().astimezone().strftime("%Y%m%d-%H%M%S")
    assert path.name == f"crash-{stamp}-{os.getpid()}.txt"
    text = path.read_text(encoding="utf-8")
    assert SECRET not in text and "could not save" not in text
    assert "builtins.ValueError" in text and "builtins.KeyError" in text
    assert "The above exception was the direct cause" in text
    assert "in _raise_with_record_contents" in text and "test_crash.py" in text
    assert f"App version: {__version__}" in text
    assert "Python: " in text and "Qt: 6." in text
    assert Dialogs.shown == []  # show_dialog=False: nothing modal in CI
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "builtins.ValueError" in logged and SECRET not in logged


def test_dialog_goes_through_dialogs(tmp_path, fake_clock, hooks_restored) -> None:
    crash.install_crash_hook(tmp_path, show_dialog=True, clock=fake_clock)
    Dialogs.queue_answers(None)
    _crash_via_excepthook()
    kind, title, text = Dialogs.shown[0]
    assert kind == "error" and "problem" in title
    assert str(_only_file(tmp_path)) in text
    assert SECRET not in text


def test_a_crash_on_another_thread_is_reported_on_the_gui_thread(
    qtbot, tmp_path, fake_clock, hooks_restored
) -> None:
    crash.install_crash_hook(tmp_path, show_dialog=True, clock=fake_clock)
    Dialogs.queue_answers(None)
    thread = threading.Thread(target=_raise_with_record_contents, name="importer")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: Dialogs.shown != [])
    text = _only_file(tmp_path).read_text(encoding="utf-8")
    assert "Thread: importer" in text and SECRET not in text


def test_two_crashes_in_one_second_keep_both_files(tmp_path, fake_clock, hooks_restored) -> None:
    crash.install_crash_hook(tmp_path, show_dialog=False, clock=fake_clock)
    _crash_via_excepthook()
    _crash_via_excepthook()
    assert len(list(tmp_path.glob("crash-*.txt"))) == 2
    assert not list(tmp_path.glob(".crash-*"))  # no temp files left behind


def test_an_unwritable_crash_folder_still_tells_the_user(
    tmp_path, fake_clock, hooks_restored
) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    crash.install_crash_hook(blocked, show_dialog=True, clock=fake_clock)
    Dialogs.queue_answers(None)
    _crash_via_excepthook()
    assert "could not be saved" in Dialogs.shown[0][2]


def test_keyboard_interrupt_is_passed_on(tmp_path, monkeypatch) -> None:
    passed_on = []
    monkeypatch.setattr(sys, "excepthook", lambda *info: passed_on.append(info[0]))
    crash.install_crash_hook(tmp_path, show_dialog=True)
    try:
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt:
            sys.excepthook(*sys.exc_info())
    finally:
        crash.uninstall_crash_hook()
    assert passed_on == [KeyboardInterrupt]
    assert list(tmp_path.iterdir()) == []


def test_uninstall_restores_the_previous_hooks(tmp_path, hooks_restored) -> None:
    before = (sys.excepthook, threading.excepthook)
    crash.install_crash_hook(tmp_path, show_dialog=False)
    assert sys.excepthook is not before[0]
    assert threading.excepthook is not before[1]
    crash.install_crash_hook(tmp_path, show_dialog=False)  # installing twice is harmless
    crash.uninstall_crash_hook()
    assert (sys.excepthook, threading.excepthook) == before


def test_qt_warnings_go_to_logging(qapp, tmp_path, hooks_restored, caplog) -> None:
    crash.install_crash_hook(tmp_path, show_dialog=False)
    with caplog.at_level(logging.WARNING, logger="qt"):
        qWarning("QPainter::begin: Paint device returned engine == 0")
    assert any(
        r.name == "qt" and r.levelno == logging.WARNING and "QPainter::begin" in r.getMessage()
        for r in caplog.records
    )
