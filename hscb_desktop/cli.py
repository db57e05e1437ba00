"""Headless commands: init, user, verify-audit, backup, self-test, export and demo.

Every command goes through the same services as the GUI. Passwords come from the
environment variable HSCB_PASSWORD (non-interactive use) or are asked for.
"""
from __future__ import annotations

import argparse
import getpass
import os
import platform
import sys
import tempfile
from pathlib import Path

from hscb_desktop import __version__, server_cli
from hscb_desktop.exporters import EXPORTERS
from hscb_desktop.commands import COMMANDS  # noqa: F401 (the launcher reads the same list)
from hscb_desktop.core.clock import SYSTEM_CLOCK, local_today
from hscb_desktop.paths import data_paths
from hscb_desktop.security import auth, maintenance, users
from hscb_desktop.security import roles as R
from hscb_desktop.storage import audit, stores
from hscb_desktop.storage.keyring import KeyringChanged, KeyringDamaged
from hscb_desktop.storage.workspace import Workspace

ENV_PASSWORD = "HSCB_PASSWORD"
ENV_NEW_PASSWORD = "HSCB_NEW_PASSWORD"


class CommandError(Exception):
    pass


def _password(prompt: str, env: str = ENV_PASSWORD, confirm: bool = False) -> str:
    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise CommandError(f"No password: set {env} or run the command in a terminal.")
    value = getpass.getpass(prompt)
    if confirm and getpass.getpass("Again: ") != value:
        raise CommandError("The two passwords differ.")
    return value


def _workspace(args) -> Workspace:
    if server_cli.database_url(args):  # team mode (issue 11): the stores are on a server
        return server_cli.workspace(args)
    return Workspace(data_paths(args.data_dir), SYSTEM_CLOCK).acquire()


def _sign_in(ws: Workspace, username: str):
    return auth.sign_in(ws, username, _password(f"Password for {username}: "))


def cmd_init(args) -> int:
    if server_cli.database_url(args):
        return server_cli.init(args, _password)
    ws = _workspace(args)
    try:
        auth.initialise(ws, args.admin, _password(f"New password for {args.admin}: ", confirm=True))
    finally:
        ws.close()
    print(f"Initialised {ws.paths.root} with administrator '{args.admin}'.")
    return 0


def cmd_user(args) -> int:
    ws = _workspace(args)
    try:
        session = _sign_in(ws, args.as_user)
        if args.user_command == "add":
            roles = [r.strip() for r in args.roles.split(",") if r.strip()]
            otp = users.add_user(session, args.username, roles, display_name=args.display_name)
            print(f"Created '{args.username}' ({', '.join(roles)}).")
            print(f"One-time password (must be changed at first sign-in): {otp}")
        elif args.user_command == "passwd":
            if args.username == session.username:
                new = _password("New password: ", ENV_NEW_PASSWORD, confirm=True)
                users.change_own_password(session, _password("Current password: "), new)
                print("Password changed.")
            else:
                otp = users.reset_password(session, args.username)
                print(f"Password of '{args.username}' reset. One-time password: {otp}")
        elif args.user_command == "list":
            for u in users.list_users(session):
                state = "active" if u["active"] else "disabled"
                print(f"{u['username']:<20} {','.join(u['roles']):<40} {state}")
        auth.sign_out(session)
    finally:
        ws.close()
    return 0


def cmd_verify_audit(args) -> int:
    ws = _workspace(args)
    try:
        session = _sign_in(ws, args.as_user)
        reports = maintenance.verify_audit(session)
        for report in reports:
            print(report.describe())
        auth.sign_out(session)
    finally:
        ws.close()
    return 0 if all(r.ok for r in reports) else 1


def cmd_backup(args) -> int:
    ws = _workspace(args)
    try:
        session = _sign_in(ws, args.as_user)
        folder = maintenance.backup_now(session, Path(args.dest) if args.dest else None)
        auth.sign_out(session)
    finally:
        ws.close()
    print(f"Backed up to {folder} (each store reopened and checked).")
    return 0


def cmd_restore(args) -> int:
    from hscb_desktop import restore_cli  # DB-4/GOV-4/DB-5: see that module

    ws = _workspace(args)
    try:
        return restore_cli.run(args, ws, _password(f"Password for {args.as_user}: "))
    finally:
        ws.close()


