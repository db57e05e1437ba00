"""The work tray's items (issue 7), without Qt: each domain's part from its own queries,
soonest first, and nothing from a domain the session's roles do not reach."""
from __future__ import annotations

import datetime as dt

import pytest

from hscb_desktop import demo, tray
from hscb_desktop.domains.lado import service as lado
from hscb_desktop.security import auth

TODAY = dt.date(2017, 3, 1)  # the clock fixture's date
EVERY_PRACTITIONER = ["lado_officer", "fostering_worker", "cdop_coordinator", "business_unit"]


def lado_case(**over):
    data = {
        "date_received": dt.date(2017, 2, 1),
        "referral_source_type": "employer_dsl",
        "employer_name": "Oakfield Primary School",
        "employment_sector": "education_school",
        "setting_type": "primary_school",
        "threshold_met": True,
        "subject_named": True,
        "subject_name": "Sam Taylor",
        "subject_dob": dt.date(1980, 5, 17),
        "subject_role": "Class teacher",
        "abuse_category": ["physical"],
        "harm_criteria": ["harmed_or_may_have_harmed"],
        "date_allegation_known": dt.date(2017, 1, 31),
    }
    data.update(over)
    return data


@pytest.fixture
def everyone(workspace, make_user):
    password = make_user("all1", EVERY_PRACTITIONER)
    session = auth.sign_in(workspace, "all1", password)
    for name in ("fostering", "cdop", "board"):
        demo.FILLERS[name].fill(session, TODAY)
    ids = {
        "old": lado.create_contact(session, lado_case(
            date_received=dt.date(2016, 11, 20), date_allegation_known=dt.date(2016, 11, 18))),
        "late": lado.create_contact(session, lado_case(
            date_received=dt.date(2017, 2, 20), date_allegation_known=dt.date(2017, 2, 6))),
        "prompt": lado.create_contact(session, lado_case(
            date_received=dt.date(2017, 2, 21), date_allegation_known=dt.date(2017, 2, 20))),
    }
    yield session, ids
    auth.sign_out(session)


def test_items_come_from_every_domain_soonest_first(everyone):
    session, ids = everyone
    items = tray.work_items(session, TODAY)
    assert {i.domain for i in items} == {"fostering", "lado", "cdop", "board"}
    dated = [i.due_date for i in items if i.due_date is not None]
    assert dated == sorted(dated)
    counts = tray.counts_by_kind(items)
    assert sum(counts.values()) == len(items)
    assert list(counts) == [k for k in tray.KINDS if k in counts]  # in the tray's order
    assert counts["pf_reg8_visit"] > 0 and counts["cdop_open_6m"] > 0
    assert counts["board_missed_two"] > 0
    for item in items:
        assert item.kind in tray.KINDS and tray.KINDS[item.kind][0] == item.domain
        assert item.record_id is not None and item.label
        if item.due_date is not None and item.due_date < TODAY and item.domain == "fostering":
            assert item.overdue
        if item.due_date is not None and item.due_date >= TODAY:
            assert not item.overdue  # due today is not yet overdue


def test_lado_items_open_cases_and_late_referrals(everyone):
    session, ids = everyone
    lado_items = [i for i in tray.work_items(session, TODAY) if i.domain == "lado"]
    by_kind = {(i.kind, i.record_id): i for i in lado_items}
    # Received 20/11/2016: open over 3 months (not also listed at 1 month).
    old = by_kind[("lado_open_3m", ids["old"])]
    assert old.overdue and old.due_date == dt.date(2017, 2, 20) and old.target == "contact"
    assert ("lado_open_1m", ids["old"]) not in by_kind
    # Received ten working days after it became known: late; the next one was on time.
    late = by_kind[("lado_late_referral", ids["late"])]
    assert late.overdue and "working days" in late.label
    assert ("lado_late_referral", ids["prompt"]) not in by_kind
    assert not any(i.record_id == ids["prompt"] for i in lado_items)  # 8 days open: nothing


def test_cdop_and_board_items_name_what_opens_them(everyone):
    session, _ = everyone
    items = tray.work_items(session, TODAY)
    cdop = [i for i in items if i.kind.startswith("cdop_open")]
    assert cdop and all(i.overdue and i.target == "case" and i.ref for i in cdop)
    board = [i for i in items if i.kind == "board_missed_two"]
    assert board and all(i.target == "board_year" and "missed" in i.label for i in board)


def test_a_practitioner_sees_only_their_own_domains(everyone, workspace, make_user):
    session, ids = everyone
    auth.sign_out(session)
    password = make_user("lado2", ["lado_officer"])
    officer = auth.sign_in(workspace, "lado2", password)
    items = tray.work_items(officer, TODAY)
    assert items and {i.domain for i in items} == {"lado"}
    auth.sign_out(officer)

    password = make_user("pf2", ["fostering_worker"])
    worker = auth.sign_in(workspace, "pf2", password)
    items = tray.work_items(worker, TODAY)
    assert items and {i.domain for i in items} == {"fostering"}
    auth.sign_out(worker)

    password = make_user("bu2", ["business_unit"])
    unit = auth.sign_in(workspace, "bu2", password)  # every store's key, records of the board
    items = tray.work_items(unit, TODAY)
    assert items and {i.domain for i in items} == {"board"}
    auth.sign_out(unit)


def test_an_administrator_has_an_empty_tray(admin_session):
    assert tray.work_items(admin_session, TODAY) == []
    assert tray.counts_by_kind([]) == {}
