"""Ten years of a large county's data: every interactive figure beside its floor (issue 10).

    python bench/ten_years.py [--data DIR] [--runs 7] [--startup-only]

``bench/ten_years_data.py`` fills a throw-away data folder (in its own process) with ten
years of activity: 80,000 LADO contacts, 5,000 fostering arrangements with eight visits
each, 1,000 CDOP cases, 40 board meetings, 500 training runs. ``--data`` reuses a folder it
made before (the restore at the end moves its live stores aside into ``replaced-*``).
Then, each figure beside its floor measured in the same run:

- start-up: spawn -> work tray painted, signed in as a user of every module (the login
  answered at once; Argon2id is cheap in this folder, so it is data, not the KDF, that
  shows), against spawn -> a bare PySide6 window painted (table + twenty form widgets);
  and sign-in submitted -> tray painted, after 1.5 s of typing (what a user meets: the
  login dialog loads the window's code while they type) and at once, against showing the
  same bare window in the running app;
- per module, list open (the list screen's first page, 100 rows) and type-ahead search
  (each keystroke of a typed name, its first page) against bare SQL: the same table's
  newest 100 rows, the same FTS5 MATCH / LIKE over the module's search index;
- one save (LADO ``create_contact``, p50 and p99) against a bare insert of one row;
- each module's return and the annual-report workbook, through the Returns menu's
  exporters (data-quality gate, audit check, compute, xlsx, audit), against bare openpyxl
  writing the same cells;
- the full backup (``Workspace.backup_all``: engine copies, each reopened and checked) and
  the restore (``storage.restore.restore_stores``: verify, stage through the engine, swap)
  against copying the same files' bytes;
- peak memory (max RSS) of this process, of the start-up child, and of the generator.

Figures are medians of ``--runs`` (after one warm-up) unless said otherwise. Printed,
never asserted. Targets: interactive figures under 150 ms; returns under 3 s; peak memory
under 300 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

from timing import timed as _timed, pct as _pct  # noqa: E402

from ten_years_data import SECRET_ENV, USER  # noqa: E402

PAGE = 100  # the list screens' page (gui/*_list.py PAGE_SIZE)
TYPED = {"lado": "Thornbury", "fostering": "Fictional", "cdop": "Placeholder"}
INTERACTIVE_MS, RETURN_MS, MEMORY_MB = 150.0, 3000.0, 300.0
PROFILE_ENV = "HSCB_BENCH_PROFILE"  # a file: the start-up child profiles its sign-in there
TYPING_ENV = "HSCB_BENCH_TYPING_MS"  # the start-up child answers the login after this long
TYPING_MS = 1500  # a user name and password typed: about a second and a half at least


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- the start-up child ---------------------------------------------------------------


def child_tray(data_dir: str) -> None:
    """spawn -> login painted -> (answered at once) -> work tray painted; then a bare window
    shown in the same app as the floor of the sign-in part. Prints one JSON line."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication([sys.argv[0]])
    marks: dict[str, float] = {}
    profile = None
    if os.environ.get(PROFILE_ENV):  # cProfile from sign-in submitted to the tray painted
        import cProfile
        profile = cProfile.Profile()

    class Probe(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
                name = watched.window().objectName()
                if "login" not in marks:
                    marks["login"] = time.time()
                if name == "MainWindow" and "tray" not in marks and "submit" in marks:
                    marks["tray"] = time.time()
                    marks["tray_rss"] = _rss_mb()
                    if profile is not None:
                        profile.disable()
                        profile.dump_stats(os.environ[PROFILE_ENV])
                    bare_floor()
                if name == "BareFloor" and "bare" not in marks and "bare_shown" in marks:
                    marks["bare"] = time.time()
                    print(json.dumps(marks), flush=True)
                    os._exit(0)  # noqa: SLF001 - measured; skip tear-down
            return False

    def bare_floor() -> None:
        from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QFormLayout,
                                       QHBoxLayout, QLineEdit, QPlainTextEdit, QSpinBox,
                                       QTableWidget, QWidget)
        marks["bare_shown"] = time.time()
        window = QWidget()
        window.setObjectName("BareFloor")
        form = QFormLayout()
        kinds = [QLineEdit, QComboBox, QDateEdit, QCheckBox, QSpinBox]
        for i in range(19):
            form.addRow(f"Field {i + 1}", kinds[i % len(kinds)]())
        form.addRow("Notes", QPlainTextEdit())
        layout = QHBoxLayout(window)
        layout.addWidget(QTableWidget(20, 6))
        layout.addLayout(form)
        window.show()
        app._bare = window  # kept alive until it paints

    probe = Probe()
    app.installEventFilter(probe)
    from hscb_desktop.app import Controller
    from hscb_desktop.core.clock import SYSTEM_CLOCK
    from hscb_desktop.gui.dialogs import Dialogs
    from hscb_desktop.paths import data_paths
    from hscb_desktop.storage.workspace import Workspace

    workspace = Workspace(data_paths(data_dir), SYSTEM_CLOCK).acquire()

    def submit(dialog) -> int:  # the login dialog, answered as soon as it has painted
        dialog.show()
        while "login" not in marks:
            app.processEvents()
        typed = time.time() + float(os.environ.get(TYPING_ENV, "0")) / 1000
        while time.time() < typed:  # the user typing: the dialog's idle work runs meanwhile
            app.processEvents()
        dialog.ui.username.setText(USER)
        dialog.ui.password.setText(os.environ[SECRET_ENV])
        marks["submit"] = time.time()
        if profile is not None:
            profile.enable()
        dialog.accept()
        dialog.hide()
        return dialog.result()

    Dialogs.queue_answers(submit)
    controller = Controller(app, workspace, SYSTEM_CLOCK)
    controller.sign_in()
    app.exec()


