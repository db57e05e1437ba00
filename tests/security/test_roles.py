"""GOV-1: the role matrix is enforced in the service layer, for every role."""
from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from hscb_desktop.core.clock import FakeClock
from hscb_desktop.core.validation import PermissionDenied
from hscb_desktop.paths import data_paths
from hscb_desktop.security import auth, maintenance, passwords, users
from hscb_desktop.security import roles as R
from hscb_desktop.storage import keys, stores
from hscb_desktop.storage.core_models import KeyGrant, User
from hscb_desktop.storage.workspace import Workspace

ADMIN_ONLY = {
    "add_user": lambda s: users.add_user(s, "newcomer", [R.LADO_OFFICER]),
    "reset_password": lambda s: users.reset_password(s, "target"),
    "set_roles": lambda s: users.set_roles(s, "target", [R.CDOP_COORDINATOR]),
    "set_active": lambda s: users.set_active(s, "target", False),
    "unlock_account": lambda s: users.unlock_account(s, "target"),
    "list_users": lambda s: users.list_users(s),
    "put_setting": lambda s: maintenance.put_setting(s, "idle_lock_minutes", 3),
    "verify_audit": lambda s: maintenance.verify_audit(s),
}


MATRIX_PASSWORD = "Matrix-Test-Phrase-7"


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """One data folder for the whole matrix (set up once, at test KDF strength): an
    administrator, one user per role and a 'target' user to act on."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(keys, "DEFAULT_COST", keys.KdfCost(time_cost=1, memory_kib=8, parallelism=1))
        mp.setattr(passwords, "hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
        ws = Workspace(data_paths(tmp_path_factory.mktemp("matrix") / "data"), FakeClock()).acquire()
        auth.initialise(ws, "admin", MATRIX_PASSWORD)
        admin = auth.sign_in(ws, "admin", MATRIX_PASSWORD)
        for role in R.ROLES:
            users.add_user(admin, _name(role), [role], password=MATRIX_PASSWORD)
        users.add_user(admin, "target", [R.FOSTERING_WORKER], password=MATRIX_PASSWORD)
        auth.sign_out(admin)
    yield ws
    ws.close()


def _name(role: str) -> str:
    return "as-" + role.replace("_", "-")


@pytest.fixture
def signed_in(world):
    """signed_in(role) -> a session of the user holding just that role."""
    sessions = []

    def _sign_in(role: str):
        sessions.append(auth.sign_in(world, _name(role), MATRIX_PASSWORD))
        return sessions[-1]

    yield _sign_in
    world.close_stores()


def _snapshot() -> list:
    return [(u.username, u.roles, u.active, u.version) for u in User.select().order_by(User.username)]


@pytest.mark.parametrize("operation", sorted(ADMIN_ONLY))
@pytest.mark.parametrize("role", R.ROLES)
def test_gov1_user_and_maintenance_services_are_administrator_only(signed_in, role, operation):
    """GOV-1: every role but administrator gets PermissionDenied from each user/maintenance
    service, and nothing changes; the administrator succeeds."""
    session = signed_in(role)
    if role == R.ADMINISTRATOR:
        ADMIN_ONLY[operation](session)
        return
    before = _snapshot()
    with pytest.raises(PermissionDenied, match="You do not have permission"):
        ADMIN_ONLY[operation](session)
    assert _snapshot() == before


@pytest.mark.parametrize("role", R.ROLES)
def test_gov1_backup_is_for_administrator_and_business_unit(signed_in, role, world):
    """GOV-1: taking a backup is allowed to the administrator and the business unit only."""
    session = signed_in(role)
    before = sorted(world.paths.backups.glob("backup-*"))
    if role in (R.ADMINISTRATOR, R.BUSINESS_UNIT):
        assert maintenance.backup_now(session).is_dir()
    else:
        with pytest.raises(PermissionDenied):
            maintenance.backup_now(session)
        assert sorted(world.paths.backups.glob("backup-*")) == before


@pytest.mark.parametrize("operation", sorted(ADMIN_ONLY))
def test_gov1_a_locked_administrator_session_is_refused(signed_in, operation):
    """GOV-1/AUTH-4: a locked session can do nothing, even as administrator."""
    session = signed_in(R.ADMINISTRATOR)
    auth.lock(session)
    before = _snapshot()
    with pytest.raises(PermissionDenied, match="locked"):
        ADMIN_ONLY[operation](session)
    assert _snapshot() == before


@pytest.mark.parametrize("role", R.ROLES)
def test_gov1_each_role_holds_exactly_the_keys_it_needs(signed_in, world, role):
    """GOV-1/ENC-3: a user's wrapped keys and open stores follow KEYS_FOR_ROLE exactly."""
    session = signed_in(role)
    expected = R.KEYS_FOR_ROLE[role]
    assert set(world.keys) == {"core", *expected}
    assert {n for n in stores.STORE_NAMES if stores.is_open(n)} == {"core", *expected}
    assert {g.store for g in KeyGrant.select().where(KeyGrant.user == session.user_id)} == expected


def test_gov1_record_and_return_domains():
    """GOV-1 matrix: record access and aggregate returns per role."""
    all_four = {"lado", "fostering", "cdop", "board"}
    assert R.record_domains({R.BUSINESS_UNIT}) == {"board"}
    assert R.return_domains({R.BUSINESS_UNIT}) == all_four
    assert R.record_domains({R.ADMINISTRATOR}) == frozenset()
    assert R.return_domains({R.ADMINISTRATOR}) == frozenset()
    assert R.record_domains({R.LADO_OFFICER}) == R.return_domains({R.LADO_OFFICER}) == {"lado"}
    assert R.record_domains({R.FOSTERING_WORKER}) == {"fostering"}
    assert R.record_domains({R.CDOP_COORDINATOR}) == {"cdop"}
    assert R.record_domains({R.LADO_OFFICER, R.FOSTERING_WORKER}) == {"lado", "fostering"}
    assert R.record_domains(set()) == R.return_domains(set()) == R.stores_for(set()) == frozenset()
    for role in R.ROLES:  # a role can only be given records whose store key it holds
        assert R.record_domains({role}) <= R.stores_for({role})
        assert R.return_domains({role}) <= R.stores_for({role})


@pytest.mark.parametrize("role", R.ROLES)
@pytest.mark.parametrize("domain", ["lado", "fostering", "cdop", "board"])
def test_gov1_require_records_matrix(role, domain):
    """GOV-1: require_records raises PermissionDenied exactly outside the matrix."""
    if domain in R.RECORD_ACCESS[role]:
        R.require_records({role}, domain)
    else:
        with pytest.raises(PermissionDenied):
            R.require_records({role}, domain)
    if domain in R.RETURN_ACCESS[role]:
        R.require_returns({role}, domain)
    else:
        with pytest.raises(PermissionDenied, match=f"run the {domain} return"):
            R.require_returns({role}, domain)


def test_gov1_unknown_or_empty_roles_are_refused(admin_session):
    """GOV-1: roles come from the fixed list; a user has at least one."""
    with pytest.raises(ValueError, match="Unknown role"):
        users.add_user(admin_session, "x1", ["superuser"])
    with pytest.raises(ValueError, match="at least one role"):
        users.add_user(admin_session, "x1", [])
    assert User.get_or_none(User.username == "x1") is None
