"""The private fostering service: roles, audit with old/new values, identity in its own
tables, optimistic locking, an enquiry walked through to an ended arrangement with visits,
and hypothesis on the saves."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pf_factories import arrangement, enquiry, notification, visit

from hscb_desktop.core.validation import PermissionDenied, ValidationFailed
from hscb_desktop.domains.fostering import service
from hscb_desktop.domains.fostering.models import (
    PfCarer,
    PfChild,
    PfEnquiry,
    PfNotification,
)
from hscb_desktop.security import auth
from hscb_desktop.storage import audit

D = dt.date


def _entries(table=None, record_id=None, action=None):
    AuditEntry, _, _ = audit.models("fostering")
    rows = list(AuditEntry.select().order_by(AuditEntry.seq))
    return [
        e
        for e in rows
        if (table is None or e.record_table == table)
        and (record_id is None or e.record_id == str(record_id))
        and (action is None or e.action == action)
    ]


def _blocking(exc_info):
    return [p.field for p in exc_info.value.problems if p.blocking]


# -- roles -------------------------------------------------------------------------------------


def test_fostering_worker_may_work_on_records(pf_session):
    eid = service.create_enquiry(pf_session, enquiry())
    assert service.get_enquiry(pf_session, eid)["ref"] == "PFE-2017-0001"
    assert service.due_list(pf_session) == []


@pytest.mark.parametrize(
    "role", ["lado_officer", "business_unit", "administrator", "cdop_coordinator"]
)
def test_other_roles_are_refused_every_record_service(pf_session_for, role):
    session = pf_session_for([role])
    calls = [
        lambda: service.create_enquiry(session, enquiry()),
        lambda: service.get_enquiry(session, 1),
        lambda: service.update_enquiry(session, 1, {}, 1),
        lambda: service.create_notification(session, notification()),
        lambda: service.get_notification(session, 1),
        lambda: service.update_notification(session, 1, {}, 1),
        lambda: service.record_arrangement(session, 1, arrangement()),
        lambda: service.get_arrangement(session, 1),
        lambda: service.update_arrangement(session, 1, {}, 1),
        lambda: service.end_arrangement(
            session, 1, end_date=D(2017, 2, 1), end_reason="other", expected_version=1
        ),
        lambda: service.add_visit(session, 1, visit()),
        lambda: service.update_visit(session, 1, visit()),
        lambda: service.delete_visit(session, 1),
        lambda: service.due_list(session),
        lambda: service.check_enquiry(session, enquiry()),
        lambda: service.check_notification(session, notification()),
        lambda: service.check_arrangement(session, arrangement(), notification_id=1),
        lambda: service.bulk_create(session, [notification()]),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied):
            call()


def test_locked_session_is_refused(pf_session):
    auth.lock(pf_session)
    with pytest.raises(PermissionDenied, match="locked"):
        service.create_enquiry(pf_session, enquiry())


# -- enquiries ---------------------------------------------------------------------------------


def test_enquiry_create_update_with_audit_and_versions(pf_session):
    eid = service.create_enquiry(pf_session, enquiry(enquirer_name="Ms Sample"))
    [created] = _entries("pf_enquiry", eid, "create")
    assert created.user == "pf1" and "fostering_worker" in created.roles
    version = service.update_enquiry(
        pf_session,
        eid,
        {"outcome": "referred_to_other_la", "other_la_name": "Luton Borough Council"},
        1,
    )
    assert version == 2
    [entry] = _entries("pf_enquiry", eid, "update")
    old, new = audit.values_of("fostering", entry.seq)
    assert old == {"outcome": None, "other_la_name": None}
    assert new == {"outcome": "referred_to_other_la", "other_la_name": "Luton Borough Council"}
    with pytest.raises(service.StaleVersion):
        service.update_enquiry(pf_session, eid, {"notes": "late"}, 1)
    with pytest.raises(ValidationFailed) as info:
        service.update_enquiry(pf_session, eid, {"other_la_name": ""}, 2)
    assert _blocking(info) == ["other_la_name"]
    record = service.get_enquiry(pf_session, eid)
    assert record["version"] == 2 and record["other_la_name"] == "Luton Borough Council"
    assert len(_entries("pf_enquiry", eid, "view")) == 1


def test_enquiry_outcome_became_notification_only_through_the_notification(pf_session):
    with pytest.raises(ValidationFailed):
        service.create_enquiry(pf_session, enquiry(outcome="became_notification"))
    eid = service.create_enquiry(pf_session, enquiry())
    with pytest.raises(ValidationFailed):
        service.update_enquiry(pf_session, eid, {"outcome": "became_notification"}, 1)
    nid = service.create_notification(pf_session, notification(), enquiry_id=eid)
    record = service.get_enquiry(pf_session, eid)
    assert record["outcome"] == "became_notification" and record["notification_id"] == nid
    assert record["version"] == 2
    assert service.get_notification(pf_session, nid)["enquiry_id"] == eid
    with pytest.raises(ValidationFailed):  # the link stands
        service.update_enquiry(pf_session, eid, {"outcome": "advice_only"}, 2)
    with pytest.raises(ValidationFailed):  # one notification per enquiry
        service.create_notification(pf_session, notification(), enquiry_id=eid)
    [link] = _entries("pf_enquiry", eid, "update")
    assert link.reason == "became a notification"


def test_refused_saves_write_nothing(pf_session):
    before = len(_entries())
    with pytest.raises(ValidationFailed) as info:
        service.create_enquiry(pf_session, enquiry(outcome="not_private_fostering"))
    assert _blocking(info) == ["not_pf_reason"]
    with pytest.raises(ValidationFailed):
        service.create_notification(pf_session, notification(child_date_of_birth=D(2000, 1, 1)))
    assert len(_entries()) == before
    assert not PfChild.select().exists() and not PfEnquiry.select().exists()


# -- notifications -----------------------------------------------------------------------------


def test_notification_keeps_identity_in_its_own_tables(pf_session):
    nid = service.create_notification(pf_session, notification())
    row = PfNotification.get_by_id(nid)
    assert not any("name" in f for f in PfNotification._meta.fields)
    assert PfChild.get_by_id(row.child_id).name == "Kit Example"
    assert PfCarer.get_by_id(row.carer_id).name == "Remy Sample"
    record = service.get_notification(pf_session, nid)
    assert record["ref"] == "PF-2017-0001" and record["child_name"] == "Kit Example"
    assert record["carer_name"] == "Remy Sample" and record["progressed"] is None
    # Notified 1 Feb for a start on 20 Feb by the carer: under 6 weeks' notice.
    assert record["notice_given_in_time"] == "no"
    [created] = _entries("pf_notification", nid, "create")
    _, new = audit.values_of("fostering", created.seq)
    assert new["child_name"] == "Kit Example" and new["notice_given_in_time"] == "no"


def test_notification_update_changes_child_and_carer_and_recomputes_notice(pf_session):
    nid = service.create_notification(pf_session, notification())
    version = service.update_notification(
        pf_session,
        nid,
        {
            "intended_start_date": D(2017, 3, 20),
            "child_name": "Kit Sample-Example",
            "carer_phone": "01234 000000",
        },
        1,
    )
    assert version == 2
    record = service.get_notification(pf_session, nid)
    assert record["notice_given_in_time"] == "yes"  # 47 days before
    assert record["child_name"] == "Kit Sample-Example" and record["carer_phone"] == "01234 000000"
    [entry] = _entries("pf_notification", nid, "update")
    old, new = audit.values_of("fostering", entry.seq)
    assert old["child_name"] == "Kit Example" and new["notice_given_in_time"] == "yes"
    with pytest.raises(service.StaleVersion):
        service.update_notification(pf_session, nid, {"notes": "x"}, 1)


def test_notification_that_did_not_progress(pf_session):
    nid = service.create_notification(pf_session, notification())
    with pytest.raises(ValidationFailed) as info:
        service.update_notification(pf_session, nid, {"progressed": False}, 1)
    assert _blocking(info) == ["not_progressed_reason"]
    service.update_notification(
        pf_session, nid, {"progressed": False, "not_progressed_reason": "child_returned_home"}, 1
    )
    with pytest.raises(ValidationFailed, match="not progressing"):
        service.record_arrangement(pf_session, nid, arrangement())
    with pytest.raises(ValidationFailed):
        service.create_notification(pf_session, notification(progressed=True))


# -- arrangements and visits -------------------------------------------------------------------


def test_arrangement_rules_block_the_save(pf_session):
    nid = service.create_notification(pf_session, notification())
    with pytest.raises(ValidationFailed) as info:
        service.record_arrangement(pf_session, nid, arrangement(carer_relationship="grandparent"))
    assert _blocking(info) == ["carer_relationship"]
    assert "Not a private fostering arrangement" in info.value.problems[0].message
    with pytest.raises(ValidationFailed) as info:
        service.record_arrangement(pf_session, nid, arrangement(initial_visit_date=D(2017, 1, 20)))
    assert _blocking(info) == ["initial_visit_date"]
    aid = service.record_arrangement(pf_session, nid, arrangement())
    with pytest.raises(ValidationFailed, match="already has an arrangement"):
        service.record_arrangement(pf_session, nid, arrangement())
    # Making the child too old afterwards is refused on the notification too.
    with pytest.raises(ValidationFailed) as info:
        service.update_notification(pf_session, nid, {"child_date_of_birth": D(2000, 1, 1)}, 2)
    assert "child_date_of_birth" in _blocking(info)
    assert service.get_arrangement(pf_session, aid)["version"] == 1


def test_an_enquiry_walked_through_to_an_ended_arrangement(pf_session):
    eid = service.create_enquiry(pf_session, enquiry(date_received=D(2017, 1, 30)))
    nid = service.create_notification(pf_session, notification(), enquiry_id=eid)
    problems = service.check_arrangement(pf_session, arrangement(), notification_id=nid)
    assert problems == []
    aid = service.record_arrangement(pf_session, nid, arrangement())
    note = service.get_notification(pf_session, nid)
    assert note["progressed"] is True and note["arrangement_id"] == aid and note["version"] == 2
    record = service.get_arrangement(pf_session, aid)
    assert record["la_aware_date"] == D(2017, 2, 1)  # defaults to the notification date
    assert record["reasons"] == ["from_abroad_for_education"] and record["ref"] == "PF-2017-0001"
    assert record["notification"]["child_name"] == "Kit Example"

    vid = service.add_visit(pf_session, aid, visit(visit_date=D(2017, 2, 8)))
    assert service.get_arrangement(pf_session, aid)["version"] == 2  # initial visit filled in
    with pytest.raises(ValidationFailed) as info:
        service.add_visit(
            pf_session, aid, visit(visit_type="statutory_reg8", visit_date=D(2017, 2, 10))
        )
    assert _blocking(info) == ["visit_date"]  # before the child moved in
    reg8 = service.add_visit(
        pf_session, aid, visit(visit_type="statutory_reg8", visit_date=D(2017, 2, 27))
    )
    service.update_visit(pf_session, reg8, {"report_written_date": D(2017, 2, 28)})
    service.update_arrangement(
        pf_session,
        aid,
        {
            "assessment_completed_date": D(2017, 2, 27),
            "assessment_outcome": "suitable",
            "dbs_carer_date": D(2017, 2, 10),
            "reasons": ["from_abroad_for_education", "other"],
        },
        expected_version=2,
    )
    with pytest.raises(ValidationFailed) as info:  # a visit falls after this end
        service.end_arrangement(
            pf_session,
            aid,
            end_date=D(2017, 2, 25),
            end_reason="returned_to_parent",
            expected_version=3,
        )
    assert _blocking(info) == ["visit_date"]
    version = service.end_arrangement(
        pf_session,
        aid,
        end_date=D(2017, 2, 28),
        end_reason="returned_abroad",
        end_notified_by="Carer",
        expected_version=3,
    )
    assert version == 4
    with pytest.raises(ValidationFailed, match="reason"):
        service.update_arrangement(pf_session, aid, {"notes": "late note"}, 4)
    service.update_arrangement(pf_session, aid, {"notes": "late note"}, 4, reason="typo")
    service.delete_visit(pf_session, vid)
    record = service.get_arrangement(pf_session, aid)
    assert record["end_reason"] == "returned_abroad" and record["due"] == []
    assert [v["visit_type"] for v in record["visits"]] == ["statutory_reg8"]
    assert record["reasons"] == ["from_abroad_for_education", "other"]
    actions = [(e.record_table, e.action) for e in _entries() if e.action != "view"]
    assert ("pf_arrangement", "end") in actions and ("pf_visit", "delete") in actions
    assert audit.verify("fostering").ok


def test_update_arrangement_is_optimistically_locked(pf_session):
    nid = service.create_notification(pf_session, notification())
    aid = service.record_arrangement(pf_session, nid, arrangement())
    service.update_arrangement(pf_session, aid, {"pnc_date": D(2017, 2, 21)}, 1)
    with pytest.raises(service.StaleVersion, match="changed by someone else"):
        service.update_arrangement(pf_session, aid, {"pnc_date": D(2017, 2, 22)}, 1)
    assert service.update_arrangement(pf_session, aid, {}, 2) == 2  # nothing changed


def test_missing_records_are_reported_not_crashed(pf_session):
    with pytest.raises(service.RecordMissing):
        service.get_arrangement(pf_session, 99)
    with pytest.raises(service.RecordMissing):
        service.update_visit(pf_session, 99, visit())
    with pytest.raises(service.RecordMissing):
        service.get_notification(pf_session, "1")


def test_bulk_create_validates_and_links(pf_session):
    with pytest.raises(ValidationFailed, match="Notification 2"):
        service.bulk_create(
            pf_session, [notification(), notification(child_date_of_birth=D(1990, 1, 1))]
        )
    counts = service.bulk_create(
        pf_session,
        [
            notification(
                enquiry=enquiry(date_received=D(2017, 1, 31)),
                arrangement={**arrangement(), "visits": [visit()]},
            )
        ],
        [enquiry(outcome="advice_only")],
    )
    assert counts == {"enquiries": 2, "notifications": 1, "arrangements": 1, "visits": 1}
    record = service.get_arrangement(pf_session, 1)
    assert record["initial_visit_date"] == D(2017, 2, 8) and record["ref"] == "PF-2017-0001"
    assert service.get_notification(pf_session, 1)["progressed"] is True
    linked = [e for e in PfEnquiry.select() if e.notification_id == 1]
    assert len(linked) == 1 and linked[0].outcome == "became_notification"
    assert service.create_notification(pf_session, notification()) == 2
    assert service.get_notification(pf_session, 2)["ref"] == "PF-2017-0002"
    assert audit.verify("fostering").ok


# -- hypothesis: any data gives a record or a ValidationFailed, nothing else ------------------

ANY = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-5, max_value=500),
    st.text(max_size=12),
    st.dates(min_value=D(1995, 1, 1), max_value=D(2018, 1, 1)),
    st.sampled_from(
        [
            "grandparent",
            "family_friend",
            "2017-02-10",
            "statutory_reg8",
            "emergency_placement",
            "other",
        ]
    ),
)
NOTE_KEYS = list(notification()) + ["progressed", "not_progressed_reason", "child_disabled"]
PLAN_KEYS = list(arrangement()) + [
    "la_aware_date",
    "initial_visit_date",
    "end_date",
    "end_reason",
    "assessment_completed_date",
]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    note=st.dictionaries(st.sampled_from(NOTE_KEYS), ANY, max_size=4),
    plan=st.dictionaries(st.sampled_from(PLAN_KEYS), ANY, max_size=4),
)
def test_saves_only_answer_with_validation(pf_session, note, plan):
    try:
        nid = service.create_notification(pf_session, {**notification(), **note})
    except ValidationFailed as exc:
        assert exc.problems and all(p.blocking for p in exc.problems)
        return
    try:
        aid = service.record_arrangement(pf_session, nid, {**arrangement(), **plan})
    except ValidationFailed as exc:
        assert exc.problems and all(p.blocking for p in exc.problems)
    else:
        assert service.get_arrangement(pf_session, aid)["notification_id"] == nid
