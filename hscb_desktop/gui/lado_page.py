"""The LADO module page: the contact list, the contact form and the list of records due
for retention review, in one stack.

New contact (Ctrl+N) and Enter on a row open the form; "Save and close" and "Back to
list" return to the list the record was opened from, which is refreshed after every
save. Leaving a form with unsaved changes asks first (RecordForm.confirm_leave). The
strip under the contact list says how many records are due for retention review and
opens that list (``gui.lado_retention``).

The form and the list (and through them the LADO service and its models) are imported
when the page is built, not when this module is: ``register()`` runs at start-up, and
~0.1 s of imports belongs after sign-in, not before the login dialog.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hscb_desktop.core.validation import PermissionDenied, ValidationFailed
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.gui.lazy_page import BuiltWhenShown
from hscb_desktop.gui.modules import GuiModule

if TYPE_CHECKING:
    from hscb_desktop.gui.lado_form import LadoContactForm
    from hscb_desktop.gui.lado_list import LadoListWidget
    from hscb_desktop.gui.lado_retention import RetentionReviewList


class LadoPage(BuiltWhenShown):
    # The list's first page, its count and the retention strip read the store when built.
    PARTS = frozenset({"list", "form", "retention", "_origin", "retention_text",
                       "retention_button", "list_page", "stack"})

    def _build(self) -> None:
        from hscb_desktop.gui.lado_form import LadoContactForm
        from hscb_desktop.gui.lado_list import LadoListWidget
        from hscb_desktop.gui.lado_retention import RetentionReviewList

        session = self.session
        self.list: LadoListWidget = LadoListWidget(session, self)
        self.form: LadoContactForm = LadoContactForm(session, self)
        self.retention: RetentionReviewList = RetentionReviewList(session, self)
        self._origin: QWidget = self.list  # the list the open record was chosen from

        # The contact list with, under it, the way to the retention review.
        self.retention_text = QLabel(self)
        self.retention_text.setObjectName("retentionDue")
        self.retention_button = QPushButton("Retention re&view…", self)
        self.retention_button.setToolTip("Records whose retention review date has come")
        self.retention_button.clicked.connect(self.show_retention_due)
        strip = QHBoxLayout()
        strip.setContentsMargins(9, 0, 9, 6)
        strip.addStretch(1)
        strip.addWidget(self.retention_text)
        strip.addWidget(self.retention_button)
        self.list_page = QWidget(self)
        list_layout = QVBoxLayout(self.list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.setSpacing(0)
        list_layout.addWidget(self.list, 1)
        list_layout.addLayout(strip)
        self.list_page.setFocusProxy(self.list)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.list_page)
        self.stack.addWidget(self.form)
        self.stack.addWidget(self.retention)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.list.new_requested.connect(self.new_contact)
        self.list.open_requested.connect(self.open_contact)
        self.retention.open_requested.connect(lambda i: self.open_contact(i, self.retention))
        self.retention.back_requested.connect(lambda: self._show_list(None))
        self.form.saved.connect(lambda _id: self._refresh_lists())
        self.form.record_changed.connect(lambda _id: self._refresh_lists())
        self.form.record_deleted.connect(self._after_delete)
        self.form.close_requested.connect(self._return_after_save)
        self.form.back_requested.connect(self.show_list)
        self.form.related_requested.connect(self.show_related)
        self._update_retention_strip()

    # -- navigation -------------------------------------------------------
    def showing_form(self) -> bool:
        return self.stack.currentWidget() is self.form

    def showing_retention(self) -> bool:
        return self.stack.currentWidget() is self.retention

    def menu_actions(self) -> list[tuple[str, object]]:
        """Extra Records-menu items the main window offers for this page."""
        return [
            ("New LADO contact", self.new_contact),
            ("LADO records due for retention review", self.show_retention_due),
        ]

    def confirm_leave(self) -> bool:
        """For the main window too: True when the page may be left (nothing unsaved)."""
        if not self.built:
            return True
        return not self.showing_form() or self.form.confirm_leave(self)

    def new_contact(self) -> bool:
        if not self.confirm_leave():
            return False
        self._origin = self.list
        self.form.load(None)
        self._show_form()
        return True

    def open_contact(self, record_id: int, origin: QWidget | None = None) -> bool:
        """Show a record in the form; ``origin`` is the list "Back" returns to."""
        if self.showing_form() and self.form.record_id == record_id:
            return True
        if not self.confirm_leave():
            return False
        self._origin = origin if origin is not None else self.list
        try:
            self.form.reload(record_id)
        except ValidationFailed as exc:  # deleted since the list was drawn
            Dialogs.warn(self, "Cannot open", " ".join(p.message for p in exc.problems))
            self._show_list(None)
            return False
        except PermissionDenied as exc:
            Dialogs.error(self, "Cannot open", str(exc))
            return False
        self._show_form()
        return True

    def show_list(self) -> bool:
        """Back to the list the record came from (asks first about unsaved changes)."""
        if not self.confirm_leave():
            return False
        if self._origin is self.retention:
            self._show_retention(self.form.record_id)
        else:
            self._show_list(self.form.record_id)
        return True

    def show_retention_due(self) -> bool:
        """The records due for retention review (asks first about unsaved changes)."""
        if not self.confirm_leave():
            return False
        self._show_retention(None)
        return True

    def show_related(self, ids: list[int]) -> None:
        """The form's "Show": list the other contacts for its subject or employer."""
        if not self.confirm_leave():
            return
        current = self.form.record
        ref = current.get("ref") if current else ""
        n = len(ids)
        self.list.show_chosen(ids, f"{n} contact{'s' if n != 1 else ''} related to {ref}")
        self._show_list(None)

    def _return_after_save(self) -> None:
        if self._origin is self.retention:
            self._show_retention(self.form.record_id)
        else:
            self._show_list(self.form.record_id)

    def _after_delete(self, _record_id: int) -> None:
        if self._origin is self.retention:
            self._show_retention(None)
        else:
            self._show_list(None)

    def _refresh_lists(self) -> None:
        self.list.refresh()
        self._update_retention_strip()

    def _update_retention_strip(self) -> None:
        n = self.retention.due_count()
        self.retention_text.setText(
            f"{n} record{'s' if n != 1 else ''} due for retention review"
            if n
            else "No records due for retention review"
        )

    def _show_retention(self, select: int | None) -> None:
        self.retention.refresh(select)
        self._update_retention_strip()
        self.stack.setCurrentWidget(self.retention)
        self.retention.table.setFocus()

    def _show_form(self) -> None:
        self.stack.setCurrentWidget(self.form)
        self.form.ui.scrollArea.verticalScrollBar().setValue(0)
        ui = self.form.ui
        (ui.threshold_met if self.form.record is None else ui.employer_name).setFocus()

    def _show_list(self, select: int | None) -> None:
        self.stack.setCurrentWidget(self.list_page)
        self._refresh_lists()
        if select is not None:
            self.list.select_id(select)
            self.list.table.setFocus()
        else:
            self.list.search.setFocus()


def register() -> GuiModule:
    """The LADO page as the main window's module registry describes it; the caller
    passes it to ``gui.modules.register``."""
    return GuiModule(domain="lado", title="LADO", icon="", factory=LadoPage)
