"""Gunicorn settings for `make serve` and for production.

    gunicorn -c filmmaker/gunicorn.conf.py filmmaker.wsgi

HOST and PORT choose the address as for `make run`; WEB_CONCURRENCY the number of
worker processes (one per core by default: the work is CPU-bound rendering, and the
page cache, shared through Redis or files, serves most requests). Everything else comes
from the same environment variables as the site (README, Configuration).
"""

import gc
import multiprocessing
import os

# The site's production mode: hashed, compressed static files; no media from Django
# unless DJANGO_SERVE_MEDIA=1; DEBUG off unless asked for explicitly.
os.environ.setdefault("DJANGO_PRODUCTION", "1")
os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "filmmaker.settings")

wsgi_app = "filmmaker.wsgi:application"
bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count()))
worker_class = "sync"
# Slow clients belong to a reverse proxy in front; a stuck request is cut after this.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 10
keepalive = 5
# A worker is replaced after this many requests (with jitter, so not all at once),
# which bounds the memory any slow leak can take.
max_requests = 5000
max_requests_jitter = 500
# The site is loaded once, in the master, before the workers are forked: a replaced worker
# starts serving at once instead of importing Django again (a second of CPU taken from the
# other worker each time, which showed as dips in throughput under load), and the workers
# share the loaded code's memory. Nothing opens a database connection while loading.
preload_app = True

# Trust X-Forwarded-* only from these addresses (the proxy in front).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Gunicorn's runtime control socket has one default path per user: two servers on one
# machine (two ports, or two sites) would fight over it. It is not needed to run the site.
control_socket_disable = True

# A request allocates tens of thousands of objects that all die when it ends. At Python's
# default threshold the youngest generation is collected every 2,000 allocations, many times
# a request, promoting the request's objects to older generations that are walked again
# later; at this one it is collected about once a request. (+5 to 10 % requests a second
# on the person page, uncached.)
GC_YOUNG_THRESHOLD = 50_000


def pre_fork(server, worker):
    # What the master loaded lives as long as the worker: frozen, the garbage collector no
    # longer walks it on every full collection, nor writes to its pages (which the workers
    # would each copy instead of sharing).
    gc.freeze()
    gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])
