"""The value readers behind every domain's rules, at the edges the hostile-input tests found
(issue 10 "Hostile input"): what no store can hold is a Problem, never a crash later."""

from __future__ import annotations

import pytest

from hscb_desktop.core import coerce
from hscb_desktop.domains.cdop import rules as cdop_rules
from hscb_desktop.domains.lado import rules as lado_rules


@pytest.mark.parametrize("text", ["a\ud800b", "\udfff", "nul\x00inside", "\x00"])
def test_hostile_text_no_store_can_hold_is_refused(text):
    """Lone surrogates (no UTF-8 form: SQLite cannot bind them) and NUL (PostgreSQL text
    cannot hold it) are refused with a message, by both readers the rules use."""
    assert not coerce.storable(text)
    value, why = coerce.as_text(text, 200)
    assert value is None and "cannot be stored" in why
    _, problems = coerce.read_fields({"name": text}, (), (), {}, {"name": 200})
    assert [p.field for p in problems] == ["name"] and "cannot be stored" in problems[0].message


@pytest.mark.parametrize(
    "text", ["\x07bell", "\u202eevil", "😀👩\u200d👧", "\t=1", "a" * 100_000])
def test_hostile_text_any_other_character_is_kept(text):
    assert coerce.storable(text)
    assert coerce.as_text(text)[0] == text.strip()


@pytest.mark.parametrize(
    "value", [2**63, -(2**63) - 1, 10**30, "²", "١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦٧٨٩٠"])
def test_hostile_numbers_past_sqlite_integer_are_refused(value):
    """SQLite's INTEGER is 64-bit: a larger int raises OverflowError when bound; "²" passes
    str.isdigit() but int() refuses it."""
    number, why = coerce.as_int(value)
    assert number is None and why


def test_hostile_numbers_at_the_limit_are_kept():
    assert coerce.as_int(2**63 - 1) == (2**63 - 1, None)
    assert coerce.as_int("١٢") == (12, None)  # Arabic-Indic digits are decimal digits


def test_hostile_ids_past_64_bits_are_refused_by_the_rules():
    assert not cdop_rules._agency_id_ok(2**63)
    assert cdop_rules._agency_id_ok(2**63 - 1)
    problems = lado_rules.validate({"child_count": 2**64, "referrer_agency_id": 2**63},
                                   today="2017-03-01")
    assert {"child_count", "referrer_agency_id"} <= {p.field for p in problems}


def test_hostile_meeting_notes_of_the_wrong_kind_are_refused():
    """A LADO meeting's notes and agencies were stored unchecked (an object in the notes
    crashed the audit log after the row was written)."""
    problems = lado_rules.validate(
        {"date_received": "2017-02-01"},
        [{"meeting_type": "strategy_meeting", "meeting_date": "2017-02-03",
          "notes": object(), "agencies_present": {"a": 1}}],
        [{"action_type": "dismissal", "notes": "x\ud800"}], today="2017-03-01")
    fields = [p.field for p in problems]
    assert fields.count("notes") == 2 and "agencies_present" in fields
