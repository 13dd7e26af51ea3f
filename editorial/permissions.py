"""Who may do what in the admin: the "Editor" group edits content, not accounts.

The group and its permissions are kept by a ``post_migrate`` handler, so a model added to
a content app later is covered by the next ``migrate`` without a data migration. Which
apps hold content is the project's decision (``settings.EDITOR_APPS``): this app names none.
"""

from django.conf import settings

EDITOR_GROUP = "Editor"


def ensure_editor_group(using="default"):
    from django.contrib.auth.models import Group, Permission

    group, _created = Group.objects.using(using).get_or_create(name=EDITOR_GROUP)
    group.permissions.add(*Permission.objects.using(using).filter(content_type__app_label__in=settings.EDITOR_APPS))
    return group


def grant_after_migrate(sender, using="default", **kwargs):
    # post_migrate runs once per app; the run after the last app's sees every permission.
    ensure_editor_group(using)
