"""Issue 11: what the conflict view costs after a stale save, against its floor.

    python bench/conflict_read.py [--updates 10,100,1000]

A throw-away data folder (SQLCipher, WAL, synchronous=FULL; only the key derivation is
cheap). For one LADO contact saved N times by two users, it times, p50 of 20 runs:

- floor: ``service.get_contact`` (what re-opening the record costs anyway);
- ``service.contact_changes``: the same read plus, for each field that differs, the
  walk back through the record's audit entries to the one that last changed it.

Figures are printed, never asserted. Target: within 3x the floor at 1,000 updates.
"""
from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PASSWORD = "Bench-Marking-Lantern-42"  # a throw-away data folder's users
FIELDS = ["employer_name", "referrer_name", "subject_role", "referrer_role", "lado_officer"]


def _p50_ms(fn, runs: int = 20) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--updates", default="10,100,1000")
    args = parser.parse_args()

    from argon2 import PasswordHasher

    from hscb_desktop.core.clock import SYSTEM_CLOCK
    from hscb_desktop.domains.lado import service
    from hscb_desktop.paths import data_paths
    from hscb_desktop.security import auth, passwords, users
    from hscb_desktop.storage import keys
    from hscb_desktop.storage.workspace import Workspace

    keys.DEFAULT_COST = keys.KdfCost(time_cost=1, memory_kib=8, parallelism=1)
    passwords.hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    ws = Workspace(data_paths(Path(tempfile.mkdtemp()) / "data"), SYSTEM_CLOCK).acquire()
    auth.initialise(ws, "admin", PASSWORD)
    ws.close_stores()
    admin = auth.sign_in(ws, "admin", PASSWORD)
    for name in ("bench1", "bench2"):
        users.add_user(admin, name, ["lado_officer"], password=PASSWORD)
    auth.sign_out(admin)
    a, b = (auth.sign_in(ws, n, PASSWORD) for n in ("bench1", "bench2"))

    print(f"{'updates':>8} {'get_contact ms':>15} {'contact_changes ms':>19} {'ratio':>6}")
    for count in (int(n) for n in args.updates.split(",")):
        cid = service.create_contact(a, {
            "date_received": dt.date(2017, 2, 1), "referral_source_type": "employer_dsl",
            "employer_name": "Oakfield Primary School", "employment_sector": "education_school",
            "setting_type": "primary_school", "threshold_met": False, "subject_named": False,
        })
        started = service.get_contact(b, cid)
        version = started["version"]
        for i in range(count):  # the first fields change early, the last one recently
            who = a if i % 2 else b
            field = FIELDS[min(i * len(FIELDS) // count, len(FIELDS) - 1)]
            version = service.update_contact(who, cid, {field: f"value {i}"}, version)
        floor = _p50_ms(lambda: service.get_contact(b, cid))
        read = _p50_ms(lambda: service.contact_changes(b, cid, started, FIELDS))
        print(f"{count:>8} {floor:>15.2f} {read:>19.2f} {read / floor:>6.1f}")
    ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
