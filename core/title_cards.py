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

import hashlib
import logging
from io import BytesIO
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models.signals import m2m_changed, post_save
from django.utils import translation
from django.utils.translation import get_language_info
from PIL import Image, ImageDraw, ImageFont, PngImagePlugin, features

logger = logging.getLogger(__name__)

WIDTH, HEIGHT = 1200, 630
FOLDER = "cards"
FONTS = Path(__file__).resolve().parent / "fonts"
FONT_REGULAR = FONTS / "NotoSansCard-Regular.ttf"
FONT_BOLD = FONTS / "NotoSansCard-Bold.ttf"

# The site's colours (static/css/site.css).
PAPER = "#fdfcf9"
PANEL = "#f3efe7"
INK = "#1c1b1a"
MUTED = "#555049"
ACCENT = "#8a2d12"
LINE = "#d8d1c4"

MARGIN = 96
BAR = 28
TITLE_SIZES = (88, 76, 66, 58, 50)
MAX_TITLE_LINES = 3
FINGERPRINT_KEY = "filmmaker-card"


class TitleCardError(RuntimeError):
    """A card cannot be drawn on this machine (a missing library or font)."""


def languages():
    return [code for code, _name in settings.LANGUAGES]


def shaping_available():
    """Arabic needs libraqm (with FriBiDi and HarfBuzz) to join and order its letters."""
    return features.check("raqm")


def _layout(code):
    if shaping_available():
        return ImageFont.Layout.RAQM
    if get_language_info(code)["bidi"]:
        raise TitleCardError(
            "Arabic title cards need Pillow with libraqm; on Debian install libfribidi0 "
            "(and libraqm0 when Pillow was not built with its own copy)."
        )
    return ImageFont.Layout.BASIC


def font(size, bold=False, code="fr"):
    path = FONT_BOLD if bold else FONT_REGULAR
    if not path.is_file():
        raise TitleCardError(f"The title-card font {path} is missing (see core/fonts/build_card_fonts.py).")
    return ImageFont.truetype(str(path), size, layout_engine=_layout(code))


def card_name(obj, code):
    return f"{FOLDER}/{obj._meta.model_name}/{obj.slug}.{code}.png"


def section_card_name(key, code):
    return f"{FOLDER}/site/{key}.{code}.png"


def card_lines(obj, code):
    with translation.override(code):
        kicker, title, subtitle = obj.title_card_lines()
    return str(kicker or ""), str(title or ""), str(subtitle or "")


def fingerprint(lines, code):
    data = "\x1f".join([code, *lines, str(WIDTH), str(HEIGHT), "v1"]).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:24]


def _direction(code):
    return "rtl" if get_language_info(code)["bidi"] else "ltr"


def _wrap(text, face, width, direction, code):
    """Greedy wrapping by words, measured with the shaping engine."""
    words = text.split()
    lines, current = [], ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if current and face.getlength(candidate, direction=direction, language=code) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


TOP, BOTTOM = 56, HEIGHT - 118 - 40  # the area above the footer band
KICKER_SIZE, SUBTITLE_SIZE, SITE_SIZE = 36, 40, 34


def _leading(size, rtl):
    # Arabic needs more room between lines (as on the site: line-height 1.9 against 1.6).
    return int(size * (1.45 if rtl else 1.18))


def _block_height(size, line_count, kicker, subtitle, rtl):
    height = line_count * _leading(size, rtl)
    if kicker:
        height += KICKER_SIZE + 28
    if subtitle:
        height += SUBTITLE_SIZE + 28
    return height


def _fit_title(title, width, direction, code, kicker, subtitle):
    """The largest title size whose lines (at most three) fit the card with the other lines."""
    rtl = direction == "rtl"
    for size in TITLE_SIZES:
        face = font(size, bold=True, code=code)
        lines = _wrap(title, face, width, direction, code)
        fits_width = all(face.getlength(line, direction=direction, language=code) <= width for line in lines)
        if fits_width and len(lines) <= MAX_TITLE_LINES and _block_height(size, len(lines), kicker, subtitle, rtl) <= BOTTOM - TOP:
            return face, size, lines
    size = TITLE_SIZES[-1]
    face = font(size, bold=True, code=code)
    lines = _wrap(title, face, width, direction, code)
    if len(lines) > MAX_TITLE_LINES:
        lines = lines[:MAX_TITLE_LINES]
        lines[-1] = lines[-1] + " …"
    return face, size, lines


