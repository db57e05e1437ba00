"""Tables of the core store: users and their wrapped keys, reference data, settings."""
from __future__ import annotations

from peewee import (BooleanField, CharField, DateField, ForeignKeyField, IntegerField, Model,
                    TextField)

from hscb_desktop.storage import stores


class CoreModel(Model):
    class Meta:
        database = stores.proxy(stores.CORE)


class User(CoreModel):
    username = CharField(unique=True, max_length=64)
    display_name = CharField(default="", max_length=120)
    roles = CharField(default="")  # comma-separated role codes (security.roles)
    password_hash = CharField()  # argon2id PHC string (AUTH-1)
    must_change_password = BooleanField(default=False)
    active = BooleanField(default=True)
    created_at = CharField()
    version = IntegerField(default=1)

    def role_set(self) -> frozenset[str]:
        return frozenset(r for r in self.roles.split(",") if r)


class KeyGrant(CoreModel):
    """A user's wrapped copy of one domain store's key."""

    user = ForeignKeyField(User, backref="grants", on_delete="CASCADE")
    store = CharField(max_length=20)
    wrapped = TextField()

    class Meta:
        indexes = ((("user", "store"), True),)


class Sector(CoreModel):
    code = CharField(primary_key=True, max_length=40)
    label = CharField()
    statutory_partner = BooleanField(default=False)


class Agency(CoreModel):
    name = CharField(unique=True, max_length=200)
    short_name = CharField(default="", max_length=40)
    sector = ForeignKeyField(Sector, backref="agencies", on_delete="RESTRICT")
    active = BooleanField(default=True)


class BankHoliday(CoreModel):
    date = DateField(unique=True)
    title = CharField()


class ReportingPeriod(CoreModel):
    module = CharField(max_length=20)
    label = CharField()
    start_date = DateField()
    end_date = DateField()

    class Meta:
        table_name = "reporting_period"
        indexes = ((("module", "start_date"), True),)


class Setting(CoreModel):
    key = CharField(primary_key=True, max_length=80)
    value = TextField()  # JSON


CORE_TABLES = [User, KeyGrant, Sector, Agency, BankHoliday, ReportingPeriod, Setting]
