"""Reference-data administration (security.reference_admin): agencies and bank holidays,
administrators only, every change audited, and a new bank holiday moves working-day due
dates at once."""
from __future__ import annotations

import datetime as dt

import pytest

from hscb_desktop.core.validation import PermissionDenied, ValidationFailed
from hscb_desktop.security import auth
from hscb_desktop.security import reference_admin as RA
from hscb_desktop.storage import audit, reference, stores
from hscb_desktop.storage.core_models import Agency, BankHoliday

D = dt.date
CHRISTMAS_2017 = D(2017, 12, 25)  # a Monday


def problem_fields(exc: pytest.ExceptionInfo) -> list[str]:
    return [p.field for p in exc.value.problems]


def entries(table: str, record_id) -> list[tuple[str, str, object, object]]:
    """(action, reason, old, new) of each audit entry naming one record, oldest first."""
    found = []
    for e in audit.entries_for(stores.CORE, table, record_id):
        old, new = audit.values_of(stores.CORE, e.seq)
        found.append((e.action, e.reason, old, new))
    return found


# -- the role matrix ------------------------------------------------------------------------

CALLS = {
    "list_agencies": lambda s: RA.list_agencies(s),
    "add_agency": lambda s: RA.add_agency(s, "Refused Agency", "", "other"),
    "update_agency": lambda s: RA.update_agency(s, 1, name="Refused Rename"),
    "list_sectors": lambda s: RA.list_sectors(s),
    "list_bank_holidays": lambda s: RA.list_bank_holidays(s),
    "add_bank_holiday": lambda s: RA.add_bank_holiday(s, D(2017, 3, 6), "Refused"),
    "remove_bank_holiday": lambda s: RA.remove_bank_holiday(s, CHRISTMAS_2017, "Refused"),
}


@pytest.mark.parametrize("role", ["lado_officer", "fostering_worker", "cdop_coordinator",
                                  "business_unit"])
def test_only_an_administrator_may_use_any_function(workspace, make_user, role):
    password = make_user("other1", [role])
    session = auth.sign_in(workspace, "other1", password)
    agencies, holidays = Agency.select().count(), BankHoliday.select().count()
    for name, call in CALLS.items():
        with pytest.raises(PermissionDenied):
            call(session)
        assert (Agency.select().count(), BankHoliday.select().count()) == (agencies, holidays), name
    assert Agency.get_by_id(1).name != "Refused Rename"
    auth.sign_out(session)


def test_an_administrator_with_another_role_too_may(workspace, make_user):
    password = make_user("both1", ["administrator", "lado_officer"])
    session = auth.sign_in(workspace, "both1", password)
    assert RA.add_agency(session, "Shared Role Agency", "", "other") > 0
    auth.sign_out(session)


def test_a_locked_session_is_refused(admin_session):
    admin_session.locked = True
    for name, call in CALLS.items():
        with pytest.raises(PermissionDenied, match="locked"):
            call(admin_session)


# -- sectors and agencies -------------------------------------------------------------------


def test_list_sectors(admin_session):
    sectors = RA.list_sectors(admin_session)
    codes = {s["code"] for s in sectors}
    assert {"local_authority", "police", "health", "education", "voluntary", "other"} <= codes
    police = next(s for s in sectors if s["code"] == "police")
    assert police == {"code": "police", "label": "Police", "statutory_partner": True}
    assert [s["label"] for s in sectors] == sorted((s["label"] for s in sectors), key=str.casefold)


def test_list_agencies_sorted_with_and_without_retired(admin_session):
    listed = RA.list_agencies(admin_session)
    assert len(listed) == Agency.select().count()
    assert [a["name"] for a in listed] == sorted((a["name"] for a in listed), key=str.casefold)
    cafcass = next(a for a in listed if a["name"] == "Cafcass")
    assert cafcass["short_name"] == "Cafcass" and cafcass["sector"] == "other"
    assert cafcass["sector_label"] == "Other" and cafcass["active"] is True

    RA.update_agency(admin_session, cafcass["id"], active=False)
    assert "Cafcass" in [a["name"] for a in RA.list_agencies(admin_session)]
    assert "Cafcass" not in [a["name"] for a in RA.list_agencies(admin_session,
                                                                 include_inactive=False)]
    assert cafcass["id"] not in {i for i, _ in reference.agency_choices()}  # forms stop offering it


