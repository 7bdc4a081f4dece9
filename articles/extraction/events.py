"""The event an article reports: a named meeting, draw, debate or declaration, with date and place."""

import re

from .dates import event_dates
from .gazetteer import Gazetteer
from .types import EventMention

KINDS = {
    "rapat koordinasi": "meeting", "rakor": "meeting", "rapat pleno": "count", "rapat": "meeting",
    "sosialisasi": "meeting", "deklarasi": "declaration", "debat": "debate", "pengundian": "draw",
    "pelantikan": "inauguration", "pengukuhan": "inauguration", "penetapan": "registration",
    "pendaftaran": "registration", "kampanye": "campaign", "rekapitulasi": "count", "launching": "other",
    "peluncuran": "other", "apel": "other", "bimbingan teknis": "meeting", "bimtek": "meeting",
}  # fmt: skip
_START = re.compile(r"\b(" + "|".join(k.title() for k in sorted(KINDS, key=len, reverse=True)) + r")\b")
# Lower-case words that may sit inside an event's name.
_JOINERS = {
    "dan",
    "dalam",
    "rangka",
    "tahun",
    "wilayah",
    "se",
    "untuk",
    "bersama",
    "serta",
    "tentang",
    "pada",
}
_WORD = re.compile(r"\s*(,\s*)?([^\s,.;:()\"“”]+)")


def find(
    body: str,
    gazetteer: Gazetteer,
    people: list,
    year_hint: int | None = None,
    default_region: str | None = None,
) -> list[EventMention]:
    """Return at most one main event: the first capitalised event name in the body."""
    for paragraph_index, paragraph in enumerate((body or "").split("\n\n")):
        for match in _START.finditer(paragraph):
            name, end = _name_from(paragraph, match.start())
            if len(name.split()) < 3:
                continue
            sentence = _sentence(paragraph, match.start())
            dates = event_dates(sentence, year_hint) or event_dates(paragraph, year_hint)
            place, region = _place(paragraph[end:], gazetteer)
            region = region or default_region
            nearby = "\n".join((body or "").split("\n\n")[paragraph_index : paragraph_index + 2])
            participants = [p.name for p in people if any(a in nearby for a in [p.name, *p.aliases])]
            return [
                EventMention(
                    name=name,
                    kind=KINDS.get(match.group(1).casefold(), "other"),
                    date=dates[0] if dates else None,
                    place=place,
                    region=region,
                    participants=participants,
                    confidence=0.6 if dates else 0.4,
                    evidence=sentence[:200],
                )
            ]
    return []


def _name_from(text: str, start: int) -> tuple[str, int]:
    """Capitalised words, numbers and a few joiners; stop at "di", a verb or punctuation."""
    words: list[str] = []
    position = start
    last_good = (start, 0)
    for match in _WORD.finditer(text, start):
        if match.start() != position:
            break
        comma, word = match.group(1), match.group(2)
        capital = word[:1].isupper() or word[:1].isdigit()
        if comma and not capital:
            break
        if not capital and word.casefold() not in _JOINERS:
            break
        words.append(("," if comma else "") + word)
        position = match.end()
        if capital:
            last_good = (position, len(words))
    end, count = last_good
    name = " ".join(words[:count]).replace(" ,", ",")
    name = re.sub(r",(?=\S)", ", ", name)
    return re.sub(r"\s+", " ", name).strip(), end


def _sentence(text: str, at: int) -> str:
    left = max(text.rfind(". ", 0, at), -1) + 1
    right = text.find(". ", at)
    return text[left : right if right != -1 else len(text)]


def _place(after: str, gazetteer: Gazetteer) -> tuple[str, str | None]:
    match = re.match(r"\s*(?:yang\s+\w+\s+)?di\s+([^,.;()]+)", after)
    if not match:
        return "", None
    place = match.group(1).strip()
    place = re.split(r"\s+(?:pada|yang|dengan|untuk|dan)\s+", place)[0].strip()
    regions = gazetteer.find(place)
    return place, regions[0].resolved(gazetteer) if regions else None
