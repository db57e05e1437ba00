"""Packaging rules that can be checked without building (PKG-1, PKG-3).
The build itself and the frozen self-test (PKG-2) run in .ci/run."""
from __future__ import annotations

import ast
import sys
from pathlib import Path

from hscb_desktop import paths

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "hscb_desktop.spec"


def test_pkg1_the_spec_builds_one_folder_never_one_file():
    text = SPEC.read_text()
    ast.parse(text)  # the spec is valid Python
    assert "COLLECT(" in text, "a one-folder build collects into a folder"
    assert "onefile" not in text.lower()
    # EXE(...) with exclude_binaries=True is what keeps binaries out of the executable
    assert "exclude_binaries=True" in text


def test_pkg3_data_never_lives_beside_the_executable(monkeypatch, tmp_path):
    """Even when frozen, the data folder is the user's, not the bundle's or the exe's."""
    bundle = tmp_path / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle / "_internal"), raising=False)
    monkeypatch.setattr(sys, "executable", str(bundle / "hscb-desktop"))
    monkeypatch.delenv(paths.ENV_DATA_DIR, raising=False)
    root = paths.default_data_dir().resolve()
    for forbidden in (bundle.resolve(), (bundle / "_internal").resolve()):
        assert forbidden not in [root, *root.parents]
    # resources, by contrast, are read from the bundle when frozen
    assert paths.resource_dir() == bundle / "_internal" / "resources"


def test_every_domain_module_found_by_name_is_in_the_bundle():
    """storage imports schemas by name and the navigation imports pages by name; the spec
    lists them by globbing the same folders, so a new module cannot be left out."""
    text = SPEC.read_text()
    for pattern in ("domains/*/schema.py", "gui/*_page.py"):
        assert pattern in text
    assert "e.service for e in EXPORTERS.values()" in text  # returns are imported by name too
    assert list((ROOT / "hscb_desktop").glob("domains/*/schema.py")), "the glob finds the schemas"
