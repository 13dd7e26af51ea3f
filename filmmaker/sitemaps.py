"""sitemap.xml: every published page, with its French, Arabic and English addresses.

Each app lists its own objects; the site adds its list pages.
"""

from django.urls import reverse

from awards.sitemaps import FestivalSitemap
from core.sitemaps import I18nSitemap
from films.sitemaps import FilmSitemap
from people.sitemaps import PersonSitemap


class StaticSitemap(I18nSitemap):
    changefreq = "monthly"

    def items(self):
        return ["home", "people:list", "films:list", "awards:festival_list", "awards:list"]

    def location(self, item):
        return reverse(item)


SITEMAPS = {
    "pages": StaticSitemap,
    "people": PersonSitemap,
    "films": FilmSitemap,
    "festivals": FestivalSitemap,
}
