"""The test suite's settings: the site's own, less what only slows tests down."""

from .settings import *  # noqa: F403

# Editors sign in hundreds of times in the suite; a slow hasher protects nothing here.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Tests that need press kits build them themselves.
PRESS_KIT_BUILD = "off"
