"""The LADO service: roles, audit with old/new values, optimistic locking, child rows,
closure, retention hold, deletion, redaction (AUD-4), and hypothesis on create_contact."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lado_factories import consultation, threshold_case

from hscb_desktop.core.validation import PermissionDenied, ValidationFailed
from hscb_desktop.domains.lado import service
from hscb_desktop.security import auth
from hscb_desktop.storage import audit, stores


def _entries(table="lado_contact", record_id=None, action=None):
    AuditEntry, _, _ = audit.models("lado")
    query = AuditEntry.select().order_by(AuditEntry.seq)
    rows = [e for e in query if e.record_table == table]
    if record_id is not None:
        rows = [e for e in rows if e.record_id == str(record_id)]
    return [e for e in rows if action is None or e.action == action]


def test_officer_creates_and_reads_with_audit(lado_session):
    cid = service.create_contact(lado_session, threshold_case())
    [created] = _entries(record_id=cid, action="create")
    assert created.user == "lado1" and "lado_officer" in created.roles
    _, new = audit.values_of("lado", created.seq)
    assert new["employer_name"] == "Oakfield Primary School" and new["subject_name"] == "Sam Taylor"
    record = service.get_contact(lado_session, cid)
    assert record["ref"] == "LADO-2017-0001" and record["version"] == 1
    assert record["abuse_category"] == ["physical"] and record["subject_dob"] == dt.date(
        1980, 5, 17
    )
    assert record["retention_review_date"] == dt.date(2047, 5, 17) and not record["dob_unknown"]
    assert len(_entries(record_id=cid, action="view")) == 1


@pytest.mark.parametrize("role", ["business_unit", "administrator", "fostering_worker"])
def test_other_roles_are_refused(session_for, role):
    session = session_for([role])
    with pytest.raises(PermissionDenied):
        service.create_contact(session, consultation())
    with pytest.raises(PermissionDenied):
        service.get_contact(session, 1)


def test_locked_session_is_refused(lado_session):
    auth.lock(lado_session)
    with pytest.raises(PermissionDenied, match="locked"):
        service.create_contact(lado_session, consultation())


def test_blocking_errors_refuse_the_save_warnings_do_not(lado_session):
    with pytest.raises(ValidationFailed) as info:
        service.create_contact(lado_session, threshold_case(abuse_category=[]))
    assert [p.field for p in info.value.problems if p.blocking] == ["abuse_category"]
    assert service.create_contact(lado_session, threshold_case(outcome="malicious")) > 0
    assert not _entries(action="create")[:-1]  # the refused save wrote nothing


def test_update_audits_old_and_new_values(lado_session):
    cid = service.create_contact(lado_session, consultation())
    version = service.update_contact(
        lado_session,
        cid,
        {"employer_name": "Oakfield Academy", "subject_role": "TA"},
        expected_version=1,
    )
    assert version == 2
    [entry] = _entries(record_id=cid, action="update")
    old, new = audit.values_of("lado", entry.seq)
    assert old == {"employer_name": "Oakfield Primary School", "subject_role": None}
    assert new == {"employer_name": "Oakfield Academy", "subject_role": "TA"}


def test_optimistic_locking_refuses_a_stale_version(lado_session):
    cid = service.create_contact(lado_session, consultation())
    service.update_contact(lado_session, cid, {"employer_name": "First"}, expected_version=1)
    with pytest.raises(service.StaleVersion, match="changed by someone else"):
        service.update_contact(lado_session, cid, {"employer_name": "Second"}, expected_version=1)
    assert service.get_contact(lado_session, cid)["employer_name"] == "First"


def test_upgrade_add_meeting_action_and_close(lado_session):
    cid = service.create_contact(
        lado_session, consultation(subject_named=True, subject_name="Sam Taylor")
    )
    v = service.update_contact(
        lado_session,
        cid,
        {
            "threshold_met": True,
            "abuse_category": ["physical", "emotional"],
            "harm_criteria": ["harmed_or_may_have_harmed"],
        },
        expected_version=1,
    )
    mid = service.add_meeting(
        lado_session, cid, {"meeting_type": "strategy_meeting", "meeting_date": dt.date(2017, 2, 3)}
    )
    service.update_meeting(lado_session, mid, {"notes": "police attended"})
    aid = service.add_action(
        lado_session, cid, {"action_type": "suspension", "action_date": dt.date(2017, 2, 3)}
    )
    with pytest.raises(ValidationFailed) as info:
        service.add_meeting(
            lado_session,
            cid,
            {"meeting_type": "strategy_meeting", "meeting_date": dt.date(2017, 1, 1)},
        )
    assert info.value.problems[0].field == "meeting_date"
    with pytest.raises(ValidationFailed) as info:
        service.close_case(
            lado_session,
            cid,
            date_closed=dt.date(2017, 2, 20),
            closure_reason="outcome_reached",
            expected_version=v,
        )
    assert "outcome" in {p.field for p in info.value.problems}
    v = service.close_case(
        lado_session,
        cid,
        date_closed=dt.date(2017, 2, 20),
        closure_reason="outcome_reached",
        outcome="unsubstantiated",
        outcome_date=dt.date(2017, 2, 20),
        expected_version=v,
    )
    record = service.get_contact(lado_session, cid)
    assert record["outcome"] == "unsubstantiated" and record["date_closed"] == dt.date(2017, 2, 20)
    assert [m["notes"] for m in record["meetings"]] == ["police attended"]
    assert [a["action_type"] for a in record["actions"]] == ["suspension"]
    assert _entries("lado_meeting", mid, "update") and _entries("lado_action", aid, "create")
    # A closed case changes only with a reason (AUD-1).
    with pytest.raises(ValidationFailed, match="reason"):
        service.update_contact(lado_session, cid, {"lessons_learned": "x"}, expected_version=v)
    service.update_contact(
        lado_session, cid, {"lessons_learned": "x"}, expected_version=v, reason="review"
    )
    service.delete_action(lado_session, aid)
    service.delete_meeting(lado_session, mid)
    assert service.get_contact(lado_session, cid)["meetings"] == []
    assert audit.verify("lado").ok


def test_references_run_per_year(lado_session):
    first = service.create_contact(lado_session, consultation())
    second = service.create_contact(lado_session, consultation())
    older = service.create_contact(lado_session, consultation(date_received=dt.date(2016, 12, 30)))
    refs = [service.get_contact(lado_session, i)["ref"] for i in (first, second, older)]
    assert refs == ["LADO-2017-0001", "LADO-2017-0002", "LADO-2016-0001"]
    with pytest.raises(ValidationFailed, match="already used"):
        service.create_contact(lado_session, consultation(ref="LADO-2017-0001"))


def test_retention_hold_is_audited_and_needs_a_reason(lado_session):
    cid = service.create_contact(lado_session, consultation())
    with pytest.raises(ValidationFailed):
        service.set_retention_hold(lado_session, cid, True, " ")
    service.set_retention_hold(lado_session, cid, True, "IICSA")
    record = service.get_contact(lado_session, cid)
    assert record["retention_hold"] and record["retention_hold_reason"] == "IICSA"
    [entry] = _entries(record_id=cid, action="retention_hold")
    assert entry.reason == "IICSA"


def test_delete_needs_a_reason_and_is_audited(lado_session):
    cid = service.create_contact(lado_session, threshold_case())
    with pytest.raises(ValidationFailed):
        service.delete_contact(lado_session, cid, "")
    service.delete_contact(lado_session, cid, "retention review: past review date")
    with pytest.raises(service.RecordMissing):
        service.get_contact(lado_session, cid)
    [entry] = _entries(record_id=cid, action="delete")
    assert entry.reason.startswith("retention review")
    assert audit.values_of("lado", _entries(record_id=cid, action="create")[0].seq) == (None, None)
    assert audit.verify("lado").ok


def _all_text(store: str) -> str:
    db = stores.proxy(store)
    tables = db.get_tables()  # either engine's tables
    return "\n".join(repr(row) for t in tables for row in db.execute_sql(f'SELECT * FROM "{t}"'))


def test_redacting_a_malicious_allegation_keeps_the_chain(lado_session):
    secret = "Alleged he shouted at pupil XQZ in the hall"
    cid = service.create_contact(lado_session, threshold_case(allegation_details=secret))
    service.update_contact(
        lado_session, cid, {"allegation_details": secret + " twice"}, expected_version=1
    )
    with pytest.raises(ValidationFailed, match="malicious or false"):
        service.redact_malicious(lado_session, cid, "KCSIE")
    v = service.get_contact(lado_session, cid)["version"]
    service.update_contact(lado_session, cid, {"outcome": "malicious"}, expected_version=v)
    assert "XQZ" in _all_text("lado")
    service.redact_malicious(lado_session, cid, "Found malicious: KCSIE removal")
    assert "XQZ" not in _all_text("lado")
    record = service.get_contact(lado_session, cid)
    assert record["redacted"] and record["allegation_details"] is None
    report = audit.verify("lado")
    assert report.ok and report.redacted >= 2
    assert _entries(table="", action="redact")


def test_related_contacts_by_subject_and_employer(lado_session):
    first = service.create_contact(
        lado_session, threshold_case(date_received=dt.date(2016, 5, 2), date_allegation_known=None)
    )
    same = service.create_contact(
        lado_session,
        threshold_case(
            subject_name="  sam   TAYLOR ",
            employer_name="Elm Nursery",
            employment_sector="early_years_pvi",
        ),
    )
    other_dob = service.create_contact(
        lado_session,
        threshold_case(subject_dob=dt.date(1981, 5, 17), employer_name="oakfield primary  school."),
    )
    anonymous = service.create_contact(lado_session, consultation(employer_name="Birch Academy"))
    related = service.related_contacts(lado_session, same)
    assert related == {"subject": [first], "employer": []}
    assert service.related_contacts(lado_session, other_dob) == {"subject": [], "employer": [first]}
    assert service.related_contacts(lado_session, anonymous) == {"subject": [], "employer": []}


# Hypothesis: the service answers bad input with ValidationFailed, never anything else.
ANY = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 10**6),
    st.text(max_size=25),
    st.dates(dt.date(1900, 1, 1), dt.date(2030, 1, 1)),
    st.lists(st.sampled_from(["physical", "sexual", "x"]), max_size=2),
    st.sampled_from(["substantiated", "not_applicable_consultation", "police", "education_school"]),
)
KEYS = [
    "date_received",
    "employer_name",
    "employment_sector",
    "threshold_met",
    "outcome",
    "date_closed",
    "abuse_category",
    "harm_criteria",
    "subject_name",
    "subject_dob",
    "child_count",
    "ref",
    "referral_source_type",
    "outcome_date",
    "date_allegation_known",
    "subject_named",
    "setting_type",
]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    changes=st.dictionaries(st.sampled_from(KEYS), ANY, max_size=5),
    base=st.sampled_from([consultation(), threshold_case()]),
)
def test_create_contact_only_answers_with_validation(lado_session, changes, base):
    try:
        cid = service.create_contact(lado_session, {**base, **changes})
    except ValidationFailed as exc:
        assert exc.problems and any(p.blocking for p in exc.problems)
    else:
        assert service.get_contact(lado_session, cid)["id"] == cid


def test_a_held_record_cannot_be_deleted(lado_session):
    cid = service.create_contact(lado_session, consultation())
    service.set_retention_hold(lado_session, cid, True, "litigation")
    with pytest.raises(ValidationFailed, match="retention hold"):
        service.delete_contact(lado_session, cid, "review")
    service.set_retention_hold(lado_session, cid, False, "litigation ended")
    service.delete_contact(lado_session, cid, "review")


def test_bulk_create_refuses_duplicate_refs_and_invalid_rows(lado_session):
    with pytest.raises(ValidationFailed, match="Record 2"):
        service.bulk_create(lado_session, [consultation(), consultation(employer_name="")])
    with pytest.raises(ValidationFailed, match="already used or repeated"):
        service.bulk_create(
            lado_session, [consultation(ref="LADO-X-1"), consultation(ref="LADO-X-1")]
        )
    ids = service.bulk_create(lado_session, [consultation(), threshold_case()])
    assert [service.get_contact(lado_session, i)["ref"] for i in ids] == [
        "LADO-2017-0001",
        "LADO-2017-0002",
    ]
    assert service.get_contact(lado_session, ids[1])["subject_name"] == "Sam Taylor"
    assert audit.verify("lado").ok


def test_check_reports_warnings_for_the_form(lado_session):
    late = consultation(date_allegation_known=dt.date(2017, 1, 20))
    [problem] = service.check(lado_session, late)
    assert problem.field == "date_received" and not problem.blocking
    cid = service.create_contact(lado_session, late)  # warnings never block
    assert service.check(lado_session, {**late, "date_received": None}, cid)[0].blocking



def test_references_keep_counting_past_9999_in_a_year(lado_session):
    """'LADO-2016-10000' sorts before 'LADO-2016-9999' as text; numbering must not stall."""
    day = dt.date(2016, 9, 1)
    service.create_contact(lado_session, consultation(ref="LADO-2016-9999", date_received=day))
    assert service.next_ref(2016) == "LADO-2016-10000"
    service.create_contact(lado_session, consultation(date_received=day))
    assert service.next_ref(2016) == "LADO-2016-10001"
