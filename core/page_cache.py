"""Whole-page cache for anonymous visitors, shared by every worker and every server.

A page is stored under its host and full path (the language is in the path) in the
default cache, which is Redis or a file cache (never per-process memory). Correctness
comes from a *generation*: a token kept in the same cache and replaced whenever content
changes. A stored page remembers the generation it was built under and is served only
while that generation is current, so one content save makes every page, in every
language, fresh at once on every server.

The generation is replaced after the transaction that changed the content commits
(``post_save``, ``post_delete`` and ``m2m_changed`` of any model outside
``PAGE_CACHE_IGNORED_APPS``): saves, deletes, history reverts and recoveries and fixture
loads all save models. This module imports no content app: it only listens to signals.

A scheduled item (``published_at`` in the future) appears without any save, so a page
is never kept past the next scheduled publication time.

Pages are stored only when nothing makes them personal: a GET without a session cookie,
a 200 that sets no cookie, is not marked private or uncacheable, is not the admin, and
carries no CSP nonce (a replayed nonce would be worthless). Any cache failure means the
page is built as if there were no cache.
"""

import hashlib
import logging
import time
import uuid
from datetime import datetime, timezone as dt_timezone

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models import Min
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
SCHEDULE_KEY = "pagecache:next-publication:{}"
# Query parameters that name a different page; any other query string is not cached
# (search results, tracking parameters: unbounded and rarely repeated).
CACHED_PARAMETERS = {"page"}
IGNORED_APPS = {"admin", "auth", "contenttypes", "sessions", "axes", "reversion", "editorial", "messages"}
CONTENT_TYPES = ("text/html", "application/xml", "text/plain")
HEADERS_NOT_STORED = {"set-cookie", "date"}


def page_cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def enabled():
    return getattr(settings, "PAGE_CACHE", False)


def ignored_apps():
    return set(getattr(settings, "PAGE_CACHE_IGNORED_APPS", IGNORED_APPS))


# --- the generation -------------------------------------------------------------------


def current_generation(cache=None):
    """The current generation token, creating one if the cache has none."""
    cache = cache or page_cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def bump_generation():
    """Make every cached page stale, in every process that shares the cache."""
    try:
        page_cache().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    except Exception:  # A cache that cannot be written cannot serve stale pages either.
        logger.exception("Could not renew the page cache generation")


def content_changed(sender, using=None, **kwargs):
    """Signal receiver: renew the generation once the change is committed.

    Renewing before the commit would let another worker rebuild the page from the old
    rows under the new generation. (``on_commit`` runs at once outside a transaction.)
    """
    if sender._meta.app_label in ignored_apps():
        return
    transaction.on_commit(bump_generation, using=using)


def connect_signals():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(content_changed, dispatch_uid=f"page-cache-{signal!r}")


# --- scheduled publication ------------------------------------------------------------


def schedule_field():
    return getattr(settings, "PAGE_CACHE_SCHEDULE_FIELD", "published_at")


def next_publication():
    """The earliest future publication time of any model with a schedule field, or None."""
    field = schedule_field()
    now = timezone.now()
    upcoming = []
    for model in apps.get_models():
        if model._meta.app_label in ignored_apps():
            continue
        names = {f.name for f in model._meta.concrete_fields}
        if field not in names:
            continue
        found = model._base_manager.filter(**{f"{field}__gt": now}).aggregate(first=Min(field))["first"]
        if found is not None:
            upcoming.append(found)
    return min(upcoming) if upcoming else None


def expiry_for(generation, cache, now):
    """Until when a page built now may be served: the default lifetime, or earlier when
    a scheduled item goes public first. The answer is computed once per generation."""
    lifetime = getattr(settings, "PAGE_CACHE_SECONDS", 600)
    key = SCHEDULE_KEY.format(generation)
    scheduled = cache.get(key)
    if scheduled is None or (scheduled and scheduled <= now):
        upcoming = next_publication()
        scheduled = upcoming.timestamp() if upcoming else 0
        # Remember it until it passes (then it is looked up again) or for the lifetime.
        remember = min(lifetime, scheduled - now) if scheduled else lifetime
        cache.set(key, scheduled, timeout=max(1, int(remember)))
    expires = now + lifetime
    if scheduled:
        expires = min(expires, scheduled)
    return expires


# --- site-wide facts -------------------------------------------------------------------

MEMO_KEY = "pagecache:memo:{}:{}"
_MISSING = object()


