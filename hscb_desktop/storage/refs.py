"""Year-numbered record references (LADO-2016-0001, PF-2016-0002, ...)."""
from __future__ import annotations

from peewee import fn


def next_reference(model, head: str, width: int = 4) -> str:
    """The next free reference starting with ``head`` ("LADO-2016-"): one more than the
    highest number used. Longest first, because "…-10000" sorts before "…-9999" as text."""
    last = (
        model.select(model.ref)
        .where(model.ref.startswith(head))
        .order_by(fn.LENGTH(model.ref).desc(), model.ref.desc())
        .first()
    )
    tail = last.ref[len(head):] if last else ""
    number = int(tail) + 1 if tail.isdigit() else 1
    return f"{head}{number:0{width}d}"
