"""``hscb-desktop``: the GUI with no arguments, a headless command otherwise.

The frozen bundle has a second, console executable ``hscb-desktop-cli`` built from
the same script: under that name no arguments means the command line's help, not
the GUI. ``self-test`` goes through the GUI package so it also proves that Qt and
its platform plugin load (PKG-2).
"""
from __future__ import annotations

import os
import sys

from hscb_desktop.commands import COMMANDS


def _is_cli_executable() -> bool:
    name = os.path.splitext(os.path.basename(sys.argv[0] or ""))[0]
    return name.endswith("-cli")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if "self-test" in argv:
        from hscb_desktop.gui.selftest import main as self_test_main

        return self_test_main(argv)
    if _is_cli_executable() or any(arg in COMMANDS for arg in argv):
        from hscb_desktop.cli import main as cli_main

        return cli_main(argv)
    from hscb_desktop.app import main as gui_main

    return gui_main(argv)
