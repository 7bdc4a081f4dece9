"""Institutions named in election news, regional bodies normalised to their official region."""

import re

from .gazetteer import Gazetteer
from .types import OrganizationMention

# Printed forms of a body → (normalised body name, kind).
BODIES = {
    "komisi pemilihan umum": ("KPU", "election_body"), "kpu": ("KPU", "election_body"),
    "kpud": ("KPU", "election_body"), "komisi independen pemilihan": ("KIP", "election_body"),
    "kip": ("KIP", "election_body"), "badan pengawas pemilu": ("Bawaslu", "election_body"),
    "badan pengawas pemilihan umum": ("Bawaslu", "election_body"), "bawaslu": ("Bawaslu", "election_body"),
    "panwaslu": ("Panwaslu", "election_body"), "dprd": ("DPRD", "government"),
    "kesbangpol": ("Kesbangpol", "government"), "kesbang pol": ("Kesbangpol", "government"),
    "badan kesatuan bangsa dan politik": ("Kesbangpol", "government"),
    "dinas sosial": ("Dinas Sosial", "government"), "dinsos": ("Dinas Sosial", "government"),
    "pemkab": ("Pemerintah", "government"), "pemkot": ("Pemerintah", "government"),
    "pemko": ("Pemerintah", "government"), "pemprov": ("Pemerintah", "government"),
    "pemerintah": ("Pemerintah", "government"), "setda": ("Setda", "government"),
    "sekretariat daerah": ("Setda", "government"),
}  # fmt: skip
_BODY = re.compile(
    r"\b(" + "|".join(sorted((re.escape(b) for b in BODIES), key=len, reverse=True)) + r")\b"
    r"(?:\s*\([^)]{1,15}\))?\s*",
    re.IGNORECASE,
)
_LEVEL = re.compile(r"^(kabupaten|kab\.?|kota|provinsi|prov\.?)\s+", re.IGNORECASE)
_BODY_LEVEL = {"pemkab": "kabupaten", "pemkot": "kota", "pemko": "kota", "pemprov": "provinsi"}
# Bodies named as printed with their seat: "Polresta Kendari", "Kejaksaan Negeri Garut".
_SEATED = re.compile(
    r"\b((?:Polresta|Polres|Polda|Polrestabes|Kodim|Korem|Kejaksaan Negeri|Kejari|Kejaksaan Tinggi|"
    r"Pengadilan Negeri|Pengadilan Agama)\s+(?:\d{3,4}(?:/[A-Z]+)?|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?))"
)
NATIONAL = {
    "KPU RI": re.compile(r"\b(?:KPU|Komisi Pemilihan Umum)\s*(?:\(KPU\)\s*)?(?:RI|Republik Indonesia)\b"),
    "Bawaslu RI": re.compile(r"\bBawaslu\s+RI\b"),
    "DPR RI": re.compile(r"\bDPR\s+RI\b"),
    "DKPP": re.compile(r"\bDKPP\b|Dewan Kehormatan Penyelenggara Pemilu"),
    "Mahkamah Konstitusi": re.compile(r"\bMahkamah Konstitusi\b"),
    "Kementerian Dalam Negeri": re.compile(r"\bKemendagri\b|Kementerian Dalam Negeri"),
    "TNI": re.compile(r"\bTNI\b"),
    "Polri": re.compile(r"\bPolri\b"),
}
PARTIES = {
    "Partai Golkar": r"Golkar|Golongan Karya", "Partai Gerindra": r"Gerindra|Gerakan Indonesia Raya",
    "PDI Perjuangan": r"PDIP|PDI-P|PDI Perjuangan|Demokrasi Indonesia Perjuangan",
    "Partai NasDem": r"Nasdem|NasDem|Nasional Demokrasi", "Partai Demokrat": r"Demokrat",
    "PKB": r"PKB|Kebangkitan Bangsa", "PKS": r"PKS|Keadilan Sejahtera", "PAN": r"PAN|Amanat Nasional",
    "PPP": r"PPP|Persatuan Pembangunan", "Partai Perindo": r"Perindo", "Partai Hanura": r"Hanura",
    "PSI": r"PSI|Solidaritas Indonesia", "Partai Gelora": r"Gelora", "Partai Buruh": r"Partai Buruh",
    "PBB": r"PBB|Bulan Bintang", "PKN": r"PKN", "Partai Garuda": r"Partai Garuda",
    "Partai Ummat": r"Partai Ummat", "Partai Aceh": r"Partai Aceh",
}  # fmt: skip
_PARTIES = {name: re.compile(rf"\b(?:{pattern})\b") for name, pattern in PARTIES.items()}


