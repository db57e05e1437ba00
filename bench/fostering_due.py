"""Private fostering due list over 20,000 arrangements and 200,000 visits.

    python bench/fostering_due.py [--arrangements 20000] [--visits-each 10] [--open 0.25]

A throw-away data folder is initialised with the production store pragmas (SQLCipher,
WAL, synchronous=FULL); only the key derivation is cheap, as it is not what is measured.
The records are loaded through ``service.bulk_create`` (validated and audited): every
arrangement has an initial visit and regulation 8 visits six weeks apart; ``--open`` of
them are still open (the rest ended after their last visit). Then:

(a) ``service.due_list(session)``: every due and overdue item, sorted by date, against the
    floor: the bare cursor running the same two queries (open arrangements with their
    latest statutory visit by GROUP BY; undecided notifications) and fetching the rows;
(b) the due list's first screen as the GUI gets it: ``queries.DueSource`` built and the
    first 40 rows asked for;
(c) for context: one arrangement's items (``due.compute(arrangement_ids=[...])``, as the
    arrangement form shows them) and the arrangement list filtered to overdue.

Figures are printed, never asserted. Target: the due list under 200 ms.
"""

from __future__ import annotations

from hscb_desktop.core.synthetic import FIRST_NAMES, LAST_NAMES

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timing import timed as _timed  # noqa: E402

PASSWORD = "Bench-Marking-Lantern-42"  # a throw-away data folder's users
PAGE = 40
_FIRST = FIRST_NAMES
_LAST = LAST_NAMES


def _fast_kdf() -> None:
    from argon2 import PasswordHasher

    from hscb_desktop.security import passwords
    from hscb_desktop.storage import keys

    keys.DEFAULT_COST = keys.KdfCost(time_cost=1, memory_kib=8, parallelism=1)
    passwords.hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


