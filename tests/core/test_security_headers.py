"""Every security header, on public pages, admin pages and static files, and a deploy
check that reports nothing with production settings."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.rendered import LANGUAGES, url

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[2]
COMMON = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Strict-Transport-Security": "max-age=31536000",
}


@pytest.fixture
def https(settings):
    """What DJANGO_SECURE=1 turns on, with requests arriving over HTTPS."""
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_SSL_REDIRECT = True
    return {"secure": True}


def policy(response):
    return {
        part.split()[0]: part.split()[1:]
        for part in (p.strip() for p in response["Content-Security-Policy"].split(";"))
        if part
    }


def assert_common(response):
    for header, value in COMMON.items():
        assert response[header] == value, header


def assert_page_policy(response):
    csp = policy(response)
    assert csp["frame-ancestors"] == ["'none'"] and csp["base-uri"] == ["'none'"]
    assert csp["default-src"] == ["'self'"] and csp["object-src"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]
    assert not any("unsafe" in source for sources in csp.values() for source in sources)


def test_public_pages(client, seed, https):
    for code in LANGUAGES:
        for name, kwargs in (("home", {}), ("people:detail", {"slug": "kamal-hachkar"}), ("films:list", {}), ("search", {})):
            response = client.get(url(code, name, **kwargs), **https)
            assert response.status_code == 200
            assert_common(response)
            assert_page_policy(response)
            assert "nonce" not in response["Content-Security-Policy"]


def test_admin_pages(admin_client, seed, https):
    for path in (url("en", "admin:index"), url("en", "admin:people_person_change", object_id=seed.pk)):
        response = admin_client.get(path, **https)
        assert response.status_code == 200
        assert_common(response)
        assert_page_policy(response)
        assert "private" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_static_files(client, https):
    for path in ("/static/css/site.css", "/static/favicon.svg", "/static/fonts/noto-sans-latin-400-normal.woff2"):
        response = client.get(path, **https)
        assert response.status_code == 200, path
        assert_common(response)
        csp = policy(response)
        assert csp["default-src"] == ["'none'"] and csp["frame-ancestors"] == ["'none'"]


def test_plain_http_is_redirected_to_https(client, https):
    response = client.get(url("fr", "home"))
    assert response.status_code == 301 and response["Location"].startswith("https://")


def test_deploy_check_reports_nothing_with_production_settings():
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        "DJANGO_SECURE": "1",
        "DJANGO_SECRET_KEY": "a-real-secret-key-" + "x7Qz9!" * 10,
        "DJANGO_ALLOWED_HOSTS": "example.org",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO, env=env, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_hsts_subdomains_and_preload_are_the_operators_choice():
    code = "from django.conf import settings; print(settings.SECURE_HSTS_INCLUDE_SUBDOMAINS, settings.SECURE_HSTS_PRELOAD)"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        "DJANGO_SECURE": "1",
        "DJANGO_SECRET_KEY": "a-real-secret-key-" + "x7Qz9!" * 10,
        "DJANGO_HSTS_INCLUDE_SUBDOMAINS": "1",
        "DJANGO_HSTS_PRELOAD": "1",
        "DJANGO_SECURE_PROXY_SSL_HEADER": "HTTP_X_FORWARDED_PROTO,https",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code + "; print(settings.SECURE_PROXY_SSL_HEADER)"],
        cwd=REPO, env=env, capture_output=True, text=True, check=True,
    )
    assert result.stdout.strip().splitlines()[-2:] == ["True True", "('HTTP_X_FORWARDED_PROTO', 'https')"]
