"""The picture of a person, a film or a festival: the uploaded image when there is one,
otherwise its title card (core.title_cards), for the page and for Open Graph / Twitter."""

from django.utils.translation import gettext

from . import title_cards
from .structured_data import absolute, text


def uploaded(obj, field_name):
    """The uploaded image of ``field_name`` if its file is really there, else None."""
    image = getattr(obj, field_name, None) if field_name else None
    if not image:
        return None
    try:
        image.width  # noqa: B018 - opens the file: a row whose file is gone has no picture
    except (OSError, ValueError):
        return None
    return image


def card_alt(obj):
    title = text(obj, "title") or text(obj, "name")
    return gettext("Title card: %(title)s") % {"title": title}


def page_image(obj, field_name, request):
    """Open Graph fields for the page of ``obj``: image, image_alt, image_width, image_height."""
    image = uploaded(obj, field_name)
    if image is not None:
        return {
            "image": absolute(request, image.url),
            "image_alt": text(obj, f"{field_name}_alt"),
            "image_width": image.width,
            "image_height": image.height,
        }
    url = title_cards.card_url(obj)
    if not url:
        return {}
    return {
        "image": absolute(request, url),
        "image_alt": card_alt(obj),
        "image_width": title_cards.WIDTH,
        "image_height": title_cards.HEIGHT,
    }


def section_image(key, label, request):
    url = title_cards.section_card_url(key)
    if not url:
        return {}
    return {
        "image": absolute(request, url),
        "image_alt": gettext("Title card: %(title)s") % {"title": label},
        "image_width": title_cards.WIDTH,
        "image_height": title_cards.HEIGHT,
    }


def image_url(obj, field_name, request):
    """An absolute URL of the picture, for structured data."""
    return page_image(obj, field_name, request).get("image", "")
