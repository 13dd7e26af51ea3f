from django.conf import settings
from django.db.models import Prefetch
from django.utils.translation import gettext, gettext_lazy as _
from django.views.generic import ListView

from core.pagination import KeyPaginator
from core.phrases import fit_sentences, sentences

from core.structured_data import StructuredDataMixin, first_paragraph, item_list, text

from .credits import credits_sentence
from .models import Credit, Film
from .structured_data import movie_reference


def film_description(film, limit=300):
    """A description that names the film: "Title (2019), documentary.", then the synopsis's first
    whole sentences, or the credits when there is no synopsis."""
    values = {"title": text(film, "title"), "year": film.year}
    if film.genre:
        values["genre"] = text(film.genre, "name")
        intro = gettext("%(title)s (%(year)s), %(genre)s film.") % values
    else:
        intro = gettext("%(title)s (%(year)s).") % values
    synopsis = sentences(first_paragraph(text(film, "synopsis"), limit))
    extra = synopsis or sentences(credits_sentence(getattr(film, "visible_credits", [])))
    return fit_sentences([intro, *extra], limit) or first_paragraph(intro, limit)


def credits_queryset():
    return Credit.objects.published().select_related("person", "role").order_by("order", "pk")


class FilmListView(StructuredDataMixin, ListView):
    # The grid has one to three columns: 24 cards leave no row half empty.
    paginate_by = 24
    paginator_class = KeyPaginator
    section_card = "films"
    section_label = _("Films")

    def get_queryset(self):
        return (
            Film.objects.published()
            .select_related("genre")
            .prefetch_related(Prefetch("credits", queryset=credits_queryset(), to_attr="visible_credits"))
        )

    def get_structured_data(self, context):
        films = [movie_reference(film, self.request) for film in context["object_list"]]
        return [item_list(self.request, films, name=_("Films"), start=context["page_obj"].start_index())]

    def get_page_meta(self, context):
        return {**super().get_page_meta(context), "description": gettext("Films by %(name)s, with their credits and awards.") % {"name": settings.SITE_NAME}}

