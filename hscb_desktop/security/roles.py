"""Roles, the stores each role's keys open, and what each role may do (GOV-1).

The check is made in the service layer (``require``), never only by hiding
widgets. Key custody follows the work: a role gets a wrapped key only for the
stores it must decrypt. The business unit decrypts the casework stores because
its aggregate returns are computed from them, but its services only ever hand it
counts; the administrator holds every key as key custodian (to grant keys to new
users and reset passwords, AUTH-5) but its services give it no record access.
"""
from __future__ import annotations

from typing import Iterable

from hscb_desktop.core.validation import PermissionDenied

ADMINISTRATOR = "administrator"
LADO_OFFICER = "lado_officer"
FOSTERING_WORKER = "fostering_worker"
CDOP_COORDINATOR = "cdop_coordinator"
BUSINESS_UNIT = "business_unit"

ROLE_LABELS = {
    ADMINISTRATOR: "Administrator",
    LADO_OFFICER: "LADO officer",
    FOSTERING_WORKER: "Private fostering worker",
    CDOP_COORDINATOR: "CDOP coordinator",
    BUSINESS_UNIT: "Business unit",
}
ROLES = tuple(ROLE_LABELS)

# Stores whose key a role's holder receives (besides the core store everyone opens).
KEYS_FOR_ROLE: dict[str, frozenset[str]] = {
    ADMINISTRATOR: frozenset({"lado", "fostering", "cdop", "board"}),
    LADO_OFFICER: frozenset({"lado"}),
    FOSTERING_WORKER: frozenset({"fostering"}),
    CDOP_COORDINATOR: frozenset({"cdop"}),
    BUSINESS_UNIT: frozenset({"lado", "fostering", "cdop", "board"}),
}

# Record-level access: which domain's individual records a role may see and change.
RECORD_ACCESS: dict[str, frozenset[str]] = {
    ADMINISTRATOR: frozenset(),
    LADO_OFFICER: frozenset({"lado"}),
    FOSTERING_WORKER: frozenset({"fostering"}),
    CDOP_COORDINATOR: frozenset({"cdop"}),
    BUSINESS_UNIT: frozenset({"board"}),
}

# Aggregate returns: a practitioner runs their own domain's; the business unit every domain's.
RETURN_ACCESS: dict[str, frozenset[str]] = {
    ADMINISTRATOR: frozenset(),
    LADO_OFFICER: frozenset({"lado"}),
    FOSTERING_WORKER: frozenset({"fostering"}),
    CDOP_COORDINATOR: frozenset({"cdop"}),
    BUSINESS_UNIT: frozenset({"lado", "fostering", "cdop", "board"}),
}


def validate_roles(roles: Iterable[str]) -> frozenset[str]:
    chosen = frozenset(roles)
    unknown = chosen - set(ROLES)
    if unknown:
        raise ValueError(f"Unknown role(s): {', '.join(sorted(unknown))}. "
                         f"Roles are: {', '.join(ROLES)}.")
    if not chosen:
        raise ValueError("A user needs at least one role.")
    return chosen


def stores_for(roles: Iterable[str]) -> frozenset[str]:
    return frozenset().union(*(KEYS_FOR_ROLE[r] for r in roles)) if roles else frozenset()


def record_domains(roles: Iterable[str]) -> frozenset[str]:
    return frozenset().union(*(RECORD_ACCESS[r] for r in roles)) if roles else frozenset()


def return_domains(roles: Iterable[str]) -> frozenset[str]:
    return frozenset().union(*(RETURN_ACCESS[r] for r in roles)) if roles else frozenset()


def require_role(held: Iterable[str], *allowed: str, action: str) -> None:
    if not set(held) & set(allowed):
        raise PermissionDenied(f"You do not have permission to {action}.")


def require_records(held: Iterable[str], domain: str, action: str = "see these records") -> None:
    if domain not in record_domains(held):
        raise PermissionDenied(f"You do not have permission to {action}.")


def require_returns(held: Iterable[str], domain: str) -> None:
    if domain not in return_domains(held):
        raise PermissionDenied(f"You do not have permission to run the {domain} return.")
