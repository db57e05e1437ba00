"""Board tables (SPEC §4.2), bound to the "board" store's proxy.

Agencies live in the core store, so a seat keeps the agency's id plus its name and
sector as they were when the seat was saved (no foreign key across stores); the
service refreshes them on every save of the seat.
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


class BoardModel(Model):
    class Meta:
        database = stores.proxy("board")


class Board(BoardModel):
    name = CharField(max_length=200, unique=True)
    meetings_planned_per_year = IntegerField(default=4)
    quorum_rule = TextField(null=True)  # JSON (quorum.py); NULL = the §8.11 default
    created_at = CharField()
    updated_at = CharField()

    class Meta:
        table_name = "board"


class BoardRole(BoardModel):
    """A seat on the board ("Director of Children's Services, HCC (or representative)")."""

    board = ForeignKeyField(Board, backref="roles", on_delete="RESTRICT")
    title = CharField(max_length=200)
    agency_id = IntegerField(null=True)  # core Agency id; NULL for the chair and lay members
    agency_name = CharField(null=True, max_length=200)  # denormalised from the core store
    agency_sector = CharField(null=True, max_length=40)  # likewise: the quorum reads it
    display_label = CharField(max_length=300)  # the text B1 prints
    deputy_allowed = BooleanField(default=False)
    statutory_partner = BooleanField(default=False)
    counts_for_quorum = BooleanField(default=False)
    sort_order = IntegerField(default=0, index=True)
    footnote = TextField(null=True)
    active_from = DateField(null=True)
    active_to = DateField(null=True)
    version = IntegerField(default=1)
    created_at = CharField()
    updated_at = CharField()

    class Meta:
        table_name = "board_role"


class RoleHolder(BoardModel):
    role = ForeignKeyField(BoardRole, backref="holders", on_delete="CASCADE")
    person_name = CharField(max_length=200)
    from_date = DateField(null=True)
    to_date = DateField(null=True)

    class Meta:
        table_name = "board_role_holder"


class BoardMeeting(BoardModel):
    board = ForeignKeyField(Board, backref="meetings", on_delete="RESTRICT")
    meeting_date = DateField(index=True)
    meeting_type = CharField(max_length=40)
    counts_override = BooleanField(null=True)  # NULL: derived from the type (§8.11)
    counts_for_attendance = BooleanField(default=True)  # effective value, kept for queries
    quorate_override = BooleanField(null=True)  # NULL: computed from the attendance
    notes = TextField(null=True)
    version = IntegerField(default=1)
    created_at = CharField()
    updated_at = CharField()

    class Meta:
        table_name = "board_meeting"


class Attendance(BoardModel):
    meeting = ForeignKeyField(BoardMeeting, backref="attendance", on_delete="CASCADE")
    role = ForeignKeyField(BoardRole, backref="attendance", on_delete="RESTRICT")
    status = CharField(max_length=30)
    attendee_name = CharField(null=True, max_length=200)  # the deputy who attended

    class Meta:
        table_name = "board_attendance"
        indexes = ((("meeting", "role"), True),)


TABLES = [Board, BoardRole, RoleHolder, BoardMeeting, Attendance]
