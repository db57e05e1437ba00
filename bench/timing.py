"""What the benchmarks share: medians of timed calls, percentiles, and a LADO officer
signed in on a fresh data folder."""
from __future__ import annotations

import statistics
import time


def timed(fn, runs: int) -> tuple[float, object]:
    """Median seconds of ``runs`` calls (after one warm-up) and the last result."""
    result = fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def pct(values: list[float], q: float) -> float:
    """The ``q`` quantile (0..1) of ``values``, nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def lado_officer(ws, password: str):
    """Initialise ``ws`` with an administrator, add the LADO officer ``lado1`` (same
    password) and return lado1's session."""
    from hscb_desktop.security import auth, users

    auth.initialise(ws, "admin", password)
    ws.close_stores()
    admin = auth.sign_in(ws, "admin", password)
    users.add_user(admin, "lado1", ["lado_officer"], password=password)
    auth.sign_out(admin)
    return auth.sign_in(ws, "lado1", password)
