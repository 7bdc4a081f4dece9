"""Indonesian dates: publication lines and the dates of the events an article reports."""

import re
from collections import Counter
from datetime import date, datetime, timedelta, timezone

MONTHS = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "agus": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11, "nopember": 11, "nop": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}  # fmt: skip

WEEKDAYS = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "sabtu": 5, "minggu": 6,
    "ahad": 6,
}  # fmt: skip

ZONES = {"WIB": 7, "WITA": 8, "WIT": 9}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")"
_TIME = r"(?P<hour>[01]?\d|2[0-3])[.:](?P<minute>[0-5]\d)(?:[.:][0-5]\d)?\s*(?P<zone>WITA|WIB|WIT)?"

# "Selasa, 19 Maret 2024 - 12.59 WIB", "Senin, 2 Sep 2024 10:15 WIB", "Rabu, 7 Agustus 2024 |21:05 WIB"
TEXT_DATE = re.compile(
    rf"(?:(?P<weekday>{_WEEKDAY})\s*,?\s*)?\b(?P<day>[0-3]?\d)\s+{_MONTH}\s+(?P<year>(?:19|20)\d\d)\b"
    rf"(?:\s*(?:[-|,/]|pukul|jam)?\s*(?:pukul\s*)?{_TIME})?",
    re.IGNORECASE,
)
ISO_DATE = re.compile(r"\b(?P<year>20\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?:[T ]" + _TIME + ")?")

# Event dates in running text.
_NUMERIC = re.compile(
    rf"(?:(?P<weekday>{_WEEKDAY})\b[\s,]*(?:\w+\s+)?)?\(?\s*(?P<day>[0-3]?\d)\s*/\s*(?P<month>[01]?\d)"
    r"(?:\s*/\s*(?P<year>(?:19|20)?\d\d))?\s*\)?",
    re.IGNORECASE,
)
_TEXTUAL = re.compile(
    rf"(?:(?P<weekday>{_WEEKDAY})\b[\s,]*)?\b(?P<day>[0-3]?\d)(?:\s*(?:-|–|s\.?d\.?|sampai|hingga)\s*"
    rf"(?P<day2>[0-3]?\d))?\s+{_MONTH}\b(?:\s+(?:tahun\s+)?(?P<year>(?:19|20)\d\d)\b)?",
    re.IGNORECASE,
)
_DECREE = re.compile(r"(?:nomor|no\.?|nomer|putusan|keputusan|perda|pkpu|sk)\s*:?\s*[\w./-]*$", re.IGNORECASE)
_YEAR = re.compile(r"\b(20[0-3]\d)\b")
_REPORTED_DAY = re.compile(rf"\b{_WEEKDAY}\b[\s,]*\(?\s*[0-3]?\d\s*[/ ]", re.IGNORECASE)


def parse_date_line(line: str) -> tuple[datetime, bool] | None:
    """Read a publication date line; return (datetime, has_time) or None."""
    match = TEXT_DATE.search(line or "")
    if match:
        month = MONTHS[match["month"].lower()]
        return _build(int(match["year"]), month, int(match["day"]), match)
    match = ISO_DATE.search(line or "")
    if match:
        return _build(int(match["year"]), int(match["month"]), int(match["day"]), match)
    return None


def _build(year: int, month: int, day: int, match: re.Match) -> tuple[datetime, bool] | None:
    try:
        moment = datetime(year, month, day)
        if match["hour"] is not None:
            moment = moment.replace(hour=int(match["hour"]), minute=int(match["minute"]))
    except (ValueError, IndexError):
        return None
    has_time = match["hour"] is not None
    zone = (match["zone"] or "").upper()
    if has_time or zone:
        # Indonesian news without a zone is almost always WIB.
        moment = moment.replace(tzinfo=timezone(timedelta(hours=ZONES.get(zone, 7))))
    return moment, has_time


