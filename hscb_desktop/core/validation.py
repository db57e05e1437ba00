"""The domain says what is wrong; the GUI decides how to show it.

Rules return lists of ``Problem``; nothing in a rule raises for bad input.
An ``ERROR`` blocks saving; a ``WARNING`` is shown beside its field and the
user may save anyway.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Iterable, NamedTuple


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    field: str  # the model field name the problem belongs beside ("" for the record as a whole)
    message: str  # a sentence for the user, no record contents beyond the field's own value
    severity: Severity = Severity.ERROR

    @property
    def blocking(self) -> bool:
        return self.severity is Severity.ERROR


class RecordRef(NamedTuple):
    """Where a problem was found: the reference the user knows, and what opens the record
    (``target``: "contact", "notification", "case", "board_meeting", ...) with its id.
    ``str()`` gives the reference, so code that only shows it needs nothing else."""

    text: str
    target: str = ""
    record_id: int | None = None

    def __str__(self) -> str:
        return self.text


def error(field: str, message: str) -> Problem:
    return Problem(field, message, Severity.ERROR)


def warning(field: str, message: str) -> Problem:
    return Problem(field, message, Severity.WARNING)


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.blocking]


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.blocking for p in problems)


class ValidationFailed(Exception):
    """Raised by a service when a save is refused; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(f"{p.field}: {p.message}" for p in problems if p.blocking))


class PermissionDenied(Exception):
    """The signed-in user's roles do not allow this action (GOV-1)."""


class StaleVersion(ValidationFailed):
    """Someone saved the record after this user opened it (optimistic locking)."""


class RecordMissing(ValidationFailed):
    """The record was deleted (or never existed) since it was listed."""
