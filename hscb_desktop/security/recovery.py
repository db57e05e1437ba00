"""Who may restore which store from a backup, with which keys, and the audit of it.

The mechanics are in ``storage.restore``; this module decides:

* **Keys.** A restore needs each store's key. In a signed-in session they are the
  session's own (``Tools → Restore…``: an administrator holds every key). When
  signing in failed because a store is damaged, the user's password unwraps them
  again: the core key from the live keyring (or, if that is unreadable, the
  backup's), the domain keys from the user's grants in the live core store (or, if
  the core store is the damaged one, the backup's core store). A store's key never
  changes, so a key from either place opens every copy of that store.
* **Permission.** An administrator may restore any store. Anyone else may restore
  only a store that is damaged or missing and whose key they hold: rolling a
  healthy store back, or restoring the core store (it brings back the users, roles,
  key grants and settings of the backup's day), is an administrator's decision.
* **Keyring.** The keyring is restored with the core store and only then: the core
  store's users and their wrapped keys must match it. A domain store alone is
  consistent with the live core (its key never changes).
* **Audit.** After the files are in place the restored stores are reopened and the
  restore is written to the core store's audit chain and to each restored domain
  store's own chain, with the backup's name and where the replaced files went.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from hscb_desktop.core.clock import Clock
from hscb_desktop.core.validation import PermissionDenied
from hscb_desktop.security import auth
from hscb_desktop.security import roles as R
from hscb_desktop.security.session import Session
from hscb_desktop.storage import audit, keys, stores
from hscb_desktop.storage import restore as rs
from hscb_desktop.storage.errors import StoreError
from hscb_desktop.storage.keyring import Keyring, KeyringDamaged, KeyringUser
from hscb_desktop.storage.workspace import Workspace


class RestoreRefused(StoreError):
    """The restore is not allowed or not possible; the message says why."""


@dataclass
class Credentials:
    username: str
    roles: frozenset[str]
    keys: dict[str, bytes]

    @property
    def is_admin(self) -> bool:
        return R.ADMINISTRATOR in self.roles

    @property
    def actor(self) -> audit.Actor:
        return audit.Actor(self.username, ",".join(sorted(self.roles)))


@dataclass
class RestorePlan:
    backup: rs.BackupInfo
    stores: list[str]
    damaged: dict[str, str] = field(default_factory=dict)  # store -> why the live one failed
    checks: dict[str, rs.StoreCheck] = field(default_factory=dict)

    @property
    def includes_core(self) -> bool:
        return stores.CORE in self.stores

    def confirmation(self) -> str:
        """What the user agrees to; the same words in the CLI and the GUI."""
        titles = ", ".join(stores.STORE_TITLES.get(n, n) for n in self.stores)
        lines = [f"Restore the {titles} store{'s' if len(self.stores) > 1 else ''} from the backup "
                 f"of {self.backup.local_time()} ({self.backup.folder.name})?", ""]
        for name in self.stores:
            check = self.checks.get(name)
            state = "damaged" if name in self.damaged else "in use"
            entries = f"{check.audit_entries} audit entries" if check else "not checked"
            lines.append(f"• {stores.STORE_TITLES.get(name, name)}: backup checked, {entries}; "
                         f"the current file is {state}.")
        these, files = ("these stores", "files are") if len(self.stores) > 1 else ("this store", "file is")
        lines += ["", f"Everything recorded in {these} since that backup will be gone from the "
                      f"app. The current {files} not deleted but moved to a 'replaced-…' folder in "
                      "the data folder."]
        if self.includes_core:
            lines += ["", "Restoring the core store also brings back that day's users, roles, "
                          "passwords, key grants and settings: anyone added or changed since "
                          "then is as they were then."]
        lines += ["", "Everyone must sign in again afterwards."]
        return "\n".join(lines)


# -- keys ----------------------------------------------------------------------------
def _ring_or_none(path: Path) -> Keyring | None:
    try:
        return Keyring.load(path) if path.is_file() else None
    except (KeyringDamaged, OSError):
        return None


def _core_key(entry: KeyringUser, username: str, password: str) -> tuple[bytes, bytes]:
    kek = keys.derive_kek(password, keys.KdfParams.from_phc(entry.kdf))
    return kek, keys.unwrap(kek, entry.core, owner=username, store="core")


def _grants(db, username: str) -> tuple[frozenset[str], bool, list[tuple[str, str]]]:
    row = db.execute_sql('SELECT id, roles, active FROM "user" WHERE username = ?',
                         (username,)).fetchone()
    if row is None:
        raise auth.LoginFailed(auth.BAD_LOGIN)
    grants = db.execute_sql("SELECT store, wrapped FROM keygrant WHERE user_id = ?", (row[0],)).fetchall()
    return frozenset(r for r in row[1].split(",") if r), bool(row[2]), list(grants)


def credentials(workspace: Workspace, username: str, password: str,
                backup: rs.BackupInfo | None = None) -> Credentials:
    """Unwrap the user's keys without opening any store for use (sign-in may be what
    failed). A wrong password counts towards the lockout like a failed sign-in."""
    live_ring = _ring_or_none(workspace.paths.keyring)
    backup_ring = _ring_or_none(backup.folder / rs.KEYRING) if backup and backup.has_keyring else None
    if live_ring is not None and auth._locked_until(workspace, username) is not None:
        raise auth.AccountLocked("This account is locked after too many failed sign-ins. Ask an "
                                 "administrator, or try again later.")
    attempts = [r.users[username] for r in (live_ring, backup_ring) if r and username in r.users]
    if not attempts:
        keys.derive_kek(password, keys.new_kdf_params())  # same time for an unknown name
        raise auth._record_failure(workspace, username) if live_ring else auth.LoginFailed(auth.BAD_LOGIN)
    kek = core_key = None
    for entry in attempts:
        try:
            kek, core_key = _core_key(entry, username, password)
            break
        except keys.WrongPassword:
            continue
    if core_key is None:
        raise auth._record_failure(workspace, username) if live_ring else auth.LoginFailed(auth.BAD_LOGIN)

    sources: list[tuple[Path, list[bytes]]] = [(workspace.paths.store_file(stores.CORE), [kek])]
    if backup is not None and stores.CORE in backup.stores:
        keks = [kek]
        if backup_ring and username in backup_ring.users:  # the password may have changed since
            params = keys.KdfParams.from_phc(backup_ring.users[username].kdf)
            if params.to_phc() != attempts[0].kdf:
                keks.append(keys.derive_kek(password, params))
        sources.append((backup.stores[stores.CORE].path, keks))
    last_problem = ""
    for path, keks in sources:
        try:
            db = stores.open_store(stores.CORE, path, core_key, read_only=True)
        except StoreError as exc:
            last_problem = str(exc)
            continue
        try:
            user_roles, active, grants = _grants(db, username)
        finally:
            db.close()
        if not active:
            raise auth.LoginFailed("This account has been disabled. Ask an administrator.")
        found = {stores.CORE: core_key}
        for store, wrapped in grants:
            for candidate in keks:
                try:
                    found[store] = keys.unwrap(candidate, wrapped, owner=username, store=store)
                    break
                except keys.WrongPassword:
                    continue
        return Credentials(username, user_roles, found)
    raise RestoreRefused(f"Your keys could not be read: {last_problem or 'no core store'}")


def session_credentials(session: Session) -> Credentials:
    """The keys of a signed-in session (Tools → Restore…)."""
    if not session.active:
        raise PermissionDenied("The session is locked.")
    return Credentials(session.username, session.roles, dict(session.workspace.keys))


# -- planning ------------------------------------------------------------------------
def damaged_stores(workspace: Workspace, creds: Credentials) -> dict[str, str]:
    """The stores this user holds keys for whose live file is damaged or missing. Only
    closed stores are opened (a store open in this session is healthy by definition)."""
    found = {}
    for name in stores.STORE_NAMES:
        if name in creds.keys and not stores.is_open(name):
            problem = rs.live_problem(workspace.paths, name, creds.keys[name])
            if problem:
                found[name] = problem
    return found


def plan(workspace: Workspace, creds: Credentials, backup: rs.BackupInfo,
         wanted: list[str] | None = None) -> RestorePlan:
    """Check the permission and verify the backup's copies (GOV-4) before anything is
    asked or changed. ``wanted`` None: every store the backup holds that the user may
    restore (an administrator: all; anyone else: the damaged ones)."""
    if any(stores.is_server(n) for n in stores.STORE_NAMES if stores.is_open(n)):
        raise RestoreRefused("Stores on a database server are restored by its administrator, "
                             "not by this app.")
    damaged = damaged_stores(workspace, creds)
    if wanted is None:
        wanted = [n for n in backup.stores if creds.is_admin or n in damaged]
    unknown = [n for n in wanted if n not in stores.STORE_NAMES]
    if unknown:
        raise RestoreRefused(f"Unknown store(s): {', '.join(unknown)}. Stores are: "
                             f"{', '.join(stores.STORE_NAMES)}.")
    chosen = [n for n in stores.STORE_NAMES if n in set(wanted)]
    if not chosen:
        raise RestoreRefused("Nothing to restore: no store of yours is damaged. Only an "
                             "administrator may roll a store back to a backup.")
    for name in chosen:
        title = stores.STORE_TITLES.get(name, name)
        if name not in creds.keys:
            raise RestoreRefused(f"You do not hold the key of the {title} store.")
        if not creds.is_admin and (name == stores.CORE or name not in damaged):
            raise RestoreRefused(f"Only an administrator may restore the {title} store"
                                 + ("." if name in damaged else ": it is not damaged."))
        if name not in backup.stores:
            raise RestoreRefused(f"The backup of {backup.local_time()} has no {title} store.")
    if stores.CORE in chosen and not backup.has_keyring:
        raise RestoreRefused(f"The backup of {backup.local_time()} has no keyring.json, which "
                             "the core store needs.")
    checks = {n: rs.verify_store(backup, n, creds.keys[n]) for n in chosen}
    bad = [c for c in checks.values() if not c.ok]
    if bad:
        raise RestoreRefused(f"The backup of {backup.local_time()} cannot be used: the "
                             f"{stores.STORE_TITLES.get(bad[0].store, bad[0].store)} copy "
                             f"{bad[0].problem}.")
    return RestorePlan(backup, chosen, {n: p for n, p in damaged.items() if n in chosen}, checks)


def latest_for(backups: list[rs.BackupInfo], creds: Credentials,
               names: list[str]) -> rs.BackupInfo | None:
    """The newest backup that holds every one of ``names`` and whose copies verify."""
    for info in backups:
        if all(n in info.stores for n in names) and \
                all(rs.verify_store(info, n, creds.keys[n]).ok for n in names):
            return info
    return None


# -- doing it -------------------------------------------------------------------------
def execute(workspace: Workspace, creds: Credentials, restore_plan: RestorePlan,
            clock: Clock) -> rs.RestoreResult:
    """Close every store, put the copies in place, reopen them and audit the restore.
    Leaves every store closed: everyone signs in again."""
    workspace.close_stores()
    result = rs.restore_stores(workspace.paths, restore_plan.backup, creds.keys,
                               restore_plan.stores, clock=clock,
                               with_keyring=restore_plan.includes_core)
    if result.keyring_restored:
        workspace.forget_keyring()
    detail = {"backup": restore_plan.backup.folder.name, "stores": result.stores,
              "replaced_folder": result.replaced.name, "damaged": sorted(restore_plan.damaged)}
    try:
        workspace.open_store(stores.CORE, creds.keys[stores.CORE])
        with stores.proxy(stores.CORE).atomic():
            audit.append(stores.CORE, creds.actor, "restore", clock=clock, new=detail)
        for name in result.stores:
            if name == stores.CORE:
                continue
            workspace.open_store(name, creds.keys[name])
            with stores.proxy(name).atomic():
                audit.append(name, creds.actor, "restore", clock=clock, new=detail)
    finally:
        workspace.close_stores()
    return result
