"""Session and role guards every domain service runs before it reads or writes (GOV-1).

Kept here, not in a package the domains share, so domains stay independent
(ARCHITECTURE rule 2).
"""

from __future__ import annotations

from hscb_desktop.core.validation import PermissionDenied
from hscb_desktop.security import roles

SESSION_ENDED = "Your session is locked or has expired. Sign in again to continue."


def require_active(session) -> None:
    if not session.active:
        raise PermissionDenied(SESSION_ENDED)


def require_record_access(session, domain: str, action: str) -> None:
    """An active session whose roles may ``action`` (a phrase) on the domain's records."""
    require_active(session)
    roles.require_records(session.roles, domain, action)


def require_return_access(session, domain: str) -> None:
    """An active session whose roles may run the domain's return (counts only)."""
    require_active(session)
    roles.require_returns(session.roles, domain)
