"""Files → extraction → database. One transaction per file; a bad file is reported and the rest go on.

Re-importing is idempotent: the same text is "unchanged", a changed file (same name) updates its
article, and tags an editor confirmed or rejected are never touched — only the importer's own
suggestions are refreshed.
"""

import glob
import hashlib
import multiprocessing
import os
import zoneinfo
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from rapidfuzz import fuzz

from articles import counts
from articles.extraction import Gazetteer, PersonMention
from articles.models import (
    Article,
    Event,
    EventKind,
    EventTag,
    ImportBatch,
    Organization,
    OrganizationKind,
    OrganizationTag,
    Outlet,
    PairTag,
    Person,
    PersonAlias,
    PersonTag,
    Position,
    Region,
    RegionAlias,
    RegionTag,
    TagStatus,
)
from articles.naming import name_key, role_key, unique_slug
from articles.pairs import PairStore
from articles.reading import parse, parse_in_worker, start_worker
from articles.search.indexing import deferred_indexing, unindexed, update_articles

JAKARTA = zoneinfo.ZoneInfo("Asia/Jakarta")
CREATED, UPDATED, UNCHANGED, FAILED = "created", "updated", "unchanged", "failed"
PARALLEL_FROM = 200  # files; below this, starting worker processes costs more than it saves


@dataclass
class FileResult:
    path: str
    status: str
    reason: str = ""
    article_id: int | None = None


@dataclass
class ImportResult:
    files: list[FileResult] = field(default_factory=list)
    batch: ImportBatch | None = None

    def count(self, status):
        return sum(1 for f in self.files if f.status == status)

    @property
    def failures(self):
        return [f for f in self.files if f.status == FAILED]

    def summary(self):
        parts = [f"{self.count(s)} {s}" for s in (CREATED, UPDATED, UNCHANGED, FAILED)]
        return f"{len(self.files)} files: " + ", ".join(parts)


def collect_paths(args):
    """Expand files, folders (recursively, *.txt) and glob patterns; report what matched nothing."""
    found, missing = [], []
    for arg in args:
        path = Path(arg)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*.txt") if p.is_file()))
        elif path.is_file():
            found.append(path)
        elif glob.has_magic(arg):
            matches = sorted(Path(p) for p in glob.glob(arg, recursive=True) if Path(p).is_file())
            if matches:
                found.extend(matches)
            else:
                missing.append(FileResult(arg, FAILED, "the pattern matches no file"))
        else:
            missing.append(FileResult(arg, FAILED, "no such file or folder"))
    unique = list(dict.fromkeys(found))  # the same file named twice is read once
    return unique, missing


def content_hash(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def as_published(extraction):
    """(date, datetime or None): the date as printed in Jakarta time, the moment when a time was given."""
    moment = extraction.published
    if moment is None:
        return None, None
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=JAKARTA)
    return moment.date(), moment if extraction.published_has_time else None


def fallback_title(body):
    """Texts without a headline get their opening words, so every article has a readable title."""
    first = body.strip().split("\n", 1)[0].strip()
    return first if len(first) <= 120 else first[:100].rsplit(" ", 1)[0] + " …"


def interrupted_and_unindexed(current_batch):
    """Articles a killed import committed but never indexed (a run indexes at its end): this run's
    writer indexes them too, so re-running an interrupted import leaves index and database agreeing."""
    ids = (
        Article.objects.filter(batch__finished_at__isnull=True)
        .exclude(batch=current_batch)
        .values_list("pk", flat=True)
    )
    return unindexed(ids)


