"""LADO tables (SPEC §1.2), bound to the LADO store's proxy.

Identity (name, sex, date of birth, ethnicity) sits in ``LadoSubject`` so that
nothing else holds it (SPEC §0.4); tier-1 consultations have no subject row.
Agencies live in the core store, so ``referrer_agency_id`` is a plain id.
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

SEARCH_INDEX = "lado_search"  # FTS over ref, employer, subject name, subject role
SEARCH_COLUMNS = ("ref", "employer", "subject_name", "subject_role")


class LadoModel(Model):
    class Meta:
        database = stores.proxy("lado")


class LadoContact(LadoModel):
    ref = CharField(max_length=20, unique=True)
    date_received = DateField(index=True)
    date_allegation_known = DateField(null=True)
    date_of_incident = DateField(null=True)
    contact_method = CharField(null=True, max_length=30)
    referrer_name = CharField(null=True, max_length=200)
    referrer_role = CharField(null=True, max_length=200)
    referrer_agency_id = IntegerField(null=True)
    referral_source_type = CharField(max_length=40)
    employer_name = CharField(max_length=200)
    employer_norm = CharField(max_length=200, index=True)  # for "same employer" (related contacts)
    employment_sector = CharField(max_length=40)
    sector_group = CharField(max_length=40)  # derived from the sector; grouped on by the returns
    setting_type = CharField(null=True, max_length=40)
    subject_role = CharField(null=True, max_length=100)
    subject_employment_basis = CharField(null=True, max_length=40)
    subject_named = BooleanField(default=True)
    previous_allegations_known = CharField(null=True, max_length=10)
    more_than_one_subject = BooleanField(null=True)
    linked_case_ref = CharField(null=True, max_length=20)
    child_count = IntegerField(null=True)
    followed_physical_intervention = CharField(null=True, max_length=10)
    threshold_met = BooleanField(default=False)
    threshold_decision_date = DateField(null=True)
    lado_officer = CharField(null=True, max_length=120)
    police_involved = BooleanField(null=True)
    s47_enquiry = BooleanField(null=True)
    allegation_details = TextField(null=True)  # cleared by redaction of a malicious allegation
    outcome = CharField(null=True, max_length=40)
    outcome_scheme_version = CharField(null=True, max_length=20)
    outcome_date = DateField(null=True)
    date_closed = DateField(null=True)
    closure_reason = CharField(null=True, max_length=40)
    lessons_learned = TextField(null=True)
    retention_review_date = DateField(null=True, index=True)
    dob_unknown = BooleanField(default=True)
    retention_hold = BooleanField(default=False)
    retention_hold_reason = TextField(null=True)
    redacted = BooleanField(default=False)
    version = IntegerField(default=1)  # optimistic locking: bumped on every contact write
    created_at = CharField()
    updated_at = CharField()

    class Meta:
        table_name = "lado_contact"
        indexes = (
            (("threshold_met", "date_received"), False),
            # The list's "Open" filter, and its sorts by status and days open (schema 0003).
            (("date_closed", "date_received"), False),
        )


class LadoSubject(LadoModel):
    contact = ForeignKeyField(LadoContact, unique=True, backref="subjects", on_delete="CASCADE")
    name = CharField(null=True, max_length=200)
    name_norm = CharField(null=True, max_length=200)  # case/space-insensitive match key
    sex = CharField(null=True, max_length=20)
    dob = DateField(null=True)
    ethnicity = CharField(null=True, max_length=10)
    other_roles = TextField(null=True)  # other roles with children

    class Meta:
        table_name = "lado_subject"
        indexes = ((("name_norm", "dob"), False),)


class LadoContactCategory(LadoModel):
    contact = ForeignKeyField(LadoContact, backref="categories", on_delete="CASCADE")
    category = CharField(max_length=40)

    class Meta:
        table_name = "lado_contact_category"
        indexes = ((("contact", "category"), True),)


class LadoContactHarmCriterion(LadoModel):
    contact = ForeignKeyField(LadoContact, backref="harm_criteria", on_delete="CASCADE")
    criterion = CharField(max_length=40)

    class Meta:
        table_name = "lado_contact_harm_criterion"
        indexes = ((("contact", "criterion"), True),)


class LadoMeeting(LadoModel):
    contact = ForeignKeyField(LadoContact, backref="meetings", on_delete="CASCADE")
    meeting_type = CharField(max_length=40)
    meeting_date = DateField(index=True)
    agencies_present = TextField(null=True)  # comma-separated core Agency ids
    notes = TextField(null=True)

    class Meta:
        table_name = "lado_meeting"


class LadoAction(LadoModel):
    contact = ForeignKeyField(LadoContact, backref="actions", on_delete="CASCADE")
    action_type = CharField(max_length=40)
    action_date = DateField(null=True)
    notes = TextField(null=True)

    class Meta:
        table_name = "lado_action"


TABLES = [
    LadoContact,
    LadoSubject,
    LadoContactCategory,
    LadoContactHarmCriterion,
    LadoMeeting,
    LadoAction,
]
