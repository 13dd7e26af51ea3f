"""Serving in production: static files, the shared cache and page cache, persistent database
connections, security headers and object storage. Read after base.py, whose values it
completes."""

import os

from django.utils.csp import CSP

from .base import *  # noqa: F403
from .base import BASE_DIR, DATABASES, DEBUG, MIDDLEWARE, SECURE_CSP, SILENCED_SYSTEM_CHECKS, STORAGES, env_bool

# --- Production serving, caching and health (README: "Serving in production") -------
# DJANGO_PRODUCTION=1 (set by filmmaker/gunicorn.conf.py, implied by DJANGO_SECURE=1)
# serves only collected, hashed and compressed static files, and stops Django serving
# uploaded media unless DJANGO_SERVE_MEDIA=1 says so on purpose.
PRODUCTION = env_bool("DJANGO_PRODUCTION", env_bool("DJANGO_SECURE", False))
if PRODUCTION:
    if not env_bool("DJANGO_PLAIN_STATIC", False):
        STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
    WHITENOISE_USE_FINDERS = False
    SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", False)
# Hashed file names never change content: browsers may keep them for good (WhiteNoise
# marks them immutable); other static files are revalidated after an hour.
WHITENOISE_MAX_AGE = 0 if DEBUG else 3600
from core.static_headers import add_security_headers  # noqa: E402  (WhiteNoise wants the function)

WHITENOISE_ADD_HEADERS_FUNCTION = add_security_headers

# One cache shared by every worker and every server: Redis when REDIS_URL is set,
# otherwise, in production, files on this machine (never per-process memory, which
# gunicorn's workers would not share). Development and tests keep Django's default
# in-process cache: one process, and no state left over between runs.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's Redis backend; a Redis that does not answer means misses, not errors.
            "BACKEND": "core.cache.TolerantRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("DJANGO_CACHE_PREFIX", "filmmaker"),
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
elif PRODUCTION or os.environ.get("DJANGO_CACHE_DIR"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("DJANGO_CACHE_DIR", str(BASE_DIR / ".cache" / "django")),
            "OPTIONS": {"MAX_ENTRIES": 10000},
        }
    }

# Whole pages for anonymous visitors (core.page_cache), on by default in production;
# DJANGO_PAGE_CACHE=0 turns it off (benchmarks, debugging), =1 on elsewhere.
PAGE_CACHE = env_bool("DJANGO_PAGE_CACHE", PRODUCTION)
PAGE_CACHE_SECONDS = int(os.environ.get("DJANGO_PAGE_CACHE_SECONDS", 600))
# Outermost first: the page cache, so a cached page skips sessions, locale, CSRF and the
# view, but still gets the security headers above it; then gzip (public pages only), so
# the cache keeps pages already compressed and a hit costs no compression.
MIDDLEWARE[MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1 : 0] = [
    "core.page_cache.PageCacheMiddleware",
    "core.compression.PublicGZipMiddleware",
]

# Persistent connections, checked before reuse, so a restarted PostgreSQL heals by itself.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", 600))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # An unreachable server fails fast (then /healthz and the 503 page) instead of hanging.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 3)

# Security headers: nothing may frame the site (the admin opens related objects in
# popup windows, not frames), so X-Frame-Options and CSP frame-ancestors agree.
X_FRAME_OPTIONS = "DENY"
SECURE_CSP["frame-ancestors"] = [CSP.NONE]
SECURE_CSP["base-uri"] = [CSP.NONE]
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Behind a proxy on another host that terminates TLS, e.g. "HTTP_X_FORWARDED_PROTO,https".
if os.environ.get("DJANGO_SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = tuple(os.environ["DJANGO_SECURE_PROXY_SSL_HEADER"].split(",", 1))
if env_bool("DJANGO_SECURE", False):
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", 31536000))
    # Subdomains and the browsers' preload list are commitments for the whole domain: the
    # operator turns them on. Left off, Django's reminders about them are a decision taken.
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", False)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", False)
    SILENCED_SYSTEM_CHECKS = [
        *SILENCED_SYSTEM_CHECKS,
        *([] if SECURE_HSTS_INCLUDE_SUBDOMAINS else ["security.W005"]),
        *([] if SECURE_HSTS_PRELOAD else ["security.W021"]),
    ]

# `manage.py benchmark_production` adds a bare view beside the pages (filmmaker/benchmark_urls.py).
if env_bool("DJANGO_BENCHMARK_URLS", False):
    ROOT_URLCONF = "filmmaker.benchmark_urls"

# Uploaded media on S3-compatible object storage (django-storages) instead of MEDIA_ROOT,
# for several app servers: DJANGO_MEDIA_STORAGE=s3 with the bucket below; credentials
# come from boto3's usual sources (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a role).
if os.environ.get("DJANGO_MEDIA_STORAGE", "filesystem") == "s3":
    S3_OPTIONS = {
        "bucket_name": os.environ["DJANGO_S3_BUCKET"],
        "endpoint_url": os.environ.get("DJANGO_S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("DJANGO_S3_REGION") or None,
        "custom_domain": os.environ.get("DJANGO_S3_CUSTOM_DOMAIN") or None,
        # Public media (portraits, posters) get plain URLs that a cached page can keep.
        "querystring_auth": env_bool("DJANGO_S3_SIGNED_URLS", False),
        "default_acl": None,
        "file_overwrite": False,
    }
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": S3_OPTIONS}
    SERVE_MEDIA = False
    # Images now come from the bucket's (or its CDN's) origin.
    from urllib.parse import urlsplit  # noqa: E402

    _media_origin = (
        f"https://{S3_OPTIONS['custom_domain']}" if S3_OPTIONS["custom_domain"] else S3_OPTIONS["endpoint_url"] or "https://*.amazonaws.com"
    )
    _parts = urlsplit(_media_origin)
    SECURE_CSP["img-src"] = [*SECURE_CSP["img-src"], f"{_parts.scheme}://{_parts.netloc}"]
