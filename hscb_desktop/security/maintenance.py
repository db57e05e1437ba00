"""Administrator services: settings, audit verification and backups, all audited."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from hscb_desktop import settings
from hscb_desktop.core.validation import PermissionDenied
from hscb_desktop.security import roles as R
from hscb_desktop.security.session import Session
from hscb_desktop.storage import audit, stores


def _require_active(session: Session) -> None:
    if not session.active:
        raise PermissionDenied("The session is locked.")


def get_settings(session: Session) -> dict[str, Any]:
    _require_active(session)
    return settings.all_values()


def put_setting(session: Session, key: str, value: Any) -> Any:
    _require_active(session)
    R.require_role(session.roles, R.ADMINISTRATOR, action="change settings")
    with stores.proxy(stores.CORE).atomic():
        old = settings.get(key)
        value = settings.put(key, value)
        audit.append(stores.CORE, session.actor, "setting_changed", clock=session.clock, table="setting",
                     record_id=key, old={"value": old}, new={"value": value})
    if key == "idle_lock_minutes":
        session.idle_limit_s = 60.0 * value
    return value


def verify_audit(session: Session) -> list[audit.ChainReport]:
    """Verify every store this session has open (administrators hold every key)."""
    _require_active(session)
    R.require_role(session.roles, R.ADMINISTRATOR, action="verify the audit log")
    reports = [audit.verify(name) for name in stores.STORE_NAMES if stores.is_open(name)]
    with stores.proxy(stores.CORE).atomic():
        audit.append(stores.CORE, session.actor, "audit_verified", clock=session.clock,
                     new={r.store: {"ok": r.ok, "count": r.count, "head": r.head_hash} for r in reports})
    return reports


def backup_now(session: Session, dest_root: Path | None = None) -> Path:
    _require_active(session)
    R.require_role(session.roles, R.ADMINISTRATOR, R.BUSINESS_UNIT, action="take a backup")
    configured = str(settings.get("backup_folder") or "").strip()  # "": the data folder's backups/
    root = dest_root or (Path(configured).expanduser() if configured else None)
    folder = session.workspace.backup_all(root, keep=settings.get("backup_keep"), reason="manual",
                                          made_by=session.username)
    with stores.proxy(stores.CORE).atomic():
        audit.append(stores.CORE, session.actor, "backup", clock=session.clock, new={"folder": folder.name})
    return folder
