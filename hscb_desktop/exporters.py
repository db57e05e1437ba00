"""Every module's return, by name, for the command line and the Returns menu alike.

Each entry imports its domain (and openpyxl) only when called, so reading this table
costs nothing at start-up. A new module's return plugs in with one entry.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Exporter:
    name: str  # the word on the command line: `export lado`
    domain: str  # the return domain roles.RETURN_ACCESS checks
    title: str  # "LADO return": menu item, dialog title, suggested file name
    period_module: str  # core.periods: which months a year covers
    first_year: int  # the earliest reporting year offered
    service: str  # the domain service module holding the export function
    function: str
    note: str = ""

    def __call__(self, session: Any, period_spec: str, path: Path) -> Path:
        module = importlib.import_module(self.service)
        return getattr(module, self.function)(session, period_spec, path)


_LIST = [
    Exporter("lado", "lado", "LADO return", "lado", 2014, "hscb_desktop.domains.lado.service",
             "export_lado", "Tables L1-L8 as the annual report shows them, counts only; "
             "L1 also shows the two years before the one chosen."),
    Exporter("fostering", "fostering", "Private fostering return", "fostering", 2014,
             "hscb_desktop.domains.fostering.service", "export_fostering",
             "Tables P1-P5: notifications, arrangements, visits and enquiries, counts only."),
    Exporter("cdop", "cdop", "CDOP return", "cdop", 2014, "hscb_desktop.domains.cdop.service",
             "export_cdop", "Tables C1-C8 of reviews completed in the year, counts only."),
    Exporter("board", "board", "Board attendance return", "board", 2014,
             "hscb_desktop.domains.board.service", "export_board",
             "B1 as Appendix 2 of the annual report, B2 by agency, B3 meeting by meeting."),
    Exporter("training", "board", "Training return", "training", 2014,
             "hscb_desktop.domains.training.service", "export_training",
             "T1 and T2 as Appendix 3 of the annual report, T3 run by run."),
]
EXPORTERS: dict[str, Exporter] = {e.name: e for e in _LIST}
