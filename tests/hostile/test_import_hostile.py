"""Hostile input against the Excel importer (issue 10 "Hostile input": every domain's rules,
services *and importer*; issue 8).

Each example writes a real tracker workbook whose cells hold hostile values (text with
control characters, right-to-left marks, emoji and 100,000 characters, numbers past 64
bits, NaN and infinities, dates from year 1 to 9999, booleans), then reads it, dry-runs and
commits it through the importer. The property: nothing but the importer's own refusals
(``ValidationFailed``/``WorkbookError``) ever escapes; the dry run accounts for every row;
the commit creates exactly the rows the dry run accepted, each of which passes the LADO
rules again, and the audit chain verifies; a refused commit leaves the store unchanged.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest
from hostile_kit import HOSTILE, LIMIT_INTS, SPECIAL_TEXT, hostile_date, snapshot
from hypothesis import assume, event, given
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from hscb_desktop.core.validation import Problem, ValidationFailed
from hscb_desktop.domains.lado import service
from hscb_desktop.domains.lado.models import LadoContact
from hscb_desktop.importing import engine, lado
from hscb_desktop.importing.mapping import ImportMapping
from hscb_desktop.importing.reader import WorkbookError
from hscb_desktop.security import auth
from hscb_desktop.storage import audit

STORE = "lado"
HEADERS = [f.label for f in lado.FIELDS]
# A row the rules accept, by header; hostile cells replace some of its values.
GOOD = {
    "Date received": "21/02/2017",  # unambiguous: 03/04 would wait for the date order
    "Referral source": "Employer / designated safeguarding lead",
    "Employer": "Oakfield Primary School",
    "Employment sector": "Education - school",
    "Threshold met": "No",
    "Subject named": "No",
}


def _writable(text: str) -> str:
    """What a workbook can hold: no lone surrogates, none of the control characters the
    XML of an .xlsx forbids (Excel itself cannot save them either)."""
    text = text.encode("utf-8", "replace").decode("utf-8") if text else text
    return ILLEGAL_CHARACTERS_RE.sub("", text)


def hostile_cell() -> st.SearchStrategy:
    text = st.one_of(
        st.sampled_from(SPECIAL_TEXT),
        st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
        st.sampled_from(["x" * 100_000, "😀" * 40_000, "\u202e" * 5_000, "N/A", "-", "unknown",
                         "=1+1", "@SUM(A1)", "03/04/2017", "2017-02-30", "31/12/9999",
                         "yes", "NO", "Edu", "Subs"]),
    ).map(_writable)
    number = st.one_of(st.sampled_from(LIMIT_INTS), st.integers(min_value=-(10**20),
                                                                    max_value=10**20),
                       st.sampled_from([1.5, -0.0, 1e308, float("nan"), float("inf"),
                                        float("-inf")]))
    return st.one_of(st.none(), text, text, number, hostile_date(), st.booleans())


def rows_strategy() -> st.SearchStrategy[list[dict[str, object]]]:
    one_row = st.dictionaries(st.sampled_from(HEADERS), hostile_cell(), min_size=1, max_size=4)
    return st.lists(one_row, min_size=1, max_size=4)


def _write(rows: list[dict[str, object]]) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="hostile-import-"))
    book = Workbook()
    sheet = book.active
    sheet.title = "Referrals"
    sheet.append(["LADO tracker"])
    sheet.append(HEADERS)
    for changes in rows:
        values = {**GOOD, **changes}
        sheet.append([values.get(h) for h in HEADERS])
    path = folder / "tracker.xlsx"
    try:
        book.save(path)
    except (ValueError, TypeError, OverflowError):  # a value openpyxl cannot write at all
        assume(False)
    return path


@pytest.fixture
def officer(workspace, make_user):
    return auth.sign_in(workspace, "lado1", make_user("lado1", ["lado_officer"]))


@HOSTILE
@given(rows=rows_strategy())
def test_the_importer_under_hostile_cells(officer, rows):
    path = _write(rows)
    mapping = ImportMapping("lado", columns={h: f.name for h, f in
                                             zip(HEADERS, lado.FIELDS, strict=True)})
    before = snapshot(STORE)
    try:
        plan = engine.prepare(path, "Referrals", mapping, lado, session=officer)
        checked = engine.dry_run(officer, plan)
    except (ValidationFailed, WorkbookError) as exc:  # the importer's own refusals only
        if isinstance(exc, ValidationFailed):
            assert exc.problems and all(isinstance(p, Problem) for p in exc.problems)
        assert snapshot(STORE) == before
        event("refused on reading")
        return
    assert snapshot(STORE) == before, "a dry run wrote to the store"
    assert checked.to_create + checked.duplicates + checked.skipped == checked.rows_read
    assert checked.rows_read == len(rows)
    for name, raws in plan.unresolved().items():  # the user leaves unknown values blank
        plan.mapping.values.setdefault(name, {}).update({raw: None for raw in raws})
    if plan.unresolved():
        return  # nothing more a user could do without choosing codes
    count = LadoContact.select().count()
    try:
        done = engine.commit(officer, plan, checked)
    except ValidationFailed as exc:
        assert exc.problems and all(isinstance(p, Problem) for p in exc.problems)
        assert snapshot(STORE) == before, "a refused commit changed the store"
        event("commit refused")
        return
    assert LadoContact.select().count() == count + len(done.created_ids)
    for contact_id in done.created_ids:  # nothing stored that the rules refuse
        record = service.get_contact(officer, contact_id)
        assert not [p for p in service.check(officer, record, contact_id) if p.blocking]
    assert audit.verify(STORE).ok
    event(f"created {min(len(done.created_ids), 2)}+")


def test_a_cell_of_100000_characters_is_reported_not_crashed(officer, tmp_path):
    """The long-text case on its own: the row is refused with the field's limit, and the
    other rows still import (issue 8: very long text)."""
    path = _write([{"Employer": "E" * 100_000}, {}])
    mapping = ImportMapping("lado", columns={h: f.name for h, f in
                                             zip(HEADERS, lado.FIELDS, strict=True)})
    plan = engine.prepare(path, "Referrals", mapping, lado, session=officer)
    checked = engine.dry_run(officer, plan)
    assert (checked.rows_read, checked.to_create, checked.skipped) == (2, 1, 1), checked.issues
    [issue] = [i for i in checked.issues if i.kind == "error"]
    assert issue.column == "Employer" and issue.row == 3 and "characters" in issue.problem
    done = engine.commit(officer, plan, checked)
    assert len(done.created_ids) == 1 and audit.verify(STORE).ok
    assert dt.date(2017, 2, 21) == service.get_contact(officer, done.created_ids[0])["date_received"]
