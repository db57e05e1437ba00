"""Password hashing and policy (AUTH-1, AUTH-2).

The stored verifier is argon2-cffi's Argon2id PHC string at its defaults (above
OWASP's floor); it is checked when a locked session is unlocked and when a user
changes their password. Signing in itself derives the key-wrapping key with a
separate salt (storage.keys), which proves the password by unwrapping.
"""
from __future__ import annotations

import functools

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from hscb_desktop.paths import resource

MIN_LENGTH = 12

# Tests may swap in a cheaper hasher (as peewee's SQLCipher tests lower kdf_iter); the app never does.
hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return hasher.hash(password)


def verify(stored_hash: str, password: str) -> bool:
    try:
        return hasher.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return hasher.check_needs_rehash(stored_hash)


@functools.lru_cache(maxsize=1)
def _deny_list() -> frozenset[str]:
    path = resource("common-passwords.txt")
    return frozenset(line.strip().lower() for line in path.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))


def policy_problems(password: str, username: str = "") -> list[str]:
    """Why a new password is not acceptable ([] when it is)."""
    problems = []
    if len(password) < MIN_LENGTH:
        problems.append(f"Use at least {MIN_LENGTH} characters.")
    lowered = password.lower()
    if lowered in _deny_list() or lowered.rstrip("0123456789!") in _deny_list():
        problems.append("That password is on the list of commonly used passwords; choose another.")
    if username and len(username) >= 3 and username.lower() in lowered:
        problems.append("The password must not contain the user name.")
    if password and len(set(password)) < 4:
        problems.append("Use a password with more different characters.")
    return problems
