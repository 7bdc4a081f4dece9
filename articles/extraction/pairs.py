"""Candidate pairs (paslon): the tickets a text names, the contest each runs in, its ballot number and
stage, and the roles that follow ("calon Bupati Klungkung (nomor urut 1)" for the head, "calon Wakil
Bupati Klungkung (nomor urut 1)" for the deputy)."""

import re

from . import vocabulary
from .gazetteer import Gazetteer
from .organizations import parties_in
from .people import _DEGREE, CANDIDACY, ELECTION, HONORIFICS_BEFORE, NamedPerson, Ticket
from .types import PairMention

OFFICES = {"provinsi": "gubernur", "kabupaten": "bupati", "kota": "wali kota"}
_TITLES = {"gubernur": "Gubernur", "bupati": "Bupati", "wali kota": "Wali Kota"}

# The words that name a race's office, written out, shortened or as the election's name.
_OFFICE = re.compile(
    "|".join(rf"(?P<{level}>\b(?:{vocabulary.office_pattern(level)})\b)" for level in OFFICES), re.I
)

# What may stand between the head and the deputy of one ticket: a joining word, their degrees and
# honorifics, and the deputy's post ("calon Bupati A dan calon Wakil Bupati B").
_JOINERS = {"-", "–", "—", "/", "&", "dan", "serta"}
_DEPUTY_WORDS = {
    "calon", "bakal", "wakil", "bupati", "wali", "kota", "walikota", "gubernur", "cawabup", "cawagub",
    "cawawalkot", "wabup", "wagub", "wawali", "bacawabup",
}  # fmt: skip

# "nomor urut 2", "No. Urut 02", "No2": the number the KPU drew for a pair.
_NUMBER_WORDS = ("satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh")
_BALLOT = re.compile(
    rf"\b(?:nomor|nomer|nomur|no\.?)\s*(?:urut\s*)?(?::\s*)?(\d{{1,2}}|{'|'.join(_NUMBER_WORDS)})\b", re.I
)
_SOLE_PAIR = re.compile(r"^(?!.*kotak kosong).*\b(?:pasangan|paslon|mendapat\w*|memperoleh)\b", re.I)
_MAX_GAP_WORDS = 12  # a ballot number further than this from a ticket belongs to no ticket

# What a text reports about a ticket, latest stage first: a pair declared the winner, a pair out of the
# race, a pair that has only registered; anything else named as a pair is a candidate.
_WINNER = re.compile(
    r"\bterpilih\b|\bpemenang\b|\bmemenangkan\b|\bdilantik\b|\bditetapkan\b.*\bsuara terbanyak\b", re.I
)
_OUT = re.compile(
    r"diskualifikasi|\bgugur\b|mengundurkan diri|tidak memenuhi syarat|\bTMS\b|kotak kosong mengalahkan"
    r"|\bkalah\b|dikalahkan",
    re.I,
)
_REGISTERED = re.compile(
    r"\bbakal\s+(?:pasangan\s+)?calon\b|\bba(?:calon|paslon|cabup|cawabup|cagub|cawagub|cawalkot)\b"
    r"|\bbalon\b|\bmendaftar(?:kan)?\b|\bpendaftaran\b",
    re.I,
)
# "KIP belum menetapkan pasangan calon": a determination the text says has not happened yet.
_NOT_YET = re.compile(
    r"\bbelum\s+(?:ada\s+)?(?:\w+\s+){0,2}?(?:di|me)?(?:netapkan|tetapkan|penetapan)\w*", re.I
)
_DETERMINED = re.compile(r"\bnomor\s+urut\b|\bditetapkan\b|\bkampanye\b|\bdebat\b|\bpenetapan\b", re.I)


