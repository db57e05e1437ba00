"""The generic list model: record ids plus a lazily filled row cache (Anki's DataModel).

A domain query object (Qt-free) implements ``RowSource`` in one of two forms:

* paged (``PagedRowSource``): ``page(offset, limit, sort, descending)`` returns the ids
  of one page with their row values, in one query. The model loads the first page
  when it is built, sorted or refreshed, and further pages through Qt's
  ``canFetchMore``/``fetchMore`` as the view scrolls, so the first screen of a list of
  100,000 records costs one query of one page. ``rowCount`` is what has been loaded;
  ``total()`` asks the source's optional ``count()`` for the whole size;
* whole (``ids`` and ``rows``): the model asks for every id in order once, then for
  row values a page at a time as the view scrolls (right for lists of tens or
  thousands of rows, and when callers need every id).

Columns are addressed by name.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol, Union

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from hscb_desktop.core.dates import format_uk

Row = dict[str, object]
Index = QModelIndex | QPersistentModelIndex
RecordIdRole = Qt.ItemDataRole.UserRole + 1  # data(index, RecordIdRole) -> the record id
_NO_ROW: Row = {}  # cached for an id the source no longer returns (deleted meanwhile)
_ID_ROLE = int(RecordIdRole)
_VALUE_ROLE = int(Qt.ItemDataRole.UserRole)  # the raw value
_ALIGN_ROLE = int(Qt.ItemDataRole.TextAlignmentRole)
_ROLES = frozenset({int(Qt.ItemDataRole.DisplayRole), _VALUE_ROLE, _ALIGN_ROLE, _ID_ROLE})


class RowSource(Protocol):
    """What a domain's ``queries`` module offers a list screen (the whole form)."""

    def ids(self, sort: str | None, descending: bool) -> list[int]:
        """Every matching record id, ordered by column ``sort`` (None: natural order)."""

    def rows(self, ids: list[int]) -> dict[int, Row]:
        """Column values for these ids, keyed by id; ids that vanished are left out."""


class PagedRowSource(Protocol):
    """The paged form: the model uses it whenever the source has ``page``.

    Optional extras: ``count() -> int`` (the number of records every page together
    holds, for ``RecordTableModel.total``) and ``rows(ids)`` as above (to refetch rows
    after ``invalidate_ids``; without it the model refreshes instead).
    """

    def page(
        self, offset: int, limit: int, sort: str | None, descending: bool
    ) -> list[tuple[int, Row]]:
        """Records ``offset`` to ``offset + limit`` (ids with their values) in the order
        of column ``sort`` (None: natural order). The order must be stable (ties broken
        by id) so that consecutive pages neither repeat nor skip records."""


AnySource = Union[RowSource, PagedRowSource]


Kind = Literal["text", "date", "int", "bool"]


@dataclass(frozen=True)
class Column:
    name: str  # the key in the source's row dicts
    title: str
    kind: Kind = "text"
    align: Qt.AlignmentFlag | None = None  # None: numbers right, the rest left


def display_text(column: Column, value: object) -> str:
    """How a value reads on screen; the proxy filters on this same text."""
    if value is None:
        return ""
    if column.kind == "date" and isinstance(value, (dt.date, dt.datetime)):
        return format_uk(value)
    if column.kind == "bool":
        return "Yes" if value else "No"
    return str(value)


