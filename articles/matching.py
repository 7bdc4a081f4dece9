"""Entity matching: the regions, people, organizations, events and pairs an article names, found or made."""

import hashlib

from django.db import connection
from rapidfuzz import fuzz

from articles.extraction import PersonMention
from articles.models import (
    Event,
    EventKind,
    EventTag,
    Organization,
    OrganizationKind,
    OrganizationTag,
    Outlet,
    PairTag,
    Person,
    PersonAlias,
    PersonTag,
    Position,
    RegionTag,
    TagStatus,
)
from articles.naming import name_key, role_key, unique_slug
from articles.pairs import PairStore


class EntityMatcher:
    """Finds or makes the entities an import run's articles name, and tags each article with them.
    Build one per run (with the archive's regions by code) so its caches are shared across files.

    People are matched on name keys and aliases across the whole archive, so one person under two
    spellings is one row; an entity two imports create at once is one row too (first_or_create).
    Tags an editor confirmed or rejected are never touched, only the importer's suggestions (sync_tags)."""

    def __init__(self, regions):
        self.regions = regions
        self.forget()

    def forget(self):
        """Start the run's caches afresh: after a rollback, what they hold may never have been stored."""
        self.outlets = {}
        self.organizations = {}
        self.people = {}  # name key → Person matched or made in this run
        self.known_aliases = set()  # (person id, key) already stored
        self.positions = {}  # (person id, region id) → that person's positions there
        self.events = {}  # (name, date) → Event
        self.pairs = PairStore()
        # ids of people made for the file being tagged: no other transaction sees them yet, so they
        # have no aliases or positions to look up (a round trip each on PostgreSQL)
        self.new_people = set()

    def outlet(self, name):
        """The Outlet of this name, made if the archive has none; None for no name."""
        name = " ".join(name.split())[:120]
        if not name:
            return None
        key = name.casefold()
        if key not in self.outlets:
            self.outlets[key] = first_or_create(
                ("outlet", key),
                Outlet.objects.filter(name__iexact=name).first,
                lambda: Outlet.objects.create(name=name, slug=unique_slug(Outlet, name)),
            )
        return self.outlets[key]

    def tag(self, article, extraction, seen_on, fresh=False):
        """Tag `article` with the regions, organizations, people, events and pairs `extraction` found."""
        self.new_people = set()
        regions = {}
        for mention in extraction.regions:
            if mention.code in self.regions:
                regions[self.regions[mention.code]] = mention
        sync_tags(RegionTag, article, "region", regions, fresh=fresh)

        organizations = {}
        for mention in extraction.organizations:
            organizations[self.organization(mention)] = mention
        sync_tags(OrganizationTag, article, "organization", organizations, fresh=fresh)

        people = {}
        for mention in extraction.people:
            person = self.person(mention)
            people[person] = mention
            if mention.role:
                self.position(person, mention, article, seen_on)
        sync_tags(PersonTag, article, "person", people, extra=lambda m: {"role": m.role[:200]}, fresh=fresh)

        events = {}
        names = {name_key(p.name): p for p in people}
        for mention in extraction.events:
            event = self.event(mention)
            participants = [names[k] for k in map(name_key, mention.participants) if k in names]
            event.participants.add(*participants)
            events[event] = mention
        sync_tags(EventTag, article, "event", events, fresh=fresh)

        # a pair's head and deputy are the people this article names, found under any of their names
        named = {name_key(n): p for p, m in people.items() for n in (m.name, *m.aliases)}

        def person_for(name):
            key = name_key(name)
            return (named.get(key) or self.person(PersonMention(name=name[:200]))) if key else None

        pairs = self.pairs.store(extraction.pairs, person_for, seen_on)
        sync_tags(PairTag, article, "pair", pairs, fresh=fresh)

    def organization(self, mention):
        name = " ".join(mention.name.split())[:200]
        key = name.casefold()
        if self.organizations.get(key) is None:
            self.organizations[key] = first_or_create(
                ("organization", key),
                Organization.objects.filter(name__iexact=name).first,
                lambda: Organization.objects.create(
                    name=name,
                    slug=unique_slug(Organization, name),
                    acronym=mention.acronym[:50],
                    kind=mention.kind if mention.kind in OrganizationKind.values else OrganizationKind.OTHER,
                    region=self.regions.get(mention.region),
                ),
            )
        return self.organizations[key]

    def person(self, mention):
        """The one Person for this name across the archive, matched on any alias; new if none."""
        key = name_key(mention.name)
        region = self.regions.get(mention.role_region)
        person = self.people.get((key, region))
        if person is None:
            person = self.people[key, region] = first_or_create(
                ("person", key),
                lambda: self.match_person(mention, key, region),
                lambda: self.new_person(mention),
            )
        for alias in {mention.name, *mention.aliases}:
            alias_key = name_key(alias)
            if alias_key and (person.pk, alias_key) not in self.known_aliases:
                if person.pk in self.new_people:
                    PersonAlias.objects.create(person=person, key=alias_key, name=alias[:200])
                else:
                    PersonAlias.objects.get_or_create(
                        person=person, key=alias_key, defaults={"name": alias[:200]}
                    )
                self.known_aliases.add((person.pk, alias_key))
        return person

    def new_person(self, mention):
        person = Person.objects.create(
            name=mention.name[:200], slug=unique_slug(Person, mention.name), honorifics=mention.honorifics
        )
        self.new_people.add(person.pk)
        return person

    def match_person(self, mention, key, region):
        """The active Person known by this name (or, in the region, a spelling of it); None if none."""
        candidates = list(
            Person.objects.active().filter(aliases__key=key).distinct().prefetch_related("positions")
        )
        if not candidates and region and len(mention.name.split()) > 1:
            # a spelling variant of an official already known in the same region
            # (only names sharing the first letters, so the comparison stays small as the archive grows)
            nearby = Person.objects.active().filter(
                positions__region=region, aliases__key__startswith=key[:3]
            )
            nearby = nearby.distinct()[:50]
            candidates = [p for p in nearby if fuzz.ratio(name_key(p.name), key) >= 90]
        if not candidates:
            return None
        return next(
            (
                p
                for p in candidates
                if region and any(pos.region_id == region.pk for pos in p.positions.all())
            ),
            candidates[0],
        )

    def position(self, person, mention, article, seen_on):
        role = " ".join(mention.role.split())[:200]
        region = self.regions.get(mention.role_region)
        organization = self.organization_named(mention.organization)
        key = role_key(role)
        new = person.pk in self.new_people
        held = self.positions.get((person.pk, region))
        if held is None:  # read once per person and region in a run, then kept up to date here
            held = self.positions[person.pk, region] = (
                [] if new else list(Position.objects.filter(person=person, region=region))
            )
        position = next((p for p in held if role_key(p.role) == key), None)
        if position is None:

            def create():
                return Position.objects.create(
                    person=person,
                    role=role,
                    region=region,
                    organization=organization,
                    first_seen_on=seen_on,
                    last_seen_on=seen_on,
                    source_article=article,
                )

            def find():  # another import may have added it since this run read the person's positions
                same_role = (
                    p
                    for p in Position.objects.filter(person=person, region=region)
                    if role_key(p.role) == key
                )
                return next(same_role, None)

            position = (
                create()
                if new
                else first_or_create(("position", person.pk, region and region.pk, key), find, create)
            )
            held.append(position)
        if seen_on:
            changed = False
            if position.first_seen_on is None or seen_on < position.first_seen_on:
                position.first_seen_on, changed = seen_on, True
            if position.last_seen_on is None or seen_on > position.last_seen_on:
                position.last_seen_on, changed = seen_on, True
            if changed:
                position.save(update_fields=["first_seen_on", "last_seen_on"])

    def organization_named(self, name):
        if not name:
            return None
        key = " ".join(name.split()).casefold()
        if key not in self.organizations:  # None too: an organisation not in the archive stays unknown
            self.organizations[key] = Organization.objects.filter(name__iexact=name).first()
        return self.organizations[key]

    def event(self, mention):
        name = " ".join(mention.name.split())[:300]
        key = (name.casefold(), mention.date)
        if key not in self.events:
            self.events[key] = self.stored_event(name, mention)
        return self.events[key]

    def stored_event(self, name, mention):
        label = f"{name} {mention.date.isoformat()}" if mention.date else name
        return first_or_create(
            ("event", name.casefold(), mention.date and mention.date.isoformat()),
            Event.objects.filter(name__iexact=name, date=mention.date).first,
            lambda: Event.objects.create(
                name=name,
                slug=unique_slug(Event, label),
                kind=mention.kind if mention.kind in EventKind.values else EventKind.OTHER,
                date=mention.date,
                place=mention.place[:200],
                region=self.regions.get(mention.region),
            ),
        )


