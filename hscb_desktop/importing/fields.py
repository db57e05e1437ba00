"""What a domain importer declares: the fields a spreadsheet column can fill (Qt-free).

Each field has the kind of value it holds; a coded field carries its code list
(from ``domains/<d>/vocab.py`` or ``core/vocab.py``), so spreadsheet values can be
matched against codes and labels. Yes/no fields are coded too, with ``YES_NO``,
so "Y", "Met" or "x" go through the same value mapping.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from hscb_desktop.core.vocab import CodeList
from hscb_desktop.importing import values as V

TEXT, DATE, INT, BOOL, CODE, CODES = "text", "date", "int", "bool", "code", "codes"
YES_NO = CodeList("yes or no", [("yes", "Yes"), ("no", "No")])
_YES_NO_WORDS = {
    "y": "yes", "yes": "yes", "true": "yes", "1": "yes", "x": "yes", "\u2713": "yes",
    "met": "yes", "ticked": "yes", "n": "no", "no": "no", "false": "no", "0": "no",
    "not met": "no", "nfa": "no",
}
# A multi-valued cell: "Physical, Sexual", "Physical; Emotional", "Physical / Neglect".
_SPLIT = re.compile(r"\s*(?:[,;/+&\n]|\band\b)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Field:
    name: str  # the key the domain service takes
    label: str  # the column header the record-level extract writes
    kind: str = TEXT
    codes: CodeList | None = None  # CODE, CODES, BOOL
    aliases: tuple[str, ...] = ()  # other header names trackers use
    required: bool = False

    @property
    def coded(self) -> bool:
        return self.kind in (CODE, CODES, BOOL)

    @property
    def code_list(self) -> CodeList | None:
        return YES_NO if self.kind == BOOL else self.codes

    def synonyms(self) -> dict[str, str]:
        """Extra value spellings known to mean a code (beyond the codes and labels)."""
        return dict(_YES_NO_WORDS) if self.kind == BOOL else {}


def split_values(value: Any) -> list[str]:
    """The distinct parts of a cell a multi-valued field reads, in order."""
    raw = V.text(value)
    if raw is None or V.is_blank(raw):
        return []
    parts = [p.strip() for p in _SPLIT.split(raw)]
    return list(dict.fromkeys(p for p in parts if p and not V.is_blank(p)))


def distinct_keys(field: Field, value: Any) -> list[str]:
    """The spreadsheet values of one cell that need a code (what the value mapping lists)."""
    if field.kind == CODES:
        return split_values(value)
    raw = V.text(value)
    return [] if raw is None else [raw]