def test_add_agency_is_audited_and_offered_to_forms(admin_session):
    agency_id = RA.add_agency(admin_session, "  Herts Sports Partnership ", " HSP ", "voluntary")
    row = Agency.get_by_id(agency_id)
    assert (row.name, row.short_name, row.sector_id, row.active) == (
        "Herts Sports Partnership", "HSP", "voluntary", True)
    assert (agency_id, "Herts Sports Partnership") in reference.agency_choices()
    assert entries("agency", agency_id) == [
        ("agency_added", "", None, {"name": "Herts Sports Partnership", "short_name": "HSP",
                                    "sector": "voluntary", "active": True})]
    assert audit.verify(stores.CORE).ok


@pytest.mark.parametrize(("name", "short", "sector", "fields"), [
    ("", "", "other", ["name"]),
    ("   ", "", "other", ["name"]),
    ("x" * 201, "", "other", ["name"]),
    ("Cafcass", "", "other", ["name"]),  # a duplicate
    ("cAFCASS", "", "other", ["name"]),  # a duplicate whatever the case
    ("New Agency", "y" * 41, "other", ["short_name"]),
    ("New Agency", "", "no_such_sector", ["sector"]),
    ("New Agency", "", "", ["sector"]),
    ("", "y" * 41, "nope", ["name", "short_name", "sector"]),
])
def test_add_agency_refusals_name_their_fields(admin_session, name, short, sector, fields):
    before = Agency.select().count()
    with pytest.raises(ValidationFailed) as exc:
        RA.add_agency(admin_session, name, short, sector)
    assert problem_fields(exc) == fields
    assert Agency.select().count() == before


def test_names_up_to_200_characters_are_accepted(admin_session):
    agency_id = RA.add_agency(admin_session, "x" * 200, "y" * 40, "other")
    assert len(Agency.get_by_id(agency_id).name) == 200


def test_update_agency_changes_each_field_and_audits_old_and_new(admin_session):
    agency_id = RA.add_agency(admin_session, "Old Name", "ON", "other")
    shown = RA.update_agency(admin_session, agency_id, name="New Name", short_name="NN",
                             sector="health")
    assert shown == {"id": agency_id, "name": "New Name", "short_name": "NN", "sector": "health",
                     "sector_label": "Health", "active": True}
    RA.update_agency(admin_session, agency_id, active=False)
    RA.update_agency(admin_session, agency_id, active=True)
    RA.update_agency(admin_session, agency_id, name="New Name")  # no change: not audited
    assert entries("agency", agency_id)[1:] == [
        ("agency_changed", "", {"name": "Old Name", "short_name": "ON", "sector": "other"},
         {"name": "New Name", "short_name": "NN", "sector": "health"}),
        ("agency_retired", "", {"active": True}, {"active": False}),
        ("agency_reactivated", "", {"active": False}, {"active": True}),
    ]
    row = Agency.get_by_id(agency_id)
    assert (row.name, row.short_name, row.sector_id, row.active) == ("New Name", "NN", "health",
                                                                      True)


