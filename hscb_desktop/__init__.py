"""HSCB Desktop: offline casework and Excel returns for a safeguarding children board."""

__version__ = "0.1.0"
APP_NAME = "HSCB Desktop"
APP_ID = "hscb-desktop"
ORG_NAME = "HSCB"

from hscb_desktop import peewee_loading as _peewee_loading  # noqa: E402 - before any peewee import

_peewee_loading.install()
