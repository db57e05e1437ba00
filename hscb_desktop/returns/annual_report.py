"""The annual-report workbook: every module's return tables for one year (issue 7, SPEC §6).

One workbook, About sheet first, then each module's tables in the order the annual
report prints them: CDOP, LADO and private fostering, then the Strategic Board's
attendance (Appendix 2) and multi-agency training (Appendix 3). The figures are the
modules' own ``returns.compute`` results, so each sheet holds exactly what that
module's own return holds. Only a session holding every return domain (the business
unit) may produce it.

Before writing: every store's audit chain is verified (AUD-3, its head hash and entry
count go on the About sheet), and the data-quality gate (``returns.quality``) runs;
errors found stop the export unless ``accept_problems``, and then their count is
stamped on the About sheet. ``suppress`` applies GOV-3 small-number suppression
(``returns.suppression``) for a copy that leaves the organisation.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hscb_desktop.core.clock import local_today
from hscb_desktop.core.periods import ReportingPeriod, period_for
from hscb_desktop.core.validation import PermissionDenied, ValidationFailed, error
from hscb_desktop.returns import Table
from hscb_desktop.returns.quality import QualityProblems  # noqa: F401 (callers catch it here)
from hscb_desktop.security import roles as R

RETURN_KEY = "annual-report"
TITLE = "Annual report tables"
ALL_RETURN_DOMAINS = frozenset().union(*R.RETURN_ACCESS.values())  # the business unit's
INTERNAL_MARKING = "OFFICIAL-SENSITIVE: not for publication"
PUBLISHED_MARKING = "For publication: small numbers suppressed (GOV-3)"


@dataclass(frozen=True)
class Section:
    module: str  # core.periods module: which months its year covers
    store: str  # the store its records (and its audit chain) live in
    prefix: str  # sheet-name prefix keeping sheets unique across modules
    title: str  # as the About sheet names it
    compute: Callable[[Any, ReportingPeriod], list[Table]]
    counting_rules: Callable[[], str]


def _today(session) -> dt.date:
    return local_today(session.clock)


def _cdop(session, period):
    from hscb_desktop.domains.cdop import returns

    return returns.compute(period, _today(session))


def _lado(session, period):
    from hscb_desktop.domains.lado import returns

    return returns.compute(period)


def _fostering(session, period):
    from hscb_desktop.domains.fostering import returns, service

    return returns.compute(period, service.calendar(), _today(session))


def _board(session, period):
    from hscb_desktop.domains.board import returns

    return returns.compute(period, _today(session))


def _training(session, period):
    from hscb_desktop.domains.board import service as board_service
    from hscb_desktop.domains.training import returns, service

    tables = returns.compute(period, service.agency_names())
    board_service.refuse(returns.check_totals(tables))  # as export_training refuses
    return tables


def _rules(module: str) -> Callable[[], str]:
    def read() -> str:
        import importlib

        return importlib.import_module(f"hscb_desktop.domains.{module}.returns").COUNTING_RULES

    return read


# The annual report's order (hscb-annual-report-2016-17: the CDOP section, then LADO and
# private fostering, then Appendix 2 board attendance and Appendix 3 training).
SECTIONS: tuple[Section, ...] = (
    Section("cdop", "cdop", "CDOP", "CDOP: child death reviews", _cdop, _rules("cdop")),
    Section("lado", "lado", "LADO", "LADO: allegations against people who work with children",
            _lado, _rules("lado")),
    Section("fostering", "fostering", "PF", "Private fostering", _fostering, _rules("fostering")),
    Section("board", "board", "App2", "Strategic Board attendance (Appendix 2)", _board,
            _rules("board")),
    Section("training", "board", "App3", "Multi-agency training attendance (Appendix 3)",
            _training, _rules("training")),
)


def require_all_domains(session) -> None:
    if not session.active:
        raise PermissionDenied("Your session is locked or has expired. Sign in again to continue.")
    missing = ALL_RETURN_DOMAINS - set(session.return_domains)
    if missing:
        raise PermissionDenied("You do not have permission to produce the annual report tables: "
                               "it needs every module's return (the business unit role).")


def sheet_prefixed(section: Section, table: Table) -> Table:
    return dataclasses.replace(table, sheet=f"{section.prefix} {table.sheet_name()}"[:31])


def _board_name() -> str:
    from hscb_desktop.storage import stores

    if stores.is_open(stores.CORE):
        from hscb_desktop import settings

        return settings.get("board_name")
    return "Hertfordshire Safeguarding Children Board"


def _verify_chains() -> list:
    from hscb_desktop.storage import audit, stores

    reports = [audit.verify(name) for name in stores.STORE_NAMES if stores.is_open(name)]
    broken = [r for r in reports if not r.ok]
    if broken:
        raise ValidationFailed([error("", "An audit log failed its check, so the annual report "
                                          f"was not produced: {r.describe()}") for r in broken])
    return reports


def compute(session, period_spec: str) -> list[tuple[Section, ReportingPeriod, list[Table]]]:
    """Each section's period and its tables, in report order (no suppression, no gate)."""
    require_all_domains(session)
    out = []
    for section in SECTIONS:
        period = period_for(section.module, period_spec)
        out.append((section, period, section.compute(session, period)))
    return out


