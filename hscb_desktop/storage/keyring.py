"""The keyring file: what must be readable before any store can be opened.

The core store is encrypted, so the login step needs something outside it: for
each user, the Argon2id parameters and the wrapped core-store key. The same file
keeps the failed-login counters (AUTH-3, so a lockout survives a restart even when
the password never opened the core store) and failed-login events waiting to be
appended to the core store's audit chain at the next successful sign-in.

No secret is in this file: wrapped keys need the user's password to open.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from hscb_desktop.core.atomic import atomic_write_text
from hscb_desktop.storage.errors import StoreError, file_write_message

FORMAT = 1


class KeyringChanged(Exception):
    """KP-4: the file changed on disk since it was read; refuse to overwrite it."""


class KeyringDamaged(Exception):
    pass


class KeyringWriteFailed(StoreError):
    """keyring.json could not be rewritten; the previous file is unchanged."""


@dataclass
class KeyringUser:
    kdf: str  # PHC string of the Argon2id parameters and salt
    core: str  # the core-store key wrapped under the user's KEK


@dataclass
class Lockout:
    failures: int = 0
    locked_until: str | None = None  # ISO UTC
    lockouts: int = 0  # how many times locked in a row: the delay grows


@dataclass
class Keyring:
    path: Path
    users: dict[str, KeyringUser] = field(default_factory=dict)
    lockout: dict[str, Lockout] = field(default_factory=dict)
    pending_events: list[dict] = field(default_factory=list)
    _loaded_digest: str | None = None

    @classmethod
    def load(cls, path: Path) -> "Keyring":
        raw = path.read_bytes()
        try:
            data = json.loads(raw)
            if data.get("format") != FORMAT:
                raise KeyringDamaged(f"{path} has an unknown format {data.get('format')!r}.")
            ring = cls(
                path,
                users={name: KeyringUser(**entry) for name, entry in data["users"].items()},
                lockout={name: Lockout(**entry) for name, entry in data.get("lockout", {}).items()},
                pending_events=list(data.get("pending_events", [])),
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise KeyringDamaged(f"{path} is damaged and cannot be read ({type(exc).__name__}).") from None
        ring._loaded_digest = hashlib.sha256(raw).hexdigest()
        return ring

    def to_json(self) -> str:
        return json.dumps({
            "format": FORMAT,
            "users": {name: vars(user) for name, user in sorted(self.users.items())},
            "lockout": {name: vars(state) for name, state in sorted(self.lockout.items())},
            "pending_events": self.pending_events,
        }, indent=2, sort_keys=True)

    def save(self) -> None:
        if self.path.exists():
            current = hashlib.sha256(self.path.read_bytes()).hexdigest()
            if self._loaded_digest is not None and current != self._loaded_digest:
                raise KeyringChanged(
                    f"{self.path} was changed by another program since it was read; "
                    "it has not been overwritten. Restart HSCB Desktop."
                )
        text = self.to_json()
        try:
            atomic_write_text(self.path, text)
        except OSError as exc:  # KP-1: the old file is intact; say so in words (a full disk...)
            raise KeyringWriteFailed(file_write_message(exc, self.path)) from exc
        self._loaded_digest = hashlib.sha256(text.encode("utf-8")).hexdigest()

    def lockout_for(self, username: str) -> Lockout:
        return self.lockout.setdefault(username, Lockout())
