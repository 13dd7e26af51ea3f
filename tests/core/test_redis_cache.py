"""The page cache on Redis (db 8 of the local server, or FILMMAKER_TEST_REDIS_URL): the
same behaviour as with files. Skipped when Redis is absent, except in CI where it fails."""

import os
import uuid

import pytest

from tests.rendered import LANGUAGES, text, url

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("FILMMAKER_TEST_REDIS_URL", "redis://127.0.0.1:6379/8")
PERSON = {"slug": "kamal-hachkar"}


@pytest.fixture
def redis_cache(settings):
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis does not answer at {REDIS_URL}, and CI must run the Redis tests")
        pytest.skip(f"Redis does not answer at {REDIS_URL}")
    prefix = f"filmmaker-test-{uuid.uuid4().hex[:8]}"
    settings.PAGE_CACHE = True
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.TolerantRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    yield client
    keys = list(client.scan_iter(f"{prefix}:*"))
    if keys:
        client.delete(*keys)


def test_pages_are_cached_in_redis_and_renewed_by_a_save(client, seed, redis_cache, django_capture_on_commit_callbacks):
    page = url("en", "people:detail", **PERSON)
    assert client.get(page)["X-Page-Cache"] == "miss"
    assert client.get(page)["X-Page-Cache"] == "hit"
    assert any(b"pagecache:page" in key for key in redis_cache.scan_iter("filmmaker-test-*"))
    with django_capture_on_commit_callbacks(execute=True):
        seed.name_en = "Kamal Hachkar, renamed"
        seed.save()
    response = client.get(page)
    assert response["X-Page-Cache"] == "miss" and "Kamal Hachkar, renamed" in text(response)
    for code in LANGUAGES:
        assert client.get(url(code, "home")).status_code == 200


def test_healthz_with_redis(client, redis_cache):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json()["cache"] == "ok"
