"""``{% responsive_image film "poster" sizes="..." css_class="..." alt=... %}``: an <img> with
width and height (no layout shift) and a srcset of WebP renditions."""

from django import template

from core.images import renditions

register = template.Library()


@register.inclusion_tag("includes/responsive_image.html")
def responsive_image(obj, field_name, sizes="100vw", alt="", css_class="", loading="eager"):
    image = getattr(obj, field_name, None)
    if not image:
        return {"image": None}
    try:
        width, height = image.width, image.height
    except (OSError, ValueError):
        # The file is gone from storage: show nothing rather than break the page.
        return {"image": None}
    candidates = [f"{url} {w}w" for w, url in renditions(obj, field_name)]
    candidates.append(f"{image.url} {width}w")
    return {
        "image": image,
        "srcset": ", ".join(candidates),
        "sizes": sizes,
        "width": width,
        "height": height,
        "alt": alt,
        "css_class": css_class,
        "loading": loading,
    }
