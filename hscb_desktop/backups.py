"""Automatic backups (DB-4): when the app closes and once a day, Qt-free.

Whose backup: the signed-in user's. A backup is made through the engine from the
stores that are open, and a session opens exactly the stores its user holds keys
for, so a practitioner's automatic backup holds the core store and their own
domain's store; an administrator's or the business unit's holds every store.
Rotation keeps the newest ``backup_keep`` copies *of each store*
(``backup.rotate_per_store``), so one user's backups never push out the last copies
of a store they cannot open.

When: on exit when ``backup_on_exit`` is set; and daily, at the first quiet moment
after the first sign-in of a day (no backup of the user's stores yet that local
day), or, for an app left open, once a day has passed since the last one. Time is
the injected clock's (KP-5).

Where: the ``backup_folder`` setting, empty for the data folder's ``backups/``. A
network share is allowed for backups; the live stores stay local (DB-3).

``take`` only reads the stores (``VACUUM INTO``), so it may run on a worker thread;
``record`` writes the audit entry and belongs on the thread that owns the writes.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from hscb_desktop import settings
from hscb_desktop.core.clock import Clock
from hscb_desktop.security.session import Session
from hscb_desktop.storage import audit, stores
from hscb_desktop.storage import restore as rs

DAY = dt.timedelta(days=1)


def folder(session: Session) -> Path:
    """The backup folder from the settings (the core store is open in a session)."""
    configured = str(settings.get("backup_folder") or "").strip()
    return Path(configured).expanduser() if configured else session.workspace.paths.backups


def open_store_names() -> list[str]:
    return [n for n in stores.STORE_NAMES if stores.is_open(n)]


def last_backup(root: Path, names: list[str]) -> dt.datetime | None:
    """When the least recently backed-up of ``names`` was last backed up (None: one of
    them never was). Reads the manifests only."""
    newest: dict[str, dt.datetime] = {}
    for info in rs.list_backups(root):
        if info.created is None:
            continue
        for name in info.stores:
            if name not in newest or info.created > newest[name]:
                newest[name] = info.created
    if not names or any(n not in newest for n in names):
        return None
    return min(newest[n] for n in names)


def due_after_sign_in(last: dt.datetime | None, clock: Clock) -> bool:
    """The first sign-in of a (local) day: no backup yet today."""
    if last is None:
        return True
    return last.astimezone().date() < clock.now().astimezone().date()


def due_when_idle(last: dt.datetime | None, since: dt.datetime, clock: Clock) -> bool:
    """An app left open: a day has passed since the last backup (or since sign-in)."""
    return clock.now() - (last or since) >= DAY


def take(session: Session, reason: str) -> Path:
    """A verified backup of the session's open stores; no store is written."""
    return session.workspace.backup_all(folder(session), keep=settings.get("backup_keep"),
                                        reason=reason, made_by=session.username)


def record(session: Session, reason: str, made: Path | None = None,
           error: BaseException | None = None) -> None:
    """The audit entry for an automatic backup or its failure (AUD-1)."""
    if error is None:
        action, new = "backup", {"folder": made.name if made else "", "reason": reason,
                                 "stores": open_store_names()}
    else:
        action, new = "backup_failed", {"reason": reason, "error": describe(error)}
    with stores.proxy(stores.CORE).atomic():
        audit.append(stores.CORE, session.actor, action, clock=session.clock, new=new)


def describe(error: BaseException) -> str:
    """For the user and the log: the error's own words, which name the file or folder."""
    if isinstance(error, OSError) and error.strerror:
        where = f" ({error.filename})" if error.filename else ""
        return f"{error.strerror}{where}"
    return str(error) or type(error).__name__


def run(session: Session, reason: str) -> Path:
    """take + record on this thread (on exit, the command line and tests). A failure is
    audited and raised again; the live stores are never changed by a backup."""
    try:
        made = take(session, reason)
    except Exception as exc:
        record(session, reason, error=exc)
        raise
    record(session, reason, made)
    return made
