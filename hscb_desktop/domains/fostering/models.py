"""Private fostering tables (SPEC §2.4), bound to the fostering store's proxy.

Identity sits in its own tables so nothing else holds it (SPEC §0.4): the child's
in ``PfChild``, the carer's in ``PfCarer``; a notification points at one of each.
An arrangement belongs to one notification (and shares its reference). The main
records (enquiry, notification, arrangement) carry an optimistic ``version``.
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

# Type-ahead over notifications and their arrangements (rowid = notification id).
SEARCH_INDEX = "pf_search"
SEARCH_COLUMNS = ("ref", "child_name", "carer_name")
# Type-ahead over enquiries (rowid = enquiry id).
ENQUIRY_SEARCH_INDEX = "pf_enquiry_search"
ENQUIRY_SEARCH_COLUMNS = ("ref", "enquirer_name", "other_la_name")


class PfModel(Model):
    class Meta:
        database = stores.proxy("fostering")


class PfChild(PfModel):
    name = CharField(max_length=200)
    name_norm = CharField(max_length=200, index=True)
    sex = CharField(null=True, max_length=20)
    date_of_birth = DateField(null=True)
    place_of_birth = CharField(null=True, max_length=200)
    country_of_birth = CharField(null=True, max_length=100)
    born_in_uk = CharField(null=True, max_length=10)  # yes / no / unknown
    religion = CharField(null=True, max_length=100)
    ethnicity = CharField(null=True, max_length=10)
    language = CharField(null=True, max_length=100)
    disabled = BooleanField(default=False)
    immigration_status = CharField(null=True, max_length=200)

    class Meta:
        table_name = "pf_child"


class PfCarer(PfModel):
    name = CharField(max_length=200)
    name_norm = CharField(max_length=200, index=True)
    address = TextField(null=True)
    postcode = CharField(null=True, max_length=12)
    phone = CharField(null=True, max_length=40)
    household = TextField(null=True)  # other household members

    class Meta:
        table_name = "pf_carer"


class PfNotification(PfModel):
    ref = CharField(max_length=20, unique=True)
    date_received = DateField(index=True)
    notifier_type = CharField(max_length=40)
    notification_type = CharField(max_length=40)
    notice_given_in_time = CharField(max_length=10, default="unknown")  # computed (§2.5.5)
    intended_start_date = DateField(null=True)
    intended_duration_days = IntegerField(null=True)
    progressed = BooleanField(null=True)  # None: not yet decided
    not_progressed_reason = CharField(null=True, max_length=40)
    child = ForeignKeyField(PfChild, backref="notifications", on_delete="RESTRICT")
    carer = ForeignKeyField(PfCarer, null=True, backref="notifications", on_delete="RESTRICT")
    notes = TextField(null=True)
    version = IntegerField(default=1)
    created_at = CharField()
    updated_at = CharField()

    class Meta:
        table_name = "pf_notification"


class PfEnquiry(PfModel):
    ref = CharField(max_length=20, unique=True)
    date_received = DateField(index=True)
    enquirer_type = CharField(max_length=40)
    enquirer_name = CharField(null=True, max_length=200)
    outcome = CharField(null=True, max_length=40)  # None: not yet recorded
    not_pf_reason = CharField(null=True, max_length=40)
    other_la_name = CharField(null=True, max_length=200)
    notification = ForeignKeyField(
        PfNotification, null=True, unique=True, backref="enquiries", on_delete="SET NULL"
    )
    notes = TextField(null=True)
    version = IntegerField(default=1)
    created_at = CharField()
    updated_at = CharField()

    class Meta:
        table_name = "pf_enquiry"


class PfArrangement(PfModel):
    notification = ForeignKeyField(
        PfNotification, unique=True, backref="arrangements", on_delete="RESTRICT"
    )
    start_date = DateField(index=True)
    la_aware_date = DateField()
    carer_relationship = CharField(max_length=40)
    initial_visit_date = DateField(null=True)
    dbs_carer_date = DateField(null=True)
    dbs_household_date = DateField(null=True)
    pnc_date = DateField(null=True)
    assessment_completed_date = DateField(null=True, index=True)
    assessment_outcome = CharField(null=True, max_length=40)
    child_in_need_or_cp = CharField(null=True, max_length=20)
    end_date = DateField(null=True, index=True)
    end_reason = CharField(null=True, max_length=40)
    end_notified_by = CharField(null=True, max_length=200)
    new_carer_details = TextField(null=True)
    notes = TextField(null=True)
    version = IntegerField(default=1)
    created_at = CharField()
    updated_at = CharField()

    class Meta:
        table_name = "pf_arrangement"


class PfArrangementReason(PfModel):
    arrangement = ForeignKeyField(PfArrangement, backref="reasons", on_delete="CASCADE")
    reason = CharField(max_length=40)

    class Meta:
        table_name = "pf_arrangement_reason"
        indexes = ((("arrangement", "reason"), True),)


class PfVisit(PfModel):
    arrangement = ForeignKeyField(PfArrangement, backref="visits", on_delete="CASCADE")
    visit_date = DateField()
    visit_type = CharField(max_length=30)
    child_seen_alone = BooleanField(null=True)
    report_written_date = DateField(null=True)
    visitor = CharField(null=True, max_length=120)
    notes = TextField(null=True)

    class Meta:
        table_name = "pf_visit"
        # The due list's "latest statutory visit per open arrangement" reads only this index.
        indexes = ((("arrangement", "visit_type", "visit_date"), False),)


TABLES = [PfChild, PfCarer, PfNotification, PfEnquiry, PfArrangement, PfArrangementReason, PfVisit]
