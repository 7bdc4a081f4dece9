"""What a position title says about its holder: the organisation and the region it serves."""

import re

from . import vocabulary
from .gazetteer import Gazetteer
from .organizations import BODIES, regional_name

# Heads of regional government act for the Pemerintah of their level.
_GOVERNMENT = re.compile(
    r"\b(bupati|wabup|wali\s*kota|walikota|wako|walkot|wawali|gubernur|wagub|sekda\w*|sekretaris daerah|"
    r"penjabat|pj|pjs|plt|setda|kepala dinas|kepala badan|kepala biro|staf ahli|asisten|sekwan)\b",
    re.IGNORECASE,
)
_LEVEL_HINT = {**vocabulary.level_words(), "wali kota": "kota", "sekdaprov": "provinsi"}
_BODY = re.compile(
    r"\b(" + "|".join(sorted((re.escape(b) for b in BODIES), key=len, reverse=True)) + r")\b", re.I
)


def describe_role(
    role: str, gazetteer: Gazetteer, default_region: str | None, candidate: bool = False
) -> tuple[str | None, str | None]:
    """Return (normalised organisation, region code) for a role such as "Ketua Bawaslu Metro"."""
    if not role or candidate:
        return None, None
    region = None
    matches = gazetteer.find(role)
    level = next((lv for word, lv in _LEVEL_HINT.items() if re.search(rf"\b{word}\b", role, re.I)), None)
    for match in matches:
        region = match.resolved(gazetteer)
        if region is None:
            fitting = [c for c in match.codes if level and gazetteer.regions[c].level == level]
            region = (
                fitting[0]
                if fitting
                else (default_region if default_region in match.codes else match.codes[0])
            )
        break
    body = _BODY.search(role)
    if body and body.group(1).casefold() not in ("pemerintah",):
        name, _kind = BODIES[body.group(1).casefold()]
        if name in ("Pemerintah", "Setda"):
            name = "Pemerintah"
        code = region or default_region
        return (regional_name(name, code, gazetteer) if code else name), code
    if _GOVERNMENT.search(role):
        code = region or default_region
        return (regional_name("Pemerintah", code, gazetteer) if code else None), code
    return None, region


# "Penjabat Sementara (Pjs)": an acting post the article spells out once and abbreviates after.
_ACTING = re.compile(r"\b((?:[A-Z][a-z]+\s+){1,3})\((Pj|Pjs|Plt|Plh)\)")


def acting_posts(text: str) -> dict[str, str]:
    """The acting-post abbreviations a text defines, with their long form: {"Pjs": "Penjabat Sementara"}."""
    return {m.group(2): m.group(1).strip() for m in _ACTING.finditer(text or "")}


def spell_out(role: str, posts: dict[str, str]) -> str:
    """ "Pjs Bupati Agam" → "Penjabat Sementara (Pjs) Bupati Agam", as the article defined it."""
    first, _, rest = (role or "").partition(" ")
    abbreviation = first.rstrip(".")
    if abbreviation in posts and rest:
        return f"{posts[abbreviation]} ({abbreviation}) {rest}"
    return role