def child_bare() -> None:
    from startup import child_bare as bare

    bare()


def _spawn(*args: str, env: dict[str, str] | None = None) -> tuple[float, dict]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HSCB_NO_CRASH_DIALOG": "1",
           "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
           **(env or {})}
    start = time.time()
    out = subprocess.run([sys.executable, __file__, *args], env=env, capture_output=True,
                         text=True, timeout=300, cwd=ROOT)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if out.returncode != 0 or not lines:
        raise RuntimeError(f"child {args} failed:\n{out.stdout}\n{out.stderr}")
    return start, json.loads(lines[-1])


def startup_figures(data_dir: str, runs: int) -> tuple[list, float]:
    """Each run spawns the app twice: the login answered the moment it has painted, and
    answered after TYPING_MS of "typing" (the event loop running, as it does while a user
    types: the login dialog loads what sign-in needs meanwhile). The typed run is the one
    a user meets; the one answered at once shows what the loading while typing saves."""
    tray, bare, signin, signin_typed, signin_floor, rss = [], [], [], [], [], []
    for run in range(runs + 1):  # run 0 warms the file cache
        start, got = _spawn("--child", "tray", data_dir)
        _, typed = _spawn("--child", "tray", data_dir, env={TYPING_ENV: str(TYPING_MS)})
        bare_start, bare_got = _spawn("--child", "bare")
        if run:
            tray.append(got["tray"] - start - (got["submit"] - got["login"]))
            bare.append(bare_got["painted"] - bare_start)
            signin.append(got["tray"] - got["submit"])
            signin_typed.append(typed["tray"] - typed["submit"])
            signin_floor.append(got["bare"] - got["bare_shown"])
            rss += [got["tray_rss"], typed["tray_rss"]]
    med = statistics.median
    return [
        ("start-up: spawn -> work tray painted (login answered at once)", med(tray), med(bare),
         None),
        (f"  sign-in submitted after {TYPING_MS / 1000:g} s of typing -> work tray painted",
         med(signin_typed), med(signin_floor), INTERACTIVE_MS),
        ("  sign-in submitted at once -> work tray painted", med(signin), med(signin_floor),
         None),
    ], max(rss)


# -- in-process figures ---------------------------------------------------------------


