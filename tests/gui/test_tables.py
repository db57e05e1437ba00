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


# -- paged sources ---------------------------------------------------------------------


class PagedFakeSource(FakeSource):
    """A paged RowSource (``page`` and ``count``, plus ``rows`` for invalidated rows)."""

    def __init__(self, n: int = 1000) -> None:
        super().__init__(n)
        self.page_calls: list[tuple[int, int, str | None, bool]] = []
        self.count_calls = 0

    def page(self, offset: int, limit: int, sort: str | None, descending: bool):
        self.page_calls.append((offset, limit, sort, descending))
        ordered = FakeSource.ids(self, sort, descending)
        return [(i, dict(self.data[i])) for i in ordered[offset : offset + limit]]

    def count(self) -> int:
        self.count_calls += 1
        return len(self.data)

    def ids(self, sort, descending):  # pragma: no cover - a paged model must not ask
        raise AssertionError("a paged model asked for every id")


class PageOnlySource:
    """A paged source with nothing but ``page``."""

    def __init__(self, n: int) -> None:
        self.data = {i: {"ref": f"R{i}", "agency": "Police"} for i in range(1, n + 1)}
        self.calls = 0

    def page(self, offset, limit, sort, descending):
        self.calls += 1
        return [(i, dict(self.data[i])) for i in sorted(self.data)[offset : offset + limit]]


@pytest.fixture
def paged_source() -> PagedFakeSource:
    return PagedFakeSource(450)


@pytest.fixture
def paged(paged_source) -> RecordTableModel:
    return RecordTableModel(COLUMNS, paged_source, page_size=200)


def test_paged_model_passes_the_model_testers(qtmodeltester, qtlog, paged) -> None:
    qtmodeltester.check(paged, force_py=True)  # fetches the remaining pages too
    assert paged.rowCount() == 450
    paged.sort(paged.column_index("received"), Qt.SortOrder.DescendingOrder)
    paged.fetchMore()
    paged.invalidate_ids([5, 6, 7, 900])
    paged.refresh()
    other = RecordTableModel(COLUMNS, PagedFakeSource(450), page_size=100)
    qtmodeltester.check(other)  # the C++ QAbstractItemModelTester
    other.sort(0, Qt.SortOrder.DescendingOrder)
    other.fetchMore()
    other.refresh()
    assert not [r for r in qtlog.records if "FAIL" in r.message]


def test_paged_model_loads_one_page_with_its_values(paged_source, paged) -> None:
    assert paged.paged
    assert paged_source.page_calls == [(0, 200, None, False)]
    assert paged.rowCount() == 200
    assert [paged.id_at(r) for r in range(3)] == [1, 2, 3]
    assert cell(paged, 150, "ref") == "LADO-00151"
    assert paged_source.rows_calls == []  # the values came with the page
    assert paged.row_of(151) == 150
    assert paged.row_of(300) is None  # not loaded yet
    assert paged_source.count_calls == 0  # nobody asked for the total


def test_fetch_more_appends_the_next_page(qtbot, paged_source, paged) -> None:
    assert paged.canFetchMore()
    with qtbot.waitSignal(paged.rowsInserted) as blocker:
        paged.fetchMore()
    assert blocker.args[1:] == [200, 399]
    assert paged_source.page_calls[-1] == (200, 200, None, False)
    assert paged.rowCount() == 400
    assert paged.row_of(300) == 299 and cell(paged, 299, "ref") == "LADO-00300"
    assert paged.canFetchMore()
    paged.fetchMore()
    assert paged.rowCount() == 450  # a short page: the end
    assert not paged.canFetchMore()
    calls = len(paged_source.page_calls)
    paged.fetchMore()
    assert len(paged_source.page_calls) == calls
    assert not paged.canFetchMore(paged.index(0, 0))  # rows have no children


def test_fetch_more_skips_records_that_shifted_into_the_next_page(paged_source, paged) -> None:
    del paged_source.data[1]  # an earlier record went: the next page starts one later
    paged_source.data[0] = dict(paged_source.data[2], ref="LADO-00000")
    paged_source.data[-1] = dict(paged_source.data[2], ref="LADO-0000-")
    paged.fetchMore()
    ids = [paged.id_at(r) for r in range(paged.rowCount())]
    assert len(ids) == len(set(ids))


