"""``{% responsive_image film "poster" sizes="..." class="..." alt=... %}``: an <img> with
width and height (no layout shift) and a srcset of WebP renditions."""

from django import template
from django.utils.html import format_html

from core.images import renditions

register = template.Library()


@register.simple_tag
def responsive_image(obj, field_name, sizes="100vw", alt="", css_class="", loading="eager"):
    image = getattr(obj, field_name, None)
    if not image:
        return ""
    try:
        width, height = image.width, image.height
    except (OSError, ValueError):
        # The file is gone from storage: show nothing rather than break the page.
        return ""
    candidates = [f"{url} {w}w" for w, url in renditions(obj, field_name)]
    candidates.append(f"{image.url} {width}w")
    return format_html(
        '<img class="{}" src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" loading="{}" decoding="async">',
        css_class,
        image.url,
        ", ".join(candidates),
        sizes,
        width,
        height,
        alt,
        loading,
    )
