"""Candidate pairs from an article's PairMentions: which contest, which people, which stored pair.

The same pair across articles is one CandidatePair: same contest, same head and deputy (people are
matched on their aliases by the importer first). A later article fills in what an earlier one did
not say (the deputy, the ballot number, a contest) and moves the stage forward; it never overrides
an editor's number. A pair whose contest no text names is kept apart, as a weak suggestion.
"""

from dataclasses import replace

from django.db.models import Q

from articles.models import CandidatePair, Contest, Office, Organization, OrganizationKind, Stage
from articles.naming import unique_slug

INDEPENDENT = {"perseorangan", "independen", "jalur perseorangan"}
UNKNOWN_CONTEST_CONFIDENCE = 0.3


class PairStore:
    """Stores the pairs of one import run; its caches are shared across the run's articles."""

    def __init__(self):
        self.contests = {}  # region code → Contest, or None when the region held no race
        self.parties = {}  # party name as printed, folded → Organization

    def store(self, mentions, person_for, seen_on):
        """{CandidatePair: mention} for one article's mentions. `person_for(name)` is the Person the
        importer resolved for that name in the same article (None for a name it cannot use)."""
        found = {}
        for mention in mentions:
            head = person_for(mention.head) if mention.head else None
            deputy = person_for(mention.deputy) if mention.deputy else None
            if head is None or head == deputy:
                continue
            contest = self.contest(mention.contest, mention.office)
            if contest is None:
                mention = replace(mention, confidence=min(mention.confidence, UNKNOWN_CONTEST_CONFIDENCE))
            pair = self.pair(contest, head, deputy)
            self.update(pair, mention, seen_on, contest, deputy)
            if pair not in found or found[pair].confidence < mention.confidence:
                found[pair] = mention
        return found

    def contest(self, code, office):
        """The contest of the region `code`; None when unknown or when the stated office is another
        race's (a regent named with a province's code is not in the governor's race)."""
        if not code:
            return None
        if code not in self.contests:
            self.contests[code] = Contest.objects.select_related("region").filter(region__code=code).first()
        contest = self.contests[code]
        stated = Office.from_text(office)
        if contest is None or (stated and stated != contest.office):
            return None
        return contest

    def pair(self, contest, head, deputy):
        pair = CandidatePair.objects.matching(contest, head, deputy).first()
        if pair is None and contest is not None:
            # named before without its race: this article says which one
            pair = CandidatePair.objects.matching(None, head, deputy).first()
        if pair is None and contest is None and deputy is not None:
            # the same two people are already known in exactly one race
            known = list(CandidatePair.objects.filter(head=head, deputy=deputy).exclude(contest=None)[:2])
            pair = known[0] if len(known) == 1 else None
        if pair is None:
            words = [head.name, deputy.name if deputy else "", contest.region.short_name if contest else ""]
            pair = CandidatePair.objects.create(
                contest=contest, head=head, deputy=deputy, slug=unique_slug(CandidatePair, " ".join(words))
            )
        return pair

    def update(self, pair, mention, seen_on, contest, deputy):
        changed = pair.seen(seen_on)
        if contest is not None and pair.contest_id is None:
            pair.contest, changed = contest, True
        if deputy is not None and pair.deputy_id is None:
            pair.deputy, changed = deputy, True
        changed |= pair.take_number(mention.number)
        stage = Stage.from_text(mention.stage)
        if stage:
            changed |= pair.take_stage(stage, seen_on)
        parties = [p for p in mention.parties if p.strip()]
        if any(p.strip().casefold() in INDEPENDENT for p in parties) and not pair.independent:
            pair.independent, changed = True, True
        if changed:
            pair.save()
        supporters = [self.party(p) for p in parties if p.strip().casefold() not in INDEPENDENT]
        if supporters:
            pair.parties.add(*supporters)
        if stage == Stage.TERPILIH and pair.contest_id and pair.contest.winner_id is None:
            pair.contest.winner = pair
            pair.contest.save(update_fields=["winner"])

    def party(self, name):
        name = " ".join(name.split())[:200]
        key = name.casefold()
        if key not in self.parties:
            named = Q(name__iexact=name) | Q(kind=OrganizationKind.PARTY, acronym__iexact=name)
            party = Organization.objects.filter(named).order_by("pk").first()
            self.parties[key] = party or Organization.objects.create(
                name=name, slug=unique_slug(Organization, name), kind=OrganizationKind.PARTY
            )
        return self.parties[key]
