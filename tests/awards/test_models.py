from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils import timezone, translation

from awards.models import Award, Festival
from tests.factories import AwardFactory, FestivalFactory, FilmFactory, PersonFactory

pytestmark = pytest.mark.django_db


def ficmec():
    return FestivalFactory(
        slug="ficmec",
        acronym="FICMEC",
        name_fr="Festival international de cinéma et mémoire commune de Nador",
        name_ar="المهرجان الدولي للسينما والذاكرة المشتركة بالناظور",
        name_en="Nador International Festival of Cinema and Common Memory",
    )


# --- Festival --------------------------------------------------------------------------


def test_festival_str_url_and_natural_key():
    festival = ficmec()
    with translation.override("ar"):
        assert str(festival) == "المهرجان الدولي للسينما والذاكرة المشتركة بالناظور"
        assert festival.get_absolute_url() == "/ar/festivals/ficmec/"
    with translation.override("en"):
        assert str(festival) == "Nador International Festival of Cinema and Common Memory"
    assert festival.natural_key() == ("ficmec",)
    assert Festival.objects.get_by_natural_key("ficmec") == festival


def test_festival_name_missing_in_english_falls_back_to_french():
    festival = FestivalFactory(name_fr="Festival Lumières d'Afrique", name_en="", name_ar="")
    with translation.override("en"):
        assert festival.name == "Festival Lumières d'Afrique"


def test_festival_with_awards_cannot_be_deleted():
    award = AwardFactory()
    with pytest.raises(ProtectedError), transaction.atomic():
        award.festival.delete()
    assert Award.objects.filter(pk=award.pk).exists()


# --- Award: text and addresses ---------------------------------------------------------


def test_award_str_with_category_festival_and_year():
    award = AwardFactory(festival=ficmec(), year=2013, category_en="Grand Prize for Best Documentary")
    with translation.override("en"):
        assert str(award) == "Grand Prize for Best Documentary — Nador International Festival of Cinema and Common Memory 2013"


def test_award_str_without_year_or_category_uses_the_outcome():
    award = AwardFactory(
        festival=ficmec(), year=None, category_fr="", category_ar="", category_en="", outcome=Award.Outcome.NOMINATED
    )
    with translation.override("en"):
        assert str(award) == "Nominated — Nador International Festival of Cinema and Common Memory"


def test_award_url_points_at_its_row_on_the_festival_page():
    award = AwardFactory(slug="ficmec-grand-prize-best-documentary", festival=ficmec())
    with translation.override("fr"):
        assert award.get_absolute_url() == "/fr/festivals/ficmec/#award-ficmec-grand-prize-best-documentary"


def test_award_natural_key_round_trips():
    award = AwardFactory(slug="new-york-sephardic-2015-pomegranate-award")
    assert award.natural_key() == ("new-york-sephardic-2015-pomegranate-award",)
    assert Award.objects.get_by_natural_key(*award.natural_key()) == award


# --- Award: constraints ---------------------------------------------------------------


def test_an_award_needs_a_film_or_a_person():
    award = AwardFactory.build(festival=FestivalFactory(), film=None, person=None)
    with translation.override("en"), pytest.raises(ValidationError) as error:
        award.full_clean()
    assert error.value.message_dict == {"__all__": ["An award goes to a film, a person, or both."]}
    with pytest.raises(IntegrityError), transaction.atomic():
        award.save()


@pytest.mark.parametrize("recipient", ["film", "person", "both"])
def test_an_award_to_a_film_a_person_or_both_is_valid(recipient):
    film = FilmFactory() if recipient in ("film", "both") else None
    person = PersonFactory() if recipient in ("person", "both") else None
    award = AwardFactory(film=film, person=person)
    award.full_clean()


def test_the_award_year_may_be_unknown():
    award = AwardFactory(year=None)
    award.full_clean()
    award.refresh_from_db()
    assert award.year is None


@pytest.mark.parametrize("year", [1887, 2101])
def test_implausible_award_year_is_refused(year):
    award = AwardFactory.build(festival=FestivalFactory(), film=FilmFactory(), year=year)
    with pytest.raises(ValidationError) as error:
        award.full_clean()
    assert "year" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        award.save()


def test_award_outcome_must_be_a_known_choice():
    award = AwardFactory.build(festival=FestivalFactory(), film=FilmFactory(), outcome="lost")
    with pytest.raises(ValidationError) as error:
        award.full_clean()
    assert "outcome" in error.value.message_dict


def test_awards_are_ordered_newest_first_with_unknown_years_last():
    festival_a, festival_b = FestivalFactory(slug="a-festival"), FestivalFactory(slug="b-festival")
    unknown_b = AwardFactory(slug="unknown-b", festival=festival_b, year=None)
    unknown_a = AwardFactory(slug="unknown-a", festival=festival_a, year=None)
    old = AwardFactory(slug="old", festival=festival_b, year=2013)
    new = AwardFactory(slug="new", festival=festival_a, year=2015)
    assert list(Award.objects.all()) == [new, old, unknown_a, unknown_b]


# --- Award: published() -----------------------------------------------------------------


def test_published_awards_need_their_festival_film_and_person_visible():
    later = timezone.now() + timedelta(days=1)
    shown = AwardFactory(slug="shown")
    to_person = AwardFactory(slug="to-person", film=None, person=PersonFactory())
    AwardFactory(slug="draft", is_published=False)
    AwardFactory(slug="scheduled", published_at=later)
    AwardFactory(slug="hidden-festival", festival=FestivalFactory(is_published=False))
    AwardFactory(slug="scheduled-festival", festival=FestivalFactory(published_at=later))
    AwardFactory(slug="hidden-film", film=FilmFactory(is_published=False))
    AwardFactory(slug="hidden-person", film=None, person=PersonFactory(is_published=False))
    AwardFactory(slug="film-shown-person-hidden", person=PersonFactory(is_published=False))

    assert {a.slug for a in Award.objects.published()} == {shown.slug, to_person.slug}


def test_deleting_a_film_deletes_its_awards():
    award = AwardFactory()
    award.film.delete()
    assert not Award.objects.filter(pk=award.pk).exists()


def test_an_award_s_address_is_its_festival_page_in_the_active_language():
    award = AwardFactory(festival=FestivalFactory(slug="ficmec"), slug="grand-prize")
    with translation.override("fr"):
        assert award.get_absolute_url() == "/fr/festivals/ficmec/#award-grand-prize"
    with translation.override("ar"):
        assert award.get_absolute_url() == "/ar/festivals/ficmec/#award-grand-prize"
