"""``hscb-desktop self-test`` (PKG-2): the installation check run on a new machine and in CI
on the frozen bundle. It starts Qt with the machine's platform plugin (or offscreen when
QT_QPA_PLATFORM says so), shows and paints a window, then runs the headless checks of
``cli.self_test`` on a throw-away data folder. Exit status 0 only if everything passed."""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path


def qt_check(out=print) -> bool:
    import PySide6
    from PySide6.QtCore import qVersion
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication([sys.argv[0] or "hscb-desktop"])
    label = QLabel("HSCB Desktop self-test")
    label.show()
    app.processEvents()
    painted = not label.grab().isNull()
    label.close()
    out(f"Qt {qVersion()} (PySide6 {PySide6.__version__}), platform "
        f"{QGuiApplication.platformName()}: {'ok' if painted else 'FAILED'}")
    return painted


def main(argv: list[str] | None = None) -> int:
    from hscb_desktop import cli

    args = cli.build_parser().parse_args(argv)
    del args  # same options as the other commands; nothing else to read
    ok = qt_check()
    with tempfile.TemporaryDirectory(prefix="hscb-self-test-") as tmp:
        ok = cli.self_test(Path(tmp) / "data") and ok
    return 0 if ok else 1
