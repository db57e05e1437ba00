"""Start-up measurement hook for bench/bundle.py: with HSCB_BENCH_PAINT_REPORT=1 the app
prints the wall-clock time of its first painted window as JSON and exits at once. This
is the only way to time a frozen executable from outside; it changes nothing otherwise."""
from __future__ import annotations

import json
import os

from PySide6.QtCore import QEvent, QObject

from hscb_desktop.core.clock import SYSTEM_CLOCK

ENV = "HSCB_BENCH_PAINT_REPORT"


class _Probe(QObject):
    def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            print(json.dumps({"painted": SYSTEM_CLOCK.now().timestamp(), "window": watched.window().objectName()}),
                  flush=True)
            os._exit(0)  # the measurement is taken; skip tear-down
        return False


def install_if_asked(app) -> None:
    if os.environ.get(ENV) == "1":
        app._paint_probe = _Probe(app)  # kept alive by the application object
        app.installEventFilter(app._paint_probe)
