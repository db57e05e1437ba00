"""The CDOP service: role checks (GOV-1), audit of every write and view (AUD-1), identity in
its own table, optimistic locking, agency reports, meetings and agendas, reviews with
their suggestions, the panel pack without identity, deletion, and hypothesis on saves."""

from __future__ import annotations

import datetime as dt

import pytest
from cdop_factories import NHS_A, NHS_B, NHS_C, notification, report, review, unexpected_infant
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hscb_desktop.core.validation import PermissionDenied, ValidationFailed
from hscb_desktop.domains.cdop import queries, records, service
from hscb_desktop.domains.cdop.models import ChildDeath, ChildIdentity
from hscb_desktop.security import auth
from hscb_desktop.storage import audit, stores


def _entries(table="cdop_child_death", record_id=None, action=None):
    AuditEntry, _, _ = audit.models("cdop")
    rows = [e for e in AuditEntry.select().order_by(AuditEntry.seq) if e.record_table == table]
    if record_id is not None:
        rows = [e for e in rows if e.record_id == str(record_id)]
    return [e for e in rows if action is None or e.action == action]


def test_coordinator_creates_and_reads_with_audit(cdop_session):
    did = service.create_death(
        cdop_session, notification(nhs_number=f"{NHS_A[:3]} {NHS_A[3:6]} {NHS_A[6:]}")
    )
    [created] = _entries(record_id=did, action="create")
    assert created.user == "cdop1" and "cdop_coordinator" in created.roles
    _, new = audit.values_of("cdop", created.seq)
    assert new["family_name"] == "Zedfictional" and new["nhs_number"] == NHS_A
    record = service.get_death(cdop_session, did)
    assert record["cdop_ref"] == "CDOP-2017-001" and record["version"] == 1
    assert record["home_postcode"] == "ZZ1 1ZZ" and record["nhs_number"] == NHS_A
    assert (record["age_days"], record["age_years"], record["age_band"]) == (799, 2, "1_4_years")
    assert record["notification_complete"] and record["notification_gaps"] == []
    assert record["status"] == "open" and record["review"] is None and record["reports"] == []
    assert len(_entries(record_id=did, action="view")) == 1


def test_identity_lives_in_its_own_table(cdop_session):
    did = service.create_death(cdop_session, notification())
    columns = set(ChildDeath._meta.fields)
    assert not columns & {
        "forenames",
        "family_name",
        "nhs_number",
        "date_of_birth",
        "home_postcode",
    }
    identity = ChildIdentity.get(ChildIdentity.death == did)
    assert (identity.forenames, identity.nhs_number) == ("Poppy", NHS_A)


ROLES_REFUSED = ["lado_officer", "fostering_worker", "business_unit", "administrator"]


@pytest.mark.parametrize("role", ROLES_REFUSED)
def test_other_roles_are_refused_record_work(cdop_session, session_for, role):
    did = service.create_death(cdop_session, notification())
    mid = service.create_meeting(cdop_session, {"meeting_date": dt.date(2017, 2, 20)})
    session = session_for([role])
    for call in (
        lambda: service.create_death(session, notification(nhs_number=NHS_C)),
        lambda: service.get_death(session, did),
        lambda: service.update_death(session, did, {"sex": "male"}, 1),
        lambda: service.check_death(session, notification()),
        lambda: service.add_report(session, did, report()),
        lambda: service.create_meeting(session, {"meeting_date": dt.date(2017, 2, 1)}),
        lambda: service.add_to_agenda(session, mid, did),
        lambda: service.save_review(session, did, review()),
        lambda: service.get_review(session, did),
        lambda: service.panel_pack(session, mid),
        lambda: service.delete_death(session, did, "x"),
        lambda: queries.case_list(session),
        lambda: queries.open_cases(session),
    ):
        with pytest.raises(PermissionDenied):
            call()


def test_locked_session_is_refused(cdop_session):
    auth.lock(cdop_session)
    with pytest.raises(PermissionDenied, match="locked"):
        service.create_death(cdop_session, notification())


