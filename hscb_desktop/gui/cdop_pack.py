"""The panel pack: one meeting's cases printed to a PDF for the panel to read beforehand.

The content is ``service.panel_pack`` (plain data with no identity: no names, NHS number,
date of birth or postcode). It is laid out as a ``QTextDocument`` whose every value is
escaped text, and printed with ``QPdfWriter``; the file is written beside its target and
moved into place, so a failed print leaves no half-written pack.
"""
from __future__ import annotations

import datetime as dt
import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QWidget

from hscb_desktop.core.atomic import atomic_write_bytes
from hscb_desktop.core.dates import format_uk
from hscb_desktop.core.validation import PermissionDenied, ValidationFailed
from hscb_desktop.domains.cdop import service
from hscb_desktop.gui.cdop_common import problem_words
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.storage.errors import file_write_message

_STYLE = """
body { font-family: sans-serif; font-size: 10pt; }
h1 { font-size: 16pt; margin-bottom: 2pt; }
h2 { font-size: 13pt; margin-top: 0; }
h3 { font-size: 11pt; margin-bottom: 2pt; }
td.k { color: #333333; padding-right: 12pt; }
p.notice { font-weight: bold; }
"""
_CASE_ROWS = (
    ("Sex", "sex"),
    ("Ethnicity", "ethnicity"),
    ("Age at death", "age_at_death"),
    ("Age band", "age_band"),
    ("Month of death", "month_of_death"),
    ("Local authority of residence", "la_of_residence"),
    ("Normally resident in the area", "normally_resident_in_area"),
    ("Place of death", "place_of_death"),
    ("Place of death (other)", "place_of_death_other"),
    ("Expected or unexpected", "expected_or_unexpected"),
    ("Confirmed unexpected by the designated doctor", "unexpected_confirmed_by_designated_doctor"),
    ("Joint agency response", "joint_agency_response"),
    ("Post mortem required", "post_mortem_required"),
    ("Coroner involved", "coroner_involved"),
    ("Inquest", "inquest"),
    ("Looked after", "looked_after"),
    ("Child protection plan", "child_protection_plan"),
    ("Child in need", "child_in_need"),
    ("Notified by", "notified_by"),
)
_REVIEW_ROWS = (
    ("Status", "status"),
    ("Completed", "review_completed_date"),
    ("Category of death", "category_of_death"),
    ("Cause of death", "cause_of_death_text"),
    ("Modifiable factors", "modifiable_factors"),
    ("Modifiable factors: details", "modifiable_factors_text"),
    ("Co-sleeping", "co_sleeping"),
    ("Smoking in household", "smoking_in_household"),
    ("Smoking in pregnancy", "smoking_in_pregnancy"),
    ("Carer alcohol or drugs", "alcohol_or_drugs_carer"),
    ("Serious case review considered", "scr_considered"),
    ("Serious case review held", "scr_held"),
    ("Recommendations", "recommendations"),
)


