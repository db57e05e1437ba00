"""The data-quality gate run before the annual-report workbook (issue 7).

Every record in the reporting year goes through its own domain's rules (the same
``validate`` functions that check a form before saving), through each domain
service's ``period_problems(session, period)``: no raw SQL here, and only record
references and the rules' messages come back, so the business unit sees no case
details. Problems that change a figure in the return (a threshold case with no
sector, a review with no category, ...) are listed first.

What blocks: an *error* is what the rules would refuse on saving (a value missing or
invalid), so a stored record with one is wrong data, and an error on a field the return
counts or groups by changes a figure (``counts_change``). A *warning* is the rules'
advice about the case (a referral made late, a visit due): it is listed, for the user to
see, but the value is valid, so it neither changes a count nor stops the export.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from dataclasses import dataclass

from hscb_desktop.core.periods import ReportingPeriod, period_for
from hscb_desktop.core.validation import ValidationFailed, error

# The annual report's order (CDOP, LADO and private fostering sections, then the board's
# attendance, Appendix 2, and training, Appendix 3); each with the service that checks it.
DOMAIN_SERVICES: dict[str, str] = {
    "cdop": "hscb_desktop.domains.cdop.service",
    "lado": "hscb_desktop.domains.lado.service",
    "fostering": "hscb_desktop.domains.fostering.service",
    "board": "hscb_desktop.domains.board.service",
    "training": "hscb_desktop.domains.training.service",
}

# The fields each return counts or groups by: a problem on one of them changes a count.
COUNTED_FIELDS: dict[str, frozenset[str]] = {
    "lado": frozenset({
        "date_received", "threshold_met", "employment_sector", "sector_group", "abuse_category",
        "outcome", "outcome_date", "date_closed", "referral_source_type", "harm_criteria",
    }),
    "fostering": frozenset({
        "date_received", "outcome", "not_pf_reason", "progressed", "notifier_type", "start_date",
        "end_date", "la_aware_date", "initial_visit_date", "assessment_completed_date",
        "reasons", "date_of_birth", "child_date_of_birth", "disabled", "child_disabled",
    }),
    "cdop": frozenset({
        "review_completed_date", "category_of_death", "expected_or_unexpected",
        "modifiable_factors", "date_of_birth", "date_of_death", "age_days", "sex", "ethnicity",
        "sudi", "sudi_override", "factors", "scr_considered", "scr_held",
    }),
    "board": frozenset({"meeting_date", "counted", "attendance", "status", "seat_id"}),
    "training": frozenset({
        "run_date", "attended", "attendees", "agency_id", "agency_ids", "counts", "bookings",
        "status", "course_id",
    }),
}


@dataclass(frozen=True)
class DataProblem:
    domain: str  # "lado"
    record: str  # the record's reference ("L2016-0001"), never a name
    field: str  # the model field ("" for the record as a whole)
    message: str
    severity: str  # "error" or "warning"
    counts_change: bool  # an error on a field a figure in the return depends on
    target: str = ""  # what opens the record (core.validation.RecordRef)
    record_id: int | None = None

    @property
    def blocking(self) -> bool:
        return self.severity == "error"

    def describe(self) -> str:
        where = f"{self.record}" + (f" ({self.field})" if self.field else "")
        return f"{self.domain}: {where}: {self.message}"


def sort_key(problem: DataProblem) -> tuple:
    order = list(DOMAIN_SERVICES)
    return (
        not problem.counts_change,
        problem.severity != "error",
        order.index(problem.domain) if problem.domain in order else len(order),
    )


def domain_problems(session, domain: str, period: ReportingPeriod) -> list[DataProblem]:
    """One domain's problems for its period (PermissionDenied without return access)."""
    service = importlib.import_module(DOMAIN_SERVICES[domain])
    counted = COUNTED_FIELDS.get(domain, frozenset())
    return [
        DataProblem(domain, str(ref), p.field, p.message, p.severity.value,
                    p.blocking and p.field in counted,
                    getattr(ref, "target", ""), getattr(ref, "record_id", None))
        for ref, p in service.period_problems(session, period)
    ]


def period_problems(session, period_spec: str,
                    domains: Iterable[str] | None = None) -> list[DataProblem]:
    """Every problem in the records of the reporting year ``period_spec`` ("2016-17"), each
    domain over its own months (LADO July-June, the others April-March). Problems that
    change a count come first, then errors before warnings; otherwise in report order."""
    found: list[DataProblem] = []
    for domain in domains if domains is not None else DOMAIN_SERVICES:
        found += domain_problems(session, domain, period_for(domain, period_spec))
    return sorted(found, key=sort_key)  # stable: records keep their order within a domain


def blocking(problems: Iterable[DataProblem]) -> list[DataProblem]:
    """The problems that stop the export unless accepted: the errors."""
    return [p for p in problems if p.blocking]


class QualityProblems(ValidationFailed):
    """The data-quality gate found errors and the user has not accepted them."""

    def __init__(self, problems: list):
        self.found = problems  # every DataProblem listed (errors and warnings)
        self.count = sum(1 for p in problems if p.blocking)
        super().__init__([error("", (
            f"{self.count} data-quality problem(s) were found in the year's records, "
            f"{sum(1 for p in problems if p.counts_change)} of them changing a count. "
            "Correct them, or export anyway accepting them (--accept-problems); their "
            "count is then written on the About sheet."))])


def gate(session, period_spec: str, domains: Iterable[str] | None,
         accept_problems: bool) -> int:
    """Run the gate before an export: the number of errors accepted (0 when none), or
    ``QualityProblems`` when there are errors and they were not accepted."""
    problems = period_problems(session, period_spec, domains)
    accepted = len(blocking(problems))
    if accepted and not accept_problems:
        raise QualityProblems(problems)
    return accepted
