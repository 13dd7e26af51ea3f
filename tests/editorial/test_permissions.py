"""Who may open which admin page: anonymous visitors, editors and superusers."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, Permission, User
from django.urls import reverse
from django.utils import translation

from tests.factories import (
    AwardFactory,
    BiographySectionFactory,
    CreditFactory,
    EditorFactory,
    FestivalFactory,
    FilmFactory,
    NationalityFactory,
    OccupationFactory,
    PersonFactory,
    RoleFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db

CONTENT_APPS = {"awards", "films", "people", "editorial", "core"}
ACCOUNT_APPS = {"auth", "axes"}


def test_editor_group_is_created_with_every_content_permission_and_nothing_else():
    group = Group.objects.get(name="Editor")
    granted = set(group.permissions.values_list("content_type__app_label", "codename"))
    expected = set(
        Permission.objects.filter(content_type__app_label__in=CONTENT_APPS).values_list(
            "content_type__app_label", "codename"
        )
    )
    assert granted == expected
    assert not {app for app, _codename in granted} & ACCOUNT_APPS


@pytest.fixture
def objects(db):
    """One object of every registered model, so every change/delete/history page exists."""
    film = FilmFactory()
    person = PersonFactory()
    CreditFactory(film=film, person=person)
    BiographySectionFactory(person=person)
    AwardFactory(film=film)
    FestivalFactory()
    OccupationFactory()
    NationalityFactory()
    RoleFactory()
    SourceFactory()
    EditorFactory(username="someone-else")
    return film


def admin_urls():
    """(label, url, kind) for every page of every registered model admin, in French."""
    urls = [("index", reverse("admin:index"), "index")]
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        kind = "account" if opts.app_label in ACCOUNT_APPS else "content"
        obj = model._default_manager.order_by("pk").first()
        prefix = f"admin:{opts.app_label}_{opts.model_name}"
        urls.append((f"{opts.label} changelist", reverse(f"{prefix}_changelist"), kind))
        urls.append((f"{opts.label} add", reverse(f"{prefix}_add"), kind))
        if obj is not None:
            for view in ("change", "delete", "history"):
                urls.append((f"{opts.label} {view}", reverse(f"{prefix}_{view}", args=[obj.pk]), kind))
        for name in ("recoverlist",):
            try:
                urls.append((f"{opts.label} {name}", reverse(f"{prefix}_{name}"), kind))
            except Exception:
                pass
    return urls


def get_all(client):
    with translation.override("fr"):
        return {label: (url, kind, client.get(url).status_code) for label, url, kind in admin_urls()}


# Pages nobody opens, whoever they are: records kept by the site itself are read-only.
READ_ONLY = {
    "editorial.TranslationState add": 403,
    "editorial.TranslationState delete": 403,
    # A status's page leads to the object it describes.
    "editorial.TranslationState change": 302,
    "axes.AccessAttempt add": 403,
    "axes.AccessLog add": 403,
    "axes.AccessFailureLog add": 403,
}


def expected(label, kind, who):
    if who == "anonymous":
        return 302
    if label == "index":
        return 200
    if who == "staff" or (who == "editor" and kind == "account"):
        return 403
    return READ_ONLY.get(label, 200)


@pytest.mark.parametrize("who", ["anonymous", "staff", "editor", "superuser"])
def test_permission_matrix_on_every_admin_url(client, objects, who):
    if who == "staff":
        client.force_login(User.objects.create_user("staff", is_staff=True))
    elif who == "editor":
        client.force_login(User.objects.get(username="someone-else"))
    elif who == "superuser":
        client.force_login(User.objects.create_superuser("root", password="a-long-root-password"))
    results = get_all(client)
    assert len(results) > 60
    wrong = {
        label: (url, status, expected(label, kind, who))
        for label, (url, kind, status) in results.items()
        if status != expected(label, kind, who)
    }
    assert not wrong, wrong
    if who == "anonymous":
        url = reverse("admin:films_film_changelist")
        assert "/admin/login/" in client.get(url)["Location"]


def test_editors_see_content_apps_and_not_accounts_on_the_index(client, objects):
    client.force_login(User.objects.get(username="someone-else"))
    index = client.get(reverse("admin:index")).content.decode()
    assert reverse("admin:films_film_changelist") in index
    assert reverse("admin:editorial_translationstate_changelist") in index
    assert reverse("admin:auth_user_changelist") not in index
    assert reverse("admin:auth_group_changelist") not in index


def test_editors_cannot_make_themselves_superusers(client, objects):
    editor = User.objects.get(username="someone-else")
    client.force_login(editor)
    response = client.post(reverse("admin:auth_user_change", args=[editor.pk]), {"is_superuser": "on"})
    assert response.status_code == 403
    editor.refresh_from_db()
    assert not editor.is_superuser


def test_editors_can_edit_content(client, objects):
    client.force_login(User.objects.get(username="someone-else"))
    occupation = OccupationFactory(slug="editor-made")
    url = reverse("admin:people_occupation_change", args=[occupation.pk])
    response = client.post(
        url, {"slug": "editor-made", "name_fr": "Monteur", "name_ar": "مونتير", "name_en": "Editor", "position": 3}
    )
    assert response.status_code == 302
    occupation.refresh_from_db()
    assert occupation.name_ar == "مونتير"
