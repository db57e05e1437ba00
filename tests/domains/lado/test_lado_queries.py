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


# -- the paged list: page() and count() against a reference order ---------------------------


@pytest.fixture
def varied(lado_session):
    """A dozen contacts differing in every column the list sorts or filters by, with ties."""
    s = lado_session
    made = [
        consultation(employer_name="Hertford Regional College",
                     employment_sector="education_fe", date_received=dt.date(2016, 3, 1)),
        threshold_case(employer_name="Watford Swimming Club", employment_sector="sport_leisure",
                       setting_type="sports_club", subject_role="Swimming coach"),
        threshold_case(employer_name="St Albans Foster Agency",
                       employment_sector="foster_care_ifa", date_received=dt.date(2016, 12, 1),
                       date_allegation_known=None, subject_name="Jo Bloggs",
                       outcome="unsubstantiated", outcome_date=dt.date(2017, 1, 10),
                       date_closed=dt.date(2017, 1, 10)),
        consultation(employer_name="Oakfield Primary School", date_closed=dt.date(2017, 2, 1),
                     closure_reason="consultation_advice_only"),
        consultation(employer_name="oakfield  primary school", date_received=dt.date(2016, 7, 1)),
        threshold_case(employer_name="Riverside Academy", date_received=dt.date(2016, 9, 15),
                       date_allegation_known=dt.date(2016, 9, 14), subject_name="Alex Example",
                       subject_role="Teaching assistant"),
        consultation(employer_name="Thornbury Cabs", employment_sector="transport",
                     setting_type=None, date_received=dt.date(2016, 9, 15)),
        threshold_case(employer_name="Hatfield Police Station", employment_sector="police",
                       setting_type="police", date_received=dt.date(2015, 5, 5),
                       date_allegation_known=dt.date(2015, 5, 5), subject_name="Robin Sample",
                       subject_role=None, outcome="substantiated",
                       outcome_date=dt.date(2015, 8, 1), date_closed=dt.date(2015, 8, 3)),
        consultation(employer_name="Harpenden Rugby Club", employment_sector="sport_leisure",
                     setting_type="sports_club", date_received=dt.date(2015, 5, 5),
                     date_closed=dt.date(2015, 5, 5), closure_reason="consultation_advice_only"),
        threshold_case(employer_name="Oakfield Primary School", date_received=dt.date(2017, 2, 1),
                       date_allegation_known=dt.date(2017, 1, 30), subject_name="sam  TAYLOR"),
    ]
    return [service.create_contact(s, record) for record in made]


def _raw(ids):
    from hscb_desktop.domains.lado.models import LadoContact, LadoSubject

    out = {}
    for c in LadoContact.select().where(LadoContact.id.in_(ids)):
        subject = LadoSubject.get_or_none(LadoSubject.contact == c.id)
        out[c.id] = {
            "ref": c.ref, "date_received": c.date_received, "type": c.threshold_met,
            "employer": c.employer_norm, "sector_group": c.sector_group,
            "subject_name": subject.name_norm if subject else None,
            "subject_role": c.subject_role, "outcome": c.outcome,
            "status": c.date_closed is None, "date_closed": c.date_closed,
            "retention_review_date": c.retention_review_date,
            "retention_hold": c.retention_hold,
        }
    return out


def _reference(raw, ids, sort, descending, today):
    """The list's order worked out in Python: the column (NULLs first, as SQLite sorts
    them), then the id; natural order newest first."""
    if sort not in queries.COLUMNS:
        return sorted(ids, key=lambda i: (raw[i]["date_received"], i), reverse=True)

    def key(i):
        r = raw[i]
        if sort in ("days_open", "timeliness"):
            value = ((r["date_closed"] or today) - r["date_received"]).days
        else:
            value = r[sort]
        return (value is not None, value, i)

    return sorted(ids, key=key, reverse=descending)


def _wanted(raw, filters, today):
    from hscb_desktop.core.periods import period_for

    ids = set(raw)
    if filters.get("period"):
        period = period_for("lado", filters["period"])
        ids = {i for i in ids if period.start <= raw[i]["date_received"] <= period.end}
    if filters.get("threshold") is not None:
        ids = {i for i in ids if raw[i]["type"] == filters["threshold"]}
    if filters.get("status"):
        ids = {i for i in ids if raw[i]["status"] == (filters["status"] == "open")}
    if filters.get("sector_group"):
        ids = {i for i in ids if raw[i]["sector_group"] == filters["sector_group"]}
    if filters.get("outcome"):
        ids = {i for i in ids if raw[i]["outcome"] == filters["outcome"]}
    if filters.get("text"):
        ids &= set(search.match("lado", "lado_search", filters["text"]))  # the FTS path alone
    if filters.get("among") is not None:
        ids &= set(filters["among"])
    return ids


