"""The LADO list: type-ahead search through the FTS index, filters, sorting, row values."""

from __future__ import annotations

import datetime as dt

import pytest
from lado_factories import consultation, threshold_case

from hscb_desktop.core.validation import PermissionDenied
from hscb_desktop.domains.lado import queries, service
from hscb_desktop.storage import search


@pytest.fixture
def three(lado_session):
    a = service.create_contact(
        lado_session,
        consultation(
            employer_name="Hertford Regional College",
            employment_sector="education_fe",
            date_received=dt.date(2016, 3, 1),
        ),
    )
    b = service.create_contact(
        lado_session,
        threshold_case(
            employer_name="Watford Swimming Club",
            employment_sector="sport_leisure",
            setting_type="sports_club",
            subject_role="Swimming coach",
        ),
    )
    c = service.create_contact(
        lado_session,
        threshold_case(
            employer_name="St Albans Foster Agency",
            employment_sector="foster_care_ifa",
            date_received=dt.date(2016, 12, 1),
            date_allegation_known=None,
            subject_name="Jo Bloggs",
            outcome="unsubstantiated",
            outcome_date=dt.date(2017, 1, 10),
            date_closed=dt.date(2017, 1, 10),
        ),
    )
    return a, b, c


def test_search_by_part_of_employer_name(lado_session, three):
    a, b, c = three
    assert queries.contact_list(lado_session, text="imming").ids() == [b]
    assert queries.contact_list(lado_session, text="WATFORD club").ids() == [b]
    assert queries.contact_list(lado_session, text="bloggs").ids() == [c]  # subject name
    assert queries.contact_list(lado_session, text="coach").ids() == [b]  # subject role
    assert queries.contact_list(lado_session, text="LADO-2016").ids() == [c, a]  # reference
    assert set(queries.contact_list(lado_session, text="rd").ids()) == {
        a,
        b,
    }  # short: LIKE fallback
    assert queries.contact_list(lado_session, text="rd swim").ids() == [b]
    assert queries.contact_list(lado_session, text="zzzz").ids() == []


def test_search_index_follows_edits_and_deletes(lado_session, three):
    b = three[1]
    service.update_contact(
        lado_session, b, {"employer_name": "Harpenden Rugby Club"}, expected_version=1
    )
    assert queries.contact_list(lado_session, text="watford").ids() == []
    assert queries.contact_list(lado_session, text="rugby").ids() == [b]
    service.delete_contact(lado_session, b, "entered twice")
    assert queries.contact_list(lado_session, text="rugby").ids() == []


def test_search_quotes_are_harmless(lado_session, three):
    assert search.match("lado", "lado_search", 'a"b OR *') == []
    with pytest.raises(ValueError):
        search.match("lado", "lado_search; DROP TABLE x", "abc")


def test_filters(lado_session, three):
    a, b, c = three
    q = queries.contact_list
    assert set(q(lado_session, threshold=True).ids()) == {b, c}
    assert q(lado_session, threshold=False).ids() == [a]
    assert q(lado_session, status="closed").ids() == [c]
    assert set(q(lado_session, status="open").ids()) == {a, b}
    assert q(lado_session, sector_group="private_voluntary").ids() == [b]
    assert q(lado_session, outcome="unsubstantiated").ids() == [c]
    assert q(lado_session, period="2016-17").ids() == [b, c]
    assert q(lado_session, period="2015-16").ids() == [a]


def test_sorting_and_rows(lado_session, three):
    a, b, c = three
    source = queries.contact_list(lado_session)
    assert source.ids() == [b, c, a]  # newest first
    assert source.ids("employer", False) == [a, c, b]
    assert source.ids("days_open", True) == [a, c, b]
    assert source.ids("subject_name") == [a, c, b]  # no subject, Jo Bloggs, Sam Taylor
    assert source.ids("type", True)[-1] == a
    assert set(source.rows([a])[a]) == set(queries.COLUMNS)
    rows = source.rows([a, b, c])
    assert rows[b] == {
        "ref": "LADO-2017-0001",
        "date_received": dt.date(2017, 2, 1),
        "type": "Threshold",
        "employer": "Watford Swimming Club",
        "sector_group": "Private and Voluntary Sector",
        "subject_name": "Sam Taylor",
        "subject_role": "Swimming coach",
        "outcome": "",
        "status": "Open",
        "days_open": 28,
        "timeliness": "",
        "retention_review_date": dt.date(2047, 5, 17),
    }
    assert rows[a]["type"] == "Consultation" and rows[a]["timeliness"] == ">3m"
    assert (
        rows[c]["status"] == "Closed" and rows[c]["days_open"] == 40 and rows[c]["timeliness"] == ""
    )


def test_due_for_retention_review(lado_session, three):
    assert queries.due_for_retention_review(lado_session) == []
    # Received over ten years ago with no date of birth: due now (§8.5).
    a = service.create_contact(lado_session, consultation(date_received=dt.date(2007, 2, 28)))
    service.create_contact(
        lado_session, threshold_case(date_received=dt.date(2007, 2, 28), date_allegation_known=None)
    )  # DOB 1980: 2047
    assert queries.due_for_retention_review(lado_session) == [a]
    service.set_retention_hold(lado_session, a, True, "litigation")
    assert queries.due_for_retention_review(lado_session) == []


def test_list_needs_record_access(session_for):
    with pytest.raises(PermissionDenied):
        queries.contact_list(session_for(["business_unit"]))


def test_like_wildcards_are_literal(lado_session, three):
    assert queries.contact_list(lado_session, text="%").ids() == []
    assert queries.contact_list(lado_session, text="_").ids() == []
