"""Decide which regions an article is about, from where and how often the gazetteer finds them."""

import re
from collections import Counter, defaultdict

from .gazetteer import Gazetteer, Match, tokens
from .types import RegionMention

# A name right after one of these is the subject of election or government news: "KPU Subang".
SUBJECT_WORDS = {
    "kpu", "kpud", "kip", "bawaslu", "panwaslu", "panwascam", "dprd", "pemkab", "pemkot", "pemko", "pemprov",
    "bupati", "wabup", "walikota", "wako", "walkot", "wawali", "gubernur", "wagub", "pilkada", "pilbup",
    "pilwako", "pilwalkot", "pilwali", "pilgub", "pemilukada", "sekda", "setda", "sekdaprov", "kabupaten",
    "kota", "provinsi", "kab", "prov", "kesbangpol", "polres", "polresta", "kapolres", "dandim", "kejari",
    "masyarakat", "warga", "pemerintah", "kepala", "pj", "pjs", "penjabat", "plt", "sekwan", "cabup",
    "cagub", "cawalkot", "calon", "se", "daerah", "kandidat",
}  # fmt: skip
# Words that make a province mention about its own government or governor election.
PROVINCE_SUBJECT = {"gubernur", "wagub", "pilgub", "pemprov", "sekdaprov", "cagub", "cawagub", "provinsi"}
VENUE_WORDS = {"di", "ke", "dari", "menuju", "hotel", "gedung", "aula", "kecamatan", "kelurahan", "desa"}
_LIST_GLUE = re.compile(r"^\s*(?:,|dan|serta|,\s*dan|,\s*serta)\s*$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[.;:!?\"“”]")

THRESHOLD = 2.0


def mentions(gazetteer: Gazetteer, text: str) -> list[tuple[Match, float, bool]]:
    """Every region mention in a text with its weight and whether it is about government."""
    toks = tokens(text)
    found = gazetteer.find(text, toks)
    weighted: list[tuple[Match, float, bool]] = []
    previous: tuple[Match, float] | None = None
    for match in found:
        weight, governs = _weight(text, toks, match)
        if (
            previous
            and weight < 2
            and _LIST_GLUE.match(text[previous[0].end : match.start])
            and previous[1] >= 2
        ):
            # "Pjs Bupati Lahat, Muara Enim dan Empat Lawang": the list shares weight and level.
            weight = previous[1]
            match.level = match.level or previous[0].level
        weighted.append((match, weight, governs))
        previous = (match, weight)
    return weighted


def _weight(text: str, toks, match: Match) -> tuple[float, bool]:
    before = match.context
    governs = False
    if match.token_start >= 1:
        word = toks[match.token_start - 1].group(0).casefold()
        two = toks[match.token_start - 2].group(0).casefold() if match.token_start >= 2 else ""
        governs = word in PROVINCE_SUBJECT and (
            word != "provinsi" or two in ("pemerintah", "sekretaris", "se")
        )
        governs = governs or (two in PROVINCE_SUBJECT and two != "provinsi")
    if match.surface.casefold().startswith(("provinsi", "prov")):
        governs = governs or before in ("pemerintah", "sekda", "se")
    # A venue: "di Hotel X", "ke Kota Tujuan", "Kecamatan X" — unless it is a body's seat.
    window_toks = toks[max(0, match.token_start - 6) : match.token_start]
    # Only the words of the same clause count.
    window_toks = [t for t in window_toks if not _CLAUSE_BREAK.search(text[t.end() : match.start])]
    window = [t.group(0).casefold() for t in window_toks]
    if before in SUBJECT_WORDS:
        return 2.0, governs
    if any(w in VENUE_WORDS for w in window):
        nearest = max(i for i, w in enumerate(window) if w in VENUE_WORDS)
        if not any(w in SUBJECT_WORDS for w in window[nearest + 1 :]):
            return 0.25, governs
    return 1.0, governs


def score(
    gazetteer: Gazetteer,
    title: str,
    dateline: str,
    body: str,
    skip_spans: list[tuple[int, int]] = (),
) -> list[RegionMention]:
    """The regions the article is about, most central first."""
    scored: Counter[str] = Counter()
    evidence: dict[str, list[str]] = defaultdict(list)
    governed: set[str] = set()
    pending: list[tuple[Match, float]] = []
    resolved_by_key: dict[tuple[str, ...], Counter] = defaultdict(Counter)

    sources = [(title, 2.0, ()), (dateline, 1.0, ()), (body, None, skip_spans)]
    for text, fixed, skips in sources:
        if not text:
            continue
        for match, weight, governs in mentions(gazetteer, text):
            if any(s <= match.start < e for s, e in skips):
                continue
            if fixed is not None:
                weight = max(fixed, weight) if fixed > 1 else fixed
            code = match.resolved(gazetteer)
            if code is None:
                pending.append((match, weight))
                continue
            resolved_by_key[match.codes][code] += 1
            scored[code] += weight
            evidence[code].append(match.surface)
            if governs:
                governed.add(code)
    for match, weight in pending:
        # An ambiguous name takes the reading the article settles elsewhere, or stays split.
        known = resolved_by_key.get(match.codes)
        if known:
            code = known.most_common(1)[0][0]
            scored[code] += weight
            evidence[code].append(match.surface)
        else:
            for code in match.codes:
                scored[code] += weight / len(match.codes)
                evidence[code].append(match.surface)
    if not scored:
        return []
    top = max(scored.values())
    kept = {c: s for c, s in scored.items() if s >= THRESHOLD}
    result = []
    for code, value in sorted(kept.items(), key=lambda kv: -kv[1]):
        region = gazetteer.get(code)
        if region and region.level == "provinsi" and code not in governed:
            # A province named only as the home of a kabupaten/kota story is not a subject itself.
            children = [c for c in kept if c != code and gazetteer.get(c).province_code == code]
            if children and value < 0.5 * top:
                continue
        confidence = round(min(1.0, 0.4 + 0.6 * value / top), 2)
        result.append(RegionMention(code, confidence, ", ".join(dict.fromkeys(evidence[code]))[:200]))
    return result
