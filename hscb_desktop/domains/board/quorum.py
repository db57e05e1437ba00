"""The Board's quorum rule (SPEC §4.3, §8.11), Qt-free and configurable as JSON.

A rule is a plain dict, stored as JSON on the ``Board`` row (``Board.quorum_rule``;
NULL means ``DEFAULT_RULE``)::

    {"sectors": ["local_authority", "police", "health"],  # one present from each
     "min_present": 0,                                    # and at least this many seats
     "quorum_seats_only": true}                           # only seats with counts_for_quorum

The §8.11 default: at least one attendee from each statutory partner sector (local
authority, police, health), judged by the sector of each seat's agency. A seat is
present when its holder attended, or its deputy attended and deputies are allowed
for it. ``evaluate`` never raises for a bad rule: ``check_rule`` reports problems.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from hscb_desktop.core.validation import Problem, error
from hscb_desktop.core.vocab import AGENCY_SECTORS, STATUTORY_PARTNER_SECTORS

DEFAULT_RULE: dict[str, Any] = {
    "sectors": sorted(STATUTORY_PARTNER_SECTORS),
    "min_present": 0,
    "quorum_seats_only": True,
}


@dataclass(frozen=True)
class Seat:
    """What the rule needs to know of a seat and its row in a meeting's grid."""

    sector: str | None
    counts_for_quorum: bool
    status: str | None
    deputy_allowed: bool = False

    @property
    def present(self) -> bool:
        return self.status == "attended" or (
            self.status == "deputy_attended" and self.deputy_allowed
        )


@dataclass(frozen=True)
class QuorumResult:
    quorate: bool
    present: int  # seats present that the rule counts
    missing_sectors: tuple[str, ...] = ()  # sector codes with nobody present
    min_present: int = 0
    notes: tuple[str, ...] = field(default=())

    def describe(self) -> str:
        if self.quorate:
            return f"Quorate ({self.present} present)."
        parts = []
        if self.missing_sectors:
            names = ", ".join(_sector_label(s) for s in self.missing_sectors)
            parts.append(f"nobody present from {names}")
        if self.present < self.min_present:
            parts.append(f"{self.present} present of the {self.min_present} needed")
        return "Not quorate: " + "; ".join(parts) + "."


def _sector_label(code: str) -> str:
    return AGENCY_SECTORS.label(code).lower() if code in AGENCY_SECTORS else code


def check_rule(rule: Any) -> list[Problem]:
    """Problems with a rule as given (a dict, or its JSON text)."""
    if isinstance(rule, str):
        try:
            rule = json.loads(rule)
        except ValueError:
            return [error("quorum_rule", "The quorum rule is not valid JSON.")]
    if not isinstance(rule, Mapping):
        return [error("quorum_rule", "The quorum rule must be a JSON object.")]
    problems = []
    unknown = set(rule) - set(DEFAULT_RULE)
    if unknown:
        problems.append(
            error("quorum_rule", f"Unknown quorum setting(s): {', '.join(sorted(unknown))}.")
        )
    sectors = rule.get("sectors", [])
    if not isinstance(sectors, list) or not all(
        isinstance(s, str) and s in AGENCY_SECTORS for s in sectors
    ):
        problems.append(
            error(
                "quorum_rule",
                "The quorum's sectors must be a list of: " + ", ".join(AGENCY_SECTORS) + ".",
            )
        )
    low = rule.get("min_present", 0)
    if isinstance(low, bool) or not isinstance(low, int) or not 0 <= low <= 200:
        problems.append(error("quorum_rule", "The minimum present must be a whole number 0-200."))
    if not isinstance(rule.get("quorum_seats_only", True), bool):
        problems.append(error("quorum_rule", "quorum_seats_only must be true or false."))
    return problems


def load(text: str | None) -> dict[str, Any]:
    """The rule stored as ``text`` (NULL or a bad value: the default)."""
    if not text:
        return dict(DEFAULT_RULE)
    try:
        rule = json.loads(text)
    except ValueError:
        return dict(DEFAULT_RULE)
    if check_rule(rule):
        return dict(DEFAULT_RULE)
    return {**DEFAULT_RULE, **rule}


def dump(rule: Mapping[str, Any]) -> str:
    return json.dumps({**DEFAULT_RULE, **rule}, sort_keys=True)


def evaluate(rule: Mapping[str, Any] | None, seats: Iterable[Seat]) -> QuorumResult:
    rule = {**DEFAULT_RULE, **(rule or {})}
    if check_rule(rule):
        rule = dict(DEFAULT_RULE)
    counted = [
        s for s in seats if s.present and (s.counts_for_quorum or not rule["quorum_seats_only"])
    ]
    here = {s.sector for s in counted}
    missing = tuple(s for s in rule["sectors"] if s not in here)
    quorate = not missing and len(counted) >= rule["min_present"]
    return QuorumResult(quorate, len(counted), missing, rule["min_present"])