def _records(n: int, visits_each: int, open_share: float, today: dt.date) -> list[dict]:
    """``n`` notifications, each with an arrangement of ``visits_each`` visits."""
    rng = random.Random(2017)
    span_days = 6 * 7 * (visits_each - 1) + 7  # initial visit, then 6-weekly
    n_open = round(n * open_share)
    out = []
    for i in range(n):
        is_open = i < n_open
        if is_open:  # recent enough that every visit is in the past; some are overdue
            notified = today - dt.timedelta(days=span_days + 9 + rng.randint(0, 60))
        else:
            notified = dt.date(2000, 1, 3) + dt.timedelta(days=rng.randint(0, 8500))
        start = notified - dt.timedelta(days=rng.randint(0, 30))
        initial = notified + dt.timedelta(days=rng.randint(1, 9))
        visits = [{"visit_type": "initial_statutory", "visit_date": initial}]
        when = max(initial, start)
        for _ in range(visits_each - 1):
            when += dt.timedelta(weeks=6)
            visits.append(
                {
                    "visit_type": rng.choice(("statutory_reg8",) * 4 + ("unannounced",)),
                    "visit_date": when,
                    "child_seen_alone": True,
                }
            )
        age = rng.randint(0, 13)
        plan = {
            "start_date": start,
            "carer_relationship": "family_friend",
            "reasons": ["from_abroad_for_education"],
            "visits": visits,
        }
        if rng.random() < 0.8:
            plan["assessment_completed_date"] = initial + dt.timedelta(days=20)
        if not is_open:
            plan.update(end_date=when + dt.timedelta(days=10), end_reason="returned_to_parent")
        out.append(
            {
                "date_received": notified,
                "notifier_type": "proposed_carer",
                "notification_type": "existing_arrangement_not_notified",
                "intended_start_date": start,
                "intended_duration_days": 365,
                "child_name": f"{rng.choice(_FIRST)} {rng.choice(_LAST)}",
                "child_date_of_birth": start - dt.timedelta(days=365 * age + rng.randint(0, 300)),
                "child_sex": rng.choice(("male", "female")),
                "carer_name": f"{rng.choice(_FIRST)} {rng.choice(_LAST)}",
                "arrangement": plan,
            }
        )
    # A few undecided notifications, as a working list has.
    for i in range(20):
        out.append(
            {
                **out[i],
                "date_received": today - dt.timedelta(days=i),
                "arrangement": None,
                "intended_start_date": today,
            }
        )
        del out[-1]["arrangement"]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--arrangements", type=int, default=20_000)
    parser.add_argument("--visits-each", type=int, default=10)
    parser.add_argument("--open", type=float, default=0.25, help="share still open (0-1)")
    parser.add_argument("--runs", type=int, default=15, help="timed repeats per figure")
    args = parser.parse_args()
    _fast_kdf()

    from hscb_desktop.core.clock import SYSTEM_CLOCK, local_today
    from hscb_desktop.domains.fostering import due, queries, service
    from hscb_desktop.domains.fostering.models import (
        PfArrangement,
        PfChild,
        PfNotification,
        PfVisit,
    )
    from hscb_desktop.paths import data_paths
    from hscb_desktop.security import auth, users
    from hscb_desktop.storage import stores
    from hscb_desktop.storage.workspace import Workspace

    with tempfile.TemporaryDirectory(prefix="hscb-pf-bench-") as tmp:
        ws = Workspace(data_paths(Path(tmp) / "data"), SYSTEM_CLOCK).acquire()
        try:
            auth.initialise(ws, "admin", PASSWORD)
            ws.close_stores()
            admin = auth.sign_in(ws, "admin", PASSWORD)
            users.add_user(admin, "pf1", ["fostering_worker"], password=PASSWORD)
            auth.sign_out(admin)
            session = auth.sign_in(ws, "pf1", PASSWORD)
            db = stores.proxy("fostering")
            pragmas = stores.read_pragmas(db.obj)
            today = local_today(session.clock)

            t0 = time.perf_counter()
            items = _records(args.arrangements, args.visits_each, args.open, today)
            gen_s = time.perf_counter() - t0
            t0 = time.perf_counter()
            for start in range(0, len(items), 5_000):
                service.bulk_create(session, items[start : start + 5_000])
            load_s = time.perf_counter() - t0
            db.execute_sql("ANALYZE")
            arrangements = PfArrangement.select().count()
            open_count = PfArrangement.select().where(PfArrangement.end_date.is_null()).count()
            visits = PfVisit.select().count()
            print(
                f"{arrangements:,} arrangements ({open_count:,} open), {visits:,} visits: "
                f"generated in {gen_s:.1f} s, loaded through bulk_create in {load_s:.1f} s"
            )
            print("fostering store pragmas: " + " ".join(f"{k}={v}" for k, v in pragmas.items()))
            print()

            def bare():
                return (
                    db.execute(due.open_rows_query()).fetchall(),
                    db.execute(due.pending_rows_query()).fetchall(),
                )

            a, n, c = PfArrangement, PfNotification, PfChild
            plain = (
                a.select(
                    a.id,
                    n.id,
                    n.ref,
                    n.date_received,
                    a.la_aware_date,
                    a.initial_visit_date,
                    a.assessment_completed_date,
                    c.name,
                    c.date_of_birth,
                    c.disabled,
                )
                .join(n, on=(n.id == a.notification))
                .join(c, on=(c.id == n.child))
                .where(a.end_date.is_null())
            )

            runs = args.runs
            got_s, listed = _timed(lambda: service.due_list(session), runs)
            floor_s, (rows, pending) = _timed(bare, runs)
            overdue = sum(i.overdue for i in listed)
            print(f"{'':<52}{'measured':>10}{'floor':>10}{'ratio':>8}")

            def line(label, measured, floor=None):
                ratio = f"{measured / floor:>7.1f}x" if floor else ""
                floor_text = f"{floor * 1000:>8.1f}ms" if floor else " " * 10
                print(f"{label:<52}{measured * 1000:>8.1f}ms{floor_text}{ratio}")

            line(f"due list: {len(listed):,} items ({overdue:,} overdue)", got_s, floor_s)
            print(
                f"{'  floor: bare cursor, same queries':<52}"
                f"({len(rows):,} open + {len(pending):,} undecided rows)"
            )
            plain_s, _ = _timed(lambda: db.execute(plain).fetchall(), runs)
            line("  bare query of the open rows, no visit aggregate", plain_s)

            def first_screen():
                source = queries.DueSource(session)
                return source.rows(source.ids()[:PAGE])

            screen_s, _ = _timed(first_screen, runs)
            line(f"due list first screen (DueSource + {PAGE} rows)", screen_s, floor_s)
            one = (
                PfArrangement.select(PfArrangement.id)
                .where(PfArrangement.end_date.is_null())
                .scalar()
            )
            one_s, _ = _timed(lambda: due.compute(today, arrangement_ids=[one]), runs)
            one_floor, _ = _timed(lambda: db.execute(due.open_rows_query([one])).fetchall(), runs)
            line("one arrangement's items (the form)", one_s, one_floor)
            list_s, _ = _timed(
                lambda: queries.arrangement_list(session, overdue=True).page(0, PAGE),
                max(3, runs // 3),
            )
            line(f"arrangement list, overdue filter, first {PAGE}", list_s)
            print()
            verdict = "under" if got_s < 0.2 else "OVER"
            print(
                f"due list {got_s * 1000:.1f} ms ({verdict} the 200 ms target); bare query "
                f"of the same rows {floor_s * 1000:.1f} ms (without the visit aggregate "
                f"{plain_s * 1000:.1f} ms)"
            )
            auth.sign_out(session)
        finally:
            ws.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
