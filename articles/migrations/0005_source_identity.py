"""Articles are identified by their source and their path inside it, not by their file name alone;
an update keeps the version it replaces as an ArticleRevision.

Existing articles get their identity from what was stored: the paths their import batch was given
and the file name. When the folder is still on disk, the file's place in it is looked up there.
Where that leaves a doubt, a line says so, and every article is kept."""

import glob
import os
from pathlib import Path, PurePath

import django.db.models.deletion
from django.db import migrations, models

NO_SOURCE = "tanpa-sumber"  # articles whose import batch is gone or recorded no path


def source_name(folder):
    """What the importer calls a folder's files by default: the folder's own name."""
    return Path(os.path.abspath(folder)).name or "/"


def roots(paths, file_name):
    """(folder, is_the_file) for each imported path that may have held a file of this name."""
    for arg in paths:
        if glob.has_magic(arg):
            parts = PurePath(arg).parts
            plain = next(i for i, part in enumerate(parts) if glob.has_magic(part))
            yield str(PurePath(*parts[:plain])) if plain else ".", False
        elif PurePath(arg).suffix == ".txt" and not Path(arg).is_dir():
            if PurePath(arg).name == file_name:
                yield str(PurePath(arg).parent), True
        else:
            yield arg, False


def on_disk(folder, file_name, raw, listings):
    """Paths inside `folder` of the files with this name and these bytes, if the folder still exists."""
    if folder not in listings:
        listing = {}
        for path in Path(folder).rglob("*.txt") if Path(folder).is_dir() else ():
            listing.setdefault(path.name, []).append(path)
        listings[folder] = listing
    return [
        path.relative_to(folder).as_posix()
        for path in listings[folder].get(file_name, [])
        if path.read_bytes() == raw
    ]


def give_identities(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    taken, listings, notes = set(), {}, []
    articles = Article.objects.select_related("batch").order_by("pk")
    for article in articles.iterator(chunk_size=500):
        name = article.source_file
        found = []  # (source, path, certain)
        for folder, is_the_file in roots(article.batch.paths if article.batch else [], name):
            if is_the_file:
                found.append((source_name(folder), name, True))
                continue
            matches = on_disk(folder, name, bytes(article.raw), listings)
            found += [(source_name(folder), match, True) for match in matches]
            if not matches:
                found.append((source_name(folder), name, False))
        certain = list(dict.fromkeys((s, p) for s, p, sure in found if sure))
        guesses = certain or list(dict.fromkeys((s, p) for s, p, _ in found))
        source, path = guesses[0] if guesses else (NO_SOURCE, name)
        if not guesses:
            notes.append(f"article {article.pk} ({name}): no recorded import path; source {NO_SOURCE!r}")
        elif len(guesses) > 1:
            others = ", ".join(f"{s}/{p}" for s, p in guesses[1:])
            notes.append(f"article {article.pk} ({name}): ambiguous, kept as {source}/{path}; also {others}")
        if (source, path) in taken:
            notes.append(
                f"article {article.pk} ({name}): {source}/{path} is taken, kept as {path}#{article.pk}"
            )
            path = f"{path}#{article.pk}"
        taken.add((source, path))
        article.source, article.source_path = source, path
        article.save(update_fields=["source", "source_path"])
    for note in notes:
        print(f"\n  0005_source_identity: {note}", end="")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_tag_count_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="source",
            field=models.CharField(
                default="",
                help_text="Where the file came from: import --source, or the imported folder's name",
                max_length=200,
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="article",
            name="source_path",
            field=models.CharField(
                default="",
                help_text="The file's path inside its source, folders separated by /",
                max_length=1000,
            ),
            preserve_default=False,
        ),
        migrations.RunPython(give_identities, migrations.RunPython.noop, elidable=True),
        migrations.AddConstraint(
            model_name="article",
            constraint=models.UniqueConstraint(
                fields=("source", "source_path"), name="article_source_identity"
            ),
        ),
        migrations.CreateModel(
            name="ArticleRevision",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("raw", models.BinaryField(help_text="The file exactly as imported then, byte for byte")),
                ("encoding", models.CharField(default="utf-8", max_length=20)),
                ("text", models.TextField(help_text="The decoded text; content_hash is its SHA-256")),
                ("content_hash", models.CharField(help_text="SHA-256 of the text", max_length=64)),
                ("title", models.CharField(max_length=500)),
                ("published_on", models.DateField(blank=True, null=True)),
                ("published_at", models.DateTimeField(blank=True, null=True)),
                (
                    "tags",
                    models.JSONField(
                        blank=True, default=dict, help_text="The tags as they were, with their status"
                    ),
                ),
                ("imported_at", models.DateTimeField(help_text="When this version was imported")),
                (
                    "created_at",
                    models.DateTimeField(auto_now_add=True, help_text="When a newer version replaced it"),
                ),
                (
                    "article",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="revisions",
                        to="articles.article",
                    ),
                ),
                (
                    "batch",
                    models.ForeignKey(
                        blank=True,
                        help_text="The import that brought this version",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="articles.importbatch",
                    ),
                ),
            ],
            options={
                "ordering": ["-created_at", "-pk"],
            },
        ),
    ]
