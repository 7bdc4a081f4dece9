"""The people and candidate pairs a page of search hits names, looked up once for the whole page."""

from articles.models import CandidatePair, Person


def linked_entities(hits):
    """({slug: person}, {slug: pair}) for every person and pair slug on the hits: two queries."""
    person_slugs = {slug for hit in hits for slug in (getattr(hit, "people", None) or [])}
    pair_slugs = {slug for hit in hits for slug in (getattr(hit, "pairs", None) or [])}
    people = {p.slug: p for p in Person.objects.filter(slug__in=person_slugs)} if person_slugs else {}
    pairs = {}
    if pair_slugs:
        found = CandidatePair.objects.filter(slug__in=pair_slugs).select_related(
            "head__merged_into", "deputy__merged_into", "contest__region"
        )
        pairs = {pair.slug: pair for pair in found}
    return people, pairs


def in_order(slugs, found):
    """The objects for `slugs` that still exist, in the index's (alphabetical) order."""
    return [found[slug] for slug in sorted(slugs or []) if slug in found]
