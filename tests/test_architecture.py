"""Architecture rules checked on the source: import-linter's layer contracts, the injectable
clock (KP-5) and the one home of modal dialogs (TST-2)."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import hscb_desktop

PACKAGE = Path(hscb_desktop.__file__).parent
REPO = PACKAGE.parent


def _lines(pattern: re.Pattern[str], *, allowed: set[str] = frozenset()) -> list[str]:
    """``path:line: text`` for every non-comment source line matching ``pattern``."""
    hits = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(REPO).as_posix()
        if rel in allowed:
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if pattern.search(code):
                hits.append(f"{rel}:{n}: {line.strip()}")
    return hits


def _lint_imports(*config: str) -> subprocess.CompletedProcess:
    args = f"config_filename={config[0]!r}, " if config else ""
    return subprocess.run(
        [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports; "
                               f"sys.exit(lint_imports({args}no_cache=True))"],
        cwd=REPO, capture_output=True, text=True, timeout=120)


def test_import_linter_contracts_hold():
    """ARCHITECTURE 1: only the gui package imports Qt; lower layers never import gui/app
    (the contracts in pyproject.toml, run by import-linter)."""
    result = _lint_imports()
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"Contracts: [1-9]\d* kept, 0 broken", result.stdout), result.stdout


def test_import_linter_reports_a_broken_contract(tmp_path):
    """Control: the same run fails on a contract the code breaks (storage imports core)."""
    config = tmp_path / "control.ini"
    config.write_text("[importlinter]\nroot_package = hscb_desktop\n\n"
                      "[importlinter:contract:control]\nname = control\ntype = forbidden\n"
                      "source_modules = hscb_desktop.storage.workspace\nforbidden_modules = hscb_desktop.core\n")
    result = _lint_imports(str(config))
    assert result.returncode == 1 and "BROKEN" in result.stdout, result.stdout + result.stderr


CLOCK_CALLS = re.compile(r"""
    \b(datetime|date)\.(now|utcnow|today)\s*\(           # datetime.now(), dt.date.today(), ...
  | \btime\.(time|time_ns|perf_counter|perf_counter_ns|monotonic|monotonic_ns)\s*\(
  | \bfrom\s+time\s+import\b.*\b(time|perf_counter|monotonic)\b
  | \bQDateTime\.currentDateTime\w*\s*\( | \bQDate\.currentDate\s*\(
""", re.X)

# Known breaches, each to be removed when its module takes a Clock (or a ``today``
# argument with no fallback). New breaches fail the test.
KP5_PENDING: set[str] = set()


def test_kp5_only_the_clock_module_reads_the_time():
    """KP-5: no module but core/clock.py calls datetime.now(), date.today(), time.time(),
    time.perf_counter() or time.monotonic(); time-dependent rules take an injectable Clock."""
    offenders = _lines(CLOCK_CALLS, allowed={"hscb_desktop/core/clock.py", *KP5_PENDING})
    assert offenders == []


def test_kp5_pending_list_is_not_stale():
    """KP-5 ratchet: each module on the pending list still breaches the rule; once one is
    fixed, drop it from KP5_PENDING so it stays fixed."""
    still = {hit.split(":", 1)[0] for hit in _lines(CLOCK_CALLS)}
    assert sorted(KP5_PENDING - still) == [], "fixed: remove from KP5_PENDING"


def test_kp5_rule_catches_the_usual_spellings():
    for line in ("now = datetime.now()", "x = dt.datetime.now(dt.timezone.utc)", "d = dt.date.today()",
                 "t0 = time.time()", "t = time.perf_counter()", "from time import monotonic",
                 "when = datetime.datetime.utcnow()"):
        assert CLOCK_CALLS.search(line), line
    for line in ("now = self.clock.now()", "clock.monotonic()", "today = local_today(clock)"):
        assert not CLOCK_CALLS.search(line), line


MODAL = re.compile(r"\bQMessageBox\.|\bQFileDialog\.get")


def test_tst2_modal_dialogs_live_only_in_gui_dialogs():
    """TST-2: QMessageBox.* and QFileDialog.get* appear only in hscb_desktop/gui/dialogs.py, so
    tests can replace every modal box in one place."""
    assert _lines(MODAL, allowed={"hscb_desktop/gui/dialogs.py"}) == []


def test_tst2_rule_catches_a_stray_message_box():
    assert MODAL.search("QMessageBox.warning(self, 'x', 'y')")
    assert MODAL.search("path, _ = QFileDialog.getSaveFileName(self)")
    assert not MODAL.search("from PySide6.QtWidgets import QMessageBox")
