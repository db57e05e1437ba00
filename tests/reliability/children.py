"""Child processes for the crash tests: started with the test interpreter, their stdout
read line by line on a thread, killed at once (SIGKILL; TerminateProcess on Windows)."""
from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
FAST_KDF_ENV = "HSCB_TEST_FAST_KDF"


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env[FAST_KDF_ENV] = "1"
    env["PYTHONUNBUFFERED"] = "1"
    return env


def spawn(script: str, *args: object) -> subprocess.Popen:
    """Start ``tests/reliability/<script>`` with the test interpreter, stdout piped."""
    return subprocess.Popen([sys.executable, str(HERE / script), *map(str, args)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=child_env(), cwd=HERE)


class Lines:
    """A child's stdout read line by line on a thread (works with pipes on Windows too,
    where select() does not), so the parent can wait for a line with a timeout."""

    def __init__(self, proc: subprocess.Popen):
        self.proc = proc
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._thread = threading.Thread(target=self._pump, daemon=True)
        self._thread.start()

    def _pump(self) -> None:
        for line in self.proc.stdout:
            self._queue.put(line.rstrip("\n"))
        self._queue.put(None)

    def next(self, timeout: float) -> str | None:
        """The next line, or None at end of output; raises queue.Empty after ``timeout``."""
        return self._queue.get(timeout=timeout)

    def wait_for(self, wanted: str, timeout: float = 60.0) -> list[str]:
        """Lines up to and including ``wanted``; fails with the child's stderr otherwise."""
        seen, deadline = [], time.monotonic() + timeout
        try:
            while (line := self.next(max(0.0, deadline - time.monotonic()))) is not None:
                seen.append(line)
                if line == wanted:
                    return seen
        except queue.Empty:
            pass
        self.proc.kill()
        self.proc.wait()
        raise AssertionError(f"child never printed {wanted!r} (exit {self.proc.returncode}); "
                             f"stdout {seen[-5:]}; stderr: {self.proc.stderr.read()}")

    def kill(self) -> list[str]:
        """Kill the child at once (SIGKILL; TerminateProcess on Windows) and return every
        line it had flushed before it died."""
        self.proc.kill()
        self.proc.wait()
        self._thread.join(10)
        rest = []
        while (line := self._queue.get_nowait()) is not None:
            rest.append(line)
        return rest


def killed(proc: subprocess.Popen) -> bool:
    return proc.returncode == (-signal.SIGKILL if sys.platform != "win32" else 1)
