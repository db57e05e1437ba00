"""The keyring file (KP-4, ENC-2): never overwritten blindly, refused when damaged."""
from __future__ import annotations

import json

import pytest

from hscb_desktop.storage.keyring import Keyring, KeyringChanged, KeyringDamaged

pytestmark = pytest.mark.sqlcipher_only  # the embedded store's own files, keys and pragmas


def test_kp4_a_keyring_changed_on_disk_is_not_overwritten(workspace):
    """KP-4: two readers; the first saves; the second's save is refused and the file keeps the
    first one's content."""
    first, second = Keyring.load(workspace.paths.keyring), Keyring.load(workspace.paths.keyring)
    first.lockout_for("admin").failures = 2
    first.save()
    saved = workspace.paths.keyring.read_bytes()
    second.pending_events.append({"ts": "x", "user": "admin", "action": "login_failed"})
    with pytest.raises(KeyringChanged, match="was changed by another program"):
        second.save()
    assert workspace.paths.keyring.read_bytes() == saved


@pytest.mark.parametrize("text, why", [
    ("{not json", "JSONDecodeError"),
    ('{"format": 1}', "KeyError"),
    ('{"format": 99, "users": {}}', "unknown format"),
    ('{"format": 1, "users": {"admin": {"kdf": "x"}}}', "TypeError"),
])
def test_kp4_a_damaged_keyring_is_refused_with_the_reason(tmp_path, text, why):
    path = tmp_path / "keyring.json"
    path.write_text(text)
    with pytest.raises(KeyringDamaged, match=why):
        Keyring.load(path)


def test_enc2_keyring_holds_only_wrapped_keys_and_kdf_parameters(workspace):
    """ENC-2: per user, the Argon2id parameters and the wrapped core key; nothing else."""
    data = json.loads(workspace.paths.keyring.read_text())
    assert set(data) == {"format", "users", "lockout", "pending_events"}
    assert set(data["users"]["admin"]) == {"kdf", "core"}
    assert data["users"]["admin"]["kdf"].startswith("$argon2id$")
