"""Settings for the Filmmaker site.

Everything that differs between a laptop, CI and production comes from the
environment; the defaults give a working development site on SQLite.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DJANGO_DEBUG", False)
# A development key keeps `make run` and the tests free of set-up; a production deployment
# (DJANGO_SECURE=1) refuses to start without a real one.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if env_bool("DJANGO_SECURE", False):
        raise ImproperlyConfigured("Set DJANGO_SECRET_KEY: DJANGO_SECURE=1 needs a real secret key.")
    SECRET_KEY = "insecure-development-key-only"
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it must come before it.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_countries",
    "imagekit",
    "reversion",
    "axes",
    "filmmaker",
    "films",
    "awards",
    "editorial",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # axes must be last: it turns a locked-out login into its own response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "filmmaker.urls"
WSGI_APPLICATION = "filmmaker.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "filmmaker.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: French is the default; Arabic is written right to left.
LANGUAGE_CODE = "fr"
LANGUAGES = [
    ("fr", _("French")),
    ("ar", _("Arabic")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "Europe/Paris")
USE_I18N = True
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "fr"
MODELTRANSLATION_LANGUAGES = ("fr", "ar", "en")
# A visitor reading a page whose text is missing in their language gets another
# language's text; templates mark it with its real language (see i18n_fields).
MODELTRANSLATION_FALLBACK_LANGUAGES = {
    "default": ("fr", "en", "ar"),
    "ar": ("fr", "en"),
    "en": ("fr", "ar"),
    "fr": ("en", "ar"),
}
# The tabbed admin must work offline and under a strict CSP: serve jQuery UI from here.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"
# modeltranslation.admin reads the URL through Django's static() helper.

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or env_bool("DJANGO_PLAIN_STATIC", True)
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = True

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# Uploads: limits an editor meets as a form error, not a server error.
IMAGE_MAX_UPLOAD_BYTES = int(os.environ.get("IMAGE_MAX_UPLOAD_BYTES", 8 * 1024 * 1024))
IMAGE_MAX_PIXELS = int(os.environ.get("IMAGE_MAX_PIXELS", 40_000_000))
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024

# Content Security Policy: no inline script or style, nothing from other hosts.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
    "form-action": [CSP.SELF],
}

# Admin sign-in throttling.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", 0.25))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_RESET_ON_SUCCESS = True

# The site's name is interface text: translated like any other (Arabic script in Arabic).
SITE_NAME = os.environ.get("SITE_NAME") or _("Kamal Hachkar")
FEATURED_PERSON_SLUG = os.environ.get("FEATURED_PERSON_SLUG", "kamal-hachkar")

SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
if env_bool("DJANGO_SECURE", False):
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 31536000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
FORMAT_MODULE_PATH = ["filmmaker.formats"]
# The development server and the demo serve uploaded media themselves; production
# puts a web server in front and sets DJANGO_SERVE_MEDIA=0.
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", True)

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
