"""Title cards: a picture for every person, film and festival, in each language.

There is no licensed photograph to show, so each page gets a card drawn from its own
text: a small line naming what it is ("Documentaire", "Festival"), the name or title in
the language's script (Arabic shaped and laid out right to left by libraqm), and a line
with a year or a place. Cards are 1200 × 630 PNGs, the size Open Graph and Twitter ask
for; they stand in for a portrait or a poster until an editor uploads one.

Cards are drawn when an object is saved (signals, below) and by
``manage.py title_cards``; a page only asks the storage whether the file is there, so no
visitor ever waits for one. Each file has a stable name (``cards/film/<slug>.fr.png``); the
text it was drawn from is kept in the PNG as a fingerprint, so saving an object whose
card text did not change draws nothing, and the page adds the file's time to its URL so
browsers and social networks see a changed card.

A model takes part by defining ``title_card_lines()``, returning ``(kicker, title,
subtitle)`` in the active language.
"""

import io
import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import translation
from PIL import Image

from . import page_cache
from .card_drawing import (  # noqa: F401 - the drawing API is used through this module
    FINGERPRINT_KEY,
    FONT_BOLD,
    FONT_REGULAR,
    HEIGHT,
    WIDTH,
    TitleCardError,
    fingerprint,
    render,
    shaping_available,
)

logger = logging.getLogger(__name__)

FOLDER = "cards"
# Smaller WebP copies for the page itself (an infobox is 20rem wide): the 1200-pixel PNG
# stays for Open Graph, and a browser picks from the srcset.
RENDITION_WIDTHS = (480, 640, 960)

def languages():
    return [code for code, _name in settings.LANGUAGES]


def card_name(obj, code):
    return f"{FOLDER}/{obj._meta.model_name}/{obj.slug}.{code}.png"


def section_card_name(key, code):
    return f"{FOLDER}/site/{key}.{code}.png"


def card_lines(obj, code):
    with translation.override(code):
        kicker, title, subtitle = obj.title_card_lines()
    return str(kicker or ""), str(title or ""), str(subtitle or "")


def stored_fingerprint(name):
    if not default_storage.exists(name):
        return None
    try:
        with default_storage.open(name, "rb") as stream, Image.open(stream) as image:
            return image.text.get(FINGERPRINT_KEY)
    except (OSError, ValueError, SyntaxError):
        return None


def rendition_name(name, width):
    return f"{name.removesuffix('.png')}.{width}.webp"


def _store(name, data):
    if default_storage.exists(name):
        default_storage.delete(name)
    saved = default_storage.save(name, ContentFile(data))
    if saved != name:  # pragma: no cover - another process wrote it in between
        default_storage.delete(name)
        default_storage.delete(saved)
        default_storage.save(name, ContentFile(data))


def renditions(data):
    """[(width, WebP bytes)] of the card's PNG ``data``."""
    with Image.open(io.BytesIO(data)) as card:
        card = card.convert("RGB")
        out = []
        for width in RENDITION_WIDTHS:
            small = card.resize((width, round(width * HEIGHT / WIDTH)), Image.LANCZOS)
            stream = io.BytesIO()
            small.save(stream, format="WEBP", quality=80, method=6)
            out.append((width, stream.getvalue()))
        return out


def write_card(name, lines, code, force=False):
    """Draw and store one card and its renditions unless the stored one was drawn from the
    same text (and has them). True if drawn."""
    site_name = site_name_in(code)
    expected = fingerprint((*lines, site_name), code)
    complete = all(default_storage.exists(rendition_name(name, width)) for width in RENDITION_WIDTHS)
    if not force and complete and stored_fingerprint(name) == expected:
        return False
    data = render(*lines, code=code, site_name=site_name)
    _store(name, data)
    for width, webp in renditions(data):
        _store(rendition_name(name, width), webp)
    return True


def site_name_in(code):
    with translation.override(code):
        return str(settings.SITE_NAME)


def update_cards(obj, force=False):
    """Draw ``obj``'s card in every language where its text changed. Returns how many were drawn."""
    if not getattr(obj, "slug", ""):
        return 0
    drawn = 0
    for code in languages():
        try:
            drawn += write_card(card_name(obj, code), card_lines(obj, code), code, force=force)
        except TitleCardError as error:
            logger.error("No %s title card for %s: %s", code, obj, error)
    return drawn


