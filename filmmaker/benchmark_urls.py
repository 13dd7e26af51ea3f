"""The site's URLs plus a bare view, for `manage.py benchmark_production` only
(DJANGO_BENCHMARK_URLS=1): the bare view goes through the same server, settings and
middleware as the pages, so the ratio page / bare measures the page's own cost."""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.cache import cache_control

from .urls import handler500, urlpatterns as site_urlpatterns  # noqa: F401  (handler500 is looked up here)


@cache_control(no_store=True)
def bare(request):
    return HttpResponse("Hello, world.")


urlpatterns = [path("bench/bare/", bare), *site_urlpatterns]
