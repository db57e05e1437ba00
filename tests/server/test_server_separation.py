"""Separation held by the server, not only by the app (issue 11; GOV-1, ENC-3 in team mode).

Each test connects as a user's own server login with plain SQL, as anyone with psql and
that user's password could, and checks what the server itself allows.
"""
from __future__ import annotations

import datetime as dt

import psycopg
import pytest
from psycopg import errors

from hscb_desktop.domains.lado import service as lado
from hscb_desktop.security import auth
from hscb_desktop.storage import stores

pytestmark = pytest.mark.postgres_only

CASEWORK = {"lado": "lado_contact", "fostering": "pf_notification", "cdop": "cdop_child_death"}


def _case(session) -> int:
    return lado.create_contact(session, {
        "date_received": dt.date(2017, 2, 1), "referral_source_type": "employer_dsl",
        "employer_name": "Oakfield Primary School", "employment_sector": "education_school",
        "setting_type": "primary_school", "threshold_met": True, "subject_named": True,
        "subject_name": "Sam Taylor", "subject_dob": dt.date(1980, 5, 17), "subject_role": "Class teacher",
        "abuse_category": ["physical"], "harm_criteria": ["harmed_or_may_have_harmed"],
        "date_allegation_known": dt.date(2017, 1, 31), "allegation_details": "Marker-Narrative-7731",
    })


def _refused(conn, sql: str) -> None:
    with pytest.raises(errors.InsufficientPrivilege):
        conn.execute(sql)


@pytest.mark.parametrize("schema", ["cdop", "fostering"])
def test_gov1_a_lado_officers_own_login_is_refused_on_the_cdop_and_fostering_schemas(
        workspace, make_user, raw_login, schema):
    """GOV-1/ENC-3 (team mode): with plain SQL over their own login, a LADO officer reads
    their own schema but the server refuses every table of CDOP and private fostering."""
    password = make_user("lado1", ["lado_officer"])
    conn = raw_login("lado1", password)
    assert conn.execute("SELECT count(*) FROM lado.lado_contact").fetchone() == (0,)
    _refused(conn, f"SELECT * FROM {schema}.{CASEWORK[schema]}")
    _refused(conn, f"SELECT * FROM {schema}.audit_entry")
    _refused(conn, f"INSERT INTO {schema}.audit_entry (seq) VALUES (999)")
    for views in ("lado_returns", "cdop_returns", "fostering_returns"):
        _refused(conn, f"SELECT * FROM {views}.audit_entry")
    conn.execute(f"SET search_path = {schema}")  # without USAGE the schema's names do not resolve
    with pytest.raises(errors.UndefinedTable):
        conn.execute(f"SELECT * FROM {CASEWORK[schema]}")


def test_gov1_the_business_unit_sees_counts_material_but_no_names_or_narrative(
        workspace, make_user, raw_login):
    """GOV-1 (team mode): the business unit's login is refused on the LADO tables and reads
    only the aggregate views, where the subject's name and the narrative are NULL while the
    codes and dates the returns count are there."""
    lado_pw = make_user("lado1", ["lado_officer"])
    bu_pw = make_user("bu1", ["business_unit"])
    session = auth.sign_in(workspace, "lado1", lado_pw)
    contact_id = _case(session)
    auth.sign_out(session)

    conn = raw_login("bu1", bu_pw)
    _refused(conn, "SELECT * FROM lado.lado_contact")
    _refused(conn, "SELECT * FROM lado.lado_subject")
    _refused(conn, "SELECT * FROM lado.lado_search")
    row = conn.execute("SELECT employment_sector, threshold_met, date_received, allegation_details, "
                       "employer_name FROM lado_returns.lado_contact WHERE id = %s", (contact_id,)).fetchone()
    assert row == ("education_school", True, dt.date(2017, 2, 1), None, None)
    names = conn.execute("SELECT name, name_norm FROM lado_returns.lado_subject").fetchall()
    assert names == [(None, None)]
    dump = repr(conn.execute("SELECT * FROM lado_returns.lado_contact").fetchall()) \
        + repr(conn.execute("SELECT * FROM lado_returns.lado_subject").fetchall())
    assert "Sam Taylor" not in dump and "Marker-Narrative-7731" not in dump
    _refused(conn, "SELECT new FROM lado_returns.audit_value")  # the record values in the chain
    _refused(conn, "UPDATE lado_returns.lado_contact SET threshold_met = false")
    # its own board and training records are its to keep
    assert conn.execute("SELECT count(*) FROM board.audit_entry").fetchone()[0] >= 1