def delete_cards(obj):
    for code in languages():
        name = card_name(obj, code)
        for stored in [name, *(rendition_name(name, width) for width in RENDITION_WIDTHS)]:
            if default_storage.exists(stored):
                default_storage.delete(stored)


def card_models():
    from django.apps import apps

    return [model for model in apps.get_models() if hasattr(model, "title_card_lines")]


def update_all(force=False, sections=()):
    """Every object's cards, and the cards of the site's sections: ``sections`` is
    ``[(key, lines_in_active_language)]``. Returns how many files were drawn."""
    drawn = 0
    for model in card_models():
        for obj in model._default_manager.all():
            drawn += update_cards(obj, force=force)
    for key, make_lines in sections:
        for code in languages():
            with translation.override(code):
                lines = tuple(str(part or "") for part in make_lines())
            try:
                drawn += write_card(section_card_name(key, code), lines, code, force=force)
            except TitleCardError as error:
                logger.error("No %s title card for %s: %s", code, key, error)
    if drawn:
        # No model was saved, yet the pages name the cards with their file time.
        page_cache.bump_generation()
    return drawn


def stored_url(name):
    """The card's URL with its file time as version, or "" when it was not drawn (yet).

    Reads the file system only (no query): pages call this for every card they show.
    """
    try:
        modified = default_storage.get_modified_time(name)
    except (OSError, NotImplementedError):
        return ""
    return f"{default_storage.url(name)}?v={int(modified.timestamp())}"


def card_url(obj, code=None):
    return stored_url(card_name(obj, code or translation.get_language()))


def card_srcset(obj, code=None):
    """[(URL, width)] of the card's renditions and the card itself, those that exist."""
    name = card_name(obj, code or translation.get_language())
    found = [(stored_url(rendition_name(name, width)), width) for width in RENDITION_WIDTHS]
    return [(url, width) for url, width in [*found, (stored_url(name), WIDTH)] if url]


def section_card_url(key, code=None):
    return stored_url(section_card_name(key, code or translation.get_language()))


# Signals: drawn at save, never during a visitor's request.


def enabled():
    """TITLE_CARDS (default True): the test settings turn drawing off except where tested."""
    return getattr(settings, "TITLE_CARDS", True)


def _on_save(sender, instance, raw=False, **kwargs):
    # Fixtures are saved raw, before their relations exist: load_site draws the cards after loading.
    if raw or not enabled():
        return
    update_cards(instance)


def _on_m2m(sender, instance, action, reverse, **kwargs):
    if reverse or action not in {"post_add", "post_remove", "post_clear"}:
        return
    if not enabled() or not hasattr(instance, "title_card_lines"):
        return
    update_cards(instance)


def _on_delete(sender, instance, **kwargs):
    # A deleted object's card would otherwise stay reachable at its stable address.
    delete_cards(instance)


class _TermChanged:
    """A vocabulary term (a genre, an occupation) is on the cards of the objects using it:
    when it is renamed, their cards are drawn again."""

    def __init__(self, model, field_name):
        self.model, self.field_name = model, field_name

    def __call__(self, sender, instance, raw=False, created=False, **kwargs):
        if raw or created or not enabled():
            return
        for obj in self.model._default_manager.filter(**{self.field_name: instance}):
            update_cards(obj)


_term_handlers = []


def connect_signals():
    from .models import Vocabulary

    for model in card_models():
        label = model._meta.label_lower
        for field in model._meta.get_fields():
            related = getattr(field, "related_model", None)
            if field.auto_created or not (field.many_to_one or field.many_to_many) or not related:
                continue
            if issubclass(related, Vocabulary):
                handler = _TermChanged(model, field.name)
                _term_handlers.append(handler)  # signals keep weak references
                post_save.connect(handler, sender=related, dispatch_uid=f"title-card-{label}-{field.name}-term")
        post_save.connect(_on_save, sender=model, dispatch_uid=f"title-card-{label}")
        post_delete.connect(_on_delete, sender=model, dispatch_uid=f"title-card-delete-{label}")
        for field in model._meta.many_to_many:
            m2m_changed.connect(_on_m2m, sender=field.remote_field.through, dispatch_uid=f"title-card-{label}-{field.name}")