def find(
    body: str,
    title: str,
    people: list[NamedPerson],
    tickets: list[Ticket],
    gazetteer: Gazetteer,
    regions: list[str],
) -> list[PairMention]:
    """The pairs the text names, one per ticket, with the contest read from the words around it.

    `regions` are the codes the article is about, most likely first: the contest falls back on them
    when the sentence names an office but no place.
    """
    if not ELECTION.search(f"{title}\n{body}"):
        return []  # "pasangan" in other news is a couple, a duet or a doubles team
    tickets = _distinct(tickets + _joined_names(body, people))
    numbers = _ballot_numbers(body, tickets)
    registered_only = bool(_REGISTERED.search(body)) and not _DETERMINED.search(_NOT_YET.sub("", body))
    pairs: dict[tuple[int, int], PairMention] = {}
    for ticket in tickets:
        sentence = _sentence(body, ticket.start)
        stage = "bakal calon" if registered_only else "calon"
        if _WINNER.search(sentence):
            stage = "terpilih"
        elif _OUT.search(sentence):
            stage = "gugur"
        number = numbers.get(id(ticket))
        key = (id(ticket.head), id(ticket.deputy) if ticket.deputy else None)
        if key in pairs:
            known = pairs[key]
            known.number = known.number or number
            known.stage = _later(known.stage, stage)
            continue
        contest = _contest(body, ticket, title, gazetteer, regions)
        pairs[key] = PairMention(
            parties=_support(body, ticket, tickets),
            contest=contest,
            office=OFFICES[gazetteer.get(contest).level] if contest else "",
            head=ticket.head.name,
            deputy=ticket.deputy.name if ticket.deputy else None,
            number=number,
            stage=stage,
            confidence=0.8 if contest and ticket.deputy else 0.4,
            evidence=sentence.strip()[:300],
        )
    heads = {head: deputy for head, deputy in pairs if deputy}
    # A lone one-word "head" after a candidacy word is more often a word than a name ("calon Pendatang").
    found = [p for p in _fold(pairs, heads) if p.deputy or len(p.head.split()) > 1]
    # A race with a declared winner: the other pairs of that race have lost.
    won = {p.contest for p in found if p.stage == "terpilih"}
    for pair in found:
        if pair.contest in won and pair.stage != "terpilih":
            pair.stage = "gugur"
    return found


def give_roles(pairs: list[PairMention], people: list[NamedPerson], gazetteer: Gazetteer) -> None:
    """Candidates take their role from their pair: which post, in which race, with which number."""
    by_name = {p.name: p for p in people}
    for pair in pairs:
        if not pair.contest:
            continue
        for name, deputy in ((pair.head, False), (pair.deputy, True)):
            if name in by_name:
                by_name[name].role = candidate_role(pair, gazetteer, deputy)
                by_name[name].candidate = True


def candidate_role(pair: PairMention, gazetteer: Gazetteer, deputy: bool) -> str:
    """ "calon Wakil Bupati Klungkung (nomor urut 1)": the post a candidate of this pair runs for."""
    words = ["bakal calon" if pair.stage == "bakal calon" else "calon"]
    words += ["Wakil"] if deputy else []
    words += [_TITLES[pair.office], gazetteer.get(pair.contest).bare_name]
    words += ["terpilih"] if pair.stage == "terpilih" else []
    words += [f"(nomor urut {pair.number})"] if pair.number else []
    return " ".join(words)


# ----- tickets -----------------------------------------------------------------------------------------
def _joined_names(body: str, people: list[NamedPerson]) -> list[Ticket]:
    """Two people named one after the other with only a joining word between them ("A-B", "A dan B",
    "A, S.E. dan Dr. B", "calon Bupati A dan calon Wakil Bupati B"), in a sentence about candidates."""
    mentions = sorted((start, end, p) for p in people for start, end in p.spans if start >= 0)
    tickets, i = [], 0
    while i + 1 < len(mentions):
        (start, end, head), (start2, end2, deputy) = mentions[i], mentions[i + 1]
        if (
            head is not deputy
            and not (_official(head) or _official(deputy))
            and _joins(body[end:start2])
            and CANDIDACY.search(_sentence(body, start))
        ):
            tickets.append(Ticket(head, deputy, start, end2))
            i += 2
            continue
        i += 1
    return tickets


