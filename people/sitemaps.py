from core.sitemaps import PublishedSitemap

from .models import Person


class PersonSitemap(PublishedSitemap):
    model = Person
