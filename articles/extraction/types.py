"""What the extraction returns: plain dataclasses, no Django."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass
class RegionMention:
    code: str  # Kemendagri code, "18" or "18.72"
    confidence: float  # 0..1
    evidence: str  # the words in the text that led to it


@dataclass
class PersonMention:
    name: str  # without honorifics or degrees: "Qomaru Zaman"
    honorifics: list[str] = field(default_factory=list)  # as printed: ["Dr.", "Drs.", "MA.Cd"]
    aliases: list[str] = field(default_factory=list)  # other forms in this article: ["Qomaru"]
    role: str = ""  # as stated, lightly trimmed: "Wakil Wali Kota Metro"
    role_region: str | None = None  # region code of the role: "18.72"
    organization: str | None = None  # normalised organisation name of the role
    confidence: float = 0.5
    evidence: str = ""


@dataclass
class OrganizationMention:
    name: str  # normalised: "Bawaslu Kota Metro", "KPU RI", "Polresta Palu"
    acronym: str = ""  # the body: "Bawaslu", "KPU", "Kesbangpol"
    kind: str = "other"  # election_body / government / security / party / other
    region: str | None = None  # region code when stated
    confidence: float = 0.5
    evidence: str = ""


@dataclass
class EventMention:
    name: str  # "Rapat Koordinasi Kesiapan Penyelenggaraan Pilkada 2024 wilayah Sumatera"
    # meeting, campaign, debate, registration, draw, vote, count, inauguration, declaration, other
    kind: str = "other"
    date: date | None = None
    place: str = ""  # "Medan"
    region: str | None = None  # region code of the place
    participants: list[str] = field(default_factory=list)  # person names as in `people`
    confidence: float = 0.5
    evidence: str = ""


@dataclass
class PairMention:
    """A candidate pair (paslon) the text names: a head and a deputy running together in one contest."""

    contest: str | None  # Kemendagri code of the region whose election it is; None when the text does not say
    office: str  # "gubernur", "bupati" or "wali kota"; "" when the contest is unknown
    head: str  # name as in `people`
    deputy: str | None = None  # name as in `people`; None when the text names only the head
    number: int | None = None  # ballot number (nomor urut), 1..10, when the text gives it
    stage: str | None = None  # "bakal calon", "calon", "terpilih", "gugur", or None
    parties: list[str] = field(default_factory=list)  # supporting parties as printed; ["perseorangan"]
    confidence: float = 0.5
    evidence: str = ""


@dataclass
class Extraction:
    title: str = ""
    outlet: str = ""
    published: datetime | None = None  # timezone-aware when a zone (WIB/WITA/WIT) or time is given
    published_has_time: bool = False
    lead_date: date | None = None  # the date of what the lead reports, for texts that print no date
    dateline: str = ""  # the place words of the dateline, verbatim: "LUBUKLINGGAU", "Kota Metro"
    dateline_region: str | None = None
    credits: dict[str, list[str]] = field(default_factory=dict)  # reporter/editor/photo/contributor
    body: str = ""  # clean body, paragraphs separated by one blank line
    event_dates: list[date] = field(default_factory=list)
    regions: list[RegionMention] = field(default_factory=list)
    people: list[PersonMention] = field(default_factory=list)
    organizations: list[OrganizationMention] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    pairs: list[PairMention] = field(default_factory=list)
