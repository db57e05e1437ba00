"""Qt-free return tables and the workbook writer (ARCHITECTURE rule 4).

A domain's ``returns`` module computes ``Table``s of plain values; ``workbook``
turns any list of them into an .xlsx. So a return can be tested without Excel,
and the workbook without a database. Nothing here imports openpyxl at import
time (start-up cost).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any


class Percent(float):
    """A percentage held as a fraction (0.57), written as a number formatted ``0%``."""

    def __repr__(self) -> str:
        return f"Percent({float(self)!r})"


def percent(part: float, whole: float) -> Percent | None:
    """``part / whole`` rounded half-up to a whole percentage (SPEC §0.3); None when
    ``whole`` is 0. Rounding before writing makes Excel show exactly what we computed."""
    if not whole:
        return None
    whole_pct = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return Percent(int(whole_pct) / 100)


def change(new: float, old: float) -> Percent | None:
    """Change on the previous year as a whole percentage; None without a base."""
    return percent(new - old, old) if old else None


@dataclass
class Table:
    key: str  # "L1"
    title: str  # the annual report's title, written bold above the header
    headers: list[str]  # exactly as the report prints them
    rows: list[list[Any]]  # a label, then numbers / Percent / text
    footnotes: list[str] = field(default_factory=list)
    total: list[Any] | None = None  # the Total row, where the report has one
    sheet: str = ""  # sheet name (<= 31 characters); defaults to "<key> <title>"

    def sheet_name(self) -> str:
        return (self.sheet or f"{self.key} {self.title}")[:31]

    def row(self, label: str) -> list[Any]:
        """The row with this label (tests and the GUI preview)."""
        for r in self.rows + ([self.total] if self.total else []):
            if r and r[0] == label:
                return r
        raise KeyError(label)