def quick_checks(runs: int) -> list:
    """Context for the sign-in figures: DB-5's ``PRAGMA quick_check`` reads and decrypts
    every page; against reading the files' bytes. The app runs it at sign-in only for
    stores up to 1 MB, and for bigger ones on a worker once the window is up."""
    from hscb_desktop.storage import stores

    names = [n for n in stores.STORE_NAMES if stores.is_open(n)]
    got, _ = _timed(lambda: [stores.proxy(n).execute_sql("PRAGMA quick_check").fetchone()
                             for n in names], max(1, runs // 2))
    files = [stores.proxy(n).obj.database for n in names]
    floor, _ = _timed(lambda: [Path(f).read_bytes() and None for f in files], max(1, runs // 2))
    return [("  PRAGMA quick_check of every store (DB-5, after sign-in)", got, floor,
             None)]



def _bare_page(db, table: str, date_col: str) -> list:
    return db.execute_sql(f"SELECT * FROM {table} ORDER BY {date_col} DESC, id DESC "
                          f"LIMIT {PAGE}").fetchall()


def _bare_search(db, index: str, text: str) -> list:
    """What storage.search does for one term, as bare SQL: FTS5 trigram MATCH from three
    characters, LIKE over the index's content table below that."""
    if len(text) >= 3:
        return db.execute_sql(f"SELECT rowid FROM {index} WHERE {index} MATCH ? "
                              f"ORDER BY rowid DESC LIMIT {PAGE}",
                              ('"' + text.replace('"', '""') + '"',)).fetchall()
    cols = [r[1] for r in db.execute_sql(f"PRAGMA table_info({index}_content)").fetchall()
            if r[1].startswith("c")]
    where = " OR ".join(f"{c} LIKE ?" for c in cols)
    return db.execute_sql(f"SELECT id FROM {index}_content WHERE {where} ORDER BY id DESC "
                          f"LIMIT {PAGE}", [f"%{text}%"] * len(cols)).fetchall()


def list_and_search(session, runs: int) -> list:
    from hscb_desktop.core.periods import period_containing
    from hscb_desktop.domains.board import service as board
    from hscb_desktop.domains.cdop import queries as cdop_q
    from hscb_desktop.domains.cdop.models import SEARCH_INDEX as CDOP_INDEX
    from hscb_desktop.domains.cdop.models import ChildDeath
    from hscb_desktop.domains.fostering import queries as pf_q
    from hscb_desktop.domains.fostering.models import SEARCH_INDEX as PF_INDEX
    from hscb_desktop.domains.fostering.models import PfArrangement
    from hscb_desktop.domains.lado import queries as lado_q
    from hscb_desktop.domains.lado.models import SEARCH_INDEX as LADO_INDEX
    from hscb_desktop.domains.lado.models import LadoContact
    from hscb_desktop.domains.training import service as training
    from hscb_desktop.domains.training.models import CourseRun
    from hscb_desktop.domains.board.models import BoardMeeting
    from hscb_desktop.storage import stores

    out = []
    lists = {
        "lado": (lambda text="": lado_q.contact_list(session, text=text).page(0, PAGE),
                 LadoContact, "date_received", LADO_INDEX),
        "fostering": (lambda text="": pf_q.arrangement_list(session, text=text).page(0, PAGE),
                      PfArrangement, "start_date", PF_INDEX),
        "cdop": (lambda text="": cdop_q.case_list(session, text=text).page(0, PAGE),
                 ChildDeath, "date_of_death", CDOP_INDEX),
    }
    for name, (page, model, date_col, index) in lists.items():
        db = stores.proxy(name)
        table = model._meta.table_name
        got, rows = _timed(page, runs)
        floor, _ = _timed(lambda: _bare_page(db, table, date_col), runs)
        out.append((f"{name}: list open, first {PAGE} rows", got, floor, INTERACTIVE_MS))
        strokes = []
        word = TYPED[name]
        for n in range(2, len(word) + 1):
            text = word[:n]
            got_s, hits = _timed(lambda t=text: page(t), max(3, runs // 2))
            floor_s, _ = _timed(lambda t=text: _bare_search(db, index, t), max(3, runs // 2))
            strokes.append((text, got_s, floor_s, len(hits)))
        worst = max(strokes, key=lambda s: s[1])
        out.append((f"{name}: search keystroke p50 ({word!r}, from 2 chars)",
                     statistics.median(s[1] for s in strokes),
                     statistics.median(s[2] for s in strokes), INTERACTIVE_MS))
        out.append((f"  {name}: search worst keystroke {worst[0]!r}", worst[1], worst[2],
                    INTERACTIVE_MS))
    db = stores.proxy("board")
    period = period_containing("board", session.clock.now().date())
    got, _ = _timed(lambda: board.list_meetings(session), runs)
    floor, _ = _timed(lambda: db.execute_sql(
        f"SELECT * FROM {BoardMeeting._meta.table_name} ORDER BY meeting_date").fetchall(), runs)
    out.append(("board: list open, all meetings with quorum", got, floor, INTERACTIVE_MS))
    got, _ = _timed(lambda: board.meeting_grid(session, board.list_meetings(session)[-1]["id"]),
                    runs)
    floor, _ = _timed(lambda: db.execute_sql(
        "SELECT * FROM board_attendance WHERE meeting_id = (SELECT max(id) FROM board_meeting)"
    ).fetchall(), runs)
    out.append(("board: open the latest meeting's grid", got, floor, INTERACTIVE_MS))
    got, _ = _timed(lambda: training.list_runs(session), runs)
    floor, _ = _timed(lambda: db.execute_sql(
        f"SELECT * FROM {CourseRun._meta.table_name} ORDER BY run_date").fetchall(), runs)
    out.append(("training: list open, all runs with totals", got, floor, INTERACTIVE_MS))
    got, _ = _timed(lambda: training.list_runs(session, period=period.short_label), runs)
    floor, _ = _timed(lambda: db.execute_sql(
        f"SELECT * FROM {CourseRun._meta.table_name} WHERE run_date BETWEEN ? AND ? "
        "ORDER BY run_date", (period.start.isoformat(), period.end.isoformat())).fetchall(),
        runs)
    out.append((f"training: runs of one year ({period.short_label})", got, floor,
                INTERACTIVE_MS))
    return out


def one_save(session, saves: int) -> list:
    from hscb_desktop.core.clock import local_today
    from hscb_desktop.domains.lado import service
    from hscb_desktop.domains.lado.models import LadoContact
    from hscb_desktop.storage import housekeeping, stores

    db = stores.proxy("lado")
    template = {"date_received": local_today(session.clock),
                "referral_source_type": "employer_dsl", "employer_name": "Thornbury Academy 7",
                "employment_sector": "education_school", "setting_type": "primary_school",
                "threshold_met": False, "subject_named": False}
    c = LadoContact
    row = c.select().where(c.id == c.select(c.id).order_by(c.id.desc()).scalar()).dicts().get()
    row.pop("id")
    for _ in range(20):  # the idle housekeeping an officer's pauses allow (as the app does)
        housekeeping.idle_step()
    service.create_contact(session, template)
    got = []
    for _ in range(saves):
        t0 = time.perf_counter()
        service.create_contact(session, template)
        got.append(time.perf_counter() - t0)
    bare = []
    for i in range(saves + 1):
        row["ref"] = f"BENCH-{i:06d}"
        t0 = time.perf_counter()
        with db.atomic():
            c.insert(**row).execute()
        bare.append(time.perf_counter() - t0)
    bare = bare[1:]
    return [("lado: one save, create_contact p50", _pct(got, 0.5), _pct(bare, 0.5),
             INTERACTIVE_MS),
            ("  lado: one save, create_contact p99", _pct(got, 0.99), _pct(bare, 0.99),
             INTERACTIVE_MS)]


def _bare_openpyxl(source: Path, target: Path) -> float:
    """Seconds for bare openpyxl to write the cells of ``source`` (read beforehand)."""
    import openpyxl

    book = openpyxl.load_workbook(source)
    sheets = [(ws.title, [[c.value for c in row] for row in ws.iter_rows()])
              for ws in book.worksheets]
    t0 = time.perf_counter()
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(target)
    return time.perf_counter() - t0


def returns(session, folder: Path, runs: int) -> list:
    from hscb_desktop.core.periods import period_containing
    from hscb_desktop.exporters import EXPORTERS

    out = []
    today = session.clock.now().date()
    for name, exporter in EXPORTERS.items():
        # The latest complete reporting year of the module (the LADO's runs July-June).
        current = period_containing(exporter.period_module, today)
        year = f"{current.start.year - 1}-{str(current.start.year)[2:]}"
        path = folder / f"{name}.xlsx"
        got, _ = _timed(lambda e=exporter, p=path, y=year: e(session, y, p,
                                                             accept_problems=True),
                        max(1, runs // 3))
        floor = statistics.median(_bare_openpyxl(path, folder / f"{name}-bare.xlsx")
                                  for _ in range(3))
        out.append((f"{name}: return {year} (gate, audit check, compute, xlsx)", got, floor,
                    RETURN_MS))
    return out


def backup_and_restore(ws, session, folder: Path) -> list:
    from hscb_desktop.security import auth
    from hscb_desktop.storage import restore, stores

    t0 = time.perf_counter()
    made = ws.backup_all(folder / "backups")
    backup_s = time.perf_counter() - t0
    files = [ws.paths.store_file(n) for n in stores.STORE_NAMES if stores.is_open(n)]
    size_mb = sum(f.stat().st_size for f in files) / 2**20
    t0 = time.perf_counter()
    copies = folder / "copies"
    copies.mkdir()
    for f in files:
        shutil.copyfile(f, copies / f.name)
    copy_s = time.perf_counter() - t0

    keys = dict(ws.keys)
    names = [n for n in stores.STORE_NAMES if stores.is_open(n)]
    auth.sign_out(session)
    ws.close_stores()
    info = restore.read_backup(made)
    t0 = time.perf_counter()
    restore.restore_stores(ws.paths, info, keys, names, clock=ws.clock)
    restore_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    back = folder / "copied-back"
    back.mkdir()
    for f in copies.iterdir():
        shutil.copyfile(f, back / f.name)
    copy_back_s = time.perf_counter() - t0
    return [(f"full backup, {len(names)} stores ({size_mb:.0f} MB): backup_all", backup_s,
             copy_s, None),
            ("full restore: verify, stage, swap (restore_stores)", restore_s, copy_back_s,
             None)]


def main() -> int:
    argv = sys.argv[1:]
    if argv[:1] == ["--child"]:
        child_tray(argv[2]) if argv[1] == "tray" else child_bare()
        return 1  # a child that never painted
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="a data folder ten_years_data.py made before")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--saves", type=int, default=100)
    parser.add_argument("--startup-only", action="store_true",
                        help="only the start-up figures (spawn and sign-in -> work tray painted)")
    args = parser.parse_args(argv)

    import secrets

    started = time.perf_counter()
    os.environ.setdefault(SECRET_ENV, "Bench-" + secrets.token_urlsafe(18))
    with tempfile.TemporaryDirectory(prefix="hscb-ten-years-") as tmp:
        tmp = Path(tmp)
        data_dir = args.data or str(tmp / "data")
        generated = {}
        if not args.data:
            out = subprocess.run([sys.executable, str(BENCH / "ten_years_data.py"), data_dir],
                                 capture_output=True, text=True, cwd=ROOT)
            if out.returncode:
                print(out.stdout, out.stderr)
                return 1
            generated = json.loads(out.stdout.splitlines()[-1])
        start_rows, child_rss = startup_figures(data_dir, args.runs)
        if args.startup_only:
            for label, got, floor, target in start_rows:
                ok = "-" if target is None else ("yes" if got * 1000 < target else "NO")
                print(f"{label:<62} {got * 1000:>8.1f}ms {floor * 1000:>8.1f}ms  {ok}")
            print(f"peak memory, app child at work tray painted {child_rss:.0f} MB")
            return 0

        from hscb_desktop.core.clock import SYSTEM_CLOCK
        from hscb_desktop.paths import data_paths
        from hscb_desktop.security import auth
        from hscb_desktop.storage import stores
        from hscb_desktop.storage.workspace import Workspace

        ws = Workspace(data_paths(data_dir), SYSTEM_CLOCK).acquire()
        try:
            session = auth.sign_in(ws, USER, os.environ[SECRET_ENV])
            counts = {name: stores.proxy(store).execute_sql(f"SELECT count(*) FROM {t}")
                      .fetchone()[0] for name, store, t in (
                          ("LADO contacts", "lado", "lado_contact"),
                          ("fostering arrangements", "fostering", "pf_arrangement"),
                          ("fostering visits", "fostering", "pf_visit"),
                          ("CDOP deaths", "cdop", "cdop_child_death"),
                          ("board meetings", "board", "board_meeting"),
                          ("training runs", "board", "training_run"))}
            rows = start_rows + quick_checks(args.runs) + list_and_search(session, args.runs)
            rows += one_save(session, args.saves)
            rows += returns(session, tmp, args.runs)
            rows += backup_and_restore(ws, session, tmp)
        finally:
            ws.close()
        peak = _rss_mb()

    print("HSCB Desktop, ten years of a large county's data "
          f"(Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, offscreen)")
    print("records: " + ", ".join(f"{v:,} {k}" for k, v in counts.items()))
    if generated:
        print("generated in " + ", ".join(f"{k} {v:.0f} s" for k, v in
                                           generated["seconds"].items()))
    print()
    print(f"{'figure':<62} {'measured':>10} {'floor':>10} {'ratio':>7}  {'target':<9} ok")
    for label, got, floor, target in rows:
        ratio = got / floor if floor else None
        ok = "-" if target is None else ("yes" if got * 1000 < target else "NO")
        print(f"{label:<62} {got * 1000:>8.1f}ms {floor * 1000:>8.1f}ms "
              f"{(f'{ratio:6.1f}x' if ratio else '      -')}  "
              f"{(f'<{target:g} ms' if target else '-'):<9} {ok}")
    for label, mb in (("peak memory, this process (lists, saves, returns, backup)", peak),
                      ("peak memory, app child at work tray painted", child_rss),
                      ("peak memory, generator (not the app; for context)",
                       generated.get("peak_rss_mb"))):
        if mb is not None:
            print(f"{label:<62} {mb:>8.0f}MB {'':>10} {'':>7}  <{MEMORY_MB:g} MB   "
                  f"{'yes' if mb < MEMORY_MB or 'generator' in label else 'NO'}")
    print(f"\ntotal bench time {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
