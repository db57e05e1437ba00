"""Column and value mapping: suggestions, and the JSON a mapping is saved as (Qt-free).

A proposed mapping comes from header names and sample values, tolerant of case,
spacing, punctuation and common abbreviations (difflib against each field's label,
name and aliases). Values of coded fields are matched against the code list's codes
and labels: exact matches are taken, near misses ("Subs", "Edu") are suggested, and
anything else stays unmatched until the user resolves it.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from hscb_desktop.core.atomic import atomic_write_text
from hscb_desktop.importing import values as V
from hscb_desktop.importing.fields import Field

FORMAT_VERSION = 1
COLUMN_THRESHOLD = 0.72  # below this a header is left unmapped rather than mis-mapped
VALUE_THRESHOLD = 0.6
_WORD = re.compile(r"[^\w]+")
_ABBREVIATIONS = {
    "ref": "reference", "refs": "reference", "no": "number", "num": "number", "nr": "number",
    "dob": "date of birth", "recd": "received", "rec": "received", "rcvd": "received",
    "dt": "date", "org": "organisation", "organization": "organisation", "emp": "employer",
    "employ": "employer", "cat": "category", "cats": "category", "categories": "category",
    "eth": "ethnicity", "gender": "sex", "info": "details", "desc": "details",
    "description": "details", "mtg": "meeting", "thresh": "threshold", "dbs": "dbs",
    "lado": "lado", "s47": "section 47", "sect": "section", "subj": "subject",
    "alleg": "allegation", "allegations": "allegation", "pol": "police", "&": "and",
    "yrs": "years", "yr": "year",
}


def normalise(text: Any) -> str:
    """Lower case, punctuation to spaces, abbreviations spelt out, one space between words."""
    raw = V.text(text) or ""
    words: list[str] = []
    initials = False  # the last word is made of single letters so far
    for word in _WORD.sub(" ", raw.replace("'", "").casefold()).split():
        single = len(word) == 1 and word.isalpha()
        if single and initials:
            words[-1] += word  # initials: "D.O.B" -> "dob"
        else:
            words.append(word)
            initials = single
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words)


def _similarity(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    ratio = difflib.SequenceMatcher(None, a, b).ratio()
    words_a, words_b = set(a.split()), set(b.split())
    overlap = len(words_a & words_b) / max(len(words_a | words_b), 1)
    return max(ratio, overlap)


# -- the mapping ------------------------------------------------------------------------


@dataclass
class ImportMapping:
    """Which column fills which field, what each value becomes, and date orders."""

    domain: str
    columns: dict[str, str] = field(default_factory=dict)  # header -> field name
    values: dict[str, dict[str, str | None]] = field(default_factory=dict)  # field -> {value: code}
    date_order: dict[str, str] = field(default_factory=dict)  # header -> values.DAY_FIRST | …
    sheet: str | None = None
    header_row: int | None = None

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": FORMAT_VERSION,
                "domain": self.domain,
                "sheet": self.sheet,
                "header_row": self.header_row,
                "columns": self.columns,
                "values": self.values,
                "date_order": self.date_order,
            },
            indent=2,
            ensure_ascii=False,
        )

    def save(self, path: str | Path) -> Path:
        atomic_write_text(path, self.to_json() + "\n")
        return Path(path)

    @classmethod
    def from_json(cls, text: str, domain: str | None = None) -> ImportMapping:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValueError(f"The mapping is not valid JSON (line {exc.lineno}).") from None
        if not isinstance(data, dict) or not isinstance(data.get("columns", {}), dict):
            raise ValueError("The mapping file has no 'columns' object.")
        if data.get("format", FORMAT_VERSION) > FORMAT_VERSION:
            raise ValueError("The mapping was saved by a newer version of the app.")
        if domain and data.get("domain", domain) != domain:
            raise ValueError(f"The mapping is for {data.get('domain')}, not {domain}.")
        orders = {k: v for k, v in (data.get("date_order") or {}).items()
                  if v in V.DATE_ORDERS}
        return cls(
            domain=data.get("domain") or domain or "",
            columns={str(k): str(v) for k, v in data.get("columns", {}).items() if v},
            values={str(f): {str(k): v for k, v in m.items()}
                    for f, m in (data.get("values") or {}).items() if isinstance(m, dict)},
            date_order=orders,
            sheet=data.get("sheet"),
            header_row=data.get("header_row"),
        )

    @classmethod
    def load(cls, path: str | Path, domain: str | None = None) -> ImportMapping:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise ValueError(f"Could not read the mapping {path}: {exc.strerror or exc}") from None
        return cls.from_json(text, domain)

    def field_of(self, header: str) -> str | None:
        return self.columns.get(header)


# -- column suggestions -----------------------------------------------------------------


def _field_names(f: Field) -> list[str]:
    return [normalise(n) for n in (f.label, f.name.replace("_", " "), *f.aliases)]


def column_scores(header: str, samples: Sequence[Any], fields: Iterable[Field]) -> dict[str, float]:
    key = normalise(header)
    scores: dict[str, float] = {}
    for f in fields:
        score = max(_similarity(key, name) for name in _field_names(f))
        if f.coded and samples:
            hits = [match_value(f, s)[1] == "exact" for s in samples if not V.is_blank(s)]
            if hits and score < COLUMN_THRESHOLD:
                # Values that are all codes of one list point at its field, a little less surely.
                score = max(score, 0.75 * sum(hits) / len(hits))
        scores[f.name] = score
    return scores


def suggest_columns(
    headers: Sequence[str], samples: Mapping[str, Sequence[Any]], fields: Sequence[Field]
) -> dict[str, str]:
    """header -> field: the best-scoring pairs first, each field used once."""
    pairs = []
    for header in headers:
        for name, score in column_scores(header, samples.get(header, ()), fields).items():
            if score >= COLUMN_THRESHOLD:
                pairs.append((score, header, name))
    pairs.sort(key=lambda p: (-p[0], headers.index(p[1])))
    out: dict[str, str] = {}
    used: set[str] = set()
    for _score, header, name in pairs:
        if header not in out and name not in used:
            out[header] = name
            used.add(name)
    return {h: out[h] for h in headers if h in out}


# -- value suggestions ------------------------------------------------------------------

EXACT, SUGGESTED, UNMATCHED, BLANK = "exact", "suggested", "unmatched", "blank"


@lru_cache(maxsize=None)
def _normalised(codes) -> tuple[tuple[str, str, str], ...]:
    """(code, normalised code, normalised label) of a code list, worked out once."""
    return tuple((code, normalise(code), normalise(label)) for code, label in codes.choices())


def match_value(f: Field, raw: Any) -> tuple[str | None, str]:
    """(code, how) for one spreadsheet value of a coded field: EXACT for a code, label or
    known synonym; SUGGESTED for a near miss; BLANK for a placeholder; else UNMATCHED."""
    codes = f.code_list
    text = V.text(raw)
    if codes is None or text is None:
        return None, BLANK
    key = normalise(text)
    compact = key.replace(" ", "")
    choices = _normalised(codes)
    for code, ncode, nlabel in choices:
        if key in (ncode, nlabel) or compact == ncode.replace(" ", ""):
            return code, EXACT
    synonym = f.synonyms().get(key)
    if synonym:
        return synonym, EXACT
    if V.is_blank(text):
        return None, BLANK
    best, best_rank = None, (0.0, False)
    for code, ncode, nlabel in choices:
        for candidate in (nlabel, ncode):
            score = _similarity(key, candidate)
            if len(key) >= 3 and (candidate.startswith(key) or any(
                    w.startswith(key) for w in candidate.split())):
                score = max(score, 0.8)  # an abbreviation: "Subs", "Edu", "Phys"
            if set(key.split()) <= set(candidate.split()):
                score = max(score, 0.8)  # a shortened label: "Harmed a child"
            # Ties go to the label that starts with the value ("Aunt": "Aunt or uncle",
            # not "Extended family (…, great-aunt)"), then to the list's order.
            rank = (score, candidate.startswith(key))
            if rank > best_rank:
                best, best_rank = code, rank
    best_score = best_rank[0]
    if len(key) < 3 and best_score < VALUE_THRESHOLD:
        starts = {code for code, ncode, nlabel in choices if nlabel.startswith(key)}
        if len(starts) == 1:  # an initial that fits one label only: "M", "F"
            return starts.pop(), SUGGESTED
    if best is not None and best_score >= VALUE_THRESHOLD:
        return best, SUGGESTED
    return None, UNMATCHED


def value_code(mapping: ImportMapping, f: Field, raw: str) -> tuple[str | None, str]:
    """The code a value becomes under ``mapping`` (the user's choice first)."""
    chosen = mapping.values.get(f.name, {})
    if raw in chosen:
        code = chosen[raw]
        if code is None:
            return None, BLANK  # the user chose to leave it blank
        codes = f.code_list
        return (code, EXACT) if codes is not None and code in codes else (None, UNMATCHED)
    return match_value(f, raw)


UNDECIDED = "?"  # a saved mapping's placeholder for a value still to map (null: leave blank)
