"""Settings for the Filmmaker site.

Everything that differs between a laptop, CI and production comes from the environment;
the defaults give a working development site on SQLite. base.py holds the site's own
settings, serving.py what production serving adds; test.py is the test suite's.
"""

from .serving import *  # noqa: F403
