from core.sitemaps import PublishedSitemap

from .models import Film


class FilmSitemap(PublishedSitemap):
    model = Film