def test_errors_refuse_the_save_warnings_do_not(cdop_session):
    with pytest.raises(ValidationFailed) as info:
        service.create_death(cdop_session, notification(live_born=False))
    assert [p.field for p in info.value.problems] == ["live_born"]
    with pytest.raises(ValidationFailed):
        service.create_death(cdop_session, notification(nhs_number="9434765918"))
    assert not _entries(action="create")
    first = service.create_death(cdop_session, notification())
    # The same NHS number again: a warning naming the first case, which does not block.
    [warning] = service.check_death(cdop_session, notification(forenames="Poppie"))
    assert (
        warning.field == "nhs_number"
        and not warning.blocking
        and "CDOP-2017-001" in warning.message
    )
    assert service.same_nhs_number(cdop_session, NHS_A) == ["CDOP-2017-001"]
    second = service.create_death(cdop_session, notification(forenames="Poppie"))
    assert service.get_death(cdop_session, second)["duplicates"] == ["CDOP-2017-001"]
    assert service.get_death(cdop_session, first)["duplicates"] == ["CDOP-2017-002"]
    assert service.check_death(cdop_session, {}, first) == [
        warning.__class__(
            "nhs_number",
            warning.message.replace("CDOP-2017-001", "CDOP-2017-002"),
            warning.severity,
        )
    ]


def test_update_audits_old_and_new_and_refuses_a_stale_version(cdop_session):
    did = service.create_death(cdop_session, notification())
    version = service.update_death(
        cdop_session, did, {"family_name": "Zedfictionale", "ethnicity": "WIRI"}, expected_version=1
    )
    assert version == 2
    [entry] = _entries(record_id=did, action="update")
    assert audit.values_of("cdop", entry.seq) == (
        {"ethnicity": "WBRI", "family_name": "Zedfictional"},
        {"ethnicity": "WIRI", "family_name": "Zedfictionale"},
    )
    with pytest.raises(service.StaleVersion, match="changed by someone else"):
        service.update_death(cdop_session, did, {"sex": "male"}, expected_version=1)
    assert service.update_death(cdop_session, did, {"sex": "female"}, expected_version=2) == 2
    with pytest.raises(ValidationFailed):
        service.update_death(cdop_session, did, {"date_of_death": dt.date(2014, 1, 1)}, 2)
    with pytest.raises(service.RecordMissing):
        service.update_death(cdop_session, 999, {"sex": "male"}, 1)


def test_references_run_per_year_of_notification(cdop_session):
    a = service.create_death(cdop_session, notification())
    b = service.create_death(
        cdop_session,
        notification(
            nhs_number=NHS_C,
            date_of_death=dt.date(2016, 12, 30),
            notification_date=dt.date(2016, 12, 31),
        ),
    )
    c = service.create_death(cdop_session, notification(nhs_number=None))
    refs = [service.get_death(cdop_session, i)["cdop_ref"] for i in (a, b, c)]
    assert refs == ["CDOP-2017-001", "CDOP-2016-001", "CDOP-2017-002"]
    with pytest.raises(ValidationFailed, match="already used"):
        service.create_death(cdop_session, notification(cdop_ref="CDOP-2017-001"))


