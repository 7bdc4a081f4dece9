"""One contest for each of the 545 regions that voted on 27 November 2024, and the editors' rights
over contests, candidate pairs and their tags."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

OFFICES = {"provinsi": "gubernur", "kabupaten": "bupati", "kota": "wali_kota"}
EDITOR_PERMISSIONS = {
    "contest": ["view", "change"],
    "candidatepair": ["view", "add", "change", "delete"],
    "pairtag": ["view", "add", "change"],
}


def load_contests(apps, schema_editor):
    Region = apps.get_model("articles", "Region")
    Contest = apps.get_model("articles", "Contest")
    Contest.objects.bulk_create(
        Contest(region=region, office=OFFICES[region.level])
        for region in Region.objects.filter(pilkada_2024=True).order_by("code")
    )


def unload_contests(apps, schema_editor):
    apps.get_model("articles", "Contest").objects.all().delete()


def grant_editors(apps, schema_editor):
    app_config = apps.get_app_config("articles")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    codenames = [f"{action}_{model}" for model, actions in EDITOR_PERMISSIONS.items() for action in actions]
    for group in Group.objects.filter(name="Editor"):
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="articles", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0007_contests"),
        ("articles", "0003_editor_group"),
    ]

    operations = [
        migrations.RunPython(load_contests, unload_contests),
        migrations.RunPython(grant_editors, migrations.RunPython.noop),
    ]
