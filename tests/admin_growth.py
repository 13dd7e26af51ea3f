"""Grow the seed the way a prolific filmmaker's site grows: hundreds of credits and awards.

Rows are bulk-inserted (no signals): the admin pages read them, they need not be edited.
"""

from awards.models import Award, Festival
from core.models import Source
from films.models import Credit, Film, Role
from people.models import Person

CREDITS = 300
AWARDS = 800


def add_credits(person, count=CREDITS):
    """``count`` credits for the person, on new films, half of them with a source."""
    roles = list(Role.objects.all()[:2])
    films = Film.objects.bulk_create(
        Film(slug=f"grown-film-{n}", title_fr=f"Film {n}", title_ar=f"فيلم {n}", title_en=f"Film {n}", year=1990 + n % 35)
        for n in range(count // len(roles) + 1)
    )
    credits = Credit.objects.bulk_create(
        Credit(film=films[n // len(roles)], person=person, role=roles[n % len(roles)], order=n % len(roles))
        for n in range(count)
    )
    source = Source.objects.create(slug="grown-source", title="Grown source")
    Credit.sources.through.objects.bulk_create(
        Credit.sources.through(credit=credit, source=source) for credit in credits[::2]
    )
    return credits


def add_awards(festival, film=None, person=None, count=AWARDS):
    """``count`` awards at the festival, to the film (or the person)."""
    film = film or Film.objects.order_by("pk").first()
    return Award.objects.bulk_create(
        Award(
            slug=f"grown-award-{festival.slug}-{n}",
            festival=festival,
            film=film,
            person=person,
            year=None if n % 7 == 0 else 1990 + n % 35,
            category_fr=f"Prix {n}",
            category_ar=f"جائزة {n}",
            category_en=f"Award {n}",
        )
        for n in range(count)
    )


def grow_everything(person):
    """300 credits for the person and 800 awards for one festival and one film."""
    add_credits(person)
    festival = Festival.objects.order_by("pk").first()
    add_awards(festival, film=Film.objects.get(slug="tinghir-jerusalem"))
    return Person.objects.get(pk=person.pk)
