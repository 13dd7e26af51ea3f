from urllib.parse import urlencode

from django.conf import settings
from django.db import DatabaseError
from django.urls import NoReverseMatch, translate_url
from django.utils.translation import get_language, get_language_info, override
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from core.page_cache import remember
from core.paths import page_path
from people.models import Person

# (label, URL name, the URL names that belong to the section)
PEOPLE_NAV = (_("People"), "people:list", {"people:list", "people:detail"})
NAV = [
    (_("Films"), "films:list", {"films:list", "films:detail"}),
    (_("Festivals"), "awards:festival_list", {"awards:festival_list", "awards:festival_detail"}),
    (_("Awards"), "awards:list", {"awards:list"}),
]

# Open Graph wants a territory with the language.
OG_LOCALES = {"fr": "fr_FR", "ar": "ar_AR", "en": "en_GB"}

# The web fonts a page's text is set in, fetched with the stylesheet rather than when layout
# finds them, so that they arrive together and usually before the first paint. Arabic text
# takes its letters from the Arabic faces and its spaces, digits and brackets from the Latin
# files (site.css): when the four files came in one by one, a long Arabic heading on a phone
# re-wrapped at each arrival and pushed the page down and up again. Latin text has
# metric-matched local stand-ins, so the other pages preload their body face only.
PRELOADED_FONTS = {
    "ar": (
        "fonts/noto-sans-arabic-arabic-400-normal.woff2",
        "fonts/noto-sans-arabic-arabic-700-normal.woff2",
        "fonts/noto-sans-latin-400-normal.woff2",
        "fonts/noto-sans-latin-figures-700-normal.woff2",
    ),
}
LATIN_FONTS = ("fonts/noto-sans-latin-400-normal.woff2",)

# Query parameters that make a different page (kept in canonical and alternate URLs).
PAGE_PARAMETERS = ("page",)


def _page_query(request):
    kept = [(key, request.GET[key]) for key in PAGE_PARAMETERS if request.GET.get(key, "").isdigit()]
    kept = [(key, value) for key, value in kept if value != "1"]
    return f"?{urlencode(kept)}" if kept else ""


def _unprefixed(default_path):
    """``default_path``, the page in the default language, without its language prefix."""
    prefix = f"/{settings.LANGUAGE_CODE}/"
    # One leading slash only: "//name" would read as another host's address.
    return "/" + default_path.removeprefix(prefix).lstrip("/")


def _in_language(path, code, match):
    """The same page in ``code``: the request's own match reversed in that language (what
    translate_url() does, without resolving the address again for each language). An
    address that does not resolve (a 404) keeps its path; only the language prefix changes,
    so each link leads to its language."""
    if match is not None:
        with override(code):
            try:
                return page_path(match.view_name, args=match.args, kwargs=match.captured_kwargs)
            except NoReverseMatch:
                return path
    for other, _name in settings.LANGUAGES:
        if path == f"/{other}" or path.startswith(f"/{other}/"):
            return f"/{code}/" + path[len(other) + 2 :]
    return translate_url(path, code)


def people_in_navigation():
    """The people index is linked from every page once it lists more than one person."""
    try:
        return remember("people-in-navigation", lambda: Person.objects.published()[:2].count() > 1)
    except DatabaseError:
        return False  # the 503 page still has its navigation


def site(request):
    """Site name, navigation and the same page in every language (switcher, hreflang, canonical, Open Graph)."""
    current = get_language()
    path = request.path
    page_query = _page_query(request)
    full_query = request.META.get("QUERY_STRING", "")
    alternates = []
    match = request.resolver_match
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        url = _in_language(path, code, match)
        alternates.append(
            {
                "code": code,
                "name": info["name_local"],
                "bidi": info["bidi"],
                "dir": "rtl" if info["bidi"] else "ltr",
                "url": url,
                # The switcher keeps the visitor's query (a search stays a search).
                "switch_url": f"{url}?{full_query}" if full_query else url,
                "absolute_url": request.build_absolute_uri(url + page_query),
                "og_locale": OG_LOCALES.get(code, code),
                "is_current": code == current,
            }
        )
    view_name = match.view_name if match else ""

    def nav_items():
        sections = [PEOPLE_NAV, *NAV] if people_in_navigation() else NAV
        return [{"label": label, "url": page_path(name), "is_current": view_name in section} for label, name, section in sections]

    alternates_by_code = {alternate["code"]: alternate["url"] for alternate in alternates}
    return {
        # Lazy: only pages that show the navigation work out whether it links the people.
        "nav_items": SimpleLazyObject(nav_items),
        "site_name": settings.SITE_NAME,
        "language_alternates": alternates,
        "canonical_url": request.build_absolute_uri(path + page_query),
        # x-default: the address without a language prefix, which sends each visitor to
        # their own language (LocaleMiddleware), as sitemap.xml says too.
        "x_default_url": request.build_absolute_uri(_unprefixed(alternates_by_code[settings.LANGUAGE_CODE]) + page_query),
        "og_locale": OG_LOCALES.get(current, current),
        "preloaded_fonts": PRELOADED_FONTS.get(current, LATIN_FONTS),
        "search_url": page_path("search"),
        "search_query": request.GET.get("q", "")[:200] if view_name == "search" else "",
    }
