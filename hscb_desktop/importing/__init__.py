"""Excel tracker import (Qt-free: see ARCHITECTURE.md): read, map, dry run, commit.

``IMPORTERS`` names each domain importer module; it is imported only when used.
"""

from __future__ import annotations

import importlib
from types import ModuleType

IMPORTERS: dict[str, str] = {
    "lado": "hscb_desktop.importing.lado",
    "fostering": "hscb_desktop.importing.fostering",
    "cdop": "hscb_desktop.importing.cdop",
    "board": "hscb_desktop.importing.board",
}


def importers_for(session) -> list[str]:
    """The modules this session may import into (record access, GOV-1)."""
    return [d for d in IMPORTERS if d in session.record_domains]


def importer(domain: str) -> ModuleType:
    if domain not in IMPORTERS:
        raise ValueError(f"No importer for {domain!r}: choose from {', '.join(IMPORTERS)}.")
    return importlib.import_module(IMPORTERS[domain])
