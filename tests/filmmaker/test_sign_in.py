"""Sign-in: failures counted per account whatever the address, the client's address right behind a
proxy, a 429 lockout page, Argon2id hashes and staff sessions that end after 30 idle minutes."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from filmmaker.client_ip import client_ip

pytestmark = pytest.mark.django_db
MD5 = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def login_url(lang="en"):
    with translation.override(lang):
        return reverse("admin:login")


@pytest.fixture
def accounts(settings):
    # Twenty failures per test: a fast hasher keeps it quick (production uses Argon2id).
    settings.PASSWORD_HASHERS = MD5
    User.objects.create_superuser("boss", password="the-right-password-1")
    User.objects.create_superuser("colleague", password="another-password-2")


def test_twenty_failures_from_twenty_addresses_lock_the_account_but_not_another(client, accounts, settings):
    assert settings.AXES_FAILURE_LIMIT == 20
    for n in range(19):
        response = client.post(login_url(), {"username": "boss", "password": "wrong"}, REMOTE_ADDR=f"198.51.100.{n + 1}")
        assert response.status_code == 200, n
    response = client.post(login_url(), {"username": "boss", "password": "wrong"}, REMOTE_ADDR="203.0.113.77")
    assert response.status_code == 429
    # From yet another address, even the right password is refused for the hour.
    response = client.post(login_url(), {"username": "boss", "password": "the-right-password-1"}, REMOTE_ADDR="192.0.2.9")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    # The colleague, from the same addresses, still signs in.
    response = client.post(login_url(), {"username": "colleague", "password": "another-password-2"}, REMOTE_ADDR="203.0.113.77")
    assert response.status_code == 302


def test_the_lockout_page_is_a_translated_429(client, accounts, settings):
    settings.AXES_FAILURE_LIMIT = 1
    response = client.post(login_url("fr"), {"username": "boss", "password": "wrong"})
    assert response.status_code == 429
    html = response.content.decode()
    assert '<html lang="fr"' in html
    assert "Trop de tentatives de connexion échouées pour ce compte." in html
    assert "60 minutes" in html


def request_from(remote, forwarded=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []
    assert client_ip(request_from("203.0.113.5", "1.2.3.4")) == "203.0.113.5"


@pytest.mark.parametrize(
    "remote, forwarded, expected",
    [
        ("10.0.0.2", "198.51.100.7", "198.51.100.7"),
        # A client's own forged entry is to the left of the one our proxy wrote.
        ("10.0.0.2", "6.6.6.6, 198.51.100.7", "198.51.100.7"),
        # Two proxies of ours.
        ("10.0.0.2", "198.51.100.7, 10.0.0.9", "198.51.100.7"),
        ("10.0.0.2", "2001:db8::1", "2001:db8::1"),
        # Not from the proxy: the header proves nothing.
        ("203.0.113.5", "198.51.100.7", "203.0.113.5"),
        # Garbage: the last address vouched for.
        ("10.0.0.2", "<script>, 10.0.0.9", "10.0.0.9"),
        ("10.0.0.2", "", "10.0.0.2"),
    ],
)
def test_behind_a_trusted_proxy_the_client_is_the_first_untrusted_hop(settings, remote, forwarded, expected):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert client_ip(request_from(remote, forwarded)) == expected


def test_sign_in_records_show_the_real_client_behind_the_proxy(client, accounts, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    client.post(login_url(), {"username": "boss", "password": "wrong"}, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.23")
    assert AccessAttempt.objects.get().ip_address == "198.51.100.23"


def test_passwords_are_hashed_with_argon2id(settings):
    from filmmaker import settings as site_settings

    # The suite hashes with a fast hasher (filmmaker.settings.test); the site's own choice is checked here.
    settings.PASSWORD_HASHERS = site_settings.PASSWORD_HASHERS
    user = User.objects.create_user("editor", password="a-long-enough-password")
    assert user.password.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
    assert user.check_password("a-long-enough-password")


def test_staff_sessions_end_after_thirty_idle_minutes(client, accounts):
    response = client.post(login_url(), {"username": "boss", "password": "the-right-password-1"})
    assert response.status_code == 302
    assert client.session.get_expiry_age() == 30 * 60
    assert client.get(reverse("admin:index")).status_code == 200
    # Thirty minutes without a request later:
    Session.objects.filter(session_key=client.session.session_key).update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_every_staff_request_starts_the_count_again(client, accounts):
    client.post(login_url(), {"username": "boss", "password": "the-right-password-1"})
    key = client.session.session_key
    Session.objects.filter(session_key=key).update(expire_date=timezone.now() + timedelta(minutes=5))
    client.get(reverse("admin:index"))
    remaining = Session.objects.get(session_key=key).expire_date - timezone.now()
    assert timedelta(minutes=29) < remaining <= timedelta(minutes=30)
