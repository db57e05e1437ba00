"""Compile ui/*.ui into hscb_desktop/gui/forms/ui_*.py (committed, as Picard does).

    python -m hscb_desktop.gui.build_forms           # rebuild the stale forms
    python -m hscb_desktop.gui.build_forms --force   # rebuild them all
    python -m hscb_desktop.gui.build_forms --check   # exit 1 if a committed form is out of date

``--check`` compares content, not mtimes: a git clone gives every file a fresh mtime.
"""
from __future__ import annotations

import argparse
import os
import shutil
import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI_DIR = ROOT / "ui"
FORMS_DIR = Path(__file__).resolve().parent / "forms"
HEADER = "# Generated from ui/{name} by hscb_desktop.gui.build_forms - do not edit.\n"


def find_uic() -> list[str]:
    """The command that runs PySide6's uic for Python output."""
    exe_dir = Path(sys.executable).parent
    for name in ("pyside6-uic", "pyside6-uic.exe"):
        candidate = exe_dir / name
        if candidate.is_file():
            return [str(candidate)]
    try:
        import PySide6
    except ImportError:
        PySide6 = None  # type: ignore[assignment]
    if PySide6 is not None:
        package = Path(PySide6.__file__).resolve().parent
        # The wheel ships uic under Qt/libexec on Linux/macOS and beside the package on Windows.
        for candidate in (package / "Qt" / "libexec" / "uic", package / "uic.exe", package / "uic"):
            if candidate.is_file():
                return [str(candidate), "-g", "python"]
    on_path = shutil.which("pyside6-uic")
    if on_path:
        return [on_path]
    raise FileNotFoundError("pyside6-uic not found; install the PySide6 package")


def target_for(ui: Path, forms_dir: Path = FORMS_DIR) -> Path:
    return forms_dir / f"ui_{ui.stem}.py"


def compile_ui(ui: Path, uic: list[str] | None = None) -> str:
    """The generated module text for one .ui file, with our header instead of uic's."""
    result = subprocess.run(
        [*(uic or find_uic()), str(ui)],
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    return HEADER.format(name=ui.name) + trim_imports(_strip_uic_header(result.stdout))


def trim_imports(source: str) -> str:
    """Keep only the names a form uses in uic's ``from PySide6.X import (...)`` lists.

    uic imports ``Qt`` and a dozen QtGui classes into every form; touching them makes
    PySide6 build their enums (~50 ms for the login dialog, bench/startup.py). A form
    that uses a name keeps its import, so the module behaves exactly as uic wrote it.
    """
    tree = ast.parse(source)
    imports = [node for node in tree.body
               if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6")]
    used = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    lines = source.splitlines(keepends=True)
    for node in reversed(imports):  # bottom-up, so earlier line numbers stay valid
        names = [alias.name for alias in node.names if alias.name in used]
        text = f"from {node.module} import {', '.join(names)}\n" if names else ""
        lines[node.lineno - 1:node.end_lineno] = [text]
    return "".join(lines)


def _strip_uic_header(text: str) -> str:
    # uic's banner names its Qt version: keep it out, so --check does not fail
    # merely because a developer has a different patch release.
    lines = text.replace("\r\n", "\n").splitlines(keepends=True)
    i = 0
    if i < len(lines) and lines[i].startswith("# -*- coding"):
        i += 1
    while i < len(lines) and (not lines[i].strip() or lines[i].startswith("##")):
        i += 1
    return "".join(lines[i:])


def _ui_files(ui_dir: Path) -> list[Path]:
    return sorted(ui_dir.glob("*.ui"))


def _orphans(ui_dir: Path, forms_dir: Path) -> list[Path]:
    """Generated forms whose .ui is gone."""
    stems = {ui.stem for ui in _ui_files(ui_dir)}
    return [
        form
        for form in sorted(forms_dir.glob("ui_*.py"))
        if form.stem[3:] not in stems and _is_generated(form)
    ]


def _is_generated(form: Path) -> bool:
    with form.open(encoding="utf-8") as f:
        return f.readline().startswith("# Generated from ui/")


def is_stale(ui: Path, forms_dir: Path = FORMS_DIR) -> bool:
    target = target_for(ui, forms_dir)
    return not target.exists() or target.stat().st_mtime < ui.stat().st_mtime


def build(ui_dir: Path = UI_DIR, forms_dir: Path = FORMS_DIR, *, force: bool = False) -> list[Path]:
    """Regenerate stale forms (all with ``force``); remove orphans. Returns what changed."""
    changed: list[Path] = []
    uic = None
    for ui in _ui_files(ui_dir):
        if force or is_stale(ui, forms_dir):
            uic = uic or find_uic()
            _write(target_for(ui, forms_dir), compile_ui(ui, uic))
            changed.append(target_for(ui, forms_dir))
    for orphan in _orphans(ui_dir, forms_dir):
        orphan.unlink()
        changed.append(orphan)
    return changed


def check(ui_dir: Path = UI_DIR, forms_dir: Path = FORMS_DIR) -> list[str]:
    """Problems with the committed forms ([] when every one matches its .ui)."""
    problems: list[str] = []
    uic = find_uic() if _ui_files(ui_dir) else None
    for ui in _ui_files(ui_dir):
        target = target_for(ui, forms_dir)
        if not target.exists():
            problems.append(f"{target.name} is missing (from {ui.name})")
        elif target.read_text(encoding="utf-8") != compile_ui(ui, uic):
            problems.append(f"{target.name} differs from {ui.name}")
    problems += [f"{form.name} has no .ui file" for form in _orphans(ui_dir, forms_dir)]
    return problems


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.replace(tmp, path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hscb_desktop.gui.build_forms")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="fail if a committed form is stale")
    mode.add_argument("--force", action="store_true", help="rebuild every form")
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            print("run: python -m hscb_desktop.gui.build_forms --force", file=sys.stderr)
        return 1 if problems else 0
    for path in build(force=args.force):
        print(f"wrote {path.relative_to(ROOT)}" if path.exists() else f"removed {path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
