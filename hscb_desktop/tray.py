"""The work tray (issue 7): one list of everything that needs doing, soonest first.

Qt-free. Each domain's part comes from that domain's own queries and services (no SQL
here), and only for the domains the session's roles give record access to
(``session.record_domains``; the business unit's is the board). The services check the
role again: a domain the roles do not reach is never asked.

- private fostering: initial visits, regulation 8 visits, assessments and birthdays
  (16/18) due or overdue (``fostering.service.due_list``);
- LADO: cases open past 1, 3 and 12 months (the list's "Open over" mark), referrals
  received late (the rules' late-referral warning, over open cases received in the last
  ``LATE_REFERRAL_DAYS`` days) and retention reviews due (``queries.due_for_retention_review``);
- CDOP: cases open past 6 and 12 months since the death and deaths awaiting agency
  reports (``cdop.queries``);
- board: seats whose latest run of missed meetings is two or more long
  (``board.queries.missed_two_now``).
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from typing import Any, NamedTuple

from hscb_desktop.core.calendar import add_months
from hscb_desktop.core.dates import format_uk

LATE_REFERRAL_DAYS = 28  # how far back the tray looks for referrals received late
_LATE_SCAN = 500  # at most this many of the newest open LADO cases are checked

# kind code -> (domain, title shown in the counts and the Kind column), in display order.
KINDS: dict[str, tuple[str, str]] = {
    "pf_initial_visit": ("fostering", "Initial visits"),
    "pf_reg8_visit": ("fostering", "Regulation 8 visits"),
    "pf_assessment": ("fostering", "Assessments"),
    "pf_turns_16": ("fostering", "Turning 16"),
    "pf_turns_18": ("fostering", "Turning 18"),
    "lado_open_1m": ("lado", "LADO open over 1 month"),
    "lado_open_3m": ("lado", "LADO open over 3 months"),
    "lado_open_12m": ("lado", "LADO open over 12 months"),
    "lado_late_referral": ("lado", "LADO referrals received late"),
    "lado_retention_review": ("lado", "LADO retention reviews"),
    "cdop_open_6m": ("cdop", "CDOP open over 6 months"),
    "cdop_open_12m": ("cdop", "CDOP open over 12 months"),
    "cdop_awaiting_reports": ("cdop", "CDOP awaiting agency reports"),
    "board_missed_two": ("board", "Board seats missing meetings"),
}
DOMAIN_TITLES = {"fostering": "Private fostering", "lado": "LADO", "cdop": "CDOP",
                 "board": "Board"}


class TrayItem(NamedTuple):
    kind: str  # a KINDS code
    domain: str  # "fostering", "lado", "cdop" or "board"
    due_date: dt.date | None  # when it falls (or fell) due; None: no date (sorts last)
    overdue: bool  # the due date has passed (or the item is late by its nature)
    label: str  # what needs doing, for the list
    ref: str  # the record's reference ("" for a board seat)
    record_id: int | None
    target: str  # what opens it: "arrangement", "notification", "contact", "case",
    #              "case_reports" or "board_year"

    @property
    def kind_title(self) -> str:
        return KINDS[self.kind][1]


def kind_title(kind: str) -> str:
    return KINDS[kind][1]


def _sort_key(item: TrayItem) -> tuple:
    return (item.due_date is None, item.due_date or dt.date.max, not item.overdue,
            list(KINDS).index(item.kind), item.ref, item.record_id or 0)


def work_items(session, today: dt.date) -> list[TrayItem]:
    """Every item of the session's tray, soonest first (undated items last)."""
    domains = session.record_domains
    items: list[TrayItem] = []
    if "fostering" in domains:
        items += _fostering(session, today)
    if "lado" in domains:
        items += _lado(session, today)
    if "cdop" in domains:
        items += _cdop(session, today)
    if "board" in domains:
        items += _board(session, today)
    return sorted(items, key=_sort_key)


def counts_by_kind(items: Iterable[TrayItem]) -> dict[str, int]:
    """How many items of each kind, in KINDS order (kinds with none left out)."""
    found = Counter(item.kind for item in items)
    return {kind: found[kind] for kind in KINDS if found[kind]}


# -- private fostering -------------------------------------------------------------------