def test_reports_meetings_agenda_and_review_to_a_closed_case(cdop_session):
    did = service.create_death(cdop_session, unexpected_infant())
    assert queries.awaiting_reports(cdop_session) == [did]
    rid = service.add_report(
        cdop_session, did, report(received_date=None, mode_of_death="found_dead_or_collapsed")
    )
    assert (
        queries.awaiting_reports(cdop_session) == [did]
        and queries.ready_for_panel(cdop_session) == []
    )
    service.update_report(cdop_session, rid, {"received_date": dt.date(2017, 1, 30)})
    assert queries.awaiting_reports(cdop_session) == [] and queries.ready_for_panel(
        cdop_session
    ) == [did]
    [got] = service.get_death(cdop_session, did)["reports"]
    assert (
        got["received_date"] == dt.date(2017, 1, 30)
        and got["mode_of_death"] == "found_dead_or_collapsed"
    )

    mid = service.create_meeting(
        cdop_session, {"meeting_date": dt.date(2017, 2, 20), "quorate": True}
    )
    service.add_to_agenda(cdop_session, mid, did)
    service.add_to_agenda(cdop_session, mid, did)  # twice is once
    assert [a["death_id"] for a in service.get_meeting(cdop_session, mid)["agenda"]] == [did]

    # The panel ticks two categories; the higher is suggested; SUDI is suggested from the
    # age (96 days), unexpected, and sudden (the report: found dead).
    draft = {"categories_applicable": ["sudden_unexpected_unexplained", "infection"]}
    assert service.suggestions(cdop_session, did, draft) == {
        "category": "infection",
        "sudden": True,
        "sudi": True,
    }
    v = service.save_review(
        cdop_session, did, {**draft, "panel_meeting_id": mid, "review_completed_date": None}
    )
    assert v == 1
    rv = service.get_review(cdop_session, did)
    assert rv["sudi_suggested"] and rv["sudi"] and rv["status"] == "in progress"
    assert rv["suggested_category"] == "infection"
    with pytest.raises(ValidationFailed) as info:
        service.save_review(cdop_session, did, {"review_completed_date": dt.date(2017, 2, 20)}, v)
    assert {p.field for p in info.value.problems} == {"modifiable_factors", "category_of_death"}
    v = service.save_review(
        cdop_session,
        did,
        {
            "review_completed_date": dt.date(2017, 2, 20),
            "category_of_death": "infection",
            "modifiable_factors": "yes",
            "modifiable_factors_text": "Unsafe sleep",
            "co_sleeping": "yes",
            "factors": ["co_sleeping", "smoking_in_household"],
            "sudi": False,  # the panel overrides the suggestion
        },
        v,
    )
    rv = service.get_review(cdop_session, did)
    assert rv["sudi_suggested"] and not rv["sudi"] and rv["status"] == "complete"
    assert rv["factors"] == ["smoking_in_household", "co_sleeping"]  # checklist order
    assert service.get_death(cdop_session, did)["status"] == "reviewed"
    assert queries.ready_for_panel(cdop_session) == [] and queries.open_cases(cdop_session) == []
    # A completed review, and a reviewed case, change only with a reason (AUD-1).
    with pytest.raises(ValidationFailed, match="reason"):
        service.save_review(cdop_session, did, {"recommendations": "Safe sleep campaign"}, v)
    v = service.save_review(
        cdop_session, did, {"recommendations": "Safe sleep campaign"}, v, reason="panel minutes"
    )
    with pytest.raises(ValidationFailed, match="reason"):
        service.update_death(cdop_session, did, {"ethnicity": "WOTH"}, 1)
    service.update_death(cdop_session, did, {"ethnicity": "WOTH"}, 1, reason="corrected")
    # the death's dates must still fit the review
    with pytest.raises(ValidationFailed):
        service.update_death(
            cdop_session, did, {"notification_date": dt.date(2017, 2, 21)}, 2, reason="x"
        )
    with pytest.raises(ValidationFailed, match="completed this case's review"):
        service.remove_from_agenda(cdop_session, mid, did)
    with pytest.raises(ValidationFailed, match="move them first"):
        service.delete_meeting(cdop_session, mid)
    with pytest.raises(service.StaleVersion):
        service.save_review(cdop_session, did, {"recommendations": "x"}, 1, reason="r")
    assert _entries("cdop_review", rv["id"], "update") and _entries("cdop_agenda_item")
    assert [m["reviews_completed"] for m in service.list_meetings(cdop_session, "2016-17")] == [1]
    assert audit.verify("cdop").ok


def test_sudi_suggestion_follows_the_reports_unless_overridden(cdop_session):
    did = service.create_death(cdop_session, unexpected_infant())
    service.save_review(cdop_session, did, {"review_completed_date": None})
    assert not service.get_review(cdop_session, did)["sudi"]  # nothing says sudden yet
    rid = service.add_report(cdop_session, did, report(mode_of_death="found_dead_or_collapsed"))
    rv = service.get_review(cdop_session, did)
    assert rv["sudi_suggested"] and rv["sudi"]
    service.update_report(cdop_session, rid, {"mode_of_death": "witnessed_event"})
    rv = service.get_review(cdop_session, did)
    assert not rv["sudi_suggested"] and not rv["sudi"]
    service.save_review(cdop_session, did, {"sudi": True}, rv["version"])  # override
    service.delete_report(cdop_session, rid)
    rid = service.add_report(cdop_session, did, report(mode_of_death="found_dead_or_collapsed"))
    rv = service.get_review(cdop_session, did)
    assert rv["sudi_suggested"] and rv["sudi"]
    service.update_report(cdop_session, rid, {"mode_of_death": "witnessed_event"})
    rv = service.get_review(cdop_session, did)
    assert not rv["sudi_suggested"] and rv["sudi"]  # the override stays
    # The panel's own view of suddenness wins over the reports.
    service.save_review(cdop_session, did, {"sudden_death": True, "sudi": None}, rv["version"])
    assert service.get_review(cdop_session, did)["sudi_suggested"]


