import time
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from core.models import Source, UnguessableUploadTo
from people.models import BiographySection, Nationality, Occupation, Person
from tests.factories import (
    BiographySectionFactory,
    NationalityFactory,
    OccupationFactory,
    PersonFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db


# --- Person -----------------------------------------------------------------


def test_person_str_is_the_name_in_the_current_language():
    person = PersonFactory(slug="kamal-hachkar", name_fr="Kamal Hachkar", name_ar="كمال هشكار", name_en="Kamal Hachkar")
    with translation.override("ar"):
        assert str(person) == "كمال هشكار"
    with translation.override("fr"):
        assert str(person) == "Kamal Hachkar"


def test_person_without_any_name_falls_back_to_its_slug():
    person = PersonFactory(slug="nameless", name_fr="", name_ar="", name_en="")
    assert str(person) == "nameless"


@pytest.mark.parametrize("code", ["fr", "ar", "en"])
def test_person_url_carries_the_language_prefix(code):
    person = PersonFactory(slug="kamal-hachkar")
    with translation.override(code):
        assert person.get_absolute_url() == f"/{code}/people/kamal-hachkar/"


def test_person_natural_key_round_trips():
    person = PersonFactory(slug="kamal-hachkar")
    assert person.natural_key() == ("kamal-hachkar",)
    assert Person.objects.get_by_natural_key(*person.natural_key()) == person


def test_person_slug_is_unique():
    PersonFactory(slug="kamal-hachkar")
    with pytest.raises(IntegrityError), transaction.atomic():
        PersonFactory(slug="kamal-hachkar")


def test_name_forms_list_the_other_scripts_with_their_language_and_direction():
    person = PersonFactory(name_fr="Kamal Hachkar", name_ar="كمال هشكار", name_en="Kamal Hachkar")
    with translation.override("ar"):
        assert person.name_forms() == [{"lang": "fr", "dir": "ltr", "name": "Kamal Hachkar"}]
    with translation.override("fr"):
        # The English name is the French one: it is not repeated.
        assert person.name_forms() == [{"lang": "ar", "dir": "rtl", "name": "كمال هشكار"}]


def test_external_links_only_for_known_identifiers():
    assert PersonFactory().external_links == []
    person = PersonFactory(wikidata_id="Q42", imdb_id="nm0000001")
    assert person.external_links == [
        ("Wikidata", "https://www.wikidata.org/wiki/Q42"),
        ("IMDb", "https://www.imdb.com/name/nm0000001/"),
    ]


@pytest.mark.parametrize(
    ("field", "value"),
    [("wikidata_id", "42"), ("wikidata_id", "Q0"), ("imdb_id", "tt1234567"), ("imdb_id", "nm12")],
)
def test_malformed_external_identifiers_are_rejected(field, value):
    person = PersonFactory.build(**{field: value})
    with pytest.raises(ValidationError) as error:
        person.full_clean()
    assert field in error.value.message_dict


def test_a_complete_person_is_valid():
    person = PersonFactory(birth_date=date(1977, 2, 25), wikidata_id="Q42", imdb_id="nm0000001")
    person.full_clean()


def test_saving_refreshes_the_modification_date_even_with_update_fields():
    person = PersonFactory()
    long_ago = timezone.now() - timedelta(days=30)
    Person.objects.filter(pk=person.pk).update(updated_at=long_ago)
    person.refresh_from_db()
    person.summary_fr = "Nouveau résumé."
    person.save(update_fields=["summary_fr"])
    person.refresh_from_db()
    assert person.updated_at > long_ago
    assert person.summary_fr == "Nouveau résumé."


def test_uploads_get_an_unguessable_name_keeping_the_extension():
    upload_to = UnguessableUploadTo("portraits")
    first = upload_to(None, "Kamal Hachkar.JPG")
    second = upload_to(None, "Kamal Hachkar.JPG")
    assert first.startswith("portraits/") and first.endswith(".jpg")
    assert "Kamal" not in first
    assert first != second


# --- published() -------------------------------------------------------------


def test_published_keeps_only_what_visitors_may_see():
    now = timezone.now()
    visible = PersonFactory(slug="visible", is_published=True, published_at=None)
    past = PersonFactory(slug="past", is_published=True, published_at=now - timedelta(minutes=1))
    PersonFactory(slug="draft", is_published=False)
    PersonFactory(slug="draft-with-past-date", is_published=False, published_at=now - timedelta(days=1))
    PersonFactory(slug="scheduled", is_published=True, published_at=now + timedelta(hours=1))

    assert set(Person.objects.published()) == {visible, past}


def test_is_visible_agrees_with_published():
    now = timezone.now()
    people = [
        PersonFactory(is_published=True, published_at=None),
        PersonFactory(is_published=True, published_at=now - timedelta(days=1)),
        PersonFactory(is_published=False),
        PersonFactory(is_published=True, published_at=now + timedelta(days=1)),
    ]
    published = set(Person.objects.published())
    assert [p.is_visible for p in people] == [p in published for p in people] == [True, True, False, False]


def test_a_scheduled_person_appears_once_the_date_has_passed():
    person = PersonFactory(is_published=True, published_at=timezone.now() + timedelta(hours=1))
    assert not Person.objects.published().exists()
    Person.objects.filter(pk=person.pk).update(published_at=timezone.now() - timedelta(seconds=1))
    assert list(Person.objects.published()) == [person]


def test_the_clock_of_published_is_read_when_the_query_runs_not_when_it_was_built():
    # published() reuses the query it built first (PublishedManager): a time written into
    # that query would hide a scheduled person for as long as the process lives.
    assert not Person.objects.published().exists()  # built now
    person = PersonFactory(is_published=True, published_at=timezone.now() + timedelta(milliseconds=300))
    assert not Person.objects.published().exists()
    time.sleep(0.4)
    assert list(Person.objects.published()) == [person]


def test_each_published_query_is_refined_on_its_own():
    kamal = PersonFactory(slug="kamal", is_published=True)
    other = PersonFactory(slug="other", is_published=True)
    only_kamal = Person.objects.published().filter(slug="kamal")
    assert set(Person.objects.published()) == {kamal, other}
    assert list(only_kamal) == [kamal]
    assert list(Person.objects.published().exclude(slug="kamal")) == [other]


# --- modeltranslation ---------------------------------------------------------


def test_missing_arabic_text_falls_back_to_french():
    person = PersonFactory(birthplace_fr="Tinghir, Maroc", birthplace_ar="", birthplace_en="Tinghir, Morocco")
    with translation.override("ar"):
        assert person.birthplace == "Tinghir, Maroc"
    with translation.override("en"):
        assert person.birthplace == "Tinghir, Morocco"


def test_missing_french_text_falls_back_to_english_then_arabic():
    person = PersonFactory(birthplace_fr="", birthplace_ar="تنغير، المغرب", birthplace_en="Tinghir, Morocco")
    with translation.override("fr"):
        assert person.birthplace == "Tinghir, Morocco"
    person = PersonFactory(birthplace_fr="", birthplace_ar="تنغير، المغرب", birthplace_en="")
    with translation.override("fr"):
        assert person.birthplace == "تنغير، المغرب"


def test_text_present_in_the_language_is_never_replaced_by_a_fallback():
    person = PersonFactory(name_fr="Kamal Hachkar", name_ar="كمال هشكار", name_en="")
    with translation.override("ar"):
        assert person.name == "كمال هشكار"
    with translation.override("en"):
        assert person.name == "Kamal Hachkar"


def test_translated_fields_filter_in_the_current_language():
    PersonFactory(slug="kamal-hachkar", name_fr="Kamal Hachkar", name_ar="كمال هشكار")
    with translation.override("ar"):
        assert Person.objects.filter(name="كمال هشكار").exists()
    with translation.override("fr"):
        assert not Person.objects.filter(name="كمال هشكار").exists()


# --- vocabularies -------------------------------------------------------------


@pytest.mark.parametrize("model, factory", [(Occupation, OccupationFactory), (Nationality, NationalityFactory)])
def test_vocabulary_natural_key_str_and_order(model, factory):
    academic = factory(slug="academic", position=2, name_fr="universitaire", name_ar="أكاديمي", name_en="academic")
    director = factory(slug="director", position=1, name_fr="réalisateur", name_ar="مخرج", name_en="director")
    assert model.objects.get_by_natural_key("academic") == academic
    assert academic.natural_key() == ("academic",)
    assert list(model.objects.all()) == [director, academic]
    with translation.override("ar"):
        assert str(director) == "مخرج"
    with translation.override("fr"):
        assert str(director) == "réalisateur"


@pytest.mark.parametrize("code", ["fr", "ar", "en"])
def test_vocabulary_terms_are_required_in_every_language(code):
    term = OccupationFactory.build(slug="director", name_fr="réalisateur", name_ar="مخرج", name_en="director")
    setattr(term, f"name_{code}", "")
    with pytest.raises(ValidationError) as error:
        term.full_clean()
    assert f"name_{code}" in error.value.message_dict


def test_vocabulary_slug_is_unique():
    OccupationFactory(slug="director")
    with pytest.raises(IntegrityError), transaction.atomic():
        Occupation.objects.create(slug="director", name_fr="x", name_ar="x", name_en="x")


# --- sources and biography -----------------------------------------------------


def test_source_str_and_natural_key():
    source = SourceFactory(slug="le-monde-2013", title="Un film sur la mémoire juive du Maroc")
    assert str(source) == "Un film sur la mémoire juive du Maroc"
    assert Source.objects.get_by_natural_key("le-monde-2013") == source


def test_biography_section_natural_key_includes_the_person():
    kamal = PersonFactory(slug="kamal-hachkar")
    other = PersonFactory(slug="someone-else")
    mine = BiographySectionFactory(person=kamal, slug="career", heading_en="Career")
    theirs = BiographySectionFactory(person=other, slug="career")
    assert mine.natural_key() == ("kamal-hachkar", "career")
    assert BiographySection.objects.get_by_natural_key("kamal-hachkar", "career") == mine
    assert BiographySection.objects.get_by_natural_key("someone-else", "career") == theirs
    with translation.override("en"):
        assert str(mine) == "Career"


def test_biography_section_slug_is_unique_per_person():
    kamal = PersonFactory()
    BiographySectionFactory(person=kamal, slug="career")
    with pytest.raises(IntegrityError), transaction.atomic():
        BiographySectionFactory(person=kamal, slug="career")
    with pytest.raises(ValidationError):
        BiographySectionFactory.build(person=kamal, slug="career").full_clean()


def test_biography_sections_follow_their_order():
    kamal = PersonFactory()
    career = BiographySectionFactory(person=kamal, slug="career", order=2)
    life = BiographySectionFactory(person=kamal, slug="personal-life", order=1)
    assert list(kamal.biography_sections.all()) == [life, career]
