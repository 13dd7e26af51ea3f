"""The editors' home on the admin index, the order of its apps, and the admin's wording.

The home lists recent changes with who made them, scheduled items, and what each language
lacks, each linked to the page where it is fixed; its cost does not grow with the content.
"""

import re
from datetime import timedelta

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.urls import reverse
from django.utils import timezone, translation

from awards.models import Festival
from films.models import Film
from tests.admin_growth import grow_everything

pytestmark = pytest.mark.django_db

# The session and user, recent changes, each publishable model's scheduled items and each
# translated model's missing and outdated counts (one query per model).
# The staff session's sliding expiry (filmmaker.middleware) saves the session on each request.
INDEX_QUERIES = 20


def url(code, name, *args):
    with translation.override(code):
        return reverse(name, args=args)


def test_index_shows_who_changed_what_with_links(admin_client, seed, admin_user):
    film = Film.objects.get(slug="tinghir-jerusalem")
    with translation.override("fr"):
        # The log keeps the name the object had, in the language it was changed in.
        LogEntry.objects.log_actions(admin_user.pk, [film], CHANGE, change_message="[]", single_object=True)
        label = str(film)
    html = admin_client.get(url("fr", "admin:index")).content.decode()
    assert "Modifications récentes" in html
    change_url = url("fr", "admin:films_film_change", film.pk)
    assert f'<a href="{change_url}">{label}</a>' in html
    assert f"par <bdi>{admin_user.get_username()}</bdi>" in html


def test_index_lists_scheduled_items_with_their_date(admin_client, seed):
    film = Film.objects.get(slug="tinghir-jerusalem")
    film.published_at = timezone.now() + timedelta(days=3)
    film.save()
    html = admin_client.get(url("fr", "admin:index")).content.decode()
    assert "Publications programmées" in html
    assert f'href="{url("fr", "admin:films_film_change", film.pk)}"' in html
    assert "Aucune publication n’est programmée." not in html


def test_index_counts_what_each_language_lacks_and_links_to_the_filtered_list(admin_client, seed):
    Festival.objects.filter(slug="ficmec").update(name_en="")
    html = admin_client.get(url("fr", "admin:index")).content.decode()
    link = f'{url("fr", "admin:awards_festival_changelist")}?translation=missing-en'
    assert f'href="{link}"' in html
    assert "1 manquant" in html
    # The link shows exactly that festival.
    listing = admin_client.get(link)
    assert [festival.slug for festival in listing.context["cl"].result_list] == ["ficmec"]


def test_index_says_when_everything_is_complete(admin_client, seed):
    html = admin_client.get(url("ar", "admin:index")).content.decode()
    assert "كل شيء مكتمل في كل اللغات." in html


def test_index_queries_do_not_grow_with_the_content(admin_client, admin_user, kamal, django_assert_max_num_queries):
    # Content types are cached once per process: the first request of a run loads them.
    admin_client.get(url("fr", "admin:index"))
    with django_assert_max_num_queries(INDEX_QUERIES):
        assert admin_client.get(url("fr", "admin:index")).status_code == 200
    grow_everything(kamal)
    LogEntry.objects.log_actions(admin_user.pk, list(Film.objects.all()[:50]), CHANGE, change_message="[]")
    Film.objects.filter(slug__startswith="grown-film-1").update(published_at=timezone.now() + timedelta(days=1))
    with django_assert_max_num_queries(INDEX_QUERIES):
        assert admin_client.get(url("fr", "admin:index")).status_code == 200


def test_editors_do_not_see_the_sign_in_log_nor_accounts(client, editor, seed):
    client.force_login(editor)
    html = client.get(url("fr", "admin:index")).content.decode()
    assert "Journal des connexions" not in html
    assert "Films" in html


@pytest.mark.parametrize(
    ("code", "sign_in_log", "accounts", "people"),
    [("fr", "Journal des connexions", "Authentification et autorisation", "Personnes"), ("ar", "سجل تسجيل الدخول", "المصادقة والتفويض", "الأشخاص")],
)
def test_sign_in_log_is_translated_and_listed_after_the_content(admin_client, code, sign_in_log, accounts, people):
    response = admin_client.get(url(code, "admin:index"))
    labels = [str(app["name"]) for app in response.context["app_list"]]
    assert labels[0] == people
    assert labels[-2:] == [accounts, sign_in_log]
    assert "Axes" not in labels and "AXES" not in response.content.decode()


def test_birth_date_is_a_date_input_without_calendar_shortcuts(admin_client, kamal):
    html = admin_client.get(url("fr", "admin:people_person_change", kamal.pk)).content.decode()
    assert '<input type="date" name="birth_date" value="1977-02-25"' in html
    field = re.search(r'<div class="form-row field-birth_date">.*?</div>\s*</div>', html, re.S).group(0)
    assert "vDateField" not in field and "timezonewarning" not in field


def test_french_admin_wording(admin_client, kamal):
    html = admin_client.get(url("fr", "admin:people_person_change", kamal.pk)).content.decode()
    # "Ajouter un objet Section de biographie supplémentaire" read awkwardly.
    assert "Ajouter une ligne : Section de biographie" in html
    assert "supplémentaire" not in html
    # A space before the colon, as French writes it.
    assert "<b>Section de biographie :</b>" in html
    assert "Section de biographie:" not in html


def test_arabic_admin_dates_are_day_month_year_with_western_digits(admin_client, seed):
    film = Film.objects.get(slug="tinghir-jerusalem")
    Film.objects.filter(pk=film.pk).update(updated_at=timezone.make_aware(timezone.datetime(2026, 11, 27, 17, 39)))
    html = admin_client.get(url("ar", "admin:films_film_changelist")).content.decode()
    assert "27 نوفمبر 2026، 17:39" in html
    assert not re.search("[\u0660-\u0669\u06f0-\u06f9]", html)


def test_one_language_choice_script_comes_after_the_tabs(admin_client, kamal):
    html = admin_client.get(url("ar", "admin:people_person_change", kamal.pk)).content.decode()
    tabs = html.index("modeltranslation/js/tabbed_translation_fields.js")
    assert html.index("editorial/language_tabs.js") > tabs


def test_editors_are_not_shown_changes_to_accounts(client, editor, admin_user, seed):
    LogEntry.objects.log_actions(admin_user.pk, [admin_user], CHANGE, change_message="[]", single_object=True)
    film = Film.objects.get(slug="tinghir-jerusalem")
    LogEntry.objects.log_actions(admin_user.pk, [film], CHANGE, change_message="[]", single_object=True)
    client.force_login(editor)
    response = client.get(url("fr", "admin:index"))
    shown = [change["entry"].content_type.model_class() for change in response.context["recent_changes"]]
    assert shown == [Film]


def test_french_changelist_title_reads_naturally(admin_client, seed):
    html = admin_client.get(url("fr", "admin:films_film_changelist")).content.decode()
    # Django's own "Sélectionnez l’objet film à changer" becomes:
    assert "<h1>Sélectionnez l’élément à modifier : film</h1>" in html
