"""The one source of time (KP-5): every due date, lock and lockout asks a Clock.

Tests pass a ``FakeClock`` and move it; nothing else calls ``datetime.now()``.
"""
from __future__ import annotations

import datetime as dt
import time
from typing import Protocol


class Clock(Protocol):
    def now(self) -> dt.datetime:
        """Timezone-aware UTC now."""

    def monotonic(self) -> float:
        """Seconds on a clock that never goes backwards (idle lock, timeouts)."""


class SystemClock:
    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.timezone.utc)

    def monotonic(self) -> float:
        return time.monotonic()


class FakeClock:
    """A clock tests can move: ``clock.advance(minutes=6)``."""

    def __init__(self, start: dt.datetime | None = None):
        self._now = start or dt.datetime(2017, 3, 1, 9, 0, tzinfo=dt.timezone.utc)
        self._mono = 1000.0

    def now(self) -> dt.datetime:
        return self._now

    def monotonic(self) -> float:
        return self._mono

    def advance(self, **delta: float) -> None:
        step = dt.timedelta(**delta)
        self._now += step
        self._mono += step.total_seconds()

    def set(self, when: dt.datetime) -> None:
        self._mono += (when - self._now).total_seconds()
        self._now = when


def local_today(clock: Clock) -> dt.date:
    """Today's date where the user is (UK casework is dated in local time)."""
    return clock.now().astimezone().date()


SYSTEM_CLOCK = SystemClock()


def utc_stamp(clock: Clock) -> str:
    """Now in UTC to the second, ISO 8601: the services' version stamps."""
    return clock.now().astimezone(dt.timezone.utc).isoformat(timespec="seconds")
