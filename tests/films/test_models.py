from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils import timezone, translation

from films.models import Credit, Film, Genre, Role
from tests.factories import CreditFactory, FilmFactory, GenreFactory, PersonFactory, RoleFactory

pytestmark = pytest.mark.django_db


def tinghir(**kwargs):
    return FilmFactory(
        slug="tinghir-jerusalem",
        title_fr="Tinghir-Jérusalem : Les Échos du mellah",
        title_ar="تنغير - القدس: أصداء الملاح",
        title_en="Tinghir-Jerusalem: The Echoes of the mellah",
        year=2013,
        **kwargs,
    )


# --- Film ------------------------------------------------------------------------


def test_film_str_shows_title_and_year_in_the_current_language():
    film = tinghir()
    with translation.override("en"):
        assert str(film) == "Tinghir-Jerusalem: The Echoes of the mellah (2013)"
    with translation.override("ar"):
        assert str(film) == "تنغير - القدس: أصداء الملاح (2013)"


def test_film_without_title_is_named_by_its_slug():
    film = FilmFactory(slug="untitled", title_fr="", title_ar="", title_en="")
    assert str(film) == "untitled"


@pytest.mark.parametrize("code", ["fr", "ar", "en"])
def test_film_url(code):
    film = tinghir()
    with translation.override(code):
        assert film.get_absolute_url() == f"/{code}/films/tinghir-jerusalem/"


def test_film_natural_key_round_trips():
    film = tinghir()
    assert film.natural_key() == ("tinghir-jerusalem",)
    assert Film.objects.get_by_natural_key("tinghir-jerusalem") == film


@pytest.mark.parametrize("year", [1887, 2101])
def test_implausible_film_year_is_refused_by_validation_and_database(year):
    with pytest.raises(ValidationError) as error:
        FilmFactory.build(year=year, genre=GenreFactory()).full_clean()
    assert "year" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        FilmFactory(year=year)


@pytest.mark.parametrize("year", [1888, 2013, 2100])
def test_plausible_film_years_are_accepted(year):
    FilmFactory(year=year).full_clean()


def test_films_are_listed_newest_first():
    older = FilmFactory(slug="a-2013", year=2013)
    newer = FilmFactory(slug="b-2019", year=2019)
    assert list(Film.objects.all()) == [newer, older]


def test_the_original_title_is_shown_only_where_it_is_not_the_title_read():
    film = tinghir(original_title="Tinghir-Jérusalem : Les Échos du mellah", original_language="fr")
    with translation.override("fr"):
        assert film.distinct_original_title == ""
    for code in ("ar", "en"):
        with translation.override(code):
            assert film.distinct_original_title == "Tinghir-Jérusalem : Les Échos du mellah"
    film.original_title = ""
    with translation.override("en"):
        assert film.distinct_original_title == ""


def test_original_language_is_named_in_the_visitors_language():
    film = tinghir(original_title="Tinghir-Jérusalem : Les Échos du mellah", original_language="fr")
    with translation.override("en"):
        assert film.original_language_name == "French"
    with translation.override("fr"):
        assert film.original_language_name.lower() == "français"
    with translation.override("ar"):
        assert film.original_language_name.startswith("الفرنسي")
    film.original_language = "ber"
    assert film.original_language_name == "ber"


def test_missing_arabic_title_falls_back_to_french_and_english_to_french():
    film = FilmFactory(title_fr="Dans tes yeux, je vois mon pays", title_ar="", title_en="")
    with translation.override("ar"):
        assert film.title == "Dans tes yeux, je vois mon pays"
    with translation.override("en"):
        assert film.title == "Dans tes yeux, je vois mon pays"


def test_missing_french_title_falls_back_to_english():
    film = FilmFactory(title_fr="", title_ar="في عينيك أرى بلدي", title_en="In Your Eyes, I See My Country")
    with translation.override("fr"):
        assert film.title == "In Your Eyes, I See My Country"