def zone_name(moment: datetime | None) -> str:
    """ "WITA" for a time printed in WITA: the zone a reader saw, kept to show the time as printed."""
    offset = moment.utcoffset() if moment and moment.tzinfo else None
    hours = offset.total_seconds() / 3600 if offset is not None else None
    return next((name for name, h in ZONES.items() if h == hours), "")


def lead_date(body: str, year_hint: int | None = None) -> date | None:
    """The date of what the lead reports, for articles that print no publication date.

    News dates the day it reports with its weekday ("Selasa (9/7/2024)"), so the first such date in
    the opening paragraphs wins; failing that, the first date they give at all.
    """
    base = year_hint or _common_year(body)
    sentences = [s for p in (body or "").split("\n\n")[:3] for s in re.split(r"(?<=[.!?])\s+", p)]
    dated = [(s, found) for s in sentences if (found := event_dates(s, base))]
    for sentence, found in dated:
        if _REPORTED_DAY.search(sentence):
            return found[0]
    return dated[0][1][0] if dated else None


def _common_year(text: str) -> int | None:
    years = Counter(int(y) for y in _YEAR.findall(text or ""))
    return years.most_common(1)[0][0] if years else None


def event_dates(text: str, year_hint: int | None = None) -> list[date]:
    """Sorted unique dates with day and month the text gives, the year inferred where left out."""
    text = text or ""
    base = year_hint or _common_year(text)
    found: set[date] = set()
    taken: list[tuple[int, int]] = []
    for match in _TEXTUAL.finditer(text):
        if _in_decree(text, match.start()):
            continue
        month = MONTHS.get(match["month"].lower().rstrip("."))
        # "30 Agustus-1 September 2024": the first day of a range shares the later year.
        year = int(match["year"]) if match["year"] else _following_year(text, match.end())
        days = [match["day"]] + ([match["day2"]] if match["day2"] else [])
        for day in days:
            found.update(_resolve(int(day), month, year, match["weekday"], base))
        taken.append(match.span())
    for match in _NUMERIC.finditer(text):
        if any(s <= match.start() < e for s, e in taken) or _in_decree(text, match.start()):
            continue
        has_year = match["year"] is not None
        bracketed = "(" in match.group(0) or match["weekday"]
        if not (has_year or bracketed):
            continue
        # Fractions and scores ("2/3 suara") are not dates: a date has a weekday, brackets or a year.
        after = text[match.end() : match.end() + 1]
        if after.isdigit() or after == "/":
            continue
        year = int(match["year"]) if has_year else None
        if year is not None and year < 100:
            year += 2000
        found.update(_resolve(int(match["day"]), int(match["month"]), year, match["weekday"], base))
    return sorted(found)


def _following_year(text: str, end: int) -> int | None:
    """A year that closes a range right after the match: "25 September hingga 23 November 2024"."""
    tail = text[end : end + 40]
    match = re.match(
        rf"\s*(?:-|–|hingga|sampai(?:\s+dengan)?|s\.?d\.?)\s*[0-3]?\d\s+{_MONTH}\s+(?:tahun\s+)?((?:19|20)\d\d)",
        tail,
        re.IGNORECASE,
    )
    return int(match.group(match.lastindex)) if match else None


def _in_decree(text: str, start: int) -> bool:
    return bool(_DECREE.search(text[max(0, start - 30) : start]))


def _resolve(
    day: int, month: int | None, year: int | None, weekday: str | None, base: int | None
) -> set[date]:
    if not month or not 1 <= month <= 12 or not 1 <= day <= 31:
        return set()
    wanted = WEEKDAYS.get((weekday or "").lower())
    if year is None:
        if base is None:
            return set()
        candidates = [base, base + 1, base - 1] if wanted is not None else [base]
        for guess in candidates:
            try:
                when = date(guess, month, day)
            except ValueError:
                continue
            if wanted is None or when.weekday() == wanted:
                return {when}
        year = base
    try:
        return {date(year, month, day)}
    except ValueError:
        return set()