def test_review_of_an_expected_death_cannot_be_sudden_unexplained(cdop_session):
    did = service.create_death(cdop_session, notification())
    with pytest.raises(ValidationFailed) as info:
        service.save_review(
            cdop_session, did, review(category_of_death="sudden_unexpected_unexplained")
        )
    assert "category_of_death" in {p.field for p in info.value.problems}
    with pytest.raises(ValidationFailed, match="notified"):
        service.save_review(cdop_session, did, review(review_completed_date=dt.date(2017, 1, 10)))
    with pytest.raises(service.RecordMissing):
        service.save_review(cdop_session, did, review(panel_meeting_id=77))
    assert service.get_review(cdop_session, did) is None


def test_panel_pack_holds_no_identity(cdop_session):
    secret_dob = dt.date(2016, 10, 1)
    did = service.create_death(
        cdop_session,
        unexpected_infant(
            home_postcode="ZZ9 9ZZ",
            circumstances_summary=(
                f"Oscar Quillmade (NHS {NHS_B[:3]} {NHS_B[3:6]} {NHS_B[6:]}, born "
                f"{secret_dob:%d/%m/%Y}) of zz9 9zz was found unresponsive by "
                "his mother; QUILLMADE family known to services."
            ),
        ),
    )
    service.add_report(
        cdop_session,
        did,
        report(narrative="Oscar was seen by the GP.", mode_of_death="found_dead_or_collapsed"),
    )
    other = service.create_death(cdop_session, notification(nhs_number=NHS_C))
    mid = service.create_meeting(cdop_session, {"meeting_date": dt.date(2017, 2, 20)})
    service.add_to_agenda(cdop_session, mid, other)
    service.add_to_agenda(cdop_session, mid, did)
    service.save_review(
        cdop_session,
        did,
        review(
            category_of_death="sudden_unexpected_unexplained",
            categories_applicable=[],
            modifiable_factors="yes",
            recommendations="Share learning from Oscar's case",
            panel_meeting_id=mid,
        ),
    )
    pack = service.panel_pack(cdop_session, mid)
    assert [c["cdop_ref"] for c in pack["cases"]] == ["CDOP-2017-002", "CDOP-2017-001"]
    case = pack["cases"][1]
    text = repr(pack)
    for secret in ("Oscar", "Quillmade", "QUILLMADE", "Poppy", "Zedfictional", NHS_B, NHS_C,
                   NHS_B[:3] + " " + NHS_B[3:6], "ZZ9 9ZZ", "zz9 9zz", "ZZ1 1ZZ",
                   secret_dob.isoformat(), f"{secret_dob:%d/%m/%Y}", "2016, 10, 1",
                   "2014, 11, 3"):  # fmt: skip
        assert secret not in text, secret
    assert not any(key in records.IDENTITY_KEYS for c in pack["cases"] for key in c)
    assert (
        "[child]" in case["circumstances_summary"]
        and "[NHS number]" in case["circumstances_summary"]
    )
    assert case["age_at_death"] == "3 months" and case["month_of_death"] == "January 2017"
    assert case["expected_or_unexpected"] == "Unexpected" and case["reports"][0]["narrative"] == (
        "[child] was seen by the GP."
    )
    assert case["review"]["category_of_death"] == "Sudden unexpected, unexplained death"
    assert case["review"]["sudi"] is True
    assert pack["cases"][0]["review"] is None
    [entry] = _entries("cdop_panel_meeting", mid, "panel_pack")
    assert audit.values_of("cdop", entry.seq)[1] == {"cases": ["CDOP-2017-002", "CDOP-2017-001"]}


