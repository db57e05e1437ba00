"""Training tables (SPEC §5.2), bound to the "board" store's proxy.

Agencies live in the core store, so bookings and counts keep the agency's id plus its
name as it was when saved (no foreign key across stores); the returns group by the id
and print the latest name.
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


class TrainingModel(Model):
    class Meta:
        database = stores.proxy("board")


class Course(TrainingModel):
    title = CharField(max_length=200, unique=True)
    format = CharField(max_length=30)
    theme = CharField(null=True, max_length=100)
    active = BooleanField(default=True)
    sort_order = IntegerField(default=0)  # T2's row order (then the order entered)
    created_at = CharField()
    updated_at = CharField()

    class Meta:
        table_name = "training_course"


class CourseRun(TrainingModel):
    course = ForeignKeyField(Course, backref="runs", on_delete="RESTRICT")
    run_date = DateField(index=True)
    venue = CharField(null=True, max_length=200)
    capacity = IntegerField(null=True)
    trainer_agency_ids = TextField(null=True)  # comma-separated core Agency ids
    cancelled = BooleanField(default=False)
    notes = TextField(null=True)
    version = IntegerField(default=1)
    created_at = CharField()
    updated_at = CharField()

    class Meta:
        table_name = "training_run"


class Booking(TrainingModel):
    """One delegate (identifiers optional)."""

    run = ForeignKeyField(CourseRun, backref="bookings", on_delete="CASCADE")
    agency_id = IntegerField(index=True)
    agency_name = CharField(max_length=200)
    delegate_name = CharField(null=True, max_length=200)
    job_role = CharField(null=True, max_length=200)
    status = CharField(max_length=30)

    class Meta:
        table_name = "training_booking"


class AggregateAttendance(TrainingModel):
    """Counts for one agency at one run, where names are not collected."""

    run = ForeignKeyField(CourseRun, backref="aggregates", on_delete="CASCADE")
    agency_id = IntegerField(index=True)
    agency_name = CharField(max_length=200)
    attended_count = IntegerField(default=0)
    booked_count = IntegerField(default=0)
    cancelled_count = IntegerField(default=0)
    no_show_count = IntegerField(default=0)

    class Meta:
        table_name = "training_aggregate"
        indexes = ((("run", "agency_id"), True),)


TABLES = [Course, CourseRun, Booking, AggregateAttendance]
