"""Every article gets a browse date: its stated publication date, else the date its lead reports;
times keep the zone they were printed in (read again from the stored text)."""

from django.db import migrations, models

from articles.extraction.cleaning import clean
from articles.extraction.dates import lead_date, zone_name


def give_browse_dates(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    for article in Article.objects.only(
        "pk", "published_on", "published_at", "body", "raw", "encoding"
    ).iterator():
        if article.published_on:
            article.dated_on, article.date_source = article.published_on, "published"
        else:
            article.dated_on = lead_date(article.body)
            article.date_source = "lead" if article.dated_on else ""
        if article.published_at:
            printed = clean(bytes(article.raw).decode(article.encoding, errors="replace")).published
            article.published_zone = zone_name(printed) if printed else "WIB"
        article.save(update_fields=["dated_on", "date_source", "published_zone"])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_source_identity"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="article",
            options={"ordering": ["-dated_on", "-pk"]},
        ),
        migrations.RemoveIndex(
            model_name="article",
            name="article_published_on",
        ),
        migrations.AddField(
            model_name="article",
            name="date_source",
            field=models.CharField(
                blank=True,
                choices=[("published", "tanggal terbit"), ("lead", "perkiraan dari teras berita")],
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="dated_on",
            field=models.DateField(
                blank=True,
                help_text="The browse date: the stated date, else the date the lead reports",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="published_zone",
            field=models.CharField(blank=True, help_text="WIB, WITA or WIT, as printed", max_length=4),
        ),
        migrations.AlterField(
            model_name="article",
            name="published_on",
            field=models.DateField(blank=True, help_text="The date the text states", null=True),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["dated_on"], name="article_dated_on"),
        ),
        migrations.RunPython(give_browse_dates, migrations.RunPython.noop, elidable=True),
    ]