# -- export MODULE ------------------------------------------------------------------
# The table of returns lives in hscb_desktop.exporters, shared with the Returns menu;
# argparse offers exactly its names.


def _own_password_first(session) -> None:
    """AUTH-5: record work waits until a one-time password is replaced; say how."""
    if session.must_change_password:
        name = session.username
        raise CommandError(f"'{name}' still has a one-time password: change it first "
                           f"(hscb-desktop user --as {name} passwd {name}).")


ANNUAL_REPORT = "annual-report"
PROBLEMS_LISTED = 20  # the gate's problems printed before "... and N more"


def _export_options(args) -> dict:
    """The export's options: every export has the data-quality gate (--accept-problems);
    suppression is the annual report's alone."""
    if args.module != ANNUAL_REPORT:
        if args.suppress or args.threshold is not None:
            raise CommandError("--suppress and --threshold apply only to "
                               f"'export {ANNUAL_REPORT}'.")
        return {"accept_problems": args.accept_problems}
    threshold = 5 if args.threshold is None else args.threshold
    if threshold < 1:
        raise CommandError("--threshold must be 1 or more.")
    return {"suppress": args.suppress, "threshold": threshold,
            "accept_problems": args.accept_problems}


def _print_problems(found) -> None:
    """The data-quality gate's errors, count-changing ones first (they arrive sorted)."""
    errors = [p for p in found if p.blocking]
    for p in errors[:PROBLEMS_LISTED]:
        mark = " [changes a count]" if p.counts_change else ""
        print(f"  {p.describe()}{mark}", file=sys.stderr)
    if len(errors) > PROBLEMS_LISTED:
        print(f"  ... and {len(errors) - PROBLEMS_LISTED} more", file=sys.stderr)


def _xlsx_out(text: str) -> Path:
    """The workbook to write, refused before any sign-in when it cannot be one."""
    out = Path(text)
    if out.suffix.lower() != ".xlsx":
        raise CommandError(f"The output file must end in .xlsx: {out}")
    if not out.parent.is_dir():
        raise CommandError(f"The folder {out.parent} does not exist.")
    return out


def _write_signed_in(args, out: Path, write) -> int:
    """Sign in, ``write(session)`` a workbook to ``out``, sign out, print where it went."""
    ws = _workspace(args)
    try:
        session = _sign_in(ws, args.as_user)
        try:
            _own_password_first(session)
            target = write(session)
        except OSError as exc:
            raise CommandError(f"Could not write {out}: {exc.strerror or exc}") from None
        finally:
            auth.sign_out(session)
    finally:
        ws.close()
    print(target)
    return 0


def cmd_export(args) -> int:
    from hscb_desktop.core import periods
    from hscb_desktop.core.validation import ValidationFailed

    exporter = EXPORTERS[args.module]
    # a bad year is refused before any sign-in
    periods.period_for(exporter.period_module, args.period)
    options = _export_options(args)
    out = _xlsx_out(args.out)

    def write(session) -> Path:
        try:
            return exporter(session, args.period, out, **options)
        except ValidationFailed as exc:
            found = getattr(exc, "found", None)
            if found:
                _print_problems(found)
            raise

    return _write_signed_in(args, out, write)


def cmd_extract(args) -> int:
    """A module's records, one row each, as the importer reads them back (issue 8's round
    trip; also for handing records to another system). Needs record access."""
    from hscb_desktop import importing
    from hscb_desktop.importing.extract import write_extract

    out = _xlsx_out(args.out)
    return _write_signed_in(
        args, out, lambda session: write_extract(session, importing.importer(args.module), out))


def cmd_import(args) -> int:
    """Issue 8: a tracker workbook into a module (hscb_desktop.importing.command)."""
    from hscb_desktop.importing import command
    from hscb_desktop.importing.reader import WorkbookError

    ws = _workspace(args)
    try:
        session = _sign_in(ws, args.as_user)
        try:
            _own_password_first(session)
            return command.run(session, args, sys.stdout, sys.stderr)
        except WorkbookError as exc:
            raise CommandError(str(exc)) from None
        finally:
            auth.sign_out(session)
    finally:
        ws.close()


