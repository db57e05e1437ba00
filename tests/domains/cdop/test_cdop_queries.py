"""The CDOP lists: search by reference / NHS number / name through the FTS index, filters,
sorting and paging (RowSource), and the work lists: open cases flagged at 6 and 12 months,
deaths awaiting agency reports, deaths ready for panel."""

from __future__ import annotations

import datetime as dt

import pytest
from cdop_factories import NHS_A, NHS_B, NHS_C, notification, report, review, unexpected_infant

from hscb_desktop.domains.cdop import queries, service


@pytest.fixture
def three(cdop_session):
    """Poppy (expected, reviewed in February 2017), Oscar (unexpected, reports in, ready for
    panel), Ada (died 14 months ago, notification incomplete, a report outstanding)."""
    s = cdop_session
    poppy = service.create_death(s, notification())
    service.add_report(s, poppy, report())
    mid = service.create_meeting(s, {"meeting_date": dt.date(2017, 2, 20)})
    service.save_review(s, poppy, review(panel_meeting_id=mid))
    oscar = service.create_death(s, unexpected_infant())
    service.add_report(s, oscar, report(received_date=dt.date(2017, 1, 20)))
    ada = service.create_death(s, notification(
        forenames="Ada", family_name="Nullbright", nhs_number=NHS_C, ethnicity=None,
        date_of_birth=dt.date(2010, 5, 5), date_of_death=dt.date(2015, 12, 20),
        notification_date=dt.date(2015, 12, 21)))  # fmt: skip
    service.add_report(s, ada, report(requested_date=dt.date(2016, 1, 4), received_date=None))
    return poppy, oscar, ada


def test_find_by_reference_nhs_number_and_name(cdop_session, three):
    poppy, oscar, ada = three
    q = queries.case_list
    assert q(cdop_session, text="CDOP-2015").ids() == [ada]
    assert q(cdop_session, text="cdop-2017-002").ids() == [oscar]
    assert q(cdop_session, text=NHS_B).ids() == [oscar]
    assert q(cdop_session, text=f"{NHS_B[:3]} {NHS_B[3:6]} {NHS_B[6:]}").ids() == [oscar]
    assert q(cdop_session, text="quill").ids() == [oscar]
    assert q(cdop_session, text="POPPY zed").ids() == [poppy]
    assert q(cdop_session, text="da").ids() == [ada]  # short: LIKE fallback
    assert set(q(cdop_session, text="ad").ids()) == {ada, oscar}  # Quillmade
    assert q(cdop_session, text="%").ids() == [] and q(cdop_session, text="zzzz").ids() == []


def test_search_follows_edits(cdop_session, three):
    poppy = three[0]
    service.update_death(cdop_session, poppy, {"family_name": "Wrenfield"}, 1, reason="typo")
    assert queries.case_list(cdop_session, text="zedfictional").ids() == []
    assert queries.case_list(cdop_session, text="wrenf").ids() == [poppy]


def test_filters(cdop_session, three):
    poppy, oscar, ada = three
    q = queries.case_list
    assert set(q(cdop_session, status="open").ids()) == {oscar, ada}
    assert q(cdop_session, status="reviewed").ids() == [poppy]
    assert q(cdop_session, expected="unexpected").ids() == [oscar]
    assert set(q(cdop_session, expected="expected").ids()) == {poppy, ada}
    assert q(cdop_session, category="chronic_medical").ids() == [poppy]
    assert q(cdop_session, category="infection").ids() == []
    assert q(cdop_session, period="2016-17").ids() == [poppy]  # review completed in it
    assert q(cdop_session, period="2015-16").ids() == []
    assert q(cdop_session, death_period="2015-16").ids() == [ada]
    assert q(cdop_session, among=[ada, oscar], status="open", text="nullbright").ids() == [ada]


