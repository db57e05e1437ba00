"""DB-5: one app instance per data folder, in this process and across processes."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from hscb_desktop.core.clock import FakeClock
from hscb_desktop.paths import data_paths
from hscb_desktop.storage import stores
from hscb_desktop.storage.instance_lock import StoreInUse
from hscb_desktop.storage.workspace import Workspace

pytestmark = pytest.mark.sqlcipher_only  # the embedded store's own files, keys and pragmas

SECOND_PROCESS = textwrap.dedent("""
    import sys
    from hscb_desktop.core.clock import SYSTEM_CLOCK
    from hscb_desktop.paths import data_paths
    from hscb_desktop.storage.instance_lock import StoreInUse
    from hscb_desktop.storage.workspace import Workspace
    try:
        ws = Workspace(data_paths(sys.argv[1]), SYSTEM_CLOCK).acquire()
    except StoreInUse as exc:
        print(exc)
        sys.exit(3)
    print("acquired")
    ws.close()
""")


def _second_process(root) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", SECOND_PROCESS, str(root)],
                          capture_output=True, text=True, timeout=60)


def test_db5_second_workspace_in_the_same_process_is_refused_and_opens_nothing(admin_session, workspace):
    """DB-5: a second Workspace on the same folder gets StoreInUse with a clear message, and
    neither takes the lock nor opens or closes any store."""
    open_before = [n for n in stores.STORE_NAMES if stores.is_open(n)]
    second = Workspace(workspace.paths, FakeClock())
    with pytest.raises(StoreInUse) as caught:
        second.acquire()
    message = str(caught.value)
    assert "already open in another HSCB Desktop window" in message
    assert str(workspace.paths.root) in message
    assert second.keys == {} and not second._lock.held
    assert [n for n in stores.STORE_NAMES if stores.is_open(n)] == open_before
    assert workspace._lock.held


def test_db5_a_second_process_is_refused_while_the_lock_is_held_then_allowed(workspace):
    """DB-5: another process is refused (exit 3 with the message) while this one holds the
    folder, and succeeds once it is released."""
    refused = _second_process(workspace.paths.root)
    assert refused.returncode == 3, refused.stderr
    assert "already open in another HSCB Desktop window" in refused.stdout

    workspace.close()
    allowed = _second_process(workspace.paths.root)
    assert allowed.returncode == 0, allowed.stderr
    assert allowed.stdout.strip() == "acquired"


def test_db5_lock_is_released_on_close_and_can_be_taken_again(tmp_path):
    """DB-5: close() releases the lock (a new Workspace in the same process gets it)."""
    paths = data_paths(tmp_path / "data")
    first = Workspace(paths, FakeClock()).acquire()
    first.close()
    second = Workspace(paths, FakeClock()).acquire()
    try:
        assert second._lock.held
    finally:
        second.close()


def test_db5_lock_of_a_killed_process_does_not_block(tmp_path):
    """DB-5: the OS drops the lock of a process that dies without releasing it."""
    root = tmp_path / "data"
    script = SECOND_PROCESS.replace("ws.close()", "import os; os._exit(0)")
    died = subprocess.run([sys.executable, "-c", script, str(root)], capture_output=True, text=True,
                          timeout=60)
    assert died.stdout.strip() == "acquired"
    ws = Workspace(data_paths(root), FakeClock()).acquire()
    ws.close()
