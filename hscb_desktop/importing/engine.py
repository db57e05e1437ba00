"""The import itself: prepare, dry run, commit (Qt-free; the GUI and the CLI share it).

    plan = prepare(path, sheet, mapping, importer, progress)   # a pass: values, date orders
    report = dry_run(session, plan, progress)                  # a pass: every row through the rules
    result = commit(session, plan, report, progress)           # a pass: one transaction

Each step streams the sheet (read-only openpyxl), so memory stays flat whatever its
length; each reports progress and stops at the next row once cancelled. The commit
re-reads the file and refuses if it changed since the dry run, then writes every
accepted row through the domain's service in one transaction: any failure, or a
cancel, leaves the store as it was.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from hscb_desktop.core.progress import Progress
from hscb_desktop.core.validation import Problem, ValidationFailed, error
from hscb_desktop.importing import fields as F
from hscb_desktop.importing import mapping as M
from hscb_desktop.importing import reader
from hscb_desktop.importing import values as V
from hscb_desktop.storage import stores

MAX_DISTINCT = 500  # distinct values listed per coded field; more means the wrong column
BATCH = 500  # rows handed to the service at a time, inside the one transaction
_REPORT_EVERY = 200
_VALUE_SHOWN = 200  # characters of a value quoted in the report


class Importer(Protocol):
    """What a domain importer module provides (see ``importing/lado.py``)."""

    name: str
    title: str
    FIELDS: tuple[F.Field, ...]
    STORE: str  # the store the records go to: one transaction there for the whole commit

    def authorise(self, session) -> None: ...
    def to_record(self, values: dict[str, Any]) -> dict[str, Any]: ...
    def validator(self, session) -> Callable[[dict[str, Any]], list[Problem]]: ...
    def keys(self, record: dict[str, Any]) -> list[tuple]: ...
    def existing_keys(self, session) -> set[tuple]: ...
    def create(self, session, records: list[dict[str, Any]], sources: list[str]) -> list[int]: ...


def fields_of(importer, session=None) -> tuple[F.Field, ...]:
    """The importer's fields; one whose fields come from the store (the Board's seats)
    has ``fields_for(session)``."""
    dynamic = getattr(importer, "fields_for", None)
    if dynamic is not None and session is not None:
        return tuple(dynamic(session))
    return tuple(importer.FIELDS)


@dataclass
class Plan:
    info: reader.SheetInfo
    mapping: M.ImportMapping
    importer: Any
    sha256: str
    field_list: tuple[F.Field, ...] = ()
    rows: int = 0
    distinct: dict[str, Counter] = field(default_factory=dict)  # field -> spreadsheet value -> rows
    orders: dict[str, str] = field(default_factory=dict)  # header -> date order in force
    order_notes: list[str] = field(default_factory=list)
    ambiguous: dict[str, int] = field(default_factory=dict)  # header -> dates read both ways
    _codes: dict[tuple[str, str], tuple[str | None, str]] = field(default_factory=dict,
                                                                   repr=False)

    @property
    def fields(self) -> dict[str, F.Field]:
        return {f.name: f for f in self.field_list or self.importer.FIELDS}

    def code_of(self, f: F.Field, raw: str) -> tuple[str | None, str]:
        """``value_code`` remembered per value: a 50,000-row sheet repeats a few values."""
        key = (f.name, raw)
        found = self._codes.get(key)
        if found is None:
            found = M.value_code(self.mapping, f, raw)
            if len(self._codes) < 100_000:
                self._codes[key] = found
        return found

    def unresolved(self) -> dict[str, list[str]]:
        """field -> values with no code yet (they must be mapped before a commit)."""
        out: dict[str, list[str]] = {}
        for name, counts in self.distinct.items():
            f = self.fields[name]
            missing = [v for v in counts if M.value_code(self.mapping, f, v)[1] == M.UNMATCHED]
            if missing:
                out[name] = missing
        return out

    def undecided_orders(self) -> list[str]:
        """Date columns holding dates that read both ways, with no order chosen."""
        return [h for h, n in self.ambiguous.items() if n and h not in self.orders]


@dataclass(frozen=True)
class RowIssue:
    row: int
    column: str
    field: str
    value: str
    problem: str
    kind: str  # "error" (row skipped), "warning" (row imported), "duplicate" (row skipped)


@dataclass
class Report:
    file: str
    sheet: str
    sha256: str
    rows_read: int = 0
    to_create: int = 0
    duplicates: int = 0
    skipped: int = 0
    issues: list[RowIssue] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    created_ids: list[int] = field(default_factory=list)  # filled by commit

    def summary(self) -> str:
        return (f"{self.rows_read} rows read: {self.to_create} to create, "
                f"{self.duplicates} duplicates, {self.skipped} skipped")


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _columns(plan: Plan) -> list[tuple[int, str, F.Field]]:
    fields = plan.fields
    out = []
    for index, header in enumerate(plan.info.headers):
        name = plan.mapping.columns.get(header)
        if name in fields:
            out.append((index, header, fields[name]))
    return out


def _rows(plan: Plan) -> Iterator[tuple[int, list[Any]]]:
    info = plan.info
    return reader.data_rows(info.path, info.sheet, info.header_row, len(info.headers))


def _tick(progress: Progress | None, done: int, total: int | None, text: str) -> None:
    if progress is not None and done % _REPORT_EVERY == 0:
        progress.check_cancelled()
        progress.report(done, total, text)


def check_mapping(fields_of, mapping: M.ImportMapping, headers: list[str]) -> list[str]:
    """Problems with a mapping against a sheet: unknown fields, missing required ones."""
    fields = {f.name: f for f in fields_of}
    problems = []
    for header, name in mapping.columns.items():
        if header not in headers:
            problems.append(f"The mapping names a column {header!r} the sheet does not have.")
        elif name not in fields:
            problems.append(f"Column {header!r} is mapped to {name!r}, which is not a field.")
    mapped = set(mapping.columns.values())
    for f in fields.values():
        if f.required and f.name not in mapped:
            problems.append(f"No column is mapped to the required field '{f.label}'.")
    return problems


def prepare(path: str | Path, sheet: str | None, mapping: M.ImportMapping, importer,
            progress: Progress | None = None, header_row: int | None = None,
            session=None) -> Plan:
    """Read the sheet once: the distinct values of coded fields and each date column's order.
    ``session``: for an importer whose fields come from the store."""
    info = reader.inspect_sheet(path, sheet, header_row or mapping.header_row)
    field_list = fields_of(importer, session)
    problems = check_mapping(field_list, mapping, info.headers)
    if problems:
        raise ValidationFailed([error("mapping", p) for p in problems])
    plan = Plan(info, mapping, importer, file_sha256(path), field_list)
    columns = _columns(plan)
    evidence: dict[str, Counter] = {h: Counter() for _, h, f in columns if f.kind == F.DATE}
    example: dict[tuple[str, str], int] = {}
    for count, (number, values) in enumerate(_rows(plan), start=1):
        _tick(progress, count, info.estimated_rows, f"Reading row {number}")
        plan.rows = count
        for index, header, f in columns:
            raw = values[index]
            if f.coded:
                counts = plan.distinct.setdefault(f.name, Counter())
                for key in F.distinct_keys(f, raw):
                    if key in counts or len(counts) < MAX_DISTINCT:
                        counts[key] += 1
            elif f.kind == F.DATE and isinstance(raw, str):
                which = V.order_evidence(raw)
                if which:
                    evidence[header][which] += 1
                    example.setdefault((header, which), number)
                elif V.read_date(raw).ambiguous:
                    evidence[header]["ambiguous"] += 1
    for header, counts in evidence.items():
        plan.ambiguous[header] = counts["ambiguous"]
        chosen = mapping.date_order.get(header)
        if chosen:
            plan.orders[header] = chosen
            continue
        dmy, mdy = counts[V.DAY_FIRST], counts[V.MONTH_FIRST]
        if counts["ambiguous"] and bool(dmy) != bool(mdy):
            which = V.DAY_FIRST if dmy else V.MONTH_FIRST
            plan.orders[header] = which
            plan.order_notes.append(
                f"Column {header!r}: dates such as 03/04/2017 were read "
                f"{V.DATE_ORDERS[which]}, as row {example[(header, which)]} can only be read "
                "that way.")
        elif counts["ambiguous"] and dmy and mdy:
            plan.order_notes.append(
                f"Column {header!r} mixes day-first and month-first dates: choose its order.")
    if progress is not None:
        progress.report(plan.rows, plan.rows, "Read")
    return plan


def _shown(raw: Any) -> str:
    text = V.text(raw) or ""
    return text if len(text) <= _VALUE_SHOWN else text[:_VALUE_SHOWN] + "…"


def convert(plan: Plan, columns, number: int, values: list[Any]
            ) -> tuple[dict[str, Any], list[RowIssue]]:
    """One row's field values, and the cells that could not be read."""
    out: dict[str, Any] = {}
    issues: list[RowIssue] = []

    def bad(header: str, f: F.Field, raw: Any, problem: str) -> None:
        issues.append(RowIssue(number, header, f.label, _shown(raw), problem, "error"))

    for index, header, f in columns:
        raw = values[index]
        if f.kind == F.TEXT:
            out[f.name] = V.read_text(raw).value
        elif f.kind == F.INT:
            read = V.read_int(raw)
            out[f.name] = read.value
            if read.problem:
                bad(header, f, raw, f"The value {read.problem}.")
        elif f.kind == F.DATE:
            read = V.read_date(raw, plan.orders.get(header))
            out[f.name] = read.value
            if read.problem:
                bad(header, f, raw, f"The date {read.problem}.")
        elif f.kind == F.CODES:
            codes = []
            for key in F.split_values(raw):
                code, how = plan.code_of(f, key)
                if how == M.UNMATCHED:
                    bad(header, f, key, f"'{key}' is not in the list for {f.label}: map it.")
                elif code:
                    codes.append(code)
            out[f.name] = sorted(set(codes))
        else:  # CODE, BOOL
            key = V.text(raw)
            code, how = (None, M.BLANK) if key is None else plan.code_of(f, key)
            if how == M.UNMATCHED:
                bad(header, f, raw, f"'{key}' is not in the list for {f.label}: map it.")
            out[f.name] = (code == "yes" if code else None) if f.kind == F.BOOL else code
    return out, issues