def _all_text(store: str) -> str:
    db = stores.proxy(store)
    tables = db.get_tables()  # either engine's tables
    return "\n".join(repr(row) for t in tables for row in db.execute_sql(f'SELECT * FROM "{t}"'))


def test_delete_needs_a_reason_removes_identity_and_keeps_the_chain(cdop_session):
    did = service.create_death(cdop_session, notification(family_name="Xylophonic"))
    service.update_death(cdop_session, did, {"forenames": "Pippa"}, 1)
    service.add_report(cdop_session, did, report())
    with pytest.raises(ValidationFailed):
        service.delete_death(cdop_session, did, " ")
    assert "Xylophonic" in _all_text("cdop")
    service.delete_death(cdop_session, did, "notified in error: not a resident")
    with pytest.raises(service.RecordMissing):
        service.get_death(cdop_session, did)
    assert "Xylophonic" not in _all_text("cdop")
    report_ = audit.verify("cdop")
    assert report_.ok and report_.redacted >= 3
    assert queries.case_list(cdop_session, text="xylo").ids() == []


def test_meetings(cdop_session):
    a = service.create_meeting(
        cdop_session, {"meeting_date": dt.date(2016, 5, 12), "quorate": True}
    )
    b = service.create_meeting(cdop_session, {"meeting_date": dt.date(2017, 3, 16)})
    with pytest.raises(ValidationFailed):
        service.create_meeting(cdop_session, {"meeting_date": None})
    service.update_meeting(cdop_session, b, {"notes": "Room 2"})
    assert [m["id"] for m in service.list_meetings(cdop_session)] == [b, a]
    assert service.get_meeting(cdop_session, b)["notes"] == "Room 2"
    did = service.create_death(cdop_session, notification())
    service.add_to_agenda(cdop_session, b, did)
    service.remove_from_agenda(cdop_session, b, did)
    with pytest.raises(service.RecordMissing):
        service.remove_from_agenda(cdop_session, b, did)
    service.delete_meeting(cdop_session, b, "planned in error")
    assert [m["id"] for m in service.list_meetings(cdop_session)] == [a]
    assert _entries("cdop_panel_meeting", b, "delete")


def test_load_cases_refuses_everything_on_one_bad_case(cdop_session):
    cases = [notification(), notification(nhs_number=NHS_C, live_born=False)]
    with pytest.raises(ValidationFailed, match="Case 2"):
        service.load_cases(cdop_session, [{"meeting_date": dt.date(2017, 2, 1)}], cases)
    assert queries.case_list(cdop_session).count() == 0
    assert service.list_meetings(cdop_session) == []


# Hypothesis: the service answers bad input with ValidationFailed, never anything else.
ANY = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 10**6),
    st.text(max_size=25),
    st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1)),
    st.lists(st.sampled_from(["infection", "co_sleeping", "x"]), max_size=2),
    st.sampled_from(["expected", "unexpected", "female", "WBRI", "home", NHS_B, "9434765918"]),
)
DEATH_KEYS = sorted(set(unexpected_infant()) | {"time_of_death", "cdop_ref"})
REVIEW_KEYS = sorted(set(review()) | {"factors", "co_sleeping", "sudi", "modifiable_factors_text"})


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(
    changes=st.dictionaries(st.sampled_from(DEATH_KEYS), ANY, max_size=4),
    review_changes=st.dictionaries(st.sampled_from(REVIEW_KEYS), ANY, max_size=4),
)
def test_saves_only_answer_with_validation(cdop_session, changes, review_changes):
    try:
        did = service.create_death(cdop_session, {**notification(nhs_number=None), **changes})
    except ValidationFailed as exc:
        assert exc.problems and any(p.blocking for p in exc.problems)
        return
    assert service.get_death(cdop_session, did)["id"] == did
    try:
        service.save_review(cdop_session, did, {**review(), **review_changes})
    except ValidationFailed as exc:
        assert exc.problems and any(p.blocking for p in exc.problems)
    else:
        assert service.get_review(cdop_session, did)["death_id"] == did
