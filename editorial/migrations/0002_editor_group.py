"""Create the "Editor" group: every permission on the site's content, none on accounts."""

from django.db import migrations

EDITOR_GROUP = "Editor"
# Content, and the editors' own bookkeeping (the translation overview).
CONTENT_APPS = ("filmmaker", "films", "awards", "editorial")


def create_editor_group(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations ran (post_migrate); on a new
    # database they do not exist yet, so create them now for the content apps.
    for app_config in apps.get_app_configs():
        if app_config.label in CONTENT_APPS:
            app_config.models_module = True
            create_permissions(app_config, apps=apps, verbosity=0)
            app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=EDITOR_GROUP)
    group.permissions.add(*Permission.objects.filter(content_type__app_label__in=CONTENT_APPS))


def remove_editor_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=EDITOR_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "__latest__"),
        ("contenttypes", "__latest__"),
        ("editorial", "0001_translation_state"),
        ("filmmaker", "0002_portrait_validation"),
        ("films", "0002_poster_validation"),
        ("awards", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_editor_group, remove_editor_group)]
