"""Fixtures for the reliability tests: child processes to kill, a small real disk to fill."""
from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest
from children import spawn


@pytest.fixture
def spawn_child():
    started: list[subprocess.Popen] = []

    def _spawn(script: str, *args: object) -> subprocess.Popen:
        proc = spawn(script, *args)
        started.append(proc)
        return proc

    yield _spawn
    for proc in started:  # never leave a child behind, even when the test failed
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        for pipe in (proc.stdout, proc.stderr):
            if pipe:
                pipe.close()


# -- a small real disk, to fill -------------------------------------------------------------


class SmallDisk:
    """A tmpfs of a few MB mounted for one test; ``fill()`` takes every free byte with a
    filler file, ``free()`` deletes it."""

    def __init__(self, root: Path):
        self.root = root
        self.filler = root / "filler.bin"

    def fill(self) -> int:
        written = 0
        with open(self.filler, "ab", buffering=0) as f:
            for chunk in (1 << 16, 4096, 512, 1):
                block = b"\0" * chunk
                while True:
                    try:
                        written += f.write(block)
                    except OSError as exc:
                        if exc.errno != errno.ENOSPC:
                            raise
                        break
        return written

    def free(self) -> None:
        self.filler.unlink(missing_ok=True)


REQUIRE_SMALL_DISK = "HSCB_REQUIRE_SMALL_DISK"


def _mount_refusal(point: Path, size: str) -> str | None:
    """None when a tmpfs was mounted at ``point``; otherwise the exact reason it was not."""
    if sys.platform != "linux":
        return f"a tmpfs needs Linux (this is {sys.platform})"
    if os.geteuid() != 0:
        return "mounting a tmpfs needs root (the sandbox and CI run as root)"
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(point)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        return f"mount -t tmpfs failed: {(result.stderr or result.stdout).strip()}"
    return None


@pytest.fixture
def small_disk(tmp_path):
    """small_disk("8m") -> SmallDisk on a freshly mounted tmpfs of that size."""
    mounted: list[Path] = []

    def _make(size: str = "8m") -> SmallDisk:
        point = tmp_path / f"disk{len(mounted)}"
        point.mkdir()
        reason = _mount_refusal(point, size)
        if reason:
            if os.environ.get(REQUIRE_SMALL_DISK) == "1":  # CI: a skip would hide the check
                pytest.fail(f"no small disk to fill: {reason} ({REQUIRE_SMALL_DISK}=1)")
            pytest.skip(f"no small disk to fill: {reason}")
        mounted.append(point)
        return SmallDisk(point)

    yield _make
    for point in mounted:
        subprocess.run(["umount", "--lazy", str(point)], check=False)
