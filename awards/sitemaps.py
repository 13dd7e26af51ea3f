from core.sitemaps import PublishedSitemap

from .models import Festival


class FestivalSitemap(PublishedSitemap):
    model = Festival
