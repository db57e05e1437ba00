"""Issue 11: what changed since a form loaded a record, and who saved it (the plain data
behind the conflict view), on the embedded store and on the server."""
from __future__ import annotations

import datetime as dt

from hscb_desktop.domains import history
from hscb_desktop.domains.lado import service as lado
from hscb_desktop.security import auth


def _contact(session) -> int:
    return lado.create_contact(session, {
        "date_received": dt.date(2017, 2, 1), "referral_source_type": "employer_dsl",
        "employer_name": "Oakfield Primary School", "employment_sector": "education_school",
        "setting_type": "primary_school", "threshold_met": False, "subject_named": False,
        "referrer_name": "Jo Bloggs",
    })


def test_each_change_is_attributed_to_whoever_saved_it_last(workspace, make_user, clock):
    a = auth.sign_in(workspace, "lado1", make_user("lado1", ["lado_officer"]))
    b = auth.sign_in(workspace, "lado2", make_user("lado2", ["lado_officer"]))
    cid = _contact(a)
    started = lado.get_contact(b, cid)  # what user B's form loaded
    clock.advance(minutes=5)
    lado.update_contact(a, cid, {"employer_name": "Oakfield Academy"}, 1)
    clock.advance(minutes=5)
    lado.update_contact(b, cid, {"referrer_name": "Jo Smith"}, 2)
    clock.advance(minutes=5)
    lado.update_contact(a, cid, {"referrer_name": "Jo Smyth"}, 3)

    conflict = lado.contact_changes(b, cid, started, ["employer_name", "referrer_name",
                                                      "subject_role", "version"])
    assert conflict.version == 4 and conflict.stored["referrer_name"] == "Jo Smyth"
    assert conflict.last_user == "lado1"
    changes = {c.field: c for c in conflict.changes}
    assert set(changes) == {"employer_name", "referrer_name"}  # version is bookkeeping
    employer, referrer = changes["employer_name"], changes["referrer_name"]
    assert (employer.started, employer.stored, employer.user) == (
        "Oakfield Primary School", "Oakfield Academy", "lado1")
    assert employer.at == dt.datetime(2017, 3, 1, 9, 5, tzinfo=dt.timezone.utc)
    # Changed twice since: the latest save is the one that counts.
    assert (referrer.stored, referrer.user) == ("Jo Smyth", "lado1")
    assert referrer.at == dt.datetime(2017, 3, 1, 9, 15, tzinfo=dt.timezone.utc)


def test_blank_equals_none_and_list_order_does_not_count():
    assert history.same(None, "") and history.same(["b", "a"], ["a", "b"])
    assert not history.same("x", None) and not history.same([1], [1, 2])
