"""The private fostering lists: type-ahead over child name, carer name and reference;
filters for open/ended, overdue and period; sorting; the due list as a RowSource."""

from __future__ import annotations

import datetime as dt

import pytest
from pf_factories import arrangement, enquiry, notification, visit

from hscb_desktop.core.validation import PermissionDenied
from hscb_desktop.domains.fostering import queries, service

D = dt.date


@pytest.fixture
def three(pf_session):
    """Open and overdue (no visit yet); open and up to date; ended in 2015-16."""
    a_note = service.create_notification(
        pf_session, notification(child_name="Noor Fictional", carer_name="Tiago Standin")
    )
    a = service.record_arrangement(pf_session, a_note, arrangement())
    b_note = service.create_notification(
        pf_session,
        notification(
            date_received=D(2017, 2, 20),
            child_name="Ines Notreal",
            carer_name="Lena Fauxley",
            intended_start_date=D(2017, 2, 20),
        ),
    )
    b = service.record_arrangement(
        pf_session,
        b_note,
        arrangement(start_date=D(2017, 2, 20), initial_visit_date=D(2017, 2, 22)),
    )
    c_note = service.create_notification(
        pf_session,
        notification(
            date_received=D(2015, 6, 1),
            child_name="Yusuf Mockford",
            carer_name="Mei Fauxley",
            intended_start_date=D(2015, 6, 1),
            child_date_of_birth=D(2004, 1, 1),
        ),
    )
    c = service.record_arrangement(
        pf_session,
        c_note,
        arrangement(
            start_date=D(2015, 6, 1),
            initial_visit_date=D(2015, 6, 3),
            assessment_completed_date=D(2015, 6, 20),
            end_date=D(2016, 1, 31),
            end_reason="returned_to_parent",
        ),
    )
    service.update_arrangement(pf_session, b, {"assessment_completed_date": D(2017, 2, 27)}, 1)
    return a, b, c


def test_type_ahead_over_child_carer_and_reference(pf_session, three):
    a, b, c = three
    assert queries.arrangement_list(pf_session, text="noor").ids() == [a]
    assert queries.arrangement_list(pf_session, text="standin").ids() == [a]  # carer
    assert set(queries.arrangement_list(pf_session, text="fauxley").ids()) == {b, c}
    assert queries.arrangement_list(pf_session, text="PF-2015").ids() == [c]  # reference
    assert queries.arrangement_list(pf_session, text="ei fauxley").ids() == [c]  # short: LIKE
    assert queries.arrangement_list(pf_session, text="zzz").ids() == []
    notes = queries.notification_list(pf_session, text="fauxley")
    assert notes.count() == 2


def test_search_follows_edits(pf_session, three):
    a = three[0]
    nid = service.get_arrangement(pf_session, a)["notification_id"]
    service.update_notification(pf_session, nid, {"carer_name": "Ola Pretend"}, 2)
    assert queries.arrangement_list(pf_session, text="standin").ids() == []
    assert queries.arrangement_list(pf_session, text="pretend").ids() == [a]


def test_filters_open_ended_overdue_period(pf_session, three):
    a, b, c = three
    assert set(queries.arrangement_list(pf_session, status="open").ids()) == {a, b}
    assert queries.arrangement_list(pf_session, status="ended").ids() == [c]
    assert queries.arrangement_list(pf_session, overdue=True).ids() == [a]
    assert queries.arrangement_list(pf_session, period="2015-16").ids() == [c]
    assert set(queries.arrangement_list(pf_session, period="2016-17").ids()) == {a, b}
    assert queries.arrangement_list(
        pf_session, period="2016-17", text="noor", overdue=True
    ).ids() == [a]


