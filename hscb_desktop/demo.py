"""Synthetic records for trying the app (``hscb-desktop demo``); Qt-free.

``FILLERS`` maps each module that exists to how its demo records are loaded
(today only LADO); a later module plugs in with one entry. Records only ever go
into empty stores, and always through the module's service, so they are
validated and audited like any other save.

Who adds them: an administrator has no record access (GOV-1), so when an
administrator runs ``demo`` a user ``demo`` holding every practitioner role is
created with a one-time password, and the records are added signed in as that
user. A practitioner who runs it adds them as themselves, for the modules their
roles may work on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from hscb_desktop.core.clock import local_today
from hscb_desktop.core.validation import PermissionDenied
from hscb_desktop.security import auth, users
from hscb_desktop.security import roles as R
from hscb_desktop.storage import stores

DEMO_USER = "demo"
DEMO_ROLES: tuple[str, ...] = tuple(r for r in R.ROLES if r != R.ADMINISTRATOR)


class DemoRefused(Exception):
    """Demo data was not added; the message says why and what to do instead."""


@dataclass(frozen=True)
class Filler:
    store: str  # the store (and record domain) the records go into
    title: str  # for messages: "LADO"
    has_records: Callable[[], bool]  # the store must be open
    fill: Callable[..., int]  # fill(session, today) -> number of records added


def _lado_has_records() -> bool:
    from hscb_desktop.domains.lado.models import LadoContact

    return LadoContact.select(LadoContact.id).exists()


def _lado_fill(session, today: dt.date) -> int:
    from hscb_desktop.domains.lado import demo, service

    return len(service.bulk_create(session, demo.records(today)))


def _fostering_has_records() -> bool:
    from hscb_desktop.domains.fostering.models import PfEnquiry, PfNotification

    return PfNotification.select(PfNotification.id).exists() or PfEnquiry.select(
        PfEnquiry.id
    ).exists()


def _fostering_fill(session, today: dt.date) -> int:
    from hscb_desktop.domains.fostering import demo, service

    notifications, enquiries = demo.records(today, calendar=service.calendar())
    return sum(service.bulk_create(session, notifications, enquiries).values())


def _board_has_records() -> bool:
    from hscb_desktop.domains.board.models import BoardMeeting, BoardRole

    return BoardRole.select(BoardRole.id).exists() or BoardMeeting.select(
        BoardMeeting.id
    ).exists()


def _board_fill(session, today: dt.date) -> int:
    from hscb_desktop.domains.board import demo

    return demo.fill(session, today)


def _training_has_records() -> bool:
    from hscb_desktop.domains.training.models import Course, CourseRun

    return Course.select(Course.id).exists() or CourseRun.select(CourseRun.id).exists()


def _training_fill(session, today: dt.date) -> int:
    from hscb_desktop.domains.training import demo

    return demo.fill(session, today)


def _cdop_has_records() -> bool:
    from hscb_desktop.domains.cdop.models import ChildDeath, PanelMeeting

    return ChildDeath.select(ChildDeath.id).exists() or PanelMeeting.select().exists()


def _cdop_fill(session, today: dt.date) -> int:
    from hscb_desktop.domains.cdop import demo, service

    agencies = tuple(sorted(service.agency_names()))[:3]
    loaded = service.load_cases(session, *demo.records(today, agencies))
    return len(loaded["deaths"])


FILLERS: dict[str, Filler] = {
    "lado": Filler("lado", "LADO", _lado_has_records, _lado_fill),
    "fostering": Filler("fostering", "private fostering", _fostering_has_records,
                        _fostering_fill),
    "board": Filler("board", "Board attendance", _board_has_records, _board_fill),
    "training": Filler("board", "training", _training_has_records, _training_fill),
    "cdop": Filler("cdop", "CDOP", _cdop_has_records, _cdop_fill),
}


@dataclass
class DemoReport:
    added: dict[str, int] = field(default_factory=dict)  # module -> records added
    username: str = ""  # who added them
    one_time_password: str | None = None  # set when the demo user was created

    def lines(self) -> list[str]:
        out = [
            f"Added {n:,} demo {FILLERS[m].title} record(s) as '{self.username}'."
            for m, n in self.added.items()
        ]
        if self.one_time_password:
            roles = ", ".join(DEMO_ROLES)
            out.append(f"Created user '{self.username}' ({roles}) to hold them.")
            out.append(
                "One-time password (must be changed at first sign-in): "
                f"{self.one_time_password}"
            )
            out.append(
                f"Sign in as '{self.username}' with it (in the app, or hscb-desktop user --as "
                f"{self.username} passwd {self.username}) and choose a new password."
            )
        return out


def _refuse_unless_empty(modules: list[str]) -> None:
    full = [FILLERS[m].title for m in modules if FILLERS[m].has_records()]
    if full:
        raise DemoRefused(
            f"The {', '.join(full)} store already holds records: demo data only goes into a "
            "new, empty data folder (hscb-desktop --data-dir NEW_FOLDER init, then demo)."
        )


def _fill(session, modules: list[str]) -> dict[str, int]:
    today = local_today(session.clock)
    return {m: FILLERS[m].fill(session, today) for m in modules}


def run(session, sign_in_again: Callable[[], Any]) -> DemoReport:
    """Fill every module's empty store with demo records (see the module docstring).

    As an administrator, the given session is signed out, the records are added in the
    demo user's session, and ``sign_in_again()`` (a new session of the same administrator)
    resets the demo user's password to the one-time password reported."""
    if not session.active:
        raise PermissionDenied("Your session is locked or has expired. Sign in again to continue.")
    mine = [m for m, f in FILLERS.items() if f.store in session.record_domains]
    if mine:
        _refuse_unless_empty(mine)
        return DemoReport(_fill(session, mine), session.username)
    if not session.has_role(R.ADMINISTRATOR):
        raise PermissionDenied(
            "You do not have permission to add demo records: run demo as an administrator, "
            "or as a user with record access (e.g. a lado_officer)."
        )
    # An administrator holds every store's key, so can see that the stores are empty.
    modules = [m for m, f in FILLERS.items() if stores.is_open(f.store)]
    _refuse_unless_empty(modules)
    if any(u["username"] == DEMO_USER for u in users.list_users(session)):
        raise DemoRefused(
            f"There is already a user called '{DEMO_USER}': run demo --as {DEMO_USER} instead."
        )
    # The demo user gets a throw-away password for this run only: a one-time password would
    # not allow record work until changed (AUTH-5). Afterwards the administrator resets it,
    # which issues the one-time password handed over.
    throwaway = users.one_time_password()
    users.add_user(session, DEMO_USER, list(DEMO_ROLES), display_name="Demo user",
                   password=throwaway)
    workspace = session.workspace
    auth.sign_out(session)
    demo_session = auth.sign_in(workspace, DEMO_USER, throwaway)
    try:
        domains = demo_session.record_domains
        added = _fill(demo_session, [m for m, f in FILLERS.items() if f.store in domains])
    finally:
        auth.sign_out(demo_session)
    admin = sign_in_again()
    try:
        password = users.reset_password(admin, DEMO_USER)
    finally:
        auth.sign_out(admin)
    return DemoReport(added, DEMO_USER, password)
