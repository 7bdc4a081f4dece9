"""Load the 38 provinces and 514 kabupaten/kota (Kepmendagri 300.2.2-2138/2025) with their aliases."""

from django.db import migrations
from django.utils.text import slugify

from articles.official_regions import alias_rows, region_rows


def load_regions(apps, schema_editor):
    Region = apps.get_model("articles", "Region")
    RegionAlias = apps.get_model("articles", "RegionAlias")
    by_code = {}
    for row in region_rows():  # sorted by code, so each province comes before its members
        by_code[row["code"]] = Region.objects.create(
            code=row["code"],
            name=row["name"],
            level=row["level"],
            parent=None if row["level"] == "provinsi" else by_code[row["province_code"]],
            slug=slugify(row["name"]),
            election=row["election"],
            pilkada_2024=row["pilkada_2024"],
        )
    RegionAlias.objects.bulk_create(
        RegionAlias(region=by_code[row["code"]], name=row["alias"], kind=row["kind"])
        for row in alias_rows()
    )


def unload_regions(apps, schema_editor):
    apps.get_model("articles", "RegionAlias").objects.all().delete()
    Region = apps.get_model("articles", "Region")
    Region.objects.exclude(parent=None).delete()
    Region.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = [migrations.RunPython(load_regions, unload_regions)]
