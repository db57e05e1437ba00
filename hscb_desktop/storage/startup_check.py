"""DB-5's start-up ``PRAGMA quick_check``, deferred for big stores (issue 10).

quick_check reads and decrypts every page: 1.3-2.2 s for ten years of LADO contacts,
which sign-in must not wait for. A store bigger than the workspace's threshold (the GUI
app sets one; the CLI and every other caller do not, so they check as before) is opened
without the check and held read-only (``PRAGMA query_only``) on every connection until
it has been checked:

* ``defer(name)`` at sign-in: read-only now, listed by ``pending_checks()``;
* ``run_check(name)`` / ``run_pending()`` on any thread (a worker): quick_check on that
  thread's own connection (peewee keeps one per thread), which it then closes;
* ``lift_checked()`` on the GUI thread: writes allowed again, only after a clean check.
  A failed check leaves the store read-only and says why (``damaged()``), so the GUI can
  offer the newest verified backup, as sign-in does for a store damaged at open.

The state lives on the open database object, so closing or reopening a store forgets it.
Small stores, new stores and a store with a schema upgrade due are checked at once.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hscb_desktop.core.progress import Progress
from hscb_desktop.storage import stores
from hscb_desktop.storage.workspace import BIG_STORE_BYTES as DEFER_ABOVE_BYTES  # noqa: F401


@dataclass(frozen=True)
class CheckResult:
    store: str
    problem: str  # "" when the check was clean
    db: object  # the database object checked (the state lives on it)

    @property
    def ok(self) -> bool:
        return not self.problem


def may_defer(name: str, path: Path, above: int | None, *, create: bool = False) -> bool:
    """Whether this store may open without its check: a deferring caller, an existing local
    file bigger than ``above``, and not the core store (sign-in writes to it at once)."""
    if above is None or create or name == stores.CORE:
        return False
    try:
        return path.stat().st_size > above
    except OSError:
        return False  # missing: open_store says so


def defer(name: str) -> None:
    """Hold an open store read-only on every connection (this thread's now, others' as they
    connect) until it is checked; called right after opening it without its check."""
    db = stores.proxy(name).obj
    db.pragma("query_only", 1, permanent=True)
    db.check_pending, db.check_clean, db.check_problem = True, False, ""


def pending_checks() -> list[str]:
    """The open stores whose start-up check has not passed yet (pending or failed)."""
    return [n for n in stores.STORE_NAMES
            if stores.is_open(n) and getattr(stores.proxy(n).obj, "check_pending", False)]


def problem(name: str) -> str:
    """Why the store's deferred check failed ("" when it did not, or has not run)."""
    db = stores.proxy(name).obj
    return getattr(db, "check_problem", "") if db is not None else ""


def damaged() -> dict[str, str]:
    """The open stores whose deferred check failed, and why."""
    return {n: problem(n) for n in pending_checks() if problem(n)}


def _quick_check(db) -> str:  # noqa: ANN001
    """'' when clean, else the engine's first complaint."""
    try:
        rows = db.execute_sql("PRAGMA quick_check").fetchall()
    except stores.ENGINE_ERRORS as exc:  # a damaged page can also arrive as an error
        return str(exc) or type(exc).__name__
    bad = [r[0] for r in rows if r[0] != "ok"]
    return bad[0] if bad else ("" if rows else "no answer from the engine")


def run_check(name: str) -> CheckResult:
    """DB-5: quick_check of one store on the calling thread's own connection (closed after,
    so a worker keeps no connection, key and all). A clean check lets connections opened
    from now on write (a worker's backup); this thread's connection and the GUI thread's
    stay read-only until ``lift_checked``. A failed one is recorded and changes nothing."""
    db = stores.proxy(name).obj
    if db is None:
        return CheckResult(name, "the store is closed", None)
    opened_here = db.is_closed()  # per thread: a worker's first use opens its own connection
    try:
        found = _quick_check(db)
        if found:
            db.check_problem = found
        else:
            db.pragma("query_only", 0, permanent=True)
            db.check_clean = True
    finally:
        if opened_here:
            db.close()  # this thread's connection only
    return CheckResult(name, found, db)


def run_pending(progress: Progress | None = None) -> list[CheckResult]:
    """Check every pending store in turn (a worker's task)."""
    names = [n for n in pending_checks() if not problem(n)]
    results = []
    for i, name in enumerate(names):
        if progress is not None:
            progress.report(i, len(names), f"Checking the {stores.STORE_TITLES[name]} store…")
        results.append(run_check(name))
    return results


def lift_checked() -> list[str]:
    """On the GUI thread: every store whose check has passed becomes writable on this
    thread's connection too. Returns their names; a damaged store stays read-only."""
    lifted = []
    for name in pending_checks():
        db = stores.proxy(name).obj
        if getattr(db, "check_clean", False):
            db.pragma("query_only", 0, permanent=True)
            db.check_pending = False
            lifted.append(name)
    return lifted


def check_now(name: str) -> None:
    """The synchronous check, for a deferred store that must be checked before use (a
    schema upgrade is due): raises ``StoreDamaged`` as opening with the check would."""
    db = stores.proxy(name).obj
    found = _quick_check(db)
    if found:
        raise stores.StoreDamaged(name, Path(db.database), f"the integrity check failed ({found})")
