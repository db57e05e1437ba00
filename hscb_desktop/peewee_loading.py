"""Import peewee without the PostgreSQL driver; attach the driver when team mode needs it.

peewee imports psycopg, if it is installed, as it is itself imported: ~100 ms that every
start on the embedded store paid (half of ``import peewee``), before sign-in could open a
store (issue 10). ``install()`` (run by the package's ``__init__``) hides psycopg from
that one import; ``attach_psycopg()`` gives peewee what its import would have found,
before a ``PostgresqlDatabase`` is made (``storage.server``).
"""
from __future__ import annotations

import sys

_DRIVER = "psycopg"
loaded_here = False  # peewee was imported through this module's loader (the self-test asks)


class _Loader:
    """peewee's own loader, run with psycopg hidden. (Plain classes: the import system
    needs only these methods, and ``importlib.abc`` costs 8 ms of start-up.)"""

    def __init__(self, inner) -> None:
        self.inner = inner

    def __getattr__(self, name: str):  # noqa: ANN204 - get_code, is_package... of the real one
        return getattr(self.inner, name)

    def create_module(self, spec):  # noqa: ANN201 - importlib API
        return self.inner.create_module(spec)

    def exec_module(self, module) -> None:
        global loaded_here
        loaded_here = True
        # The module is peewee's loader's own from here (a frozen build's loader reads
        # the module's spec for its code).
        module.__loader__ = self.inner
        if module.__spec__ is not None:
            module.__spec__.loader = self.inner
        hidden = _DRIVER not in sys.modules
        if hidden:
            sys.modules[_DRIVER] = None  # "import psycopg" raises ImportError meanwhile
        try:
            self.inner.exec_module(module)
        finally:
            if hidden and sys.modules.get(_DRIVER, 0) is None:
                del sys.modules[_DRIVER]


class _Finder:
    def find_spec(self, name, path, target=None):  # noqa: ANN001, ANN201 - importlib API
        if name != "peewee":
            return None
        if self in sys.meta_path:  # peewee is imported once: no need to see other imports
            sys.meta_path.remove(self)
        for finder in sys.meta_path:  # the usual finders
            if not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None and spec.loader is not None:
                spec.loader = _Loader(spec.loader)
                return spec
        return None


def install() -> None:
    if "peewee" not in sys.modules and not any(isinstance(f, _Finder) for f in sys.meta_path):
        sys.meta_path.insert(0, _Finder())


def attach_psycopg() -> None:
    """Make peewee's psycopg 3 adapter work as if psycopg had been there at its import."""
    import peewee

    if peewee.psycopg is not None:
        return
    import psycopg
    from psycopg.pq import TransactionStatus
    from psycopg.types.json import Json, Jsonb

    peewee.psycopg, peewee.TransactionStatus = psycopg, TransactionStatus
    peewee.Json_pg3, peewee.Jsonb_pg3 = Json, Jsonb
    adapter = peewee.Psycopg3Adapter  # its class body read these when psycopg was present
    adapter.txn_idle = TransactionStatus.IDLE
    adapter.txn_inerror = TransactionStatus.INERROR
    adapter.txn_unknown = TransactionStatus.UNKNOWN
