"""Type-ahead search on the server engine: ``storage.search``'s functions for PostgreSQL.

An index is a plain table (``rowid`` plus the indexed texts, like the FTS5 table it
replaces) with a generated ``doc`` column holding the texts joined by spaces, and a
``pg_trgm`` GIN index on ``doc``: ``ILIKE '%term%'`` over it is answered from the
trigram index (the same substring match, case-insensitive, as FTS5's trigram
tokenizer). Search terms never contain spaces, so a term cannot match across two
columns. When the server has no ``pg_trgm`` the search still works, by a scan.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from peewee import SQL, ColumnBase, EnclosedNodeList, Expression, Ordering

from hscb_desktop.storage import stores

TRGM_SCHEMA = "hscb_server"  # where ``server_roles`` creates the pg_trgm extension


def _db(store: str):
    return stores.proxy(store)


def trgm_schema(store: str) -> str | None:
    row = _db(store).execute_sql(
        "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
        "WHERE e.extname = 'pg_trgm'").fetchone()
    return row[0] if row else None


def create_index(store: str, table: str, columns: Sequence[str]) -> None:
    cols = ", ".join(f"{c} text" for c in columns)
    doc = " || ' ' || ".join(f"coalesce({c}, '')" for c in columns)
    db = _db(store)
    db.execute_sql(f"CREATE TABLE IF NOT EXISTS {table} (rowid integer PRIMARY KEY, {cols}, "
                   f"doc text GENERATED ALWAYS AS ({doc}) STORED)")
    schema = trgm_schema(store)
    if schema:
        db.execute_sql(f'CREATE INDEX IF NOT EXISTS {table}_doc_trgm ON {table} '
                       f'USING gin (doc "{schema}".gin_trgm_ops)')


def columns(store: str, table: str) -> list[str]:
    rows = _db(store).execute_sql(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND table_name = %s AND column_name NOT IN ('rowid', 'doc') ORDER BY ordinal_position",
        (table,)).fetchall()
    return [r[0] for r in rows]


def upsert_many(store: str, table: str, rows: Iterable[tuple]) -> None:
    rows = list(rows)
    if not rows:
        return
    cols = columns(store, table)
    marks = ", ".join(["%s"] * (len(cols) + 1))
    updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in cols)
    _db(store).cursor().executemany(
        f"INSERT INTO {table} (rowid, {', '.join(cols)}) VALUES ({marks}) "
        f"ON CONFLICT (rowid) DO UPDATE SET {updates}", rows)


def delete(store: str, table: str, rowid: int) -> None:
    _db(store).execute_sql(f"DELETE FROM {table} WHERE rowid = %s", (int(rowid),))


def _where(terms: Sequence[str], like_escape) -> tuple[str, list[str]]:
    return (" AND ".join("doc ILIKE %s" for _ in terms),
            [f"%{like_escape(t)}%" for t in terms])


def match(store: str, table: str, terms: Sequence[str], limit: int | None, like_escape) -> list[int]:
    where, params = _where(terms, like_escape)
    tail = " ORDER BY rowid DESC" + (f" LIMIT {int(limit)}" if limit else "")
    return [r[0] for r in _db(store).execute_sql(f"SELECT rowid FROM {table} WHERE {where}{tail}",
                                                 params).fetchall()]


def matching(table: str, rowid: ColumnBase, terms: Sequence[str], like_escape) -> Expression:
    where, params = _where(terms, like_escape)
    return rowid.in_(EnclosedNodeList([SQL(f"SELECT rowid FROM {table} WHERE {where}", params)]))


class DaysBetween(ColumnBase):
    """``later - earlier`` in whole days, compiled for the engine that runs the query:
    SQLite keeps dates as ISO text (``julianday``), PostgreSQL as dates (subtraction)."""

    def __init__(self, later, earlier):
        super().__init__()
        self.later, self.earlier = later, earlier

    def __sql__(self, ctx):
        if ctx.state.engine == "postgresql":
            return (ctx.literal("(CAST(").sql(self.later).literal(" AS date) - CAST(")
                    .sql(self.earlier).literal(" AS date))"))
        return ctx.literal("(julianday(").sql(self.later).literal(") - julianday(") \
            .sql(self.earlier).literal("))")


class NullsLowest(Ordering):
    """An ORDER BY term that puts NULLs where SQLite does (below every value) on either
    engine, so a list pages in the same order on the server; on SQLite it is the plain
    term, which keeps the planner's index walk."""

    def __sql__(self, ctx):
        if ctx.state.engine == "postgresql" and self.nulls is None:
            return Ordering(self.node, self.direction,
                            nulls="last" if self.direction == "DESC" else "first").__sql__(ctx)
        return super().__sql__(ctx)