def test_update_agency_refusals(admin_session):
    agency_id = RA.add_agency(admin_session, "Rename Me", "", "other")
    for changes, fields in [({"name": "Cafcass"}, ["name"]), ({"name": " "}, ["name"]),
                            ({"name": "z" * 201}, ["name"]), ({"sector": "nowhere"}, ["sector"]),
                            ({"short_name": "s" * 41}, ["short_name"]),
                            ({"active": "yes"}, ["active"])]:
        with pytest.raises(ValidationFailed) as exc:
            RA.update_agency(admin_session, agency_id, **changes)
        assert problem_fields(exc) == fields, changes
    assert Agency.get_by_id(agency_id).name == "Rename Me"
    # Its own name (in another case) is not a duplicate of itself.
    RA.update_agency(admin_session, agency_id, name="RENAME ME")
    with pytest.raises(ValidationFailed, match="no longer exists"):
        RA.update_agency(admin_session, 99_999, name="Ghost")
    with pytest.raises(TypeError, match="colour"):
        RA.update_agency(admin_session, agency_id, colour="red")
    assert [e[0] for e in entries("agency", agency_id)] == ["agency_added", "agency_changed"]


# -- bank holidays --------------------------------------------------------------------------


def test_list_bank_holidays_by_year(admin_session):
    y2017 = RA.list_bank_holidays(admin_session, year=2017)
    assert {"date": D(2017, 4, 14), "title": "Good Friday"} in y2017
    assert all(h["date"].year == 2017 for h in y2017) and len(y2017) == 8
    assert [h["date"] for h in y2017] == sorted(h["date"] for h in y2017)
    everything = RA.list_bank_holidays(admin_session)
    assert len(everything) == BankHoliday.select().count() > len(y2017)
    assert 2017 in RA.bank_holiday_years(admin_session)
    assert RA.list_bank_holidays(admin_session, year=1900) == []


def test_add_and_remove_a_bank_holiday_are_audited(admin_session):
    RA.add_bank_holiday(admin_session, D(2017, 3, 6), "  Local holiday ")
    assert {"date": D(2017, 3, 6), "title": "Local holiday"} in RA.list_bank_holidays(
        admin_session, year=2017)
    RA.remove_bank_holiday(admin_session, D(2017, 3, 6), "Entered in error")
    assert BankHoliday.get_or_none(BankHoliday.date == D(2017, 3, 6)) is None
    assert entries("bankholiday", "2017-03-06") == [
        ("bank_holiday_added", "", None, {"date": "2017-03-06", "title": "Local holiday"}),
        ("bank_holiday_removed", "Entered in error",
         {"date": "2017-03-06", "title": "Local holiday"}, None),
    ]
    assert audit.verify(stores.CORE).ok


@pytest.mark.parametrize(("day", "title", "fields", "words"), [
    (CHRISTMAS_2017, "Christmas again", ["date"], r"already a bank holiday \(Christmas Day\)"),
    (D(2017, 3, 4), "On a Saturday", ["date"], "Saturday"),
    (D(2017, 3, 5), "On a Sunday", ["date"], "substitute"),
    (D(2017, 3, 6), "  ", ["title"], "name"),
    (D(2017, 3, 6), "t" * 121, ["title"], "at most"),
    (None, "No date", ["date"], "Enter the bank holiday's date"),
    ("2017-03-06", "Text is not a date", ["date"], "Enter the bank holiday's date"),
    (dt.datetime(2017, 3, 6, 9, 0), "A moment, not a day", ["date"], "date"),
    (D(2017, 3, 4), "", ["date", "title"], "Saturday"),
])
def test_add_bank_holiday_refusals(admin_session, day, title, fields, words):
    before = BankHoliday.select().count()
    with pytest.raises(ValidationFailed, match=words) as exc:
        RA.add_bank_holiday(admin_session, day, title)
    assert problem_fields(exc) == fields
    assert BankHoliday.select().count() == before


def test_remove_bank_holiday_refusals(admin_session):
    with pytest.raises(ValidationFailed) as exc:
        RA.remove_bank_holiday(admin_session, CHRISTMAS_2017, "  ")
    assert problem_fields(exc) == ["reason"]
    with pytest.raises(ValidationFailed, match="not a bank holiday") as exc:
        RA.remove_bank_holiday(admin_session, D(2017, 3, 6), "No such day")
    assert problem_fields(exc) == ["date"]
    assert BankHoliday.get_or_none(BankHoliday.date == CHRISTMAS_2017) is not None
    assert entries("bankholiday", CHRISTMAS_2017.isoformat()) == []


