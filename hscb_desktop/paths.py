"""Every file location the app uses (PKG-3: data never lives beside the executable).

The data folder is the platform's per-user data folder (platformdirs), or the
folder named by ``--data-dir`` / ``HSCB_DATA_DIR`` (tests, portable demos).
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from hscb_desktop import APP_ID, ORG_NAME

ENV_DATA_DIR = "HSCB_DATA_DIR"


def default_data_dir() -> Path:
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override).expanduser().resolve()
    return Path(platformdirs.user_data_dir(APP_ID, ORG_NAME, roaming=False))


def resource_dir() -> Path:
    """Read-only files shipped with the app (bank holidays, icons, deny-list)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(name: str) -> Path:
    return resource_dir() / name


@dataclass(frozen=True)
class DataPaths:
    """The files under one data folder."""

    root: Path

    @property
    def stores(self) -> Path:
        return self.root / "stores"

    def store_file(self, name: str) -> Path:
        return self.stores / f"{name}.db"

    @property
    def keyring(self) -> Path:
        return self.root / "keyring.json"

    @property
    def lock_file(self) -> Path:
        return self.root / "hscb-desktop.lock"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def crash_dir(self) -> Path:
        return self.root / "crashes"

    @property
    def ui_state(self) -> Path:
        """Window geometry and other remembered UI state (not preferences)."""
        return self.root / "ui-state.ini"

    def ensure(self) -> "DataPaths":
        for folder in (self.root, self.stores, self.backups, self.logs, self.crash_dir):
            folder.mkdir(parents=True, exist_ok=True)
            try:
                os.chmod(folder, 0o700)
            except OSError:  # pragma: no cover - e.g. Windows ACLs
                pass
        return self


def data_paths(root: Path | str | None = None) -> DataPaths:
    return DataPaths(Path(root).expanduser().resolve() if root else default_data_dir())