def remember(name, compute):
    """``compute()``'s value, worked out once per generation and shared like the pages.

    For facts every page shows but none of its queries reads, such as whether the
    navigation links the people index: a content change, or a scheduled item going public,
    makes it be worked out again. Without a working cache it is computed every time.
    """
    try:
        cache = page_cache()
        now = time.time()
        generation = current_generation(cache)
        key = MEMO_KEY.format(name, generation)
        value = cache.get(key, _MISSING)
    except Exception:
        logger.exception("Page cache unavailable; working out %s again", name)
        return compute()
    if value is _MISSING:
        value = compute()
        try:
            cache.set(key, value, timeout=max(1, int(expiry_for(generation, cache, now) - now)))
        except Exception:
            logger.exception("Could not remember %s", name)
    return value


# --- the middleware -------------------------------------------------------------------


def cacheable_request(request):
    if request.method != "GET" or not enabled():
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
        return False
    return set(request.GET) <= CACHED_PARAMETERS and all(v.isdigit() for v in request.GET.values())


def page_key(request):
    """One entry per address and per encoding: pages are stored as sent, gzipped or not."""
    gzipped = "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(f"{address} {'gzip' if gzipped else 'identity'}".encode()).hexdigest()
    return f"pagecache:page:{digest}"


def is_public_response(request, response):
    """Nothing in the response belongs to one visitor, to an editor or to one request."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if not response.get("Content-Type", "").startswith(CONTENT_TYPES):
        return False
    cache_control = response.get("Cache-Control", "")
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    match = request.resolver_match
    if match is None or "admin" in match.app_names:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    if "'nonce-" in response.get("Content-Security-Policy", ""):
        logger.warning("Not caching %s: its Content-Security-Policy carries a nonce", request.path)
        return False
    return True


def add_validators(response, last_modified):
    """ETag and Last-Modified, so a browser revalidates with a 304 instead of a download."""
    if not response.has_header("ETag"):
        response["ETag"] = f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
    if not response.has_header("Last-Modified"):
        response["Last-Modified"] = http_date(last_modified)
    # Browsers keep the copy but ask again every time, so a change shows at once.
    patch_cache_control(response, max_age=0, must_revalidate=True)


def conditional(request, response):
    last_modified = datetime.strptime(response["Last-Modified"], "%a, %d %b %Y %H:%M:%S GMT")
    last_modified = int(last_modified.replace(tzinfo=dt_timezone.utc).timestamp())
    return get_conditional_response(request, etag=response["ETag"], last_modified=last_modified, response=response)


class PageCacheMiddleware:
    """Serve and store whole pages for anonymous visitors; answer revalidations with 304."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            response = self.get_response(request)
            if request.method in ("GET", "HEAD") and is_public_response(request, response):
                add_validators(response, time.time())
                return conditional(request, response)
            return response

        key = page_key(request)
        cache = page_cache()
        now = time.time()
        generation = None
        try:
            found = cache.get_many([GENERATION_KEY, key])
            generation = found.get(GENERATION_KEY)
            entry = found.get(key)
            if generation is not None and entry and entry["generation"] == generation and entry["expires"] > now:
                response = self.rebuild(entry)
                response["X-Page-Cache"] = "hit"
                return conditional(request, response)
            if generation is None:
                generation = current_generation(cache)
        except Exception:
            logger.exception("Page cache unavailable; serving %s uncached", request.path)
            generation = None

        response = self.get_response(request)
        if not is_public_response(request, response):
            return response
        add_validators(response, now)
        if generation is not None:
            self.store(cache, key, generation, response, now)
        return conditional(request, response)

    @staticmethod
    def rebuild(entry):
        response = HttpResponse(entry["content"], status=entry["status"])
        for name, value in entry["headers"]:
            response[name] = value
        return response

    @staticmethod
    def store(cache, key, generation, response, now):
        try:
            expires = expiry_for(generation, cache, now)
            if expires <= now:
                return
            entry = {
                "generation": generation,
                "expires": expires,
                "status": response.status_code,
                "content": response.content,
                "headers": [(k, v) for k, v in response.items() if k.lower() not in HEADERS_NOT_STORED],
            }
            cache.set(key, entry, timeout=max(1, int(expires - now)))
            response["X-Page-Cache"] = "miss"
        except Exception:
            logger.exception("Could not store %s in the page cache", key)