def test_total_counts_lazily(paged_source, paged) -> None:
    assert paged.total() == 450
    assert paged.total() == 450
    assert paged_source.count_calls == 1  # asked once per load
    paged.refresh()
    assert paged.total() == 450 and paged_source.count_calls == 2
    small = PagedFakeSource(30)
    model = RecordTableModel(COLUMNS, small, page_size=200)
    assert model.total() == 30 and small.count_calls == 0  # all loaded: no query
    whole = RecordTableModel(COLUMNS, FakeSource(12))
    assert whole.total() == 12
    assert RecordTableModel(COLUMNS, PageOnlySource(300), page_size=100).total() is None
    assert RecordTableModel(COLUMNS).total() == 0


def test_paged_sort_pages_again_from_the_start(qtbot, paged_source, paged) -> None:
    paged.fetchMore()
    with qtbot.waitSignal(paged.modelReset):
        paged.sort(paged.column_index("received"), Qt.SortOrder.DescendingOrder)
    assert paged_source.page_calls[-1] == (0, 200, "received", True)
    assert paged.rowCount() == 200
    expected = FakeSource.ids(paged_source, "received", True)
    assert [paged.id_at(r) for r in range(200)] == expected[:200]
    paged.fetchMore()
    assert paged_source.page_calls[-1] == (200, 200, "received", True)
    assert [paged.id_at(r) for r in range(400)] == expected[:400]
    paged.sort(-1)
    assert paged_source.page_calls[-1] == (0, 200, None, False)
    assert paged.id_at(0) == 1


def test_paged_refresh_reloads_what_was_loaded(qtbot, paged_source, paged) -> None:
    paged.sort(paged.column_index("ref"), Qt.SortOrder.DescendingOrder)
    paged.fetchMore()
    paged_source.data[451] = dict(paged_source.data[449], ref="LADO-00451")
    paged_source.data[7]["agency"] = "Probation"
    with qtbot.waitSignal(paged.modelReset):
        paged.refresh()
    assert paged_source.page_calls[-1] == (0, 400, "ref", True)  # one query, the sort kept
    assert paged.rowCount() == 400 and paged.id_at(0) == 451
    assert paged.canFetchMore()
    paged.fetchMore()
    assert paged.rowCount() == 451
    assert cell(paged, paged.row_of(7), "agency") == "Probation"


def test_paged_set_source_starts_from_the_first_page(paged_source, paged) -> None:
    paged.fetchMore()
    other = PagedFakeSource(1000)
    paged.set_source(other)
    assert other.page_calls == [(0, 200, None, False)]
    assert paged.rowCount() == 200
    paged.set_source(FakeSource(5))  # back to a whole source
    assert not paged.paged and paged.rowCount() == 5 and not paged.canFetchMore()
    paged.set_source(None)
    assert paged.rowCount() == 0 and not paged.canFetchMore()


def test_paged_invalidate_refetches_only_the_changed_rows(qtbot, paged_source, paged) -> None:
    paged_source.data[7]["agency"] = "Probation"
    with qtbot.waitSignal(paged.dataChanged):
        paged.invalidate_ids([7, 9999])
    assert cell(paged, paged.row_of(7), "agency") == "Probation"
    assert paged_source.rows_calls == [[7]]
    only = PageOnlySource(300)
    model = RecordTableModel(COLUMNS, only, page_size=100)
    model.fetchMore()
    model.invalidate_ids([3])  # no rows(): reloaded instead
    assert only.calls == 3 and model.rowCount() == 200


def test_a_view_fetches_more_as_it_scrolls(qtbot, paged_source, paged) -> None:
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(paged)
    view.resize(600, 300)
    view.show()
    qtbot.waitExposed(view)
    assert paged.rowCount() == 200
    view.scrollToBottom()
    qtbot.waitUntil(lambda: paged.rowCount() > 200)
    assert paged_source.page_calls[1] == (200, 200, None, False)


def test_proxy_over_a_paged_model_filters_what_is_loaded(paged_source, paged) -> None:
    proxy = RecordFilterProxy(paged, text_columns=["agency"])
    proxy.set_text("police")
    assert proxy.rowCount() == 50  # of the 200 loaded
    paged.fetchMore()
    assert proxy.rowCount() == 100
    assert paged_source.rows_calls == []
