"""Reference data the administrator keeps: agencies and bank holidays, all audited.

Qt-free, like ``security.users``: every function takes the signed-in ``Session``, needs
an active session held by an administrator, and makes its change and its audit entry
(with the old and new values) in one transaction of the core store. Refusals are
``ValidationFailed`` with a ``Problem`` per field (``name``, ``short_name``, ``sector``,
``active``, ``date``, ``title``, ``reason``) so a form can show each beside its field.

A new or removed bank holiday takes effect at once: ``storage.reference.working_calendar``
re-reads the table's dates on each call, so every working-day due date follows it.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from hscb_desktop.core.dates import format_uk
from hscb_desktop.core.coerce import UNSTORABLE, storable
from hscb_desktop.core.validation import PermissionDenied, Problem, ValidationFailed, error
from hscb_desktop.security import roles as R
from hscb_desktop.security.session import Session
from hscb_desktop.storage import audit, stores
from hscb_desktop.storage.core_models import Agency, BankHoliday, Sector

NAME_MAX = 200  # Agency.name
SHORT_NAME_MAX = 40  # Agency.short_name
TITLE_MAX = 120
REASON_MAX = 500
AGENCY_FIELDS = ("name", "short_name", "sector", "active")
AGENCY_TABLE = Agency._meta.table_name
HOLIDAY_TABLE = BankHoliday._meta.table_name


def _require_admin(session: Session, action: str) -> None:
    if not session.active:
        raise PermissionDenied("The session is locked.")
    R.require_role(session.roles, R.ADMINISTRATOR, action=action)


def _refuse(problems: list[Problem]) -> None:
    if problems:
        raise ValidationFailed(problems)


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


# -- sectors ------------------------------------------------------------------------


def list_sectors(session: Session) -> list[dict[str, Any]]:
    """Every sector as ``{"code", "label", "statutory_partner"}``, by label."""
    _require_admin(session, "see the reference data")
    rows = [{"code": s.code, "label": s.label, "statutory_partner": bool(s.statutory_partner)}
            for s in Sector.select()]
    return sorted(rows, key=lambda s: (s["label"].casefold(), s["code"]))


# -- agencies -----------------------------------------------------------------------


def _agency_record(agency: Agency, labels: dict[str, str]) -> dict[str, Any]:
    code = agency.sector_id
    return {"id": agency.id, "name": agency.name, "short_name": agency.short_name or "",
            "sector": code, "sector_label": labels.get(code, code), "active": bool(agency.active)}


def _audited(values: dict[str, Any]) -> dict[str, Any]:
    return {k: values[k] for k in AGENCY_FIELDS}


def list_agencies(session: Session, include_inactive: bool = True) -> list[dict[str, Any]]:
    """Agencies as ``{"id", "name", "short_name", "sector", "sector_label", "active"}``,
    by name (case-insensitive); retired (inactive) ones too unless ``include_inactive``
    is false."""
    _require_admin(session, "see the reference data")
    labels = {s.code: s.label for s in Sector.select()}
    query = Agency.select()
    if not include_inactive:
        query = query.where(Agency.active == True)  # noqa: E712 - a peewee expression
    rows = [_agency_record(a, labels) for a in query]
    return sorted(rows, key=lambda a: (a["name"].casefold(), a["id"]))


def _agency_problems(values: dict[str, Any], but: int | None = None) -> list[Problem]:
    problems: list[Problem] = []
    name = values["name"]
    if not name:
        problems.append(error("name", "Enter the agency's name."))
    elif not storable(name):
        problems.append(error("name", f"The name {UNSTORABLE}."))
    elif len(name) > NAME_MAX:
        problems.append(error("name", f"An agency's name is at most {NAME_MAX} characters."))
    else:
        query = Agency.select(Agency.id, Agency.name)
        if but is not None:
            query = query.where(Agency.id != but)
        if any(other.name.casefold() == name.casefold() for other in query):
            problems.append(error("name", f"There is already an agency called {name}."))
    if not storable(values["short_name"]):
        problems.append(error("short_name", f"The short name {UNSTORABLE}."))
    elif len(values["short_name"]) > SHORT_NAME_MAX:
        problems.append(error("short_name",
                              f"A short name is at most {SHORT_NAME_MAX} characters."))
    sector = values["sector"]
    if not sector:
        problems.append(error("sector", "Choose the agency's sector."))
    elif Sector.get_or_none(Sector.code == sector) is None:
        problems.append(error("sector", f"There is no sector {sector}."))
    if not isinstance(values["active"], bool):
        problems.append(error("active", "Active is yes or no."))
    return problems


def add_agency(session: Session, name: str, short_name: str, sector: str) -> int:
    """Add an (active) agency; returns its id."""
    _require_admin(session, "change the reference data")
    values = {"name": _text(name), "short_name": _text(short_name), "sector": _text(sector),
              "active": True}
    with stores.proxy(stores.CORE).atomic():
        _refuse(_agency_problems(values))
        agency = Agency.create(**values)
        audit.append(stores.CORE, session.actor, "agency_added", clock=session.clock,
                     table=AGENCY_TABLE, record_id=agency.id, new=_audited(values))
    return agency.id


def update_agency(session: Session, agency_id: int, **changes: Any) -> dict[str, Any]:
    """Change an agency's ``name``, ``short_name``, ``sector`` and/or ``active`` (retire it
    or bring it back). Returns the agency as ``list_agencies`` shows it. A change that
    changes nothing is not audited."""
    _require_admin(session, "change the reference data")
    unknown = set(changes) - set(AGENCY_FIELDS)
    if unknown:
        raise TypeError(f"update_agency() cannot change: {', '.join(sorted(unknown))}")
    with stores.proxy(stores.CORE).atomic():
        agency = Agency.get_or_none(Agency.id == agency_id)
        if agency is None:
            raise ValidationFailed([error("", "That agency no longer exists.")])
        old = {"name": agency.name, "short_name": agency.short_name or "",
               "sector": agency.sector_id, "active": bool(agency.active)}
        new = dict(old)
        for key, value in changes.items():
            new[key] = value if key == "active" else _text(value)
        _refuse(_agency_problems(new, but=agency.id))
        changed = [k for k in AGENCY_FIELDS if new[k] != old[k]]
        if changed:
            Agency.update(**{k: new[k] for k in changed}).where(Agency.id == agency.id).execute()
            action = "agency_changed"
            if changed == ["active"]:
                action = "agency_reactivated" if new["active"] else "agency_retired"
            audit.append(stores.CORE, session.actor, action, clock=session.clock,
                         table=AGENCY_TABLE, record_id=agency.id,
                         old={k: old[k] for k in changed}, new={k: new[k] for k in changed})
        labels = {s.code: s.label for s in Sector.select()}
        return _agency_record(Agency.get_by_id(agency.id), labels)


# -- bank holidays ------------------------------------------------------------------


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return None
    return value if isinstance(value, dt.date) else None


def _day(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def list_bank_holidays(session: Session, year: int | None = None) -> list[dict[str, Any]]:
    """Bank holidays as ``{"date", "title"}`` by date; only one calendar year's when
    ``year`` is given."""
    _require_admin(session, "see the reference data")
    query = BankHoliday.select().order_by(BankHoliday.date)
    if year is not None:
        query = query.where(BankHoliday.date.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    return [{"date": _day(h.date), "title": h.title} for h in query]


def bank_holiday_years(session: Session) -> list[int]:
    """The calendar years the table holds a bank holiday in, ascending."""
    return sorted({h["date"].year for h in list_bank_holidays(session)})


def add_bank_holiday(session: Session, date: dt.date, title: str) -> None:
    """Add a bank holiday. It must be a weekday: a holiday falling at a weekend is
    entered as its substitute day (e.g. 27 December when Christmas Day is a Sunday)."""
    _require_admin(session, "change the reference data")
    day, title = _as_date(date), _text(title)
    problems: list[Problem] = []
    if day is None:
        problems.append(error("date", "Enter the bank holiday's date."))
    elif day.weekday() >= 5:
        problems.append(error("date", f"{format_uk(day)} is a {day:%A}: enter the weekday "
                                      "the holiday is taken on (its substitute day) instead."))
    if not title:
        problems.append(error("title", "Enter the bank holiday's name."))
    elif not storable(title):
        problems.append(error("title", f"The name {UNSTORABLE}."))
    elif len(title) > TITLE_MAX:
        problems.append(error("title", f"A bank holiday's name is at most {TITLE_MAX} characters."))
    with stores.proxy(stores.CORE).atomic():
        if day is not None:
            existing = BankHoliday.get_or_none(BankHoliday.date == day)
            if existing is not None:
                problems.append(error("date", f"{format_uk(day)} is already a bank holiday "
                                              f"({existing.title})."))
        _refuse(problems)
        BankHoliday.create(date=day, title=title)
        audit.append(stores.CORE, session.actor, "bank_holiday_added", clock=session.clock,
                     table=HOLIDAY_TABLE, record_id=day.isoformat(),
                     new={"date": day, "title": title})


def remove_bank_holiday(session: Session, date: dt.date, reason: str) -> None:
    """Remove a bank holiday (entered in error, or moved); the reason is audited."""
    _require_admin(session, "change the reference data")
    day, reason = _as_date(date), _text(reason)
    problems: list[Problem] = []
    if not reason:
        problems.append(error("reason", "Give the reason for removing the bank holiday."))
    elif len(reason) > REASON_MAX:
        problems.append(error("reason", f"A reason is at most {REASON_MAX} characters."))
    with stores.proxy(stores.CORE).atomic():
        existing = BankHoliday.get_or_none(BankHoliday.date == day) if day else None
        if existing is None:
            shown = format_uk(day) if day else "That date"
            problems.insert(0, error("date", f"{shown} is not a bank holiday."))
        _refuse(problems)
        BankHoliday.delete().where(BankHoliday.id == existing.id).execute()
        audit.append(stores.CORE, session.actor, "bank_holiday_removed", clock=session.clock,
                     table=HOLIDAY_TABLE, record_id=day.isoformat(),
                     old={"date": day, "title": existing.title}, reason=reason)