def _text(value: Any) -> str:
    """A value as escaped text for the document (dates in UK form, booleans in words)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dt.datetime):
        return html.escape(value.strftime("%d/%m/%Y %H:%M"))
    if isinstance(value, dt.date):
        return html.escape(format_uk(value))
    return html.escape(str(value)).replace("\n", "<br>")


def _rows(pairs: list[tuple[str, Any]]) -> str:
    cells = "".join(
        f'<tr><td class="k">{html.escape(label)}</td><td>{_text(value)}</td></tr>'
        for label, value in pairs
        if value not in (None, "", [])
    )
    return f'<table cellspacing="0" cellpadding="2">{cells}</table>'


def pack_html(pack: dict[str, Any]) -> str:
    """The pack as HTML in which every value from the data is escaped text."""
    parts = [
        f"<html><head><style>{_STYLE}</style></head><body>",
        f"<h1>{_text(pack.get('title'))}</h1>",
        f"<p>{_text(pack.get('board'))}<br>Panel meeting: {_text(pack.get('meeting_date'))}"
        f"<br>Produced {_text(pack.get('generated'))} by {_text(pack.get('generated_by'))}</p>",
        f'<p class="notice">{_text(pack.get("notice"))}</p>',
    ]
    cases = pack.get("cases") or []
    if not cases:
        parts.append("<p>There are no cases on this meeting's agenda.</p>")
    else:
        parts.append("<h3>Cases</h3><ol>")
        parts += [f"<li>{_text(c.get('cdop_ref'))}</li>" for c in cases]
        parts.append("</ol>")
    for case in cases:
        parts.append(_case_html(case))
    parts.append("</body></html>")
    return "".join(parts)


def _case_html(case: dict[str, Any]) -> str:
    parts = [
        '<div style="page-break-before: always">',
        f"<h2>{_text(case.get('position'))}. {_text(case.get('cdop_ref'))}</h2>",
        _rows([(label, case.get(key)) for label, key in _CASE_ROWS]),
        "<h3>Circumstances</h3>",
        f"<p>{_text(case.get('circumstances_summary')) or 'None recorded.'}</p>",
        "<h3>Agency reports</h3>",
    ]
    reports = case.get("reports") or []
    if not reports:
        parts.append("<p>None recorded.</p>")
    for report in reports:
        received = report.get("received_date")
        state = f"received {_text(received)}" if received else "not yet received"
        parts.append(f"<p><b>{_text(report.get('agency'))}</b> ({state})</p>")
        parts.append(_rows([
            ("Requested", report.get("requested_date")),
            ("Mode of death", report.get("mode_of_death")),
            ("Attempted resuscitation", report.get("attempted_resuscitation")),
            ("Events", ", ".join(e for e in report.get("events") or [] if e)),
            ("Narrative", report.get("narrative")),
        ]))
    review = case.get("review")
    if review:
        parts.append("<h3>Review</h3>")
        scores = [(s["domain"], s["score"]) for s in review.get("domain_scores") or []]
        sudi = review.get("sudi")
        parts.append(_rows(
            [(label, review.get(key)) for label, key in _REVIEW_ROWS[:4]]
            + [("Categories applicable", ", ".join(review.get("categories_applicable") or []))]
            + scores
            + [("Factors", ", ".join(review.get("factors") or []))]
            + [(label, review.get(key)) for label, key in _REVIEW_ROWS[4:]]
            + [("SUDI", None if sudi is None else ("Yes" if sudi else "No"))]
        ))
    parts.append("</div>")
    return "".join(parts)


def pack_document(pack: dict[str, Any]) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(pack_html(pack))
    return document


def write_pack_pdf(pack: dict[str, Any], path: Path) -> Path:
    """Print the pack to ``path`` (A4) and return it."""
    path = Path(path)
    # Rendered in memory, then written whole through core.atomic (KP-1): a full disk or a
    # failed write leaves any earlier pack untouched and raises OSError to the caller.
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(f"CDOP panel pack, meeting of {format_uk(pack.get('meeting_date'))}")
    writer.setCreator("HSCB Desktop")
    writer.setResolution(300)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter))
    document = pack_document(pack)
    document.print_(writer)
    del writer  # finishes the PDF
    atomic_write_bytes(path, bytes(buffer.data()))
    return path


def suggested_name(pack_date: dt.date | None) -> str:
    when = pack_date.isoformat() if isinstance(pack_date, dt.date) else "meeting"
    return f"CDOP panel pack {when}.pdf"


def _folder() -> Path:
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()


def print_panel_pack(parent: QWidget | None, session, meeting: dict[str, Any]) -> Path | None:
    """Ask where to save the pack of ``meeting`` (a ``list_meetings`` row), write it, say
    where it went; None when the user cancelled or it failed (the failure is shown)."""
    suggested = _folder() / suggested_name(meeting.get("meeting_date"))
    path = Dialogs.save_file(parent, "Save the panel pack", suggested, "PDF document (*.pdf)")
    if path is None:
        return None
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    try:
        pack = service.panel_pack(session, meeting["id"])
        written = write_pack_pdf(pack, path)
    except (ValidationFailed, PermissionDenied) as exc:
        Dialogs.error(parent, "Panel pack not produced", problem_words(exc))
        return None
    except OSError as exc:
        Dialogs.error(parent, "Panel pack not produced", file_write_message(exc, path))
        return None
    n = len(pack.get("cases") or [])
    Dialogs.info(
        parent,
        "Panel pack saved",
        f"The panel pack ({n} case{'s' if n != 1 else ''}, without names, NHS numbers, "
        f"dates of birth or postcodes) was saved to:\n{written}",
    )
    return written
