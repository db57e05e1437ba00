"""When the store does not answer during a save: keep the input, say so, retry.

Every record form's save goes through ``RecordForm.save``, which hands an engine
error (connection lost, database locked or unreachable, disk full, I/O error: the
``stores.ENGINE_ERRORS``) to its form's ``SaveGuard`` instead of letting it reach
the crash dialog. The guard shows a banner at the top of the form (and a line in
the main window's status bar), leaves every editor as it was, and tries the same
save again after a back-off (2, 5, 10, 20, then every 30 seconds), or at once on
"Retry now". Each service writes a record and its audit entry in one transaction,
so a save that failed left nothing behind and retrying cannot half-write.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from peewee import InterfaceError
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hscb_desktop.storage import stores

# peewee's InterfaceError (a closed or unusable connection) is not a DatabaseError.
SAVE_ERRORS: tuple[type[BaseException], ...] = (*stores.ENGINE_ERRORS, InterfaceError)
BACKOFF_MS: tuple[int, ...] = (2_000, 5_000, 10_000, 20_000, 30_000)

BANNER_STYLE = (
    "QFrame#saveGuardBanner { background: #fff4ce; border: 1px solid #8a6d00; "
    "border-radius: 3px; } QLabel { color: #3d2f00; }"
)


def is_store_error(exc: BaseException) -> bool:
    """An engine error, or a store closed under the form (locked or signed out meanwhile)."""
    return isinstance(exc, SAVE_ERRORS) or (
        isinstance(exc, AttributeError) and "uninitialized Proxy" in str(exc)
    )


def drop_dead_connections() -> None:
    """peewee keeps one connection per thread and does not notice that the server dropped
    it (network gone, server restarted): close a dead one, so the next try opens afresh."""
    for name in stores.STORE_NAMES:
        db = stores.proxy(name).obj
        if db is None or db.is_closed():
            continue
        conn = db.connection()
        if getattr(conn, "broken", False) or getattr(conn, "closed", False):
            try:
                db.close()
            except SAVE_ERRORS:  # closing a dead connection may complain; it is gone anyway
                pass


def describe(exc: BaseException) -> str:
    """The cause in words for the user (never a traceback)."""
    from hscb_desktop.storage.stores import DiskFull

    full = exc
    while full is not None and not isinstance(full, DiskFull):
        full = full.__cause__ or full.__context__
    if full is not None:  # which store's disk, and that nothing saved was lost
        return str(full)
    # SQLite rolls a transaction back by itself on some errors (disk full); the rollback
    # that follows then fails too and hides the cause: read the whole chain.
    chain, seen = [], set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        chain.append(str(exc).lower())
        exc = exc.__cause__ or exc.__context__
    text = " | ".join(chain)
    if "uninitialized proxy" in text:
        return "The database is closed (the app is locked or you signed out)."
    if "unique" in text or "constraint" in text:
        return "Another save got in first and the database refused this one as it stood."
    if "locked" in text or "busy" in text:
        return "The database is busy: another program or user is holding it."
    if "readonly" in text:  # DB-5: a store held read-only until its start-up check is done
        from hscb_desktop.gui.startup_check import read_only_reason
        if held := read_only_reason():
            return held
    if "disk i/o" in text or "full" in text or "readonly" in text or "read-only" in text:
        return "The disk holding the database reported a problem (full, read-only or failing)."
    if any(
        words in text
        for words in ("unable to open", "connection", "could not connect", "server closed",
                      "terminat", "closed database", "no such file")
    ):
        return "The database cannot be reached (the connection was lost)."
    return "The database did not answer."


def insert_at_top(form: QWidget, widget: QWidget, anchor: QWidget | None = None) -> None:
    """Show ``widget`` above ``anchor`` (e.g. the form's message area) in the layout
    holding it, else first in the form's own layout."""
    from hscb_desktop.gui.record_form import _layout_holding

    holder = _layout_holding(form.layout(), anchor) if anchor is not None else None
    if isinstance(holder, QBoxLayout):
        holder.insertWidget(holder.indexOf(anchor), widget)
        return
    if isinstance(holder, QFormLayout):
        row, _role = holder.getWidgetPosition(anchor)
        holder.insertRow(row, widget)
        return
    layout = form.layout()
    if layout is None:
        layout = QVBoxLayout(form)
    if isinstance(layout, QBoxLayout):
        layout.insertWidget(0, widget)
    elif isinstance(layout, QFormLayout):
        layout.insertRow(0, widget)
    else:  # a grid: a row of its own above everything would mean re-numbering; add at end
        layout.addWidget(widget)


class SaveBanner(QFrame):
    """"Not saved yet: ... trying again in 5 s. [Retry now]" at the top of a form."""

    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("saveGuardBanner")
        self.setStyleSheet(BANNER_STYLE)
        self.setAccessibleName("Save problem")
        self.text = QLabel(self)
        self.text.setObjectName("saveGuardText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.retry_button = QPushButton("&Retry now", self)
        self.retry_button.setObjectName("saveGuardRetry")
        self.retry_button.clicked.connect(self.retry_requested)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 8, 6)
        row.addWidget(self.text, 1)
        row.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()


class SaveGuard(QObject):
    """One per form: ``failed(exc)`` after a store error, ``settled()`` once a save
    got an answer (saved, or refused for a reason the user must act on)."""

    failing = Signal(str)  # the words shown, each time a save fails for want of the store
    recovered = Signal()  # a save succeeded after failing

    def __init__(
        self,
        form: QWidget,
        retry: Callable[[], Any],
        *,
        anchor: QWidget | None = None,
        backoff_ms: Sequence[int] = BACKOFF_MS,
    ) -> None:
        super().__init__(form)
        self.form = form
        self.backoff_ms = tuple(backoff_ms)
        self._retry = retry
        self._anchor = anchor
        self._banner: SaveBanner | None = None
        self.attempts = 0  # failed attempts since the last answer
        self.last_error: BaseException | None = None
        self._remaining_s = 0
        self._reason = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.retry_now)
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._tick)

    # -- state --------------------------------------------------------------
    @property
    def active(self) -> bool:
        """A save is waiting for the store."""
        return self.attempts > 0

    @property
    def banner(self) -> SaveBanner:
        if self._banner is None:
            self._banner = SaveBanner(self.form)
            self._banner.retry_requested.connect(self.retry_now)
            insert_at_top(self.form, self._banner, self._anchor)
        return self._banner

    def banner_text(self) -> str:
        """What the banner says ("" when hidden); for tests and screen readers."""
        b = self._banner
        return b.text.text() if b is not None and not b.isHidden() else ""

    def next_delay_ms(self) -> int:
        return self.backoff_ms[min(self.attempts, len(self.backoff_ms)) - 1] if self.attempts else 0

    # -- events -------------------------------------------------------------
    def failed(self, exc: BaseException) -> None:
        self.attempts += 1
        self.last_error = exc
        self._reason = describe(exc)
        delay = self.next_delay_ms()
        self._remaining_s = max(1, round(delay / 1000))
        self._timer.start(delay)
        self._ticker.start()
        self._show()
        self.failing.emit(self.banner_text())

    def settled(self, saved: bool) -> None:
        """The store answered. ``saved``: the record is saved (say so if it had failed)."""
        was_failing = self.active
        self.cancel()
        if was_failing and saved:
            self._status("Saved: the database is answering again.", 10_000)
            self.recovered.emit()

    def cancel(self) -> None:
        """Stop retrying (the form moved on to another record, or the store answered)."""
        self.attempts = 0
        self._timer.stop()
        self._ticker.stop()
        if self._banner is not None and not self._banner.isHidden():
            self._banner.hide()
            self._status("", 0)

    def retry_now(self) -> None:
        self._timer.stop()
        self._ticker.stop()
        if self._banner is not None:
            self._banner.text.setText(f"Not saved yet: {self._reason} Trying again now…")
        drop_dead_connections()
        self._retry()

    # -- showing ------------------------------------------------------------
    def _tick(self) -> None:
        self._remaining_s = max(0, self._remaining_s - 1)
        self._show()

    def _show(self) -> None:
        n = self._remaining_s
        words = (
            f"Not saved yet: {self._reason} Everything you typed is still in this form. "
            f"Trying again in {n} second{'' if n == 1 else 's'} "
            f"(attempt {self.attempts})."
        )
        banner = self.banner
        banner.text.setText(words)
        banner.show()
        self._status(f"Not saved yet: {self._reason} Retrying…", 0)

    def _status(self, text: str, timeout_ms: int) -> None:
        window = self.form.window()
        if isinstance(window, QMainWindow):
            if text:
                window.statusBar().showMessage(text, timeout_ms)
            else:
                window.statusBar().clearMessage()
