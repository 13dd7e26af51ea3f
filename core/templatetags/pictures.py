"""``{% picture film "poster" sizes="..." css_class="..." %}``: the uploaded image with its
responsive renditions and its description in the page's language, or the title card."""

from django import template

from core import title_cards
from core.pictures import uploaded

from .i18n_fields import resolve
from .images import responsive_image

register = template.Library()


@register.inclusion_tag("includes/picture.html")
def picture(obj, field_name, sizes="100vw", css_class="", loading="lazy"):
    if uploaded(obj, field_name) is not None:
        context = responsive_image(obj, field_name, sizes=sizes, alt=resolve(obj, f"{field_name}_alt")[0], css_class=css_class, loading=loading)
        return {"kind": "upload", **context}
    srcset = title_cards.card_srcset(obj)
    if not srcset:
        return {"kind": None}
    # The card repeats the name or title written next to it: decorative, so alt="".
    return {
        "kind": "card",
        "url": srcset[0][0],
        "srcset": ", ".join(f"{url} {width}w" for url, width in srcset),
        "sizes": sizes,
        "width": title_cards.WIDTH,
        "height": title_cards.HEIGHT,
        "css_class": css_class,
        "loading": loading,
    }
