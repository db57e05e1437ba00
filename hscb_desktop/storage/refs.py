"""Year-numbered record references (LADO-2016-0001, PF-2016-0002, ...)."""
from __future__ import annotations

from peewee import fn


def take_turns(model) -> None:
    """Team mode: two machines creating records at once would both read the same highest
    number and one save would fail on the unique reference. On a server, wait for the
    store's write lock (the audit appends' advisory lock, held until commit) first, so
    numbering and insert happen one writer at a time. Call inside the write transaction."""
    from hscb_desktop.storage import server_audit, stores

    name = next((n for n in stores.STORE_NAMES if stores.proxy(n) is model._meta.database), None)
    if name is not None and stores.is_server(name):
        server_audit.serialise_appends(name)


def next_reference(model, head: str, width: int = 4) -> str:
    """The next free reference starting with ``head`` ("LADO-2016-"): one more than the
    highest number used. Longest first, because "…-10000" sorts before "…-9999" as text."""
    take_turns(model)
    last = (
        model.select(model.ref)
        .where(model.ref.startswith(head))
        .order_by(fn.LENGTH(model.ref).desc(), model.ref.desc())
        .first()
    )
    tail = last.ref[len(head):] if last else ""
    number = int(tail) + 1 if tail.isdigit() else 1
    return f"{head}{number:0{width}d}"
