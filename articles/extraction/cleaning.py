"""Split a scraped news text into headline, dateline, publication date, credits and a clean body."""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from .dates import ISO_DATE, TEXT_DATE, parse_date_line


@dataclass
class Cleaned:
    title: str = ""
    outlet: str = ""
    published: datetime | None = None
    published_has_time: bool = False
    dateline: str = ""
    credits: dict[str, list[str]] = field(default_factory=dict)
    paragraphs: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


# Zero-width characters, byte order marks and C0/C1 controls other than the newline and tab.
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Decorative "fonts" some sites use for banners: mathematical alphanumerics, enclosed letters.
_DECORATIVE = re.compile(r"[\U0001d400-\U0001d7ff\u24b6-\u24e9\U0001f130-\U0001f189]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_GLUED_ABBREVIATION = re.compile(r"\b(Pj|Pjs|Plt|Plh|Kab|Prov|Dr|Drs|Ir|H|Hj|Prof|dr|Muh|Moh|Mhd)\.(?=[A-Z])")
_GLUED_COMMA = re.compile(r"(?<=[a-z]),(?=[A-Z][a-z])")
_GLUED_DI = re.compile(r"\b(di|ke)(?=(?:Kota|Kabupaten|Provinsi)\b)")
_GLUED_NUMBER = re.compile(r"(?<=\b\d)(?=[A-Z][a-z]{2,})")

_CREDIT = re.compile(
    r"^\s*[-(]?\s*(?P<key>editor|redaktur|penyunting|pewarta|penulis|reporter|reportase|jurnalis|wartawan|"
    r"kontributor|dilaporkan oleh|laporan|foto|fotografer|photo|sumber|teks|video)\s*:\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_CREDIT_KEYS = {
    "editor": "editor", "redaktur": "editor", "penyunting": "editor",
    "pewarta": "reporter", "penulis": "reporter", "reporter": "reporter", "reportase": "reporter",
    "jurnalis": "reporter", "wartawan": "reporter", "laporan": "reporter", "dilaporkan oleh": "reporter",
    "kontributor": "contributor", "foto": "photo", "fotografer": "photo", "photo": "photo",
    "sumber": "source", "teks": "reporter", "video": "photo",
}  # fmt: skip
_TEASER = re.compile(r"^(?:baca|lihat|simak)\s+(?:juga|pula)\b\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
_CAPTION = re.compile(
    r"(?:\bfoto\s*[:,]|\(\s*foto\b|-\s*foto\s*:|^ilustrasi\b|-\s*istimewa\s*-|\(\s*istimewa\s*\)|"
    r"\bdok(?:umentasi)?\s*[.:]|\bphoto\s*:|\bsumber foto\b)",
    re.IGNORECASE,
)
_PHOTO_CREDIT = re.compile(
    r"(?:\bfoto|\bphoto)\s*[:,]\s*(?P<who>[^/()\-]+?)\s*(?:/|-|\)|$)|-\s*istimewa\s*-", re.IGNORECASE
)
_NOISE = re.compile(
    r"^(?:klik gambar|scroll to continue with content|advertisement|iklan|tag|tags|share|bagikan|"
    r"cek berita dan artikel yang lain di google news|ikuti (?:kami|berita).*|simak berita.*google news.*|"
    r"\d+|[\W_]+|•\s*bagikan|loading\.*|baca selengkapnya|selengkapnya)$",
    re.IGNORECASE,
)
_IMAGE = re.compile(r"^!\[[^\]]*\]\([^)]*\)$")
_COPYRIGHT = re.compile(r"(?:^copyright\b|©|\(c\)\s*\d{4}|all rights reserved|hak cipta)", re.IGNORECASE)
# Page furniture after the article: once one of these appears as a line, the article is over.
_END = re.compile(
    r"^(?:artikel terkait|berita terkait|terkait|rekomendasi|komentar|terkini|terpopuler|populer|"
    r"artikel sebelumnya|artikel berikutnya|berikan komentar|posting komentar|\d+\s+komentar\s*:?|"
    r"discussion about this post|tinggalkan (?:balasan|komentar).*|related posts?|berita lainnya|"
    r"baca berita lainnya|lihat juga|simak juga|tags?\s*:.*)$",
    re.IGNORECASE,
)
# "(*)", "(pry)", "(iws/hsa)", "[]", "***", "( Tika )": the article's closing mark.
_CLOSING_MARK = re.compile(r"\s*(?:\((?P<inside>[^()]{1,30})\)|\[\s*\]|\*{2,}|\*\))\s*$")
_BULLET_TEASER = re.compile(r"^[-•]\s*\S")
# What closes an article without naming anyone: the desk ("Red"), a press release ("rls"), an
# advertorial, an agency's or a photo's source, or stars. Initials such as "(abc)" are a writer's.
EDITORIAL_MARKS = frozenset(
    {"red", "redaksi", "rls", "rilis", "ril", "rel", "adv", "advertorial", "hms", "humas", "ist",
     "istimewa", "sumber", "ant", "antara", "net", "int", "tim", "nn", "r"}
)  # fmt: skip


def is_name_credit(text: str) -> bool:
    """Whether a closing mark's text names somebody, not the desk or punctuation."""
    words = re.sub(r"[^\w\s]", " ", text).split()
    return bool(words) and not all(w.casefold() in EDITORIAL_MARKS or w.isdigit() for w in words)


_WORD = r"[A-Z][\w'’&]*(?:\.[A-Za-z]+)*\.?"
_DOMAIN = r"[A-Za-z0-9][\w-]*(?:\.[A-Za-z]{2,})+\.?"
_SEG = rf"(?:{_DOMAIN}|{_WORD}(?:\s+{_WORD}){{0,3}})"
_DATE_SEG = r"[0-3]?\d\s+[A-Za-z]+\.?\s+(?:19|20)\d\d"
_DASH = r"(?:\.?\s*[-–—]+|:|\|)"  # "JEMBRANA, contoh.com | Body…"
_BODY_START = r"(?=$|[A-Z\"“‘'(\[])"
_DATELINES = (
    (
        "place-outlet",
        re.compile(rf"^(?P<a>{_SEG})\s*-?\s*\(\s*(?P<b>[\w.&' -]{{2,30}}?)\s*\)\s*{_DASH}\s*{_BODY_START}"),
    ),
    ("outlet-place", re.compile(rf"^(?P<a>{_DOMAIN})\s*[-–—]+\s*(?P<b>{_SEG})\s*[-–—]+\s*{_BODY_START}")),
    ("outlet-place", re.compile(rf"^(?P<a>{_DOMAIN})\s*[-–—]+\s*(?P<b>[A-Z][A-Z ]+[A-Z]),\s*{_BODY_START}")),
    (
        "pair",
        re.compile(
            rf"^(?P<a>{_SEG})\s*(?:,|\|\|?)\s*(?P<b>{_DATE_SEG}|{_SEG})?\s*(?:{_DASH}\s*{_BODY_START}|$)"
        ),
    ),
    ("single", re.compile(rf"^(?P<a>{_SEG})\s*(?P<dash>\.?\s*[-–—]+)\s*{_BODY_START}")),
)
_IS_DOMAIN = re.compile(rf"^{_DOMAIN}$")
_BYLINE = re.compile(
    r"^(?P<who>[A-Z][\w.']*(?:\s+[A-Z][\w.']*){0,3})\s*[-–|]\s*(?P<outlet>[a-z]+[A-Z]\w+|" + _DOMAIN + ")$"
)


def normalise(text: str) -> str:
    """Unify newlines and spaces, drop invisible characters and repair common glued punctuation."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text.replace("\t", " "))
    text = _DECORATIVE.sub("", text)
    text = _SPACES.sub(" ", text)
    text = _GLUED_ABBREVIATION.sub(r"\1. ", text)
    text = _GLUED_COMMA.sub(", ", text)
    text = _GLUED_DI.sub(r"\1 ", text)
    text = _GLUED_NUMBER.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n"))


def clean(text: str, is_place: Callable[[str], bool] | None = None) -> Cleaned:
    """Take a raw article text apart; `is_place` tells a place word from an outlet name."""
    is_place = is_place or (lambda words: False)
    result = Cleaned()
    blocks = _blocks(normalise(text))
    lines = [line for block in blocks for line in block]
    dates: list[tuple[int, datetime, bool]] = []

    start = _find_dateline(lines)
    header = lines[:start] if start is not None else []
    for line in header:
        if not result.title and _title_like(line):
            result.title = line
            continue
        _read_header_line(line, result, dates)
    if start is None:
        first = next((i for i, line in enumerate(lines) if not _noise(line)), None)
        if first is not None and _title_like(lines[first]) and len(lines) > first + 1:
            result.title = lines[first]
            start = first + 1
        else:
            start = 0
    else:
        (result.dateline, outlet), rest = _split_dateline(lines[start], is_place)
        result.outlet = outlet or result.outlet
        lines[start] = rest

    body_lines = _body_lines(lines[start:], blocks, result, dates)
    title_key = _fold(result.title)
    result.paragraphs = _without_repeats([p for p in body_lines if _fold(p) != title_key])
    if dates:
        # Site chrome prints today's date above the article; the real publication line carries a time.
        timed = [d for d in dates if d[2]]
        chosen = timed[0] if timed else next((d for d in dates if d[0] == 0), None)
        if chosen:
            result.published, result.published_has_time = chosen[1], chosen[2]
    return result


def _without_repeats(paragraphs: list[str]) -> list[str]:
    """Scrapers repeat a page: a teaser copy before the full text, or the whole body twice. Keep each
    paragraph once, in its fullest copy: a paragraph that another one repeats or continues goes."""
    keys = [_fold(p) for p in paragraphs]
    kept = []
    for index, (paragraph, key) in enumerate(zip(paragraphs, keys, strict=True)):
        if key in keys[:index]:
            continue
        if len(key) >= 40 and any(len(other) > len(key) and other.startswith(key) for other in keys):
            continue
        kept.append(paragraph)
    return kept


def _blocks(text: str) -> list[list[str]]:
    """Blank-line separated blocks; a block's lines stay separate unless one obviously wraps."""
    blocks = []
    for chunk in re.split(r"\n\s*\n", text):
        lines: list[str] = []
        for line in chunk.split("\n"):
            line = line.strip()
            if not line:
                continue
            if lines and _wraps(lines[-1], line):
                lines[-1] = f"{lines[-1]} {line}"
            else:
                lines.append(line)
        if lines:
            blocks.append(lines)
    return blocks


def _wraps(previous: str, line: str) -> bool:
    return len(previous) > 60 and previous[-1].isalpha() and line[:1].islower()


def _fold(text: str) -> str:
    return re.sub(r"\W+", " ", (text or "").casefold()).strip()


def _noise(line: str) -> bool:
    return bool(_NOISE.match(line) or _IMAGE.match(line) or _COPYRIGHT.search(line))


def _title_like(line: str) -> bool:
    words = line.split()
    if not 3 <= len(words) <= 30 or len(line) > 200 or _noise(line):
        return False
    if line[-1] in ".:;," or line[0] in "-•|([" or _date_line(line) or _CREDIT.match(line):
        return False
    if _CAPTION.search(line) or _TEASER.match(line):
        return False
    if line.isupper() and len(words) <= 4:
        return False  # menu bars: "HOME BERITA DAERAH"
    capitals = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return capitals >= len(words) / 2


def _date_line(line: str) -> tuple[datetime, bool] | None:
    """A line that is only a date (maybe with weekday, time, bullet or a short byline)."""
    if len(line) > 120 or not any(ch.isdigit() for ch in line):
        return None  # a date line is short; skip the costly search on paragraphs
    match = TEXT_DATE.search(line) or ISO_DATE.search(line)
    if not match:
        return None
    rest = (line[: match.start()] + " " + line[match.end() :]).strip(" •|-–,.")
    if len(rest.split()) > 5 or rest.endswith("."):
        return None
    return parse_date_line(line)


def _find_dateline(lines: list[str]) -> int | None:
    for index, line in enumerate(lines[:14]):
        if _noise(line) or _CAPTION.search(line) or _date_line(line):
            continue
        if _match_dateline(line):
            return index
    return None


def _match_dateline(line: str) -> tuple[str, re.Match] | None:
    for kind, pattern in _DATELINES:
        match = pattern.match(line)
        if not match or len(match.group(0)) > 70:
            continue
        if kind == "single":
            # "Budi-Ani": a hyphen between two words is a compound, not a dateline dash.
            dash = match["dash"]
            after = line[match.end("dash") : match.end("dash") + 1]
            glued = dash == "-" and after not in ("", " ")
            if glued and not (_IS_DOMAIN.match(match["a"]) or match["a"].isupper()):
                continue
            if not match["a"].isupper() and not _IS_DOMAIN.match(match["a"]) and len(match["a"].split()) > 2:
                continue
            # A caption "Name - Name" is short; a dateline opens a paragraph or stands alone.
            rest = line[match.end() :].rstrip()
            if 0 < len(rest) < 40 and not rest.endswith((".", "!", "?")) and not match["a"].isupper():
                continue
        if kind == "pair" and not match["b"] and not match.group(0).rstrip().endswith(("-", "–", "—")):
            continue
        if (
            kind == "pair"
            and re.search(r"\w-$", match.group(0))
            and line[match.end() : match.end() + 1].isalpha()
        ):
            continue  # "Diusung PDIP, Hasto Wardoyo-Wawan Daftar …": a ticket in a headline, not a dateline
        if (
            kind == "pair"
            and match.end() == len(line)
            and "|" not in match.group(0)
            and not re.search(r"[-–—:]\s*$", match.group(0))
        ):
            continue
        return kind, match
    return None


def _split_dateline(line: str, is_place: Callable[[str], bool]) -> tuple[tuple[str, str], str]:
    """Return ((place words, outlet), rest of the paragraph)."""
    found = _match_dateline(line)
    if not found:
        return ("", ""), line
    kind, match = found
    a = (match["a"] or "").strip()
    b = (match.groupdict().get("b") or "").strip()
    rest = line[match.end() :].strip()
    if kind == "place-outlet":
        place, outlet = a, b
    elif kind == "outlet-place":
        place, outlet = b, a
    elif kind == "single":
        place, outlet = ("", a) if _IS_DOMAIN.match(a) else (a, "")
    elif re.match(_DATE_SEG, b):
        place, outlet = a, ""
    elif _IS_DOMAIN.match(a):
        place, outlet = b, a
    elif _IS_DOMAIN.match(b):
        place, outlet = a, b
    elif b and is_place(b) and not is_place(a):
        place, outlet = b, a
    else:
        place, outlet = a, b
    return (place, outlet.rstrip(".")), rest


def _read_header_line(line: str, result: Cleaned, dates: list) -> None:
    """Header chrome: keep what it tells (date, byline, photo credit) and drop the line."""
    parsed = _date_line(line)
    if parsed:
        dates.append((1 if line.lstrip().startswith("•") else 0, *parsed))
        who = re.match(r"^([A-Z][\w.']*(?:\s+[A-Z][\w.']*){0,3})\s*,", line)
        if who and not TEXT_DATE.match(line):
            _add(result.credits, "reporter", who.group(1))
        return
    byline = _BYLINE.match(line)
    if byline:
        _add(result.credits, "reporter", byline["who"])
        result.outlet = result.outlet or byline["outlet"]
        return
    _read_credit(line, result.credits)


def _read_credit(line: str, credits: dict[str, list[str]]) -> bool:
    found = False
    if _CREDIT.match(line):
        # "Editor: Fahrul Rozi/Penulis: M.Amrin Hakim" carries several credits on one line.
        for part in re.split(r"\s*[/|]\s*(?=[A-Za-z ]+\s*:)", line):
            match = _CREDIT.match(part)
            if match:
                found = True
                value = match["value"].strip(" -:")
                if value:
                    _add(credits, _CREDIT_KEYS[match["key"].lower()], value)
        return found
    for match in _PHOTO_CREDIT.finditer(line):
        who = (match.groupdict().get("who") or "").strip(" -:")
        if who:
            _add(credits, "photo", who)
            found = True
    return found


def _add(credits: dict[str, list[str]], key: str, value: str) -> None:
    value = re.sub(r"\s+", " ", value).strip()
    if value and value not in credits.setdefault(key, []):
        credits[key].append(value)


def _body_lines(lines: list[str], blocks, result: Cleaned, dates: list) -> list[str]:
    kept: list[str] = []
    skip_next_teaser = False
    for index, line in enumerate(lines):
        if not line:
            continue
        if _END.match(line) and kept:
            if not any(_prose(later) for later in lines[index + 1 :]):
                break
            continue  # "Berita Terkait" between a teaser copy and the full text: the article goes on
        teaser = _TEASER.match(line)
        if teaser:
            # A bare "Baca juga:" is followed by the teaser headline on the next line.
            skip_next_teaser = not teaser["rest"].strip()
            _drop_bullet_teasers(kept)
            continue
        if skip_next_teaser:
            skip_next_teaser = False
            if len(line) < 160 and not line.endswith("."):
                continue
        if _noise(line):
            continue
        parsed = _date_line(line)
        if parsed:
            dates.append((1 if line.startswith("•") else 0, *parsed))
            continue
        if _read_credit(line, result.credits):
            if _CREDIT.match(line) or _CAPTION.search(line):
                continue
        if _CAPTION.search(line) and len(line) < 400:
            continue
        mark = _CLOSING_MARK.search(line)
        if mark and _rest_is_furniture(lines[index + 1 :]):
            inside = (mark["inside"] or "").strip()
            if is_name_credit(inside):
                _add(result.credits, "byline", inside)
            line = line[: mark.start()].strip()
            if line:
                kept.append(line)
            for later in lines[index + 1 :]:
                _read_credit(later, result.credits)
            break
        kept.append(line)
    # Related links listed as bullets after the last paragraph are furniture too.
    _drop_bullet_teasers(kept, trailing=True)
    return kept


def _drop_bullet_teasers(kept: list[str], trailing: bool = False) -> None:
    count = 0
    for line in reversed(kept):
        if _BULLET_TEASER.match(line) and len(line) < 160 and not line.endswith((".", ":")):
            count += 1
        else:
            break
    if count and (not trailing or count >= 2 or len(kept) > count):
        del kept[len(kept) - count :]
    elif trailing and kept and kept[-1].strip() in {"-", "•"}:
        kept.pop()


def _prose(line: str) -> bool:
    """A paragraph of the article rather than a related headline: a sentence of some length."""
    return len(line.split()) >= 8 and line.rstrip().endswith((".", '"', "”", ")"))


def _rest_is_furniture(rest: list[str]) -> bool:
    return all(len(line) < 120 or _CREDIT.match(line) or _END.match(line) for line in rest)
