"""factory_boy factories for every model, with text in the three languages."""

import factory

from awards.models import Award, Festival
from core.models import Source
from films.models import Credit, Film, Genre, Role
from people.models import BiographySection, Nationality, Occupation, Person


class OccupationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Occupation
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"occupation-{n}")
    name_fr = factory.LazyAttribute(lambda o: f"{o.slug} fr")
    name_ar = factory.LazyAttribute(lambda o: f"{o.slug} ar")
    name_en = factory.LazyAttribute(lambda o: f"{o.slug} en")


class NationalityFactory(OccupationFactory):
    class Meta:
        model = Nationality
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"nationality-{n}")


class GenreFactory(OccupationFactory):
    class Meta:
        model = Genre
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"genre-{n}")


class RoleFactory(OccupationFactory):
    class Meta:
        model = Role
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"role-{n}")


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    slug = factory.Sequence(lambda n: f"source-{n}")
    title = factory.Sequence(lambda n: f"Source {n}")
    url = factory.Sequence(lambda n: f"https://example.org/source-{n}")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    slug = factory.Sequence(lambda n: f"person-{n}")
    name_fr = factory.Sequence(lambda n: f"Personne {n}")
    name_ar = factory.Sequence(lambda n: f"شخص {n}")
    name_en = factory.Sequence(lambda n: f"Person {n}")
    # Written in every language: an empty summary shows as "not written" to editors.
    summary_fr = "Une personne."
    summary_ar = "شخص."
    summary_en = "A person."
    is_published = True


class BiographySectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BiographySection

    person = factory.SubFactory(PersonFactory)
    slug = factory.Sequence(lambda n: f"section-{n}")
    heading_fr = "Carrière"
    heading_ar = "المسيرة المهنية"
    heading_en = "Career"
    body_fr = "Texte."
    body_ar = "نص."
    body_en = "Text."


class FilmFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Film

    slug = factory.Sequence(lambda n: f"film-{n}")
    title_fr = factory.Sequence(lambda n: f"Film {n}")
    title_ar = factory.Sequence(lambda n: f"فيلم {n}")
    title_en = factory.Sequence(lambda n: f"Film {n} (en)")
    year = 2013
    genre = factory.SubFactory(GenreFactory, slug="documentary")
    # Written in every language: an empty synopsis shows as "not written" to editors.
    synopsis_fr = "Un film."
    synopsis_ar = "فيلم."
    synopsis_en = "A film."
    is_published = True


class CreditFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Credit

    film = factory.SubFactory(FilmFactory)
    person = factory.SubFactory(PersonFactory)
    role = factory.SubFactory(RoleFactory, slug="director")


class FestivalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Festival

    slug = factory.Sequence(lambda n: f"festival-{n}")
    name_fr = factory.Sequence(lambda n: f"Festival {n}")
    name_ar = factory.Sequence(lambda n: f"مهرجان {n}")
    name_en = factory.Sequence(lambda n: f"Festival {n} (en)")
    is_published = True


class AwardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Award

    slug = factory.Sequence(lambda n: f"award-{n}")
    festival = factory.SubFactory(FestivalFactory)
    film = factory.SubFactory(FilmFactory)
    year = 2013
    category_fr = "Prix du meilleur documentaire"
    category_ar = "جائزة أفضل فيلم وثائقي"
    category_en = "Best Documentary Award"
    is_published = True


class EditorFactory(factory.django.DjangoModelFactory):
    """A staff member in the "Editor" group."""

    class Meta:
        model = "auth.User"
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"editor{n}")
    is_staff = True
    password = factory.django.Password("a-long-editor-password")

    @factory.post_generation
    def editor_group(self, create, extracted, **kwargs):
        # Transactional tests (live server) flush the database, migration data included.
        from editorial.permissions import ensure_editor_group

        if create:
            self.groups.add(ensure_editor_group())
