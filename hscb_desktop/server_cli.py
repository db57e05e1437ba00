"""Team mode on the command line: ``--database postgresql://HOST/DB`` (issue 11).

``init`` and ``migrate`` run with an owner or superuser login: its name in the address
(``postgresql://owner@HOST/DB``), its password from ``HSCB_DB_PASSWORD`` or a prompt
(a password left in the address works too, but is never printed or remembered). Every
other command signs in as an application user (``--as``), whose password comes from
``HSCB_PASSWORD`` as for the embedded store.
"""
from __future__ import annotations

import os

from hscb_desktop.core.clock import SYSTEM_CLOCK
from hscb_desktop.paths import data_paths
from hscb_desktop.storage.server import ServerAddress

ENV_DATABASE = "HSCB_DATABASE"
ENV_DB_PASSWORD = "HSCB_DB_PASSWORD"


def database_url(args) -> str | None:
    return getattr(args, "database", None) or os.environ.get(ENV_DATABASE) or None


def workspace(args):
    from hscb_desktop.storage.server_workspace import ServerWorkspace

    address = ServerAddress.parse(database_url(args))
    return ServerWorkspace(address.with_login("", ""), SYSTEM_CLOCK, paths=data_paths(args.data_dir))


def _owner(args, ask) -> ServerAddress:
    address = ServerAddress.parse(database_url(args))
    if not address.user:
        raise ValueError("Give the owner's login in the address: postgresql://OWNER@HOST/DATABASE.")
    password = address.password or ask(f"Password of the server login {address.user}: ", ENV_DB_PASSWORD)
    return address.with_login(address.user, password)


def init(args, ask) -> int:
    from hscb_desktop.security import server_setup

    owner = _owner(args, ask)
    password = ask(f"New password for {args.admin}: ", confirm=True)
    server_setup.initialise(owner, args.admin, password, SYSTEM_CLOCK)
    print(f"Set up {owner.safe()} for HSCB Desktop with administrator '{args.admin}' "
          f"(server login {owner.login_for(args.admin)}).")
    return 0


def migrate(args, ask) -> int:
    from hscb_desktop.security import server_setup

    if not database_url(args):
        raise ValueError("migrate is for a server: give --database postgresql://OWNER@HOST/DATABASE.")
    owner = _owner(args, ask)
    done = server_setup.migrate(owner, SYSTEM_CLOCK)
    steps = sum(len(v) for v in done.values())
    print(f"{owner.safe()}: {steps} schema step(s) applied"
          + "".join(f"\n  {store}: {', '.join(names)}" for store, names in done.items() if names)
          + "; views and grants renewed.")
    return 0
