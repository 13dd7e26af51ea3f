"""Test-run environment, read before Django's settings are.

The suite checks pages as they are built, so the whole-page cache is off unless a test
turns it on (tests/filmmaker/test_page_cache.py does), and the default cache lives in a
fresh folder per run instead of the development site's `.cache/`.
"""

import os
import tempfile

os.environ.setdefault("DJANGO_PAGE_CACHE", "0")
os.environ.setdefault("DJANGO_CACHE_DIR", tempfile.mkdtemp(prefix="filmmaker-test-cache-"))
