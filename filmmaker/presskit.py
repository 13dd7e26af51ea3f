"""Press kits: one printable PDF per published person and language, from the site's data.

WeasyPrint lays out an HTML page (``filmmaker/presskit.html`` with ``css/presskit.css``)
with HarfBuzz, so Arabic is joined and runs right to left. The files are written to
``MEDIA_ROOT/presskit/<slug>-<language>.pdf`` and served like any upload; they are made by
``manage.py build_press_kits`` and again after each content change (see ``rebuild_soon``),
in a thread of their own once the change is committed — never while a visitor waits.
"""

import logging
import os
import tempfile
import threading
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import connection, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import get_language_info

from .award_groups import person_awards
from .filmography import filmography, latest_credits
from .views import person_queryset

logger = logging.getLogger(__name__)
FOLDER = "presskit"


def site_url(path=""):
    return settings.PRESS_KIT_SITE_URL.rstrip("/") + path


def file_name(person, language):
    return f"{FOLDER}/{person.slug}-{language}.pdf"


def file_path(person, language):
    return Path(settings.MEDIA_ROOT) / file_name(person, language)


def url(person, language):
    """The press kit's address with its version, or None while it does not exist."""
    path = file_path(person, language)
    try:
        version = int(path.stat().st_mtime)
    except OSError:
        return None
    return f"{settings.MEDIA_URL}{file_name(person, language)}?v={version}"


def context(person, language):
    """What the press kit shows, read in ``language`` (the caller activates it)."""
    awards = list(person_awards(person))
    rows = filmography(latest_credits(person))
    return {
        "person": person,
        "language": language,
        "direction": "rtl" if get_language_info(language)["bidi"] else "ltr",
        "portrait": Path(person.portrait.path).as_uri() if person.portrait and Path(person.portrait.path).exists() else "",
        "filmography": rows,
        "show_runtime": any(row["film"].runtime for row in rows),
        "awards": awards,
        "page_url": site_url(person.get_absolute_url()),
        "site": site_url(),
        "contact": settings.PRESS_KIT_CONTACT,
        "generated": timezone.localdate(),
    }


def render_pdf(person, language):
    """The press kit as PDF bytes. ``person`` comes from ``person_queryset()``."""
    from PIL import ImageFile
    from weasyprint import CSS, HTML  # Imported here: loading Pango is slow, and pages never need it.

    # Importing WeasyPrint makes Pillow accept truncated images process-wide, which would let
    # a cut-off upload through core.images' checks in the same process. Its own images here
    # are portraits that passed those checks.
    ImageFile.LOAD_TRUNCATED_IMAGES = False

    with translation.override(language):
        html = render_to_string("filmmaker/presskit.html", context(person, language))
    stylesheet = finders.find("css/presskit.css")
    return HTML(string=html, base_url=str(Path(stylesheet).parent)).write_pdf(stylesheets=[CSS(filename=stylesheet)])


def write(person, language):
    """Render and replace the file atomically: a reader gets the old file or the new one."""
    path = file_path(person, language)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = render_pdf(person, language)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".pdf.tmp")
    with os.fdopen(handle, "wb") as output:
        output.write(data)
    os.chmod(temporary, 0o644)
    os.replace(temporary, path)
    return path


def build_all():
    """Every published person's press kits in every language; stale ones are removed."""
    wanted = set()
    for person in person_queryset():
        for language, _name in settings.LANGUAGES:
            wanted.add(write(person, language))
    folder = Path(settings.MEDIA_ROOT) / FOLDER
    for path in folder.glob("*.pdf") if folder.exists() else []:
        if path not in wanted:
            path.unlink(missing_ok=True)
    return sorted(wanted)


# -- Rebuilding after a change ------------------------------------------------------------

_lock = threading.Lock()
_state = {"running": False, "again": False}


def _run(threaded=False):
    try:
        while True:
            try:
                build_all()
            except Exception:  # A failed build must not go unnoticed, nor stop later builds.
                logger.exception("Building the press kits failed")
            with _lock:
                if not _state["again"]:
                    _state["running"] = False
                    return
                _state["again"] = False
    finally:
        if threaded:
            # The thread's own database connection would otherwise stay open.
            connection.close()


def rebuild_soon(**kwargs):
    """Rebuild in the background once; a change during a build asks for one more."""
    with _lock:
        if _state["running"]:
            _state["again"] = True
            return None
        _state["running"] = True
    if settings.PRESS_KIT_BUILD == "sync":
        _run()
        return None
    thread = threading.Thread(target=_run, kwargs={"threaded": True}, name="press-kits", daemon=True)
    thread.start()
    return thread


def on_content_change(sender, raw=False, **kwargs):
    # A raw save is a fixture being loaded: `make run` builds the press kits after it.
    if raw or settings.PRESS_KIT_BUILD == "off":
        return
    transaction.on_commit(rebuild_soon)

