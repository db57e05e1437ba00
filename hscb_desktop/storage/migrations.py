"""Schema versions per store (MIG-1, MIG-2, MIG-5).

Each store has an ordered list of named migrations; applied names are kept in its
``schema_migration`` table. Before migrating a store that already holds data, a
backup is taken through the engine and verified (MIG-1). Each migration runs in
one transaction with foreign keys off, then ``foreign_key_check`` must be clean
(MIG-2). A store that has applied a migration this build does not know was
written by a newer version and is refused untouched (MIG-5).

On a PostgreSQL server (team mode) the same steps run, in one transaction, as the
database owner (``security.server_setup``); references are checked by the server as each
statement runs, backups are IT's, and an application login finding a pending step is
refused (``storage.server_workspace.check_migrations``).
"""
from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from peewee import CharField, Model

from hscb_desktop.core.clock import Clock
from hscb_desktop.storage import audit, stores


@dataclass(frozen=True)
class Migration:
    name: str
    apply: Callable[[], None]  # runs with the store's proxy bound


class NewerStore(stores.StoreError):
    pass


class MigrationFailed(stores.StoreError):
    pass


_registry: dict[str, list[Migration]] = {name: [] for name in stores.STORE_NAMES}


def register(store: str, name: str) -> Callable[[Callable[[], None]], Callable[[], None]]:
    """Decorator: ``@register("lado", "0002_contacts")``. Names sort in apply order."""

    def deco(fn: Callable[[], None]) -> Callable[[], None]:
        if any(m.name == name for m in _registry[store]):
            raise ValueError(f"migration {store}/{name} registered twice")
        _registry[store].append(Migration(name, fn))
        _registry[store].sort(key=lambda m: m.name)
        return fn

    return deco


# The domain packages whose tables live in each store. Their ``schema`` modules
# register migrations when imported; storage finds them by name so that it never
# imports a domain statically (domains sit above storage).
STORE_PACKAGES: dict[str, tuple[str, ...]] = {
    "core": (), "lado": ("lado",), "fostering": ("fostering",), "cdop": ("cdop",),
    "board": ("board", "training"),
}


def load_schema_modules(store: str) -> None:
    for package in STORE_PACKAGES[store]:
        module = f"hscb_desktop.domains.{package}.schema"
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name not in (module, f"hscb_desktop.domains.{package}"):
                raise


def known(store: str) -> list[Migration]:
    load_schema_modules(store)
    return list(_registry[store])


for _store in stores.STORE_NAMES:
    register(_store, "0001_audit")(lambda _s=_store: audit.create_tables(_s))


def _migration_model(store: str):
    class SchemaMigration(Model):
        name = CharField(primary_key=True)
        applied_at = CharField()

        class Meta:
            database = stores.proxy(store)
            table_name = "schema_migration"

    return SchemaMigration


def applied(store: str) -> list[str]:
    model = _migration_model(store)
    if not model.table_exists():
        return []
    return sorted(m.name for m in model.select())


def pending(store: str) -> list[Migration]:
    done = set(applied(store))
    return [m for m in known(store) if m.name not in done]


def check_not_newer(store: str) -> None:
    unknown = sorted(set(applied(store)) - {m.name for m in known(store)})
    if unknown:
        raise NewerStore(
            f"The {stores.STORE_TITLES[store]} store was written by a newer version of HSCB Desktop "
            f"(it has schema step {unknown[-1]}). Install that version or newer; nothing has been changed."
        )


def migrate(store: str, *, clock: Clock, backup_dir: Path | None,
            backup: Callable[[str, Path], Path] | None = None) -> list[str]:
    """Bring one bound store to this build's schema. Returns the names applied."""
    db = stores.proxy(store)
    check_not_newer(store)
    todo = pending(store)
    if not todo:
        return []
    model = _migration_model(store)
    already = applied(store)
    backup_path = None
    if already and backup_dir is not None and backup is not None:
        # MIG-1: a verified copy before touching a store that holds data.
        backup_path = backup(store, backup_dir)
    done: list[str] = []
    current = todo[0].name
    server = stores.is_server(store)  # the server checks references as each statement runs
    if not server:
        db.execute_sql("PRAGMA foreign_keys = OFF")  # must be outside the transaction
    try:
        # One transaction for every pending step: a failure at any step leaves the store
        # exactly at its old version (MIG-1), never half-way between two schemas.
        with db.atomic():
            db.create_tables([model])
            for migration in todo:
                current = migration.name
                migration.apply()
                problems = [] if server else db.execute_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise MigrationFailed(f"{migration.name} left {len(problems)} broken references")
                model.create(name=migration.name,
                             applied_at=clock.now().astimezone(dt.timezone.utc).isoformat())
                if migration.name != "0001_audit":
                    audit.append(store, audit.SYSTEM, "migration", clock=clock,
                                 new={"migration": migration.name,
                                      "backup": (f"{backup_path.parent.name}/{backup_path.name}"
                                                 if backup_path else None)})
                done.append(migration.name)
    except Exception as exc:
        where = f" The store is unchanged; a verified backup is at {backup_path}." if backup_path else \
            " The store is unchanged."
        raise MigrationFailed(f"Upgrading the {stores.STORE_TITLES[store]} store failed at "
                              f"{current} ({type(exc).__name__}: {exc}).{where}") from exc
    finally:
        if not server:
            db.execute_sql("PRAGMA foreign_keys = ON")
    return done
