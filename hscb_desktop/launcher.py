"""``hscb-desktop``: the GUI with no arguments, a headless command otherwise."""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # A command word anywhere before the first option value means a headless command.
    from hscb_desktop.cli import COMMANDS

    if any(arg in COMMANDS for arg in argv):
        from hscb_desktop.cli import main as cli_main

        return cli_main(argv)
    from hscb_desktop.app import main as gui_main

    return gui_main(argv)
