"""The "Editor" group: reviews tags and edits people, positions, organisations, events and article
metadata; may not delete articles or manage users."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_PERMISSIONS = {
    "article": ["view", "change"],
    "regiontag": ["view", "add", "change"],
    "persontag": ["view", "add", "change"],
    "organizationtag": ["view", "add", "change"],
    "eventtag": ["view", "add", "change"],
    "person": ["view", "add", "change"],
    "personalias": ["view", "add", "change", "delete"],
    "position": ["view", "add", "change", "delete"],
    "organization": ["view", "add", "change"],
    "event": ["view", "add", "change"],
    "outlet": ["view", "add", "change"],
    "region": ["view"],
    "regionalias": ["view"],
    "importbatch": ["view"],
}


def create_editor_group(apps, schema_editor):
    # Permissions are normally created after all migrations; the group needs them now.
    app_config = apps.get_app_config("articles")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Editor")
    codenames = [f"{action}_{model}" for model, actions in EDITOR_PERMISSIONS.items() for action in actions]
    group.permissions.set(Permission.objects.filter(content_type__app_label="articles", codename__in=codenames))


def remove_editor_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Editor").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_load_regions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editor_group, remove_editor_group)]
