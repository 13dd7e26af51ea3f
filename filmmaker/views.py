"""The pages that gather several apps: home, a person with their films and awards, a film
with its awards."""

from django.conf import settings
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext, pgettext
from django.views.generic import DetailView, ListView, TemplateView

from awards.models import Award
from awards.structured_data import honours
from core.phrases import join_and
from core.pictures import image_url, page_image
from core.related_rows import JSONRows, instances
from core.structured_data import StructuredDataMixin, entity_id, first_paragraph, item_list, text, web_page
from films.models import Credit, Film
from films.structured_data import movie_node, movie_reference
from films.views import credits_queryset, film_description
from people.models import BiographySection, Nationality, Occupation, Person
from people.structured_data import person_reference, profile_page

from .award_groups import group_by_film, group_credits_by_role, listed_awards, person_awards
from .filmography import PERSON_PAGE_CREDITS, filmography, films_of_credits, latest_credits
from .timeline import build_timeline

# How many awards and films the home page shows; the awards and films pages have them all.
LATEST_AWARDS = 5
HOME_FILMS = 12
# Films named on a person's card in the people index; their page has the whole filmography.
FILMS_PER_PERSON = 6


def person_queryset():
    """People with what their page shows but the credits (latest_credits()): the biography,
    occupations and nationalities come inside the person's row (core.related_rows)."""
    return Person.objects.published().annotate(
        biography=JSONRows(BiographySection, link="person"),
        occupation_rows=JSONRows(Occupation, link="person", through=Person.occupations.through),
        nationality_rows=JSONRows(Nationality, link="person", through=Person.nationalities.through),
    )


def biography(person):
    return instances(BiographySection, person.biography, key=lambda section: (section.order, section.slug))


def terms(model, rows):
    return instances(model, rows, key=lambda term: (term.position, term.slug))


def person_title(person, occupations):
    """The page title: the name and what the person does ("Kamal Hachkar, réalisateur et universitaire"),
    followed by the site's name unless it is the same name."""
    name = text(person, "name")
    occupations = join_and(text(occupation, "name") for occupation in occupations)
    title = name
    if occupations:
        title = pgettext("person page title", "%(name)s, %(occupations)s") % {"name": name, "occupations": occupations}
    site_name = str(settings.SITE_NAME)
    return title if name == site_name else f"{title} · {site_name}"


def films_of(rows, person, request):
    """The person's films as Movie references that name them, by ``@id``, as director or writer."""
    reference = {"@id": entity_id(request, person, "person")}
    nodes = []
    for row in rows:
        node = movie_reference(row["film"], request)
        slugs = {role.slug for role in row["roles"]}
        if "director" in slugs:
            node["director"] = reference
        if "writer" in slugs:
            node["author"] = reference
        nodes.append(node)
    return nodes


class PersonDetailView(StructuredDataMixin, DetailView):
    def get_queryset(self):
        return person_queryset()

    def get_context_data(self, **kwargs):
        person = self.object
        latest = latest_credits(person)
        # Back in career order.
        credits = latest[:PERSON_PAGE_CREDITS][::-1]
        rows = filmography(credits)
        # The awards of the films listed, and those given to the person alone; the film
        # pages and the awards page have the rest.
        films = [row["film"] for row in rows]
        listed, festival_rows = listed_awards(person, films)
        more_films = len(latest) > PERSON_PAGE_CREDITS
        return super().get_context_data(
            biography_sections=biography(person),
            occupations=terms(Occupation, person.occupation_rows),
            nationalities=terms(Nationality, person.nationality_rows),
            filmography=rows,
            award_groups=group_by_film(listed, films, festival_rows),
            more_films=more_films,
            timeline=build_timeline(rows, listed),
            **kwargs,
        )

    def get_structured_data(self, context):
        person = self.object
        profile = profile_page(
            person,
            self.request,
            occupations=context["occupations"],
            nationalities=context["nationalities"],
            image=image_url(person, "portrait", self.request),
            awards=honours(context["award_groups"].all_awards),
        )
        return [profile, *films_of(context["filmography"], person, self.request)]

    def get_page_meta(self, context):
        person = self.object
        return {
            "title": person_title(person, context["occupations"]),
            "type": "profile",
            "description": first_paragraph(text(person, "summary"), 300),
            **page_image(person, "portrait", self.request),
        }


