"""History of admin changes: versions, differences, revert and recovery, in all three languages."""

import pytest
from django.urls import reverse
from django.utils import translation
from reversion.models import Version

from people.models import BiographySection, Person
from films.models import Credit, Film
from tests.admin_forms import admin_form_data
from tests.factories import BiographySectionFactory, CreditFactory, FilmFactory, PersonFactory

pytestmark = pytest.mark.django_db


def url(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


def save(client, obj, admin_name, **changes):
    change_url = url(f"admin:{admin_name}_change", obj.pk)
    data = admin_form_data(client.get(change_url))
    data.update(changes)
    response = client.post(change_url, data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    return data


@pytest.fixture
def person_with_sections(admin_client):
    person = PersonFactory(name_fr="Kamal", name_ar="كمال", name_en="Kamal (en)")
    BiographySectionFactory(person=person, slug="career", heading_fr="Carrière", heading_ar="المسيرة", heading_en="Career")
    # A first admin save records the starting version, with the section.
    save(admin_client, person, "people_person")
    return person


def test_every_admin_change_is_recorded_with_its_author(admin_client, person_with_sections):
    person = person_with_sections
    save(admin_client, person, "people_person", name_ar="كمال هشكار")
    versions = Version.objects.get_for_object(person)
    assert versions.count() == 2
    assert versions.first().revision.user.username == "admin"
    history = admin_client.get(url("admin:people_person_history", person.pk)).content.decode()
    assert 'name="from"' in history and 'name="to"' in history


def test_revert_restores_all_three_languages_and_the_inlines(admin_client, person_with_sections):
    person = person_with_sections
    first = Version.objects.get_for_object(person).order_by("pk").first()
    save(
        admin_client,
        person,
        "people_person",
        name_fr="Kamal H.",
        name_ar="كمال ه.",
        name_en="Kamal H. (en)",
        **{"biography_sections-0-heading_ar": "تغيير", "biography_sections-0-heading_en": "Changed"},
    )
    person.refresh_from_db()
    assert person.name_ar == "كمال ه."

    revert_url = url("admin:people_person_revision", person.pk, first.pk)
    page = admin_client.get(revert_url)
    assert page.status_code == 200
    # The revert form shows the old texts in every language before anything is saved.
    assert page.context["adminform"].form.initial["name_ar"] == "كمال"
    response = admin_client.post(revert_url, admin_form_data(page))
    assert response.status_code == 302

    person.refresh_from_db()
    assert (person.name_fr, person.name_ar, person.name_en) == ("Kamal", "كمال", "Kamal (en)")
    section = person.biography_sections.get()
    assert (section.heading_fr, section.heading_ar, section.heading_en) == ("Carrière", "المسيرة", "Career")


def test_compare_shows_what_changed_in_each_language(admin_client, person_with_sections):
    person = person_with_sections
    save(admin_client, person, "people_person", name_ar="كمال هشكار", summary_en="Director.")
    first, second = Version.objects.get_for_object(person).order_by("pk")
    response = admin_client.get(url("admin:people_person_compare", person.pk), {"from": second.pk, "to": first.pk})
    assert response.status_code == 200
    rows = {str(row["label"]): row for row in response.context["rows"]}
    assert "name [ar]" in rows and "summary [en]" in rows
    assert "name [fr]" not in rows
    assert rows["name [ar]"]["dir"] == "rtl" and rows["name [ar]"]["lang"] == "ar"
    html = response.content.decode()
    assert "<ins>هشكار</ins>" in html


def test_compare_without_two_versions_goes_back_to_the_history(admin_client, person_with_sections):
    response = admin_client.get(url("admin:people_person_compare", person_with_sections.pk), {"from": "x"})
    assert response.status_code == 302


def test_a_deleted_person_is_recovered_with_languages_sections_and_credits(admin_client):
    person = PersonFactory(name_fr="Kamal", name_ar="كمال", name_en="Kamal (en)")
    BiographySectionFactory(person=person, slug="career", heading_ar="المسيرة")
    credit = CreditFactory(person=person)
    save(admin_client, person, "people_person")
    pk, film_pk = person.pk, credit.film_id

    response = admin_client.post(url("admin:people_person_delete", pk), {"post": "yes"})
    assert response.status_code == 302
    assert not Person.objects.filter(pk=pk).exists()
    assert not BiographySection.objects.filter(person_id=pk).exists()

    recover_list = admin_client.get(url("admin:people_person_recoverlist"))
    assert "Kamal" in recover_list.content.decode()
    version = Version.objects.get_deleted(Person).get()
    recover_url = url("admin:people_person_recover", version.pk)
    page = admin_client.get(recover_url)
    assert admin_client.post(recover_url, admin_form_data(page)).status_code == 302

    person = Person.objects.get(pk=pk)
    assert (person.name_fr, person.name_ar, person.name_en) == ("Kamal", "كمال", "Kamal (en)")
    assert person.biography_sections.get().heading_ar == "المسيرة"
    assert Credit.objects.filter(person=person, film_id=film_pk).exists()


def test_film_versions_include_credits_and_awards(admin_client):
    from tests.factories import AwardFactory

    film = FilmFactory()
    CreditFactory(film=film)
    AwardFactory(film=film)
    save(admin_client, film, "films_film")
    version = Version.objects.get_for_object(film).get()
    saved_models = {v.content_type.model for v in version.revision.version_set.all()}
    assert {"film", "credit", "award"} <= saved_models
    assert Film.objects.get(pk=film.pk)
