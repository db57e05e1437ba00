"""Ten years of a large county's activity, for bench/ten_years.py (issue 10, part C).

    python bench/ten_years_data.py DATA_DIR      # the password comes from HSCB_BENCH_SECRET

Fills a new data folder, through the services and their bulk paths (validated and
audited like the app's own saves), with:

- LADO: 80,000 contacts over the last ten LADO years (``service.bulk_create``; demo-style
  records with many employers and subjects, as bench/lado_speed.py makes them);
- private fostering: 5,000 notifications, each with its arrangement and eight visits
  (``service.bulk_create``; the records of bench/fostering_due.py, received over ten years);
- CDOP: 1,000 deaths with two agency reports each, reviewed at 60 panel meetings except the
  most recent (``service.load_cases``);
- board: the demo board's 26 seats and 40 meetings (four a year, ``service.record_meeting``);
- training: 15 courses and 500 runs with per-agency counts (``service.set_counts``).

Key derivation is made cheap (as in the tests): it is not what is measured, and the
start-up child signs in with the parameters stored here. Run in its own process so the
benchmark's peak memory is the app's work, not the generator's.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

SECRET_ENV = "HSCB_BENCH_SECRET"
USER = "all1"  # every practitioner role and the business unit: every module and its tray
ROLES = ["lado_officer", "fostering_worker", "cdop_coordinator", "business_unit"]
YEARS = 10
SCALE = float(os.environ.get("HSCB_BENCH_SCALE", "1"))  # < 1 for a quick trial of the script
COUNTS = {k: max(4, round(v * SCALE)) for k, v in {
    "lado": 80_000, "fostering": 5_000, "cdop": 1_000, "board_meetings": 40,
    "training_runs": 500}.items()}


def fast_kdf() -> None:
    from argon2 import PasswordHasher

    from hscb_desktop.security import passwords
    from hscb_desktop.storage import keys

    keys.DEFAULT_COST = keys.KdfCost(time_cost=1, memory_kib=8, parallelism=1)
    passwords.hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


def lado_records(n: int, today: dt.date) -> list[dict]:
    from hscb_desktop.core.periods import period_containing
    from hscb_desktop.domains.lado import demo
    from lado_speed import _FIRST, _KINDS, _LAST, _PLACES

    rng = random.Random(2017)
    last = period_containing("lado", today).start.year
    first = last - YEARS + 1
    out: list[dict] = []
    for year in range(first, last + 1):
        total = n // YEARS + (1 if year - first < n % YEARS else 0)
        threshold = total // 10
        last_day = min(today, dt.date(year + 1, 6, 30))
        out += demo._year(rng, year, total, threshold, threshold, last_day)  # noqa: SLF001
    for i, record in enumerate(out):
        record["employer_name"] = (f"{_PLACES[rng.randrange(len(_PLACES))]} "
                                   f"{_KINDS[rng.randrange(len(_KINDS))]} {i % 2000 + 1}")
        if record.get("subject_named"):
            record["subject_name"] = (f"{_FIRST[rng.randrange(len(_FIRST))]} "
                                      f"{_LAST[rng.randrange(len(_LAST))]}")
    return [r for r in out if r["date_received"] <= today]


def fostering_records(n: int, today: dt.date) -> list[dict]:
    """bench/fostering_due.py's notifications (eight visits each, a tenth still open),
    the closed ones moved into the last ten years."""
    from fostering_due import _records

    out = _records(n, 8, 0.1, today)
    start = today.replace(year=today.year - YEARS)
    rng = random.Random(10)
    for record in out:
        plan = record.get("arrangement")
        if not plan:  # an undecided notification of the last few days: a child of ten
            record["child_date_of_birth"] = record["date_received"].replace(
                year=record["date_received"].year - 10, day=1)
        if not plan or not plan.get("end_date"):
            continue
        shift = dt.timedelta(days=rng.randint(0, 3000))
        moved = start + shift
        delta = moved - record["date_received"]
        if plan["end_date"] + delta >= today:
            continue
        record["date_received"] = moved
        record["intended_start_date"] += delta
        record["child_date_of_birth"] += delta
        plan["start_date"] += delta
        plan["end_date"] += delta
        if plan.get("assessment_completed_date"):
            plan["assessment_completed_date"] += delta
        for visit in plan["visits"]:
            visit["visit_date"] += delta
    return out


def cdop_records(n: int, today: dt.date, agencies: tuple[int, ...]):
    """(meetings, cases): six panels a year; each death reviewed at the first panel at
    least 80 days after it, or left open when there is none yet."""
    from hscb_desktop.domains.cdop import demo

    nhs = demo.synthetic_nhs_numbers()
    first = today.replace(year=today.year - YEARS)
    meetings = []
    day = first + dt.timedelta(days=30)
    while day < today:
        meetings.append({"meeting_date": day, "quorate": True})
        day += dt.timedelta(days=61)
    slots = [(band, expected) for band, expected, count in demo.PROFILE_2016
             for _ in range(count)]
    cases = []
    for k in range(n):
        band, expected = slots[k % len(slots)]
        died = first + dt.timedelta(days=k * (YEARS * 365 - 30) // n)
        case = demo._case(next(nhs), k, band, expected, died, agencies)  # noqa: SLF001
        category, applicable = demo._category(band, expected, k)  # noqa: SLF001
        sudden = category == "sudden_unexpected_unexplained"
        if sudden:
            case["place_of_death"] = "home"
        index = next((i for i, m in enumerate(meetings)
                      if m["meeting_date"] >= died + dt.timedelta(days=80)), None)
        last = meetings[index]["meeting_date"] - dt.timedelta(days=7) if index is not None \
            else today
        case["reports"] = demo._reports(died, min(last, today),  # noqa: SLF001
                                        demo._mode(expected, sudden), agencies)  # noqa: SLF001
        case["reports"] = [r for r in case["reports"] if r["requested_date"] <= today]
        for r in case["reports"]:
            if r["received_date"] and r["received_date"] > today:
                r["received_date"] = None
        if index is not None:
            case["review"] = demo._review(category, applicable, band, expected, k,  # noqa: SLF001
                                          index, meetings[index]["meeting_date"])
        cases.append(case)
    return meetings, cases


def board_fill(session, today: dt.date) -> int:
    from hscb_desktop.domains.board import demo, service

    agencies = {a["name"]: a["id"] for a in service.agency_choices(session, True)}
    first = today.replace(year=today.year - YEARS)
    seat_ids = []
    for order, (label, title, agency, deputy, statutory, _) in enumerate(demo.SEATS, start=1):
        seat_ids.append(service.create_seat(session, {
            "title": title, "display_label": label,
            "agency_id": agencies.get(agency) if agency else None,
            "deputy_allowed": deputy, "statutory_partner": statutory,
            "counts_for_quorum": statutory, "sort_order": order * 10,
            "active_from": first}))
    for j in range(COUNTS["board_meetings"]):
        day = first + dt.timedelta(days=30 + j * (YEARS * 365 - 60) // COUNTS["board_meetings"])
        service.record_meeting(session, {"meeting_date": day, "meeting_type": "ordinary"},
                               demo.grid(seat_ids, j))
    return len(seat_ids)


def training_fill(session, today: dt.date) -> int:
    from hscb_desktop.domains.training import demo, service

    agencies = [a["id"] for a in service.agency_choices(session, True)][:27]
    first = today.replace(year=today.year - YEARS)
    courses = []
    for index, (title, kind, theme, _, _) in enumerate(demo.COURSES):
        courses.append((service.create_course(session, {
            "title": title, "format": kind, "theme": theme, "sort_order": index + 1}), kind))
    runs = COUNTS["training_runs"]
    for r in range(runs):
        course, kind = courses[r % len(courses)]
        day = first + dt.timedelta(days=20 + r * (YEARS * 365 - 40) // runs)
        run = service.create_run(session, {
            "course_id": course, "run_date": day, "venue": demo.VENUES[r % 3],
            "capacity": 200 if kind == "conference" else 30})
        counts = {}
        for k in range(6):
            n = 1 + (r + k) % 4
            counts[agencies[(r * 7 + k) % len(agencies)]] = {"attended_count": n,
                                                             "booked_count": n}
        service.set_counts(session, run, counts)
    return len(courses)


def build(data_dir: str, password: str) -> dict[str, object]:
    fast_kdf()
    from hscb_desktop.core.clock import SYSTEM_CLOCK, local_today
    from hscb_desktop.domains.cdop import service as cdop
    from hscb_desktop.domains.fostering import service as fostering
    from hscb_desktop.domains.lado import service as lado
    from hscb_desktop.paths import data_paths
    from hscb_desktop.security import auth, users
    from hscb_desktop.storage import stores
    from hscb_desktop.storage.workspace import Workspace

    timings: dict[str, float] = {}
    ws = Workspace(data_paths(data_dir), SYSTEM_CLOCK).acquire()
    try:
        auth.initialise(ws, "admin", password)
        ws.close_stores()
        admin = auth.sign_in(ws, "admin", password)
        users.add_user(admin, USER, ROLES, password=password)
        auth.sign_out(admin)
        session = auth.sign_in(ws, USER, password)
        today = local_today(session.clock)

        t0 = time.perf_counter()
        items = lado_records(COUNTS["lado"], today)
        for start in range(0, len(items), 10_000):
            lado.bulk_create(session, items[start:start + 10_000])
        timings["lado"] = time.perf_counter() - t0
        del items

        t0 = time.perf_counter()
        notes = fostering_records(COUNTS["fostering"], today)
        for start in range(0, len(notes), 1_000):
            fostering.bulk_create(session, notes[start:start + 1_000])
        timings["fostering"] = time.perf_counter() - t0
        del notes

        t0 = time.perf_counter()
        agencies = tuple(sorted(cdop.agency_names()))[:6]
        meetings, cases = cdop_records(COUNTS["cdop"], today, agencies)
        cdop.load_cases(session, meetings, cases)
        timings["cdop"] = time.perf_counter() - t0

        t0 = time.perf_counter()
        board_fill(session, today)
        timings["board"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        training_fill(session, today)
        timings["training"] = time.perf_counter() - t0

        for name in ("lado", "fostering", "cdop", "board"):
            stores.proxy(name).execute_sql("ANALYZE")
        auth.sign_out(session)
    finally:
        ws.close()
    return {"seconds": timings,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


if __name__ == "__main__":
    print(json.dumps(build(sys.argv[1], os.environ[SECRET_ENV])))
