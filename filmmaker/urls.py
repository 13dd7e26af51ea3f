from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.templatetags.static import static
from django.utils.functional import lazy
from django.views.generic import RedirectView
from django.views.static import serve

from core.health import healthz
from films.views import FilmListView

from . import views
from .api import api
from .api_data import conditional
from .feeds import ChangesFeed
from .robots import robots_txt
from .search import SearchView
from .sitemaps import SITEMAPS

# The person and film pages gather several apps, so the site composes their namespaces.
person_patterns = (
    [
        path("", views.PersonListView.as_view(), name="list"),
        path("<slug:slug>/", views.PersonDetailView.as_view(), name="detail"),
    ],
    "people",
)
film_patterns = (
    [
        path("", FilmListView.as_view(), name="list"),
        path("<slug:slug>/", views.FilmDetailView.as_view(), name="detail"),
    ],
    "films",
)

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    # Browsers ask for /favicon.ico on pages that name no icon (a file, an error page).
    # For load balancers and monitoring: 200 or 503 with a small JSON body.
    path("healthz", healthz, name="healthz"),
    # Lazily: the hashed name is known only once static files are collected.
    path("favicon.ico", RedirectView.as_view(url=lazy(static, str)("favicon.svg"), permanent=True)),
]

urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("people/", include(person_patterns)),
    path("films/", include(film_patterns)),
    path("", include("awards.urls")),
    path("search/", SearchView.as_view(), name="search"),
    path("admin/", admin.site.urls),
    # The read-only JSON API, its OpenAPI schema and its documentation, in each language.
    path("api/", api.urls),
    # New and changed films and awards, as Atom, linked from every page's head.
    path("feed/", conditional(ChangesFeed()), name="feed"),
)

if settings.DEBUG or settings.SERVE_MEDIA:
    urlpatterns += [path(f"{settings.MEDIA_URL.lstrip('/')}<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]

# A database that cannot be reached answers a translated 503 instead of a 500.
handler500 = "core.health.server_error"
