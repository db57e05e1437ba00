"""A module page built when it is first shown, not with the main window at sign-in.

A page's lists and forms read the store as they are built, so building every page at
sign-in made the user wait for pages not yet opened (issue 10: ten years of data). The
page builds on its first show, or on the first use of one of its ``PARTS`` (the work
tray and the data-quality gate open records through a page the user has not shown yet).
"""
from __future__ import annotations

from PySide6.QtWidgets import QWidget


class BuiltWhenShown(QWidget):
    PARTS: frozenset[str] = frozenset()  # the attributes ``_build`` makes

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._built = False

    @property
    def built(self) -> bool:
        return self.__dict__.get("_built", True)

    def __getattr__(self, name: str):  # noqa: ANN204 - only the page's parts, on first use
        if name in type(self).PARTS and not self.built:
            self.ensure_built()
            return getattr(self, name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def ensure_built(self) -> None:
        if not self.built:
            self._built = True
            self._build()

    def showEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt API
        self.ensure_built()
        super().showEvent(event)

    def _build(self) -> None:
        raise NotImplementedError
