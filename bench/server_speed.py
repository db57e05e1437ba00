"""Team mode beside the embedded store: one save and one list page (issue 11).

    python bench/server_speed.py [--contacts 10000] [--saves 300] [--runs 30]

In the same run, the same LADO contacts (demo-style, loaded through ``bulk_create``) go
into a throw-away embedded data folder (SQLCipher, WAL, synchronous=FULL) and into a
throw-away PostgreSQL cluster on loopback (127.0.0.1, TCP, SCRAM login, the server's
default durability: fsync and synchronous_commit on), signed in as a LADO officer with
their own server login. Then on each:

- one save: ``service.create_contact`` (validation, child rows, search index, audit, one
  transaction), p50 and p99 over ``--saves``;
- one list page: the list's first page (``contact_list(session).page(0, 40)``, the
  newest 40), and the first page of a type-ahead search ("Thornbury"), p50 and p99 over
  ``--runs``.

Set HSCB_TEST_PG_URL to a superuser URL to use a server you run instead of a private
cluster (it then keeps its own settings). Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))  # pg_support: the tests' throw-away cluster

from timing import lado_officer  # noqa: E402

PASSWORD = "Bench-Marking-Lantern-42"
PAGE = 40


def _durable_cluster():
    """pg_support's private cluster, restarted without its test-only fsync=off."""
    import pg_support

    cluster = pg_support.LocalCluster()
    url = cluster.start()
    run_as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    ctl = [
        *run_as,
        str(pg_support._bin_dir() / "pg_ctl"),
        "-D",
        str(cluster.root / "data"),
        "-l",
        str(cluster.root / "log"),
        "-w",
        "-t",
        "60",
    ]
    subprocess.run([*ctl, "-m", "fast", "stop"], check=True, capture_output=True)
    options = (
        f"-c listen_addresses=127.0.0.1 -c port={cluster.port} "
        f"-c unix_socket_directories={cluster.root}"
    )
    subprocess.run([*ctl, "-o", options, "start"], check=True, capture_output=True)
    return cluster, url


def _measure(session, items, saves: int, runs: int, template: dict) -> dict[str, list[float]]:
    from hscb_desktop.domains.lado import queries, service

    for start in range(0, len(items), 5_000):
        service.bulk_create(session, items[start : start + 5_000])
    out: dict[str, list[float]] = {
        "save (create_contact)": [],
        "list page (first 40)": [],
        "search page (first 40)": [],
    }
    service.create_contact(session, template)  # warm-up
    for _ in range(saves):
        t0 = time.perf_counter()
        service.create_contact(session, template)
        out["save (create_contact)"].append(time.perf_counter() - t0)
    for label, make in (
        ("list page (first 40)", lambda: queries.contact_list(session)),
        ("search page (first 40)", lambda: queries.contact_list(session, text="Thornbury")),
    ):
        make().page(0, PAGE)  # warm-up
        for _ in range(runs):
            t0 = time.perf_counter()
            rows = make().page(0, PAGE)
            out[label].append(time.perf_counter() - t0)
        assert len(rows) == PAGE, (label, len(rows))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=10_000)
    parser.add_argument("--saves", type=int, default=300)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    import lado_speed  # the LADO bench's contact generator and percentiles

    lado_speed._fast_kdf()
    from hscb_desktop.core.clock import SYSTEM_CLOCK, local_today
    from hscb_desktop.paths import data_paths
    from hscb_desktop.security import auth, server_setup, users
    from hscb_desktop.storage import stores
    from hscb_desktop.storage.server import ServerAddress
    from hscb_desktop.storage.server_workspace import ServerWorkspace
    from hscb_desktop.storage.workspace import Workspace

    today = local_today(SYSTEM_CLOCK)
    items = lado_speed._contacts(args.contacts, today)
    for i, record in enumerate(items):  # the search term is in some employers' names
        if i % 50 == 0:
            record["employer_name"] = f"Thornbury Academy {i}"
    template = {
        "date_received": today - dt.timedelta(days=3),
        "referral_source_type": "employer_dsl",
        "employer_name": "Thornbury Academy 7",
        "employment_sector": "education_school",
        "setting_type": "primary_school",
        "threshold_met": False,
        "subject_named": False,
    }
    results: dict[str, dict[str, list[float]]] = {}

    with tempfile.TemporaryDirectory(prefix="hscb-server-bench-") as tmp:
        ws = Workspace(data_paths(Path(tmp) / "data"), SYSTEM_CLOCK).acquire()
        try:
            session = lado_officer(ws, PASSWORD)
            results["embedded"] = _measure(session, items, args.saves, args.runs, template)
            auth.sign_out(session)
        finally:
            ws.close()

    cluster, url = (
        (None, os.environ["HSCB_TEST_PG_URL"])
        if os.environ.get("HSCB_TEST_PG_URL")
        else _durable_cluster()
    )
    import psycopg

    try:
        name = f"hscb_bench_{os.getpid()}"
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
            version = conn.execute("SHOW server_version").fetchone()[0]
            durability = {
                k: conn.execute(f"SHOW {k}").fetchone()[0] for k in ("fsync", "synchronous_commit")
            }
        base = ServerAddress.parse(url)
        address = ServerAddress(base.host, base.port, name, base.user, base.password)
        server_setup.initialise(address, "admin", PASSWORD, SYSTEM_CLOCK)
        ws = ServerWorkspace(address.with_login("", ""), SYSTEM_CLOCK)
        admin = auth.sign_in(ws, "admin", PASSWORD)
        users.add_user(admin, "lado1", ["lado_officer"], password=PASSWORD)
        auth.sign_out(admin)
        session = auth.sign_in(ws, "lado1", PASSWORD)
        stores.proxy("lado").execute_sql("ANALYZE")
        results["server"] = _measure(session, items, args.saves, args.runs, template)
        auth.sign_out(session)
        if cluster is None:
            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
                for (role,) in conn.execute(
                    "SELECT rolname FROM pg_roles WHERE starts_with(rolname, %s)", (address.prefix,)
                ).fetchall():
                    conn.execute(f'DROP ROLE "{role}"')
    finally:
        if cluster is not None:
            cluster.stop()

    pct = lado_speed._pct
    print(
        f"{len(items):,} LADO contacts on each; PostgreSQL {version} on {base.host} "
        f"({', '.join(f'{k}={v}' for k, v in durability.items())}); SQLCipher embedded store, "
        f"WAL, synchronous=FULL; {args.saves} saves, {args.runs} runs per page"
    )
    print()
    print(
        f"{'operation':<26} {'embedded p50':>13} {'p99':>9} {'server p50':>11} {'p99':>9} "
        f"{'ratio p50':>10} {'ratio p99':>10}"
    )
    for label in results["embedded"]:
        e, s = results["embedded"][label], results["server"][label]
        e50, e99, s50, s99 = (
            1000 * pct(x, q) for x, q in ((e, 0.5), (e, 0.99), (s, 0.5), (s, 0.99))
        )
        print(
            f"{label:<26} {e50:>10.2f} ms {e99:>6.2f} ms {s50:>8.2f} ms {s99:>6.2f} ms "
            f"{s50 / e50:>9.2f}x {s99 / e99:>9.2f}x"
        )
    print("\nratio = server / embedded (above 1: the server is slower)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
