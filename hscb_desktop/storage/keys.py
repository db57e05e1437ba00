"""Store keys (ENC-2): random 256-bit keys, wrapped per user.

Every store has its own random key, used by SQLCipher as a raw key (no KDF on
open). A user's copy of a key is wrapped with AES-256-GCM under a key-encryption
key (KEK) derived from the user's password with Argon2id. The wrapped blob's
associated data names the user and the store, so a blob cannot be moved to
another user or store. No key is ever written to disk unwrapped.
"""
from __future__ import annotations

import base64
import secrets
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_BYTES = 32
NONCE_BYTES = 12


class WrongPassword(Exception):
    """The KEK could not unwrap the key: the password is wrong (or the blob was altered)."""


@dataclass(frozen=True)
class KdfParams:
    """Argon2id parameters, stored in the PHC form ``$argon2id$v=19$m=..,t=..,p=..$<salt>``."""

    salt: bytes
    time_cost: int = 3  # argon2-cffi / RFC 9106 low-memory profile, above OWASP's floor
    memory_kib: int = 65536
    parallelism: int = 4

    def to_phc(self) -> str:
        salt = base64.b64encode(self.salt).decode().rstrip("=")
        return f"$argon2id$v=19$m={self.memory_kib},t={self.time_cost},p={self.parallelism}${salt}"

    @classmethod
    def from_phc(cls, text: str) -> "KdfParams":
        parts = text.split("$")
        if len(parts) != 5 or parts[1] != "argon2id" or parts[2] != "v=19":
            raise ValueError("unrecognised key-derivation parameters")
        params = dict(item.split("=", 1) for item in parts[3].split(","))
        salt = base64.b64decode(parts[4] + "=" * (-len(parts[4]) % 4))
        return cls(salt, int(params["t"]), int(params["m"]), int(params["p"]))


@dataclass(frozen=True)
class KdfCost:
    time_cost: int = 3
    memory_kib: int = 65536
    parallelism: int = 4


# Tests may lower this (as peewee's SQLCipher tests lower kdf_iter); the app never does.
DEFAULT_COST = KdfCost()


def new_kdf_params(cost: KdfCost | None = None) -> KdfParams:
    cost = cost or DEFAULT_COST
    return KdfParams(secrets.token_bytes(16), cost.time_cost, cost.memory_kib, cost.parallelism)


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def derive_kek(password: str, params: KdfParams) -> bytes:
    return hash_secret_raw(
        password.encode("utf-8"), params.salt, params.time_cost, params.memory_kib,
        params.parallelism, KEY_BYTES, Type.ID,
    )


def _aad(owner: str, store: str) -> bytes:
    return f"hscb-key-wrap-v1|{owner}|{store}".encode()


def wrap(kek: bytes, key: bytes, *, owner: str, store: str) -> str:
    nonce = secrets.token_bytes(NONCE_BYTES)
    blob = nonce + AESGCM(kek).encrypt(nonce, key, _aad(owner, store))
    return base64.b64encode(blob).decode()


def unwrap(kek: bytes, wrapped: str, *, owner: str, store: str) -> bytes:
    blob = base64.b64decode(wrapped)
    try:
        return AESGCM(kek).decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], _aad(owner, store))
    except InvalidTag:
        raise WrongPassword("The password is not correct.") from None


def sqlcipher_passphrase(key: bytes) -> str:
    """SQLCipher raw-key syntax: skips the KDF because the key is already random."""
    if len(key) != KEY_BYTES:
        raise ValueError("store keys are 32 bytes")
    return f"x'{key.hex()}'"
