"""The registry of domain modules the main window's navigation offers.

Each domain's GUI package registers one ``GuiModule`` when it exists (LADO,
private fostering, CDOP, board...). Nothing is registered for a domain that has
no screens yet: the navigation never shows placeholder pages. A module appears
only for sessions whose roles give record access to its domain (GOV-1; the
services check the role again, hiding is only a courtesy).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:  # keep start-up light: the registry itself needs no Qt
    from PySide6.QtWidgets import QWidget

    from hscb_desktop.security.session import Session


@dataclass(frozen=True)
class GuiModule:
    domain: str  # the record domain (roles.RECORD_ACCESS), e.g. "lado"
    title: str  # as the navigation and the Records menu show it
    icon: str  # a theme icon name or a path under resources/ ("" for none)
    factory: Callable[["Session", "QWidget"], "QWidget"]  # builds the module's page


_registry: dict[str, GuiModule] = {}


def register(module: GuiModule) -> GuiModule:
    if module.domain in _registry:
        raise ValueError(f"a module for {module.domain!r} is already registered")
    _registry[module.domain] = module
    return module


def unregister(domain: str) -> None:
    """For tests that register a throw-away module."""
    _registry.pop(domain, None)


def all_modules() -> list[GuiModule]:
    return list(_registry.values())


# The domain modules that exist, in navigation order: (domain, module with register()).
BUILTIN = (
    ("lado", "hscb_desktop.gui.lado_page"),
    ("fostering", "hscb_desktop.gui.fostering_page"),
    ("board", "hscb_desktop.gui.board_page"),
    ("cdop", "hscb_desktop.gui.cdop_page"),
)


def load_builtin() -> None:
    """Register every built-in module not registered yet (each page module is light:
    its form, list and service load only when the page is first built)."""
    import importlib

    for domain, module_name in BUILTIN:
        if domain not in _registry:
            register(importlib.import_module(module_name).register())


def modules_for(session: "Session") -> list[GuiModule]:
    """The modules this session may open, in registration order."""
    load_builtin()
    allowed = session.record_domains
    return [m for m in _registry.values() if m.domain in allowed]
