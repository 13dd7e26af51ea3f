"""French typography: the rules, the HTML pass, and the pages in three languages."""

import re

import pytest
from django.test import override_settings
from django.conf import settings
from hypothesis import given, settings as examples
from hypothesis import strategies as st

from core.typography import NBSP, NNBSP, for_language, french, french_html
from tests.browser.pages import PAGE_TYPES, page_url

from . import typography_reference as reference

# --- the rules, on plain text --------------------------------------------------------------


@pytest.mark.parametrize(
    "typed,shown",
    [
        ("l'œuvre d'un cinéaste", "l’œuvre d’un cinéaste"),
        ("Tinghir-Jérusalem : Les Échos du mellah", f"Tinghir-Jérusalem{NBSP}: Les Échos du mellah"),
        ("Recherche: mellah", f"Recherche{NBSP}: mellah"),
        ("islamistes ; le parti", f"islamistes{NNBSP}; le parti"),
        ("Vraiment ? Oui !", f"Vraiment{NNBSP}? Oui{NNBSP}!"),
        ("Quoi ?!", f"Quoi{NNBSP}?!"),
        ("« mellah »", f"«{NBSP}mellah{NBSP}»"),
        ("«mellah»", f"«{NBSP}mellah{NBSP}»"),
        ('le film "Tinghir"', f"le film «{NBSP}Tinghir{NBSP}»"),
        ("Aucun résultat pour “mellah”.", f"Aucun résultat pour «{NBSP}mellah{NBSP}»."),
        ("(dont 5 d'année inconnue) : fin", f"(dont 5 d’année inconnue){NBSP}: fin"),
    ],
)
def test_french_rules(typed, shown):
    assert french(typed) == shown
    assert french(shown) == shown, "applying the rules twice changes nothing"


@pytest.mark.parametrize(
    "untouched",
    [
        "à 19:35",  # a time
        "5'30",  # minutes and seconds
        "https://example.org/films/?q=mellah&page=2",
        "voir http://example.org/a:b",
        "écrire à festival@example.org",
        "2013–2019",
    ],
)
def test_french_rules_leave_times_numbers_and_addresses_alone(untouched):
    assert french(untouched) == untouched


def test_only_french_is_typeset():
    assert for_language("master's degree: CAPES", "en") == "master's degree: CAPES"
    assert for_language("تنغير - جيروزاليم: أصداء الملاح", "ar") == "تنغير - جيروزاليم: أصداء الملاح"
    assert for_language("l'œuvre : x", "fr") == f"l’œuvre{NBSP}: x"


# --- the rules, on HTML ----------------------------------------------------------------------


def test_html_text_is_typeset_markup_is_not():
    html = (
        '<html lang="fr"><head><title>Prix : l&#x27;œuvre</title>'
        '<meta name="description" content="La vie d&#x27;un cinéaste : films">'
        '<meta property="og:url" content="https://example.org/fr/a:b">'
        '<script type="application/ld+json">{"name": "l\'a : b"}</script></head>'
        '<body><p class="x:y" data-v="a : b">Film<span> :</span> <a href="/fr/?q=a:b" title="l&#x27;a">d&#x27;Afrique</a></p>'
        '<span lang="en">master&#x27;s : x</span><code>a : b</code><pre>l\'x</pre>'
        '<svg><line x1="1"/><title>l&#x27;x</title></svg><p>« <em>x</em> »</p></body></html>'
    )
    out = french_html(html)
    assert f"<title>Prix{NBSP}: l’œuvre</title>" in out
    assert f'content="La vie d’un cinéaste{NBSP}: films"' in out
    assert 'content="https://example.org/fr/a:b"' in out
    assert '{"name": "l\'a : b"}' in out, "scripts are data, not text"
    assert 'class="x:y" data-v="a : b"' in out, "other attributes are left alone"
    assert f"Film<span>{NBSP}:</span>" in out, "a colon after a word in the previous element"
    assert 'href="/fr/?q=a:b" title="l’a">d’Afrique</a>' in out
    assert '<span lang="en">master&#x27;s : x</span>' in out, "English inside a French page"
    assert "<code>a : b</code>" in out and "<pre>l'x</pre>" in out
    assert "<title>l’x</title>" in out
    assert f"<p>«{NBSP}<em>x</em>{NBSP}»</p>" in out


