"""The baseline app for bench/bundle.py: a bare PySide6 window with a table and a form
of about twenty widgets. With BENCH_PAINT_REPORT set it prints the time of its first
paint and exits (the frozen start-up measurement)."""
import json
import os
import sys
import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDateEdit, QFormLayout,
                               QHBoxLayout, QLineEdit, QPlainTextEdit, QSpinBox, QTableWidget,
                               QWidget)


class Probe(QObject):
    def eventFilter(self, watched, event):  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            print(json.dumps({"painted": time.time()}), flush=True)
            os._exit(0)
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    if os.environ.get("BENCH_PAINT_REPORT"):
        probe = Probe()
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
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
