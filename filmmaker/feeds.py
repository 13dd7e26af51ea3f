"""An Atom feed per language of new and changed films and awards (``/fr/feed/``…).

Entries are ordered by their last change; an entry's ``updated`` is that change and its
``published`` the item's creation. The feed says its language in ``xml:lang``; an entry whose
text falls back to another language says that language on the entry, as the pages do.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language, gettext

from awards.models import Award
from core.structured_data import first_paragraph
from core.templatetags.i18n_fields import resolve
from films.models import Film

MAX_ENTRIES = 50


class LanguageAtomFeed(Atom1Feed):
    """Atom with ``xml:lang`` on entries written in another language than the feed's."""

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("lang") and item["lang"] != self.feed.get("language"):
            attributes["xml:lang"] = item["lang"]
        return attributes


class ChangesFeed(Feed):
    feed_type = LanguageAtomFeed

    def title(self):
        return gettext("%(site)s: new and changed films and awards") % {"site": settings.SITE_NAME}

    def subtitle(self):
        return gettext("The films and awards of the site, latest changes first.")

    def link(self):
        return reverse("home")

    def feed_url(self):
        return reverse("feed")

    def author_name(self):
        return str(settings.SITE_NAME)

    def items(self):
        films = Film.objects.published().order_by("-updated_at", "slug")[:MAX_ENTRIES]
        awards = Award.objects.published().select_related("festival", "film").order_by("-updated_at", "slug")[:MAX_ENTRIES]
        entries = sorted([*films, *awards], key=lambda item: item.updated_at, reverse=True)
        return entries[:MAX_ENTRIES]

    def entry_text(self, item):
        """(title, summary, language): the summary is left out if it is in another language
        than the title, since one entry carries one language."""
        if isinstance(item, Film):
            title, code = resolve(item, "title")
            title = f"{title} ({item.year})"
            summary, summary_code = resolve(item, "synopsis")
            summary = first_paragraph(summary, 400)
        else:
            category, code = resolve(item, "category")
            festival, _festival_code = resolve(item.festival, "name")
            label = category or str(item.get_outcome_display())
            if not category:
                code = get_language()
            title = " — ".join(part for part in [label, festival, str(item.year or "")] if part)
            summary_code = code
            summary = str(item.get_outcome_display())
            if item.film_id:
                film_title, summary_code = resolve(item.film, "title")
                summary = gettext("%(outcome)s: %(film)s") % {"outcome": summary, "film": film_title}
        return title, summary if summary_code == code else "", code

    def item_title(self, item):
        return self.entry_text(item)[0]

    def item_description(self, item):
        return self.entry_text(item)[1]

    def item_link(self, item):
        return item.get_absolute_url()

    def item_guid(self, item):
        # Permanent per object and language, whatever its slug or page becomes.
        host = self.request.get_host().split(":")[0]
        return f"tag:{host},2026:{get_language()}/{item._meta.label_lower}/{item.pk}"

    def item_guid_is_permalink(self, item):
        return False

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [str(item._meta.verbose_name)]

    def item_extra_kwargs(self, item):
        return {"lang": self.entry_text(item)[2]}

    def get_feed(self, obj, request):
        self.request = request
        return super().get_feed(obj, request)
