"""Who may do what in the admin: the "Editor" group edits content, not accounts.

The group is created by editorial/migrations/0002_editor_group.py; ``ensure_editor_group``
does the same with today's models, for a database emptied since (tests that flush it).
"""

EDITOR_GROUP = "Editor"
CONTENT_APPS = ("filmmaker", "films", "awards", "editorial")


def ensure_editor_group():
    from django.contrib.auth.models import Group, Permission

    group, _created = Group.objects.get_or_create(name=EDITOR_GROUP)
    group.permissions.add(*Permission.objects.filter(content_type__app_label__in=CONTENT_APPS))
    return group
