"""The Dashboard page (issue 7): how the year looks, one bar chart per series.

Charts are QtCharts (no web view, no plotting stack); the figures are
``dashboard_data``'s, i.e. each module's own return. Each chart can be saved as a PNG,
copied to the clipboard, and shows the numbers behind it in a table one click away.
The business unit sees every module; a practitioner sees their own.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QBuffer, QIODevice, QMargins, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hscb_desktop import dashboard_data
from hscb_desktop.core.atomic import atomic_write_bytes
from hscb_desktop.core.clock import local_today
from hscb_desktop.core.periods import default_period, period_containing, period_for
from hscb_desktop.gui.dialogs import Dialogs, wait_cursor
from hscb_desktop.storage.errors import file_write_message

FIRST_YEAR = 2014
# Colour-blind-safe bar colours (Okabe-Ito), the same set in the same order on every chart.
COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7")


def _wrap(text: str, width: int = 34) -> str:
    """A long category label on up to two lines (an axis label cannot wrap by itself)."""
    if len(text) <= width:
        return text
    cut = text.rfind(" ", 0, width)
    if cut <= 0:
        return text[: width - 1] + "…"
    rest = text[cut + 1:]
    if len(rest) > width:
        rest = rest[: width - 1] + "…"
    return text[:cut] + "\n" + rest


def build_chart(series: dashboard_data.Series) -> QChart:
    chart = QChart()
    chart.setTitle(f"{series.title}, {series.period}")
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    bars = QHorizontalBarSeries() if series.horizontal else QBarSeries()
    categories = list(series.categories)
    values_in_order = series.sets
    if series.horizontal:  # a horizontal chart draws its first category at the bottom
        categories = categories[::-1]
        values_in_order = [(n, v[::-1]) for n, v in series.sets]
    for i, (name, values) in enumerate(values_in_order):
        bar_set = QBarSet(name)
        bar_set.setColor(COLOURS[i % len(COLOURS)])
        bar_set.setLabelColor(QColor("#202020"))  # the default (white) vanishes outside a bar
        bar_set.append([float(v) for v in values])
        bars.append(bar_set)
    bars.setLabelsVisible(True)
    bars.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
    chart.addSeries(bars)
    axis_categories = QBarCategoryAxis()
    axis_categories.append([_wrap(c) if series.horizontal else _wrap(c, 18) for c in categories])
    top = max([max(v) for _, v in series.sets if v] or [0])
    axis_values = QValueAxis()
    axis_values.setRange(0, max(1, top * 1.15))
    axis_values.setLabelFormat("%d")
    axis_values.applyNiceNumbers()
    if series.horizontal:
        chart.addAxis(axis_categories, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(axis_values, Qt.AlignmentFlag.AlignBottom)
    else:
        chart.addAxis(axis_categories, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_values, Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(axis_categories)
    bars.attachAxis(axis_values)
    chart.legend().setVisible(len(series.sets) > 1)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


class ChartCard(QFrame):
    """One chart with its buttons and (hidden until asked for) its numbers."""

    def __init__(self, series: dashboard_data.Series, session: Any,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series = series
        self.session = session
        self.setObjectName(f"chart-{series.key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.chart = build_chart(series)
        self.view = QChartView(self.chart, self)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setAccessibleName(series.title)
        rows = len(series.categories)
        height = max(300, 60 + rows * (22 * len(series.sets) + 12)) if series.horizontal else 320
        self.view.setMinimumHeight(height)
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        self.save_button = QPushButton("Save as PNG…", self)
        self.save_button.setToolTip("Save this chart as a picture")
        self.save_button.clicked.connect(self.save_png)
        self.copy_button = QPushButton("Copy", self)
        self.copy_button.setToolTip("Copy this chart to the clipboard, to paste into a document")
        self.copy_button.clicked.connect(self.copy)
        self.numbers_button = QPushButton("Show the numbers", self)
        self.numbers_button.setCheckable(True)
        self.numbers_button.toggled.connect(self.show_numbers)
        buttons = QHBoxLayout()
        source = QLabel(f"From the return's table {series.source}." if series.source else "", self)
        buttons.addWidget(source)
        buttons.addStretch(1)
        for button in (self.numbers_button, self.copy_button, self.save_button):
            buttons.addWidget(button)

        self.table = QTableWidget(self)
        self.table.setObjectName("numbers")
        self.table.setAccessibleName(f"The numbers: {series.title}")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setColumnCount(1 + len(series.sets))
        self.table.setHorizontalHeaderLabels([series.category_title] + [n for n, _ in series.sets])
        self.table.verticalHeader().setVisible(False)
        data = series.rows()
        self.table.setRowCount(len(data))
        for r, row in enumerate(data):
            for c, value in enumerate(row):
                item = QTableWidgetItem(str(value))
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, self.table.columnCount()):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setFixedHeight(min(
            self.table.horizontalHeader().sizeHint().height()
            + sum(self.table.rowHeight(r) for r in range(len(data)))
            + 2 * self.table.frameWidth() + 2, 320))
        self.table.setVisible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.table)

    def table_values(self) -> list[list[str]]:
        return [[self.table.item(r, c).text() for c in range(self.table.columnCount())]
                for r in range(self.table.rowCount())]

    def show_numbers(self, shown: bool) -> None:
        self.table.setVisible(shown)
        self.numbers_button.setText("Hide the numbers" if shown else "Show the numbers")

    def file_name(self) -> str:
        return f"{self.series.title} {self.series.period}.png".replace("/", "-")

    def save_png(self) -> Path | None:
        from hscb_desktop.gui.export_dialog import _remember_folder, _suggested_folder

        path = Dialogs.save_file(self, "Save the chart as a picture",
                                 _suggested_folder(self.session) / self.file_name(),
                                 "PNG image (*.png)")
        if path is None:
            return None
        if path.suffix.lower() != ".png":
            path = path.with_name(path.name + ".png")
        # Encoded in memory, then written whole through core.atomic (KP-1).
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not self.view.grab().save(buffer, "PNG"):
            Dialogs.error(self, "Chart not saved", "The chart could not be turned into a picture.")
            return None
        try:
            atomic_write_bytes(path, bytes(buffer.data()))
        except OSError as exc:
            Dialogs.error(self, "Chart not saved", file_write_message(exc, path))
            return None
        _remember_folder(self.session, path.parent)
        return path

    def copy(self) -> None:
        QGuiApplication.clipboard().setPixmap(self.view.grab())


class DashboardPage(QWidget):
    """Navigation page: the period chooser, then a chart card per series."""

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DashboardPage")
        self.session = session
        self.cards: list[ChartCard] = []

        heading = QLabel("<h2>Dashboard</h2>", self)
        self.period = QComboBox(self)
        self.period.setObjectName("period")
        self.period.setAccessibleName("Reporting year")
        today = local_today(session.clock)
        current = period_containing("board", today)
        for year in range(current.start.year, FIRST_YEAR - 1, -1):
            spec = f"{year}-{(year + 1) % 100:02d}"
            text = spec + ("  (in progress)" if year == current.start.year else "")
            self.period.addItem(text, spec)
        default = default_period("board", today).short_label
        index = self.period.findData(default)
        self.period.setCurrentIndex(max(0, index))
        label = QLabel("Reporting &year", self)
        label.setBuddy(self.period)
        self.explainer = QLabel(self)
        self.explainer.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addSpacing(24)
        top.addWidget(label)
        top.addWidget(self.period)
        top.addStretch(1)

        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.grid_host)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.explainer)
        layout.addWidget(self.scroll, 1)
        self.period.currentIndexChanged.connect(lambda _=0: self.refresh())
        self.loaded = False  # the figures are read when the page is shown

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if not event.spontaneous():  # shown again (from the navigation): the figures as now
            self.refresh()

    def chosen(self) -> str:
        return self.period.currentData()

    def choose(self, spec: str) -> None:
        index = self.period.findData(spec)
        if index < 0:
            raise ValueError(f"{spec} is not offered")
        self.period.setCurrentIndex(index)

    def refresh(self) -> None:
        self.loaded = True
        for card in self.cards:
            self.grid.removeWidget(card)
            card.deleteLater()
        self.cards = []
        spec = self.chosen()
        lado = period_for("lado", spec).label
        others = period_for("board", spec).label
        modules = dashboard_data.allowed_modules(self.session.return_domains)
        if modules == ["lado"]:
            text = f"Figures from the LADO return for {lado}."
        elif "lado" in modules:
            text = (f"Figures from each module's return for {spec}: LADO {lado}, "
                    f"the others {others}.")
        else:
            text = f"Figures from each module's return for {others}."
        self.explainer.setText(text + " Choose a chart's \"Show the numbers\" to see its figures.")
        with wait_cursor():
            series = dashboard_data.series_for(self.session, spec)
        for series_one in series:
            self.cards.append(ChartCard(series_one, self.session, self.grid_host))
        self._lay_out()

    def card(self, key: str) -> ChartCard:
        for card in self.cards:
            if card.series.key == key:
                return card
        raise KeyError(key)

    def _columns(self) -> int:
        return 2 if self.width() >= 1200 else 1

    def _lay_out(self) -> None:
        columns = self._columns()
        self._laid_columns = columns
        for card in self.cards:
            self.grid.removeWidget(card)
        row = col = 0
        for card in self.cards:
            wide = card.series.horizontal  # long labels: the full width
            if wide and col:
                row, col = row + 1, 0
            self.grid.addWidget(card, row, col, 1, columns if wide else 1)
            if wide or col + 1 >= columns:
                row, col = row + 1, 0
            else:
                col += 1
        for c in range(2):
            self.grid.setColumnStretch(c, 1 if c < columns else 0)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if getattr(self, "_laid_columns", None) != self._columns():
            self._lay_out()
