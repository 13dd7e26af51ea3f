from django.db.models import Prefetch
from django.views.generic import DetailView, ListView

from django.utils.translation import gettext_lazy as _

from filmmaker.structured_data import StructuredDataMixin, first_paragraph, item_list, text, web_page

from .models import Credit, Film
from .structured_data import movie_node, movie_reference

# Films do not import the awards app; they reach awards through its reverse relation.
Award = Film.awards.field.model


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
            "description": first_paragraph(text(film, "synopsis"), 200),
            "image": self.request.build_absolute_uri(film.poster.url) if film.poster else "",
            "image_alt": text(film, "poster_alt"),
        }