def export_annual_report(session, period_spec: str, path: str | Path, *, suppress: bool = False,
                         threshold: int = 5, accept_problems: bool = False,
                         round_to: int = 5) -> Path:
    """Write the annual-report workbook for the year ``period_spec`` ("2016-17") to ``path``.

    PermissionDenied unless the session holds every return domain; ValidationFailed when
    an audit chain is broken, and ``QualityProblems`` (a ValidationFailed carrying the
    count) when the data-quality gate finds errors and ``accept_problems`` is False.
    ``suppress``: GOV-3 suppression of counts 1..``threshold`` (secondary suppression,
    other counts rounded to ``round_to``). The export is audited (action 'export', the
    file's SHA-256) in every store whose records it summarises."""
    from hscb_desktop import __version__
    from hscb_desktop.returns import quality, suppression, workbook
    from hscb_desktop.storage import audit, stores

    require_all_domains(session)
    for section in SECTIONS:  # a bad year is refused before anything is read
        period_for(section.module, period_spec)
    chains = _verify_chains()
    accepted = quality.gate(session, period_spec, None, accept_problems)
    computed = compute(session, period_spec)

    tables: list[Table] = []
    for section, _, section_tables in computed:
        for table in section_tables:
            if suppress:
                table = suppression.suppress(table, threshold, round_to)
            tables.append(sheet_prefixed(section, table))

    year = period_for("board", period_spec)
    about: dict[str, Any] = {
        "Board": _board_name(),
        "Workbook": f"{TITLE}: every module's return for {year.long_label}",
        "Marking": PUBLISHED_MARKING if suppress else INTERNAL_MARKING,
    }
    for section, period, _ in computed:
        about[f"Period: {section.prefix}"] = (
            f"{section.title}: {period.label} "
            f"({period.start:%d/%m/%Y} - {period.end:%d/%m/%Y})")
    for section, _, _ in computed:
        about[f"Counting rules: {section.prefix}"] = section.counting_rules()
    about["Small-number suppression"] = (
        suppression.rule_text(threshold, round_to) if suppress else suppression.NO_SUPPRESSION)
    about["Data-quality problems accepted"] = accepted
    about["Generated"] = session.clock.now().astimezone().strftime("%d/%m/%Y %H:%M")
    about["Generated by"] = session.username
    about["App version"] = __version__
    for report in chains:
        about[f"Audit head: {report.store}"] = f"{report.count} entries, {report.head_hash}"

    target = workbook.write(tables, about, Path(path))
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    entry = {
        "return": RETURN_KEY,
        "period": year.short_label,
        "file": target.name,
        "tables": [t.key for t in tables],
        "suppressed": bool(suppress),
        "problems_accepted": accepted,
        "sha256": digest,
    }
    for store in dict.fromkeys(s.store for s in SECTIONS):
        with stores.proxy(store).atomic():
            audit.append(store, session.actor, "export", clock=session.clock, table="return",
                         new=entry)
    return target