def test_html_french_inside_another_language_is_typeset():
    html = '<html lang="ar"><body><p>العنوان الأصلي: <bdi lang="fr">Tinghir-Jérusalem : Les Échos</bdi></p></body></html>'
    out = french_html(html)
    assert "<p>العنوان الأصلي: " in out
    assert f'<bdi lang="fr">Tinghir-Jérusalem{NBSP}: Les Échos</bdi>' in out


def test_html_escaping_is_kept():
    out = french_html('<p lang="fr">a &lt;b&gt; &amp; l&#x27;c : d</p>')
    assert out == f'<p lang="fr">a &lt;b&gt; &amp; l’c{NBSP}: d</p>'


# --- the fast paths give what the plain rules give -------------------------------------------

# Text made of what the rules look at: punctuation, spaces, words, digits, addresses.
TYPED = st.lists(
    st.one_of(
        st.sampled_from(list("aZéœ5_ '\"“”«»:;!?.,)(]…%\u00a0\u202f\t\n-@/&")),
        st.sampled_from(["l'", "5'30", "19:35", " : ", " ?!", "\u00a0»", "« ", "https://x.org/a:b", "www.x.org", "a@b.org", "&#x27;", "&quot;"]),
        st.characters(blacklist_categories=("Cs",)),
    ),
    max_size=40,
).map("".join)
BEFORE = st.sampled_from(["", "a", "5", ")", "]", "…", "%", "»", " ", ":", "'"])
# HTML made of tags that change the language or stop the typesetting, and of such text.
MARKUP = st.sampled_from(
    [
        "<p>", "</p>", '<span lang="fr">', '<span lang="en">', '<bdi lang="fr-CA">', '<div lang="FR">', "</span>",
        "</bdi>", "</div>", "<code>", "</code>", "<pre>", "</pre>", "<br>", "<br/>", '<img alt="l\'a : b">',
        '<a title="x &quot;y&quot; : z" href="https://e.org/?a=b&amp;c">', "</a>", '<meta name="description" content="a : b">',
        '<meta property="og:url" content="a : b">', "<!-- c : d -->", "<!DOCTYPE html>", '<html lang="fr">', "</html>",
        "<textarea>", "</textarea>", "<title>", "</title>", "<svg>", "</svg>", '<td data-label="Année : ">', "</td>",
        '<script type="application/ld+json">{"name": "l\'a : b"}</script>', "<STYLE>q::before { content: 'a : b' }</style>",
    ]
)
HTML = st.lists(st.one_of(MARKUP, TYPED), max_size=30).map("".join)


@examples(max_examples=500, deadline=None, database=None)
@given(text=TYPED, before=BEFORE)
def test_the_rules_give_what_the_plain_rules_give(text, before):
    assert french(text, before) == reference.french(text, before)


@examples(max_examples=300, deadline=None, database=None)
@given(text=st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="'\"“«»:;!?")))
def test_text_without_the_rules_punctuation_is_left_as_it_is(text):
    """What lets french() return such text at once: no rule changes it, whatever comes before."""
    assert reference.french(text) == text
    assert reference.french(text, "a") == text


@examples(max_examples=300, deadline=None, database=None)
@given(html=HTML, lang=st.sampled_from([None, "fr", "en", "ar"]))
def test_the_html_pass_gives_what_the_plain_pass_gives(html, lang):
    assert french_html(html, lang) == reference.french_html(html, lang)


def test_french_ends_where_its_elements_close():
    """Past the last French element of an English page the walk stops; what follows is copied."""
    html = '<html lang="en"><p>a : b</p><p lang="fr">c : d<b> e : f</p> g : h</b><p>i : j</p></html>'
    assert french_html(html) == (
        f'<html lang="en"><p>a : b</p><p lang="fr">c{NBSP}: d<b> e{NBSP}: f</p> g : h</b><p>i : j</p></html>'
    )
    assert french_html('<p lang="en">a : b</p>') == '<p lang="en">a : b</p>'


def test_script_and_style_text_is_skipped_whatever_it_holds():
    html = '<p>a : b</p><script>if (a<b && c>d) x = "l\'a : b";</SCRIPT><style>b>i:after{}</style><p>c : d</p>'
    assert french_html(html, "fr") == (
        f'<p>a{NBSP}: b</p><script>if (a<b && c>d) x = "l\'a : b";</SCRIPT><style>b>i:after{{}}</style><p>c{NBSP}: d</p>'
    )


