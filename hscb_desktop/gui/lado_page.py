"""The LADO module page: the contact list and the contact form in one stack.

New contact (Ctrl+N) and Enter on a row open the form; "Save and close" and "Back to
list" return to the list, which is refreshed after every save. Leaving a form with
unsaved changes asks first (RecordForm.confirm_leave).

The form and the list (and through them the LADO service and its models) are imported
when the page is built, not when this module is: ``register()`` runs at start-up, and
~0.1 s of imports belongs after sign-in, not before the login dialog.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from hscb_desktop.core.validation import PermissionDenied, ValidationFailed
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.gui.modules import GuiModule

if TYPE_CHECKING:
    from hscb_desktop.gui.lado_form import LadoContactForm
    from hscb_desktop.gui.lado_list import LadoListWidget


class LadoPage(QWidget):
    def __init__(self, session, parent: QWidget | None = None) -> None:
        from hscb_desktop.gui.lado_form import LadoContactForm
        from hscb_desktop.gui.lado_list import LadoListWidget

        super().__init__(parent)
        self.session = session
        self.list: LadoListWidget = LadoListWidget(session, self)
        self.form: LadoContactForm = LadoContactForm(session, self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.list)
        self.stack.addWidget(self.form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.list.new_requested.connect(self.new_contact)
        self.list.open_requested.connect(self.open_contact)
        self.form.saved.connect(lambda _id: self.list.refresh())
        self.form.close_requested.connect(self._return_after_save)
        self.form.back_requested.connect(self.show_list)
        self.form.related_requested.connect(self.show_related)

    # -- navigation -------------------------------------------------------
    def showing_form(self) -> bool:
        return self.stack.currentWidget() is self.form

    def confirm_leave(self) -> bool:
        """For the main window too: True when the page may be left (nothing unsaved)."""
        return not self.showing_form() or self.form.confirm_leave(self)

    def new_contact(self) -> bool:
        if not self.confirm_leave():
            return False
        self.form.load(None)
        self._show_form()
        return True

    def open_contact(self, record_id: int) -> bool:
        if self.showing_form() and self.form.record_id == record_id:
            return True
        if not self.confirm_leave():
            return False
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
        """Back to the list (asks first when the form has unsaved changes)."""
        if not self.confirm_leave():
            return False
        self._show_list(self.form.record_id)
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
        self._show_list(self.form.record_id)

    def _show_form(self) -> None:
        self.stack.setCurrentWidget(self.form)
        self.form.ui.scrollArea.verticalScrollBar().setValue(0)
        ui = self.form.ui
        (ui.threshold_met if self.form.record is None else ui.employer_name).setFocus()

    def _show_list(self, select: int | None) -> None:
        self.stack.setCurrentWidget(self.list)
        self.list.refresh()
        if select is not None:
            self.list.select_id(select)
            self.list.table.setFocus()
        else:
            self.list.search.setFocus()


def register() -> GuiModule:
    """The LADO page as the main window's module registry describes it; the caller
    passes it to ``gui.modules.register``."""
    return GuiModule(domain="lado", title="LADO", icon="", factory=LadoPage)