def _evaluate(session, plan: Plan, progress: Progress | None, report: Report
              ) -> Iterator[tuple[int, dict[str, Any]]]:
    """Every row through conversion, the domain's rules and the duplicate check; yields
    (row number, record) for the rows to create and fills ``report`` as it goes."""
    importer, columns = plan.importer, _columns(plan)
    plan._codes.clear()  # the mapping may have been edited since the last pass
    header_of = {f.name: h for _, h, f in columns}
    label_of = {f.name: f.label for f in plan.fields.values()}
    existing = importer.existing_keys(session)
    validate = importer.validator(session)
    seen: dict[tuple, int] = {}
    report.notes += plan.order_notes
    for count, (number, values) in enumerate(_rows(plan), start=1):
        _tick(progress, count, plan.rows or plan.info.estimated_rows, f"Checking row {number}")
        report.rows_read = count
        data, issues = convert(plan, columns, number, values)
        record = importer.to_record(data)
        for p in validate(record):
            if any(i.field == label_of.get(p.field) for i in issues):
                continue  # the cell's own problem already says it
            issues.append(RowIssue(number, header_of.get(p.field, ""),
                                   label_of.get(p.field, p.field),
                                   _shown(data.get(p.field)), p.message,
                                   "error" if p.blocking else "warning"))
        report.issues += issues
        if any(i.kind == "error" for i in issues):
            report.skipped += 1
            continue
        keys = importer.keys(record)
        twin = next((k for k in keys if k in existing), None)
        earlier = next((seen[k] for k in keys if k in seen), None)
        if twin is not None or earlier is not None:
            report.duplicates += 1
            why = ("matches a record already in the store" if twin is not None
                   else f"repeats row {earlier} of this sheet")
            report.issues.append(RowIssue(number, "", "", "", f"Duplicate: {why} "
                                          f"({_describe_key(twin or keys[0])}).", "duplicate"))
            continue
        for k in keys:
            seen[k] = number
        report.to_create += 1
        yield number, record


