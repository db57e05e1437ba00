"""A full disk seen from the GUI (issue 10): the LADO form keeps what was typed and says
the disk is the problem, then saves once space is freed; the Returns menu says the disk is
full and that the earlier file is unchanged. Real tmpfs, real widgets, real files."""
from __future__ import annotations

import pytest
from crash_records import lado_contact
from test_full_disk import _officer_on, _save_until_full

from hscb_desktop import app
from hscb_desktop.domains.lado import service as lado
from hscb_desktop.domains.lado.models import LadoContact
from hscb_desktop.gui import workers
from hscb_desktop.gui.dialogs import Dialogs
from hscb_desktop.gui.lado_form import LadoContactForm

FAST = (30, 60)  # the save guard's back-off in ms for the test (the app's: 2 s, 5 s, ...)


@pytest.fixture(autouse=True)
def strict_dialogs():
    Dialogs.reset()
    Dialogs.strict = True
    yield
    leftover = Dialogs.pending()
    Dialogs.reset()
    Dialogs.strict = False
    assert not leftover, f"queued dialog answers never used: {leftover!r}"


@pytest.fixture
def synchronous():
    workers.set_synchronous(True)
    yield
    workers.set_synchronous(False)


def test_full_disk_form_save_keeps_input_says_disk_and_saves_once_freed(qtbot, small_disk, clock):
    """The LADO form on a full disk: the save is refused, every typed value stays, the banner
    names the disk (no crash dialog, no engine text), nothing half-written; freed, the retry
    saves the record whole."""
    disk = small_disk("16m")
    ws, officer = _officer_on(disk.root / "data", clock)
    try:
        cid = lado.create_contact(officer, lado_contact(0))
        form = LadoContactForm(officer)
        qtbot.addWidget(form)
        form.load(lado.get_contact(officer, cid))
        form.show()
        form.save_guard.backoff_ms = FAST
        disk.fill()
        _save_until_full(officer, 1, [])  # use up the WAL space SQLite already holds

        details = "Details of the allegation. " * 740  # ~20,000 characters: many new pages
        form.ui.allegation_details.setPlainText(details)
        form.ui.referrer_name.setText("Jo Bloggs")
        form.ui.saveButton.click()
        banner = form.save_guard.banner_text()
        assert "Not saved yet" in banner and "disk" in banner, banner
        assert "Everything you typed is still in this form" in banner
        assert "The disk holding the LADO store is full" in banner  # which disk, in words
        assert "database or disk is full" not in banner and not Dialogs.shown
        assert form.ui.allegation_details.toPlainText() == details
        assert form.ui.referrer_name.text() == "Jo Bloggs" and form.is_dirty()
        row = LadoContact.get_by_id(cid)
        assert row.version == 1 and not row.allegation_details

        disk.free()
        qtbot.waitUntil(lambda: not form.save_guard.active, timeout=5000)
        assert not form.is_dirty() and form.save_guard.banner_text() == ""
        saved = lado.get_contact(officer, cid)
        assert saved["allegation_details"] == details.strip() and saved["referrer_name"] == "Jo Bloggs"
        form.close()
    finally:
        ws.close()


def test_full_disk_export_from_returns_menu_says_disk_full_and_keeps_earlier_file(
        qtbot, small_disk, tmp_path, clock, synchronous):
    """Returns → LADO return… onto a full disk: an error box that says the disk is full and the
    earlier file is unchanged (shown through the Dialogs hook), and the earlier file is intact."""
    disk = small_disk("1m")
    ws, officer = _officer_on(tmp_path / "data", clock)
    try:
        for i in range(10):
            lado.create_contact(officer, lado_contact(i))
        target = disk.root / "LADO return 2016-17.xlsx"
        lado.export_lado(officer, "2015-16", target)
        previous = target.read_bytes()
        window = app.build_main_window(officer, clock)
        qtbot.addWidget(window)
        disk.fill()

        def choose_2016_17(dialog) -> int:
            dialog.choose("2016-17")
            dialog.accept()
            return dialog.result()

        Dialogs.queue_answers(choose_2016_17, target, None)
        bar = {a.text(): a for a in window.menuBar().actions()}
        items = {a.text(): a for a in bar["R&eturns"].menu().actions()}
        items["&LADO return…"].trigger()
        kind, title, text = Dialogs.shown[-1]
        assert (kind, title) == ("error", "LADO return not produced")
        assert str(target) in text and "disk is full" in text
        assert "earlier file of that name is unchanged" in text
        assert target.read_bytes() == previous
        assert sorted(p.name for p in disk.root.iterdir()) == [target.name, "filler.bin"]

        disk.free()
        Dialogs.reset()
        Dialogs.queue_answers(choose_2016_17, target, None)
        items["&LADO return…"].trigger()
        assert Dialogs.shown[-1][0] == "info" and target.read_bytes() != previous
        window.close()
    finally:
        ws.close()


def test_full_disk_chart_picture_says_disk_full_and_keeps_earlier_file(qtbot, small_disk, tmp_path,
                                                                        clock):
    """KP-1: Dashboard → Save picture onto a full disk: the error box says the disk is full and
    the earlier file is unchanged; the earlier PNG is byte-identical, no temp file is left."""
    from hscb_desktop.gui.dashboard import DashboardPage

    disk = small_disk("1m")
    ws, officer = _officer_on(tmp_path / "data", clock)
    try:
        for i in range(6):
            lado.create_contact(officer, lado_contact(i))
        page = DashboardPage(officer)
        qtbot.addWidget(page)
        page.resize(1300, 900)
        page.show()
        card = page.card("lado-years")
        target = disk.root / "contacts.png"
        Dialogs.queue_answers(target)
        card.save_button.click()
        previous = target.read_bytes()
        disk.fill()
        page.resize(1200, 800)  # a different picture this time
        Dialogs.queue_answers(target, None)
        card.save_button.click()
        kind, title, text = Dialogs.shown[-1]
        assert (kind, title) == ("error", "Chart not saved")
        assert str(target) in text and "disk is full" in text
        assert target.read_bytes() == previous
        assert sorted(p.name for p in disk.root.iterdir()) == ["contacts.png", "filler.bin"]
        page.close()
    finally:
        ws.close()
