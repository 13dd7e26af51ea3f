"""/healthz and the 503 page, with the database or the cache really unreachable
(a PostgreSQL address on a closed port, a Redis on a closed port)."""

import socket

import dj_database_url
import pytest
from django.db import connections
from django.db.backends.postgresql.base import DatabaseWrapper

from tests.rendered import LANGUAGES, html_lang_dir, text, url

pytestmark = pytest.mark.django_db

UNAVAILABLE = {
    "fr": "Momentanément indisponible",
    "ar": "غير متاح مؤقتًا",
    "en": "Temporarily unavailable",
}


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def database_down():
    """The default connection points at a PostgreSQL port where nothing listens."""
    real = connections["default"]
    parsed = dj_database_url.parse(f"postgres://postgres@127.0.0.1:{closed_port()}/unreachable")
    settings_dict = connections.configure_settings({"default": parsed})["default"]
    settings_dict["OPTIONS"] = {"connect_timeout": 1}
    connections["default"] = DatabaseWrapper(settings_dict, "default")
    yield
    connections["default"].close()
    connections["default"] = real


def test_healthz_answers_200_with_json_when_all_is_well(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_when_the_database_is_unreachable(client, database_down):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "down", "cache": "ok"}


def test_healthz_answers_503_when_the_cache_is_unreachable(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.TolerantRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/8",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "ok", "cache": "down"}


@pytest.mark.parametrize("name,kwargs", [("home", {}), ("people:detail", {"slug": "kamal-hachkar"}), ("films:list", {})])
def test_public_pages_answer_a_translated_503_when_the_database_is_unreachable(client, database_down, name, kwargs):
    client.raise_request_exception = False
    for code in LANGUAGES:
        response = client.get(url(code, name, **kwargs))
        assert response.status_code == 503
        assert response["Retry-After"]
        assert "no-store" in response["Cache-Control"]
        assert UNAVAILABLE[code] in text(response)
        lang, direction = html_lang_dir(response)
        assert lang == code and direction == ("rtl" if code == "ar" else "ltr")


def test_other_server_errors_stay_500(client, monkeypatch):
    # A programming error is not an outage: it keeps the 500 page.
    from filmmaker import views

    def broken(self, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(views.PersonDetailView, "get_context_data", broken)
    client.raise_request_exception = False
    from people.models import Person

    Person.objects.create(slug="someone", name_fr="Quelqu'un", is_published=True)
    assert client.get(url("fr", "people:detail", slug="someone")).status_code == 500
