"""Join codes read off a board, and teacher keys that must not be guessed."""

from __future__ import annotations

import hmac
import math
import re
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safety_check.schools import codes
from safety_check.schools.codes import (
    JOIN_ALPHABET,
    JOIN_LENGTH,
    PUBLIC_ID_BYTES,
    TEACHER_KEY_PREFIX,
    display_join_code,
    hash_teacher_key,
    new_join_code,
    new_public_id,
    new_teacher_key,
    normalise_join_code,
    teacher_key_matches,
)

join_codes = st.text(alphabet=JOIN_ALPHABET, min_size=JOIN_LENGTH, max_size=JOIN_LENGTH)


def test_alphabet_has_no_look_alikes() -> None:
    """0/O and 1/I/L are misread on a board; 2 is read as Z, so it cannot be a character too."""
    assert not set("0O1IL2568V") & set(JOIN_ALPHABET)
    assert len(set(JOIN_ALPHABET)) == len(JOIN_ALPHABET) == 26
    assert JOIN_ALPHABET.isupper() and JOIN_ALPHABET.isascii() and JOIN_ALPHABET.isalnum()
    assert "Z" in JOIN_ALPHABET


def test_new_codes_are_eight_alphabet_characters_shown_in_two_halves() -> None:
    code = new_join_code()
    assert len(code) == JOIN_LENGTH == 8
    assert set(code) <= set(JOIN_ALPHABET)
    assert re.fullmatch(r"[A-Z3-9]{4}-[A-Z3-9]{4}", display_join_code(code))
    assert display_join_code("K7QMRX4P") == "K7QM-RX4P"


def test_codes_are_not_repeated() -> None:
    """2,000 draws from 30**8 codes: a repeat would mean the generator is not random."""
    drawn = [new_join_code() for _ in range(2000)]
    assert len(set(drawn)) == len(drawn)
    assert set("".join(drawn)) == set(JOIN_ALPHABET)  # every character gets used


@given(join_codes)
def test_display_form_reads_back(code: str) -> None:
    assert normalise_join_code(display_join_code(code)) == code
    assert normalise_join_code(code) == code


@settings(max_examples=200, deadline=None)
@given(join_codes, st.data())
def test_case_spaces_and_dashes_are_forgiven(code: str, data: st.DataObject) -> None:
    typed = ""
    for char in code:
        typed += data.draw(st.sampled_from(["", " ", "-", "  ", "--"]))
        typed += data.draw(st.sampled_from([char, char.lower()]))
    typed += data.draw(st.sampled_from(["", " ", "\t", "\n"]))
    assert normalise_join_code(typed) == code


def test_typed_examples() -> None:
    assert normalise_join_code("k7qm-rx4p") == "K7QMRX4P"
    assert normalise_join_code("  K7QM RX4P ") == "K7QMRX4P"
    assert normalise_join_code("k7qm rx4p") == "K7QMRX4P"
    assert normalise_join_code("2ZZZ-2222") == "ZZZZZZZZ"  # a 2 is the Z it looks like
    assert normalise_join_code("k7q-mrx-4p") == "K7QMRX4P"


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "K7QM-RX4",  # too short
        "K7QM-RX4PP",  # too long
        "K7QM-RX4O",  # O is not in the alphabet (no guessing it meant 0 or Q)
        "K7QM-RX40",
        "K7QM-RX41",
        "K7QM-RX4I",
        "K7QM-RX4L",
        "K7QM_RX4P",
        "K7QM.RX4P",
        "K7QM-RX4É",
        "K7QM-RX4P; DROP TABLE cohorts",
    ],
)
def test_impossible_codes_give_none(typed: str) -> None:
    assert normalise_join_code(typed) is None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=20))
def test_whatever_is_typed_the_result_is_a_code_or_none(typed: str) -> None:
    result = normalise_join_code(typed)
    assert result is None or (len(result) == JOIN_LENGTH and set(result) <= set(JOIN_ALPHABET))


def test_teacher_keys_are_long_random_and_prefixed() -> None:
    """The prefix lets secret scanners spot a leaked key; the rest carries >= 128 random bits,
    in letters and digits only: a hyphen would stop a double click from selecting all of it."""
    keys = [new_teacher_key() for _ in range(200)]
    assert len(set(keys)) == len(keys)
    for key in keys:
        assert key.startswith(TEACHER_KEY_PREFIX) and TEACHER_KEY_PREFIX == "sctk_"
        secret = key.removeprefix(TEACHER_KEY_PREFIX)
        assert re.fullmatch(r"[A-Za-z0-9]{32}", secret), secret
        assert len(secret) * math.log2(62) >= 128
    assert set("".join(keys)) - set("sctk_") <= set(string.ascii_letters + string.digits)
    # 200 keys of 32 characters use nearly every letter and digit: the draw is not narrowed.
    assert len(set("".join(key.removeprefix("sctk_") for key in keys))) == 62


def test_public_ids_are_random_and_url_safe() -> None:
    ids = [new_public_id() for _ in range(200)]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{16}", public_id) for public_id in ids)
    assert PUBLIC_ID_BYTES * 8 >= 96


def test_teacher_key_hash_and_compare() -> None:
    key = new_teacher_key()
    stored = hash_teacher_key(key)
    assert len(stored) == 32 and key.encode() not in stored
    assert stored == hash_teacher_key(key)
    assert teacher_key_matches(key, stored)
    assert not teacher_key_matches(new_teacher_key(), stored)
    assert not teacher_key_matches(key[:-1], stored)
    assert not teacher_key_matches(key.upper(), stored)
    assert not teacher_key_matches("", stored)


def test_compare_is_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """A plain == leaks, through timing, how much of a guessed hash was right."""
    calls: list[tuple[bytes, bytes]] = []
    compare = hmac.compare_digest

    def spy(left: bytes, right: bytes) -> bool:
        calls.append((left, right))
        return compare(left, right)

    monkeypatch.setattr(codes.hmac, "compare_digest", spy)
    key = new_teacher_key()
    assert teacher_key_matches(key, hash_teacher_key(key))
    assert calls == [(hash_teacher_key(key), hash_teacher_key(key))]
