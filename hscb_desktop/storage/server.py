"""The PostgreSQL engine for team mode (issue 11): one database, one schema per store.

Each store is a ``ServerDatabase`` whose connections set ``search_path`` to that
store's schema, so the models, migrations and queries the embedded store uses run
unchanged. Every application user signs in with their own server login; the role
names carry the database's name as a prefix (``<db>_<user>``, ``<db>_lado_officer``),
because a server's roles are shared by all its databases and one council's server may
hold several.

The password is never part of an address kept on disk: ``ServerAddress.safe`` drops it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from peewee import PostgresqlDatabase

from hscb_desktop.peewee_loading import attach_psycopg
from hscb_desktop.storage.errors import StoreError

SCHEMES = ("postgresql", "postgres")
RETURNS_SUFFIX = "_returns"  # the business unit's aggregate views of a casework store
SERVER_SCHEMA = "hscb_server"  # the SECURITY DEFINER functions user administration calls
CONNECT_TIMEOUT_S = 10
_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")
MAX_ROLE = 63  # PostgreSQL's identifier length


class ServerError(StoreError):
    pass


class ServerUnavailable(ServerError):
    """The server cannot be reached (down, wrong address, network gone)."""


class ServerLoginRefused(ServerError):
    """The server refused the login name or password."""


class ServerLoginDisabled(ServerLoginRefused):
    """The password was right but the login is disabled (the server says so only then)."""


class ServerNotReady(ServerError):
    """The database is not set up, or needs migrations only its owner can run."""


class ServerDatabase(PostgresqlDatabase):
    """A store on the server. ``engine`` in the SQL context lets storage nodes
    (search.days_between) compile per engine."""

    def __init__(self, *args, **kwargs) -> None:
        attach_psycopg()  # peewee was imported without the driver (start-up, issue 10)
        super().__init__(*args, **kwargs)

    def get_context_options(self):
        options = super().get_context_options()
        options["engine"] = "postgresql"
        return options

    def cursor(self, named_cursor=None):
        # A connection the server or the network dropped is replaced before the next
        # statement outside a transaction (a BEGIN counts). Inside one, the error reaches the
        # caller and the server has rolled the whole transaction back: nothing half-written.
        if not self.is_closed() and not self.in_transaction() and not self.is_connection_usable():
            self.close()
        return super().cursor(named_cursor)


@dataclass(frozen=True)
class ServerAddress:
    host: str
    port: int
    dbname: str
    user: str = ""
    password: str = ""
    params: tuple[tuple[str, str], ...] = ()

    @classmethod
    def parse(cls, url: str) -> "ServerAddress":
        parts = urlsplit(url.strip())
        if parts.scheme not in SCHEMES:
            raise ServerError(f"Not a PostgreSQL address: {url!r} (expected postgresql://HOST/DATABASE).")
        dbname = unquote(parts.path.lstrip("/"))
        if not dbname or not _NAME.match(dbname):
            raise ServerError("The database name in the address must be lower-case letters, digits and "
                              f"underscores (got {dbname!r}).")
        return cls(host=parts.hostname or "localhost", port=parts.port or 5432, dbname=dbname,
                   user=unquote(parts.username or ""), password=unquote(parts.password or ""),
                   params=tuple(parse_qsl(parts.query)))

    def safe(self) -> str:
        """The address without its password: what the app remembers and prints."""
        user = f"{quote(self.user)}@" if self.user else ""
        query = "&".join(f"{k}={v}" for k, v in self.params)
        return f"postgresql://{user}{self.host}:{self.port}/{self.dbname}" + (f"?{query}" if query else "")

    def with_login(self, user: str, password: str) -> "ServerAddress":
        return replace(self, user=user, password=password)

    def connect_params(self, **extra) -> dict:
        params = dict(self.params)
        params.update(host=self.host, port=self.port, user=self.user, password=self.password,
                      connect_timeout=CONNECT_TIMEOUT_S, application_name="hscb-desktop")
        params.update(extra)
        return params

    # -- role names --------------------------------------------------------
    @property
    def prefix(self) -> str:
        return f"{self.dbname}_"

    def login_for(self, username: str) -> str:
        login = self.prefix + username
        if len(login) > MAX_ROLE or not re.match(r"^[A-Za-z0-9_.@-]+$", username):
            raise ServerError(f"The user name {username!r} cannot be a server login here: use letters, "
                              f"digits, '.', '-', '_' and at most {MAX_ROLE - len(self.prefix)} characters.")
        return login

    def group_for(self, role: str) -> str:
        return self.prefix + role

    @property
    def owner_role(self) -> str:
        return self.prefix + "owner"


def connect(address: ServerAddress, **extra):
    """A plain psycopg connection (autocommit): for set-up and user administration."""
    import psycopg

    try:
        return psycopg.connect(autocommit=True, dbname=address.dbname, **address.connect_params(**extra))
    except psycopg.OperationalError as exc:
        raise classify(exc, address) from None


def classify(exc: Exception, address: ServerAddress) -> ServerError:
    text = str(exc)
    if "not permitted to log in" in text:
        return ServerLoginDisabled("This account has been disabled. Ask an administrator.")
    if "password authentication failed" in text or "no password supplied" in text \
            or ("role" in text and "does not exist" in text) or "permission denied for database" in text:
        return ServerLoginRefused("The user name or password is not correct.")
    if "database" in text and "does not exist" in text:
        return ServerNotReady(f"There is no database {address.dbname!r} on {address.host}. IT sets it up "
                              f"with 'hscb-desktop-cli --database {address.safe()} init'.")
    return ServerUnavailable(f"The database server {address.host}:{address.port} cannot be reached "
                             f"({text.strip().splitlines()[0] if text.strip() else type(exc).__name__}).")


def open_store(address: ServerAddress, schema: str) -> ServerDatabase:
    """A store whose every connection works in ``schema``; connected and checked."""
    import psycopg

    if not _NAME.match(schema):
        raise ServerError(f"not a schema name: {schema!r}")
    db = ServerDatabase(address.dbname, prefer_psycopg3=True, autoconnect=True,
                        **address.connect_params(options=f"-c search_path={schema}"))
    try:
        db.connect()
        found = db.execute_sql("SELECT 1 FROM pg_namespace WHERE nspname = %s", (schema,)).fetchone()
    except (psycopg.OperationalError, Exception) as exc:  # peewee wraps the driver's errors
        db.close()
        cause = exc.__cause__ if isinstance(exc.__cause__, psycopg.Error) else exc
        raise classify(cause, address) from None
    if not found:
        db.close()
        raise ServerNotReady(f"The database {address.dbname!r} has no {schema!r} schema: it is not set up for "
                             f"HSCB Desktop. IT sets it up with 'hscb-desktop-cli --database "
                             f"{address.safe()} init'.")
    return db


def is_server_db(db) -> bool:
    return isinstance(db, PostgresqlDatabase)
