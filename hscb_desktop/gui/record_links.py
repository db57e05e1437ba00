"""Opening a record in its module's page from anywhere else in the window.

The work tray and the data-quality gate both name a record by domain, target and id
(``tray.TrayItem``, ``core.validation.RecordRef``); this is the one place that knows
which page method shows each target. A domain the session's roles give no record access
to has no page, so nothing here can reach past the roles (GOV-1); the pages' services
check again when they load the record.
"""
from __future__ import annotations

# target -> the domain whose page shows it (training runs live on the board page)
PAGE_FOR_TARGET = {
    "contact": "lado",
    "enquiry": "fostering", "notification": "fostering", "arrangement": "fostering",
    "case": "cdop", "case_reports": "cdop",
    "board_meeting": "board", "board_year": "board", "training_run": "board",
}


def page_domain(domain: str, target: str) -> str:
    return PAGE_FOR_TARGET.get(target, domain)


def can_open(window, domain: str, target: str, record_id: int | None) -> bool:
    """Whether ``open_record`` would reach a page in this window (the roles allow it)."""
    pages = getattr(window, "pages", {}) if window is not None else {}
    return bool(target) and record_id is not None and page_domain(domain, target) in pages


def open_record(window, domain: str, target: str, record_id: int | None) -> bool:
    """Show the record's module page and, where the page can, the record itself.
    False when the window has no such page or the page could not open the record."""
    pages = getattr(window, "pages", {}) if window is not None else {}
    name = page_domain(domain, target)
    if name not in pages:
        return False
    window.show_page(name)
    page = pages[name]
    if record_id is None:
        return True
    if target in ("enquiry", "arrangement", "notification"):
        return bool(page.open_record(target, record_id))
    if target == "contact":
        return bool(page.open_contact(record_id))
    if target in ("case", "case_reports"):
        return bool(page.open_case(record_id, "reports" if target == "case_reports" else "notification"))
    if target == "board_meeting":
        page.show_tab(page.meetings)
        return bool(page.meetings.open_meeting(record_id))
    if target == "training_run":
        page.show_tab(page.training)
        return bool(page.training.open_attendance(record_id))
    if target == "board_year":
        page.show_tab(page.year)
        return True
    return True
