"""Strings of Django's admin and django-reversion that their Arabic catalogues leave untranslated.

Django falls back to the site's default language for a string its Arabic catalogue lacks,
so an Arabic editor would read French ("Exécuter", "- Choisir une option -") in the middle
of the admin. Marking the strings here brings them into the project's catalogues, where
they are translated; the project's catalogues take precedence over Django's.
Nothing imports this module: it only exists to be read by makemessages.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

ADMIN = [
    gettext_noop("Run"),
    gettext_noop("- Select an option -"),
    gettext_noop("Filter by %(field_name)s"),
    gettext_noop("Search %(name)s"),
    gettext_noop("Pagination %(name)s"),
    gettext_noop("Pagination %(name)s entries"),
    gettext_noop("Logout"),
    gettext_noop('The app "%s" could not be found.'),
    gettext_noop("No %s matches the given query."),
    gettext_noop(", "),
    gettext_noop(
        "Deleting the %(object_name)s “%(escaped_object)s” would result in deleting related objects, "
        "but your account doesn't have permission to delete the following types of objects:"
    ),
    gettext_noop(
        "Deleting the %(object_name)s “%(escaped_object)s” would require deleting the following "
        "protected related objects:"
    ),
    gettext_noop(
        "Are you sure you want to delete the %(object_name)s “%(escaped_object)s”? "
        "All of the following related items will be deleted:"
    ),
    ngettext_lazy("…and %(count)d more object.", "…and %(count)d more objects.", "count"),
    # A changelist's title: Django's French puts the model's name where French grammar
    # cannot agree with it ("Sélectionnez prix à modifier").
    gettext_noop("Select %s to change"),
    gettext_noop("Select %s to view"),
    # The inline's "add a row" link (written by the admin's JavaScript from this string).
    gettext_noop("Add another %(verbose_name)s"),
    # The primary key column of the sign-in log.
    gettext_noop("ID"),
    # django-reversion
    gettext_noop("Deleted %(verbose_name)s."),
]

# django-axes (the sign-in log): its fields' names, which its Arabic catalogue lacks.
AXES = [
    gettext_noop("User Agent"),
    gettext_noop("HTTP Accept"),
    gettext_noop("Session key hash (sha256)"),
]
