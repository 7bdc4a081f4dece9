"""Writers for the concurrency test (tests/test_concurrency.py), each a process of its own.

    python scripts/concurrency.py edit SECONDS OUT.json    editor: tag and reject, as the admin does
    python scripts/concurrency.py import SECONDS FOLDER    importer: new files, one run after another

Both use the settings from the environment (DATABASE_URL, WHOOSH_PATH, …), stop by themselves after
SECONDS (and after a bounded number of rounds), and write what they did as JSON on their last line /
to OUT.json, so the test can check that every change is visible in search afterwards.
"""

import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pilkada_archive.settings")

MAX_ROUNDS = 1000


def edit(seconds, out):
    """Editor: confirm a new region tag on an article, or reject a suggested person tag."""
    from django.contrib.auth.models import Group, User
    from django.db import transaction

    from articles.curation import review
    from articles.models import Article, PersonTag, Region, RegionTag, TagStatus

    rng = random.Random(os.getpid())
    editor, _ = User.objects.get_or_create(username="soak-editor", defaults={"is_staff": True})
    editor.groups.add(Group.objects.get(name="Editor"))
    # Regions no article is tagged with yet: a filter on one finds exactly the articles edited here.
    probes = list(
        Region.objects.filter(parent__code="91").exclude(pk__in=RegionTag.objects.values("region_id"))[:20]
    )
    articles = list(Article.objects.values_list("pk", flat=True))
    edits, errors = [], []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and len(edits) < MAX_ROUNDS:
        try:
            if rng.random() < 0.6:
                article, region = rng.choice(articles), rng.choice(probes)
                with transaction.atomic():
                    RegionTag.objects.update_or_create(
                        article_id=article,
                        region=region,
                        defaults={"status": TagStatus.CONFIRMED, "confidence": 1.0, "reviewed_by": editor},
                    )
                edits.append({"kind": "region", "article": article, "code": region.code})
            else:
                tag = PersonTag.objects.suggested().select_related("person", "article").order_by("?").first()
                if tag is None:
                    continue
                # The article must not stay findable under this person through another tag of theirs.
                others = PersonTag.objects.live().filter(article=tag.article, person__merged_into=tag.person)
                if others.exists():
                    continue
                review([tag], TagStatus.REJECTED, editor)
                edits.append({"kind": "person-rejected", "article": tag.article_id, "slug": tag.person.slug})
        except Exception as exc:  # reported and counted by the test, never hidden
            errors.append(f"{type(exc).__name__}: {exc}")
        time.sleep(rng.uniform(0.02, 0.15))
    Path(out).write_text(json.dumps({"edits": edits, "errors": errors}))


def import_loop(seconds, folder):
    """Importer: a few new files per run, one run after another, as a scheduled import would."""
    from articles.importer import Importer
    from tests.scratch import write_corpus

    folder = Path(folder)
    created, errors, runs = 0, [], 0
    deadline = time.monotonic() + seconds
    start = 50_000
    while time.monotonic() < deadline and runs < MAX_ROUNDS:
        paths = write_corpus(folder / f"run-{runs:03}", start + runs * 3, 3)
        try:
            result = Importer().run([str(p) for p in paths])
            created += result.count("created")
            errors += [f"{f.path}: {f.reason}" for f in result.failures]
        except Exception as exc:
            errors.append(f"{type(exc).__name__}: {exc}")
        runs += 1
    print(json.dumps({"runs": runs, "created": created, "first": start, "errors": errors}))


if __name__ == "__main__":
    import django

    django.setup()
    command, seconds, target = sys.argv[1], float(sys.argv[2]), sys.argv[3]
    {"edit": edit, "import": import_loop}[command](seconds, target)