class RecordTableModel(QAbstractTableModel):
    def __init__(
        self,
        columns: Sequence[Column],
        source: AnySource | None = None,
        parent: QObject | None = None,
        *,
        page_size: int = 200,
        bulk_page_size: int = 2000,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._by_name = {c.name: i for i, c in enumerate(self._columns)}
        if len(self._by_name) != len(self._columns):
            raise ValueError("column names must be unique")
        self._source = source
        self._page_size = page_size
        self._bulk_page_size = bulk_page_size  # bigger pages when the proxy scans every row
        self._ids: list[int] = []
        self._rows: dict[int, Row] = {}
        self._row_by_id: dict[int, int] | None = None  # whole: built on first row_of()
        self._sort: str | None = None
        self._descending = False
        # Paged sources: how far into the source the loaded rows reach, whether it may
        # hold more, and its count() once asked.
        self._offset = 0
        self._more = False
        self._total: int | None = None
        self._changing = False  # inside a change's signals: no nested fetch
        if source is not None:
            self._load(self._page_size)

    # -- structure ---------------------------------------------------------
    @property
    def columns(self) -> list[Column]:
        return list(self._columns)

    @property
    def source(self) -> AnySource | None:
        return self._source

    @property
    def paged(self) -> bool:
        """True when the source is paged (rows are loaded as the view scrolls)."""
        return self._source is not None and hasattr(self._source, "page")

    def column_index(self, name: str) -> int:
        try:
            return self._by_name[name]
        except KeyError:
            raise KeyError(f"no column named {name!r}") from None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flag = Qt.ItemFlag
        return flag.ItemIsEnabled | flag.ItemIsSelectable | flag.ItemNeverHasChildren

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].title
        return None

    # -- paging ------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        # Not while a reset or an insertion is being announced: a slot of those signals
        # that fetched would insert rows inside another change (views fetch again later,
        # once they lay the rows out).
        return not parent.isValid() and self.paged and self._more and not self._changing

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        """The next page of a paged source, appended (the view calls this as it scrolls)."""
        if not self.canFetchMore(parent):
            return
        got = self._page(self._offset, self._page_size)
        self._offset += len(got)
        self._more = len(got) >= self._page_size
        assert self._row_by_id is not None  # kept up to date in paged mode
        # A record added or moved since the last page can shift the offsets: skip repeats.
        new = [(i, r) for i, r in got if i not in self._row_by_id]
        if not new:
            return
        first = len(self._ids)
        self._changing = True
        try:
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            for n, (record_id, values) in enumerate(new, start=first):
                self._ids.append(record_id)
                self._row_by_id[record_id] = n
                self._rows[record_id] = values
            self.endInsertRows()
        finally:
            self._changing = False

    def total(self) -> int | None:
        """How many records the source holds (not just those loaded so far); None when a
        paged source cannot count. Asked of the source once per load, then remembered."""
        if self._total is None:
            if not self.paged or not self._more:
                self._total = len(self._ids)  # everything is loaded
            elif hasattr(self._source, "count"):
                self._total = int(self._source.count())  # type: ignore[union-attr]
        return self._total

    def _page(self, offset: int, limit: int) -> list[tuple[int, Row]]:
        source: Any = self._source
        return list(source.page(offset, limit, self._sort, self._descending))

    def _load(self, at_least: int) -> None:
        """(Re)load from the source, no model signals: the caller resets around it."""
        self._rows.clear()
        self._total = None
        if self._source is None:
            self._ids, self._row_by_id, self._offset, self._more = [], None, 0, False
        elif self.paged:
            limit = max(self._page_size, at_least)
            got = self._page(0, limit)
            self._ids, self._row_by_id = [], {}
            for record_id, values in got:
                if record_id not in self._row_by_id:
                    self._row_by_id[record_id] = len(self._ids)
                    self._ids.append(record_id)
                    self._rows[record_id] = values
            self._offset, self._more = len(got), len(got) >= limit
        else:
            source: Any = self._source
            self._ids = list(source.ids(self._sort, self._descending))
            self._row_by_id, self._offset, self._more = None, 0, False

    # -- data --------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A view asks every cell for a dozen roles as it paints: the ones answered with
        # None go first, and a table's indexes never have a parent.
        if role not in _ROLES or not index.isValid():
            return None
        row, col = index.row(), index.column()
        if not (0 <= row < len(self._ids) and 0 <= col < len(self._columns)):
            return None
        if role == _ID_ROLE:
            return self._ids[row]
        column = self._columns[col]
        if role == _ALIGN_ROLE:
            return self._alignment(column)
        value = self._row(row, self._page_size).get(column.name)
        if role == _VALUE_ROLE:
            return value
        return display_text(column, value)

    def row_values(self, row: int) -> Row:
        """Every column value of a row (fetched in big pages: the proxy scans with this)."""
        return dict(self._row(row, self._bulk_page_size))

    def _alignment(self, column: Column) -> Qt.AlignmentFlag:
        if column.align is not None:
            return column.align
        align = Qt.AlignmentFlag
        return (align.AlignRight if column.kind == "int" else align.AlignLeft) | align.AlignVCenter

    def _row(self, row: int, page: int) -> Row:
        record_id = self._ids[row]
        cached = self._rows.get(record_id)
        if cached is None:
            self._fetch_page(row, page)
            cached = self._rows[record_id]
        return cached

    def _fetch_page(self, row: int, page: int) -> None:
        # The page containing the row, so scrolling down asks once per page. (A paged
        # source's rows arrive with their ids: only rows invalidated since are missing.)
        start = (row // page) * page
        wanted = [i for i in self._ids[start : start + page] if i not in self._rows]
        assert self._source is not None  # there are ids, so there is a source
        rows = getattr(self._source, "rows", None)
        got = rows(wanted) if rows is not None else {}
        for record_id in wanted:
            self._rows[record_id] = got.get(record_id, _NO_ROW)

    # -- ids ---------------------------------------------------------------
    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, record_id: int) -> int | None:
        """The row of a record among those loaded (None: not loaded, or not listed)."""
        if self._row_by_id is None:
            self._row_by_id = {rid: r for r, rid in enumerate(self._ids)}
        return self._row_by_id.get(record_id)

    @property
    def cached_ids(self) -> frozenset[int]:
        return frozenset(self._rows)

    # -- changes -----------------------------------------------------------
    def set_source(self, source: AnySource | None) -> None:
        """A new source (e.g. other filters): loaded afresh, a paged one from its first page."""
        self.beginResetModel()
        self._source = source
        self._load(self._page_size)
        self._end_reset()

    def refresh(self) -> None:
        """Reload (keeping the sort) and forget every cached row. A paged source reloads
        as many rows as were loaded, in one query, so the view keeps its place."""
        self.beginResetModel()
        self._load(len(self._ids))
        self._end_reset()

    def _end_reset(self) -> None:
        self._changing = True
        try:
            self.endResetModel()
        finally:
            self._changing = False

    def invalidate_ids(self, ids: Iterable[int]) -> None:
        """These records changed: drop their cached rows so the view refetches them."""
        if self.paged and not hasattr(self._source, "rows"):
            self.refresh()  # no way to refetch single rows
            return
        rows = []
        for record_id in ids:
            self._rows.pop(record_id, None)
            row = self.row_of(record_id)
            if row is not None:
                rows.append(row)
        last_col = len(self._columns) - 1
        for first, last in _runs(sorted(rows)):
            self.dataChanged.emit(self.index(first, 0), self.index(last, last_col))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Ask the source for a new order; column -1 restores its natural order.

        A paged source is asked for the first page in the new order (a model reset: the
        selection is cleared). A whole source gives every id again and the loaded rows
        are kept, selections and current rows staying on their records.
        """
        name = self._columns[column].name if 0 <= column < len(self._columns) else None
        descending = order == Qt.SortOrder.DescendingOrder
        if self._source is None:
            self._sort, self._descending = name, descending
            return
        if self.paged:
            self.beginResetModel()
            self._sort, self._descending = name, descending
            self._load(self._page_size)
            self._end_reset()
            return
        new_ids = list(self._source.ids(name, descending))  # type: ignore[union-attr]
        self.layoutAboutToBeChanged.emit()
        old_ids = self._ids
        self._sort, self._descending = name, descending
        self._ids = new_ids
        self._row_by_id = None
        # Keep selections and current rows on the same records across the re-order.
        old_persistent = self.persistentIndexList()
        new_persistent = []
        for index in old_persistent:
            new_row = self.row_of(old_ids[index.row()]) if index.row() < len(old_ids) else None
            new_persistent.append(
                self.index(new_row, index.column()) if new_row is not None else QModelIndex()
            )
        self.changePersistentIndexList(old_persistent, new_persistent)
        self.layoutChanged.emit()


def _runs(rows: list[int]) -> Iterable[tuple[int, int]]:
    """[1, 2, 3, 7, 8] -> (1, 3), (7, 8): one dataChanged per contiguous block."""
    start = prev = None
    for row in rows:
        if start is None:
            start = prev = row
        elif row == prev + 1:
            prev = row
        else:
            yield start, prev
            start = prev = row
    if start is not None:
        yield start, prev


class RecordFilterProxy(QSortFilterProxyModel):
    """Text search and a predicate over a RecordTableModel; sorting stays with the source.

    Act on rows through ``id_at(proxy_row)`` (which maps to the source first).
    """

    def __init__(
        self,
        model: RecordTableModel | None = None,
        text_columns: Sequence[str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._text = ""
        self._text_columns: list[str] | None = list(text_columns) if text_columns else None
        self._predicate: Callable[[Row], bool] | None = None
        if model is not None:
            self.setSourceModel(model)

    def record_model(self) -> RecordTableModel:
        model = self.sourceModel()
        if not isinstance(model, RecordTableModel):
            raise TypeError("RecordFilterProxy needs a RecordTableModel as its source")
        return model

    def set_text_columns(self, names: Sequence[str] | None) -> None:
        """Columns the text search looks in (None: every column)."""
        self._change_filter(lambda: setattr(self, "_text_columns", list(names) if names else None))

    def set_text(self, text: str) -> None:
        self._change_filter(lambda: setattr(self, "_text", text.strip().casefold()))

    def set_predicate(self, predicate: Callable[[Row], bool] | None) -> None:
        self._change_filter(lambda: setattr(self, "_predicate", predicate))

    def _change_filter(self, apply: Callable[[], None]) -> None:
        self.beginFilterChange()
        apply()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._text and self._predicate is None:
            return True  # no filter: touch no row data, so the source stays lazy
        model = self.record_model()
        values = model.row_values(source_row)
        if self._predicate is not None and not self._predicate(values):
            return False
        if not self._text:
            return True
        names = self._text_columns or [c.name for c in model.columns]
        for name in names:
            column = model.columns[model.column_index(name)]
            if self._text in display_text(column, values.get(name)).casefold():
                return True
        return False

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # The source sorts (in the database); the proxy keeps the source's order.
        self.record_model().sort(column, order)

    def id_at(self, proxy_row: int) -> int:
        source = self.mapToSource(self.index(proxy_row, 0))
        if not source.isValid():
            raise IndexError(f"no row {proxy_row} in the filtered list")
        return self.record_model().id_at(source.row())

    def row_of(self, record_id: int) -> int | None:
        source_row = self.record_model().row_of(record_id)
        if source_row is None:
            return None
        proxy = self.mapFromSource(self.record_model().index(source_row, 0))
        return proxy.row() if proxy.isValid() else None


class RecordListActions:
    """What every record list offers its page and tests, over ``self.model`` (a
    RecordTableModel), ``self.table`` (its view) and an ``open_requested(int)`` signal."""

    def ids(self) -> list[int]:
        """The ids loaded so far, in display order."""
        return [self.model.id_at(r) for r in range(self.model.rowCount())]

    def column_texts(self, name: str) -> list[str]:
        col = self.model.column_index(name)
        return [self.model.index(r, col).data() for r in range(self.model.rowCount())]

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def select_id(self, record_id: int) -> None:
        row = self.model.row_of(record_id)
        if row is not None:
            self.table.selectRow(row)

    def open_current(self) -> None:
        record_id = self.current_id()
        if record_id is not None:
            self.open_requested.emit(record_id)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(self.model.id_at(index.row()))
