"""Start-up benchmark: how far the app's start-up is from a bare PySide6 window.

    python bench/startup.py [--runs 7]

(a) spawn -> login dialog painted, against spawn -> a bare PySide6 window with a
    table and twenty form widgets painted (target: ratio <= 1.3);
(b) sign-in submitted -> main window painted, against one Argon2id derivation with
    the production parameters (target: <= Argon2id + 150 ms).

Every child is a fresh interpreter on the offscreen platform; the first run of
each kind warms the file cache and is discarded; figures are medians. The data
folder is a temporary one, initialised once with the production KDF cost.
"""
from __future__ import annotations

import json
import os
import sys
import time

# The children import only the above: whatever this script imports, they pay for too.
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SECRET_ENV = "HSCB_BENCH_SECRET"  # the throw-away administrator's password, made up per run


# -- children -----------------------------------------------------------------------
def _paint_probe(on_paint, wanted=lambda widget: True):  # noqa: ANN001, ANN202 - in the child
    from PySide6.QtCore import QEvent, QObject

    class Probe(QObject):
        done = False

        def eventFilter(self, watched, event):  # noqa: ANN001, N802
            if not self.done and event.type() == QEvent.Type.Paint and wanted(watched):
                self.done = True
                on_paint(watched)
            return False

    return Probe()


def _report(**fields: object) -> None:
    print(json.dumps(fields), flush=True)
    os._exit(0)  # noqa: SLF001 - the measurement is taken; skip tear-down


def child_app(data_dir: str) -> None:
    """The real start-up path (app.main) up to the login dialog's first paint."""
    from PySide6.QtWidgets import QApplication
    app = QApplication([sys.argv[0]])
    probe = _paint_probe(lambda w: _report(painted=time.time(), window=w.window().objectName(),
                                           openpyxl="openpyxl" in sys.modules))
    app.installEventFilter(probe)
    from hscb_desktop.app import main
    main(["--data-dir", data_dir, "--no-crash-dialog"])


def child_bare() -> None:
    """The baseline: a plain window with a table and twenty form widgets."""
    from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDateEdit, QFormLayout,
                                   QHBoxLayout, QLineEdit, QPlainTextEdit, QSpinBox, QTableWidget,
                                   QWidget)
    app = QApplication([sys.argv[0]])
    probe = _paint_probe(lambda w: _report(painted=time.time(), window="bare"))
    app.installEventFilter(probe)
    window = QWidget()
    form = QFormLayout()
    kinds = [QLineEdit, QComboBox, QDateEdit, QCheckBox, QSpinBox]
    for i in range(19):
        form.addRow(f"Field {i + 1}", kinds[i % len(kinds)]())
    form.addRow("Notes", QPlainTextEdit())
    layout = QHBoxLayout(window)
    layout.addWidget(QTableWidget(20, 6))
    layout.addLayout(form)
    window.show()
    app.exec()


def child_login(data_dir: str) -> None:
    """Sign-in submitted -> main window painted, through the app's own Controller."""
    from PySide6.QtWidgets import QApplication
    app = QApplication([sys.argv[0]])
    from hscb_desktop.app import Controller
    from hscb_desktop.core.clock import SYSTEM_CLOCK
    from hscb_desktop.gui.dialogs import Dialogs
    from hscb_desktop.paths import data_paths
    from hscb_desktop.storage import keys
    from hscb_desktop.storage.workspace import Workspace

    workspace = Workspace(data_paths(data_dir), SYSTEM_CLOCK).acquire()
    marks: dict[str, float] = {}

    def submit(dialog) -> int:  # noqa: ANN001 - the login dialog, answered as a user would
        dialog.show()
        # A person takes a second or more to type a password; the dialog uses that time to
        # load what sign-in needs (login.PREWARM_AFTER_MS). Half a second is generous.
        from PySide6.QtCore import QDeadlineTimer, QEventLoop
        deadline = QDeadlineTimer(500)
        while not deadline.hasExpired():
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        dialog.ui.username.setText("admin")
        dialog.ui.password.setText(os.environ[SECRET_ENV])
        marks["submit"] = time.perf_counter()
        dialog.accept()
        dialog.hide()
        return dialog.result()

    def painted(widget) -> None:  # noqa: ANN001
        login_ms = (time.perf_counter() - marks["submit"]) * 1000
        import statistics
        samples = []
        for _ in range(3):  # the same machine state, just after
            start = time.perf_counter()
            keys.derive_kek(os.environ[SECRET_ENV], keys.new_kdf_params())
            samples.append((time.perf_counter() - start) * 1000)
        _report(login_ms=login_ms, argon2_ms=statistics.median(samples),
                window=widget.window().objectName())

    Dialogs.queue_answers(submit)
    controller = Controller(app, workspace, SYSTEM_CLOCK)
    probe = _paint_probe(painted, lambda w: w.window().objectName() == "MainWindow")
    app.installEventFilter(probe)
    controller.sign_in()
    app.exec()


