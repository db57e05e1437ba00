"""Guards the pin on PySide6 in pyproject.toml.

PySide6 6.12.0 returns None from void methods without taking a reference (as if None
were immortal, as it is from Python 3.12). On Python 3.11 every such call then drops
None's reference count by one, and after a few thousand calls the process aborts with
"none_dealloc: deallocating None": minutes of normal use. This test fails on a binding
with that bug, whatever the version number says.
"""
from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_do_not_drain_none(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.setText("x")  # a void method: returns None
    after = sys.getrefcount(None)
    assert after > before - 100, (
        f"None's reference count fell from {before} to {after}: this PySide6 build drains it "
        "(see pyproject.toml's PySide6 pin)")
