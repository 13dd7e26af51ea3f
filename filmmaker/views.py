from django.conf import settings
from django.db.models import Prefetch, Q
from django.views.generic import DetailView, TemplateView

from .models import Person
from .structured_data import StructuredDataMixin, first_paragraph, profile_page, text
from .timeline import build_timeline

# The person app does not import films or awards: it reaches them through the
# reverse relations those apps declare.
Credit = Person.credits.field.model
Award = Person.awards.field.model


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


# A prolific person's page stays the size of anyone's: the most recent credits and awards
# (one more is fetched to know that there are more), with a note saying so.
PERSON_PAGE_CREDITS = 12
PERSON_PAGE_AWARDS = 12


def person_queryset():
    credits = (
        Credit.objects.published()
        .select_related("film__genre", "role")
        .prefetch_related("film__sources", "sources")
        # Newest first for the cut; PersonDetailView puts them back in career order.
        .order_by("-film__year", "-film__slug", "-order", "-pk")[: PERSON_PAGE_CREDITS + 1]
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
    )


class PersonDetailView(StructuredDataMixin, DetailView):
    def get_queryset(self):
        return person_queryset()

    def get_context_data(self, **kwargs):
        person = self.object
        awards = list(person_awards(person)[: PERSON_PAGE_AWARDS + 1])
        credits = person.visible_credits[:PERSON_PAGE_CREDITS][::-1]
        rows = filmography(credits)
        more_films, more_awards = len(person.visible_credits) > PERSON_PAGE_CREDITS, len(awards) > PERSON_PAGE_AWARDS
        awards = awards[:PERSON_PAGE_AWARDS]
        return super().get_context_data(
            filmography=rows,
            more_films=more_films,
            awards=awards,
            more_awards=more_awards,
            timeline=build_timeline(rows, awards),
            **kwargs,
        )

    def get_structured_data(self, context):
        return [profile_page(self.object, self.request)]

    def get_page_meta(self, context):
        person = self.object
        return {
            "type": "profile",
            "description": first_paragraph(text(person, "summary"), 200),
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
