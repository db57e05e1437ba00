"""Typed settings with defaults, kept in the core store (administrator-editable).

Preferences that change how the app behaves for everyone (idle lock, retention
ages, due-date rules, backups) live here; remembered UI state (window geometry)
lives in the GUI's own INI file. Values are plain JSON, never pickles; the
registry is versioned so a later build can upgrade stored values.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Callable

from hscb_desktop.storage.core_models import Setting

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Option:
    key: str
    default: Any
    kind: type
    label: str
    check: Callable[[Any], str | None] = lambda value: None  # returns a problem or None


def _between(lo: float, hi: float, unit: str) -> Callable[[Any], str | None]:
    return lambda v: None if lo <= v <= hi else f"must be between {lo} and {hi} {unit}"


def _absolute_folder(value: str) -> str | None:
    import ntpath
    import os.path

    text = value.strip()
    if not text or os.path.isabs(text) or ntpath.isabs(text):  # a UNC share is absolute too
        return None
    return "must be a full folder path (or empty for the data folder's backups)"


OPTIONS: dict[str, Option] = {o.key: o for o in [
    Option("board_name", "Hertfordshire Safeguarding Children Board", str, "Board name"),
    Option("idle_lock_minutes", 5, int, "Lock after idle (minutes)", _between(1, 30, "minutes")),
    Option("session_limit_hours", 8, int, "Sign in again after (hours)", _between(1, 12, "hours")),
    Option("pension_age", 67, int, "State pension age (LADO retention)", _between(60, 75, "years")),
    Option("pf_assessment_days", 42, int, "Private fostering assessment due (days)", _between(1, 365, "days")),
    Option("backup_keep", 10, int, "Backups kept per store", _between(1, 365, "backups")),
    Option("backup_on_exit", True, bool, "Back up when the app closes"),
    # "" is the data folder's backups/; a network share is allowed (only live stores must be local).
    Option("backup_folder", "", str, "Backup folder", _absolute_folder),
]}


class SettingError(ValueError):
    pass


def get(key: str) -> Any:
    option = OPTIONS[key]
    row = Setting.get_or_none(Setting.key == key)
    return option.default if row is None else json.loads(row.value)


def validate(key: str, value: Any) -> Any:
    option = OPTIONS.get(key)
    if option is None:
        raise SettingError(f"Unknown setting {key!r}.")
    if option.kind is int and isinstance(value, str) and value.strip().lstrip("-").isdigit():
        value = int(value)
    if not isinstance(value, option.kind) or (option.kind is int and isinstance(value, bool)):
        raise SettingError(f"{option.label} must be a {option.kind.__name__}.")
    problem = option.check(value)
    if problem:
        raise SettingError(f"{option.label} {problem}.")
    return value


def put(key: str, value: Any) -> Any:
    """Store a validated value. Callers (security.admin) check the role and audit it."""
    value = validate(key, value)
    Setting.insert(key=key, value=json.dumps(value)).on_conflict(
        conflict_target=[Setting.key], update={Setting.value: json.dumps(value)}).execute()
    return value


def all_values() -> dict[str, Any]:
    return {key: get(key) for key in OPTIONS}
