"""Pure-text extraction for Pilkada news: decode bytes, clean text, find regions, people, bodies, events."""

from . import events, organizations, pairs, region_scoring
from .cleaning import clean
from .dates import event_dates, lead_date
from .decode import UnreadableFile, decode
from .gazetteer import Gazetteer
from .people import PeopleFinder
from .roles import acting_posts, describe_role, spell_out
from .types import EventMention, Extraction, OrganizationMention, PairMention, PersonMention, RegionMention

__all__ = [
    "EventMention",
    "Extraction",
    "Gazetteer",
    "OrganizationMention",
    "PairMention",
    "PersonMention",
    "RegionMention",
    "UnreadableFile",
    "decode",
    "extract",
]


def extract(text: str, gazetteer: Gazetteer) -> Extraction:
    """Everything the importer stores about one article, from its decoded text."""
    cleaned = clean(text or "", gazetteer.is_place)
    body = cleaned.body
    result = Extraction(
        title=cleaned.title,
        outlet=cleaned.outlet,
        published=cleaned.published,
        published_has_time=cleaned.published_has_time,
        dateline=cleaned.dateline,
        credits=cleaned.credits,
        body=body,
    )
    if cleaned.dateline:
        found = gazetteer.find(cleaned.dateline)
        result.dateline_region = found[0].resolved(gazetteer) if found else None
    year = cleaned.published.year if cleaned.published else None
    result.event_dates = event_dates(body, year)
    result.lead_date = lead_date(body, year)

    finder = PeopleFinder(gazetteer)
    finder.scan(body)
    finder.scan(cleaned.title, offset=-(10**9), headline=True)
    people = [p for p in finder.people() if not _credited(p.name, cleaned.credits)]
    body_spans = [s for p in people for s in p.spans if s[0] >= 0]

    result.regions = region_scoring.score(gazetteer, cleaned.title, cleaned.dateline, body, body_spans)
    top_region = result.regions[0].code if result.regions else None
    if result.dateline_region is None and cleaned.dateline:
        result.dateline_region = _dateline_reading(cleaned.dateline, gazetteer, result.regions)

    codes = [r.code for r in result.regions]
    result.pairs = pairs.find(body, cleaned.title, people, finder.tickets, gazetteer, codes)
    pairs.give_roles(result.pairs, people, gazetteer)
    posts = acting_posts(body)
    for person in people:
        person.role = spell_out(person.role, posts)
    result.people = [_person_mention(p, gazetteer, top_region) for p in people]
    result.organizations = organizations.find(f"{cleaned.title}\n{body}", gazetteer, top_region)
    result.events = events.find(body, gazetteer, result.people, year, top_region)
    return result


def _credited(name: str, credits: dict[str, list[str]]) -> bool:
    folded = name.casefold()
    return any(folded in value.casefold() for values in credits.values() for value in values)


def _dateline_reading(dateline: str, gazetteer: Gazetteer, found: list[RegionMention]) -> str | None:
    codes = {c for m in gazetteer.find(dateline) for c in m.codes}
    for mention in found:
        if mention.code in codes:
            return mention.code
    return None


def _person_mention(person, gazetteer: Gazetteer, top_region: str | None) -> PersonMention:
    organization, role_region = describe_role(person.role, gazetteer, top_region, person.candidate)
    return PersonMention(
        name=person.name,
        honorifics=person.honorifics,
        aliases=[a for a in person.aliases if a.casefold() != person.name.casefold()],
        role=person.role,
        role_region=role_region,
        organization=organization,
        confidence=round(min(1.0, 0.5 + 0.1 * person.mentions + (0.2 if person.role else 0)), 2),
        evidence=person.evidence,
    )
