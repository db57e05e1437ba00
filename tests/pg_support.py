"""A throw-away PostgreSQL server for the test run (issue 11: team mode).

The session fixture ``pg_server`` gives a superuser URL. It uses ``HSCB_TEST_PG_URL``
when set (a server someone else runs), otherwise it starts a private cluster from the
Debian ``postgresql`` package (installed by ``./dev``): ``initdb`` into a temp folder,
listening on 127.0.0.1 on a free port, fsync off (nothing in it outlives the run).
PostgreSQL refuses to run as root, so as root the cluster runs as the ``postgres``
user through ``runuser``.

Started from a pytest session fixture rather than from ``./dev test`` so that a plain
``pytest tests/storage`` (an IDE, a single test) gets the same server, and the cluster
stops when the run does, whatever started it.

When no server can be had, PostgreSQL tests skip with the reason; ``HSCB_REQUIRE_PG=1``
(set by ``.ci/run``) turns that skip into a failure.
"""
from __future__ import annotations

import atexit
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ENV_URL = "HSCB_TEST_PG_URL"
ENV_REQUIRE = "HSCB_REQUIRE_PG"
PG_VERSIONS = ("17", "16", "15")


class NoServer(Exception):
    pass


def _bin_dir() -> Path:
    for version in PG_VERSIONS:
        candidate = Path(f"/usr/lib/postgresql/{version}/bin")
        if (candidate / "initdb").exists():
            return candidate
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    raise NoServer("PostgreSQL is not installed (initdb not found; './dev test' installs it)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LocalCluster:
    """One private cluster: start() → superuser URL; stop() removes everything."""

    root: Path | None = None
    port: int = 0
    password: str = ""
    _as: list[str] | None = None

    def start(self) -> str:
        bindir = _bin_dir()
        self.root = Path(tempfile.mkdtemp(prefix="hscb-pg-"))
        data = self.root / "data"
        self._as = []
        if os.geteuid() == 0:
            try:
                pw = pwd.getpwnam("postgres")
            except KeyError:
                raise NoServer("running as root and there is no 'postgres' user to run the server") from None
            os.chown(self.root, pw.pw_uid, pw.pw_gid)
            self._as = ["runuser", "-u", "postgres", "--"]
        atexit.register(self.stop)  # an interrupted run still stops its server
        self.password = secrets.token_urlsafe(16)
        pwfile = self.root / "pw"
        pwfile.write_text(self.password)
        if self._as:
            os.chown(pwfile, pwd.getpwnam("postgres").pw_uid, -1)
        self._run([str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--pwfile", str(pwfile),
                   "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"])
        pwfile.unlink()
        for attempt in range(3):  # another run may take the free port first
            self.port = _free_port()
            opts = (f"-c listen_addresses=127.0.0.1 -c port={self.port} "
                    f"-c unix_socket_directories={self.root} -c fsync=off -c synchronous_commit=off "
                    "-c full_page_writes=off -c max_connections=200")
            try:
                self._run([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(self.root / "log"), "-w",
                           "-t", "60", "-o", opts, "start"])
                break
            except NoServer:
                if attempt == 2:
                    raise
        return f"postgresql://postgres:{self.password}@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        if self.root is None:
            return
        bindir = _bin_dir()
        data = self.root / "data"
        if data.exists():
            subprocess.run([*self._as, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w",
                            "stop"], capture_output=True, check=False)
        shutil.rmtree(self.root, ignore_errors=True)
        self.root = None

    def _run(self, cmd: list[str]) -> None:
        done = subprocess.run([*self._as, *cmd], capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise NoServer(f"{Path(cmd[0]).name} failed: {(done.stderr or done.stdout).strip()[-400:]}")


def wait_ready(url: str, timeout: float = 30.0) -> None:
    import psycopg

    deadline = time.monotonic() + timeout
    while True:
        try:
            psycopg.connect(url, connect_timeout=3).close()
            return
        except psycopg.OperationalError as exc:
            if time.monotonic() > deadline:
                raise NoServer(f"the server at {url.split('@')[-1]} does not answer: {exc}") from None
            time.sleep(0.2)


# -- databases for tests ---------------------------------------------------------

TEMPLATE_DB = "hscb_tpl"


def superuser_address(url: str, dbname: str = "postgres"):
    from hscb_desktop.storage.server import ServerAddress

    base = ServerAddress.parse(url)
    return ServerAddress(base.host, base.port, dbname, base.user, base.password, base.params)


def build_template(url: str, clock) -> None:
    """One migrated database (roles ``hscb_tpl_*``) that every test's database is copied from:
    copying takes ~50 ms where migrating takes ~1 s."""
    from hscb_desktop.security import server_setup
    from hscb_desktop.storage import server

    admin = server.connect(superuser_address(url))
    try:
        admin.execute(f'DROP DATABASE IF EXISTS "{TEMPLATE_DB}" WITH (FORCE)')
        _drop_roles(admin, superuser_address(url, TEMPLATE_DB).prefix)
        admin.execute(f'CREATE DATABASE "{TEMPLATE_DB}"')
    finally:
        admin.close()
    # Roles, schemas, tables, views and functions (the grants are redone per copy).
    server_setup.prepare(superuser_address(url, TEMPLATE_DB), clock)


def _drop_roles(conn, prefix: str) -> None:
    for (name,) in conn.execute("SELECT rolname FROM pg_roles WHERE starts_with(rolname, %s)",
                                (prefix,)).fetchall():
        conn.execute(f'DROP ROLE IF EXISTS "{name}"')


def new_database(url: str, dbname: str):
    """A copy of the template with its own roles, grants and nobody in it yet."""
    from hscb_desktop.security import server_roles
    from hscb_desktop.storage import server

    admin = server.connect(superuser_address(url))
    try:
        admin.execute(f'CREATE DATABASE "{dbname}" TEMPLATE "{TEMPLATE_DB}" STRATEGY FILE_COPY')
    finally:
        admin.close()
    address = superuser_address(url, dbname)
    conn = server.connect(address)
    try:
        server_roles.create_roles(conn, address)
        template = superuser_address(url, TEMPLATE_DB)
        conn.execute(f'REASSIGN OWNED BY "{template.owner_role}" TO "{address.owner_role}"')
        for role in ("administrator", "lado_officer", "fostering_worker", "cdop_coordinator", "business_unit"):
            conn.execute(f'DROP OWNED BY "{template.group_for(role)}"')  # the template's grants
        server_roles.grant(conn, address)
    finally:
        conn.close()
    return address


def drop_database(url: str, dbname: str) -> None:
    from hscb_desktop.storage import server

    admin = server.connect(superuser_address(url))
    try:
        admin.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
        _drop_roles(admin, superuser_address(url, dbname).prefix)
    finally:
        admin.close()


@dataclass
class Unavailable:
    reason: str


_counter = 0


def next_dbname() -> str:
    global _counter
    _counter += 1
    return f"hscbt_{os.getpid()}_{_counter}"


class DatabasePool:
    """Copies of the template made one test ahead, and dropped after, on a worker thread:
    making a copy (~0.2-1 s, mostly the server's checkpoint) overlaps the test before it.
    The worker uses plain psycopg connections only, never the app's store proxies."""

    AHEAD = 2

    def __init__(self, url: str):
        from concurrent.futures import ThreadPoolExecutor

        self.url = url
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pg-pool")
        self._ready: list = []

    def _fill(self) -> None:
        while len(self._ready) < self.AHEAD:
            name = next_dbname()
            self._ready.append((name, self._worker.submit(new_database, self.url, name)))

    def take(self):
        self._fill()
        name, future = self._ready.pop(0)
        self._fill()
        return name, future.result()

    def give_back(self, name: str) -> None:
        self._worker.submit(drop_database, self.url, name)

    def close(self) -> None:
        for name, future in self._ready:
            future.result()
            self._worker.submit(drop_database, self.url, name)
        self._ready.clear()
        self._worker.shutdown(wait=True)
