"""sitemap.xml: every published page, with its French, Arabic and English addresses."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from awards.models import Festival
from films.models import Film

from .models import Person


class I18nSitemap(Sitemap):
    i18n = True  # one <url> per language…
    alternates = True  # …each listing the others as hreflang alternates
    x_default = True


class StaticSitemap(I18nSitemap):
    changefreq = "monthly"

    def items(self):
        return ["home", "films:list", "awards:festival_list", "awards:list"]

    def location(self, item):
        return reverse(item)


class PublishedSitemap(I18nSitemap):
    model = None

    def items(self):
        return self.model.objects.published().order_by("slug")

    def lastmod(self, obj):
        return obj.updated_at


class PersonSitemap(PublishedSitemap):
    model = Person


class FilmSitemap(PublishedSitemap):
    model = Film


class FestivalSitemap(PublishedSitemap):
    model = Festival


SITEMAPS = {
    "pages": StaticSitemap,
    "people": PersonSitemap,
    "films": FilmSitemap,
    "festivals": FestivalSitemap,
}