def test_the_working_calendar_follows_the_table(admin_session):
    assert reference.working_calendar().is_working_day(D(2017, 3, 6))
    RA.add_bank_holiday(admin_session, D(2017, 3, 6), "Local holiday")
    assert not reference.working_calendar().is_working_day(D(2017, 3, 6))
    RA.remove_bank_holiday(admin_session, D(2017, 3, 6), "Entered in error")
    assert reference.working_calendar().is_working_day(D(2017, 3, 6))


def test_a_new_bank_holiday_moves_a_fostering_initial_visit_due_date(workspace, make_user,
                                                                     admin_password):
    """Notified on Wednesday 1 March 2017: the initial visit is due in 7 working days, on
    Friday 10 March. A bank holiday on Monday 6 March moves it one working day, to Monday
    13 March; removing it moves it back."""
    from hscb_desktop.domains.fostering import service

    password = make_user("pf1", ["fostering_worker"])

    def initial_visit_due() -> dt.date:
        session = auth.sign_in(workspace, "pf1", password)
        try:
            items = [i for i in service.due_list(session) if i.kind == "initial_visit"]
            assert len(items) == 1
            return items[0].due
        finally:
            auth.sign_out(session)

    def as_admin(action) -> None:
        session = auth.sign_in(workspace, "admin", admin_password)
        try:
            action(session)
        finally:
            auth.sign_out(session)

    session = auth.sign_in(workspace, "pf1", password)
    service.create_notification(session, {
        "date_received": D(2017, 3, 1), "notifier_type": "proposed_carer",
        "notification_type": "advance_proposal", "intended_start_date": D(2017, 3, 20),
        "intended_duration_days": 180, "child_name": "Kit Example", "child_sex": "female",
        "child_date_of_birth": D(2005, 6, 15), "child_born_in_uk": "no",
        "child_ethnicity": "CHNE", "child_language": "Mandarin", "carer_name": "Remy Sample",
        "carer_address": "12 Sample Road, Hertford"})
    auth.sign_out(session)

    assert initial_visit_due() == D(2017, 3, 10)
    as_admin(lambda s: RA.add_bank_holiday(s, D(2017, 3, 6), "Local holiday"))
    assert initial_visit_due() == D(2017, 3, 13)
    # A holiday after the due date changes nothing.
    as_admin(lambda s: RA.add_bank_holiday(s, D(2017, 3, 14), "Another local holiday"))
    assert initial_visit_due() == D(2017, 3, 13)
    as_admin(lambda s: RA.remove_bank_holiday(s, D(2017, 3, 6), "Entered in error"))
    assert initial_visit_due() == D(2017, 3, 10)


@pytest.mark.parametrize("bad", ["Oak\x00field Trust", "Oak\ud800field Trust"])
def test_text_no_store_can_hold_is_refused_with_a_problem(admin_session, bad):
    """Hostile input (issue 10): a NUL (PostgreSQL text cannot hold it) or a lone surrogate
    (no UTF-8 form) in reference data comes back as a Problem; nothing is stored."""
    before = (Agency.select().count(), BankHoliday.select().count(), audit.head(stores.CORE))
    with pytest.raises(ValidationFailed) as caught:
        RA.add_agency(admin_session, bad, "", "police")
    assert [p.field for p in caught.value.problems] == ["name"]
    with pytest.raises(ValidationFailed) as caught:
        RA.add_agency(admin_session, "Oakfield Trust", bad, "police")
    assert [p.field for p in caught.value.problems] == ["short_name"]
    with pytest.raises(ValidationFailed) as caught:
        RA.add_bank_holiday(admin_session, dt.date(2031, 6, 2), bad)
    assert [p.field for p in caught.value.problems] == ["title"]
    assert (Agency.select().count(), BankHoliday.select().count(), audit.head(stores.CORE)) == before
