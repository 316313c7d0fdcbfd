"""Join codes that students type, and teacher keys that only the teacher holds.

A join code is read off a board or a screen, so it uses an alphabet without look-alike characters
(no 0/O, 1/I/L, 2/Z, 5/S, 6/G, 8/B or U/V pairs: one of each is kept) and is shown in two halves
(``K7QM-RX4P``). Eight characters from 26 give about 37 bits: with guesses throttled per address,
finding a live code by chance is not practical.

A teacher key is a bearer secret of 32 letters and digits (about 190 bits of randomness); only its
SHA-256 hash is stored. It has no hyphen, so a double click selects the whole key for copying.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import string

JOIN_ALPHABET = "ABCDEFGHJKMNPQRSTUWXYZ3479"
JOIN_LENGTH = 8
LOOK_ALIKES = str.maketrans({"2": "Z", "5": "S", "6": "G", "8": "B", "V": "U"})
TEACHER_KEY_PREFIX = "sctk_"
TEACHER_KEY_ALPHABET = string.ascii_letters + string.digits
TEACHER_KEY_LENGTH = 32
PUBLIC_ID_BYTES = 12


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_ALPHABET) for _ in range(JOIN_LENGTH))


def display_join_code(code: str) -> str:
    half = JOIN_LENGTH // 2
    return f"{code[:half]}-{code[half:]}"


def normalise_join_code(typed: str) -> str | None:
    """The canonical code for what someone typed, or None if it cannot be a code.

    Case, spaces and dashes are forgiven, and a look-alike we never issue is read as the
    character it looks like (2 as Z, 5 as S, 6 as G, 8 as B, V as U).
    """
    cleaned = typed.strip().upper().replace("-", "").replace(" ", "").translate(LOOK_ALIKES)
    if len(cleaned) != JOIN_LENGTH or any(char not in JOIN_ALPHABET for char in cleaned):
        return None
    return cleaned


def new_public_id() -> str:
    """The class's id in dashboard and report URLs: random, so ids cannot be walked."""
    return secrets.token_urlsafe(PUBLIC_ID_BYTES)


def new_teacher_key() -> str:
    return TEACHER_KEY_PREFIX + "".join(
        secrets.choice(TEACHER_KEY_ALPHABET) for _ in range(TEACHER_KEY_LENGTH)
    )


def hash_teacher_key(key: str) -> bytes:
    return hashlib.sha256(key.encode()).digest()


def teacher_key_matches(key: str, stored_hash: bytes) -> bool:
    return hmac.compare_digest(hash_teacher_key(key), stored_hash)
