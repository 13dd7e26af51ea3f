"""The test suite's settings: the site's own, less what only slows tests down."""

from . import *  # noqa: F403

# Editors sign in hundreds of times in the suite; a slow hasher protects nothing here.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Title cards (core.title_cards) take a fraction of a second each: drawn only by the tests
# that are about them (tests/cards/, the screenshots).
TITLE_CARDS = False

# Tests that need press kits build them themselves.
PRESS_KIT_BUILD = "off"