def test_work_lists(cdop_session, three):
    _, oscar, ada = three
    assert queries.ready_for_panel(cdop_session) == [oscar]
    assert queries.awaiting_reports(cdop_session) == [ada]
    opened = queries.open_cases(cdop_session)
    assert [(c["id"], c["flag"]) for c in opened] == [(ada, ">12m"), (oscar, "")]
    assert opened[0]["days_since_death"] == (dt.date(2017, 3, 1) - dt.date(2015, 12, 20)).days
    assert queries.summary(cdop_session) == {
        "open": 2,
        "open_over_6_months": 1,
        "open_over_12_months": 1,
        "awaiting_reports": 1,
        "ready_for_panel": 1,
    }
    # Ada's report arrives but her ethnicity is still missing: not ready for panel.
    [rep] = service.get_death(cdop_session, ada)["reports"]
    service.update_report(cdop_session, rep["id"], {"received_date": dt.date(2016, 2, 1)})
    assert queries.awaiting_reports(cdop_session) == [] and queries.ready_for_panel(
        cdop_session
    ) == [oscar]
    service.update_death(cdop_session, ada, {"ethnicity": "WBRI"}, 1)
    assert queries.ready_for_panel(cdop_session) == [ada, oscar]
    # A death with no report yet is awaiting reports, not ready.
    new = service.create_death(cdop_session, notification(nhs_number=None, forenames="Nell"))
    assert queries.awaiting_reports(cdop_session) == [new]
    assert not service.get_death(cdop_session, new)["notification_complete"]


@pytest.mark.parametrize(
    "died, flag",
    [
        (dt.date(2016, 9, 1), ""),  # 1 Sep + 6 months = 1 March: not over yet
        (dt.date(2016, 8, 31), ">6m"),
        (dt.date(2016, 3, 1), ">6m"),  # exactly 12 months
        (dt.date(2016, 2, 29), ">12m"),
    ],
)
def test_open_over_months_matches_the_flag(cdop_session, died, flag):
    did = service.create_death(cdop_session, notification(
        date_of_birth=dt.date(2014, 1, 1), date_of_death=died,
        notification_date=died))  # fmt: skip
    [case] = queries.open_cases(cdop_session)
    assert case["flag"] == flag
    assert (did in queries.case_list(cdop_session, open_over_months=6).ids()) == (flag != "")
    assert (did in queries.case_list(cdop_session, open_over_months=12).ids()) == (flag == ">12m")


def test_sorting_paging_and_rows(cdop_session, three):
    poppy, oscar, ada = three
    source = queries.case_list(cdop_session)
    assert source.ids() == [poppy, oscar, ada]  # most recent death first
    assert source.ids("name") == [ada, oscar, poppy]
    assert source.ids("age_band") == [oscar, poppy, ada]
    assert source.ids("days_since_death", True) == [ada, oscar, poppy]
    assert source.ids("status")[-1] == poppy
    assert source.ids("reports", True)[0] == ada
    assert source.count() == 3 and queries.case_list(cdop_session, status="open").count() == 2
    assert [i for i, _ in source.page(1, 5, "name")] == [oscar, poppy]
    assert source.page(0, 2, "name")[0][1] == source.rows([ada])[ada]
    rows = source.rows([poppy, oscar, ada])
    assert set(rows[poppy]) == set(queries.COLUMNS)
    assert rows[poppy] == {
        "ref": "CDOP-2017-001",
        "name": "Poppy Zedfictional",
        "nhs_number": f"{NHS_A[:3]} {NHS_A[3:6]} {NHS_A[6:]}",
        "date_of_death": dt.date(2017, 1, 10),
        "age_band": "1–4 years",
        "expected": "Expected",
        "category": "Chronic medical condition",
        "reports": "1 of 1 received",
        "next_meeting": dt.date(2017, 2, 20),
        "status": "Reviewed",
        "days_since_death": 41,  # to the review
        "open_flag": "",
        "review_completed_date": dt.date(2017, 2, 20),
    }
    assert rows[ada]["open_flag"] == ">12m" and rows[ada]["reports"] == "0 of 1 received"
    assert rows[oscar]["status"] == "Open" and rows[oscar]["category"] == ""
    assert rows[oscar]["days_since_death"] == 55 and rows[oscar]["next_meeting"] is None