def render(kicker, title, subtitle, code, site_name=""):
    """The card as PNG bytes."""
    direction = _direction(code)
    rtl = direction == "rtl"
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    # A band of the site's accent colour on the side where reading starts.
    band_x = WIDTH - BAR if rtl else 0
    draw.rectangle([0, HEIGHT - 118, WIDTH, HEIGHT], fill=PANEL)
    draw.line([0, HEIGHT - 118, WIDTH, HEIGHT - 118], fill=LINE, width=2)
    draw.rectangle([band_x, 0, band_x + BAR - 1, HEIGHT], fill=ACCENT)

    start = WIDTH - MARGIN if rtl else MARGIN
    anchor = "rs" if rtl else "ls"  # on the baseline, aligned where reading starts
    text_width = WIDTH - 2 * MARGIN
    options = {"direction": direction, "language": code, "anchor": anchor}

    title_face, size, lines = _fit_title(title, text_width, direction, code, kicker, subtitle)
    leading = _leading(size, rtl)
    # Centre the block of lines in the area above the footer band.
    y = TOP + (BOTTOM - TOP - _block_height(size, len(lines), kicker, subtitle, rtl)) // 2
    if kicker:
        y += KICKER_SIZE
        draw.text((start, y), kicker, font=font(KICKER_SIZE, code=code), fill=ACCENT, **options)
        y += 28
    for line in lines:
        y += leading
        # The baseline sits about a fifth of the line above its bottom.
        draw.text((start, y - int(leading * 0.22)), line, font=title_face, fill=INK, **options)
    if subtitle:
        y += 28 + SUBTITLE_SIZE
        draw.text((start, y), subtitle, font=font(SUBTITLE_SIZE, code=code), fill=MUTED, **options)
    if site_name:
        draw.text((start, HEIGHT - 46), site_name, font=font(SITE_SIZE, bold=True, code=code), fill=INK, **options)

    info = PngImagePlugin.PngInfo()
    info.add_text(FINGERPRINT_KEY, fingerprint((kicker, title, subtitle, site_name), code))
    output = BytesIO()
    # compress_level 6 without optimize: a third of the time for a file 5% larger.
    image.save(output, format="PNG", compress_level=6, pnginfo=info)
    return output.getvalue()


def stored_fingerprint(name):
    if not default_storage.exists(name):
        return None
    try:
        with default_storage.open(name, "rb") as stream, Image.open(stream) as image:
            return image.text.get(FINGERPRINT_KEY)
    except (OSError, ValueError, SyntaxError):
        return None


def write_card(name, lines, code, force=False):
    """Draw and store one card unless the stored one was drawn from the same text. True if drawn."""
    site_name = site_name_in(code)
    expected = fingerprint((*lines, site_name), code)
    if not force and stored_fingerprint(name) == expected:
        return False
    data = render(*lines, code=code, site_name=site_name)
    if default_storage.exists(name):
        default_storage.delete(name)
    saved = default_storage.save(name, ContentFile(data))
    if saved != name:  # pragma: no cover - another process wrote it in between
        default_storage.delete(name)
        default_storage.delete(saved)
        default_storage.save(name, ContentFile(data))
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
        if default_storage.exists(name):
            default_storage.delete(name)


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


def connect_signals():
    for model in card_models():
        label = model._meta.label_lower
        post_save.connect(_on_save, sender=model, dispatch_uid=f"title-card-{label}")
        for field in model._meta.many_to_many:
            m2m_changed.connect(_on_m2m, sender=field.remote_field.through, dispatch_uid=f"title-card-{label}-{field.name}")