class Importer:
    """Imports files into the archive; build one per run so its caches are shared across files."""

    def __init__(self, dry_run=False, max_bytes=None, jobs=None, parallel_from=PARALLEL_FROM):
        self.dry_run = dry_run
        self.parallel_from = parallel_from
        self.jobs = (os.cpu_count() or 1) if jobs is None else jobs
        self.max_bytes = max_bytes or settings.IMPORT_MAX_BYTES
        regions = list(Region.objects.all())
        self.regions = {r.code: r for r in regions}
        self.gazetteer_rows = (
            [
                {"code": r.code, "name": r.name, "level": r.level, "province_code": r.code[:2]}
                for r in regions
            ],
            [
                {"code": code, "alias": alias, "kind": kind}
                for code, alias, kind in RegionAlias.objects.values_list("region__code", "name", "kind")
            ],
        )
        self.gazetteer = Gazetteer(*self.gazetteer_rows)
        self.outlets = {}
        self.organizations = {}
        self.people = {}  # name key → Person matched or made in this run
        self.known_aliases = set()  # (person id, key) already stored
        self.positions = {}  # (person id, region id) → that person's positions there
        self.events = {}  # (name, date) → Event
        self.pairs = PairStore()

    # -- files ------------------------------------------------------------------------------------

    def run(self, args, progress=None):
        """Import everything `args` names; `progress` is a tqdm bar, told the total, then each file."""
        paths, missing = collect_paths(args)
        if progress is not None:
            progress.reset(total=len(paths))
        result = ImportResult(files=list(missing))
        if not self.dry_run:
            result.batch = ImportBatch.objects.create(paths=[str(a) for a in args])
        # one index writer for the whole run, and one new version of the cached counts, instead of
        # one of each per article
        with deferred_indexing(), counts.deferred():
            if not self.dry_run:
                update_articles(interrupted_and_unindexed(result.batch))
            for parsed in self.parse_all(paths):
                result.files.append(self.store(parsed, result.batch))
                if progress is not None:
                    progress.update()
        if result.batch:
            batch = result.batch
            batch.created, batch.updated = result.count(CREATED), result.count(UPDATED)
            batch.unchanged, batch.failed = result.count(UNCHANGED), result.count(FAILED)
            batch.errors = [{"file": f.path, "reason": f.reason} for f in result.failures]
            batch.finished_at = timezone.now()
            batch.save()
            refresh_statistics()
        return result

    def parse_all(self, paths):
        """Parsed files in order. Extraction is the CPU-heavy part, so a big run spreads it over
        worker processes while this one stores the results; a small run stays in-process."""
        if self.jobs < 2 or len(paths) < self.parallel_from:
            yield from (parse(path, self.gazetteer, self.max_bytes) for path in paths)
            return
        context = multiprocessing.get_context("spawn")  # no forked database connections
        with context.Pool(
            self.jobs, initializer=start_worker, initargs=(*self.gazetteer_rows, self.max_bytes)
        ) as pool:
            yield from pool.imap(parse_in_worker, paths, chunksize=16)

    def import_file(self, path, batch=None):
        return self.store(parse(path, self.gazetteer, self.max_bytes), batch)

    def store(self, parsed, batch=None):
        """One file's article and tags, in one transaction."""
        path = parsed.path
        if parsed.failure:
            return FileResult(str(path), FAILED, parsed.failure)
        with transaction.atomic():
            status, article, reason = self.save(
                path, parsed.raw, parsed.encoding, parsed.text, parsed.extraction, batch
            )
        return FileResult(str(path), status, reason, article.pk if article else None)

    # -- articles ---------------------------------------------------------------------------------

    def save(self, path, raw, encoding, text, extraction, batch):
        digest = content_hash(text)
        same_text = Article.objects.filter(content_hash=digest).only("pk", "source_file").first()
        if same_text:
            reason = "" if same_text.source_file == path.name else f"same text as {same_text.source_file}"
            return UNCHANGED, same_text, reason
        article = Article.objects.filter(source_file=path.name).first()
        status = UPDATED if article else CREATED
        if self.dry_run:
            return status, None, ""
        article = article or Article(source_file=path.name)
        published_on, published_at = as_published(extraction)
        article.title = (extraction.title or fallback_title(extraction.body))[:500]
        article.body = extraction.body
        article.raw = raw
        article.encoding = encoding
        article.content_hash = digest
        article.published_on = published_on
        article.published_at = published_at
        article.dateline = extraction.dateline[:100]
        article.dateline_region = self.regions.get(extraction.dateline_region)
        article.outlet = self.outlet(extraction.outlet)
        article.credits = extraction.credits
        article.event_dates = [d.isoformat() for d in extraction.event_dates]
        article.batch = batch
        article.save()
        self.tag(article, extraction, published_on, fresh=status == CREATED)
        return status, article, ""

    def outlet(self, name):
        name = " ".join(name.split())[:120]
        if not name:
            return None
        key = name.casefold()
        if key not in self.outlets:
            outlet = Outlet.objects.filter(name__iexact=name).first()
            self.outlets[key] = outlet or Outlet.objects.create(name=name, slug=unique_slug(Outlet, name))
        return self.outlets[key]

    # -- tags -------------------------------------------------------------------------------------

    def tag(self, article, extraction, seen_on, fresh=False):
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
            org = Organization.objects.filter(name__iexact=name).first()
            if org is None:
                org = Organization.objects.create(
                    name=name,
                    slug=unique_slug(Organization, name),
                    acronym=mention.acronym[:50],
                    kind=mention.kind if mention.kind in OrganizationKind.values else OrganizationKind.OTHER,
                    region=self.regions.get(mention.region),
                )
            self.organizations[key] = org
        return self.organizations[key]

    def person(self, mention):
        """The one Person for this name across the archive, matched on any alias; new if none."""
        key = name_key(mention.name)
        region = self.regions.get(mention.role_region)
        person = self.people.get((key, region))
        if person is None:
            person = self.people[key, region] = self.match_person(mention, key, region)
        for alias in {mention.name, *mention.aliases}:
            alias_key = name_key(alias)
            if alias_key and (person.pk, alias_key) not in self.known_aliases:
                PersonAlias.objects.get_or_create(
                    person=person, key=alias_key, defaults={"name": alias[:200]}
                )
                self.known_aliases.add((person.pk, alias_key))
        return person

    def match_person(self, mention, key, region):
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
        if candidates:
            person = next(
                (
                    p
                    for p in candidates
                    if region and any(pos.region_id == region.pk for pos in p.positions.all())
                ),
                candidates[0],
            )
        else:
            person = Person.objects.create(
                name=mention.name[:200],
                slug=unique_slug(Person, mention.name),
                honorifics=mention.honorifics,
            )
        return person

    def position(self, person, mention, article, seen_on):
        role = " ".join(mention.role.split())[:200]
        region = self.regions.get(mention.role_region)
        organization = self.organization_named(mention.organization)
        key = role_key(role)
        held = self.positions.get((person.pk, region))
        if held is None:  # read once per person and region in a run, then kept up to date here
            held = self.positions[person.pk, region] = list(
                Position.objects.filter(person=person, region=region)
            )
        position = next((p for p in held if role_key(p.role) == key), None)
        if position is None:
            position = Position.objects.create(
                person=person,
                role=role,
                region=region,
                organization=organization,
                first_seen_on=seen_on,
                last_seen_on=seen_on,
                source_article=article,
            )
            held.append(position)
        elif seen_on:
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
        event = Event.objects.filter(name__iexact=name, date=mention.date).first()
        if event is None:
            label = f"{name} {mention.date.isoformat()}" if mention.date else name
            event = Event.objects.create(
                name=name,
                slug=unique_slug(Event, label),
                kind=mention.kind if mention.kind in EventKind.values else EventKind.OTHER,
                date=mention.date,
                place=mention.place[:200],
                region=self.regions.get(mention.region),
            )
        return event


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


def refresh_statistics():
    """Let SQLite plan from what the archive now holds. Without ANALYZE's statistics it guesses, and
    at 100,000 articles it guessed a person-by-person plan for a busy person's co-mentions: 12.6 s
    instead of 35 ms. analysis_limit samples each index, so this takes milliseconds. PostgreSQL's
    autovacuum keeps its own statistics."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA analysis_limit=1000")
            cursor.execute("ANALYZE")