def _fostering(session, today: dt.date) -> list[TrayItem]:
    from hscb_desktop.domains.fostering import service
    from hscb_desktop.domains.fostering import vocab as V

    out = []
    for due in service.due_list(session, today):
        kind = f"pf_{due.kind}"
        if kind not in KINDS:
            continue
        what = V.DUE_KINDS.label(due.kind) if due.kind in V.DUE_KINDS else due.kind
        if due.arrangement_id is not None:
            record_id, target = due.arrangement_id, "arrangement"
        else:
            record_id, target = due.notification_id, "notification"
        label = f"{due.child} ({what[0].lower()}{what[1:]})" if due.child else what
        out.append(TrayItem(kind, "fostering", due.due, bool(due.overdue), label,
                            due.ref or "", record_id, target))
    return out


# -- LADO ----------------------------------------------------------------------------------


def _lado(session, today: dt.date) -> list[TrayItem]:
    from hscb_desktop.domains.lado import queries

    out: list[TrayItem] = []
    open_list = queries.contact_list(session, status="open")
    rows = open_list.rows(open_list.ids("date_received"))
    for record_id, row in rows.items():
        mark, received = row.get("timeliness") or "", row.get("date_received")
        if not mark or received is None:
            continue
        months = int(mark.strip(">m"))
        who = row.get("subject_name") or row.get("employer") or ""
        label = f"Open {row.get('days_open')} days" + (f": {who}" if who else "")
        out.append(TrayItem(f"lado_open_{months}m", "lado", add_months(received, months), True,
                            label, row.get("ref") or "", record_id, "contact"))
    out += _lado_late(session, today)
    review_ids = queries.due_for_retention_review(session)
    reviews = queries.contact_list(session).rows(review_ids) if review_ids else {}
    for record_id in review_ids:
        row = reviews.get(record_id)
        if row is None:
            continue
        when = row.get("retention_review_date")
        out.append(TrayItem("lado_retention_review", "lado", when,
                            when is not None and when < today,
                            "Retention review due (keep, hold or delete)",
                            row.get("ref") or "", record_id, "contact"))
    return out


def _lado_late(session, today: dt.date) -> list[TrayItem]:
    """Open cases received in the last weeks that the rules warn were referred late."""
    from hscb_desktop.domains.lado import service

    since = today - dt.timedelta(days=LATE_REFERRAL_DAYS)
    return [TrayItem("lado_late_referral", "lado", late["date_received"], True,
                     late["message"].split(";")[0], late["ref"], late["id"], "contact")
            for late in service.late_referrals(session, since, limit=_LATE_SCAN)]


# -- CDOP ------------------------------------------------------------------------------------


def _cdop(session, today: dt.date) -> list[TrayItem]:
    from hscb_desktop.domains.cdop import queries

    out: list[TrayItem] = []
    for case in queries.open_cases(session):
        flag, died = case.get("flag") or "", case.get("date_of_death")
        if not flag or died is None:
            continue
        months = int(flag.strip(">m"))
        out.append(TrayItem(f"cdop_open_{months}m", "cdop", add_months(died, months), True,
                            f"Open {case.get('days_since_death')} days since the death",
                            case.get("ref") or "", case["id"], "case"))
    waiting = queries.awaiting_reports(session)
    if waiting:
        rows = queries.case_list(session, among=waiting).rows(waiting)
        for death_id in waiting:
            row = rows.get(death_id)
            if row is None:
                continue
            meeting = row.get("next_meeting")
            label = f"Awaiting agency reports ({row.get('reports') or 'none yet'})"
            if meeting is not None:
                label += f"; panel meeting {format_uk(meeting)}"
            out.append(TrayItem("cdop_awaiting_reports", "cdop", meeting,
                                meeting is not None and meeting < today, label,
                                row.get("ref") or "", death_id, "case_reports"))
    return out


# -- board -----------------------------------------------------------------------------------


def _board(session, today: dt.date) -> list[TrayItem]:
    from hscb_desktop.domains.board import queries

    out = []
    for seat in queries.missed_two_now(session):  # current runs only: attended since is done
        run: list[Any] = seat["runs"][-1]
        agency = seat.get("agency_name") or ""
        label = (f"{seat.get('label') or 'Seat'}" + (f" ({agency})" if agency else "")
                 + f": missed the last {len(run)} meetings, the latest on {format_uk(run[-1])}")
        # Nothing falls due on a date: the seat is chased now, after the dated items.
        out.append(TrayItem("board_missed_two", "board", None, False, label, "",
                            seat.get("role_id"), "board_year"))
    return out
