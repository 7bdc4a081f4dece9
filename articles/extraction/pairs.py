"""Candidate pairs (paslon): the contest a ticket runs in, its ballot number and stage, and the roles
that follow from them ("calon Bupati Klungkung (nomor urut 1)" for the head, "calon Wakil …" for the
deputy)."""

import re

from .gazetteer import Gazetteer
from .people import Person, Ticket
from .types import PairMention

OFFICES = {"provinsi": "gubernur", "kabupaten": "bupati", "kota": "wali kota"}
_TITLES = {"gubernur": "Gubernur", "bupati": "Bupati", "wali kota": "Wali Kota"}

# The words that name a race's office, written out, shortened or as the election's name.
_OFFICE_WORDS = (
    ("kota", r"wali\s*kota|walkot|wako|wawali|wawalkot|pilwako|pilwali|pilwalkot|cawalkot|cawawalkot"),
    ("kabupaten", r"bupati|wabup|pilbup|cabup|cawabup|bacabup|bacawabup"),
    ("provinsi", r"gubernur|wagub|pilgub|cagub|cawagub|bacagub|bacawagub"),
)
_OFFICE = re.compile("|".join(rf"(?P<{level}>\b(?:{words})\b)" for level, words in _OFFICE_WORDS), re.I)

# What a text reports about a ticket, latest stage first: a pair declared the winner, a pair out of the
# race, a pair that has only registered; anything else named as a pair is a candidate.
_WINNER = re.compile(r"\bterpilih\b|\bpemenang\b|\bmemenangkan\b|\bdilantik\b", re.I)
_OUT = re.compile(r"diskualifikasi|\bgugur\b|mengundurkan diri|tidak memenuhi syarat|\bTMS\b", re.I)
_REGISTERED = re.compile(
    r"\bbakal\s+(?:pasangan\s+)?calon\b|\bba(?:calon|paslon|cabup|cawabup|cagub|cawagub|cawalkot)\b"
    r"|\bbalon\b|\bmendaftar(?:kan)?\b|\bpendaftaran\b",
    re.I,
)
_DETERMINED = re.compile(r"\bnomor\s+urut\b|\bditetapkan\b|\bkampanye\b|\bdebat\b|\bpenetapan\b", re.I)


def find(
    body: str, title: str, tickets: list[Ticket], gazetteer: Gazetteer, regions: list[str]
) -> list[PairMention]:
    """The pairs the text names, one per ticket, with the contest read from the words around it.

    `regions` are the codes the article is about, most likely first: the contest falls back on them
    when the sentence names an office but no place.
    """
    pairs: dict[tuple[int, int], PairMention] = {}
    registered_only = bool(_REGISTERED.search(body)) and not _DETERMINED.search(body)
    for ticket in tickets:
        if ticket.deputy is ticket.head:
            continue
        window = _window(body, ticket.start)
        contest = _contest(window, title, body, gazetteer, regions)
        office = OFFICES[gazetteer.get(contest).level] if contest else ""
        stage = "bakal calon" if registered_only else "calon"
        if _WINNER.search(_sentence(body, ticket.start)):
            stage = "terpilih"
        elif _OUT.search(_sentence(body, ticket.start)):
            stage = "gugur"
        key = (id(ticket.head), id(ticket.deputy))
        known = pairs.get(key)
        if known:
            known.number = known.number or ticket.number
            known.stage = _later(known.stage, stage)
            continue
        pairs[key] = PairMention(
            contest=contest,
            office=office,
            head=ticket.head.name,
            deputy=ticket.deputy.name if ticket.deputy else None,
            number=ticket.number,
            stage=stage,
            confidence=0.8 if contest and ticket.deputy else 0.4,
            evidence=_sentence(body, ticket.start)[:300],
        )
    found = list(pairs.values())
    # A race with a declared winner: the other pairs of that race have lost.
    won = {p.contest for p in found if p.stage == "terpilih"}
    for pair in found:
        if pair.contest in won and pair.stage != "terpilih":
            pair.stage = "gugur"
    return found


def give_roles(pairs: list[PairMention], people: list[Person], gazetteer: Gazetteer) -> None:
    """Candidates take their role from their pair: which post, in which race, with which number."""
    by_name = {p.name: p for p in people}
    for pair in pairs:
        if not pair.contest:
            continue
        for name, deputy in ((pair.head, False), (pair.deputy, True)):
            if name in by_name:
                by_name[name].role = candidate_role(pair, gazetteer, deputy)


def candidate_role(pair: PairMention, gazetteer: Gazetteer, deputy: bool) -> str:
    """ "calon Wakil Bupati Klungkung (nomor urut 1)": the post a candidate of this pair runs for."""
    words = ["bakal calon" if pair.stage == "bakal calon" else "calon"]
    words += ["Wakil"] if deputy else []
    words += [_TITLES[pair.office], gazetteer.get(pair.contest).bare_name]
    words += ["terpilih"] if pair.stage == "terpilih" else []
    words += [f"(nomor urut {pair.number})"] if pair.number else []
    return " ".join(words)


def _later(a: str | None, b: str | None) -> str | None:
    order = [None, "bakal calon", "calon", "gugur", "terpilih"]
    return max(a, b, key=order.index)


def _sentence(text: str, at: int) -> str:
    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    ends = [e for e in (text.find(". ", at), text.find("\n", at)) if e != -1]
    return text[start : min(ends) if ends else len(text)]


def _window(text: str, at: int) -> str:
    """The ticket's sentence and the one before it, where the race is usually named."""
    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at))
    before = max(text.rfind(". ", 0, max(start, 0)), text.rfind("\n", 0, max(start, 0))) + 1
    return text[before:at] + _sentence(text, at)


def _office_level(text: str) -> str | None:
    match = _OFFICE.search(text or "")
    return match.lastgroup if match else None


def _contest(window: str, title: str, body: str, gazetteer: Gazetteer, regions: list[str]) -> str | None:
    """The region whose election the ticket runs in: the office the text names, in the place it names."""
    level = _office_level(window) or _office_level(title) or _office_level(body)
    named = [code for m in gazetteer.find(window) for code in m.codes]
    for code in [*named, *regions]:
        region = gazetteer.get(code)
        if region and (level is None or region.level == level):
            return code
    if level == "provinsi":
        for code in regions:
            region = gazetteer.get(code)
            if region:
                return region.province_code
    return None