def _official(person: NamedPerson) -> bool:
    """Somebody the text gives a post other than a candidacy: a KPU member listed beside another."""
    return bool(person.role) and not person.candidate


def _joins(gap: str) -> bool:
    if "\n" in gap or len(gap) > 40:
        return False
    words = re.findall(r"[-–—/&]|[^\s,\-–—/&]+", gap)
    joined = False
    for word in words:
        folded = word.casefold()
        if folded in _JOINERS:
            joined = True
        elif not (folded in _DEPUTY_WORDS or folded in HONORIFICS_BEFORE or _DEGREE.match(word)):
            return False
    return joined


_SUPPORT = re.compile(r"\b(?:diusung|didukung|usungan|pengusung|koalisi)\b", re.I)
_INDEPENDENT = re.compile(r"\b(?:jalur\s+)?(?:independen|perseorangan)\b", re.I)


def _support(body: str, ticket: Ticket, tickets: list[Ticket]) -> list[str]:
    """ "A-B diusung Golkar dan PKB", "A-B (PKB, Perindo)", "A-B dari jalur independen": the parties
    behind a ticket, named between it and the next ticket of its sentence."""
    later = [t.start for t in tickets if t.start > ticket.end]
    end = min([*later, ticket.end + len(_sentence(body, ticket.end)) + 1, ticket.end + 200])
    after = body[ticket.end : end]
    if _INDEPENDENT.search(after[:60]):
        return ["perseorangan"]
    if _SUPPORT.search(after[:80]) or after.lstrip().startswith("("):
        return parties_in(after)
    return []


def _distinct(tickets: list[Ticket]) -> list[Ticket]:
    """Each naming of a ticket once, in text order, though two rules found it."""
    seen, distinct = set(), []
    for ticket in sorted(tickets, key=lambda t: t.start):
        key = (ticket.start, id(ticket.head), id(ticket.deputy))
        if key not in seen:
            seen.add(key)
            distinct.append(ticket)
    return distinct


def _fold(pairs: dict[tuple[int, int], PairMention], heads: dict[int, int]) -> list[PairMention]:
    """A head named alone joins the ticket that names their deputy too, and a deputy is not also the
    head of a ticket of its own ("A-B dan C-D" is not also "B dan C")."""
    deputies = {deputy for _, deputy in pairs if deputy}
    folded = []
    for (head, deputy), pair in pairs.items():
        if head in deputies:
            continue
        if deputy is None and heads.get(head):
            full = pairs[(head, heads[head])]
            full.number = full.number or pair.number
            full.stage = _later(full.stage, pair.stage)
            continue
        folded.append(pair)
    return folded


def _ballot_numbers(body: str, tickets: list[Ticket]) -> dict[int, int]:
    """Each "nomor urut N" belongs to the nearer ticket in its sentence: the one it introduces
    ("nomor urut 1 diperoleh A-B") or the one it follows ("A-B mendapat nomor urut 1")."""
    ordered = sorted(tickets, key=lambda t: t.start)
    best: dict[int, tuple[int, int]] = {}  # ticket → (cost, number): the nearest number wins
    for match in _BALLOT.finditer(body):
        number = _number(match.group(1))
        if not 1 <= number <= 10:
            continue
        after = next((t for t in ordered if t.start >= match.end()), None)
        before = next((t for t in reversed(ordered) if t.end <= match.start()), None)
        costs = []
        if after:
            costs.append((_gap_cost(body[match.end() : after.start]), 0, after))
        if before:
            costs.append((_gap_cost(body[before.end : match.start()]), 1, before))
        costs = [c for c in costs if c[0] is not None]
        if costs:
            cost, _, ticket = min(costs, key=lambda c: c[:2])
            best[id(ticket)] = min(best.get(id(ticket), (cost, number)), (cost, number))
        elif len({(id(t.head), id(t.deputy)) for t in tickets}) == 1 and _SOLE_PAIR.search(
            _sentence(body, match.start())
        ):
            # An article about one pair: "pasangan calon ... mendapat nomor urut tiga" is theirs.
            best.setdefault(id(ordered[0]), (_MAX_GAP_WORDS, number))
    return {ticket: number for ticket, (_, number) in best.items()}