def test_published_films():
    now = timezone.now()
    shown = FilmFactory(is_published=True)
    FilmFactory(is_published=False)
    FilmFactory(is_published=True, published_at=now + timedelta(days=1))
    assert list(Film.objects.published()) == [shown]


def test_a_genre_in_use_cannot_be_deleted():
    film = FilmFactory()
    with pytest.raises(ProtectedError), transaction.atomic():
        film.genre.delete()
    assert Film.objects.filter(pk=film.pk).exists()


# --- Genre and Role ----------------------------------------------------------------


@pytest.mark.parametrize("model, factory", [(Genre, GenreFactory), (Role, RoleFactory)])
def test_vocabulary_natural_key_and_translated_name(model, factory):
    term = factory(slug="documentary", name_fr="documentaire", name_ar="وثائقي", name_en="documentary")
    assert model.objects.get_by_natural_key("documentary") == term
    with translation.override("ar"):
        assert str(term) == "وثائقي"


def test_role_name_is_required_in_arabic():
    role = RoleFactory.build(slug="writer", name_fr="scénariste", name_ar="", name_en="writer")
    with pytest.raises(ValidationError) as error:
        role.full_clean()
    assert "name_ar" in error.value.message_dict


# --- Credit ---------------------------------------------------------------------------


def test_credit_str_names_person_role_and_film():
    credit = CreditFactory(
        film=tinghir(),
        person=PersonFactory(name_en="Kamal Hachkar"),
        role=RoleFactory(slug="director", name_en="director"),
    )
    with translation.override("en"):
        assert str(credit) == "Kamal Hachkar — director — Tinghir-Jerusalem: The Echoes of the mellah (2013)"


def test_credit_natural_key_round_trips():
    credit = CreditFactory(film=tinghir(), person=PersonFactory(slug="kamal-hachkar"), role=RoleFactory(slug="writer"))
    assert credit.natural_key() == ("tinghir-jerusalem", "kamal-hachkar", "writer")
    assert Credit.objects.get_by_natural_key(*credit.natural_key()) == credit


def test_the_same_person_cannot_be_credited_twice_for_the_same_role():
    credit = CreditFactory()
    duplicate = Credit(film=credit.film, person=credit.person, role=credit.role)
    with pytest.raises(ValidationError):
        duplicate.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_one_person_may_hold_several_roles_on_a_film():
    film, person = tinghir(), PersonFactory()
    CreditFactory(film=film, person=person, role=RoleFactory(slug="director"))
    writer = Credit(film=film, person=person, role=RoleFactory(slug="writer"))
    writer.full_clean()
    writer.save()
    assert film.credits.count() == 2


def test_published_credits_need_both_film_and_person_published():
    now = timezone.now()
    shown = CreditFactory()
    CreditFactory(film=FilmFactory(is_published=False))
    CreditFactory(person=PersonFactory(is_published=False))
    CreditFactory(film=FilmFactory(published_at=now + timedelta(days=1)))
    CreditFactory(person=PersonFactory(published_at=now + timedelta(days=1)))
    assert list(Credit.objects.published()) == [shown]


def test_deleting_a_film_deletes_its_credits_but_a_role_in_use_is_protected():
    credit = CreditFactory()
    with pytest.raises(ProtectedError), transaction.atomic():
        credit.role.delete()
    credit.film.delete()
    assert not Credit.objects.exists()


def test_a_film_s_address_follows_the_language_and_a_new_slug():
    # The address is kept on the object (a page names a film several times); it must still
    # change with the active language and with the slug.
    film = FilmFactory(slug="tinghir")
    with translation.override("ar"):
        assert film.get_absolute_url() == "/ar/films/tinghir/"
    with translation.override("en"):
        assert film.get_absolute_url() == "/en/films/tinghir/"
    film.slug = "tinghir-jerusalem"
    with translation.override("en"):
        assert film.get_absolute_url() == "/en/films/tinghir-jerusalem/"