def cmd_migrate_to_server(args) -> int:
    """Issue 11: a data folder into a server (hscb_desktop.migrate_cli)."""
    from hscb_desktop import migrate_cli

    return migrate_cli.run(args, _password)


def cmd_demo(args) -> int:
    from hscb_desktop import demo

    ws = _workspace(args)
    try:
        password = _password(f"Password for {args.as_user}: ")
        session = auth.sign_in(ws, args.as_user, password)
        try:
            _own_password_first(session)
            report = demo.run(session, lambda: auth.sign_in(ws, args.as_user, password))
        except demo.DemoRefused as exc:
            raise CommandError(str(exc)) from None
        finally:
            if not session.locked:  # run() signs an administrator out itself
                auth.sign_out(session)
    finally:
        ws.close()
    for line in report.lines():
        print(line)
    return 0


def self_test(root: Path, out=print) -> bool:
    """PKG-2 on a throw-away data folder: create the stores and a user, write records of
    every module through its service, read them back, export every return and read the
    workbook back, verify every audit chain, and print versions and pragmas."""
    import secrets

    from hscb_desktop import demo

    password = "Self-Test-" + secrets.token_urlsafe(12)
    ok = True

    def check(label: str, good: bool, detail: str = "") -> None:
        nonlocal ok
        ok &= bool(good)
        out(f"{label:<34} {'ok' if good else 'FAILED'}  {detail}".rstrip())

    ws = Workspace(data_paths(root), SYSTEM_CLOCK).acquire()
    try:
        auth.initialise(ws, "selftest", password)
        ws.close_stores()
        session = auth.sign_in(ws, "selftest", password)
        out(f"HSCB Desktop {__version__} on Python {platform.python_version()} ({sys.platform})")
        db = stores.proxy(stores.CORE).obj
        out(f"SQLCipher {stores.cipher_version(db)}")
        check("key wrapping and sign-in", bool(stores.cipher_version(db)))
        practitioner = [r for r in R.ROLES if r != R.ADMINISTRATOR]
        users.add_user(session, "selftest-work", practitioner, password=password)
        auth.sign_out(session)

        session = auth.sign_in(ws, "selftest-work", password)
        today = local_today(SYSTEM_CLOCK)
        for name, filler in demo.FILLERS.items():
            added = filler.fill(session, today)
            check(f"write and read {filler.title}", added > 0 and filler.has_records(),
                  f"{added} records")
        with tempfile.TemporaryDirectory(prefix="hscb-self-test-export-") as tmp:
            import openpyxl  # the export path's own dependency, loaded only here

            out(f"openpyxl {openpyxl.__version__}")
            for module, exporter in EXPORTERS.items():
                target = exporter(session, "2016-17", Path(tmp) / f"{module}.xlsx")
                book = openpyxl.load_workbook(target, read_only=True)
                sheets = book.sheetnames
                book.close()
                check(f"export {module} 2016-17", sheets[:1] == ["About"] and len(sheets) > 1,
                      f"{len(sheets) - 1} tables")
        for name in stores.STORE_NAMES:
            if not stores.is_open(name):
                continue
            store_db = stores.proxy(name).obj
            pragmas = stores.read_pragmas(store_db)
            problems = stores.integrity_problems(store_db)
            report = audit.verify(name)
            good = (pragmas["journal_mode"] == "wal" and pragmas["synchronous"] == 2
                    and pragmas["foreign_keys"] == 1 and not problems and report.ok)
            check(f"store {name}", good, " ".join(f"{k}={v}" for k, v in pragmas.items())
                  + f"; audit {report.describe()}")
        auth.sign_out(session)
        session = auth.sign_in(ws, "selftest", password)
        check("verified backup", maintenance.backup_now(session).is_dir())
        auth.sign_out(session)
        # peewee came in without the PostgreSQL driver (start-up, issue 10); in a fresh
        # process nothing has loaded the driver before this point.
        from hscb_desktop import peewee_loading

        check("peewee's import without psycopg", peewee_loading.loaded_here)
        # Team mode's client library ships with the app: load it (no server is needed),
        # and give it to peewee as a server store does.
        import psycopg

        from hscb_desktop.storage.server import ServerDatabase

        adapter = ServerDatabase("selftest", prefer_psycopg3=True)._adapter
        check("peewee's psycopg 3 adapter", type(adapter).__name__ == "Psycopg3Adapter"
              and adapter.txn_idle == psycopg.pq.TransactionStatus.IDLE)

        libpq = psycopg.pq.version()
        out(f"psycopg {psycopg.__version__} ({psycopg.pq.__impl__}), libpq {libpq}")
        # The compiled client with its own libpq: the pure-Python fallback would depend on
        # a libpq installed on the machine, which a council PC will not have.
        check("PostgreSQL client (team mode)", libpq > 0 and psycopg.pq.__impl__ in ("binary", "c"))
    except Exception as exc:  # report, never crash: this is the installer's smoke test
        out(f"FAILED: {type(exc).__name__}: {exc}")
        ok = False
    finally:
        ws.close()
    out("self-test: OK" if ok else "self-test: FAILED")
    return ok


