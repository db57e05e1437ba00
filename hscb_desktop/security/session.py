"""The signed-in session: who, which roles, and the idle / absolute time limits.

Time comes from the injectable clock (KP-5), so tests move it instead of waiting.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from hscb_desktop.core.clock import Clock
from hscb_desktop.security import roles as R
from hscb_desktop.storage.audit import Actor
from hscb_desktop.storage.workspace import Workspace


@dataclass
class Session:
    workspace: Workspace
    username: str
    user_id: int
    display_name: str
    roles: frozenset[str]
    clock: Clock
    must_change_password: bool = False
    idle_limit_s: float = 300.0
    absolute_limit_s: float = 8 * 3600.0
    locked: bool = False
    failed_unlocks: int = 0
    started: float = field(default=0.0)
    last_activity: float = field(default=0.0)

    def __post_init__(self) -> None:
        now = self.clock.monotonic()
        self.started = self.started or now
        self.last_activity = self.last_activity or now

    @property
    def actor(self) -> Actor:
        return Actor(self.username, ",".join(sorted(self.roles)))

    # -- roles -------------------------------------------------------------
    def has_role(self, *wanted: str) -> bool:
        return bool(self.roles & set(wanted))

    @property
    def record_domains(self) -> frozenset[str]:
        return R.record_domains(self.roles)

    @property
    def return_domains(self) -> frozenset[str]:
        return R.return_domains(self.roles)

    # -- time limits (KP-2, AUTH-4) -------------------------------------------
    def touch(self) -> None:
        if not self.locked:
            self.last_activity = self.clock.monotonic()

    def idle_expired(self) -> bool:
        return self.clock.monotonic() - self.last_activity >= self.idle_limit_s

    def absolute_expired(self) -> bool:
        return self.clock.monotonic() - self.started >= self.absolute_limit_s

    @property
    def active(self) -> bool:
        """Record work (save, export) is allowed only in an unlocked, in-time session
        whose one-time password has been replaced (AUTH-5)."""
        return not self.locked and not self.absolute_expired() and not self.must_change_password