def parties_in(text: str) -> list[str]:
    """The parties a stretch of text names, by their usual names, in the order it names them."""
    found = [(m.start(), name) for name, pattern in _PARTIES.items() for m in pattern.finditer(text or "")]
    return list(dict.fromkeys(name for _, name in sorted(found)))


def regional_name(body: str, code: str, gazetteer: Gazetteer) -> str:
    """ "KPU" + 32.13 → "KPU Kabupaten Subang"; "Pemerintah" + 18.72 → "Pemerintah Kota Metro"."""
    region = gazetteer.get(code)
    if not region:
        return body
    return f"{body} {region.level.capitalize()} {region.bare_name}"


def find(text: str, gazetteer: Gazetteer, default_region: str | None = None) -> list[OrganizationMention]:
    """Organisations in the text, one entry per normalised name."""
    found: dict[str, OrganizationMention] = {}

    def add(name: str, acronym: str, kind: str, region: str | None, evidence: str) -> None:
        if name in found:
            found[name].confidence = min(1.0, found[name].confidence + 0.1)
            return
        found[name] = OrganizationMention(name, acronym, kind, region, 0.6, evidence[:120])

    for match in _BODY.finditer(text or ""):
        printed = match.group(1)
        body, kind = BODIES[printed.casefold()]
        if printed[:1].islower() and printed.casefold() != "pemerintah":
            continue
        if printed.casefold() == "pemerintah" and not printed[:1].isupper():
            continue
        rest = text[match.end() : match.end() + 60]
        level = _BODY_LEVEL.get(printed.casefold())
        level_match = _LEVEL.match(rest)
        if level_match:
            level = {"kab": "kabupaten", "prov": "provinsi"}.get(
                level_match.group(1).casefold().rstrip("."), level_match.group(1).casefold().rstrip(".")
            )
            rest = rest[level_match.end() :]
        matches = gazetteer.find(rest)
        code = None
        if matches and matches[0].start == 0:
            first = matches[0]
            candidates = [c for c in first.codes if not level or gazetteer.regions[c].level == level]
            code = (candidates or list(first.codes))[0] if len(candidates or first.codes) >= 1 else None
            if len(candidates) > 1 and default_region in candidates:
                code = default_region
        if code:
            add(regional_name(body, code, gazetteer), body, kind, code, match.group(0) + rest[:30])
    for match in _SEATED.finditer(text or ""):
        name = match.group(1)
        region = None
        for m in gazetteer.find(name):
            region = m.resolved(gazetteer)
        add(
            name,
            name.split()[0],
            "security" if name.startswith(("Pol", "Kod", "Kor")) else "other",
            region,
            name,
        )
    for name, pattern in NATIONAL.items():
        hit = pattern.search(text or "")
        if hit:
            kind = (
                "security"
                if name in ("TNI", "Polri")
                else "election_body"
                if "KPU" in name or "Bawaslu" in name or name == "DKPP"
                else "government"
            )
            add(name, name.split()[0], kind, None, hit.group(0))
    for name, pattern in _PARTIES.items():
        hit = pattern.search(text or "")
        if hit:
            add(name, hit.group(0), "party", None, hit.group(0))
    return list(found.values())
