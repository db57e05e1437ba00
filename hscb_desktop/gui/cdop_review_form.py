"""The panel's review of one death: the Designer form ``ui/cdop_review_form.ui`` bound
through the record-form protocol to ``service.check_review`` / ``service.save_review``.

As the categories applicable are ticked, the form suggests the highest in the hierarchy
(``service.suggestions``) and, unless the user has chosen another, fills the category in.
SUDI is suggested from the age at death, expected or unexpected and whether the death was
sudden; "As suggested" follows the suggestion, Yes or No overrides it. A review with a
completed date closes the case.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from hscb_desktop.core.dates import format_uk
from hscb_desktop.core.validation import PermissionDenied, Problem, ValidationFailed, error
from hscb_desktop.domains.cdop import rules, service
from hscb_desktop.domains.cdop import vocab as V
from hscb_desktop.gui.cdop_common import NOTE_STYLE, CdopForm, fill_combo
from hscb_desktop.gui.forms.ui_cdop_review_form import Ui_CdopReviewForm
from hscb_desktop.gui.record_form import Record

FIELDS = (
    "panel_meeting_id",
    "review_completed_date",
    "agencies_represented",
    "categories_applicable",
    "category_of_death",
    "cause_of_death_text",
    "domain_scheme",
    *V.DOMAIN_FIELDS,
    "factors",
    "modifiable_factors",
    "modifiable_factors_text",
    "sudden_death",
    "sudi",
    *V.TRISTATE_FACTORS,
    "scr_considered",
    "scr_held",
    "recommendations",
)
REASON = "reason"
CODED = {
    "category_of_death": V.CATEGORIES,
    "domain_scheme": V.DOMAIN_SCHEMES,
    "modifiable_factors": V.MODIFIABLE,
    **{name: V.DOMAIN_SCORES for name in V.DOMAIN_FIELDS},
    **{name: V.YES_NO_UNKNOWN for name in V.TRISTATE_FACTORS},
}
REVEALS = {
    "categories_applicable": ("category_of_death",),
    "modifiable_factors": ("modifiable_factors_text",),
    "scr_held": ("scr_considered",),
    "factors": tuple(V.TRISTATE_FACTORS),
    "review_completed_date": ("panel_meeting_id",),
}


def meeting_label(meeting: dict[str, Any], today) -> str:
    when = meeting["meeting_date"]
    planned = " (planned)" if when > today else ""
    return f"{format_uk(when)}{planned}"


class CdopReviewForm(CdopForm):
    """The review of the death ``load(death)`` shows (``service.get_death``)."""

    REVEALS = REVEALS
    record_saved = Signal(int)  # the death id
    close_requested = Signal()
    back_requested = Signal()

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent, saver=self._store, validator=self._validate)
        self.session = session
        self.death: dict[str, Any] | None = None
        self._suggested_category: str | None = None
        self.ui = Ui_CdopReviewForm()
        self.ui.setupUi(self)
        self.scroll_area = self.ui.scrollArea
        ui = self.ui
        for name, codes in CODED.items():
            fill_combo(getattr(ui, name), codes, None if name == "domain_scheme" else "")
        ui.categories_applicable.set_choices(V.CATEGORIES.choices())
        ui.agencies_represented.set_choices(V.AGENCIES_REPRESENTED.choices())
        ui.factors.set_groups([
            (V.FACTOR_GROUPS.label(group), [(c, V.FACTORS.label(c)) for c in codes])
            for group, codes in (("intrinsic", V.INTRINSIC_FACTORS),
                                 ("social", V.SOCIAL_FACTORS))
        ])
        for name in V.DOMAIN_FIELDS:  # above its scores, as wide as the group
            label = getattr(ui, f"{name}Label")
            label.setWordWrap(True)
            label.setMinimumWidth(label.fontMetrics().averageCharWidth() * 40)
        self.bind_fields([(n, getattr(ui, n)) for n in FIELDS] + [(REASON, ui.change_reason)])
        self.set_message_area(ui.messages)
        self.set_conflict_reader(  # issue 11: a stale save shows what changed
            lambda started, fields: service.review_changes(
                self.session, self.death["id"], started, fields
            )
        )
        for label in (ui.categorySuggestion, ui.sudiSuggestion):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setStyleSheet(NOTE_STYLE)
        ui.domain_scheme.currentIndexChanged.connect(self._name_domains)
        ui.categories_applicable.codesChanged.connect(self._suggest)
        ui.sudden_death.currentIndexChanged.connect(self._suggest)
        ui.sudi.currentIndexChanged.connect(self._suggest)
        ui.modifiable_factors.currentIndexChanged.connect(self._modifiable_changed)
        for combo in [getattr(ui, n) for n in CODED] + [ui.panel_meeting_id]:
            combo.currentIndexChanged.connect(lambda _i, c=combo: c.setToolTip(c.currentText()))
        ui.saveButton.clicked.connect(self.save)
        ui.saveCloseButton.clicked.connect(self.save_and_close)
        ui.backButton.clicked.connect(self.back_requested)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (
            (QKeySequence.StandardKey.Save, self.save),
            ("Ctrl+Return", self.save_and_close),
            ("Ctrl+Enter", self.save_and_close),
            ("Escape", self.back_requested.emit),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)
        self.setEnabled(False)

    # -- the protocol -----------------------------------------------------
    def load_case(self, death: dict[str, Any] | None, meeting_id: int | None = None) -> None:
        """Show the review of this death (a blank one before it is started); ``meeting_id``
        is the meeting to record a new review against."""
        self.death = death
        self.setEnabled(death is not None)
        self._fill_meetings()
        review = service.get_review(self.session, death["id"]) if death else None
        if review is None:
            blank: Record = {"domain_scheme": V.DEFAULT_DOMAIN_SCHEME}
            if meeting_id is not None:
                blank["panel_meeting_id"] = meeting_id
            self.load(blank)
            self.record = None
        else:
            shown = dict(review)
            shown["sudi"] = review.get("sudi_override")  # None: "As suggested"
            self.load(shown)
            self.record = review
            if meeting_id is not None and review.get("panel_meeting_id") is None:
                self._choose_meeting(meeting_id)
        self._suggested_category = None
        self._loading = True
        try:
            self._name_domains()
            self._suggest()
            self._modifiable_changed()
            self._show_state()
        finally:
            self._loading = False
        self.reset_live()

    def _choose_meeting(self, meeting_id: int) -> None:
        combo = self.ui.panel_meeting_id
        index = combo.findData(meeting_id)
        if index >= 0:
            combo.setCurrentIndex(index)

    def values(self) -> Record:
        values = super().values()
        values["panel_meeting_id"] = self.ui.panel_meeting_id.currentData()
        values["domain_scheme"] = self.ui.domain_scheme.currentData()
        return values

    def _validate(self, values: Record) -> list[Problem]:
        if self.death is None:
            return [error("", "Open a case first.")]
        data = {k: v for k, v in values.items() if k != REASON}
        try:
            return service.check_review(self.session, self.death["id"], data)
        except (PermissionDenied, ValidationFailed) as exc:
            return [error("", str(exc))]

    def _store(self, values: Record) -> int:
        values = dict(values)
        reason = (values.pop(REASON) or "").strip()
        version = self.record["version"] if self.record else 0
        service.save_review(self.session, self.death["id"], values, version, reason)
        return self.death["id"]

    def save(self) -> int | None:
        death_id = super().save()
        if death_id is None:
            return None
        self.load_case(service.get_death(self.session, death_id))
        self.show_problems([p for p in self.check() if not p.blocking])
        self.record_saved.emit(death_id)
        return death_id

    def load_stored(self, record: Record) -> None:
        self.load_case(self.death)  # the review as saved now, shown as load_case shows it

    def save_and_close(self) -> int | None:
        death_id = self.save()
        if death_id is not None:
            self.close_requested.emit()
        return death_id

    # -- what the form shows ----------------------------------------------
    def _fill_meetings(self) -> None:
        from hscb_desktop.core.clock import local_today

        combo = self.ui.panel_meeting_id
        current = combo.currentData()
        today = local_today(self.session.clock)
        combo.blockSignals(True)
        try:
            combo.clear()
            combo.addItem("", None)
            for meeting in service.list_meetings(self.session):
                combo.addItem(meeting_label(meeting, today), meeting["id"])
            combo.setCurrentIndex(max(combo.findData(current), 0) if current else 0)
        finally:
            combo.blockSignals(False)

    def _show_state(self) -> None:
        ui, death, review = self.ui, self.death, self.record
        ref = (death or {}).get("cdop_ref") or ""
        ui.formTitle.setText(f"<b>Review of {ref}</b>" if death else "<b>Review</b>")
        if review is None:
            state = "Not started: the case stays open until a review is completed"
        elif review.get("review_completed_date"):
            state = f"Completed {format_uk(review['review_completed_date'])}: the case is closed"
        else:
            state = "In progress: enter the date the review was completed to close the case"
        ui.stateText.setText(state)
        completed = bool(review and review.get("review_completed_date"))
        ui.change_reason.setVisible(completed)
        layout = ui.recommendationsLayout
        row, _ = layout.getWidgetPosition(ui.change_reason)
        if row >= 0:
            layout.setRowVisible(row, completed)

    def _name_domains(self, *_: Any) -> None:
        scheme = self.ui.domain_scheme.currentData() or V.DEFAULT_DOMAIN_SCHEME
        names = V.DOMAIN_NAMES.get(scheme, V.DOMAIN_NAMES[V.DEFAULT_DOMAIN_SCHEME])
        for n, (field, name) in enumerate(zip(V.DOMAIN_FIELDS, names), start=1):
            getattr(self.ui, f"{field}Label").setText(f"{n}. {name}")
            getattr(self.ui, field).setAccessibleName(f"Domain {n}: {name}")

    def _modifiable_changed(self, *_: Any) -> None:
        insufficient = self.ui.modifiable_factors.currentData() == "insufficient_information"
        self.ui.modifiable_factors_textLabel.setText(
            "&Why insufficient" if insufficient else "Details"
        )
        self.ui.modifiable_factors_text.setPlaceholderText(
            "Required: why there is not enough information to decide"
            if insufficient else "The modifiable factors the panel identified"
        )

    def suggestions(self) -> dict[str, Any]:
        """``service.suggestions`` for what is on the form now."""
        if self.death is None:
            return {"category": None, "sudden": None, "sudi": False}
        return service.suggestions(self.session, self.death["id"], self.values())

    def _suggest(self, *_: Any) -> None:
        """Show the suggested category and SUDI answer; follow the category suggestion
        unless the user has chosen another category."""
        if self.death is None:
            self.ui.categorySuggestion.setText("")
            self.ui.sudiSuggestion.setText("")
            return
        found = self.suggestions()
        category, combo = found["category"], self.ui.category_of_death
        current = combo.currentData()
        if category is not None and current in (None, self._suggested_category):
            combo.setCurrentIndex(combo.findData(category))
        self._suggested_category = category
        ticked = len(self.ui.categories_applicable.get_codes())
        if category is None:
            text = "Tick the categories that apply: the highest is suggested."
        elif ticked > 1:
            text = f"Suggested: {V.CATEGORIES.label(category)} (the highest of {ticked} ticked)"
        else:
            text = f"Suggested: {V.CATEGORIES.label(category)}"
        self.ui.categorySuggestion.setText(text)
        self.ui.sudiSuggestion.setText(self._sudi_words(found))

    def _sudi_words(self, found: dict[str, Any]) -> str:
        death = self.death or {}
        age = rules.age_text(death.get("age_days"), death.get("age_years")) or "age not known"
        expected = death.get("expected_or_unexpected") or "not said if expected"
        sudden = {True: "sudden", False: "not sudden"}.get(found["sudden"], "not known if sudden")
        answer = "Yes" if found["sudi"] else "No"
        chosen = self.ui.sudi.value()
        override = (
            "" if chosen is None else f"; the panel's answer, {'Yes' if chosen else 'No'}, is kept"
        )
        return f"Suggested: {answer} (aged {age}, {expected}, {sudden}){override}"

    def category_suggestion_text(self) -> str:
        return self.ui.categorySuggestion.text()

    def sudi_suggestion_text(self) -> str:
        return self.ui.sudiSuggestion.text()
