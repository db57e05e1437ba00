"""Type-ahead text search behind small functions (ARCHITECTURE: numbers, search).

The embedded store uses an FTS5 ``trigram`` index, which answers substring
searches over 100,000 rows in milliseconds; trigram needs at least three
characters per term, so shorter terms fall back to ``LIKE`` over the same index
table. Domains call only these functions, so a PostgreSQL engine can swap in
``pg_trgm`` here without touching them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from hscb_desktop.storage import stores

_IDENT = re.compile(r"^[a-z_][a-z0-9_]*$")


def _ident(name: str) -> str:
    # Names go into SQL text, so only plain identifiers are accepted.
    if not isinstance(name, str) or not _IDENT.match(name):
        raise ValueError(f"not a plain identifier: {name!r}")
    return name


def _columns(store: str, name: str) -> list[str]:
    rows = stores.proxy(store).execute_sql(f"PRAGMA table_info({_ident(name)})").fetchall()
    return [r[1] for r in rows]


def create_index(store: str, name: str, columns: Sequence[str]) -> None:
    cols = ", ".join(_ident(c) for c in columns)
    stores.proxy(store).execute_sql(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {_ident(name)} USING fts5({cols}, tokenize='trigram')"
    )


def _clean(texts: Sequence[object]) -> list[str]:
    return ["" if t is None else str(t) for t in texts]


def upsert(store: str, name: str, rowid: int, texts: Sequence[object]) -> None:
    """Replace the indexed texts of one row (texts in the index's column order)."""
    upsert_many(store, name, [(rowid, texts)])


def upsert_many(store: str, name: str, rows: Iterable[tuple[int, Sequence[object]]]) -> None:
    rows = [(int(rowid), *_clean(texts)) for rowid, texts in rows]
    if not rows:
        return
    db, table = stores.proxy(store), _ident(name)
    cols = _columns(store, table)
    marks = ", ".join("?" * (len(cols) + 1))
    cursor = db.cursor()
    cursor.executemany(f"DELETE FROM {table} WHERE rowid = ?", [(r[0],) for r in rows])
    cursor.executemany(f"INSERT INTO {table} (rowid, {', '.join(cols)}) VALUES ({marks})", rows)


def delete(store: str, name: str, rowid: int) -> None:
    stores.proxy(store).execute_sql(f"DELETE FROM {_ident(name)} WHERE rowid = ?", (int(rowid),))


def _like_escape(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def match(store: str, name: str, text: str, limit: int | None = None) -> list[int]:
    """Row ids whose indexed texts contain every word of ``text`` (case-insensitive),
    newest (highest id) first."""
    terms = [t for t in str(text or "").split() if t]
    if not terms:
        return []
    table = _ident(name)
    tail = " ORDER BY rowid DESC" + (f" LIMIT {int(limit)}" if limit else "")
    if all(len(t) >= 3 for t in terms):
        query = " AND ".join('"' + t.replace('"', '""') + '"' for t in terms)
        sql, params = f"SELECT rowid FROM {table} WHERE {table} MATCH ?{tail}", [query]
    else:
        cols = _columns(store, table)
        clauses, params = [], []
        for term in terms:
            clauses.append("(" + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in cols) + ")")
            params += [f"%{_like_escape(term)}%"] * len(cols)
        sql = f"SELECT rowid FROM {table} WHERE {' AND '.join(clauses)}{tail}"
    return [r[0] for r in stores.proxy(store).execute_sql(sql, params).fetchall()]
