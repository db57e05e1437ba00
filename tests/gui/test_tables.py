from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtWidgets import QTableView

from hscb_desktop.gui.tables import Column, RecordFilterProxy, RecordIdRole, RecordTableModel

COLUMNS = [
    Column("ref", "Reference"),
    Column("received", "Received", kind="date"),
    Column("count", "Allegations", kind="int"),
    Column("closed", "Closed", kind="bool"),
    Column("agency", "Agency"),
]
AGENCIES = ["Police", "Education", "Health", "Children's Social Care"]


class FakeSource:
    """An in-memory RowSource that counts what it is asked for."""

    def __init__(self, n: int = 1000) -> None:
        self.data = {
            i: {
                "ref": f"LADO-{i:05d}",
                "received": dt.date(2017, 1, 1) + dt.timedelta(days=i % 365),
                "count": i % 7,
                "closed": None if i % 10 == 0 else i % 2 == 0,
                "agency": AGENCIES[i % 4],
            }
            for i in range(1, n + 1)
        }
        self.rows_calls: list[list[int]] = []
        self.ids_calls: list[tuple[str | None, bool]] = []

    def ids(self, sort: str | None, descending: bool) -> list[int]:
        self.ids_calls.append((sort, descending))
        if sort is None:
            return sorted(self.data, reverse=descending)
        # None sorts first, as SQL NULLs do in SQLite.
        def key(i: int) -> tuple:
            value = self.data[i][sort]
            return (value is not None, value, i)

        return sorted(self.data, key=key, reverse=descending)

    def rows(self, ids: list[int]) -> dict[int, dict[str, object]]:
        self.rows_calls.append(list(ids))
        return {i: dict(self.data[i]) for i in ids if i in self.data}


@pytest.fixture
def source() -> FakeSource:
    return FakeSource()


@pytest.fixture
def model(source: FakeSource) -> RecordTableModel:
    return RecordTableModel(COLUMNS, source, page_size=200)


def cell(model, row: int, name: str, role=Qt.ItemDataRole.DisplayRole):
    return model.data(model.index(row, model.column_index(name)), role)


def test_model_passes_the_model_tester(qtmodeltester, model) -> None:
    qtmodeltester.check(model, force_py=True)
    model.sort(model.column_index("received"), Qt.SortOrder.DescendingOrder)
    model.invalidate_ids([5, 6, 7, 900])
    model.refresh()


def test_model_passes_qts_own_tester(qtmodeltester, qtlog, model) -> None:
    qtmodeltester.check(model)  # the C++ QAbstractItemModelTester reports by qWarning
    model.sort(0, Qt.SortOrder.DescendingOrder)
    model.refresh()
    assert not [r for r in qtlog.records if "FAIL" in r.message]


def test_proxy_passes_the_model_tester(qtmodeltester, model) -> None:
    proxy = RecordFilterProxy(model, text_columns=["ref", "agency"])
    proxy.set_text("health")
    qtmodeltester.check(proxy, force_py=True)
    proxy.set_predicate(lambda row: row["count"] == 3)
    proxy.set_text("")
    model.sort(0, Qt.SortOrder.DescendingOrder)


def test_values_are_shown_in_uk_form_and_raw_under_user_role(model) -> None:
    row = model.row_of(10)
    assert cell(model, row, "ref") == "LADO-00010"
    assert cell(model, row, "received") == "11/01/2017"
    assert cell(model, row, "received", Qt.ItemDataRole.UserRole) == dt.date(2017, 1, 11)
    assert cell(model, row, "count") == "3"
    assert cell(model, row, "closed") == ""  # None is blank, not "No"
    assert cell(model, model.row_of(2), "closed") == "Yes"
    assert cell(model, model.row_of(3), "closed") == "No"
    assert cell(model, row, "ref", RecordIdRole) == 10
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Received"
    count_align = cell(model, row, "count", Qt.ItemDataRole.TextAlignmentRole)
    assert count_align & Qt.AlignmentFlag.AlignRight


def test_columns_are_addressed_by_name(model) -> None:
    assert model.column_index("agency") == 4
    with pytest.raises(KeyError):
        model.column_index("surname")
    with pytest.raises(ValueError):
        RecordTableModel([Column("a", "A"), Column("a", "B")])


def test_rows_are_fetched_a_page_at_a_time(source, model) -> None:
    assert model.rowCount() == 1000
    assert source.rows_calls == []  # building the model loads no row values
    cell(model, 0, "ref")
    cell(model, 150, "ref")
    assert len(source.rows_calls) == 1
    assert len(source.rows_calls[0]) == 200
    cell(model, 650, "agency")
    assert len(source.rows_calls) == 2
    assert source.rows_calls[1] == [model.id_at(r) for r in range(600, 800)]
    assert len(model.cached_ids) == 400


def test_a_view_only_loads_what_it_shows(qtbot, source, model) -> None:
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(600, 300)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: source.rows_calls != [])  # painted
    assert len(source.rows_calls) == 1
    assert len(model.cached_ids) < 1000


def test_sort_asks_the_source_and_keeps_the_cache(source, model) -> None:
    cell(model, 0, "ref")
    calls = len(source.rows_calls)
    model.sort(model.column_index("received"), Qt.SortOrder.DescendingOrder)
    assert source.ids_calls[-1] == ("received", True)
    assert source.data[model.id_at(0)]["received"] == dt.date(2017, 12, 31)
    assert len(source.rows_calls) == calls  # sorting loads no rows
    model.sort(-1)
    assert source.ids_calls[-1] == (None, False)
    assert model.id_at(0) == 1


