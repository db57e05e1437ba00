"""Two saves of one row at once, for the stale-row tests (domains.stale) of every domain.

``race`` runs ``save(value)`` for two values on two threads, each held at a barrier after
its stale check, so both have read the row before either writes. ``one_landed`` checks
that exactly one save landed: the loser is StaleVersion on a server (the row lock made it
wait and then see the winner's values), StaleVersion or "database is locked" on SQLite
(the writer whose snapshot is stale is refused). Without the lock both land on a server.
"""
from __future__ import annotations

import threading

from peewee import OperationalError

from hscb_desktop.core.validation import StaleVersion
from hscb_desktop.domains import stale
from hscb_desktop.storage import stores


def race(monkeypatch, save, values: tuple[str, str]) -> dict[str, object]:
    """Each value's outcome: "saved", or the exception that refused it."""
    both_checked = threading.Barrier(2)
    check = stale.refuse_if_changed

    def held_after_the_check(*args, **kwargs):
        check(*args, **kwargs)
        try:
            both_checked.wait(3)  # a server's lock keeps the second saver out: time out
        except threading.BrokenBarrierError:
            pass

    monkeypatch.setattr(stale, "refuse_if_changed", held_after_the_check)
    outcomes: dict[str, object] = {}

    def saver(value: str) -> None:
        try:
            save(value)
            outcomes[value] = "saved"
        except (StaleVersion, OperationalError) as exc:
            outcomes[value] = exc
        finally:
            stores.close_thread_connections()

    threads = [threading.Thread(target=saver, args=(v,)) for v in values]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    monkeypatch.setattr(stale, "refuse_if_changed", check)
    return outcomes


def one_landed(outcomes: dict[str, object], engine: str) -> str:
    """The winning value, once the outcomes show one save landed and the other refused."""
    winners = [v for v, got in outcomes.items() if got == "saved"]
    assert len(outcomes) == 2 and len(winners) == 1, outcomes
    [loser] = [got for got in outcomes.values() if got != "saved"]
    assert isinstance(loser, StaleVersion if engine == "postgres"
                      else (StaleVersion, OperationalError)), loser
    return winners[0]