def first_or_create(key, find, create):
    """`find()`'s row, or the one `create()` makes when there is none. Two imports creating the same
    entity at once make one row: on PostgreSQL the second waits on a lock named after `key` until the
    first's transaction ends, then finds its row; SQLite's transactions begin IMMEDIATE, so writers
    take turns anyway. The lock is taken only when the row is missing, and held to the file's commit."""
    found = find()
    if found is None and connection.vendor == "postgresql":
        digest = hashlib.blake2b(repr(key).encode(), digest_size=8).digest()
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [int.from_bytes(digest, "big", signed=True)])
        found = find()
    return create() if found is None else found


def sync_tags(model, article, field_name, found, extra=lambda mention: {}, fresh=False):
    """Make the importer's suggestions match `found` ({entity: mention}); leave editors' verdicts alone.
    A `fresh` article (just created) has no tags to look up."""
    tags = [] if fresh else model.objects.filter(article=article)
    existing = {getattr(t, f"{field_name}_id"): t for t in tags}
    new = []
    for entity, mention in found.items():
        values = {
            "confidence": round(float(mention.confidence), 3),
            "evidence": (mention.evidence or "")[:500],
            **extra(mention),
        }
        tag = existing.pop(entity.pk, None)
        if tag is None:
            # in one INSERT: the article's own save already scheduled its reindex on commit
            new.append(model(article=article, **{field_name: entity}, **values))
        elif tag.status == TagStatus.SUGGESTED and any(getattr(tag, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(tag, k, v)
            tag.save()
    model.objects.bulk_create(new)
    # suggestions the new text no longer supports go; confirmed and rejected tags stay
    stale = [t.pk for t in existing.values() if t.status == TagStatus.SUGGESTED]
    if stale:
        model.objects.filter(pk__in=stale).delete()
