"""Health check for load balancers and a clean 503 when the database is away.

``/healthz`` asks the database and the cache for a trivial answer and reports each in a
small JSON body: 200 when both answer, 503 when one does not; never a traceback.

``server_error`` is the project's 500 handler: when the error is the database being
unreachable (PostgreSQL restarting, a network cut), visitors get a translated "come back
in a moment" page with a 503 and a Retry-After, which load balancers and crawlers
understand as temporary; any other error keeps the ordinary 500 page.
"""

import logging
import sys
import uuid

from django.core.cache import caches
from django.db import DatabaseError, connections
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.defaults import server_error as django_server_error

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
PLAIN_503 = (
    '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Service indisponible</title></head>'
    "<body><h1>Service momentanément indisponible</h1>"
    '<p lang="en" dir="ltr">Service temporarily unavailable. Please try again in a moment.</p>'
    '<p lang="ar" dir="rtl">الخدمة غير متاحة مؤقتًا. يرجى المحاولة بعد قليل.</p></body></html>'
)


def check_database(alias="default"):
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return True
    except Exception as error:  # Any failure to answer is "down", whatever the driver raises.
        logger.warning("Health check: database %s did not answer: %s", alias, error)
        return False


def check_cache(alias="default"):
    cache = caches[alias]
    key, value = "healthz:probe", uuid.uuid4().hex
    try:
        cache.set(key, value, timeout=30)
        return cache.get(key) == value
    except Exception as error:
        logger.warning("Health check: cache %s did not answer: %s", alias, error)
        return False


@never_cache
def healthz(request):
    checks = {"database": check_database(), "cache": check_cache()}
    healthy = all(checks.values())
    body = {"status": "ok" if healthy else "unavailable", **{k: "ok" if v else "down" for k, v in checks.items()}}
    return JsonResponse(body, status=200 if healthy else 503)


def database_unavailable(request):
    """The translated 503 page; a plain three-language one if even that cannot be made."""
    try:
        content = loader.render_to_string("503.html", request=request)
    except Exception:
        logger.exception("Could not render the 503 page")
        content = PLAIN_503
    response = HttpResponse(content, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request, template_name="500.html"):
    error = sys.exc_info()[1]
    if isinstance(error, DatabaseError) and not connections_usable():
        return database_unavailable(request)
    return django_server_error(request, template_name)


def connections_usable():
    """False when the default database cannot be reached at all (as opposed to a bad query)."""
    connection = connections["default"]
    try:
        connection.close_if_unusable_or_obsolete()
    except Exception:
        pass
    return check_database()
