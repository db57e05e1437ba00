"""Issue 8: Strategic Board meetings and attendance from a tracker made with openpyxl (one
row a meeting, one column a seat: the columns come from the Board's seats in the store);
and the module's extract -> import -> extract round trip."""

from __future__ import annotations

import datetime as dt

import pytest
from books import make_book

from hscb_desktop.core.clock import FakeClock
from hscb_desktop.domains.board import demo, service
from hscb_desktop.domains.board.models import Attendance, BoardMeeting
from hscb_desktop.importing import board, engine, extract, reader
from hscb_desktop.importing.mapping import ImportMapping, suggest_columns
from hscb_desktop.paths import data_paths
from hscb_desktop.security import auth, users
from hscb_desktop.storage import audit, stores
from hscb_desktop.storage.workspace import Workspace


@pytest.fixture
def unit(workspace, make_user, clock):
    """A business unit user with the demo Board's seats (and no meetings yet)."""
    session = auth.sign_in(workspace, "bu1", make_user("bu1", ["business_unit"]))
    agencies = {a["name"]: a["id"] for a in service.agency_choices(session, True)}
    for order, (label, title, agency, deputy, statutory, _) in enumerate(demo.SEATS, start=1):
        service.create_seat(session, {
            "title": title, "display_label": label,
            "agency_id": agencies.get(agency) if agency else None,
            "deputy_allowed": deputy, "statutory_partner": statutory,
            "counts_for_quorum": statutory, "sort_order": order * 10})
    return session


def test_meetings_with_a_column_per_seat_import_once(tmp_path, unit):
    seats = service.list_seats(unit)
    labels = [s["display_label"] for s in seats]
    marks = ["Attended", "Apologies", "attended", "Absent", None]
    rows = [["09/06/2016", "Ordinary", *[marks[i % 5] for i in range(len(seats))]],
            None,
            [dt.date(2016, 9, 22), "ordinary", *[marks[(i + 1) % 5] for i in range(len(seats))]],
            ["22/09/2016", "Ordinary", *["Attended"] * len(seats)]]  # the same day again
    path = make_book(tmp_path / "board.xlsx", ["Date", "Type ", *labels], rows,
                     title="Board attendance 2016-17")
    info = reader.inspect_sheet(path)
    fields = engine.fields_of(board, unit)
    samples = {h: [v[i] for _, v in info.preview] for i, h in enumerate(info.headers)}
    columns = suggest_columns(info.headers, samples, fields)
    assert columns["Date"] == "meeting_date" and columns["Type"] == "meeting_type"
    assert [columns[label] for label in labels] == [f"seat_{s['id']}" for s in seats]
    plan = engine.prepare(path, None, ImportMapping("board", columns=columns), board,
                          session=unit)
    assert plan.unresolved() == {}  # "Absent" is suggested as "Absent (no apologies)"
    checked = engine.dry_run(unit, plan)
    assert (checked.to_create, checked.duplicates) == (2, 1)
    done = engine.commit(unit, plan, checked)
    first = BoardMeeting.get(BoardMeeting.meeting_date == dt.date(2016, 6, 9))
    grid = {a.role_id: a.status for a in Attendance.select().where(Attendance.meeting == first)}
    assert grid[seats[0]["id"]] == "attended" and grid[seats[1]["id"]] == "apologies"
    assert grid[seats[3]["id"]] == "absent_no_apologies" and seats[4]["id"] not in grid
    assert len(done.created_ids) == 2
    entry = audit.entries_for("board", "board_meeting", first.id)[0]
    assert (entry.action, entry.reason) == ("import", "board.xlsx, sheet Referrals, row 4")
    again = engine.prepare(path, None, ImportMapping("board", columns=columns), board,
                           session=unit)
    assert engine.dry_run(unit, again).duplicates == 3


def test_board_extract_import_extract_is_identical(tmp_path):
    clock = FakeClock(dt.datetime(2017, 3, 20, 9, 0, tzinfo=dt.timezone.utc))

    def unit_in(root):
        ws = Workspace(data_paths(root), clock).acquire()
        auth.initialise(ws, "admin", "Board-Test-Passphrase-1")
        ws.close_stores()
        admin = auth.sign_in(ws, "admin", "Board-Test-Passphrase-1")
        users.add_user(admin, "bu1", ["business_unit"], password="Round-Trip-Pass-7")
        auth.sign_out(admin)
        return ws, auth.sign_in(ws, "bu1", "Round-Trip-Pass-7")

    ws, session = unit_in(tmp_path / "first")
    try:
        demo.fill(session, dt.date(2017, 3, 20))
        first = extract.write_extract(session, board, tmp_path / "first.xlsx")
    finally:
        ws.close()
        stores.unbind_all()
    ws, session = unit_in(tmp_path / "second")
    try:  # the same seats, set up in the app before an import (the columns are seats)
        agencies = {a["name"]: a["id"] for a in service.agency_choices(session, True)}
        for order, (label, title, agency, deputy, statutory, _) in enumerate(demo.SEATS, 1):
            service.create_seat(session, {
                "title": title, "display_label": label,
                "agency_id": agencies.get(agency) if agency else None,
                "deputy_allowed": deputy, "statutory_partner": statutory,
                "counts_for_quorum": statutory, "sort_order": order * 10,
                "footnote": demo.FOOTNOTE if label.endswith("*") else None})
        info = reader.inspect_sheet(first, extract.SHEET)
        fields = engine.fields_of(board, session)
        columns = suggest_columns(info.headers, {}, fields)
        assert columns == {f.label: f.name for f in fields}
        plan = engine.prepare(first, extract.SHEET, ImportMapping("board", columns=columns),
                              board, session=session)
        checked = engine.dry_run(session, plan)
        assert checked.skipped == 0 and checked.to_create == 5
        engine.commit(session, plan, checked)
        second = extract.write_extract(session, board, tmp_path / "second.xlsx")
        assert audit.verify("board").ok
    finally:
        ws.close()
        stores.unbind_all()
    assert extract.read_records(second) == extract.read_records(first)
