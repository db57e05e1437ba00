"""``storage.bulk`` on the server engine.

Bulk rows are shaped for SQLite (0/1 for booleans, ISO text for dates), so each value is
cast to its column's type; rows that bring their own ids move the id sequence past them,
or the next ordinary insert would collide.
"""
from __future__ import annotations

from collections.abc import Sequence

from hscb_desktop.storage import stores


def insert_rows(store: str, table: str, columns: Sequence[str], rows: list[tuple]) -> None:
    db = stores.proxy(store)
    types = dict(db.execute_sql(
        "SELECT column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND table_name = %s", (table,)).fetchall())
    marks = ", ".join(f"CAST(CAST(%s AS text) AS {types.get(c, 'text')})" for c in columns)
    db.cursor().executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)
    if "id" in columns:
        db.execute_sql(f"SELECT setval(pg_get_serial_sequence(%s, 'id'), "
                       f"(SELECT max(id) FROM {table}))", (table,))
