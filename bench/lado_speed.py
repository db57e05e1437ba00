"""LADO speed benchmark over 100,000 contacts: how far each operation is from its floor.

    python bench/lado_speed.py [--contacts 100000] [--saves 200]

A throw-away data folder is initialised with the production store pragmas (SQLCipher,
WAL, synchronous=FULL); only the key derivation is cheap, as it is not what is measured.
The contacts are loaded through ``service.bulk_create`` (validated and audited), then:

(a) list open + first screen, through the real path: ``contact_list(...).page`` for the
    first 40 and the first 200 rows, and the GUI's ``RecordTableModel`` over the list's
    source (headless: built, first page loaded, the first screen's 40 rows x 12 columns
    read as display text), each against its floor: a bare peewee query of the same page
    (same columns, join and ORDER BY, LIMIT the same) over the same rows. For context:
    the deferred "N contacts" count, the "Open" filter, and the first page of each sort;
(b) type-ahead search: each keystroke of a few typed words (from 2 characters) through
    ``contact_list(text=...).page`` (the list's page size), against a bare peewee query
    of the same page with the same MATCH/LIKE condition; p50 over the keystrokes and the
    worst. For context: the same floor without the plan hint ``storage.search`` adds,
    and the deferred count;
(c) one save: ``service.create_contact`` (validation, child rows, search index, audit, one
    transaction) p50/p99, against a bare peewee insert of one row of the same table, each in
    its own transaction, in the same store (WAL + synchronous=FULL). For context, the WAL
    checkpoint effect: both again with automatic checkpoints off, and one checkpoint;
(d) the LADO return (``returns.compute`` for 2016-17) and the full ``export_lado``.

Figures are printed, never asserted. Targets: list and search within 3x floor and under
100 ms; save p99 within 3x floor; return under 3 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timing import lado_officer, timed as _timed, pct as _pct  # noqa: E402

PASSWORD = "Bench-Marking-Lantern-42"  # a throw-away data folder's users
PAGE = 40

_PLACES = ("Oakfield", "Riverside", "Hilltop", "Meadow", "Northgate", "Brook Lane", "Elmwood",
           "Ashby", "Kingsway", "Willow", "Larkspur", "Fenwick", "Harrow", "Stonebridge",
           "Marsh", "Thornbury", "Calder", "Redbourn", "Wexley", "Greyfriars")
_KINDS = ("Primary School", "Academy", "College", "Nursery", "Children's Home", "Hospital",
          "Swimming Club", "Church", "Cabs", "Football Club", "Surgery", "Youth Centre")
_FIRST = ("Alex", "Sam", "Jo", "Chris", "Pat", "Robin", "Jamie", "Morgan", "Casey", "Drew",
          "Lee", "Kim", "Ashley", "Jordan", "Taylor", "Charlie", "Frankie", "Rowan")
_LAST = ("Example", "Sample", "Testwell", "Fictional", "Madeup", "Placeholder", "Dummy",
         "Mockford", "Pretend", "Imagine", "Notreal", "Standin", "Proxyham", "Fauxley")
# Typed a character at a time (from 2 characters): employer, subject surname, reference.
TYPED = ("Thornbury", "Mockford", "LADO-2016-03")


def _fast_kdf() -> None:
    from argon2 import PasswordHasher

    from hscb_desktop.security import passwords
    from hscb_desktop.storage import keys

    keys.DEFAULT_COST = keys.KdfCost(time_cost=1, memory_kib=8, parallelism=1)
    passwords.hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


def _contacts(n: int, today: dt.date) -> list[dict]:
    """``n`` valid contacts spread over the LADO years up to ``today`` (demo-style records
    with many more employers and subjects, so searches have realistic selectivity)."""
    from hscb_desktop.core.periods import period_containing
    from hscb_desktop.domains.lado import demo

    rng = random.Random(2017)
    first = 2000
    last = period_containing("lado", today).start.year
    years = last - first + 1
    out: list[dict] = []
    for year in range(first, last + 1):
        total = n // years + (1 if year - first < n % years else 0)
        threshold = total // 10
        last_day = min(today, dt.date(year + 1, 6, 30))
        out += demo._year(rng, year, total, threshold, threshold, last_day)  # noqa: SLF001
    for i, record in enumerate(out):
        record["employer_name"] = (f"{_PLACES[rng.randrange(len(_PLACES))]} "
                                   f"{_KINDS[rng.randrange(len(_KINDS))]} {i % 500 + 1}")
        if record.get("subject_named"):
            record["subject_name"] = (f"{_FIRST[rng.randrange(len(_FIRST))]} "
                                      f"{_LAST[rng.randrange(len(_LAST))]}")
    return [r for r in out if r["date_received"] <= today]


def _ms(seconds: float) -> float:
    return seconds * 1000.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--saves", type=int, default=200)
    parser.add_argument("--runs", type=int, default=9, help="timed repeats per read figure")
    args = parser.parse_args()
    _fast_kdf()

    from peewee import JOIN, SQL, fn

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication

    from hscb_desktop.core.clock import SYSTEM_CLOCK, local_today
    from hscb_desktop.core.periods import period_for
    from hscb_desktop.domains.lado import queries, returns, service
    from hscb_desktop.domains.lado.models import LadoContact, LadoSubject
    from hscb_desktop.gui.lado_list import COLUMNS, PAGE_SIZE
    from hscb_desktop.gui.tables import RecordTableModel
    from hscb_desktop.paths import data_paths
    from hscb_desktop.security import auth
    from hscb_desktop.storage import stores
    from hscb_desktop.storage.workspace import Workspace

    app = QCoreApplication.instance() or QCoreApplication([])  # noqa: F841 - for the model
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="hscb-lado-bench-") as tmp:
        ws = Workspace(data_paths(Path(tmp) / "data"), SYSTEM_CLOCK).acquire()
        try:
            session = lado_officer(ws, PASSWORD)
            db = stores.proxy("lado")
            pragmas = stores.read_pragmas(db.obj)
            today = local_today(session.clock)

            t0 = time.perf_counter()
            items = _contacts(args.contacts, today)
            gen_s = time.perf_counter() - t0
            t0 = time.perf_counter()
            for start in range(0, len(items), 10_000):
                service.bulk_create(session, items[start:start + 10_000])
            load_s = time.perf_counter() - t0
            db.execute_sql("ANALYZE")
            count = LadoContact.select().count()
            print(f"{count:,} contacts ({sum(bool(r.get('subject_named')) for r in items):,} "
                  f"threshold) generated in {gen_s:.1f} s, loaded through bulk_create in "
                  f"{load_s:.1f} s")
            print("lado store pragmas: " + " ".join(f"{k}={v}" for k, v in pragmas.items()))
            print()

            c, s = LadoContact, LadoSubject
            page_cols = (c.id, c.ref, c.date_received, c.threshold_met, c.employer_name,
                         c.sector_group, s.name, c.subject_role, c.outcome, c.date_closed,
                         c.retention_review_date)
            newest = [c.date_received.desc(), c.id.desc()]

            def bare_page(limit, where=None, order=newest):
                query = (c.select(*page_cols)
                         .join(s, on=(s.contact == c.id), join_type=JOIN.LEFT_OUTER))
                if where is not None:
                    query = query.where(where)
                return list(query.order_by(*order).limit(limit).tuples())

            results = []  # (label, measured s, floor s, ratio target, ms target)
            runs = args.runs

            # (a) list open + first screen
            for limit in (PAGE, 200):
                got_s, page = _timed(lambda n=limit: queries.contact_list(session).page(0, n),
                                     runs)
                floor_s, bare = _timed(lambda n=limit: bare_page(n), runs)
                _same(page, bare, f"first {limit}")
                results.append((f"list open: ContactList.page first {limit}", got_s, floor_s,
                                3.0, 100.0))

            def open_model():
                return RecordTableModel(COLUMNS, queries.contact_list(session),
                                        page_size=PAGE_SIZE)

            def first_screen():
                model = open_model()
                return [model.data(model.index(r, col)) for r in range(PAGE)
                        for col in range(model.columnCount())]

            got_s, _ = _timed(open_model, runs)
            floor_s, _ = _timed(lambda: bare_page(PAGE_SIZE), runs)
            results.append((f"list open: GUI model, first page ({PAGE_SIZE})", got_s,
                            floor_s, 3.0, 100.0))
            screen_s, _ = _timed(first_screen, runs)
            results.append((f"  same + first screen's {PAGE}x12 cells as text", screen_s,
                            floor_s, None, None))
            got_s, total = _timed(lambda: queries.contact_list(session).count(), runs)
            floor_s, _ = _timed(lambda: c.select(fn.COUNT(SQL("*"))).scalar(), runs)
            results.append((f"  count, after the page ({total:,})", got_s, floor_s, None, None))
            got_s, page = _timed(lambda: queries.contact_list(session, status="open")
                                 .page(0, PAGE_SIZE), runs)
            floor_s, bare = _timed(lambda: bare_page(PAGE_SIZE, c.date_closed.is_null()), runs)
            _same(page, bare, "open filter")
            results.append(("  filter Open: page", got_s, floor_s, None, None))

            sorts = []  # (column, page s, floor s) for context
            for name in queries.COLUMNS:
                for descending in (False, True):
                    source = queries.contact_list(session)
                    got_s, page = _timed(lambda: source.page(0, PAGE_SIZE, name, descending), 3)
                    order, _join = source._order(name, descending)  # noqa: SLF001
                    floor_s, bare = _timed(lambda o=order: bare_page(PAGE_SIZE, order=o), 3)
                    _same(page, bare, f"sort {name}")
                    sorts.append((f"{name} {'desc' if descending else 'asc'}", got_s, floor_s))
            worst_sort = max(sorts, key=lambda r: r[1])
            results.append((f"  sort: worst first page ({worst_sort[0]})", worst_sort[1],
                            worst_sort[2], None, None))

            # (b) type-ahead search, one keystroke at a time
            keystrokes = []  # (text, page s, floor s, naive floor s, count s, hits)
            for word in TYPED:
                for n in range(2, len(word) + 1):
                    text = word[:n]
                    source = queries.contact_list(session, text=text)
                    reps = max(3, runs // 2)
                    got_s, page = _timed(lambda src=source: src.page(0, PAGE_SIZE), reps)
                    where = _search_condition(c, text, hinted=True)
                    floor_s, bare = _timed(lambda w=where: bare_page(PAGE_SIZE, w), reps)
                    _same(page, bare, f"search {text!r}")
                    naive = _search_condition(c, text, hinted=False)
                    naive_s, _ = _timed(lambda w=naive: bare_page(PAGE_SIZE, w), 3)
                    count_s, hits = _timed(source.count, 3)
                    keystrokes.append((text, got_s, floor_s, naive_s, count_s, hits))
            worst = max(keystrokes, key=lambda k: k[1])

            def p50(i):
                return statistics.median(k[i] for k in keystrokes)

            results.append((f"search keystroke p50 ({len(keystrokes)} keystrokes)", p50(1),
                            p50(2), 3.0, 100.0))
            results.append((f"search worst keystroke {worst[0]!r} ({worst[5]:,} hits)",
                            worst[1], worst[2], 3.0, 100.0))
            naive_worst = max(keystrokes, key=lambda k: k[3])
            results.append(("  search p50, floor without the plan hint", p50(1), p50(3),
                            None, None))
            results.append((f"  search worst, same ({naive_worst[0]!r})", worst[1],
                            naive_worst[3], None, None))
            count_worst = max(keystrokes, key=lambda k: k[4])
            results.append(("  search count (after the page) p50", p50(4), None, None, None))
            results.append((f"  search count worst ({count_worst[0]!r})", count_worst[4],
                            None, None, None))

            # (c) one save
            template = {  # a consultation received today, as an officer types one in
                "date_received": today,
                "referral_source_type": "employer_dsl",
                "employer_name": "Thornbury Academy 7",
                "employment_sector": "education_school",
                "setting_type": "primary_school",
                "threshold_met": False,
                "subject_named": False,
            }
            row = c.select().where(c.id == ids_last(c)).dicts().get()
            row.pop("id")
            serial = iter(range(10**6))

            def saves(n, warm=True):
                if warm:
                    service.create_contact(session, template)
                times = []
                for _ in range(n):
                    t0 = time.perf_counter()
                    service.create_contact(session, template)
                    times.append(time.perf_counter() - t0)
                return times

            def bare_saves(n, warm=True):
                times = []
                for _ in range(n + warm):
                    row["ref"] = f"BENCH-{next(serial):06d}"
                    t0 = time.perf_counter()
                    with db.atomic():
                        c.insert(**row).execute()
                    times.append(time.perf_counter() - t0)
                return times[warm:]

            # As in the app: the officer paused before typing the next contact, so the
            # idle housekeeping (WAL checkpoint, FTS5 merge; storage.housekeeping) ran.
            # PASSIVE, not TRUNCATE: the WAL file keeps its size and is written over from
            # the start, as in use (a truncated WAL makes every commit grow the file).
            from hscb_desktop.storage import housekeeping
            for _ in range(20):  # the merges a busy day's idle moments would have done
                housekeeping.idle_step()
            got = saves(args.saves)
            housekeeping.idle_step()
            bare = bare_saves(args.saves)
            results.append(("save p50 (create_contact)", _pct(got, 0.5), _pct(bare, 0.5),
                            None, None))
            results.append(("save p99 (create_contact)", _pct(got, 0.99), _pct(bare, 0.99),
                            3.0, None))
            # WAL context: SQLite checkpoints automatically when a commit leaves the WAL
            # over 1,000 pages; that commit copies the WAL into the database and syncs it
            # (synchronous=FULL), which is what a p99 over a few hundred saves catches.
            # With automatic checkpoints off, each save's WAL pages are counted too (a
            # checkpoint before each, untimed): the FTS5 index's segment merges show there.
            def counted(save, n):
                times, pages = [], []
                for _ in range(n):
                    db.execute_sql("PRAGMA wal_checkpoint(PASSIVE)")
                    times += save(1, warm=False)
                    pages.append(db.execute_sql("PRAGMA wal_checkpoint(PASSIVE)").fetchone()[1])
                return times, pages

            wal_pages = db.execute_sql("PRAGMA wal_autocheckpoint").fetchone()[0]
            db.execute_sql("PRAGMA wal_autocheckpoint=0")
            try:
                db.execute_sql("PRAGMA wal_checkpoint(PASSIVE)")
                saves(args.saves)
                t0 = time.perf_counter()
                copied = db.execute_sql("PRAGMA wal_checkpoint(PASSIVE)").fetchone()[1]
                checkpoint_s = time.perf_counter() - t0
                got_off, pages = counted(saves, args.saves)
                bare_off, bare_pages = counted(bare_saves, args.saves)
            finally:
                db.execute_sql(f"PRAGMA wal_autocheckpoint={int(wal_pages)}")
            results.append((f"  one checkpoint of {args.saves} saves' WAL ({copied:,} pages)",
                            checkpoint_s, None, None, None))
            results.append(("  save p50, automatic checkpoints off", _pct(got_off, 0.5),
                            _pct(bare_off, 0.5), None, None))
            results.append(("  save p99, automatic checkpoints off", _pct(got_off, 0.99),
                            _pct(bare_off, 0.99), None, None))
            merges = [t for t, n in zip(got_off, pages) if n > 100]
            wal_note = (f"WAL pages per save: create_contact p50 {_pct(pages, 0.5)}, "
                        f"max {max(pages)}; bare insert p50 {_pct(bare_pages, 0.5)}, "
                        f"max {max(bare_pages)}. {len(merges)} of {args.saves} saves wrote "
                        "over 100 pages (FTS5 segment merges)"
                        + (f", {_ms(min(merges)):.1f}-{_ms(max(merges)):.1f} ms each."
                           if merges else "."))

            # (d) the return and the export
            period = period_for("lado", "2016-17")
            compute_s, tables = _timed(lambda: returns.compute(period), 3)
            t0 = time.perf_counter()
            service.export_lado(session, "2016-17", Path(tmp) / "lado-2016-17.xlsx")
            export_s = time.perf_counter() - t0
            results.append(("LADO return 2016-17 (compute)", compute_s, None, None, 3000.0))
            results.append(("export_lado 2016-17 (verify+compute+xlsx)", export_s, None, None,
                            3000.0))
            auth.sign_out(session)
        finally:
            ws.close()

    print(f"{'operation':<46} {'measured':>10} {'floor':>10} {'ratio':>7}  target        ok")
    for label, got, floor, max_ratio, max_ms in results:
        ratio = got / floor if floor else None
        target = " and ".join(t for t in (f"<={max_ratio:g}x" if max_ratio else "",
                                         f"<{max_ms:g} ms" if max_ms else "") if t) or "-"
        ok = ((max_ratio is None or (ratio is not None and ratio <= max_ratio))
              and (max_ms is None or _ms(got) < max_ms))
        verdict = "-" if target == "-" else ("yes" if ok else "NO")
        print(f"{label:<46} {_ms(got):>8.1f}ms "
              f"{(f'{_ms(floor):8.2f}ms' if floor else '         -'):>10} "
              f"{(f'{ratio:6.1f}x' if ratio else '      -'):>7}  {target:<13} {verdict}")
    print()
    print(f"first page ({PAGE_SIZE} rows) by each sort: ContactList.page / bare floor ms")
    for label, got, floor in sorts:
        print(f"  {label:<28} {_ms(got):7.2f} / {_ms(floor):7.2f}")
    print()
    print(f"search keystrokes, first page ({PAGE_SIZE} rows): ContactList.page / bare floor / "
          "floor without the plan hint, count ms, hits")
    for text, got, bare, naive, count_s, hits in keystrokes:
        print(f"  {text!r:<16} {_ms(got):7.2f} / {_ms(bare):7.2f} / {_ms(naive):7.2f}  "
              f"{_ms(count_s):7.2f}  {hits:>7,}")
    print()
    print(wal_note)
    print(f"\ntotal bench time {time.perf_counter() - started:.0f} s")
    return 0


def _same(page, bare, what: str) -> None:
    if [r[0] for r in page] != [r[0] for r in bare]:
        print(f"warning: {what}: the floor's page differs from the list's")


def _search_condition(c, text: str, hinted: bool):
    """The condition ``storage.search.matching`` builds, written out by hand for the floor
    (``hinted=False``: without the unary plus that keeps SQLite scanning in page order)."""
    from peewee import SQL, EnclosedNodeList, NodeList

    terms = text.split()
    rowid = NodeList([SQL("+"), c.id], glue="") if hinted else c.id
    where = None
    long_terms = [t for t in terms if len(t) >= 3]
    short_terms = [t for t in terms if len(t) < 3]
    if long_terms:
        query = " AND ".join('"' + t.replace('"', '""') + '"' for t in long_terms)
        sql = SQL("SELECT rowid FROM lado_search WHERE lado_search MATCH ?", [query])
        where = rowid.in_(EnclosedNodeList([sql]))
    if short_terms:
        cols = ("c0", "c1", "c2", "c3")
        clauses, params = [], []
        for term in short_terms:
            clauses.append("(" + " OR ".join(f"{col} LIKE ? ESCAPE '\\'" for col in cols) + ")")
            params += [f"%{term}%"] * len(cols)
        sql = SQL(f"SELECT id FROM lado_search_content WHERE {' AND '.join(clauses)}", params)
        cond = rowid.in_(EnclosedNodeList([sql]))
        where = cond if where is None else where & cond
    return where


def ids_last(model) -> int:
    return model.select(model.id).order_by(model.id.desc()).scalar()


if __name__ == "__main__":
    raise SystemExit(main())
