"""Type-ahead text search behind small functions (ARCHITECTURE: numbers, search).

The embedded store uses an FTS5 ``trigram`` index, which answers substring
searches over 100,000 rows in milliseconds; trigram needs at least three
characters per term, so shorter terms fall back to ``LIKE`` over the same index
table. Domains call only these functions, so a PostgreSQL engine can swap in
``pg_trgm`` here without touching them.

``matching`` gives the same search as a condition for a domain's own query, so a
list screen can fetch one ordered page of matches in a single statement;
``days_between`` is the other engine-specific piece such list queries need.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from peewee import SQL, ColumnBase, EnclosedNodeList, Expression, NodeList

from hscb_desktop.storage import server_search, stores

_IDENT = re.compile(r"^[a-z_][a-z0-9_]*$")


def _ident(name: str) -> str:
    # Names go into SQL text, so only plain identifiers are accepted.
    if not isinstance(name, str) or not _IDENT.match(name):
        raise ValueError(f"not a plain identifier: {name!r}")
    return name


def _columns(store: str, name: str) -> list[str]:
    rows = stores.proxy(store).execute_sql(f"PRAGMA table_info({_ident(name)})").fetchall()
    return [r[1] for r in rows]


def indexes(store: str) -> list[str]:
    """The FTS5 search indexes of a store (for idle housekeeping; none on a server)."""
    if stores.is_server(store):
        return []
    rows = stores.proxy(store).execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%USING fts5%'"
    ).fetchall()
    return [r[0] for r in rows]


def merge(store: str, name: str, pages: int) -> None:
    """Do up to ``pages`` pages of FTS5 segment merging now (storage.housekeeping)."""
    db = stores.proxy(store)
    with db.atomic():
        db.execute_sql(f"INSERT INTO {_ident(name)}({_ident(name)}, rank) VALUES ('merge', ?)",
                       (int(pages),))


def create_index(store: str, name: str, columns: Sequence[str]) -> None:
    if stores.is_server(store):
        server_search.create_index(store, _ident(name), [_ident(c) for c in columns])
        return
    cols = ", ".join(_ident(c) for c in columns)
    stores.proxy(store).execute_sql(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {_ident(name)} USING fts5({cols}, tokenize='trigram')"
    )
    merge_when_idle(store, name)


# FTS5 normally merges index segments inside whichever insert crosses its threshold;
# a merge rewrites hundreds of pages (~20-30 ms), the slowest 1 % of saves. Here the
# inserts only add segments, housekeeping merges them while the user is idle, and a
# crisis merge still runs if a long burst of saves piles up CRISIS_SEGMENTS of them.
CRISIS_SEGMENTS = 128


def merge_when_idle(store: str, name: str) -> None:
    if stores.is_server(store):  # no segments to merge: the server's GIN index maintains itself
        return
    db, table = stores.proxy(store), _ident(name)
    for option, value in (("automerge", 0), ("crisismerge", CRISIS_SEGMENTS)):
        db.execute_sql(f"INSERT INTO {table}({table}, rank) VALUES (?, ?)", (option, value))


def _clean(texts: Sequence[object]) -> list[str]:
    return ["" if t is None else str(t) for t in texts]


def upsert(store: str, name: str, rowid: int, texts: Sequence[object]) -> None:
    """Replace the indexed texts of one row (texts in the index's column order)."""
    upsert_many(store, name, [(rowid, texts)])


def upsert_many(store: str, name: str, rows: Iterable[tuple[int, Sequence[object]]]) -> None:
    rows = [(int(rowid), *_clean(texts)) for rowid, texts in rows]
    if not rows:
        return
    if stores.is_server(store):
        server_search.upsert_many(store, _ident(name), rows)
        return
    db, table = stores.proxy(store), _ident(name)
    cols = _columns(store, table)
    marks = ", ".join("?" * (len(cols) + 1))
    cursor = db.cursor()
    cursor.executemany(f"DELETE FROM {table} WHERE rowid = ?", [(r[0],) for r in rows])
    cursor.executemany(f"INSERT INTO {table} (rowid, {', '.join(cols)}) VALUES ({marks})", rows)
    if len(rows) >= BULK_ROWS:  # a bulk load (import, demo): leave one segment, not hundreds
        db.execute_sql(f"INSERT INTO {table}({table}) VALUES ('optimize')")


BULK_ROWS = 1000


def delete(store: str, name: str, rowid: int) -> None:
    if stores.is_server(store):
        server_search.delete(store, _ident(name), rowid)
        return
    stores.proxy(store).execute_sql(f"DELETE FROM {_ident(name)} WHERE rowid = ?", (int(rowid),))


def _like_escape(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _terms(text: str) -> list[str]:
    return [t for t in str(text or "").split() if t]


def _fts_query(terms: Sequence[str]) -> str:
    # Each term a quoted string: FTS5 operators and quotes typed by the user stay literal.
    return " AND ".join('"' + t.replace('"', '""') + '"' for t in terms)


def match(store: str, name: str, text: str, limit: int | None = None) -> list[int]:
    """Row ids whose indexed texts contain every word of ``text`` (case-insensitive),
    newest (highest id) first."""
    terms = _terms(text)
    if not terms:
        return []
    table = _ident(name)
    if stores.is_server(store):
        return server_search.match(store, table, terms, limit, _like_escape)
    tail = " ORDER BY rowid DESC" + (f" LIMIT {int(limit)}" if limit else "")
    if all(len(t) >= 3 for t in terms):
        sql, params = f"SELECT rowid FROM {table} WHERE {table} MATCH ?{tail}", [_fts_query(terms)]
    else:
        cols = _columns(store, table)
        clauses, params = [], []
        for term in terms:
            clauses.append("(" + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in cols) + ")")
            params += [f"%{_like_escape(term)}%"] * len(cols)
        sql = f"SELECT rowid FROM {table} WHERE {' AND '.join(clauses)}{tail}"
    return [r[0] for r in stores.proxy(store).execute_sql(sql, params).fetchall()]


def matching(store: str, name: str, rowid: ColumnBase, text: str) -> Expression | None:
    """A condition for a domain query: the row whose id is ``rowid`` matches every word
    of ``text`` as ``match`` would; None when ``text`` has no words (no condition).

    Words of three or more characters go through the trigram index (``MATCH``), shorter
    ones through ``LIKE`` over the index's stored texts. Either way the matches form a
    subquery, ``+rowid IN (SELECT ...)``: the unary plus tells SQLite not to drive the
    query from the subquery (which would fetch and sort every match, 230 ms for a word in
    all 100,000 contacts) but to walk the outer query's ORDER BY index and test each row
    against the matches (a Bloom filter, then a lookup), stopping when the page is full
    (17 ms for the same word, 5 ms for a word in 100 contacts).
    """
    terms = _terms(text)
    if not terms:
        return None
    table = _ident(name)
    if stores.is_server(store):
        return server_search.matching(table, rowid, terms, _like_escape)
    hinted = NodeList([SQL("+"), rowid], glue="")
    conditions: list[Expression] = []
    long_terms = [t for t in terms if len(t) >= 3]
    if long_terms:
        sql = SQL(f"SELECT rowid FROM {table} WHERE {table} MATCH ?", [_fts_query(long_terms)])
        conditions.append(hinted.in_(EnclosedNodeList([sql])))
    short_terms = [t for t in terms if len(t) < 3]
    if short_terms:
        # Trigrams cannot answer fewer than three characters, and LIKE through the FTS5
        # table scans it once per column (four scans, 45-75 ms); one scan of its content
        # table (FTS5's documented ``<name>_content``: id, then c0, c1, ... in the index's
        # column order, created by ``create_index`` above) takes 15-40 ms.
        columns = [c for c in _columns(store, f"{table}_content") if c != "id"]
        clauses, params = [], []
        for term in short_terms:
            clauses.append("(" + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in columns) + ")")
            params += [f"%{_like_escape(term)}%"] * len(columns)
        sql = SQL(f"SELECT id FROM {table}_content WHERE {' AND '.join(clauses)}", params)
        conditions.append(hinted.in_(EnclosedNodeList([sql])))
    condition = conditions[0]
    for more in conditions[1:]:
        condition = condition & more
    return condition


def in_order(key: ColumnBase, descending: bool = False) -> server_search.NullsLowest:
    """``key.asc()``/``key.desc()`` with NULLs below every value on either engine (SQLite's
    rule; PostgreSQL's default is the opposite), so pages come in the same order."""
    return server_search.NullsLowest(key, "DESC" if descending else "ASC")


def days_between(later: ColumnBase, earlier: ColumnBase) -> ColumnBase:
    """Whole days from ``earlier`` to ``later`` (two date expressions) in SQL, so a list
    can sort by "days open" in the database (SQLite stores dates as ISO text; PostgreSQL
    subtracts the dates): the node compiles for whichever engine runs the query."""
    return server_search.DaysBetween(later, earlier)
