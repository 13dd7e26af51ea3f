from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

# (label, URL name, the URL names that belong to the section)
NAV = [
    (_("Films"), "films:list", {"films:list", "films:detail"}),
    (_("Festivals"), "awards:festival_list", {"awards:festival_list", "awards:festival_detail"}),
    (_("Awards"), "awards:list", {"awards:list"}),
]


def site(request):
    """Site name and the same page in every language (switcher, hreflang, canonical)."""
    current = get_language()
    path = request.path
    alternates = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        url = translate_url(path, code)
        alternates.append(
            {
                "code": code,
                "name": info["name_local"],
                "bidi": info["bidi"],
                "url": url,
                "absolute_url": request.build_absolute_uri(url),
                "is_current": code == current,
            }
        )
    match = request.resolver_match
    view_name = match.view_name if match else ""
    nav_items = [
        {"label": label, "url": reverse(name), "is_current": view_name in section}
        for label, name, section in NAV
    ]
    return {
        "nav_items": nav_items,
        "site_name": settings.SITE_NAME,
        "language_alternates": alternates,
        "canonical_url": request.build_absolute_uri(path),
        "x_default_url": request.build_absolute_uri("/"),
    }