class HomeView(StructuredDataMixin, TemplateView):
    """Who the filmmaker is, their films, the latest awards, and the ways into the site.

    The person page keeps the full profile; an empty site still answers.
    """

    template_name = "home.html"

    def get_person(self):
        # Occupations name the page: "Kamal Hachkar, réalisateur et universitaire".
        people = Person.objects.published().prefetch_related("occupations")
        return people.filter(slug=settings.FEATURED_PERSON_SLUG).first() or people.first()

    def get_context_data(self, **kwargs):
        person = self.person = self.get_person()
        films, latest = [], []
        if person is not None:
            films = list(
                Film.objects.published()
                .filter(pk__in=Credit.objects.published().filter(person=person).values("film"))
                .select_related("genre")[:HOME_FILMS]
            )
            latest = list(person_awards(person).filter(year__isnull=False)[:LATEST_AWARDS])
        return super().get_context_data(person=person, films=films, latest_awards=latest, **kwargs)

    def get_structured_data(self, context):
        person = self.person
        if person is None:
            return [web_page(self.request)]
        about = person_reference(person, self.request)
        films = [movie_reference(film, self.request) for film in context["films"]]
        return [web_page(self.request, name=settings.SITE_NAME, about=about, hasPart=films)]

    def get_page_meta(self, context):
        person = self.person
        if person is None:
            return {}
        return {
            "title": person_title(person, person.occupations.all()),
            "description": first_paragraph(text(person, "summary"), 300),
            **page_image(person, "portrait", self.request),
        }


class PersonListView(StructuredDataMixin, ListView):
    """Everyone with a public page, with their portrait or card, occupations and films."""

    paginate_by = 50
    template_name = "people/person_list.html"
    section_card = "people"
    section_label = _("People")

    def get_queryset(self):
        credits = (
            Credit.objects.published()
            .select_related("film", "role")
            .order_by("film__year", "film__slug", "order", "pk")
        )
        return (
            Person.objects.published()
            .order_by("name", "slug")
            .prefetch_related("occupations", Prefetch("credits", queryset=credits, to_attr="visible_credits"))
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["people"] = []
        for person in context["object_list"]:
            films = films_of_credits(person.visible_credits)
            context["people"].append({"person": person, "films": films[:FILMS_PER_PERSON], "more": len(films) > FILMS_PER_PERSON})
        return context

    def get_structured_data(self, context):
        people = [person_reference(p, self.request) for p in context["object_list"]]
        return [item_list(self.request, people, name=_("People"))]

    def get_page_meta(self, context):
        description = gettext("The people of the site: filmmakers and their collaborators, with their films.")
        return {**super().get_page_meta(context), "description": description}


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

    def get_context_data(self, **kwargs):
        film = self.object
        directors = []
        for credit in film.visible_credits:
            if credit.role.slug == "director" and credit.person not in directors:
                directors.append(credit.person)
        return super().get_context_data(
            credit_groups=group_credits_by_role(film.visible_credits),
            directors=directors,
            **kwargs,
        )

    def get_structured_data(self, context):
        film = self.object
        movie = movie_node(
            film,
            self.request,
            credits=film.visible_credits,
            awards=honours(film.visible_awards),
            image=image_url(film, "poster", self.request),
        )
        return [web_page(self.request, name=movie.get("name", ""), mainEntity=movie)]

    def get_page_meta(self, context):
        film = self.object
        return {
            "type": "video.movie",
            "description": film_description(film),
            **page_image(film, "poster", self.request),
        }
