"""Days and months as the archive counts them: Indonesia's three time zones, a day's local midnight,
and the first and last day of a month. Plain Python, no Django."""

import zoneinfo
from datetime import date, datetime, time, timedelta

# Indonesia keeps no daylight saving: each zone is a fixed offset from UTC (+7, +8, +9).
ZONES = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}


def zone_of(name):
    """The time zone of an Indonesian zone name; WIB when none was printed."""
    return zoneinfo.ZoneInfo(ZONES.get(name, "Asia/Jakarta"))


def local_midnight(day: date, zone: str = "") -> datetime:
    """The moment `day` begins in the named zone (WIB by default), timezone-aware."""
    return datetime.combine(day, time.min, tzinfo=zone_of(zone))


def week_start(day: date) -> date:
    """The Monday of the week `day` is in: weeks on the charts run Monday to Sunday."""
    return day - timedelta(days=day.weekday())


def month_start(day: date) -> date:
    return day.replace(day=1)


def next_month(day: date) -> date:
    """The first day of the month after the one `day` is in (January after December)."""
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def month_end(day: date) -> date:
    """The last day of the month `day` is in."""
    return next_month(day) - timedelta(days=1)
