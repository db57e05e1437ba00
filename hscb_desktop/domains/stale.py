"""Optimistic locking for the rows that have no version column (issue 11's known gap).

A LADO meeting or action, a fostering visit, a CDOP agency report or panel meeting, a
training booking, a seat holder: small rows edited in small dialogs. Two people could
open the same row and the second save silently replaced the first. Now the dialog hands
the service the row as it loaded it (``expected``); inside the save's transaction the
service locks the row (``lock_row``) and compares what is stored with the dialog's copy
as a save would store it (``as_stored``, ``refuse_if_changed``): a row someone else
changed or deleted meanwhile is refused with a ``StaleVersion`` and the dialog keeps
what the user typed.

On a server, ``SELECT ... FOR UPDATE`` makes two saves of one row take turns, so the
second compares against the first's values. The embedded store needs no lock: a write
transaction whose snapshot another writer has overtaken is refused by SQLite itself.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from hscb_desktop.core.validation import StaleVersion, ValidationFailed, error
from hscb_desktop.storage import stores

_BOOKKEEPING = frozenset({"id", "version", "created_at", "updated_at"})
_MAX_ID = 2**63 - 1  # what an id column can hold; anything else is no row to lock


def lock_row(store: str, model, row_id: Any) -> None:
    """Hold ``row_id`` of ``model`` until the transaction ends (team mode only). An id
    that cannot be a row's locks nothing: the caller's read then says the row is missing."""
    if (isinstance(row_id, int) and not isinstance(row_id, bool) and 0 < row_id <= _MAX_ID
            and stores.is_server(store)):
        model.select(model.id).where(model.id == row_id).for_update().execute()


def as_stored(expected: Any, clean: Callable[[Mapping[str, Any]], Mapping[str, Any]],
              fields: Iterable[str]) -> dict[str, Any] | None:
    """The dialog's copy of a row as a save would store it (the copy may hold what was
    typed), only the ``fields`` it holds; None: the caller did not ask for the check.
    ``clean`` is the domain's own cleaning of input."""
    if expected is None:
        return None
    if not isinstance(expected, Mapping):
        raise ValidationFailed([error("", "The row as it was opened is missing.")])
    try:
        cleaned = clean(expected)
    except (TypeError, ValueError):  # not a row this app loaded: compare it as given
        cleaned = expected
    return {f: cleaned.get(f) for f in fields if f in expected}


def changed_fields(stored: Mapping[str, Any] | None, expected: Mapping[str, Any],
                   fields: Iterable[str] | None = None) -> list[str]:
    """The fields whose stored value differs from the one the dialog loaded (every field
    the dialog loaded, or only ``fields``); the record gone counts as every field."""
    names = [f for f in (fields if fields is not None else expected) if f not in _BOOKKEEPING]
    if stored is None:
        return [f for f in names if f in expected]
    return [f for f in names if f in expected and stored.get(f) != expected.get(f)]


def refuse_if_changed(stored: Mapping[str, Any] | None, expected: Mapping[str, Any] | None,
                      what: str, fields: Iterable[str] | None = None, *,
                      deleting: bool = False) -> None:
    """Raise ``StaleVersion`` when ``expected`` (None: the caller did not ask) no longer
    matches the stored row. ``what`` names the row: "The meeting of 01/03/2017"."""
    if expected is None or not changed_fields(stored, expected, fields):
        return
    happened = "deleted" if stored is None else "changed"
    if deleting:
        then = ", so it was not deleted. Open the record again to see what was saved."
    else:
        then = (". What you typed is still here: note it, close this, open the record "
                "again and make your change there.")
    raise StaleVersion([error("", f"{what} was {happened} by someone else after you opened "
                                  f"it{then}")])
