"""Lock the app when the operating system's session locks or the user switches (KP-2).

The idle lock covers a user who walks away without locking the computer; this covers one
who does lock it (Windows+L, a fast user switch, a dropped remote session, a Linux screen
locker): the app locks at the same moment, so whoever unlocks the desktop next still
meets the app's own lock.

- Windows: the window registers for session notifications
  (``WTSRegisterSessionNotification``) and a native event filter reads
  ``WM_WTSSESSION_CHANGE``.
- Linux desktops: the screen saver's ``ActiveChanged(true)`` on the session bus and
  logind's ``Lock`` signal for this session on the system bus (Qt D-Bus).
Elsewhere, or with no bus (tests run offscreen), only the idle lock applies.
"""
from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QAbstractNativeEventFilter, QObject, Signal, Slot

log = logging.getLogger(__name__)

# winuser.h / wtsapi32.h
WM_WTSSESSION_CHANGE = 0x02B1
WTS_CONSOLE_DISCONNECT = 0x2
WTS_REMOTE_DISCONNECT = 0x4
WTS_SESSION_LOCK = 0x7
NOTIFY_FOR_THIS_SESSION = 0
LOCKING_CHANGES = {
    WTS_SESSION_LOCK: "session locked",
    WTS_CONSOLE_DISCONNECT: "user switched",
    WTS_REMOTE_DISCONNECT: "remote session disconnected",
}

# (bus, service, path, interface, signal)
SCREEN_SAVERS = [
    ("session", "org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver",
     "org.freedesktop.ScreenSaver", "ActiveChanged"),
    ("session", "org.gnome.ScreenSaver", "/org/gnome/ScreenSaver",
     "org.gnome.ScreenSaver", "ActiveChanged"),
]
LOGIND = ("system", "org.freedesktop.login1", "/org/freedesktop/login1/session/auto",
          "org.freedesktop.login1.Session", "Lock")


def windows_lock_reason(message: int, wparam: int) -> str | None:
    """Why a Windows message means the app must lock, or None."""
    if message != WM_WTSSESSION_CHANGE:
        return None
    return LOCKING_CHANGES.get(wparam)


class _WindowsFilter(QAbstractNativeEventFilter):
    def __init__(self, watcher: "OsSessionWatcher") -> None:
        super().__init__()
        self.watcher = watcher

    def nativeEventFilter(self, event_type, message):  # noqa: N802 - Qt API
        if bytes(event_type) == b"windows_generic_MSG":
            import ctypes.wintypes

            msg = ctypes.wintypes.MSG.from_address(int(message))
            reason = windows_lock_reason(msg.message, msg.wParam)
            if reason:
                self.watcher.osLocked.emit(reason)
        return False, 0


class OsSessionWatcher(QObject):
    """Emits ``osLocked(reason)`` when the desktop session locks or is switched away."""

    osLocked = Signal(str)

    def __init__(self, window, parent: QObject | None = None, buses: dict | None = None) -> None:
        """``buses``: {"session": QDBusConnection, "system": ...} to watch instead of the
        desktop's own (tests run a private bus)."""
        super().__init__(parent or window)
        self.sources: list[str] = []  # what is being watched (for the log and tests)
        self._filter = None
        if sys.platform == "win32":
            self._watch_windows(window)
        elif sys.platform.startswith("linux") or buses is not None:
            self._watch_dbus(buses)

    def _watch_windows(self, window) -> None:
        try:
            import ctypes

            from PySide6.QtCore import QCoreApplication

            self._filter = _WindowsFilter(self)
            QCoreApplication.instance().installNativeEventFilter(self._filter)
            ctypes.windll.wtsapi32.WTSRegisterSessionNotification(
                int(window.winId()), NOTIFY_FOR_THIS_SESSION)
            self.sources.append("windows session notifications")
        except Exception:  # noqa: BLE001 - the idle lock still applies
            log.warning("could not watch the Windows session for locks", exc_info=True)

    def _watch_dbus(self, buses: dict | None) -> None:
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # a build without Qt D-Bus
            return
        if buses is None:
            buses = {"session": QDBusConnection.sessionBus(),
                     "system": QDBusConnection.systemBus()}
        for bus_name, service, path, interface, signal in [*SCREEN_SAVERS, LOGIND]:
            bus = buses.get(bus_name)
            if bus is None or not bus.isConnected():
                continue
            slot = "screen_saver_changed(bool)" if signal == "ActiveChanged" else "session_locked()"
            if bus.connect(service, path, interface, signal, self, f"1{slot}"):
                self.sources.append(f"{service} {signal}")

    @Slot(bool)
    def screen_saver_changed(self, active: bool) -> None:
        if active:
            self.osLocked.emit("screen locked")

    @Slot()
    def session_locked(self) -> None:
        self.osLocked.emit("session locked")
