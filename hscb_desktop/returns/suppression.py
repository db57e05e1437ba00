"""Small-number suppression for tables that leave the organisation (GOV-3, SPEC §0.3).

A pure function over the plain-data ``Table``: it never reads a store and never
changes the table it is given. Off by default: internal returns are written
unchanged. The rule, in the order it is applied:

1. **Primary suppression.** A count from 1 to ``threshold`` becomes ``"*"``. Zero stays 0
   (a zero discloses nobody).
2. **Total lines.** A *total line* is a row whose ``Total``/``All`` column holds the sum of
   the row's other counts, or a column whose value in the table's Total row is the sum of
   the column's data rows. Only lines where the figures really add up count (so a
   "Contacts" row under a multi-category table, where one contact counts in several rows,
   is not treated as a total).
3. **Secondary suppression.** In a total line whose total is published, the suppressed
   cells must be unrecoverable from the total and the published cells: if the line has
   exactly one suppressed cell, or its suppressed cells are all 1 (so the difference
   would pin each of them to 1), the smallest other non-zero published cell of the line
   is suppressed too, preferring a cell whose crossing row or column already has a
   ``"*"`` (so as few cells as possible are lost); if there is none, the total itself is
   suppressed. This repeats over every row and column until nothing changes (a
   secondary suppression can leave a crossing line with a single ``"*"``).
4. **Rounding.** Every other count is rounded half up to the nearest ``round_to``
   (GOV-3: 5; pass 1 to keep exact counts). A published total is the *true* total
   rounded the same way, so it is not the sum of the rounded cells shown (footnoted).
5. **Percentages.** A percentage in the same row or column as a suppressed count is
   suppressed too, since it could be derived from it.

Text cells (such as board attendance "3/4"), dates and labels are never changed.

Guarantee (tested by a property test): with exact published totals (``round_to=1``, the
worst case), no suppressed value can be worked out from the published cells and the
published total of its own row or column, given only that a ``"*"`` stands for at least 1.
Combinations across several lines at once (a full linear-programming attack) are not
analysed; rounding to 5 makes those inexact as well.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from hscb_desktop.returns import Percent, Table

MARK = "*"
DEFAULT_THRESHOLD = 5  # SPEC §0.3: "suppress 1-5"; GOV-3 publishes with 7
DEFAULT_ROUND_TO = 5  # GOV-3: other counts rounded to the nearest 5
TOTAL_HEADERS = frozenset({"total", "all"})
NO_SUPPRESSION = "none: internal use"

Pos = tuple[int, int]  # (row index in rows + [total], column index)


@dataclasses.dataclass(frozen=True)
class Line:
    cells: tuple[Pos, ...]
    total: Pos


def rule_text(threshold: int = DEFAULT_THRESHOLD, round_to: int = DEFAULT_ROUND_TO) -> str:
    """What the About sheet says about the rule applied."""
    rounding = (f"other counts rounded to the nearest {round_to}; totals are the true totals "
                "rounded the same way" if round_to > 1 else "other counts shown exactly")
    return (f"GOV-3: counts of 1-{threshold} shown as '{MARK}', with secondary suppression so "
            f"no '{MARK}' can be worked out from a row or column total; {rounding}; "
            f"percentages in the row or column of a '{MARK}' suppressed too")


def footnote(threshold: int = DEFAULT_THRESHOLD, round_to: int = DEFAULT_ROUND_TO) -> str:
    text = (f"{MARK} A count from 1 to {threshold}, or a further cell suppressed so that it cannot "
            "be worked out from a total.")
    if round_to > 1:
        text += (f" Other counts are rounded to the nearest {round_to}; totals are rounded "
                 "separately, so the figures shown may not add up.")
    return text


def is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _grid(table: Table) -> list[list[Any]]:
    return [list(r) for r in table.rows] + ([list(table.total)] if table.total else [])


def total_lines(table: Table) -> list[Line]:
    """Every row and column of ``table`` whose total really is the sum of its counts."""
    grid = _grid(table)
    n_data = len(table.rows)
    total_cols = {c for c, h in enumerate(table.headers)
                  if c > 0 and str(h).strip().lower() in TOTAL_HEADERS}
    lines: list[Line] = []
    for c in sorted(total_cols):
        for r, row in enumerate(grid):
            if c >= len(row) or not is_count(row[c]):
                continue
            cells = tuple((r, j) for j in range(1, len(row))
                          if j not in total_cols and is_count(row[j]))
            if cells and sum(row[j] for _, j in cells) == row[c]:
                lines.append(Line(cells, (r, c)))
    if table.total:
        total = grid[n_data]
        for c in range(1, len(total)):
            if not is_count(total[c]):
                continue
            cells = tuple((r, c) for r in range(n_data)
                          if c < len(grid[r]) and is_count(grid[r][c]))
            if cells and sum(grid[r][c] for r, _ in cells) == total[c]:
                lines.append(Line(cells, (n_data, c)))
    return lines


def suppressed_cells(table: Table, threshold: int = DEFAULT_THRESHOLD) -> set[Pos]:
    """The counts to show as ``"*"``: primary (1..threshold) plus secondary (rule 3)."""
    grid = _grid(table)
    value = lambda p: grid[p[0]][p[1]]  # noqa: E731
    hidden = {(r, c) for r, row in enumerate(grid) for c, v in enumerate(row)
              if c > 0 and is_count(v) and 1 <= v <= threshold}
    lines = total_lines(table)
    crossing: dict[Pos, list[Line]] = {}
    for line in lines:
        for p in line.cells:
            crossing.setdefault(p, []).append(line)
    changed = True
    while changed:
        changed = False
        for line in lines:
            if line.total in hidden:
                continue
            stars = [p for p in line.cells if p in hidden]
            if not stars or (len(stars) > 1 and sum(value(p) for p in stars) > len(stars)):
                continue
            published = [p for p in line.cells if p not in hidden and value(p) > 0]

            def lone_stars(p: Pos, this: Line = line) -> int:
                # crossing lines this choice would leave with a single '*'
                return sum(1 for other in crossing.get(p, ()) if other is not this
                           and other.total not in hidden
                           and not any(q in hidden for q in other.cells))

            hidden.add(min(published, key=lambda p: (lone_stars(p), value(p), p))
                       if published else line.total)
            changed = True
    return hidden


def round_count(value: int, round_to: int = DEFAULT_ROUND_TO) -> int:
    if round_to <= 1:
        return value
    return int((Decimal(value) / round_to).quantize(Decimal(1), rounding=ROUND_HALF_UP)) * round_to


def suppress(table: Table, threshold: int = DEFAULT_THRESHOLD,
             round_to: int = DEFAULT_ROUND_TO) -> Table:
    """A copy of ``table`` fit to leave the organisation (the rule in the module docstring)."""
    if threshold < 1:
        raise ValueError("The suppression threshold must be at least 1.")
    grid = _grid(table)
    hidden = suppressed_cells(table, threshold)
    rows_hit = {r for r, _ in hidden}
    cols_hit = {c for _, c in hidden}
    out: list[list[Any]] = []
    for r, row in enumerate(grid):
        new = []
        for c, v in enumerate(row):
            if c == 0:
                new.append(v)
            elif (r, c) in hidden:
                new.append(MARK)
            elif is_count(v):
                new.append(round_count(v, round_to))
            elif isinstance(v, Percent) and (r in rows_hit or c in cols_hit):
                new.append(MARK)
            else:
                new.append(v)
        out.append(new)
    has_counts = any(is_count(v) for row in grid for v in row[1:])
    notes = list(table.footnotes) + ([footnote(threshold, round_to)] if has_counts else [])
    n_data = len(table.rows)
    return dataclasses.replace(table, rows=out[:n_data],
                               total=out[n_data] if table.total else table.total,
                               footnotes=notes)


def suppress_all(tables: Iterable[Table], threshold: int = DEFAULT_THRESHOLD,
                 round_to: int = DEFAULT_ROUND_TO) -> list[Table]:
    return [suppress(t, threshold, round_to) for t in tables]


def published_values(table: Table) -> Sequence[list[Any]]:
    """Rows then the Total row, as a grid (for tests and previews)."""
    return _grid(table)
