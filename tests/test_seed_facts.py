"""Every fact of the seed article is on the site, in French, Arabic and English.

The article (fixtures/kamal_hachkar.json carries it in three languages) says:
born 25 February 1977 in Tinghir, Morocco, to a Berber family; director and academic;
Moroccan and French; left for France at six months, where his father had worked since 1968;
a master's degree at the Sorbonne; a teacher in 2005; Tinghir-Jerusalem (2013) and In Your Eyes,
I See My Country (2019), both directed and written by him, both documentaries; awards at the
Moroccan National Film Festival, Paris International Fantastic Film Festival, Lights of Africa,
Ashkelon Jewish Eye, FICMEC in Nador (two prizes) and, in 2015, New York Sephardic Jewish Film Festival.
"""

import re
from types import SimpleNamespace

import pytest
from django.utils import translation
from django.utils.translation import gettext

from tests.rendered import LANGUAGES, tables, text, url
from tests.seed_text import DIRECTOR, DOCUMENTARY, TITLE_2013, TITLE_2019, WRITER

pytestmark = pytest.mark.django_db

# The person page holds the profile; the home page only introduces the person.
HOME = ("people:detail", {"slug": "kamal-hachkar"})
TINGHIR_PAGE = ("films:detail", {"slug": "tinghir-jerusalem"})
FILMS = ("films:list", {})
FESTIVALS = ("awards:festival_list", {})
FICMEC_PAGE = ("awards:festival_detail", {"slug": "ficmec"})
AWARDS = ("awards:list", {})


# (fact, page, {language: the words a reader finds there})
FACTS = [
    ("name", HOME, {"fr": "Kamal Hachkar", "ar": "كمال هشكار", "en": "Kamal Hachkar"}),
    ("birth date", HOME, {"fr": "25 février 1977", "ar": "25 فبراير 1977", "en": "25 February 1977"}),
    ("birthplace", HOME, {"fr": "Tinghir, Maroc", "ar": "تنغير، المغرب", "en": "Tinghir, Morocco"}),
    ("occupation: director", HOME, DIRECTOR),
    ("occupation: academic", HOME, {"fr": "universitaire", "ar": "أكاديمي", "en": "academic"}),
    ("nationality: Moroccan", HOME, {"fr": "marocaine", "ar": "مغربية", "en": "Moroccan"}),
    ("nationality: French", HOME, {"fr": "française", "ar": "فرنسية", "en": "French"}),
    ("Franco-Moroccan filmmaker", HOME, {"fr": "franco-marocain", "ar": "مغربي فرنسي", "en": "Franco-Moroccan"}),
    ("Berber family", HOME, {"fr": "famille berbère", "ar": "لعائلة أمازيغية", "en": "Berber family"}),
    ("left at six months", HOME, {"fr": "six mois", "ar": "ستة أشهر", "en": "six months old"}),
    ("father in France since 1968", HOME, {"fr": "depuis 1968", "ar": "منذ عام 1968", "en": "since 1968"}),
    ("summer visits to Tinghir", HOME, {"fr": "vacances d’été", "ar": "العطل الصيفية", "en": "summer holidays"}),
    (
        "master's degree in medieval history",
        HOME,
        {"fr": "master en histoire médiévale", "ar": "الماجستير في تاريخ العصور الوسطى", "en": "medieval history"},
    ),
    ("Sorbonne", HOME, {"fr": "à la Sorbonne", "ar": "من جامعة السوربون", "en": "at the Sorbonne"}),
    (
        "teacher in 2005",
        HOME,
        {"fr": "En 2005, il devient enseignant", "ar": "وفي عام 2005 أصبح أستاذًا", "en": "In 2005, he became a teacher"},
    ),
    (
        "after passing the CAPES",
        HOME,
        {
            "fr": "après avoir été reçu au CAPES",
            "ar": "بعد حصوله على شهادة الكفاءة لأساتذة التعليم الثانوي (CAPES)",
            "en": "after passing the CAPES, France's competitive examination for secondary-school teachers",
        },
    ),
    ("French protectorate", TINGHIR_PAGE, {"fr": "protectorat français", "ar": "الحماية الفرنسية", "en": "French protectorate"}),
    ("criticised by Islamists", TINGHIR_PAGE, {"fr": "islamistes", "ar": "الإسلاميون", "en": "Islamists"}),
    (
        "Justice and Development Party",
        TINGHIR_PAGE,
        {"fr": "Parti de la justice et du développement", "ar": "حزب العدالة والتنمية", "en": "Justice and Development Party"},
    ),
    ("critical acclaim", TINGHIR_PAGE, {"fr": "salué par la critique", "ar": "استحسان النقاد", "en": "critical acclaim"}),
    ("film of 2013", FILMS, TITLE_2013),
    ("film of 2019", FILMS, TITLE_2019),
    ("documentary", FILMS, DOCUMENTARY),
    ("FICMEC", FICMEC_PAGE, {"fr": "FICMEC", "ar": "FICMEC", "en": "FICMEC"}),
    ("Nador", FICMEC_PAGE, {"fr": "Nador", "ar": "الناظور", "en": "Nador"}),
]