def _describe_key(key: tuple) -> str:
    kind, *parts = key
    return f"{kind} " + ", ".join(str(p) for p in parts)


def dry_run(session, plan: Plan, progress: Progress | None = None) -> Report:
    """The row-by-row report of what a commit would do; writes nothing."""
    plan.importer.authorise(session)
    report = Report(plan.info.path.name, plan.info.sheet, plan.sha256)
    for _ in _evaluate(session, plan, progress, report):
        pass
    undecided = plan.undecided_orders()
    for header in undecided:
        report.notes.append(f"Column {header!r} has {plan.ambiguous[header]} dates that read "
                            "both ways (dd/mm or mm/dd): choose its date order.")
    if progress is not None:
        progress.report(report.rows_read, report.rows_read, report.summary())
    return report


class ImportRefused(ValidationFailed):
    """The commit did not start: unresolved values, a changed file, nothing to import."""


def commit(session, plan: Plan, expected: Report | None = None,
           progress: Progress | None = None) -> Report:
    """Create every accepted row in one transaction, each audited as an import naming the
    file and row; nothing is written if anything fails or the user cancels."""
    importer = plan.importer
    importer.authorise(session)
    unresolved = plan.unresolved()
    if unresolved:
        listed = "; ".join(f"{plan.fields[n].label}: {', '.join(repr(v) for v in vs[:5])}"
                           for n, vs in unresolved.items())
        raise ImportRefused([error("values", f"Map these values first: {listed}.")])
    if file_sha256(plan.info.path) != plan.sha256 or (
            expected is not None and expected.sha256 != plan.sha256):
        raise ImportRefused([error("file", f"{plan.info.path.name} changed after it was read: "
                                           "run the dry run again.")])
    report = Report(plan.info.path.name, plan.info.sheet, plan.sha256)
    where = f"{plan.info.path.name}, sheet {plan.info.sheet}"
    batch: list[dict[str, Any]] = []
    sources: list[str] = []
    with stores.proxy(importer.STORE).atomic():  # all or nothing
        for number, record in _evaluate(session, plan, progress, report):
            batch.append(record)
            sources.append(f"{where}, row {number}")
            if len(batch) >= BATCH:
                report.created_ids += importer.create(session, batch, sources)
                batch, sources = [], []
        if batch:
            report.created_ids += importer.create(session, batch, sources)
        if progress is not None:
            progress.check_cancelled()  # the last chance to roll everything back
    if progress is not None:
        progress.report(report.rows_read, report.rows_read, f"Created {len(report.created_ids)}")
    return report
