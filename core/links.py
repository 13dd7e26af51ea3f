"""Links editors type (sources, websites) are http(s) only, whatever path the data takes.

Three layers, because data reaches the database by forms, fixtures, raw ``loaddata`` and
the shell: a validator (form errors, ``full_clean`` in load_site), a check constraint (the
database refuses anything else, even a raw save) and a template filter (a value that got in
before the constraint existed still never reaches an ``href``). Identifiers (Wikidata,
IMDb) are checked the same way by their own patterns.
"""

from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

SCHEMES = ("http", "https")

http_url_validator = URLValidator(
    schemes=list(SCHEMES), message=_("Enter a web address starting with http:// or https://.")
)


def http_only_q(field):
    """Empty, or starting with http:// or https:// (a scheme is case-insensitive)."""
    return (
        models.Q(**{field: ""})
        | models.Q(**{f"{field}__istartswith": "http://"})
        | models.Q(**{f"{field}__istartswith": "https://"})
    )


def http_only_constraint(field, name):
    return models.CheckConstraint(
        condition=http_only_q(field),
        name=name,
        violation_error_message=_("Enter a web address starting with http:// or https://."),
    )


def is_http_url(value):
    value = (value or "").strip()
    scheme, sep, _rest = value.partition("://")
    # No control characters or spaces a browser would skip to find another scheme.
    return bool(sep) and scheme.lower() in SCHEMES and value.isprintable() and " " not in value
