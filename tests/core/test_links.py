"""Links editors type are http(s) only: through the ORM, fixtures (raw or validated), the admin and templates."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from awards.models import Festival
from core.models import Source
from people.models import Person
from core.templatetags.links import http_url
from tests.admin_forms import admin_form_data
from tests.factories import FestivalFactory, PersonFactory

pytestmark = pytest.mark.django_db

HOSTILE_URLS = [
    "javascript:alert(1)",
    " JavaScript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "//evil.example/",
    "ftp://example.org/file",
    "file:///etc/passwd",
]


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_the_database_refuses_other_schemes_written_through_the_orm(url):
    with pytest.raises(IntegrityError), transaction.atomic():
        Source.objects.create(slug="s", title="S", url=url)
    festival = FestivalFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Festival.objects.filter(pk=festival.pk).update(website=url)


@pytest.mark.parametrize("field, value", [("wikidata_id", "javascript:1"), ("imdb_id", "nm1' onclick=x")])
def test_the_database_keeps_identifiers_to_their_patterns(field, value):
    person = PersonFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Person.objects.filter(pk=person.pk).update(**{field: value})


def test_http_and_https_links_are_kept():
    Source.objects.create(slug="a", title="A", url="https://example.org/a")
    Source.objects.create(slug="b", title="B", url="HTTP://example.org/b")
    assert Source.objects.count() == 2


def write(tmp_path, objects):
    path = tmp_path / "links.json"
    path.write_text(json.dumps(objects), encoding="utf-8")
    return path


def test_raw_loaddata_cannot_bring_a_javascript_link(tmp_path):
    path = write(tmp_path, [{"model": "core.source", "fields": {"slug": "x", "title": "X", "url": "javascript:alert(1)"}}])
    with pytest.raises(IntegrityError):
        call_command("loaddata", str(path), verbosity=0)
    assert not Source.objects.exists()


def test_load_site_refuses_a_javascript_link_naming_the_field(tmp_path):
    path = write(
        tmp_path,
        [{"model": "awards.festival", "fields": {"slug": "f", "name_fr": "F", "name_ar": "ف", "name_en": "F", "website": "javascript:alert(1)"}}],
    )
    with pytest.raises(CommandError) as error:
        call_command("load_site", str(path), stdout=io.StringIO())
    assert "nothing was loaded" in str(error.value)
    assert "festival_website_http_only" in str(error.value) or "website" in str(error.value)
    assert not Festival.objects.exists()


@pytest.mark.parametrize("value", ["javascript:alert(1)", "ftp://example.org/file"])
def test_the_admin_gives_a_form_error(admin_client, value):
    with translation.override("en"):
        url = reverse("admin:core_source_add")
    data = admin_form_data(admin_client.get(url))
    data.update(slug="bad", title="Bad", url=value)
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["url"]
    assert not Source.objects.exists()


@pytest.mark.parametrize("value", [*HOSTILE_URLS, "https://exa mple.org", "https://example.org/\x00"])
def test_the_template_filter_drops_anything_but_http(value):
    assert http_url(value) == ""


def test_the_template_filter_keeps_web_addresses():
    assert http_url("https://example.org/a?b=c") == "https://example.org/a?b=c"


def test_a_festival_page_links_its_website(client):
    festival = FestivalFactory(website="https://festival.example/", is_published=True)
    html = client.get(festival.get_absolute_url()).content.decode()
    assert 'href="https://festival.example/"' in html