def cmd_self_test(args) -> int:
    with tempfile.TemporaryDirectory(prefix="hscb-self-test-") as tmp:
        return 0 if self_test(Path(tmp) / "data") else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hscb-desktop", description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", help="data folder (default: the user data folder)")
    parser.add_argument("--database", metavar="URL",
                        help="team mode: a PostgreSQL server, postgresql://HOST/DATABASE (or set "
                             f"{server_cli.ENV_DATABASE}); init and migrate take the owner's login, "
                             "postgresql://OWNER@HOST/DATABASE")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("init", help="create the stores and the first administrator")
    p.add_argument("--admin", default="admin", help="administrator user name (default: admin)")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("migrate", help="team mode: upgrade the server's schemas to this version "
                                       "(as the database owner) and renew views and grants")
    p.set_defaults(func=lambda a: server_cli.migrate(a, _password))

    p = sub.add_parser("migrate-to-server", help="team mode: copy this data folder's records and audit "
                                                 "history into a newly set-up server (--database, as "
                                                 "its owner), verify, and print one-time passwords")
    p.add_argument("--as", dest="as_user", default="admin", help="the data folder's administrator")
    p.set_defaults(func=cmd_migrate_to_server)

    p = sub.add_parser("user", help="manage users (as an administrator)")
    p.add_argument("--as", dest="as_user", default="admin", help="administrator to sign in as")
    usub = p.add_subparsers(dest="user_command", required=True)
    a = usub.add_parser("add", help="add a user; prints a one-time password")
    a.add_argument("username")
    a.add_argument("--roles", required=True, help=f"comma-separated: {', '.join(R.ROLES)}")
    a.add_argument("--display-name", default="")
    a = usub.add_parser("passwd", help="change your own password, or reset another user's")
    a.add_argument("username")
    usub.add_parser("list", help="list users")
    p.set_defaults(func=cmd_user)

    for name, func, text in (("verify-audit", cmd_verify_audit, "verify every store's audit chain"),
                             ("backup", cmd_backup, "back up every store through the engine")):
        p = sub.add_parser(name, help=text)
        p.add_argument("--as", dest="as_user", default="admin", help="user to sign in as")
        if name == "backup":
            p.add_argument("--dest", help="folder for the backup (default: the backup folder "
                                          "setting, or the data folder's backups)")
        p.set_defaults(func=func)

    p = sub.add_parser("restore", help="bring stores back from a verified backup (the current "
                                       "files are moved aside, never deleted)")
    p.add_argument("--from", dest="source", help="a backup folder, or a folder of backups "
                                                 "(default: the data folder's and the configured one)")
    p.add_argument("--store", dest="stores", action="append", choices=stores.STORE_NAMES,
                   help="a store to restore (repeat for more; default: the damaged ones, or for an "
                        "administrator every store in the backup)")
    p.add_argument("--yes", action="store_true", help="confirm without being asked")
    p.add_argument("--list", action="store_true", help="list the backups found and stop")
    p.add_argument("--as", dest="as_user", default="admin", help="user to sign in as")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("extract", help="write a module's records, one row each, to .xlsx (the "
                                       "layout import reads back)")
    from hscb_desktop.importing import IMPORTERS

    p.add_argument("module", choices=sorted(IMPORTERS), help="the module whose records to write")
    p.add_argument("--out", required=True, help="the .xlsx file to write (replaced atomically)")
    p.add_argument("--as", dest="as_user", default="admin", help="user to sign in as")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("import", help="import records from an Excel tracker (dry run unless "
                                      "--commit)")
    from hscb_desktop.importing import command as import_command

    import_command.add_arguments(p)
    p.add_argument("--as", dest="as_user", default="admin", help="user to sign in as")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("self-test", help="check this installation on a throw-away store")
    p.set_defaults(func=cmd_self_test)

    p = sub.add_parser("export", help="write a module's annual return (.xlsx) for a period, or "
                                      "every module's as the annual report tables",
                       description="Compute a module's return tables for a reporting year and "
                                   "write them to an Excel workbook (About sheet first). The "
                                   "user needs return access: the module's practitioner role "
                                   "or business_unit. 'annual-report' writes every module's "
                                   "tables in one workbook (business_unit only). Every "
                                   "export first checks the year's records (the data-quality "
                                   "gate) and stops on errors unless --accept-problems.")
    p.add_argument("module", choices=sorted(EXPORTERS), help="the module whose return to write")
    p.add_argument("--period", required=True, help="reporting year, e.g. 2016-17")
    p.add_argument("--out", required=True, help="the .xlsx file to write (replaced atomically)")
    p.add_argument("--suppress", action="store_true",
                   help="annual-report only: GOV-3 small-number suppression for a copy that "
                        "leaves the organisation (off by default: internal use)")
    p.add_argument("--threshold", type=int, default=None,
                   help="annual-report only: with --suppress, counts from 1 to this are "
                        "shown as * (default 5)")
    p.add_argument("--accept-problems", action="store_true",
                   help="export even though the data-quality check found errors in the "
                        "year's records; their count is written on the About sheet")
    p.add_argument("--as", dest="as_user", default="admin", help="user to sign in as")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "demo", help="fill a new, empty data folder with synthetic records to try the app",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=(
            "Fill every module's store (today: LADO, July 2014 - June 2017 and the\n"
            "current year) with invented records. Refused if a store already holds records.\n\n"
            "Usual flow:  hscb-desktop init   then   hscb-desktop demo\n\n"
            "Run as an administrator (the default, --as admin), it creates a user 'demo'\n"
            "holding every practitioner role, adds the records as 'demo' (an administrator\n"
            "has no record access) and prints demo's one-time password: sign in as 'demo'\n"
            "with it and choose a new password (in the app, or: user --as demo passwd demo).\n"
            "Run --as a practitioner (e.g. a lado_officer), it adds the records as that user,\n"
            "for the modules that user's roles may work on."))
    p.add_argument("--as", dest="as_user", default="admin", help="user to sign in as")
    p.set_defaults(func=cmd_demo)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (CommandError, auth.LoginFailed, auth.PasswordRejected, auth.AlreadyInitialised,
            stores.StoreError, KeyringDamaged, KeyringChanged, ValueError, PermissionError) as exc:
        print(f"hscb-desktop: {exc}", file=sys.stderr)
        if getattr(exc, "store", "") and args.command != "restore":  # DB-5: a damaged store
            print(f"hscb-desktop: to bring it back from the newest backup that passes its checks, "
                  f"run: hscb-desktop-cli restore --as {getattr(args, 'as_user', 'admin')} (the "
                  "damaged file is moved aside, not deleted)", file=sys.stderr)
        return 1
    except Exception as exc:
        from hscb_desktop.core.validation import PermissionDenied, ValidationFailed
        from hscb_desktop.storage.instance_lock import StoreInUse
        from hscb_desktop.storage.netpath import NetworkPathRefused

        if isinstance(exc, ValidationFailed):
            text = " ".join(p.message for p in exc.problems if p.blocking) or str(exc)
            print(f"hscb-desktop: {text}", file=sys.stderr)
            return 1
        if isinstance(exc, (PermissionDenied, StoreInUse, NetworkPathRefused)):
            print(f"hscb-desktop: {exc}", file=sys.stderr)
            return 1
        raise


if __name__ == "__main__":
    raise SystemExit(main())