def test_sort_keeps_persistent_indexes_on_their_records(model) -> None:
    index = QPersistentModelIndex(model.index(model.row_of(42), 2))
    model.sort(model.column_index("ref"), Qt.SortOrder.DescendingOrder)
    assert index.isValid()
    assert model.id_at(index.row()) == 42
    assert index.column() == 2


def test_refresh_reloads_ids_and_forgets_rows(qtbot, source, model) -> None:
    model.sort(model.column_index("ref"), Qt.SortOrder.DescendingOrder)
    cell(model, 0, "ref")
    del source.data[1000]
    source.data[1001] = dict(source.data[999], ref="LADO-01001")
    with qtbot.waitSignal(model.modelReset):
        model.refresh()
    assert source.ids_calls[-1] == ("ref", True)  # the sort is kept
    assert model.cached_ids == frozenset()
    assert model.id_at(0) == 1001
    assert model.row_of(1000) is None
    assert cell(model, 0, "ref") == "LADO-01001"


def test_invalidate_refetches_changed_rows(qtbot, source, model) -> None:
    row = model.row_of(7)
    assert cell(model, row, "agency") == "Children's Social Care"
    source.data[7]["agency"] = "Probation"
    assert cell(model, row, "agency") == "Children's Social Care"  # still cached
    with qtbot.waitSignal(model.dataChanged) as blocker:
        model.invalidate_ids([7, 99999])
    top_left, bottom_right = blocker.args[:2]
    assert (top_left.row(), bottom_right.row()) == (row, row)
    assert bottom_right.column() == len(COLUMNS) - 1
    assert cell(model, row, "agency") == "Probation"


def test_a_vanished_record_shows_blank_not_an_error(source, model) -> None:
    del source.data[3]
    assert cell(model, model.row_of(3), "ref") == ""
    assert model.id_at(model.row_of(3)) == 3


def test_set_source_replaces_everything(model) -> None:
    other = FakeSource(5)
    model.set_source(other)
    assert model.rowCount() == 5
    model.set_source(None)
    assert model.rowCount() == 0


def test_proxy_text_filter_reads_rows_not_just_the_cache(source, model) -> None:
    proxy = RecordFilterProxy(model, text_columns=["ref", "agency"])
    assert source.rows_calls == []  # no filter: nothing fetched
    proxy.set_text("  SOCIAL care ")
    assert proxy.rowCount() == 250
    assert all(source.data[proxy.id_at(r)]["agency"] == "Children's Social Care"
               for r in range(proxy.rowCount()))
    assert len(model.cached_ids) == 1000  # it had to look at every row
    assert len(source.rows_calls) == 1  # in bulk pages, not 200 at a time
    proxy.set_text("LADO-004")  # refs 400-499
    assert proxy.rowCount() == 100


def test_proxy_matches_the_text_as_shown(model) -> None:
    proxy = RecordFilterProxy(model, text_columns=["received"])
    proxy.set_text("11/01/2017")
    assert {proxy.id_at(r) for r in range(proxy.rowCount())} == {10, 375, 740}
    proxy.set_text_columns(None)  # every column
    proxy.set_text("yes")
    assert proxy.rowCount() == sum(1 for r in model._source.data.values() if r["closed"])


def test_proxy_predicate_and_text_combine(model) -> None:
    proxy = RecordFilterProxy(model, text_columns=["agency"])
    proxy.set_predicate(lambda row: row["count"] == 0)
    expected = {i for i, r in model._source.data.items() if r["count"] == 0}
    assert {proxy.id_at(r) for r in range(proxy.rowCount())} == expected
    proxy.set_text("police")
    assert {proxy.id_at(r) for r in range(proxy.rowCount())} == {i for i in expected if i % 4 == 0}
    proxy.set_predicate(None)
    proxy.set_text("")
    assert proxy.rowCount() == 1000


def test_proxy_id_at_maps_to_the_source(model) -> None:
    proxy = RecordFilterProxy(model, text_columns=["agency"])
    proxy.set_text("education")  # ids 1, 5, 9, ...
    assert proxy.id_at(0) == 1
    assert proxy.id_at(2) == 9
    assert proxy.index(2, 0).data(RecordIdRole) == 9
    assert proxy.row_of(9) == 2
    assert proxy.row_of(2) is None  # filtered out
    with pytest.raises(IndexError):
        proxy.id_at(proxy.rowCount())


def test_proxy_sorting_is_done_by_the_source(source, model) -> None:
    proxy = RecordFilterProxy(model, text_columns=["agency"])
    proxy.set_text("police")
    proxy.sort(model.column_index("ref"), Qt.SortOrder.DescendingOrder)
    assert source.ids_calls[-1] == ("ref", True)
    assert proxy.id_at(0) == 1000
    assert proxy.rowCount() == 250


def test_proxy_refilters_changed_rows(source, model) -> None:
    proxy = RecordFilterProxy(model, text_columns=["agency"])
    proxy.set_text("probation")
    assert proxy.rowCount() == 0
    source.data[12]["agency"] = "Probation"
    model.invalidate_ids([12])
    assert [proxy.id_at(r) for r in range(proxy.rowCount())] == [12]


def test_sorting_from_a_view_header_goes_to_the_source(qtbot, source, model) -> None:
    proxy = RecordFilterProxy(model)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(model.column_index("count"), Qt.SortOrder.AscendingOrder)
    assert source.ids_calls[-1] == ("count", False)
    assert source.data[proxy.id_at(0)]["count"] == 0