FILTER_CASES = [
    {},
    {"threshold": True},
    {"threshold": False},
    {"status": "open"},
    {"status": "closed"},
    {"sector_group": "private_voluntary"},
    {"outcome": "unsubstantiated"},
    {"period": "2016-17"},
    {"period": "2015-16", "status": "closed"},
    {"text": "oakfield"},
    {"text": "rd"},  # under three characters: LIKE
    {"text": "rd swim"},  # both kinds of term
    {"text": "LADO-2016"},
    {"text": "ta", "threshold": True, "status": "open"},
    {"among": "every other"},
    {"among": "every other", "text": "oak"},
]


def _case_id(filters: dict) -> str:
    return ",".join(f"{k}={v}" for k, v in filters.items()) or "none"


@pytest.mark.parametrize("filters", FILTER_CASES, ids=_case_id)
def test_page_gives_the_reference_order_for_every_sort(lado_session, varied, filters):
    filters = dict(filters)
    if filters.get("among") == "every other":
        filters["among"] = varied[::2]
    source = queries.contact_list(lado_session, **filters)
    raw, today = _raw(varied), source.today
    wanted = _wanted(raw, filters, today)
    assert source.count() == len(wanted)
    for sort in [None, *queries.COLUMNS, "no_such_column"]:
        for descending in (False, True):
            expected = _reference(raw, wanted, sort, descending, today)
            if sort == "no_such_column" and descending:
                expected.reverse()
            where = f"sort={sort} descending={descending}"
            assert source.ids(sort, descending) == expected, where
            page = source.page(0, 100, sort, descending)
            assert [i for i, _ in page] == expected, where
            assert dict(page) == source.rows(expected), where  # the same row values
            pieces = []
            for offset in range(0, len(expected) + 3, 3):
                pieces += source.page(offset, 3, sort, descending)
            assert pieces == page, where  # pages of three add up to the whole, in order


def test_search_page_equals_the_search_ids(lado_session, varied):
    for text in ["oak", "OAKFIELD primary", "rd", "r", "LADO-2017", "coach", "bloggs", "zzzz",
                 "%", "_", 'a"b OR *']:
        source = queries.contact_list(lado_session, text=text)
        found = set(search.match("lado", "lado_search", text))
        page = source.page(0, 50)
        assert {i for i, _ in page} == found, text
        assert [i for i, _ in page] == source.ids(), text
        assert source.count() == len(found), text
    assert queries.contact_list(lado_session, text="  ").count() == len(varied)


def test_page_limits_and_offsets(lado_session, varied):
    source = queries.contact_list(lado_session)
    everything = source.ids()
    assert [i for i, _ in source.page(0, 4)] == everything[:4]
    assert [i for i, _ in source.page(8, 4)] == everything[8:]
    assert source.page(len(everything), 10) == []
    assert source.page(0, 0) == []


def _plan(sql_and_params) -> str:
    from hscb_desktop.storage import stores

    sql, params = sql_and_params
    rows = stores.proxy("lado").execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall()
    return " | ".join(r[-1] for r in rows)


@pytest.mark.sqlcipher_only  # reads SQLite's query plan
def test_the_first_page_walks_an_index_in_order(lado_session, varied):
    """The ids of a page come from an index read in the list's order, stopping at the
    page's end: no sort of every matching contact (SQLite's EXPLAIN QUERY PLAN)."""
    from hscb_desktop.domains.lado.models import LadoContact as C
    from hscb_desktop.storage import stores

    stores.proxy("lado").execute_sql("ANALYZE")

    def chosen(sort=None, descending=False, **filters):
        source = queries.contact_list(lado_session, **filters)
        query = source._select(C.id, sort=sort, descending=descending)  # noqa: SLF001
        return _plan(query.limit(100).sql())

    newest = chosen()
    assert "ladocontact_date_received" in newest and "TEMP B-TREE" not in newest
    searching = chosen(text="oakfield")  # the matches filter the walk, not drive it
    assert "SCAN" in searching and "ladocontact_date_received" in searching
    assert "TEMP B-TREE" not in searching
    assert "TEMP B-TREE" not in chosen(text="rd")
    assert "TEMP B-TREE" not in chosen("ref", True)
    assert "TEMP B-TREE" not in chosen("employer")
    assert "ladocontact_date_closed_date_received" in chosen(status="open")
    assert "ladocontact_date_closed_date_received" in chosen("days_open", True)
