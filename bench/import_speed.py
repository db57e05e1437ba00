"""Import speed: 50,000 LADO tracker rows, beside a bare openpyxl read-only pass (issue 8).

    python bench/import_speed.py [--rows 50000] [--keep DIR]

Writes a synthetic tracker (a merged title above the header, dates as text in two
formats, as Excel dates and as serial numbers, trailing spaces, "N/A" and "-",
abbreviated codes), then runs, each in its own process so peak memory is its own:

  baseline  openpyxl ``load_workbook(read_only=True, data_only=True)`` and one pass over
            every row's values: the floor any importer reading the file pays;
  import    a throw-away data folder with the production store pragmas (SQLCipher, WAL,
            synchronous=FULL; only key derivation is cheap): ``engine.prepare`` (a pass
            for the values and date orders), ``engine.dry_run`` (a pass through the rules)
            and ``engine.commit`` (a pass, one transaction, one audit entry per record).

Prints rows per second and peak RSS for each; figures are printed, never asserted.
Memory should stay flat: the import's peak should not grow with the number of rows
beyond the baseline's (both stream the sheet).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timing import lado_officer  # noqa: E402

PASSWORD = "Bench-Import-Lantern-8"
HEADERS = ["LADO Ref", "Date Rec'd", "Employer ", "SECTOR", "Setting", "Source",
           "Threshold met?", "Category", "Harm criteria", "Subject", "D.O.B", "Outcome",
           "Date closed", "No. of children", "Details"]
_SECTORS = [("Edu", "Primary school"), ("education_school", "secondary_school"),
            ("Foster care - local authority", "Foster care"), ("Health - NHS", "Hospital"),
            ("Early years", "Early years / nursery"), ("Sport and leisure", "Sports club")]


def _rss_kib() -> int:
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def _peak_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def write_tracker(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    from hscb_desktop.core.synthetic import FIRST_NAMES, LAST_NAMES

    rng = random.Random(8)
    book = Workbook(write_only=True)
    ws = book.create_sheet("Referrals")
    ws.append(["LADO tracker (synthetic)"])
    ws.append([])
    ws.append(HEADERS)
    start = dt.date(2010, 4, 1)
    for i in range(rows):
        received = start + dt.timedelta(days=i * 2500 // rows)
        sector, setting = _SECTORS[i % len(_SECTORS)]
        threshold = i % 3 == 0
        date_cell = (received.strftime("%d/%m/%Y") if received.day > 12 else
                     (received if i % 2 else (received - dt.date(1899, 12, 30)).days))
        closed = received + dt.timedelta(days=rng.choice((10, 40, 90)))
        ws.append([
            f"T-{i:06d}", date_cell, f"{rng.choice(LAST_NAMES)} School  ", sector, setting,
            rng.choice(("Employer", "Police", "police", "Parent")),
            "Y" if threshold else "N",
            "Phys, Emotional" if threshold else None,
            "Harmed a child" if threshold else None,
            f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)} {i}" if threshold else "N/A",
            dt.date(1960 + i % 30, 1 + i % 12, 1 + i % 28) if threshold else "-",
            rng.choice(("Subs", "Unsubstantiated", "False")) if threshold else None,
            closed.strftime("%d %b %Y") if threshold else None,
            str(1 + i % 3),
            "Synthetic allegation text " * (1 + i % 4),
        ])
    book.save(path)


def phase_baseline(path: Path) -> dict:
    before = _rss_kib()
    t0 = time.perf_counter()
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    count = sum(1 for _ in book["Referrals"].iter_rows(values_only=True))
    book.close()
    seconds = time.perf_counter() - t0
    return {"rows": count, "seconds": seconds, "rss_before_kib": before, "peak_kib": _peak_kib()}


def phase_import(path: Path, folder: Path) -> dict:
    from argon2 import PasswordHasher

    from hscb_desktop.core.clock import SYSTEM_CLOCK
    from hscb_desktop.domains.lado.models import LadoContact
    from hscb_desktop.importing import engine, lado, reader
    from hscb_desktop.importing.mapping import ImportMapping, suggest_columns
    from hscb_desktop.paths import data_paths
    from hscb_desktop.security import auth, passwords
    from hscb_desktop.storage import audit, keys
    from hscb_desktop.storage.workspace import Workspace

    keys.DEFAULT_COST = keys.KdfCost(time_cost=1, memory_kib=8, parallelism=1)
    passwords.hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    ws = Workspace(data_paths(folder), SYSTEM_CLOCK).acquire()
    try:
        session = lado_officer(ws, PASSWORD)
        before = _rss_kib()
        out: dict = {"rss_before_kib": before}
        t0 = time.perf_counter()
        info = reader.inspect_sheet(path, "Referrals")
        samples = {h: [v[i] for _, v in info.preview] for i, h in enumerate(info.headers)}
        mapping = ImportMapping("lado", columns=suggest_columns(info.headers, samples,
                                                                lado.FIELDS))
        plan = engine.prepare(path, "Referrals", mapping, lado)
        out["prepare_s"] = time.perf_counter() - t0
        out["peak_prepare_kib"] = _peak_kib()
        out["unresolved"] = plan.unresolved()
        t0 = time.perf_counter()
        report = engine.dry_run(session, plan)
        out["dry_run_s"] = time.perf_counter() - t0
        out["peak_dry_run_kib"] = _peak_kib()
        out["summary"] = report.summary()
        t0 = time.perf_counter()
        done = engine.commit(session, plan, report)
        out["commit_s"] = time.perf_counter() - t0
        out["peak_commit_kib"] = _peak_kib()  # before verify(), which reads the whole log
        out["created"] = len(done.created_ids)
        out["stored"] = LadoContact.select().count()
        out["audit_ok"] = audit.verify("lado").ok
        out["rows"] = plan.rows
        out["peak_kib"] = _peak_kib()
        auth.sign_out(session)
    finally:
        ws.close()
    return out


def _child(phase: str, path: Path, folder: Path) -> dict:
    result = subprocess.run([sys.executable, __file__, "--phase", phase, "--file", str(path),
                             "--folder", str(folder)], capture_output=True, text=True, check=False)
    if result.returncode:
        raise SystemExit(f"{phase} failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--keep", help="write the tracker and data folder here")
    parser.add_argument("--phase", choices=("baseline", "import"), help=argparse.SUPPRESS)
    parser.add_argument("--file", help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        fn = phase_baseline if args.phase == "baseline" else phase_import
        data = fn(Path(args.file)) if args.phase == "baseline" else fn(Path(args.file),
                                                                         Path(args.folder))
        print(json.dumps(data, default=str))
        return 0
    with tempfile.TemporaryDirectory(prefix="hscb-import-bench-") as tmp:
        base = Path(args.keep) if args.keep else Path(tmp)
        base.mkdir(parents=True, exist_ok=True)
        tracker = base / "tracker.xlsx"
        t0 = time.perf_counter()
        write_tracker(tracker, args.rows)
        print(f"Tracker: {args.rows:,} rows, {tracker.stat().st_size / 1e6:.1f} MB, "
              f"written in {time.perf_counter() - t0:.1f} s")
        bare = _child("baseline", tracker, base / "unused")
        full = _child("import", tracker, base / "data")
    rows = full["rows"]
    mib = 1024

    def rate(seconds: float) -> str:
        return f"{rows / seconds:>9,.0f} rows/s  ({seconds:6.1f} s)"

    print(f"\n{'':<34}{'speed':>28}   {'peak RSS':>10}  {'RSS at start':>12}")
    print(f"{'baseline: openpyxl read-only pass':<34}{rate(bare['seconds']):>28}   "
          f"{bare['peak_kib'] / mib:>7.0f} MiB  {bare['rss_before_kib'] / mib:>9.0f} MiB")
    total = full["prepare_s"] + full["dry_run_s"] + full["commit_s"]
    for label, key in (("import: prepare (values, dates)", "prepare"),
                       ("import: dry run (rules)", "dry_run"),
                       ("import: commit (1 transaction)", "commit")):
        print(f"{label:<34}{rate(full[key + '_s']):>28}   "
              f"{full['peak_' + key + '_kib'] / mib:>7.0f} MiB  (peak so far)")
    print(f"{'import: all three passes':<34}{rate(total):>28}   "
          f"{full['peak_commit_kib'] / mib:>7.0f} MiB  {full['rss_before_kib'] / mib:>9.0f} MiB")
    print(f"{'  (then audit.verify of the log)':<34}{'':>28}   "
          f"{full['peak_kib'] / mib:>7.0f} MiB")
    print(f"\nPer pass, the import is {full['dry_run_s'] / bare['seconds']:.1f}x (dry run) and "
          f"{full['commit_s'] / bare['seconds']:.1f}x (commit) the bare read.")
    print(f"Dry run: {full['summary']}; created {full['created']:,}, stored {full['stored']:,}, "
          f"audit chain {'OK' if full['audit_ok'] else 'BROKEN'}; unresolved values: "
          f"{full['unresolved'] or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
