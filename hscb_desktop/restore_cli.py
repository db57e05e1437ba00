"""``hscb-desktop-cli restore``: bring stores back from a verified backup (DB-4, GOV-4, DB-5).

    hscb-desktop-cli restore [--from FOLDER] [--store NAME ...] [--yes] [--list] [--as USER]

``--from`` is a backup folder, or a folder of backups (default: the data folder's
``backups/`` and the configured backup folder). Without ``--store`` the damaged
stores are restored, or, for an administrator when none is damaged, every store
the backup holds. Without ``--from`` naming one backup, the newest backup whose
copies of those stores verify is used. The plan is printed and must be confirmed
(``--yes``, or typing ``yes`` at the prompt). Signing in is not needed and may be
impossible (a damaged store stops it): the password unwraps the keys directly.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable

from hscb_desktop.security import recovery
from hscb_desktop.storage import restore as rs
from hscb_desktop.storage import stores

CONFIRM_WORD = "yes"


def _describe(info: rs.BackupInfo) -> str:
    heads = ", ".join(f"{n} ({c.audit_entries} audit entries, head {c.audit_head[:12]}…)"
                      for n, c in info.stores.items())
    made = " ".join(x for x in (info.reason, f"by {info.made_by}" if info.made_by else "") if x)
    return f"{info.local_time()}  {info.folder}  [{made or 'backup'}]\n    {heads}"


def run(args, workspace, password: str, *, out: Callable[[str], None] = print,
        ask: Callable[[str], str] | None = None) -> int:
    chosen_root = Path(args.source).expanduser() if args.source else None
    if chosen_root is not None and not chosen_root.is_dir():
        raise recovery.RestoreRefused(f"There is no folder {chosen_root}.")
    first_roots = [chosen_root] if chosen_root else [workspace.paths.backups]
    local = rs.all_backups(first_roots)
    with_core = next((b for b in local if stores.CORE in b.stores), None)
    creds = recovery.credentials(workspace, args.as_user, password, with_core)
    roots = list(first_roots)
    if chosen_root is None:
        configured = rs.configured_folder(workspace.paths, creds.keys[stores.CORE])
        if configured is not None:
            roots.append(configured)
    found = rs.all_backups(roots)
    if args.list:
        for info in found:
            out(_describe(info))
        if not found:
            out(f"No backups in {', '.join(str(r) for r in roots)}.")
        return 0
    if not found:
        raise recovery.RestoreRefused(f"No backups in {', '.join(str(r) for r in roots)}.")

    damaged = recovery.damaged_stores(workspace, creds)
    for name, problem in damaged.items():
        out(f"Damaged: {problem}")
    wanted = list(args.stores) if args.stores else None
    if wanted is None:
        wanted = sorted(damaged) if damaged else None
    if chosen_root is not None and (chosen_root / rs.MANIFEST).is_file():
        target = found[0]  # --from named one backup
    else:
        names = wanted or ([n for n in stores.STORE_NAMES if n in creds.keys]
                           if creds.is_admin else [])
        if not names:
            raise recovery.RestoreRefused("Nothing to restore: no store of yours is damaged. "
                                          "Only an administrator may roll a store back.")
        target = recovery.latest_for(found, creds, names)
        if target is None:
            raise recovery.RestoreRefused("No backup holds a copy of "
                                          f"{', '.join(names)} that passes its checks.")
    plan = recovery.plan(workspace, creds, target, wanted)
    out(plan.confirmation())
    if not args.yes:
        if ask is None:
            if not sys.stdin or not sys.stdin.isatty():
                raise recovery.RestoreRefused("Not restored: add --yes to confirm, or run the "
                                              "command in a terminal.")
            ask = input
        if ask(f"Type '{CONFIRM_WORD}' to restore: ").strip().lower() != CONFIRM_WORD:
            out("Not restored; nothing was changed.")
            return 1
    result = recovery.execute(workspace, creds, plan, workspace.clock)
    titles = ", ".join(stores.STORE_TITLES.get(n, n) for n in result.stores)
    out(f"Restored {titles} from {target.folder}.")
    out(f"The replaced files are in {result.replaced}.")
    if result.keyring_restored:
        out("The keyring was restored with the core store: passwords are as they were then.")
    return 0
