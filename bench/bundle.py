"""Packaging benchmark (issue 9): prints, from one run,

(a) the size of the app's one-folder bundle beside a one-folder build of a bare PySide6
    window made the same way (target: app <= 1.3x bare);
(b) frozen spawn -> login dialog painted beside the same from source
    (target: frozen <= 1.3x source).

    python bench/bundle.py [--runs 7] [--reuse]   (--reuse: skip the builds if present)
Builds go to build/bench/; each takes about a minute.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build" / "bench"
sys.path.insert(0, str(ROOT / "bench"))


def build(spec: Path, name: str, reuse: bool) -> Path:
    folder = OUT / "dist" / name
    if not (reuse and folder.is_dir()):
        subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
                        "--log-level", "ERROR", "--distpath", str(OUT / "dist"),
                        "--workpath", str(OUT / "work" / name), str(spec)], check=True, cwd=ROOT)
    return folder


def size_mb(folder: Path) -> tuple[float, int]:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files) / 2**20, len(files)


def spawn_to_paint(cmd: list[str], env: dict) -> float:
    start = time.time()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"{cmd} printed no paint time:\n{out.stdout}\n{out.stderr}")
    return (json.loads(lines[-1])["painted"] - start) * 1000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--reuse", action="store_true")
    args = parser.parse_args()
    app = build(ROOT / "packaging" / "hscb_desktop.spec", "hscb-desktop", args.reuse)
    bare = build(ROOT / "bench" / "bare_window.spec", "bare-window", args.reuse)
    app_mb, app_files = size_mb(app)
    bare_mb, bare_files = size_mb(bare)

    import startup  # the start-up bench's paint-probe child and data-folder preparation

    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "data")
        import secrets
        os.environ[startup.SECRET_ENV] = "Bench-" + secrets.token_urlsafe(18)  # no literal (AUTH-2)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HSCB_NO_CRASH_DIALOG": "1",
               "PYTHONPATH": str(ROOT)}
        startup.prepare(data)
        # The frozen app reports its first paint through the same probe, switched on by env.
        frozen_cmd = [str(app / "hscb-desktop"), "--data-dir", data, "--no-crash-dialog"]
        source_cmd = [sys.executable, "-m", "hscb_desktop", "--data-dir", data, "--no-crash-dialog"]
        env["HSCB_BENCH_PAINT_REPORT"] = "1"
        frozen, source = [], []
        for i in range(args.runs + 1):  # the first of each warms the cache and is dropped
            f = spawn_to_paint(frozen_cmd, env)
            s = spawn_to_paint(source_cmd, env)
            if i:
                frozen.append(f)
                source.append(s)
    f_ms, s_ms = statistics.median(frozen), statistics.median(source)
    print(f"HSCB Desktop packaging benchmark ({sys.platform}, Python {sys.version.split()[0]})")
    print(f"(a) app bundle        {app_mb:7.1f} MB in {app_files} files")
    print(f"    bare PySide6 app  {bare_mb:7.1f} MB in {bare_files} files")
    ratio = app_mb / bare_mb
    print(f"    ratio {ratio:.2f}  (target <= 1.30: {'OK' if ratio <= 1.3 else 'MISSED'})")
    print(f"(b) frozen spawn -> login painted  {f_ms:6.0f} ms (median of {len(frozen)})")
    print(f"    source spawn -> login painted  {s_ms:6.0f} ms")
    r2 = f_ms / s_ms
    print(f"    ratio {r2:.2f}  (target <= 1.30: {'OK' if r2 <= 1.3 else 'MISSED'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
