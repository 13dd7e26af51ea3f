from django.conf import settings
from django.db.models import Prefetch
from django.views.generic import DetailView, ListView

from django.utils.translation import gettext, gettext_lazy as _

from core.phrases import fit_sentences, sentences

from filmmaker.structured_data import StructuredDataMixin, first_paragraph, item_list, text, web_page

from .credits import credits_sentence
from .models import Credit, Film
from .structured_data import movie_node, movie_reference

# Films do not import the awards app; they reach awards through its reverse relation.
Award = Film.awards.field.model


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
    paginate_by = 50

    def get_queryset(self):
        return (
            Film.objects.published()
            .select_related("genre")
            .prefetch_related(Prefetch("credits", queryset=credits_queryset(), to_attr="visible_credits"))
        )

    def get_structured_data(self, context):
        films = [movie_reference(film, self.request) for film in context["object_list"]]
        return [item_list(self.request, films, name=_("Films"))]

    def get_page_meta(self, context):
        return {"description": gettext("Films by %(name)s, with their credits and awards.") % {"name": settings.SITE_NAME}}


class FilmDetailView(StructuredDataMixin, DetailView):
    def get_queryset(self):
        return (
            Film.objects.published()
            .select_related("genre")
            .prefetch_related(
                "sources",
                Prefetch("credits", queryset=credits_queryset().prefetch_related("sources"), to_attr="visible_credits"),
                Prefetch(
                    "awards",
                    queryset=Award.objects.published().select_related("festival"),
                    to_attr="visible_awards",
                ),
            )
        )

    def get_structured_data(self, context):
        movie = movie_node(self.object, self.request)
        return [web_page(self.request, name=movie.get("name", ""), mainEntity=movie)]

    def get_page_meta(self, context):
        film = self.object
        return {
            "type": "video.movie",
            "description": film_description(film),
            "image": self.request.build_absolute_uri(film.poster.url) if film.poster else "",
            "image_alt": text(film, "poster_alt"),
        }
