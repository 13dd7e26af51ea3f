"""The pages that gather several apps: home, a person with their films and awards, a film
with its awards."""

from django.conf import settings
from django.db.models import Prefetch, Q
from django.utils.translation import pgettext
from django.views.generic import DetailView, TemplateView

from awards.models import Award
from awards.structured_data import honours
from core.phrases import join_and
from core.structured_data import StructuredDataMixin, first_paragraph, text, web_page
from films.models import Credit, Film
from films.structured_data import movie_node
from films.views import credits_queryset, film_description
from people.models import Person
from people.structured_data import profile_page

from .timeline import build_timeline


def filmography(credits):
    """Group a person's credits into one row per film, in the credits' order."""
    rows = {}
    for credit in credits:
        row = rows.setdefault(credit.film_id, {"film": credit.film, "roles": [], "sources": []})
        row["roles"].append(credit.role)
        for source in [*credit.film.sources.all(), *credit.sources.all()]:
            if source not in row["sources"]:
                row["sources"].append(source)
    return list(rows.values())


def person_queryset():
    credits = (
        Credit.objects.published()
        .select_related("film__genre", "role")
        .prefetch_related("film__sources", "sources")
        .order_by("film__year", "film__slug", "order", "pk")
    )
    return Person.objects.published().prefetch_related(
        "occupations",
        "nationalities",
        "biography_sections",
        Prefetch("credits", queryset=credits, to_attr="visible_credits"),
    )


def person_awards(person):
    return (
        Award.objects.published()
        .filter(Q(person=person) | Q(film__in=Credit.objects.filter(person=person).values("film")))
        .select_related("festival", "film", "person")
        .in_reading_order()
    )


def person_title(person):
    """The page title: the name and what the person does ("Kamal Hachkar, réalisateur et universitaire"),
    followed by the site's name unless it is the same name."""
    name = text(person, "name")
    occupations = join_and(text(occupation, "name") for occupation in person.occupations.all())
    title = name
    if occupations:
        title = pgettext("person page title", "%(name)s, %(occupations)s") % {"name": name, "occupations": occupations}
    site_name = str(settings.SITE_NAME)
    return title if name == site_name else f"{title} · {site_name}"


class PersonDetailView(StructuredDataMixin, DetailView):
    def get_queryset(self):
        return person_queryset()

    def get_context_data(self, **kwargs):
        person = self.object
        awards = list(person_awards(person))
        rows = filmography(person.visible_credits)
        return super().get_context_data(
            filmography=rows,
            awards=awards,
            timeline=build_timeline(rows, awards),
            **kwargs,
        )

    def get_structured_data(self, context):
        return [profile_page(self.object, self.request)]

    def get_page_meta(self, context):
        person = self.object
        return {
            "title": person_title(person),
            "type": "profile",
            "description": first_paragraph(text(person, "summary"), 300),
            "image": self.request.build_absolute_uri(person.portrait.url) if person.portrait else "",
            "image_alt": text(person, "portrait_alt"),
        }


class HomeView(PersonDetailView):
    """The featured person and their work; an empty site still answers."""

    template_name = "home.html"

    def get_object(self, queryset=None):
        queryset = self.get_queryset()
        return queryset.filter(slug=settings.FEATURED_PERSON_SLUG).first() or queryset.first()

    def get_context_data(self, **kwargs):
        if self.object is None:
            context = TemplateView.get_context_data(self, **kwargs)
            context["structured_data"] = []
            return context
        return super().get_context_data(**kwargs)


class FilmDetailView(StructuredDataMixin, DetailView):
    def get_queryset(self):
        return (
            Film.objects.published()
            .select_related("genre")
            .prefetch_related(
                "sources",
                Prefetch("credits", queryset=credits_queryset(), to_attr="visible_credits"),
                Prefetch(
                    "awards",
                    queryset=Award.objects.published().select_related("festival").in_reading_order(),
                    to_attr="visible_awards",
                ),
            )
        )

    def get_structured_data(self, context):
        film = self.object
        movie = movie_node(film, self.request, credits=film.visible_credits, awards=honours(film.visible_awards))
        return [web_page(self.request, name=movie.get("name", ""), mainEntity=movie)]

    def get_page_meta(self, context):
        film = self.object
        return {
            "type": "video.movie",
            "description": film_description(film),
            "image": self.request.build_absolute_uri(film.poster.url) if film.poster else "",
            "image_alt": text(film, "poster_alt"),
        }