def test_gov1_the_administrators_login_reads_audit_chains_but_no_casework(workspace, make_user, raw_login,
                                                                         admin_password):
    """GOV-1 (team mode): the administrator manages users and verifies chains; its login gets
    no record table of any casework schema."""
    lado_pw = make_user("lado1", ["lado_officer"])
    session = auth.sign_in(workspace, "lado1", lado_pw)
    _case(session)
    auth.sign_out(session)
    conn = raw_login("admin", admin_password)
    for schema, table in CASEWORK.items():
        _refused(conn, f"SELECT * FROM {schema}.{table}")
    _refused(conn, "SELECT * FROM lado.lado_subject")
    assert conn.execute("SELECT count(*) FROM lado.audit_entry").fetchone()[0] >= 2


def test_gov1_the_administrator_cannot_make_itself_the_owner_or_a_superuser(workspace, raw_login,
                                                                           admin_password, superuser):
    """The user-administration functions grant only application roles to application logins:
    the administrator's login cannot turn the owner role into a login, join it, or give itself
    more than the administrator group."""
    conn = raw_login("admin", admin_password)
    with pytest.raises(errors.RaiseException, match="not an application user name"):
        conn.execute("SELECT hscb_server.set_login_allowed('owner', true)")
    with pytest.raises(errors.RaiseException, match="unknown application role"):
        conn.execute("SELECT hscb_server.set_login_groups('admin', ARRAY['owner'])")
    with pytest.raises(errors.InsufficientPrivilege):
        conn.execute(f'GRANT "{workspace.address.owner_role}" TO CURRENT_USER')
    with pytest.raises(errors.InsufficientPrivilege):
        conn.execute("CREATE ROLE mallory LOGIN")
    assert conn.execute("SELECT rolsuper, rolcreaterole FROM pg_roles WHERE rolname = current_user") \
        .fetchone() == (False, False)
    # A role of another database whose name starts the same way (db "hscb" and "hscb_x")
    # is not this database's user: its password and login cannot be touched from here.
    superuser.execute(f'CREATE ROLE "{workspace.address.prefix}x_lado_officer" NOLOGIN')
    with pytest.raises(errors.RaiseException, match="not an application login of this database"):
        conn.execute("SELECT hscb_server.set_login_allowed('x_lado_officer', true)")
    superuser.execute(f'DROP ROLE "{workspace.address.prefix}x_lado_officer"')


def test_gov1_a_practitioners_login_cannot_call_user_administration(workspace, make_user, raw_login):
    password = make_user("lado1", ["lado_officer"])
    conn = raw_login("lado1", password)
    with pytest.raises(errors.InsufficientPrivilege):
        conn.execute("SELECT hscb_server.set_login_groups('lado1', ARRAY['cdop_coordinator'])")


def test_auth2_a_wrong_password_or_unknown_user_is_refused_by_the_server(workspace, make_user):
    """AUTH-2 (team mode): sign-in is the server's password check, same message either way."""
    make_user("lado1", ["lado_officer"])
    for name, password in (("lado1", "Wrong-Passphrase-000"), ("nobody", "Wrong-Passphrase-000")):
        with pytest.raises(auth.LoginFailed, match="not correct"):
            auth.sign_in(workspace, name, password)
        assert not any(stores.is_open(n) for n in stores.STORE_NAMES)


