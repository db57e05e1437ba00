"""File -> Import from Excel…: a tracker workbook into a module, in five pages (issue 8).

    open_import(window, session)

1. Workbook: the file, the sheet and the header row (found even below a title), and a
   preview of the first rows.
2. Columns: the field each column fills, proposed from the headers and sample values;
   a mapping can be saved and loaded again next year.
3. Values: each distinct value of a coded field beside the code it becomes (near misses
   suggested, unmatched ones to resolve), and the order of dates that read both ways.
4. Dry run: every row through the domain's rules; counts and the row-by-row report,
   which can be saved as a workbook.
5. Import: every accepted row in one transaction.

Reading the whole sheet, the dry run and the commit run off the GUI thread through
``workers.run_task`` with progress and Cancel. The engine is ``hscb_desktop.importing``;
nothing here reads or writes records itself.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from hscb_desktop.core.dates import format_uk
from hscb_desktop.core.progress import Cancelled
from hscb_desktop.core.validation import PermissionDenied, ValidationFailed
from hscb_desktop.gui import workers
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.importing import engine, importer, importers_for
from hscb_desktop.importing import mapping as M
from hscb_desktop.importing import reader
from hscb_desktop.importing import values as V
from hscb_desktop.storage import stores

NOT_IMPORTED = "(not imported)"
LEAVE_BLANK = "(leave blank)"
CHOOSE = "— choose —"
TITLES = {"lado": "LADO", "fostering": "Private fostering", "cdop": "CDOP",
          "board": "Board attendance"}
_ISSUES_SHOWN = 2000  # the table shows this many; the saved report has them all


def _in_worker(fn):
    """Run ``fn(progress)``, then close the connections a worker thread opened."""
    def run(progress):
        try:
            return fn(progress)
        finally:
            if threading.current_thread() is not threading.main_thread():
                stores.close_thread_connections()
    return run


def failure_text(exc: BaseException) -> str:
    if isinstance(exc, ValidationFailed):
        return "\n".join(p.message for p in exc.problems) or str(exc)
    if isinstance(exc, (PermissionDenied, reader.WorkbookError, ValueError)):
        return str(exc)
    if isinstance(exc, OSError):
        return f"The file could not be read or written: {exc.strerror or exc}."
    return f"The import stopped ({type(exc).__name__}: {exc})."


def _display(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "year") and hasattr(value, "day"):
        return format_uk(value)
    return str(value)


# -- 1. workbook ------------------------------------------------------------------------


class SourcePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setObjectName("source_page")
        self.setTitle("Workbook")
        self.setSubTitle("Choose the tracker workbook and the sheet to read. The header row is "
                         "found even below a title; change it if it is wrong.")
        self.module = QComboBox(self)
        self.module.setObjectName("module")
        for domain in importers_for(wizard.session):
            self.module.addItem(TITLES.get(domain, domain), domain)
        self.file = QLineEdit(self)
        self.file.setObjectName("file")
        self.file.setReadOnly(True)
        self.file.setAccessibleName("Workbook file")
        self.browse = QPushButton("B&rowse…", self)  # Alt+B is the wizard's Back
        self.browse.setObjectName("browse")
        self.browse.clicked.connect(self.choose_file)
        self.sheet = QComboBox(self)
        self.sheet.setObjectName("sheet")
        self.header_row = QSpinBox(self)
        self.header_row.setObjectName("header_row")
        self.header_row.setRange(1, reader.HEADER_SCAN_ROWS)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.preview = QTableWidget(self)
        self.preview.setObjectName("preview")
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setAccessibleName("Preview of the first rows")
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(self.browse)
        form = QFormLayout()
        for text, widget in (("&Module", self.module), ("&File", row), ("&Sheet", self.sheet),
                             ("&Header row", self.header_row)):
            label = QLabel(text, self)
            if isinstance(widget, QWidget):
                label.setBuddy(widget)
            else:
                label.setBuddy(self.browse)
            form.addRow(label, widget)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.preview, 1)
        self.sheet.currentIndexChanged.connect(lambda _i: self.load(header_row=None))
        self.header_row.editingFinished.connect(lambda: self.load(self.header_row.value()))
        self._loading = False

    def choose_file(self) -> None:
        path = Dialogs.open_file(self, "Import from Excel", "Excel workbook (*.xlsx *.xlsm)")
        if path is not None:
            self.set_file(path)

    def set_file(self, path: Path) -> None:
        self.file.setText(str(path))
        wizard: ImportWizard = self.wizard()
        wizard.info = None
        try:
            names = reader.sheet_names(path)
        except reader.WorkbookError as exc:
            self._fail(str(exc))
            return
        self._loading = True
        self.sheet.clear()
        self.sheet.addItems(names)
        self._loading = False
        self.load(None)

    def load(self, header_row: int | None) -> None:
        if self._loading or not self.file.text():
            return
        wizard: ImportWizard = self.wizard()
        try:
            info = reader.inspect_sheet(self.file.text(), self.sheet.currentText() or None,
                                        header_row)
        except reader.WorkbookError as exc:
            self._fail(str(exc))
            return
        wizard.info = info
        self.header_row.blockSignals(True)
        self.header_row.setValue(info.header_row)
        self.header_row.blockSignals(False)
        self.message.setText(f"Headers on row {info.header_row}: {len(info.headers)} columns. "
                             f"The first rows:")
        self.preview.clear()
        self.preview.setColumnCount(len(info.headers))
        self.preview.setRowCount(len(info.preview))
        self.preview.setHorizontalHeaderLabels(info.headers)
        self.preview.setVerticalHeaderLabels([str(n) for n, _ in info.preview])
        for r, (_n, values) in enumerate(info.preview):
            for c, value in enumerate(values):
                self.preview.setItem(r, c, QTableWidgetItem(_display(value)))
        self.preview.resizeColumnsToContents()
        self.completeChanged.emit()

    def _fail(self, text: str) -> None:
        self.wizard().info = None
        self.preview.clear()
        self.preview.setRowCount(0)
        self.message.setText(text)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return self.wizard().info is not None and self.module.count() > 0


# -- 2. columns ------------------------------------------------------------------------


class ColumnsPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setObjectName("columns_page")
        self.setTitle("Columns")
        self.setSubTitle("Each column's field, proposed from its header and values. Correct "
                         "any that are wrong; save the mapping to use it again next year.")
        self.combos: dict[str, QComboBox] = {}
        self.grid_host = QWidget(self)
        self.grid = QGridLayout(self.grid_host)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        self.load_button = QPushButton("&Load mapping…", self)
        self.load_button.setObjectName("load_mapping")
        self.load_button.clicked.connect(self.load_mapping)
        self.save_button = QPushButton("Sa&ve mapping…", self)
        self.save_button.setObjectName("save_mapping")
        self.save_button.clicked.connect(self.save_mapping)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.load_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._ready = False

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        wizard: ImportWizard = self.wizard()
        info = wizard.info
        module = wizard.module()
        fields = wizard.fields()
        samples = {h: [v[i] for _, v in info.preview] for i, h in enumerate(info.headers)}
        if wizard.mapping is None or wizard.mapping.domain != module.name:
            wizard.mapping = M.ImportMapping(
                module.name, columns=M.suggest_columns(info.headers, samples, fields))
        self._ready = False
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.combos.clear()
        for col, text in enumerate(("Column", "Sample values", "Field")):
            head = QLabel(f"<b>{text}</b>", self.grid_host)
            self.grid.addWidget(head, 0, col)
        for row, header in enumerate(info.headers, start=1):
            combo = QComboBox(self.grid_host)
            combo.setObjectName(f"column_{row}")
            combo.addItem(NOT_IMPORTED, None)
            for f in fields:
                combo.addItem(f.label + (" *" if f.required else ""), f.name)
            name = wizard.mapping.columns.get(header)
            combo.setCurrentIndex(max(0, combo.findData(name)) if name else 0)
            label = QLabel(header, self.grid_host)
            label.setBuddy(combo)
            combo.setAccessibleName(f"Field for column {header}")
            sample = ", ".join(_display(v) for v in samples[header][:3] if v is not None)
            shown = QLabel(sample[:80], self.grid_host)
            self.grid.addWidget(label, row, 0)
            self.grid.addWidget(shown, row, 1)
            self.grid.addWidget(combo, row, 2)
            self.combos[header] = combo
        self.grid.setColumnStretch(1, 1)
        self.grid.setRowStretch(len(info.headers) + 1, 1)  # rows at the top, not centred
        self.message.setText("* required")

    def current_mapping(self) -> M.ImportMapping:
        wizard: ImportWizard = self.wizard()
        columns = {h: c.currentData() for h, c in self.combos.items() if c.currentData()}
        mapping = wizard.mapping
        mapping.columns = columns
        mapping.sheet, mapping.header_row = wizard.info.sheet, wizard.info.header_row
        return mapping

    def save_mapping(self) -> None:
        wizard: ImportWizard = self.wizard()
        suggested = Path(wizard.info.path).with_suffix(".mapping.json")
        path = Dialogs.save_file(self, "Save the mapping", suggested, "Mapping (*.json)")
        if path is None:
            return
        try:
            self.current_mapping().save(path)
        except OSError as exc:
            Dialogs.error(self, "Mapping not saved", failure_text(exc))
            return
        self.message.setText(f"Mapping saved to {path}.")

    def load_mapping(self) -> None:
        wizard: ImportWizard = self.wizard()
        path = Dialogs.open_file(self, "Load a mapping", "Mapping (*.json)")
        if path is None:
            return
        try:
            mapping = M.ImportMapping.load(path, wizard.module().name)
        except ValueError as exc:
            Dialogs.error(self, "Mapping not loaded", str(exc))
            return
        wizard.mapping = mapping
        self.initializePage()
        missing = [h for h in mapping.columns if h not in self.combos]
        self.message.setText(f"Mapping loaded from {path}."
                             + (f" Not in this sheet: {', '.join(missing)}." if missing else ""))

    def validatePage(self) -> bool:  # noqa: N802 - Qt API
        if self._ready:
            return True
        wizard: ImportWizard = self.wizard()
        mapping = self.current_mapping()
        problems = engine.check_mapping(wizard.fields(), mapping, wizard.info.headers)
        if problems:
            self.message.setText("\n".join(problems))
            return False
        info, module, session = wizard.info, wizard.module(), wizard.session
        wizard.task = workers.run_task(
            _in_worker(lambda progress: engine.prepare(info.path, info.sheet, mapping, module,
                                                       progress, info.header_row, session)),
            parent=wizard, on_result=self._prepared, on_error=wizard.failed,
            title="Reading the sheet", cancellable=True)
        return False

    def _prepared(self, plan: engine.Plan) -> None:
        wizard: ImportWizard = self.wizard()
        wizard.plan = plan
        self._ready = True
        wizard.next()
        self._ready = False


# -- 3. values -------------------------------------------------------------------------


class ValuesPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setObjectName("values_page")
        self.setTitle("Values")
        self.setSubTitle("What each spreadsheet value becomes. Suggested matches are marked; "
                         "every value marked 'choose' must be mapped (or left blank) first.")
        self.host = QWidget(self)
        self.body = QVBoxLayout(self.host)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.host)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        self.value_combos: dict[tuple[str, str], QComboBox] = {}
        self.order_combos: dict[str, QComboBox] = {}

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        wizard: ImportWizard = self.wizard()
        plan = wizard.plan
        while self.body.count():
            item = self.body.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.value_combos.clear()
        self.order_combos.clear()
        for header, count in plan.ambiguous.items():
            if not count:
                continue
            box = QGroupBox(f"Dates in column '{header}'", self.host)
            form = QFormLayout(box)
            combo = QComboBox(box)
            combo.setObjectName(f"order_{header}")
            combo.addItem(CHOOSE, None)
            for code, text in V.DATE_ORDERS.items():
                combo.addItem(text.capitalize(), code)
            chosen = plan.orders.get(header)
            combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen else 0)
            combo.currentIndexChanged.connect(self._changed)
            label = QLabel(f"{count} dates such as 03/04/2017 read both ways. &Order:", box)
            label.setBuddy(combo)
            label.setWordWrap(True)
            form.addRow(label, combo)
            self.order_combos[header] = combo
            self.body.addWidget(box)
        for name, counts in plan.distinct.items():
            f = plan.fields[name]
            box = QGroupBox(f.label, self.host)
            form = QFormLayout(box)
            for value, n in counts.most_common():
                code, how = M.value_code(plan.mapping, f, value)
                combo = QComboBox(box)
                combo.setObjectName(f"value_{name}_{value}")
                combo.setAccessibleName(f"{f.label}: {value}")
                if how == M.UNMATCHED:
                    combo.addItem(CHOOSE, M.UNDECIDED)
                combo.addItem(LEAVE_BLANK, None)
                for c, label in f.code_list.choices():
                    combo.addItem(label, c)
                combo.setCurrentIndex(combo.findData(code) if code else
                                      (0 if how == M.UNMATCHED else combo.findData(None)))
                combo.currentIndexChanged.connect(self._changed)
                mark = {M.SUGGESTED: "  (suggested)", M.UNMATCHED: "  (choose)"}.get(how, "")
                text = QLabel(f"'{value}' × {n}{mark}", box)
                text.setBuddy(combo)
                form.addRow(text, combo)
                self.value_combos[(name, value)] = combo
            self.body.addWidget(box)
        if not self.value_combos and not self.order_combos:
            self.body.addWidget(QLabel("No coded values or ambiguous dates to map.", self.host))
        self.body.addStretch(1)
        self._changed()

    def _changed(self, *_args) -> None:
        plan: engine.Plan = self.wizard().plan
        for (name, value), combo in self.value_combos.items():
            plan.mapping.values.setdefault(name, {})[value] = combo.currentData()
        for header, combo in self.order_combos.items():
            if combo.currentData():
                plan.orders[header] = combo.currentData()
                plan.mapping.date_order[header] = combo.currentData()
            else:
                plan.orders.pop(header, None)
                plan.mapping.date_order.pop(header, None)
        left = sum(len(v) for v in plan.unresolved().values()) + len(plan.undecided_orders())
        self.message.setText(f"{left} still to choose." if left else "Every value is mapped.")
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        plan = self.wizard().plan
        return plan is not None and not plan.unresolved() and not plan.undecided_orders()


# -- 4. dry run ------------------------------------------------------------------------


class DryRunPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setObjectName("dry_run_page")
        self.setTitle("Dry run")
        self.setSubTitle("Every row checked by the module's rules. Nothing has been written.")
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("issues")
        self.table.setAccessibleName("Row-by-row report")
        self.table.setHorizontalHeaderLabels(["Row", "Column", "Field", "Value", "Problem",
                                              "Result"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.save_button = QPushButton("Save &report…", self)
        self.save_button.setObjectName("save_report")
        self.save_button.clicked.connect(self.save_report)
        self.again = QPushButton("Run &again", self)
        self.again.setObjectName("run_again")
        self.again.clicked.connect(self.run)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.again)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        self.run()

    def run(self) -> None:
        wizard: ImportWizard = self.wizard()
        wizard.report = None
        self.summary.setText("Checking every row…")
        self.table.setRowCount(0)
        self.completeChanged.emit()
        plan, session = wizard.plan, wizard.session
        wizard.task = workers.run_task(
            _in_worker(lambda progress: engine.dry_run(session, plan, progress)),
            parent=wizard, on_result=self._done, on_error=self._failed, title="Dry run",
            cancellable=True)

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText("The dry run was cancelled." if isinstance(exc, Cancelled)
                             else failure_text(exc))
        if not isinstance(exc, Cancelled):
            self.wizard().failed(exc)

    def _done(self, report: engine.Report) -> None:
        from hscb_desktop.importing.report import RESULTS

        wizard: ImportWizard = self.wizard()
        wizard.report = report
        notes = "".join(f"\n{n}" for n in report.notes)
        self.summary.setText(
            f"{report.rows_read} rows read: {report.to_create} will be created, "
            f"{report.duplicates} look like duplicates of existing records and will be "
            f"skipped, {report.skipped} have problems and will be skipped.{notes}")
        shown = report.issues[:_ISSUES_SHOWN]
        self.table.setRowCount(len(shown))
        for r, issue in enumerate(shown):
            for c, value in enumerate((issue.row, issue.column, issue.field, issue.value,
                                       issue.problem, RESULTS[issue.kind])):
                self.table.setItem(r, c, QTableWidgetItem(str(value)))
        self.table.resizeColumnsToContents()
        self.completeChanged.emit()

    def save_report(self) -> None:
        from hscb_desktop.importing import report as R

        wizard: ImportWizard = self.wizard()
        if wizard.report is None:
            return
        suggested = Path(wizard.plan.info.path).with_name(
            Path(wizard.plan.info.path).stem + " import report.xlsx")
        path = Dialogs.save_file(self, "Save the report", suggested, "Excel workbook (*.xlsx)")
        if path is None:
            return
        try:
            R.save(wizard.report, path)
        except OSError as exc:
            Dialogs.error(self, "Report not saved", failure_text(exc))
            return
        Dialogs.info(self, "Report saved", f"The report was saved to {path}.")

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        report = self.wizard().report
        return report is not None and report.to_create > 0


# -- 5. import -------------------------------------------------------------------------


class CommitPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.setObjectName("commit_page")
        self.setTitle("Import")
        self.setSubTitle("Every accepted row is written in one transaction, each audited as "
                         "an import with the file and row. If anything fails, nothing is "
                         "written.")
        self.text = QLabel(self)
        self.text.setObjectName("text")
        self.text.setWordWrap(True)
        self.button = QPushButton("&Import", self)
        self.button.setObjectName("import_button")
        self.button.clicked.connect(self.commit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.done: engine.Report | None = None

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        wizard: ImportWizard = self.wizard()
        self.done = None
        self.button.setEnabled(True)
        self.button.setText(f"&Import {wizard.report.to_create} records")
        self.text.setText(f"Import {wizard.report.to_create} records from "
                          f"{wizard.plan.info.path.name} into {wizard.module().title}.")
        self.button.setFocus()

    def commit(self) -> None:
        wizard: ImportWizard = self.wizard()
        plan, session, report = wizard.plan, wizard.session, wizard.report
        self.button.setEnabled(False)
        wizard.task = workers.run_task(
            _in_worker(lambda progress: engine.commit(session, plan, report, progress)),
            parent=wizard, on_result=self._done, on_error=self._failed, title="Importing",
            cancellable=True)

    def _failed(self, exc: BaseException) -> None:
        self.button.setEnabled(True)
        if isinstance(exc, Cancelled):
            self.text.setText("Cancelled: nothing was written.")
            return
        self.text.setText(f"Nothing was written. {failure_text(exc)}")
        self.wizard().failed(exc)

    def _done(self, done: engine.Report) -> None:
        self.done = done
        self.text.setText(f"Created {len(done.created_ids)} records "
                          f"({done.duplicates} duplicates and {done.skipped} rows skipped).")
        self.completeChanged.emit()
        wizard = self.wizard()
        wizard.button(QWizard.WizardButton.CancelButton).setEnabled(False)  # nothing to undo
        wizard.button(QWizard.WizardButton.FinishButton).setFocus()

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return self.done is not None


class ImportWizard(QWizard):
    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ImportWizard")
        self.setWindowTitle("Import from Excel")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.session = session
        self.info: reader.SheetInfo | None = None
        self.mapping: M.ImportMapping | None = None
        self.plan: engine.Plan | None = None
        self.report: engine.Report | None = None
        self.task: workers.Task | None = None
        self.source_page = SourcePage(self)
        self.columns_page = ColumnsPage(self)
        self.values_page = ValuesPage(self)
        self.dry_run_page = DryRunPage(self)
        self.commit_page = CommitPage(self)
        for page in (self.source_page, self.columns_page, self.values_page,
                     self.dry_run_page, self.commit_page):
            self.addPage(page)
        self.resize(900, 620)

    def module(self):
        return importer(self.source_page.module.currentData())

    def fields(self):
        return engine.fields_of(self.module(), self.session)

    def failed(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            return
        Dialogs.error(self, "Import from Excel", failure_text(exc))


def open_import(parent: QWidget | None, session: Any) -> int:
    """Run the wizard modally; its result (accepted once records were imported)."""
    wizard = ImportWizard(session, parent)
    try:
        return Dialogs.exec_dialog(wizard)
    finally:
        wizard.deleteLater()
