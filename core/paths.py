"""Page addresses reversed once per process.

A page names dozens of addresses (each festival of a person's awards, the navigation, the
same page in the other languages), and ``reverse()`` works each one out again on every
request. An address depends only on the view, its arguments, the active language (the
URL patterns are translated and prefixed), the URLconf and the script prefix, all of which
are part of the key here; a changed slug is a new key, so nothing is ever stale.
"""

from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language


@lru_cache(maxsize=4096)
def _reverse(viewname, args, kwargs, language, urlconf, prefix):
    # Called with ``language`` active and ``urlconf`` in force, so the result is theirs.
    return reverse(viewname, args=args, kwargs=dict(kwargs))


def page_path(viewname, args=(), kwargs=None):
    """``reverse(viewname, args=args, kwargs=kwargs)`` in the active language, remembered.
    Arguments must be hashable (slugs, numbers)."""
    # Tests change ROOT_URLCONF itself; a request may bring its own URLconf.
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    return _reverse(
        viewname, tuple(args), tuple(sorted((kwargs or {}).items())), get_language(), urlconf, get_script_prefix()
    )