def _number(word: str) -> int:
    folded = word.casefold()
    return _NUMBER_WORDS.index(folded) + 1 if folded in _NUMBER_WORDS else int(folded)


def _gap_cost(gap: str) -> int | None:
    """Words between a number and a ticket, a comma counting as three; None across a sentence."""
    if "\n" in gap or re.search(r"[.;]\s", gap + " ") and not re.fullmatch(r"[\s\w,:()]*", gap):
        return None
    words = re.findall(r"\w+", gap)
    if len(words) > _MAX_GAP_WORDS:
        return None
    return len(words) + 3 * gap.count(",")


# ----- contest -----------------------------------------------------------------------------------------
def _contest(body: str, ticket: Ticket, title: str, gazetteer: Gazetteer, regions: list[str]) -> str | None:
    """The region whose election the ticket runs in.

    The office comes from the ticket's sentence, else the headline, else the nearest office named
    before it; a sentence that names a place but no office ("di Bangka, kotak kosong mengalahkan
    pasangan A-B") runs the race of that place. The place is the one the sentence names nearest the
    ticket at that level, else the headline's, else what the article is about.
    """
    start = _sentence_start(body, ticket.start)
    sentence = body[start : start + len(_sentence(body, ticket.start))]
    at = ticket.start - start
    named = [m for m in gazetteer.find(sentence) if m.context != "partai"]
    named.sort(key=lambda m: abs(m.start - at))
    level = _nearest_office(sentence, at)
    before = _places_before(named, at, gazetteer)
    if level is None and before:
        return before[0]
    level = level or _office_level(title) or _nearest_office(body[:start], start) or _office_level(body)
    candidates = [code for m in named for code in m.codes]
    candidates += [code for m in gazetteer.find(title) for code in m.codes] + list(regions)
    for code in candidates:
        region = gazetteer.get(code)
        if region and (level is None or region.level == level):
            return code
    if level == "provinsi":
        for code in candidates:
            region = gazetteer.get(code)
            if region:
                return region.province_code
    return None


def _places_before(named: list, at: int, gazetteer: Gazetteer) -> list[str]:
    """Places named before the ticket, nearest first; "KPU Gorontalo Utara, Provinsi Gorontalo" names
    the kabupaten, the province only says where it is."""
    codes = [m.resolved(gazetteer) for m in named if m.end <= at and m.resolved(gazetteer)]
    parents = {gazetteer.get(c).province_code for c in codes if gazetteer.get(c).level != "provinsi"}
    return [c for c in codes if c not in parents]


def _office_level(text: str) -> str | None:
    match = _OFFICE.search(text or "")
    return match.lastgroup if match else None


def _nearest_office(text: str, at: int) -> str | None:
    """The office word closest before `at`, else the first after it."""
    matches = list(_OFFICE.finditer(text))
    before = [m for m in matches if m.start() < at]
    if before:
        return before[-1].lastgroup
    return matches[0].lastgroup if matches else None


# ----- text --------------------------------------------------------------------------------------------
def _later(a: str | None, b: str | None) -> str | None:
    order = [None, "bakal calon", "calon", "gugur", "terpilih"]
    return max(a, b, key=order.index)


def _sentence_start(text: str, at: int) -> int:
    return max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1


def _sentence(text: str, at: int) -> str:
    ends = [e for e in (text.find(". ", at), text.find("\n", at)) if e != -1]
    return text[_sentence_start(text, at) : min(ends) if ends else len(text)]
