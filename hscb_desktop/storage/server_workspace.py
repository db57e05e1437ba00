"""Team mode's counterpart of ``storage.workspace.Workspace``: the stores are schemas on a
PostgreSQL server, opened with the signed-in user's own login.

There are no store keys, no keyring and no instance lock here: the server checks the
password, holds the separation (``security.server_roles``) and serialises writers. The
login and password stay in memory for the session, as the embedded store keys do, so a
dropped connection can be reopened; ``close_stores`` forgets them.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hscb_desktop.core.clock import Clock
from hscb_desktop.storage import server
from hscb_desktop.storage.errors import StoreError
from hscb_desktop.storage.server import ServerAddress, ServerNotReady


class NoServerBackup(StoreError):
    pass


BACKUP_MESSAGE = ("In team mode the data lives on the PostgreSQL server, so backups are the server's: "
                  "IT takes them with pg_dump (or their usual database backups). The app does not copy a "
                  "server database.")


@dataclass
class _Login:
    name: str
    password: str


class ServerWorkspace:
    is_server = True

    def __init__(self, address: ServerAddress, clock: Clock, paths=None):
        self.address = address
        self.clock = clock
        self.paths = paths  # the local data folder (logs, UI state), if any
        self.keys: dict[str, bytes] = {}  # no store keys on a server; kept for shared code
        self.schemas: dict[str, str] = {}
        self._login: _Login | None = None

    # -- lifecycle -------------------------------------------------------
    def acquire(self) -> "ServerWorkspace":
        return self

    @property
    def initialised(self) -> bool:
        return True  # whether the server is set up is found at sign-in (ServerNotReady)

    @property
    def login(self) -> str | None:
        return self._login.name if self._login else None

    def sign_in_as(self, login: str, password: str) -> None:
        self._login = _Login(login, password)

    def open_store(self, name: str, schema: str | None = None) -> None:
        """Open one store with the signed-in login; refuse a schema with pending migrations."""
        # core_schema registers the core store's migrations, which check_migrations compares
        # with the server's: without it a fresh process calls the server "newer".
        from hscb_desktop.storage import core_schema, stores  # noqa: F401

        if self._login is None:
            raise StoreError("Nobody is signed in.")
        if stores.is_open(name):
            stores.unbind(name)
        schema = schema or name
        db = server.open_store(self.address.with_login(self._login.name, self._login.password), schema)
        db.values_hidden = schema.endswith(server.RETURNS_SUFFIX)
        stores.bind(name, db)
        try:
            check_migrations(name)
        except Exception:
            stores.unbind(name)
            raise
        self.schemas[name] = schema

    def check_password(self, username: str, password: str) -> bool:
        """Whether the server accepts ``password`` for ``username`` (unlock, password change)."""
        try:
            server.connect(self.address.with_login(self.address.login_for(username), password)).close()
        except server.ServerLoginRefused:
            return False
        return True

    def password_changed(self, password: str) -> None:
        if self._login is not None:
            self._login = _Login(self._login.name, password)

    def close_stores(self) -> None:
        import sys

        stores = sys.modules.get("hscb_desktop.storage.stores")
        if stores is not None:
            stores.unbind_all()
        self.schemas.clear()
        self._login = None

    def close(self) -> None:
        self.close_stores()

    def backup_all(self, dest_root: Path | None = None, keep: int | None = None, **_why) -> Path:
        raise NoServerBackup(BACKUP_MESSAGE)


def applied_names(store: str) -> list[str]:
    from hscb_desktop.storage import stores

    db = stores.proxy(store)
    with db.atomic():  # a missing table must not leave the connection in a failed transaction
        try:
            with db.atomic():
                return sorted(r[0] for r in db.execute_sql("SELECT name FROM schema_migration").fetchall())
        except Exception:  # noqa: BLE001 - undefined table: nothing applied
            return []


def check_migrations(store: str) -> None:
    """An application login never migrates: a pending step is the owner's job (``migrate``)."""
    from hscb_desktop.storage import migrations, stores

    done = set(applied_names(store))
    known = {m.name for m in migrations.known(store)}
    if done - known:
        raise migrations.NewerStore(
            f"The {stores.STORE_TITLES[store]} data on the server was written by a newer version of HSCB "
            f"Desktop (it has schema step {sorted(done - known)[-1]}). Install that version or newer.")
    if known - done:
        address = getattr(stores.proxy(store).obj, "connect_params", {})
        where = f"postgresql://{address.get('host', 'HOST')}/{stores.proxy(store).obj.database}"
        raise ServerNotReady(
            f"The {stores.STORE_TITLES[store]} data on the server needs upgrading to this version "
            f"({len(known - done)} schema step(s)). Ask IT to run "
            f"'hscb-desktop-cli --database {where} migrate' as the database owner, then sign in again.")
