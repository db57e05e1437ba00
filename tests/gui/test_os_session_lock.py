"""KP-2: the app locks when the desktop session locks or the user switches, not only
after the idle limit. On Linux the signal comes over D-Bus: these tests run a private bus
(a real ``dbus-daemon``) and send the screen saver's and logind's signals on it."""
from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from PySide6.QtDBus import QDBusConnection, QDBusMessage

from hscb_desktop import app
from hscb_desktop.gui import os_session
from hscb_desktop.security import auth


@pytest.fixture
def officer(workspace, make_user):
    return auth.sign_in(workspace, "lado1", make_user("lado1", ["lado_officer"]))


@pytest.fixture
def private_bus(tmp_path):
    """A dbus-daemon of our own; yields a connection to it for the watcher and one for
    the test to send signals from (as the screen saver or logind would)."""
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.skip("dbus-daemon is not installed (Debian package dbus-daemon)")
    config = tmp_path / "bus.conf"
    config.write_text(f"""<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>unix:path={tmp_path}/bus</listen>
<auth>EXTERNAL</auth><policy context="default"><allow send_destination="*" eavesdrop="true"/>
<allow eavesdrop="true"/><allow own="*"/></policy></busconfig>""")
    proc = subprocess.Popen([daemon, f"--config-file={config}", "--nofork", "--print-address"],
                            stdout=subprocess.PIPE, text=True, env={**os.environ})
    address = proc.stdout.readline().strip()
    names = [f"hscb-test-{id(proc)}-watch", f"hscb-test-{id(proc)}-send"]
    watch = QDBusConnection.connectToBus(address, names[0])
    send = QDBusConnection.connectToBus(address, names[1])
    assert watch.isConnected() and send.isConnected()
    yield watch, send
    for name in names:
        QDBusConnection.disconnectFromBus(name)
    proc.terminate()
    proc.wait(timeout=10)


def window_watching(qtbot, session, clock, bus):
    window = app.build_main_window(session, clock)
    qtbot.addWidget(window)
    # the window's own watcher found no desktop bus (offscreen); watch the private one
    window.os_session = os_session.OsSessionWatcher(window, buses={"session": bus, "system": bus})
    window.os_session.osLocked.connect(window.lock_now)
    return window


def test_kp2_windows_session_messages_that_lock():
    lock = os_session.windows_lock_reason
    assert lock(os_session.WM_WTSSESSION_CHANGE, os_session.WTS_SESSION_LOCK) == "session locked"
    assert lock(os_session.WM_WTSSESSION_CHANGE, os_session.WTS_CONSOLE_DISCONNECT) == "user switched"
    assert lock(os_session.WM_WTSSESSION_CHANGE, os_session.WTS_REMOTE_DISCONNECT)
    assert lock(os_session.WM_WTSSESSION_CHANGE, 0x8) is None  # WTS_SESSION_UNLOCK
    assert lock(0x0010, os_session.WTS_SESSION_LOCK) is None  # WM_CLOSE: not a session change


@pytest.mark.parametrize("service,path,interface", [
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
])
def test_kp2_the_screen_locker_locks_the_app(qtbot, officer, clock, private_bus,
                                             service, path, interface):
    watch, send = private_bus
    assert send.registerService(service)  # the signal comes from the screen saver's name
    window = window_watching(qtbot, officer, clock, watch)
    assert f"{service} ActiveChanged" in window.os_session.sources
    assert window.lock_view is None
    deactivated = QDBusMessage.createSignal(path, interface, "ActiveChanged")
    deactivated.setArguments([False])
    assert send.send(deactivated)
    qtbot.wait(200)
    assert window.lock_view is None  # the screen saver ending locks nothing
    activated = QDBusMessage.createSignal(path, interface, "ActiveChanged")
    activated.setArguments([True])
    assert send.send(activated)
    qtbot.waitUntil(lambda: window.lock_view is not None, timeout=5000)
    assert officer.locked and not officer.active
    window.close()


def test_kp2_logind_lock_locks_the_app(qtbot, officer, clock, private_bus):
    watch, send = private_bus
    _, service, path, interface, signal = os_session.LOGIND
    assert send.registerService(service)
    window = window_watching(qtbot, officer, clock, watch)
    assert send.send(QDBusMessage.createSignal(path, interface, signal))
    qtbot.waitUntil(lambda: window.lock_view is not None, timeout=5000)
    assert officer.locked
    window.close()