def test_rows_and_sorting(pf_session, three):
    a, b, c = three
    source = queries.arrangement_list(pf_session)
    rows = source.rows([a, b, c])
    assert rows[a]["child_name"] == "Noor Fictional" and rows[a]["overdue"] is True
    assert rows[a]["next_due"] == D(2017, 2, 10) and rows[a]["next_due_kind"].startswith(
        "Initial visit"
    )
    assert rows[b]["overdue"] is False and rows[b]["next_due"] == D(2017, 4, 5)
    assert rows[c]["status"] == "Ended" and rows[c]["next_due"] is None
    assert source.ids("child_name") == [b, a, c]  # Ines, Noor, Yusuf
    assert source.ids("child_name", descending=True) == [c, a, b]
    assert source.ids("next_due") == [a, b, c]
    assert source.ids("start_date") == [c, a, b]
    assert source.ids() == [b, a, c]  # newest start first
    assert [i for i, _ in source.page(1, 5, "child_name")] == [a, c]
    assert source.count() == 3
    assert set(queries.ArrangementList.__dict__) >= {"ids", "rows"}
    assert list(queries.ARRANGEMENT_COLUMNS) == list(rows[a])


def test_notification_and_enquiry_lists(pf_session, three):
    refused = service.create_notification(
        pf_session,
        notification(
            progressed=False, not_progressed_reason="moved_out_of_area", child_name="Ash Demo"
        ),
    )
    waiting = service.create_notification(pf_session, notification(child_name="Kit Madeup"))
    notes = queries.notification_list(pf_session, period="2016-17")
    assert notes.count() == 4
    assert queries.notification_list(pf_session, status="not_progressed").ids() == [refused]
    assert queries.notification_list(pf_session, status="pending").ids() == [waiting]
    row = notes.rows([refused])[refused]
    assert row["status"] == "Did not progress" and row["notice_given_in_time"] == "No"
    assert row["notification_type"] == "Advance proposal (reg 3)"

    e1 = service.create_enquiry(pf_session, enquiry(enquirer_name="Jo Placeholder"))
    e2 = service.create_enquiry(
        pf_session,
        enquiry(
            outcome="referred_to_other_la",
            other_la_name="Bedford Borough Council",
            date_received=D(2016, 3, 1),
        ),
    )
    e3 = service.create_enquiry(pf_session, enquiry(date_received=D(2017, 1, 5)))
    service.create_notification(pf_session, notification(), enquiry_id=e3)
    enquiries = queries.enquiry_list(pf_session)
    assert enquiries.ids() == [e1, e3, e2]
    assert queries.enquiry_list(pf_session, text="bedford").ids() == [e2]
    assert queries.enquiry_list(pf_session, text="placeholder").ids() == [e1]
    assert queries.enquiry_list(pf_session, outcome="none").ids() == [e1]
    assert queries.enquiry_list(pf_session, period="2016-17").count() == 2
    rows = enquiries.rows([e1, e3])
    assert rows[e1]["outcome"] == "Not yet recorded"
    assert rows[e3]["notification_ref"].startswith("PF-2017-")


def test_due_source_is_a_row_source(pf_session, three):
    a, b, _ = three
    source = queries.DueSource(pf_session)
    ids = source.ids()
    rows = source.rows(ids)
    assert [rows[i]["due"] for i in ids] == sorted(rows[i]["due"] for i in ids)
    first = source.item(ids[0])
    assert first.arrangement_id == a and first.kind == "initial_visit" and first.overdue
    assert rows[ids[0]]["child"] == "Noor Fictional"
    assert next(source.item(i).arrangement_id for i in source.ids("child")) == b
    overdue = queries.DueSource(pf_session, overdue_only=True)
    assert all(i.overdue for i in overdue.items) and overdue.items
    service.add_visit(pf_session, a, visit())
    overdue.refresh()
    assert "initial_visit" not in {i.kind for i in overdue.items}


def test_lists_need_record_access(pf_session_for):
    session = pf_session_for(["business_unit"])
    for make in (
        queries.arrangement_list,
        queries.notification_list,
        queries.enquiry_list,
        queries.DueSource,
    ):
        with pytest.raises(PermissionDenied):
            make(session)
