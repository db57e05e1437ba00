"""Every module's return, by name, for the command line and the Returns menu alike.

Each entry imports its domain (and openpyxl) only when called, so reading this table
costs nothing at start-up. A new module's return plugs in with one entry.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# An exporter whose domain is ALL_DOMAINS summarises every module: only a session holding
# every return domain (the business unit) may run it. No session's return_domains contains
# the marker itself, so a plain ``kind.domain in session.return_domains`` test leaves it out.
ALL_DOMAINS = "*"


@dataclass(frozen=True)
class Exporter:
    name: str  # the word on the command line: `export lado`
    domain: str  # the return domain roles.RETURN_ACCESS checks (ALL_DOMAINS: every one)
    title: str  # "LADO return": menu item, dialog title, suggested file name
    period_module: str  # core.periods: which months a year covers
    first_year: int  # the earliest reporting year offered
    service: str  # the domain service module holding the export function
    function: str
    note: str = ""

    def allowed(self, return_domains: frozenset[str] | set[str]) -> bool:
        """May a session with these return domains run this export?"""
        if self.domain == ALL_DOMAINS:
            from hscb_desktop.security.roles import RETURN_ACCESS

            return frozenset().union(*RETURN_ACCESS.values()) <= set(return_domains)
        return self.domain in return_domains

    def __call__(self, session: Any, period_spec: str, path: Path, **options: Any) -> Path:
        """``options``: keyword options of exports that take them (the annual report's
        ``suppress``, ``threshold``, ``accept_problems``)."""
        module = importlib.import_module(self.service)
        if self.domain == ALL_DOMAINS:  # the annual report runs its gate itself
            return getattr(module, self.function)(session, period_spec, path, **options)
        # The data-quality gate before a module's own return (issue 7): errors in the year's
        # records stop it unless accepted, and then their count goes on the About sheet.
        from hscb_desktop.returns import export, quality

        accept = bool(options.pop("accept_problems", False))
        accepted = quality.gate(session, period_spec, [self.name], accept)
        token = export.accepted_problems.set(accepted)
        try:
            return getattr(module, self.function)(session, period_spec, path, **options)
        finally:
            export.accepted_problems.reset(token)


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
    Exporter("annual-report", ALL_DOMAINS, "Annual report tables", "board", 2014,
             "hscb_desktop.returns.annual_report", "export_annual_report",
             "Every module's return tables in the annual report's order (LADO July-June, the "
             "others April-March), after a data-quality check of the year's records. Business "
             "unit only."),
]
EXPORTERS: dict[str, Exporter] = {e.name: e for e in _LIST}
