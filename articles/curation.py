"""What editors do to tags, people and candidate pairs: confirm, reject, merge, detach, swap — each
logged to the history.

Every change goes through `save()` so the search signal processor reindexes the articles it touches.
"""

from django.contrib.admin.models import CHANGE, LogEntry
from django.db import transaction
from django.utils import timezone

from articles.models import CandidatePair, PairTag, Person, PersonAlias, PersonTag, Stage, TagStatus
from articles.naming import name_key, unique_slug

STATUS_ORDER = {TagStatus.REJECTED: 0, TagStatus.SUGGESTED: 1, TagStatus.CONFIRMED: 2}


def log(user, obj, message):
    """A line in the admin history of `obj` ("History" on its change page)."""
    if user is None or not user.pk:
        return
    LogEntry.objects.log_actions(
        user_id=user.pk,
        queryset=[obj],
        action_flag=CHANGE,
        change_message=message,
        single_object=True,
    )


def entity_of(tag):
    for name in ("region", "person", "organization", "event", "pair"):
        if hasattr(tag, f"{name}_id"):
            return getattr(tag, name)
    raise TypeError(f"not a tag: {tag!r}")


@transaction.atomic
def review(tags, status, user):
    """Confirm or reject tags; returns how many changed. Logged on the article and on the entity.

    One transaction for the lot: a bulk verdict is one index write and one new counts version."""
    changed = 0
    now = timezone.now()
    for tag in tags:
        if tag.status == status:
            continue
        old = tag.status
        tag.status, tag.reviewed_by, tag.reviewed_at = status, user, now
        tag.save(update_fields=["status", "reviewed_by", "reviewed_at"])
        entity = entity_of(tag)
        message = f"{type(tag)._meta.verbose_name} “{entity}”: {old} → {status}"
        log(user, tag.article, message)
        log(user, entity, f"{message} in article #{tag.article_id}")
        changed += 1
    return changed


@transaction.atomic
def merge_people(survivor, others, user=None):
    """Fold `others` into `survivor`: tags, positions, events and aliases move; names become aliases.

    The merged records stay, pointing at the survivor, so their old URLs redirect. Merging again
    changes nothing.
    """
    merged = []
    for other in others:
        other = Person.objects.get(pk=other.pk)
        if other.pk == survivor.pk or other.merged_into_id == survivor.pk:
            continue
        move_tags(PersonTag, "person", other, survivor)
        other.positions.update(person=survivor)
        for event in other.events.all():
            event.participants.remove(other)
            event.participants.add(survivor)
        for alias in list(other.aliases.all()) + [PersonAlias(name=other.name, key=name_key(other.name))]:
            PersonAlias.objects.get_or_create(person=survivor, key=alias.key, defaults={"name": alias.name})
        other.aliases.all().delete()
        survivor.honorifics = list(dict.fromkeys([*survivor.honorifics, *other.honorifics]))
        other.merged_into = survivor
        other.save(update_fields=["merged_into"])
        Person.objects.filter(merged_into=other).update(merged_into=survivor)
        log(user, survivor, f"merged “{other.name}” (#{other.pk}) into this person")
        log(user, other, f"merged into “{survivor.name}” (#{survivor.pk})")
        merged.append(other)
    if merged:
        survivor.save(update_fields=["honorifics"])
    return merged


def move_tags(model, field, source, target):
    """Move the tags of `source` to `target`; where both are tagged in one article, one tag stays,
    with the editor's firmer verdict."""
    for tag in model.objects.filter(**{field: source}):
        twin = model.objects.filter(article_id=tag.article_id, **{field: target}).first()
        if twin is None:
            setattr(tag, field, target)
            tag.save()
            continue
        if STATUS_ORDER[tag.status] > STATUS_ORDER[twin.status]:
            twin.status, twin.reviewed_by, twin.reviewed_at = tag.status, tag.reviewed_by, tag.reviewed_at
        if hasattr(twin, "role"):
            twin.role = twin.role or tag.role
        twin.save()
        tag.delete()


@transaction.atomic
def merge_pairs(survivor, others, user=None):
    """Fold `others` into `survivor`: their tags move, what the survivor does not know yet (deputy,
    number, race, stages, parties) is filled in from them, and they are deleted."""
    merged = []
    for other in others:
        other = CandidatePair.objects.select_related("contest").get(pk=other.pk)
        if other.pk == survivor.pk:
            continue
        move_tags(PairTag, "pair", other, survivor)
        survivor.deputy = survivor.deputy or other.deputy
        survivor.contest = survivor.contest or other.contest
        if survivor.number is None and other.number is not None:
            survivor.number, survivor.number_confirmed = other.number, other.number_confirmed
        for stage in Stage.values:
            if getattr(other, f"{stage}_on") or other.stage == stage:
                survivor.take_stage(stage, getattr(other, f"{stage}_on"))
        survivor.seen(other.first_seen_on)
        survivor.seen(other.last_seen_on)
        survivor.independent = survivor.independent or other.independent
        survivor.parties.add(*other.parties.all())
        if other.contest_id and other.contest.winner_id == other.pk:
            other.contest.winner = survivor
            other.contest.save(update_fields=["winner"])
        log(user, survivor, f"merged “{other}” (#{other.pk}) into this pair")
        other.delete()
        merged.append(other)
    if merged:
        survivor.save()
    return merged


@transaction.atomic
def swap_pair(pair, user=None):
    """Head and deputy the other way round (the importer read them swapped); False without a deputy."""
    if pair.deputy_id is None:
        return False
    pair.head, pair.deputy = pair.deputy, pair.head
    pair.save(update_fields=["head", "deputy"])
    log(user, pair, f"swapped head and deputy: now “{pair}”")
    return True


@transaction.atomic
def detach_mention(tag, user=None, name=None):
    """Move one wrongly attached mention to a person of its own (new, or an existing exact match)."""
    old = tag.person
    name = (name or old.name).strip()
    person = Person.objects.create(name=name, slug=unique_slug(Person, name))
    PersonAlias.objects.create(person=person, name=name, key=name_key(name))
    tag.person = person
    tag.save()
    message = (
        f"detached the mention in article #{tag.article_id} from “{old.name}” to a new person #{person.pk}"
    )
    log(user, old, message)
    log(user, person, message)
    log(user, tag.article, message)
    return person
