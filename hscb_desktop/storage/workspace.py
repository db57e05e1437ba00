"""One data folder: its instance lock, keyring and the stores opened from it."""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

from hscb_desktop.core.atomic import atomic_write_text
from hscb_desktop.core.clock import Clock
from hscb_desktop.paths import DataPaths
from hscb_desktop.storage.errors import StoreError
from hscb_desktop.storage.instance_lock import InstanceLock
from hscb_desktop.storage.keyring import Keyring
from hscb_desktop.storage.netpath import require_local


# DB-5: the GUI app defers the quick_check of stores bigger than this (storage.startup_check).
# A check reads and decrypts every page, ~4 ms a megabyte: a ten-year CDOP store (5.7 MB)
# took 24 ms of sign-in, a ten-year LADO store 1.3-2.2 s (bench/ten_years.py).
BIG_STORE_BYTES = 2**20


class NotInitialised(StoreError):
    pass


class Workspace:
    """Holds the open stores' keys in memory for the session (needed to reconnect,
    back up and verify); they are dropped on ``close``."""

    def __init__(self, paths: DataPaths, clock: Clock):
        self.paths = paths
        self.clock = clock
        self.keys: dict[str, bytes] = {}
        # DB-5 deferred (storage.startup_check): stores bigger than this many bytes open
        # without quick_check, read-only until checked. Only the GUI app sets it; None
        # (the CLI, every other caller) checks each store as it opens.
        self.defer_checks_above: int | None = None
        self._lock = InstanceLock(paths.lock_file)
        self._keyring: Keyring | None = None

    # -- lifecycle -------------------------------------------------------
    def acquire(self) -> "Workspace":
        """DB-3 and DB-5: refuse a network folder, then take the single-instance lock."""
        self.paths.root.mkdir(parents=True, exist_ok=True)
        require_local(self.paths.root)
        self._lock.acquire()
        self.paths.ensure()
        return self

    @property
    def initialised(self) -> bool:
        return self.paths.keyring.exists()

    @property
    def keyring(self) -> Keyring:
        if self._keyring is None:
            if not self.initialised:
                raise NotInitialised(
                    f"No HSCB Desktop data in {self.paths.root}. Run 'hscb-desktop-cli init' or start the "
                    "app to set it up."
                )
            self._keyring = Keyring.load(self.paths.keyring)
        return self._keyring

    def forget_keyring(self) -> None:
        """Read keyring.json again on next use (a restore put the backup's in place)."""
        self._keyring = None

    def new_keyring(self) -> Keyring:
        self._keyring = Keyring(self.paths.keyring)
        return self._keyring

    def open_store(self, name: str, key: bytes, *, create: bool = False,
                   check_later: bool = False) -> None:
        """``check_later`` (sign-in): a store above ``defer_checks_above`` opens read-only,
        its quick_check left to ``storage.startup_check``; otherwise it is checked now."""
        # The engine and the schema load on first use, not while the login dialog
        # is being shown (start-up is imports).
        from hscb_desktop.storage import core_schema, migrations, startup_check, stores  # noqa: F401 (registers core migrations)

        if stores.is_open(name):
            stores.unbind(name)
        path = self.paths.store_file(name)
        defer = check_later and startup_check.may_defer(name, path, self.defer_checks_above,
                                                        create=create)
        db = stores.open_store(name, path, key, create=create, check=not defer)
        stores.bind(name, db)
        self.keys[name] = key
        try:
            if defer and migrations.pending(name):  # an upgrade writes: check the store first
                startup_check.check_now(name)
            elif defer:
                startup_check.defer(name)
            migrations.migrate(name, clock=self.clock, backup_dir=self.paths.backups,
                               backup=self._pre_migration_backup)
        except Exception:
            stores.unbind(name)
            self.keys.pop(name, None)
            raise

    def close_stores(self) -> None:
        """Sign-out: close every store and forget the keys; keep the instance lock."""
        stores = sys.modules.get("hscb_desktop.storage.stores")
        if stores is not None:  # nothing to close if the engine was never loaded
            stores.unbind_all()
        self.keys.clear()

    def close(self) -> None:
        self.close_stores()
        self._keyring = None
        self._lock.release()

    # -- backups ---------------------------------------------------------
    def _pre_migration_backup(self, name: str, folder: Path) -> Path:
        from hscb_desktop.storage import backup, stores

        dest = folder / f"pre-migration-{backup.timestamp(self.clock)}" / f"{name}.db"
        return backup.backup_database(stores.proxy(name).obj, self.keys[name], dest, name)

    def backup_all(self, dest_root: Path | None = None, keep: int | None = None, *,
                   reason: str = "manual", made_by: str = "") -> Path:
        """DB-4: a verified engine backup of every open store plus the keyring, with a
        manifest holding each store's audit head (AUD-3: a copy of the head outside
        the live file). Returns the backup folder. ``keep`` rotates per store
        (backup.rotate_per_store): a backup of fewer stores never pushes out the last
        copies of the others."""
        from hscb_desktop.storage import audit, backup, stores

        root = dest_root or self.paths.backups
        folder = root / f"backup-{backup.timestamp(self.clock)}"
        n = 1
        while folder.exists():  # two backups in one second (exit right after a daily one)
            n += 1
            folder = root / f"backup-{backup.timestamp(self.clock)}-{n}"
        manifest = {"created": self.clock.now().isoformat(), "reason": reason, "made_by": made_by,
                    "stores": {}}
        try:
            for name in stores.STORE_NAMES:
                if not stores.is_open(name):
                    continue
                # The head before the copy: a save on another thread between the two can only
                # add entries after it, so the copy still holds this head and verifies against it.
                count, head = audit.head(name)
                backup.backup_database(stores.proxy(name).obj, self.keys[name], folder / f"{name}.db",
                                       name)
                manifest["stores"][name] = {"audit_entries": count, "audit_head": head}
            atomic_write_text(folder / "keyring.json", self.paths.keyring.read_text(encoding="utf-8"))
            atomic_write_text(folder / "manifest.json", json.dumps(manifest, indent=2))
        except BaseException:
            # KP-1: a backup that failed part-way (a full disk) leaves no half-made folder,
            # which would hold space and never be rotated (it has no manifest).
            shutil.rmtree(folder, ignore_errors=True)
            raise
        if keep:
            backup.rotate_per_store(root, keep)
        return folder