def test_enc3_a_session_opens_only_the_schemas_its_roles_need(workspace, make_user):
    """ENC-3 (team mode): a LADO officer's session opens core and LADO only; the business
    unit's opens the casework stores through their aggregate views."""
    session = auth.sign_in(workspace, "lado1", make_user("lado1", ["lado_officer"]))
    assert workspace.schemas == {"core": "core", "lado": "lado"}
    auth.sign_out(session)
    session = auth.sign_in(workspace, "bu1", make_user("bu1", ["business_unit"]))
    assert workspace.schemas == {"core": "core", "board": "board", "lado": "lado_returns",
                                 "fostering": "fostering_returns", "cdop": "cdop_returns"}
    auth.sign_out(session)


def test_auth5_team_mode_reset_role_change_and_disable_act_on_the_server_login(
        workspace, make_user, admin_password, raw_login):
    """AUTH-5 (team mode): a reset replaces the server password (one-time, must be changed);
    a role change takes effect at the server at once; disabling refuses the login itself."""
    from hscb_desktop.security import users

    old = make_user("pf1", ["fostering_worker"])
    admin = auth.sign_in(workspace, "admin", admin_password)
    otp = users.reset_password(admin, "pf1")
    auth.sign_out(admin)
    with pytest.raises(psycopg.OperationalError):
        raw_login("pf1", old)
    session = auth.sign_in(workspace, "pf1", otp)
    assert session.must_change_password
    users.change_own_password(session, otp, "Fresh-Pass-Phrase-42")
    assert not session.must_change_password
    auth.sign_out(session)
    session = auth.sign_in(workspace, "pf1", "Fresh-Pass-Phrase-42")
    assert not session.must_change_password
    auth.sign_out(session)

    conn = raw_login("pf1", "Fresh-Pass-Phrase-42")
    conn.execute("SELECT 1 FROM fostering.pf_notification LIMIT 1")
    admin = auth.sign_in(workspace, "admin", admin_password)
    assert users.set_roles(admin, "pf1", ["cdop_coordinator"]) is None  # no key to re-wrap
    _refused(conn, "SELECT 1 FROM fostering.pf_notification LIMIT 1")
    conn.execute("SELECT 1 FROM cdop.cdop_child_death LIMIT 1")
    users.set_active(admin, "pf1", False)
    auth.sign_out(admin)
    with pytest.raises(auth.LoginFailed, match="disabled"):
        auth.sign_in(workspace, "pf1", "Fresh-Pass-Phrase-42")
    with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
        raw_login("pf1", "Fresh-Pass-Phrase-42")


def test_gov1_the_business_units_returns_through_the_views_equal_the_practitioners(workspace, make_user):
    """GOV-1 (team mode): the aggregate views keep every column a return reads. The demo
    year's LADO, fostering and CDOP returns computed through the business unit's views are
    the same, cell for cell, as computed by the practitioners over the full tables."""
    from hscb_desktop import demo
    from hscb_desktop.core import periods
    from hscb_desktop.domains.cdop import returns as cdop_returns
    from hscb_desktop.domains.fostering import returns as pf_returns
    from hscb_desktop.domains.lado import returns as lado_returns
    from hscb_desktop.storage import reference

    practitioner = auth.sign_in(workspace, "prac", make_user(
        "prac", ["lado_officer", "fostering_worker", "cdop_coordinator"]))
    demo.run(practitioner, lambda: None)
    today = dt.date(2017, 6, 30)

    def tables() -> dict[str, list]:
        return {
            "lado": lado_returns.compute(periods.period_for("lado", "2016-17")),
            "fostering": pf_returns.compute(periods.period_for("fostering", "2016-17"),
                                            reference.working_calendar(), today),
            "cdop": cdop_returns.compute(periods.period_for("cdop", "2016-17"), today),
        }

    full = tables()
    auth.sign_out(practitioner)
    bu = auth.sign_in(workspace, "bu1", make_user("bu1", ["business_unit"]))
    assert workspace.schemas["lado"] == "lado_returns"
    through_views = tables()
    auth.sign_out(bu)
    assert sum(len(t.rows) for ts in full.values() for t in ts) > 50
    for module in full:
        for mine, theirs in zip(full[module], through_views[module], strict=True):
            assert (mine.title, mine.rows) == (theirs.title, theirs.rows), module