FESTIVAL_NAMES = {
    "moroccan": {
        "fr": "Festival national du film marocain",
        "ar": "المهرجان الوطني للفيلم المغربي",
        "en": "Moroccan National Film Festival",
    },
    "paris": {
        "fr": "Festival international du film fantastique de Paris",
        "ar": "مهرجان باريس الدولي للفيلم الفانتاستيكي",
        "en": "Paris International Fantastic Film Festival",
    },
    "africa": {"fr": "Festival Lumières d’Afrique", "ar": "مهرجان أضواء إفريقيا", "en": "Lights of Africa Festival"},
    "ashkelon": {
        "fr": "Festival Jewish Eye d’Ashkelon",
        "ar": "مهرجان العين اليهودية في عسقلان",
        "en": "Ashkelon Jewish Eye Festival",
    },
    "ficmec": {
        "fr": "Festival international de cinéma et mémoire commune de Nador (FICMEC)",
        "ar": "المهرجان الدولي للسينما والذاكرة المشتركة بالناظور (FICMEC)",
        "en": "Nador International Festival of Cinema and Common Memory (FICMEC)",
    },
    "new-york": {
        "fr": "Festival du film juif séfarade de New York",
        "ar": "مهرجان نيويورك للسينما اليهودية السفاردية",
        "en": "New York Sephardic Jewish Film Festival",
    },
}

# (year or None, festival, {language: category}) — every prize the article names.
PRIZES = [
    (None, "moroccan", {"fr": "Plusieurs prix", "ar": "عدة جوائز", "en": "Several awards"}),
    (
        2013,
        "paris",
        {"fr": "Prix du meilleur documentaire", "ar": "جائزة أفضل فيلم وثائقي", "en": "Best Documentary Award"},
    ),
    (
        2013,
        "africa",
        {
            "fr": "Grand Prix Eden du documentaire",
            "ar": "الجائزة الكبرى «إيدن» للفيلم الوثائقي",
            "en": "Grand Prix Eden for Documentary",
        },
    ),
    (
        None,
        "ashkelon",
        {"fr": "Prix du meilleur documentaire", "ar": "جائزة أفضل فيلم وثائقي", "en": "Best Documentary Award"},
    ),
    (
        None,
        "ficmec",
        {
            "fr": "Grand Prix du meilleur documentaire",
            "ar": "الجائزة الكبرى لأفضل فيلم وثائقي",
            "en": "Grand Prize for Best Documentary",
        },
    ),
    (
        None,
        "ficmec",
        {
            "fr": "Prix de la presse locale et du public",
            "ar": "جائزة الصحافة المحلية والجمهور",
            "en": "Local and Public Press Award",
        },
    ),
    (
        2015,
        "new-york",
        {
            "fr": "Prix Pomegranate pour l’excellence séfarade dans les arts",
            "ar": "جائزة الرمانة للتميز السفاردي في الفنون",
            "en": "Pomegranate Award for Sephardi Excellence in the Arts",
        },
    ),
]


class Site:
    """The pages of one language, each fetched once."""

    def __init__(self, client, code):
        self.client, self.code, self.pages = client, code, {}

    def get(self, page):
        name, kwargs = page
        key = (name, tuple(sorted(kwargs.items())))
        if key not in self.pages:
            response = self.client.get(url(self.code, name, **kwargs))
            assert response.status_code == 200, f"{name} answered {response.status_code}"
            self.pages[key] = response
        return self.pages[key]


def headers(code, *messages):
    with translation.override(code):
        return [gettext(m) for m in messages]


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_fact_of_the_article_is_on_the_site(client, seed, code):
    site = Site(client, code)
    missing = [fact for fact, page, words in FACTS if words[code] not in text(site.get(page))]
    assert missing == [], f"Not on the {code} site: {missing}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_both_films_directed_and_written_documentaries_in_their_years(client, seed, code):
    site = Site(client, code)
    filmography = next(
        t for t in tables(site.get(HOME)) if t["headers"] == headers(code, "Year", "Film", "Role", "Genre", "Ref.")
    )
    years_and_titles = [(row[0], row[1]) for row in filmography["rows"]]
    assert years_and_titles == [("2013", TITLE_2013[code]), ("2019", TITLE_2019[code])]
    for row in filmography["rows"]:
        assert DIRECTOR[code] in row[2] and WRITER[code] in row[2]
        assert row[3] == DOCUMENTARY[code]


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_prize_is_listed_with_its_festival_and_year(client, seed, code):
    site = Site(client, code)
    # Under each year's heading, a table without a Year column (it would repeat the heading)
    # and without an Outcome column (every prize was won).
    award_headers = headers(code, "Festival", "Award", "Film")
    (unknown,) = headers(code, "Year not known")
    html = site.get(AWARDS).content.decode()
    rows = []
    for year, section in re.findall(r'<section aria-labelledby="year-(\w+)">(.*?)</section>', html, re.S):
        for table in tables(SimpleNamespace(content=section.encode())):
            assert table["headers"] == award_headers
            rows += [(unknown if year == "unknown" else year, *row) for row in table["rows"]]
    listed = sorted((row[0], row[1], row[2]) for row in rows)
    expected = sorted(
        (str(year) if year else unknown, FESTIVAL_NAMES[festival][code], category[code])
        for year, festival, category in PRIZES
    )
    # An unknown year is shown as a dash with the words for screen readers: "— Year not known".
    listed = [(unknown if unknown in year else year, festival, category) for year, festival, category in listed]
    assert listed == expected


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_festival_is_on_the_festival_list(client, seed, code):
    page = text(Site(client, code).get(FESTIVALS))
    missing = [key for key, names in FESTIVAL_NAMES.items() if names[code].replace(" (FICMEC)", "") not in page]
    assert missing == []
