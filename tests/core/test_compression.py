"""Gzip for public pages, none where a secret sits beside text an attacker can inject (BREACH)."""

import gzip

import pytest

from tests.rendered import url

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


def test_public_pages_are_gzipped(client, seed):
    response = client.get(url("ar", "people:detail", slug="kamal-hachkar"), **GZIP)
    assert response["Content-Encoding"] == "gzip"
    assert "كمال هشكار" in gzip.decompress(response.content).decode()


def test_pages_with_a_csrf_token_are_not_compressed(client):
    response = client.get(url("en", "admin:login"), **GZIP)
    assert response.status_code == 200 and "csrfmiddlewaretoken" in response.content.decode()
    assert not response.has_header("Content-Encoding")


def test_signed_in_editors_get_uncompressed_pages(admin_client, seed):
    for path in (url("fr", "home"), url("en", "admin:index")):
        response = admin_client.get(path, **GZIP)
        assert response.status_code == 200
        assert not response.has_header("Content-Encoding")