# -- parent ---------------------------------------------------------------------
def spawn(*args: str) -> tuple[float, dict]:
    import subprocess
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HSCB_NO_CRASH_DIALOG": "1",
           "PYTHONPATH": ROOT + os.pathsep + os.environ.get("PYTHONPATH", "")}
    start = time.time()
    out = subprocess.run([sys.executable, __file__, *args], env=env, capture_output=True,
                         text=True, timeout=120, cwd=ROOT)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if out.returncode != 0 or not lines:
        raise RuntimeError(f"child {args} failed:\n{out.stdout}\n{out.stderr}")
    return start, json.loads(lines[-1])


def prepare(data_dir: str) -> None:
    """A data folder set up with the production Argon2id cost (no test shortcuts)."""
    sys.path.insert(0, ROOT)
    from hscb_desktop.core.clock import SYSTEM_CLOCK
    from hscb_desktop.paths import data_paths
    from hscb_desktop.security import auth
    from hscb_desktop.storage import keys
    from hscb_desktop.storage.workspace import Workspace

    assert keys.DEFAULT_COST == keys.KdfCost(), "production KDF parameters expected"
    ws = Workspace(data_paths(data_dir), SYSTEM_CLOCK).acquire()
    try:
        auth.initialise(ws, "admin", os.environ[SECRET_ENV])
    finally:
        ws.close()


def main() -> int:
    argv = sys.argv[1:]
    if argv[:1] == ["--child"]:  # parsed by hand: argparse would be start-up cost to measure
        kind = argv[1]
        if kind == "app":
            child_app(argv[2])
        elif kind == "login":
            child_login(argv[2])
        else:
            child_bare()
        return 1  # a child that never painted
    import argparse
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)

    import secrets
    import statistics
    import tempfile
    os.environ[SECRET_ENV] = "Bench-" + secrets.token_urlsafe(18)  # no literal (AUTH-2)
    with tempfile.TemporaryDirectory(prefix="hscb-bench-") as tmp:
        data_dir = os.path.join(tmp, "data")
        prepare(data_dir)
        app_ms, bare_ms, login_ms, argon_ms, notes = [], [], [], [], set()
        for run in range(args.runs + 1):  # run 0 warms the cache
            start, got = spawn("--child", "app", data_dir)
            app_start = (got["painted"] - start) * 1000
            notes.add(f"first window painted by the app: {got['window']}; "
                      f"openpyxl imported at start-up: {got['openpyxl']}")
            start, got = spawn("--child", "bare")
            bare_start = (got["painted"] - start) * 1000
            _, got = spawn("--child", "login", data_dir)
            if run:
                app_ms.append(app_start)
                bare_ms.append(bare_start)
                login_ms.append(got["login_ms"])
                argon_ms.append(got["argon2_ms"])
    med = statistics.median
    ratio = med(app_ms) / med(bare_ms)
    over = med(login_ms) - med(argon_ms)
    def verdict(ok: bool) -> str:
        return "OK" if ok else "MISSED"

    rows = [
        ("(a) spawn -> login dialog painted (app)", med(app_ms), ""),
        ("    spawn -> bare window painted (table + 20 widgets)", med(bare_ms), ""),
        ("    ratio app / bare", None, f"{ratio:.2f}  (target <= 1.30: {verdict(ratio <= 1.3)})"),
        ("(b) sign-in submitted -> main window painted", med(login_ms), ""),
        ("    one Argon2id derivation (production parameters)", med(argon_ms), ""),
        ("    sign-in minus Argon2id", over, f"(target <= 150 ms: {verdict(over <= 150)})"),
    ]
    print(f"HSCB Desktop start-up benchmark: median of {args.runs} runs each, offscreen, "
          "warm cache")
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    for label, value, extra in rows:
        shown = f"{value:8.0f} ms" if value is not None else " " * 11
        print(f"{label:<56}{shown}  {extra}")
    for note in sorted(notes):
        print(f"note: {note}")
    print("raw app ms:   " + " ".join(f"{v:.0f}" for v in app_ms))
    print("raw bare ms:  " + " ".join(f"{v:.0f}" for v in bare_ms))
    print("raw login ms: " + " ".join(f"{v:.0f}" for v in login_ms))
    print("raw argon ms: " + " ".join(f"{v:.0f}" for v in argon_ms))
    return 0


if __name__ == "__main__":
    sys.exit(main())
