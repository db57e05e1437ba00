"""``hscb-desktop-cli --data-dir FOLDER --database postgresql://OWNER@HOST/DB migrate-to-server``
(issue 11): the logic is ``storage.migrate_to_server``; this prints what IT needs once."""

from __future__ import annotations

from hscb_desktop import server_cli
from hscb_desktop.core.clock import SYSTEM_CLOCK
from hscb_desktop.paths import data_paths
from hscb_desktop.storage.workspace import Workspace


def run(args, ask) -> int:
    from hscb_desktop.storage import migrate_to_server

    if not server_cli.database_url(args):
        raise ValueError(
            "migrate-to-server needs the target: --database postgresql://OWNER@HOST/DATABASE "
            "(a database set up with init, as its owner)."
        )
    target = server_cli._owner(args, ask)
    ws = Workspace(data_paths(args.data_dir), SYSTEM_CLOCK).acquire()
    try:
        report = migrate_to_server.migrate(
            ws, args.as_user, ask(f"Password for {args.as_user}: "), target, SYSTEM_CLOCK
        )
    finally:
        ws.close()
    print(f"Copied {ws.paths.root} to {target.safe()} and verified it:")
    for line in report.lines():
        print(f"  {line}")
    for login in report.dropped_logins:
        print(f"  removed the set-up login {login} (no such user in the data folder)")
    print("One-time passwords (shown once; each user must choose a new one at first sign-in):")
    for username, password in report.passwords.items():
        print(f"  {username:<20} {password}")
    return 0
