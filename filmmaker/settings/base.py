"""The site's own settings: apps, languages, content, uploads, sign-in. Everything that
differs between machines comes from the environment (see the package's docstring)."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parents[2]


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
    # The admin with the editors' site (app order, editors' home): editorial.sites.
    "editorial.sites.EditorialAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_countries",
    "imagekit",
    "reversion",
    # django-axes under a translated name: filmmaker.signin_log.
    "filmmaker.signin_log.SignInLogConfig",
    # The read-only API (filmmaker/api.py); listed so its documentation uses its own static files.
    "ninja",
    # The project's apps, top layer first; imports point down only (see pyproject.toml).
    "filmmaker",
    "awards",
    "films",
    "people",
    "editorial",
    "core",
]
# The apps whose models editors edit: the Editor group gets every permission on them.
EDITOR_APPS = ["awards", "films", "people", "editorial", "core"]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "filmmaker.middleware.StaffSessionTimeoutMiddleware",
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
# Argon2id (argon2-cffi) for new and changed passwords; older hashes still verify, and are
# upgraded at the next sign-in.
PASSWORD_HASHERS = [
    "filmmaker.hashers.Argon2idPasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
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
# Memory one decoded copy may take (width × height × bytes per pixel × frames), and frames:
# with the copies cleaning makes, an upload stays under about 200 MB of worker memory.
IMAGE_MAX_DECODED_BYTES = int(os.environ.get("IMAGE_MAX_DECODED_BYTES", 64 * 1024 * 1024))
IMAGE_MAX_FRAMES = int(os.environ.get("IMAGE_MAX_FRAMES", 100))
# Renditions are made when the image is saved (or by `manage.py generateimages`), never
# while a visitor waits; pages do not check the files exist on every view.
IMAGEKIT_DEFAULT_CACHEFILE_STRATEGY = "core.image_files.RenditionsOnSave"
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

# Admin sign-in throttling: failures are counted per account, whatever addresses they come
# from (a guesser rotating addresses gets no more tries), so another account still signs in.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", 20))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", 1))
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_HTTP_RESPONSE_CODE = 429
# The client's address, as sign-in records show it: X-Forwarded-For is believed only when the
# request comes from one of these proxies (addresses or networks), so it cannot be spoofed
# by a visitor talking to the site directly.
TRUSTED_PROXIES = [p.strip() for p in os.environ.get("DJANGO_TRUSTED_PROXIES", "").split(",") if p.strip()]
AXES_CLIENT_IP_CALLABLE = "filmmaker.client_ip.client_ip"
# axes warns that without the address in the lockout parameters an attacker could rotate
# user agents or cookies: failures here are counted per account, whatever they rotate.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_RESET_ON_SUCCESS = True

# The site's name is interface text: translated like any other (Arabic script in Arabic).
SITE_NAME = os.environ.get("SITE_NAME") or _("Kamal Hachkar")
FEATURED_PERSON_SLUG = os.environ.get("FEATURED_PERSON_SLUG", "kamal-hachkar")

SESSION_COOKIE_HTTPONLY = True
# Staff sessions end after this many idle seconds (each request starts the count again).
STAFF_SESSION_IDLE_SECONDS = int(os.environ.get("STAFF_SESSION_IDLE_SECONDS", 30 * 60))
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
FORMAT_MODULE_PATH = ["core.formats"]
# The development server and the demo serve uploaded media themselves; production
# puts a web server in front and sets DJANGO_SERVE_MEDIA=0.
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", True)

# French typography (’, « », no-break spaces before : ; ? !) on French text of public pages.
# After CommonMiddleware in the list, so it runs before the response's length is computed.
MIDDLEWARE.insert(MIDDLEWARE.index("django.middleware.common.CommonMiddleware") + 1, "core.typography.FrenchTypographyMiddleware")

# Country names as the site's readers write them ("États-Unis", not "États-Unis d'Amérique").
COUNTRIES_OVERRIDE = {"US": _("United States")}

# Draw title cards (core.title_cards) when people, films and festivals are saved and when
# the content is loaded. `manage.py title_cards` draws any that are missing.
TITLE_CARDS = env_bool("TITLE_CARDS", True)

# The admin index: the content first, in the order editors work on it, then users and
# permissions and the sign-in log (editorial.sites.EditorialAdminSite).
ADMIN_APP_ORDER = ["people", "films", "awards", "core", "editorial", "auth", "axes"]

# Press kits (filmmaker/presskit.py): PDFs per person and language under MEDIA_ROOT/presskit/,
# rebuilt after each content change in a background thread ("thread"), at once ("sync") or
# only by `manage.py build_press_kits` ("off"). The site's public address is printed in them.
PRESS_KIT_BUILD = os.environ.get("PRESS_KIT_BUILD", "thread")
PRESS_KIT_SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
# A press contact (name, e-mail or telephone) printed under Contacts; empty prints none.
PRESS_KIT_CONTACT = os.environ.get("PRESS_KIT_CONTACT", "")
