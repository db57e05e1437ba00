"""The data-quality gate: each domain's rules over the year's records, through the
domain services; count-changing problems first; only return access needed."""
from __future__ import annotations

import datetime as dt

import pytest

from hscb_desktop import demo
from hscb_desktop.core.clock import local_today
from hscb_desktop.core.periods import period_for
from hscb_desktop.core.validation import PermissionDenied
from hscb_desktop.returns import quality
from hscb_desktop.returns.quality import DataProblem
from hscb_desktop.security import auth


def problem(domain="lado", field="x", severity="error", counts=False, record="R1"):
    return DataProblem(domain, record, field, "message", severity, counts)


def test_problems_that_change_a_count_come_first_then_errors_then_report_order():
    found = [
        problem("training", severity="warning"),
        problem("lado", severity="warning"),
        problem("board", severity="error"),
        problem("fostering", counts=True),
        problem("cdop", severity="error"),
        problem("lado", counts=True, record="R2"),
    ]
    ordered = sorted(found, key=quality.sort_key)
    assert [(p.domain, p.counts_change, p.severity) for p in ordered] == [
        ("lado", True, "error"), ("fostering", True, "error"),
        ("cdop", False, "error"), ("board", False, "error"),
        ("lado", False, "warning"), ("training", False, "warning"),
    ]
    assert quality.blocking(found) == [p for p in found if p.severity == "error"]
    assert ordered[0].describe() == "lado: R2 (x): message"


@pytest.fixture
def filled(workspace, make_user, clock):
    clock.set(dt.datetime(2017, 9, 1, 9, 0, tzinfo=dt.timezone.utc))
    password = make_user("all", ["lado_officer", "fostering_worker", "cdop_coordinator",
                                 "business_unit"])
    session = auth.sign_in(workspace, "all", password)
    for name in ("lado", "cdop", "training"):
        demo.FILLERS[name].fill(session, local_today(clock))
    return session


def test_each_domain_s_rules_run_over_its_own_year(filled):
    from hscb_desktop.domains.cdop.models import CdopReview
    from hscb_desktop.domains.lado.models import LadoContact
    from hscb_desktop.domains.training.models import CourseRun

    lado_year = period_for("lado", "2016-17")
    inside = (LadoContact.select().where(LadoContact.date_received.between(
        lado_year.start, lado_year.end)).order_by(LadoContact.id).first())
    outside = (LadoContact.select().where(LadoContact.date_received < lado_year.start)
               .order_by(LadoContact.id).first())
    LadoContact.update(employment_sector="").where(
        LadoContact.id.in_([inside.id, outside.id])).execute()
    cdop_year = period_for("cdop", "2016-17")
    review = (CdopReview.select().where(CdopReview.review_completed_date.between(
        cdop_year.start, cdop_year.end)).order_by(CdopReview.id).first())
    CdopReview.update(category_of_death=None).where(CdopReview.id == review.id).execute()
    run = CourseRun.select().where(CourseRun.run_date.between(
        dt.date(2016, 4, 1), dt.date(2017, 3, 31))).order_by(CourseRun.id).first()
    CourseRun.update(capacity=-3).where(CourseRun.id == run.id).execute()

    errors = quality.blocking(quality.period_problems(filled, "2016-17"))
    by_domain = {(p.domain, p.field): p for p in errors}
    assert by_domain[("lado", "employment_sector")].record == inside.ref
    assert [p.record for p in errors if p.domain == "lado"] == [inside.ref]  # not last year's
    cdop = by_domain[("cdop", "category_of_death")]
    assert cdop.counts_change and cdop.record == review.death.cdop_ref
    assert not by_domain[("training", "capacity")].counts_change
    assert run.run_date.strftime("%d/%m/%Y") in by_domain[("training", "capacity")].record
    assert [p.counts_change for p in errors] == sorted((p.counts_change for p in errors),
                                                       reverse=True)
    # one domain alone
    assert {p.domain for p in quality.period_problems(filled, "2016-17", ["cdop"])} == {"cdop"}


def test_a_practitioner_may_check_only_their_own_domain(workspace, make_user):
    password = make_user("lado1", ["lado_officer"])
    officer = auth.sign_in(workspace, "lado1", password)
    assert quality.period_problems(officer, "2016-17", ["lado"]) == []
    with pytest.raises(PermissionDenied):
        quality.period_problems(officer, "2016-17", ["cdop"])
