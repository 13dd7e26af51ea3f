"""Sitemap sections that list every language of a page, for each app to build on."""

from django.contrib.sitemaps import Sitemap


class I18nSitemap(Sitemap):
    i18n = True  # one <url> per language…
    alternates = True  # …each listing the others as hreflang alternates
    x_default = True


class PublishedSitemap(I18nSitemap):
    """Every published object of ``model`` that has a page."""

    model = None

    def items(self):
        return self.model.objects.published().order_by("slug")

    def lastmod(self, obj):
        return obj.updated_at
