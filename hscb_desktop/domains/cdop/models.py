"""CDOP tables (SPEC §3.2), bound to the CDOP store's proxy.

Identity (names, NHS number, date of birth, home postcode) sits in ``ChildIdentity``
so that it can be left off what goes to panel (SPEC §0.4, S-C5); ``ChildDeath``
keeps the age at death (days, completed years, band) it needs for the returns.
Agencies live in the core store, so agency columns are plain ids.
"""

from __future__ import annotations

from peewee import (
    BooleanField,
    CharField,
    DateField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from hscb_desktop.storage import stores

SEARCH_INDEX = "cdop_search"  # FTS over reference, NHS number and name
SEARCH_COLUMNS = ("ref", "nhs_number", "name")


class CdopModel(Model):
    class Meta:
        database = stores.proxy("cdop")


class ChildDeath(CdopModel):
    """The notification (Form A / notification form), without identity."""

    cdop_ref = CharField(max_length=20, unique=True)
    sex = CharField(null=True, max_length=20)
    ethnicity = CharField(null=True, max_length=10)
    date_of_death = DateField(index=True)
    time_of_death = CharField(null=True, max_length=5)  # "HH:MM"
    age_days = IntegerField()  # derived: days from birth to death
    age_years = IntegerField()  # derived: completed years at death
    age_band = CharField(max_length=20, index=True)  # derived: vocab.AGE_BANDS
    live_born = BooleanField(default=True)
    la_of_residence = CharField(null=True, max_length=100)
    normally_resident_in_area = BooleanField(null=True)
    place_of_death = CharField(null=True, max_length=40)
    place_of_death_other = CharField(null=True, max_length=200)
    expected_or_unexpected = CharField(max_length=12, index=True)
    unexpected_confirmed_by_designated_doctor = BooleanField(null=True)
    joint_agency_response = BooleanField(null=True)
    post_mortem_required = BooleanField(null=True)
    coroner_involved = BooleanField(null=True)
    inquest = BooleanField(null=True)
    looked_after = BooleanField(null=True)
    child_protection_plan = BooleanField(null=True)
    child_in_need = BooleanField(null=True)
    notification_date = DateField()
    notified_by_agency_id = IntegerField(null=True)
    circumstances_summary = TextField(null=True)
    notification_complete = BooleanField(default=False)  # derived: rules.notification_gaps
    version = IntegerField(default=1)  # optimistic locking: bumped on every notification write
    created_at = CharField()
    updated_at = CharField()

    class Meta:
        table_name = "cdop_child_death"


class ChildIdentity(CdopModel):
    death = ForeignKeyField(ChildDeath, unique=True, backref="identity", on_delete="CASCADE")
    forenames = CharField(null=True, max_length=200)
    family_name = CharField(null=True, max_length=200)
    name_norm = CharField(null=True, max_length=400)  # case/space-insensitive sort key
    nhs_number = CharField(null=True, max_length=10, index=True)  # 10 digits, no spaces
    date_of_birth = DateField()
    home_postcode = CharField(null=True, max_length=10)

    class Meta:
        table_name = "cdop_child_identity"


class AgencyReport(CdopModel):
    """An agency's report on the death (Form B / reporting form); requested, then received."""

    death = ForeignKeyField(ChildDeath, backref="reports", on_delete="CASCADE")
    agency_id = IntegerField(null=True)  # core Agency id
    agency_name = CharField(null=True, max_length=200)  # free text where the list lacks it
    requested_date = DateField(null=True)
    received_date = DateField(null=True, index=True)
    mode_of_death = CharField(null=True, max_length=40)
    attempted_resuscitation = CharField(null=True, max_length=10)
    narrative = TextField(null=True)

    class Meta:
        table_name = "cdop_agency_report"


class AgencyReportEvent(CdopModel):
    report = ForeignKeyField(AgencyReport, backref="events", on_delete="CASCADE")
    event = CharField(max_length=40)

    class Meta:
        table_name = "cdop_agency_report_event"
        indexes = ((("report", "event"), True),)


class PanelMeeting(CdopModel):
    meeting_date = DateField(index=True)
    quorate = BooleanField(null=True)
    notes = TextField(null=True)
    created_at = CharField()

    class Meta:
        table_name = "cdop_panel_meeting"


class AgendaItem(CdopModel):
    """A death on a meeting's agenda (a death may be deferred to a later meeting)."""

    meeting = ForeignKeyField(PanelMeeting, backref="agenda", on_delete="CASCADE")
    death = ForeignKeyField(ChildDeath, backref="agenda_items", on_delete="CASCADE")
    position = IntegerField(default=0)

    class Meta:
        table_name = "cdop_agenda_item"
        indexes = ((("meeting", "death"), True),)


class CdopReview(CdopModel):
    """The panel's review (Form C / analysis form), one per death; complete once it has
    a ``review_completed_date`` (the counting date of the return)."""

    death = ForeignKeyField(ChildDeath, unique=True, backref="review", on_delete="CASCADE")
    panel_meeting = ForeignKeyField(
        PanelMeeting, null=True, backref="reviews", on_delete="SET NULL"
    )
    review_completed_date = DateField(null=True, index=True)
    category_of_death = CharField(null=True, max_length=40)
    categories_applicable = TextField(null=True)  # comma-separated codes the panel ticked
    cause_of_death_text = TextField(null=True)
    domain_scheme = CharField(max_length=10, default="wt2015")
    domain_1_score = CharField(null=True, max_length=2)
    domain_2_score = CharField(null=True, max_length=2)
    domain_3_score = CharField(null=True, max_length=2)
    domain_4_score = CharField(null=True, max_length=2)
    modifiable_factors = CharField(null=True, max_length=30)
    modifiable_factors_text = TextField(null=True)
    sudden_death = BooleanField(null=True)  # the panel's view; None: taken from the reports
    sudi_suggested = BooleanField(default=False)  # rules.suggest_sudi, kept up to date
    sudi_override = BooleanField(null=True)  # the panel's own answer; None: take the suggestion
    sudi = BooleanField(default=False)  # the answer counted: the override, else the suggestion
    co_sleeping = CharField(null=True, max_length=10)
    smoking_in_household = CharField(null=True, max_length=10)
    smoking_in_pregnancy = CharField(null=True, max_length=10)
    alcohol_or_drugs_carer = CharField(null=True, max_length=10)
    scr_considered = BooleanField(null=True)
    scr_held = BooleanField(null=True)
    recommendations = TextField(null=True)
    agencies_represented = TextField(null=True)  # comma-separated codes
    version = IntegerField(default=1)
    created_at = CharField()
    updated_at = CharField()

    class Meta:
        table_name = "cdop_review"


class CdopReviewFactor(CdopModel):
    review = ForeignKeyField(CdopReview, backref="factors", on_delete="CASCADE")
    factor = CharField(max_length=40)

    class Meta:
        table_name = "cdop_review_factor"
        indexes = ((("review", "factor"), True),)


TABLES = [
    ChildDeath,
    ChildIdentity,
    AgencyReport,
    AgencyReportEvent,
    PanelMeeting,
    AgendaItem,
    CdopReview,
    CdopReviewFactor,
]
