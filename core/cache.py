"""Django's built-in Redis cache, made to degrade instead of fail.

The page cache, django-imagekit's file states and the health check all go through the
default cache. When Redis does not answer, a visitor should still get the page (built
from the database, uncached) rather than a server error: reads miss and writes are
dropped, each logged. ``/healthz`` notices, because its write-then-read comes back empty.
"""

import logging

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError, TimeoutError

logger = logging.getLogger(__name__)

UNAVAILABLE = (ConnectionError, TimeoutError, OSError)


def _tolerant(method, fallback):
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except UNAVAILABLE as error:
            logger.warning("Cache unavailable (%s): %s", method.__name__, error)
            return fallback(*args, **kwargs) if callable(fallback) else fallback

    wrapper.__name__ = method.__name__
    return wrapper


def _default(key, default=None, *args, **kwargs):
    return default


class TolerantRedisCache(RedisCache):
    get = _tolerant(RedisCache.get, _default)
    get_many = _tolerant(RedisCache.get_many, {})
    set = _tolerant(RedisCache.set, None)
    set_many = _tolerant(RedisCache.set_many, lambda data, *args, **kwargs: list(data))
    add = _tolerant(RedisCache.add, False)
    delete = _tolerant(RedisCache.delete, False)
    delete_many = _tolerant(RedisCache.delete_many, None)
    touch = _tolerant(RedisCache.touch, False)
    has_key = _tolerant(RedisCache.has_key, False)
    clear = _tolerant(RedisCache.clear, False)
    incr = _tolerant(RedisCache.incr, None)