# --- the pages -------------------------------------------------------------------------------

pytestmark_db = pytest.mark.django_db
_SKIPPED = re.compile(r"<(script|style|code|pre)\b.*?</\1>", re.S)
_TAG = re.compile(r"<[^>]+>")


def visible_text(html):
    """The text a reader sees (tags and scripts removed, entities decoded), spaces kept as they are."""
    from html import unescape

    body = _SKIPPED.sub(" ", html)
    return unescape(_TAG.sub(" ", body))


def pages(code):
    return [page_url(code, url_name, kwargs, query) for _name, url_name, kwargs, query in PAGE_TYPES]


@pytest.mark.django_db
def test_french_pages_are_typeset(client, seed):
    for path in pages("fr"):
        text = visible_text(client.get(path).content.decode())
        assert "'" not in text, f"{path}: straight apostrophe"
        assert '"' not in text, f"{path}: straight quotes"
        # Every colon after a word has a no-break space before it (times like 19:35 excepted).
        assert re.findall(r"\w[ ]?:(?=\s)", text) == [], f"{path}: colon without a no-break space"
        assert re.findall(r"[^\u202f][;!?](?=\s)", text) == [], f"{path}: ; ! ? without a narrow no-break space"
        for quote in re.findall(r"«.|.»", text):
            assert NBSP in quote, f"{path}: guillemets without spaces inside"


@pytest.mark.django_db
def test_french_page_shows_typeset_title_and_guillemets(client, seed):
    html = client.get("/fr/search/", {"q": "mellah"}).content.decode()
    assert f"<title>Recherche{NBSP}: mellah · Kamal Hachkar</title>" in html
    assert re.search(f"«{NBSP}<bdi[^>]*>mellah</bdi>{NBSP}»", html)
    home = client.get("/fr/").content.decode()
    assert f"Tinghir-Jérusalem{NBSP}: Les Échos du mellah" in home
    person = client.get("/fr/people/kamal-hachkar/").content.decode()
    assert "vacances d’été" in person
    assert f"islamistes{NNBSP};" in person


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["ar", "en"])
def test_arabic_and_english_pages_are_untouched(client, seed, code):
    """Without the French pass the pages are the same, except French text quoted in them."""
    french_quoted = re.compile(r'<(\w+) lang="fr"[^>]*>.*?</\1>', re.S)
    middleware = [m for m in settings.MIDDLEWARE if m != "core.typography.FrenchTypographyMiddleware"]
    for path in pages(code):
        typeset = client.get(path).content.decode()
        with override_settings(MIDDLEWARE=middleware):
            plain = client.get(path).content.decode()
        # The CSP nonce and the CSRF token change with every response.
        typeset, plain = (re.sub(r'(nonce|value)="[^"]*"', "", h) for h in (typeset, plain))
        assert french_quoted.sub("", typeset) == french_quoted.sub("", plain), path
        text = visible_text(typeset)
        assert NNBSP not in text and "’" not in french_quoted.sub("", text)


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["fr", "ar", "en"])
def test_every_page_is_typeset_as_by_the_plain_pass(client, seed, code):
    middleware = [m for m in settings.MIDDLEWARE if m != "core.typography.FrenchTypographyMiddleware"]
    with override_settings(MIDDLEWARE=middleware):
        for path in pages(code):
            html = client.get(path).content.decode()
            assert french_html(html) == reference.french_html(html), path


@pytest.mark.django_db
def test_english_keeps_its_apostrophes_and_arabic_has_no_straight_quotes(client, seed):
    english = visible_text(client.get("/en/people/kamal-hachkar/").content.decode())
    assert "master's degree" in english and "France's competitive examination" in english
    for path in pages("ar"):
        arabic = visible_text(client.get(path).content.decode())
        assert "'" not in arabic and '"' not in arabic, path


@pytest.mark.django_db
def test_the_admin_is_not_typeset(admin_client, seed):
    """Editors see the text as they typed it."""
    from films.models import Film

    film = Film.objects.get(slug="tinghir-jerusalem")
    html = admin_client.get(f"/fr/admin/films/film/{film.pk}/change/").content.decode()
    assert "Tinghir-Jérusalem : Les Échos du mellah" in html
